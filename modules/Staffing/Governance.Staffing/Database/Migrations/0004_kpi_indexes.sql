-- The open month's KPIs at province scale read only that month's movements: by date, not by unit.
create index ledger_lines_effective on staffing.ledger_lines (effective_on);
create index holdings_entered on staffing.holdings (entered_on);
create index holdings_exited on staffing.holdings (exited_on) where exited_on is not null;

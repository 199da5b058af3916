-- Change feed (ChangeFeed in the SharedKernel) of the ledger's movements: the id of the transaction that wrote each
-- line (its default). Lines are never changed, so no update trigger is needed; lines written before this migration
-- have 0 and come first.
alter table staffing.ledger_lines add column changed_xid bigint not null default 0;
alter table staffing.ledger_lines alter column changed_xid set default pg_current_xact_id()::text::bigint;
create index ledger_lines_changes on staffing.ledger_lines (changed_xid, id);

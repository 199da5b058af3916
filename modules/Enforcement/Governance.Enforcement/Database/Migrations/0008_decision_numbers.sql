-- 决定书 numbers are unique per team and year (team_id, decision_year, decision_seq), not across the province: two
-- counties may each have a 城关镇 whose team numbers 城关综执罚决〔2026〕1号. The global unique constraint made the
-- second county's first decision fail (found loading a ten-county demo); searching by number keeps an index.
alter table enforcement.cases drop constraint cases_decision_no_key;
create index cases_decision_no on enforcement.cases (decision_no) where decision_no is not null;

-- The case list's first pages for a county or the province, newest first: without an index in that order PostgreSQL
-- sorted every case in scope for page 1 (55 ms at 36,000 cases, page 728 took 17 ms); with it, it walks the newest
-- and filters by scope. A township's list keeps using cases_scope.
create index cases_received on enforcement.cases (received_at desc, id desc);

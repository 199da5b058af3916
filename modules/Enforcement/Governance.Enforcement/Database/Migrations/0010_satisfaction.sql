-- 执法满意度: the results of the surveys the county runs about a township team's enforcement (问卷, 电话回访, 网上评议),
-- recorded per survey. A survey is never changed (append-only for the API's role); a wrong one is corrected by a new
-- record that names it (corrects_id), and only the newest of such a chain counts.
create table enforcement.satisfaction_surveys (
    id           uuid primary key,
    team_id      uuid not null references enforcement.teams (id),
    region_path  text not null,                 -- the team's township: the scope
    surveyed_on  date not null,                 -- the KPI month is this date's
    method       text not null check (method in ('questionnaire', 'phone', 'online')),
    respondents  int not null check (respondents between 1 and 100000),
    satisfied    int not null check (satisfied between 0 and respondents),  -- 满意 and 基本满意
    note         text,
    corrects_id  uuid unique references enforcement.satisfaction_surveys (id),
    recorded_at  timestamptz not null,
    recorded_by  text not null
);
create index satisfaction_surveys_scope
    on enforcement.satisfaction_surveys (region_path text_pattern_ops, surveyed_on desc, id desc);

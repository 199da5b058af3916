-- 案件, first part: 线索登记 → 立案 (filing, on a power the township may exercise that day, within the limitation
-- period, with two officers certified that day for the case's domain), 不予立案 or 移送 to the competent department.
-- Later steps (调查取证 … 归档) add their states and columns.

create table enforcement.cases (
    id                   uuid primary key,
    team_id              uuid not null references enforcement.teams (id),
    region_path          text not null,                  -- the township's path: the case's scope
    state                text not null check (state in ('lead', 'filed', 'declined', 'transferred')),
    source               text not null check (source in ('patrol', 'complaint', 'grid', 'referral', 'assigned')),
    domain               text not null,                  -- 执法领域 code; the filed item's domain once filed
    occurred_on          date not null,                  -- the act (or the end of a continuing act): limitation
    place                text not null,
    description          text not null,
    party_kind           text check (party_kind in ('person', 'organisation')),
    party_name           text,
    party_id_number      text,                           -- 身份证号 (masked in answers) or 统一社会信用代码
    reporter             text,                           -- 举报人 / 网格员 / 移送单位, as reported
    received_at          timestamptz not null,
    -- 立案
    item_id              uuid,                           -- the PowerLists item the case rests on
    item_code            text,
    item_name            text,
    exercise_mode        text,                           -- 法定 / 赋权 / 委托, as PowerLists answered on the day
    agreement_no         text,
    severe_harm          boolean,                        -- 生命健康、金融安全且有危害后果: the longer limitation
    filed_on             date,
    decision_due_on      date,                           -- 立案 + 90 calendar days (行政处罚法 60)
    -- 不予立案 / 移送
    transferred_to_id    uuid,                           -- organization unit (the competent county department)
    transferred_to_name  text,
    created_by_id        uuid not null,                  -- the user or token that registered the lead
    created_by           text not null,
    idempotency_key      text,
    request_hash         text,
    version              int not null default 1,
    check (state <> 'filed' or (item_id is not null and filed_on is not null and decision_due_on is not null)),
    check (state <> 'transferred' or transferred_to_name is not null)
);
create index cases_scope on enforcement.cases (region_path text_pattern_ops, received_at desc, id desc);
create unique index cases_idempotency on enforcement.cases (created_by_id, idempotency_key)
    where idempotency_key is not null;

create table enforcement.case_events (
    id          uuid primary key,
    record_id   uuid not null references enforcement.cases (id),
    at          timestamptz not null,
    actor_id    uuid,
    actor       text not null,
    action      text not null,
    from_state  text,
    to_state    text not null,
    note        text
);
create index case_events_record on enforcement.case_events (record_id, at);

-- 承办人员: the officers who act on the case, with the certificate each held on the day they were assigned.
create table enforcement.case_officers (
    case_id             uuid not null references enforcement.cases (id),
    officer_id          uuid not null references enforcement.officers (id),
    certificate_number  text not null,
    assigned_on         date not null,
    primary key (case_id, officer_id)
);

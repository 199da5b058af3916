-- 案件, second part: the general procedure from 调查取证 to 归档 (告知 → 听证 → 法制审核 / 集体讨论 → 决定 → 送达 → 执行 →
-- 结案 → 归档), the simple procedure (当场处罚: lead → decision, delivered on the spot), extensions of the decision
-- deadline, replacing officers, discretion benchmarks (裁量基准) and the gap-free decision numbers.

alter table enforcement.cases drop constraint cases_state_check;
alter table enforcement.cases add constraint cases_state_check check (state in (
    'lead', 'declined', 'transferred', 'filed', 'notified', 'hearing_requested', 'hearing_scheduled', 'heard',
    'decided', 'delivered', 'executed', 'closed', 'archived'));

alter table enforcement.cases
    add column procedure             text not null default 'general' check (procedure in ('general', 'simple')),
    add column major_reasons         text[] not null default '{}',  -- 法制审核 situations (行政处罚法 58) ticked
    add column extended_days         int not null default 0,        -- approved extensions of the decision deadline
    -- 告知 (事先告知书): the intended penalty, and whether it qualifies for a hearing
    add column notified_on           date,
    add column notice_kinds          text[],
    add column notice_fine           numeric(14, 2),
    add column notice_confiscation   numeric(14, 2),
    add column hearing_eligible      boolean,
    add column statement             text,                          -- 陈述申辩, as recorded
    -- 听证
    add column hearing_requested_on  date,
    add column hearing_notified_on   date,                          -- 听证通知书 sent
    add column hearing_on            date,
    add column hearing_presider_id   uuid,
    add column hearing_presider      text,
    add column hearing_record        text,
    -- 决定
    add column decision_no           text unique,                   -- 城关综执罚决〔2026〕17号
    add column decision_year         int,
    add column decision_seq          int,
    add column decided_on            date,
    add column penalty_kinds         text[],
    add column fine_amount           numeric(14, 2),
    add column confiscation_amount   numeric(14, 2),
    add column benchmark_id          uuid,
    add column benchmark_degree      text,
    add column legal_basis           text,
    add column no_penalty_reason     text,
    -- 送达, 执行, 结案, 归档
    add column delivered_on          date,
    add column delivery_method       text,
    add column paid_on               date,
    add column paid_amount           numeric(14, 2),
    add column late_fee              numeric(14, 2),
    add column execution_note        text,
    add column closed_on             date,
    add column archived_on           date;

alter table enforcement.cases add constraint cases_decision_check check (
    state not in ('decided', 'delivered', 'executed', 'closed', 'archived')
    or (decision_no is not null and decided_on is not null));
create unique index cases_decision_seq on enforcement.cases (team_id, decision_year, decision_seq)
    where decision_seq is not null;
create index cases_decided on enforcement.cases (region_path text_pattern_ops, decided_on desc, id desc)
    where decided_on is not null;

-- 更换承办人员: an officer taken off a case keeps the row (the certificate used on the day), with the day.
alter table enforcement.case_officers add column removed_on date;

-- 决定书 numbers: one gap-free sequence per team and year — the next number is taken under the row's lock in the
-- decision's own transaction, so a refused or failed decision takes none.
create table enforcement.decision_sequences (
    team_id  uuid not null references enforcement.teams (id),
    year     int not null,
    last     int not null,
    primary key (team_id, year)
);

-- 法制审核 (行政处罚法 58): by a legal reviewer who is not one of the case's officers; the latest review counts.
create table enforcement.case_reviews (
    id           uuid primary key,
    case_id      uuid not null references enforcement.cases (id),
    reviewed_at  timestamptz not null,
    reviewer_id  uuid not null,
    reviewer     text not null,
    passed       boolean not null,
    opinion      text not null
);
create index case_reviews_case on enforcement.case_reviews (case_id, reviewed_at desc);

-- 集体讨论 (57): the leaders' discussion of a complex or major case.
create table enforcement.case_discussions (
    id            uuid primary key,
    case_id       uuid not null references enforcement.cases (id),
    held_on       date not null,
    participants  text not null,
    conclusion    text not null,
    recorded_by   text not null
);
create index case_discussions_case on enforcement.case_discussions (case_id, held_on desc);

-- 裁量基准 (34): per power item of a county, the degrees of the violation with the allowed kinds and fine range.
create table enforcement.discretion_benchmarks (
    id           uuid primary key,
    county_path  text not null,
    item_code    text not null,
    degree       text not null check (degree in ('minor', 'general', 'serious', 'severe')),
    description  text not null,
    kinds        text[] not null check (cardinality(kinds) >= 1),
    min_fine     numeric(14, 2) check (min_fine >= 0),
    max_fine     numeric(14, 2) check (max_fine >= min_fine),
    unique (county_path, item_code, degree)
);

-- One version per item's set of benchmarks in a county (the ETag of the set: concurrent edits cannot overwrite).
create table enforcement.discretion_benchmark_sets (
    county_path  text not null,
    item_code    text not null,
    version      int not null,
    updated_at   timestamptz not null,
    updated_by   text not null,
    primary key (county_path, item_code)
);

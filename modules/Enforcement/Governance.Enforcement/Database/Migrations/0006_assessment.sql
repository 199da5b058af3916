-- 双向考核 (two-way assessment): per period (quarter or year) the county's departments score its townships'
-- enforcement (direction 'townships'), or its townships score the county departments (direction 'departments'), on
-- the round's indicator set. A round is a workflow on the shared mechanism: draft → open (scoring inside the window)
-- → locked (computed values frozen) → published (results visible to the whole county).
-- Fines and confiscations never feed a score (行政处罚法 74): no indicator may be computed from them, and the only
-- computed sources are the named case-handling KPIs below.

create table enforcement.assessment_rounds (
    id            uuid primary key,
    county_path   text not null,                          -- the county's path: the round's scope
    title         text not null check (length(title) <= 100),
    direction     text not null check (direction in ('townships', 'departments')),
    period_kind   text not null check (period_kind in ('quarter', 'year')),
    period_label  text not null,                          -- 2026年第3季度 / 2026年度
    period_from   date not null,
    period_to     date not null,
    opens_on      date not null,                          -- the scoring window (评分期), both days included
    closes_on     date not null,
    state         text not null check (state in ('draft', 'open', 'locked', 'published')),
    created_at    timestamptz not null,
    created_by    text not null,
    locked_at     timestamptz,
    published_at  timestamptz,
    version       int not null default 1,
    check (period_to >= period_from),
    check (closes_on >= opens_on),
    check (state in ('draft', 'open') or locked_at is not null),
    unique (county_path, direction, period_label)
);
create index assessment_rounds_scope on enforcement.assessment_rounds (county_path text_pattern_ops, period_from desc);

create table enforcement.assessment_round_events (
    id          uuid primary key,
    record_id   uuid not null references enforcement.assessment_rounds (id),
    at          timestamptz not null,
    actor_id    uuid,
    actor       text not null,
    action      text not null,
    from_state  text,
    to_state    text not null,
    note        text
);
create index assessment_round_events_record on enforcement.assessment_round_events (record_id, at);

-- The indicator set (考核指标): weights add up to 100; a score is between 0 and the indicator's maximum.
create table enforcement.assessment_indicators (
    round_id   uuid not null references enforcement.assessment_rounds (id),
    code       text not null check (code ~ '^[A-Za-z0-9_]{1,30}$'),
    name       text not null check (length(name) <= 100),
    weight     numeric(5, 2) not null check (weight > 0 and weight <= 100),
    max_score  numeric(6, 2) not null check (max_score > 0 and max_score <= 1000),
    source     text not null check (source in ('manual', 'computed:EN_CASES', 'computed:EN_CLOSURE',
                   'computed:EN_AVG_DAYS', 'computed:EN_OVERDUE', 'computed:EN_DISCLOSURE_ONTIME')),
    sort       int not null,
    primary key (round_id, code)
);

-- The parties, fixed when the round is created: the townships of the county and the departments taking part.
create table enforcement.assessment_parties (
    round_id     uuid not null references enforcement.assessment_rounds (id),
    party_id     uuid not null,                           -- a township's region id, or a department's unit id
    kind         text not null check (kind in ('township', 'department')),
    name         text not null,
    region_path  text not null,                           -- the township's path (its KPI counters), or the county's
    primary key (round_id, party_id)
);

-- A scorer's sheet (评分表): its version is the ETag of the scorer's scores.
create table enforcement.assessment_sheets (
    round_id      uuid not null references enforcement.assessment_rounds (id),
    scorer_id     uuid not null,
    version       int not null,
    submitted_at  timestamptz,
    submitted_by  text,
    primary key (round_id, scorer_id),
    foreign key (round_id, scorer_id) references enforcement.assessment_parties (round_id, party_id)
);

create table enforcement.assessment_scores (
    round_id        uuid not null,
    scorer_id       uuid not null,
    scored_id       uuid not null,
    indicator_code  text not null,
    score           numeric(6, 2) not null check (score >= 0),
    comment         text check (length(comment) <= 500),
    submitted_at    timestamptz not null,
    primary key (round_id, scorer_id, scored_id, indicator_code),
    foreign key (round_id, scorer_id) references enforcement.assessment_sheets (round_id, scorer_id),
    foreign key (round_id, scored_id) references enforcement.assessment_parties (round_id, party_id),
    foreign key (round_id, indicator_code) references enforcement.assessment_indicators (round_id, code)
);

-- Computed indicators as they stood at 锁定: the KPI's numerator, denominator and value over the period, and the
-- score they gave. Later corrections of cases do not change a locked round.
create table enforcement.assessment_computed (
    round_id        uuid not null,
    scored_id       uuid not null,
    indicator_code  text not null,
    numerator       bigint not null,
    denominator     bigint not null,
    value           numeric(14, 4),
    score           numeric(6, 2) not null,
    primary key (round_id, scored_id, indicator_code),
    foreign key (round_id, scored_id) references enforcement.assessment_parties (round_id, party_id),
    foreign key (round_id, indicator_code) references enforcement.assessment_indicators (round_id, code)
);

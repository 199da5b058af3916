-- 选派: annual campaigns sending county staff in 差额拨款/自收自支 posts to township front-line work, their secondees, and
-- the annual assessments whose outcomes convert (优秀), keep (合格/基本合格) or return and bar (不合格) them.
create table staffing.campaigns (
    id              uuid primary key,
    region_path     text not null,           -- the county
    year            int not null check (year between 2000 and 2100),
    name            text not null,
    state           text not null check (state in ('announced', 'registration', 'qualification', 'written', 'interview',
                        'choosing', 'publicity', 'hired')),
    written_weight  numeric(4, 3) not null check (written_weight between 0 and 1),
    publicity_from  date,
    publicity_until date,                    -- the last working day of the 公示
    version         int not null default 1,
    created_at      timestamptz not null,
    created_by      text not null
);
create index campaigns_scope on staffing.campaigns (region_path text_pattern_ops, year desc, id);

create table staffing.campaign_events (
    id uuid primary key, record_id uuid not null references staffing.campaigns, at timestamptz not null,
    actor_id uuid, actor text not null, action text not null, from_state text, to_state text not null, note text
);
create index campaign_events_record on staffing.campaign_events (record_id, at);

create table staffing.campaign_posts (
    id            uuid primary key,
    campaign_id   uuid not null references staffing.campaigns,
    township_id   uuid not null,
    township_path text not null,
    work_area     text not null check (work_area in ('revitalization', 'agriculture', 'construction', 'service',
                      'public_security', 'enforcement')),
    posts         int not null check (posts between 1 and 500),
    unique (campaign_id, township_id, work_area)
);

create table staffing.registrations (
    id                   uuid primary key,
    campaign_id          uuid not null references staffing.campaigns,
    person_id            uuid not null references staffing.people,
    origin_establishment uuid not null references staffing.establishments,
    state                text not null check (state in ('registered', 'qualified', 'disqualified')),
    reason               text,               -- why disqualified
    written              numeric(5, 2) check (written between 0 and 100),
    interview            numeric(5, 2) check (interview between 0 and 100),
    chosen_post          uuid references staffing.campaign_posts,
    registered_at        timestamptz not null,
    unique (campaign_id, person_id)
);
create index registrations_campaign on staffing.registrations (campaign_id, state);

-- 公示 objections, recorded and decided during the notice
create table staffing.objections (
    id              uuid primary key,
    campaign_id     uuid not null references staffing.campaigns,
    registration_id uuid references staffing.registrations,
    content         text not null,
    received_at     timestamptz not null,
    received_by     text not null,
    upheld          boolean,
    decision        text,
    decided_at      timestamptz,
    decided_by      text,
    check ((upheld is null) = (decision is null))
);

create table staffing.secondees (
    id                   uuid primary key,
    person_id            uuid not null references staffing.people,
    campaign_id          uuid references staffing.campaigns,
    origin_establishment uuid not null references staffing.establishments,  -- their post stays there
    township_id          uuid not null,
    region_path          text not null,      -- the destination township (scope)
    work_area            text not null,
    started_on           date not null,
    state                text not null check (state in ('active', 'converted', 'returned', 'ended')),
    ended_on             date,
    version              int not null default 1,
    check ((state = 'active') = (ended_on is null))
);
create unique index secondees_one_active on staffing.secondees (person_id) where state = 'active';
create index secondees_scope on staffing.secondees (region_path text_pattern_ops, state, id);

create table staffing.secondee_events (
    id uuid primary key, record_id uuid not null references staffing.secondees, at timestamptz not null,
    actor_id uuid, actor text not null, action text not null, from_state text, to_state text not null, note text
);
create index secondee_events_record on staffing.secondee_events (record_id, at);

-- 不合格 bars a person from every campaign (and special-post recruitment) for one year from the decision
create table staffing.bars (
    id         uuid primary key,
    person_id  uuid not null references staffing.people,
    from_date  date not null,
    until_date date not null,                -- the first day allowed again
    reason     text not null,
    source_id  uuid not null
);
create index bars_person on staffing.bars (person_id, from_date);

create table staffing.assessments (
    id              uuid primary key,
    region_path     text not null,           -- the county
    year            int not null,
    state           text not null check (state in ('draft', 'publicity', 'final')),
    excellent_share numeric(4, 3) not null,  -- 优秀 quota of those graded
    publicity_from  date,
    publicity_until date,
    decided_on      date,
    version         int not null default 1,
    created_at      timestamptz not null,
    created_by      text not null,
    unique (region_path, year)
);

create table staffing.assessment_events (
    id uuid primary key, record_id uuid not null references staffing.assessments, at timestamptz not null,
    actor_id uuid, actor text not null, action text not null, from_state text, to_state text not null, note text
);
create index assessment_events_record on staffing.assessment_events (record_id, at);

create table staffing.grades (
    assessment_id uuid not null references staffing.assessments,
    secondee_id   uuid not null references staffing.secondees,
    grade         text check (grade in ('excellent', 'competent', 'basic', 'incompetent', 'none')),
    outcome       text check (outcome in ('converted', 'kept', 'returned')),
    primary key (assessment_id, secondee_id)
);

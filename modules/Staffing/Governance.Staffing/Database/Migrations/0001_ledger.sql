-- 机构编制实名制台账: approved posts (核定编制) per unit, kind and funding; the named people holding them; every
-- movement a dated ledger line, so the figures on any date are the sum of the lines up to it (a statement per unit,
-- like a bank account). Writers lock the establishment row and check, before inserting, that no date from the change
-- on would have more occupants (plus reservations) than approved posts plus a recorded 超编 exception.

-- One row per (unit, kind, funding): the lock every change of its figures takes, and its reservations.
create table staffing.establishments (
    id          uuid primary key,
    unit_id     uuid not null,              -- organization unit (no cross-schema key)
    unit_name   text not null,
    unit_kind   text not null,
    region_path text not null,              -- the unit's region: the scope of the row and its people
    kind        text not null check (kind in ('administrative', 'institution')),   -- 行政编制, 事业编制
    funding     text not null check (funding in ('full', 'partial', 'self')),     -- 全额拨款, 差额拨款, 自收自支
    reserved    int not null default 0 check (reserved >= 0), -- posts held by approved 编制使用申请 not yet used
    unique (unit_id, kind, funding),
    check (kind <> 'administrative' or funding = 'full')      -- 行政机关 are fully funded
);
create index establishments_scope on staffing.establishments (region_path text_pattern_ops, unit_name, id);

-- 核定编制 documents (核增 / 核减 / 期初), each with its lines.
create table staffing.approvals (
    id            uuid primary key,
    region_path   text not null,            -- the county whose 编办 recorded it
    document_no   text not null,
    document_date date not null,
    issued_by     text not null,            -- 批准机关
    effective_on  date not null,
    kind          text not null check (kind in ('opening', 'approval')),  -- 期初核定 or a later 核增/核减
    note          text,
    recorded_at   timestamptz not null,
    recorded_by   text not null
);
create index approvals_scope on staffing.approvals (region_path text_pattern_ops, recorded_at desc, id desc);

create table staffing.approval_lines (
    approval_id      uuid not null references staffing.approvals,
    establishment_id uuid not null references staffing.establishments,
    posts            int not null check (posts <> 0),   -- negative: 核减
    primary key (approval_id, establishment_id)
);

-- The ledger: every change of approved or occupied posts, dated by when it takes effect.
create table staffing.ledger_lines (
    id               uuid primary key,
    seq              bigint generated always as identity,
    establishment_id uuid not null references staffing.establishments,
    effective_on     date not null,
    movement         text not null check (movement in
                         ('opening', 'approval', 'reduction', 'transfer_in', 'transfer_out', 'entry', 'exit')),
    approved_delta   int not null default 0,
    occupied_delta   int not null default 0 check (occupied_delta between -1 and 1),
    document_no      text,
    source_id        uuid not null,         -- the approval, transfer or holding the line comes from
    note             text,
    recorded_at      timestamptz not null,
    recorded_by      text not null,
    check (approved_delta <> 0 or occupied_delta <> 0)
);
create index ledger_lines_statement on staffing.ledger_lines (establishment_id, effective_on, seq);

-- 超编 exceptions: recorded, time-limited, with their document; shown on the health page until resolved.
create table staffing.exceptions (
    id               uuid primary key,
    establishment_id uuid not null references staffing.establishments,
    region_path      text not null,
    posts            int not null check (posts > 0),
    document_no      text not null,
    reason           text not null,
    valid_from       date not null,
    valid_until      date not null,
    resolved_on      date,
    resolution       text,
    version          int not null default 1,
    recorded_at      timestamptz not null,
    recorded_by      text not null,
    check (valid_until >= valid_from),
    check (resolved_on is null or resolved_on >= valid_from)
);
create index exceptions_scope on staffing.exceptions (region_path text_pattern_ops, valid_until, id);

-- 用编计划: the posts a unit plans to fill in a year, per kind and funding; requests are checked against it.
create table staffing.annual_plans (
    id               uuid primary key,
    establishment_id uuid not null references staffing.establishments,
    region_path      text not null,
    year             int not null check (year between 2000 and 2100),
    posts            int not null check (posts >= 0),
    document_no      text,
    recorded_at      timestamptz not null,
    recorded_by      text not null,
    unique (establishment_id, year)
);

-- 编制使用申请: a unit asks to fill vacancies; the 编办's approval reserves them until used or cancelled.
create table staffing.post_requests (
    id               uuid primary key,
    establishment_id uuid not null references staffing.establishments,
    region_path      text not null,
    year             int not null,
    posts            int not null check (posts between 1 and 500),
    used             int not null default 0 check (used between 0 and posts),
    entry_kind       text not null,
    reason           text not null,
    state            text not null check (state in ('submitted', 'approved', 'rejected', 'withdrawn', 'cancelled')),
    version          int not null default 1,
    submitted_unit   uuid,
    created_at       timestamptz not null,
    created_by       text not null
);
create index post_requests_scope on staffing.post_requests (region_path text_pattern_ops, created_at desc, id desc);

create table staffing.post_request_events (
    id         uuid primary key,
    record_id  uuid not null references staffing.post_requests,
    at         timestamptz not null,
    actor_id   uuid,
    actor      text not null,
    action     text not null,
    from_state text,
    to_state   text not null,
    note       text
);
create index post_request_events_record on staffing.post_request_events (record_id, at);

-- 实名: the people on the ledger and the posts they held.
create table staffing.people (
    id               uuid primary key,
    name             text not null,
    id_number        text not null,
    gender           text not null check (gender in ('male', 'female')),
    birth_date       date not null,
    education        text not null check (education in ('postgraduate', 'bachelor', 'college', 'secondary', 'other')),
    professional     boolean not null,      -- 专业技术人员
    title            text,                  -- 职称
    establishment_id uuid not null references staffing.establishments, -- the post held now, or last
    region_path      text not null,         -- of that post's unit
    state            text not null check (state in ('serving', 'exited')),
    version          int not null default 1,
    created_at       timestamptz not null,
    created_by       text not null
);
create unique index people_serving_id_number on staffing.people (id_number) where state = 'serving';
create index people_scope on staffing.people (region_path text_pattern_ops, name, id);
create index people_establishment on staffing.people (establishment_id) where state = 'serving';

create table staffing.holdings (
    id               uuid primary key,
    person_id        uuid not null references staffing.people,
    establishment_id uuid not null references staffing.establishments,
    entered_on       date not null,
    entry_kind       text not null check (entry_kind in ('recruitment', 'transfer_in', 'selection', 'reassignment')),
    entry_document   text not null,
    request_id       uuid references staffing.post_requests,
    exited_on        date,                  -- the first day no longer held
    exit_kind        text check (exit_kind in ('transfer_out', 'retirement', 'resignation', 'dismissal', 'death')),
    exit_document    text,
    check ((exited_on is null) = (exit_kind is null)),
    check (exited_on is null or exited_on > entered_on),
    exclude using gist (person_id with =, daterange(entered_on, exited_on) with &&)
);
create index holdings_establishment on staffing.holdings (establishment_id, entered_on);

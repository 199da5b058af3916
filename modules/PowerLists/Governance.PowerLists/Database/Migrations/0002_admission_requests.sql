-- 职责准入 and 收回: a county department asks to add a duty to townships (or to take one back); the establishment
-- office reviews, the county leadership decides; an approval changes the township lists from its effective date.
create table power_lists.admission_requests (
    id               uuid primary key,
    kind             text not null check (kind in ('admission', 'withdrawal')),
    state            text not null check (state in ('submitted', 'returned', 'under_decision', 'approved', 'rejected')),
    county_path      text not null,
    department_id    uuid not null,
    department_name  text not null,
    item_id          uuid not null references power_lists.items (id),
    mode             text not null check (mode in ('statutory', 'granted', 'entrusted')),
    list_kind        text not null check (list_kind in ('basic', 'supporting', 'withdrawn')),
    effective_from   date not null,
    legal_basis      text not null,
    reason           text not null,
    posts_offered    int not null default 0 check (posts_offered >= 0),       -- 编制 offered with the duty (编随事转)
    funds_offered    numeric(14, 2) not null default 0 check (funds_offered >= 0),
    decision_no      text,
    decision_note    text,
    created_at       timestamptz not null,
    created_by       text not null,
    version          int not null default 1
);
create index admission_requests_county on power_lists.admission_requests (county_path text_pattern_ops, created_at desc);

create table power_lists.admission_townships (
    request_id     uuid not null references power_lists.admission_requests (id),
    township_id    uuid not null,
    township_path  text not null,
    primary key (request_id, township_id)
);
create index admission_townships_scope on power_lists.admission_townships (township_path text_pattern_ops);

-- the request's timeline: every transition with who, when and the comment
create table power_lists.admission_events (
    id          uuid primary key,
    request_id  uuid not null references power_lists.admission_requests (id),
    at          timestamptz not null,
    actor       text not null,
    action      text not null,
    from_state  text,
    to_state    text not null,
    comment     text
);
create index admission_events_request on power_lists.admission_events (request_id, at);

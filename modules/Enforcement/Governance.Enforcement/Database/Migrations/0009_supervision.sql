-- 执法监督: complaints about enforcement (投诉举报 against an officer or a case) handled by the county's supervisors,
-- and fault-liability records (过错责任追究) against an officer, linked to the case and the complaint they came from.
create table enforcement.complaints (
    id                 uuid primary key,
    team_id            uuid not null references enforcement.teams (id),
    region_path        text not null,                 -- the township whose team is complained about: the scope
    case_id            uuid references enforcement.cases (id),
    officer_id         uuid references enforcement.officers (id),
    state              text not null check (state in ('received', 'handled')),
    channel            text not null check (channel in ('phone', 'letter', 'online', 'visit', 'hotline')),
    received_on        date not null,
    complainant        text not null,
    complainant_phone  text,                          -- personal data: masked except for supervisors
    content            text not null,
    finding            text check (finding in ('substantiated', 'partly', 'unfounded')),
    result             text,
    handled_on         date,
    created_at         timestamptz not null,
    created_by         text not null,
    version            int not null default 1,
    check (case_id is not null or officer_id is not null),
    check (state <> 'handled' or (finding is not null and result is not null and handled_on is not null))
);
create index complaints_scope on enforcement.complaints (region_path text_pattern_ops, received_on desc, id desc);

create table enforcement.complaint_events (
    id          uuid primary key,
    record_id   uuid not null references enforcement.complaints (id),
    at          timestamptz not null,
    actor_id    uuid,
    actor       text not null,
    action      text not null,
    from_state  text,
    to_state    text not null,
    note        text
);
create index complaint_events_record on enforcement.complaint_events (record_id, at);

-- 过错责任追究: a decided liability is a record, never changed (append-only for the API's role).
create table enforcement.fault_records (
    id            uuid primary key,
    officer_id    uuid not null references enforcement.officers (id),
    region_path   text not null,
    case_id       uuid references enforcement.cases (id),
    complaint_id  uuid references enforcement.complaints (id),
    found_on      date not null,
    fault         text not null,
    liability     text not null check (liability in (
        'criticism', 'written_review', 'certificate_suspended', 'certificate_revoked', 'disciplinary')),
    document_no   text not null,
    recorded_at   timestamptz not null,
    recorded_by   text not null
);
create index fault_records_officer on enforcement.fault_records (officer_id, found_on desc);
create index fault_records_scope on enforcement.fault_records (region_path text_pattern_ops, found_on desc, id desc);

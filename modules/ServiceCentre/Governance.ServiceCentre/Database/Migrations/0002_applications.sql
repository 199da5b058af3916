-- 办件: an application under the item version in force when it was received. The due date is derived —
-- received_on + promised working days + the working days of its 补正 pauses — and re-derived when the calendar changes.
create table service_centre.applications (
    id                  uuid primary key,
    item_id             uuid not null references service_centre.items (id),
    item_version        int not null,
    region_id           uuid not null,          -- the centre / village point that received it
    region_path         text not null,
    channel             text not null check (channel in ('window', 'online', 'mobile', 'kiosk', 'village_point')),
    applicant_kind      text not null check (applicant_kind in ('person', 'organisation')),
    applicant_name      text not null,
    applicant_id_number text not null,          -- 身份证号 or 统一社会信用代码 (personal data: masked for most roles)
    applicant_phone     text not null,
    state               text not null check (state in ('received', 'accepted', 'refused', 'suspended', 'completed')),
    received_at         timestamptz not null,
    received_on         date not null,          -- the county's calendar day of receipt
    promised_days       int not null,           -- snapshot of the version's 承诺时限 (0 for 即办件)
    due_on              date not null,
    suspended_on        date,                   -- the open 补正 pause, if any
    outcome             text check (outcome in ('approved', 'rejected')),
    completed_at        timestamptz,
    completed_on        date,
    on_the_spot         boolean not null default false,
    visits              int not null default 1,
    note                text,
    version             int not null default 1
);
create index applications_scope on service_centre.applications (region_path text_pattern_ops, received_at desc, id desc);
create index applications_open on service_centre.applications (due_on) where state in ('received', 'accepted', 'suspended');

create table service_centre.application_pauses (
    application_id  uuid not null references service_centre.applications (id),
    from_on         date not null,
    to_on           date not null,
    primary key (application_id, from_on)
);

create table service_centre.application_events (
    id              uuid primary key,
    application_id  uuid not null references service_centre.applications (id),
    at              timestamptz not null,
    actor           text not null,
    action          text not null,
    from_state      text,
    to_state        text not null,
    note            text
);
create index application_events_application on service_centre.application_events (application_id, at);

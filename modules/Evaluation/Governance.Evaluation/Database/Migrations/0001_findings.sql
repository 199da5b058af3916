-- 评估意见: a finding an evaluator posts, under its evaluation grant, on a record of any module (a typed reference:
-- module, record type, id) or on a KPI figure (code, region, month, revision). It is filed under the township (or
-- county) the record or figure belongs to, which is what scopes it. The thread — the posted text, every amendment,
-- answer, acceptance, dispute and closing — is the workflow timeline, append-only: posted text is never changed.

create table evaluation.findings (
    id               uuid primary key,
    grant_id         uuid not null,               -- the Organization module's evaluation grant (no foreign key)
    region_path      text not null collate "C",   -- the record's or figure's region
    module           text not null check (module in ('power_lists', 'service_centre', 'staffing', 'enforcement')),
    record_type      text,
    record_id        uuid,
    kpi_code         text,
    kpi_month        date check (kpi_month = date_trunc('month', kpi_month)::date),
    kpi_revision     int check (kpi_revision >= 1),
    severity         text not null check (severity in ('low', 'medium', 'high')),
    title            text not null check (length(title) between 1 and 200),
    state            text not null check (state in ('open', 'answered', 'accepted', 'disputed', 'closed')),
    version          int not null default 1,
    created_at       timestamptz not null,
    created_by       uuid,
    created_by_name  text not null,               -- the last change is the thread's last entry
    -- exactly one subject: a record, or a KPI figure
    check ((record_type is not null and record_id is not null and kpi_code is null and kpi_month is null
            and kpi_revision is null)
        or (record_type is null and record_id is null and kpi_code is not null and kpi_month is not null
            and kpi_revision is not null))
);
create index findings_scope on evaluation.findings (region_path text_pattern_ops, created_at desc, id desc);
create index findings_grant on evaluation.findings (grant_id, created_at desc, id desc);
create index findings_record on evaluation.findings (record_id) where record_id is not null;

create table evaluation.finding_events (
    id          uuid primary key,
    record_id   uuid not null references evaluation.findings (id),
    at          timestamptz not null,
    actor_id    uuid,
    actor       text not null,
    action      text not null,
    from_state  text,
    to_state    text not null,
    note        text
);
create index finding_events_record on evaluation.finding_events (record_id, at);

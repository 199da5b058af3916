-- 行政执法公示 · 事后公开: every decision is disclosed within a number of working days of the decision (penalties 7,
-- other decisions 20; configurable). What the public reads is the snapshot taken at publication (the party masked
-- where a natural person); a revoked or changed decision is retracted with the public reason. A disclosure leaves the
-- public pages after 5 years (2 for natural persons) — decided when read, no job.
create table enforcement.disclosures (
    id                 uuid primary key,
    case_id            uuid not null unique references enforcement.cases (id),
    team_id            uuid not null references enforcement.teams (id),
    region_path        text not null,
    state              text not null check (state in ('pending', 'published', 'retracted')),
    kind               text not null check (kind in ('penalty', 'other')),
    decided_on         date not null,
    due_on             date not null,
    published_on       date,
    revoked_on         date,                     -- the day the decision was revoked or changed
    retracted_on       date,
    retraction_reason  text,
    -- the public snapshot, taken at publication
    decision_no        text not null,
    township_name      text,
    domain             text,
    domain_name        text,
    party_kind         text,
    party_display      text,                     -- a person's name masked (张*), an organisation's in full
    credit_code        text,                     -- organisations only; a person's ID number is never disclosed
    facts              text,
    penalty            text,
    legal_basis        text,
    version            int not null default 1
);
create index disclosures_public on enforcement.disclosures (region_path text_pattern_ops, published_on desc, id desc)
    where published_on is not null;
create index disclosures_due on enforcement.disclosures (region_path text_pattern_ops, due_on) where state = 'pending';

create table enforcement.disclosure_events (
    id          uuid primary key,
    record_id   uuid not null references enforcement.disclosures (id),
    at          timestamptz not null,
    actor_id    uuid,
    actor       text not null,
    action      text not null,
    from_state  text,
    to_state    text not null,
    note        text
);
create index disclosure_events_record on enforcement.disclosure_events (record_id, at);

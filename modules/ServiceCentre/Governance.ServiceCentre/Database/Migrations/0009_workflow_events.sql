-- One shape for every workflow's timeline (SharedKernel's WorkflowEvents writes and reads it): record_id, at, actor_id,
-- actor, action, from_state, to_state, note. Tickets get a timeline and a version (ETag) like the other workflows.
alter table service_centre.application_events rename column application_id to record_id;
alter table service_centre.application_events add column actor_id uuid;
alter index service_centre.application_events_application rename to application_events_record;

alter table service_centre.rectification_events rename column rectification_id to record_id;
alter table service_centre.rectification_events add column actor_id uuid;
alter index service_centre.rectification_events_rectification rename to rectification_events_record;

alter table service_centre.tickets add column version int not null default 1;
create table service_centre.ticket_events (
    id          uuid primary key,
    record_id   uuid not null references service_centre.tickets (id),
    at          timestamptz not null,
    actor_id    uuid,
    actor       text not null,
    action      text not null,
    from_state  text,
    to_state    text not null,
    note        text
);
create index ticket_events_record on service_centre.ticket_events (record_id, at);

-- Change feeds (ChangeFeed in the SharedKernel) of the cases and disclosures: the id of the transaction that last
-- wrote each row — its default on insert, the trigger on update; rows written before this migration have 0.
create function enforcement.touch_changed() returns trigger language plpgsql as $$
begin
    new.changed_xid := pg_current_xact_id()::text::bigint;
    return new;
end $$;

alter table enforcement.cases add column changed_xid bigint not null default 0;
alter table enforcement.cases alter column changed_xid set default pg_current_xact_id()::text::bigint;
create index cases_changes on enforcement.cases (changed_xid, id);
create trigger cases_changed before update on enforcement.cases
    for each row execute function enforcement.touch_changed();

alter table enforcement.disclosures add column changed_xid bigint not null default 0;
alter table enforcement.disclosures alter column changed_xid set default pg_current_xact_id()::text::bigint;
create index disclosures_changes on enforcement.disclosures (changed_xid, id);
create trigger disclosures_changed before update on enforcement.disclosures
    for each row execute function enforcement.touch_changed();

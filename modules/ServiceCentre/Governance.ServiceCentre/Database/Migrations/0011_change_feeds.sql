-- Change feeds (ChangeFeed in the SharedKernel): each fed table records the id of the transaction that last wrote a
-- row — its default on insert, the trigger on update. Rows written before this migration have 0 and come first.
-- Two statements per table: adding the column with a constant default does not rewrite the table.
create function service_centre.touch_changed() returns trigger language plpgsql as $$
begin
    new.changed_xid := pg_current_xact_id()::text::bigint;
    return new;
end $$;

alter table service_centre.applications add column changed_xid bigint not null default 0;
alter table service_centre.applications alter column changed_xid set default pg_current_xact_id()::text::bigint;
create index applications_changes on service_centre.applications (changed_xid, id);
create trigger applications_changed before update on service_centre.applications
    for each row execute function service_centre.touch_changed();

alter table service_centre.ratings add column changed_xid bigint not null default 0;
alter table service_centre.ratings alter column changed_xid set default pg_current_xact_id()::text::bigint;
create index ratings_changes on service_centre.ratings (changed_xid, id);
create trigger ratings_changed before update on service_centre.ratings
    for each row execute function service_centre.touch_changed();

alter table service_centre.rectifications add column changed_xid bigint not null default 0;
alter table service_centre.rectifications alter column changed_xid set default pg_current_xact_id()::text::bigint;
create index rectifications_changes on service_centre.rectifications (changed_xid, id);
create trigger rectifications_changed before update on service_centre.rectifications
    for each row execute function service_centre.touch_changed();

-- Change feeds (ChangeFeed in the SharedKernel) of the township list entries and the entrustment agreements: the id
-- of the transaction that last wrote each row — its default on insert, the trigger on update (an entry ended, a list
-- published, an agreement revoked); rows written before this migration have 0.
create function power_lists.touch_changed() returns trigger language plpgsql as $$
begin
    new.changed_xid := pg_current_xact_id()::text::bigint;
    return new;
end $$;

alter table power_lists.entries add column changed_xid bigint not null default 0;
alter table power_lists.entries alter column changed_xid set default pg_current_xact_id()::text::bigint;
create index entries_changes on power_lists.entries (changed_xid, id);
create trigger entries_changed before update on power_lists.entries
    for each row execute function power_lists.touch_changed();

alter table power_lists.agreements add column changed_xid bigint not null default 0;
alter table power_lists.agreements alter column changed_xid set default pg_current_xact_id()::text::bigint;
create index agreements_changes on power_lists.agreements (changed_xid, id);
create trigger agreements_changed before update on power_lists.agreements
    for each row execute function power_lists.touch_changed();

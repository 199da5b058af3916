-- Which township used which power item on which day, for PowerLists' 接不住 check and 下放事项正常开展率 (IServiceUsage).
-- Asked of the applications themselves, a province's check aggregated millions of rows; this rollup holds one row per
-- (township, power item, day) with applications, kept by statement-level triggers like the KPI rollups, so a bulk COPY
-- costs one aggregate. A village point's applications count for its township. The "C" collation lets a path prefix
-- (LIKE '/1/2/%') walk the primary key under any database locale.
create table service_centre.power_item_usage (
    township_path  text collate "C" not null,
    power_item_id  uuid not null,
    day            date not null,
    applications   int not null,
    primary key (township_path, power_item_id, day)
);

create function service_centre.township_of(path text) returns text language sql immutable
    as $$ select substring(path from '^/[0-9]+/[0-9]+/[0-9]+/') $$;

-- An application counts under the power item its item version implements; county-hall applications have no township.
create function service_centre.usage_trigger() returns trigger language plpgsql as $$
declare
    rows_of text := $q$select service_centre.township_of(r.origin_path) as township_path, v.power_item_id, r.received_on as day, %s as sign
                       from %s r join service_centre.item_versions v on v.item_id = r.item_id and v.version = r.item_version
                       where v.power_item_id is not null$q$;
    source text;
begin
    source := case TG_OP   -- a transition table exists only for the operations that have it
        when 'INSERT' then format(rows_of, 1, 'new_rows')
        when 'DELETE' then format(rows_of, -1, 'old_rows')
        else format(rows_of, 1, 'new_rows') || ' union all ' || format(rows_of, -1, 'old_rows')
    end;
    execute format($sql$
        insert into service_centre.power_item_usage as u
        select township_path, power_item_id, day, sum(sign)::int from (%s) d
        where township_path is not null
        group by 1, 2, 3
        having sum(sign) <> 0
        order by 1, 2, 3   -- one lock order for every writer
        on conflict (township_path, power_item_id, day) do update set applications = u.applications + excluded.applications
        $sql$, source);
    return null;
end $$;

create trigger applications_usage_insert after insert on service_centre.applications
    referencing new table as new_rows for each statement execute function service_centre.usage_trigger();
-- (a step changes none of the counted columns: its old and new rows cancel out and nothing is written; PostgreSQL allows
-- no column list on a trigger with transition tables)
create trigger applications_usage_update after update on service_centre.applications
    referencing new table as new_rows old table as old_rows for each statement execute function service_centre.usage_trigger();
create trigger applications_usage_delete after delete on service_centre.applications
    referencing old table as old_rows for each statement execute function service_centre.usage_trigger();

-- what existed before this migration
insert into service_centre.power_item_usage
select service_centre.township_of(a.origin_path), v.power_item_id, a.received_on, count(*)
from service_centre.applications a join service_centre.item_versions v on v.item_id = a.item_id and v.version = a.item_version
where v.power_item_id is not null and service_centre.township_of(a.origin_path) is not null
group by 1, 2, 3;

-- KPI rollups (办件量, 当场办结, 按时办结, 跑动, 好差评, 整改, 转报) per month, unit and tier, kept current by statement-level
-- triggers: each statement adds the contributions of its new rows and subtracts those of its old rows, so a bulk COPY
-- costs one aggregate and a single step touches at most two rollup rows. A unit is a county (its hall) or a township
-- (its centre and its village points); a village point's figures roll up to its township under tier 'village'.
create table service_centre.kpi_rollups (
    month                  date not null,        -- first day of the month
    unit_path              text not null,
    tier                   text not null check (tier in ('county', 'township', 'village')),
    received               int not null default 0,
    forwarded              int not null default 0,
    completed              int not null default 0,
    on_the_spot            int not null default 0,
    on_time                int not null default 0,
    visits                 int not null default 0,
    ratings                int not null default 0,
    good_ratings           int not null default 0,
    bad_ratings            int not null default 0,
    bad_voided             int not null default 0,   -- appeal upheld (申诉成立): no longer counts as a bad rating
    bad_rectified_in_time  int not null default 0,
    primary key (month, unit_path, tier)
);

create function service_centre.unit_of(path text) returns text language sql immutable
    as $$ select substring(path from '^/[0-9]+/[0-9]+/(?:[0-9]+/)?') $$;

create function service_centre.tier_of(path text) returns text language sql immutable
    as $$ select case length(path) - length(replace(path, '/', '')) - 1 when 2 then 'county' when 3 then 'township' else 'village' end $$;

-- What one row contributes, signed. The functions take columns, not whole rows: PostgreSQL 15 cannot plan inlined SQL
-- functions over whole-row references in a UNION ("variable not found in subplan target list").
-- An application: its receipt month and, once completed, its completion month.
create function service_centre.application_deltas(
    sign int, origin_path text, received_on date, forwarded boolean, completed_on date, on_the_spot boolean, due_on date, visits int)
returns table (month date, unit_path text, tier text, received int, forwarded int, completed int, on_the_spot int, on_time int, visits int,
               ratings int, good_ratings int, bad_ratings int, bad_voided int, bad_rectified_in_time int)
language sql immutable as $$
    select date_trunc('month', received_on)::date, service_centre.unit_of(origin_path), service_centre.tier_of(origin_path),
           sign, sign * forwarded::int, 0, 0, 0, 0, 0, 0, 0, 0, 0
    union all
    select date_trunc('month', completed_on)::date, service_centre.unit_of(origin_path), service_centre.tier_of(origin_path),
           0, 0, sign, sign * on_the_spot::int, sign * (completed_on <= due_on)::int, sign * visits, 0, 0, 0, 0, 0
    where completed_on is not null
$$;

create function service_centre.rating_deltas(sign int, origin_path text, rated_on date, level int)
returns table (month date, unit_path text, tier text, received int, forwarded int, completed int, on_the_spot int, on_time int, visits int,
               ratings int, good_ratings int, bad_ratings int, bad_voided int, bad_rectified_in_time int)
language sql immutable as $$
    select date_trunc('month', rated_on)::date, service_centre.unit_of(origin_path), service_centre.tier_of(origin_path),
           0, 0, 0, 0, 0, 0, sign, sign * (level >= 4)::int, sign * (level <= 2)::int, 0, 0
$$;

-- 差评整改率 counts a bad rating as rectified in time when its rectification was done by the due date and not reopened
create function service_centre.rectification_deltas(sign int, origin_path text, rated_on date, state text, rectified_on date, due_on date)
returns table (month date, unit_path text, tier text, received int, forwarded int, completed int, on_the_spot int, on_time int, visits int,
               ratings int, good_ratings int, bad_ratings int, bad_voided int, bad_rectified_in_time int)
language sql immutable as $$
    select date_trunc('month', rated_on)::date, service_centre.unit_of(origin_path), service_centre.tier_of(origin_path),
           0, 0, 0, 0, 0, 0, 0, 0, 0, sign * (state = 'voided')::int,
           sign * (state in ('rectified', 'closed') and rectified_on is not null and rectified_on <= due_on)::int
$$;


create function service_centre.rollup_trigger() returns trigger language plpgsql as $$
declare
    deltas text := format('service_centre.%s_deltas', TG_ARGV[0]);
    new_args text := regexp_replace(TG_ARGV[1], '(\w+)', 'n.\1', 'g');
    old_args text := regexp_replace(TG_ARGV[1], '(\w+)', 'o.\1', 'g');
    source text;
begin
    source := case TG_OP
        when 'INSERT' then format('select d.* from new_rows n cross join lateral %s(1, %s) d', deltas, new_args)
        when 'DELETE' then format('select d.* from old_rows o cross join lateral %s(-1, %s) d', deltas, old_args)
        else format('select d.* from new_rows n cross join lateral %1$s(1, %2$s) d union all select d.* from old_rows o cross join lateral %1$s(-1, %3$s) d',
                    deltas, new_args, old_args)
    end;
    execute format($sql$
        insert into service_centre.kpi_rollups as r
        select month, unit_path, tier, sum(received), sum(forwarded), sum(completed), sum(on_the_spot), sum(on_time), sum(visits), sum(ratings),
               sum(good_ratings), sum(bad_ratings), sum(bad_voided), sum(bad_rectified_in_time)
        from (%s) d
        group by month, unit_path, tier
        having sum(abs(received) + abs(forwarded) + abs(completed) + abs(on_the_spot) + abs(on_time) + abs(visits) + abs(ratings)
                   + abs(good_ratings) + abs(bad_ratings) + abs(bad_voided) + abs(bad_rectified_in_time)) <> 0
        order by month, unit_path, tier   -- one lock order for every writer
        on conflict (month, unit_path, tier) do update set
            received = r.received + excluded.received, forwarded = r.forwarded + excluded.forwarded,
            completed = r.completed + excluded.completed, on_the_spot = r.on_the_spot + excluded.on_the_spot,
            on_time = r.on_time + excluded.on_time, visits = r.visits + excluded.visits, ratings = r.ratings + excluded.ratings,
            good_ratings = r.good_ratings + excluded.good_ratings, bad_ratings = r.bad_ratings + excluded.bad_ratings,
            bad_voided = r.bad_voided + excluded.bad_voided, bad_rectified_in_time = r.bad_rectified_in_time + excluded.bad_rectified_in_time
        $sql$, source);
    return null;
end $$;

create trigger applications_rollup_insert after insert on service_centre.applications
    referencing new table as new_rows for each statement execute function service_centre.rollup_trigger('application', 'origin_path, received_on, forwarded, completed_on, on_the_spot, due_on, visits');
create trigger applications_rollup_update after update on service_centre.applications
    referencing new table as new_rows old table as old_rows for each statement execute function service_centre.rollup_trigger('application', 'origin_path, received_on, forwarded, completed_on, on_the_spot, due_on, visits');
create trigger applications_rollup_delete after delete on service_centre.applications
    referencing old table as old_rows for each statement execute function service_centre.rollup_trigger('application', 'origin_path, received_on, forwarded, completed_on, on_the_spot, due_on, visits');
create trigger ratings_rollup_insert after insert on service_centre.ratings
    referencing new table as new_rows for each statement execute function service_centre.rollup_trigger('rating', 'origin_path, rated_on, level');
create trigger ratings_rollup_delete after delete on service_centre.ratings
    referencing old table as old_rows for each statement execute function service_centre.rollup_trigger('rating', 'origin_path, rated_on, level');
create trigger rectifications_rollup_insert after insert on service_centre.rectifications
    referencing new table as new_rows for each statement execute function service_centre.rollup_trigger('rectification', 'origin_path, rated_on, state, rectified_on, due_on');
create trigger rectifications_rollup_update after update on service_centre.rectifications
    referencing new table as new_rows old table as old_rows for each statement execute function service_centre.rollup_trigger('rectification', 'origin_path, rated_on, state, rectified_on, due_on');

-- what existed before this migration
insert into service_centre.kpi_rollups
select month, unit_path, tier, sum(received), sum(forwarded), sum(completed), sum(on_the_spot), sum(on_time), sum(visits), sum(ratings),
       sum(good_ratings), sum(bad_ratings), sum(bad_voided), sum(bad_rectified_in_time)
from (select d.* from service_centre.applications a
        cross join lateral service_centre.application_deltas(1, a.origin_path, a.received_on, a.forwarded, a.completed_on, a.on_the_spot, a.due_on, a.visits) d
      union all
      select d.* from service_centre.ratings r cross join lateral service_centre.rating_deltas(1, r.origin_path, r.rated_on, r.level) d
      union all
      select d.* from service_centre.rectifications x
        cross join lateral service_centre.rectification_deltas(1, x.origin_path, x.rated_on, x.state, x.rectified_on, x.due_on) d) d
group by month, unit_path, tier;

-- A closed month's figures are frozen (revision 1) with the definition version; a later correction of that month is
-- recorded as the next revision, never by overwriting: readers see which revision they are reading and when it was made.
create table service_centre.kpi_snapshots (
    month                  date not null,
    unit_path              text not null,
    tier                   text not null,
    revision               int not null,
    latest                 boolean not null,
    definition_version     text not null,
    frozen_at              timestamptz not null,
    received               int not null,
    forwarded              int not null,
    completed              int not null,
    on_the_spot            int not null,
    on_time                int not null,
    visits                 int not null,
    ratings                int not null,
    good_ratings           int not null,
    bad_ratings            int not null,
    bad_voided             int not null,
    bad_rectified_in_time  int not null,
    primary key (month, unit_path, tier, revision)
);
create unique index kpi_snapshots_latest on service_centre.kpi_snapshots (month, unit_path, tier) include (revision) where latest;

create table service_centre.kpi_closed_months (
    month      date primary key,
    closed_at  timestamptz not null
);

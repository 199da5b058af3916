-- 办件编号: a number people can read, type and search — one gap-free series per county and year (the year of
-- receipt), taken under the counter row's lock in the registration's transaction (NumberSequences), so a refused
-- registration takes none.
create table service_centre.application_sequences (
    county_path  text not null,
    year         int not null,
    last         int not null,
    primary key (county_path, year)
);

alter table service_centre.applications add column number text;

-- Existing applications are numbered in order of registration per county and year, in the default format
-- (ApplicationNumbers.DefaultFormat: year, the county's 4-digit code — digits 3–6 of its 12-digit region code, the
-- second segment of its path — and six digits); the counters continue from there. The KPI rollup and power-usage
-- triggers would subtract and re-add every row for nothing (the number is in neither), so they sleep meanwhile; the
-- change-feed trigger stays, so feed readers get each application once more, now with its number.
alter table service_centre.applications disable trigger applications_rollup_update,
    disable trigger applications_usage_update;
with numbered as (
    select id, county_path, extract(year from received_on)::int as year,
           row_number() over (partition by county_path, extract(year from received_on)
                              order by received_at, id)::int as seq
    from service_centre.applications
), written as (
    update service_centre.applications a
    set number = n.year || '-' || substring(n.county_path from '^/[0-9]+/[0-9]{2}([0-9]{4})') || '-'
                 || lpad(n.seq::text, 6, '0')
    from numbered n where a.id = n.id
    returning n.county_path, n.year, n.seq
)
insert into service_centre.application_sequences (county_path, year, last)
select county_path, year, max(seq) from written group by county_path, year;

alter table service_centre.applications enable trigger applications_rollup_update,
    enable trigger applications_usage_update;
alter table service_centre.applications alter column number set not null;
-- unique within a county; number first so that an exact number or its start (text_pattern_ops: like '2026-0101-%')
-- is one index lookup
create unique index applications_number
    on service_centre.applications (number text_pattern_ops, county_path);

-- Years whose official arrangement (国务院办公厅通知) is loaded — by the shipped seed or by a county admin's upload.
-- Deadlines counted over a year not listed here are computed Monday–Friday and marked provisional.
create table calendar.loaded_years (
    year       int primary key check (year between 2000 and 2100),
    source     text not null check (source in ('seed', 'upload')),
    loaded_at  timestamptz not null default now(),
    loaded_by  text not null default 'system'
);

insert into calendar.loaded_years (year, source, loaded_at)
select year, 'seed', seeded_at from calendar.seeded_years;

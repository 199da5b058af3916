-- 工作日历: only the exceptions to Monday–Friday are stored.
create table calendar.days (
    date        date primary key,
    kind        text not null check (kind in ('off', 'work')),  -- off = 法定节假日, work = 调休上班
    name        text not null,
    updated_at  timestamptz not null default now(),
    updated_by  text not null default 'system'
);

-- Years whose official arrangement (国务院办公厅通知) has been loaded, so a restart never re-adds a day an admin removed.
create table calendar.seeded_years (
    year       int primary key,
    seeded_at  timestamptz not null default now()
);

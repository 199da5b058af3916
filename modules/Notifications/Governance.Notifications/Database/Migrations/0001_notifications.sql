create table notifications.notices (
    id           uuid primary key,
    region_path  text not null,     -- addressed to the users of exactly this region
    title        text not null,
    body         text not null,
    link         text,
    created_at   timestamptz not null
);
create index notices_region on notifications.notices (region_path, created_at desc, id desc);

create table notifications.reads (
    notice_id  uuid not null references notifications.notices (id),
    user_id    uuid not null,
    read_at    timestamptz not null,
    primary key (notice_id, user_id)
);

-- The three tiers of the service network: the county hall (行政服务中心), township centres (便民服务中心) and village
-- agent points (村级代办点); one per region. Which items each offers, and the windows of each centre.
create table service_centre.centres (
    id           uuid primary key,
    region_id    uuid not null unique,
    region_path  text not null unique,
    tier         text not null check (tier in ('county', 'township', 'village')),
    name         text not null,
    address      text not null default '',
    phone        text not null default '',
    hours        text not null default '',
    created_at   timestamptz not null
);
create index centres_path on service_centre.centres (region_path text_pattern_ops);

create table service_centre.centre_items (
    centre_id  uuid not null references service_centre.centres (id),
    item_id    uuid not null references service_centre.items (id),
    primary key (centre_id, item_id)
);

create table service_centre.windows (
    id         uuid primary key,
    centre_id  uuid not null references service_centre.centres (id),
    number     int not null check (number between 1 and 999),
    name       text not null,
    item_ids   uuid[] not null default '{}',     -- empty: a general window (综合窗口) serving every item
    unique (centre_id, number)
);

-- 排队叫号: tickets numbered per centre and day; waiting time = called_at - taken_at.
create table service_centre.tickets (
    id          uuid primary key,
    centre_id   uuid not null references service_centre.centres (id),
    day         date not null,
    number      int not null,
    item_id     uuid references service_centre.items (id),
    state       text not null check (state in ('waiting', 'called', 'serving', 'done', 'no_show')),
    taken_at    timestamptz not null,
    called_at   timestamptz,
    window_id   uuid references service_centre.windows (id),
    done_at     timestamptz,
    unique (centre_id, day, number)
);
create index tickets_waiting on service_centre.tickets (centre_id, day, number) where state = 'waiting';
create index tickets_called on service_centre.tickets (centre_id, day, called_at desc) where called_at is not null;

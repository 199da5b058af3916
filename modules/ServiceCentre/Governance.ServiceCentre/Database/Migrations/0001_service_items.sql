-- 事项 and their 办事指南, versioned like power items: a version is in force over [lower(valid), upper(valid)).
create table service_centre.items (
    id           uuid primary key,
    county_id    uuid not null,
    county_path  text not null,
    code         text not null,
    created_at   timestamptz not null,
    created_by   text not null,
    unique (county_path, code)
);

create table service_centre.item_versions (
    id              uuid primary key,
    item_id         uuid not null references service_centre.items (id),
    version         int not null,
    valid           daterange not null check (not isempty(valid) and lower(valid) is not null),
    name            text not null,
    level           text not null check (level in ('township', 'village')),
    kind            text not null check (kind in ('immediate', 'promised')),
    legal_basis     text not null,
    conditions      text not null,
    materials       jsonb not null default '[]',     -- [{name, form: original|copy|both, copies, required}]
    no_materials    boolean not null default false,   -- an explicit "none needed"
    statutory_days  int not null check (statutory_days >= 0),
    promised_days   int check (promised_days >= 1),
    fee_amount      numeric(12, 2),                   -- null = free
    fee_basis       text,
    steps           text[] not null check (cardinality(steps) between 1 and 4),
    phone           text not null,
    channels        text[] not null,
    power_item_id   uuid,                             -- the PowerLists item it implements, if any
    change_note     text not null,
    published_at    timestamptz,
    created_at      timestamptz not null,
    created_by      text not null,
    unique (item_id, version),
    check ((kind = 'immediate') = (promised_days is null)),
    check (promised_days is null or promised_days <= statutory_days),
    check (no_materials or jsonb_array_length(materials) > 0),
    exclude using gist (item_id with =, valid with &&)
);

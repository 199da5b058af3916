-- 行政区划: province → county (县) → township/street (乡镇/街道) → village/community (村/社区).
-- path is the chain of administrative codes, '/…/…/', the key of every scope check (see RegionScope).
create table organization.regions (
    id         uuid primary key,
    parent_id  uuid references organization.regions (id),
    code       text not null unique check (code ~ '^[0-9]{12}$'),
    name       text not null,
    level      text not null check (level in ('province', 'county', 'township', 'village')),
    kind       text not null check (kind in ('province', 'county', 'township', 'street', 'village', 'community')),
    path       text not null unique,
    sort       int not null default 0
);
create index regions_parent on organization.regions (parent_id, sort, code);
create index regions_path on organization.regions (path text_pattern_ops);

-- 单位: county departments and institutions, township offices and institutions, service centres, village agent points.
create table organization.units (
    id           uuid primary key,
    region_id    uuid not null references organization.regions (id),
    region_path  text not null,
    name         text not null,
    kind         text not null check (kind in ('county_department', 'county_institution', 'township_office',
                                               'township_institution', 'service_centre', 'village_agent_point')),
    sort         int not null default 0
);
create index units_scope on organization.units (region_path text_pattern_ops, sort, id);
create index units_region on organization.units (region_id, sort, id);

create table organization.users (
    id               uuid primary key,
    username         text not null,
    display_name     text not null,
    password_hash    text not null,
    role             text not null,
    region_id        uuid not null references organization.regions (id),
    region_path      text not null,
    unit_id          uuid references organization.units (id),
    phone            text,
    disabled         boolean not null default false,
    failed_attempts  int not null default 0,
    locked_until     timestamptz,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);
create unique index users_username on organization.users (lower(username));
create index users_scope on organization.users (region_path text_pattern_ops, id);

-- Browser sessions: an opaque random token in an HttpOnly cookie; only its SHA-256 is stored.
create table organization.sessions (
    id            uuid primary key,
    token_hash    bytea not null unique,
    csrf_token    text not null,
    user_id       uuid not null references organization.users (id),
    created_at    timestamptz not null,
    expires_at    timestamptz not null,
    revoked_at    timestamptz
);
create index sessions_user on organization.sessions (user_id);

-- API tokens for machine clients (nightly KPI scripts, third-party evaluators). Shown once, stored as SHA-256.
create table organization.api_tokens (
    id            uuid primary key,
    name          text not null,
    prefix        text not null,
    token_hash    bytea not null unique,
    role          text not null,
    region_id     uuid not null references organization.regions (id),
    region_path   text not null,
    created_by    uuid not null references organization.users (id),
    created_at    timestamptz not null,
    expires_at    timestamptz not null,
    revoked_at    timestamptz,
    last_used_at  timestamptz
);
create index api_tokens_scope on organization.api_tokens (region_path text_pattern_ops, created_at desc, id);

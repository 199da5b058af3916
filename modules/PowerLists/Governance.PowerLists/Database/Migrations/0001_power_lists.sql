-- 权责清单. Validity periods are half-open date ranges [from, to): "in force on D" is valid @> D, and the
-- exclusion constraints make overlapping periods impossible (no 多头: one version of an item, one entry per
-- township and item, on any date).
create extension if not exists btree_gist;

-- 执法领域 / 业务领域: data, not code. Seeded with the 12 domains of the source county.
create table power_lists.domains (
    code  text primary key,
    name  text not null unique,
    sort  int not null
);
insert into power_lists.domains (code, name, sort) values
    ('CG', '城市管理', 1), ('SC', '市场监管', 2), ('ZR', '自然资源(含林业)', 3), ('ST', '生态环境', 4),
    ('NY', '农业农村', 5), ('WL', '文化旅游', 6), ('WS', '卫生健康', 7), ('YJ', '应急管理', 8),
    ('JT', '交通运输', 9), ('SL', '水利', 10), ('ZJ', '住房城乡建设', 11), ('MZ', '民政', 12);

-- 职权事项: the item's identity; everything that can change lives in its versions.
-- Each county keeps its own catalogue: county_path scopes it (the county's townships read it, see RegionScope.SqlSharedDown).
create table power_lists.items (
    id           uuid primary key,
    county_id    uuid not null,
    county_path  text not null,
    code         text not null check (code ~ '^[A-Z]{2}[0-9]{8}$'),
    created_at   timestamptz not null,
    created_by   text not null,
    unique (county_path, code)
);

create table power_lists.item_versions (
    id                uuid primary key,
    item_id           uuid not null references power_lists.items (id),
    version           int not null,
    valid             daterange not null check (not isempty(valid) and lower(valid) is not null),
    withdrawn         boolean not null default false,            -- 取消: in force from lower(valid) as "withdrawn"
    name              text not null,
    type              text not null check (type in ('XK', 'CF', 'QZ', 'ZS', 'JF', 'JC', 'QR', 'JL', 'CJ', 'QT')),
    domain_code       text not null references power_lists.domains (code),
    legal_basis       jsonb not null default '[]',                -- [{law, article, text}]
    department_id     uuid,                                       -- 实施主体 (organization unit id)
    department_name   text,
    supervisor_id     uuid,                                       -- 监管单位 (审管一体)
    supervisor_name   text,
    responsibilities  text[] not null default '{}',               -- 责任事项
    accountabilities  text[] not null default '{}',               -- 追责情形
    change_note       text not null,
    created_at        timestamptz not null,
    created_by        text not null,
    unique (item_id, version),
    exclude using gist (item_id with =, valid with &&)
);
create index item_versions_valid on power_lists.item_versions using gist (valid);
create index item_versions_search on power_lists.item_versions (type, domain_code);

-- 行政执法委托协议书: a county department entrusts a township with items for a term.
create table power_lists.agreements (
    id               uuid primary key,
    document_no      text not null unique,
    department_id    uuid not null,
    department_name  text not null,
    township_id      uuid not null,
    township_path    text not null,
    signed_on        date not null,
    starts_on        date not null,
    ends_on          date not null check (ends_on >= starts_on),
    revoked_on       date,                                        -- in force up to the day before
    revoke_reason    text,
    notice_url       text,
    created_at       timestamptz not null,
    created_by       text not null,
    version          int not null default 1
);
create index agreements_scope on power_lists.agreements (township_path text_pattern_ops, ends_on);

create table power_lists.agreement_items (
    agreement_id  uuid not null references power_lists.agreements (id),
    item_id       uuid not null references power_lists.items (id),
    primary key (agreement_id, item_id)
);
create index agreement_items_item on power_lists.agreement_items (item_id);

-- 乡镇权责清单 entries: which items a township exercises, how, and when.
create table power_lists.entries (
    id             uuid primary key,
    township_id    uuid not null,
    township_path  text not null,
    item_id        uuid not null references power_lists.items (id),
    mode           text not null check (mode in ('statutory', 'granted', 'entrusted')),
    list_kind      text not null check (list_kind in ('basic', 'supporting', 'withdrawn')),
    decision_no    text,                                           -- 赋权 decision document number
    agreement_id   uuid references power_lists.agreements (id),
    valid          daterange not null check (not isempty(valid) and lower(valid) is not null),
    note           text,
    published_at   timestamptz,
    created_at     timestamptz not null,
    created_by     text not null,
    check ((mode = 'entrusted') = (agreement_id is not null)),
    check (mode <> 'granted' or decision_no is not null),
    exclude using gist (township_id with =, item_id with =, valid with &&)
);
create index entries_scope on power_lists.entries (township_path text_pattern_ops);
create index entries_township_valid on power_lists.entries using gist (township_id, valid);
create index entries_item on power_lists.entries (item_id);

-- 综合行政执法大队: one team per township, its officers (执法人员) with the 执法领域 each is assigned to ("按行业定岗
-- 定责"), and their certificates (执法证). An officer acts on a date only with a certificate valid on that date, so
-- certificates are kept as a history (a renewal is a new row), never overwritten.

create table enforcement.teams (
    id           uuid primary key,
    township_id  uuid not null unique,          -- organization region (no cross-schema key)
    region_path  text not null,                 -- the township's path: the scope of the team and its officers
    unit_id      uuid,                          -- the township's 综合行政执法大队 unit, when recorded
    name         text not null,
    leader_name  text,
    phone        text,
    address      text,
    population   int not null check (population >= 0), -- 常住人口: decides the minimum number of officers
    created_at   timestamptz not null,
    created_by   text not null,
    version      int not null default 1
);
create index teams_scope on enforcement.teams (region_path text_pattern_ops);

create table enforcement.officers (
    id           uuid primary key,
    team_id      uuid not null references enforcement.teams (id),
    region_path  text not null,
    person_id    uuid,                          -- staffing person, when the officer is on the establishment ledger
    name         text not null,
    phone        text,
    domains      text[] not null check (cardinality(domains) between 1 and 20), -- 执法领域 codes (PowerLists' domains)
    joined_on    date not null,
    left_on      date check (left_on >= joined_on), -- 调离/退休: not an officer from this day; the certificate returned
    left_reason  text,
    created_at   timestamptz not null,
    created_by   text not null,
    version      int not null default 1
);
create index officers_team on enforcement.officers (team_id, name, id);
create index officers_scope on enforcement.officers (region_path text_pattern_ops, name, id);
create index officers_domains on enforcement.officers using gin (domains);

create table enforcement.certificates (
    id            uuid primary key,
    officer_id    uuid not null references enforcement.officers (id),
    number        text not null unique,         -- 执法证号
    issuing_body  text not null,                -- 发证机关
    valid_from    date not null,
    valid_until   date not null check (valid_until >= valid_from),
    recorded_at   timestamptz not null,
    recorded_by   text not null
);
create index certificates_officer on enforcement.certificates (officer_id, valid_until desc);

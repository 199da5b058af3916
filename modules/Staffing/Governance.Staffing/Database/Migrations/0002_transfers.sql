-- 编制划转 (减县补乡): a document moving posts from county units to township units. Its lines apply together or not
-- at all; each is a transfer_out line of the county unit and a transfer_in line of the township unit on the
-- effective date, so the county's total never grows (编制总量不增).
create table staffing.transfers (
    id               uuid primary key,
    region_path      text not null,          -- the county
    document_no      text not null,
    document_date    date not null,
    approved_by      text not null,          -- 批准机关
    higher_approval  text,                   -- 上级机构编制部门批准文号 (编制管理条例 art. 18): required for 行政编制
    effective_on     date not null,
    note             text,
    recorded_at      timestamptz not null,
    recorded_by      text not null
);
create index transfers_scope on staffing.transfers (region_path text_pattern_ops, recorded_at desc, id desc);

create table staffing.transfer_lines (
    transfer_id  uuid not null references staffing.transfers,
    line         int not null,
    from_establishment uuid not null references staffing.establishments,
    to_establishment   uuid not null references staffing.establishments,
    posts        int not null check (posts > 0),
    purpose      text check (purpose in ('enforcement', 'service', 'agriculture', 'governance', 'other')),
    primary key (transfer_id, line),
    check (from_establishment <> to_establishment)
);
create index transfer_lines_to on staffing.transfer_lines (to_establishment);
create index transfer_lines_from on staffing.transfer_lines (from_establishment);

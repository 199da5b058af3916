-- 调查取证: a case's evidence, each item a stored file (outside the rows: a configured directory, one file per
-- SHA-256) with its hash, size and type here. Evidence is immutable: the API's role may only insert and read these
-- tables (append-only, see EnforcementModule), so a correction is a new item naming the one it corrects.

-- 已上传文件: what the store holds, registered at upload (the type checked against the file's first bytes).
create table enforcement.evidence_files (
    sha256          text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes      bigint not null check (size_bytes > 0),
    content_type    text not null,
    uploaded_at     timestamptz not null,
    uploaded_by_id  uuid not null,
    uploaded_by     text not null
);

create table enforcement.case_evidence (
    id                   uuid primary key,
    case_id              uuid not null references enforcement.cases (id),
    seq                  int not null,                   -- 证据 1, 2, … within the case
    kind                 text not null check (kind in (
        'scene_record', 'inquiry_record', 'photo', 'audio_video', 'document', 'preservation', 'other')),
    title                text not null,
    file_name            text not null,
    sha256               text not null references enforcement.evidence_files (sha256),
    collected_on         date not null,
    collected_by         text not null,                  -- the officers (name and 执法证号) on that day
    corrects_id          uuid references enforcement.case_evidence (id),
    preservation_due_on  date,                           -- 先行登记保存: 处理决定 within 7 working days (56)
    note                 text,
    recorded_at          timestamptz not null,
    recorded_by_id       uuid not null,
    recorded_by          text not null,
    unique (case_id, seq),
    check ((kind = 'preservation') = (preservation_due_on is not null))
);
create index case_evidence_case on enforcement.case_evidence (case_id, seq);

-- 先行登记保存的处理决定: one per preserved item, as decided.
create table enforcement.preservation_decisions (
    evidence_id  uuid primary key references enforcement.case_evidence (id),
    decided_on   date not null,
    outcome      text not null check (outcome in ('released', 'inspected', 'seized', 'transferred', 'confiscation')),
    note         text,
    recorded_at  timestamptz not null,
    recorded_by  text not null
);

-- 审计日志: append-only, hash-chained. Each row's hash covers its content and the previous row's hash,
-- so editing or deleting any row (even by someone bypassing the triggers) breaks verification.
create table audit.entries (
    seq          bigint primary key,
    id           uuid not null unique,
    occurred_at  timestamptz not null,
    actor_id     uuid,
    actor_name   text not null,
    actor_kind   text not null check (actor_kind in ('user', 'token', 'anonymous', 'system')),
    action       text not null,
    record_type  text not null,
    record_id    text,
    region_path  text,
    outcome      text not null check (outcome in ('success', 'denied', 'failed')),
    before       jsonb,
    after        jsonb,
    ip           text,
    user_agent   text,
    prev_hash    bytea not null,
    hash         bytea not null
);
create index entries_region_path_seq on audit.entries (region_path text_pattern_ops, seq desc);
create index entries_record on audit.entries (record_type, record_id, seq desc);
create index entries_actor on audit.entries (actor_id, seq desc);
create index entries_occurred on audit.entries (occurred_at desc);
create sequence audit.entries_seq;

-- The canonical content hashed for a row; used by the insert trigger and by verification alike.
create function audit.entry_hash(e audit.entries) returns bytea
language sql immutable as $$
    select sha256(convert_to(concat_ws('|',
        encode(e.prev_hash, 'hex'), e.seq, e.id, (extract(epoch from e.occurred_at) * 1000000)::bigint,
        e.actor_id, e.actor_name, e.actor_kind, e.action, e.record_type, e.record_id, e.region_path, e.outcome,
        e.before::text, e.after::text, e.ip, e.user_agent), 'UTF8'))
$$;

-- Serialises writers with a transaction-scoped lock, so seq order is chain order even under concurrency.
create function audit.chain_entry() returns trigger
language plpgsql as $$
begin
    perform pg_advisory_xact_lock(7402311);
    new.seq := nextval('audit.entries_seq');
    new.prev_hash := coalesce((select hash from audit.entries order by seq desc limit 1), '\x00'::bytea);
    new.hash := audit.entry_hash(new);
    return new;
end $$;

create trigger entries_chain before insert on audit.entries
    for each row execute function audit.chain_entry();

create function audit.refuse_change() returns trigger
language plpgsql as $$
begin
    raise exception 'audit.entries is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end $$;

create trigger entries_append_only before update or delete on audit.entries
    for each row execute function audit.refuse_change();
create trigger entries_no_truncate before truncate on audit.entries
    for each statement execute function audit.refuse_change();

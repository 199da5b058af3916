# Shared by the restore and point-in-time recovery drills (sourced): check NAME RC counts and prints a result;
# state and chain read the database at $url (and $bin, PostgreSQL's binaries).
passed=0 failed=0
check() {
  if [ "$2" = 0 ]; then echo "PASS $1"; passed=$((passed + 1)); else echo "FAIL $1"; failed=$((failed + 1)); fi
}

# every table of the application's schemas: its row count and an md5 over its rows in a fixed order
state() {
  "$bin/psql" "$url" -qAt -v ON_ERROR_STOP=1 <<'SQL'
select format('%s %s %s', t.schema, t.name, x.rows)
from (select n.nspname as schema, c.relname as name
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
        and n.nspname not like 'pg_toast%') t,
     lateral (select (xpath('/row/x/text()', query_to_xml(format(
         'select count(*) || '' '' || coalesce(md5(string_agg(r::text, '','' order by r::text)), ''-'') as x '
         'from %I.%I r', t.schema, t.name), false, true, '')))[1]::text as rows) x
order by t.schema, t.name;
SQL
}
chain() {
  "$bin/psql" "$url" -qAt -v ON_ERROR_STOP=1 -c "
    with chain as (
        select e.seq, e.hash, audit.entry_hash(e) as recomputed, e.prev_hash,
               coalesce(lag(e.hash) over (order by e.seq), '\x00'::bytea) as expected_prev
        from audit.entries e)
    select count(*) filter (where hash <> recomputed or prev_hash <> expected_prev) || ' broken of ' || count(*)
           || ', last ' || coalesce(encode((select hash from audit.entries order by seq desc limit 1), 'hex'), '-')
    from chain"
}


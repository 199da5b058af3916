#!/usr/bin/env bash
# 恢复演练: backs a database up, destroys it, restores it, and checks that nothing was lost — every table's row
# count and a checksum of its rows, and the audit trail's hash chain (every row's hash recomputed, every link to its
# predecessor, the same last hash as before). ./test.sh runs it on the browser tests' database once the API is
# stopped. Prints one line per check and "restore drill: N passed, M failed".
#
#   scripts/restore-drill.sh DATABASE-URL        (a superuser on the database to drill, e.g. …/governance_e2e)
set -uo pipefail
[ $# -eq 1 ] || { echo "usage: $0 DATABASE-URL" >&2; exit 2; }
url=$1
here=$(cd "$(dirname "$0")" && pwd)
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
server=${url%/*}/postgres
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
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

state > "$work/before" 2>&1; before_rc=$?
chain > "$work/chain-before" 2>&1
tables=$(wc -l < "$work/before"); rows=$(awk '{s += $3} END {print s + 0}' "$work/before")
check "read the database before: $tables tables, $rows rows; audit chain $(cat "$work/chain-before")" \
  $(( before_rc != 0 || tables == 0 ))
bash "$here/backup.sh" "$work/drill.dump" "$url" >"$work/backup.log" 2>&1
check "backed up ($(tail -n 1 "$work/backup.log"))" $?
db=${url##*/}
"$bin/psql" "$server" -qc "drop database \"$db\" with (force)" >/dev/null 2>&1
gone=$("$bin/psql" "$server" -tAc "select count(*) from pg_database where datname = '$db'")
check "destroyed: database $db dropped" $(( gone != 0 ))
bash "$here/restore.sh" "$work/drill.dump" "$server" >"$work/restore.log" 2>&1
check "restored ($(tail -n 1 "$work/restore.log"))" $?
state > "$work/after" 2>&1
cmp -s "$work/before" "$work/after"
check "every table has the same row count and the same rows ($tables tables, $rows rows)" $?
chain > "$work/chain-after" 2>&1
[ "$(cat "$work/chain-after")" = "$(cat "$work/chain-before")" ] && grep -q '^0 broken' "$work/chain-after"
check "the audit chain verifies and ends at the same hash ($(cut -d, -f1 "$work/chain-after"))" $?
echo "restore drill: $passed passed, $failed failed"
[ "$failed" = 0 ]

#!/usr/bin/env bash
# 恢复演练: backs a database up, destroys it, restores it, and checks that nothing was lost — every table's row
# count and a checksum of its rows, and the audit trail's hash chain (every row's hash recomputed, every link to its
# predecessor, the same last hash as before). Then 时间点恢复: the backup loaded into a cluster of its own that
# archives its WAL, a base backup, more changes, a moment noted, an accident (a module's schema dropped), the cluster
# destroyed — and recovered from the base backup and the archive to that moment: the same rows and audit chain as at
# the moment, the accident undone. ./test.sh runs it on the browser tests' database once the API is stopped. Prints
# one line per check and "restore drill: N passed, M failed".
#
#   scripts/restore-drill.sh DATABASE-URL        (a superuser on the database to drill, e.g. …/governance_e2e)
set -uo pipefail
[ $# -eq 1 ] || { echo "usage: $0 DATABASE-URL" >&2; exit 2; }
url=$1
here=$(cd "$(dirname "$0")" && pwd)
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
server=${url%/*}/postgres
work=$(mktemp -d); chmod 755 "$work" # the clusters' server (user postgres, when run as root) works in it
trap 'for d in "$work"/pitr-*; do bash "$here/pg-cluster.sh" stop "$d"; done; rm -rf "$work"' EXIT
source "$here/drill-lib.sh"

state > "$work/before" 2>&1; before_rc=$?
chain > "$work/chain-before" 2>&1
tables=$(wc -l < "$work/before"); rows=$(awk '{s += $3} END {print s + 0}' "$work/before")
check "read the database before: $tables tables, $rows rows; audit chain $(cat "$work/chain-before")" \
  $(( before_rc != 0 || tables == 0 ))
bash "$here/backup.sh" "$work/drill.dump" "$url" >"$work/backup.log" 2>&1
rc=$? # before the message: its $(…) would reset $?
check "backed up ($(tail -n 1 "$work/backup.log"))" $rc
db=${url##*/}
"$bin/psql" "$server" -qc "drop database \"$db\" with (force)" >/dev/null 2>&1
gone=$("$bin/psql" "$server" -tAc "select count(*) from pg_database where datname = '$db'")
check "destroyed: database $db dropped" $(( gone != 0 ))
bash "$here/restore.sh" "$work/drill.dump" "$server" >"$work/restore.log" 2>&1
rc=$?
check "restored ($(tail -n 1 "$work/restore.log"))" $rc
state > "$work/after" 2>&1
cmp -s "$work/before" "$work/after"
check "every table has the same row count and the same rows ($tables tables, $rows rows)" $?
chain > "$work/chain-after" 2>&1
[ "$(cat "$work/chain-after")" = "$(cat "$work/chain-before")" ] && grep -q '^0 broken' "$work/chain-after"
rc=$?
check "the audit chain verifies and ends at the same hash ($(cut -d, -f1 "$work/chain-after"))" $rc

# --- 时间点恢复 (PITR) ---
db=${url##*/} pport=$(bash "$here/free-port.sh")
primary=$work/pitr-primary archive=$work/wal-archive
bash "$here/pg-cluster.sh" start "$primary" "$pport" --throwaway --archive "$archive" >"$work/pitr.log" 2>&1 \
  && bash "$here/restore.sh" "$work/drill.dump" "postgresql://postgres@127.0.0.1:$pport/postgres" \
    >>"$work/pitr.log" 2>&1
check "a cluster that archives its WAL, with the backup loaded" $?
url=postgresql://postgres@127.0.0.1:$pport/$db
bash "$here/base-backup.sh" "$work/base" "$pport" >"$work/base.log" 2>&1
rc=$?
check "base backup ($(tail -n 1 "$work/base.log"))" $rc
# changes after the base backup that recovery must bring back: three audit entries, chained by the trigger
"$bin/psql" "$url" -qc "insert into audit.entries (seq, id, occurred_at, actor_name, actor_kind, action, record_type,
    outcome, prev_hash, hash)
  select 0, gen_random_uuid(), now(), '恢复演练', 'system', 'drill.pitr', 'drill', 'success', '\x00', '\x00'
  from generate_series(1, 3)" >/dev/null
state > "$work/at-target"; chain > "$work/chain-at-target"
target=$("$bin/psql" "$url" -tAc "select clock_timestamp()")
sleep 1
# the accident, then the segment holding it closed and archived, then the cluster gone
"$bin/psql" "$url" -qc "drop schema service_centre cascade" >/dev/null 2>&1
segment=$("$bin/psql" "$url" -tAc "select pg_walfile_name(pg_switch_wal())")
for _ in $(seq 1 120); do
  [ "$("$bin/psql" "$url" -tAc "select last_archived_wal >= '$segment' from pg_stat_archiver")" = t ] && break
  sleep 0.5
done
dropped=$("$bin/psql" "$url" -tAc "select count(*) from pg_namespace where nspname = 'service_centre'")
bash "$here/pg-cluster.sh" stop "$primary" && rm -rf "$primary"
entries() { sed -E 's/^0 broken of ([0-9]+),.*/\1/' "$1"; }
check "after the base backup: 3 audit entries more ($(entries "$work/chain-at-target") in all), the moment noted, \
service_centre dropped, the cluster destroyed" \
  $(( $(entries "$work/chain-at-target") != $(entries "$work/chain-after") + 3 || dropped != 0 || ${#target} == 0 ))
rport=$(bash "$here/free-port.sh")
bash "$here/pitr-restore.sh" "$work/base" "$archive" "$target" "$work/pitr-recovered" "$rport" >"$work/pitr.log" 2>&1
rc=$?
check "recovered to the moment ($(tail -n 1 "$work/pitr.log" | cut -d';' -f1))" $rc
url=postgresql://postgres@127.0.0.1:$rport/$db
state > "$work/recovered" 2>&1
cmp -s "$work/at-target" "$work/recovered"
rc=$?
check "every table as at the moment, service_centre's included ($(wc -l < "$work/recovered") tables)" $rc
chain > "$work/chain-recovered" 2>&1
[ "$(cat "$work/chain-recovered")" = "$(cat "$work/chain-at-target")" ] && grep -q '^0 broken' "$work/chain-recovered"
rc=$?
check "the audit chain verifies and ends at the moment's hash ($(cut -d, -f1 "$work/chain-recovered"))" $rc
echo "restore drill: $passed passed, $failed failed"
[ "$failed" = 0 ]

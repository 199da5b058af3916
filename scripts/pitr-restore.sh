#!/usr/bin/env bash
# 时间点恢复 (point-in-time recovery): a new cluster in DATADIR from a base backup of scripts/base-backup.sh, replaying
# the archived WAL up to TIME (a PostgreSQL timestamp, e.g. '2026-12-07 09:30:00+08'): the database as it was at
# that moment, every transaction committed by then and none after. It starts on PORT and is promoted, ready for the
# API (point GOVERNANCE_PG_PORT or GOVERNANCE_DB at it once checked). The damaged cluster is not touched.
#
#   scripts/pitr-restore.sh BASE-BACKUP-DIR WAL-ARCHIVE-DIR TIME DATADIR PORT
set -euo pipefail
[ $# -eq 5 ] || { echo "usage: $0 BASE-BACKUP-DIR WAL-ARCHIVE-DIR TIME DATADIR PORT" >&2; exit 2; }
base=$1 archive=$(cd "$2" && pwd) target=$3 dir=$4 port=$5
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
(cd "$base" && sha256sum --quiet --strict -c SHA256SUMS) || { echo "pitr: $base fails its SHA256SUMS" >&2; exit 1; }
[ ! -e "$dir" ] || { echo "pitr: $dir exists" >&2; exit 1; }
mkdir -p "$dir/pg_wal" && chmod 700 "$dir"
tar -xzf "$base/base.tar.gz" -C "$dir"
tar -xzf "$base/pg_wal.tar.gz" -C "$dir/pg_wal"
rm -f "$dir/archive.conf"   # the restored cluster does not archive into the old cluster's archive
cat >> "$dir/postgresql.auto.conf" <<CONF
restore_command = 'cp $archive/%f %p'
recovery_target_time = '$target'
recovery_target_action = 'promote'
CONF
touch "$dir/recovery.signal"
[ "$(id -u)" = 0 ] && chown -R postgres:postgres "$dir"
SECONDS=0
as_pg "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 300 \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -k $dir -c max_connections=200" start >/dev/null
# recovery ends with a promotion: from then on the cluster takes writes
for _ in $(seq 1 600); do
  [ "$(as_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc 'select pg_is_in_recovery()' \
    2>/dev/null)" = f ] && break
  sleep 0.5
done
[ "$(as_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc 'select pg_is_in_recovery()')" = f ] \
  || { echo "pitr: recovery did not finish; see $dir/server.log" >&2; exit 1; }
echo "pitr: recovered to $target in ${SECONDS} s; cluster $dir on port $port"

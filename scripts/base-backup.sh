#!/usr/bin/env bash
# 物理备份 (base backup) for point-in-time recovery: a copy of the whole cluster with pg_basebackup (tar, gzip), taken
# while it runs, plus the WAL the cluster archives continuously (scripts/pg-cluster.sh start … --archive DIR; ./run.sh
# archives into .data/wal-archive). Any moment after the base backup can then be recovered with
# scripts/pitr-restore.sh. Take one regularly (e.g. nightly); WAL older than the oldest base backup kept can then be
# removed with pg_archivecleanup ARCHIVE-DIR <the oldest kept backup's first WAL file, in its backup_label>.
#
#   scripts/base-backup.sh DIR [PORT]          (PORT: the local cluster's, default 55432; DIR must not exist)
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 DIR [PORT]" >&2; exit 2; }
dir=$1 port=${2:-${GOVERNANCE_PG_PORT:-55432}}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
[ ! -e "$dir" ] || { echo "base backup: $dir exists" >&2; exit 1; }
SECONDS=0
"$bin/pg_basebackup" -h 127.0.0.1 -p "$port" -U postgres -D "$dir.partial" -Ft -z -X stream --checkpoint=fast
mv "$dir.partial" "$dir"   # a failed backup never leaves a directory that looks whole
(cd "$dir" && sha256sum -- * > SHA256SUMS)
echo "base backup: $dir ($(du -sh "$dir" | cut -f1)) in ${SECONDS} s"

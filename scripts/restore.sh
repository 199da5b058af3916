#!/usr/bin/env bash
# 数据恢复: restores a backup of scripts/backup.sh as the database it was taken from (same name, owner and grants).
# The file's SHA-256 is checked first; an existing database of that name is refused unless --replace is given (then
# it is dropped, its connections ended — stop the API first). Every statement must succeed or the restore stops.
#
#   scripts/restore.sh [--replace] FILE [SERVER-URL]
#
# SERVER-URL: a superuser (or a role allowed to create the database as its owner), on any database of the target
# server; default the local cluster of ./run.sh: postgresql://postgres@127.0.0.1:55432/postgres. The roles the
# backup grants to (governance_owner, governance_app) must exist there (./run.sh and scripts/pg-cluster.sh make them).
set -euo pipefail
replace=; [ "${1:-}" = --replace ] && { replace=1; shift; }
[ $# -ge 1 ] || { echo "usage: $0 [--replace] FILE [SERVER-URL]" >&2; exit 2; }
file=$1
url=${2:-postgresql://postgres@127.0.0.1:${GOVERNANCE_PG_PORT:-55432}/postgres}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
(cd "$(dirname "$file")" && sha256sum --quiet --strict -c "$(basename "$file").sha256") \
  || { echo "restore: $file does not match its SHA-256 — not restored" >&2; exit 1; }
db=$("$bin/pg_restore" --list "$file" | sed -nE 's/^; +dbname: (.*)$/\1/p')
[ -n "$db" ] || { echo "restore: $file names no database" >&2; exit 1; }
exists=$("$bin/psql" "$url" -tAc "select 1 from pg_database where datname = '$db'")
if [ -n "$exists" ]; then
  [ -n "$replace" ] || { echo "restore: database $db exists; pass --replace to drop it first" >&2; exit 1; }
  "$bin/psql" "$url" -qc "drop database \"$db\" with (force)"
fi
SECONDS=0
"$bin/pg_restore" --create --exit-on-error --dbname="$url" "$file"
echo "restore: database $db restored from $file in ${SECONDS} s"

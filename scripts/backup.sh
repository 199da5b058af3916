#!/usr/bin/env bash
# 数据备份: a logical backup of the Governance database — pg_dump's custom format, taken from one snapshot (consistent
# while the API keeps writing), with its SHA-256 beside it (FILE.sha256). Ownership and grants are kept, so a restore
# into a cluster with the same roles (governance_owner, governance_app) serves at once.
#
#   scripts/backup.sh FILE [DATABASE-URL]
#
# DATABASE-URL: a role that can read everything (the owner or a superuser); default the local cluster of ./run.sh:
# postgresql://postgres@127.0.0.1:55432/governance. Restore with scripts/restore.sh FILE.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 FILE [DATABASE-URL]" >&2; exit 2; }
file=$1
url=${2:-postgresql://postgres@127.0.0.1:${GOVERNANCE_PG_PORT:-55432}/governance}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
"$bin/pg_dump" --format=custom --compress=6 --file="$file.partial" "$url"
mv "$file.partial" "$file"   # a failed dump never leaves a file that looks whole
(cd "$(dirname "$file")" && sha256sum "$(basename "$file")" > "$(basename "$file").sha256")
echo "backup: $file ($(du -h "$file" | cut -f1)), sha256 in $file.sha256"

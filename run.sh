#!/usr/bin/env bash
# Runs the product: a local PostgreSQL (data kept in .data/pg, git-ignored), migrations, the demo county, the built
# SPA, and the API on http://127.0.0.1:5080. Ctrl-C stops the API and the database.
#
# Environment:
#   GOVERNANCE_DB        an Npgsql connection string to use another PostgreSQL instead of the local cluster: the API's
#                        login role (no superuser, owns nothing — README, Database roles)
#   GOVERNANCE_DB_OWNER  the connection string of the role that owns the database and runs the migrations
#                        (without it, the API's role migrates its own schemas, and the log warns)
#   GOVERNANCE_PORT   the API port (default 5080)
#   DEMO_COUNTIES     how many demo counties to load (default 1; 0 = none)
#   OPEN_DATA_KEY_FILE   the ECDSA P-256 key (PEM) that signs the open-data packages (default: one made locally in
#                        .data/open-data-signing-key.pem)
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
port=${GOVERNANCE_PORT:-5080}
bash scripts/prereqs.sh

local_pg=
if [ -z "${GOVERNANCE_DB:-}" ]; then
  pgport=${GOVERNANCE_PG_PORT:-55432}
  echo "Starting the local PostgreSQL cluster (.data/pg, port $pgport)…"
  bash scripts/pg-cluster.sh start "$root/.data/pg" "$pgport" --archive "$root/.data/wal-archive"
  local_pg="$root/.data/pg"
  GOVERNANCE_DB="Host=127.0.0.1;Port=$pgport;Username=governance_app;Database=governance"
  # migrations run as the database's owner (governance_owner; postgres for a cluster made before the roles existed)
  owner=$(bash scripts/pg-cluster.sh owner "$local_pg" "$pgport")
  GOVERNANCE_DB_OWNER="Host=127.0.0.1;Port=$pgport;Username=$owner;Database=governance"
fi

echo "Building the SPA (client/dist)…"
(cd client && { [ -d node_modules ] && [ ! package-lock.json -nt node_modules/.package-lock.json ] || npm ci --no-audit --no-fund; } && npm run -s build)
echo "Building the API…"
dotnet build api/Governance.Api -c Release -nologo -v q

api_pid=
stop() {
  trap - INT TERM EXIT
  trap '' PIPE   # output piped to tee (which Ctrl-C also stops) must not cut the clean-up short
  [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null
  [ -n "$local_pg" ] && { echo "Stopping PostgreSQL…" 2>/dev/null || true; bash scripts/pg-cluster.sh stop "$local_pg"; }
  exit 0
}
trap stop INT TERM EXIT

# the open-data packages' signing key: made once here (.data is git-ignored); a deployment configures its own
[ -n "${OPEN_DATA_KEY_FILE:-}" ] || bash scripts/open-data-key.sh "$root/.data/open-data-signing-key.pem"
# the first start loads the demo county with a year of applications (about 30 s); later starts find it there
ConnectionStrings__Governance="$GOVERNANCE_DB" ConnectionStrings__GovernanceOwner="${GOVERNANCE_DB_OWNER:-}" Demo__Counties="${DEMO_COUNTIES:-1}" Demo__ApplicationMonths="${DEMO_MONTHS:-12}" \
Spa__Root="$root/client/dist" Enforcement__EvidenceDirectory="$root/.data/evidence" \
OpenData__SigningKeyFile="${OPEN_DATA_KEY_FILE:-$root/.data/open-data-signing-key.pem}" \
ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet api/Governance.Api/bin/Release/net10.0/Governance.Api.dll --contentRoot "$root/api/Governance.Api" &
api_pid=$!
for _ in $(seq 1 480); do
  curl -sf "http://127.0.0.1:$port/health" >/dev/null && break
  kill -0 "$api_pid" 2>/dev/null || { echo "The API did not start." >&2; exit 1; }
  sleep 0.5
done

cat <<MSG

  县乡治理平台 Governance is running
  ─────────────────────────────────────────────────────────────
  App         http://127.0.0.1:$port
  Swagger UI  http://127.0.0.1:$port/swagger
  OpenAPI     http://127.0.0.1:$port/openapi/v1.json

  Demo logins (password for all: Demo@2026)
    admin         县级管理员 · 清河县
    leader        县领导 · 清河县
    bianban       编办工作人员 · 清河县
    dept_scjg     县直部门工作人员 · 县市场监督管理局
    zwfw          县政务服务管理人员 · 县政务服务中心
    window        窗口工作人员 · 县政务服务中心 (转报 from townships arrive here)
    evaluator     第三方评估机构 · 清河县 (read-only)
    t01_leader    乡镇（街道）领导 · 城关镇   (t01…t16: one per township)
    t01_staff     乡镇（街道）工作人员 · 城关镇
    t01_window    窗口工作人员 · 城关镇便民服务中心
    t01_officer   执法人员 · 城关镇综合行政执法大队
    t01_legal     法制审核人员 · 城关镇
    v0101_agent   村级代办员 · 城关镇 first village (vTTVV_agent for each village)
  Public pages (no login): /public/power-lists, /public/services/<county id>, /public/centres, /public/rate
  Machine clients (KPI scripts, evaluators): issue an API token as admin under "API 令牌".

  Ctrl-C stops the API and the database.
MSG
wait "$api_pid"

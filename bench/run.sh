#!/usr/bin/env bash
# Benchmarks at province scale, in one run: starts a throwaway PostgreSQL, the API (Release) with the demo province
# (BENCH_COUNTIES, default 100 counties), then bench/Governance.Bench. Results print and go to bench/results/.
#   bench/run.sh              PowerLists (township list vs SQL, health checks); with BENCH_MONTHS=8 the health check
#                             runs over the applications too (接不住)
#   bench/run.sh staffing     Staffing: one county's ledger vs SQL, the province's staffing KPIs (the demo ledger
#                             has ~3,000 people a county), and 1,000 assessment outcomes applied in one batch (1,000
#                             secondees added to the middle county in SQL, graded and finalized through the API, every
#                             invariant checked in SQL afterwards)
#   bench/run.sh enforcement  Enforcement: case detail vs SQL, the case list's deep page, the public disclosure list's
#                             throughput plain and with If-None-Match (the demo has ≈ 3,660 cases a county)
#   bench/run.sh services     ServiceCentre: also loads BENCH_MONTHS (default 8) months of applications — about
#                             11 million at 100 counties; loading takes tens of minutes on 2 cores
#   bench/run.sh exports      Exports: does one user's flood of 50 parallel CSV exports of every application starve
#                             another user's requests (p99 quiet vs during the flood)? Loads BENCH_MONTHS (default 2)
#                             months of applications
#   bench/run.sh powerlists,services,enforcement,staffing   several suites on one load (staffing last: it writes)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
suite=${1:-powerlists}
counties=${BENCH_COUNTIES:-100}
months=${BENCH_MONTHS:-0}; [[ ",$suite," == *,exports,* ]] && months=${BENCH_MONTHS:-2}
[[ ",$suite," == *,services,* ]] && months=${BENCH_MONTHS:-8}
work=$(mktemp -d /tmp/gov-bench.XXXXXX); chmod 755 "$work"
pgport=$(bash scripts/free-port.sh); apiport=$(bash scripts/free-port.sh)
api_pid=
cleanup() {
  status=$?
  [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null; wait 2>/dev/null
  # a failed run keeps the API's and PostgreSQL's logs, to see why
  if [ "$status" != 0 ]; then
    mkdir -p "$root/bench/results"
    cp "$work/api.log" "$root/bench/results/failed-api.log" 2>/dev/null
    cp "$work/pg/server.log" "$root/bench/results/failed-postgres.log" 2>/dev/null
  fi
  bash "$root/scripts/pg-cluster.sh" stop "$work/pg"; rm -rf "$work"
}
trap cleanup EXIT
bash scripts/pg-cluster.sh start "$work/pg" "$pgport" --throwaway
# as deployed (README, Database roles): the API logs in as governance_app and migrates as governance_owner; the bench's
# direct SQL and its set-up (a province user) use the superuser
db="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=governance;Maximum Pool Size=50"
app_db="Host=127.0.0.1;Port=$pgport;Username=governance_app;Database=governance;Maximum Pool Size=50"
owner_db="Host=127.0.0.1;Port=$pgport;Username=governance_owner;Database=governance"
dotnet build api/Governance.Api -c Release -nologo -v q >/dev/null
dotnet build bench/Governance.Bench -c Release -nologo -v q >/dev/null
# run copies, so a build in this tree during a long run cannot swap the assemblies under it
cp -r api/Governance.Api/bin/Release/net10.0 "$work/api"
cp -r bench/Governance.Bench/bin/Release/net10.0 "$work/bench"
echo "Loading the demo province ($counties counties)…"
start=$(date +%s)
ConnectionStrings__Governance="$app_db" ConnectionStrings__GovernanceOwner="$owner_db" \
  Demo__Counties="$counties" Demo__ApplicationMonths="$months" ASPNETCORE_URLS="http://127.0.0.1:$apiport" \
  Logging__LogLevel__Default=Warning \
  dotnet "$work/api/Governance.Api.dll" --contentRoot "$root/api/Governance.Api" >"$work/api.log" 2>&1 &
api_pid=$!
until curl -sf "http://127.0.0.1:$apiport/health" >/dev/null; do
  kill -0 "$api_pid" 2>/dev/null || { cat "$work/api.log"; exit 1; }; sleep 1
done
echo "loaded in $(( $(date +%s) - start )) s"
BENCH_API="http://127.0.0.1:$apiport" BENCH_DB="$db" BENCH_API_PID="$api_pid" \
  BENCH_RESULTS="$root/bench/results" dotnet "$work/bench/Governance.Bench.dll" "$suite"

#!/usr/bin/env bash
# Runs every test suite: backend unit, architecture and integration tests (against a throwaway PostgreSQL started
# here), the client's type check, lint and unit tests, and browser end-to-end tests (Playwright + Debian's Chromium)
# against the real API on loopback, then the restore drill and the faults drill (PostgreSQL and the API killed under
# load). Ends with one line: "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
bash scripts/prereqs.sh --browser || exit 1

work=$(mktemp -d /tmp/gov-test.XXXXXX)
chmod 755 "$work" # the postgres user must reach the cluster directory inside
pgdir="$work/pg"
pgport=$(bash scripts/free-port.sh)
api_pid=
cleanup() {
  [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null
  bash "$root/scripts/pg-cluster.sh" stop "$pgdir"
  rm -rf "$work"
}
trap cleanup EXIT

passed=0 failed=0
declare -a summary
record() { # suite passed failed
  passed=$((passed + $2)); failed=$((failed + $3)); summary+=("$(printf '%-24s %5s passed, %s failed' "$1" "$2" "$3")")
}

echo "== PostgreSQL (throwaway, port $pgport)"
bash scripts/pg-cluster.sh start "$pgdir" "$pgport" --throwaway || exit 1
export GOVERNANCE_TEST_PG="Host=127.0.0.1;Port=$pgport;Username=postgres"

echo "== .NET build"
if ! dotnet build Governance.sln -c Release -nologo -v q 2>&1 | tail -n 3; then echo "build failed"; echo "0 passed, 1 failed"; exit 1; fi

for suite in UnitTests ArchitectureTests IntegrationTests; do
  echo "== $suite"
  log="$work/$suite.log"
  FUZZ_SUMMARY="$work/fuzz.txt" dotnet test "tests/Governance.$suite" -c Release --no-build -nologo 2>&1 | tee "$log" \
    | grep -E '^\s+(Failed|Error Message)|Passed!|Failed!' 
  line=$(grep -E '(Passed|Failed)!' "$log" | tail -n 1)
  p=$(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$line"); f=$(sed -E 's/.*Failed: *([0-9]+).*/\1/' <<<"$line")
  [ -z "$line" ] && { p=0; f=1; }
  record "$suite" "${p:-0}" "${f:-1}"
done
# the schema-driven fuzzer's counts (part of the integration suite)
[ -f "$work/fuzz.txt" ] && sed -E 's/; by input.*(; failures)/\1/' "$work/fuzz.txt" \
  && awk '{ n += $3 } END { print "fuzz: " n " requests in all" }' "$work/fuzz.txt"

echo "== client: install, typecheck, lint, unit tests, build"
cd "$root/client"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then npm ci --no-audit --no-fund >/dev/null 2>&1 || npm ci --no-audit --no-fund; fi
# the SPA's API types must be generated from the committed OpenAPI document (which a backend test keeps current)
npx openapi-typescript ../docs/openapi/v1.json -o "$work/schema.d.ts" >/dev/null 2>&1
if cmp -s "$work/schema.d.ts" src/lib/api/schema.d.ts; then record "client API types current" 1 0
else echo "client/src/lib/api/schema.d.ts is stale: run 'npm run gen:api' in client/ and commit"; record "client API types current" 0 1; fi
if npm run -s typecheck; then record "client typecheck" 1 0; else record "client typecheck" 0 1; fi
if npm run -s lint; then record "client lint" 1 0; else record "client lint" 0 1; fi
npx vitest run --reporter=default --reporter=json --outputFile="$work/vitest.json" 2>&1 | tail -n 8
read -r p f < <(node -e "const r=require('$work/vitest.json');console.log(r.numPassedTests, r.numFailedTests + (r.numTotalTestSuites && !r.success && r.numFailedTests===0 ? 1 : 0))" 2>/dev/null || echo "0 1")
record "client unit (vitest)" "$p" "$f"
if npm run -s build >"$work/vite.log" 2>&1; then built=1; else built=0; tail -n 20 "$work/vite.log"; fi

echo "== browser end-to-end (Playwright + Chromium)"
if [ "$built" = 1 ]; then
  cd "$root"
  apiport=$(bash scripts/free-port.sh)
  psql_db() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- psql -h 127.0.0.1 -p "$pgport" -U postgres -qc "$1"; else psql -h 127.0.0.1 -p "$pgport" -U postgres -qc "$1"; fi; }
  psql_db "create database governance_e2e owner governance_owner" >/dev/null
  bash scripts/open-data-key.sh "$work/open-data-key.pem"
  # as deployed: the API connects as governance_app, migrations run as governance_owner
  ConnectionStrings__Governance="Host=127.0.0.1;Port=$pgport;Username=governance_app;Database=governance_e2e" \
  ConnectionStrings__GovernanceOwner="Host=127.0.0.1;Port=$pgport;Username=governance_owner;Database=governance_e2e" \
  Demo__Counties=1 Spa__Root="$root/client/dist" Enforcement__EvidenceDirectory="$work/evidence" \
  OpenData__SigningKeyFile="$work/open-data-key.pem" ASPNETCORE_URLS="http://127.0.0.1:$apiport" \
    dotnet api/Governance.Api/bin/Release/net10.0/Governance.Api.dll --contentRoot "$root/api/Governance.Api" >"$work/api.log" 2>&1 &
  api_pid=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$apiport/health" >/dev/null && break; sleep 0.5; done
  cd "$root/client"
  # the assessment journey lets its 公示 period pass by moving it back in this database (the API has no test clock)
  E2E_BASE_URL="http://127.0.0.1:$apiport" E2E_DATABASE_URL="postgresql://postgres@127.0.0.1:$pgport/governance_e2e" \
    PLAYWRIGHT_JSON_OUTPUT_NAME="$work/e2e.json" npx playwright test --reporter=list,json 2>&1 | grep -vE '^\s*$' | tail -n 40
  read -r p f < <(node -e "const s=require('$work/e2e.json').stats;console.log(s.expected, s.unexpected + s.flaky)" 2>/dev/null || echo "0 1")
  record "browser e2e (Chromium)" "$p" "$f"

  echo "== the sample nightly puller against the same API (scripts/check-nightly-pull.py)"
  cd "$root"
  python3 scripts/check-nightly-pull.py --api "http://127.0.0.1:$apiport" | tee "$work/pull.log"
  line=$(grep -E '^nightly pull:' "$work/pull.log" | tail -n 1)
  p=$(sed -E 's/.* ([0-9]+) passed.*/\1/' <<<"$line"); f=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")
  [ -z "$line" ] && { p=0; f=1; }
  record "nightly puller" "${p:-0}" "${f:-1}"

  # back up the browser tests' database, destroy it, restore it, compare
  echo "== restore drill (scripts/restore-drill.sh)"
  kill "$api_pid" 2>/dev/null; wait "$api_pid" 2>/dev/null; api_pid=
  bash scripts/restore-drill.sh "postgresql://postgres@127.0.0.1:$pgport/governance_e2e" | tee "$work/drill.log"
  line=$(grep -E '^restore drill:' "$work/drill.log" | tail -n 1)
  p=$(sed -E 's/.* ([0-9]+) passed.*/\1/' <<<"$line"); f=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")
  [ -z "$line" ] && { p=0; f=1; }
  record "restore drill" "${p:-0}" "${f:-1}"
else
  record "client build" 0 1
fi

# PostgreSQL and the API killed under a write load; its own throwaway cluster and API (it needs only the .NET build)
echo "== faults (scripts/chaos.sh)"
cd "$root"
bash scripts/chaos.sh | tee "$work/chaos.log"
line=$(grep -E '^chaos:' "$work/chaos.log" | tail -n 1)
p=$(sed -E 's/.* ([0-9]+) passed.*/\1/' <<<"$line"); f=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")
[ -z "$line" ] && { p=0; f=1; }
record "chaos (faults)" "${p:-0}" "${f:-1}"

echo
echo "== summary"
printf '%s\n' "${summary[@]}"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]

#!/usr/bin/env bash
# 故障演练 (faults): window clerks register applications with an Idempotency-Key while PostgreSQL is killed with
# SIGKILL and restarted three times and the API is killed with SIGKILL mid-write and restarted once. Checks that
# every answer during an outage is a 503 problem with Retry-After (never another 5xx), that writes resume within 10 s
# of PostgreSQL accepting connections, and then in SQL that every acknowledged write is there exactly once per key,
# whole (application, its workflow event, its audit row), and that the audit hash chain still verifies.
# Uses a throwaway cluster and the built Release API (dotnet build -c Release first); ./test.sh runs it last.
# Prints one line per check, the figures, and "chaos: N passed, M failed".
#
#   scripts/chaos.sh
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dll="$root/api/Governance.Api/bin/Release/net10.0/Governance.Api.dll"
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

work=$(mktemp -d /tmp/gov-chaos.XXXXXX)
chmod 755 "$work" # the postgres user reads the journal and owns the cluster directory inside
pgdir="$work/pg" pgport=$(bash "$root/scripts/free-port.sh") apiport=$(bash "$root/scripts/free-port.sh")
api="http://127.0.0.1:$apiport"
events="$work/events" # the fault timeline: "<what> <unix time>", read by chaos_load.py report
api_pid= load_pid=
cleanup() {
  [ -n "$load_pid" ] && kill "$load_pid" 2>/dev/null
  [ -n "$api_pid" ] && kill -9 "$api_pid" 2>/dev/null
  wait 2>/dev/null
  bash "$root/scripts/pg-cluster.sh" stop "$pgdir"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM # so that an interrupted drill cleans up too

passed=0 failed=0
check() { # text status(0 = pass)
  if [ "$2" = 0 ]; then echo "PASS $1"; passed=$((passed + 1)); else echo "FAIL $1"; failed=$((failed + 1)); fi
}
finish() { echo "chaos: $passed passed, $failed failed"; [ "$failed" = 0 ]; exit; }
psql_q() { as_pg "$bin/psql" -h 127.0.0.1 -p "$pgport" -U postgres -d governance -qAtX -v ON_ERROR_STOP=1 "$@"; }

# As deployed: the API logs in as governance_app and migrates as governance_owner. The first start loads the one demo
# county (Demo:Counties=1 is the least there is: it makes the window clerks and the service catalogue; no demo
# applications unless Demo:ApplicationMonths is set). The restart after the crash skips the start-up database work
# (Database:SkipStartup: migrations and grants, a no-op by then, take 10–20 s on a busy machine); what is drilled is
# the process dying mid-write, not the migration run.
start_api() { # first|restart
  local startup=(Demo__Counties=1)
  [ "$1" = restart ] && startup=(Database__SkipStartup=true)
  env ConnectionStrings__Governance="Host=127.0.0.1;Port=$pgport;Username=governance_app;Database=governance" \
  ConnectionStrings__GovernanceOwner="Host=127.0.0.1;Port=$pgport;Username=governance_owner;Database=governance" \
  "${startup[@]}" Enforcement__EvidenceDirectory="$work/evidence" ASPNETCORE_URLS="$api" \
    dotnet "$dll" --contentRoot "$root/api/Governance.Api" >>"$work/api.log" 2>&1 &
  api_pid=$!
  for _ in $(seq 1 1200); do
    kill -0 "$api_pid" 2>/dev/null || return 1
    curl -sf "$api/health" >/dev/null && return 0
    sleep 0.1
  done
  return 1
}

# Waits (at most $2 s) for an acknowledged write that came after unix time $1.
ack_after() {
  local deadline=$(( $(date +%s) + $2 ))
  while [ "$(date +%s)" -le "$deadline" ]; do
    awk -v t="$1" '$1 > t { found = 1; exit } END { exit !found }' "$work/journal.tsv" 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

# SIGKILL to the postmaster: no shutdown checkpoint, no goodbye to the clients. Its backends notice the death and exit
# on their own; a new postmaster refuses to start while any is still attached to the old shared memory, so wait for
# them. PostgreSQL is down for $1 s, then restarted (crash recovery); "accepting connections" is the moment its log
# says so (to the millisecond: polling from here would see it late and blame the API for the delay).
running() { # pid… — whether any still runs (an exited one may linger as a zombie until someone reaps it)
  local pid state
  for pid in "$@"; do
    state=$(ps -o stat= -p "$pid" 2>/dev/null) && [[ $state != Z* ]] && return 0
  done
  return 1
}
kill_postgres() { # seconds-down
  local pid children
  pid=$(head -n 1 "$pgdir/postmaster.pid")
  # the drill is void if the postmaster is not the one running (it died by itself: say so, with its log)
  if [ "$(ps -o comm= -p "$pid" 2>/dev/null)" != postgres ]; then
    echo "  the postmaster ($pid) is not running before the kill; its log ends:"; tail -n 15 "$pgdir/server.log"
  fi
  children=$(pgrep -P "$pid")
  kill -9 "$pid"
  echo "pg_kill $(now)" >>"$events"
  for _ in $(seq 1 200); do
    running $children || break
    sleep 0.05
  done
  echo "pg_down $(now)" >>"$events"
  sleep "$1"
  # the dead postmaster's lock files stay behind, naming its pid: a killed process may linger as a zombie until
  # its parent (here whatever reaps orphans, which may be slow) collects it, and that pid, or another process's that
  # reuses it, makes pg_ctl and the new postmaster take the old one for alive and refuse to start
  rm -f "$pgdir/postmaster.pid" "$pgdir/.s.PGSQL.$pgport.lock"
  bash "$root/scripts/pg-cluster.sh" start "$pgdir" "$pgport" --throwaway >>"$work/pg-restart.log" 2>&1 \
    || { echo "  PostgreSQL did not restart:"; tail -n 15 "$pgdir/server.log"; }
  local ready
  ready=$(grep 'ready to accept connections' "$pgdir/server.log" | tail -n 1 | cut -d' ' -f1-3) # "date time zone"
  echo "pg_ready $(date -d "$ready" +%s.%N)" >>"$events"
}

t0=$(now)
echo "== chaos: PostgreSQL (throwaway, port $pgport), API on $api"
if ! bash "$root/scripts/pg-cluster.sh" start "$pgdir" "$pgport" --throwaway; then
  check "PostgreSQL started" 1; finish
fi
# --throwaway turns off synchronous_commit, which is right for a test cluster that is stopped cleanly but not for one
# killed: a commit acknowledged before its WAL left PostgreSQL's buffers is lost with the process. The durability a
# deployment has is what is checked here; fsync may stay off, since the operating system does not crash.
psql_q -c "alter database governance set synchronous_commit = on"
[ -f "$dll" ] || { check "the Release API is built ($dll)" 1; finish; }
started=$(now)
if start_api first; then check "API started with the demo county in $(since "$started") s" 0
else tail -n 20 "$work/api.log"; check "API started" 1; finish; fi

echo "== load: 4 window clerks, faults injected meanwhile"
touch "$work/journal.tsv"
python3 "$root/scripts/chaos_load.py" run --api "$api" --users t01_window,t02_window,t03_window,t04_window \
  --out "$work" --stop-file "$work/stop" 2>"$work/load.err" &
load_pid=$!
ack_after 0 30 || { cat "$work/load.err"; check "the load started" 1; finish; }
sleep 2
for round in 1 2 3; do
  kill_postgres 1
  ack_after "$(tail -n 1 "$events" | cut -d' ' -f2)" 15
  echo "  PostgreSQL killed and restarted ($round), writes resumed"
  sleep 1
done
kill -9 "$api_pid"
echo "api_kill $(now)" >>"$events"
wait "$api_pid" 2>/dev/null
restarted=$(now)
if start_api restart; then
  echo "api_ready $(now)" >>"$events"
  echo "  API killed mid-write and restarted in $(since "$restarted") s"
  ack_after "$(tail -n 1 "$events" | cut -d' ' -f2)" 15
  sleep 2
else
  tail -n 20 "$work/api.log"
fi
touch "$work/stop"
wait "$load_pid"; load_pid=

# the checks below read the database: if PostgreSQL is not up now, that is a finding; start it to read what it kept
if ! psql_q -c "select 1" >/dev/null 2>&1; then
  echo "  PostgreSQL is not running at the end; its log ends:"; tail -n 15 "$pgdir/server.log"
  check "PostgreSQL still running at the end" 1
  rm -f "$pgdir/postmaster.pid" "$pgdir/.s.PGSQL.$pgport.lock"
  bash "$root/scripts/pg-cluster.sh" start "$pgdir" "$pgport" --throwaway >>"$work/pg-restart.log" 2>&1
fi

echo "== verdict"
python3 "$root/scripts/chaos_load.py" report --out "$work" --events "$events" | tee "$work/report"
passed=$((passed + $(grep -c '^PASS' "$work/report"))); failed=$((failed + $(grep -c '^FAIL' "$work/report")))

# In SQL, as postgres: the journal of acknowledged writes against what the database holds. Every application the
# load created must have its registration event and its audit row (one transaction), and nothing may point at an
# application that is not there.
read -r acked missing duplicates rows unacked no_event no_audit orphans broken < <(psql_q -F' ' <<SQL
create temp table acked (done float8, username text, key text, id uuid, replayed int);
\copy acked from '$work/journal.tsv'
with load as (select * from service_centre.applications where idempotency_key like 'chaos-%')
select (select count(*) from acked),
       (select count(*) from acked k where not exists (
            select 1 from load a where a.id = k.id and a.idempotency_key = k.key)),
       (select count(*) from (select 1 from load group by registered_by, idempotency_key having count(*) > 1) d)
         + (select count(*) from (select 1 from acked group by key having count(distinct id) > 1) d),
       (select count(*) from load),
       (select count(*) from load a where not exists (select 1 from acked k where k.key = a.idempotency_key)),
       (select count(*) from load a where not exists (
            select 1 from service_centre.application_events e where e.record_id = a.id and e.action = 'register')),
       (select count(*) from load a where not exists (
            select 1 from audit.entries x where x.record_type = 'application' and x.record_id = a.id::text
                                            and x.action = 'application.registered')),
       (select count(*) from service_centre.application_events e
         where not exists (select 1 from service_centre.applications a where a.id = e.record_id))
         + (select count(*) from audit.entries x where x.action = 'application.registered'
             and not exists (select 1 from service_centre.applications a where a.id::text = x.record_id)),
       (with chain as (
            select e.hash, audit.entry_hash(e) as recomputed, e.prev_hash,
                   coalesce(lag(e.hash) over (order by e.seq), '\x00'::bytea) as expected_prev
            from audit.entries e)
        select count(*) filter (where hash <> recomputed or prev_hash <> expected_prev) from chain);
SQL
)
partial=$(( ${no_event:-1} + ${no_audit:-1} + ${orphans:-1} ))
check "every acknowledged write is in the database with its id ($acked acknowledged, ${missing:-?} missing)" \
  $(( ${missing:-1} != 0 || ${acked:-0} == 0 ))
check "exactly one row per idempotency key (${duplicates:-?} duplicates)" $(( ${duplicates:-1} != 0 ))
check "no partial writes: every application has its event and its audit row ($rows rows; ${no_event:-?} without \
event, ${no_audit:-?} without audit row, ${orphans:-?} orphans)" $(( partial != 0 ))
check "the audit hash chain verifies (${broken:-?} rows broken)" $(( ${broken:-1} != 0 ))

echo "figure rows checked: ${rows:-?} (${unacked:-?} written but never acknowledged)"
echo "figure duplicates: ${duplicates:-?}"
echo "figure partial writes: $partial"
echo "figure total time: $(since "$t0") s"
finish

#!/usr/bin/env bash
# A private PostgreSQL cluster on loopback, no systemd needed.
#   scripts/pg-cluster.sh start <datadir> <port> [--throwaway] [--archive <dir>]
#       initialise if needed, start, create the roles governance_owner and governance_app, and db "governance";
#       --archive: continuous WAL archiving into <dir> (README, Backups: point-in-time recovery)
#   scripts/pg-cluster.sh replica <datadir> <port> <primary-port> [--throwaway]
#       a hot standby of the primary on loopback for reports (README, read replica): pg_basebackup, then streaming
#   scripts/pg-cluster.sh stop  <datadir>
# --throwaway turns durability off (fsync) for test clusters. As root, the server runs as the "postgres" user.
set -euo pipefail
cmd=$1 dir=$2
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ]; then
  echo "PostgreSQL is not installed; installing it (apt-get install postgresql)…" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$cmd" in
  start)
    port=$3 mode= archive=
    shift 3
    while [ $# -gt 0 ]; do
      case "$1" in
        --throwaway) mode=--throwaway ;;
        --archive) archive=$(mkdir -p "$2" && cd "$2" && pwd); shift ;;
      esac
      shift
    done
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    if [ ! -f "$dir/PG_VERSION" ]; then
      as_pg "$bin/initdb" -D "$dir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if [ -n "$archive" ]; then
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$archive"
      grep -q "archive.conf" "$dir/postgresql.conf" \
        || echo "include_if_exists = 'archive.conf'" >> "$dir/postgresql.conf"
      # each finished WAL segment copied once (never over an archived one), under a temporary name until whole;
      # archive_timeout: a quiet database still closes a segment every minute, so at most a minute is unarchived
      cat > "$dir/archive.conf" <<CONF
archive_mode = on
archive_command = 'test ! -f $archive/%f && cp %p $archive/%f.part && mv $archive/%f.part $archive/%f'
archive_timeout = 60
CONF
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir/archive.conf"
    fi
    opts="-c listen_addresses=127.0.0.1 -c port=$port -k $dir -c max_connections=200"
    [ "$mode" = --throwaway ] && opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    if ! as_pg "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
      as_pg "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -o "$opts" -w start >/dev/null
    fi
    # the two roles of a deployment (README, Database roles): governance_owner owns the database and runs the
    # migrations; governance_app, the API's login, is no superuser, owns nothing and is granted what it needs
    as_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "
      do \$\$ begin
        create role governance_owner login nosuperuser nocreatedb nocreaterole;
      exception when duplicate_object then null; end \$\$;
      do \$\$ begin
        create role governance_app login nosuperuser nocreatedb nocreaterole;
      exception when duplicate_object then null; end \$\$;" >/dev/null
    as_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "select 1 from pg_database where datname = 'governance'" | grep -q 1 \
      || as_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "create database governance owner governance_owner"
    ;;
  replica)
    port=$3 primary=$4 mode=${5:-}
    if [ ! -f "$dir/PG_VERSION" ]; then
      mkdir -p "$dir" && chmod 700 "$dir"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
      # -R writes primary_conninfo and standby.signal: the copy starts as a standby of the primary
      as_pg "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary" -U postgres -D "$dir" -R -X stream --checkpoint=fast
    fi
    # hot_standby_feedback: a long report on the replica is not cancelled by the primary's vacuum (the price: the
    # primary keeps row versions that report still sees a little longer)
    opts="-c listen_addresses=127.0.0.1 -c port=$port -k $dir -c max_connections=200 -c hot_standby_feedback=on"
    [ "$mode" = --throwaway ] && opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    if ! as_pg "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
      as_pg "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -o "$opts" -w start >/dev/null
    fi
    ;;
  owner) # prints the owner of db "governance"
    port=$3
    as_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "select pg_get_userbyid(datdba) from pg_database where datname = 'governance'"
    ;;
  stop)
    as_pg "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
    ;;
  *) echo "usage: $0 start|replica|owner|stop <datadir> [port] [primary-port] [--throwaway]" >&2; exit 2 ;;
esac

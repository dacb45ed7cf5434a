#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on loopback in a temporary folder and prints its URL.
# Usage: eval "$(scripts/throwaway-postgres.sh start)"; ...; scripts/throwaway-postgres.sh stop "$PGTMP"
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
case "${1:-start}" in
  start)
    dir=$(mktemp -d /tmp/kabinet-pg.XXXXXX)
    chown postgres "$dir" 2>/dev/null || true
    port=${PGPORT_OVERRIDE:-55432}
    as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
    as_pg "$bin/initdb -D $dir/data -U kabinet --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
    as_pg "$bin/pg_ctl -D $dir/data -o '-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=1000' -l $dir/log -w start" >/dev/null
    as_pg "$bin/createdb -h 127.0.0.1 -p $port -U kabinet kabinet_test"
    echo "export PGTMP=$dir"
    echo "export KABINET_TEST_DATABASE_URL=postgres://kabinet@127.0.0.1:$port/kabinet_test?sslmode=disable"
    ;;
  stop)
    dir=$2
    if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$bin/pg_ctl -D $dir/data -m immediate stop" >/dev/null || true
    else "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null || true; fi
    rm -rf "$dir"
    ;;
esac

#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the contract tests on 127.0.0.1 with `trust` authentication
# for TCP from this machine, and prints the URL to export as TEST_DATABASE_URL on its last line, e.g.
# postgres://postgres@127.0.0.1:5432/postgres.
#
# Installs Debian's `postgresql` if it is missing. Idempotent: a server of ours already answering is
# reused, a stopped one from an earlier run is started again. The cluster is our own (initdb into
# $LINDUNG_PG_DATA, default /tmp/lindung-postgres-PORT), not Debian's `main`, so nothing leaks into a
# developer's database; it runs with fsync off, which is right for tests and wrong for anything else.
# Port 5432 unless LINDUNG_PG_PORT says otherwise; when a server that wants a password holds it (Debian's
# `main`, started by the package's install), the next free port up to +10 is used instead.
set -euo pipefail

first_port="${LINDUNG_PG_PORT:-5432}"

log() { echo "start-postgres: $*" >&2; }

bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

if [ -z "$(bindir)" ] || [ ! -x "$(bindir)/initdb" ]; then
  log "installing postgresql from Debian's packages"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
bin="$(bindir)"

# Root may not run the server: do it as the `postgres` user the package created.
if [ "$(id -u)" = 0 ]; then
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

url_for() { echo "postgres://postgres@127.0.0.1:$1/postgres"; }
ready() { "$bin/pg_isready" -q -h 127.0.0.1 -p "$1"; }
usable() { PGCONNECT_TIMEOUT=5 "$bin/psql" -w "$(url_for "$1")" -qAtc 'SELECT 1' >/dev/null 2>&1; }

for port in $(seq "$first_port" $((first_port + 10))); do
  data="${LINDUNG_PG_DATA:-/tmp/lindung-postgres-$port}"
  if ready "$port"; then
    if usable "$port"; then
      log "a server already answers on 127.0.0.1:$port"
      url_for "$port"
      exit 0
    fi
    log "127.0.0.1:$port is taken by a server that wants a password; trying the next port"
    continue
  fi

  if [ ! -s "$data/PG_VERSION" ]; then
    log "creating a cluster in $data"
    rm -rf "$data"
    mkdir -p "$data"
    if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$data"; fi
    as_pg "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    cat >>"$data/postgresql.conf" <<EOF
# lindung test cluster (.ci/start-postgres.sh)
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$data'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF
  fi

  log "starting the server on 127.0.0.1:$port"
  if ! as_pg "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start >/dev/null; then
    tail -n 20 "$data/server.log" >&2 || true
    exit 1
  fi
  if ready "$port" && usable "$port"; then
    url_for "$port"
    exit 0
  fi
  log "the server in $data started but does not accept connections on 127.0.0.1:$port"
  exit 1
done
log "no usable port from $first_port to $((first_port + 10))"
exit 1

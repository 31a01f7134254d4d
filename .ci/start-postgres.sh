#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the contract tests on 127.0.0.1 (port 5432 unless
# LINDUNG_PG_PORT says otherwise), with `trust` authentication for TCP from this machine, and prints the
# URL to export as TEST_DATABASE_URL on its last line.
#
# Installs Debian's `postgresql` if it is missing. Idempotent: a server already answering on the port is
# reused, a stopped one from an earlier run is started again. The cluster is our own (initdb into
# $LINDUNG_PG_DATA), not Debian's `main`, so its settings cannot leak into a developer's database; it runs
# with fsync off, which is right for tests and wrong for anything else.
set -euo pipefail

port="${LINDUNG_PG_PORT:-5432}"
data="${LINDUNG_PG_DATA:-/tmp/lindung-postgres-$port}"
url="postgres://postgres@127.0.0.1:$port/postgres"

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

ready() { "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; }
usable() { "$bin/psql" "$url" -qAtc 'SELECT 1' >/dev/null 2>&1; }

if ready; then
  if usable; then
    log "a server already answers on 127.0.0.1:$port"
    echo "$url"
    exit 0
  fi
  log "a server on 127.0.0.1:$port refuses password-less access as postgres; stop it or set LINDUNG_PG_PORT"
  exit 1
fi

if [ ! -s "$data/PG_VERSION" ]; then
  log "creating a cluster in $data"
  rm -rf "$data"
  mkdir -p "$data"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$data"
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
as_pg "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start >/dev/null || {
  tail -n 20 "$data/server.log" >&2 || true
  exit 1
}
ready && usable || { log "the server started but does not accept connections"; exit 1; }
echo "$url"

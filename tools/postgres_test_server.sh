#!/usr/bin/env bash
# A throw-away PostgreSQL for the chart-store tests (tests/store, NMT_TEST_POSTGRES_URL).
#
#   tools/postgres_test_server.sh          start (or find running) and print the SQLAlchemy URL
#   tools/postgres_test_server.sh stop     stop it and delete its folder
#
# Debian 12: uses /usr/lib/postgresql/<version>/bin, installing the `postgresql` package
# with apt-get when none is there (needs root). The cluster lives in NMT_PG_DIR
# (default /tmp/nmt-bodymap-pg), owned by the `postgres` user when run as root, listens on
# a free port of 127.0.0.1 only (unix socket in the same folder) and trusts local
# connections: it is for tests, never for charts. Idempotent: a second call prints the
# same URL while the server runs. Only the URL goes to stdout; progress goes to stderr.
set -euo pipefail

state_dir="${NMT_PG_DIR:-/tmp/nmt-bodymap-pg}"
data_dir="$state_dir/data"
database="nmt_test"

log() { echo "postgres_test_server: $*" >&2; }

find_bindir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -z "$dir" ] && command -v pg_ctl >/dev/null 2>&1; then
        dir=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
    fi
    echo "$dir"
}

bindir=$(find_bindir)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        log "PostgreSQL is not installed; run as root to install it with apt-get"
        exit 1
    fi
    log "installing postgresql with apt-get"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    bindir=$(find_bindir)
fi

# As root, the server runs as `postgres` (initdb refuses root); otherwise as the caller.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

if [ "${1:-start}" = "stop" ]; then
    if [ -f "$data_dir/PG_VERSION" ]; then
        as_owner "$bindir/pg_ctl" -D "$data_dir" -m immediate -w stop >&2 || true
    fi
    rm -rf "$state_dir"
    exit 0
fi

url_of() { echo "postgresql+psycopg://postgres@127.0.0.1:$1/$database"; }

if [ -f "$state_dir/port" ] && as_owner "$bindir/pg_ctl" -D "$data_dir" status >/dev/null 2>&1; then
    url_of "$(cat "$state_dir/port")"
    exit 0
fi

mkdir -p "$state_dir"
chmod 700 "$state_dir"
if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$state_dir"
fi
if [ ! -f "$data_dir/PG_VERSION" ]; then
    log "initialising a cluster in $data_dir"
    as_owner "$bindir/initdb" -D "$data_dir" -U postgres -A trust -E UTF8 --no-sync >&2
fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_owner "$bindir/pg_ctl" -D "$data_dir" -l "$state_dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $state_dir -c fsync=off" start >&2
echo "$port" > "$state_dir/port"

exists=$(as_owner "$bindir/psql" -h "$state_dir" -p "$port" -U postgres -At \
    -c "SELECT 1 FROM pg_database WHERE datname = '$database'")
if [ "$exists" != "1" ]; then
    as_owner "$bindir/createdb" -h "$state_dir" -p "$port" -U postgres "$database"
fi
url_of "$port"

#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for the tests' PostgreSQL lane.
#
#   Sourced (by scripts/test.sh): defines pg_lane_start, which starts a cluster, exports
#   TEST_DATABASE_URL and registers its teardown with lib.sh's EXIT handler.
#   Run directly:  scripts/pg-lane.sh CMD ARGS...  runs CMD with TEST_DATABASE_URL set and
#   removes the cluster afterwards (e.g. `scripts/pg-lane.sh swift test --filter Postgres`).
#
# The cluster: initdb/postgres refuse to run as root, so they run as the `postgres` user;
# data and socket dirs live in a mktemp dir owned by postgres; it listens on 127.0.0.1 on a
# free port; role `antoan` (password auth, CREATEDB because the Swift tests create and drop
# their own databases; pg_signal_backend because a test's `DROP DATABASE … WITH (FORCE)` must be able to
# end an autovacuum worker busy in that database) owns database `antoan_test`. The cluster is made in the C.UTF-8 locale,
# Debian's default and what a real deployment gets, so that a query or index that works only
# under the C collation (a LIKE prefix over an area path, say) shows here. Durability is switched off: it is a
# throwaway, and fsync on a 2-core CI machine only slows the tests.

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

pg_bin_dir() {
    local d
    # Newest installed server version (Debian bookworm: 15).
    for d in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
        [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
    done
    return 1
}

_pg_lane_stop() {
    local dir="$1" bin="$2"
    if [ -f "$dir/data/postmaster.pid" ]; then
        runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m immediate -w -t 20 stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
}

# pg_lane_start: returns 0 with TEST_DATABASE_URL exported, or 1 (the caller decides
# whether that is fatal) after printing why.
pg_lane_start() {
    local bin dir port pw
    bin="$(pg_bin_dir)" || { echo "no PostgreSQL server binaries under /usr/lib/postgresql" >&2; return 1; }
    id postgres >/dev/null 2>&1 || { echo "no 'postgres' system user" >&2; return 1; }

    dir="$(mktemp -d /tmp/antoan-pg.XXXXXX)"
    on_exit "_pg_lane_stop '$dir' '$bin'"
    mkdir -p "$dir/sock"
    chown -R postgres:postgres "$dir"
    chmod 700 "$dir"
    port="$(free_port)"
    pw="$(python3 -c 'import secrets; print(secrets.token_hex(16))')"

    if ! runuser -u postgres -- "$bin/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 -N >"$dir/initdb.log" 2>&1; then
        echo "initdb failed:" >&2
        tail -n 20 "$dir/initdb.log" >&2
        return 1
    fi
    # pg_ctl -w waits (bounded by -t) until the server accepts connections. The suite runs its tests at once,
    # each app with a pool of up to 8 connections: at 449 tests, 400 slots ran out ("too many clients").
    if ! runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/sock -c max_connections=1000 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null 2>&1; then
        echo "PostgreSQL did not start:" >&2
        tail -n 20 "$dir/server.log" >&2
        return 1
    fi
    if ! runuser -u postgres -- psql -X -q -h "$dir/sock" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
        -c "CREATE ROLE antoan LOGIN CREATEDB PASSWORD '$pw'" \
        -c "CREATE DATABASE antoan_test OWNER antoan" \
        -c "GRANT pg_signal_backend TO antoan" >"$dir/psql.log" 2>&1; then
        echo "creating the role/database failed:" >&2
        cat "$dir/psql.log" >&2
        return 1
    fi
    export TEST_DATABASE_URL="postgres://antoan:$pw@127.0.0.1:$port/antoan_test"
    # Prove the URL itself works over TCP with the password, as the tests will use it.
    if ! psql -X -q "$TEST_DATABASE_URL" -c 'SELECT 1' >/dev/null 2>&1; then
        echo "cannot connect with TEST_DATABASE_URL" >&2
        unset TEST_DATABASE_URL
        return 1
    fi
    echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $dir, removed on exit)"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    [ $# -gt 0 ] || die "usage: scripts/pg-lane.sh CMD [ARGS...]"
    pg_lane_start || die "could not start the PostgreSQL lane"
    "$@"
fi

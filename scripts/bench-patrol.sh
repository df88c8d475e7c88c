#!/usr/bin/env bash
# Patrol and gate benchmark (`make bench-patrol`): scan ingestion, gate check-in, who is inside and the
# missed-checkpoint alert, on SQLite and PostgreSQL.
# The measuring is in scripts/bench-patrol.py (its docstring lists the steps and targets); this script ensures
# the tools, builds the release binary (unless ANTOAN_BIN is given) and starts a throwaway PostgreSQL cluster
# (unless TEST_DATABASE_URL is given).
#
# Environment:
#   ANTOAN_BIN=path            use this binary instead of building
#   TEST_DATABASE_URL=url      an existing PostgreSQL server (a database is created on it, and left)
#   BENCH_ROUTES=16  BENCH_VISITORS=5000  BENCH_ALERT_ROUTES=10
#   BENCH_SECONDS=8  BENCH_CONNECTIONS=16   each wrk run
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=scripts/pg-lane.sh
source "$ANTOAN_ROOT/scripts/pg-lane.sh"
cd "$ANTOAN_ROOT"

step "1/3 ensure tools (wrk, PostgreSQL)"
ensure_apt wrk curl procps postgresql

if [ -n "${ANTOAN_BIN:-}" ]; then
    step "2/3 binary: $ANTOAN_BIN (ANTOAN_BIN given, no build)"
    BIN="$(cd "$(dirname "$ANTOAN_BIN")" && pwd)/$(basename "$ANTOAN_BIN")"
else
    step "2/3 swift build -c release --product antoan"
    bounded "${SWIFT_BUILD_TIMEOUT:-2700}" swift build -c release --product antoan
    BIN="$ANTOAN_ROOT/.build/release/antoan"
fi
[ -x "$BIN" ] || die "$BIN is not an executable"

if [ -z "${TEST_DATABASE_URL:-}" ]; then
    pg_lane_start || die "could not start a PostgreSQL cluster (scripts/pg-lane.sh)"
fi

WORK="$(mktemp -d /tmp/antoan-bench-patrol.XXXXXX)"
on_exit "rm -rf '$WORK'"
step "3/3 measure (scripts/bench-patrol.py)"
bounded 1800 python3 "$ANTOAN_ROOT/scripts/bench-patrol.py" --bin "$BIN" --pg-admin-url "$TEST_DATABASE_URL" --work "$WORK"

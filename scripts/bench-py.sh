#!/usr/bin/env bash
# Runs one of the measuring scripts scripts/bench-NAME.py against the release binary:
#   bash scripts/bench-py.sh live     (`make bench-live`): SSE fan-out over two nodes on one PostgreSQL, the RSS of a
#                                     node with 500 SSE clients, webhook deliveries, the incident report path;
#   bash scripts/bench-py.sh patrol   (`make bench-patrol`): patrol scan ingestion, gate check-in, who is inside, the
#                                     missed-checkpoint alert, QR encoding and the label sheet;
#   bash scripts/bench-py.sh equipment (`make bench-equipment`): 3,000 units and 150,000 items: the authority's
#                                     oversight and a unit's list, the nightly due-date job, an import of 20,000 items.
# Each .py's docstring lists its steps and targets; this script ensures the tools, builds the release binary
# (unless ANTOAN_BIN is given) and starts a throwaway PostgreSQL cluster (unless TEST_DATABASE_URL is given).
#
# Environment:
#   ANTOAN_BIN=path            use this binary instead of building
#   TEST_DATABASE_URL=url      an existing PostgreSQL server (a database is created on it, and left)
#   live:   BENCH_SSE_CLIENTS=500  BENCH_INCIDENTS=40  BENCH_WEBHOOK_EVENTS=200
#   patrol: BENCH_ROUTES=16  BENCH_VISITORS=5000  BENCH_ALERT_ROUTES=10
#   equipment: BENCH_UNITS=3000  BENCH_ITEMS_PER_UNIT=50  BENCH_IMPORT_ROWS=20000  BENCH_DATABASES="sqlite postgres"
#   BENCH_SECONDS=8  BENCH_CONNECTIONS=16   each wrk run
set -euo pipefail

NAME="${1:-}"

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=scripts/pg-lane.sh
source "$ANTOAN_ROOT/scripts/pg-lane.sh"
cd "$ANTOAN_ROOT"
SCRIPT="scripts/bench-$NAME.py"
[ -n "$NAME" ] && [ -f "$SCRIPT" ] || die "usage: bash scripts/bench-py.sh live|patrol|equipment"

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

WORK="$(mktemp -d "/tmp/antoan-bench-$NAME.XXXXXX")"
on_exit "rm -rf '$WORK'"
step "3/3 measure ($SCRIPT)"
bounded 1800 python3 "$ANTOAN_ROOT/$SCRIPT" --bin "$BIN" --pg-admin-url "$TEST_DATABASE_URL" --work "$WORK"

#!/usr/bin/env bash
# The test command of AnToan (`make test`, and .ci/run after the format lint).
#
#   scripts/test.sh [SWIFT TEST ARGS...]     e.g. scripts/test.sh --filter AuditTests
#
# Steps (each starts with a "==>" header; the first failure stops the run, non-zero exit):
#   1. ensure tools: PostgreSQL server, Chromium, curl, zbar (apt-get; zbarimg reads back every QR
#      symbol the encoder's tests make), e2e/requirements.txt (pip)
#   2. PostgreSQL lane: use TEST_DATABASE_URL if set, else start a throwaway cluster
#      (scripts/pg-lane.sh), removed on any exit
#   3. swift test (Swift Testing; the PG-lane tests read TEST_DATABASE_URL)
#   4. swift build -c release --product antoan
#   5. python3 -m pytest -q e2e against .build/release/antoan (browser + system tests, and a
#      bounded schemathesis run over /api/openapi.json: no 5xx, no response off its schema);
#      screenshots in artifacts/screenshots/, the schemathesis report in artifacts/schemathesis/
#
# Environment:
#   SKIP_SWIFT=1   skip step 3 (swift test)            -- local iteration only
#   SKIP_E2E=1     skip steps 4 and 5 (build + pytest) -- local iteration only
#   E2E_ARGS="..." extra pytest arguments, e.g. E2E_ARGS="-k browser -x"
#   ANTOAN_BIN=path  run the e2e tests against this binary and skip step 4 (local only)
#   CI=true        the PostgreSQL lane is mandatory (a cluster that cannot start fails the run,
#                  and the tests fail instead of skipping without TEST_DATABASE_URL)
#   SWIFT_TEST_TIMEOUT / SWIFT_BUILD_TIMEOUT / E2E_TIMEOUT  outer time limits in seconds
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=scripts/pg-lane.sh
source "$ANTOAN_ROOT/scripts/pg-lane.sh"
cd "$ANTOAN_ROOT"

CI="${CI:-false}"

step "1/5 ensure tools (apt: postgresql chromium curl zbar-tools; pip: e2e/requirements.txt)"
ensure_apt postgresql chromium fonts-liberation curl procps zbar-tools
ensure_pip_requirements e2e/requirements.txt
CHROMIUM="$(chromium_path)" || die "chromium not found after install"
export CHROMIUM_PATH="$CHROMIUM"
echo "swift: $(swift --version 2>&1 | head -n 1)"
echo "chromium: $("$CHROMIUM" --version 2>/dev/null || echo '?')"
echo "playwright: $(python3 -c 'from importlib.metadata import version; print(version("playwright"))')"

step "2/5 PostgreSQL lane"
if [ -n "${TEST_DATABASE_URL:-}" ]; then
    echo "using the given TEST_DATABASE_URL (server not managed here)"
    if ! psql -X -q "$TEST_DATABASE_URL" -c 'SELECT 1' >/dev/null 2>&1; then
        [ "$CI" = true ] && die "TEST_DATABASE_URL does not answer"
        warn "TEST_DATABASE_URL does not answer; the PostgreSQL tests will fail"
    fi
elif pg_lane_start; then
    :
elif [ "$CI" = true ]; then
    die "could not start the PostgreSQL lane (CI=true makes it mandatory)"
else
    warn "could not start PostgreSQL: the PostgreSQL-lane tests WILL BE SKIPPED (set CI=true to make this fatal)"
fi

if [ "${SKIP_SWIFT:-0}" = 1 ]; then
    step "3/5 swift test -- SKIPPED (SKIP_SWIFT=1)"
else
    step "3/5 swift test $*"
    # Outer bound only: a first build of Vapor + Fluent + drivers takes ~8-25 min on 2 cores.
    bounded "${SWIFT_TEST_TIMEOUT:-2700}" swift test "$@"
fi

if [ "${SKIP_E2E:-0}" = 1 ]; then
    step "4/5 + 5/5 release build and e2e -- SKIPPED (SKIP_E2E=1)"
    exit 0
fi

if [ -n "${ANTOAN_BIN:-}" ]; then
    step "4/5 release build -- SKIPPED (ANTOAN_BIN=$ANTOAN_BIN)"
    [ "$CI" = true ] && die "ANTOAN_BIN is for local runs; CI tests the binary it builds"
else
    step "4/5 swift build -c release --product antoan"
    bounded "${SWIFT_BUILD_TIMEOUT:-2700}" swift build -c release --product antoan
    export ANTOAN_BIN="$ANTOAN_ROOT/.build/release/antoan"
fi
[ -x "$ANTOAN_BIN" ] || die "$ANTOAN_BIN is not an executable"

step "5/5 e2e: python3 -m pytest -q e2e"
mkdir -p artifacts/screenshots
export ARTIFACTS="$ANTOAN_ROOT/artifacts"
# -rs lists why anything was skipped; --timeout bounds each test (pytest-timeout);
# no:cacheprovider and no:benchmark keep .pytest_cache and .benchmarks out of the repo.
# shellcheck disable=SC2086  # E2E_ARGS is a list of words on purpose
bounded "${E2E_TIMEOUT:-1500}" \
    python3 -m pytest -q -rs -p no:cacheprovider -p no:benchmark --timeout=300 ${E2E_ARGS:-} e2e

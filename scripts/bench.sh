#!/usr/bin/env bash
# Load benchmark of the release binary (`make bench`).
#
# Builds antoan (release), starts it on a fresh SQLite database in a temp dir on a free
# loopback port, and runs wrk against:
#   1. GET  /healthz                 (the floor: no database, no auth)
#   2. GET  /api/v1/me               (authenticated read: bearer token from the CLI)
#   3. POST /login                   (scripts/bench-login.lua: password check + new session)
# then prints a table (req/s, p50, p99, req/s relative to /healthz, error responses), the
# server's RSS, and PASS/FAIL against the targets. Exit status 1 if a target fails.
#
# Environment:
#   BENCH_SECONDS=10        duration of each wrk run
#   BENCH_CONNECTIONS=64    wrk -c   BENCH_THREADS=1  wrk -t (one event-driven wrk thread drives 64
#                           connections and leaves the other core of a 2-core machine to the server)
#   ANTOAN_BIN=path         use this binary instead of building (skips the build)
#   BENCH_LOG_LEVEL=warning the server's LOG_LEVEL: per-request info logs would measure the
#                           log pipe, not the app
# Load goes to 127.0.0.1 only, bounded by BENCH_SECONDS per run.
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ANTOAN_ROOT"

SECONDS_PER_RUN="${BENCH_SECONDS:-10}"
CONNECTIONS="${BENCH_CONNECTIONS:-64}"
THREADS="${BENCH_THREADS:-1}"
# Targets.
MIN_RATIO=0.25   # authenticated read ≥ 25 % of /healthz req/s
MAX_P99_MS=25    # p99 of the reads (/healthz, /api/v1/me)
MAX_RSS_MB=150   # server RSS after all runs

step "1/5 ensure tools (wrk, curl)"
ensure_apt wrk curl procps
echo "wrk: $(wrk --version 2>&1 | head -n 1)"

if [ -n "${ANTOAN_BIN:-}" ]; then
    step "2/5 binary: $ANTOAN_BIN (ANTOAN_BIN given, no build)"
    BIN="$(cd "$(dirname "$ANTOAN_BIN")" && pwd)/$(basename "$ANTOAN_BIN")"
else
    step "2/5 swift build -c release --product antoan"
    bounded "${SWIFT_BUILD_TIMEOUT:-2700}" swift build -c release --product antoan
    BIN="$ANTOAN_ROOT/.build/release/antoan"
fi
[ -x "$BIN" ] || die "$BIN is not an executable"

step "3/5 fresh SQLite database, admin and token via the CLI, server"
WORK="$(mktemp -d /tmp/antoan-bench.XXXXXX)"
on_exit "rm -rf '$WORK'"
# The temp dir is the working dir too, so a developer's .env is not read.
cd "$WORK"
unset DATABASE_URL SECRET DEFAULT_LANGUAGE
export SQLITE_PATH="$WORK/bench.sqlite"
BENCH_USER=bench
BENCH_PASSWORD="bench-$(python3 -c 'import secrets; print(secrets.token_urlsafe(12))')"
export BENCH_USER BENCH_PASSWORD

"$BIN" migrate --yes >"$WORK/cli.log" 2>&1 || { cat "$WORK/cli.log"; die "migrate failed"; }
ANTOAN_PASSWORD="$BENCH_PASSWORD" "$BIN" user create-admin --username "$BENCH_USER" </dev/null >>"$WORK/cli.log" 2>&1 \
    || { cat "$WORK/cli.log"; die "user create-admin failed"; }
TOKEN="$("$BIN" token create --username "$BENCH_USER" --name bench </dev/null 2>>"$WORK/cli.log" | tail -n 1)"
[ -n "$TOKEN" ] || { cat "$WORK/cli.log"; die "token create printed no token"; }

SERVER_PORT="$(free_port)"
BASE="http://127.0.0.1:$SERVER_PORT"
export LISTEN_HOST=127.0.0.1 PORT="$SERVER_PORT" BASE_URL="$BASE" LOG_LEVEL="${BENCH_LOG_LEVEL:-warning}"
"$BIN" serve --hostname 127.0.0.1 --port "$SERVER_PORT" </dev/null >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
on_exit "stop_pid $SERVER_PID"
if ! wait_http "$BASE/healthz" 60 "$SERVER_PID"; then
    tail -n 40 "$WORK/server.log" >&2
    die "the server did not answer /healthz within 60 s"
fi
echo "server pid $SERVER_PID on $BASE"

# Preconditions, so the runs measure successes and not error pages.
code="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/me")"
[ "$code" = 200 ] || die "GET /api/v1/me with the CLI token answered $code"
read -r BENCH_CSRF BENCH_CSRF_COOKIE < <(login_csrf_pair "$BASE" "$WORK") \
    || die "no _csrf field or antoan_csrf cookie from GET /login"
export BENCH_CSRF BENCH_CSRF_COOKIE
code="$(curl -s -o /dev/null -w '%{http_code}' -b "antoan_csrf=$BENCH_CSRF_COOKIE" \
    --data-urlencode "username=$BENCH_USER" --data-urlencode "password=$BENCH_PASSWORD" \
    --data-urlencode "_csrf=$BENCH_CSRF" "$BASE/login")"
[ "$code" = 303 ] || die "a login POST with the fetched CSRF pair answered $code, not 303"

step "4/5 wrk -t$THREADS -c$CONNECTIONS -d${SECONDS_PER_RUN}s --latency (3 runs)"
# --timeout 10s: a slow login is measured as latency rather than dropped as a timeout.
run_wrk() {
    local name="$1"
    shift
    echo "--- $name"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --timeout 10s --latency "$@" \
        | tee "$WORK/wrk-$name.txt"
}
# A second of warm-up opens the database connections and fills caches.
wrk -t1 -c4 -d1s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/me" >/dev/null
run_wrk healthz "$BASE/healthz"
run_wrk api-me -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/me"
run_wrk login -s "$ANTOAN_ROOT/scripts/bench-login.lua" "$BASE/login"

RSS_KB="$(awk '/^VmRSS:/ { print $2 }' "/proc/$SERVER_PID/status")"


step "5/5 results"
read -r H_RPS H_P50 H_P99 H_BAD H_SOCK < <(parse_wrk "$WORK/wrk-healthz.txt")
read -r M_RPS M_P50 M_P99 M_BAD M_SOCK < <(parse_wrk "$WORK/wrk-api-me.txt")
read -r L_RPS L_P50 L_P99 L_BAD L_SOCK < <(parse_wrk "$WORK/wrk-login.txt")

printf '\n%-16s %10s %9s %9s %8s %12s %9s\n' name 'req/s' 'p50 ms' 'p99 ms' ratio 'non-2xx/3xx' 'sock err'
printf '%-16s %10s %9s %9s %8s %12s %9s\n' /healthz "$H_RPS" "$H_P50" "$H_P99" "$(ratio "$H_RPS" "$H_RPS")" "$H_BAD" "$H_SOCK"
printf '%-16s %10s %9s %9s %8s %12s %9s\n' /api/v1/me "$M_RPS" "$M_P50" "$M_P99" "$(ratio "$M_RPS" "$H_RPS")" "$M_BAD" "$M_SOCK"
printf '%-16s %10s %9s %9s %8s %12s %9s\n' 'POST /login' "$L_RPS" "$L_P50" "$L_P99" "$(ratio "$L_RPS" "$H_RPS")" "$L_BAD" "$L_SOCK"
RSS_MB="$(awk -v k="$RSS_KB" 'BEGIN { printf "%.1f", k / 1024 }')"
printf '\nserver RSS after the runs: %s MB (VmRSS)\n' "$RSS_MB"

FAILED=0
check() { # check DESCRIPTION AWK_CONDITION
    if awk "BEGIN { exit !($2) }"; then
        printf '  PASS  %s\n' "$1"
    else
        printf '  FAIL  %s\n' "$1"
        FAILED=1
    fi
}
printf '\ntargets:\n'
check "authenticated read ≥ 25 % of /healthz req/s (ratio $(ratio "$M_RPS" "$H_RPS"))" "$M_RPS >= $MIN_RATIO * $H_RPS"
check "p99 < $MAX_P99_MS ms on /healthz ($H_P99) and /api/v1/me ($M_P99)" "$H_P99 < $MAX_P99_MS && $M_P99 < $MAX_P99_MS"
check "RSS < $MAX_RSS_MB MB ($RSS_MB)" "$RSS_MB < $MAX_RSS_MB"
check "no error responses or socket errors on the reads" "$H_BAD + $H_SOCK + $M_BAD + $M_SOCK == 0"
echo "  (POST /login is reported, not judged: its cost is the password hash by design)"
exit "$FAILED"

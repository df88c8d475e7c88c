#!/usr/bin/env bash
# Organisation benchmark on a province-size dataset (`make bench-org`), SQLite and PostgreSQL.
#
# Builds antoan (release) once, then for each database:
#   1. seeds a fresh database with `antoan demo --communes 30 --units 3000 --staff 60000`
#      (SQLite: a temp file; PostgreSQL: a throwaway cluster from scripts/pg-lane.sh) and times it;
#      PostgreSQL is then vacuumed, as autovacuum does within a minute of a bulk load;
#   2. makes API tokens (congan.tinh: authority over the whole province; quantri: administrator),
#      starts `antoan serve` on a free loopback port and signs congan.tinh in for a session cookie;
#   3. makes a unit of 40 people with a duty set-up and a published month's roster (through the API, as
#      quantri), then runs wrk against /healthz (this run's ceiling), the staff name search (a common and a
#      rarer name), the province's unit list (page 1 and page 40), one unit's API read and its HTML page,
#      that roster's grid and the province authority's oversight page (congan.tinh: every unit in scope);
#   4. imports a generated 10,000-row staff CSV (scripts/gen-staff-csv.py) through
#      POST /api/v1/import/staff?dry_run=false and times it until its background job (202) has finished
#      (skipped while the route answers 404);
#   5. reads the server's RSS and stops it.
# Then prints a table per database (each run's req/s also as a ratio to /healthz of the same run, since the
# machine may be shared and noisy) and PASS/FAIL against the targets. Exit status 1 if one fails.
#
# Environment:
#   BENCH_SECONDS=8          duration of each wrk run
#   BENCH_CONNECTIONS=16     wrk -c   BENCH_THREADS=1  wrk -t (one wrk thread leaves the other core
#                            of a 2-core machine to the server)
#   BENCH_DATABASES="sqlite postgres"   which databases to run, in order
#   BENCH_COMMUNES=30 BENCH_UNITS=3000 BENCH_STAFF=60000   the demo province's size
#   BENCH_IMPORT_ROWS=10000  rows of the generated staff file
#   ANTOAN_BIN=path          use this binary instead of building (skips the build)
#   BENCH_LOG_LEVEL=warning  the server's LOG_LEVEL
# Load goes to 127.0.0.1 only, bounded by BENCH_SECONDS per run; every wait has a deadline.
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=scripts/pg-lane.sh
source "$ANTOAN_ROOT/scripts/pg-lane.sh"
cd "$ANTOAN_ROOT"

SECONDS_PER_RUN="${BENCH_SECONDS:-8}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
THREADS="${BENCH_THREADS:-1}"
DATABASES="${BENCH_DATABASES:-sqlite postgres}"
COMMUNES="${BENCH_COMMUNES:-30}"
UNITS="${BENCH_UNITS:-3000}"
STAFF="${BENCH_STAFF:-60000}"
IMPORT_ROWS="${BENCH_IMPORT_ROWS:-10000}"
SEED_TIMEOUT="${BENCH_SEED_TIMEOUT:-1800}"
IMPORT_TIMEOUT="${BENCH_IMPORT_TIMEOUT:-600}"
# Targets.
MAX_P99_MS=50      # staff search and unit list, p99; the unit page, a roster grid and oversight too
MAX_RSS_MB=150     # the server's RSS after the whole run
MAX_IMPORT_S=10    # import of IMPORT_ROWS staff rows

for db in $DATABASES; do
    case "$db" in sqlite | postgres) ;; *) die "BENCH_DATABASES: unknown database '$db' (sqlite, postgres)" ;; esac
done

step "1/4 ensure tools (wrk, curl, sqlite3, PostgreSQL)"
ensure_apt wrk curl procps sqlite3 postgresql
echo "wrk: $(wrk --version 2>&1 | head -n 1)"

if [ -n "${ANTOAN_BIN:-}" ]; then
    step "2/4 binary: $ANTOAN_BIN (ANTOAN_BIN given, no build)"
    BIN="$(cd "$(dirname "$ANTOAN_BIN")" && pwd)/$(basename "$ANTOAN_BIN")"
else
    step "2/4 swift build -c release --product antoan"
    bounded "${SWIFT_BUILD_TIMEOUT:-2700}" swift build -c release --product antoan
    BIN="$ANTOAN_ROOT/.build/release/antoan"
fi
[ -x "$BIN" ] || die "$BIN is not an executable"

WORK="$(mktemp -d /tmp/antoan-bench-org.XXXXXX)"
on_exit "rm -rf '$WORK'"

# --- helpers ------------------------------------------------------------------------
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }


# expect_200 LABEL URL CURL_ARGS...: a precondition, so the runs measure pages and not error pages.
expect_200() {
    local label="$1" url="$2" code
    shift 2
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$@" "$url" || true)"
    [ "$code" = 200 ] || warn "$label answered $code before the run (its row will show error responses)"
}

# The benchmarked runs, in table order: name|path|auth (token or cookie).
RUNS=(
    "/healthz|/healthz|none"
    "staff q=nguyen van|/api/v1/staff?q=nguyen%20van|token"
    "staff q=tran thi ha|/api/v1/staff?q=tran%20thi%20ha|token"
    "units page=1|/api/v1/units?page=1|token"
    "units page=40|/api/v1/units?page=40|token"
    "unit API|/api/v1/units/{id}|token"
    "unit HTML|/units/{id}|cookie"
    "roster grid 40 people|/rosters/{roster}|cookie"
    "oversight (province)|/duty/oversight|cookie"
)
declare -A RESULT SEED_S RSS_MB IMPORT_LINE IMPORT_S IMPORT_CODE IMPORT_CREATED UNIT_ID ROSTER_ID

# The duty set-up of the 40-person unit: a duty desk in three shifts and a gate in two, 13 seats a day.
BENCH_SETUP='{"posts":[{"id":"hq","name":"Trực ban","pattern":"3x8","requirements":[
{"shift":"C1","working":{"leaders":1,"officers":2}},{"shift":"C2","working":{"leaders":1,"officers":2}},
{"shift":"C3","working":{"leaders":1,"officers":2}}]},{"id":"gate","name":"Cổng chính","pattern":"2x12",
"requirements":[{"shift":"D","working":{"leaders":0,"officers":2}},{"shift":"N","working":{"leaders":0,"officers":2}}]}]}'

# roster_unit BASE ADMIN_TOKEN AREA_ID DIR: makes the unit, its 40 people (8 leaders), its set-up and a
# published roster of next month; prints the roster's id.
roster_unit() {
    local base="$1" admin="$2" area="$3" dir="$4" unit i leader start roster code
    api_post() { curl -s --max-time 120 -o "$dir/api.json" -w '%{http_code}' -X "$1" -H "Authorization: Bearer $admin" \
        -H 'Content-Type: application/json' --data-binary "$3" "$base$2" || true; }
    code="$(api_post POST /api/v1/units "{\"code\":\"BENCH-40\",\"name\":\"Đơn vị đo 40 người\",\"kind\":\"agency\",\"area_id\":\"$area\",\"address\":\"1 Lê Lợi\"}")"
    [ "$code" = 201 ] || { head -c 600 "$dir/api.json" >&2; return 1; }
    unit="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$dir/api.json")"
    for i in $(seq 1 40); do
        leader=false; [ "$i" -le 8 ] && leader=true
        code="$(api_post POST /api/v1/staff "{\"unit_id\":\"$unit\",\"full_name\":\"Người đo $i\",\"position\":\"Bảo vệ\",\"is_leader\":$leader}")"
        [ "$code" = 201 ] || { head -c 600 "$dir/api.json" >&2; return 1; }
    done
    code="$(api_post PUT "/api/v1/units/$unit/duty-setup" "$BENCH_SETUP")"
    [ "$code" = 200 ] || { head -c 600 "$dir/api.json" >&2; return 1; }
    start="$(date -d "$(date +%Y-%m-01) +1 month" +%Y-%m-%d)"
    code="$(api_post POST "/api/v1/units/$unit/rosters" "{\"start_date\":\"$start\",\"days\":30,\"seed\":7}")"
    [ "$code" = 201 ] || { head -c 600 "$dir/api.json" >&2; return 1; }
    roster="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$dir/api.json")"
    code="$(api_post POST "/api/v1/rosters/$roster/publish" '{}')"
    # A roster with open seats is published once they are confirmed.
    [ "$code" = 200 ] || code="$(api_post POST "/api/v1/rosters/$roster/publish" '{"confirm_open_seats":true}')"
    [ "$code" = 200 ] || { head -c 600 "$dir/api.json" >&2; return 1; }
    echo "$roster"
}

PG_READY=0

# bench_db sqlite|postgres
bench_db() {
    local db="$1" dir="$WORK/$1"
    mkdir -p "$dir"
    # The temp dir is the working dir too, so a developer's .env is not read.
    cd "$dir"
    unset DATABASE_URL SQLITE_PATH SECRET DEFAULT_LANGUAGE
    if [ "$db" = sqlite ]; then
        export SQLITE_PATH="$dir/bench.sqlite"
        query_codes() { sqlite3 -batch -noheader "$SQLITE_PATH" "$1"; }
        echo "SQLite file $SQLITE_PATH"
    else
        if [ "$PG_READY" = 0 ]; then
            pg_lane_start || die "could not start a PostgreSQL cluster (scripts/pg-lane.sh)"
            PG_READY=1
        fi
        psql -X -q -v ON_ERROR_STOP=1 "$TEST_DATABASE_URL" -c "CREATE DATABASE antoan_bench_org" >/dev/null \
            || die "creating the bench database failed"
        export DATABASE_URL="${TEST_DATABASE_URL%/*}/antoan_bench_org"
        query_codes() { psql -X -A -t -q -v ON_ERROR_STOP=1 "$DATABASE_URL" -c "$1"; }
        echo "PostgreSQL database ${DATABASE_URL##*/}"
    fi

    echo "--- migrate, then seed: demo --communes $COMMUNES --units $UNITS --staff $STAFF"
    bounded 600 "$BIN" migrate --yes </dev/null >"$dir/cli.log" 2>&1 || { cat "$dir/cli.log"; die "$db: migrate failed"; }
    local t0
    t0="$(now)"
    bounded "$SEED_TIMEOUT" "$BIN" demo --communes "$COMMUNES" --units "$UNITS" --staff "$STAFF" </dev/null \
        >"$dir/demo.log" 2>&1 || { tail -n 40 "$dir/demo.log"; die "$db: antoan demo failed"; }
    SEED_S[$db]="$(since "$t0")"
    if [ "$db" = postgres ]; then
        # A database in use has its settled rows all-visible (autovacuum sees to it), so index-only scans
        # skip the heap. Reach that state now, from this session (the loading session's own VACUUM marks
        # nothing). A VACUUM marks nothing either while an autovacuum worker that started during the load
        # still holds its snapshot (units 0/347 all-visible in one run), so: vacuum, and while units or staff
        # are not all-visible, let the running autovacuum workers finish and vacuum again (at most 5 passes).
        local pass waited
        for pass in 1 2 3 4 5; do
            psql -X -q -v ON_ERROR_STOP=1 "$DATABASE_URL" -c "VACUUM (ANALYZE)" >/dev/null 2>&1 \
                || die "$db: VACUUM $pass after seeding failed"
            [ "$(query_codes "SELECT bool_and(relallvisible = relpages) FROM pg_class WHERE relname IN ('units', 'staff')")" = t ] && break
            for waited in $(seq 1 60); do
                [ "$(query_codes "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'")" = 0 ] && break
                sleep 1
            done
        done
        echo "VACUUM passes: $pass"
        echo "all-visible pages after VACUUM: $(query_codes "SELECT string_agg(relname || ' ' || relallvisible || '/' || relpages, ', ' ORDER BY relname) FROM pg_class WHERE relname IN ('units', 'staff', 'name_keys')")"
    fi
    grep -E '^Demo province loaded|^Loaded in' "$dir/demo.log" | sed 's/^/    /' || true
    echo "seeding time ($db): ${SEED_S[$db]} s"
    local password
    password="$(sed -n 's/.*shared password: \(.*\)):[[:space:]]*$/\1/p' "$dir/demo.log" | head -n 1)"
    [ -n "$password" ] || { cat "$dir/demo.log"; die "$db: no shared password in the demo output"; }

    local token admin_token
    token="$(bounded 120 "$BIN" token create --username congan.tinh --name bench </dev/null 2>>"$dir/cli.log" | tail -n 1)"
    admin_token="$(bounded 120 "$BIN" token create --username quantri --name bench </dev/null 2>>"$dir/cli.log" | tail -n 1)"
    if [ -z "$token" ] || [ -z "$admin_token" ]; then
        cat "$dir/cli.log"
        die "$db: token create printed no token"
    fi

    # Existing top-level unit codes for the import file, straight from the database.
    query_codes "SELECT code FROM units WHERE parent_id IS NULL ORDER BY code" >"$dir/unit-codes.txt"
    [ -s "$dir/unit-codes.txt" ] || die "$db: no top-level unit codes in the database"
    python3 "$ANTOAN_ROOT/scripts/gen-staff-csv.py" "$dir/unit-codes.txt" "$dir/staff.csv" "$IMPORT_ROWS"
    echo "import file: $(($(wc -l <"$dir/staff.csv") - 1)) rows over $(wc -l <"$dir/unit-codes.txt") unit codes"

    local port base pid
    port="$(free_port)"
    base="http://127.0.0.1:$port"
    LISTEN_HOST=127.0.0.1 PORT="$port" BASE_URL="$base" LOG_LEVEL="${BENCH_LOG_LEVEL:-warning}" \
        "$BIN" serve --hostname 127.0.0.1 --port "$port" </dev/null >"$dir/server.log" 2>&1 &
    pid=$!
    on_exit "stop_pid $pid"
    if ! wait_http "$base/healthz" 120 "$pid"; then
        tail -n 40 "$dir/server.log" >&2
        die "$db: the server did not answer /healthz within 120 s"
    fi
    echo "server pid $pid on $base"

    # A unit of the province, from the authority's own list.
    local code
    code="$(curl -s -o "$dir/units.json" -w '%{http_code}' --max-time 30 -H "Authorization: Bearer $token" \
        "$base/api/v1/units?page=1" || true)"
    [ "$code" = 200 ] || die "$db: GET /api/v1/units?page=1 as congan.tinh answered $code"
    UNIT_ID[$db]="$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["items"][0]["id"] if d["items"] else "")' "$dir/units.json")"
    [ -n "${UNIT_ID[$db]}" ] || die "$db: the authority's unit list is empty"
    echo "units in scope: $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"])' "$dir/units.json"); unit ${UNIT_ID[$db]}"
    local area_id
    area_id="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["items"][0]["area_id"])' "$dir/units.json")"
    ROSTER_ID[$db]="$(roster_unit "$base" "$admin_token" "$area_id" "$dir")" \
        || die "$db: making the 40-person unit and its published roster failed"
    echo "published roster of 40 people: ${ROSTER_ID[$db]}"

    # Session cookie for the HTML page: GET /login for the CSRF pair, then POST the form.
    local csrf csrf_cookie session
    read -r csrf csrf_cookie < <(login_csrf_pair "$base" "$dir") \
        || die "$db: no _csrf field or antoan_csrf cookie from GET /login"
    code="$(curl -s --max-time 30 -o /dev/null -w '%{http_code}' -b "antoan_csrf=$csrf_cookie" -c "$dir/session.txt" \
        --data-urlencode "username=congan.tinh" --data-urlencode "password=$password" \
        --data-urlencode "_csrf=$csrf" "$base/login" || true)"
    [ "$code" = 303 ] || die "$db: signing congan.tinh in answered $code, not 303"
    session="$(awk -F'\t' '$6 == "antoan_session" { print $7 }' "$dir/session.txt" | tail -n 1)"
    [ -n "$session" ] || die "$db: no antoan_session cookie after signing in"

    local entry name path auth url args
    for entry in "${RUNS[@]}"; do
        IFS='|' read -r name path auth <<<"$entry"
        url="$base${path//\{id\}/${UNIT_ID[$db]}}"
        url="${url//\{roster\}/${ROSTER_ID[$db]}}"
        case "$auth" in
            token) args=(-H "Authorization: Bearer $token") ;;
            cookie) args=(-H "Cookie: antoan_session=$session") ;;
            *) args=() ;;
        esac
        expect_200 "$db: GET $path" "$url" "${args[@]}"
    done

    step "$db: wrk -t$THREADS -c$CONNECTIONS -d${SECONDS_PER_RUN}s --latency (${#RUNS[@]} runs)"
    # A second of warm-up opens the database connections and fills caches.
    wrk -t1 -c4 -d1s -H "Authorization: Bearer $token" "$base/api/v1/staff?q=nguyen%20van" >/dev/null
    wrk -t1 -c4 -d1s -H "Authorization: Bearer $token" "$base/api/v1/units?page=1" >/dev/null
    local i=0
    for entry in "${RUNS[@]}"; do
        IFS='|' read -r name path auth <<<"$entry"
        url="$base${path//\{id\}/${UNIT_ID[$db]}}"
        url="${url//\{roster\}/${ROSTER_ID[$db]}}"
        case "$auth" in
            token) args=(-H "Authorization: Bearer $token") ;;
            cookie) args=(-H "Cookie: antoan_session=$session") ;;
            *) args=() ;;
        esac
        echo "--- $name  (GET $path)"
        # --timeout 10s: a slow response is measured as latency rather than dropped as a timeout.
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --timeout 10s --latency "${args[@]}" "$url" \
            >"$dir/wrk-$i.txt"
        RESULT[$db:$i]="$(parse_wrk "$dir/wrk-$i.txt")"
        echo "    ${RESULT[$db:$i]}  (req/s p50 p99 non-2xx sock-err)"
        i=$((i + 1))
    done

    step "$db: import $IMPORT_ROWS staff rows (POST /api/v1/import/staff?dry_run=false)"
    local out http total started job_id state deadline
    started="$(date +%s.%N)"
    out="$(curl -s -o "$dir/import.json" -w '%{http_code} %{time_total}' --max-time "$IMPORT_TIMEOUT" \
        -X POST --data-binary "@$dir/staff.csv" -H "Content-Type: text/csv" \
        -H "Authorization: Bearer $admin_token" \
        "$base/api/v1/import/staff?dry_run=false&filename=staff.csv" || true)"
    read -r http total <<<"$out"
    http="${http:-000}"
    # More than 2,000 rows go to the background (202 and a job): timed until the job has finished, whose
    # report then stands for the response.
    if [ "$http" = 202 ]; then
        job_id="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$dir/import.json")"
        deadline=$((SECONDS + IMPORT_TIMEOUT))
        while :; do
            curl -s -o "$dir/import-job.json" -H "Authorization: Bearer $admin_token" \
                "$base/api/v1/import-jobs/$job_id" || true
            state="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("status", ""))' \
                "$dir/import-job.json" 2>/dev/null || true)"
            case "$state" in done | problems | failed) break ;; esac
            [ "$SECONDS" -ge "$deadline" ] && break
            sleep 0.2
        done
        total="$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')"
        python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1])).get("report") or {}))' \
            "$dir/import-job.json" >"$dir/import.json" 2>/dev/null || true
        echo "    background job $job_id: $state"
    fi
    IMPORT_CODE[$db]="$http"
    IMPORT_S[$db]="$(awk -v t="${total:-0}" 'BEGIN { printf "%.2f", t }')"
    if [ "$http" = 404 ]; then
        IMPORT_CREATED[$db]=""
        IMPORT_LINE[$db]="import: not available yet (the route answered 404)"
    else
        IMPORT_CREATED[$db]="$(python3 -c '
import json, sys
try:
    d = json.load(open(sys.argv[1], encoding="utf-8"))
    print(d.get("created", "") if isinstance(d, dict) else "")
except Exception:
    print("")' "$dir/import.json")"
        IMPORT_LINE[$db]="import: ${IMPORT_S[$db]} s, HTTP $http, created ${IMPORT_CREATED[$db]:-?}"
        if [ "${IMPORT_CREATED[$db]}" != "$IMPORT_ROWS" ]; then
            echo "    response (first 600 bytes): $(head -c 600 "$dir/import.json" 2>/dev/null)"
        fi
    fi
    echo "    ${IMPORT_LINE[$db]}"

    RSS_MB[$db]="$(awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status" 2>/dev/null || echo "?")"
    echo "server RSS after the run: ${RSS_MB[$db]} MB"
    stop_pid "$pid"
    cd "$ANTOAN_ROOT"
}

step "3/4 databases: $DATABASES"
for db in $DATABASES; do
    step "$db: fresh database, seed, tokens, server"
    bench_db "$db"
done

step "4/4 results (wrk -t$THREADS -c$CONNECTIONS -d${SECONDS_PER_RUN}s; province: $UNITS units, $STAFF staff)"
FAILED=0
check() { # check DESCRIPTION AWK_CONDITION
    if awk "BEGIN { exit !($2) }"; then
        printf '  PASS  %s\n' "$1"
    else
        printf '  FAIL  %s\n' "$1"
        FAILED=1
    fi
}
for db in $DATABASES; do
    printf '\n[%s]  seed %s s, server RSS after the run %s MB\n' "$db" "${SEED_S[$db]}" "${RSS_MB[$db]}"
    printf '%-22s %10s %9s %9s %7s %9s %9s\n' name 'req/s' 'p50 ms' 'p99 ms' ratio 'non-2xx' 'sock err'
    read -r H_RPS _ <<<"${RESULT[$db:0]}"
    i=0
    for entry in "${RUNS[@]}"; do
        IFS='|' read -r name _ _ <<<"$entry"
        read -r rps p50 p99 bad sock <<<"${RESULT[$db:$i]}"
        printf '%-22s %10s %9s %9s %7s %9s %9s\n' "$name" "$rps" "$p50" "$p99" "$(ratio "$rps" "$H_RPS")" "$bad" "$sock"
        i=$((i + 1))
    done
    echo "${IMPORT_LINE[$db]}"
    read -r _ _ S1 S1B S1S <<<"${RESULT[$db:1]}"
    read -r _ _ S2 S2B S2S <<<"${RESULT[$db:2]}"
    read -r _ _ L1 L1B L1S <<<"${RESULT[$db:3]}"
    read -r _ _ L2 L2B L2S <<<"${RESULT[$db:4]}"
    read -r U_RPS _ U99 UB US <<<"${RESULT[$db:6]}"
    read -r R_RPS _ R99 RB RS <<<"${RESULT[$db:7]}"
    read -r O_RPS _ O99 OB OS <<<"${RESULT[$db:8]}"
    echo "targets:"
    check "staff search p99 < $MAX_P99_MS ms (nguyen van $S1, tran thi ha $S2)" "$S1 < $MAX_P99_MS && $S2 < $MAX_P99_MS"
    check "unit list p99 < $MAX_P99_MS ms (page 1 $L1, page 40 $L2)" "$L1 < $MAX_P99_MS && $L2 < $MAX_P99_MS"
    check "no error responses or socket errors on search and list" \
        "$S1B + $S1S + $S2B + $S2S + $L1B + $L1S + $L2B + $L2S == 0"
    if [ "${IMPORT_CODE[$db]}" = 404 ]; then
        echo "  n/a   import of $IMPORT_ROWS rows < $MAX_IMPORT_S s (import: not available yet)"
    else
        check "import of $IMPORT_ROWS rows < $MAX_IMPORT_S s (${IMPORT_S[$db]} s, HTTP ${IMPORT_CODE[$db]}, created ${IMPORT_CREATED[$db]:-?})" \
            "(${IMPORT_CODE[$db]} == 200 || ${IMPORT_CODE[$db]} == 202) && \"${IMPORT_CREATED[$db]}\" == \"$IMPORT_ROWS\" && ${IMPORT_S[$db]} < $MAX_IMPORT_S"
    fi
    check "unit page p99 < $MAX_P99_MS ms ($U99 ms, $(ratio "$U_RPS" "$H_RPS") of /healthz)" "$U99 < $MAX_P99_MS && $UB + $US == 0"
    check "roster grid of 40 people p99 < $MAX_P99_MS ms ($R99 ms, $(ratio "$R_RPS" "$H_RPS") of /healthz)" \
        "$R99 < $MAX_P99_MS && $RB + $RS == 0"
    check "province oversight p99 < $MAX_P99_MS ms ($O99 ms, $(ratio "$O_RPS" "$H_RPS") of /healthz)" \
        "$O99 < $MAX_P99_MS && $OB + $OS == 0"
    check "server RSS after the whole run < $MAX_RSS_MB MB (${RSS_MB[$db]} MB)" "\"${RSS_MB[$db]}\" != \"?\" && ${RSS_MB[$db]} < $MAX_RSS_MB"
    echo "  info  the unit API read is reported, not judged"
done
exit "$FAILED"

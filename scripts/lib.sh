# shellcheck shell=bash
# Shared helpers for scripts/test.sh, scripts/bench.sh and scripts/pg-lane.sh.
# Source it; it does not change shell options of its own. Sourcing twice is harmless.
[ -n "${_ANTOAN_LIB_LOADED:-}" ] && return 0
_ANTOAN_LIB_LOADED=1

# Repository root, whatever the caller's working directory.
ANTOAN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ANTOAN_ROOT

# A clear header line for each step, so a failing step is easy to find in CI logs.
step() {
    printf '\n==> %s\n' "$*"
}

warn() {
    printf '\n!!! WARNING: %s\n\n' "$*" >&2
}

die() {
    printf '\n!!! ERROR: %s\n' "$*" >&2
    exit 1
}

# --- cleanup stack --------------------------------------------------------------
# Several parts (PG cluster, bench server, temp dirs) need tearing down on ANY exit.
# One EXIT trap runs the registered commands in reverse order.
_ANTOAN_CLEANUPS=()
on_exit() {
    _ANTOAN_CLEANUPS+=("$*")
}
_antoan_run_cleanups() {
    local rc=$? i
    for ((i = ${#_ANTOAN_CLEANUPS[@]} - 1; i >= 0; i--)); do
        eval "${_ANTOAN_CLEANUPS[$i]}" || true
    done
    exit "$rc"
}
trap _antoan_run_cleanups EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- installs (the machine is not kept for CI: install what is missing, quietly) --
_ANTOAN_APT_UPDATED=0
ensure_apt() {
    local missing=() pkg
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "installing with apt-get: ${missing[*]}"
    local log
    log="$(mktemp /tmp/antoan-apt.XXXXXX)"
    if [ "$_ANTOAN_APT_UPDATED" = 0 ]; then
        apt-get update -qq >"$log" 2>&1 || { cat "$log" >&2; die "apt-get update failed"; }
        _ANTOAN_APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >"$log" 2>&1 \
        || { cat "$log" >&2; die "apt-get install ${missing[*]} failed"; }
    rm -f "$log"
}

# Installs the pinned requirements unless every pin is already satisfied
# (pip itself would contact PyPI each time, which is slow and needless).
ensure_pip_requirements() {
    local req="$1"
    if python3 - "$req" <<'EOF'
import sys
from importlib.metadata import version, PackageNotFoundError
ok = True
for line in open(sys.argv[1]):
    line = line.split("#", 1)[0].strip()
    if not line:
        continue
    name, _, want = line.partition("==")
    try:
        have = version(name.strip())
    except PackageNotFoundError:
        have = None
    if have != want.strip():
        ok = False
sys.exit(0 if ok else 1)
EOF
    then
        return 0
    fi
    echo "installing with pip: $(grep -v '^\s*#' "$req" | tr '\n' ' ')"
    python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore -r "$req" \
        || die "pip install -r $req failed"
}

# Debian's Chromium: Playwright must use it (its own browser download is not reachable).
chromium_path() {
    local c
    for c in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
        if [ -n "$c" ] && [ -x "$c" ]; then
            echo "$c"
            return 0
        fi
    done
    return 1
}

# --- ports and waits --------------------------------------------------------------
# A port the kernel just handed out; there is a small race until the server binds it,
# acceptable for tests on a private machine.
free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# wait_http URL TIMEOUT_SECONDS [PID]: poll until URL answers 200, with a deadline.
# When PID is given, stop early if that process has died.
wait_http() {
    local url="$1" timeout="$2" pid="${3:-}"
    local deadline=$((SECONDS + timeout))
    while ((SECONDS < deadline)); do
        if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
            return 1
        fi
        if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" 2>/dev/null)" = 200 ]; then
            return 0
        fi
        sleep 0.2
    done
    return 1
}

# bounded SECONDS CMD...: run CMD with an outer time limit (SIGTERM, then SIGKILL 30 s later).
# In a terminal, --foreground keeps CMD in the terminal's process group so Ctrl-C reaches it.
bounded() {
    local secs="$1"
    shift
    if [ -t 0 ]; then
        timeout --foreground -k 30 "$secs" "$@"
    else
        timeout -k 30 "$secs" "$@"
    fi
}

# stop_pid PID [GRACE_SECONDS]: SIGTERM, wait up to GRACE for exit, then SIGKILL.
stop_pid() {
    local pid="$1" grace="${2:-10}"
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + grace))
    while ((SECONDS < deadline)) && kill -0 "$pid" 2>/dev/null; do
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
}

# GET /login once and print "<_csrf field> <antoan_csrf cookie>": the pair a form POST must carry.
# Usage: read -r FIELD COOKIE < <(login_csrf_pair "$BASE" "$DIR")
login_csrf_pair() {
    local base="$1" dir="$2" field cookie
    curl -s --max-time 30 -c "$dir/csrf.txt" -o "$dir/login.html" "$base/login"
    field="$(python3 - "$dir/login.html" <<'EOF'
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    value = None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "input" and a.get("name") == "_csrf" and self.value is None:
            self.value = a.get("value") or ""
p = P(); p.feed(open(sys.argv[1], encoding="utf-8").read())
print(p.value or "")
EOF
)"
    # Netscape cookie jar: field 6 is the name, 7 the value (HttpOnly lines start "#HttpOnly_").
    cookie="$(awk -F'\t' '$6 == "antoan_csrf" { print $7 }' "$dir/csrf.txt" | tail -n 1)"
    [ -n "$field" ] && [ -n "$cookie" ] || return 1
    echo "$field $cookie"
}

# ratio A B -> A/B with two decimals ("n/a" when B is 0): each run against the same run's /healthz.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

# parse_wrk FILE -> "rps p50_ms p99_ms error_responses socket_errors" from `wrk --latency` output
parse_wrk() {
    awk '
        function ms(v) {
            if (v ~ /us$/) return v / 1000
            if (v ~ /ms$/) return v + 0
            if (v ~ /[0-9]s$/) return v * 1000
            if (v ~ /m$/) return v * 60000
            return v + 0
        }
        /^ +50%/ { p50 = ms($2) }
        /^ +99%/ { p99 = ms($2) }
        /^Requests\/sec:/ { rps = $2 }
        /Non-2xx or 3xx responses:/ { bad = $NF }
        /Socket errors:/ { gsub(",", ""); sock = $4 + $6 + $8 + $10 }
        END { printf "%.1f %.2f %.2f %d %d\n", rps, p50, p99, bad, sock }
    ' "$1"
}

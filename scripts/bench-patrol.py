#!/usr/bin/env python3
"""Patrol and gate benchmark of AnToan (`make bench-patrol`; scripts/bench-py.sh prepares tools and databases).

  bench-patrol.py --bin BIN --pg-admin-url URL --work DIR

On SQLite and on PostgreSQL, one `serve` node on a small demo province, a unit with a security officer and a guard:
- scan ingestion: ROUTES routes of 4 checkpoints, each with one round covering the day; wrk POST
  /api/v1/patrols/scans at 16 connections (one scan a request, a new sequence number each, spread over the
  routes: a scan locks its route's row), and /healthz in the same run: req/s, p99, ratio;
- gate check-in: wrk POST /api/v1/gate/visits (a new 12-digit number each): req/s, p99;
- inside now: VISITORS visitors checked in that day, then wrk GET /api/v1/gate/inside: p99;
- the label sheet: a route of LABELS checkpoints, its labels page (every symbol encoded, the page rendered) fetched
  20 times one after the other: p50, p99;
- missed-checkpoint alert: ALERT_ROUTES routes whose only round ends at the next minute boundary with nothing
  scanned; the time from the deadline to the notification in the security officer's inbox (polled every 50 ms):
  p50, p99 (target < 60 s);
- QR in Core (`antoan bench-qr`, no database): symbols encoded per second, and the label sheet of 100
  checkpoints built and rendered in process.
Prints a table and PASS/FAIL per target; exit status 1 if one fails. The helpers (node, wrk, API) are
scripts/bench-live.py's.
"""
from __future__ import annotations

import datetime
import importlib.util
import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

spec = importlib.util.spec_from_file_location("bench_live", Path(__file__).with_name("bench-live.py"))
live = importlib.util.module_from_spec(spec)
spec.loader.exec_module(live)
log, api, must, cli, token_for, wrk, percentile, Node = (
    live.log, live.api, live.must, live.cli, live.token_for, live.wrk, live.percentile, live.Node)

ROUTES = int(os.environ.get("BENCH_ROUTES", "16"))
VISITORS = int(os.environ.get("BENCH_VISITORS", "5000"))
ALERT_ROUTES = int(os.environ.get("BENCH_ALERT_ROUTES", "10"))
LABELS = int(os.environ.get("BENCH_LABELS", "100"))
MAX_ALERT_P99_S = 60.0
VN = datetime.timezone(datetime.timedelta(hours=7))

SCANS_LUA = """
local tokens = {%s}
local n = 0
request = function()
  n = n + 1
  local now = os.date("!%%Y-%%m-%%dT%%H:%%M:%%SZ")
  local body = string.format('{"device":"wrk%%d","sent_at":"%%s","scans":[{"token":"%%s","sequence":%%d,"scanned_at":"%%s"}]}',
    math.random(1, 1000000000), now, tokens[(n %% #tokens) + 1], n, now)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Authorization"] = "Bearer %s"}, body)
end
"""

CHECKIN_LUA = """
local n = 0
local seed = math.random(1, 9000)
request = function()
  n = n + 1
  local body = string.format('{"unit_id":"%s","full_name":"Khách đo %%d","document_type":"cccd","document_number":"%%04d%%08d","purpose":"Đo tải"}',
    n, seed, n)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Authorization"] = "Bearer %s"}, body)
end
"""

GET_LUA = """
wrk.headers["Authorization"] = "Bearer %s"
"""


def seed(binary: str, env: dict[str, str], work: Path) -> str:
    cli(binary, env, work, "migrate", "--yes")
    cli(binary, env, work, "demo", "--communes", "2", "--units", "6", "--staff", "60")
    return token_for(binary, env, work, "quantri")


def accounts(binary: str, env: dict[str, str], work: Path, base: str, admin: str) -> tuple[dict, str, str]:
    unit = must(api(base, admin, "GET", "/api/v1/units?page=1"), 200, "GET /api/v1/units")["items"][0]
    password = "Bench-Patrol-2026!x"
    tokens = []
    for name, role in (("bench.antt", "unit_security_officer"), ("bench.baove", "duty_officer")):
        must(api(base, admin, "POST", "/api/v1/users", {"username": name, "display_name": name, "role": role,
             "unit_id": unit["id"], "password": password}), 201, f"create {name}")
        tokens.append(token_for(binary, env, work, name))
    return unit, tokens[0], tokens[1]


def route(base: str, officer: str, name: str, kind: str, start: str, end: str, checkpoints: int, **extra) -> tuple[str, list[str]]:
    body = {"name": name, "order": "free", "schedule_kind": kind, "start": start, "end": end, "minimum_gap_minutes": 0,
            **extra}
    created = must(api(base, officer, "POST", "/api/v1/patrols/routes", body), 201, "POST route")
    links = []
    for i in range(checkpoints):
        cp = must(api(base, officer, "POST", f"/api/v1/patrols/routes/{created['id']}/checkpoints",
                      {"name": f"Điểm {i + 1}"}), 201, "POST checkpoint")
        links.append(cp["link"].split("/p/", 1)[1])
    return created["id"], links


def measure(db: str, node: Node, officer: str, guard: str, unit: dict, work: Path) -> dict:
    # Routes whose one round covers the whole day.
    hour = datetime.datetime.now(VN).strftime("%H:00")
    links: list[str] = []
    for r in range(ROUTES):
        links += route(node.base, officer, f"Tuyến đo {r}", "rounds", hour, hour, 4, rounds=1)[1]
    wrk(node.base + "/healthz", live.WRK_GET_LUA, work)  # warm-up
    healthz = wrk(node.base + "/healthz", live.WRK_GET_LUA, work)
    scans = wrk(node.base + "/api/v1/patrols/scans",
                SCANS_LUA % (", ".join(json.dumps(t) for t in links), guard) + live.WRK_GET_LUA, work)
    checkin = wrk(node.base + "/api/v1/gate/visits", CHECKIN_LUA % (unit["id"], officer) + live.WRK_GET_LUA, work)
    log(f"{db}: {checkin['total']} check-ins by wrk; topping up to {VISITORS} visitors inside")
    for n in range(max(0, VISITORS - checkin["total"])):
        must(api(node.base, officer, "POST", "/api/v1/gate/visits",
                 {"unit_id": unit["id"], "full_name": f"Khách nạp {n}", "document_type": "cccd",
                  "document_number": f"9{n:011d}", "purpose": "Đo tải"}), 201, "check-in")
    inside = wrk(node.base + f"/api/v1/gate/inside?unit={unit['id']}", GET_LUA % officer + live.WRK_GET_LUA, work)
    return {"healthz": healthz, "scans": scans, "checkin": checkin, "inside": inside,
            "labels": label_sheet(node.base, officer)}


def label_sheet(base: str, officer: str) -> list[float]:
    """The labels page of a route of LABELS checkpoints, 20 times: milliseconds each."""
    hour = datetime.datetime.now(VN).strftime("%H:00")
    route_id, _ = route(base, officer, "Tuyến tem", "rounds", hour, hour, LABELS, rounds=1)
    times = []
    for _ in range(20):
        request = urllib.request.Request(f"{base}/patrols/routes/{route_id}/labels",
                                         headers={"Authorization": f"Bearer {officer}"})
        started = time.perf_counter()
        with urllib.request.urlopen(request, timeout=60) as r:
            page = r.read().decode()
        times.append((time.perf_counter() - started) * 1000)
        symbols = page.count('class="label-qr"')
        if symbols < LABELS:
            sys.exit(f"labels page: {symbols} symbols, expected {LABELS}")
    return times


def alert_latency(node: Node, officer: str) -> list[float]:
    """Routes whose only round ends at the next minute boundary (at least 40 s away), nothing scanned."""
    now = datetime.datetime.now(VN)
    deadline = (now + datetime.timedelta(seconds=100)).replace(second=0, microsecond=0)
    start = deadline - datetime.timedelta(minutes=10)
    for r in range(ALERT_ROUTES):
        route(node.base, officer, f"Tuyến bỏ sót {r}", "interval", start.strftime("%H:%M"), deadline.strftime("%H:%M"),
              1, every_minutes=10)
    seen: dict[str, float] = {}
    limit = deadline.timestamp() + 120
    while len(seen) < ALERT_ROUTES and time.time() < limit:
        inbox = must(api(node.base, officer, "GET", "/api/v1/notifications"), 200, "inbox")
        for item in inbox["items"]:
            if item["entity"] == "patrol_round" and item["id"] not in seen:
                seen[item["id"]] = time.time()
        time.sleep(0.05)
    return [at - deadline.timestamp() for at in seen.values()]


def main() -> int:
    args, work, base_env = live.setup("patrol")
    rows: list[tuple[str, dict]] = []
    results: list[tuple[str, str, bool]] = []
    alerts: list[float] = []
    name = f"antoan_bench_patrol_{os.getpid()}"
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", args.pg_admin_url, "-c", f'CREATE DATABASE "{name}"'],
                   check=True, capture_output=True)
    setups = [("sqlite", {"SQLITE_PATH": str(work / "sqlite" / "bench.sqlite")}),
              ("postgres", {"DATABASE_URL": args.pg_admin_url.rsplit("/", 1)[0] + "/" + name})]
    for db, extra in setups:
        db_work = work / db
        db_work.mkdir(parents=True, exist_ok=True)
        env = dict(base_env, **extra)
        log(f"==> {db}: seed, one node, {ROUTES} routes, then wrk -c{live.CONNECTIONS} -d{live.SECONDS_PER_RUN}s")
        admin = seed(args.bin, env, db_work)
        node = Node(f"node-{db}", args.bin, env, db_work).start()
        try:
            unit, officer, guard = accounts(args.bin, env, db_work, node.base, admin)
            rows.append((db, measure(db, node, officer, guard, unit, db_work)))
            if db == "postgres":
                log(f"==> missed-checkpoint alert: {ALERT_ROUTES} rounds ending at one deadline")
                alerts = alert_latency(node, officer)
        finally:
            node.stop()
    log("")
    log(f"{'':<30}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'ratio':>8}{'non-2xx':>9}")
    for db, m in rows:
        for label, key in (("/healthz", "healthz"), ("POST patrol scan", "scans"), ("POST gate check-in", "checkin"),
                           (f"GET inside ({VISITORS})", "inside")):
            r = m[key]
            log(f"{db + ' ' + label:<30}{r['rps']:>9.0f}{r['p50']:>9.2f}{r['p99']:>9.2f}"
                f"{r['rps'] / m['healthz']['rps']:>8.3f}{r['errors']:>9}")
        for key in ("scans", "checkin", "inside"):
            results.append((f"{db}: {key} without errors", f"{m[key]['errors']} non-2xx", m[key]["errors"] == 0))
    for db, m in rows:
        log(f"{db} labels page of {LABELS} checkpoints: p50 {percentile(m['labels'], 50):.0f} ms, "
            f"p99 {percentile(m['labels'], 99):.0f} ms")
    qr = json.loads(cli(args.bin, base_env, work, "bench-qr", "--json").strip().splitlines()[-1])
    log(f"QR (Core): a {qr['link_bytes']}-byte checkpoint link is version {qr['version']}; "
        f"{qr['symbols_per_second']:.0f} symbols encoded/s, {qr['svg_per_second']:.0f}/s with SVG, "
        f"{qr['png_per_second']:.0f}/s with PNG; label sheet of {qr['sheet_labels']} in process p50 "
        f"{qr['sheet_milliseconds_p50']:.1f} ms")
    p99 = percentile(alerts, 99)
    log(f"missed-checkpoint alert: {len(alerts)}/{ALERT_ROUTES} notified; deadline -> notification p50 "
        f"{percentile(alerts, 50):.2f} s, p99 {p99:.2f} s")
    results.append(("missed-checkpoint alert p99 < 60 s, all notified", f"{p99:.2f} s, {len(alerts)}/{ALERT_ROUTES}",
                    len(alerts) == ALERT_ROUTES and p99 < MAX_ALERT_P99_S))
    log("")
    for label, value, ok in results:
        log(f"{'PASS' if ok else 'FAIL'}  {label}: {value}")
    return 0 if all(ok for _, _, ok in results) else 1


if __name__ == "__main__":
    sys.exit(main())

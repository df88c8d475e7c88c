#!/usr/bin/env python3
"""Equipment benchmark of AnToan (`make bench-equipment`; scripts/bench-py.sh prepares tools and databases).

  bench-equipment.py --bin BIN --pg-admin-url URL --work DIR

On SQLite and on PostgreSQL, a province of UNITS units (`antoan demo --units UNITS --equipment PER_UNIT --no-duty`:
PER_UNIT items a unit, 150,000 in all by default, with permits and certificates) and a year of checks
(`antoan equipment history`), one `serve` node:
- /healthz, the province authority's overdue list, a unit's equipment page (HTML) and its equipment list (API),
  each with wrk at 16 connections: req/s, p99 and the ratio to /healthz of the same run (target: p99 < 50 ms);
  the two pages again at a new address each request, so never served kept (shown, no target);
- the nightly due-date job over all items (`antoan equipment dues`, timed; target < 10 s);
- an import of IMPORT_ROWS items (POST /api/v1/import/equipment?dry_run=false, a generated CSV with Vietnamese
  headers, timed to the end of its background job; target < 20 s).
Prints a table and PASS/FAIL per target; exit status 1 if one fails. The helpers (node, wrk, API) are
scripts/bench-live.py's.
"""
from __future__ import annotations

import csv
import importlib.util
import io
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
log, api, must, cli, token_for, wrk, Node = (
    live.log, live.api, live.must, live.cli, live.token_for, live.wrk, live.Node)

UNITS = int(os.environ.get("BENCH_UNITS", "3000"))
PER_UNIT = int(os.environ.get("BENCH_ITEMS_PER_UNIT", "50"))
STAFF = int(os.environ.get("BENCH_STAFF", "15000"))
IMPORT_ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", "20000"))
MAX_P99_MS = 50.0
MAX_JOB_S = 10.0
MAX_IMPORT_S = 20.0

GET_LUA = """
request = function()
  return wrk.format("GET", nil, {["Authorization"] = "Bearer %s"})
end
"""

FRESH_LUA = """
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "%s?fresh=" .. counter, {["Authorization"] = "Bearer %s"})
end
"""

HEADER = ["Mã đơn vị", "Loại", "Tên gọi", "Số hiệu", "Nhãn hiệu, kiểu", "Dung tích, cỡ", "Nơi cất giữ", "Số giấy phép",
          "Cơ quan cấp giấy phép", "Ngày cấp giấy phép", "Giấy phép có giá trị đến"]
KINDS = ["Bình bột", "Bình chữa cháy CO2", "Dùi cui cao su", "Bộ đàm", "Cuộn vòi chữa cháy", "Khóa số tám"]


def import_file(codes: list[str]) -> bytes:
    """IMPORT_ROWS items over the province's units, as a unit's spreadsheet writes them; batons with a permit."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for n in range(IMPORT_ROWS):
        kind = KINDS[n % len(KINDS)]
        permit = ["12/GP-CCHT", "Phòng Cảnh sát QLHC về TTXH", "01/03/2025", "01/03/2030"] if "Dùi cui" in kind \
            else ["", "", "", ""]
        writer.writerow([codes[n % len(codes)], kind, "", f"NHAP-{n:06d}", "Mẫu 2026", "4 kg" if "Bình" in kind else "",
                         f"Tầng {n % 9 + 1}"] + permit)
    return out.getvalue().encode()


def timed_import(base: str, admin: str, body: bytes) -> tuple[float, dict]:
    started = time.monotonic()
    request = urllib.request.Request(f"{base}/api/v1/import/equipment?dry_run=false&filename=thiet-bi.csv", data=body,
                                     method="POST", headers={"Authorization": f"Bearer {admin}",
                                                             "Content-Type": "text/csv"})
    try:
        with urllib.request.urlopen(request, timeout=600) as r:
            status, report = r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        sys.exit(f"import: HTTP {e.code}: {e.read()[:600]!r}")
    if status == 202:
        job = report["id"]
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            state = must(api(base, admin, "GET", f"/api/v1/import-jobs/{job}"), 200, "import job")
            if state.get("status") in ("done", "problems", "failed"):
                report = state.get("report") or state
                break
            time.sleep(0.1)
    return time.monotonic() - started, report


def measure(db: str, binary: str, env: dict[str, str], work: Path) -> dict:
    log(f"==> {db}: demo province of {UNITS} units, {UNITS * PER_UNIT} items")
    cli(binary, env, work, "migrate", "--yes")
    started = time.monotonic()
    cli(binary, env, work, "demo", "--communes", "30", "--units", str(UNITS), "--staff", str(STAFF), "--no-duty",
        "--equipment", str(PER_UNIT))
    seeded = time.monotonic() - started
    started = time.monotonic()
    history = cli(binary, env, work, "equipment", "history", "--months", "12").strip().splitlines()[-1]
    log(f"{db}: seeded in {seeded:.0f} s; a year of checks in {time.monotonic() - started:.0f} s ({history})")
    if db == "postgres":
        subprocess.run(["psql", "-X", "-q", env["DATABASE_URL"], "-c", "VACUUM ANALYZE"], check=True,
                       capture_output=True)
    started = time.monotonic()
    dues = cli(binary, env, work, "equipment", "dues").strip().splitlines()[-1]
    job_s = time.monotonic() - started
    log(f"{db}: nightly due-date job {job_s:.1f} s ({dues})")
    if db == "postgres":
        # The job rewrites reminders and counts: let the reads below be measured on a settled database, not beside
        # the autovacuum those writes start (seen to halve the oversight API's rate in one run).
        subprocess.run(["psql", "-X", "-q", env["DATABASE_URL"], "-c", "VACUUM ANALYZE"], check=True,
                       capture_output=True)
    admin = token_for(binary, env, work, "quantri")
    authority = token_for(binary, env, work, "congan.tinh")
    officer = token_for(binary, env, work, "antt")
    node = Node(f"node-{db}", binary, env, work).start()
    try:
        units = must(api(node.base, admin, "GET", "/api/v1/units"), 200, "units")["items"]
        codes = [u["code"] for u in units if not u.get("parent_id")]
        overdue = must(api(node.base, authority, "GET", "/api/v1/equipment/upkeep/oversight"), 200, "oversight")
        listed = must(api(node.base, officer, "GET", "/api/v1/equipment"), 200, "unit list")
        log(f"{db}: oversight: {overdue['units_with_problems']} units with something overdue, "
            f"{len(overdue['units'])} on its first page; the unit has {listed['total']} items; "
            f"import over {len(codes)} units")
        wrk(node.base + "/healthz", live.WRK_GET_LUA, work)  # warm-up
        healthz = wrk(node.base + "/healthz", live.WRK_GET_LUA, work)
        runs = {"healthz": healthz}
        for key, path, token in (("oversight", "/equipment/oversight", authority),
                                 ("oversight API", "/api/v1/equipment/upkeep/oversight", authority),
                                 ("unit page", "/equipment", officer),
                                 ("unit API", "/api/v1/equipment", officer)):
            runs[key] = wrk(node.base + path, GET_LUA % token + live.WRK_GET_LUA, work)
        # The pages are kept (KeptPages) while nothing is written: this run asks a new address each time, so that
        # every request reads and renders the page (shown, no target).
        for key, path, token in (("oversight, never kept", "/equipment/oversight", authority),
                                 ("unit page, never kept", "/equipment", officer)):
            runs[key] = wrk(node.base + path, FRESH_LUA % (path, token) + live.WRK_GET_LUA, work)
        import_s, report = timed_import(node.base, admin, import_file(codes))
        log(f"{db}: import of {IMPORT_ROWS} items: {import_s:.1f} s, created {report.get('created')}, "
            f"problems {len(report.get('problems') or [])}")
        return {"runs": runs, "job_s": job_s, "import_s": import_s, "created": report.get("created"),
                "rss": node.rss_mb()}
    finally:
        node.stop()


def main() -> int:
    args, work, base_env = live.setup("equipment")
    name = f"antoan_bench_equipment_{os.getpid()}"
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", args.pg_admin_url, "-c", f'CREATE DATABASE "{name}"'],
                   check=True, capture_output=True)
    setups = [("sqlite", {"SQLITE_PATH": str(work / "sqlite" / "bench.sqlite")}),
              ("postgres", {"DATABASE_URL": args.pg_admin_url.rsplit("/", 1)[0] + "/" + name})]
    databases = os.environ.get("BENCH_DATABASES", "sqlite postgres").split()
    rows: list[tuple[str, dict]] = []
    for db, extra in setups:
        if db not in databases:
            continue
        db_work = work / db
        db_work.mkdir(parents=True, exist_ok=True)
        rows.append((db, measure(db, args.bin, dict(base_env, **extra), db_work)))
    results: list[tuple[str, str, bool]] = []
    log("")
    log(f"{'':<30}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'ratio':>8}{'non-2xx':>9}")
    for db, m in rows:
        for key, r in m["runs"].items():
            log(f"{db + ' ' + key:<30}{r['rps']:>9.0f}{r['p50']:>9.2f}{r['p99']:>9.2f}"
                f"{r['rps'] / m['runs']['healthz']['rps']:>8.3f}{r['errors']:>9}")
            if key != "healthz" and "never kept" not in key:
                results.append((f"{db}: {key} p99 < {MAX_P99_MS:.0f} ms", f"{r['p99']:.1f} ms, {r['errors']} non-2xx",
                                r["p99"] < MAX_P99_MS and r["errors"] == 0))
        results.append((f"{db}: nightly due-date job over {UNITS * PER_UNIT} items < {MAX_JOB_S:.0f} s",
                        f"{m['job_s']:.1f} s", m["job_s"] < MAX_JOB_S))
        results.append((f"{db}: import of {IMPORT_ROWS} items < {MAX_IMPORT_S:.0f} s",
                        f"{m['import_s']:.1f} s, created {m['created']}",
                        m["import_s"] < MAX_IMPORT_S and m["created"] == IMPORT_ROWS))
        log(f"{db}: server RSS after the run {m['rss']:.0f} MB")
    log("")
    for label, value, ok in results:
        log(f"{'PASS' if ok else 'FAIL'}  {label}: {value}")
    return 0 if all(ok for _, _, ok in results) else 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Live-update benchmark of AnToan (`make bench-live`; scripts/bench-py.sh prepares tools and databases).

  bench-live.py --bin BIN --pg-admin-url URL --work DIR

1. PostgreSQL: a small demo province; accounts of several units and communes (API, as quantri) with tokens;
   two `serve` nodes on the one database.
   - fan-out: SSE_CLIENTS clients of GET /events, spread over both nodes and the accounts; incidents posted on
     node A, one at a time; the time from each POST's response to each in-scope client's receipt (p50, p99),
     the receipts missing after a deadline, and the receipts out of scope (must be 0);
   - RSS: node A's resident memory with SSE_CLIENTS clients of its own connected;
   - webhooks: a local receiver subscribed to incident.reported, each delivery verified (Standard Webhooks
     signature); deliveries/s and the time from the POST's response to the delivery, p99;
   - report path: wrk POST /api/v1/incidents at 16 connections, and /healthz of the same run.
2. SQLite: one node, the report path as above.
Prints a table and PASS/FAIL per target; exit status 1 if one fails.
"""
from __future__ import annotations

import argparse
import asyncio
import base64
import hashlib
import hmac
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SSE_CLIENTS = int(os.environ.get("BENCH_SSE_CLIENTS", "500"))
INCIDENTS = int(os.environ.get("BENCH_INCIDENTS", "40"))
WEBHOOK_EVENTS = int(os.environ.get("BENCH_WEBHOOK_EVENTS", "200"))
SECONDS_PER_RUN = int(os.environ.get("BENCH_SECONDS", "8"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
UNITS_WITH_ACCOUNTS = 12
# Targets.
MAX_FANOUT_P99_S = 1.0
MAX_RSS_MB = 150


def log(message: str) -> None:
    print(message, flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


class Node:
    """One `antoan serve` process."""

    def __init__(self, name: str, binary: str, env: dict[str, str], work: Path):
        self.name, self.binary, self.env, self.work = name, binary, env, work
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def start(self) -> "Node":
        env = dict(self.env, LISTEN_HOST="127.0.0.1", PORT=str(self.port), BASE_URL=self.base,
                   LOG_LEVEL=os.environ.get("BENCH_LOG_LEVEL", "warning"))
        log_file = open(self.work / f"{self.name}.log", "ab")
        self.process = subprocess.Popen([self.binary, "serve", "--hostname", "127.0.0.1", "--port", str(self.port)],
                                        env=env, cwd=self.work, stdin=subprocess.DEVNULL, stdout=log_file,
                                        stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"{self.name} exited with {self.process.returncode}; see {self.work / (self.name + '.log')}")
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as r:
                    if r.status == 200:
                        return self
            except OSError:
                pass
            time.sleep(0.2)
        sys.exit(f"{self.name} did not answer /healthz within 120 s")

    def rss_mb(self) -> float:
        assert self.process
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def api(base: str, token: str, method: str, path: str, body: object | None = None) -> tuple[int, object]:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method, headers={
        "Authorization": f"Bearer {token}", "Content-Type": "application/json", "Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as r:
            raw = r.read()
            return r.status, json.loads(raw) if raw else None
    except urllib.error.HTTPError as e:
        raw = e.read()
        try:
            return e.code, json.loads(raw)
        except ValueError:
            return e.code, raw.decode(errors="replace")


def must(result: tuple[int, object], expected: int, what: str) -> object:
    status, body = result
    if status != expected:
        sys.exit(f"{what}: HTTP {status}, expected {expected}: {str(body)[:600]}")
    return body


def cli(binary: str, env: dict[str, str], work: Path, *args: str) -> str:
    done = subprocess.run([binary, *args], env=env, cwd=work, stdin=subprocess.DEVNULL, capture_output=True,
                          text=True, timeout=1800)
    if done.returncode != 0:
        sys.exit(f"antoan {' '.join(args)} failed ({done.returncode}):\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return done.stdout


def token_for(binary: str, env: dict[str, str], work: Path, username: str) -> str:
    return cli(binary, env, work, "token", "create", "--username", username, "--name", "bench-live").strip().splitlines()[-1]


# --- the province and its accounts -----------------------------------------------------------------------

class Account:
    def __init__(self, username: str, token: str, unit_id: str | None, area_path: str | None):
        self.username, self.token, self.unit_id, self.area_path = username, token, unit_id, area_path

    def sees(self, unit_id: str, area_path: str) -> bool:
        if self.unit_id is not None:
            return self.unit_id == unit_id
        return self.area_path is not None and area_path.startswith(self.area_path)


def seed(binary: str, env: dict[str, str], work: Path) -> str:
    cli(binary, env, work, "migrate", "--yes")
    cli(binary, env, work, "demo", "--communes", "4", "--units", "60", "--staff", "1200")
    return token_for(binary, env, work, "quantri")


def make_accounts(binary: str, env: dict[str, str], work: Path, base: str, admin: str) -> tuple[list[Account], list[dict]]:
    """Unit heads of UNITS_WITH_ACCOUNTS units (over several communes), an authority officer per commune of
    those units, and the province authority: tokens for each."""
    units: list[dict] = []
    page = 1
    while len(units) < 400:
        body = must(api(base, admin, "GET", f"/api/v1/units?page={page}"), 200, "GET /api/v1/units")
        units += body["items"]
        if not body["items"] or len(units) >= body["total"]:
            break
        page += 1
    by_area: dict[str, list[dict]] = {}
    for unit in units:
        by_area.setdefault(unit["area_path"], []).append(unit)
    chosen: list[dict] = []
    while len(chosen) < UNITS_WITH_ACCOUNTS and any(by_area.values()):
        for group in by_area.values():
            if group and len(chosen) < UNITS_WITH_ACCOUNTS:
                chosen.append(group.pop(0))
    password = "Bench-Live-2026!x"
    accounts: list[Account] = []
    for i, unit in enumerate(chosen):
        name = f"bench.dv{i}"
        must(api(base, admin, "POST", "/api/v1/users", {"username": name, "display_name": f"Thủ trưởng đo {i}",
             "role": "unit_head", "unit_id": unit["id"], "password": password}), 201, f"create {name}")
        accounts.append(Account(name, token_for(binary, env, work, name), unit["id"], None))
    for i, path in enumerate(sorted({u["area_path"] for u in chosen})):
        name = f"bench.cq{i}"
        must(api(base, admin, "POST", "/api/v1/users", {"username": name, "display_name": f"Cán bộ đo {i}",
             "role": "authority_officer", "area_path": path, "password": password}), 201, f"create {name}")
        accounts.append(Account(name, token_for(binary, env, work, name), None, path))
    province = "/" + chosen[0]["area_path"].split("/")[1] + "/"
    accounts.append(Account("congan.tinh", token_for(binary, env, work, "congan.tinh"), None, province))
    return accounts, chosen


def incident_body(unit_id: str, n: int) -> dict:
    return {"unit_id": unit_id, "kind": "theft", "severity": "low", "place": "Nhà xe phía sau",
            "description": f"Đo tải: mất trộm xe đạp số {n} ở nhà xe"}


# --- SSE clients ---------------------------------------------------------------------------------------

class Client:
    def __init__(self, node: Node, account: Account):
        self.node, self.account = node, account
        self.received: dict[str, float] = {}   # incident id -> monotonic receipt time
        self.connected = asyncio.Event()
        self.failed: str | None = None
        self.task: asyncio.Task | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def run(self) -> None:
        try:
            reader, self.writer = await asyncio.open_connection("127.0.0.1", self.node.port, limit=1 << 20)
            self.writer.write((f"GET /events HTTP/1.1\r\nHost: 127.0.0.1:{self.node.port}\r\n"
                               f"Authorization: Bearer {self.account.token}\r\nAccept: text/event-stream\r\n\r\n").encode())
            await self.writer.drain()
            status = await reader.readline()
            if b" 200 " not in status:
                self.failed = status.decode(errors="replace").strip()
                self.connected.set()
                return
            chunked = False
            while (line := await reader.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"transfer-encoding:") and b"chunked" in line.lower():
                    chunked = True
            self.connected.set()
            buffer = b""
            while True:
                if chunked:
                    size = int((await reader.readline()).split(b";")[0], 16)
                    if size == 0:
                        return
                    piece = await reader.readexactly(size + 2)
                    buffer += piece[:-2]
                else:
                    piece = await reader.read(65536)
                    if not piece:
                        return
                    buffer += piece
                now = time.monotonic()
                while b"\n\n" in buffer:
                    block, buffer = buffer.split(b"\n\n", 1)
                    # An event may arrive before its POST has answered: every incident reported is noted.
                    if b"event: incident.reported" in block:
                        for line in block.split(b"\n"):
                            if line.startswith(b"data:"):
                                incident = json.loads(line[5:])["id"].lower()
                                self.received.setdefault(incident, now)
        except (OSError, asyncio.IncompleteReadError, ValueError) as e:
            if not self.failed:
                self.failed = repr(e)
            self.connected.set()

    def close(self) -> None:
        if self.writer:
            self.writer.close()
        if self.task:
            self.task.cancel()


async def connect(clients: list[Client]) -> None:
    for client in clients:
        client.task = asyncio.create_task(client.run())
    await asyncio.wait_for(asyncio.gather(*(c.connected.wait() for c in clients)), 60)
    failed = [c for c in clients if c.failed]
    if failed:
        sys.exit(f"{len(failed)} SSE clients failed to connect, e.g. {failed[0].account.username}: {failed[0].failed}")


async def fan_out(node_a: Node, node_b: Node, accounts: list[Account], units: list[dict], admin: str) -> dict:
    clients = [Client((node_a, node_b)[i % 2], accounts[i % len(accounts)]) for i in range(SSE_CLIENTS)]
    await connect(clients)
    log(f"{len(clients)} SSE clients connected ({SSE_CLIENTS // 2} per node); RSS A {node_a.rss_mb():.0f} MB, "
        f"B {node_b.rss_mb():.0f} MB")
    posted: list[tuple[str, dict, float]] = []
    sent_at: dict[str, float] = {}
    loop = asyncio.get_running_loop()
    for n in range(INCIDENTS):
        unit = units[n % len(units)]
        sent = time.monotonic()
        status, body = await loop.run_in_executor(None, api, node_a.base, admin, "POST", "/api/v1/incidents",
                                                  incident_body(unit["id"], n))
        answered = time.monotonic()
        if status != 201:
            sys.exit(f"POST /api/v1/incidents: HTTP {status}: {str(body)[:600]}")
        posted.append((body["id"].lower(), unit, answered))
        sent_at[body["id"].lower()] = sent
        await asyncio.sleep(0.1)
    deadline = time.monotonic() + 10
    expected = sum(1 for c in clients for _, unit, _ in posted if c.account.sees(unit["id"], unit["area_path"]))
    while time.monotonic() < deadline:
        got = sum(1 for c in clients for i, unit, _ in posted
                  if i in c.received and c.account.sees(unit["id"], unit["area_path"]))
        if got >= expected:
            break
        await asyncio.sleep(0.1)
    latencies, from_sent, missing, out_of_scope = [], [], 0, 0
    for c in clients:
        for incident, unit, answered in posted:
            in_scope = c.account.sees(unit["id"], unit["area_path"])
            if incident in c.received:
                if in_scope:
                    # A client often hears of it before the POST's own response has been read: 0 then.
                    latencies.append(max(0.0, c.received[incident] - answered))
                    from_sent.append(c.received[incident] - sent_at[incident])
                else:
                    out_of_scope += 1
            elif in_scope:
                missing += 1
    for c in clients:
        c.close()
    return {"expected": expected, "latencies": latencies, "from_sent": from_sent, "missing": missing,
            "out_of_scope": out_of_scope}


async def rss_with_clients(node: Node, accounts: list[Account]) -> float:
    clients = [Client(node, accounts[i % len(accounts)]) for i in range(SSE_CLIENTS)]
    await connect(clients)
    await asyncio.sleep(1)
    rss = node.rss_mb()
    for c in clients:
        c.close()
    return rss


# --- webhooks --------------------------------------------------------------------------------------------

class Receiver:
    def __init__(self) -> None:
        self.secret = b""
        self.received: dict[str, float] = {}
        self.bad = 0
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", "0")))
                now = time.monotonic()
                wid, ts, sig = (self.headers.get(h, "") for h in ("webhook-id", "webhook-timestamp", "webhook-signature"))
                mac = base64.b64encode(hmac.new(receiver.secret, f"{wid}.{ts}.".encode() + body, hashlib.sha256).digest())
                ok = any(hmac.compare_digest(s.split(",", 1)[-1].encode(), mac) for s in sig.split())
                with receiver.lock:
                    if not ok:
                        receiver.bad += 1
                    for incident in re.findall(rb"[0-9A-Fa-f-]{36}", body):
                        receiver.received.setdefault(incident.decode().lower(), now)
                self.send_response(200 if ok else 401)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        class Server(ThreadingHTTPServer):
            request_queue_size = 256

        self.server = Server(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def webhooks(node: Node, admin: str, units: list[dict]) -> dict:
    receiver = Receiver()
    body = must(api(node.base, admin, "POST", "/api/v1/webhooks",
                    {"url": receiver.url, "event_types": ["incident.reported"], "description": "bench-live"}),
                201, "POST /api/v1/webhooks")
    receiver.secret = base64.b64decode(body["secret"].removeprefix("whsec_"))
    posted = []
    started = time.monotonic()
    for n in range(WEBHOOK_EVENTS):
        unit = units[n % len(units)]
        status, created = api(node.base, admin, "POST", "/api/v1/incidents", incident_body(unit["id"], n))
        if status != 201:
            sys.exit(f"POST /api/v1/incidents: HTTP {status}: {str(created)[:600]}")
        posted.append((created["id"].lower(), time.monotonic()))
    # A delivery that fails is tried again 30 s later (then 2 min): wait for that one retry.
    deadline = time.monotonic() + 75
    while time.monotonic() < deadline and any(i not in receiver.received for i, _ in posted):
        time.sleep(0.1)
    latencies = [receiver.received[i] - t for i, t in posted if i in receiver.received]
    missing = [i for i, _ in posted if i not in receiver.received]
    if missing:
        log(f"not delivered within 75 s: {missing[:5]}")
    last = max(receiver.received.values(), default=started)
    receiver.server.shutdown()
    return {"delivered": len(latencies), "posted": len(posted), "bad": receiver.bad,
            "per_second": len(latencies) / max(1e-9, last - started), "latencies": latencies}


# --- the report path (wrk) -----------------------------------------------------------------------------------

WRK_LUA = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer %s"
wrk.body = [[%s]]
done = function(summary, latency, requests)
  io.write(string.format("RESULT %%.1f %%.2f %%.2f %%d %%d\\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status, summary.requests))
end
"""

WRK_GET_LUA = """
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status, summary.requests))
end
"""


def wrk(url: str, script: str, work: Path) -> dict:
    path = work / f"wrk-{abs(hash(script))}.lua"
    path.write_text(script)
    # wrk leaves a request slower than its timeout out of the latencies: 30 s, so a slow one is measured.
    out = subprocess.run(["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{SECONDS_PER_RUN}s", "--timeout", "30s", "-s", str(path), url],
                         capture_output=True, text=True, timeout=SECONDS_PER_RUN + 60).stdout
    match = re.search(r"^RESULT (\S+) (\S+) (\S+) (\d+) (\d+)$", out, re.M)
    if not match:
        sys.exit(f"wrk printed no result:\n{out}")
    rps, p50, p99, errors, total = match.groups()
    return {"rps": float(rps), "p50": float(p50), "p99": float(p99), "errors": int(errors), "total": int(total)}


def report_path(node: Node, token: str, unit: dict, work: Path) -> tuple[dict, dict]:
    body = json.dumps(incident_body(unit["id"], 0), ensure_ascii=False)
    wrk(node.base + "/healthz", WRK_GET_LUA, work)  # warm-up
    healthz = wrk(node.base + "/healthz", WRK_GET_LUA, work)
    created = wrk(node.base + "/api/v1/incidents", WRK_LUA % (token, body), work)
    return healthz, created


# --- main ------------------------------------------------------------------------------------------------------

def setup(name: str) -> tuple[argparse.Namespace, Path, dict[str, str]]:
    """The arguments every benchmark takes (--bin, --pg-admin-url, --work), its work directory, and the environment
    of its nodes: this one's without the app's settings, with a fresh secret."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--pg-admin-url", required=True)
    parser.add_argument("--work", required=True)
    args = parser.parse_args()
    base_env = {k: v for k, v in os.environ.items()
                if k not in ("DATABASE_URL", "SQLITE_PATH", "SECRET", "DEFAULT_LANGUAGE", "PORT", "BASE_URL")}
    base_env["SECRET"] = f"bench-{name}-" + base64.urlsafe_b64encode(os.urandom(24)).decode()
    return args, Path(args.work), base_env


def main() -> int:
    args, work, base_env = setup("live")
    results: list[tuple[str, str, bool]] = []
    nodes: list[Node] = []
    try:
        # PostgreSQL: two nodes.
        name = f"antoan_bench_live_{os.getpid()}"
        subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", args.pg_admin_url, "-c", f'CREATE DATABASE "{name}"'],
                       check=True, capture_output=True)
        pg_env = dict(base_env, DATABASE_URL=args.pg_admin_url.rsplit("/", 1)[0] + "/" + name)
        pg_work = work / "postgres"
        pg_work.mkdir(parents=True, exist_ok=True)
        log("==> PostgreSQL: seed a demo province, start two nodes")
        admin = seed(args.bin, pg_env, pg_work)
        node_a = Node("node-a", args.bin, pg_env, pg_work).start()
        node_b = Node("node-b", args.bin, pg_env, pg_work).start()
        nodes += [node_a, node_b]
        accounts, units = make_accounts(args.bin, pg_env, pg_work, node_a.base, admin)
        log(f"{len(accounts)} accounts over {len(units)} units and {len({u['area_path'] for u in units})} communes")

        log(f"==> fan-out: {SSE_CLIENTS} SSE clients over both nodes, {INCIDENTS} incidents posted on node A")
        fan = asyncio.run(fan_out(node_a, node_b, accounts, units, admin))
        p50, p99 = percentile(fan["latencies"], 50), percentile(fan["latencies"], 99)
        log(f"receipts: {len(fan['latencies'])} of {fan['expected']} in scope, {fan['missing']} missing, "
            f"{fan['out_of_scope']} out of scope; POST response -> receipt p50 {p50 * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms; "
            f"POST sent -> receipt p50 {percentile(fan['from_sent'], 50) * 1000:.0f} ms, "
            f"p99 {percentile(fan['from_sent'], 99) * 1000:.0f} ms")
        results.append(("fan-out p99 < 1 s, none missing", f"{p99 * 1000:.0f} ms, {fan['missing']} missing",
                        p99 < MAX_FANOUT_P99_S and fan["missing"] == 0))
        results.append(("receipts out of scope = 0", str(fan["out_of_scope"]), fan["out_of_scope"] == 0))

        log(f"==> RSS: {SSE_CLIENTS} SSE clients on node A alone")
        rss = asyncio.run(rss_with_clients(node_a, accounts))
        log(f"node A RSS with {SSE_CLIENTS} clients: {rss:.0f} MB")
        results.append((f"RSS with {SSE_CLIENTS} SSE clients < {MAX_RSS_MB} MB", f"{rss:.0f} MB", rss < MAX_RSS_MB))

        log(f"==> webhooks: {WEBHOOK_EVENTS} incidents, one local receiver")
        hooks = webhooks(node_a, admin, units)
        hp99 = percentile(hooks["latencies"], 99)
        log(f"delivered {hooks['delivered']} of {hooks['posted']} ({hooks['bad']} with a bad signature), "
            f"{hooks['per_second']:.1f} deliveries/s; POST response -> delivery p50 "
            f"{percentile(hooks['latencies'], 50) * 1000:.0f} ms, p99 {hp99 * 1000:.0f} ms, "
            f"max {max(hooks['latencies'], default=float('nan')) * 1000:.0f} ms")
        results.append(("webhooks: all delivered, signatures valid",
                        f"{hooks['delivered']}/{hooks['posted']}, {hooks['bad']} bad",
                        hooks["delivered"] == hooks["posted"] and hooks["bad"] == 0))
        node_b.stop()

        rows = []
        log(f"==> report path on PostgreSQL: wrk -c{CONNECTIONS} -d{SECONDS_PER_RUN}s")
        rows.append(("postgres", *report_path(node_a, admin, units[0], pg_work)))
        node_a.stop()

        log("==> SQLite: seed, one node, the report path")
        sq_work = work / "sqlite"
        sq_work.mkdir(parents=True, exist_ok=True)
        sq_env = dict(base_env, SQLITE_PATH=str(sq_work / "bench.sqlite"))
        sq_admin = seed(args.bin, sq_env, sq_work)
        node_s = Node("node-sqlite", args.bin, sq_env, sq_work).start()
        nodes.append(node_s)
        sq_unit = must(api(node_s.base, sq_admin, "GET", "/api/v1/units?page=1"), 200, "GET /api/v1/units")["items"][0]
        rows.append(("sqlite", *report_path(node_s, sq_admin, sq_unit, sq_work)))
        node_s.stop()

        log("")
        log(f"{'report path':<28}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'ratio':>8}{'non-2xx':>9}")
        for db, healthz, created in rows:
            for label, r in ((f"{db} /healthz", healthz), (f"{db} POST incident", created)):
                log(f"{label:<28}{r['rps']:>9.0f}{r['p50']:>9.2f}{r['p99']:>9.2f}"
                    f"{r['rps'] / healthz['rps']:>8.3f}{r['errors']:>9}")
            results.append((f"{db}: POST incident without errors", f"{created['errors']} non-2xx",
                            created["errors"] == 0))
    finally:
        for node in nodes:
            node.stop()
    log("")
    for label, value, ok in results:
        log(f"{'PASS' if ok else 'FAIL'}  {label}: {value}")
    return 0 if all(ok for _, _, ok in results) else 1


if __name__ == "__main__":
    sys.exit(main())

"""System tests of signed webhooks (issue 12, ACC-5) on the real binary and PostgreSQL: a
local receiver verifies every delivery with the `standardwebhooks` package, and a node
killed with SIGKILL while delivering loses nothing once a node runs again on the same
database (receivers de-duplicate by webhook-id)."""

from __future__ import annotations

import json
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import requests
from standardwebhooks.webhooks import Webhook

from conftest import free_port, strong_password

INCIDENTS = 12


class Receiver:
    """An HTTP receiver in a thread: checks each POST's Standard Webhooks signature with the
    subscription's secret and records the webhook-id of each one that verifies."""

    def __init__(self, delay: float = 0.0):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/hook"
        self.secret: str | None = None
        self.delay = delay
        self.ids: list[str] = []
        self.bodies: list[dict] = []
        self.bad: list[str] = []
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                time.sleep(receiver.delay)
                try:
                    payload = Webhook(receiver.secret).verify(body, dict(self.headers.items()))
                except Exception as error:  # a bad signature or an old timestamp
                    with receiver.lock:
                        receiver.bad.append(repr(error))
                    self.send_response(400)
                    self.end_headers()
                    return
                with receiver.lock:
                    receiver.ids.append(self.headers["webhook-id"])
                    receiver.bodies.append(payload)
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "Receiver":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def distinct(self) -> set[str]:
        with self.lock:
            return set(self.ids)

    def wait_for(self, count: int, timeout: float) -> set[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.distinct()) >= count:
                return self.distinct()
            time.sleep(0.2)
        return self.distinct()


def _prepare(cli, db_url: str) -> tuple[dict[str, str], str]:
    """The demo province on a fresh database, an administrator and its API token."""
    env = {"DATABASE_URL": db_url}
    cli("demo", env=env)
    cli("user", "create-admin", "--username", "webhook_admin", env={**env, "ANTOAN_PASSWORD": strong_password()})
    token = cli("token", "create", "--username", "webhook_admin", "--name", "e2e", env=env)
    return env, token.stdout.strip().splitlines()[-1]


def _subscribe(base: str, token: str, receiver: Receiver) -> None:
    r = requests.post(
        base + "/api/v1/webhooks",
        headers={"Authorization": f"Bearer {token}"},
        json={"url": receiver.url, "description": "Cổng SMS thử", "event_types": ["incident.reported"]},
        timeout=10,
    )
    assert r.status_code == 201, f"subscribe -> {r.status_code}: {r.text[:500]}"
    receiver.secret = r.json()["secret"]
    assert receiver.secret.startswith("whsec_")


def _report_incidents(base: str, token: str, count: int) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    units = requests.get(base + "/api/v1/units", headers=headers, timeout=10)
    assert units.status_code == 200, units.text[:500]
    unit_id = units.json()["items"][0]["id"]
    for index in range(count):
        r = requests.post(
            base + "/api/v1/incidents",
            headers=headers,
            json={"unit_id": unit_id, "kind": "theft", "severity": "medium", "place": "Cổng chính",
                  "description": f"Mất xe máy số {index}"},
            timeout=10,
        )
        assert r.status_code == 201, f"incident {index} -> {r.status_code}: {r.text[:500]}"


def _psql(db_url: str, sql: str) -> str:
    done = subprocess.run(["psql", "-X", "-q", "-t", "-A", db_url, "-c", sql],
                          check=True, capture_output=True, text=True, timeout=60)
    return done.stdout.strip()


def test_deliveries_verify_with_standardwebhooks(cli, start_server, pg_database):
    """Each reported incident reaches the receiver once, signed so that the standardwebhooks
    package accepts it, with the event's type and data in the body."""
    db_url = pg_database()
    env, token = _prepare(cli, db_url)
    with Receiver() as receiver:
        node = start_server("webhooks", **env)
        _subscribe(node.base, token, receiver)
        _report_incidents(node.base, token, 3)
        got = receiver.wait_for(3, timeout=60)
        assert len(got) == 3, f"received {len(got)} of 3; refused: {receiver.bad}"
        assert receiver.bad == []
        assert {body["type"] for body in receiver.bodies} == {"incident.reported"}
        assert all("data" in body and body["id"] in got for body in receiver.bodies)


def test_node_killed_while_delivering_loses_nothing(cli, start_server, pg_database):
    """SIGKILL a node in the middle of its deliveries, start another on the same database:
    every event arrives at least once (counted by distinct webhook-id) and every job ends."""
    db_url = pg_database()
    env, token = _prepare(cli, db_url)
    with Receiver(delay=0.4) as receiver:
        first = start_server("webhooks-killed", **env)
        _subscribe(first.base, token, receiver)
        _report_incidents(first.base, token, INCIDENTS)
        assert len(receiver.wait_for(2, timeout=60)) >= 2, "no delivery began"
        first.proc.kill()  # SIGKILL: no shutdown, jobs left running with their leases
        first.proc.wait(timeout=10)
        before = len(receiver.distinct())
        assert before < INCIDENTS, "every delivery ended before the kill; the test proves nothing"

        start_server("webhooks-restarted", **env)
        # Jobs the dead node held run again once their 30-second leases run out.
        got = receiver.wait_for(INCIDENTS, timeout=150)
        assert len(got) == INCIDENTS, f"{len(got)} of {INCIDENTS} events delivered after the restart"
        assert receiver.bad == []

        # The dead node's jobs may have reached the receiver before it died: they still end only when their
        # leases run out and they are delivered again (a duplicate webhook-id, which receivers drop).
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            unfinished = _psql(db_url, "SELECT count(*) FROM jobs WHERE state IN ('queued', 'running') "
                                       "AND kind = 'webhook.deliver'")
            if unfinished == "0":
                break
            time.sleep(0.5)
        assert unfinished == "0", f"{unfinished} delivery jobs never finished"
        states = _psql(db_url, "SELECT state || '=' || count(*) FROM webhook_deliveries GROUP BY state")
        assert states == f"delivered={INCIDENTS}", states
        print(json.dumps({"delivered_before_kill": before, "received_total": len(receiver.ids),
                          "distinct": len(got)}))

"""System tests of the real binary: two nodes on one PostgreSQL database, the audit
trail's tamper detection, backup/restore of SQLite, metrics and readiness, the API token."""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from urllib.parse import urlsplit

import requests

from conftest import login, logout, new_session, setup_admin, strong_password


def _assert_sent_to_login(r: requests.Response, what: str) -> None:
    assert r.status_code in (302, 303, 307), f"{what}: expected a redirect to /login, got {r.status_code}"
    assert urlsplit(r.headers.get("Location", "")).path == "/login", \
        f"{what}: redirected to {r.headers.get('Location')!r}"


def _usernames(db) -> set[str]:
    with closing(sqlite3.connect(db)) as conn:
        return {row[0] for row in conn.execute("SELECT username FROM users")}


# ----------------------------------------------------------------- (a) two nodes, one DB


def test_two_nodes_share_sessions_on_postgres(start_server, pg_database):
    """A session made on node A is valid on node B (state lives in the database, the
    secret too); logging out on B ends it on A."""
    db_url = pg_database()
    node_a = start_server("node-a", DATABASE_URL=db_url)
    user, password = "admin_pg", strong_password()
    # Setup first, then node B: a node that boots while setup is pending may print (and
    # store) a link of its own, which is not what this test is about.
    setup_admin(node_a.base, node_a.setup_link(), user, password)
    node_b = start_server("node-b", DATABASE_URL=db_url)
    for node in (node_a, node_b):
        assert requests.get(node.base + "/readyz", timeout=10).status_code == 200

    browser_a = new_session()
    login(browser_a, node_a.base, user, password)
    session_cookie = browser_a.cookies.get("antoan_session")

    # Same browser (cookies are per host, not per port), the other node.
    browser_b = new_session()
    browser_b.cookies.update(browser_a.cookies)
    home_b = browser_b.get(node_b.base + "/", allow_redirects=False, timeout=10)
    assert home_b.status_code == 200, f"node B did not accept node A's session: {home_b.status_code}"
    assert user in home_b.text

    logout(browser_b, node_b.base)
    after = requests.get(node_a.base + "/", cookies={"antoan_session": session_cookie},
                         allow_redirects=False, timeout=10)
    _assert_sent_to_login(after, "node A after logout on node B")


# ----------------------------------------------------------------- (b) audit tamper


def test_audit_verify_detects_an_edited_row(cli, sqlite_path):
    env = {"SQLITE_PATH": str(sqlite_path)}
    cli("migrate", "--yes", env=env)
    cli("user", "create-admin", "--username", "kiem_toan",
        env={**env, "ANTOAN_PASSWORD": strong_password()})
    for label in ("ci-1", "ci-2"):
        cli("token", "create", "--username", "kiem_toan", "--name", label, env=env)

    ok = cli("audit", "verify", env=env)
    m = re.search(r"Audit trail OK: (\d+) entries", ok.stdout)
    assert m, f"unexpected output: {ok.stdout!r}"
    assert int(m.group(1)) >= 3, f"expected ≥ 3 audit entries after 3 changes: {ok.stdout!r}"

    # Tamper with a middle row, as someone with write access to the file could.
    with closing(sqlite3.connect(sqlite_path)) as conn, conn:
        changed = conn.execute(
            """UPDATE audit_entries SET changes = '{"role":"admin","tampered":true}' WHERE seq = 2"""
        ).rowcount
    assert changed == 1, "no audit_entries row with seq = 2"

    broken = cli("audit", "verify", env=env, check=False)
    output = broken.stdout + broken.stderr
    assert broken.returncode == 1, f"verify exited {broken.returncode} on a tampered trail:\n{output}"
    assert re.search(r"Audit trail broken at entry #2\b", output), output


# ----------------------------------------------------------------- (c) backup / restore


def test_backup_while_running_then_restore(cli, start_server, sqlite_path, tmp_path):
    env = {"SQLITE_PATH": str(sqlite_path)}
    password = strong_password()
    cli("migrate", "--yes", env=env)
    cli("user", "create-admin", "--username", "chu_so_huu", env={**env, "ANTOAN_PASSWORD": password})

    server = start_server("backup", **env)
    browser = new_session()
    login(browser, server.base, "chu_so_huu", password)  # the server writes while we back up
    backup = tmp_path / "B.sqlite"
    cli("backup", str(backup), env=env)
    assert backup.is_file() and backup.stat().st_size > 0
    server.stop()

    cli("user", "create-admin", "--username", "ke_la", env={**env, "ANTOAN_PASSWORD": strong_password()})
    assert "ke_la" in _usernames(sqlite_path)

    cli("restore", str(backup), env=env)
    assert _usernames(sqlite_path) == {"chu_so_huu"}

    # The restored database serves: the original owner logs in again.
    server = start_server("restored", **env)
    login(new_session(), server.base, "chu_so_huu", password)


# ----------------------------------------------------------------- (d) metrics, readiness, API


def test_metrics_readyz_and_bearer_token(cli, start_server, sqlite_path):
    env = {"SQLITE_PATH": str(sqlite_path)}
    server = start_server("metrics", **env)  # serve migrates by itself
    for _ in range(3):
        assert requests.get(server.base + "/healthz", timeout=10).text.strip() == "ok"
    assert requests.get(server.base + "/login", timeout=10).status_code == 200
    assert requests.get(server.base + "/khong-co-trang-nay", timeout=10).status_code == 404

    assert requests.get(server.base + "/readyz", timeout=10).status_code == 200
    metrics = requests.get(server.base + "/metrics", timeout=10)
    assert metrics.status_code == 200
    assert "http_requests_total" in metrics.text

    # The CLI works on the database the running server uses; its token opens the API.
    cli("user", "create-admin", "--username", "may_chu", env={**env, "ANTOAN_PASSWORD": strong_password()})
    token = cli("token", "create", "--username", "may_chu", "--name", "e2e", env=env).stdout.strip().splitlines()[-1]
    me = requests.get(server.base + "/api/v1/me", headers={"Authorization": f"Bearer {token}"}, timeout=10)
    assert me.status_code == 200, f"/api/v1/me -> {me.status_code}: {me.text[:500]}"
    assert me.json()["username"] == "may_chu"
    anonymous = requests.get(server.base + "/api/v1/me", timeout=10)
    assert anonymous.status_code == 401

"""Fixtures and helpers for AnToan's end-to-end tests.

They run the real release binary (ANTOAN_BIN, default .build/release/antoan) as a
subprocess: `antoan serve` on a fresh SQLite file or a fresh PostgreSQL database, on a
free loopback port, and the CLI commands against the same database.

Environment: ANTOAN_BIN, ARTIFACTS (screenshots in $ARTIFACTS/screenshots),
TEST_DATABASE_URL (PostgreSQL lane), CHROMIUM_PATH, CI (=true: a missing PostgreSQL
lane fails instead of skipping).
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import socket
import subprocess
import threading
import time
from html.parser import HTMLParser
from http.cookiejar import DefaultCookiePolicy
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent
ANTOAN_BIN = Path(os.environ.get("ANTOAN_BIN", ROOT / ".build" / "release" / "antoan")).resolve()
ARTIFACTS = Path(os.environ.get("ARTIFACTS", ROOT / "artifacts")).resolve()
SCREENSHOTS = ARTIFACTS / "screenshots"
SERVER_LOGS = ARTIFACTS / "server-logs"
CI = os.environ.get("CI", "").lower() == "true"

# The one-time setup link printed by `serve` on a database with no user.
SETUP_LINK_RE = re.compile(r"(https?://[^\s\"'<>]+?/setup/([A-Za-z0-9_-]{32,}))")

# Variables of the app that must not leak from the caller's environment into a test.
APP_VARS = (
    "DATABASE_URL", "SQLITE_PATH", "LISTEN_HOST", "PORT", "BASE_URL", "SECRET",
    "LOG_LEVEL", "DEFAULT_LANGUAGE", "ANTOAN_PASSWORD",
)

START_TIMEOUT = 60  # seconds for `serve` to answer /healthz (migrations included)
CLI_TIMEOUT = 120  # seconds for one CLI command


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def app_env(**overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in APP_VARS}
    env.update({k: str(v) for k, v in overrides.items()})
    return env


# --------------------------------------------------------------------------- server


class Server:
    """One `antoan serve` process. Its output is read by a thread (never blocking the
    test) into `lines` and a log file under artifacts/server-logs/."""

    def __init__(self, name: str, env: dict[str, str], cwd: Path):
        self.name = name
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = app_env(**env, LISTEN_HOST="127.0.0.1", PORT=str(self.port), BASE_URL=self.base)
        self.cwd = cwd
        self.lines: list[str] = []
        self._link: str | None = None
        self._link_seen = threading.Event()
        self.proc: subprocess.Popen[str] | None = None
        self._reader: threading.Thread | None = None

    def start(self) -> "Server":
        SERVER_LOGS.mkdir(parents=True, exist_ok=True)
        cmd = [str(ANTOAN_BIN), "serve", "--hostname", "127.0.0.1", "--port", str(self.port)]
        # stdbuf: Swift's print() is block-buffered on a pipe; ask for line buffering so
        # the setup link arrives while the server runs, not when it exits.
        if shutil.which("stdbuf"):
            cmd = ["stdbuf", "-oL", "-eL", *cmd]
        self.proc = subprocess.Popen(
            cmd, cwd=self.cwd, env=self.env, stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1,
            encoding="utf-8", errors="replace",
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.wait_healthy()
        return self

    def _read(self) -> None:
        assert self.proc and self.proc.stdout
        with open(SERVER_LOGS / f"{self.name}-{self.port}.log", "w", encoding="utf-8") as log:
            for line in self.proc.stdout:
                self.lines.append(line)
                log.write(line)
                log.flush()
                m = SETUP_LINK_RE.search(line)
                if m and self._link is None:
                    # Re-root the token on our own base, whatever BASE_URL printed.
                    self._link = f"{self.base}/setup/{m.group(2)}"
                    self._link_seen.set()

    def output(self) -> str:
        return "".join(self.lines)

    def _fail(self, why: str) -> None:
        pytest.fail(f"{why}\n--- output of {self.name} (last 60 lines) ---\n"
                    + "".join(self.lines[-60:]), pytrace=False)

    def wait_healthy(self, timeout: float = START_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self._reader.join(timeout=5)
                self._fail(f"`antoan serve` exited with {self.proc.returncode} before /healthz answered")
            try:
                r = requests.get(self.base + "/healthz", timeout=2)
                if r.status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        self._fail(f"/healthz did not answer 200 within {timeout}s")

    def setup_link(self, timeout: float = 15) -> str:
        if not self._link_seen.wait(timeout):
            self._fail(f"no setup link (…/setup/<token>) printed within {timeout}s")
        return self._link

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        if self._reader:
            self._reader.join(timeout=5)


@pytest.fixture(scope="session")
def antoan_bin() -> Path:
    if not os.access(ANTOAN_BIN, os.X_OK):
        pytest.fail(f"{ANTOAN_BIN} not found: run `swift build -c release --product antoan` "
                    "(scripts/test.sh does)", pytrace=False)
    return ANTOAN_BIN


@pytest.fixture
def start_server(antoan_bin, tmp_path):
    """Factory: start_server(name, **env) -> started Server. All are stopped at teardown."""
    started: list[Server] = []

    def start(name: str = "node", **env: str) -> Server:
        server = Server(name, env, cwd=tmp_path)
        started.append(server)
        return server.start()

    yield start
    for server in reversed(started):
        server.stop()


@pytest.fixture
def sqlite_path(tmp_path) -> Path:
    return tmp_path / "antoan.sqlite"


@pytest.fixture
def sqlite_server(start_server, sqlite_path) -> Server:
    """A server on a fresh SQLite file (no user yet: it prints the setup link)."""
    return start_server("sqlite", SQLITE_PATH=str(sqlite_path))


# --------------------------------------------------------------------------- CLI


@pytest.fixture
def cli(antoan_bin, tmp_path):
    """cli(*args, env={...}, input=None, check=True) -> CompletedProcess (text, output merged
    into .stdout for matching, stderr kept apart in .stderr)."""

    def run(*args: str, env: dict[str, str] | None = None, input: str | None = None,
            check: bool = True) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run(
            [str(antoan_bin), *args], cwd=tmp_path, env=app_env(**(env or {})),
            input=input, stdin=None if input is not None else subprocess.DEVNULL,
            capture_output=True, text=True, timeout=CLI_TIMEOUT,
        )
        if check and proc.returncode != 0:
            pytest.fail(f"`antoan {' '.join(args)}` exited {proc.returncode}\n"
                        f"stdout:\n{proc.stdout}\nstderr:\n{proc.stderr}", pytrace=False)
        return proc

    return run


# --------------------------------------------------------------------------- PostgreSQL


def _pg_url_with_db(url: str, db: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + db, parts.query, parts.fragment))


def _psql(url: str, sql: str) -> None:
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", url, "-c", sql],
                   check=True, capture_output=True, text=True, timeout=60)


@pytest.fixture
def pg_database():
    """Factory: pg_database() -> URL of a new, empty database on the TEST_DATABASE_URL
    server; each is dropped (WITH FORCE: servers may still hold connections) afterwards."""
    admin_url = os.environ.get("TEST_DATABASE_URL")
    if not admin_url:
        if CI:
            pytest.fail("TEST_DATABASE_URL is not set and CI=true: the PostgreSQL lane is mandatory",
                        pytrace=False)
        pytest.skip("TEST_DATABASE_URL not set (scripts/test.sh starts a PostgreSQL lane)")
    if not shutil.which("psql"):
        pytest.fail("psql not found (apt-get install postgresql-client)", pytrace=False)
    created: list[str] = []

    def create() -> str:
        name = "antoan_e2e_" + secrets.token_hex(6)
        _psql(admin_url, f'CREATE DATABASE "{name}"')
        created.append(name)
        return _pg_url_with_db(admin_url, name)

    yield create
    for name in created:
        try:
            _psql(admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        except subprocess.CalledProcessError as e:  # never mask the test's own result
            print(f"warning: could not drop {name}: {e.stderr}")


# --------------------------------------------------------------------------- HTTP helpers


class _FormInputs(HTMLParser):
    """Collects <input> attributes, each with the action of its enclosing <form>."""

    def __init__(self):
        super().__init__()
        self.inputs: list[dict[str, str]] = []
        self._action: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "form":
            self._action = dict(attrs).get("action") or ""
        elif tag == "input":
            self.inputs.append({**{k: v or "" for k, v in attrs}, "__form_action": self._action})

    def handle_endtag(self, tag):
        if tag == "form":
            self._action = None


def form_action(page_url: str, html: str, field: str) -> str:
    """Absolute URL the form holding input `field` posts to (its action, else the page)."""
    parser = _FormInputs()
    parser.feed(html)
    for attrs in parser.inputs:
        if attrs.get("name") == field:
            return urljoin(page_url, attrs["__form_action"] or page_url)
    raise AssertionError(f"no input named {field!r} on {page_url}:\n" + html[:2000])


def hidden_csrf(html: str) -> str:
    """Value of the first `_csrf` hidden input of a page."""
    parser = _FormInputs()
    parser.feed(html)
    for attrs in parser.inputs:
        if attrs.get("name") == "_csrf":
            return attrs.get("value", "")
    raise AssertionError("no _csrf input on the page:\n" + html[:2000])


class _LoopbackCookiePolicy(DefaultCookiePolicy):
    """Browsers treat http://127.0.0.1 as a secure context and send `Secure` cookies to it;
    Python's cookiejar would not. Behave like the browser."""

    def return_ok_secure(self, cookie, request):
        return True


def new_session() -> requests.Session:
    s = requests.Session()
    s.cookies.set_policy(_LoopbackCookiePolicy())
    return s


def _assert_redirect(r: requests.Response, path: str, what: str) -> None:
    assert r.status_code in (302, 303), f"{what}: expected a redirect to {path}, got {r.status_code}:\n{r.text[:1500]}"
    location = urlsplit(r.headers.get("Location", "")).path or "/"
    assert location == path, f"{what}: redirected to {r.headers.get('Location')!r}, expected {path}"


def setup_admin(base: str, link: str, username: str, password: str) -> requests.Response:
    """Set the first admin through the one-time link ("Lưu và đăng nhập"); expects 303 to / (signed in)."""
    s = new_session()
    page = s.get(link, timeout=10)
    assert page.status_code == 200, f"GET {link} -> {page.status_code}"
    r = s.post(form_action(link, page.text, "password_confirm"), data={
        "username": username, "password": password, "password_confirm": password,
        "_csrf": hidden_csrf(page.text),
    }, allow_redirects=False, timeout=30)
    _assert_redirect(r, "/", "setup")
    assert "antoan_session" in s.cookies, "setup did not sign the administrator in"
    return r


def login(session: requests.Session, base: str, username: str, password: str) -> requests.Response:
    """Log in with the form (the `_csrf` field plus the `antoan_csrf` cookie that the login
    page sets); expects 303 to / and an `antoan_session` cookie."""
    page = session.get(base + "/login", timeout=10)
    assert page.status_code == 200, f"GET /login -> {page.status_code}"
    assert "antoan_csrf" in session.cookies, "the login page did not set the antoan_csrf cookie"
    r = session.post(base + "/login", data={
        "username": username, "password": password, "_csrf": hidden_csrf(page.text),
    }, allow_redirects=False, timeout=30)
    _assert_redirect(r, "/", "login")
    assert "antoan_session" in session.cookies, "login did not set the antoan_session cookie"
    return r


def logout(session: requests.Session, base: str) -> requests.Response:
    """Log out with the header's form (its `_csrf` comes from the home page)."""
    home = session.get(base + "/", allow_redirects=False, timeout=10)
    assert home.status_code == 200, f"GET / before logout -> {home.status_code}"
    r = session.post(base + "/logout", data={"_csrf": hidden_csrf(home.text)},
                     allow_redirects=False, timeout=10)
    assert r.status_code in (302, 303), f"logout -> {r.status_code}:\n{r.text[:1500]}"
    return r


def strong_password() -> str:
    return "Mk-" + secrets.token_urlsafe(15)  # ≥ 12 chars

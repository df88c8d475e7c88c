"""Notifications on a phone, live: the unit head has the inbox open; the unit's security officer reports an
incident; without reloading, the head's page shows the new notification and the count in the navigation; the
head acknowledges it from the inbox. Screenshots: $ARTIFACTS/screenshots/12a-*.png."""

from __future__ import annotations

import requests

from test_browser import PHONE, assert_fits_phone, browser, shot  # noqa: F401  (browser is a fixture)
from test_organisation_browser import demo_server, sign_in  # noqa: F401  (demo_server is a fixture)


def api(base: str, token: str, method: str, path: str, body: dict | None = None) -> dict | list:
    r = requests.request(method, base + path, json=body, headers={"Authorization": f"Bearer {token}"}, timeout=30)
    assert r.status_code in (200, 201), f"{method} {path}: {r.status_code} {r.text[:400]}"
    return r.json()


def test_the_open_inbox_hears_an_incident_and_the_head_acknowledges_it(browser, demo_server, cli, sqlite_path):  # noqa: F811
    server, password = demo_server
    base = server.base
    reporter = cli("token", "create", "--username", "antt", "--name", "e2e-events",
                   env={"SQLITE_PATH": str(sqlite_path)}).stdout.strip().splitlines()[-1]
    unit_id = api(base, reporter, "GET", "/api/v1/me")["unit_id"]

    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(20_000)
    sign_in(page, base, "thutruong", password)
    page.goto(base + "/notifications")
    assert page.locator("h1").inner_text() == "Thông báo"
    assert page.locator("#unread-count").inner_text() == "0"
    assert "Chưa có thông báo nào." in page.locator("main").inner_text()
    assert_fits_phone(page)
    shot(page, "12a-1-inbox-empty")
    # The page's script is listening once its stream is open; a marker shows the page is never reloaded.
    page.wait_for_selector("[data-live-open]")
    page.evaluate("window.stillTheSamePage = true")

    # when: the security officer reports a theft at the unit
    incident = api(base, reporter, "POST", "/api/v1/incidents", {
        "unit_id": unit_id, "kind": "theft", "severity": "high", "place": "Kho vật tư",
        "description": "Mất trộm dây cáp điện ở kho phía sau.",
    })

    # then: the head's open page shows it, and the count, without a reload
    # (The page's CSP forbids eval, so no wait_for_function: selectors only.)
    page.wait_for_selector("#unread-count.unread:not(.none)")
    page.wait_for_selector("#inbox .unread-notice")
    assert page.locator("#unread-count").inner_text() == "1"
    assert page.evaluate("window.stillTheSamePage") is True, "the page was reloaded"
    notice = page.locator("#inbox .unread-notice").first
    assert "Cần xác nhận" in notice.inner_text()
    assert_fits_phone(page)
    shot(page, "12a-2-inbox-live")

    # when: the head acknowledges it from the inbox
    with page.expect_navigation():
        notice.locator("button", has_text="Xác nhận đã nhận").click()

    # then
    assert "Đã xác nhận đã nhận." in page.locator(".flash").inner_text()
    assert "Đã xác nhận" in page.locator("#inbox li").first.inner_text()
    assert page.locator("#inbox button", has_text="Xác nhận đã nhận").count() == 0
    assert page.locator("#unread-count").inner_text() == "0"
    assert_fits_phone(page)
    shot(page, "12a-3-inbox-acknowledged")
    # and the incident itself is acknowledged, on its timeline (not only the notification)
    assert api(base, reporter, "GET", f"/api/v1/incidents/{incident['id']}")["acknowledged_at"]
    context.close()

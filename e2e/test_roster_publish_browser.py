"""Publishing a short-staffed roster on a phone: the unit has too few people for its gate, the roster comes back
with open seats, and publishing it first shows how many stay open and asks to confirm.
The unit, its staff and its post are set up through the API. Screenshots: $ARTIFACTS/screenshots/6x-*.png."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import requests

from test_browser import PHONE, assert_fits_phone, browser, shot  # noqa: F401  (browser is a fixture)
from test_organisation_browser import demo_server, sign_in  # noqa: F401  (demo_server is a fixture)

VN = timezone(timedelta(hours=7))


def api(base: str, token: str, method: str, path: str, body: dict | None = None) -> dict | list:
    r = requests.request(method, base + path, json=body, headers={"Authorization": f"Bearer {token}"}, timeout=60)
    assert r.status_code in (200, 201), f"{method} {path}: {r.status_code} {r.text[:400]}"
    return r.json()


def short_roster(base: str, token: str) -> dict:
    """A gas station with one leader and two guards for a gate staffed day and night by a leader and an officer:
    a week's roster leaves seats open."""
    commune = next(a for a in api(base, token, "GET", "/api/v1/areas") if a.get("parent_id"))
    unit = api(base, token, "POST", "/api/v1/units", {
        "code": "CXD-HA", "name": "Cửa hàng xăng dầu Hòa An", "kind": "enterprise", "enterprise_size": "medium",
        "area_id": commune["id"], "address": "Quốc lộ 1A",
    })
    for i, name in enumerate(["Trần Văn Hùng", "Lê Minh Tuấn", "Phạm Đức Anh"]):
        api(base, token, "POST", "/api/v1/staff", {
            "unit_id": unit["id"], "full_name": name, "position": "Nhân viên bảo vệ", "is_leader": i == 0,
        })
    need = {"leaders": 1, "officers": 1}
    api(base, token, "PUT", f"/api/v1/units/{unit['id']}/duty-setup", {"posts": [{
        "id": "cong", "name": "Cổng chính", "pattern": "2x12",
        "requirements": [{"shift": "D", "working": need}, {"shift": "N", "working": need}],
    }]})
    start = (datetime.now(VN) + timedelta(days=1)).strftime("%Y-%m-%d")
    roster = api(base, token, "POST", f"/api/v1/units/{unit['id']}/rosters", {"start_date": start, "days": 7})
    assert roster["open_seats"] > 0, roster["report"]["open_slots"][:3]
    return roster


def test_short_roster_is_published_after_confirming_its_open_seats_on_a_phone(browser, demo_server, cli,  # noqa: F811
                                                                              sqlite_path):
    server, password = demo_server
    base = server.base
    token = cli("token", "create", "--username", "quantri", "--name", "e2e-publish",
                env={"SQLITE_PATH": str(sqlite_path)}).stdout.strip().splitlines()[-1]
    roster = short_roster(base, token)
    open_seats = roster["open_seats"]

    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(20_000)
    sign_in(page, base, "quantri", password)
    page.goto(base + f"/rosters/{roster['id']}")
    assert "Bản nháp" in page.inner_text("main")

    # Publishing asks first, with the count.
    with page.expect_navigation():
        page.locator("form[action$='/publish'] button[type=submit]").click()
    text = page.inner_text("main")
    assert f"Lịch còn {open_seats} vị trí trống. Vẫn ban hành?" in text, text[:600]
    assert api(base, token, "GET", f"/api/v1/rosters/{roster['id']}")["status"] == "draft"
    assert_fits_phone(page)
    shot(page, "61-roster-publish-confirm-phone")

    # Confirmed, it is published.
    with page.expect_navigation():
        page.locator("form[action$='/publish'] button[type=submit]").click()
    assert "Đã công bố lịch trực." in page.inner_text("body")
    assert re.search(r"Đã công bố", page.inner_text("main"))
    assert api(base, token, "GET", f"/api/v1/rosters/{roster['id']}")["status"] == "published"
    assert_fits_phone(page)
    shot(page, "62-roster-published-phone")
    context.close()

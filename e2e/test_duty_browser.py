"""Duty as it happens, on a phone: a guard checks in, writes the duty log book with an item to follow up,
hands the post over; the next guard sees the item carried over and confirms; the log book prints.
The unit, its guards (each with an account), the shifts and the published roster are set up through the
API around the real clock. Screenshots: $ARTIFACTS/screenshots/3x-*.png."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import requests
from playwright.sync_api import Page

from conftest import strong_password
from test_browser import PHONE, assert_fits_phone, browser, shot  # noqa: F401  (browser is a fixture)
from test_organisation_browser import demo_server, sign_in  # noqa: F401  (demo_server is a fixture)

VN = timezone(timedelta(hours=7))


def api(base: str, token: str, method: str, path: str, body: dict | None = None) -> dict | list:
    r = requests.request(method, base + path, json=body, headers={"Authorization": f"Bearer {token}"}, timeout=30)
    assert r.status_code in (200, 201), f"{method} {path}: {r.status_code} {r.text[:400]}"
    return r.json()


def set_up_watch(base: str, token: str, password: str) -> tuple[str, str, str]:
    """A new unit with eight guards and two shifts: A began five minutes ago and ends within the hour, so it
    can be handed over now; B follows. Returns (unit id, A's officer, B's officer)."""
    commune = next(a for a in api(base, token, "GET", "/api/v1/areas") if a.get("parent_id"))
    unit = api(base, token, "POST", "/api/v1/units", {
        "code": "TBA-HA", "name": "Trạm biến áp 110kV Hòa An", "kind": "enterprise", "enterprise_size": "medium",
        "area_id": commune["id"], "address": "Quốc lộ 1A",
    })
    usernames = {}
    for i in range(1, 9):
        username = f"bao.ve{i}"
        api(base, token, "POST", "/api/v1/users", {
            "username": username, "display_name": f"Bảo vệ {i}", "role": "duty_officer",
            "unit_id": unit["id"], "area_path": commune["path"], "password": password,
        })
        staff = api(base, token, "POST", "/api/v1/staff", {
            "unit_id": unit["id"], "full_name": ["Trần Văn Hùng", "Lê Minh Tuấn", "Phạm Đức Anh", "Ngô Văn Lực",
                                                 "Đỗ Thị Hạnh", "Vũ Văn Khải", "Bùi Quang Vinh", "Hoàng Văn Sơn"][i - 1],
            "position": "Nhân viên bảo vệ", "is_leader": i <= 3, "account": username,
        })
        usernames[staff["id"]] = username
    now = datetime.now(VN)
    start_a = now - timedelta(minutes=5)
    need = {"leaders": 1, "officers": 1}
    api(base, token, "PUT", f"/api/v1/units/{unit['id']}/duty-setup", {"posts": [{
        "id": "cong", "name": "Cổng chính",
        "shifts": [
            {"id": "A", "start": start_a.strftime("%H:%M"), "hours": 1},
            {"id": "B", "start": (start_a + timedelta(hours=1)).strftime("%H:%M"), "hours": 23},
        ],
        "requirements": [{"shift": "A", "working": need}, {"shift": "B", "working": need}],
    }]})
    roster = api(base, token, "POST", f"/api/v1/units/{unit['id']}/rosters", {
        "start_date": (start_a - timedelta(days=1)).strftime("%Y-%m-%d"), "days": 3, "seed": 1,
    })
    api(base, token, "POST", f"/api/v1/rosters/{roster['id']}/publish")
    seats = api(base, token, "GET", f"/api/v1/rosters/{roster['id']}")["seats"]

    def officer_at(moment: datetime) -> str:
        for seat in seats:
            starts = datetime.fromisoformat(seat["starts_at"].replace("Z", "+00:00"))
            ends = datetime.fromisoformat(seat["ends_at"].replace("Z", "+00:00"))
            if seat["role"] == "officer" and starts <= moment < ends:
                return usernames[seat["staff_id"]]
        raise AssertionError(f"no officer on the roster at {moment}")

    return unit["id"], officer_at(now), officer_at(now + timedelta(hours=1))


def phone(browser, base: str, username: str, password: str) -> tuple[object, Page]:  # noqa: F811
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(20_000)
    sign_in(page, base, username, password)
    return context, page


def submit(page: Page, form: str) -> None:
    with page.expect_navigation():
        page.locator(form).locator("button[type=submit]").first.click()


def test_check_in_log_book_and_two_sided_handover_on_a_phone(browser, demo_server, cli, sqlite_path):  # noqa: F811
    server, _ = demo_server
    base = server.base
    token = cli("token", "create", "--username", "quantri", "--name", "e2e-duty",
                env={"SQLITE_PATH": str(sqlite_path)}).stdout.strip().splitlines()[-1]
    password = strong_password()
    unit_id, outgoing, incoming = set_up_watch(base, token, password)

    # The outgoing guard checks in on time and writes the book.
    context, page = phone(browser, base, outgoing, password)
    page.goto(base + "/duty")
    assert "Cổng" in page.inner_text("main") or "cong" in page.inner_text("main")
    shot(page, "31-duty-before-check-in-phone")
    submit(page, "form[action='/duty/check-in']")
    text = page.inner_text("main")
    assert "Đã nhận ca." in page.inner_text("body")
    assert "đã nhận ca, đúng giờ" in text, text[:600]
    page.fill("form[action='/duty/log']:has(input[name=follow_up]) textarea", "Tuần tra hàng rào phía bắc, bình thường.")
    submit(page, "form[action='/duty/log']:has(input[name=follow_up])")
    page.fill("form[action='/duty/log']:has(input[name=follow_up]) textarea", "Đèn chiếu sáng cổng phụ hỏng.")
    page.check("input[name=follow_up]")
    submit(page, "form[action='/duty/log']:has(input[name=follow_up])")
    text = page.inner_text("main")
    assert "Việc đang theo dõi" in text and "Đèn chiếu sáng cổng phụ hỏng." in text, text[:800]
    assert_fits_phone(page)
    shot(page, "32-duty-log-book-phone")

    # Handover with the open item.
    page.fill("form[action='/duty/handover'] textarea[name=notes]", "Ca bình thường; bàn giao 2 chìa khóa, 1 bộ đàm.")
    submit(page, "form[action='/duty/handover']")
    assert "Đang chờ ca sau xác nhận nhận bàn giao." in page.inner_text("main")
    shot(page, "33-duty-handed-over-phone")
    context.close()

    # The incoming guard sees the handover and the carried-over item, and confirms.
    context, page = phone(browser, base, incoming, password)
    page.goto(base + "/duty")
    text = page.inner_text("main")
    assert "Bàn giao từ ca trước" in text and "bàn giao 2 chìa khóa" in text, text[:800]
    assert "Đèn chiếu sáng cổng phụ hỏng." in text
    submit(page, "form[action$='/receive']")
    assert "Đã xác nhận nhận bàn giao:" in page.inner_text("main")
    assert_fits_phone(page)
    shot(page, "34-duty-taken-over-phone")
    context.close()

    # The administrator reads the unit's log book as it prints.
    context, page = phone(browser, base, "quantri", demo_server[1])
    page.goto(base + f"/units/{unit_id}/duty-log")
    text = page.inner_text("main")
    assert "Tuần tra hàng rào phía bắc" in text and "Bên nhận:" in text, text[:800]
    shot(page, "35-duty-log-book-print-phone")
    context.close()


def test_duty_pages_of_the_demo_on_a_phone(browser, demo_server):  # noqa: F811
    """The demo's duty pages as their users see them on a phone: the unit's rosters and one roster, days off
    and peak periods with lunar dates, a guard's own schedule, and the province's oversight."""
    server, password = demo_server
    base = server.base

    context, page = phone(browser, base, "antt", password)
    page.goto(base + "/rosters")
    assert page.locator("h1").inner_text().startswith("Lịch trực")
    shot(page, "36-unit-rosters-phone")
    assert_fits_phone(page)
    with page.expect_navigation():
        page.locator("main a[href^='/rosters/']").first.click()
    text = page.inner_text("main")
    assert "âm" in text, text[:400]
    shot(page, "37-roster-grid-phone")
    assert_fits_phone(page)
    page.goto(base + "/holidays")
    text = page.inner_text("main")
    assert "Ngày nghỉ lễ năm" in text and "âm" in text, text[:400]
    shot(page, "38-holidays-phone")
    assert_fits_phone(page)
    page.goto(base + "/peak-periods")
    assert "Cao điểm Tết Nguyên đán" in page.inner_text("main")
    shot(page, "39-peak-periods-phone")
    assert_fits_phone(page)
    context.close()

    context, page = phone(browser, base, "baove", password)
    page.goto(base + "/my-shifts")
    text = page.inner_text("main")
    assert "Lịch trực của tôi" in text and "âm" in text, text[:400]
    shot(page, "40-my-shifts-phone")
    assert_fits_phone(page)
    context.close()

    context, page = phone(browser, base, "congan.tinh", password)
    page.goto(base + "/duty/oversight")
    text = page.inner_text("main")
    assert "3 đơn vị thiếu người trực" in text, text[:600]
    shot(page, "41-oversight-phone")
    assert_fits_phone(page)
    context.close()

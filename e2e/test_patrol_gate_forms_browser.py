"""The patrol and gate forms on a 360-px phone, as a browser submits them: every form of a route's page saves with
its values untouched (the route, a checkpoint, its NFC keys left empty, new labels); quotes, ampersands and angle
brackets typed into a route, a checkpoint, an observation, a visitor, a watchlist entry and an invitation come back
as typed, never as markup; no page is wider than the phone. Screenshots: $ARTIFACTS/screenshots/f*-*.png."""

from __future__ import annotations

import datetime
import subprocess

from test_browser import assert_fits_phone, browser, shot  # noqa: F401  (browser is a fixture)
from test_duty_browser import phone, submit
from test_organisation_browser import demo_server  # noqa: F401  (demo_server is a fixture)

ROUTE = 'Tuyến "kho" & <u>đêm</u>'
CHECKPOINT = "Bốt 'A' <u>sau</u>"
NOTE = 'Cửa kho mở "hé" <u>lạ</u> & không khóa'
VISITOR = 'Trần "Tí" <u>Tèo</u>'
REASON = "Gây rối <u>cổng</u> & đe dọa"
INVITED = "Lê 'Mời' <u>Khách</u>"


def no_markup(page) -> None:
    """What was typed shows as text: no element came from it."""
    assert page.locator("main u").count() == 0, page.content()[:800]


def saves(page, form: str) -> None:
    """Submit the form with what it holds (a closed section is opened first, as a user would) and expect it saved."""
    details = page.locator(f"details:has({form})")
    if details.count() and details.first.get_attribute("open") is None:
        details.first.locator("summary").first.click()
    submit(page, f"form:has({form})")
    body = page.inner_text("body")
    assert "Đã lưu" in body, body[:800]


def test_patrol_and_gate_forms_save_untouched_and_show_typed_markup_as_text(browser, demo_server, tmp_path):  # noqa: F811
    server, password = demo_server
    base = server.base
    context, page = phone(browser, base, "antt", password)

    # A route whose round is under way now, and one checkpoint, with markup in their names.
    page.goto(base + "/patrols")
    assert_fits_phone(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Thêm tuyến tuần tra").click()
    hour = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=7))).hour
    page.fill("#route-name", ROUTE)
    page.fill("#route-start", f"{hour:02d}:00")
    page.fill("#route-end", f"{(hour + 2) % 24:02d}:00")
    assert_fits_phone(page)
    submit(page, "form:has(#route-name)")
    assert "Đã thêm tuyến" in page.inner_text("body"), page.inner_text("body")[:600]
    route_url = page.url
    page.locator("details:has(#checkpoint-name) > summary").click()
    page.fill("#checkpoint-name", CHECKPOINT)
    page.fill("#checkpoint-instructions", NOTE)
    submit(page, "form:has(#checkpoint-name)")
    main = page.inner_text("main")
    assert ROUTE in main and CHECKPOINT in main and NOTE in main, main[:800]
    no_markup(page)
    assert_fits_phone(page)
    shot(page, "f1-route-typed-markup-phone")

    # Each form of the route's page, submitted as it stands.
    saves(page, "#route-name")
    saves(page, "input[id^=cp-][id$=-name]")
    saves(page, "input[id^=nfc-][id$=-meta_key]")
    submit(page, "form:has(button:text('Cấp tem mới'))")
    assert "Đã cấp tem mới" in page.inner_text("body"), page.inner_text("body")[:600]
    assert page.url == route_url
    assert ROUTE in page.inner_text("main") and CHECKPOINT in page.inner_text("main")
    no_markup(page)

    # The label sheet names the route and checkpoint as typed; its link opens the scan page for the guard.
    with page.expect_navigation():
        page.get_by_role("link", name="In tem các điểm (A4)").click()
    assert CHECKPOINT in page.inner_text("main") and ROUTE in page.inner_text("main")
    no_markup(page)
    page.wait_for_load_state("load")
    sheet = tmp_path / "labels.png"
    page.screenshot(path=str(sheet), full_page=True)
    decoded = subprocess.run(["zbarimg", "--quiet", "--raw", str(sheet)], capture_output=True, text=True, check=True)
    href = decoded.stdout.strip()
    assert href.startswith(base + "/p/"), decoded.stdout
    context.close()

    guard_context, guard = phone(browser, base, "baove", password)
    guard.goto(href)
    assert "Đã ghi nhận" in guard.inner_text("main"), guard.inner_text("main")[:600]
    assert CHECKPOINT in guard.inner_text("main")
    no_markup(guard)
    with guard.expect_navigation():
        guard.get_by_role("link", name="Ghi nhận bất thường tại đây").click()
    guard.fill("textarea[name=text]", NOTE)
    submit(guard, "form:has(textarea[name=text])")
    assert NOTE in guard.inner_text("main"), guard.inner_text("main")[:600]
    no_markup(guard)
    assert_fits_phone(guard)
    shot(guard, "f2-observation-typed-markup-phone")
    guard_context.close()

    # The gate: a watchlist entry, a visitor and an invitation with markup in them.
    officer_context, officer = phone(browser, base, "antt", password)
    officer.goto(base + "/gate/watchlist")
    officer.fill("#watch-document_number", "079200007777")
    officer.fill("#watch-reason", REASON)
    submit(officer, "details form")
    assert REASON in officer.inner_text("main"), officer.inner_text("main")[:600]
    no_markup(officer)
    assert_fits_phone(officer)
    officer.goto(base + "/gate/invitations")
    officer.fill("#invitation-visitor_name", INVITED)
    officer.fill("#invitation-purpose", 'Họp "giao ban" & <u>ký</u>')
    submit(officer, "form:has(#invitation-visitor_name)")
    assert INVITED in officer.inner_text("main"), officer.inner_text("main")[:600]
    no_markup(officer)
    assert_fits_phone(officer)
    shot(officer, "f3-invitation-typed-markup-phone")
    officer_context.close()

    desk_context, desk = phone(browser, base, "letan", password)
    desk.goto(base + "/gate")
    desk.fill("#visit-full_name", VISITOR)
    desk.fill("#visit-document_number", "079190005678")
    desk.fill("#visit-purpose", "Giao 'hàng' & <u>nhận</u>")
    submit(desk, "#check-in form")
    assert "Đã cho " + VISITOR + " vào." in desk.inner_text("body"), desk.inner_text("body")[:600]
    no_markup(desk)
    with desk.expect_navigation():
        desk.get_by_role("link", name=VISITOR).click()
    assert VISITOR in desk.inner_text("main")
    no_markup(desk)
    assert_fits_phone(desk)
    shot(desk, "f4-visit-typed-markup-phone")
    desk_context.close()

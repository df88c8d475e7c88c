"""The gate on a 360x740 phone, in the demo province: the security officer puts a number on the watchlist and keeps
the gate page open; the receptionist checks a visitor in and out from the phone, then checks in the watchlisted
visitor and is told only to hold and call; the alert with its reason appears on the officer's open page without a
reload; the sổ khách renders for print; a vehicle comes in and the sổ xuất–nhập opens on the phone.
Screenshots: $ARTIFACTS/screenshots/g*-*.png."""

from __future__ import annotations

from test_browser import assert_fits_phone, browser, shot  # noqa: F401  (browser is a fixture)
from test_duty_browser import phone, submit
from test_organisation_browser import demo_server  # noqa: F401  (demo_server is a fixture)

REASON = "Đối tượng gây rối tại cổng ngày 01/11"


def check_in(page, name: str, number: str, purpose: str, badge: str) -> None:
    page.fill("#visit-full_name", name)
    page.fill("#visit-document_number", number)
    page.fill("#visit-purpose", purpose)
    page.fill("#visit-badge", badge)
    submit(page, "#check-in form")


def test_receptionist_checks_in_and_out_watchlist_alerts_officer_live_and_book_prints(browser, demo_server):  # noqa: F811
    server, password = demo_server
    base = server.base

    # The security officer lists a document number, then keeps the gate page open on their phone.
    officer_context, officer = phone(browser, base, "antt", password)
    officer.goto(base + "/gate/watchlist")
    officer.fill("#watch-document_number", "079200009999")
    officer.fill("#watch-reason", REASON)
    submit(officer, "details form")
    assert "Đã thêm vào danh sách" in officer.inner_text("body")
    assert REASON in officer.inner_text("main")
    shot(officer, "g1-watchlist-phone")
    officer.goto(base + "/gate")
    officer.wait_for_selector("#gate-live[data-live-open=true]")
    assert officer.locator(".gate-alert").count() == 0

    # The receptionist checks an ordinary visitor in from the phone, and out again.
    context, page = phone(browser, base, "letan", password)
    page.goto(base + "/")
    with page.expect_navigation():
        page.get_by_role("link", name="Cổng — khách").first.click()
    assert page.url.endswith("/gate"), page.url
    assert "Không giữ thẻ căn cước của khách" in page.inner_text("main")
    assert_fits_phone(page)
    shot(page, "g2-gate-desk-phone")
    check_in(page, "Hoàng Thị Khách", "079 190 001 234", "Họp về hợp đồng bảo vệ", "K-07")
    body = page.inner_text("body")
    assert "Đã cho Hoàng Thị Khách vào. Thẻ khách: K-07." in body, body[:600]
    row = page.locator("#gate-live tbody tr", has_text="Hoàng Thị Khách")
    assert row.count() == 1 and "Đang ở trong" in row.inner_text()
    assert_fits_phone(page)
    shot(page, "g3-visitor-inside-phone")
    with page.expect_navigation():
        row.locator("button[type=submit]").click()
    assert "Đã cho Hoàng Thị Khách ra." in page.inner_text("body")
    assert page.locator("#gate-live tbody tr", has_text="Hoàng Thị Khách").count() == 0

    # A bad number is refused beside its field, in Vietnamese, with what was typed kept.
    check_in(page, "Lý Văn Sai", "12345", "Giao hàng", "")
    assert "số căn cước phải gồm đúng 12 chữ số" in page.inner_text("main")
    assert page.input_value("#visit-full_name") == "Lý Văn Sai"

    # The watchlisted visitor: the receptionist is told only to hold and call.
    page.goto(base + "/gate")
    check_in(page, "Trịnh Văn Nghi", "079200009999", "Gặp giám đốc", "K-08")
    text = page.inner_text("body")
    assert "Giữ khách và báo cán bộ an ninh" in text
    assert REASON not in text
    shot(page, "g4-receptionist-hold-and-call-phone")

    # The officer's open page shows the alert with its reason, without a reload.
    alert = officer.locator(".gate-alert", has_text="Trịnh Văn Nghi")
    alert.wait_for(timeout=15_000)
    assert REASON in alert.inner_text()
    assert officer.evaluate("performance.getEntriesByType('navigation').length") == 1
    assert_fits_phone(officer)
    shot(officer, "g5-officer-live-alert-phone")

    # The sổ khách: its own page, A4 with the administrative heading; the buttons leave the paper.
    page.goto(base + "/gate/book")
    text = page.inner_text("body")
    assert "SỔ THEO DÕI KHÁCH RA VÀO" in text and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Hoàng Thị Khách" in text and "Trịnh Văn Nghi" in text
    assert_fits_phone(page)  # the book's table scrolls within the page
    shot(page, "g6-visitor-book-screen-phone")
    page.emulate_media(media="print")
    assert not page.locator(".no-print").first.is_visible()
    assert page.locator("#visitor-book tbody tr").count() == 2
    shot(page, "g7-visitor-book-print")
    pdf = page.pdf(format="A4", landscape=True)
    assert pdf[:4] == b"%PDF"

    # The roll-call of those inside now prints too.
    page.emulate_media(media="screen")
    page.goto(base + "/gate/inside")
    assert "DANH SÁCH NGƯỜI NGOÀI ĐANG Ở TRONG ĐƠN VỊ" in page.inner_text("body")
    assert "Trịnh Văn Nghi" in page.inner_text("#roll-call")
    assert_fits_phone(page)
    shot(page, "g8-roll-call-phone")

    # A vehicle comes in through its own page; the sổ xuất–nhập prints it, opened on the phone.
    page.goto(base + "/gate/vehicles")
    page.fill("#vehicle-plate", "51a-123.45")
    page.fill("#vehicle-driver_name", "Lê Văn Lái")
    submit(page, "#vehicle-check-in form")
    assert "Đã cho xe 51A-123.45 vào." in page.inner_text("body")
    assert_fits_phone(page)
    shot(page, "g9-vehicles-phone")
    page.goto(base + "/gate/goods-book")
    text = page.inner_text("body")
    assert "SỔ THEO DÕI XUẤT – NHẬP HÀNG HÓA VÀ PHƯƠNG TIỆN" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "51A-123.45" in page.inner_text("#vehicle-book") and "Lê Văn Lái" in page.inner_text("#vehicle-book")
    assert_fits_phone(page)
    shot(page, "g10-goods-book-phone")
    context.close()
    officer_context.close()

"""Equipment custody and the count at handover, in the browser, on a unit of the demo province made through the API
(set_up_watch of the duty lane: eight guards with accounts, the post "Cổng chính", a shift ending within the hour),
with the unit's security officer and its head added as accounts.

1. The officer registers a rubber baton and records a guard's training certificate, requests the baton's issue;
   the head approves; the officer hands it over; the guard confirms receipt on a phone; the registry shows who
   holds it; the officer takes it back in good condition; the sổ theo dõi công cụ hỗ trợ prints.
2. The post's baton and radio are counted at the handover: the outgoing guard unticks the baton on a phone; a
   lost_equipment incident and a loss report appear; the incoming guard sees the shortfall; the head records the
   duties of TT 46/2014 Điều 8.4 and the report closes.
Screenshots: $ARTIFACTS/screenshots/equipment-*.png (a 360-px phone where the actor is on a phone)."""

from __future__ import annotations

import re
import subprocess
from datetime import datetime

from conftest import strong_password
from test_browser import DESKTOP, assert_fits_phone, browser, shot  # noqa: F401  (browser is a fixture)
from test_duty_browser import VN, api, phone, set_up_watch, submit
from test_organisation_browser import demo_server, sign_in  # noqa: F401  (demo_server is a fixture)

# The guards set_up_watch makes: bao.ve<i> is the staff member GUARDS[i - 1].
GUARDS = ["Trần Văn Hùng", "Lê Minh Tuấn", "Phạm Đức Anh", "Ngô Văn Lực",
          "Đỗ Thị Hạnh", "Vũ Văn Khải", "Bùi Quang Vinh", "Hoàng Văn Sơn"]
OFFICER, HEAD = "antt.hoaan", "thutruong.hoaan"
OFFICER_NAME, HEAD_NAME = "Phạm An Ninh", "Lê Thị Thủ Trưởng"
DMY = re.compile(r"\b\d{2}/\d{2}/\d{4}\b")
ID = re.compile(r"/([0-9a-f-]{36})$")


def set_up_unit(cli, sqlite_path, base: str) -> tuple[str, str, str]:
    """The duty lane's unit with its security officer and head. Returns (password, outgoing, incoming)."""
    token = cli("token", "create", "--username", "quantri", "--name", "e2e-equipment",
                env={"SQLITE_PATH": str(sqlite_path)}).stdout.strip().splitlines()[-1]
    password = strong_password()
    unit_id, outgoing, incoming = set_up_watch(base, token, password)
    commune = next(a for a in api(base, token, "GET", "/api/v1/areas") if a.get("parent_id"))
    for username, name, role in ((OFFICER, OFFICER_NAME, "unit_security_officer"), (HEAD, HEAD_NAME, "unit_head")):
        api(base, token, "POST", "/api/v1/users", {
            "username": username, "display_name": name, "role": role,
            "unit_id": unit_id, "area_path": commune["path"], "password": password,
        })
    return password, outgoing, incoming


def desktop(browser, base: str, username: str, password: str):  # noqa: F811
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(20_000)
    sign_in(page, base, username, password)
    return context, page


def flash(page) -> str:
    return page.inner_text("body")


def register(page, base: str, kind: str, serial: str, place: str, post: str | None) -> tuple[str, str]:
    """Registers an item through /equipment/new; returns (its id, its name as its page heads it)."""
    page.goto(base + "/equipment")
    with page.expect_navigation():
        page.locator("main a[href='/equipment/new']").first.click()
    page.select_option("#item-kind", kind)
    page.fill("#item-serial", serial)
    page.fill("#item-place", place)
    if post is not None:
        page.select_option("#item-post", post)
    submit(page, "form:has(#item-kind)")
    m = ID.search(page.url.split("?")[0])
    assert m, f"registering {serial} ended on {page.url}: {page.inner_text('main')[:600]}"
    name = page.locator("h1").inner_text().strip()
    assert "Đã ghi " in flash(page) and serial in name, page.inner_text("body")[:600]
    return m.group(1), name


def test_baton_issued_with_approval_received_on_a_phone_returned_and_the_book_prints(browser, demo_server, cli,  # noqa: F811
                                                                                    sqlite_path, tmp_path):
    server, _ = demo_server
    base = server.base
    password, _, _ = set_up_unit(cli, sqlite_path, base)
    guard_login, guard = "bao.ve4", GUARDS[3]

    # The security officer, at a desk, registers the baton.
    officer_context, officer = desktop(browser, base, OFFICER, password)
    baton_id, baton = register(officer, base, "rubber_baton", "DC-01", "Tủ khóa phòng bảo vệ", None)
    assert "Dùi cui" in baton, baton
    shot(officer, "equipment-01-baton-registered-desktop")
    # Its QR label, from its page: one label naming it, the QR image loaded and opening the item's page.
    with officer.expect_navigation():
        officer.locator(f"main a[href='/equipment/labels?item={baton_id}']").click()
    assert officer.locator(".label").count() == 1 and baton in officer.inner_text(".label")
    officer.wait_for_load_state("load")
    assert officer.evaluate("() => Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)")
    shot(officer, "equipment-01b-baton-label-desktop")
    sheet = tmp_path / "label.png"
    officer.screenshot(path=str(sheet), full_page=True)
    decoded = subprocess.run(["zbarimg", "--quiet", "--raw", str(sheet)], capture_output=True, text=True, check=True)
    links = [line for line in decoded.stdout.splitlines() if line.strip()]
    assert len(links) == 1 and links[0].startswith(base + "/"), decoded.stdout
    officer.goto(links[0])
    assert officer.locator("h1").inner_text().strip() == baton, officer.url

    # The guard's training certificate for support tools.
    officer.goto(base + "/equipment/certificates")
    officer.locator("details:has(#certificate-number) > summary").click()
    officer.select_option("#certificate-staff_id", label=guard)
    officer.select_option("#certificate-category", "support_tool")
    officer.fill("#certificate-number", "CN-12/2026")
    officer.fill("#certificate-issuer", "Phòng PC06 Công an tỉnh")
    officer.fill("#certificate-valid_until", "31/12/2030")
    submit(officer, "form:has(#certificate-number)")
    assert "Đã thêm chứng nhận." in flash(officer), officer.inner_text("body")[:800]
    row = officer.locator("table tbody tr", has_text=guard)
    assert row.count() == 1 and "CN-12/2026" in row.inner_text() and "31/12/2030" in row.inner_text()
    shot(officer, "equipment-02-certificate-desktop")

    # The request: the baton to the guard, for a reason, due back at the time the page offers.
    officer.goto(base + "/equipment/custody")
    officer.locator("details:has(#custody-item) > summary").click()
    officer.select_option("#custody-item", baton_id)
    officer.select_option("#custody-staff", label=f"{guard} — Nhân viên bảo vệ")
    officer.fill("#custody-reason", "Tuần tra ca đêm khu kho")
    submit(officer, "form:has(#custody-item)")
    assert "Đã gửi đề nghị, chờ thủ trưởng duyệt." in flash(officer), officer.inner_text("body")[:800]
    custody_url = officer.url.split("?")[0]
    assert ID.search(custody_url), custody_url
    assert officer.locator("button", has_text="Duyệt cấp phát").count() == 0  # not by the one who asked
    shot(officer, "equipment-03-request-pending-desktop")

    # The head approves, at a desk.
    head_context, head = desktop(browser, base, HEAD, password)
    head.goto(custody_url)
    assert guard in head.inner_text("main") and "Tuần tra ca đêm khu kho" in head.inner_text("main")
    with head.expect_navigation():
        head.locator("button", has_text="Duyệt cấp phát").click()
    assert "Đã duyệt cấp phát." in flash(head)
    assert HEAD_NAME in head.inner_text("main")
    shot(head, "equipment-04-approved-by-head-desktop")
    head_context.close()

    # The officer hands it over.
    officer.goto(custody_url)
    with officer.expect_navigation():
        officer.locator("button", has_text="Giao cho người nhận").click()
    assert "Đã giao, chờ người nhận xác nhận." in flash(officer)
    assert OFFICER_NAME in officer.inner_text("main"), officer.inner_text("main")[:800]

    # The guard, on a phone, finds it from the home page and confirms receipt.
    context, page = phone(browser, base, guard_login, password)
    with page.expect_navigation():
        page.get_by_role("link", name="Ai đang giữ gì").first.click()
    assert baton in page.inner_text("main"), page.inner_text("main")[:800]
    with page.expect_navigation():
        page.locator("main table a", has_text=baton).first.click()
    assert page.url.split("?")[0] == custody_url
    assert_fits_phone(page)
    shot(page, "equipment-05-guard-to-confirm-phone")
    with page.expect_navigation():
        page.locator("button", has_text="Tôi xác nhận đã nhận").click()
    text = page.inner_text("main")
    assert "Đã xác nhận nhận." in flash(page)
    assert "Người nhận xác nhận" in text and page.locator("button", has_text="Tôi xác nhận đã nhận").count() == 0
    page.goto(base + "/equipment/custody")
    text = page.inner_text("main")
    assert "Bạn đang giữ" in text and baton in text, text[:800]
    assert "Không có phương tiện nào đang cấp phát" not in text, text[:800]  # the unit's list is not the guard's
    assert_fits_phone(page)
    shot(page, "equipment-06-guard-holds-phone")

    # The registry shows who holds it.
    officer.goto(base + "/equipment")
    row = officer.locator("table tbody tr", has_text="DC-01")
    assert f"người giữ: {guard}" in row.inner_text(), row.inner_text()
    shot(officer, "equipment-07-registry-held-by-desktop")

    # The guard brings it back; the officer takes it back in good condition.
    officer.goto(custody_url)
    assert officer.input_value("#return-condition") == "good"
    submit(officer, "form:has(#return-condition)")
    assert "Đã nhận lại." in flash(officer)
    text = officer.inner_text("main")
    assert "Đã trả" in text and "Tốt" in text, text[:800]
    assert officer.locator("#return-condition").count() == 0  # nothing to take back twice
    shot(officer, "equipment-08-returned-desktop")
    page.goto(base + "/equipment/custody")
    text = page.inner_text("main")
    assert "Bạn đang giữ" not in text and "Bạn không giữ phương tiện nào." in text, text[:800]
    context.close()

    # The printed sổ theo dõi công cụ hỗ trợ: the heading, Vietnamese headers, the line with dates as dd/MM/yyyy.
    officer.goto(base + "/equipment/custody")
    with officer.expect_navigation():
        officer.get_by_role("link", name="Sổ theo dõi công cụ hỗ trợ").click()
    text = officer.inner_text("body")
    assert "SỔ THEO DÕI CẤP PHÁT, SỬ DỤNG CÔNG CỤ HỖ TRỢ" in text and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    headers = officer.locator("#tool-book thead th").all_inner_texts()
    for header in ("STT", "Ngày giờ cấp", "Phương tiện", "Số hiệu", "Người nhận", "Lý do", "Người duyệt", "Hẹn trả",
                   "Ngày giờ trả", "Tình trạng khi trả", "Người nhận ký", "Người giao ký"):
        assert header in [h.strip() for h in headers], headers
    rows = officer.locator("#tool-book tbody tr")
    assert rows.count() == 1
    cells = [c.strip() for c in rows.first.locator("td").all_inner_texts()]
    today = datetime.now(VN).strftime("%d/%m/%Y")
    assert cells[0] == "1" and today in cells[1] and "DC-01" in cells[3], cells
    assert cells[4] == guard and cells[5] == "Tuần tra ca đêm khu kho" and cells[6] == HEAD_NAME, cells
    assert all(DMY.search(cells[i]) for i in (1, 7, 8)) and cells[9] == "Tốt", cells
    officer.emulate_media(media="print")
    assert not officer.locator(".no-print").first.is_visible()
    shot(officer, "equipment-09-custody-book-print")
    assert officer.pdf(format="A4", landscape=True)[:4] == b"%PDF"
    officer_context.close()


def test_handover_count_with_a_missing_baton_raises_the_incident_and_the_loss_report_is_closed(browser, demo_server,  # noqa: F811
                                                                                            cli, sqlite_path):
    server, _ = demo_server
    base = server.base
    password, outgoing, incoming = set_up_unit(cli, sqlite_path, base)

    # The officer puts a baton and a radio on the gate post's handover.
    officer_context, officer = desktop(browser, base, OFFICER, password)
    baton_id, baton = register(officer, base, "rubber_baton", "DC-02", "Bốt gác cổng chính", "cong")
    radio_id, radio = register(officer, base, "radio", "BD-01", "Bốt gác cổng chính", "cong")

    # The outgoing guard, on a phone: checks in, then hands over with the baton unticked.
    context, page = phone(browser, base, outgoing, password)
    page.goto(base + "/duty")
    submit(page, "form[action='/duty/check-in']")
    assert "Đã nhận ca." in page.inner_text("body")
    form = page.locator("form[action='/duty/handover']")
    count = form.locator(".equipment-count")
    assert "Kiểm đếm phương tiện của chốt" in count.inner_text(), page.inner_text("main")[:1000]
    assert baton in count.inner_text() and radio in count.inner_text()
    assert page.is_checked(f"#handover-count-{baton_id}") and page.is_checked(f"#handover-count-{radio_id}")
    assert page.inner_text(f"label[for='handover-count-{baton_id}']").strip() == baton  # its name says its kind
    page.uncheck(f"#handover-count-{baton_id}")
    form.locator("textarea[name=notes]").fill("Không thấy dùi cui ở bốt gác; bàn giao 1 bộ đàm.")
    assert_fits_phone(page)
    count.scroll_into_view_if_needed()
    shot(page, "equipment-10-handover-count-phone")
    submit(page, "form[action='/duty/handover']")
    assert "Đang chờ ca sau xác nhận nhận bàn giao." in page.inner_text("main"), page.inner_text("main")[:800]
    told = page.locator(".flash").first.inner_text()
    assert f"Kiểm đếm thiếu: {baton}" in told and "đã lập vụ việc mất phương tiện" in told and radio not in told, told
    shot(page, "equipment-11-handed-over-baton-missing-phone")
    context.close()

    # The incoming guard sees the shortfall and counts at the receiving end; nothing is raised twice.
    context, page = phone(browser, base, incoming, password)
    page.goto(base + "/duty")
    receive = page.locator("form[action$='/receive']")
    card = page.locator(".card", has=receive).inner_text()
    shortfall = f"Ca trước kiểm đếm thiếu: {baton}"
    assert shortfall in card, card  # in the handover it concerns, read before the button
    assert card.index(shortfall) < card.index("Xác nhận nhận bàn giao"), card
    assert page.is_checked(f"#receive-count-{baton_id}")
    page.uncheck(f"#receive-count-{baton_id}")
    assert_fits_phone(page)
    shot(page, "equipment-12-incoming-sees-shortfall-phone")
    with page.expect_navigation():
        receive.locator("button[type=submit]").click()
    assert "Đã xác nhận nhận bàn giao:" in page.inner_text("main")
    context.close()

    # The incident is on the incidents list, once.
    officer.goto(base + "/incidents")
    rows = officer.locator("main table tbody tr", has_text="Mất vũ khí, công cụ hỗ trợ, giấy phép")
    assert rows.count() == 1, officer.inner_text("main")[:1500]
    shot(officer, "equipment-13-incident-listed-desktop")
    with officer.expect_navigation():
        rows.first.locator("a").first.click()
    text = officer.inner_text("main")
    assert f"Kiểm đếm khi giao ca tại Cổng chính thiếu: {baton}." in text and "TT 46/2014 Điều 8.4" in text, text[:1500]

    # The loss report is open; the head records the duties of TT 46/2014 Điều 8.4 and it closes.
    head_context, head = desktop(browser, base, HEAD, password)
    head.goto(base + "/equipment/loss-reports")
    card = head.locator(".card", has=head.locator("h2", has_text=baton))
    assert card.count() == 1, head.inner_text("main")[:1500]
    assert head.locator(".card h2", has_text=radio).count() == 0
    assert "Phát hiện thiếu: " in card.inner_text() and "Xem sự việc" in card.inner_text(), card.inner_text()
    shot(head, "equipment-14-loss-report-open-desktop")
    context, page = phone(browser, base, OFFICER, password)  # the officer reads it on a phone too
    page.goto(base + "/equipment/loss-reports")
    assert baton in page.inner_text("main") and "Đã báo thủ trưởng" in page.inner_text("main")
    assert_fits_phone(page)
    shot(page, "equipment-14b-loss-report-open-phone")
    context.close()
    with head.expect_navigation():
        card.locator("button", has_text="Đã báo thủ trưởng").click()
    assert "Đã ghi." in flash(head)
    card = head.locator(".card", has=head.locator("h2", has_text=baton))
    assert "Đã báo thủ trưởng: " in card.inner_text() and HEAD_NAME in card.inner_text(), card.inner_text()
    card.locator("summary", has_text="Ghi văn bản báo cáo Công an").click()
    card.locator("input[name=number]").fill("15/BC-BV")
    assert DMY.fullmatch(card.locator("input[name=date]").input_value())
    shot(head, "equipment-15-loss-report-police-form-desktop")
    with head.expect_navigation():
        card.locator("form:has(input[name=number]) button[type=submit]").click()
    assert "Đã ghi." in flash(head)
    assert "Không có biên bản nào chưa xong." in head.inner_text("main"), head.inner_text("main")[:1000]
    shot(head, "equipment-16-loss-reports-closed-desktop")
    head_context.close()
    officer_context.close()

"""Equipment custody and the count at handover, in the browser, on a unit of the demo province made through the API
(set_up_watch of the duty lane: eight guards with accounts, the post "Cổng chính", a shift ending within the hour),
with the unit's security officer and its head added as accounts.

1. The officer registers a rubber baton and records a guard's training certificate, requests the baton's issue;
   the head approves; the officer hands it over; the guard confirms receipt on a phone; the registry shows who
   holds it; the officer takes it back in good condition; the sổ theo dõi công cụ hỗ trợ prints.
2. The post's baton and radio are counted at the handover: the outgoing guard unticks the baton on a phone; a
   lost_equipment incident and a loss report appear; the incoming guard sees the shortfall; the head records the
   duties of TT 46/2014 Điều 8.4 and the report closes.
3. The officer registers a powder extinguisher and prints its QR label; a guard on a phone opens the label's link,
   checks it with the seal failed, a note and a photo; a corrective action opens; the officer marks it done from the
   upkeep list; the PC02 record and the sổ theo dõi phương tiện PCCC print with the check.
Screenshots: $ARTIFACTS/screenshots/equipment-*.png (a 360-px phone where the actor is on a phone)."""

from __future__ import annotations

import re
import struct
import subprocess
import zlib
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


def register(page, base: str, kind: str, serial: str, place: str, post: str | None,
             capacity: str = "") -> tuple[str, str]:
    """Registers an item through /equipment/new; returns (its id, its name as its page heads it)."""
    page.goto(base + "/equipment")
    with page.expect_navigation():
        page.locator("main a[href='/equipment/new']").first.click()
    page.select_option("#item-kind", kind)
    page.fill("#item-serial", serial)
    page.fill("#item-place", place)
    if capacity:
        page.fill("#item-capacity", capacity)
    if post is not None:
        page.select_option("#item-post", post)
    submit(page, "form:has(#item-kind)")
    m = ID.search(page.url.split("?")[0])
    assert m, f"registering {serial} ended on {page.url}: {page.inner_text('main')[:600]}"
    name = page.locator("h1").inner_text().strip()
    assert "Đã ghi " in flash(page) and serial in name, page.inner_text("body")[:600]
    return m.group(1), name


def label_link(page, base: str, item_id: str, name: str, path) -> str:
    """Opens the item's QR label from its page and decodes the QR with zbarimg; returns the link it holds."""
    with page.expect_navigation():
        page.locator(f"main a[href='/equipment/labels?item={item_id}']").click()
    assert page.locator(".label").count() == 1 and name in page.inner_text(".label")
    page.wait_for_load_state("load")
    assert page.evaluate("() => Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)")
    page.screenshot(path=str(path), full_page=True)
    decoded = subprocess.run(["zbarimg", "--quiet", "--raw", str(path)], capture_output=True, text=True, check=True)
    links = [line for line in decoded.stdout.splitlines() if line.strip()]
    assert len(links) == 1 and links[0].startswith(base + "/"), decoded.stdout
    return links[0]


def png(width: int = 64, height: int = 48) -> bytes:
    """A small red PNG, as a phone's camera would give a picture of the seal (only far smaller)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + b"\xc8\x20\x20" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


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


def test_guard_scans_an_extinguisher_label_records_a_failed_check_and_the_corrective_action_is_done(  # noqa: F811
        browser, demo_server, cli, sqlite_path, tmp_path):
    server, _ = demo_server
    base = server.base
    password, _, _ = set_up_unit(cli, sqlite_path, base)
    guard_login = "bao.ve5"  # GUARDS[4] on the staff list; its account is named "Bảo vệ 5"
    today = datetime.now(VN).strftime("%d/%m/%Y")
    seal, note = "Chốt, niêm phong còn nguyên", "Mất chốt an toàn, kẹp chì bị đứt"

    # The security officer, at a desk, registers a 4 kg powder extinguisher and prints its QR label.
    officer_context, officer = desktop(browser, base, OFFICER, password)
    item_id, name = register(officer, base, "powder_extinguisher", "MFZ4-201", "Hành lang tầng 2", None,
                             capacity="4 kg")
    assert "Bình chữa cháy bột" in name, name
    link = label_link(officer, base, item_id, name, tmp_path / "extinguisher-label.png")
    assert "Hành lang tầng 2" in officer.inner_text(".label") and "4 kg" in officer.inner_text(".label")
    shot(officer, "equipment-2x-01-extinguisher-label-desktop")

    # A guard on a phone opens the label's link: the item's page, and from it the check.
    context, page = phone(browser, base, guard_login, password)
    page.goto(link)
    assert page.locator("h1").inner_text().strip() == name, page.url
    assert_fits_phone(page)
    shot(page, "equipment-2x-02-item-from-label-phone")
    with page.expect_navigation():
        page.get_by_role("link", name="Kiểm tra phương tiện này").click()
    assert page.url.split("?")[0] == f"{base}/equipment/{item_id}/check", page.url
    main = page.inner_text("main")
    assert f"Kiểm tra: {name}" in main and "4 kg" in main and "Hành lang tầng 2" in main, main[:800]
    assert page.get_by_role("link", name="Kiểm tra phương tiện này").count() == 0  # no link to the page itself
    fieldset = page.locator("fieldset", has=page.locator("legend", has_text=seal))
    assert fieldset.count() == 1, main[:1500]
    assert fieldset.get_by_label("Đạt", exact=True).is_checked()  # passed unless changed
    fieldset.get_by_label("Không đạt", exact=True).check()
    page.get_by_label("Ghi chú").fill(note)
    page.set_input_files("input[type=file][name=photo]", files=[
        {"name": "niem-phong.png", "mimeType": "image/png", "buffer": png()}])
    assert_fits_phone(page)
    fieldset.scroll_into_view_if_needed()
    shot(page, "equipment-2x-03-check-seal-failed-phone")
    submit(page, "form[enctype='multipart/form-data']")
    told = page.locator(".flash").first.inner_text()
    # The owner by default is the unit's security officer (whose account is not on the staff list), not the guard.
    assert f"Đã ghi kết quả: không đạt. Đã giao việc khắc phục cho {OFFICER_NAME}." in told, told
    main = page.inner_text("main")
    assert today in main, main[:1500]
    assert f"Không đạt: {seal}" in main and "Cần khắc phục trước " in main, main[:1500]
    photo = page.locator(".upkeep-section a", has_text="Ảnh")
    assert photo.count() == 1
    assert page.request.get(base + photo.get_attribute("href")).headers["content-type"].startswith("image/png")
    assert_fits_phone(page)
    shot(page, "equipment-2x-04-check-failed-action-opened-phone")
    context.close()

    # The officer sees the action on the upkeep list, with its owner and deadline, and marks it done.
    officer.goto(base + "/equipment/upkeep")
    card = officer.locator(".card", has=officer.locator("strong", has_text=name))
    assert card.count() == 1, officer.inner_text("main")[:1500]
    text = card.inner_text()
    owner = re.search(r"Người thực hiện: (.+?) — hạn (\d{2}/\d{2}/\d{4})", text)
    assert owner and owner.group(1) == OFFICER_NAME and DMY.fullmatch(owner.group(2)), text
    assert seal in text or note in text, text
    shot(officer, "equipment-2x-05-upkeep-list-action-desktop")
    card.get_by_label("Đã khắc phục thế nào").fill("Đã thay chốt an toàn và kẹp chì mới")
    with officer.expect_navigation():
        card.locator("button", has_text="Đánh dấu đã khắc phục").click()
    assert "Đã ghi nhận khắc phục." in flash(officer)
    assert officer.locator(".card", has=officer.locator("strong", has_text=name)).count() == 0
    assert "Không có việc khắc phục nào." in officer.inner_text("main"), officer.inner_text("main")[:1500]
    shot(officer, "equipment-2x-06-action-done-desktop")

    # The PC02 record of today lists the check and its deficiency; the action as done.
    with officer.expect_navigation():
        officer.get_by_role("link", name="Biên bản tự kiểm tra PC02").click()
    text = officer.inner_text("body")
    assert "BIÊN BẢN TỰ KIỂM TRA VỀ PHÒNG CHÁY, CHỮA CHÁY" in text and "Mẫu số PC02" in text, text[:1500]
    assert "Mẫu số PC02" in text and "Hành lang tầng 2" in text, text[:2000]
    # The inspector is the guard's account as it is named ("Bảo vệ 5" in set_up_watch), not the staff record.
    assert officer.locator("h2:has-text('2. Thành phần kiểm tra') + ul li").all_inner_texts() == ["Bảo vệ 5"], text
    rows = officer.locator("#pc02-results tbody tr")
    assert rows.count() == 1, text[:2000]
    cells = [c.strip() for c in rows.first.locator("td").all_inner_texts()]
    assert cells[1] == "Bình chữa cháy bột" and cells[2:5] == ["1", "0", "1"], cells
    assert f"{name} ({today}): {seal} không đạt" in cells[5], cells
    recommendation = officer.inner_text("ol")
    assert seal in recommendation and f"người thực hiện: {OFFICER_NAME}" in recommendation, recommendation
    assert "(đã khắc phục)" in recommendation, recommendation  # put right before it was printed
    officer.emulate_media(media="print")
    assert not officer.locator(".no-print").first.is_visible()
    assert officer.locator("p", has_text="Mẫu số PC02").evaluate("p => getComputedStyle(p).textAlign") == "center"
    shot(officer, "equipment-2x-07-pc02-print")
    assert officer.pdf(format="A4")[:4] == b"%PDF"
    officer.emulate_media(media="screen")

    # The sổ theo dõi phương tiện PCCC lists the extinguisher with today as its last check.
    officer.goto(base + "/equipment/upkeep")
    with officer.expect_navigation():
        officer.get_by_role("link", name="Sổ theo dõi phương tiện PCCC").click()
    text = officer.inner_text("body")
    assert "SỔ THEO DÕI PHƯƠNG TIỆN PHÒNG CHÁY, CHỮA CHÁY" in text, text[:1500]
    headers = [h.strip() for h in officer.locator("#fire-book thead th").all_inner_texts()]
    rows = officer.locator("#fire-book tbody tr")
    assert rows.count() == 1, text[:2000]
    cells = dict(zip(headers, (c.strip() for c in rows.first.locator("td").all_inner_texts())))
    assert cells["Loại phương tiện"].startswith("Bình chữa cháy bột") and cells["Dung tích, cỡ"] == "4 kg", cells
    assert cells["Vị trí đặt"] == "Hành lang tầng 2" and cells["Số hiệu"] == "MFZ4-201", cells
    assert cells["Kiểm tra lần cuối"] == today and DMY.search(cells["Hạn tiếp theo"]), cells
    officer.emulate_media(media="print")
    assert not officer.locator(".no-print").first.is_visible()
    shot(officer, "equipment-2x-08-fire-book-print")
    assert officer.pdf(format="A4", landscape=True)[:4] == b"%PDF"
    officer_context.close()

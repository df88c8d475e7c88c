"""Incidents on a 360x740 phone, in the demo province: a guard reports a theft with a photo from the form, the unit
head sees it unacknowledged on the list and acknowledges, the commune police find it on theirs, the head walks the
response to closure and opens the biên bản. Screenshots: $ARTIFACTS/screenshots/a*-*.png."""

from __future__ import annotations

import struct

import requests

from test_browser import PHONE, assert_fits_phone, browser, shot  # noqa: F401  (browser is a fixture)
from test_duty_browser import phone, submit
from test_organisation_browser import demo_server  # noqa: F401  (demo_server is a fixture)

# The GPS latitude the photo carries; it must not be in what the server keeps.
LATITUDE = bytes([0, 0, 0, 10, 0, 0, 0, 1, 0, 0, 0, 45, 0, 0, 0, 1, 0x0B, 0xAD, 0xCA, 0xFE, 0, 0, 0, 100])


def with_gps(jpeg: bytes) -> bytes:
    """The JPEG with an EXIF segment after its start marker: the orientation and a GPS latitude (big-endian TIFF)."""
    tiff = b"MM" + struct.pack(">HI", 42, 8)
    tiff += struct.pack(">H", 2)
    tiff += struct.pack(">HHIHH", 0x0112, 3, 1, 1, 0)
    tiff += struct.pack(">HHII", 0x8825, 4, 1, 38)
    tiff += struct.pack(">I", 0)
    tiff += struct.pack(">H", 1)
    tiff += struct.pack(">HHII", 0x0002, 5, 3, 56)
    tiff += struct.pack(">I", 0)
    tiff += LATITUDE
    exif = b"Exif\x00\x00" + tiff
    return jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif + jpeg[2:]


def test_guard_reports_head_acknowledges_police_sees_and_minutes_print(browser, demo_server, tmp_path):  # noqa: F811
    server, password = demo_server
    base = server.base

    # A real photo: Chromium draws one and gives it as a JPEG; the EXIF with a position is added to it.
    camera = browser.new_page(viewport={"width": 240, "height": 160})
    camera.set_content("<body style='margin:0;background:linear-gradient(#8ab,#553)'></body>")
    photo = tmp_path / "IMG_20261204_0930.jpg"
    photo.write_bytes(with_gps(camera.screenshot(type="jpeg", quality=80)))
    camera.close()
    # The unit head has the incident list open on their phone before anything happens.
    head_context, head_page = phone(browser, base, "thutruong", password)
    head_page.goto(base + "/incidents")
    assert head_page.locator("#incident-list tbody tr").count() == 0
    context, page = phone(browser, base, "baove", password)

    # The guard: from the home page's card to the form, in a few taps.
    page.goto(base + "/")
    assert "Báo cáo vụ việc" in page.inner_text("main")
    with page.expect_navigation():
        page.get_by_role("link", name="Báo cáo vụ việc").first.click()
    assert "/incidents/new" in page.url, page.url
    assert_fits_phone(page)
    shot(page, "a1-incident-form-phone")
    page.select_option("select[name=kind]", "theft")
    page.select_option("select[name=severity]", "critical")
    if not page.locator("select[name=site]").count():  # a unit with sites starts on its first one
        page.fill("input[name=place]", "Cổng chính")
    page.fill("textarea[name=description]", "Phát hiện mất một xe máy Honda Wave trong nhà xe của khách.")
    page.fill("textarea[name=people_involved]", "Anh Nguyễn Văn Khách, chủ xe")
    page.fill("input[name=damage_vnd]", "18000000")
    page.set_input_files("input[type=file]", str(photo))
    shot(page, "a2-incident-form-filled-phone")
    # (A full-page screenshot resizes the page; the key press is not lost to that as a click can be.)
    with page.expect_navigation():
        page.locator("form[enctype='multipart/form-data'] button[type=submit]").press("Enter")
    assert "Đã gửi báo cáo" in page.inner_text("body"), page.inner_text("body")[:600]
    text = page.inner_text("main")
    assert "Trộm cắp tài sản" in text and "Chưa ai xác nhận" in text and "18.000.000 đồng" in text, text[:800]
    incident_url = page.url
    img = page.locator(".photos img").first
    assert img.evaluate("i => i.complete && i.naturalWidth > 0"), "the photo does not show"
    src = img.get_attribute("src")
    cookies = {c["name"]: c["value"] for c in context.cookies()}
    served = requests.get(base + src, cookies=cookies, timeout=30)
    assert served.status_code == 200 and served.headers["content-type"] == "image/jpeg"
    assert LATITUDE not in served.content and served.content[:2] == b"\xff\xd8"
    assert_fits_phone(page)
    shot(page, "a3-incident-reported-phone")
    context.close()

    # The head's open list shows it without a reload (the live-page script redraws #incident-list on the event).
    head_page.wait_for_function("document.querySelectorAll('#incident-list tbody tr.unacknowledged').length === 1",
                                timeout=15_000)
    assert "Trộm cắp tài sản" in head_page.locator("#incident-list").inner_text()
    shot(head_page, "a3b-head-list-updated-live-phone")
    head_context.close()

    # The unit head: the list shows it unacknowledged; they acknowledge on its page.
    context, page = phone(browser, base, "thutruong", password)
    page.goto(base + "/incidents")
    assert page.locator("tr.unacknowledged").count() >= 1
    assert_fits_phone(page)
    shot(page, "a4-head-incident-list-phone")
    page.goto(incident_url)
    submit(page, "form:has(#acknowledge)")
    assert "Đã xác nhận nhận tin." in page.inner_text("body")
    assert "Đã xác nhận —" in page.inner_text("main")
    shot(page, "a5-head-acknowledged-phone")

    # The province police see it on their list (in the demo no body reports to another and the commune police over
    # this unit has no account, so no authority account was told); the police of another commune do not.
    police, police_page = phone(browser, base, "congan.tinh", password)
    police_page.goto(base + "/incidents")
    rows = police_page.locator("#incident-list tbody tr").all_inner_texts()
    assert any("Trộm cắp tài sản" in row for row in rows), rows
    assert_fits_phone(police_page)
    shot(police_page, "a6-police-incident-list-phone")
    police.close()
    other, other_page = phone(browser, base, "congan.xa", password)
    other_page.goto(base + "/incidents")
    assert other_page.locator("#incident-list tbody tr").count() == 0
    other.close()

    # The head walks the response: at the scene, the scene protected, the police told; then closes it, passing
    # over the handover and the investigation with a reason.
    for stage, note in (("responding", "Tổ bảo vệ có mặt sau 3 phút"), ("scene_secured", "Giữ nguyên hiện trường"),
                        ("police_notified", "Đã báo Công an xã qua điện thoại")):
        page.select_option("select[name=stage]", stage)
        page.fill("input[name=note]", note)
        submit(page, "form:has(select[name=stage])")
        assert "Đã ghi nhận bước xử lý." in page.inner_text("body"), page.inner_text("main")[:600]
    page.select_option("select[name=stage]", "closed")
    page.fill("input[name=skip_reason]", "Không bắt được đối tượng tại chỗ; Công an xã thụ lý")
    page.select_option("select[name=qualification]", "crime")
    page.select_option("select[name=crime_severity]", "less_serious")
    page.check("input[name=detected_promptly]")
    page.check("input[name=damage_limited]")
    submit(page, "form:has(select[name=stage])")
    text = page.inner_text("main")
    assert "Đã kết thúc" in text and "Bỏ qua bước: Đã bàn giao cho công an" in text, text[:1200]
    assert_fits_phone(page)
    shot(page, "a7-incident-closed-timeline-phone")

    page.goto(base + page.get_by_role("link", name="Biên bản sự việc (để in)").get_attribute("href"))
    text = page.inner_text("main")
    for words in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BIÊN BẢN SỰ VIỆC",
                  "NGƯỜI LẬP BIÊN BẢN", "ĐẠI DIỆN ĐƠN VỊ"):
        assert words in text, words
    assert page.locator("button[data-action=print]").is_visible()
    assert_fits_phone(page)
    shot(page, "a8-incident-minutes-phone")
    page.emulate_media(media="print")
    assert not page.locator("button[data-action=print]").is_visible()
    assert not page.locator("header.topbar").is_visible()
    shot(page, "a9-incident-minutes-print")
    context.close()

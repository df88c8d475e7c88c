"""Tips on a phone (issue 12, INC-4): a citizen with no account sends an anonymous tip with a photo from the
sign-in page's link, writes down the code and follows the tip with it; the unit's head, whose open list shows
the tip without a reload, triages it and asks a question; the citizen reads it with the code and answers; the
head reads the answer and keeps the tip as a situation note. Demo province, 360x740 phone. Screenshots:
$ARTIFACTS/screenshots/t*-*.png."""

from __future__ import annotations

import base64
import re

from playwright.sync_api import Page

from test_browser import PHONE, assert_fits_phone, browser, shot  # noqa: F401  (browser is a fixture)
from test_organisation_browser import demo_server, sign_in  # noqa: F401  (demo_server is a fixture)

# A 1x1 grey baseline JPEG: what a phone's camera gives, in small.
JPEG = base64.b64decode(
    "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////"
    "////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA="
)
CODE_RE = re.compile(r"^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}$")


def click(page: Page, button_text: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=button_text).click()


def test_citizen_sends_an_anonymous_tip_and_follows_it(browser, demo_server, tmp_path):  # noqa: F811
    server, password = demo_server
    base = server.base

    # The unit head's unit, by name, as the citizen would know it.
    head = browser.new_context(viewport=PHONE)
    head_page = head.new_page()
    head_page.set_default_timeout(20_000)
    sign_in(head_page, base, "thutruong", password)
    head_page.goto(base + "/units")
    unit_name = head_page.locator("table a").first.inner_text().strip()
    assert unit_name
    # The head keeps the tips list open: a new tip shows on it without a reload.
    head_page.goto(base + "/tips")
    head_page.wait_for_selector("[data-live-open]")
    assert "hai người lạ" not in head_page.content()

    # A citizen, no account: from the sign-in page to the tip form.
    citizen = browser.new_context(viewport=PHONE)
    page = citizen.new_page()
    page.set_default_timeout(20_000)
    page.goto(base + "/login")
    with page.expect_navigation():
        page.get_by_role("link", name="Gửi tin báo / tố giác").click()
    assert page.url.endswith("/tips/new")
    assert_fits_phone(page)
    shot(page, "t1-tip-form-phone")

    # Find the unit by a word of its name (marks optional), then fill the form.
    page.fill("input[name=q]", unit_name.split()[-1])
    click(page, "Tìm")
    page.select_option("select[name=target]", label=unit_name)
    page.fill("textarea[name=what]", "Có hai người lạ đi xe máy không biển số đứng quan sát cổng sau nhiều tối liền.")
    page.fill("input[name=place]", "Cổng sau, đường bờ kênh")
    page.fill("input[name=happened]", "Tối 02 và 03/12, khoảng 21 giờ")
    photo = tmp_path / "anh.jpg"
    photo.write_bytes(JPEG)
    page.set_input_files("input[type=file]", str(photo))
    page.check("#anonymous")
    assert_fits_phone(page)
    shot(page, "t2-tip-form-filled-phone")
    click(page, "Gửi tin báo")

    # The code, shown once.
    code = page.locator("#tip-code").inner_text().strip()
    assert CODE_RE.match(code), code
    assert page.get_by_text("Mã chỉ hiện một lần").is_visible()
    assert_fits_phone(page)
    shot(page, "t3-tip-code-phone")

    # Following it with the code: received, no question yet.
    page.goto(base + "/tips/follow")
    page.fill("input[name=code]", code.lower().replace("-", " "))
    click(page, "Xem tin báo")
    assert "Đã tiếp nhận, đang được xem xét" in page.locator("#tip-status").inner_text()

    # The unit head's open list has it, without a reload; they open it, see its photo and ask a question.
    head_page.get_by_role("link", name=re.compile("hai người lạ")).wait_for(timeout=15_000)
    assert_fits_phone(head_page)
    shot(head_page, "t4-head-tips-list-phone")
    with head_page.expect_navigation():
        head_page.get_by_role("link", name=re.compile("hai người lạ")).click()
    assert "ẩn danh" in head_page.content()
    assert head_page.locator(".photos img").count() == 1
    assert head_page.evaluate("document.querySelector('.photos img').naturalWidth") == 1
    head_page.fill("#ask-text", "Xe máy màu gì? Người đó mặc áo màu gì?")
    click(head_page, "Gửi câu hỏi")
    assert "Chờ người báo trả lời" in head_page.locator("#tip-status").inner_text()
    assert_fits_phone(head_page)
    shot(head_page, "t5-head-asked-phone")

    # The citizen reads the question with the code and answers it.
    page.goto(base + "/tips/follow")
    page.fill("input[name=code]", code)
    click(page, "Xem tin báo")
    assert "Cần bạn bổ sung thông tin" in page.locator("#tip-status").inner_text()
    assert page.get_by_text("Xe máy màu gì?").is_visible()
    assert_fits_phone(page)
    shot(page, "t6-citizen-question-phone")
    page.fill("textarea[name=text]", "Xe Wave màu đỏ, một người mặc áo khoác xanh.")
    click(page, "Gửi")
    assert page.get_by_text("Đã gửi phần bổ sung của bạn.").is_visible()
    assert_fits_phone(page)
    shot(page, "t7-citizen-answered-phone")

    # The head reads the answer and keeps the tip as a situation note.
    head_page.reload()
    assert "Xe Wave màu đỏ" in head_page.content()
    click(head_page, "Nhận, ghi là tình hình đáng chú ý")
    assert "Đã chuyển thành tình hình đáng chú ý" in head_page.locator("#tip-status").inner_text()
    head_page.goto(base + "/situation-notes")
    assert "hai người lạ" in head_page.content()
    assert_fits_phone(head_page)
    shot(head_page, "t8-head-situation-notes-phone")

    # And the citizen sees the outcome.
    page.goto(base + "/tips/follow")
    page.fill("input[name=code]", code)
    click(page, "Xem tin báo")
    assert "Đã tiếp nhận để theo dõi tình hình" in page.locator("#tip-status").inner_text()
    shot(page, "t9-citizen-outcome-phone")
    head.close()
    citizen.close()

"""Days off by the unit's weekly rest days (issue 11, point 9), on the demo province: the administrator reads the
holidays of 2027 with the compensatory days of both patterns (01/05/2027 is a Saturday: Monday 03/05
only for units resting on Saturday and Sunday), changes a unit's weekly rest on its edit form on a 360-px phone, and
the unit's head then reads his own unit's compensatory days. Screenshots: $ARTIFACTS/screenshots/9x-*.png."""

from __future__ import annotations

import re

from test_browser import DESKTOP, PHONE, assert_fits_phone, browser, shot  # noqa: F401  (browser is a fixture)
from test_organisation_browser import demo_server, sign_in  # noqa: F401  (demo_server is a fixture)

MAY_3 = 'time[datetime="2027-05-03"]'


def test_holidays_follow_the_units_weekly_rest(browser, demo_server):  # noqa: F811
    server, password = demo_server
    base = server.base

    # The administrator, who has no unit, sees both patterns.
    for size, suffix in ((DESKTOP, "desktop"), (PHONE, "phone")):
        context = browser.new_context(viewport=size)
        page = context.new_page()
        page.set_default_timeout(20_000)
        sign_in(page, base, "quantri", password)
        page.goto(base + "/holidays/2027")
        columns = page.locator(".side-by-side > div")
        assert columns.count() == 2
        assert "Đơn vị nghỉ Chủ nhật" in columns.nth(0).inner_text()
        assert "Đơn vị nghỉ Thứ Bảy và Chủ nhật" in columns.nth(1).inner_text()
        assert columns.nth(0).locator(MAY_3).count() == 0
        assert columns.nth(1).locator(MAY_3).count() == 1
        if size == PHONE:
            assert_fits_phone(page)
        page.locator(".side-by-side").scroll_into_view_if_needed()
        shot(page, f"91-holidays-both-patterns-{suffix}")
        context.close()

    # The unit head reads only his own unit's compensatory days, with its weekly rest.
    head = browser.new_context(viewport=PHONE)
    head_page = head.new_page()
    head_page.set_default_timeout(20_000)
    sign_in(head_page, base, "thutruong", password)
    head_page.goto(base + "/holidays/2027")
    own = head_page.locator(".side-by-side > div")
    assert own.count() == 1
    text = own.inner_text()
    saturday_too = "Thứ Bảy và Chủ nhật" in text
    assert own.locator(MAY_3).count() == (1 if saturday_too else 0), text
    days_off = own.locator("a[href$='/days-off']").get_attribute("href")
    unit_id = re.fullmatch(r"/units/([0-9a-f-]{36})/days-off", days_off).group(1)
    shot(head_page, "92-holidays-own-unit-before-phone")

    # The administrator turns the unit to the other pattern on its edit form, on a phone.
    admin = browser.new_context(viewport=PHONE)
    page = admin.new_page()
    page.set_default_timeout(20_000)
    sign_in(page, base, "quantri", password)
    page.goto(base + f"/units/{unit_id}")
    with page.expect_navigation():
        page.get_by_role("link", name="Sửa thông tin đơn vị").click()
    assert page.url.endswith(f"/units/{unit_id}/edit")
    assert_fits_phone(page)
    page.select_option("select[name=weekly_rest]", "sun" if saturday_too else "sat_sun")
    shot(page, "93-unit-edit-weekly-rest-phone")
    with page.expect_navigation():
        page.locator("form:has(select[name=weekly_rest]) button[type=submit]").click()
    assert page.url.rstrip("/").endswith(f"/units/{unit_id}"), page.url
    assert "Đã lưu thông tin đơn vị." in page.inner_text("body")
    admin.close()

    # The head's page follows: 03/05 appears (or goes) with the unit's new rest days.
    head_page.goto(base + "/holidays/2027")
    own = head_page.locator(".side-by-side > div")
    assert own.locator(MAY_3).count() == (0 if saturday_too else 1), own.inner_text()
    assert_fits_phone(head_page)
    own.scroll_into_view_if_needed()
    shot(head_page, "94-holidays-own-unit-after-phone")
    head.close()

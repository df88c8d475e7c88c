"""The import page on a phone: the demo's administrator sees the staff export's identity choice,
unticked, with how many numbers it would show; the masked export downloads by default and the
ticked one shows numbers in full. Screenshots: $ARTIFACTS/screenshots/5x-*.png."""

from __future__ import annotations

import re

from test_browser import PHONE, assert_fits_phone, browser, shot  # noqa: F401  (browser is a fixture)
from test_organisation_browser import demo_server, sign_in  # noqa: F401  (demo_server is a fixture)


def test_export_with_identity_numbers_asks_first_on_a_phone(browser, demo_server):  # noqa: F811
    server, password = demo_server
    base = server.base
    context = browser.new_context(viewport=PHONE, locale="vi-VN", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    sign_in(page, base, "quantri", password)

    page.goto(base + "/import")
    box = page.locator("input[type=checkbox][name=reveal]")
    assert box.count() == 1 and not box.is_checked()
    note = page.locator("#reveal-staff-note").inner_text()
    m = re.search(r"tệp xuất sẽ chứa (\d+) số CCCD đầy đủ", note)
    assert m and int(m.group(1)) > 0, note
    page.locator("#reveal-staff").scroll_into_view_if_needed()
    shot(page, "50-import-export-choice-phone")
    assert_fits_phone(page)

    form = page.locator("form:has(#reveal-staff)")
    form.locator("select[name=format]").select_option("csv")
    with page.expect_download() as masked:
        form.locator("button[type=submit]").click()
    masked_text = open(masked.value.path(), encoding="utf-8-sig").read()
    assert re.search(r"\d\d\*{8}\d\d", masked_text), masked_text[:300]

    box.check()
    with page.expect_download() as revealed:
        form.locator("button[type=submit]").click()
    revealed_text = open(revealed.value.path(), encoding="utf-8-sig").read()
    assert not re.search(r"\d\d\*{8}\d\d", revealed_text) and re.search(r"\d{12}", revealed_text)
    context.close()

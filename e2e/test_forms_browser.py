"""Forms as a browser submits them, on a 360-px phone: the duty set-up saves with some sites left at "Không bố trí
trực" (its "none" posts an empty value), and a refused form opens with a summary that names the field and links to
it. Screenshots: $ARTIFACTS/screenshots/8x-*.png."""

from __future__ import annotations

import requests

from test_browser import PHONE, assert_fits_phone, browser, shot  # noqa: F401  (browser is a fixture)
from test_organisation_browser import demo_server, sign_in  # noqa: F401  (demo_server is a fixture)

SITES = (("CONG", "Cổng chính", "gate"), ("BOTSAU", "Bốt gác phía sau", "guard_post"), ("KHO", "Kho vật tư", "building"))


def api(base: str, token: str, method: str, path: str, body: dict | None = None) -> dict | list:
    r = requests.request(method, base + path, json=body, headers={"Authorization": f"Bearer {token}"}, timeout=60)
    assert r.status_code in (200, 201), f"{method} {path}: {r.status_code} {r.text[:400]}"
    return r.json()


def test_duty_setup_saves_with_sites_left_unstaffed_and_a_refused_form_says_where(browser, demo_server, cli, sqlite_path):  # noqa: F811,E501
    server, password = demo_server
    base = server.base
    token = cli("token", "create", "--username", "quantri", "--name", "e2e-forms",
                env={"SQLITE_PATH": str(sqlite_path)}).stdout.strip().splitlines()[-1]
    commune = next(a for a in api(base, token, "GET", "/api/v1/areas") if a.get("parent_id"))
    unit = api(base, token, "POST", "/api/v1/units", {
        "code": "KHO-VT", "name": "Công ty Vật tư Hòa Phú", "kind": "enterprise", "enterprise_size": "small",
        "area_id": commune["id"], "address": "Khu công nghiệp Hòa Phú",
    })
    for code, name, kind in SITES:
        api(base, token, "POST", f"/api/v1/units/{unit['id']}/sites", {"code": code, "name": name, "kind": kind})

    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(30_000)
    sign_in(page, base, "quantri", password)

    # Only the first site is staffed, round the clock; the other two stay at "Không bố trí trực".
    page.goto(f"{base}/units/{unit['id']}/duty")
    patterns = page.locator("select[name$=_pattern]")
    assert patterns.count() == len(SITES)
    for i in range(len(SITES)):
        assert patterns.nth(i).input_value() == "", "an unsaved site starts unstaffed"
    staffed = page.locator("input[type=hidden][name$=_id]").first.input_value()
    patterns.nth(0).select_option("24h")
    with page.expect_navigation():
        page.locator("form:has(select[name$=_pattern]) button[type=submit]").click()
    body = page.locator("main").inner_text()
    assert "Đã lưu chốt trực." in body, body[:600]
    shot(page, "81-duty-setup-saved-some-sites-unstaffed-phone")
    assert_fits_phone(page)
    posts = api(base, token, "GET", f"/api/v1/units/{unit['id']}/duty-setup")["posts"]
    assert [p["id"] for p in posts] == [staffed], posts

    # A school level on an enterprise is refused: the summary at the top names the field and links to it.
    page.goto(f"{base}/units")
    page.locator("summary", has_text="Thêm đơn vị").click()
    page.fill("form:has(input[name=address]) input[name=code]", "DN-HP2")
    page.fill("form:has(input[name=address]) input[name=name]", "Công ty May Hòa Phú")
    page.select_option("select[name=kind]", "enterprise")
    levels = page.locator("select[name=school_level]").inner_text()
    assert "Tiểu học" in levels and "primary" not in levels, levels
    page.select_option("select[name=school_level]", index=1)
    page.fill("input[name=address]", "Thôn 2, xã Hòa Phú")
    with page.expect_navigation():
        page.locator("form:has(input[name=address]) button[type=submit]").click()
    summary = page.locator("[role=alert]").first
    assert summary.is_visible()
    link = summary.locator("a").first
    target = link.get_attribute("href")
    assert target and target.startswith("#"), target
    assert page.locator(target).get_attribute("aria-invalid") == "true"
    shot(page, "82-refused-form-summary-phone")
    assert_fits_phone(page)
    context.close()

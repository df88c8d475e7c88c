"""Words, not codes: on the demo province, the administrator changes a unit's phone through the API and reads the
audit page as sentences with names; a unit's published roster shows each post over its shifts' names with a
legend of their hours. Both on a desktop and on a 360-px phone. Screenshots: $ARTIFACTS/screenshots/6x-*.png."""

from __future__ import annotations

import re

import requests

from conftest import SCREENSHOTS
from test_browser import DESKTOP, PHONE, assert_fits_phone, browser, shot  # noqa: F401  (browser is a fixture)
from test_organisation_browser import demo_server, sign_in  # noqa: F401  (demo_server is a fixture)

UUID_RE = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-")


def test_audit_page_and_roster_grid_read_as_words(browser, demo_server, cli, sqlite_path):  # noqa: F811
    server, password = demo_server
    base = server.base
    token = cli("token", "create", "--username", "quantri", "--name", "e2e-words",
                env={"SQLITE_PATH": str(sqlite_path)}).stdout.strip().splitlines()[-1]
    headers = {"Authorization": f"Bearer {token}"}
    units = requests.get(base + "/api/v1/units?per_page=100", headers=headers, timeout=30).json()
    units = units["items"] if isinstance(units, dict) else units
    unit = next(u for u in units if u.get("phone"))
    body = {k: unit[k] for k in ("code", "name", "kind", "area_id", "address") if unit.get(k) is not None}
    for key in ("enterprise_size", "school_level", "email", "head_name", "parent_id", "flags"):
        if unit.get(key):
            body[key] = unit[key]
    body["phone"] = "0243 999 888"
    changed = requests.patch(base + f"/api/v1/units/{unit['id']}", json=body, headers=headers, timeout=30)
    assert changed.status_code == 200, changed.text[:400]

    for size, suffix in ((DESKTOP, "desktop"), (PHONE, "phone")):
        context = browser.new_context(viewport=size)
        page = context.new_page()
        page.set_default_timeout(20_000)
        sign_in(page, base, "quantri", password)

        # The audit page: who did what to which named record, in Vietnamese, no ids.
        page.goto(base + "/admin/audit")
        trail = page.locator("#audit").inner_text()
        assert f"sửa đơn vị {unit['name']}" in trail, trail[:800]
        assert "điện thoại:" in trail and "0243999888" in trail, trail[:800]
        assert not UUID_RE.search(trail), trail[:800]
        shot(page, f"61-audit-{suffix}")
        # What a person sees first, without scrolling.
        page.screenshot(path=str(SCREENSHOTS / f"61-audit-top-{suffix}.png"))
        if size == PHONE:
            assert_fits_phone(page)

        # A published roster of the demo: posts over their shifts, and the legend with the hours.
        page.goto(base + "/units")
        links = page.locator("a[href^='/units/']").evaluate_all("els => els.map(e => e.getAttribute('href'))")
        roster_link = None
        for href in links:
            if not re.fullmatch(r"/units/[0-9a-f-]{36}", href or ""):
                continue
            page.goto(base + href + "/rosters")
            found = page.locator("a[href^='/rosters/']").evaluate_all(
                "els => els.map(e => e.getAttribute('href'))")
            found = [f for f in found if re.fullmatch(r"/rosters/[0-9a-f-]{36}", f or "")]
            if found:
                roster_link = found[0]
                break
        assert roster_link, "no roster in the demo"
        page.goto(base + roster_link)
        head = page.locator("#roster-grid thead").inner_text()
        legend = page.locator(".legend").inner_text()
        post = page.locator("#roster-grid thead th[scope=colgroup]").first.inner_text()
        assert post and f"{post}:" in legend, (head, legend)
        assert re.search(r"\d\d:\d\d–\d\d:\d\d", legend), legend
        assert not UUID_RE.search(head + legend)
        shot(page, f"62-roster-grid-{suffix}")
        page.locator(".legend").scroll_into_view_if_needed()
        shot(page, f"63-roster-legend-{suffix}")
        context.close()

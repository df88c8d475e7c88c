"""Tables on a 360-px phone, on the demo province: in the roster grid, two people of one cell are two chips, never
one run of words; the duty set-up's staffing table stacks into one card per shift, each box labelled by its kind of
day, so that nothing hides off the right edge. Screenshots: $ARTIFACTS/screenshots/96-98-*.png."""

from __future__ import annotations

import re

from conftest import SCREENSHOTS
from test_browser import PHONE, assert_fits_phone, browser, shot  # noqa: F401  (browser is a fixture)
from test_organisation_browser import demo_server, sign_in  # noqa: F401  (demo_server is a fixture)


def first_unit(page, base: str) -> str:
    """The demo's first unit (DV0001), found by its code."""
    page.goto(base + "/units?q=DV0001")
    links = page.locator("a[href^='/units/']").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    units = [h for h in links if re.fullmatch(r"/units/[0-9a-f-]{36}", h or "")]
    assert len(units) == 1, links
    return units[0]


def phone_page(browser, base: str, password: str):  # noqa: F811
    """A 360x740 page signed in as the demo's administrator."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(20_000)
    sign_in(page, base, "quantri", password)
    return context, page


def test_roster_cell_people_are_chips_on_a_phone(browser, demo_server):  # noqa: F811
    server, password = demo_server
    base = server.base
    context, page = phone_page(browser, base, password)
    unit = first_unit(page, base)

    # A published roster of the unit: a cell that holds two people shows them as two boxes with a gap between.
    page.goto(base + unit + "/rosters")
    rosters = page.locator("a[href^='/rosters/']").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    roster = next(h for h in rosters if re.fullmatch(r"/rosters/[0-9a-f-]{36}", h or ""))
    page.goto(base + roster)
    cell = page.locator("#roster-grid tbody td:has(> * + *)").first
    cell.evaluate("el => el.scrollIntoView({block: 'center'})")
    people = cell.locator(":scope > *")
    boxes = [people.nth(i).bounding_box() for i in range(people.count())]
    names = [people.nth(i).inner_text() for i in range(people.count())]
    assert len(boxes) >= 2, names
    for upper, lower in zip(boxes, boxes[1:]):
        assert lower["y"] - (upper["y"] + upper["height"]) >= 2, f"names run together: {names}"
    border = people.first.evaluate("el => getComputedStyle(el).borderTopWidth")
    assert border != "0px", border
    page.screenshot(path=str(SCREENSHOTS / "96-roster-cell-chips-phone.png"))
    context.close()


def test_duty_setup_staffing_fits_a_phone(browser, demo_server):  # noqa: F811
    server, password = demo_server
    base = server.base
    context, page = phone_page(browser, base, password)
    unit = first_unit(page, base)

    # The unit's duty set-up: no staffing table scrolls sideways; each box says which kind of day it is for.
    page.goto(base + unit + "/duty")
    tables = page.locator("form .table-wrap")
    assert tables.count() >= 1
    for i in range(tables.count()):
        wrap = tables.nth(i)
        overflow = wrap.evaluate("el => el.scrollWidth - el.clientWidth")
        assert overflow <= 0, f"staffing table {i} scrolls {overflow}px sideways"
    first_shift = page.locator("form .table-wrap tbody tr").first.inner_text()
    for kind in ("Ngày làm việc (LĐ / CB)", "Cuối tuần (LĐ / CB)", "Ngày lễ, Tết (LĐ / CB)", "Cao điểm (LĐ / CB)"):
        assert kind in first_shift, first_shift
    page.locator("form .table-wrap").first.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "97-duty-setup-stacked-phone.png"))
    shot(page, "98-duty-setup-whole-phone")
    assert_fits_phone(page)
    context.close()

"""'Xin đổi ca' on a 360x740 phone never leads to a dead end: the demo guard's seat offers only the swaps the rules
allow, or says why none is possible and whom to call; a shift under way says it has started. The roster prints as
the people x days grid of its spreadsheet. Screenshots: $ARTIFACTS/screenshots/9x-*.png."""

from __future__ import annotations

from datetime import datetime, timezone

from conftest import strong_password
from test_browser import assert_fits_phone, browser, shot  # noqa: F401  (browser is a fixture)
from test_duty_browser import api, phone, set_up_watch
from test_organisation_browser import demo_server, sign_in  # noqa: F401  (demo_server is a fixture)


def test_demo_guard_asks_to_swap_on_a_phone(browser, demo_server):  # noqa: F811
    server, password = demo_server
    base = server.base
    context, page = phone(browser, base, "baove", password)
    page.goto(base + "/my-shifts")
    links = page.locator("#my-shifts a")
    assert links.count() > 0, page.inner_text("main")[:600]
    with page.expect_navigation():
        links.first.click()
    main = page.inner_text("main")
    form = page.locator("form[action$='/swap']")
    if form.count():
        # Only choices the rules allow, each a real option; nothing offered that would be refused.
        options = page.locator("select[name=other_seat_id] option[value]:not([value='']), "
                               "select[name=to_staff_id] option[value]:not([value=''])")
        assert options.count() > 0, main[:800]
        assert "đúng quy định" in main
    else:
        assert "Không đổi được ca này" in main or "Không có đồng nghiệp nào" in main, main[:800]
        assert "gọi lãnh đạo trực" in main or "cán bộ phụ trách ANTT" in main, main[:800]
    assert_fits_phone(page)
    shot(page, "91-swap-seat-demo-guard-phone")
    context.close()


def test_a_shift_under_way_says_why_and_whom_to_call(browser, demo_server, cli, sqlite_path):  # noqa: F811
    server, _ = demo_server
    base = server.base
    token = cli("token", "create", "--username", "quantri", "--name", "e2e-swap",
                env={"SQLITE_PATH": str(sqlite_path)}).stdout.strip().splitlines()[-1]
    password = strong_password()
    unit_id, guard, next_guard = set_up_watch(base, token, password)
    rosters = api(base, token, "GET", f"/api/v1/units/{unit_id}/rosters")
    roster = rosters[0] if isinstance(rosters, list) else rosters["items"][0]
    now = datetime.now(timezone.utc)
    under_way = next(
        seat for seat in api(base, token, "GET", f"/api/v1/rosters/{roster['id']}")["seats"]
        if seat["role"] == "officer"
        and datetime.fromisoformat(seat["starts_at"].replace("Z", "+00:00")) <= now
        < datetime.fromisoformat(seat["ends_at"].replace("Z", "+00:00"))
    )
    context, page = phone(browser, base, guard, password)
    # The shifts page offers no "Xin đổi ca" on the shift under way.
    page.goto(base + "/my-shifts")
    assert "Cổng chính" in page.inner_text("main")
    assert page.locator(f"#my-shifts a[href='/roster-seats/{under_way['id'].lower()}']").count() == 0
    # Opened anyway (a saved link), its page says why and whom to call instead of showing a form.
    page.goto(base + f"/roster-seats/{under_way['id'].lower()}")
    main = page.inner_text("main")
    assert page.locator("form[action$='/swap']").count() == 0, main[:800]
    assert "Không đổi được ca này: ca này đã bắt đầu." in main, main[:800]
    assert "gọi lãnh đạo trực" in main, main[:800]
    assert_fits_phone(page)
    shot(page, "92-swap-started-shift-phone")
    context.close()
    # The next shift's guard: only the swaps the rules allow.
    context, page = phone(browser, base, next_guard, password)
    page.goto(base + "/my-shifts")
    with page.expect_navigation():
        page.locator("#my-shifts a").first.click()
    main = page.inner_text("main")
    assert page.locator("form[action$='/swap']").count() == 1 or "Không có đồng nghiệp nào" in main, main[:800]
    assert_fits_phone(page)
    shot(page, "93-swap-later-shift-phone")
    context.close()

    # The roster prints as the grid of its spreadsheet: a row per person, a column per day.
    desk = browser.new_context(viewport={"width": 1280, "height": 900})
    admin = desk.new_page()
    admin.set_default_timeout(20_000)
    sign_in(admin, base, "quantri", demo_server[1])
    admin.goto(base + f"/rosters/{roster['id']}/print")
    wall = admin.locator("#roster-wall")
    assert wall.locator("tbody tr").count() == 8, admin.inner_text("body")[:800]
    assert wall.locator("thead th[title]").count() == 3
    shot(admin, "94-roster-print-wall-desktop")
    desk.close()

"""The guard's own pages on a 360x740 phone: home with today's shift and the leader to call, the menu, the duty
card before and after check-in, and Back after signing out. Screenshots: $ARTIFACTS/screenshots/6x-*.png."""

from __future__ import annotations

from conftest import strong_password
from test_browser import assert_fits_phone, browser, shot  # noqa: F401  (browser is a fixture)
from test_duty_browser import api, phone, set_up_watch, submit
from test_organisation_browser import demo_server  # noqa: F401  (demo_server is a fixture)


def test_guard_home_menu_duty_card_and_back_after_sign_out(browser, demo_server, cli, sqlite_path):  # noqa: F811
    server, _ = demo_server
    base = server.base
    token = cli("token", "create", "--username", "quantri", "--name", "e2e-guard",
                env={"SQLITE_PATH": str(sqlite_path)}).stdout.strip().splitlines()[-1]
    password = strong_password()
    _, guard, _ = set_up_watch(base, token, password)

    context, page = phone(browser, base, guard, password)
    page.goto(base + "/")
    main = page.inner_text("main")
    assert "Ca hôm nay" in main and "Cổng chính" in main and "Lãnh đạo trực" in main, main[:800]
    menu = page.locator("details.menu > summary")
    box = menu.bounding_box()
    assert box is not None and box["height"] < 60, box
    assert_fits_phone(page)
    shot(page, "61-guard-home-phone")
    menu.click()
    assert page.locator("details.menu nav").is_visible()
    shot(page, "62-guard-menu-open-phone")

    page.goto(base + "/duty")
    assert "Chưa nhận ca" in page.inner_text("main")
    submit(page, "form[action='/duty/check-in']")
    text = page.inner_text("main")
    assert "Đang trong ca" in text and "ca A" not in text, text[:600]
    assert_fits_phone(page)
    shot(page, "63-guard-duty-card-phone")

    with page.expect_navigation():
        page.locator("#logout").click()
    page.go_back()
    page.wait_for_load_state()
    assert "/login" in page.url, page.url
    assert "Đang trong ca" not in page.inner_text("body")
    shot(page, "64-guard-back-after-sign-out-phone")
    context.close()


def test_unit_head_checks_in_as_leader_on_duty(browser, demo_server, cli, sqlite_path):  # noqa: F811
    server, _ = demo_server
    base = server.base
    token = cli("token", "create", "--username", "quantri", "--name", "e2e-head",
                env={"SQLITE_PATH": str(sqlite_path)}).stdout.strip().splitlines()[-1]
    password = strong_password()
    set_up_watch(base, token, password)
    # The unit's leaders (bao.ve1-3) become unit heads: being on the roster is what lets them on duty.
    for user in api(base, token, "GET", "/api/v1/users?q=bao.ve")["items"]:
        if user["username"] in ("bao.ve1", "bao.ve2", "bao.ve3"):
            api(base, token, "PATCH", f"/api/v1/users/{user['id']}", {"role": "unit_head", "unit_id": user["unit_id"]})
    for username in ("bao.ve1", "bao.ve2", "bao.ve3"):
        context, page = phone(browser, base, username, password)
        response = page.goto(base + "/duty")
        if response is not None and response.status == 200 and page.locator("form[action='/duty/check-in']").count():
            submit(page, "form[action='/duty/check-in']")
            text = page.inner_text("main")
            assert "Đang trong ca" in text and "Lãnh đạo trực" in text, text[:600]
            assert_fits_phone(page)
            shot(page, "65-head-checked-in-as-leader-phone")
            context.close()
            return
        context.close()
    raise AssertionError("no unit head could check in as the leader on duty")

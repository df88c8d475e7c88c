"""Accounts an administrator sets up without ids or paths: the first run's set-up signs the administrator in, and
a unit-scoped account gets its unit by name, found without diacritics. Screenshots: $ARTIFACTS/screenshots/7x-*.png."""

from __future__ import annotations

from playwright.sync_api import expect

from conftest import strong_password
from test_browser import DESKTOP, PHONE, assert_fits_phone, browser, path_of, shot  # noqa: F401  (browser is a fixture)
from test_organisation_browser import demo_server, sign_in  # noqa: F401  (demo_server is a fixture)


def test_first_run_setup_signs_in(browser, sqlite_server):  # noqa: F811
    base = sqlite_server.base
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)

    # Before any account exists, the sign-in page says where the set-up link is.
    page.goto(base + "/login")
    expect(page.locator("body")).to_contain_text("đã được in ra nơi máy chủ được khởi động")
    assert_fits_phone(page)
    shot(page, "71-first-run-login-phone")

    # "Lưu và đăng nhập" creates the administrator and lands on home, signed in.
    password = strong_password()
    page.goto(sqlite_server.setup_link())
    page.fill("input[name=username]", "quan_tri")
    page.fill("input[name=display_name]", "Nguyễn Văn Quản")
    page.fill("input[name=password]", password)
    page.fill("input[name=password_confirm]", password)
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu và đăng nhập").click()
    assert path_of(page.url) == "/", f"after set-up: {page.url}"
    expect(page.locator("h1")).to_contain_text("Xin chào, Nguyễn Văn Quản")
    expect(page.locator("body")).to_contain_text("Toàn hệ thống")
    assert_fits_phone(page)
    shot(page, "72-first-run-home-phone")
    context.close()


def test_admin_creates_a_unit_account_choosing_the_unit_by_name(browser, demo_server):  # noqa: F811
    server, password = demo_server
    base = server.base
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(15_000)
    sign_in(page, base, "quantri", password)

    page.goto(base + "/admin/users/new")
    expect(page.locator("body")).not_to_contain_text("UUID")
    page.fill("input[name=username]", "antt.chuyen")
    page.fill("input[name=display_name]", "Lê Thị Thu")
    page.select_option("select[name=role]", "unit_security_officer")
    page.fill("input[name=scope_q]", "thpt chuyen son ha")
    with page.expect_navigation():
        page.get_by_role("button", name="Tìm", exact=True).click()
    choice = page.locator("label", has_text="Trường THPT Chuyên Sơn Hà")
    expect(choice).to_be_visible()
    choice.click()
    page.fill("input[name=password]", password)
    shot(page, "73-account-unit-by-name-desktop")
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu", exact=True).click()
    expect(page.locator("body")).to_contain_text("Đã tạo tài khoản.")
    expect(page.locator("input[name=unit_id][checked]")).to_have_count(1)

    page.goto(base + "/admin/users?q=le%20thi%20thu")
    row = page.locator("tr", has_text="Lê Thị Thu")
    expect(row).to_contain_text("Đơn vị: Trường THPT Chuyên Sơn Hà")
    shot(page, "74-accounts-scope-by-name-desktop")
    expect(row).not_to_contain_text("/")  # no area path, no id
    context.close()

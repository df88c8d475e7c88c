"""What a person sees: first run, login, language switch, 404, logout — in Debian's
Chromium (headless) driven by Playwright, on a phone-sized viewport (360×740) plus one
desktop screenshot (1280×800). Screenshots: $ARTIFACTS/screenshots/*.png."""

from __future__ import annotations

import os
import shutil
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from conftest import SCREENSHOTS, strong_password

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


def _chromium() -> str:
    for c in (os.environ.get("CHROMIUM_PATH"), shutil.which("chromium"), "/usr/bin/chromium"):
        if c and os.access(c, os.X_OK):
            return c
    pytest.fail("Debian's chromium not found (apt-get install chromium); "
                "Playwright's own browser download is not used here", pytrace=False)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=_chromium(), headless=True, args=["--no-sandbox", "--disable-dev-shm-usage"])
        yield b
        b.close()


def path_of(url: str) -> str:
    return urlsplit(url).path


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def assert_fits_phone(page: Page) -> None:
    """No sideways scrolling on a 360 px wide phone."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url}: page is {width}px wide on a {PHONE['width']}px phone"


def submit(page: Page, form_has: str) -> None:
    """Click the submit button of the form that contains `form_has`, and wait for the
    page it leads to."""
    button = page.locator(f"form:has({form_has}) button[type=submit]").first
    with page.expect_navigation():
        button.click()


def test_first_run_login_language_404_logout(browser, sqlite_server):
    base = sqlite_server.base
    link = sqlite_server.setup_link()
    user, password = "quan_tri", strong_password()

    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)

    # First run: the printed one-time link shows the setup form.
    r = page.goto(link)
    assert r.status == 200
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", password)
    page.fill("input[name=password_confirm]", password)
    shot(page, "01-setup-phone")
    submit(page, "input[name=password_confirm]")
    assert path_of(page.url) == "/", f"after setup: {page.url}"
    expect(page.locator("header")).to_contain_text(user)

    # The set-up signed in; sign out, then sign in again.
    with page.expect_navigation():
        page.locator("#logout").click()
    assert path_of(page.url) == "/login", f"after sign-out: {page.url}"

    # Login.
    expect(page.locator("input[name=username]")).to_be_visible()
    shot(page, "02-login-phone")
    assert_fits_phone(page)
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", password)
    submit(page, "input[name=password]")
    assert path_of(page.url) == "/", f"after login: {page.url}"

    # Home in Vietnamese (the default): the user's name in the header.
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.locator("header")).to_contain_text(user)
    expect(page.locator("body")).to_contain_text("Đăng xuất")
    assert_fits_phone(page)
    shot(page, "03-home-vi-phone")
    page.set_viewport_size(DESKTOP)
    shot(page, "04-home-vi-desktop")
    page.set_viewport_size(PHONE)

    # Switch to English with the header's form.
    with page.expect_navigation():
        page.locator("button[name=lang][value=en]").first.click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("header")).to_contain_text(user)
    expect(page.locator("body")).to_contain_text("Sign out")
    expect(page.locator("body")).not_to_contain_text("Đăng xuất")
    shot(page, "05-home-en-phone")

    # An unknown URL: a real 404 status and a page that says so (in English now).
    r = page.goto(base + "/khong-co-trang-nay")
    assert r.status == 404
    expect(page.locator("h1")).to_have_text("Page not found")
    assert_fits_phone(page)
    shot(page, "06-404-en-phone")

    # Back to Vietnamese; the setting sticks across pages.
    page.goto(base + "/")
    with page.expect_navigation():
        page.locator("button[name=lang][value=vi]").first.click()
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.locator("body")).to_contain_text("Đăng xuất")

    # Logout: the home page is no longer reachable; it sends us to /login.
    with page.expect_navigation():
        page.locator("#logout").click()
    page.goto(base + "/")
    assert path_of(page.url) == "/login", f"after logout, / led to {page.url}"
    context.close()

    # A visitor with a fresh browser gets the Vietnamese 404 page.
    anon = browser.new_context(viewport=PHONE)
    page = anon.new_page()
    r = page.goto(base + "/khong-co-trang-nay")
    assert r.status == 404
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.locator("h1")).to_have_text("Không tìm thấy trang")
    shot(page, "07-404-vi-phone")
    anon.close()

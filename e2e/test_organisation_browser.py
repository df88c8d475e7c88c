"""The organisation registry as people use it, on a phone: the demo province, an authority
searching units without diacritics and drilling down, a unit's security officer searching
staff. Screenshots: $ARTIFACTS/screenshots/2x-*.png."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page

from conftest import SCREENSHOTS
from test_browser import PHONE, browser, shot  # noqa: F401  (browser is a fixture)

PASSWORD_RE = re.compile(r"shared password: (\S+?)\)")


@pytest.fixture
def demo_server(cli, start_server, sqlite_path):
    """A server on an SQLite file holding the demo province; returns (server, password)."""
    loaded = cli("demo", env={"SQLITE_PATH": str(sqlite_path)})
    m = PASSWORD_RE.search(loaded.stdout)
    assert m, f"no password in the demo output: {loaded.stdout!r}"
    for login in ("quantri", "congan.tinh", "congan.xa", "thutruong", "antt", "baove", "letan", "totuquan"):
        assert login in loaded.stdout, f"the demo printed no login {login}"
    return start_server("demo", SQLITE_PATH=str(sqlite_path)), m.group(1)


def sign_in(page: Page, base: str, username: str, password: str) -> None:
    page.goto(base + "/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.locator("form:has(input[name=password]) button[type=submit]").click()
    assert page.url.rstrip("/") == base, f"sign-in as {username} ended on {page.url}"


def test_authority_and_unit_officer_search_without_diacritics(browser, demo_server):  # noqa: F811
    server, password = demo_server
    base = server.base

    # The provincial police leader sees every unit of the province and finds schools typed without marks.
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    sign_in(page, base, "congan.tinh", password)
    page.goto(base + "/units")
    assert "40 đơn vị" in page.inner_text("main")
    page.fill("input[name=q]", "truong thpt")
    with page.expect_navigation():
        page.locator("form:has(input[name=q]) button[type=submit]").click()
    names = page.locator("table tbody tr td:first-child a").all_inner_texts()
    assert names and all(n.startswith("Trường THPT") for n in names), names
    shot(page, "21-authority-units-search-phone")
    with page.expect_navigation():
        page.locator("table tbody tr td:first-child a").first.click()
    assert page.locator("h1").inner_text().startswith("Trường THPT")
    assert "Lực lượng bảo vệ" in page.inner_text("main")
    shot(page, "22-authority-unit-page-phone")
    context.close()

    # The first unit's security officer finds the head by name without marks, and only in the unit.
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    sign_in(page, base, "antt", password)
    page.goto(base + "/units")
    assert "1 đơn vị" in page.inner_text("main")
    page.goto(base + "/staff")
    page.fill("input[name=q]", "nguyen van duc")
    with page.expect_navigation():
        page.locator("form:has(input[name=q]) button[type=submit]").click()
    text = page.inner_text("main")
    assert "Nguyễn Văn Đức" in text
    assert "1 người" in text, text[:400]
    shot(page, "23-unit-officer-staff-search-phone")
    context.close()


def test_unit_officer_imports_staff_from_a_file(browser, demo_server, tmp_path):  # noqa: F811
    """A dry run lists every problem and writes nothing; the fixed file imports all rows."""
    server, password = demo_server
    base = server.base
    bad = tmp_path / "can-bo.csv"
    bad.write_text(
        "Mã đơn vị,Họ và tên,Chức vụ,Điện thoại\n"
        "DV0001,Đỗ Thị Lan,Nhân viên bảo vệ,0921000001\n"
        "DV0001,,Nhân viên bảo vệ,0921000002\n"
        "DV0001,Vũ Văn Nam,Nhân viên bảo vệ,12345\n",
        encoding="utf-8-sig",
    )
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(20_000)
    sign_in(page, base, "antt", password)
    page.goto(base + "/import")
    page.select_option("select[name=kind]", "staff")
    page.set_input_files("input[name=file]", str(bad))
    with page.expect_navigation():
        page.click("button[name=mode][value=check]")
    text = page.inner_text("main")
    assert "2 problems" in text or "2 lỗi" in text or "2 vấn đề" in text, text[:600]
    rows = page.locator("table tbody tr").all_inner_texts()
    assert any("3" in r and "Họ và tên" in r for r in rows), rows
    assert any("4" in r and "Điện thoại" in r for r in rows), rows
    shot(page, "24-import-dry-run-problems-phone")

    good = tmp_path / "can-bo-sua.csv"
    good.write_text(
        "Mã đơn vị,Họ và tên,Chức vụ,Điện thoại\n"
        "DV0001,Đỗ Thị Lan,Nhân viên bảo vệ,0921000001\n"
        "DV0001,Phan Văn Hải,Nhân viên bảo vệ,0921000002\n"
        "DV0001,Vũ Văn Nam,Nhân viên bảo vệ,0921000003\n",
        encoding="utf-8-sig",
    )
    page.goto(base + "/import")
    page.select_option("select[name=kind]", "staff")
    page.set_input_files("input[name=file]", str(good))
    with page.expect_navigation():
        page.click("button[name=mode][value=apply]")
    assert "Đã nhập 3 dòng" in page.inner_text("main")
    shot(page, "25-import-applied-phone")
    page.goto(base + "/staff?q=vu%20van%20nam")
    assert "Vũ Văn Nam" in page.inner_text("main")
    context.close()

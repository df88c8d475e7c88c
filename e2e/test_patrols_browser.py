"""Patrols in the demo province. The unit's security officer (antt) sets a route of four checkpoints on a desktop
and prints its label sheet, which zbarimg reads back from a PNG of the page; the guard (baove) walks a round on a
360-px phone by opening the checkpoints' links: three online, then the network drops, the fourth is kept by the
service worker, the network comes back, the kept scan is sent and the round completes.
Screenshots: $ARTIFACTS/screenshots/p*-*.png."""

from __future__ import annotations

import datetime
import subprocess

from test_browser import DESKTOP, assert_fits_phone, browser, shot  # noqa: F401  (browser is a fixture)
from test_duty_browser import phone, sign_in, submit
from test_organisation_browser import demo_server  # noqa: F401  (demo_server is a fixture)

CHECKPOINTS = ["Cổng chính", "Bốt gác phía sau", "Kho vật tư", "Nhà xe"]


def test_route_labels_and_a_round_walked_partly_offline(browser, demo_server, tmp_path):  # noqa: F811
    server, password = demo_server
    base = server.base

    # The security officer, at a desk: a route whose round is under way now (every hour from this hour on).
    desk = browser.new_context(viewport=DESKTOP)
    page = desk.new_page()
    page.set_default_timeout(20_000)
    sign_in(page, base, "antt", password)
    page.goto(base + "/patrols")
    with page.expect_navigation():
        page.get_by_role("link", name="Thêm tuyến tuần tra").click()
    hour = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=7))).hour
    page.fill("#route-name", "Tuần tra khu kho")
    page.select_option("#route-order", "free")  # the labels are read back in any order
    page.fill("#route-minimum_gap_minutes", "0")
    page.fill("#route-start", f"{hour:02d}:00")
    page.fill("#route-end", f"{(hour + 2) % 24:02d}:00")
    submit(page, "form:has(#route-name)")
    assert "Đã thêm tuyến" in page.inner_text("body"), page.inner_text("body")[:600]
    for name in CHECKPOINTS:
        page.locator("details:has(#checkpoint-name) > summary").click()
        page.fill("#checkpoint-name", name)
        submit(page, "form:has(#checkpoint-name)")
        assert "Đã lưu" in page.inner_text("body"), page.inner_text("body")[:600]
    text = page.inner_text("main")
    assert all(name in text for name in CHECKPOINTS), text[:800]
    shot(page, "p1-route-desktop")

    # The label sheet: four labels with the unit's and checkpoints' names; a PNG of it decodes to the four links.
    with page.expect_navigation():
        page.get_by_role("link", name="In tem các điểm (A4)").click()
    assert page.locator(".label").count() == 4
    page.wait_for_load_state("load")
    assert page.evaluate("() => Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)")
    sheet = tmp_path / "labels.png"
    page.screenshot(path=str(sheet), full_page=True)
    shot(page, "p2-label-sheet-desktop")
    page.emulate_media(media="print")
    shot(page, "p3-label-sheet-print")
    page.emulate_media(media="screen")
    decoded = subprocess.run(["zbarimg", "--quiet", "--raw", str(sheet)], capture_output=True, text=True, check=True)
    links = [line for line in decoded.stdout.splitlines() if line.strip()]
    assert len(links) == 4 and all(link.startswith(base + "/p/") for link in links), decoded.stdout
    desk.close()

    # The guard on a phone opens the links as the camera app would.
    context, phone_page = phone(browser, base, "baove", password)
    for link in links[:3]:
        phone_page.goto(link)
        body = phone_page.inner_text("main")
        assert "Đã ghi nhận" in body, body[:600]
    assert_fits_phone(phone_page)
    shot(phone_page, "p4-scan-recorded-phone")
    assert "Lượt này: 3/4 điểm" in phone_page.inner_text("main"), phone_page.inner_text("main")[:600]
    # The service worker is in charge of the scan pages from now on (it claims the page once active).
    assert phone_page.evaluate("""() => navigator.serviceWorker.ready.then(() => navigator.serviceWorker.controller
        ? true : new Promise(done => navigator.serviceWorker.addEventListener("controllerchange", () => done(true))))""")

    # In the basement: no network. The fourth scan is kept on the phone.
    context.set_offline(True)
    phone_page.goto(links[3])
    body = phone_page.inner_text("main")
    assert "Đã lưu lượt quét" in body, body[:600]
    shot(phone_page, "p5-scan-kept-offline-phone")

    # Back up: the page sends the kept scan by itself, and the round is complete.
    context.set_offline(False)
    phone_page.wait_for_selector("[data-patrol-synced]", state="attached", timeout=30_000)
    assert "ghi nhận 1 lượt quét" in phone_page.inner_text("#patrol-sync")
    shot(phone_page, "p6-kept-scan-sent-phone")
    phone_page.goto(base + "/patrols")
    with phone_page.expect_navigation():
        phone_page.locator("#patrol-rounds a").first.click()
    report = phone_page.inner_text("main")
    assert "Hoàn thành" in report and "quét khi mất mạng" in report, report[:1000]
    assert_fits_phone(phone_page)
    shot(phone_page, "p7-round-complete-phone")
    context.close()

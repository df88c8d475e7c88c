"""The roll-call kept on the phone (GATE-2): the guard opens the gate's desk and the roll-call once with the network,
then, with none, opens the roll-call again and reads the same list with a note that it is the kept copy.
Screenshots: $ARTIFACTS/screenshots/go-*.png."""

from __future__ import annotations

from test_browser import assert_fits_phone, browser, shot  # noqa: F401  (browser is a fixture)
from test_duty_browser import phone, submit
from test_organisation_browser import demo_server  # noqa: F401  (demo_server is a fixture)


def test_roll_call_opens_offline_from_the_copy_kept_on_the_phone(browser, demo_server):  # noqa: F811
    server, password = demo_server
    base = server.base
    context, page = phone(browser, base, "letan", password)
    page.goto(base + "/gate")
    page.fill("#visit-full_name", "Phạm Thị Điểm Danh")
    page.fill("#visit-document_number", "079190004321")
    page.fill("#visit-purpose", "Kiểm tra thiết bị")
    submit(page, "#check-in form")
    assert "Đã cho Phạm Thị Điểm Danh vào." in page.inner_text("body")
    # The desk registered the service worker; once it controls the page, the roll-call opened online is kept.
    assert page.evaluate("""() => navigator.serviceWorker.ready.then(() => navigator.serviceWorker.controller
        ? true : new Promise(done => navigator.serviceWorker.addEventListener("controllerchange", () => done(true))))""")
    page.goto(base + "/gate/inside")
    assert "Phạm Thị Điểm Danh" in page.inner_text("#roll-call")
    assert not page.locator("[data-offline-note]").is_visible()
    # The kept copy is written by the worker after the page is answered: wait until it is there.
    assert page.evaluate("""() => new Promise(done => {
        const look = () => caches.match("/gate/inside").then(kept => kept ? done(true) : setTimeout(look, 50));
        look();
    })""")

    context.set_offline(True)
    page.goto(base + "/gate/inside")
    assert "Phạm Thị Điểm Danh" in page.inner_text("#roll-call")
    assert "DANH SÁCH NGƯỜI NGOÀI ĐANG Ở TRONG ĐƠN VỊ" in page.inner_text("body")
    assert page.locator("[data-offline-note]").is_visible()
    assert_fits_phone(page)
    shot(page, "go-roll-call-offline-phone")
    context.set_offline(False)
    context.close()

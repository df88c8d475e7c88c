"""Webhooks and background jobs on a phone (issue 12, ACC-5): the province's police leader subscribes a
receiver, a bad address is named beside its field, the secret is shown once; an incident reported over the
API reaches the receiver signed, and the subscription's page lists the delivery with its attempt; the
administrator reads the background jobs. Screenshots: $ARTIFACTS/screenshots/w*-*.png."""

from __future__ import annotations

import time

import requests

from test_browser import PHONE, assert_fits_phone, browser, shot, submit  # noqa: F401  (browser is a fixture)
from test_organisation_browser import demo_server, sign_in  # noqa: F401  (demo_server is a fixture)
from test_webhooks_system import Receiver


def test_authority_subscribes_and_follows_deliveries_on_a_phone(browser, demo_server, cli, sqlite_path):  # noqa: F811
    server, password = demo_server
    base = server.base
    with Receiver() as receiver:
        context = browser.new_context(viewport=PHONE)
        page = context.new_page()
        page.set_default_timeout(20_000)
        sign_in(page, base, "congan.tinh", password)
        page.goto(base + "/webhooks")
        assert_fits_phone(page)

        # A wrong address: the error sits beside the field, what was typed stays.
        page.fill("input[name=url]", "ftp://cong-sms.local/nhan")
        page.check("input[value='incident.reported']")
        submit(page, "input[name=url]")
        assert "phải là địa chỉ http:// hoặc https:// đầy đủ" in page.inner_text("#url-error")
        assert page.input_value("input[name=url]") == "ftp://cong-sms.local/nhan"
        assert_fits_phone(page)
        shot(page, "w1-webhook-bad-address-phone")

        page.fill("input[name=url]", receiver.url)
        page.fill("input[name=description]", "Cổng SMS của Công an tỉnh")
        page.check("input[value='incident.reported']")
        submit(page, "input[name=url]")
        secret = page.inner_text("#new-secret").strip()
        assert secret.startswith("whsec_")
        receiver.secret = secret
        assert_fits_phone(page)
        shot(page, "w2-webhook-secret-once-phone")
        page.goto(base + "/webhooks")  # not a reload, which would post the form again
        assert secret not in page.content()

        # An incident in the province, reported over the API by the administrator, is delivered signed.
        env = {"SQLITE_PATH": str(sqlite_path)}
        token = cli("token", "create", "--username", "quantri", "--name", "e2e", env=env).stdout.strip().splitlines()[-1]
        headers = {"Authorization": f"Bearer {token}"}
        unit = requests.get(base + "/api/v1/units", headers=headers, timeout=10).json()["items"][0]
        r = requests.post(base + "/api/v1/incidents", headers=headers, timeout=10, json={
            "unit_id": unit["id"], "kind": "theft", "severity": "high", "place": "Cổng chính",
            "description": "Mất trộm xe máy trong nhà xe",
        })
        assert r.status_code == 201, r.text[:400]
        assert len(receiver.wait_for(1, timeout=30)) == 1, f"no delivery; refused: {receiver.bad}"
        assert receiver.bodies[0]["type"] == "incident.reported"

        page.locator("a", has_text="Cổng SMS của Công an tỉnh").first.click()
        deadline = time.monotonic() + 15
        while "HTTP 204" not in page.inner_text("main") and time.monotonic() < deadline:
            time.sleep(0.3)
            page.reload()
        main = page.inner_text("main")
        assert "Sự việc được báo cáo" in main and "Đã gửi" in main and "HTTP 204" in main, main
        assert_fits_phone(page)
        shot(page, "w3-webhook-deliveries-phone")
        context.close()

        # The administrator reads the background jobs: the delivery ran once and is done.
        context = browser.new_context(viewport=PHONE)
        page = context.new_page()
        page.set_default_timeout(20_000)
        sign_in(page, base, "quantri", password)
        page.goto(base + "/admin/jobs")
        main = page.inner_text("main")
        assert "Gửi webhook" in main and "Đã xong" in main, main
        assert_fits_phone(page)
        shot(page, "w4-admin-jobs-phone")
        context.close()

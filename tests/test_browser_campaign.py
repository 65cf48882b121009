"""A visitor signs a campaign in Chromium, confirms from the email the local SMTP
server caught, and sees the count go up. Screenshots go to ``test-artifacts/``."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from picketline.db import Database
from picketline.settings import Settings
from picketline.web.app import create_app
from tests.campaign_fixtures import open_campaign
from tests.conftest import REPO_ROOT
from tests.requirements import CHROMIUM_ARGS, require_chromium
from tests.smtp_fixtures import SmtpServer, links_in
from tests.web_fixtures import free_port

pytestmark = pytest.mark.browser

ARTIFACTS = REPO_ROOT / "test-artifacts"


@dataclass
class CampaignSite:
    url: str
    smtp: SmtpServer


@pytest.fixture
def campaign_site(
    sqlite_db: Database, sqlite_settings: Settings, smtp_server: SmtpServer
) -> Iterator[CampaignSite]:
    """uvicorn on a free port whose emails link back to it, sending through aiosmtpd."""
    import uvicorn

    open_campaign(sqlite_db, goal=250)
    port = free_port()
    settings = sqlite_settings.model_copy(
        update={
            "base_url": f"http://127.0.0.1:{port}",
            "smtp_url": smtp_server.url,
            "mail_send_interval_seconds": 1,
        }
    )
    app = create_app(settings, sqlite_db)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the uvicorn test server did not start", pytrace=False)
        time.sleep(0.05)
    try:
        yield CampaignSite(f"http://127.0.0.1:{port}", smtp_server)
    finally:
        server.should_exit = True
        thread.join(timeout=15)


def test_visitor_signs_confirms_by_email_and_the_count_goes_up(
    campaign_site: CampaignSite,
) -> None:
    chromium = require_chromium()
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    campaign_url = campaign_site.url + "/campaigns/pay-the-miners"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(campaign_url)
            expect(page.locator("h1")).to_have_text("Pay the Kapitalna miners now")
            expect(page.locator("#supporter-count")).to_have_text("0")
            page.screenshot(path=str(ARTIFACTS / "campaign.png"), full_page=True)

            page.get_by_label("Your name", exact=True).fill("Rosa Solidarność")
            page.get_by_label("Email", exact=True).fill("rosa@bücher.de")
            page.get_by_label("Country", exact=True).select_option("PL")
            page.get_by_label("Organisation or union (optional)").fill("OZZ Inicjatywa")
            page.get_by_label("Show my name publicly on this page").check()
            page.get_by_role("button", name="Sign").click()
            expect(page.locator("#pledge-notice")).to_contain_text("Check your email")
            expect(page.locator("#supporter-count")).to_have_text("0")  # not confirmed yet
            page.screenshot(path=str(ARTIFACTS / "campaign-signed.png"), full_page=True)

            (message,) = campaign_site.smtp.wait_for(1, timeout=15)
            assert message["To"] == "rosa@xn--bcher-kva.de"
            confirm = next(link for link in links_in(message) if "/confirm?token=" in link)
            assert confirm.startswith(campaign_site.url)
            page.goto(confirm)
            expect(page.locator("h1")).to_have_text("Confirm your signature")
            page.screenshot(path=str(ARTIFACTS / "campaign-confirm.png"), full_page=True)
            page.get_by_role("button", name="Confirm my signature").click()
            expect(page.locator("#pledge-notice")).to_contain_text("confirmed and counted")
            expect(page.locator("#supporter-count")).to_have_text("1")
            expect(page.locator(".supporter-names")).to_contain_text("Rosa Solidarność")
            expect(page.locator(".support-table").first).to_contain_text("Poland")
            assert "OZZ Inicjatywa" not in page.content()
            assert "rosa@" not in page.content()
            page.screenshot(path=str(ARTIFACTS / "campaign-confirmed.png"), full_page=True)

            page.goto(confirm)  # the link works once
            expect(page.locator("h1")).to_have_text("Confirm your signature")
            page.get_by_role("button", name="Confirm my signature").click()
            expect(page.locator("main")).to_contain_text("already been used")

            phone = browser.new_page(viewport={"width": 390, "height": 844})
            phone.goto(campaign_url)
            expect(phone.locator("#supporter-count")).to_have_text("1")
            width = phone.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, f"the campaign page scrolls sideways on a phone ({width}px)"
            phone.screenshot(path=str(ARTIFACTS / "campaign-phone.png"), full_page=True)
            phone.goto(campaign_site.url + "/campaigns")
            expect(phone.locator(".campaign-card")).to_have_count(1)
            phone.screenshot(path=str(ARTIFACTS / "campaigns-phone.png"), full_page=True)
        finally:
            browser.close()


def test_editor_form_at_desktop_and_phone_width(
    campaign_site: CampaignSite, sqlite_db: Database
) -> None:
    """An editor (signed in by session cookie) opens the edit form; it fits a phone."""
    chromium = require_chromium()
    from playwright.sync_api import expect, sync_playwright

    from picketline.actions.accounts import do_login
    from picketline.web.auth import SESSION_COOKIE
    from tests.auth_fixtures import _POLICY, DEFAULT_PASSWORD, create_user

    user = create_user(sqlite_db, "editor")
    signed = do_login(
        sqlite_db, user.name, DEFAULT_PASSWORD, policy=_POLICY, lifetime=dt.timedelta(hours=1)
    )
    session_id = signed.session_id
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            for name, width in (("campaign-edit.png", 1280), ("campaign-edit-phone.png", 390)):
                context = browser.new_context(viewport={"width": width, "height": 900})
                context.add_cookies(
                    [{"name": SESSION_COOKIE, "value": session_id, "url": campaign_site.url}]
                )
                page = context.new_page()
                page.goto(campaign_site.url + "/campaigns/1/edit")
                expect(page.locator("h1")).to_have_text("Edit campaign")
                expect(page.get_by_label("Addressed to (employer or authority)")).to_have_value(
                    "Kapitalna Coal Company"
                )
                width_used = page.evaluate("document.documentElement.scrollWidth")
                assert width_used <= width, f"the editor form scrolls sideways ({width_used}px)"
                page.screenshot(path=str(ARTIFACTS / name), full_page=True)
                context.close()
        finally:
            browser.close()

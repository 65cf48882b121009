"""Review in a real browser: two editors, the report form, evidence, conflicts, phone width.

Debian's Chromium driven by Playwright against a real uvicorn server. The
article is written for this test. Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from picketline.db import Database
from picketline.settings import Settings
from picketline.web.app import create_app
from tests.auth_fixtures import DEFAULT_PASSWORD, create_user
from tests.conftest import REPO_ROOT
from tests.requirements import CHROMIUM_ARGS, require_chromium
from tests.test_review_api import FIRST_REPORT, ingest
from tests.web_fixtures import serve_in_thread

pytestmark = pytest.mark.browser

ARTIFACTS = REPO_ROOT / "test-artifacts"
PORTERS = (
    "Twenty porters at the Central Station in Sheffield stopped work "
    "on 2 April 2025 because their March wages were not paid."
)


@dataclass
class Site:
    url: str
    struggle_id: int


@pytest.fixture
def site(sqlite_db: Database, sqlite_settings: Settings) -> Iterator[Site]:

    (struggle_id,) = ingest(
        sqlite_db, FIRST_REPORT, "2025-03-04", "https://news.example.org/hull-1"
    )
    for name in ("ann", "ben"):
        create_user(sqlite_db, "editor", name=name)
    with serve_in_thread(create_app(sqlite_settings, sqlite_db)) as url:
        yield Site(url, struggle_id)


def sign_in(page, url: str, name: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(url + "/login")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_load_state()


def test_editor_corrects_place_publishes_and_report_reaches_queue(site: Site) -> None:
    chromium = require_chromium()
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            # A person reports a struggle, without an account.
            visitor = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
            visitor.goto(site.url + "/")
            visitor.get_by_role("link", name="Report a struggle").click()
            visitor.fill("#what", PORTERS)
            visitor.fill("#where", "Central Station, Sheffield")
            visitor.fill("#contact", "porter.rep@example.org")
            visitor.screenshot(path=str(ARTIFACTS / "report-phone.png"), full_page=True)
            visitor.get_by_role("button", name="Send the report").click()
            expect(visitor.locator(".notice")).to_contain_text("Thank you")

            page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
            dialogs: list[str] = []
            page.on("dialog", lambda d: dialogs.append(d.message))
            sign_in(page, site.url, "ann")
            page.goto(site.url + "/review")
            expect(page.locator(".queue-item")).to_have_count(2)
            expect(page.locator(".queue")).to_contain_text("porters")  # the report is in the queue
            page.screenshot(path=str(ARTIFACTS / "review-list.png"), full_page=True)

            page.locator(f"a.queue-title[href='/review/{site.struggle_id}']").click()
            expect(page.locator("h1")).to_contain_text("refuse collectors")
            expect(page.locator("mark.ev").first).to_be_visible()
            page.locator("a.ev-link[data-field=workplace]").click()
            active = page.locator("mark.ev.ev-active")
            expect(active.first).to_have_text("Wilmington depot")
            page.screenshot(path=str(ARTIFACTS / "review-item.png"), full_page=True)

            # The article says Hull; the editor knows the depot is in Hessle, just outside.
            expect(page.locator(".field-place")).not_to_contain_text("Hessle")
            page.keyboard.press("e")
            page.fill("#place-name", "Hessle")
            page.fill("input[name=place_country]", "GB")
            page.fill("input[name=place_admin1]", "")
            page.get_by_role("button", name="Save changes").click()
            expect(page.locator(".notice")).to_contain_text("saved")
            expect(page.locator(".field-place")).to_contain_text("Hessle")
            expect(page.locator(".field-place")).to_contain_text("United Kingdom")
            expect(page.locator(".badge-edited")).to_have_count(1)

            page.keyboard.press("a")  # accept and publish
            page.wait_for_url("**done=accepted**")
            page.goto(site.url + "/")
            expect(page.locator("body")).to_contain_text("refuse collectors")
            page.screenshot(path=str(ARTIFACTS / "review-published-home.png"), full_page=True)

            phone = browser.new_context(viewport={"width": 390, "height": 844})
            phone_page = phone.new_page()
            sign_in(phone_page, site.url, "ann")
            phone_page.goto(site.url + "/review")
            phone_page.screenshot(path=str(ARTIFACTS / "review-list-phone.png"), full_page=True)
            phone_page.locator("a.queue-title").first.click()
            expect(phone_page.locator("mark.ev").first).to_be_visible()
            phone_page.screenshot(path=str(ARTIFACTS / "review-item-phone.png"), full_page=True)
            assert dialogs == []
        finally:
            browser.close()


def test_two_editors_second_save_is_refused_with_the_conflict(site: Site) -> None:
    chromium = require_chromium()
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            ann = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
            ben = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
            sign_in(ann, site.url, "ann")
            sign_in(ben, site.url, "ben")
            for page in (ann, ben):
                page.goto(f"{site.url}/review/{site.struggle_id}")
                page.locator("#edit summary").click()
            ann.fill("input[name=workers]", "bin lorry crews")
            ann.get_by_role("button", name="Save changes").click()
            expect(ann.locator(".notice")).to_contain_text("saved")

            ben.fill("input[name=workers]", "street sweepers")
            ben.get_by_role("button", name="Save changes").click()
            box = ben.locator(".conflict-box")
            expect(box).to_contain_text("Someone else changed this struggle after you opened it")
            expect(box).to_contain_text("bin lorry crews")
            expect(box).to_contain_text("street sweepers")  # his own change, not saved
            expect(box).to_contain_text("ann")
            ben.screenshot(path=str(ARTIFACTS / "review-conflict.png"), full_page=True)
            ann.reload()
            expect(ann.locator("input[name=workers]")).to_have_value("bin lorry crews")
        finally:
            browser.close()

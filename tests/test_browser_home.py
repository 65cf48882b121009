"""What a person does in a real browser: open the list, see the demo banner, open a struggle.

Debian's Chromium, driven by Playwright, against a real uvicorn server on a free
loopback port. Screenshots go to ``test-artifacts/`` for a human to look at.
"""

from __future__ import annotations

import pytest

from tests.conftest import REPO_ROOT
from tests.requirements import CHROMIUM_ARGS, require_chromium
from tests.web_fixtures import LiveServer

pytestmark = pytest.mark.browser

ARTIFACTS = REPO_ROOT / "test-artifacts"


def test_home_lists_demo_struggles_and_opens_one(live_server: LiveServer) -> None:
    chromium = require_chromium()
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(live_server.url + "/")
            expect(page.locator(".demo-banner")).to_contain_text("Demo data")
            cards = page.locator(".struggle-card")
            expect(cards.first).to_be_visible()
            assert cards.count() > 1
            demo_card = page.locator(".struggle-card.is-demo").first
            expect(demo_card.locator(".badge-demo")).to_have_text("DEMO")
            page.screenshot(path=str(ARTIFACTS / "home.png"), full_page=True)

            title = demo_card.locator("h3 a")
            title_text = title.inner_text()
            title.click()
            expect(page.locator("h1")).to_have_text(title_text)
            expect(page.locator(".demo-banner")).to_be_visible()
            expect(page.locator("#timeline-h")).to_be_visible()
            expect(page.locator("#sources-h")).to_be_visible()
            expect(page.locator(".demo-note")).to_be_visible()
            page.screenshot(path=str(ARTIFACTS / "struggle.png"), full_page=True)

            phone = browser.new_page(viewport={"width": 390, "height": 844})
            phone.goto(page.url)
            expect(phone.locator("h1")).to_have_text(title_text)
            phone.screenshot(path=str(ARTIFACTS / "struggle-phone.png"), full_page=True)

            page.goto(live_server.url + "/")
            page.get_by_label("Search the record").fill("Abashevskaya")
            page.get_by_role("button", name="Search").click()
            expect(page.locator(".struggle-card")).to_have_count(1)
            expect(page.locator(".struggle-card h3")).to_contain_text("Abashevskaya")
            page.screenshot(path=str(ARTIFACTS / "search.png"), full_page=True)

            response = page.goto(live_server.url + "/struggles/987654321")
            assert response is not None and response.status == 404
            expect(page.locator("h1")).to_have_text("Not found")
            expect(page.locator(".demo-banner")).to_be_visible()
        finally:
            browser.close()


def test_xss_title_does_not_run_in_the_browser(live_server: LiveServer) -> None:
    chromium = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            dialogs: list[str] = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(f"{live_server.url}/struggles/{live_server.xss_id}")
            assert "<script>" in page.locator("h1").inner_text()
            assert page.evaluate("window.__pwned === undefined")
            assert dialogs == []
        finally:
            browser.close()


def test_list_filters_without_javascript_and_share_the_url(live_server: LiveServer) -> None:
    """Filter by country, sector and an action with JavaScript off; the URL holds it all."""
    chromium = require_chromium()
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(
                java_script_enabled=False, viewport={"width": 1280, "height": 900}
            )
            page = context.new_page()
            page.goto(live_server.url + "/struggles")
            page.get_by_label("Country").select_option("RU")
            page.get_by_label("Sector").select_option("B")
            page.locator("summary", has_text="Actions").click()
            page.get_by_label("Strike", exact=True).check()
            page.get_by_role("button", name="Show struggles").click()
            assert (
                "country=RU" in page.url and "sector=B" in page.url and "action=strike" in page.url
            )
            cards = page.locator(".struggle-card")
            expect(cards.first).to_be_visible()
            expect(page.locator(".struggle-list")).to_contain_text("Abashevskaya")
            page.screenshot(path=str(ARTIFACTS / "list-filtered.png"), full_page=True)
            shared = context.new_page()
            shared.goto(page.url)  # the same address shows the same selection
            expect(shared.get_by_label("Country")).to_have_value("RU")
            assert shared.locator(".struggle-card").count() == cards.count()

            phone = browser.new_page(viewport={"width": 390, "height": 844})
            phone.goto(live_server.url + "/struggles?country=RU&sort=participants")
            expect(phone.locator("h1")).to_have_text("Struggles")
            width = phone.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, f"the list page scrolls sideways on a phone ({width}px)"
            phone.screenshot(path=str(ARTIFACTS / "list-phone.png"), full_page=True)
            phone.goto(live_server.url + "/")
            phone.screenshot(path=str(ARTIFACTS / "home-phone.png"), full_page=True)
        finally:
            browser.close()

"""The static mirror in real Chromium, opened from disk (``file://``), with no server.

What a person with the mirror on a USB stick does: open ``index.html``, open a
struggle, search with the client-side index, switch to Russian and Ukrainian,
look at the map. Screenshots go to ``test-artifacts/mirror-*.png``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from picketline.db import Database
from picketline.publish.mirror import build_mirror
from picketline.settings import Settings
from tests.conftest import REPO_ROOT
from tests.requirements import CHROMIUM_ARGS, require_chromium
from tests.test_browser_a11y import describe, run_axe
from tests.web_fixtures import seed

pytestmark = pytest.mark.browser

ARTIFACTS = REPO_ROOT / "test-artifacts"


def test_mirror_works_from_file_urls(
    sqlite_db: Database, sqlite_settings: Settings, tmp_path: Path
) -> None:
    chromium = require_chromium()
    from playwright.sync_api import expect, sync_playwright

    seed(sqlite_db)
    out = tmp_path / "mirror"
    build_mirror(sqlite_db, sqlite_settings, out, live_url="https://picketline.example.org")
    ARTIFACTS.mkdir(exist_ok=True)
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto((out / "index.html").as_uri())
            expect(page.locator("html")).to_have_attribute("lang", "en")
            expect(page.locator(".demo-banner")).to_be_visible()
            header_colour = page.eval_on_selector(
                ".site-header", "e => getComputedStyle(e).backgroundColor"
            )
            assert header_colour != "rgba(0, 0, 0, 0)", "the stylesheet did not load"
            page.screenshot(path=str(ARTIFACTS / "mirror-home.png"), full_page=True)

            title = "Abashevskaya miners strike over unpaid wages"
            page.get_by_role("link", name=title).first.click()
            expect(page.locator("h1")).to_have_text(title)
            assert page.url.startswith("file://") and page.url.endswith("/index.html")
            page.screenshot(path=str(ARTIFACTS / "mirror-struggle.png"), full_page=True)

            page.get_by_role("link", name="Русский").click()
            expect(page.locator("html")).to_have_attribute("lang", "ru")
            expect(page.locator("h1")).to_be_visible()
            assert "/ru/struggles/" in page.url
            page.get_by_role("link", name="Українська").click()
            expect(page.locator("html")).to_have_attribute("lang", "uk")
            page.screenshot(path=str(ARTIFACTS / "mirror-struggle-uk.png"), full_page=True)

            page.goto((out / "search" / "index.html").as_uri())
            page.get_by_label("Words to look for").fill("Abashevskaya")
            results = page.locator("#mirror-results li")
            expect(results).to_have_count(1)
            expect(results.first).to_contain_text("Abashevskaya miners strike")
            expect(page.locator("#mirror-status")).to_contain_text("1")
            page.screenshot(path=str(ARTIFACTS / "mirror-search.png"), full_page=True)
            serious = run_axe(page)  # the search page exists only in the mirror
            assert serious == [], describe(serious)
            results.first.locator("a").click()
            expect(page.locator("h1")).to_have_text("Abashevskaya miners strike over unpaid wages")

            page.goto((out / "ru" / "search" / "index.html").as_uri() + "?q=забастовка")
            expect(page.locator("#mirror-results li").first).to_be_visible()
            expect(page.locator("html")).to_have_attribute("lang", "ru")
            page.screenshot(path=str(ARTIFACTS / "mirror-search-ru.png"), full_page=True)

            if (out / "map" / "index.html").exists():
                page.goto((out / "map" / "index.html").as_uri())
                page.wait_for_timeout(1500)
                page.screenshot(path=str(ARTIFACTS / "mirror-map.png"), full_page=True)

            phone = browser.new_page(viewport={"width": 390, "height": 844})
            phone.goto((out / "uk" / "index.html").as_uri())
            expect(phone.locator("html")).to_have_attribute("lang", "uk")
            phone.screenshot(path=str(ARTIFACTS / "mirror-home-phone-uk.png"), full_page=True)
        finally:
            browser.close()
    assert errors == [], f"JavaScript errors in the mirror: {errors}"

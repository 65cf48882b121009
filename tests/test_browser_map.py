"""The map and statistics in a real browser: outlines, clusters, a click that zooms, a popup.

Debian's Chromium, driven by Playwright, against a real uvicorn server (no tile
server configured, so the bundled country outlines are the base layer).
Screenshots go to ``test-artifacts/`` for a human to look at.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from picketline.db import Database
from picketline.settings import Settings
from tests.conftest import REPO_ROOT
from tests.requirements import CHROMIUM_ARGS, require_chromium
from tests.web_fixtures import LiveServer

pytestmark = pytest.mark.browser

ARTIFACTS = REPO_ROOT / "test-artifacts"
MAP = "#struggle-map"


def test_map_draws_outlines_and_clusters_and_a_click_zooms(live_server: LiveServer) -> None:
    chromium = require_chromium()
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.on(  # a failed request for map data or a script (the favicon is no concern)
                "response",
                lambda r: (
                    errors.append(f"{r.status} {r.url}")
                    if r.status >= 400 and "favicon" not in r.url
                    else None
                ),
            )
            page.goto(live_server.url + "/map")
            expect(page.locator(f"{MAP}[data-map-ready]")).to_have_count(1)
            # The base layer is the bundled outlines: one SVG path per country.
            outlines = page.locator(f"{MAP} .leaflet-overlay-pane path")
            assert outlines.count() > 150
            clusters = page.locator(f"{MAP} .map-cluster")
            expect(clusters.first).to_be_visible()
            assert clusters.count() >= 3
            assert "Natural Earth" in page.locator(".leaflet-control-attribution").inner_text()
            expect(page.locator(".map-status")).to_contain_text("struggles")
            page.screenshot(path=str(ARTIFACTS / "map.png"), full_page=True)

            zoom_before = page.evaluate(
                "document.querySelector('#struggle-map').picketlineMap.getZoom()"
            )
            ready_before = page.locator(MAP).get_attribute("data-map-ready")
            clusters.first.click()
            expect(page.locator(MAP)).not_to_have_attribute("data-map-ready", ready_before or "")
            zoom_after = page.evaluate(
                "document.querySelector('#struggle-map').picketlineMap.getZoom()"
            )
            assert zoom_after > zoom_before

            # Zoomed in on Novokuznetsk: single struggles, stacked where they share a place.
            page.evaluate(
                "document.querySelector('#struggle-map').picketlineMap.setView([53.76, 87.11], 10)"
            )
            stack = page.locator(f"{MAP} .map-stack, {MAP} .map-point").first
            expect(stack).to_be_visible()
            stack.click()
            popup_link = page.locator(".leaflet-popup-content a").first
            expect(popup_link).to_be_visible()
            page.wait_for_timeout(400)  # the popup fades in
            page.screenshot(path=str(ARTIFACTS / "map-popup.png"))
            assert "/struggles/" in (popup_link.get_attribute("href") or "")
            # A title with markup is shown as text in the popup, never run.
            assert page.evaluate("window.__pwned === undefined")
            popup_link.click()
            expect(page.locator("h1")).to_be_visible()
            assert "/struggles/" in page.url
            assert errors == []
        finally:
            browser.close()


def test_struggle_page_small_map_and_stats_at_phone_width(live_server: LiveServer) -> None:
    chromium = require_chromium()
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 390, "height": 844})
            page.goto(f"{live_server.url}/struggles/{live_server.xss_id}")
            small = page.locator(".map[data-map-kind='place']")
            expect(small).to_have_attribute("data-map-ready", "1")
            assert (
                page.locator(".map[data-map-kind='place'] .leaflet-overlay-pane path").count() > 150
            )
            expect(page.locator(".map-point-here")).to_be_visible()

            page.goto(live_server.url + "/stats")
            expect(page.locator("h1")).to_have_text("Statistics")
            for chart in ("chart-months", "chart-countries", "chart-sectors", "chart-outcomes"):
                expect(page.locator(f"svg#{chart}")).to_be_visible()
            # Nothing but the wide month chart's own box may scroll sideways at 390 px.
            overflow = page.evaluate("document.documentElement.scrollWidth")
            assert overflow <= 390
            page.screenshot(path=str(ARTIFACTS / "stats-phone.png"), full_page=True)
            desktop = browser.new_page(viewport={"width": 1280, "height": 900})
            desktop.goto(live_server.url + "/stats")
            desktop.screenshot(path=str(ARTIFACTS / "stats.png"), full_page=True)
        finally:
            browser.close()


def test_static_map_works_from_files(
    sqlite_db: Database, sqlite_settings: Settings, tmp_path: Path
) -> None:
    """The mirror's way: the page rendered in mirror mode, the data as script files, file://."""
    chromium = require_chromium()
    from fastapi.testclient import TestClient
    from playwright.sync_api import expect, sync_playwright

    from picketline.publish import mapdata
    from picketline.web.app import STATIC_DIR, create_app
    from tests.web_fixtures import seed

    seed(sqlite_db)
    app = create_app(sqlite_settings, sqlite_db)

    async def as_mirror(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            scope = {**scope, "picketline.mirror": True, "picketline.map_data": "../map/data/"}
        await app(scope, receive, send)

    with TestClient(as_mirror) as client:
        html = client.get("/map").text
    (tmp_path / "map").mkdir()
    (tmp_path / "map" / "index.html").write_text(html.replace('"/static/', '"../static/'))
    shutil.copytree(STATIC_DIR, tmp_path / "static")
    for relative, content in mapdata.static_files(sqlite_db):
        target = tmp_path / "map" / "data" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto((tmp_path / "map" / "index.html").as_uri())
            expect(page.locator(f"{MAP}[data-map-ready]")).to_have_count(1)
            expect(page.locator(f"{MAP} .map-cluster").first).to_be_visible()
            page.evaluate(
                "document.querySelector('#struggle-map').picketlineMap.setView([53.76, 87.11], 10)"
            )
            stack = page.locator(f"{MAP} .map-stack").first
            expect(stack).to_be_visible()
            stack.click()
            link = page.locator(".leaflet-popup-content a").first
            expect(link).to_have_attribute("href", re.compile(r"^\.\./struggles/\d+/index\.html$"))
            assert page.locator(f"{MAP}[data-map-error]").count() == 0
            assert errors == []
        finally:
            browser.close()

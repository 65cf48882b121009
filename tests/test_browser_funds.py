"""In Chromium: an editor records a disbursement through the form, the public sees the
books without donor identities, and the pages fit a phone. Screenshots go to
``test-artifacts/``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from picketline.actions.ledger import do_create_fund, do_record_entry
from picketline.actions.struggles import do_create_struggle
from picketline.db import Database
from picketline.domain.ledger import Donor
from picketline.settings import Settings
from picketline.web.app import create_app
from tests.auth_fixtures import DEFAULT_PASSWORD, create_user
from tests.conftest import REPO_ROOT
from tests.db_fixtures import full_bundle
from tests.requirements import CHROMIUM_ARGS, require_chromium
from tests.web_fixtures import serve_in_thread

pytestmark = pytest.mark.browser

ARTIFACTS = REPO_ROOT / "test-artifacts"
HIDDEN_DONOR = "Marta Hiddendonor-3391"
PURPOSE = '<img src=x onerror="window.__pwned=1"> Food parcels'


@dataclass
class FundServer:
    url: str
    fund_id: int


@pytest.fixture
def fund_server(sqlite_db: Database, sqlite_settings: Settings) -> Iterator[FundServer]:

    struggle_id = do_create_struggle(sqlite_db, full_bundle("browser"), actor="test")
    fund_id = do_create_fund(
        sqlite_db, name="Vorkuta strike fund", currency="EUR", struggle_id=struggle_id, actor="e"
    )
    do_record_entry(
        sqlite_db,
        fund_id,
        kind="donation",
        amount=120_000,
        occurred_on=dt.date(2024, 5, 1),
        donor=Donor(HIDDEN_DONOR, "marta@example.org"),
        actor="e",
    )
    create_user(sqlite_db, "editor")
    with serve_in_thread(create_app(sqlite_settings, sqlite_db)) as url:
        yield FundServer(url, fund_id)


def test_editor_records_a_disbursement_and_the_public_sees_the_books(
    fund_server: FundServer,
) -> None:
    chromium = require_chromium()
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    fund_url = f"{fund_server.url}/funds/{fund_server.fund_id}"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            editor = browser.new_page(viewport={"width": 1280, "height": 900})
            editor.goto(f"{fund_server.url}/login")
            editor.get_by_label("Name").fill("test-editor")
            editor.get_by_label("Password").fill(DEFAULT_PASSWORD)
            editor.get_by_role("button", name="Sign in").click()
            editor.goto(fund_url)
            editor.get_by_role("link", name="Record an entry").click()
            editor.get_by_label("Kind").select_option("disbursement")
            editor.get_by_label("Amount (EUR)").fill("250.50")
            editor.get_by_label("Purpose (public; required for money paid out)").fill(PURPOSE)
            editor.screenshot(path=str(ARTIFACTS / "fund-record-form.png"), full_page=True)
            editor.get_by_role("button", name="Record").click()
            expect(editor.locator("#fund-title")).to_have_text("Vorkuta strike fund")
            expect(editor.locator(".fund-balance dd")).to_contain_text("949.50")

            public = browser.new_page(viewport={"width": 390, "height": 844})
            public.goto(fund_url)
            expect(public.locator(".ledger-table").first).to_contain_text("Food parcels")
            assert public.evaluate("window.__pwned === undefined")
            assert HIDDEN_DONOR not in public.content()
            expect(public.locator(".anonymous").first).to_have_text("anonymous")
            width = public.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, f"the fund page is {width}px wide on a 390px phone"
            public.screenshot(path=str(ARTIFACTS / "fund-phone.png"), full_page=True)

            public.goto(f"{fund_server.url}/alerts")
            width = public.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, f"the alerts form is {width}px wide on a 390px phone"
            public.screenshot(path=str(ARTIFACTS / "alerts-phone.png"), full_page=True)
        finally:
            browser.close()

"""The strike-fund pages and API: public books without donor identities; editors record."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from picketline.access.permissions import Role
from picketline.actions.ledger import do_create_fund, do_record_entry
from picketline.actions.struggles import do_create_struggle
from picketline.db import Database
from picketline.domain.ledger import Donor
from picketline.domain.vocab import StruggleStatus
from picketline.settings import Settings
from picketline.web.app import create_app
from tests.auth_fixtures import client_as, csrf_form
from tests.db_fixtures import full_bundle

SECRET_DONOR = ("Hanna Secretdonor-8812", "hanna.secret.8812@example.org")
PUBLIC_DONOR = "Dockworkers of Gdansk"
XSS = "<script>window.__pwned=1</script>"
DAY = dt.date(2024, 5, 1)


@dataclass
class Books:
    app: FastAPI
    db: Database
    fund_id: int
    hidden_fund_id: int
    struggle_id: int
    hidden_struggle_id: int


@pytest.fixture
def books(db: Database, settings: Settings) -> Iterator[Books]:
    struggle_id = do_create_struggle(db, full_bundle("fund"), actor="test")
    fund_id = do_create_fund(
        db, name="Vorkuta strike fund", currency="EUR", struggle_id=struggle_id, actor="e"
    )
    record: dict[str, Any] = {"occurred_on": DAY, "actor": "editor"}
    do_record_entry(
        db, fund_id, kind="donation", amount=150_000, donor=Donor(*SECRET_DONOR), **record
    )
    do_record_entry(
        db, fund_id, kind="donation", amount=2_550, donor=Donor(PUBLIC_DONOR, "", True), **record
    )
    do_record_entry(db, fund_id, kind="pledge", amount=10_000, **record)
    do_record_entry(
        db, fund_id, kind="disbursement", amount=40_000, purpose=f"Food {XSS}", **record
    )
    bundle = full_bundle("candidate")
    hidden = bundle.struggle.__class__(**{**bundle.struggle.__dict__})
    object.__setattr__(hidden, "status", StruggleStatus.CANDIDATE)
    candidate_id = do_create_struggle(db, bundle.__class__(hidden, bundle.sources), actor="t")
    hidden_fund = do_create_fund(
        db, name="hidden", currency="EUR", struggle_id=candidate_id, actor="e"
    )
    yield Books(create_app(settings, db), db, fund_id, hidden_fund, struggle_id, candidate_id)


def test_public_page_shows_totals_and_disbursements(books: Books) -> None:
    with TestClient(books.app) as client:
        page = client.get(f"/funds/{books.fund_id}")
    assert page.status_code == 200
    html = page.text
    assert "1525.50&nbsp;EUR" in html.replace("\u202f", "")  # received
    assert "400.00&nbsp;EUR" in html  # paid out
    assert "1125.50&nbsp;EUR" in html.replace("\u202f", "")  # balance
    assert "100.00&nbsp;EUR" in html  # pledged, not yet received
    assert "Food &lt;script&gt;" in html and XSS not in html  # purpose escaped
    assert PUBLIC_DONOR in html and "anonymous" in html
    for secret in SECRET_DONOR:
        assert secret not in html
    assert "Record an entry" not in html  # the public cannot record


def test_api_has_exact_amounts_and_no_donor_identity(books: Books) -> None:
    with TestClient(books.app) as client:
        data = client.get(f"/api/v1/funds/{books.fund_id}").json()
    assert data["totals"]["balance"] == {"minor": 112_550, "text": "1125.50"}
    assert data["exponent"] == 2
    assert [d["purpose"] for d in data["disbursements"]] == [f"Food {XSS}"]
    donors = [d["donor"] for d in data["donations"]]
    assert donors == [None, PUBLIC_DONOR, None]
    raw = str(data)
    assert all(secret not in raw for secret in SECRET_DONOR)


def test_fund_of_an_unpublished_struggle_is_not_found(books: Books) -> None:
    with TestClient(books.app) as client:
        assert client.get(f"/funds/{books.hidden_fund_id}").status_code == 404
        assert client.get(f"/api/v1/funds/{books.hidden_fund_id}").status_code == 404
        assert client.get("/api/v1/funds/99999").status_code == 404


@pytest.mark.parametrize("role", ["public", "contributor"])
def test_only_editors_may_record(books: Books, role: str) -> None:
    client = client_as(books.app, books.db, role)
    with client:
        form = csrf_form(client, kind="donation", amount="5", date="2024-05-02")
        answer = client.post(f"/funds/{books.fund_id}/record", data=form, follow_redirects=False)
        assert answer.status_code == (401 if role == "public" else 403)
        assert client.get(f"/funds/{books.fund_id}/record").status_code in (401, 403)
        data = client.get(f"/api/v1/funds/{books.fund_id}").json()
    assert len(data["donations"]) == 3


def test_editor_records_through_the_form_and_reverses(books: Books) -> None:
    editor = client_as(books.app, books.db, Role.EDITOR)
    with editor:
        page = editor.get(f"/funds/{books.fund_id}")
        assert "Record an entry" in page.text and SECRET_DONOR[1] in page.text  # editors only
        form = csrf_form(
            editor, kind="disbursement", amount="25.50", date="2024-05-03", purpose="Bus fares"
        )
        done = editor.post(f"/funds/{books.fund_id}/record", data=form, follow_redirects=False)
        assert done.status_code == 303
        data = editor.get(f"/api/v1/funds/{books.fund_id}").json()
        assert data["totals"]["disbursed"]["minor"] == 42_550
        entry = data["disbursements"][-1]["id"]
        reverse = csrf_form(editor, reason="paid twice")
        url = f"/funds/{books.fund_id}/entries/{entry}/reverse"
        assert editor.post(url, data=reverse, follow_redirects=False).status_code == 303
        data = editor.get(f"/api/v1/funds/{books.fund_id}").json()
    assert data["totals"]["disbursed"]["minor"] == 40_000
    assert data["disbursements"][-1]["reversed_by"] == data["corrections"][0]["id"]


@pytest.mark.parametrize(
    ("amount", "message"),
    [("-5", "more than zero"), ("12.345", "decimals"), ("1e400000", "too large"), ("", "")],
)
def test_bad_amounts_are_refused_in_the_form(books: Books, amount: str, message: str) -> None:
    editor = client_as(books.app, books.db, Role.EDITOR)
    with editor:
        form = csrf_form(editor, kind="donation", amount=amount, date="2024-05-03")
        answer = editor.post(f"/funds/{books.fund_id}/record", data=form)
        # input: a negative, over-precise, absurd or empty amount; the user sees why, 400/422
        assert answer.status_code in (400, 422)
        if message:
            assert message in answer.text
        data = editor.get(f"/api/v1/funds/{books.fund_id}").json()
    assert len(data["donations"]) == 3


def test_form_without_csrf_token_is_refused(books: Books) -> None:
    editor = client_as(books.app, books.db, Role.EDITOR)
    with editor:
        answer = editor.post(
            f"/funds/{books.fund_id}/record",
            data={"kind": "donation", "amount": "5", "date": "2024-05-03"},
        )
    assert answer.status_code == 403


def test_overdraft_through_the_form_shows_the_reason(books: Books) -> None:
    editor = client_as(books.app, books.db, Role.EDITOR)
    with editor:
        form = csrf_form(
            editor, kind="disbursement", amount="5000", date="2024-05-03", purpose="Rent"
        )
        answer = editor.post(f"/funds/{books.fund_id}/record", data=form)
    assert answer.status_code == 400
    assert re.search(r"cannot pay out more than it holds", answer.text)


def test_a_struggle_s_funds_are_listed_only_when_public(books: Books) -> None:
    with TestClient(books.app) as client:
        data = client.get(f"/api/v1/funds/{books.fund_id}").json()
        listed = client.get("/api/v1/funds", params={"struggle_id": data["struggle_id"]}).json()
        hidden = client.get("/api/v1/funds/", params={"struggle_id": 99999})
    assert [f["id"] for f in listed] == [books.fund_id]
    assert listed[0]["totals"]["balance"]["minor"] == 112_550
    assert hidden.status_code in (200, 404) and (hidden.status_code == 404 or hidden.json() == [])


def test_struggle_page_links_to_its_public_funds(books: Books) -> None:
    """The struggle page lists its fund with balance, received and a link to /funds/{id}."""
    with TestClient(books.app) as client:
        page = client.get(f"/struggles/{books.struggle_id}")
        ru_page = client.get(f"/ru/struggles/{books.struggle_id}")
    assert page.status_code == 200
    block = page.text.split('class="funds-block"', 1)[1].split("</section>", 1)[0]
    assert "Strike funds" in block
    assert f'href="/funds/{books.fund_id}"' in block
    assert "Vorkuta strike fund" in block
    assert "1125.50&nbsp;EUR" in block  # balance: 1500 + 25.50 received - 400 paid out
    assert "1525.50&nbsp;EUR" in block  # received
    assert "hidden" not in block  # the unpublished struggle's fund
    assert "Стачечные фонды" in ru_page.text
    assert f'href="/ru/funds/{books.fund_id}"' in ru_page.text


def test_struggle_without_funds_shows_no_funds_block(books: Books) -> None:
    other = do_create_struggle(books.db, full_bundle("no fund"), actor="test")
    with TestClient(books.app) as client:
        page = client.get(f"/struggles/{other}")
    assert page.status_code == 200
    assert "funds-block" not in page.text and "Strike funds" not in page.text


def test_fund_of_an_unpublished_struggle_never_appears(books: Books) -> None:
    """The candidate struggle's page is not public, and its fund is not listed anywhere."""
    from picketline.web.api.funds import struggle_funds

    assert struggle_funds(books.db, books.hidden_struggle_id) == []
    with TestClient(books.app) as client:
        assert client.get(f"/struggles/{books.hidden_struggle_id}").status_code == 404
        page = client.get(f"/struggles/{books.struggle_id}")
    assert f'href="/funds/{books.hidden_fund_id}"' not in page.text


def test_the_database_file_holds_no_donor_subscriber_or_secret_in_clear(
    sqlite_db: Database, sqlite_settings: Settings
) -> None:
    from picketline.actions.alerts import do_subscribe
    from picketline.actions.webhooks import do_create_webhook
    from picketline.db.filters import StruggleFilter

    subscriber = "reader.hidden.7781@example.org"
    webhook_secret = "union-shared-secret-hidden-5532"
    struggle_id = do_create_struggle(sqlite_db, full_bundle("file"), actor="test")
    fund_id = do_create_fund(
        sqlite_db, name="f", currency="EUR", struggle_id=struggle_id, actor="e"
    )
    do_record_entry(
        sqlite_db,
        fund_id,
        kind="donation",
        amount=500,
        occurred_on=DAY,
        actor="e",
        donor=Donor(*SECRET_DONOR),
    )
    do_subscribe(
        sqlite_db, sqlite_settings, email=subscriber, wanted=StruggleFilter(), frequency="daily"
    )
    do_create_webhook(
        sqlite_db,
        organisation="Union",
        url="https://union.example.org/hook",
        secret=webhook_secret,
        wanted=StruggleFilter(),
        actor="e",
    )
    sqlite_db.close()  # checkpoint: the main file and any WAL are searched
    files = [p for p in sqlite_settings.data_dir.iterdir() if p.name.startswith("picketline.")]
    for path in files:
        raw = path.read_bytes()
        for secret in (*SECRET_DONOR, subscriber, webhook_secret):
            assert secret.encode() not in raw, f"{secret!r} is in {path.name} in clear"

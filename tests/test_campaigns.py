"""Campaigns: opening and editing (actions, editor pages, API), public pages and JSON,
permissions, the signature export (web and CLI), and the struggle page's partial."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from picketline.access.permissions import Actor
from picketline.actions.campaigns import do_create_campaign, do_update_campaign
from picketline.actions.pledges import do_confirm_pledge, do_pledge
from picketline.db import Database
from picketline.db.campaigns import campaigns_for_struggle, get_campaign
from picketline.db.pledges import NotAllowedError, signatures
from picketline.domain.campaign import CampaignText
from picketline.domain.pledge import PledgeInput
from picketline.domain.vocab import StruggleStatus
from picketline.errors import ConflictError, InputError, NotFoundError
from picketline.notify.outbox import deliver_due
from picketline.settings import Settings
from picketline.web.app import create_app
from tests.auth_fixtures import bearer_headers, client_as, csrf_form
from tests.campaign_fixtures import (
    EN,
    RU,
    campaign_input,
    make_struggle,
    open_campaign,
    sqlite_only,
    token_from,
)
from tests.smtp_fixtures import SmtpServer, links_in


@pytest.fixture
def app(db: Database, db_settings: Settings) -> TestClient:
    return TestClient(create_app(db_settings, db))


def signed(
    db: Database, settings: Settings, smtp: SmtpServer, campaign_id: int, **who: str
) -> None:
    """A confirmed signature (through the real email)."""
    before = len(smtp.messages)
    do_pledge(db, settings, campaign_id, PledgeInput(**who))  # type: ignore[arg-type]
    deliver_due(db, settings.model_copy(update={"smtp_url": smtp.url}))
    message = smtp.wait_for(before + 1)[before]
    confirm = next(link for link in links_in(message) if "/confirm?token=" in link)
    do_confirm_pledge(db, settings, token_from(confirm))


# ---- actions ---------------------------------------------------------------------


@sqlite_only
@pytest.mark.parametrize(
    ("change", "says"),
    [
        ({"slug": "Not A Slug"}, "lower-case letters"),
        ({"slug": "12345"}, "must contain a letter"),
        ({"target": "   "}, "whom the campaign addresses"),
        ({"goal": 0}, "goal must be"),
        ({"ends_on": dt.date(2000, 1, 1)}, "cannot end before it starts"),
        ({"texts": ()}, "at least one language"),
        ({"texts": (EN, dataclasses.replace(EN, title="Other"))}, "only one translation"),
        ({"texts": (dataclasses.replace(EN, language="english!"),)}, "not a language code"),
        ({"texts": (dataclasses.replace(EN, title="T" * 201),)}, "1 to 200"),
    ],
)
def test_bad_campaigns_are_refused(db: Database, change: dict[str, object], says: str) -> None:
    struggle_id = make_struggle(db)
    data = dataclasses.replace(campaign_input(struggle_id), **change)  # type: ignore[arg-type]
    with pytest.raises(InputError, match=says):
        do_create_campaign(db, data, actor="editor")


@sqlite_only
def test_campaign_on_a_missing_struggle_or_taken_slug(db: Database) -> None:
    with pytest.raises(NotFoundError):
        do_create_campaign(db, campaign_input(987654), actor="editor")
    open_campaign(db, "taken")
    with pytest.raises(InputError, match="taken by another campaign"):
        do_create_campaign(db, campaign_input(make_struggle(db), "taken"), actor="editor")


def test_editing_replaces_texts_and_refuses_stale_versions(db: Database) -> None:
    campaign_id = open_campaign(db)
    campaign = get_campaign(db, campaign_id)
    assert campaign is not None and campaign.languages == ("en", "ru")
    new_uk = CampaignText("uk", "Виплатіть зарплату", "Шахтарям не платять.")
    data = campaign_input(campaign.struggle_id, texts=(EN, new_uk), goal=500)
    assert do_update_campaign(db, campaign_id, data, expected_version=1, actor="ed") == 2
    changed = get_campaign(db, campaign_id)
    assert changed is not None and changed.languages == ("en", "uk") and changed.goal == 500
    with pytest.raises(ConflictError, match="changed by someone else"):
        do_update_campaign(db, campaign_id, data, expected_version=1, actor="other")


# ---- public pages and JSON -------------------------------------------------------


@sqlite_only
def test_public_page_shows_the_appeal_in_the_readers_language(
    db: Database, app: TestClient
) -> None:
    open_campaign(db)
    english = app.get("/campaigns/pay-the-miners")
    assert english.status_code == 200 and EN.title in english.text
    assert "Kapitalna Coal Company" in english.text
    assert "Miners went underground." in english.text  # the struggle's timeline
    russian = app.get("/campaigns/pay-the-miners", headers={"Accept-Language": "ru-RU,ru;q=0.9"})
    assert RU.title in russian.text
    assert 'href="/campaigns/pay-the-miners/text/en"' in russian.text
    chosen = app.get("/campaigns/pay-the-miners/text/ru")
    assert chosen.status_code == 200 and RU.title in chosen.text
    assert app.get("/campaigns/pay-the-miners/text/de").status_code == 404
    assert (
        EN.title
        in app.get("/campaigns/pay-the-miners?lang=en", headers={"Accept-Language": "ru"}).text
    )
    assert (
        EN.title in app.get("/campaigns/pay-the-miners", headers={"Accept-Language": "de"}).text
    )  # no German text: English
    by_id = app.get(f"/campaigns/{get_campaign(db, 'pay-the-miners').id}")  # type: ignore[union-attr]
    assert by_id.status_code == 200


@sqlite_only
def test_campaigns_on_unpublished_struggles_are_invisible(db: Database, app: TestClient) -> None:
    hidden = make_struggle(db, StruggleStatus.CANDIDATE)
    do_create_campaign(db, campaign_input(hidden, "hidden-one"), actor="editor")
    open_campaign(db, "visible-one")
    listing = app.get("/campaigns").text
    assert "visible-one" in listing and "hidden-one" not in listing
    assert app.get("/campaigns/hidden-one").status_code == 404
    assert app.get("/api/v1/campaigns/hidden-one").status_code == 404
    slugs = [c["slug"] for c in app.get("/api/v1/campaigns").json()["items"]]
    assert slugs == ["visible-one"]


def test_counts_by_country_and_language(
    db: Database, db_settings: Settings, app: TestClient, smtp_server: SmtpServer
) -> None:
    campaign_id = open_campaign(db)
    signed(
        db,
        db_settings,
        smtp_server,
        campaign_id,
        name="A",
        email="a@example.org",
        country="DE",
        language="en",
    )
    signed(
        db,
        db_settings,
        smtp_server,
        campaign_id,
        name="B",
        email="b@example.org",
        country="DE",
        language="ru",
    )
    signed(
        db, db_settings, smtp_server, campaign_id, name="C", email="c@example.org", language="ru"
    )
    do_pledge(db, db_settings, campaign_id, PledgeInput("D", "d@example.org", "UA"))  # unconfirmed
    body = app.get("/api/v1/campaigns/pay-the-miners").json()
    assert body["supporters"] == {
        "total": 3,
        "by_country": {"DE": 2, "": 1},
        "by_language": {"ru": 2, "en": 1},
    }
    page = app.get("/campaigns/pay-the-miners").text
    assert 'id="supporter-count">3<' in page
    assert "Germany" in page
    (link,) = campaigns_for_struggle(db, body["struggle_id"])
    assert (link.title, link.count, link.path) == (EN.title, 3, "/campaigns/pay-the-miners")


@sqlite_only
def test_closed_campaign_takes_no_signatures(db: Database, db_settings: Settings) -> None:
    past = dt.date.today() - dt.timedelta(days=30)
    campaign_id = open_campaign(db, starts_on=past, ends_on=past + dt.timedelta(days=1))
    with pytest.raises(InputError, match="not taking signatures"):
        do_pledge(db, db_settings, campaign_id, PledgeInput("A", "a@example.org"))


# ---- permissions -----------------------------------------------------------------


@sqlite_only
def test_the_public_cannot_write_or_export(db: Database, app: TestClient) -> None:
    campaign_id = open_campaign(db)
    assert app.get("/campaigns/new").status_code == 401
    assert app.get(f"/campaigns/{campaign_id}/edit").status_code == 401
    assert app.get(f"/campaigns/{campaign_id}/signatures.csv").status_code == 401
    payload = {
        "struggle_id": 1,
        "slug": "x-y",
        "target": "T",
        "starts_on": "2026-01-01",
        "texts": [{"language": "en", "title": "T", "body": "B"}],
    }
    assert app.post("/api/v1/campaigns", json=payload).status_code in (401, 403)
    contributor = client_as(app.app, db, "contributor")  # type: ignore[arg-type]
    assert contributor.get(f"/campaigns/{campaign_id}/signatures.csv").status_code == 403
    assert contributor.get("/campaigns/new").status_code == 403
    with pytest.raises(NotAllowedError):
        list(signatures(db, campaign_id, actor=Actor.public()))


@sqlite_only
def test_editor_opens_and_edits_a_campaign_in_the_browser_forms(
    db: Database, app: TestClient
) -> None:
    struggle_id = make_struggle(db)
    editor = client_as(app.app, db, "editor")  # type: ignore[arg-type]
    assert editor.get(f"/campaigns/new?struggle={struggle_id}").status_code == 200
    form = csrf_form(
        editor,
        struggle_id=str(struggle_id),
        slug="new-appeal",
        target="The Ministry",
        goal="1000",
        starts_on=dt.date.today().isoformat(),
        ends_on="",
        language_0="en",
        title_0="Free the union leaders",
        body_0="Release them now.",
        language_1="uk",
        title_1="Звільніть лідерів профспілки",
        body_1="Негайно.",
    )
    created = editor.post("/campaigns/new", data=form, follow_redirects=False)
    assert created.status_code == 303
    page = editor.get(created.headers["location"])
    assert "Free the union leaders" in page.text and "Edit this campaign" in page.text
    campaign = get_campaign(db, "new-appeal")
    assert campaign is not None and campaign.languages == ("en", "uk")
    bad = editor.post("/campaigns/new", data={**form, "slug": "other", "ends_on": "2000-01-01"})
    assert bad.status_code == 400 and "cannot end before it starts" in bad.text
    edit = csrf_form(
        editor,
        **{
            **{k: v for k, v in form.items() if k != "csrf_token"},
            "version": "1",
            "target": "The Prime Minister",
        },
    )
    saved = editor.post(f"/campaigns/{campaign.id}/edit", data=edit, follow_redirects=False)
    assert saved.status_code == 303
    again = editor.post(f"/campaigns/{campaign.id}/edit", data=edit)
    assert again.status_code == 409 and "changed by someone else" in again.text


def test_api_write_with_a_token(db: Database, app: TestClient) -> None:
    struggle_id = make_struggle(db)
    payload = {
        "struggle_id": struggle_id,
        "slug": "api-appeal",
        "target": "Employer",
        "goal": 10,
        "starts_on": dt.date.today().isoformat(),
        "texts": [{"language": "en", "title": "Appeal", "body": "Body"}],
    }
    headers = bearer_headers(db, "editor")
    created = app.post("/api/v1/campaigns", json=payload, headers=headers)
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["version"] == 1 and body["supporters"]["total"] == 0
    update = {**payload, "goal": 20, "version": 1}
    assert (
        app.put(f"/api/v1/campaigns/{body['id']}", json=update, headers=headers).json()["goal"]
        == 20
    )
    stale = app.put(f"/api/v1/campaigns/{body['id']}", json=update, headers=headers)
    assert stale.status_code == 409
    bad = app.post("/api/v1/campaigns", json={**payload, "slug": "Bad Slug"}, headers=headers)
    assert bad.status_code == 400 and "lower-case" in bad.json()["detail"]
    contributor = bearer_headers(db, "contributor")
    assert app.post("/api/v1/campaigns", json=payload, headers=contributor).status_code == 403


@sqlite_only
def test_editor_downloads_signatures_as_csv(
    db: Database, db_settings: Settings, app: TestClient, smtp_server: SmtpServer
) -> None:
    campaign_id = open_campaign(db)
    signed(
        db,
        db_settings,
        smtp_server,
        campaign_id,
        name='=HYPERLINK("http://x")',
        email="ada@example.org",
        organisation="Miners' Union",
        country="GB",
    )
    editor = client_as(app.app, db, "editor")  # type: ignore[arg-type]
    response = editor.get(f"/campaigns/{campaign_id}/signatures.csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["cache-control"] == "no-store"
    lines = response.text.splitlines()
    assert lines[0] == "confirmed_at,name,email,organisation,country,language"
    assert "ada@example.org" in lines[1] and "Miners' Union" in lines[1]
    assert "'=HYPERLINK" in lines[1]  # a formula is defused


@sqlite_only
def test_cli_campaign_commands(
    db: Database,
    db_settings: Settings,
    tmp_path: Path,
    smtp_server: SmtpServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from picketline.cli import app as cli
    from picketline.settings import get_settings

    struggle_id = make_struggle(db)
    appeal = tmp_path / "appeal-en.txt"
    appeal.write_text("Pay the miners\n\nThey have not been paid.", encoding="utf-8")
    monkeypatch.setenv("PICKETLINE_DATABASE_URL", db_settings.resolved_database_url)
    monkeypatch.setenv("PICKETLINE_ENCRYPTION_KEY", db_settings.encryption_key or "")
    monkeypatch.setenv("PICKETLINE_SECRET_KEY", db_settings.secret_key)
    monkeypatch.setenv("PICKETLINE_SMTP_URL", smtp_server.url)
    get_settings.cache_clear()
    runner = CliRunner()
    try:
        result = runner.invoke(
            cli,
            [
                "campaign",
                "create",
                "--struggle",
                str(struggle_id),
                "--slug",
                "cli-appeal",
                "--target",
                "Employer",
                "--text",
                f"en={appeal}",
            ],
        )
        assert result.exit_code == 0, result.output
        campaign = get_campaign(db, "cli-appeal")
        assert campaign is not None and campaign.text_for(("en",)).title == "Pay the miners"
        listed = runner.invoke(cli, ["campaign", "list"])
        assert "cli-appeal" in listed.output and "open" in listed.output
        assert campaign.id is not None
        do_pledge(db, db_settings, campaign.id, PledgeInput("Ada", "ada@example.org"))
        sent = runner.invoke(cli, ["mail", "send"])
        assert sent.exit_code == 0 and "1 sent" in sent.output
        do_confirm_pledge(db, db_settings, token_from(links_in(smtp_server.wait_for(1)[0])[0]))
        out = tmp_path / "signatures.csv"
        exported = runner.invoke(cli, ["campaign", "signatures", "cli-appeal", "--out", str(out)])
        assert exported.exit_code == 0, exported.output
        assert "ada@example.org" in out.read_text(encoding="utf-8")
        assert "ada@example.org" not in exported.output
        assert out.stat().st_mode & 0o077 == 0
        missing = runner.invoke(cli, ["campaign", "signatures", "nope", "--out", str(out)])
        assert missing.exit_code != 0
    finally:
        get_settings.cache_clear()


@sqlite_only
def test_struggle_page_partial(db: Database, app: TestClient) -> None:
    """``_campaigns.html`` lists a struggle's campaigns when the page passes them."""
    from starlette.requests import Request

    campaign_id = open_campaign(db)
    campaign = get_campaign(db, campaign_id)
    assert campaign is not None
    links = campaigns_for_struggle(db, campaign.struggle_id)
    application = app.app
    assert isinstance(application, FastAPI)
    templates = application.state.templates
    scope = {
        "type": "http",
        "app": application,
        "path": "/",
        "root_path": "",
        "headers": [],
        "query_string": b"",
        "method": "GET",
        "router": application.router,
    }
    html = templates.env.get_template("_campaigns.html").render(
        request=Request(scope), campaigns=links
    )
    assert EN.title in html and "/campaigns/pay-the-miners" in html and "0 supporters" in html
    assert (
        templates.env.get_template("_campaigns.html").render(request=Request(scope)).strip() == ""
    )


@sqlite_only
def test_the_struggle_page_lists_its_campaigns(db: Database, db_settings: Settings) -> None:
    campaign_id = open_campaign(db)
    campaign = get_campaign(db, campaign_id)
    assert campaign is not None
    with TestClient(create_app(db_settings, db)) as client:
        page = client.get(f"/struggles/{campaign.struggle_id}")
    assert page.status_code == 200
    assert 'id="campaigns-h"' in page.text and EN.title in page.text
    assert "/campaigns/pay-the-miners" in page.text


def test_nul_characters_are_refused_not_crashing(db: Database, app: TestClient) -> None:
    """PostgreSQL cannot store NUL in text: the input is refused or simply not found."""
    struggle_id = make_struggle(db)
    bad = dataclasses.replace(campaign_input(struggle_id), target="Employer\x00")
    with pytest.raises(InputError, match="NUL"):
        do_create_campaign(db, bad, actor="editor")
    assert app.get("/api/v1/campaigns/abc%00def").status_code == 404
    assert app.get("/campaigns/abc%00def").status_code == 404
    assert app.get("/api/v1/campaigns/99999999999999999999").status_code == 404


@sqlite_only
def test_editors_find_the_way_to_open_a_campaign(db: Database, db_settings: Settings) -> None:
    struggle_id = make_struggle(db)
    app = create_app(db_settings, db)
    editor = client_as(app, db, "editor")
    assert f"/campaigns/new?struggle={struggle_id}" in editor.get(f"/struggles/{struggle_id}").text
    assert 'href="/campaigns/new"' in editor.get("/campaigns").text
    public = TestClient(app)
    assert "/campaigns/new" not in public.get(f"/struggles/{struggle_id}").text
    assert "/campaigns/new" not in public.get("/campaigns").text

"""Pledges: double opt-in, one signature per email, bad input, floods, deleting one's data.

The database decides uniqueness (UNIQUE on campaign and keyed email hash), so
these run on SQLite and PostgreSQL. Emails go to a real local SMTP server.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from picketline.actions.pledges import (
    do_confirm_pledge,
    do_delete_pledge,
    do_pledge,
    pledge_links,
)
from picketline.db import Database
from picketline.db.campaigns import support_count
from picketline.db.models_campaigns import OutboxRow, PledgeRow
from picketline.domain.pledge import PledgeInput, check_email, email_hash
from picketline.errors import InputError
from picketline.notify.outbox import deliver_due
from picketline.notify.tokens import TokenError
from picketline.settings import Settings
from picketline.web.app import create_app
from tests.auth_fixtures import csrf_form
from tests.campaign_fixtures import open_campaign, sqlite_only, token_from
from tests.smtp_fixtures import SmtpServer, links_in, text_of


def pledge(name: str, email: str, **extra: object) -> PledgeInput:
    return PledgeInput(name=name, email=email, **extra)  # type: ignore[arg-type]


def confirm_link(db: Database, settings: Settings, smtp: SmtpServer, count: int) -> list[str]:
    """Deliver the outbox and return the confirmation links of the first ``count`` emails."""
    deliver_due(db, settings.model_copy(update={"smtp_url": smtp.url}))
    return [links_in(m)[0] for m in smtp.wait_for(count)[:count]]


def test_a_pledge_counts_only_after_confirmation(
    db: Database, db_settings: Settings, smtp_server: SmtpServer
) -> None:
    campaign_id = open_campaign(db)
    result = do_pledge(db, db_settings, campaign_id, pledge("Ada Lovelace", "ada@example.org"))
    assert result.outcome == "new"
    assert support_count(db, campaign_id).total == 0  # not confirmed yet
    (link,) = confirm_link(db, db_settings, smtp_server, 1)
    message = smtp_server.messages[0]
    assert message["To"] == "ada@example.org"
    assert "/campaigns/pay-the-miners/confirm?token=" in link
    body = text_of(message)
    assert "/pledges/unsubscribe?token=" in body and "/pledges/delete?token=" in body
    assert message["List-Unsubscribe"].startswith("<http")
    do_confirm_pledge(db, db_settings, token_from(link))
    assert support_count(db, campaign_id).total == 1
    with pytest.raises(TokenError) as reused:
        do_confirm_pledge(db, db_settings, token_from(link))
    assert reused.value.reason == "used"
    assert support_count(db, campaign_id).total == 1


def test_the_same_email_counts_once(
    db: Database, db_settings: Settings, smtp_server: SmtpServer
) -> None:
    campaign_id = open_campaign(db)
    do_pledge(db, db_settings, campaign_id, pledge("Ada", "ada@example.org"))
    again = do_pledge(db, db_settings, campaign_id, pledge("Ada L.", "  ADA@Example.ORG "))
    assert again.outcome == "renewed"
    links = confirm_link(db, db_settings, smtp_server, 2)
    for link in links:  # both links name the same signature
        do_confirm_pledge(db, db_settings, token_from(link))
    third = do_pledge(db, db_settings, campaign_id, pledge("Ada", "ada@EXAMPLE.org"))
    assert third.outcome == "already"
    assert support_count(db, campaign_id).total == 1
    deliver_due(db, db_settings.model_copy(update={"smtp_url": smtp_server.url}))
    assert "already signed" in str(smtp_server.wait_for(3)[2]["Subject"])


def test_fifty_concurrent_pledges_give_the_exact_count(
    db: Database, db_settings: Settings, smtp_server: SmtpServer
) -> None:
    """50 threads sign at once, 10 of them with an email another thread also uses."""
    campaign_id = open_campaign(db)
    emails = [f"signer{i % 40}@example.org" for i in range(50)]  # 40 distinct addresses

    def sign(i: int) -> str:
        return do_pledge(db, db_settings, campaign_id, pledge(f"Signer {i}", emails[i])).outcome

    with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
        outcomes = list(pool.map(sign, range(50)))
    assert outcomes.count("new") == 40
    with db.session() as session:
        rows = session.scalar(select(func.count()).where(PledgeRow.campaign_id == campaign_id))
    assert rows == 40
    settings = db_settings.model_copy(update={"smtp_url": smtp_server.url})
    deliver_due(db, settings)
    links = [links_in(m)[0] for m in smtp_server.wait_for(50)]

    def confirm(link: str) -> bool:
        try:
            do_confirm_pledge(db, db_settings, token_from(link))
            return True
        except TokenError:
            return False

    with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
        assert all(pool.map(confirm, links))
    assert support_count(db, campaign_id).total == 40


@pytest.mark.parametrize(
    ("given", "shown", "delivered"),
    [
        ("worker@bücher.de", "worker@bücher.de", "worker@xn--bcher-kva.de"),
        ("Worker@BÜCHER.de", "Worker@bücher.de", "Worker@xn--bcher-kva.de"),
        ("профспілка@приклад.укр", "профспілка@приклад.укр", "профспілка@приклад.укр"),
    ],
)
def test_internationalised_emails_are_accepted_and_normalised(
    given: str, shown: str, delivered: str
) -> None:
    email = check_email(given)
    assert (email.display, email.deliver_to) == (shown, delivered)
    assert email_hash(email, "k") == email_hash(check_email(given.upper()), "k")


@sqlite_only
def test_an_idn_address_receives_its_confirmation(
    db: Database, db_settings: Settings, smtp_server: SmtpServer
) -> None:
    campaign_id = open_campaign(db)
    do_pledge(db, db_settings, campaign_id, pledge("Grete", "grete@bücher.de"))
    confirm_link(db, db_settings, smtp_server, 1)
    assert smtp_server.collector.envelopes[0][1] == ["grete@xn--bcher-kva.de"]


@sqlite_only
@pytest.mark.parametrize(
    ("email", "says"),
    [
        ("not-an-email", "must have an @-sign"),
        ("a@b", "not valid"),
        ("two@@example.org", "not valid"),
        ("", "Please give your email"),
        ("x" * 400 + "@example.org", "too long"),
    ],
)
def test_invalid_emails_are_refused_with_a_clear_message(
    db: Database, db_settings: Settings, email: str, says: str
) -> None:
    campaign_id = open_campaign(db)
    with pytest.raises(InputError, match=says):
        do_pledge(db, db_settings, campaign_id, pledge("Ada", email))
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(PledgeRow)) == 0
        assert session.scalar(select(func.count()).select_from(OutboxRow)) == 0


@sqlite_only
def test_a_ten_thousand_character_name_is_refused(db: Database, db_settings: Settings) -> None:
    campaign_id = open_campaign(db)
    with pytest.raises(InputError, match="at most 200 characters"):
        do_pledge(db, db_settings, campaign_id, pledge("N" * 10_000, "ada@example.org"))


def test_delete_my_data_removes_the_signature(
    db: Database, db_settings: Settings, smtp_server: SmtpServer
) -> None:
    campaign_id = open_campaign(db)
    do_pledge(db, db_settings, campaign_id, pledge("Ada", "ada@example.org", organisation="NUM"))
    do_pledge(db, db_settings, campaign_id, pledge("Bob", "bob@example.org"))
    deliver_due(db, db_settings.model_copy(update={"smtp_url": smtp_server.url}))
    messages = smtp_server.wait_for(2)
    for message in messages:
        do_confirm_pledge(db, db_settings, token_from(links_in(message)[0]))
    assert support_count(db, campaign_id).total == 2
    delete_link = next(x for x in links_in(messages[0]) if "/pledges/delete" in x)
    do_delete_pledge(db, db_settings, token_from(delete_link))
    assert support_count(db, campaign_id).total == 1
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(PledgeRow)) == 1
    with pytest.raises(Exception, match="no longer exists"):
        do_delete_pledge(db, db_settings, token_from(delete_link))


@sqlite_only
def test_links_of_a_deleted_pledge_do_not_reach_a_new_one_with_its_id(
    db: Database, db_settings: Settings
) -> None:
    campaign_id = open_campaign(db)
    first = do_pledge(db, db_settings, campaign_id, pledge("Ada", "ada@example.org"))
    key = email_hash(check_email("ada@example.org"), db_settings.secret_key)
    old = pledge_links(db_settings, "pay-the-miners", first.pledge_id, key)
    do_delete_pledge(db, db_settings, token_from(old["delete_url"]))
    second = do_pledge(db, db_settings, campaign_id, pledge("Eve", "eve@example.org"))
    assert second.pledge_id == first.pledge_id or second.pledge_id > first.pledge_id
    with pytest.raises(Exception, match="no longer exists"):
        do_delete_pledge(db, db_settings, token_from(old["delete_url"]))
    with pytest.raises(Exception, match="no longer exists"):
        do_confirm_pledge(db, db_settings, token_from(old["confirm_url"]))


@sqlite_only
def test_unconfirmed_pledges_expire(db: Database, db_settings: Settings) -> None:
    campaign_id = open_campaign(db, starts_on=dt.date.today() - dt.timedelta(days=30))
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=10)
    do_pledge(db, db_settings, campaign_id, pledge("Old", "old@example.org"), now=long_ago)
    do_pledge(db, db_settings, campaign_id, pledge("New", "new@example.org"))
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(PledgeRow)) == 1


# ---- through the web -------------------------------------------------------------


@pytest.fixture
def web(db: Database, db_settings: Settings) -> TestClient:
    return TestClient(create_app(db_settings, db))


@sqlite_only
def test_pledge_form_script_in_fields_is_stored_as_text_and_escaped(
    db: Database, db_settings: Settings, web: TestClient, smtp_server: SmtpServer
) -> None:
    campaign_id = open_campaign(db)
    script = "<script>alert('x')</script>"
    form = csrf_form(
        web,
        name=f"Eve {script}",
        email="eve@example.org",
        country="DE",
        organisation=f"<img src=x onerror=alert(1)>{script}",
        show_name="1",
    )
    response = web.post("/campaigns/pay-the-miners/pledge", data=form, follow_redirects=False)
    assert response.status_code == 303
    links = confirm_link(db, db_settings, smtp_server, 1)
    html_part = smtp_server.messages[0].get_body(preferencelist=("html",))
    assert html_part is not None and script not in str(html_part.get_content())
    do_confirm_pledge(db, db_settings, token_from(links[0]))
    page = web.get("/campaigns/pay-the-miners").text
    assert "Eve &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page  # shown, as text
    assert "<script>alert" not in page
    assert "onerror=alert" not in page  # the organisation is never shown publicly
    assert support_count(db, campaign_id).by_country == (("DE", 1),)


@sqlite_only
def test_pledge_form_refuses_bad_input_clearly(db: Database, web: TestClient) -> None:
    open_campaign(db)
    form = csrf_form(web, name="N" * 10_000, email="ada@example.org")
    response = web.post("/campaigns/pay-the-miners/pledge", data=form)
    assert response.status_code == 400
    assert "Your name is too long: at most 200 characters" in response.text
    form = csrf_form(web, name="Ada", email="ada@@example")
    response = web.post("/campaigns/pay-the-miners/pledge", data=form)
    assert response.status_code == 400
    assert "This email address is not valid" in response.text
    assert 'value="ada@@example"' in response.text  # the form keeps what was typed


@sqlite_only
def test_a_pledge_flood_from_one_client_gets_429(db: Database, db_settings: Settings) -> None:
    open_campaign(db)
    settings = db_settings.model_copy(update={"pledges_per_client_per_hour": 5})
    client = TestClient(create_app(settings, db))
    codes = []
    for i in range(8):
        form = csrf_form(client, name=f"Flood {i}", email=f"flood{i}@example.org")
        codes.append(client.post("/campaigns/pay-the-miners/pledge", data=form).status_code)
    assert codes[:5] == [200] * 5  # redirected to the campaign page, followed
    assert codes[5:] == [429] * 3
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(PledgeRow)) == 5


@sqlite_only
def test_pledge_without_csrf_token_is_refused(db: Database, web: TestClient) -> None:
    open_campaign(db)
    response = web.post(
        "/campaigns/pay-the-miners/pledge", data={"name": "Ada", "email": "ada@example.org"}
    )
    assert response.status_code == 403


def test_email_links_work_in_the_browser_flow(
    db: Database, db_settings: Settings, web: TestClient, smtp_server: SmtpServer
) -> None:
    campaign_id = open_campaign(db)
    web.post(
        "/campaigns/pay-the-miners/pledge",
        data=csrf_form(web, name="Ada", email="ada@example.org"),
    )
    (message,) = smtp_server.wait_for(0) or [None]  # type: ignore[list-item]
    deliver_due(db, db_settings.model_copy(update={"smtp_url": smtp_server.url}))
    message = smtp_server.wait_for(1)[0]
    confirm, unsubscribe, delete = links_in(message)[:3]
    path = confirm.split("127.0.0.1:8000", 1)[1]
    page = web.get(path)
    assert page.status_code == 200 and "Confirm my signature" in page.text
    posted = web.post(
        "/campaigns/pay-the-miners/confirm",
        data=csrf_form(web, token=token_from(confirm)),
        follow_redirects=False,
    )
    assert posted.status_code == 303 and "confirmed=1" in posted.headers["location"]
    assert support_count(db, campaign_id).total == 1
    again = web.post(
        "/campaigns/pay-the-miners/confirm", data=csrf_form(web, token=token_from(confirm))
    )
    assert again.status_code == 400 and "already been used" in again.text
    forged = web.get("/campaigns/pay-the-miners/confirm?token=abc.def")
    assert forged.status_code == 400 and "not valid" in forged.text
    unsub_path = unsubscribe.split("127.0.0.1:8000", 1)[1]
    assert "Stop emails" in web.get(unsub_path).text
    web.post("/pledges/unsubscribe", data=csrf_form(web, token=token_from(unsubscribe)))
    with db.session() as session:
        assert session.scalar(select(PledgeRow.mail_opt_out)) is True
    done = web.post("/pledges/delete", data=csrf_form(web, token=token_from(delete)))
    assert done.status_code == 200 and "have been deleted" in done.text
    assert support_count(db, campaign_id).total == 0


@sqlite_only
def test_the_email_speaks_the_language_of_the_appeal_signed(
    db: Database, db_settings: Settings, smtp_server: SmtpServer
) -> None:
    campaign_id = open_campaign(db)
    do_pledge(db, db_settings, campaign_id, pledge("Оля", "olia@example.org", language="ru"))
    do_pledge(db, db_settings, campaign_id, pledge("Ann", "ann@example.org", language="de"))
    deliver_due(db, db_settings.model_copy(update={"smtp_url": smtp_server.url}))
    russian, other = smtp_server.wait_for(2)
    assert russian["Subject"] == "Подтвердите подпись: Выплатите зарплату шахтёрам"
    assert "Здравствуйте, Оля!" in text_of(russian)
    html = russian.get_body(preferencelist=("html",))
    assert html is not None and "Подтвердить подпись" in str(html.get_content())
    assert other["Subject"] == "Confirm your signature: Pay the Kapitalna miners now"  # no German
    assert dict(support_count(db, campaign_id).by_language) == {}  # none confirmed yet
    for message in (russian, other):
        do_confirm_pledge(db, db_settings, token_from(links_in(message)[0]))
    assert dict(support_count(db, campaign_id).by_language) == {"ru": 1, "en": 1}

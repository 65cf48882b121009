# ruff: noqa: F811  (the ``run`` fixture is imported, then taken as a parameter)
"""Alerts: double opt-in through a real SMTP server, digests with exactly the matching
struggles, unsubscribe, and refused links (forged, reused, expired)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from picketline.actions.alerts import do_send_digests
from picketline.actions.struggles import do_create_struggle
from picketline.db import Database
from picketline.domain.vocab import Sector, StruggleStatus
from picketline.notify.outbox import deliver_due
from picketline.notify.tokens import make_token
from picketline.settings import Settings
from picketline.web.app import create_app
from tests.auth_fixtures import csrf_form
from tests.db_fixtures import full_bundle
from tests.smtp_fixtures import SmtpServer, links_in, text_of
from tests.test_setup_cli import Runner, run  # noqa: F401

ADDRESS = "solidarity.reader.4417@example.org"


@dataclass
class Site:
    db: Database
    settings: Settings
    client: TestClient
    smtp: SmtpServer


@pytest.fixture
def site(db: Database, db_settings: Settings, smtp_server: SmtpServer) -> Iterator[Site]:
    settings = db_settings.model_copy(
        update={"smtp_url": smtp_server.url, "alerts_per_client_per_hour": 3}
    )
    with TestClient(create_app(settings, db)) as client:
        yield Site(db, settings, client, smtp_server)


def struggle(db: Database, tag: str, country: str, sector: Sector, published: bool = True) -> int:
    bundle = full_bundle(tag)
    s = bundle.struggle
    assert s.fields.place is not None
    place = dataclasses.replace(s.fields.place, country=country, name=f"Town {tag}")
    fields = dataclasses.replace(s.fields, sector=sector, place=place)
    status = StruggleStatus.PUBLISHED if published else StruggleStatus.CANDIDATE
    changed = dataclasses.replace(s, fields=fields, status=status, title=f"Struggle {tag}")
    return do_create_struggle(db, dataclasses.replace(bundle, struggle=changed), actor="test")


def subscribe(site: Site, email: str = ADDRESS, **fields: str) -> int:
    site.client.get("/alerts")
    form = csrf_form(site.client, email=email, frequency="daily", **fields)
    return site.client.post("/alerts", data=form).status_code


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def confirm_link(site: Site, count: int) -> str:
    deliver_due(site.db, site.settings)
    message = site.smtp.wait_for(count)[count - 1]
    assert message["To"] == ADDRESS
    return next(link for link in links_in(message) if "/alerts/confirm" in link)


def test_subscribe_confirm_digest_and_unsubscribe(site: Site) -> None:
    assert subscribe(site, country="UA", sector="B", q="miners") == 200
    link = confirm_link(site, 1)
    confirmed = site.client.get(path_of(link))
    assert confirmed.status_code == 200 and "Your alerts are on" in confirmed.text
    again = site.client.get(path_of(link))  # a confirmation link works once
    assert again.status_code == 400 and "already been used" in again.text

    wanted = struggle(site.db, "ua-mine", "UA", Sector.B)
    struggle(site.db, "ua-school", "UA", Sector.P)  # other sector
    struggle(site.db, "ru-mine", "RU", Sector.B)  # other country
    struggle(site.db, "ua-hidden", "UA", Sector.B, published=False)  # not published
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=1, minutes=1)
    report = do_send_digests(site.db, site.settings, now=later)
    assert (report.checked, report.queued, report.struggles) == (1, 1, 1)
    deliver_due(site.db, site.settings)
    digest = site.smtp.wait_for(2)[1]
    body = text_of(digest)
    assert "Struggle ua-mine" in body and f"/struggles/{wanted}" in body
    for other in ("ua-school", "ru-mine", "ua-hidden"):
        assert other not in body
    assert digest["List-Unsubscribe"]
    unsubscribe = next(link for link in links_in(digest) if "/alerts/unsubscribe" in link)

    page = site.client.get(path_of(unsubscribe))
    assert page.status_code == 200 and "Unsubscribe" in page.text
    token = urlsplit(unsubscribe).query.removeprefix("token=")
    done = site.client.post("/alerts/unsubscribe", data=csrf_form(site.client, token=token))
    assert done.status_code == 200 and "unsubscribed" in done.text
    struggle(site.db, "ua-mine-2", "UA", Sector.B)
    even_later = later + dt.timedelta(days=2)
    assert do_send_digests(site.db, site.settings, now=even_later).queued == 0


def test_nothing_is_sent_when_nothing_matched(site: Site) -> None:
    assert subscribe(site, country="FR") == 200
    site.client.get(path_of(confirm_link(site, 1)))
    struggle(site.db, "ua-only", "UA", Sector.B)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=1, minutes=1)
    report = do_send_digests(site.db, site.settings, now=later)
    assert (report.due, report.queued) == (1, 0)
    assert deliver_due(site.db, site.settings).sent == 0
    assert len(site.smtp.messages) == 1  # only the confirmation


def test_a_digest_is_not_sent_before_it_is_due(site: Site) -> None:
    subscribe(site)
    site.client.get(path_of(confirm_link(site, 1)))
    struggle(site.db, "fresh", "UA", Sector.B)
    soon = dt.datetime.now(dt.UTC) + dt.timedelta(hours=2)
    assert do_send_digests(site.db, site.settings, now=soon).due == 0


@pytest.mark.parametrize("kind", ["forged", "expired", "wrong_purpose"])
def test_bad_confirmation_links_are_refused(site: Site, kind: str) -> None:
    subscribe(site)
    real = confirm_link(site, 1)
    token = urlsplit(real).query.removeprefix("token=")
    if kind == "forged":  # the subscription id changed: the signature no longer matches
        body, signature = token.split(".")
        token = body[:-2] + ("AA" if body[-2:] != "AA" else "BB") + "." + signature
    elif kind == "expired":
        past = dt.datetime.now(dt.UTC) - dt.timedelta(days=30)
        token = make_token(
            site.settings, "alert-confirm", 1, lifetime=dt.timedelta(hours=1), now=past
        )
    else:
        token = make_token(site.settings, "alert-unsubscribe", 1, lifetime=dt.timedelta(hours=1))
    answer = site.client.get("/alerts/confirm", params={"token": token})
    # input: a tampered, an expired and a wrong-purpose link; the user sees a 400 page
    assert answer.status_code == 400 and "cannot be used" in answer.text
    with site.db.session() as session:
        status = session.scalar(text("SELECT status FROM alert_subscriptions"))
    assert status == "pending"


def test_bad_emails_are_refused_and_idn_accepted(site: Site) -> None:
    # input: no @, a 10,000-character address; the form says the address is not valid
    assert subscribe(site, email="not-an-email") == 400
    assert subscribe(site, email="a" * 10_000 + "@example.org") in (400, 422)
    assert subscribe(site, email="рабочий@пример.рф") == 200  # internationalised domain


def test_bad_filter_is_refused(site: Site) -> None:
    assert subscribe(site, country="ZZ") == 400


def test_sign_up_flood_is_rate_limited(site: Site) -> None:
    codes = [subscribe(site, email=f"reader{i}@example.org") for i in range(5)]
    assert codes[:3] == [200, 200, 200] and codes[3:] == [429, 429]


def test_address_is_encrypted_and_erased_on_unsubscribe(site: Site) -> None:
    subscribe(site)
    with site.db.engine.connect() as conn:
        rows = " ".join(str(r) for r in conn.execute(text("SELECT * FROM alert_subscriptions")))
        audit = " ".join(str(r) for r in conn.execute(text("SELECT * FROM audit_log")))
    assert ADDRESS not in rows and ADDRESS not in audit and "v1:" in rows


def test_script_in_the_form_is_escaped(site: Site) -> None:
    site.client.get("/alerts")
    form = csrf_form(site.client, email="<script>alert(1)</script>", frequency="daily")
    answer = site.client.post("/alerts", data=form)
    assert answer.status_code == 400
    assert "<script>alert(1)</script>" not in answer.text


def test_cli_alerts_send_queues_and_mails_the_digest(site: Site, run: Runner) -> None:
    from tests.test_ingest_cli import cli_env

    subscribe(site, country="UA")
    site.client.get(path_of(confirm_link(site, 1)))
    with site.db.engine.begin() as conn:  # the last digest window closed two days ago
        conn.execute(
            text("UPDATE alert_subscriptions SET digest_after = :t"),
            {"t": dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(days=2)},
        )
    struggle(site.db, "cli-mine", "UA", Sector.B)
    env = cli_env(site.settings)
    keep = ("PICKETLINE_ENCRYPTION_KEY", "PICKETLINE_DATABASE_URL")
    extra = {k: v for k, v in env.items() if k in keep}
    extra["PICKETLINE_SMTP_URL"] = site.smtp.url
    result = run(site.settings.data_dir, "alerts", "send", **extra)
    assert result.returncode == 0, result.stderr
    assert "1 digests queued (1 struggles listed)" in result.stdout
    assert "email: 1 sent" in result.stdout
    assert "Struggle cli-mine" in text_of(site.smtp.wait_for(2)[1])


def test_unconfirmed_requests_are_forgotten_when_their_link_expires(site: Site) -> None:
    subscribe(site)
    soon = dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)
    assert do_send_digests(site.db, site.settings, now=soon).forgotten == 0
    expired = soon + dt.timedelta(hours=site.settings.confirm_token_hours)
    assert do_send_digests(site.db, site.settings, now=expired).forgotten == 1
    with site.db.session() as session:
        assert session.scalar(text("SELECT count(*) FROM alert_subscriptions")) == 0

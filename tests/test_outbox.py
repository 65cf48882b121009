"""The mail outbox against a real SMTP server (aiosmtpd): queued, retried, nothing lost."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from picketline.db import Database
from picketline.db.models_campaigns import OutboxRow
from picketline.errors import ConfigurationError
from picketline.notify.outbox import deliver_due, queue_email, retry_delay
from picketline.notify.smtp import parse_smtp_url
from picketline.settings import Settings
from tests.campaign_fixtures import sqlite_only
from tests.smtp_fixtures import SmtpServer, text_of

RECIPIENT = "outbox.reader.5521@example.org"


def _queue(db: Database, count: int = 1, to: str = RECIPIENT) -> list[int]:
    cipher = db.require_cipher()
    with db.transaction() as session:
        return [
            queue_email(
                session,
                to=to,
                subject=f"Message {i}\nBcc: injected@example.org",
                text=f"Body {i} for Ada Secretname",
                html=f"<p>Body {i}</p>",
                kind="test",
                cipher=cipher,
            )
            for i in range(count)
        ]


def _rows(db: Database) -> list[OutboxRow]:
    with db.session() as session:
        return list(session.scalars(select(OutboxRow).order_by(OutboxRow.id)))


def test_queued_mail_is_encrypted_and_sent(
    db: Database, db_settings: Settings, smtp_server: SmtpServer
) -> None:
    _queue(db, 3)
    (row, *_) = _rows(db)
    assert RECIPIENT not in (row.to_enc or "") and "Secretname" not in (row.message_enc or "")
    settings = db_settings.model_copy(update={"smtp_url": smtp_server.url})
    report = deliver_due(db, settings)
    assert (report.sent, report.retried, report.waiting) == (3, 0, 0)
    received = smtp_server.wait_for(3)
    assert received[0]["To"] == RECIPIENT
    assert received[0]["Subject"] == "Message 0 Bcc: injected@example.org"  # one header line
    assert received[0]["Bcc"] is None
    assert "Body 0 for Ada Secretname" in text_of(received[0])
    assert [r.status for r in _rows(db)] == ["sent"] * 3
    assert all(r.to_enc is None and r.message_enc is None for r in _rows(db))  # erased
    assert deliver_due(db, settings).sent == 0  # nothing is sent twice


def test_server_down_then_up_loses_nothing(
    db: Database, db_settings: Settings, smtp_server: SmtpServer
) -> None:
    settings = db_settings.model_copy(update={"smtp_url": smtp_server.url})
    smtp_server.stop()
    _queue(db, 2)
    start = dt.datetime.now(dt.UTC)
    report = deliver_due(db, settings, now=start)
    assert (report.sent, report.retried, report.waiting) == (0, 2, 2)
    assert "cannot reach the mail server" in report.errors[0]
    rows = _rows(db)
    assert [r.attempts for r in rows] == [1, 1]
    assert all(r.next_attempt_at == start + dt.timedelta(minutes=1) for r in rows)
    assert all(RECIPIENT not in (r.last_error or "") for r in rows)
    # a second failure backs off twice as long
    report = deliver_due(db, settings, now=start + dt.timedelta(minutes=1))
    assert report.retried == 2
    assert _rows(db)[0].next_attempt_at == start + dt.timedelta(minutes=3)
    # not yet due: nothing is tried
    assert deliver_due(db, settings, now=start + dt.timedelta(minutes=2)).retried == 0
    smtp_server.start()
    report = deliver_due(db, settings, now=start + dt.timedelta(minutes=3))
    assert (report.sent, report.waiting) == (2, 0)
    assert len(smtp_server.wait_for(2)) == 2


def test_starttls_and_auth(
    db: Database, db_settings: Settings, smtp_tls_server: SmtpServer
) -> None:
    _queue(db, 1)
    settings = db_settings.model_copy(update={"smtp_url": smtp_tls_server.url})
    assert deliver_due(db, settings).sent == 1
    assert smtp_tls_server.wait_for(1)[0]["To"] == RECIPIENT


@sqlite_only
def test_a_wrong_password_keeps_the_mail(
    db: Database, db_settings: Settings, smtp_tls_server: SmtpServer
) -> None:
    _queue(db, 1)
    wrong = smtp_tls_server.url.replace("s3cret-pass", "wrong")
    report = deliver_due(db, db_settings.model_copy(update={"smtp_url": wrong}))
    assert (report.sent, report.retried, report.waiting) == (0, 1, 1)
    assert "SMTPAuthenticationError 535" in report.errors[0]
    right = db_settings.model_copy(update={"smtp_url": smtp_tls_server.url})
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=2)
    assert deliver_due(db, right, now=later).sent == 1


@sqlite_only
def test_without_tls_the_password_is_not_sent(
    db: Database, db_settings: Settings, smtp_tls_server: SmtpServer
) -> None:
    """The server offers STARTTLS, but the URL forgot it: we refuse to log in in clear."""
    _queue(db, 1)
    url = f"smtp://mailer:s3cret-pass@127.0.0.1:{smtp_tls_server.port}"
    with pytest.raises(ConfigurationError, match="no TLS"):
        deliver_due(db, db_settings.model_copy(update={"smtp_url": url}))
    assert _rows(db)[0].status == "queued"


@sqlite_only
def test_without_smtp_url_mail_waits(db: Database, db_settings: Settings) -> None:
    _queue(db, 1)
    with pytest.raises(ConfigurationError, match="PICKETLINE_SMTP_URL is not set"):
        deliver_due(db, db_settings)
    assert _rows(db)[0].status == "queued"


def test_smtp_urls() -> None:
    config = parse_smtp_url("smtp://u%40x:p%3Ass@mail.example.org:587?starttls=1")
    assert (config.host, config.port, config.starttls) == ("mail.example.org", 587, True)
    assert (config.username, config.password) == ("u@x", "p:ss")
    assert "p:ss" not in repr(config)
    assert parse_smtp_url("smtps://mail.example.org").port == 465
    with pytest.raises(ConfigurationError):
        parse_smtp_url("http://mail.example.org")


def test_backoff_grows_and_stops_growing() -> None:
    assert [retry_delay(n).total_seconds() / 60 for n in (1, 2, 3, 4)] == [1, 2, 4, 8]
    assert retry_delay(50) == dt.timedelta(hours=6)


@sqlite_only
def test_the_server_sends_queued_mail_by_itself(
    db: Database, db_settings: Settings, smtp_server: SmtpServer
) -> None:
    from fastapi.testclient import TestClient

    from picketline.web.app import create_app

    _queue(db, 2)
    settings = db_settings.model_copy(
        update={
            "smtp_url": smtp_server.url,
            "mail_send_interval_seconds": 0.1,
            "background_jobs": True,
        }
    )
    with TestClient(create_app(settings, db)):
        assert len(smtp_server.wait_for(2)) == 2
    assert [r.status for r in _rows(db)] == ["sent", "sent"]


@sqlite_only
def test_an_international_address_goes_out_with_smtputf8(
    db: Database, db_settings: Settings, smtp_server: SmtpServer
) -> None:
    _queue(db, 1, to="профспілка@приклад.укр")
    settings = db_settings.model_copy(update={"smtp_url": smtp_server.url})
    assert deliver_due(db, settings).sent == 1
    assert smtp_server.collector.envelopes[0][1] == ["профспілка@приклад.укр"]


@sqlite_only
def test_a_server_without_smtputf8_refuses_an_international_address_for_good(
    db: Database, db_settings: Settings
) -> None:
    server = SmtpServer(smtputf8=False)
    server.start()
    try:
        _queue(db, 1, to="профспілка@приклад.укр")
        _queue(db, 1)  # an ASCII address in the same run still goes out
        report = deliver_due(db, db_settings.model_copy(update={"smtp_url": server.url}))
    finally:
        server.stop()
    assert (report.sent, report.failed, report.waiting) == (1, 1, 0)
    failed = next(r for r in _rows(db) if r.status == "failed")
    assert "SMTPUTF8" in (failed.last_error or "")


@sqlite_only
def test_smtp_down_during_a_pledge_then_up_delivers_it(
    db: Database, db_settings: Settings, smtp_server: SmtpServer
) -> None:
    """The pledge form tries to send at once; the server is down, so the email waits."""
    from fastapi.testclient import TestClient

    from picketline.web.app import create_app
    from tests.auth_fixtures import csrf_form
    from tests.campaign_fixtures import open_campaign

    open_campaign(db)
    smtp_server.stop()
    settings = db_settings.model_copy(
        update={"smtp_url": smtp_server.url, "mail_send_interval_seconds": 0}
    )
    client = TestClient(create_app(settings, db))
    form = csrf_form(client, name="Ada", email="ada@example.org")
    response = client.post("/campaigns/pay-the-miners/pledge", data=form, follow_redirects=False)
    assert response.status_code == 303  # the signer is told to check their email
    (row,) = _rows(db)
    assert (row.status, row.attempts) == ("queued", 1)  # tried once, kept
    assert "cannot reach the mail server" in (row.last_error or "")
    smtp_server.start()
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=2)
    assert deliver_due(db, settings, now=later).sent == 1
    (message,) = smtp_server.wait_for(1)
    assert message["To"] == "ada@example.org"
    assert "/campaigns/pay-the-miners/confirm?token=" in text_of(message)

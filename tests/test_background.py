"""The server's background jobs (``picketline.web.background``) against real peers:
a queued email reaches a real aiosmtpd server and a published struggle reaches a
real webhook receiver while the app runs, with no cron job and no CLI call."""

from __future__ import annotations

import time
from collections.abc import Callable

from fastapi.testclient import TestClient

from picketline.db import Database
from picketline.domain.vocab import Sector
from picketline.notify.outbox import queue_email
from picketline.settings import Settings
from picketline.web.app import create_app
from picketline.web.background import jobs_for
from tests.smtp_fixtures import SmtpServer
from tests.test_webhooks import Receiver, register, struggle


def test_the_jobs_follow_the_settings(db: Database, db_settings: Settings) -> None:
    # No SMTP server configured: no mail job; intervals of 0 switch the others off.
    names = [job.name for job in jobs_for(db_settings, db)]
    assert names == ["webhooks", "alerts"]
    off = db_settings.model_copy(update={"webhook_interval_seconds": 0})
    assert [job.name for job in jobs_for(off, db)] == ["alerts"]
    mail = db_settings.model_copy(update={"smtp_url": "smtp://127.0.0.1:1"})
    assert [job.name for job in jobs_for(mail, db)] == ["mail", "webhooks", "alerts"]


def test_the_running_server_sends_mail_and_webhooks(
    db: Database, db_settings: Settings, smtp_server: SmtpServer
) -> None:
    receiver = Receiver()
    try:
        settings = db_settings.model_copy(
            update={
                "background_jobs": True,
                "smtp_url": smtp_server.url,
                "mail_send_interval_seconds": 0.2,
                "webhook_interval_seconds": 0.2,
                "alerts_interval_seconds": 0,
            }
        )
        register(db, receiver.url)
        mine = struggle(db, "background", Sector.B)
        with db.transaction() as session:
            queue_email(
                session,
                to="organiser@example.org",
                subject="Queued before the server started",
                text="Hello from the outbox.",
                kind="test",
                cipher=db.require_cipher(),
            )
        with TestClient(create_app(settings, db)) as client:
            assert client.get("/healthz").status_code == 200
            messages = smtp_server.wait_for(1)
            deadline_ok = _wait(lambda: len(receiver.bodies) >= 1)
        assert messages[0]["Subject"] == "Queued before the server started"
        assert deadline_ok, "the webhook receiver got nothing while the server ran"
        assert receiver.bodies[0]["struggle"]["id"] == mine and receiver.valid == [True]
    finally:
        receiver.close()


def _wait(condition: Callable[[], bool], timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False

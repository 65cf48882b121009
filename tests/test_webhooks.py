# ruff: noqa: F811  (the ``run`` fixture is imported, then taken as a parameter)
"""Webhooks against a real local HTTP receiver in a thread: signed payloads verified by
the receiver; a failing receiver gets retries with exponential backoff, is then
disabled, and the delivery log says why."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from sqlalchemy import text

from picketline.actions.struggles import do_create_struggle
from picketline.actions.webhooks import do_create_webhook, do_deliver_webhooks, do_enable_webhook
from picketline.db import Database
from picketline.db.filters import StruggleFilter
from picketline.db.webhooks import deliveries, delivery_log, get_webhook
from picketline.domain.alert import SIGNATURE_HEADER, signature_matches
from picketline.domain.vocab import Sector, StruggleStatus
from picketline.settings import Settings
from tests.db_fixtures import DETAINED_NAME, full_bundle
from tests.test_setup_cli import Runner, run  # noqa: F401
from tests.web_fixtures import free_port

SECRET = "s3cret-shared-with-the-union-0042"


class Receiver:
    """An HTTP server that answers with ``status`` (or sleeps) and checks signatures."""

    def __init__(self) -> None:
        self.status = 200
        self.delay = 0.0
        self.bodies: list[dict[str, Any]] = []
        self.valid: list[bool] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.valid.append(
                    signature_matches(SECRET, body, self.headers.get(SIGNATURE_HEADER))
                )
                receiver.bodies.append(json.loads(body))
                time.sleep(receiver.delay)
                self.send_response(receiver.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = Receiver()
    yield server
    server.close()


@pytest.fixture
def hook_settings(db_settings: Settings) -> Settings:
    return db_settings.model_copy(
        update={
            "webhook_timeout_seconds": 0.5,
            "webhook_backoff_seconds": 60,
            "webhook_max_failures": 4,
            "webhook_max_attempts": 10,
        }
    )


def struggle(db: Database, tag: str, sector: Sector, published: bool = True) -> int:
    bundle = full_bundle(tag)
    fields = dataclasses.replace(bundle.struggle.fields, sector=sector)
    status = StruggleStatus.PUBLISHED if published else StruggleStatus.CANDIDATE
    s = dataclasses.replace(bundle.struggle, fields=fields, status=status, title=f"Struggle {tag}")
    return do_create_struggle(db, dataclasses.replace(bundle, struggle=s), actor="test")


def register(db: Database, url: str) -> int:
    wanted = StruggleFilter(sector=(Sector.B,))
    return do_create_webhook(
        db, organisation="Miners' union", url=url, secret=SECRET, wanted=wanted, actor="editor"
    )


def test_signed_payload_of_matching_struggles_only(
    db: Database, hook_settings: Settings, receiver: Receiver
) -> None:
    webhook_id = register(db, receiver.url)
    mine = struggle(db, "mine", Sector.B)
    struggle(db, "school", Sector.P)  # not in the filter
    struggle(db, "candidate", Sector.B, published=False)  # not published
    report = do_deliver_webhooks(db, hook_settings)
    assert (report.queued, report.delivered) == (1, 1)
    assert receiver.valid == [True]
    body = receiver.bodies[0]
    assert body["event"] == "struggle.created" and body["struggle"]["id"] == mine
    assert DETAINED_NAME not in json.dumps(body)  # public fields only
    again = do_deliver_webhooks(db, hook_settings)  # nothing new: nothing sent
    assert (again.queued, again.delivered, len(receiver.bodies)) == (0, 0, 1)
    with db.session() as session:
        log = delivery_log(session, webhook_id)
    assert [(a.ok, a.status_code) for a in log] == [(True, 200)]


def test_a_forged_signature_does_not_verify() -> None:
    body = b'{"event": "struggle.created"}'
    from picketline.domain.alert import sign

    assert signature_matches(SECRET, body, sign(SECRET, body))
    assert not signature_matches(SECRET, body + b" ", sign(SECRET, body))
    assert not signature_matches(SECRET, body, sign("another-secret-of-16+", body))
    assert not signature_matches(SECRET, body, None)


def test_failing_receiver_gets_backoff_retries_then_is_disabled(
    db: Database, hook_settings: Settings, receiver: Receiver
) -> None:
    receiver.status = 503
    webhook_id = register(db, receiver.url)
    struggle(db, "mine", Sector.B)
    struggle(db, "quarry", Sector.B)
    start = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)
    clock = start
    tried_at = []
    for _ in range(40):  # run the deliverer every 30 s of simulated time
        before = len(receiver.bodies)
        report = do_deliver_webhooks(db, hook_settings, now=clock)
        if len(receiver.bodies) > before:
            tried_at.append(clock)
        if report.disabled:
            break
        clock += dt.timedelta(seconds=30)
    gaps = [(b - a).total_seconds() for a, b in itertools.pairwise(tried_at)]
    assert gaps == [60, 120, 240]  # one try per run after a failure; the waits double
    assert len(receiver.bodies) == 4  # the second delivery waited behind the first
    with db.session() as session:
        hook = get_webhook(session, webhook_id)
        log = delivery_log(session, webhook_id)
        pending = [d.status for d in deliveries(session, webhook_id)]
    assert hook is not None and not hook.active
    assert hook.disabled_reason is not None and "HTTP 503" in hook.disabled_reason
    assert [a.error for a in log] == ["HTTP 503"] * 4
    assert pending == ["pending", "pending"]  # nothing lost: they wait for re-enabling
    quiet = do_deliver_webhooks(db, hook_settings, now=clock + dt.timedelta(days=1))
    assert quiet.delivered == 0 and len(receiver.bodies) == 4  # disabled: no more tries

    receiver.status = 200
    do_enable_webhook(db, webhook_id, actor="editor")
    back = do_deliver_webhooks(db, hook_settings, now=clock + dt.timedelta(days=1))
    assert back.delivered == 2 and all(receiver.valid)


def test_the_log_says_timeout_and_connection_refused(
    db: Database, hook_settings: Settings, receiver: Receiver
) -> None:
    receiver.delay = 1.5  # longer than the 0.5 s timeout
    slow = register(db, receiver.url)
    refused = register(db, f"http://127.0.0.1:{free_port()}/nobody-listens")
    struggle(db, "mine", Sector.B)
    report = do_deliver_webhooks(db, hook_settings)
    assert report.retried == 2
    with db.session() as session:
        slow_log = delivery_log(session, slow)
        refused_log = delivery_log(session, refused)
    assert slow_log[0].error == "timeout after 0.5s" and slow_log[0].status_code is None
    assert refused_log[0].error == "connection refused"


def test_bad_registrations_are_refused(db: Database) -> None:
    wanted = StruggleFilter()
    for url in ("javascript:alert(1)", "ftp://example.org/x", "https://user:pw@example.org/"):
        with pytest.raises(Exception, match="URL"):
            do_create_webhook(
                db, organisation="x", url=url, secret=SECRET, wanted=wanted, actor="e"
            )
    with pytest.raises(Exception, match="at least 16"):
        do_create_webhook(
            db, organisation="x", url="https://e.org/", secret="short", wanted=wanted, actor="e"
        )


def test_the_secret_is_encrypted_at_rest(db: Database, receiver: Receiver) -> None:
    register(db, receiver.url)
    with db.engine.connect() as conn:
        raw = " ".join(str(r) for r in conn.execute(text("SELECT * FROM webhooks")))
        audit = " ".join(str(r) for r in conn.execute(text("SELECT * FROM audit_log")))
    assert SECRET not in raw and SECRET not in audit


def test_cli_add_deliver_and_log(
    db: Database,
    db_settings: Settings,
    receiver: Receiver,
    run: Runner,
) -> None:
    from tests.test_ingest_cli import cli_env

    env = cli_env(db_settings)
    extra = {
        k: v
        for k, v in env.items()
        if k in ("PICKETLINE_ENCRYPTION_KEY", "PICKETLINE_DATABASE_URL")
    }
    added = run(
        db_settings.data_dir,
        "webhooks",
        "add",
        "--organisation",
        "Union",
        "--url",
        receiver.url,
        "--secret",
        SECRET,
        "--sector",
        "B",
        **extra,
    )
    assert added.returncode == 0 and "webhook 1 registered" in added.stdout
    struggle(db, "mine", Sector.B)
    sent = run(db_settings.data_dir, "webhooks", "deliver", **extra)
    assert "1 queued, 1 delivered" in sent.stdout, sent.stderr
    assert receiver.valid == [True]
    listed = run(db_settings.data_dir, "webhooks", "list", **extra)
    assert "sector=B" in listed.stdout and "active" in listed.stdout and SECRET not in listed.stdout
    log = run(db_settings.data_dir, "webhooks", "log", "1", **extra)
    assert "ok (HTTP 200)" in log.stdout
    bad = run(
        db_settings.data_dir, "webhooks", "add", "--organisation", "U", "--url", "ftp://x", **extra
    )
    assert bad.returncode == 1 and "not an http(s) address" in bad.stderr

"""Web fixtures: a database seeded with demo data plus hand-made hostile cases.

Besides generated demo struggles, the seed holds a published struggle carrying
known sensitive values (which must never appear in any response), one whose
title and texts are XSS payloads (which must render inert), and unpublished
ones (which must stay invisible).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from picketline.actions.bundles import NewSource, NewStruggle
from picketline.actions.struggles import do_create_struggle, do_create_struggles
from picketline.db import Database
from picketline.db.models import StruggleRow
from picketline.demo import generate_demo
from picketline.domain.dates import PartialDate
from picketline.domain.event import Event
from picketline.domain.place import Place
from picketline.domain.source import Source
from picketline.domain.struggle import SensitiveData, Struggle, StruggleFields
from picketline.domain.vocab import Action, EventKind, Outcome, Sector, StruggleStatus
from picketline.settings import Settings
from picketline.web.app import create_app

DEMO_COUNT = 40

# Values that must never leave the database through the public web.
SECRETS = (
    "Zinaida Sekretova-7731",
    "+7 900 555 0199 SECRET",
    "NOTE-SECRET-safehouse-4412",
    "reporter.secret.8812@example.org",
)
XSS_TITLE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
HIDDEN_TITLES = ("HIDDEN-CANDIDATE-struggle", "HIDDEN-REJECTED-struggle")


@dataclass
class WebData:
    """What the seed put in the database, by role."""

    db: Database
    published_ids: set[int] = field(default_factory=set)
    hidden_ids: set[int] = field(default_factory=set)
    xss_id: int = 0
    secret_id: int = 0


def _fields(workers: str, **extra: object) -> StruggleFields:
    return StruggleFields(
        actions=(Action.STRIKE, Action.PICKET),
        workers=workers,
        sector=Sector.B,
        place=Place("Novokuznetsk", country="RU", admin1="Kemerovo Oblast", lat=53.76, lon=87.11),
        start=PartialDate(2021, 3, 2),
        outcome=Outcome.ONGOING,
        **extra,  # type: ignore[arg-type]
    )


def secret_bundle() -> NewStruggle:
    """A real-looking published struggle with sensitive data on it and its source."""
    sensitive = SensitiveData(
        detained_people=(SECRETS[0],), contacts=(SECRETS[1],), notes=SECRETS[2]
    )
    source = Source.from_text(
        "Miners at the Abashevskaya mine stopped work over unpaid wages.",
        url="https://news.example.org/abashevskaya",
        outlet="Example News",
        title="Abashevskaya miners strike",
        language="en",
        published=PartialDate(2021, 3, 3),
        reporter_contact=SECRETS[3],
    )
    event = Event(None, None, EventKind.ARREST, PartialDate(2021, 3, 4), "Two miners detained.", 2)
    struggle = Struggle(
        id=None,
        fields=_fields("coal miners", workplace="Abashevskaya mine", employer="Yuzhkuzbassugol"),
        status=StruggleStatus.PUBLISHED,
        title="Abashevskaya miners strike over unpaid wages",
        sensitive=sensitive,
    )
    return NewStruggle(struggle, sources=(NewSource(source, events=(event,)),))


def xss_bundle() -> NewStruggle:
    """Markup and a ``javascript:`` URL everywhere a scraped article could put them."""
    source = Source.from_text(
        "<script>alert('source text')</script>",
        url="javascript:window.__pwned=3",
        outlet="<b>Outlet</b>",
        title="<script>window.__pwned = 4</script>",
    )
    event = Event(None, None, EventKind.OTHER, PartialDate(2021, 4), "<img src=x onerror=alert(5)>")
    struggle = Struggle(
        id=None,
        fields=_fields("<i>dockers</i>", unions=("<script>u</script>",)),
        status=StruggleStatus.PUBLISHED,
        title=XSS_TITLE,
    )
    return NewStruggle(struggle, sources=(NewSource(source),), events=(event,))


def hidden_bundles() -> list[NewStruggle]:
    """A candidate under review and a rejected struggle: neither may be visible."""
    statuses = (StruggleStatus.CANDIDATE, StruggleStatus.REJECTED)
    return [
        NewStruggle(Struggle(id=None, fields=_fields("hidden workers"), status=s, title=t))
        for s, t in zip(statuses, HIDDEN_TITLES, strict=True)
    ]


def seed(db: Database, demo_count: int = DEMO_COUNT) -> WebData:
    """Store demo struggles and the hostile cases; remember which id is which."""
    do_create_struggles(db, generate_demo(demo_count, seed=7), actor="system:test")
    data = WebData(db)
    data.secret_id = do_create_struggle(db, secret_bundle(), actor="system:test")
    data.xss_id = do_create_struggle(db, xss_bundle(), actor="system:test")
    for bundle in hidden_bundles():
        do_create_struggle(db, bundle, actor="system:test")
    with db.session() as session:
        for struggle_id, status in session.execute(select(StruggleRow.id, StruggleRow.status)):
            published = status == StruggleStatus.PUBLISHED.value
            (data.published_ids if published else data.hidden_ids).add(struggle_id)
    return data


@pytest.fixture
def web_data(db: Database) -> WebData:
    return seed(db)


@pytest.fixture
def client(web_data: WebData, settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings, web_data.db)) as test_client:
        yield test_client


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class LiveServer:
    url: str
    xss_id: int


@pytest.fixture
def live_server(sqlite_db: Database, sqlite_settings: Settings) -> Iterator[LiveServer]:
    """A real uvicorn server on a free loopback port, in a thread, for the browser.

    SQLite only: what the browser sees does not depend on the database engine,
    and the API tests already cover both.
    """
    web_data = seed(sqlite_db)
    with serve_in_thread(create_app(sqlite_settings, sqlite_db)) as url:
        yield LiveServer(url, web_data.xss_id)


@contextmanager
def serve_in_thread(app: Any) -> Iterator[str]:
    """Serve ``app`` with a real uvicorn on a free loopback port in a thread; its base URL."""
    import uvicorn

    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the uvicorn test server did not start", pytrace=False)
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)

"""Database fixtures: a migrated template built once per session, copied per test.

SQLite tests copy a migrated template file (a file copy is far cheaper than
running the migrations); PostgreSQL tests get a fresh database cloned with
``CREATE DATABASE ... TEMPLATE``. The templates are migrated without a key,
so each test's fresh key is recorded on first open, as on a new install.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from picketline.access.crypto import encode_key, generate_key
from picketline.actions.bundles import NewSource, NewStruggle
from picketline.db import Database
from picketline.domain.dates import PartialDate
from picketline.domain.event import Event
from picketline.domain.place import Place, PlacePrecision
from picketline.domain.source import Evidence, Source
from picketline.domain.struggle import (
    Participants,
    Repression,
    SensitiveData,
    Struggle,
    StruggleFields,
)
from picketline.domain.vocab import (
    Action,
    Demand,
    EventKind,
    Outcome,
    RepressionType,
    Sector,
    StruggleStatus,
)
from picketline.settings import Settings
from tests.requirements import require_postgres

DB_KINDS = ["sqlite", "postgres"]


def make_settings(data_dir: Path, **overrides: object) -> Settings:
    """Settings isolated from the environment's PICKETLINE_* variables."""
    values: dict[str, object] = {
        "env": "test",
        "data_dir": data_dir,
        "database_url": None,
        "encryption_key": encode_key(generate_key()),
        "key_file": None,
        "background_jobs": False,  # tests that want the loops turn them on
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """A Settings with a private data dir and a fresh encryption key."""
    return make_settings(tmp_path / "data")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file (no key recorded), built once per session."""
    data_dir = tmp_path_factory.mktemp("sqlite-template")
    db = Database.open(make_settings(data_dir, encryption_key=None), create=True)
    db.close()
    return data_dir / "picketline.sqlite3"


def _pg_url(admin_url: str, name: str) -> str:
    return sa.make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def _admin_engine(admin_url: str) -> sa.Engine:
    return sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")


@pytest.fixture(scope="session")
def postgres_template() -> Iterator[str]:
    """The name of a migrated PostgreSQL template database, built once per session."""
    admin_url = require_postgres()
    name = f"picketline_tpl_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = _admin_engine(admin_url)
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    settings = make_settings(
        Path("/nonexistent"), database_url=_pg_url(admin_url, name), encryption_key=None
    )
    Database.open(settings, create=True).close()
    yield name
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture
def postgres_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """The URL of a fresh, migrated PostgreSQL database for this test only."""
    admin_url = require_postgres()
    template = request.getfixturevalue("postgres_template")
    name = f"picketline_t_{uuid.uuid4().hex[:12]}"
    admin = _admin_engine(admin_url)
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    yield _pg_url(admin_url, name)
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


def _sqlite_settings(settings: Settings, template: Path) -> Settings:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, settings.data_dir / "picketline.sqlite3")
    return settings


@pytest.fixture(params=DB_KINDS)
def db_settings(request: pytest.FixtureRequest, settings: Settings) -> Settings:
    """Settings pointing at a fresh migrated database of each kind."""
    if request.param == "sqlite":
        return _sqlite_settings(settings, request.getfixturevalue("sqlite_template"))
    url = request.getfixturevalue("postgres_url")
    return settings.model_copy(update={"database_url": url})


@pytest.fixture
def db(db_settings: Settings) -> Iterator[Database]:
    """An open, migrated, empty database: SQLite and PostgreSQL in turn."""
    database = Database.open(db_settings)
    yield database
    database.close()


@pytest.fixture
def sqlite_settings(settings: Settings, sqlite_template: Path) -> Settings:
    return _sqlite_settings(settings, sqlite_template)


@pytest.fixture
def sqlite_db(sqlite_settings: Settings) -> Iterator[Database]:
    """An open, migrated, empty SQLite database (for SQLite-only behaviour)."""
    database = Database.open(sqlite_settings)
    yield database
    database.close()


DETAINED_NAME = "Zhanna Secretova-Kuznetsova"
CONTACT = "+7 900 555 13 13 (sister)"
NOTE = "held at precinct 4, lawyer Pyotr Hiddenov"
REPORTER = "reporter.hidden@example.org"


def full_bundle(tag: str = "alpha") -> NewStruggle:
    """A struggle with every field, sensitive data, evidence and events set."""
    text = (
        f"Coal miners of the Komsomolskaya mine in Vorkuta went on strike ({tag}) over unpaid "
        "wages. "
        "About 120 miners stayed underground; police detained three of them."
    )
    source = Source.from_text(
        text,
        url=f"https://news.example.org/{tag}",
        outlet="Example Labour News",
        title=f"Miners strike in Vorkuta {tag}",
        language="en",
        published=PartialDate(2020, 6, 16),
        retrieved=dt.datetime(2020, 6, 17, 9, 30, tzinfo=dt.UTC),
        reporter_contact=REPORTER,
    )
    fields = StruggleFields(
        actions=(Action.STRIKE, Action.OCCUPATION),
        workers="coal miners",
        sector=Sector.B,
        workplace="Komsomolskaya mine",
        employer="Vorkutaugol",
        unions=("Independent Miners' Union", "Miners' Committee"),
        place=Place(
            "Vorkuta", "RU", "Komi", 67.5, 64.05, 471160, PlacePrecision.TOWN, ("Воркута",)
        ),
        start=PartialDate(2020, 6),
        end=PartialDate(2020, 6, 20),
        participants=Participants(100, 120),
        demands=(Demand.UNPAID_WAGES, Demand.RELEASE),
        outcome=Outcome.PARTIAL,
        repression=(Repression(RepressionType.ARREST, 3), Repression(RepressionType.THREAT)),
        background=True,
    )
    struggle = Struggle(
        id=None,
        fields=fields,
        status=StruggleStatus.PUBLISHED,
        title=f"Vorkuta miners' strike {tag}",
        summary="Miners stayed underground over wage arrears.",
        confidence=0.87,
        sensitive=SensitiveData((DETAINED_NAME,), (CONTACT,), NOTE),
    )
    evidence = (
        Evidence(
            None,
            "workers",
            text.index("Coal miners"),
            text.index("Coal miners") + 11,
            "Coal miners",
        ),
    )
    events = (Event(None, None, EventKind.ARREST, PartialDate(2020, 6, 18), "three detained", 3),)
    return NewStruggle(
        struggle=struggle,
        sources=(NewSource(source, evidence, events),),
        events=(Event(None, None, EventKind.ACTION_STARTED, PartialDate(2020, 6), "strike began"),),
    )

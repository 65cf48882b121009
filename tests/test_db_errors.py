"""Opening a database that cannot be used: one clear StorageError or ConfigurationError."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from picketline.db import Database
from picketline.errors import ConfigurationError, StorageError
from picketline.settings import Settings


@pytest.mark.parametrize(
    "url",
    ["sqlit:///x.db", "postgress+psycopg://u@h/db", "mysql://u@h/db", "://nothing"],
)
def test_bad_url_is_a_configuration_error(settings: Settings, url: str) -> None:
    with pytest.raises(ConfigurationError, match="database URL"):
        Database.open(settings.model_copy(update={"database_url": url}))


def test_unreachable_server(settings: Settings) -> None:
    bad = settings.model_copy(
        update={"database_url": "postgresql+psycopg://postgres@127.0.0.1:1/x"}
    )
    with pytest.raises(StorageError, match="cannot reach") as info:
        Database.open(bad, timeout=1)
    assert "\n" not in str(info.value)


def test_missing_sqlite_file_needs_init(settings: Settings) -> None:
    with pytest.raises(StorageError, match="picketline init"):
        Database.open(settings)


def test_corrupted_sqlite_file(sqlite_settings: Settings) -> None:
    path = sqlite_settings.data_dir / "picketline.sqlite3"
    path.write_bytes(b"this is not a database, just garbage bytes " * 200)
    with pytest.raises(StorageError, match="corrupted"):
        Database.open(sqlite_settings)


def test_locked_sqlite_file(sqlite_settings: Settings) -> None:
    holder = sqlite3.connect(sqlite_settings.data_dir / "picketline.sqlite3", isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO app_meta VALUES ('holder', 'x')")
    try:
        with pytest.raises(StorageError, match="locked"):
            Database.open(sqlite_settings, timeout=0.2)
    finally:
        holder.close()


def test_schema_from_a_newer_picketline(db_settings: Settings) -> None:
    with Database.open(db_settings) as db, db.transaction() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    with pytest.raises(StorageError, match="newer Picketline"):
        Database.open(db_settings)


def test_uninitialised_database_needs_init(tmp_path: Path, settings: Settings) -> None:
    empty = tmp_path / "empty.sqlite3"
    sqlite3.connect(empty).close()
    with pytest.raises(StorageError, match="not initialised"):
        Database.open(settings.model_copy(update={"database_url": f"sqlite:///{empty}"}))

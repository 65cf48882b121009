"""Engines for SQLite and PostgreSQL, and turning driver errors into one-line messages.

Every SQLite connection gets WAL mode (readers never wait for the writer) and
``foreign_keys=ON`` (SQLite's default is off). SQLAlchemy, not the sqlite3
module, decides where transactions begin, so a write transaction can start
with ``BEGIN IMMEDIATE`` and never fail half-way on a lock upgrade.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.engine import URL, make_url

from picketline.errors import ConfigurationError, StorageError

SQLITE_BEGIN_OPTION = "picketline_sqlite_begin"
_SUPPORTED = "sqlite:///PATH or postgresql+psycopg://USER@HOST/DB"


def parse_url(text: str) -> URL:
    """Validate a database URL, mapping plain ``postgresql://`` to psycopg 3."""
    try:
        url = make_url(text)
    except exc.ArgumentError:
        raise ConfigurationError(
            f"the database URL {text!r} is malformed; use {_SUPPORTED}"
        ) from None
    backend = url.get_backend_name()
    if backend == "postgres":
        backend = "postgresql"
    if backend == "sqlite" and url.get_driver_name() in ("pysqlite", "sqlite"):
        return url
    if backend == "postgresql" and url.get_driver_name() in ("psycopg", "psycopg2", "postgres"):
        return url.set(drivername="postgresql+psycopg")
    raise ConfigurationError(
        f"unsupported database URL scheme {url.drivername!r}; use {_SUPPORTED}"
    )


def sqlite_path(url: URL) -> Path | None:
    """The file behind an SQLite URL (None for in-memory databases)."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def make_engine(url: URL, *, timeout: float) -> Engine:
    """An engine for ``url``; ``timeout`` is how long to wait for a lock or a server."""
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": timeout})
        _configure_sqlite(engine)
        return engine
    return create_engine(
        url,
        connect_args={"connect_timeout": max(1, int(timeout))},
        pool_pre_ping=True,
    )


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get(SQLITE_BEGIN_OPTION, "")
        connection.exec_driver_sql(f"BEGIN {mode}".strip())


_KNOWN = (
    (re.compile(r"file is not a database|malformed|disk image"), "is corrupted or not a database"),
    (re.compile(r"database is locked|database table is locked"), "is locked by another process"),
    (re.compile(r"unable to open database file"), "cannot be opened"),
    (re.compile(r"readonly database"), "is read-only"),
)


def describe(error: BaseException, where: str) -> str:
    """A one-line message for a driver error, naming the database ``where``."""
    original = getattr(error, "orig", None) or error
    text = " ".join(str(original).split())
    for pattern, meaning in _KNOWN:
        if pattern.search(text):
            return f"the database {where} {meaning} ({text})"
    if "Connection refused" in text or "could not connect" in text or "timeout expired" in text:
        return f"cannot reach the database server for {where}: {_first_clause(text)}"
    return f"database {where}: {_first_clause(text)}"


def _first_clause(text: str) -> str:
    return text.split(" (Background on this error")[0][:300]


@contextlib.contextmanager
def storage_errors(where: str) -> Iterator[None]:
    """Re-raise driver errors as ``StorageError`` with a one-line message."""
    try:
        yield
    except (exc.OperationalError, exc.DatabaseError, exc.InterfaceError) as error:
        raise StorageError(describe(error, where)) from None


def display_url(url: URL) -> str:
    """The URL without its password, for messages."""
    return url.render_as_string(hide_password=True)

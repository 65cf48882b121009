"""The database: opening it safely, migrating it, and sessions for reads and writes.

``Database.open`` refuses, with a one-line ``PicketlineError``, everything that
would make later work fail half-way: a malformed URL, an unreachable server, a
corrupted or locked SQLite file, a schema written by a newer Picketline, and a
missing or wrong encryption key. After it returns, the schema is current and
the key matches.

Reads use ``db.session()``; writes belong to ``picketline.actions`` and use
``db.transaction()``, which serialises writers (needed for the audit chain).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Literal

from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from picketline import __version__
from picketline.access.crypto import FieldCipher, load_key
from picketline.db import migrate
from picketline.db.engine import (
    SQLITE_BEGIN_OPTION,
    display_url,
    make_engine,
    parse_url,
    sqlite_path,
    storage_errors,
)
from picketline.db.models import AppMeta
from picketline.errors import ConfigurationError, StorageError
from picketline.settings import Settings

KEY_CHECK = "key_check"
APP_VERSION = "app_version"
_PG_WRITER_LOCK = 7_172_001  # advisory lock id that serialises writers on PostgreSQL


class Database:
    """An open, migrated, key-checked database. Build it with ``Database.open``."""

    def __init__(self, engine: Engine, url: URL, cipher: FieldCipher | None) -> None:
        self.engine = engine
        self.url = url
        self.cipher = cipher
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    # ---- opening -----------------------------------------------------------------

    @classmethod
    def open(cls, settings: Settings, *, create: bool = False, timeout: float = 5.0) -> Database:
        """Connect to ``settings.resolved_database_url`` and check it is usable.

        With ``create=True`` a missing SQLite file is created and an empty or
        older schema is migrated (what ``picketline init`` does); otherwise an
        uninitialised database is an error that says to run ``picketline init``.
        ``timeout`` bounds waiting for a locked file or a slow server.
        """
        url = parse_url(settings.resolved_database_url)
        where = display_url(url)
        path = sqlite_path(url)
        if path is not None:
            if not path.exists() and not create:
                raise StorageError(f"no database at {path}; run 'picketline init' first")
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = make_engine(url, timeout=timeout)
        try:
            with storage_errors(where):
                db = cls(engine, url, None)
                db._check_schema(create=create)
                db.cipher = db._check_key(load_key(settings))
        except BaseException:
            engine.dispose()
            raise
        return db

    def _check_schema(self, *, create: bool) -> None:
        state = migrate.schema_state(self.engine)
        if state == migrate.SchemaState.NEWER:
            raise StorageError(
                f"the database {display_url(self.url)} was migrated by a newer Picketline "
                f"(schema {migrate.current_revision(self.engine)}); upgrade Picketline to use it"
            )
        if state == migrate.SchemaState.CURRENT:
            return
        if not create:
            what = "is not initialised" if state == migrate.SchemaState.EMPTY else "is out of date"
            raise StorageError(
                f"the database {display_url(self.url)} {what}; run 'picketline init' first"
            )
        self.upgrade()

    def _check_key(self, key: bytes | None) -> FieldCipher | None:
        """Match the configured key against the check value stored in the database."""
        cipher = FieldCipher(key) if key is not None else None
        stored = self.get_meta(KEY_CHECK)
        if stored is None:
            if cipher is not None:
                self.set_meta(KEY_CHECK, cipher.check_value)
            return cipher
        if cipher is None:
            raise ConfigurationError(
                "the database holds encrypted data but no encryption key is configured "
                "(set PICKETLINE_ENCRYPTION_KEY or restore the key file)"
            )
        if cipher.check_value != stored:
            raise ConfigurationError(
                "wrong encryption key: it is not the key this database's data was encrypted with"
            )
        return cipher

    # ---- schema and metadata ------------------------------------------------------

    def upgrade(self) -> None:
        """Migrate to the newest schema (idempotent) and record this app's version."""
        with storage_errors(display_url(self.url)):
            migrate.upgrade(self.engine)
            self.set_meta(APP_VERSION, __version__)

    def get_meta(self, key: str) -> str | None:
        with self.session() as session:
            return session.scalar(select(AppMeta.value).where(AppMeta.key == key))

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as session:
            session.merge(AppMeta(key=key, value=value))

    # ---- sessions -----------------------------------------------------------------

    @property
    def dialect(self) -> Literal["sqlite", "postgresql"]:
        return "sqlite" if self.engine.dialect.name == "sqlite" else "postgresql"

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A read session (one transaction, so a page of results is consistent)."""
        with self._sessions() as session:
            yield session

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """A write transaction: serialised with other writers, committed at the end.

        Writers are serialised (``BEGIN IMMEDIATE`` on SQLite, an advisory lock on
        PostgreSQL) because each audit entry hashes the one before it.
        """
        with self._sessions() as session:
            if self.dialect == "sqlite":
                session.connection(execution_options={SQLITE_BEGIN_OPTION: "IMMEDIATE"})
            else:
                session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_WRITER_LOCK})
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def require_cipher(self) -> FieldCipher:
        """The cipher, or a ConfigurationError: sensitive data is never written in clear."""
        if self.cipher is None:
            raise ConfigurationError(
                "no encryption key is configured, so sensitive data cannot be stored "
                "(run 'picketline init' or set PICKETLINE_ENCRYPTION_KEY)"
            )
        return self.cipher

    def table_names(self) -> list[str]:
        return inspect(self.engine).get_table_names()

    def close(self) -> None:
        """Release every connection (the SQLite WAL is checkpointed by the last one)."""
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

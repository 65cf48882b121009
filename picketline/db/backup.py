"""Backups: SQLite through its online backup API, PostgreSQL through pg_dump/pg_restore.

A backup is taken while the site runs (the SQLite backup API copies a
consistent snapshot, WAL included). A restore refuses to overwrite a database
that holds data unless forced, and refuses a backup whose data was encrypted
with another key, since restoring it would leave unreadable rows.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy import func, select

from picketline.db import KEY_CHECK, Database
from picketline.db import migrate as migrations
from picketline.db.engine import sqlite_path
from picketline.db.models import SourceRow, StruggleRow
from picketline.errors import ConfigurationError, InputError, PicketlineError, StorageError


def backup(db: Database, target: Path) -> None:
    """Write a backup of ``db`` to ``target`` (which must not exist yet)."""
    if target.exists():
        raise InputError(f"{target} already exists; choose a new file name")
    target.parent.mkdir(parents=True, exist_ok=True)
    if db.dialect == "sqlite":
        _backup_sqlite(db, target)
    else:
        _run_pg_tool(db, "pg_dump", ["--format=custom", f"--file={target}"])


def restore(db: Database, source: Path, *, force: bool = False) -> None:
    """Replace the contents of ``db`` with the backup in ``source``."""
    if not source.is_file():
        raise InputError(f"no backup file at {source}")
    rows = row_count(db)
    if rows and not force:
        raise PicketlineError(
            f"the database already holds {rows} struggles and sources; "
            "restoring would replace them (add --force to do so)"
        )
    if db.dialect == "sqlite":
        _restore_sqlite(db, source)
    else:
        _check_backup_key(db, _pg_backup_key_check(source), source)
        _run_pg_tool(
            db,
            "pg_restore",
            [
                "--clean",
                "--if-exists",
                "--no-owner",
                "--exit-on-error",
                "--single-transaction",
                str(source),
            ],
        )
    db.engine.dispose()
    db.upgrade()


def row_count(db: Database) -> int:
    """Struggles plus sources: what a restore would destroy."""
    with db.session() as session:
        struggles = session.scalar(select(func.count()).select_from(StruggleRow)) or 0
        sources = session.scalar(select(func.count()).select_from(SourceRow)) or 0
    return struggles + sources


def _backup_sqlite(db: Database, target: Path) -> None:
    raw = db.engine.raw_connection()
    try:
        destination = sqlite3.connect(target)
        try:
            raw.driver_connection.backup(destination)  # type: ignore[union-attr]
            destination.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            destination.close()
    finally:
        raw.close()


def _restore_sqlite(db: Database, source: Path) -> None:
    live = sqlite_path(db.url)
    if live is not None and live.resolve() == source.resolve():
        raise InputError("the backup file is the live database itself")
    try:
        backup_db = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise InputError(f"{source} cannot be opened as a backup: {error}") from None
    try:
        revision, key_check = _sqlite_backup_facts(backup_db, source)
        _check_revision(revision, source)
        _check_backup_key(db, key_check, source)
        raw = db.engine.raw_connection()
        try:
            backup_db.backup(raw.driver_connection)  # type: ignore[arg-type]
        finally:
            raw.close()
    finally:
        backup_db.close()


def _sqlite_backup_facts(conn: sqlite3.Connection, source: Path) -> tuple[str, str | None]:
    try:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        key_row = conn.execute("SELECT value FROM app_meta WHERE key = ?", (KEY_CHECK,)).fetchone()
    except sqlite3.DatabaseError:
        raise InputError(f"{source} is not a Picketline SQLite backup") from None
    if revision is None:
        raise InputError(f"{source} is not a Picketline SQLite backup (no schema version)")
    return revision[0], key_row[0] if key_row else None


def _check_revision(revision: str, source: Path) -> None:
    script = migrations.ScriptDirectory.from_config(migrations.alembic_config())
    if revision not in {r.revision for r in script.walk_revisions()}:
        raise StorageError(f"{source} was written by a newer Picketline (schema {revision})")


def _check_backup_key(db: Database, key_check: str | None, source: Path) -> None:
    if key_check is None:
        return
    if db.cipher is None or db.cipher.check_value != key_check:
        raise ConfigurationError(
            f"{source} was encrypted with a different key than the one configured; "
            "configure that key before restoring"
        )


def _pg_backup_key_check(source: Path) -> str | None:
    """Read the key check value out of a pg_dump archive without restoring it."""
    output = _run_tool(
        "pg_restore", ["--data-only", "--table=app_meta", "--file=-", str(source)], env=None
    )
    for line in output.splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and parts[0] == KEY_CHECK:
            return parts[1]
    return None


def _run_pg_tool(db: Database, tool: str, args: list[str]) -> str:
    url = db.url.set(drivername="postgresql")
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    dsn = url.set(password=None).render_as_string(hide_password=False)
    return _run_tool(tool, [f"--dbname={dsn}", *args], env=env)


def _run_tool(tool: str, args: list[str], *, env: dict[str, str] | None) -> str:
    path = shutil.which(tool)
    if path is None:
        raise StorageError(
            f"{tool} is not installed; install the PostgreSQL client tools "
            "(e.g. apt-get install postgresql-client) to back up or restore PostgreSQL"
        )
    result = subprocess.run([path, *args], capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        detail = lines[0] if lines else f"exit code {result.returncode}"
        raise StorageError(f"{tool} failed: {detail}")
    return result.stdout

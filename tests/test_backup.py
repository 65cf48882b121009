"""Backup then restore brings back every row, on SQLite and on PostgreSQL."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from picketline.access.crypto import encode_key, generate_key
from picketline.actions.struggles import do_create_struggle, do_create_struggles, do_update_struggle
from picketline.db import Database
from picketline.db.backup import backup, restore
from picketline.db.struggles import StruggleRecord, list_struggles
from picketline.demo import generate_demo
from picketline.errors import ConfigurationError, InputError, PicketlineError
from picketline.settings import Settings
from tests.db_fixtures import DETAINED_NAME, full_bundle
from tests.requirements import missing


def _everything(db: Database) -> list[StruggleRecord]:
    records, _ = list_struggles(db, status=None, limit=1000)
    return records


def _require_tools(db: Database) -> None:
    if db.dialect == "postgresql" and not (shutil.which("pg_dump") and shutil.which("pg_restore")):
        missing("pg_dump and pg_restore")


def test_backup_then_restore_finds_every_row(db: Database, tmp_path: Path) -> None:
    _require_tools(db)
    first = do_create_struggle(db, full_bundle(), actor="a")
    do_create_struggles(db, generate_demo(60, seed=5), actor="system:demo")
    saved = _everything(db)
    target = tmp_path / "picketline.backup"
    backup(db, target)
    assert target.stat().st_size > 0
    do_update_struggle(
        db, first, expected_version=1, changes={"workers": "changed"}, actor="a", reason=None
    )
    do_create_struggles(db, generate_demo(5, seed=6), actor="system:demo")
    with pytest.raises(PicketlineError, match="--force"):
        restore(db, target)
    restore(db, target, force=True)
    assert _everything(db) == saved
    record = next(r for r in _everything(db) if r.struggle.id == first)
    assert record.struggle.fields.workers == "coal miners"
    from picketline.db.struggles import get_struggle

    full = get_struggle(db, first, include_sensitive=True)
    assert full is not None and full.struggle.sensitive.detained_people == (DETAINED_NAME,)


def test_backup_never_overwrites_a_file(sqlite_db: Database, tmp_path: Path) -> None:
    target = tmp_path / "exists.backup"
    target.write_text("precious")
    with pytest.raises(InputError, match="already exists"):
        backup(sqlite_db, target)
    assert target.read_text() == "precious"


def test_restore_refuses_a_backup_made_with_another_key(
    sqlite_db: Database, sqlite_settings: Settings, tmp_path: Path
) -> None:
    do_create_struggle(sqlite_db, full_bundle(), actor="a")
    target = tmp_path / "b.backup"
    backup(sqlite_db, target)
    other = sqlite_settings.model_copy(
        update={"data_dir": tmp_path / "other", "encryption_key": encode_key(generate_key())}
    )
    with Database.open(other, create=True) as fresh:
        with pytest.raises(ConfigurationError, match="different key"):
            restore(fresh, target)
        assert _everything(fresh) == []


def test_restore_rejects_a_file_that_is_not_a_backup(sqlite_db: Database, tmp_path: Path) -> None:
    junk = tmp_path / "junk.backup"
    junk.write_bytes(b"\x00garbage" * 100)
    with pytest.raises(InputError):
        restore(sqlite_db, junk)

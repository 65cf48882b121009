"""Writes: optimistic locking, status changes, and the audit log in the same transaction."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from picketline.actions import audit
from picketline.actions.struggles import (
    do_create_struggle,
    do_create_struggles,
    do_set_status,
    do_update_struggle,
)
from picketline.db import Database
from picketline.db.search import search_struggles
from picketline.db.struggles import get_struggle
from picketline.demo import generate_demo
from picketline.domain.dates import PartialDate
from picketline.domain.vocab import Outcome, Sector, StruggleStatus
from picketline.errors import ConflictError, InputError, NotFoundError
from tests.db_fixtures import DETAINED_NAME, full_bundle


def _count(db: Database, table: str) -> int:
    with db.session() as session:
        return int(session.scalar(text(f"SELECT count(*) FROM {table}")) or 0)


def test_update_bumps_version_and_records_the_change(db: Database) -> None:
    struggle_id = do_create_struggle(db, full_bundle(), actor="alice")
    updated = do_update_struggle(
        db,
        struggle_id,
        expected_version=1,
        changes={
            "outcome": Outcome.WON,
            "sector": Sector.C,
            "end": PartialDate(2020, 7),
            "title": "Renamed",
            "workers": "striking coal miners",
        },
        actor="bob",
        reason="new article",
    )
    assert updated.version == 2
    record = get_struggle(db, struggle_id)
    assert record is not None
    assert record.struggle.version == 2
    assert record.struggle.fields.outcome == Outcome.WON
    assert record.struggle.fields.end == PartialDate(2020, 7)
    assert record.struggle.title == "Renamed"
    assert search_struggles(db, "striking") == [struggle_id]
    with db.session() as session:
        create, update = audit.read_entries(session, "struggle", struggle_id)
        assert audit.verify_chain(session) is None
    assert (create.action, create.actor) == ("struggle.create", "alice")
    assert (update.action, update.actor, update.reason) == ("struggle.update", "bob", "new article")
    assert update.before is not None and update.after is not None
    assert update.before["outcome"] == "partial" and update.after["outcome"] == "won"
    assert update.after["version"] == 2
    assert update.at.tzinfo is not None


def test_stale_version_is_a_conflict(db: Database) -> None:
    struggle_id = do_create_struggle(db, full_bundle(), actor="alice")
    do_update_struggle(
        db,
        struggle_id,
        expected_version=1,
        changes={"workers": "miners"},
        actor="alice",
        reason=None,
    )
    with pytest.raises(ConflictError, match="changed by someone else") as info:
        do_update_struggle(
            db, struggle_id, expected_version=1, changes={"workers": "x"}, actor="bob", reason=None
        )
    assert "version 1" in str(info.value) and "version 2" in str(info.value)
    record = get_struggle(db, struggle_id)
    assert record is not None and record.struggle.fields.workers == "miners"
    assert _count(db, "audit_log") == 2


def test_bad_changes_are_refused(db: Database) -> None:
    struggle_id = do_create_struggle(db, full_bundle(), actor="a")
    with pytest.raises(InputError, match="cannot be changed"):
        do_update_struggle(
            db,
            struggle_id,
            expected_version=1,
            changes={"status": "published"},
            actor="a",
            reason=None,
        )
    with pytest.raises(InputError, match="invalid change"):
        do_update_struggle(
            db,
            struggle_id,
            expected_version=1,
            changes={"sector": "not a code"},
            actor="a",
            reason=None,
        )
    with pytest.raises(NotFoundError):
        do_update_struggle(db, 999_999, expected_version=1, changes={}, actor="a", reason=None)
    assert _count(db, "audit_log") == 1


def test_set_status_and_merge(db: Database) -> None:
    keep = do_create_struggle(db, full_bundle("keep"), actor="a")
    dup = do_create_struggle(db, full_bundle("dup"), actor="a")
    rejected = do_set_status(
        db,
        dup,
        status=StruggleStatus.REJECTED,
        expected_version=1,
        actor="editor",
        reason="not a struggle",
    )
    assert (rejected.status, rejected.version) == (StruggleStatus.REJECTED, 2)
    with pytest.raises(InputError):
        do_set_status(db, dup, status=StruggleStatus.MERGED, expected_version=2, actor="e")
    merged = do_set_status(
        db, dup, status=StruggleStatus.MERGED, expected_version=2, actor="editor", merged_into=keep
    )
    assert merged.merged_into == keep
    record = get_struggle(db, dup, include_sensitive=True)
    assert record is not None and record.struggle.status == StruggleStatus.MERGED
    assert record.struggle.sensitive.detained_people == (DETAINED_NAME,)  # survives re-encryption
    with pytest.raises(NotFoundError):
        do_set_status(
            db,
            keep,
            status=StruggleStatus.MERGED,
            expected_version=1,
            actor="e",
            merged_into=424242,
        )


def _refuse_audit_inserts(db: Database) -> None:
    """A real trigger that makes every audit insert fail (no mocks)."""
    with db.engine.begin() as conn:
        if db.dialect == "sqlite":
            conn.exec_driver_sql(
                "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log "
                "BEGIN SELECT RAISE(ABORT, 'audit refused'); END"
            )
        else:
            conn.exec_driver_sql(
                "CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS "
                "$$ BEGIN RAISE EXCEPTION 'audit refused'; END $$"
            )
            conn.exec_driver_sql(
                "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log "
                "FOR EACH ROW EXECUTE FUNCTION refuse_audit()"
            )


def test_failed_audit_write_leaves_no_rows(db: Database) -> None:
    _refuse_audit_inserts(db)
    with pytest.raises(Exception, match="audit refused"):
        do_create_struggle(db, full_bundle(), actor="a")
    for table in (
        "struggles",
        "sources",
        "places",
        "events",
        "evidence",
        "struggle_search",
        "audit_log",
    ):
        assert _count(db, table) == 0, table


def test_failed_write_leaves_no_audit_entry(db: Database) -> None:
    struggle_id = do_create_struggle(db, full_bundle(), actor="a")
    before = _count(db, "audit_log")
    with pytest.raises(InputError):
        do_update_struggle(
            db, struggle_id, expected_version=1, changes={"outcome": "nope"}, actor="a", reason=None
        )
    assert _count(db, "audit_log") == before


def test_bulk_create_writes_one_chained_audit_entry_per_struggle(db: Database) -> None:
    stored = do_create_struggles(db, generate_demo(120, seed=7), actor="system:demo", batch_size=50)
    assert stored == 120 == _count(db, "struggles") == _count(db, "audit_log")
    with db.session() as session:
        assert audit.verify_chain(session) is None


def test_audit_log_is_append_only_and_tampering_shows(db: Database) -> None:
    do_create_struggles(db, generate_demo(5, seed=7), actor="system:demo")
    for statement in (
        "UPDATE audit_log SET reason = 'forged' WHERE id = 3",
        "DELETE FROM audit_log WHERE id = 3",
    ):
        with pytest.raises(Exception, match="append-only"), db.engine.begin() as conn:
            conn.exec_driver_sql(statement)
    with db.engine.begin() as conn:  # someone with the database's own powers
        if db.dialect == "sqlite":
            conn.exec_driver_sql("DROP TRIGGER audit_log_no_update")
        else:
            conn.exec_driver_sql("DROP TRIGGER audit_log_append_only ON audit_log")
        conn.exec_driver_sql("UPDATE audit_log SET reason = 'forged' WHERE id = 3")
    with db.session() as session:
        assert audit.verify_chain(session) == 3

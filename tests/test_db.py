"""Storage on SQLite and PostgreSQL: migrations, round trips, pagination, search."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import text

from picketline.actions.struggles import do_create_struggle, do_create_struggles
from picketline.db import Database, migrate
from picketline.db.search import search_struggles
from picketline.db.struggles import count_struggles, get_struggle, list_struggles
from picketline.demo import generate_demo
from picketline.domain.vocab import StruggleStatus
from picketline.errors import InputError
from tests.db_fixtures import CONTACT, DETAINED_NAME, NOTE, REPORTER, full_bundle


def test_migrations_reach_head_and_rerun_is_a_no_op(db: Database) -> None:
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    expected = {
        "struggles",
        "sources",
        "struggle_sources",
        "evidence",
        "events",
        "places",
        "organisations",
        "audit_log",
        "app_meta",
        "struggle_search",
    }
    assert expected <= set(db.table_names())
    db.upgrade()
    assert migrate.schema_state(db.engine) == migrate.SchemaState.CURRENT
    assert db.get_meta("app_version")


def test_sqlite_connections_use_wal_and_foreign_keys(sqlite_db: Database) -> None:
    with sqlite_db.session() as session:
        assert session.scalar(text("PRAGMA journal_mode")) == "wal"
        assert session.scalar(text("PRAGMA foreign_keys")) == 1


def test_round_trip_keeps_every_field(db: Database) -> None:
    bundle = full_bundle()
    struggle_id = do_create_struggle(db, bundle, actor="alice", reason="test")
    record = get_struggle(db, struggle_id, include_sensitive=True)
    assert record is not None
    stored = record.struggle
    assert stored.fields == bundle.struggle.fields
    assert stored.fields.to_format() == bundle.struggle.fields.to_format()
    assert stored.sensitive.detained_people == (DETAINED_NAME,)
    assert stored.sensitive.contacts == (CONTACT,)
    assert stored.sensitive.notes == NOTE
    expected = dataclasses.replace(
        bundle.struggle, id=struggle_id, created_at=stored.created_at, updated_at=stored.updated_at
    )
    assert stored == expected
    assert stored.created_at is not None and stored.created_at.tzinfo is not None
    [source] = record.sources
    assert dataclasses.replace(source, id=None) == bundle.sources[0].source
    assert source.retrieved is not None and source.retrieved.utcoffset() is not None
    [evidence] = record.evidence
    assert evidence == dataclasses.replace(bundle.sources[0].evidence[0], source_id=source.id)
    started, arrest = record.events
    assert (started.kind, started.date, started.source_id) == (
        "action_started",
        bundle.events[0].date,
        None,
    )
    assert (arrest.kind, arrest.count, arrest.source_id) == ("arrest", 3, source.id)


def test_sensitive_data_only_when_asked(db: Database) -> None:
    struggle_id = do_create_struggle(db, full_bundle(), actor="alice")
    record = get_struggle(db, struggle_id)
    assert record is not None
    assert record.struggle.sensitive.is_empty()
    assert record.sources[0].reporter_contact is None
    full = get_struggle(db, struggle_id, include_sensitive=True)
    assert full is not None and full.sources[0].reporter_contact == REPORTER
    page, _ = list_struggles(db)
    assert page[0].struggle.sensitive.is_empty()


def test_sources_are_deduplicated_by_content(db: Database) -> None:
    first = do_create_struggle(db, full_bundle("same"), actor="a")
    second = do_create_struggle(db, full_bundle("same"), actor="a")
    one, two = get_struggle(db, first), get_struggle(db, second)
    assert one is not None and two is not None
    assert one.sources[0].id == two.sources[0].id
    with db.session() as session:
        assert session.scalar(text("SELECT count(*) FROM sources")) == 1


def test_cursor_pagination_walks_every_row_once(db: Database) -> None:
    do_create_struggles(db, generate_demo(230, seed=3), actor="system:demo", batch_size=64)
    published = count_struggles(db, StruggleStatus.PUBLISHED)
    seen: list[int] = []
    cursor: str | None = None
    while True:
        page, cursor = list_struggles(db, after=cursor, limit=17)
        seen += [r.struggle.id for r in page if r.struggle.id is not None]
        assert all(r.struggle.status == StruggleStatus.PUBLISHED for r in page)
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == published
    assert seen == sorted(seen, reverse=True)
    everything, _ = list_struggles(db, status=None, limit=1000)
    assert len(everything) == count_struggles(db) == 230
    assert all(len(r.sources) >= 1 and len(r.events) >= 1 for r in everything)


def test_bad_cursor_is_an_input_error(db: Database) -> None:
    with pytest.raises(InputError):
        list_struggles(db, after="not-a-cursor!")


def test_full_text_search_finds_words_of_source_text(db: Database) -> None:
    target = do_create_struggle(db, full_bundle("needle"), actor="a")
    do_create_struggles(db, generate_demo(40, seed=1), actor="system:demo")
    # "underground" appears only in the source text, not in any struggle field
    assert search_struggles(db, "underground") == [target]
    assert search_struggles(db, "UNDERGROUND detained Vorkuta") == [target]
    assert search_struggles(db, "Воркута") == [target]  # a place alias
    assert search_struggles(db, "underground nonexistentword") == []
    assert search_struggles(db, '"unbalanced AND (') == []
    assert search_struggles(db, "   ") == []
    page, _ = list_struggles(db, query="underground")
    assert [r.struggle.id for r in page] == [target]
    assert search_struggles(db, "underground", status=StruggleStatus.CANDIDATE) == []

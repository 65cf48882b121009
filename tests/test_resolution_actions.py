"""Merging struggles and splitting sources off again, with their audit entries.

Uses the invented articles of ``test_ingest_actions``, and invented struggles
reported through a stub extractor for what ingest may merge on its own.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from picketline.actions.ingest import IngestOutcome, do_ingest_document
from picketline.actions.resolution import do_merge_struggles, do_split_source
from picketline.actions.struggles import do_create_struggle
from picketline.db import Database
from picketline.db.struggles import get_struggle
from picketline.domain.dates import PartialDate
from picketline.domain.place import Place, PlacePrecision
from picketline.domain.struggle import StruggleFields
from picketline.domain.vocab import Action, Sector, StruggleStatus
from picketline.errors import InputError, NotFoundError
from tests.db_fixtures import full_bundle
from tests.test_ingest_actions import (
    DRIVERS,
    EN_MINE,
    RU_MINE,
    StubExtractor,
    audit_actions,
    ingest,
    live_count,
    raw,
)


def test_split_reverses_a_merge_and_merging_again_restores_it(db: Database) -> None:
    english = ingest(db, EN_MINE, "2023-03-05", "en")
    target = english.struggle_ids[0]
    alone = get_struggle(db, target)
    russian = ingest(db, RU_MINE, "2023-03-07", "ru")
    merged = get_struggle(db, target)
    assert alone is not None and merged is not None and russian.source_id
    assert merged.struggle.fields != alone.struggle.fields  # 150 now shown, not 120

    revived = do_split_source(db, target, russian.source_id, actor="alice", reason="two strikes")
    assert revived is not None and revived != target
    after = get_struggle(db, target)
    back = get_struggle(db, revived)
    assert after is not None and back is not None
    assert after.struggle.fields == alone.struggle.fields
    assert [s.id for s in after.sources] == [english.source_id]
    assert {e.kind for e in after.events} == {e.kind for e in alone.events}
    assert back.struggle.status is StruggleStatus.CANDIDATE and back.struggle.merged_into is None
    assert [s.id for s in back.sources] == [russian.source_id]
    assert live_count(db) == 2
    assert audit_actions(db, "struggle", target)[-1] == "struggle.split"
    assert audit_actions(db, "struggle", revived)[-1] == "struggle.status"

    again = do_merge_struggles(db, target, revived, actor="alice", reason="same after all")
    assert again.fields == merged.struggle.fields
    assert live_count(db) == 1
    assert audit_actions(db, "struggle", target)[-1] == "struggle.merge"


def test_merging_hand_made_struggles_keeps_every_source(db: Database) -> None:
    first = do_create_struggle(db, full_bundle("alpha"), actor="alice")
    second = do_create_struggle(db, full_bundle("beta"), actor="alice")
    do_merge_struggles(db, first, second, actor="alice", reason="one strike")
    record = get_struggle(db, first)
    gone = get_struggle(db, second)
    assert record is not None and gone is not None
    assert len(record.sources) == 2
    assert gone.struggle.status is StruggleStatus.MERGED and gone.struggle.merged_into == first
    back = do_split_source(db, first, record.sources[1].id or 0, actor="alice", reason="undo")
    assert back == second
    restored = get_struggle(db, second)
    assert restored is not None and restored.struggle.status is StruggleStatus.CANDIDATE


def test_refusals(db: Database) -> None:
    english = ingest(db, EN_MINE, "2023-03-05", "en")
    drivers = ingest(db, DRIVERS, "2023-07-11", "drivers")
    mine, bus = english.struggle_ids[0], drivers.struggle_ids[0]
    with pytest.raises(InputError, match="itself"):
        do_merge_struggles(db, mine, mine, actor="alice", reason=None)
    with pytest.raises(InputError, match="nothing to split"):
        do_split_source(db, mine, english.source_id or 0, actor="alice", reason=None)
    with pytest.raises(NotFoundError):
        do_split_source(db, mine, drivers.source_id or 0, actor="alice", reason=None)
    do_merge_struggles(db, mine, bus, actor="alice", reason="test")
    with pytest.raises(InputError, match="merged"):
        do_merge_struggles(db, mine, bus, actor="alice", reason=None)
    with pytest.raises(NotFoundError):
        do_merge_struggles(db, mine, 999_999, actor="alice", reason=None)


PAVLOHRAD = Place("Pavlohrad", "UA", "Dnipropetrovsk", 48.53, 35.87, precision=PlacePrecision.TOWN)
POKROVSK_UA = Place("Pokrovsk", "UA", "Donetsk", 48.28, 37.18, precision=PlacePrecision.TOWN)
POKROVSK_RU = Place("Pokrovsk", "RU", "Sakha", 61.48, 129.15, precision=PlacePrecision.TOWN)


def report(db: Database, origin: str, published: str, **fields: object) -> IngestOutcome:
    """Ingest a one-line document whose extraction is exactly these fields."""
    base = StruggleFields(actions=(Action.STRIKE, Action.PICKET), sector=Sector.Q)
    stated = replace(base, **fields)  # type: ignore[arg-type]
    text = f"Report {origin}: {fields.get('workplace') or 'workers'} on strike."
    return do_ingest_document(db, StubExtractor(stated), raw(text, published, origin))


def test_ingest_keeps_strikes_at_workplaces_of_one_kind_in_one_town_apart(db: Database) -> None:
    """Before names were compared on what tells them apart, the second merged into the first."""
    first = report(db, "a", "2023-08-14", workplace="Velmorasta hospital", place=PAVLOHRAD,
                   start=PartialDate(2023, 8, 14))  # fmt: skip
    second = report(db, "b", "2023-08-19", workplace="Dastrigurin hospital", place=PAVLOHRAD,
                    start=PartialDate(2023, 8, 19), employer="Group")  # fmt: skip
    assert second.merged == 0 and second.struggle_ids != first.struggle_ids
    third = report(db, "c", "2023-08-21", workplace="Korbanel hospital", place=PAVLOHRAD)
    assert third.merged == 0 and live_count(db) == 3
    follow_up = report(db, "d", "2023-08-22", workplace="Dastrigurin Hospital", place=PAVLOHRAD)
    assert follow_up.merged == 1 and follow_up.struggle_ids == second.struggle_ids
    assert live_count(db) == 3


def test_ingest_never_merges_a_struggle_without_names(db: Database) -> None:
    named = report(db, "a", "2023-08-14", workplace="Velmorasta hospital", place=PAVLOHRAD,
                   start=PartialDate(2023, 8, 14), workers="nurses")  # fmt: skip
    nameless = report(db, "b", "2023-08-14", place=PAVLOHRAD, start=PartialDate(2023, 8, 14),
                      workers="nurses", workplace="the hospital")  # fmt: skip
    again = report(db, "c", "2023-08-15", place=PAVLOHRAD, start=PartialDate(2023, 8, 14),
                   workers="nurses")  # fmt: skip
    assert nameless.merged == again.merged == 0
    assert nameless.possible == again.possible == 1
    assert len({named.struggle_ids, nameless.struggle_ids, again.struggle_ids}) == 3
    assert live_count(db) == 3


def test_ingest_never_merges_across_countries_or_distant_towns(db: Database) -> None:
    ukraine = report(db, "a", "2023-05-02", workplace="Borvatin depot", place=POKROVSK_UA)
    russia = report(db, "b", "2023-05-03", workplace="Borvatin depot", place=POKROVSK_RU)
    assert russia.merged == russia.possible == 0
    pavlohrad = report(db, "c", "2023-05-02", employer="Tarkamel Logistics", place=PAVLOHRAD)
    far = report(db, "d", "2023-05-03", employer="Tarkamel Logistics", place=POKROVSK_UA)
    assert far.merged == far.possible == 0  # about 100 km apart
    ids = {ukraine.struggle_ids, russia.struggle_ids, pavlohrad.struggle_ids, far.struggle_ids}
    assert len(ids) == 4 and live_count(db) == 4

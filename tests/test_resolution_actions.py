"""Merging struggles and splitting sources off again, with their audit entries.

Uses the invented articles of ``test_ingest_actions``.
"""

from __future__ import annotations

import pytest

from picketline.actions.resolution import do_merge_struggles, do_split_source
from picketline.actions.struggles import do_create_struggle
from picketline.db import Database
from picketline.db.struggles import get_struggle
from picketline.domain.vocab import StruggleStatus
from picketline.errors import InputError, NotFoundError
from tests.db_fixtures import full_bundle
from tests.test_ingest_actions import (
    DRIVERS,
    EN_MINE,
    RU_MINE,
    audit_actions,
    ingest,
    live_count,
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

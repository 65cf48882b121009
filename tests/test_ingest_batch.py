"""``BatchIngest``: a stream of documents gets the outcomes ingesting one by one gives.

The articles are the invented ones of ``test_ingest_actions`` and
``test_ingest_cli``; the batches are made tiny here so that originals and their
copies, and a text and its exact repeat, fall into different batches.
"""

from __future__ import annotations

import random
from collections import Counter

from sqlalchemy import text

from picketline.actions.ingest import OutcomeKind, do_ingest_document
from picketline.actions.ingest_batch import BatchIngest
from picketline.db import Database
from picketline.extract.base import Extraction
from picketline.ingest.raw import IngestFailure, RawDocument
from tests.test_ingest_actions import (
    DRIVERS,
    EN_MINE,
    NEIGHBOUR,
    RU_MINE,
    WEATHER,
    counts,
    extractor,
    live_count,
    raw,
)
from tests.test_ingest_cli import article


class FailingOn:
    """The real extraction, except that a text containing ``marker`` makes it raise
    (an extraction bug met by one document of a batch)."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def extract(self, text: str, **options: object) -> Extraction:
        if self.marker in text:
            raise RuntimeError("boom in the extraction")
        return extractor().extract(text, **options)  # type: ignore[arg-type]


WORDS = [
    "council",
    "river",
    "budget",
    "school",
    "winter",
    "harbour",
    "bridge",
    "market",
    "museum",
    "festival",
    "library",
    "railway",
    "orchard",
    "theatre",
    "garden",
    "village",
    "tower",
    "station",
    "forest",
    "canal",
    "square",
    "hospital",
    "concert",
    "stadium",
    "airport",
    "valley",
    "meadow",
    "castle",
    "island",
    "chapel",
    "tunnel",
    "factory",
    "bakery",
]


def distinct_report(i: int) -> str:
    """``article(i)`` plus a paragraph of local news all its own, so reports differ as
    real ones do (the generated articles alone share most of their wording)."""
    if i % 10 == 9:
        return "WIRE COPY. " + distinct_report(i - 1)
    rng = random.Random(i)
    local = " ".join(rng.choice(WORDS) for _ in range(80))
    return f"{article(i)}\n\nIn other local news: {local}."


def wire_copy(body: str) -> str:
    return "UPDATED: " + body.replace("Sunday", "Monday").replace("About 120", "Some 120")


def excerpt(body: str) -> str:
    return "\n\n".join(body.split("\n\n")[:3])


def test_a_mixed_stream_gets_the_outcomes_of_one_by_one(db: Database) -> None:
    """Input: a strike report, its wire copy, an excerpt, the same strike in Russian,
    a neighbouring mine's strike, an exact repeat of the first, a bus strike, weather,
    and a file that could not be read; in batches of 1, 2, 3 documents.
    The user sees: one struggle for the Zoryana strike with four sources, one each
    for the others, the repeat as a duplicate, the bad file as failed."""
    stream: list[RawDocument | IngestFailure] = [
        raw(EN_MINE, "2023-03-05", "en"),
        raw(wire_copy(EN_MINE), "2023-03-06", "wire"),
        raw(excerpt(EN_MINE), "2023-03-06", "excerpt"),
        raw(RU_MINE, "2023-03-07", "ru"),
        raw(NEIGHBOUR, "2023-03-07", "neighbour"),
        raw(EN_MINE, "2023-03-05", "en-again"),
        IngestFailure("broken.txt", "not text: binary data"),
        raw(DRIVERS, "2023-07-11", "drivers"),
        raw(WEATHER, "2023-03-01", "weather"),
    ]
    with BatchIngest(db, extractor(), workers=1, batch_size=3) as batch:
        outcomes = list(batch.ingest(stream))
    kinds = [o.kind for o in outcomes]
    assert kinds == [
        OutcomeKind.NEW,
        OutcomeKind.NEAR_DUPLICATE,
        OutcomeKind.NEAR_DUPLICATE,
        OutcomeKind.NEW,
        OutcomeKind.NEW,
        OutcomeKind.DUPLICATE,
        OutcomeKind.FAILED,
        OutcomeKind.NEW,
        OutcomeKind.IRRELEVANT,
    ], [(o.origin, o.kind, o.reason) for o in outcomes]
    first = outcomes[0]
    assert outcomes[1].struggle_ids == outcomes[2].struggle_ids == first.struggle_ids
    assert outcomes[3].merged == 1 and outcomes[3].struggle_ids == first.struggle_ids
    assert outcomes[5].source_id == first.source_id
    assert outcomes[6].origin == "broken.txt" and "binary" in outcomes[6].reason
    assert outcomes[4].struggle_ids != first.struggle_ids
    assert live_count(db) == 3  # Zoryana, Bilozerska, the bus drivers
    assert counts(db)["sources"] == 7


def test_an_ingest_run_again_adds_nothing(db: Database) -> None:
    """Input: the same three documents ingested twice by two BatchIngest objects (two runs).
    The user sees: three duplicates the second time, and not one row more."""
    docs = [raw(EN_MINE, "2023-03-05", "en"), raw(DRIVERS, "2023-07-11", "d"),
            raw(WEATHER, "2023-03-01", "w")]  # fmt: skip
    with BatchIngest(db, extractor(), workers=1) as batch:
        list(batch.ingest(docs))
    before = counts(db)
    with BatchIngest(db, extractor(), workers=1) as batch:
        again = list(batch.ingest(docs))
    assert [o.kind for o in again] == [OutcomeKind.DUPLICATE] * 3
    assert counts(db) == before


def test_worker_processes_read_a_large_batch(db: Database) -> None:
    """Input: 48 invented strike reports (every tenth a wire copy of the one before),
    each with a paragraph of other local news of its own.
    The user sees: every report stored once, read by the worker processes; the copies
    linked to their originals' struggles."""
    bodies = [distinct_report(i) for i in range(48)]
    docs = [raw(body, "2023-03-30", f"a{i}") for i, body in enumerate(bodies)]
    with BatchIngest(db, extractor(), workers=2, batch_size=24) as batch:
        outcomes = list(batch.ingest(docs))
        assert batch.parallel, "the third batch (24 documents) is read by the worker pool"
    kinds = Counter(o.kind for o in outcomes)
    assert kinds == {OutcomeKind.NEW: 44, OutcomeKind.NEAR_DUPLICATE: 4}, kinds
    for i in (9, 19, 29, 39):
        assert outcomes[i].struggle_ids == outcomes[i - 1].struggle_ids
    assert counts(db)["sources"] == 48


def test_one_failing_extraction_costs_that_document_only(db: Database) -> None:
    """Input: three reports, the extraction raising on the middle one.
    The user sees: that document failed with the error named; the others stored."""
    docs = [raw(EN_MINE, "2023-03-05", "en"), raw(DRIVERS, "2023-07-11", "drivers"),
            raw(NEIGHBOUR, "2023-03-07", "neighbour")]  # fmt: skip
    with BatchIngest(db, FailingOn("Elektrotrans"), workers=1) as batch:
        outcomes = list(batch.ingest(docs))
    assert [o.kind for o in outcomes] == [OutcomeKind.NEW, OutcomeKind.FAILED, OutcomeKind.NEW]
    assert "boom in the extraction" in outcomes[1].reason
    assert counts(db)["sources"] == 2


def test_what_another_writer_stored_meanwhile_is_seen(db: Database) -> None:
    """Input: a batch ingest that has loaded the record; then another writer stores a
    report; then the batch meets the same report and a wire copy of it.
    The user sees: a duplicate and a near-duplicate, not a second copy or a failure."""
    with BatchIngest(db, extractor(), workers=1) as batch:
        list(batch.ingest([raw(DRIVERS, "2023-07-11", "drivers")]))
        other = do_ingest_document(db, extractor(), raw(EN_MINE, "2023-03-05", "elsewhere"))
        outcomes = list(
            batch.ingest(
                [raw(EN_MINE, "2023-03-05", "en"), raw(wire_copy(EN_MINE), "2023-03-06", "w")]
            )
        )
    assert [o.kind for o in outcomes] == [OutcomeKind.DUPLICATE, OutcomeKind.NEAR_DUPLICATE]
    assert outcomes[0].source_id == other.source_id
    assert outcomes[1].struggle_ids == other.struggle_ids
    with db.session() as session:
        assert session.scalar(text("SELECT COUNT(*) FROM sources")) == 3


def test_the_audit_chain_survives_a_rolled_back_savepoint(db: Database) -> None:
    """Input: in one transaction, an audit entry; a savepoint with another entry that is
    rolled back (a document that failed mid-batch); a third entry.
    The user sees: `audit verify` finds the chain intact (the third entry follows the
    first, not the rolled-back one)."""
    from picketline.actions import audit
    from picketline.db.types import utcnow
    from picketline.domain.audit import AuditEntry

    def entry(n: int) -> AuditEntry:
        return AuditEntry(None, utcnow(), "test", "source.ingest", "source", n, None, {"n": n})

    with db.transaction() as session:
        audit.append(session, [entry(1)])
        try:
            with session.begin_nested():
                audit.append(session, [entry(2)])
                raise RuntimeError("this document failed")
        except RuntimeError:
            pass
        audit.append(session, [entry(3)])
    with db.transaction() as session:
        audit.append(session, [entry(4)])
    with db.session() as session:
        assert audit.verify_chain(session) is None
        ids = session.scalars(text("SELECT entity_id FROM audit_log ORDER BY id")).all()
    assert list(ids) == [1, 3, 4]

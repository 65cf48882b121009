"""Ingesting documents into the record, on SQLite and PostgreSQL.

The articles are invented for these tests: one strike at an invented mine
reported in English and in Russian (with different head counts), a strike at
a neighbouring mine the same week, a bus drivers' strike in another city, and
a weather report.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from sqlalchemy import func, select, text

from picketline.actions.ingest import IngestOutcome, OutcomeKind, do_ingest_document
from picketline.db import Database
from picketline.db.claims import load_state
from picketline.db.models import AuditRow
from picketline.db.struggles import get_struggle
from picketline.domain.dates import PartialDate
from picketline.domain.struggle import Participants, StruggleFields
from picketline.domain.vocab import Action, EventKind
from picketline.extract.base import ExtractedStruggle, Extraction
from picketline.extract.pipeline import Extractor
from picketline.ingest.raw import RawDocument
from picketline.resolve.merge import derive

EN_MINE = """Miners at the Zoryana mine in Myrnohrad have been on strike since 3 March 2023 \
over unpaid wages, the Independent Miners' Union said.

About 120 miners refused to come to the surface on Friday, demanding that the owner, \
Donbas Coal Holding, pay the wages it has owed them since December.

Police detained two union activists outside the mine gate on Saturday, the union said. \
Both were released later that evening without charge.

The miners say the mine management has not answered their letters for three months. \
"We will stay underground until every hryvnia is paid," a miner told reporters by \
telephone from the shaft.

The union said families of the miners were bringing food and warm clothes to the pithead, \
and that workers at other pits in the town had collected money for them.

Donbas Coal Holding did not respond to a request for comment on Sunday."""

RU_MINE = """Шахтёры шахты «Зоряная» в Мирнограде с 3 марта 2023 года бастуют из-за \
задолженности по зарплате, сообщил Независимый профсоюз горняков.

Около 150 горняков отказались подниматься на поверхность, требуя от владельца выплатить \
долги по заработной плате с декабря.

По словам профсоюза, руководство шахты три месяца не отвечало на письма работников."""

NEIGHBOUR = """Miners at the Bilozerska mine in Dobropillia stopped work on 6 March 2023, \
demanding a pay rise of 30 percent, the local miners' union said.

About 400 workers of the morning shift gathered in front of the administration building. \
The owner, DTEK, said talks would begin next week."""

DRIVERS = """Bus drivers of the city transport company Elektrotrans in Kharkiv went on strike \
on 10 July 2023, demanding higher pay.
About 300 drivers stopped work and gathered at the depot, the union said."""

WEATHER = """The weather in Kyiv will stay cold this week, with snow expected on Thursday and \
temperatures falling to minus ten degrees at night. Forecasters advised drivers to take care \
on icy roads."""

RETRIEVED = dt.datetime(2023, 3, 8, 12, 0, tzinfo=dt.UTC)


@lru_cache(maxsize=1)
def extractor() -> Extractor:
    """The real extraction pipeline, built once for the test session."""
    return Extractor()


def raw(body: str, published: str | None, origin: str, **extra: str) -> RawDocument:
    return RawDocument(
        text=body,
        origin=origin,
        retrieved=RETRIEVED,
        published=PartialDate.parse(published) if published else None,
        url=extra.get("url", f"https://news.example.org/{origin}"),
        outlet=extra.get("outlet"),
    )


def ingest(
    db: Database, body: str, published: str | None, origin: str, **extra: str
) -> IngestOutcome:
    return do_ingest_document(db, extractor(), raw(body, published, origin, **extra))


def counts(db: Database) -> dict[str, int]:
    tables = ["sources", "struggles", "struggle_sources", "struggle_claims", "events", "evidence",
              "source_shingles", "source_fingerprints", "struggle_keys", "audit_log"]  # fmt: skip
    with db.session() as session:
        return {t: session.scalar(text(f"SELECT COUNT(*) FROM {t}")) or 0 for t in tables}


def audit_actions(db: Database, entity: str, entity_id: int) -> list[str]:
    with db.session() as session:
        return list(
            session.scalars(
                select(AuditRow.action)
                .where(AuditRow.entity == entity, AuditRow.entity_id == entity_id)
                .order_by(AuditRow.id)
            )
        )


def live_count(db: Database) -> int:
    with db.session() as session:
        return (
            session.scalar(
                text("SELECT COUNT(*) FROM struggles WHERE status IN ('candidate', 'published')")
            )
            or 0
        )


def test_the_same_document_twice_adds_nothing(db: Database) -> None:
    first = ingest(db, EN_MINE, "2023-03-05", "en")
    assert first.kind is OutcomeKind.NEW and first.source_id and first.struggle_ids
    before = counts(db)
    again = ingest(db, EN_MINE, "2023-03-05", "en-again")
    assert again.kind is OutcomeKind.DUPLICATE
    assert (again.source_id, again.struggle_ids) == (first.source_id, first.struggle_ids)
    assert counts(db) == before


def test_irrelevant_documents_are_stored_once_without_struggles(db: Database) -> None:
    first = ingest(db, WEATHER, "2023-03-01", "weather")
    assert first.kind is OutcomeKind.IRRELEVANT and first.source_id and not first.struggle_ids
    assert ingest(db, WEATHER, None, "weather-again").kind is OutcomeKind.DUPLICATE
    assert counts(db)["struggles"] == 0 and counts(db)["sources"] == 1
    assert audit_actions(db, "source", first.source_id or 0) == ["source.ingest"]


def test_republication_and_excerpt_are_linked_not_new_struggles(db: Database) -> None:
    original = ingest(db, EN_MINE, "2023-03-05", "en")
    wire = "UPDATED: " + EN_MINE.replace("Sunday", "Monday").replace("About 120", "Some 120")
    copy = ingest(db, wire, "2023-03-06", "wire", outlet="Wire Service")
    excerpt = ingest(db, "\n\n".join(EN_MINE.split("\n\n")[:3]), "2023-03-06", "excerpt")
    for outcome in (copy, excerpt):
        assert outcome.kind is OutcomeKind.NEAR_DUPLICATE, outcome
        assert outcome.struggle_ids == original.struggle_ids
    assert live_count(db) == 1
    record = get_struggle(db, original.struggle_ids[0])
    assert record is not None
    assert {s.id for s in record.sources} == {original.source_id, copy.source_id, excerpt.source_id}
    assert "excerpt" in excerpt.reason


def test_two_languages_make_one_struggle_with_alternatives_and_a_timeline(db: Database) -> None:
    english = ingest(db, EN_MINE, "2023-03-05", "en")
    russian = ingest(db, RU_MINE, "2023-03-07", "ru")
    assert russian.kind is OutcomeKind.NEW and russian.merged == 1
    assert russian.struggle_ids == english.struggle_ids
    struggle_id = english.struggle_ids[0]
    assert live_count(db) == 1
    record = get_struggle(db, struggle_id)
    assert record is not None
    assert [s.id for s in record.sources] == [english.source_id, russian.source_id]
    assert all(s.url for s in record.sources)
    kinds = {e.kind for e in record.events}
    assert {EventKind.ACTION_STARTED, EventKind.ARREST} <= kinds
    with db.session() as session:
        state = load_state(session, struggle_id)
    counts_claimed = derive(state).alternatives["participants"]
    by_value = {a.value: [s.id for s in a.sources] for a in counts_claimed}
    assert by_value == {
        Participants(120, 120): [english.source_id],
        Participants(150, 150): [russian.source_id],
    }
    assert sum(a.chosen for a in counts_claimed) == 1
    assert audit_actions(db, "struggle", struggle_id)[-1] == "struggle.merge"
    assert audit_actions(db, "source", russian.source_id or 0) == ["source.ingest"]


def test_different_struggles_stay_apart(db: Database) -> None:
    mine = ingest(db, EN_MINE, "2023-03-05", "en")
    neighbour = ingest(db, NEIGHBOUR, "2023-03-06", "neighbour")
    drivers = ingest(db, DRIVERS, "2023-07-11", "drivers")
    ids = {mine.struggle_ids, neighbour.struggle_ids, drivers.struggle_ids}
    assert len(ids) == 3 and live_count(db) == 3
    assert neighbour.merged == drivers.merged == 0


class StubExtractor(Extractor):
    """An extractor that reports the given fields (or fails), for resolution edge cases."""

    def __init__(self, fields: StruggleFields | None) -> None:
        self.fields = fields

    def extract(self, text: str, **_: object) -> Extraction:
        if self.fields is None:
            raise RuntimeError("boom")
        struggle = ExtractedStruggle(self.fields, 0.5, {"workplace": [(0, 5)]})
        return Extraction("en", None, None, True, [struggle])


def test_an_uncertain_match_is_a_candidate_with_a_possible_duplicate_link(db: Database) -> None:
    fields = StruggleFields(actions=(Action.STRIKE,), workplace="Zoryana mine")
    first = do_ingest_document(db, StubExtractor(fields), raw("Zoryana report one.", None, "a"))
    second = do_ingest_document(db, StubExtractor(fields), raw("Zoryana report two.", None, "b"))
    assert second.kind is OutcomeKind.NEW and second.possible == 1
    assert second.struggle_ids != first.struggle_ids and live_count(db) == 2
    with db.session() as session:
        link = session.execute(
            text("SELECT struggle_id, duplicate_of, score FROM possible_duplicates")
        ).one()
    assert (link[0], link[1]) == (second.struggle_ids[0], first.struggle_ids[0])
    assert 0.5 <= link[2] < 0.75
    assert "struggle.possible_duplicate" in audit_actions(db, "struggle", second.struggle_ids[0])


def test_failing_extraction_and_empty_documents_store_nothing(db: Database) -> None:
    broken = do_ingest_document(db, StubExtractor(None), raw("Some text here.", None, "x"))
    assert broken.kind is OutcomeKind.FAILED and "boom" in broken.reason
    empty = ingest(db, "   \n", None, "empty")
    assert empty.kind is OutcomeKind.FAILED and "empty" in empty.reason
    assert counts(db)["sources"] == 0
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(AuditRow)) == 0

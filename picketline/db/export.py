"""Reading the whole record for an export, a small page at a time.

An export of 100,000 struggles must not hold them all: ids are walked in
keyset pages (``id > last``) and each page's records, claims and "possible
duplicate" links are loaded in a handful of queries, then handed out one by
one. Memory stays flat whatever the size of the record.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import select

from picketline.db import Database
from picketline.db.claims import load_states
from picketline.db.filters import PageRequest, StruggleFilter
from picketline.db.models import StruggleRow
from picketline.db.resolution import PossibleDuplicate, possible_duplicates
from picketline.db.struggles import StruggleRecord, load_list_records, load_records, page_ids
from picketline.domain.vocab import StruggleStatus
from picketline.resolve.merge import Alternative, derive

PAGE = 50
PUBLIC_PAGE = 200


@dataclass(frozen=True)
class ExportRecord:
    """A struggle with its sources and timeline, its disputed values, and its open links."""

    record: StruggleRecord
    alternatives: dict[str, tuple[Alternative, ...]]
    possible_duplicates: list[PossibleDuplicate]


def iter_export(
    db: Database, statuses: Iterable[StruggleStatus], page: int = PAGE
) -> Iterator[ExportRecord]:
    """Every struggle in ``statuses``, oldest id first, one at a time."""
    wanted = [s.value for s in statuses]
    last = 0
    while True:
        with db.session() as session:
            ids = list(
                session.scalars(
                    select(StruggleRow.id)
                    .where(StruggleRow.status.in_(wanted), StruggleRow.id > last)
                    .order_by(StruggleRow.id)
                    .limit(page)
                )
            )
            if not ids:
                return
            records = load_records(session, ids, None)
            states = load_states(session, ids)
            links = possible_duplicates(session, ids)
        for record in records:
            struggle_id = record.struggle.id
            assert struggle_id is not None
            state = states[struggle_id]
            alternatives = derive(state).alternatives if state.claims else {}
            mine = [link for link in links if struggle_id in (link.struggle_id, link.duplicate_of)]
            yield ExportRecord(record, alternatives, mine)
        last = ids[-1]


def iter_public(
    db: Database, wanted: StruggleFilter, page: int = PUBLIC_PAGE
) -> Iterator[StruggleRecord]:
    """Every struggle ``wanted`` selects, in its sort order, one at a time.

    What the public exports and feeds need: fields, place, sources' public facts
    and timeline — never evidence, source texts or sensitive data. Walks the
    same keyset pages as the list (one short session per page), so memory stays
    flat and a writer is never blocked for the length of a download.
    """
    after: str | None = None
    while True:
        with db.session() as session:
            ids, after = page_ids(session, db.dialect, wanted, PageRequest(page, after))
            records = load_list_records(session, ids, with_links=True)
        yield from records
        if after is None:
            return


def iter_export_filtered(
    db: Database, wanted: StruggleFilter, page: int = PAGE
) -> Iterator[ExportRecord]:
    """``iter_export``'s full records (with alternatives) for the struggles ``wanted`` selects."""
    after: str | None = None
    while True:
        with db.session() as session:
            ids, after = page_ids(session, db.dialect, wanted, PageRequest(page, after))
            records = load_records(session, ids, None)
            states = load_states(session, ids)
        for record in records:
            assert record.struggle.id is not None
            state = states[record.struggle.id]
            alternatives = derive(state).alternatives if state.claims else {}
            yield ExportRecord(record, alternatives, [])
        if after is None:
            return

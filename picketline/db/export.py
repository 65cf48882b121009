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
from picketline.db.models import StruggleRow
from picketline.db.resolution import PossibleDuplicate, possible_duplicates
from picketline.db.struggles import StruggleRecord, load_records
from picketline.domain.vocab import StruggleStatus
from picketline.resolve.merge import Alternative, derive

PAGE = 50


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

"""Reading struggles: domain objects out, a few batched queries per page.

A page of struggles is loaded with one query for the struggles (and their
places), then one each for their sources, events and evidence, whatever the
page size: never one query per struggle. Sensitive data is decrypted only
when ``include_sensitive=True`` (permission checks arrive in issue #5, and
will sit in front of that flag).
"""

from __future__ import annotations

import base64
import binascii
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from picketline.access.crypto import FieldCipher
from picketline.db import Database
from picketline.db.convert import (
    open_sensitive,
    row_to_event,
    row_to_evidence,
    row_to_place,
    row_to_source,
    row_to_struggle,
)
from picketline.db.models import (
    EventRow,
    EvidenceRow,
    PlaceRow,
    SourceRow,
    StruggleRow,
    StruggleSourceRow,
)
from picketline.domain.event import Event
from picketline.domain.source import Evidence, Source
from picketline.domain.struggle import SensitiveData, Struggle
from picketline.domain.vocab import StruggleStatus
from picketline.errors import InputError

MAX_PAGE = 1000


@dataclass(frozen=True)
class StruggleRecord:
    """A struggle with what it is known from: sources, timeline, evidence spans."""

    struggle: Struggle
    sources: list[Source]
    events: list[Event]
    evidence: list[Evidence]


def get_struggle(
    db: Database, struggle_id: int, *, include_sensitive: bool = False
) -> StruggleRecord | None:
    """One struggle in any status, or None. Sensitive data only if asked for."""
    with db.session() as session:
        records = load_records(session, [struggle_id], db.cipher if include_sensitive else None)
    return records[0] if records else None


def list_struggles(
    db: Database,
    *,
    status: StruggleStatus | None = StruggleStatus.PUBLISHED,
    after: str | None = None,
    limit: int = 50,
    query: str | None = None,
) -> tuple[list[StruggleRecord], str | None]:
    """A page of struggles, newest first, and the cursor of the next page (None at the end).

    ``after`` is the opaque cursor a previous call returned. Keyset pagination
    (``id < last id``) keeps every page as fast as the first at any depth, and
    rows added meanwhile never shift a page. ``query`` restricts to full-text
    matches (see ``picketline.db.search``). ``status=None`` lists every status.
    """
    from picketline.db.search import match_ids  # search imports this module's types

    limit = max(1, min(limit, MAX_PAGE))
    stmt: Select[int] = select(StruggleRow.id).order_by(StruggleRow.id.desc()).limit(limit + 1)
    if status is not None:
        stmt = stmt.where(StruggleRow.status == status.value)
    if after is not None:
        stmt = stmt.where(StruggleRow.id < decode_cursor(after))
    if query is not None:
        stmt = stmt.where(StruggleRow.id.in_(match_ids(db.dialect, query)))
    with db.session() as session:
        ids = list(session.scalars(stmt))
        records = load_records(session, ids[:limit], None)
    next_cursor = encode_cursor(ids[limit - 1]) if len(ids) > limit else None
    return records, next_cursor


def count_struggles(db: Database, status: StruggleStatus | None = None) -> int:
    """How many struggles there are (in ``status``, or in all)."""
    stmt = select(func.count()).select_from(StruggleRow)
    if status is not None:
        stmt = stmt.where(StruggleRow.status == status.value)
    with db.session() as session:
        return session.scalar(stmt) or 0


def has_demo_struggles(db: Database) -> bool:
    """True when any struggle, published or not, is demo data (stops at the first row)."""
    with db.session() as session:
        return (
            session.scalar(select(StruggleRow.id).where(StruggleRow.is_demo).limit(1)) is not None
        )


def encode_cursor(last_id: int) -> str:
    return base64.urlsafe_b64encode(f"s{last_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        if not text.startswith("s"):
            raise ValueError(text)
        return int(text[1:])
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise InputError(f"the page cursor {cursor!r} is not valid") from None


def load_records(
    session: Session, ids: Sequence[int], cipher: FieldCipher | None
) -> list[StruggleRecord]:
    """Full records for ``ids`` in that order, in four queries.

    ``cipher`` unlocks sensitive data; None leaves it empty.
    """
    if not ids:
        return []
    rows = session.execute(
        select(StruggleRow, PlaceRow)
        .outerjoin(PlaceRow, PlaceRow.id == StruggleRow.place_id)
        .where(StruggleRow.id.in_(ids))
    ).all()
    sources = _sources_by_struggle(session, ids)
    events = _events_by_struggle(session, ids)
    evidence = _evidence_by_struggle(session, ids)
    by_id = {}
    for row, place in rows:
        struggle = row_to_struggle(
            row,
            row_to_place(place) if place is not None else None,
            open_sensitive(row.sensitive_enc, cipher) if cipher else SensitiveData(),
        )
        by_id[row.id] = StruggleRecord(
            struggle=struggle,
            sources=[row_to_source(s, cipher) for s in sources[row.id]],
            events=events[row.id],
            evidence=evidence[row.id],
        )
    return [by_id[i] for i in ids if i in by_id]


def _sources_by_struggle(session: Session, ids: Sequence[int]) -> dict[int, list[SourceRow]]:
    """Links first, then the sources by primary key.

    Two index lookups instead of one join: with a join, PostgreSQL without fresh
    statistics (right after a bulk load) hashes the whole sources table.
    """
    links = session.execute(
        select(StruggleSourceRow.struggle_id, StruggleSourceRow.source_id).where(
            StruggleSourceRow.struggle_id.in_(ids)
        )
    ).all()
    wanted = {source_id for _, source_id in links}
    rows: list[SourceRow] = (
        list(session.scalars(select(SourceRow).where(SourceRow.id.in_(wanted)))) if wanted else []
    )
    by_id = {row.id: row for row in rows}
    out: dict[int, list[SourceRow]] = defaultdict(list)
    for struggle_id, source_id in sorted(links, key=lambda link: link[1]):
        out[struggle_id].append(by_id[source_id])
    return out


def _events_by_struggle(session: Session, ids: Sequence[int]) -> dict[int, list[Event]]:
    out: dict[int, list[Event]] = defaultdict(list)
    rows = session.scalars(
        select(EventRow).where(EventRow.struggle_id.in_(ids)).order_by(EventRow.date, EventRow.id)
    )
    for row in rows:
        out[row.struggle_id].append(row_to_event(row))
    return out


def _evidence_by_struggle(session: Session, ids: Sequence[int]) -> dict[int, list[Evidence]]:
    out: dict[int, list[Evidence]] = defaultdict(list)
    rows = session.scalars(
        select(EvidenceRow).where(EvidenceRow.struggle_id.in_(ids)).order_by(EvidenceRow.id)
    )
    for row in rows:
        out[row.struggle_id].append(row_to_evidence(row))
    return out

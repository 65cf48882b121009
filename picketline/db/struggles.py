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
import dataclasses
import datetime as dt
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import ColumnElement, Select, and_, asc, desc, func, or_, select
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
from picketline.db.filters import PageRequest, Sort, StruggleFilter
from picketline.db.models import (
    EventRow,
    EvidenceRow,
    PlaceRow,
    SourceRow,
    StruggleRow,
    StruggleSourceRow,
)
from picketline.db.models_publishing import StruggleFacetRow
from picketline.domain.dates import PartialDate
from picketline.domain.event import Event
from picketline.domain.source import Evidence, Source
from picketline.domain.struggle import SensitiveData, Struggle
from picketline.domain.vocab import Outcome, StruggleStatus
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


MAX_MERGE_HOPS = 20


def merged_target(db: Database, struggle_id: int) -> int | None:
    """The published struggle a merged one now lives in (following merges of merges), or None.

    Old links to a struggle keep working after an editor merges it.
    """
    current = struggle_id
    with db.session() as session:
        for _ in range(MAX_MERGE_HOPS):
            row = session.execute(
                select(StruggleRow.status, StruggleRow.merged_into).where(StruggleRow.id == current)
            ).first()
            if row is None:
                return None
            if row.status == StruggleStatus.PUBLISHED.value:
                return current if current != struggle_id else None
            if row.status != StruggleStatus.MERGED.value or row.merged_into is None:
                return None
            current = row.merged_into
    return None


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


# ---- the public list: filtered, sorted, keyset-paginated (issue #6) --------------


def list_page(
    db: Database,
    wanted: StruggleFilter,
    page: PageRequest,
    *,
    with_links: bool = True,
    with_events: bool | None = None,
) -> tuple[list[StruggleRecord], str | None]:
    """One page of the struggles ``wanted`` selects, in its sort order, and the next cursor.

    Loads only what a list shows: the struggles and their places, and with
    ``with_links`` their sources' public facts (never their texts) and
    timelines (``with_events=False`` leaves the timelines out); never evidence.
    A cursor from another sort order, or one that was tampered with, is an
    ``InputError``.
    """
    with db.session() as session:
        ids, next_cursor = page_ids(session, db.dialect, wanted, page)
        records = load_list_records(session, ids, with_links=with_links, with_events=with_events)
    return records, next_cursor


def created_since(db: Database, since: dt.datetime, limit: int) -> tuple[list[StruggleRecord], int]:
    """Published struggles first recorded after ``since``: the newest ``limit``, and how many."""
    s = StruggleRow
    where = (s.status == StruggleStatus.PUBLISHED.value, s.created_at >= since)
    with db.session() as session:
        ids = list(
            session.scalars(
                select(s.id).where(*where).order_by(s.created_at.desc(), s.id.desc()).limit(limit)
            )
        )
        total = session.scalar(select(func.count()).select_from(s).where(*where)) or 0
        records = load_list_records(session, ids, with_links=False)
    return records, total


def count_matching(db: Database, wanted: StruggleFilter) -> int:
    """How many struggles ``wanted`` selects."""
    stmt = select(func.count()).select_from(StruggleRow).where(*filter_clauses(db.dialect, wanted))
    with db.session() as session:
        return session.scalar(stmt) or 0


def load_list_records(
    session: Session, ids: Sequence[int], *, with_links: bool, with_events: bool | None = None
) -> list[StruggleRecord]:
    """Records for a list in ``ids`` order: no evidence, no source texts, no sensitive data.

    Plain rows (Core, not ORM entities: no identity map to fill, several times
    cheaper per row), and the encrypted column is never even read.
    """
    if not ids:
        return []
    rows = session.execute(select(*LIST_COLUMNS).where(StruggleRow.id.in_(ids))).all()
    place_ids = {row.place_id for row in rows if row.place_id is not None}
    places = (
        {
            p.id: row_to_place(cast(Any, p))
            for p in session.execute(select(PLACES).where(PLACES.c.id.in_(place_ids)))
        }
        if place_ids
        else {}
    )
    sources = source_summaries(session, ids) if with_links else {}
    wants_events = with_links if with_events is None else with_events
    events = event_summaries(session, ids) if wants_events else {}
    by_id = {
        row.id: StruggleRecord(
            struggle=row_to_struggle(cast(Any, row), places.get(row.place_id), SensitiveData()),
            sources=sources.get(row.id, []),
            events=events.get(row.id, []),
            evidence=[],
        )
        for row in rows
    }
    return [by_id[i] for i in ids if i in by_id]


def get_public_record(db: Database, struggle_id: int) -> StruggleRecord | None:
    """One struggle for its public page or API answer, in any status (the caller checks).

    Like a list record (plain rows, no source texts, no sensitive data), plus its
    evidence quotes, which the page shows under each source.
    """
    with db.session() as session:
        records = load_list_records(session, [struggle_id], with_links=True)
        if not records:
            return None
        rows = session.execute(
            select(EVIDENCE).where(EVIDENCE.c.struggle_id == struggle_id).order_by(EVIDENCE.c.id)
        )
        evidence = [row_to_evidence(cast(Any, row)) for row in rows]
    return dataclasses.replace(records[0], evidence=evidence)


LIST_COLUMNS = [c for c in StruggleRow.__table__.c if c.name != "sensitive_enc"]
"""Every column of a struggle but the encrypted one (the public never needs it)."""
PLACES = PlaceRow.__table__
EVENTS = EventRow.__table__
EVIDENCE = EvidenceRow.__table__


def event_summaries(session: Session, ids: Sequence[int]) -> dict[int, list[Event]]:
    """Each struggle's timeline from plain rows, in date order."""
    out: dict[int, list[Event]] = defaultdict(list)
    rows = session.execute(
        select(EVENTS).where(EVENTS.c.struggle_id.in_(ids)).order_by(EVENTS.c.date, EVENTS.c.id)
    )
    for row in rows:
        out[row.struggle_id].append(row_to_event(cast(Any, row)))
    return out


def source_summaries(session: Session, ids: Sequence[int]) -> dict[int, list[Source]]:
    """Each struggle's sources with their public facts only (the text is left empty)."""
    rows = session.execute(
        select(
            StruggleSourceRow.struggle_id,
            SourceRow.id,
            SourceRow.content_hash,
            SourceRow.url,
            SourceRow.outlet,
            SourceRow.title,
            SourceRow.language,
            SourceRow.published,
            SourceRow.is_demo,
        )
        .join(SourceRow, SourceRow.id == StruggleSourceRow.source_id)
        .where(StruggleSourceRow.struggle_id.in_(ids))
        .order_by(StruggleSourceRow.struggle_id, SourceRow.id)
    ).all()
    out: dict[int, list[Source]] = defaultdict(list)
    for r in rows:
        published = PartialDate.parse(r.published) if r.published else None
        out[r.struggle_id].append(
            Source(
                r.id,
                "",
                r.content_hash,
                r.url,
                r.outlet,
                r.title,
                r.language,
                published,
                is_demo=r.is_demo,
            )
        )
    return out


DRIVE_LIMIT = 1500
"""A facet value held by at most this many struggles is read first (its postings drive
the query); more common ones are checked row by row while walking the sort index."""
FACETS = ("action", "demand", "repression", "region")


def facet_values(wanted: StruggleFilter) -> dict[str, list[str]]:
    """The facet filters of ``wanted``: facet name → the values any of which will do."""
    return {f: [str(v) for v in getattr(wanted, f)] for f in FACETS if getattr(wanted, f)}


def rarest_facet(session: Session, wanted: StruggleFilter) -> str | None:
    """The facet to drive the query from, if one is rare enough; None to walk the sort index.

    Counting a facet's postings (never more than ``DRIVE_LIMIT + 1`` of them)
    reads only a little of the (facet, value) index; the choice decides between
    reading a few hundred rows and probing tens of thousands.
    """
    F = StruggleFacetRow
    best: tuple[int, str] | None = None
    for facet, values in facet_values(wanted).items():
        postings = (
            select(F.struggle_id)
            .where(F.facet == facet, F.value.in_(values))
            .limit(DRIVE_LIMIT + 1)
        )
        held = session.scalar(select(func.count()).select_from(postings.subquery())) or 0
        if best is None or held < best[0]:
            best = (held, facet)
    return best[1] if best is not None and best[0] <= DRIVE_LIMIT else None


def filter_clauses(
    dialect: str, wanted: StruggleFilter, *, drive: str | None = "all"
) -> list[ColumnElement[bool]]:
    """The WHERE conditions of ``wanted`` (bound values only).

    A facet filter is ``id IN (its postings)`` when it drives the query
    (``drive`` names it, or ``"all"``: right for counting), otherwise an
    ``EXISTS`` probe of the facet table's primary key for each walked row.
    """
    from picketline.db.search import match_ids  # search imports this module's types

    s = StruggleRow
    F = StruggleFacetRow
    out: list[ColumnElement[bool]] = [s.status == wanted.status.value]
    if wanted.country:
        out.append(s.country.in_(wanted.country))
    if wanted.sector:
        out.append(s.sector.in_([v.value for v in wanted.sector]))
    if wanted.outcome:
        out.append(s.outcome.in_([v.value for v in wanted.outcome]))
    for facet, values in facet_values(wanted).items():
        if drive in ("all", facet):
            postings = select(F.struggle_id).where(F.facet == facet, F.value.in_(values))
            out.append(s.id.in_(postings))
        else:
            probe = select(F.struggle_id).where(
                F.struggle_id == s.id, F.facet == facet, F.value.in_(values)
            )
            out.append(probe.exists())
    out += _date_clauses(wanted)
    if wanted.q:
        out.append(s.id.in_(match_ids(dialect, wanted.q)))
    return out


def _date_clauses(wanted: StruggleFilter) -> list[ColumnElement[bool]]:
    """Overlap of the struggle's period with [since, until], on partial ISO dates.

    A partial date is a prefix (``2020-06``); it begins no later than any day
    it contains, and ``|| '~'`` makes it end after all of them ('~' sorts
    after digits), so ``2020-06`` overlaps ``since=2020-06-15``. An ongoing
    struggle with no end runs to today.
    """
    s = StruggleRow
    out: list[ColumnElement[bool]] = []
    if wanted.since is None and wanted.until is None:
        return out
    out.append(s.start_date.is_not(None))
    if wanted.until is not None:
        out.append(s.start_date <= wanted.until.isoformat())
    if wanted.since is not None:
        last = func.coalesce(s.end_date, s.start_date).concat("~")
        running = and_(s.end_date.is_(None), s.outcome == Outcome.ONGOING.value)
        out.append(or_(last >= wanted.since.isoformat(), running))
    return out


@dataclass(frozen=True)
class SortKey:
    """How one sort order walks the table: a key expression, a direction, and NULLs last."""

    key: ColumnElement[Any]
    descending: bool
    nullable: bool
    kind: str  # "text", "int" or "time": how the key travels in a cursor


HEADCOUNT = func.coalesce(StruggleRow.participants_max, StruggleRow.participants_min)

SORT_KEYS: dict[Sort, SortKey] = {
    Sort.NEWEST: SortKey(StruggleRow.start_date.expression, True, True, "text"),
    Sort.OLDEST: SortKey(StruggleRow.start_date.expression, False, True, "text"),
    Sort.CHANGED: SortKey(StruggleRow.updated_at.expression, True, False, "time"),
    Sort.PARTICIPANTS: SortKey(HEADCOUNT, True, True, "int"),
}


@dataclass(frozen=True)
class Position:
    """Where a page ended: the phase (0 keyed rows, 1 rows without a key), key and id."""

    sort: Sort
    phase: int
    key: Any
    id: int


def page_ids(
    session: Session, dialect: str, wanted: StruggleFilter, page: PageRequest
) -> tuple[list[int], str | None]:
    """Ids of one page and the cursor after it.

    Rows with a key come first in key order (ties by id), then rows without
    one by id: two index walks instead of ``NULLS LAST``, which neither engine
    can serve from a plain index in both directions.
    """
    order = SORT_KEYS[wanted.sort]
    at = decode_position(page.after, wanted.sort) if page.after else None
    base = filter_clauses(dialect, wanted, drive=rarest_facet(session, wanted))
    want = page.limit + 1
    found: list[Position] = []
    if at is None or at.phase == 0:
        found += _walk_keyed(session, order, wanted.sort, base, at, want)
    if order.nullable and len(found) < want:
        start = at if at is not None and at.phase == 1 else None
        found += _walk_unkeyed(session, order, wanted.sort, base, start, want - len(found))
    ids = [p.id for p in found[: page.limit]]
    next_cursor = encode_position(found[page.limit - 1]) if len(found) > page.limit else None
    return ids, next_cursor


def _walk_keyed(
    session: Session,
    order: SortKey,
    sort: Sort,
    base: list[ColumnElement[bool]],
    at: Position | None,
    want: int,
) -> list[Position]:
    s = StruggleRow
    where = list(base)
    if order.nullable:
        where.append(order.key.is_not(None))
    if at is not None:
        if order.descending:
            where.append(or_(order.key < at.key, and_(order.key == at.key, s.id < at.id)))
        else:
            where.append(or_(order.key > at.key, and_(order.key == at.key, s.id > at.id)))
    direction = (desc, desc) if order.descending else (asc, asc)
    stmt = (
        select(s.id, order.key)
        .where(*where)
        .order_by(direction[0](order.key), direction[1](s.id))
        .limit(want)
    )
    return [Position(sort, 0, key, row_id) for row_id, key in session.execute(stmt)]


def _walk_unkeyed(
    session: Session,
    order: SortKey,
    sort: Sort,
    base: list[ColumnElement[bool]],
    at: Position | None,
    want: int,
) -> list[Position]:
    s = StruggleRow
    where = [*base, order.key.is_(None)]
    if at is not None:
        where.append(s.id < at.id if order.descending else s.id > at.id)
    stmt = (
        select(s.id)
        .where(*where)
        .order_by(s.id.desc() if order.descending else s.id.asc())
        .limit(want)
    )
    return [Position(sort, 1, None, row_id) for row_id in session.scalars(stmt)]


def encode_position(at: Position) -> str:
    """An opaque cursor: URL-safe base64 of a small JSON object."""
    key = at.key
    if isinstance(key, dt.datetime):
        key = key.astimezone(dt.UTC).isoformat()
    payload = json.dumps({"o": at.sort.value, "p": at.phase, "k": key, "i": at.id})
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def decode_position(cursor: str, sort: Sort) -> Position:
    """The position a cursor names, checked field by field; ``InputError`` if it is not ours."""
    bad = InputError(
        "the page cursor is not valid; follow the `next` link of a page, "
        "or leave `after` out to start from the first page"
    )
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise bad from None
    if not isinstance(data, dict) or set(data) != {"o", "p", "k", "i"}:
        raise bad
    if data["o"] != sort.value:
        raise InputError(
            f"this page cursor belongs to sort={data['o']!s:.20}, not sort={sort.value}; "
            "keep the sort of the page it came from"
        )
    phase, key, row_id = data["p"], data["k"], data["i"]
    if phase not in (0, 1) or type(row_id) is not int or row_id < 0 or row_id > 2**62:
        raise bad
    return Position(sort, phase, _cursor_key(SORT_KEYS[sort], phase, key, bad), row_id)


def _cursor_key(order: SortKey, phase: int, key: Any, bad: InputError) -> Any:
    if phase == 1:
        if key is not None or not order.nullable:
            raise bad
        return None
    if order.kind == "int":
        if type(key) is not int or abs(key) > 2**62:
            raise bad
        return key
    if not isinstance(key, str) or len(key) > 40:
        raise bad
    if order.kind == "time":
        try:
            moment = dt.datetime.fromisoformat(key)
        except ValueError:
            raise bad from None
        if moment.tzinfo is None:
            raise bad
        return moment
    return key


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

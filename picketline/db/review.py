"""Reads for the review queue: candidates in order, one candidate with all it needs, matches.

The queue is ordered by confidence (the surest first, so editors clear easy
ones fast) and then by recency. Filters are bound parameters only: a
language and a country compared for equality, a source matched as a
substring of its outlet or URL with LIKE wildcards escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session

from picketline.db import Database
from picketline.db.claims import load_editor_fields
from picketline.db.models import AuditRow, SourceRow, StruggleRow, StruggleSourceRow
from picketline.db.models_review import RejectionRow, SubmissionImageRow, SubmissionRow
from picketline.db.resolution import (
    PossibleDuplicate,
    candidate_ids,
    possible_duplicates,
    reports,
)
from picketline.db.struggles import StruggleRecord, load_records
from picketline.domain.vocab import StruggleStatus
from picketline.resolve.candidates import lookup_keys
from picketline.resolve.match import MatchResult, Verdict, match

MAX_PER_PAGE = 100
MAX_FILTER = 200


@dataclass(frozen=True)
class QueueFilter:
    """What an editor narrowed the queue to; empty strings mean "any"."""

    language: str = ""
    country: str = ""
    source: str = ""
    status: StruggleStatus = StruggleStatus.CANDIDATE

    def as_params(self) -> dict[str, str]:
        """The non-empty filters as query parameters (for links that keep them)."""
        values = {"language": self.language, "country": self.country, "source": self.source}
        return {k: v for k, v in values.items() if v}


@dataclass(frozen=True)
class QueuePage:
    """One page of the queue."""

    records: list[StruggleRecord]
    total: int
    page: int
    pages: int


@dataclass(frozen=True)
class Rejection:
    reason: str
    actor: str
    at: Any


@dataclass(frozen=True)
class SubmissionImage:
    file_name: str
    media_type: str
    width: int
    height: int


@dataclass(frozen=True)
class ReviewRecord:
    """A struggle with everything an editor needs to decide on it."""

    record: StruggleRecord
    duplicates: list[PossibleDuplicate]
    duplicate_records: dict[int, StruggleRecord]
    editor_fields: frozenset[str]
    rejections: list[Rejection]
    images: list[SubmissionImage]
    submitted: bool = False


@dataclass(frozen=True)
class Match:
    """A struggle that may be the same as the one under review, and why."""

    record: StruggleRecord
    score: float
    verdict: Verdict
    reasons: list[str] = field(default_factory=list)


def _filtered(stmt: Select[Any], where: QueueFilter) -> Select[Any]:
    stmt = stmt.where(StruggleRow.status == where.status.value)
    if where.country:
        stmt = stmt.where(StruggleRow.country == where.country.upper()[:2])
    source_conditions = []
    if where.language:
        source_conditions.append(SourceRow.language == where.language.lower()[:8])
    if where.source:
        needle = where.source.lower()[:MAX_FILTER]
        source_conditions.append(
            or_(
                func.lower(SourceRow.outlet).contains(needle, autoescape=True),
                func.lower(SourceRow.url).contains(needle, autoescape=True),
            )
        )
    if source_conditions:
        stmt = stmt.where(
            exists(
                select(StruggleSourceRow.source_id)
                .join(SourceRow, SourceRow.id == StruggleSourceRow.source_id)
                .where(StruggleSourceRow.struggle_id == StruggleRow.id, and_(*source_conditions))
            )
        )
    return stmt


def _ordered(stmt: Select[Any]) -> Select[Any]:
    return stmt.order_by(
        StruggleRow.confidence.desc().nulls_last(),
        StruggleRow.created_at.desc(),
        StruggleRow.id.desc(),
    )


def queue_page(db: Database, where: QueueFilter, page: int = 1, per_page: int = 25) -> QueuePage:
    """One page of the queue, best first (see the module docstring)."""
    per_page = max(1, min(per_page, MAX_PER_PAGE))
    with db.session() as session:
        total = session.scalar(_filtered(select(func.count()).select_from(StruggleRow), where))
        total = total or 0
        pages = max(1, -(-total // per_page))
        page = max(1, min(page, pages))
        stmt = _ordered(_filtered(select(StruggleRow.id), where))
        ids = list(session.scalars(stmt.limit(per_page).offset((page - 1) * per_page)))
        records = load_records(session, ids, None)
    return QueuePage(records, total, page, pages)


def next_in_queue(db: Database, current_id: int, where: QueueFilter) -> int | None:
    """The candidate after ``current_id`` in queue order (the first one if it left the queue)."""
    with db.session() as session:
        ids = list(session.scalars(_ordered(_filtered(select(StruggleRow.id), where)).limit(5000)))
    if current_id in ids:
        index = ids.index(current_id)
        rest = ids[index + 1 :] + ids[:index]
        return rest[0] if rest else None
    return ids[0] if ids else None


def queue_facets(db: Database) -> dict[str, list[str]]:
    """The languages and countries found among candidates, for the filter menus."""
    live = StruggleRow.status == StruggleStatus.CANDIDATE.value
    with db.session() as session:
        countries = session.scalars(
            select(StruggleRow.country).where(live, StruggleRow.country.is_not(None)).distinct()
        )
        languages = session.scalars(
            select(SourceRow.language)
            .join(StruggleSourceRow, StruggleSourceRow.source_id == SourceRow.id)
            .join(StruggleRow, StruggleRow.id == StruggleSourceRow.struggle_id)
            .where(live, SourceRow.language.is_not(None))
            .distinct()
        )
        return {
            "countries": sorted(c for c in countries if c),
            "languages": sorted(lang for lang in languages if lang),
        }


def review_record(db: Database, struggle_id: int, *, sensitive: bool) -> ReviewRecord | None:
    """One struggle in any status with its duplicates, edits, rejections and images."""
    cipher = db.cipher if sensitive else None
    with db.session() as session:
        records = load_records(session, [struggle_id], cipher)
        if not records:
            return None
        duplicates = possible_duplicates(session, [struggle_id])
        others = {d.duplicate_of if d.struggle_id == struggle_id else d.struggle_id
                  for d in duplicates}  # fmt: skip
        loaded = load_records(session, sorted(others), None)
        duplicate_records = {r.struggle.id or 0: r for r in loaded}
        rejections = [
            Rejection(r.reason, r.actor, r.at)
            for r in session.scalars(
                select(RejectionRow)
                .where(RejectionRow.struggle_id == struggle_id)
                .order_by(RejectionRow.id)
            )
        ]
        source_ids = [src.id for src in records[0].sources if src.id is not None]
        submitted = session.scalar(
            select(SubmissionRow.id).where(SubmissionRow.source_id.in_(source_ids)).limit(1)
        )
        images = _images(session, source_ids) if sensitive else []
        editor = frozenset(load_editor_fields(session, struggle_id))
    return ReviewRecord(
        records[0],
        duplicates,
        duplicate_records,
        editor,
        rejections,
        images,
        submitted is not None,
    )


def _images(session: Session, source_ids: list[int]) -> list[SubmissionImage]:
    """Images sent with reports that are sources of the struggle (merged ones included)."""
    rows = session.execute(
        select(SubmissionImageRow)
        .join(SubmissionRow, SubmissionRow.id == SubmissionImageRow.submission_id)
        .where(SubmissionRow.source_id.in_(source_ids))
        .order_by(SubmissionImageRow.id)
    ).scalars()
    return [SubmissionImage(r.file_name, r.media_type, r.width, r.height) for r in rows]


def image_media_type(db: Database, file_name: str) -> str | None:
    """The media type of a stored submission image, or None if there is no such image."""
    with db.session() as session:
        return session.scalar(
            select(SubmissionImageRow.media_type).where(SubmissionImageRow.file_name == file_name)
        )


def likely_matches(
    db: Database, struggle_id: int, *, query: str | None = None, limit: int = 10
) -> list[Match]:
    """Live struggles this one may be, best first, scored like ingestion scores a report.

    Without a query, the candidates are the ones sharing a blocking key (as in
    ingestion); a query adds full-text matches, so an editor can find one the
    keys miss. Either way each is scored with ``resolve.match``.
    """
    from picketline.db.search import match_ids

    with db.session() as session:
        mine = reports(session, [struggle_id]).get(struggle_id)
        if mine is None:
            return []
        ids = set(candidate_ids(session, lookup_keys(mine)))
        if query:
            live = (StruggleStatus.CANDIDATE.value, StruggleStatus.PUBLISHED.value)
            found = session.scalars(
                select(StruggleRow.id)
                .where(StruggleRow.id.in_(match_ids(db.dialect, query)))
                .where(StruggleRow.status.in_(live))
                .order_by(StruggleRow.id.desc())
                .limit(200)
            )
            ids |= set(found)
        ids.discard(struggle_id)
        theirs = reports(session, sorted(ids))
        scored = sorted(
            ((match(other, mine), i) for i, other in theirs.items()),
            key=lambda item: (-item[0].score, -item[1]),
        )[:limit]
        records = {r.struggle.id: r for r in load_records(session, [i for _, i in scored], None)}
    return [
        Match(records[i], result.score, result.verdict, _reasons(result))
        for result, i in scored
        if i in records
    ]


def _reasons(result: MatchResult) -> list[str]:
    return [f"{r.feature}: {r.detail}" for r in result.reasons if r.detail][:6]


def changes_since(db: Database, struggle_id: int, version: int) -> dict[str, tuple[Any, Any]]:
    """What changed in a struggle after ``version``: field → (then, now), from the audit log.

    Used to tell a second editor exactly what the first one changed. Only
    entries about this struggle with a later version count; sensitive data
    never reaches the audit log, so none can show here.
    """
    with db.session() as session:
        rows = session.execute(
            select(AuditRow.actor, AuditRow.before, AuditRow.after)
            .where(AuditRow.entity == "struggle", AuditRow.entity_id == struggle_id)
            .order_by(AuditRow.id)
        ).all()
    changed: dict[str, tuple[Any, Any]] = {}
    for _actor, before, after in rows:
        if not isinstance(after, dict) or not isinstance(after.get("version"), int):
            continue
        if after["version"] <= version:
            continue
        old, new = _flat(before or {}), _flat(after)
        for key in new.keys() | old.keys():
            if key in ("version", "sources", "new_events", "merged", "score", "reasons"):
                continue
            first = changed[key][0] if key in changed else old.get(key)
            changed[key] = (first, new.get(key))
    return {k: v for k, v in changed.items() if v[0] != v[1]}


def editors_since(db: Database, struggle_id: int, version: int) -> list[str]:
    """Who changed the struggle after ``version`` (audit actors), in order, each once."""
    with db.session() as session:
        rows = session.execute(
            select(AuditRow.actor, AuditRow.after)
            .where(AuditRow.entity == "struggle", AuditRow.entity_id == struggle_id)
            .order_by(AuditRow.id)
        ).all()
    names: list[str] = []
    for actor, after in rows:
        later = isinstance(after, dict) and isinstance(after.get("version"), int)
        if later and after["version"] > version and actor not in names:
            names.append(actor)
    return names


def _flat(snapshot: dict[str, Any]) -> dict[str, Any]:
    """An audit snapshot with its ``fields`` group spread out beside the other keys."""
    out = {k: v for k, v in snapshot.items() if k != "fields"}
    fields = snapshot.get("fields")
    if isinstance(fields, dict):
        out.update(fields)
    return out


def queue_ids(db: Database, ids: Sequence[int]) -> dict[int, int]:
    """The current version of each of these struggles (for bulk decisions)."""
    if not ids:
        return {}
    with db.session() as session:
        rows = session.execute(
            select(StruggleRow.id, StruggleRow.version).where(StruggleRow.id.in_(list(ids)))
        )
        return {i: v for i, v in rows}

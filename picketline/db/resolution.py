"""Reads that ingest and resolution need: known texts, near-duplicates, candidate struggles.

The near-duplicate index of ``resolve.dedup`` lives here as two tables — each
source's fingerprint (exact key, sample size) and its sampled shingles — so
that every ingest process, however started and however many at once, sees
every document already stored, and nothing has to be rebuilt on start. A
lookup is two indexed queries over the sampled shingles of one document, so
its cost does not grow with the corpus (hashes shared by more than
``MAX_POSTINGS`` documents, an outlet's boilerplate, are skipped).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from picketline.db.convert import row_to_fields, row_to_place
from picketline.db.models import (
    PlaceRow,
    PossibleDuplicateRow,
    SourceFingerprintRow,
    SourceRow,
    SourceShingleRow,
    StruggleKeyRow,
    StruggleRow,
    StruggleSourceRow,
)
from picketline.domain.dates import PartialDate
from picketline.domain.vocab import StruggleStatus
from picketline.resolve.dedup import (
    MAX_POSTINGS,
    MIN_SAMPLE_FOR_CONTAINMENT,
    MIN_SIMILARITY,
    Hashes,
    closeness,
)
from picketline.resolve.match import Report

LIVE = (StruggleStatus.CANDIDATE.value, StruggleStatus.PUBLISHED.value)
"""Statuses a new report may be resolved against (not merged, not rejected)."""
MAX_CANDIDATES = 200
"""At most this many struggles (the most recent) are scored against one report."""
_CHUNK = 900  # bound parameters per IN list, well under SQLite's limit


def signed(hashes: Hashes) -> list[int]:
    """uint64 hashes as the signed 64-bit integers a BIGINT column holds."""
    return [int(h) for h in hashes.view(np.int64)]


def source_by_hash(session: Session, content_hash: str) -> int | None:
    """The id of the source with exactly this text, if it is stored."""
    return session.scalar(select(SourceRow.id).where(SourceRow.content_hash == content_hash))


def struggles_of_source(session: Session, source_id: int) -> list[int]:
    """The struggles a source is linked to, except those merged into another."""
    stmt = (
        select(StruggleSourceRow.struggle_id)
        .join(StruggleRow, StruggleRow.id == StruggleSourceRow.struggle_id)
        .where(
            StruggleSourceRow.source_id == source_id,
            StruggleRow.status != StruggleStatus.MERGED.value,
        )
        .order_by(StruggleSourceRow.struggle_id)
    )
    return list(session.scalars(stmt))


@dataclass(frozen=True)
class NearMatch:
    """A stored source close to a new text; ``is_copy`` when the new text adds nothing.

    A copy is a republication (similar) or an excerpt of the stored source. A
    new text that *contains* a shorter stored one (the full article after its
    teaser) is not a copy: it may say more, so it is read in full.
    """

    source_id: int
    similarity: float
    containment: float
    is_copy: bool


def near_duplicate(session: Session, exact_key: str, sample: Hashes) -> NearMatch | None:
    """The stored source closest to a text with this fingerprint, or None."""
    exact = session.scalar(
        select(SourceFingerprintRow.source_id)
        .where(SourceFingerprintRow.exact_key == exact_key)
        .order_by(SourceFingerprintRow.source_id)
        .limit(1)
    )
    if exact is not None:
        return NearMatch(exact, 1.0, 1.0, True)
    shared = _shared_counts(session, signed(sample))
    if not shared:
        return None
    sizes = _sample_sizes(session, list(shared))
    best: NearMatch | None = None
    for source_id, count in shared.items():
        found = closeness(count, len(sample), sizes.get(source_id, 0))
        if found is None:
            continue
        is_copy = found.similarity >= MIN_SIMILARITY or len(sample) <= sizes[source_id]
        near = NearMatch(source_id, found.similarity, found.containment, is_copy)
        if best is None or _closer(near, best):
            best = near
    return best


def _closer(a: NearMatch, b: NearMatch) -> bool:
    return (a.similarity, a.containment) > (b.similarity, b.containment)


def _chunks(values: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _shared_counts(session: Session, hashes: list[int]) -> dict[int, int]:
    """Sources sharing enough sampled shingles with the query to be worth comparing."""
    usable: list[int] = []
    for chunk in _chunks(hashes):
        rows = session.execute(
            select(SourceShingleRow.hash, func.count())
            .where(SourceShingleRow.hash.in_(chunk))
            .group_by(SourceShingleRow.hash)
        )
        usable += [h for h, n in rows if n <= MAX_POSTINGS]
    counts: defaultdict[int, int] = defaultdict(int)
    for chunk in _chunks(usable):
        rows = session.execute(
            select(SourceShingleRow.source_id, func.count())
            .where(SourceShingleRow.hash.in_(chunk))
            .group_by(SourceShingleRow.source_id)
        )
        for source_id, n in rows:
            counts[source_id] += n
    needed = 1 if len(hashes) < MIN_SAMPLE_FOR_CONTAINMENT else 2
    return {s: n for s, n in counts.items() if n >= needed}


def _sample_sizes(session: Session, source_ids: list[int]) -> dict[int, int]:
    out: dict[int, int] = {}
    for chunk in _chunks(source_ids):
        rows = session.execute(
            select(SourceFingerprintRow.source_id, SourceFingerprintRow.sample_size).where(
                SourceFingerprintRow.source_id.in_(chunk)
            )
        )
        out.update({source_id: size for source_id, size in rows})
    return out


def candidate_ids(session: Session, keys: Iterable[str]) -> list[int]:
    """Live struggles filed under any of the blocking keys, the most recent first."""
    wanted = sorted(set(keys))
    if not wanted:
        return []
    stmt = (
        select(StruggleKeyRow.struggle_id)
        .join(StruggleRow, StruggleRow.id == StruggleKeyRow.struggle_id)
        .where(StruggleKeyRow.key.in_(wanted), StruggleRow.status.in_(LIVE))
        .distinct()
        .order_by(StruggleKeyRow.struggle_id.desc())
        .limit(MAX_CANDIDATES)
    )
    return list(session.scalars(stmt))


def reports(session: Session, struggle_ids: Sequence[int]) -> dict[int, Report]:
    """Each struggle as matching sees it: current fields, first and latest publication."""
    if not struggle_ids:
        return {}
    rows = session.execute(
        select(StruggleRow, PlaceRow)
        .outerjoin(PlaceRow, PlaceRow.id == StruggleRow.place_id)
        .where(StruggleRow.id.in_(struggle_ids))
    ).all()
    dates = _publication_dates(session, struggle_ids)
    out = {}
    for row, place in rows:
        published, language = dates.get(row.id, ([], None))
        fields = row_to_fields(row, row_to_place(place) if place is not None else None)
        first = min(published, key=PartialDate.first_day) if published else None
        last = max(published, key=PartialDate.last_day) if published else None
        out[row.id] = Report(fields, first, language, last)
    return out


def _publication_dates(
    session: Session, struggle_ids: Sequence[int]
) -> dict[int, tuple[list[PartialDate], str | None]]:
    rows = session.execute(
        select(StruggleSourceRow.struggle_id, SourceRow.published, SourceRow.language)
        .join(SourceRow, SourceRow.id == StruggleSourceRow.source_id)
        .where(StruggleSourceRow.struggle_id.in_(struggle_ids))
        .order_by(StruggleSourceRow.source_id)
    )
    out: dict[int, tuple[list[PartialDate], str | None]] = {}
    for struggle_id, published, language in rows:
        dates, first_language = out.get(struggle_id, ([], None))
        if published:
            dates.append(PartialDate.parse(published))
        out[struggle_id] = (dates, first_language or language)
    return out


def source_ids_of(session: Session, struggle_id: int) -> list[int]:
    """Every source linked to a struggle, in id order."""
    return list(
        session.scalars(
            select(StruggleSourceRow.source_id)
            .where(StruggleSourceRow.struggle_id == struggle_id)
            .order_by(StruggleSourceRow.source_id)
        )
    )


def merged_children(session: Session, struggle_id: int) -> list[int]:
    """The struggles merged directly into this one, oldest first."""
    return list(
        session.scalars(
            select(StruggleRow.id)
            .where(StruggleRow.merged_into == struggle_id)
            .order_by(StruggleRow.id)
        )
    )


def copies_of(session: Session, source_ids: Iterable[int]) -> list[int]:
    """Sources ingested as near-duplicates (copies, excerpts) of these sources."""
    wanted = list(source_ids)
    if not wanted:
        return []
    return list(
        session.scalars(
            select(SourceFingerprintRow.source_id).where(
                SourceFingerprintRow.duplicate_of.in_(wanted)
            )
        )
    )


@dataclass(frozen=True)
class PossibleDuplicate:
    """An unresolved "possible duplicate of" link, for editors."""

    struggle_id: int
    duplicate_of: int
    score: float
    reasons: list[dict[str, object]]


def possible_duplicates(session: Session, struggle_ids: Sequence[int]) -> list[PossibleDuplicate]:
    """Links from or to these struggles."""
    if not struggle_ids:
        return []
    rows = session.scalars(
        select(PossibleDuplicateRow).where(
            PossibleDuplicateRow.struggle_id.in_(struggle_ids)
            | PossibleDuplicateRow.duplicate_of.in_(struggle_ids)
        )
    )
    return [PossibleDuplicate(r.struggle_id, r.duplicate_of, r.score, r.reasons) for r in rows]

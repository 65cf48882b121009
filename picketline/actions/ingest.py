"""Ingesting one document: store it once, read it, and resolve what it reports.

``do_ingest_document`` is the whole pipeline for one ``RawDocument``, in one
write transaction with its audit entries, so a run killed at any moment
leaves every document either fully stored or not at all, and running it
again stores each exactly once:

1. the same text (``content_hash``) already stored: nothing is written;
2. a near-duplicate (a republication, an excerpt) of a stored source is
   stored and linked to that source's struggles, without a new struggle;
3. otherwise the text is extracted; each struggle it reports is matched
   against the live struggles that share a blocking key: a match is merged
   into it (``actions.resolution``), an in-between score makes a candidate
   with a "possible duplicate of" link, anything else a new candidate.

Extraction, the slow part, runs before the write transaction, so writers
(several ingests at once) hold the lock only for the writes. Everything read
before the lock is checked again under it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

import sqlalchemy.exc
from sqlalchemy import insert
from sqlalchemy.orm import Session

from picketline.actions import audit
from picketline.actions.bundles import NewSource, source_ids
from picketline.actions.derived import (
    append_entry,
    create_struggle,
    live_struggle,
    load_struggle,
    table,
    title_for,
)
from picketline.actions.resolution import absorb
from picketline.db import Database
from picketline.db.models import (
    PossibleDuplicateRow,
    SourceFingerprintRow,
    SourceShingleRow,
    StruggleSourceRow,
)
from picketline.db.resolution import (
    NearMatch,
    candidate_ids,
    near_duplicate,
    reports,
    signed,
    source_by_hash,
    struggles_of_source,
)
from picketline.db.types import utcnow
from picketline.domain.audit import AuditEntry
from picketline.domain.source import Evidence, Source
from picketline.domain.struggle import Struggle
from picketline.extract.base import ExtractedStruggle, Extraction
from picketline.extract.pipeline import Extractor
from picketline.ingest.raw import RawDocument
from picketline.resolve.candidates import best_of, lookup_keys
from picketline.resolve.dedup import Hashes, document_fingerprint
from picketline.resolve.match import MatchResult, Report, Verdict
from picketline.resolve.merge import MergeState, SourceRef, claims_of, derive

ACTOR = "system:ingest"


class OutcomeKind(StrEnum):
    NEW = "new"  # stored and read; relevant
    DUPLICATE = "duplicate"  # the same text was already stored: nothing written
    NEAR_DUPLICATE = "near_duplicate"  # a copy or excerpt: linked to the original's struggles
    IRRELEVANT = "irrelevant"  # stored, reports no workers' struggle
    FAILED = "failed"  # nothing stored; ``reason`` says why


@dataclass(frozen=True)
class IngestOutcome:
    """What ingesting one document did. ``struggle_ids`` are live struggles it now supports."""

    kind: OutcomeKind
    origin: str
    source_id: int | None = None
    struggle_ids: tuple[int, ...] = ()
    reason: str = ""
    merged: int = 0  # how many of its struggles were merged into known ones
    possible: int = 0  # how many became candidates with a "possible duplicate of" link


def failed(origin: str, reason: str) -> IngestOutcome:
    return IngestOutcome(OutcomeKind.FAILED, origin, reason=reason)


@dataclass(frozen=True)
class Prepared:
    raw: RawDocument
    exact_key: str
    sample: Hashes
    extraction: Extraction | None


def do_ingest_document(
    db: Database, extractor: Extractor, raw: RawDocument, *, actor: str = ACTOR
) -> IngestOutcome:
    """Store, read and resolve one document (see the module docstring); never raises
    for a bad document, only for storage that cannot be reached."""
    if not raw.text.strip():
        return failed(raw.origin, "empty document (no text)")
    with db.session() as session:
        known = source_by_hash(session, raw.content_hash)
        if known is not None:
            return duplicate_outcome(session, raw, known)
        exact, sample = document_fingerprint(raw.text)
        near = near_duplicate(session, exact.hex(), sample)
    extraction = None
    if near is None or not near.is_copy:
        try:
            extraction = extractor.extract(
                raw.text, published=raw.published, url=raw.url, language=raw.language
            )
        except Exception as error:  # an extraction bug costs this document, not the run
            return failed(raw.origin, f"extraction failed: {type(error).__name__}: {error}")
    try:
        return _write(db, Prepared(raw, exact.hex(), sample, extraction), near, actor)
    except (sqlalchemy.exc.OperationalError, sqlalchemy.exc.InterfaceError):
        raise  # the database is gone or locked: the run cannot go on
    except Exception as error:  # a resolution bug: rolled back, reported, the run goes on
        return failed(raw.origin, f"could not be stored: {type(error).__name__}: {error}")


def duplicate_outcome(session: Session, raw: RawDocument, source_id: int) -> IngestOutcome:
    struggles = tuple(struggles_of_source(session, source_id))
    reason = f"already ingested as source {source_id}"
    return IngestOutcome(OutcomeKind.DUPLICATE, raw.origin, source_id, struggles, reason)


def _write(
    db: Database, prepared: Prepared, near_before: NearMatch | None, actor: str
) -> IngestOutcome:
    raw = prepared.raw
    with db.transaction() as session:
        known = source_by_hash(session, raw.content_hash)
        if known is not None:  # another ingest stored it meanwhile
            return duplicate_outcome(session, raw, known)
        near = near_duplicate(session, prepared.exact_key, prepared.sample) or near_before
        if prepared.extraction is None or (near is not None and near.is_copy):
            assert near is not None
            return store_copy(session, db, prepared, near, actor)
        return store_read(session, db, prepared, prepared.extraction, actor)


def _store_source(
    session: Session,
    db: Database,
    prepared: Prepared,
    source: Source,
    relevant: bool | None,
    near: NearMatch | None,
) -> int:
    """The source row, its fingerprint and its sampled shingles."""
    source_id = source_ids(session, [source], db.cipher)[source.content_hash]
    copy = near if near is not None and near.is_copy else None
    fingerprint = {
        "source_id": source_id,
        "exact_key": prepared.exact_key,
        "sample_size": len(prepared.sample),
        "relevant": relevant,
        "duplicate_of": copy.source_id if copy else None,
        "similarity": copy.similarity if copy else None,
        "containment": copy.containment if copy else None,
    }
    session.execute(insert(table(SourceFingerprintRow)), [fingerprint])
    shingles = [{"hash": h, "source_id": source_id} for h in signed(prepared.sample)]
    if shingles:
        session.execute(insert(table(SourceShingleRow)), shingles)
    return source_id


def store_copy(
    session: Session, db: Database, prepared: Prepared, near: NearMatch, actor: str
) -> IngestOutcome:
    """A republication or excerpt: stored, and linked to the struggles of its original."""
    raw = prepared.raw
    source = raw.to_source()
    source_id = _store_source(session, db, prepared, source, None, near)
    struggles = tuple(struggles_of_source(session, near.source_id))
    if struggles:
        links = [{"struggle_id": s, "source_id": source_id} for s in struggles]
        session.execute(insert(table(StruggleSourceRow)), links)
    what = "excerpt" if near.similarity < near.containment else "copy"
    reason = (
        f"{what} of source {near.source_id} "
        f"(similarity {near.similarity:.2f}, containment {near.containment:.2f})"
    )
    _audit_source(session, actor, source_id, raw, OutcomeKind.NEAR_DUPLICATE, struggles, reason)
    return IngestOutcome(OutcomeKind.NEAR_DUPLICATE, raw.origin, source_id, struggles, reason)


def store_read(
    session: Session, db: Database, prepared: Prepared, extraction: Extraction, actor: str
) -> IngestOutcome:
    raw = prepared.raw
    source = replace(
        raw.to_source(),
        language=raw.language or extraction.language,
        published=raw.published or extraction.published,
    )
    source_id = _store_source(session, db, prepared, source, extraction.relevant, None)
    if not extraction.relevant:
        reason = "reports no workers' struggle"
        _audit_source(session, actor, source_id, raw, OutcomeKind.IRRELEVANT, (), reason)
        return IngestOutcome(OutcomeKind.IRRELEVANT, raw.origin, source_id, reason=reason)
    stored = replace(source, id=source_id)
    used: set[int] = set()
    verdicts: list[Verdict] = []
    for extracted in extraction.struggles:
        struggle_id, verdict = _resolve(session, db, stored, extracted, used, actor)
        used.add(struggle_id)
        verdicts.append(verdict)
    ids = tuple(sorted(used))
    merged = verdicts.count(Verdict.SAME)
    possible = verdicts.count(Verdict.POSSIBLE)
    reason = f"{len(verdicts)} struggle(s): {merged} merged, {possible} possible duplicate(s)"
    _audit_source(session, actor, source_id, raw, OutcomeKind.NEW, ids, reason)
    return IngestOutcome(OutcomeKind.NEW, raw.origin, source_id, ids, reason, merged, possible)


def _resolve(
    session: Session,
    db: Database,
    source: Source,
    extracted: ExtractedStruggle,
    used: set[int],
    actor: str,
) -> tuple[int, Verdict]:
    """Store one extracted struggle and merge it, link it, or leave it new; its live id."""
    assert source.id is not None
    claims = claims_of(extracted.fields, SourceRef(source.id, source.published))
    fields = derive(MergeState(claims)).fields
    report = Report(fields, source.published, source.language)
    known = [c for c in candidate_ids(session, lookup_keys(report)) if c not in used]
    best = best_of(report, reports(session, known).items())
    struggle = Struggle(None, fields, confidence=extracted.confidence, title=title_for(fields))
    evidence = _evidence(source.text, extracted)
    new_id = create_struggle(
        session, db, struggle, [NewSource(source, evidence)], claims, actor=actor, reason=None
    )
    if best.result is None or not isinstance(best.struggle_id, int):
        return new_id, Verdict.DIFFERENT
    details = {"score": best.result.score, "reasons": _reasons(best.result)}
    if best.verdict is Verdict.SAME:
        target = live_struggle(session, best.struggle_id, "merged into")
        child = load_struggle(session, new_id)
        assert child is not None
        why = f"same struggle as {best.struggle_id} (score {best.result.score:.2f})"
        absorb(session, db, target, child, actor=actor, reason=why, details=details)
        return best.struggle_id, Verdict.SAME
    if best.verdict is Verdict.POSSIBLE:
        _link_possible(session, new_id, best.struggle_id, best.result, actor)
    return new_id, best.verdict


def _evidence(text: str, extracted: ExtractedStruggle) -> list[Evidence]:
    return [
        Evidence(None, field, start, end, text[start:end])
        for field, spans in extracted.evidence.items()
        for start, end in spans
        if 0 <= start <= end <= len(text)
    ]


def _reasons(result: MatchResult) -> list[dict[str, Any]]:
    return [
        {"feature": r.feature, "score": r.score, "detail": r.detail, "conflict": r.conflict}
        for r in result.reasons
    ]


def _link_possible(
    session: Session, struggle_id: int, other: int, result: MatchResult, actor: str
) -> None:
    row = {
        "struggle_id": struggle_id,
        "duplicate_of": other,
        "score": result.score,
        "reasons": _reasons(result),
        "created_at": utcnow(),
    }
    session.execute(insert(table(PossibleDuplicateRow)), [row])
    after = {"duplicate_of": other, "score": result.score}
    reason = f"possible duplicate of {other} (score {result.score:.2f}); an editor decides"
    append_entry(session, actor, "struggle.possible_duplicate", struggle_id, None, after, reason)


def _audit_source(
    session: Session,
    actor: str,
    source_id: int,
    raw: RawDocument,
    kind: OutcomeKind,
    struggles: Sequence[int],
    reason: str,
) -> None:
    after = {
        "content_hash": raw.content_hash,
        "kind": kind.value,
        "struggles": list(struggles),
        "url": raw.url,
    }
    entry = AuditEntry(None, utcnow(), actor, "source.ingest", "source", source_id, None, after)
    audit.append(session, [replace(entry, reason=reason)])

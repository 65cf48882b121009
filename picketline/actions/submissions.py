"""Receiving a report from the public form: stored, read, and put in front of an editor.

A report goes down the ingestion path (``actions.ingest``): its text is
stored once as a source with its fingerprint, read by the same extractor,
and each struggle it tells of becomes a candidate with its evidence, matched
against the record like any article. Two things differ, on purpose:

- a report is never merged into a known struggle by itself: anyone can send
  one, so it only becomes a candidate, with a "possible duplicate of" link
  when it matches one, and an editor decides;
- a report in which extraction finds no struggle still becomes a candidate
  (with no fields), because a person wrote it for a person to read.

The sender's optional contact is the source's encrypted reporter contact;
images were cleaned by ``access.images`` and are linked to the submission.
Everything is one transaction; image files written before it are removed if
it fails.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import insert
from sqlalchemy.orm import Session

from picketline.access.images import CleanImage, store_image
from picketline.actions import audit
from picketline.actions.bundles import NewSource
from picketline.actions.derived import create_struggle, table, title_for
from picketline.actions.ingest import Prepared, _evidence, _link_possible, _store_source
from picketline.db import Database
from picketline.db.models_review import SubmissionImageRow, SubmissionRow
from picketline.db.resolution import (
    candidate_ids,
    reports,
    source_by_hash,
    struggles_of_source,
)
from picketline.db.types import utcnow
from picketline.domain.audit import AuditEntry
from picketline.domain.source import Source
from picketline.domain.struggle import Struggle, StruggleFields
from picketline.extract.base import ExtractedStruggle, Extraction
from picketline.extract.pipeline import Extractor
from picketline.ingest.raw import RawDocument
from picketline.ingest.submission import SubmittedReport
from picketline.resolve.candidates import best_of, lookup_keys
from picketline.resolve.dedup import document_fingerprint
from picketline.resolve.match import Report, Verdict
from picketline.resolve.merge import MergeState, SourceRef, claims_of, derive

ACTOR = "public:report"


@dataclass(frozen=True)
class SubmissionOutcome:
    """What became of a report: its submission, its source, the candidates it is in."""

    submission_id: int
    source_id: int
    struggle_ids: tuple[int, ...]


def do_submit_report(
    db: Database,
    extractor: Extractor,
    report: SubmittedReport,
    images: Sequence[CleanImage] = (),
    *,
    upload_dir: Path,
) -> SubmissionOutcome:
    """Store and read one report, and make sure it is in the review queue."""
    if report.contact:
        db.require_cipher()
    raw = report.document(utcnow())
    extraction = _read(extractor, raw)
    exact, sample = document_fingerprint(raw.text)
    names = [(store_image(image, upload_dir), image) for image in images]
    try:
        with db.transaction() as session:
            prepared = Prepared(raw, exact.hex(), sample, extraction)
            source = replace(raw.to_source(), reporter_contact=report.contact)
            source = replace(source, language=extraction.language if extraction else None)
            return _store(session, db, prepared, source, names)
    except BaseException:
        for name, _ in names:
            with contextlib.suppress(OSError):
                (upload_dir / name).unlink()
        raise


def _read(extractor: Extractor, raw: RawDocument) -> Extraction | None:
    """The extraction, or None if the extractor fails (the report still reaches a person)."""
    try:
        return extractor.extract(raw.text, published=raw.published)
    except Exception:  # an extraction bug must not lose a person's report
        return None


def _store(
    session: Session,
    db: Database,
    prepared: Prepared,
    source: Source,
    images: list[tuple[str, CleanImage]],
) -> SubmissionOutcome:
    known = source_by_hash(session, source.content_hash)
    if known is not None:  # the same words were sent before: one source, one candidate
        source_id = known
        struggle_ids = tuple(struggles_of_source(session, known))
    else:
        relevant = prepared.extraction.relevant if prepared.extraction else None
        source_id = _store_source(session, db, prepared, source, relevant, None)
        stored = replace(source, id=source_id)
        found = prepared.extraction.struggles if prepared.extraction else []
        struggle_ids = tuple(_candidate(session, db, stored, s) for s in found)
    if not struggle_ids:
        struggle_ids = (_unread_candidate(session, db, replace(source, id=source_id)),)
    submission_id = _insert_submission(session, source_id, struggle_ids[0], images)
    after = {"source": source_id, "struggles": list(struggle_ids), "images": len(images)}
    entry = AuditEntry(
        None, utcnow(), ACTOR, "submission.create", "submission", submission_id, None, after,
        "report sent through the public form",
    )  # fmt: skip
    audit.append(session, [entry])
    return SubmissionOutcome(submission_id, source_id, struggle_ids)


def _candidate(session: Session, db: Database, source: Source, extracted: ExtractedStruggle) -> int:
    """A candidate for one struggle the report tells of, linked to its best match if any."""
    assert source.id is not None
    claims = claims_of(extracted.fields, SourceRef(source.id, source.published))
    fields = derive(MergeState(claims)).fields
    report = Report(fields, source.published, source.language)
    best = best_of(report, reports(session, candidate_ids(session, lookup_keys(report))).items())
    struggle = Struggle(None, fields, confidence=extracted.confidence, title=title_for(fields))
    evidence = _evidence(source.text, extracted)
    new_id = create_struggle(
        session, db, struggle, [NewSource(source, evidence)], claims, actor=ACTOR,
        reason="report sent through the public form",
    )  # fmt: skip
    matched = best.verdict in (Verdict.SAME, Verdict.POSSIBLE)
    if matched and best.result is not None and isinstance(best.struggle_id, int):
        _link_possible(session, new_id, best.struggle_id, best.result, ACTOR)
    return new_id


def _unread_candidate(session: Session, db: Database, source: Source) -> int:
    """A candidate with no fields, so that a report extraction could not read is still read."""
    struggle = Struggle(
        None,
        StruggleFields(actions=()),
        title=f"Report: {source.title}" if source.title else "Report sent through the site",
        confidence=0.0,
    )
    return create_struggle(
        session, db, struggle, [NewSource(source)], (), actor=ACTOR,
        reason="report sent through the public form; extraction found no struggle in it",
    )  # fmt: skip


def _insert_submission(
    session: Session, source_id: int, struggle_id: int, images: list[tuple[str, CleanImage]]
) -> int:
    row = SubmissionRow(
        source_id=source_id, struggle_id=struggle_id, received_on=utcnow().date().isoformat()
    )
    session.add(row)
    session.flush()
    rows = [
        {"submission_id": row.id, "file_name": name, "media_type": image.media_type,
         "width": image.width, "height": image.height, "size_bytes": len(image.data)}
        for name, image in images
    ]  # fmt: skip
    if rows:
        session.execute(insert(table(SubmissionImageRow)), rows)
    return row.id

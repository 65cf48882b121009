"""Input and output models of the review API (``/api/v1/review``), and their conversions.

Separate from the public models (``schemas.py``): review output carries what
only the review roles may see — candidates, source texts, evidence spans,
rejections — and sensitive data only when ``can(actor, "read", "sensitive")``;
``review_item_out`` leaves ``sensitive`` and contacts empty otherwise, so a
caller cannot forget to. Input models accept exactly the FORMAT.md fields;
``FieldsIn.to_changes`` turns the ones a client set into domain values.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from picketline.actions.review import MAX_BULK, MAX_REASON, Decision
from picketline.db.review import Match, ReviewRecord
from picketline.db.struggles import StruggleRecord
from picketline.domain.dates import PartialDate
from picketline.domain.place import Place
from picketline.domain.struggle import Participants, Repression
from picketline.domain.vocab import Action, Demand, Outcome, RepressionType, Sector, StruggleStatus
from picketline.web.api.schemas import (
    PARTIAL_DATE,
    EventOut,
    ParticipantsOut,
    PlaceOut,
    RepressionOut,
    event_out,
    participants_out,
    place_out,
    repression_out,
    timeline,
)

MAX_TEXT = 500


class InModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class OutModel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# ---- input ------------------------------------------------------------------------------


class PlaceIn(InModel):
    """A place; without coordinates it is looked up in the gazetteer (name and country)."""

    name: str = Field(min_length=1, max_length=200)
    country: str | None = Field(None, pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2.")
    admin1: str | None = Field(None, max_length=100)
    lat: float | None = Field(None, ge=-90, le=90)
    lon: float | None = Field(None, ge=-180, le=180)


class ParticipantsIn(InModel):
    min: int | None = Field(None, ge=0, le=100_000_000)
    max: int | None = Field(None, ge=0, le=100_000_000)


class RepressionIn(InModel):
    type: RepressionType
    count: int | None = Field(None, ge=0, le=100_000_000)


class FieldsIn(InModel):
    """The fields to change; a field left out is left as it is, ``null`` clears it."""

    actions: list[Action] | None = None
    workers: str | None = Field(None, max_length=MAX_TEXT)
    sector: Sector | None = None
    workplace: str | None = Field(None, max_length=MAX_TEXT)
    employer: str | None = Field(None, max_length=MAX_TEXT)
    unions: list[str] | None = Field(None, max_length=50)
    place: PlaceIn | None = None
    start: str | None = Field(None, pattern=PARTIAL_DATE)
    end: str | None = Field(None, pattern=PARTIAL_DATE)
    participants: ParticipantsIn | None = None
    demands: list[Demand] | None = None
    outcome: Outcome | None = None
    repression: list[RepressionIn] | None = None
    background: bool | None = None
    title: str | None = Field(None, max_length=MAX_TEXT)
    summary: str | None = Field(None, max_length=5000)

    def to_changes(self) -> dict[str, Any]:
        """The fields the client set, as the domain values ``do_edit`` takes."""
        return {name: _domain(name, getattr(self, name)) for name in self.model_fields_set}


def _text(value: str | None) -> str | None:
    cleaned = " ".join((value or "").split())
    return cleaned or None


def _domain(name: str, value: Any) -> Any:
    if name in ("actions", "demands"):
        return tuple(dict.fromkeys(value or ()))
    if name == "unions":
        return tuple(dict.fromkeys(u for u in (_text(v) for v in value or ()) if u))
    if name == "place":
        return resolve_place(value) if value is not None else None
    if name in ("start", "end"):
        return PartialDate.parse(value) if value else None
    if name == "participants":
        if value is None or (value.min is None and value.max is None):
            return None
        return Participants(value.min, value.max)
    if name == "repression":
        return tuple(Repression(r.type, r.count) for r in value or ())
    if name == "background":
        return bool(value)
    if name in ("workers", "workplace", "employer", "title"):
        return _text(value)
    if name == "summary":
        return (value or "").strip() or None
    return value


@lru_cache(maxsize=1)
def _gazetteer() -> Any:
    from picketline.extract.gazetteer import Gazetteer

    return Gazetteer.default()


def resolve_place(given: PlaceIn) -> Place:
    """The editor's place; coordinates and a GeoNames id from the gazetteer when not given."""
    name = " ".join(given.name.split())
    country = given.country.upper() if given.country else None
    if given.lat is not None and given.lon is not None:
        return Place(name, country, given.admin1 or None, given.lat, given.lon)
    for found in _gazetteer().lookup(name, country_hint=country):
        if country is None or found.country == country:
            return replace(found, admin1=given.admin1) if given.admin1 else found
    return Place(name, country, given.admin1 or None)


class EditIn(InModel):
    version: int = Field(description="The version you read; a newer one refuses the edit (409).")
    changes: FieldsIn
    reason: str | None = Field(None, max_length=MAX_REASON)


class AcceptIn(InModel):
    version: int


class RejectIn(InModel):
    version: int
    reason: str = Field(min_length=1, max_length=MAX_REASON)


class MergeIn(InModel):
    into: int = Field(description="The struggle this one is the same as.")
    reason: str | None = Field(None, max_length=MAX_REASON)


class SplitIn(InModel):
    source_id: int = Field(description="The source to take out, with what came with it.")
    reason: str | None = Field(None, max_length=MAX_REASON)


class BulkItemIn(InModel):
    id: int
    version: int


class BulkIn(InModel):
    decision: Decision
    items: list[BulkItemIn] = Field(min_length=1, max_length=MAX_BULK)
    reason: str | None = Field(None, max_length=MAX_REASON)


# ---- output -----------------------------------------------------------------------------


class FieldsOut(OutModel):
    """Every FORMAT.md field; one not stated is null (or [])."""

    actions: list[Action]
    workers: str | None = None
    sector: Sector | None = None
    workplace: str | None = None
    employer: str | None = None
    unions: list[str]
    place: PlaceOut | None = None
    start: str | None = None
    end: str | None = None
    participants: ParticipantsOut | None = None
    demands: list[Demand]
    outcome: Outcome | None = None
    repression: list[RepressionOut]
    background: bool


class EvidenceOut(OutModel):
    source_id: int | None
    field: str
    start: int
    end: int
    quote: str


class ReviewSourceOut(OutModel):
    """A source with its full text (review roles only); the contact only for sensitive readers."""

    id: int
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    language: str | None = None
    published: str | None = None
    text: str
    reporter_contact: str | None = Field(None, description="Sensitive: editors only.")


class SensitiveOut(OutModel):
    detained_people: list[str]
    contacts: list[str]
    notes: str | None = None


class DuplicateOut(OutModel):
    id: int
    title: str | None
    status: StruggleStatus
    score: float


class RejectionOut(OutModel):
    reason: str
    by: str
    at: dt.datetime


class ImageOut(OutModel):
    url: str
    media_type: str
    width: int
    height: int


class QueueItemOut(OutModel):
    id: int
    version: int
    status: StruggleStatus
    title: str | None
    confidence: float | None
    country: str | None
    place: str | None
    languages: list[str]
    outlets: list[str]
    created_at: dt.datetime | None


class ReviewPageOut(OutModel):
    items: list[QueueItemOut]
    total: int
    page: int
    pages: int


class ReviewItemOut(OutModel):
    """A struggle as an editor reviews it."""

    id: int
    version: int = Field(description="Send it back with a decision or edit.")
    status: StruggleStatus
    title: str | None
    summary: str | None
    confidence: float | None
    is_demo: bool
    merged_into: int | None
    created_at: dt.datetime | None
    updated_at: dt.datetime | None
    fields: FieldsOut
    edited_fields: list[str] = Field(description="Fields a person set (they outrank sources).")
    sources: list[ReviewSourceOut]
    evidence: list[EvidenceOut]
    events: list[EventOut]
    possible_duplicates: list[DuplicateOut]
    rejections: list[RejectionOut]
    submitted: bool = Field(description="Came from the public report form.")
    images: list[ImageOut] = Field(description="Sent with the report (sensitive readers only).")
    sensitive: SensitiveOut | None = Field(None, description="Only for roles that may read it.")


class MatchOut(OutModel):
    id: int
    title: str | None
    status: StruggleStatus
    score: float
    verdict: str
    reasons: list[str]


class BulkResultOut(OutModel):
    id: int
    ok: bool
    message: str


class BulkOut(OutModel):
    results: list[BulkResultOut]


class ChangeOut(OutModel):
    then: Any = None
    now: Any = None


class ConflictOut(OutModel):
    detail: str
    current_version: int
    changed: dict[str, ChangeOut]
    by: list[str]


def _date(value: PartialDate | None) -> str | None:
    return value.isoformat() if value else None


def fields_out(record: StruggleRecord) -> FieldsOut:
    f = record.struggle.fields
    return FieldsOut(
        actions=list(f.actions), workers=f.workers, sector=f.sector, workplace=f.workplace,
        employer=f.employer, unions=list(f.unions), place=place_out(f.place),
        start=_date(f.start), end=_date(f.end), participants=participants_out(f.participants),
        demands=list(f.demands), outcome=f.outcome,
        repression=[repression_out(r) for r in f.repression], background=f.background,
    )  # fmt: skip


def queue_item_out(record: StruggleRecord) -> QueueItemOut:
    s = record.struggle
    return QueueItemOut(
        id=s.id or 0, version=s.version, status=s.status, title=s.title,
        confidence=s.confidence, country=s.fields.place.country if s.fields.place else None,
        place=s.fields.place.name if s.fields.place else None,
        languages=sorted({src.language for src in record.sources if src.language}),
        outlets=sorted({src.outlet for src in record.sources if src.outlet}),
        created_at=s.created_at,
    )  # fmt: skip


def review_item_out(review: ReviewRecord, *, sensitive: bool, image_url: Any) -> ReviewItemOut:
    """The review view; sensitive data and images only when ``sensitive`` (the caller's ``can``)."""
    record = review.record
    s = record.struggle
    duplicates = [
        DuplicateOut(id=other, title=r.struggle.title, status=r.struggle.status, score=d.score)
        for d in review.duplicates
        for other in [d.duplicate_of if d.struggle_id == s.id else d.struggle_id]
        if (r := review.duplicate_records.get(other)) is not None
    ]
    secret = None
    if sensitive:
        data = s.sensitive
        secret = SensitiveOut(detained_people=list(data.detained_people),
                              contacts=list(data.contacts), notes=data.notes)  # fmt: skip
    return ReviewItemOut(
        id=s.id or 0, version=s.version, status=s.status, title=s.title, summary=s.summary,
        confidence=s.confidence, is_demo=s.is_demo, merged_into=s.merged_into,
        created_at=s.created_at, updated_at=s.updated_at, fields=fields_out(record),
        edited_fields=sorted(review.editor_fields),
        sources=[
            ReviewSourceOut(
                id=src.id or 0, url=src.url, outlet=src.outlet, title=src.title,
                language=src.language, published=_date(src.published), text=src.text,
                reporter_contact=src.reporter_contact if sensitive else None,
            )
            for src in record.sources
        ],
        evidence=[EvidenceOut(source_id=e.source_id, field=e.field, start=e.start, end=e.end,
                              quote=e.quote) for e in record.evidence],
        events=[event_out(e) for e in timeline(record.events)],
        possible_duplicates=duplicates,
        rejections=[RejectionOut(reason=r.reason, by=r.actor, at=r.at) for r in review.rejections],
        submitted=review.submitted,
        images=[ImageOut(url=image_url(i.file_name), media_type=i.media_type, width=i.width,
                         height=i.height) for i in review.images] if sensitive else [],
        sensitive=secret,
    )  # fmt: skip


def match_out(found: Match) -> MatchOut:
    s = found.record.struggle
    return MatchOut(
        id=s.id or 0, title=s.title, status=s.status, score=round(found.score, 3),
        verdict=found.verdict.value, reasons=found.reasons,
    )  # fmt: skip

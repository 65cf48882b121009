"""PUBLIC response models of the JSON API.

These models are the whole of what the public may see. They are built field by
field from the domain objects, and they have *no field* for sensitive data
(``SensitiveData``, ``Source.reporter_contact``, a source's full text), so no
serializer option, template or future refactor can leak it through them.
Every FORMAT.md field is present on each item; one the sources do not state is
``null`` (or ``[]`` for lists) rather than guessed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from picketline.db.struggles import StruggleRecord
from picketline.domain.dates import PartialDate
from picketline.domain.event import Event
from picketline.domain.place import Place
from picketline.domain.source import Source
from picketline.domain.struggle import Participants, Repression, Struggle
from picketline.domain.vocab import (
    Action,
    DatePrecision,
    Demand,
    EventKind,
    Outcome,
    RepressionType,
    Sector,
    StruggleStatus,
)

PARTIAL_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class PublicModel(BaseModel):
    """Base of every public model: immutable, and no unknown keys accepted."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class PlaceOut(PublicModel):
    """Where the struggle happened, resolved against GeoNames where possible."""

    name: str = Field(description="The place's name as resolved or reported.")
    country: str | None = Field(None, description="ISO 3166-1 alpha-2 country code.")
    admin1: str | None = Field(None, description="First-level administrative division.")
    lat: float | None = Field(None, description="Latitude, WGS 84.")
    lon: float | None = Field(None, description="Longitude, WGS 84.")
    geonames_id: int | None = Field(None, description="GeoNames id, where resolved.")


class ParticipantsOut(PublicModel):
    """A head count as the sources give it: ``more than 100`` is ``{"min": 100}``."""

    min: int | None = Field(None, description="At least this many took part.")
    max: int | None = Field(None, description="At most this many took part.")


class RepressionOut(PublicModel):
    """One kind of repression, with a count where the sources give one."""

    type: RepressionType
    count: int | None = Field(None, description="How many (arrests, dismissals, ...).")


class SourceOut(PublicModel):
    """A document the struggle is known from (its text is not republished)."""

    id: int
    url: str | None = Field(None, description="Where the document was published.")
    outlet: str | None = Field(None, description="The publication or site.")
    title: str | None = None
    language: str | None = Field(None, description="ISO 639-1 code of the text.")
    published: str | None = Field(
        None, pattern=PARTIAL_DATE, description="Publication date: YYYY, YYYY-MM or YYYY-MM-DD."
    )


class EvidenceOut(PublicModel):
    """The words of a (published) source that support one field of the struggle."""

    field: str = Field(description="The FORMAT.md field the quote supports.")
    quote: str = Field(description="The source's own words.")


class EventOut(PublicModel):
    """A dated entry of the struggle's timeline."""

    kind: EventKind
    date: str | None = Field(None, pattern=PARTIAL_DATE, description="YYYY, YYYY-MM or YYYY-MM-DD.")
    precision: DatePrecision | None = Field(None, description="How much of the date is known.")
    description: str = ""
    count: int | None = Field(None, description="How many (people arrested, ...), if given.")


class StruggleSummaryOut(PublicModel):
    """A published struggle in a list: every FORMAT.md field and its sources.

    The timeline is left to the struggle's own answer (``StruggleOut``), which
    keeps a page of 200 light.
    """

    id: int
    title: str | None = Field(None, description="A short human-readable title.")
    status: StruggleStatus = Field(description="Always `published` in the public API.")
    is_demo: bool = Field(description="True for generated demonstration data, not real events.")
    updated_at: dt.datetime | None = Field(None, description="Last change, timezone-aware.")
    actions: list[Action] = Field(
        description="What the workers (or, for lockout, the employer) did."
    )
    workers: str | None = Field(None, description="Who, in the sources' words.")
    sector: Sector | None = Field(None, description="ISIC Rev.4 section letter.")
    workplace: str | None = Field(None, description="The named workplace.")
    employer: str | None = Field(None, description="The named employer or owner.")
    unions: list[str] = Field(description="Unions or workers' organisations leading it.")
    place: PlaceOut | None = None
    start: str | None = Field(None, pattern=PARTIAL_DATE, description="First day of the action.")
    end: str | None = Field(None, pattern=PARTIAL_DATE, description="Last day, where it ended.")
    participants: ParticipantsOut | None = None
    demands: list[Demand]
    outcome: Outcome | None = Field(None, description="How it stood at the latest source.")
    repression: list[RepressionOut]
    background: bool = Field(description="Known only as background in the sources.")
    sources: list[SourceOut]


class StruggleOut(StruggleSummaryOut):
    """A published struggle: one workforce, one dispute (the FORMAT.md fields), its
    sources and its timeline of dated events."""

    events: list[EventOut] = Field(description="The timeline, in date order.")


class StrugglePage(PublicModel):
    """One page of a cursor-paginated list."""

    items: list[StruggleSummaryOut]
    next: str | None = Field(
        description="Pass as `after` to get the next page; null on the last page."
    )


class ErrorOut(PublicModel):
    """An error response."""

    detail: str


class HealthOut(PublicModel):
    """The service's health."""

    status: str = Field(description="`ok`, or `unavailable` when the database is not.")


def _date(value: PartialDate | None) -> str | None:
    return value.isoformat() if value else None


def place_out(place: Place | None) -> PlaceOut | None:
    """The public place: name, country, admin1, coordinates and GeoNames id only."""
    if place is None:
        return None
    return PlaceOut(
        name=place.name,
        country=place.country,
        admin1=place.admin1,
        lat=place.lat,
        lon=place.lon,
        geonames_id=place.geonames_id,
    )


def participants_out(value: Participants | None) -> ParticipantsOut | None:
    return ParticipantsOut(min=value.min, max=value.max) if value else None


def repression_out(value: Repression) -> RepressionOut:
    return RepressionOut(type=value.type, count=value.count)


def source_out(source: Source) -> SourceOut:
    """Public facts about a source; never its text or the reporter's contact."""
    return SourceOut(
        id=source.id or 0,
        url=source.url,
        outlet=source.outlet,
        title=source.title,
        language=source.language,
        published=_date(source.published),
    )


def event_out(event: Event) -> EventOut:
    return EventOut(
        kind=event.kind,
        date=_date(event.date),
        precision=event.date.precision if event.date else None,
        description=event.description,
        count=event.count,
    )


def timeline(events: list[Event]) -> list[Event]:
    """Events in date order (undated last), so readers see the story as it ran."""
    return sorted(events, key=lambda e: (e.date is None, e.date.first_day() if e.date else None))


def _summary_fields(record: StruggleRecord) -> dict[str, Any]:
    """The public fields of a struggle, one by one (the same for a list and a detail)."""
    struggle: Struggle = record.struggle
    f = struggle.fields
    return {
        "id": struggle.id or 0,
        "title": struggle.title,
        "status": struggle.status,
        "is_demo": struggle.is_demo,
        "updated_at": struggle.updated_at,
        "actions": list(f.actions),
        "workers": f.workers,
        "sector": f.sector,
        "workplace": f.workplace,
        "employer": f.employer,
        "unions": list(f.unions),
        "place": place_out(f.place),
        "start": _date(f.start),
        "end": _date(f.end),
        "participants": participants_out(f.participants),
        "demands": list(f.demands),
        "outcome": f.outcome,
        "repression": [repression_out(r) for r in f.repression],
        "background": f.background,
        "sources": [source_out(s) for s in record.sources],
    }


def struggle_summary_out(record: StruggleRecord) -> StruggleSummaryOut:
    """A list's view of one struggle: its fields and sources, not its timeline."""
    return StruggleSummaryOut(**_summary_fields(record))


def struggle_out(record: StruggleRecord) -> StruggleOut:
    """Build the public view of one struggle from its record, field by field."""
    return StruggleOut(
        **_summary_fields(record), events=[event_out(e) for e in timeline(record.events)]
    )

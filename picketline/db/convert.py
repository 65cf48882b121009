"""Domain objects to column values and back.

Writes build plain column dicts (the bulk path inserts thousands at once);
reads rebuild frozen domain objects. Sensitive values cross this boundary only
as ciphertext, and are decrypted only when the caller asked for them.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from picketline.access.crypto import FieldCipher
from picketline.db.models import EventRow, EvidenceRow, PlaceRow, SourceRow, StruggleRow
from picketline.domain.dates import PartialDate
from picketline.domain.event import Event
from picketline.domain.place import Place, PlacePrecision
from picketline.domain.source import Evidence, Source
from picketline.domain.struggle import (
    Participants,
    Repression,
    SensitiveData,
    Struggle,
    StruggleFields,
)
from picketline.domain.vocab import (
    Action,
    Demand,
    EventKind,
    Outcome,
    RepressionType,
    Sector,
    StruggleStatus,
)

SENSITIVE_COLUMN = "struggles.sensitive_enc"
CONTACT_COLUMN = "sources.reporter_contact_enc"


def canonical_json(value: Any) -> str:
    """Stable JSON (sorted keys, no spaces) for hashing."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


# ---- places -------------------------------------------------------------------------


def place_key(place: Place) -> str:
    """The identity of a place row: equal places share one row."""
    return hashlib.sha256(canonical_json(place.to_format()).encode()).hexdigest()


def place_columns(place: Place) -> dict[str, Any]:
    return {
        "key": place_key(place),
        "geonames_id": place.geonames_id,
        "name": place.name,
        "admin1": place.admin1,
        "country": place.country,
        "lat": place.lat,
        "lon": place.lon,
        "precision": place.precision.value if place.precision else None,
        "aliases": list(place.aliases),
    }


def row_to_place(row: PlaceRow) -> Place:
    return Place(
        name=row.name,
        country=row.country,
        admin1=row.admin1,
        lat=row.lat,
        lon=row.lon,
        geonames_id=row.geonames_id,
        precision=PlacePrecision(row.precision) if row.precision else None,
        aliases=tuple(row.aliases or ()),
    )


# ---- sensitive data -----------------------------------------------------------------


def seal_sensitive(data: SensitiveData, cipher: FieldCipher | None) -> str | None:
    """Ciphertext of the sensitive data, None when there is none."""
    if data.is_empty():
        return None
    if cipher is None:
        raise ValueError("sealing sensitive data needs a cipher")
    plain = canonical_json(
        {
            "detained_people": list(data.detained_people),
            "contacts": list(data.contacts),
            "notes": data.notes,
        }
    )
    return cipher.encrypt(plain, column=SENSITIVE_COLUMN)


def open_sensitive(token: str | None, cipher: FieldCipher | None) -> SensitiveData:
    if token is None or cipher is None:
        return SensitiveData()
    data = json.loads(cipher.decrypt(token, column=SENSITIVE_COLUMN))
    return SensitiveData(
        detained_people=tuple(data.get("detained_people", ())),
        contacts=tuple(data.get("contacts", ())),
        notes=data.get("notes"),
    )


# ---- struggles ----------------------------------------------------------------------


def _date_columns(prefix: str, value: PartialDate | None) -> dict[str, Any]:
    return {
        f"{prefix}_date": value.isoformat() if value else None,
        f"{prefix}_precision": value.precision.value if value else None,
    }


def struggle_columns(struggle: Struggle, place_id: int | None) -> dict[str, Any]:
    """Every column of a struggle row except id, sensitive data and timestamps."""
    f = struggle.fields
    return {
        "status": struggle.status.value,
        "merged_into": struggle.merged_into,
        "title": struggle.title,
        "summary": struggle.summary,
        "confidence": struggle.confidence,
        "is_demo": struggle.is_demo,
        "actions": [a.value for a in f.actions],
        "workers": f.workers,
        "sector": f.sector.value if f.sector else None,
        "workplace": f.workplace,
        "employer": f.employer,
        "unions": list(f.unions),
        "place_id": place_id,
        "country": f.place.country if f.place else None,
        **_date_columns("start", f.start),
        **_date_columns("end", f.end),
        "participants_min": f.participants.min if f.participants else None,
        "participants_max": f.participants.max if f.participants else None,
        "demands": [d.value for d in f.demands],
        "outcome": f.outcome.value if f.outcome else None,
        "repression": [r.to_format() for r in f.repression],
        "background": f.background,
    }


def row_to_fields(row: StruggleRow, place: Place | None) -> StruggleFields:
    participants = None
    if row.participants_min is not None or row.participants_max is not None:
        participants = Participants(row.participants_min, row.participants_max)
    return StruggleFields(
        actions=tuple(Action(a) for a in row.actions),
        workers=row.workers,
        sector=Sector(row.sector) if row.sector else None,
        workplace=row.workplace,
        employer=row.employer,
        unions=tuple(row.unions),
        place=place,
        start=PartialDate.parse(row.start_date) if row.start_date else None,
        end=PartialDate.parse(row.end_date) if row.end_date else None,
        participants=participants,
        demands=tuple(Demand(d) for d in row.demands),
        outcome=Outcome(row.outcome) if row.outcome else None,
        repression=tuple(
            Repression(RepressionType(r["type"]), r.get("count")) for r in row.repression
        ),
        background=row.background,
    )


def row_to_struggle(row: StruggleRow, place: Place | None, sensitive: SensitiveData) -> Struggle:
    return Struggle(
        id=row.id,
        fields=row_to_fields(row, place),
        status=StruggleStatus(row.status),
        version=row.version,
        title=row.title,
        summary=row.summary,
        confidence=row.confidence,
        merged_into=row.merged_into,
        is_demo=row.is_demo,
        sensitive=sensitive,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


# ---- sources, evidence, events ------------------------------------------------------


def source_columns(source: Source, cipher: FieldCipher | None) -> dict[str, Any]:
    contact = None
    if source.reporter_contact:
        if cipher is None:
            raise ValueError("sealing a reporter contact needs a cipher")
        contact = cipher.encrypt(source.reporter_contact, column=CONTACT_COLUMN)
    return {
        "text": source.text,
        "content_hash": source.content_hash,
        "url": source.url,
        "outlet": source.outlet,
        "title": source.title,
        "language": source.language,
        "published": source.published.isoformat() if source.published else None,
        "retrieved": source.retrieved,
        "is_demo": source.is_demo,
        "reporter_contact_enc": contact,
    }


def row_to_source(row: SourceRow, cipher: FieldCipher | None) -> Source:
    """The source; its reporter contact only when a cipher is given (the caller's choice)."""
    contact = None
    if row.reporter_contact_enc and cipher is not None:
        contact = cipher.decrypt(row.reporter_contact_enc, column=CONTACT_COLUMN)
    return Source(
        id=row.id,
        text=row.text,
        content_hash=row.content_hash,
        url=row.url,
        outlet=row.outlet,
        title=row.title,
        language=row.language,
        published=PartialDate.parse(row.published) if row.published else None,
        retrieved=row.retrieved,
        is_demo=row.is_demo,
        reporter_contact=contact,
    )


def event_columns(event: Event, struggle_id: int, source_id: int | None) -> dict[str, Any]:
    return {
        "struggle_id": struggle_id,
        "kind": event.kind.value,
        "date": event.date.isoformat() if event.date else None,
        "date_precision": event.date.precision.value if event.date else None,
        "description": event.description,
        "count": event.count,
        "source_id": source_id,
    }


def row_to_event(row: EventRow) -> Event:
    return Event(
        id=row.id,
        struggle_id=row.struggle_id,
        kind=EventKind(row.kind),
        date=PartialDate.parse(row.date) if row.date else None,
        description=row.description,
        count=row.count,
        source_id=row.source_id,
    )


def evidence_columns(evidence: Evidence, struggle_id: int, source_id: int) -> dict[str, Any]:
    return {
        "struggle_id": struggle_id,
        "source_id": source_id,
        "field": evidence.field,
        "start": evidence.start,
        "end": evidence.end,
        "quote": evidence.quote,
    }


def row_to_evidence(row: EvidenceRow) -> Evidence:
    return Evidence(
        source_id=row.source_id, field=row.field, start=row.start, end=row.end, quote=row.quote
    )


MAX_SEARCH_CHARS = 200_000
"""Cap on an indexed document: PostgreSQL refuses tsvectors over 1 MB, and the
first 200,000 characters of a struggle's sources are plenty to find it."""


def search_document(struggle: Struggle, sources: list[Source]) -> str:
    """What full-text search indexes: the struggle's words and its sources' text."""
    f = struggle.fields
    parts: list[str | None] = [
        struggle.title,
        struggle.summary,
        f.workers,
        f.workplace,
        f.employer,
        *f.unions,
    ]
    if f.place:
        parts += [f.place.name, f.place.admin1, *f.place.aliases]
    for source in sources:
        parts += [source.title, source.outlet, source.text]
    return "\n".join(p for p in parts if p)[:MAX_SEARCH_CHARS]

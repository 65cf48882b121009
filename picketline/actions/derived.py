"""Writing what a struggle's claims imply: fields, timeline, search text, blocking keys.

Shared by ingest (a new report becomes a struggle made of its claims) and by
merges and splits (claims move, and everything shown is derived again). All
functions work inside the caller's transaction; the ``do_*`` actions in
``actions.ingest`` and ``actions.resolution`` own the transactions.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.orm import Session

from picketline.actions import audit
from picketline.actions.bundles import (
    NewSource,
    NewStruggle,
    insert_bundles,
    organisation_ids,
    organisation_keys,
    place_ids,
)
from picketline.db import Database
from picketline.db.claims import (
    UNSOURCED,
    apply_editor_fields,
    insert_claims,
    load_editor_fields,
    load_state,
)
from picketline.db.convert import (
    event_columns,
    place_key,
    row_to_place,
    row_to_source,
    row_to_struggle,
    search_document,
    struggle_columns,
)
from picketline.db.facets import refresh_facets
from picketline.db.models import (
    EventRow,
    PlaceRow,
    SourceRow,
    StruggleKeyRow,
    StruggleOrganisationRow,
    StruggleRow,
    StruggleSearchRow,
    StruggleSourceRow,
)
from picketline.db.resolution import LIVE
from picketline.db.types import utcnow
from picketline.domain.audit import AuditEntry
from picketline.domain.dates import PartialDate
from picketline.domain.event import Event
from picketline.domain.source import Source
from picketline.domain.struggle import SensitiveData, Struggle, StruggleFields
from picketline.domain.vocab import EventKind, StruggleStatus
from picketline.errors import InputError, NotFoundError
from picketline.resolve.candidates import blocking_keys
from picketline.resolve.match import Report
from picketline.resolve.merge import (
    REPRESSION_EVENTS,
    Claim,
    Merged,
    MergeState,
    SourceRef,
    claims_of,
    derive,
    timeline,
)


def table(model: type[Any]) -> Table:
    """A model's table, for plain multi-row inserts (no ORM bookkeeping)."""
    found: Table = model.__table__
    return found


DERIVED_EVENTS = frozenset(
    {EventKind.ACTION_STARTED, EventKind.ACTION_ENDED, EventKind.OUTCOME_CHANGED, EventKind.OTHER}
    | set(REPRESSION_EVENTS.values())
)
"""Event kinds the timeline derives from claims; others (negotiations...) are kept as entered."""


def live_struggle(session: Session, struggle_id: int, role: str) -> Struggle:
    """A struggle that may take part in resolution, or a one-line error."""
    struggle = load_struggle(session, struggle_id)
    if struggle is None:
        raise NotFoundError(f"struggle {struggle_id} does not exist")
    if struggle.status.value not in LIVE:
        raise InputError(
            f"struggle {struggle_id} is {struggle.status.value}; only candidates and "
            f"published struggles can be {role}"
        )
    return struggle


def load_struggle(session: Session, struggle_id: int) -> Struggle | None:
    """A struggle without its sensitive data (resolution never touches it)."""
    found = session.execute(
        select(StruggleRow, PlaceRow)
        .outerjoin(PlaceRow, PlaceRow.id == StruggleRow.place_id)
        .where(StruggleRow.id == struggle_id)
    ).first()
    if found is None:
        return None
    row, place = found
    return row_to_struggle(row, row_to_place(place) if place else None, SensitiveData())


def ensure_claims(session: Session, struggle: Struggle) -> MergeState:
    """The struggle's claims; one made by hand or as demo data gets them from its fields.

    Such claims are attributed to its first source (or to no source at all).
    """
    assert struggle.id is not None
    state = load_state(session, struggle.id)
    if state.claims:
        return state
    first = session.execute(
        select(SourceRow.id, SourceRow.published)
        .join(StruggleSourceRow, StruggleSourceRow.source_id == SourceRow.id)
        .where(StruggleSourceRow.struggle_id == struggle.id)
        .order_by(SourceRow.id)
        .limit(1)
    ).first()
    ref = SourceRef(first[0], parse_date(first[1])) if first else SourceRef(UNSOURCED)
    claims = claims_of(struggle.fields, ref)
    insert_claims(session, struggle.id, claims)
    return MergeState(claims)


def create_struggle(
    session: Session,
    db: Database,
    struggle: Struggle,
    sources: Sequence[NewSource],
    claims: Sequence[Claim],
    *,
    actor: str,
    reason: str | None,
) -> int:
    """Store a struggle made of claims: its row, claims, derived timeline and keys."""
    bundle = NewStruggle(struggle, sources)
    struggle_id = insert_bundles(session, [bundle], db.cipher, actor=actor, reason=reason)[0]
    insert_claims(session, struggle_id, claims)
    replace_events(session, struggle_id, derive(MergeState(tuple(claims))).events)
    language = next((n.source.language for n in sources if n.source.language), None)
    refile_keys(session, struggle_id, struggle.status, Report(struggle.fields, language=language))
    return struggle_id


def rederive(
    session: Session, db: Database, struggle: Struggle, state: MergeState
) -> tuple[Struggle, Merged]:
    """Write the fields and timeline derived from ``state``; bump the version.

    Fields a person corrected (editor claims) win over what the sources say,
    so merging a later report never undoes an editor's work.
    """
    assert struggle.id is not None
    merged = derive(state)
    editor = load_editor_fields(session, struggle.id)
    if editor:
        fields = apply_editor_fields(merged.fields, editor)
        events = timeline(state, fields)
        merged = dataclasses.replace(merged, fields=fields, events=events, new_events=events)
    new = dataclasses.replace(struggle, fields=merged.fields)
    place = new.fields.place
    place_id = place_ids(session, [place])[place_key(place)] if place else None
    now = utcnow()
    session.execute(
        update(StruggleRow)
        .where(StruggleRow.id == struggle.id)
        .values(**struggle_columns(new, place_id), version=struggle.version + 1, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    replace_events(session, struggle.id, merged.events)
    refresh_links(session, new)
    return dataclasses.replace(new, version=struggle.version + 1, updated_at=now), merged


def replace_events(session: Session, struggle_id: int, events: Iterable[Event]) -> None:
    """The derived timeline replaces the old one; events entered by hand stay."""
    session.execute(
        delete(EventRow).where(
            EventRow.struggle_id == struggle_id,
            EventRow.kind.in_([k.value for k in DERIVED_EVENTS]),
        )
    )
    rows = [event_columns(e, struggle_id, e.source_id or None) for e in events]
    if rows:
        session.execute(insert(table(EventRow)), rows)


def refresh_links(session: Session, struggle: Struggle) -> None:
    """Organisations, search text and blocking keys, from the struggle's current fields."""
    assert struggle.id is not None
    session.execute(
        delete(StruggleOrganisationRow).where(StruggleOrganisationRow.struggle_id == struggle.id)
    )
    orgs = organisation_ids(session, organisation_keys(struggle.fields))
    if orgs:
        rows = [{"struggle_id": struggle.id, "organisation_id": i} for i in orgs.values()]
        session.execute(insert(table(StruggleOrganisationRow)), rows)
    sources = linked_sources(session, struggle.id)
    session.execute(delete(StruggleSearchRow).where(StruggleSearchRow.struggle_id == struggle.id))
    document = search_document(struggle, sources)
    session.execute(
        insert(table(StruggleSearchRow)), [{"struggle_id": struggle.id, "document": document}]
    )
    language = next((s.language for s in sources if s.language), None)
    refile_keys(session, struggle.id, struggle.status, Report(struggle.fields, language=language))
    refresh_facets(session, struggle)


def refile_keys(session: Session, struggle_id: int, status: StruggleStatus, report: Report) -> None:
    """File a live struggle under its blocking keys (and a merged one under none)."""
    session.execute(delete(StruggleKeyRow).where(StruggleKeyRow.struggle_id == struggle_id))
    if status.value in LIVE:
        rows = [{"key": k[:64], "struggle_id": struggle_id} for k in blocking_keys(report)]
        if rows:
            session.execute(insert(table(StruggleKeyRow)), rows)


def title_for(fields: StruggleFields) -> str:
    """A short title from the fields: "Strike at Kapitalna mine, Myrnohrad"."""
    action = fields.actions[0].value.replace("_", " ").capitalize() if fields.actions else "Action"
    who = f" by {fields.workers}" if fields.workers else ""
    at = fields.workplace or fields.employer
    where = fields.place.name if fields.place else None
    tail = f" at {at}" + (f", {where}" if where else "") if at else f" in {where}" if where else ""
    return f"{action}{who}{tail}"[:200]


def parse_date(text: str | None) -> PartialDate | None:
    return PartialDate.parse(text) if text else None


def linked_sources(session: Session, struggle_id: int) -> list[Source]:
    rows = session.scalars(
        select(SourceRow)
        .join(StruggleSourceRow, StruggleSourceRow.source_id == SourceRow.id)
        .where(StruggleSourceRow.struggle_id == struggle_id)
        .order_by(SourceRow.id)
    )
    return [row_to_source(r, None) for r in rows]


def set_status(
    session: Session,
    struggle: Struggle,
    status: StruggleStatus,
    merged_into: int | None,
    actor: str,
    reason: str | None,
) -> Struggle:
    session.execute(
        update(StruggleRow)
        .where(StruggleRow.id == struggle.id)
        .values(
            status=status.value,
            merged_into=merged_into,
            version=struggle.version + 1,
            updated_at=utcnow(),
        )
        .execution_options(synchronize_session=False)
    )
    if status.value not in LIVE and struggle.id is not None:
        session.execute(delete(StruggleKeyRow).where(StruggleKeyRow.struggle_id == struggle.id))
    keys = ("version", "status", "merged_into")
    before = {k: _plain(getattr(struggle, k)) for k in keys}
    saved = dataclasses.replace(
        struggle, status=status, merged_into=merged_into, version=struggle.version + 1
    )
    after = {k: _plain(getattr(saved, k)) for k in keys}
    append_entry(session, actor, "struggle.status", struggle.id, before, after, reason)
    return saved


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, StruggleStatus) else value


def append_entry(
    session: Session,
    actor: str,
    action: str,
    struggle_id: int | None,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    reason: str | None,
) -> None:
    at = utcnow()
    entry = AuditEntry(None, at, actor, action, "struggle", struggle_id, before, after, reason)
    audit.append(session, [entry])

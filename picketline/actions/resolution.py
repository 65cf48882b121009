"""Merging two struggles into one, and splitting a source off again.

A struggle's shown fields, alternatives and timeline are derived from its
*claims* (``resolve.merge``): which source says what. A merge copies the
merged struggle's claims, sources and evidence to the target, derives the
target again, and marks the merged one ``merged`` (its own rows stay as they
were). A split takes a source's claims away and derives again; when the
source came with a merged struggle, that struggle comes back to life with
everything it had, so a merge is undone exactly. Every change is one
transaction with its audit entries.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from picketline.actions.bundles import NewSource
from picketline.actions.derived import (
    DERIVED_EVENTS,
    append_entry,
    create_struggle,
    ensure_claims,
    live_struggle,
    load_struggle,
    rederive,
    refresh_links,
    set_status,
    table,
    title_for,
)
from picketline.db import Database
from picketline.db.claims import insert_claims
from picketline.db.convert import row_to_evidence, row_to_source
from picketline.db.models import (
    ClaimRow,
    EventRow,
    EvidenceRow,
    PossibleDuplicateRow,
    SourceRow,
    StruggleRow,
    StruggleSourceRow,
)
from picketline.db.resolution import copies_of, source_ids_of
from picketline.domain.event import Event
from picketline.domain.source import Evidence
from picketline.domain.struggle import Struggle
from picketline.domain.vocab import StruggleStatus
from picketline.errors import InputError, NotFoundError
from picketline.resolve.merge import Claim, MergeState, derive


def do_merge_struggles(
    db: Database, target_id: int, source_struggle_id: int, *, actor: str, reason: str | None
) -> Struggle:
    """Merge ``source_struggle_id`` into ``target_id``; the target as it is now.

    Both must be candidates or published. The merged struggle keeps its rows
    (status ``merged``), so ``do_split_source`` on any of its sources undoes this.
    """
    if target_id == source_struggle_id:
        raise InputError("a struggle cannot be merged into itself")
    with db.transaction() as session:
        target = live_struggle(session, target_id, "merged into")
        child = live_struggle(session, source_struggle_id, "merged")
        return absorb(session, db, target, child, actor=actor, reason=reason)


def do_split_source(
    db: Database, struggle_id: int, source_id: int, *, actor: str, reason: str | None
) -> int | None:
    """Take a source (and what came with it) out of a struggle; where it went.

    If the source came with a merged struggle, that struggle is restored with
    all its sources; else a new candidate struggle is made of the source's
    claims. A source with no claims of its own (a linked republication) is
    only unlinked, and None is returned. Copies of the leaving sources leave
    with them.
    """
    with db.transaction() as session:
        target = live_struggle(session, struggle_id, "split")
        linked = source_ids_of(session, struggle_id)
        if source_id not in linked:
            raise NotFoundError(f"source {source_id} is not a source of struggle {struggle_id}")
        child = _child_holding(session, struggle_id, source_id)
        leaving = set(source_ids_of(session, child.id)) if child and child.id else {source_id}
        leaving = (leaving | set(copies_of(session, leaving))) & set(linked)
        if set(linked) <= leaving:
            raise InputError(
                f"source {source_id} is all that struggle {struggle_id} is known from; "
                "there is nothing to split it from"
            )
        state = ensure_claims(session, target)
        gone = tuple(c for c in state.claims if c.source.id in leaving)
        evidence = _take_sources(session, struggle_id, leaving)
        saved, _ = rederive(session, db, target, MergeState(_without(state.claims, leaving)))
        if child is not None:
            new_id: int | None = _revive(session, child, leaving, actor, reason)
        elif gone:
            new_id = _split_off(session, db, target, leaving, gone, evidence, actor, reason)
        else:
            new_id = None
        before = {"version": target.version, "sources": linked}
        after = {
            "version": saved.version,
            "sources": sorted(set(linked) - leaving),
            "split_off": sorted(leaving),
            "into": new_id,
        }
        append_entry(session, actor, "struggle.split", struggle_id, before, after, reason)
        return new_id


# ---- shared with ingest --------------------------------------------------------------


def absorb(
    session: Session,
    db: Database,
    target: Struggle,
    child: Struggle,
    *,
    actor: str,
    reason: str | None,
    details: dict[str, Any] | None = None,
) -> Struggle:
    """Merge ``child`` into ``target`` inside the caller's transaction; the new target."""
    assert target.id is not None and child.id is not None
    state = ensure_claims(session, target)
    known = set(state.claims)
    incoming = tuple(c for c in ensure_claims(session, child).claims if c not in known)
    before_sources = source_ids_of(session, target.id)
    insert_claims(session, target.id, incoming)
    _copy_sources(session, child.id, target.id, set(before_sources))
    saved, merged = rederive(session, db, target, MergeState(state.claims + incoming))
    set_status(session, child, StruggleStatus.MERGED, target.id, actor, reason)
    session.execute(
        delete(PossibleDuplicateRow).where(
            PossibleDuplicateRow.struggle_id.in_((child.id, target.id)),
            PossibleDuplicateRow.duplicate_of.in_((child.id, target.id)),
        )
    )
    old_events = {_event_key(e) for e in derive(state).events}
    after: dict[str, Any] = {
        "version": saved.version,
        "fields": saved.fields.to_format(),
        "merged": child.id,
        "sources": source_ids_of(session, target.id),
        "new_events": [_event_json(e) for e in merged.events if _event_key(e) not in old_events],
        **(details or {}),
    }
    before = {"version": target.version, "fields": target.fields.to_format()}
    before["sources"] = before_sources
    append_entry(session, actor, "struggle.merge", target.id, before, after, reason)
    return saved


# ---- internals ------------------------------------------------------------------------


def _without(claims: Iterable[Claim], source_ids: set[int]) -> tuple[Claim, ...]:
    return tuple(c for c in claims if c.source.id not in source_ids)


def _copy_sources(session: Session, from_id: int, to_id: int, already: set[int]) -> None:
    """Link the child's sources to the target, with their evidence and hand-entered events."""
    new = [s for s in source_ids_of(session, from_id) if s not in already]
    if new:
        links = [{"struggle_id": to_id, "source_id": s} for s in new]
        session.execute(insert(table(StruggleSourceRow)), links)
    evidence = session.scalars(select(EvidenceRow).where(EvidenceRow.struggle_id == from_id))
    rows = [
        {"struggle_id": to_id, "source_id": e.source_id, "field": e.field, "start": e.start,
         "end": e.end, "quote": e.quote}
        for e in evidence if e.source_id in new
    ]  # fmt: skip
    if rows:
        session.execute(insert(table(EvidenceRow)), rows)
    kept = session.scalars(
        select(EventRow).where(
            EventRow.struggle_id == from_id,
            EventRow.kind.not_in([k.value for k in DERIVED_EVENTS]),
        )
    )
    events = [
        {"struggle_id": to_id, "kind": e.kind, "date": e.date, "date_precision": e.date_precision,
         "description": e.description, "count": e.count, "source_id": e.source_id}
        for e in kept
    ]  # fmt: skip
    if events:
        session.execute(insert(table(EventRow)), events)


def _child_holding(session: Session, struggle_id: int, source_id: int) -> Struggle | None:
    """The struggle merged into this one that brought the source, if any (the latest)."""
    child_id = session.scalar(
        select(StruggleRow.id)
        .join(StruggleSourceRow, StruggleSourceRow.struggle_id == StruggleRow.id)
        .where(
            StruggleRow.merged_into == struggle_id,
            StruggleRow.status == StruggleStatus.MERGED.value,
            StruggleSourceRow.source_id == source_id,
        )
        .order_by(StruggleRow.id.desc())
        .limit(1)
    )
    return load_struggle(session, child_id) if child_id is not None else None


def _take_sources(session: Session, struggle_id: int, leaving: set[int]) -> list[Evidence]:
    """Unlink the sources and remove their claims and evidence; the evidence removed."""
    rows = session.scalars(
        select(EvidenceRow).where(
            EvidenceRow.struggle_id == struggle_id, EvidenceRow.source_id.in_(leaving)
        )
    )
    evidence = [row_to_evidence(r) for r in rows]
    for model in (EvidenceRow, StruggleSourceRow):
        session.execute(
            delete(model).where(model.struggle_id == struggle_id, model.source_id.in_(leaving))
        )
    session.execute(
        delete(ClaimRow).where(ClaimRow.struggle_id == struggle_id, ClaimRow.source_id.in_(leaving))
    )
    return evidence


def _revive(
    session: Session,
    child: Struggle,
    leaving: set[int],
    actor: str,
    reason: str | None,
) -> int:
    """Bring a merged struggle back as a candidate, with copies that joined meanwhile."""
    assert child.id is not None
    own = set(source_ids_of(session, child.id))
    links = [{"struggle_id": child.id, "source_id": s} for s in sorted(leaving - own)]
    if links:
        session.execute(insert(table(StruggleSourceRow)), links)
    revived = set_status(session, child, StruggleStatus.CANDIDATE, None, actor, reason)
    refresh_links(session, revived)
    return child.id


def _split_off(
    session: Session,
    db: Database,
    target: Struggle,
    leaving: set[int],
    claims: tuple[Claim, ...],
    evidence: list[Evidence],
    actor: str,
    reason: str | None,
) -> int:
    """A new candidate made of the claims, sources and evidence that left ``target``."""
    fields = derive(MergeState(claims)).fields
    struggle = Struggle(None, fields, title=title_for(fields), confidence=target.confidence)
    stmt = select(SourceRow).where(SourceRow.id.in_(leaving)).order_by(SourceRow.id)
    rows = session.scalars(stmt)
    sources = [
        NewSource(row_to_source(r, None), [e for e in evidence if e.source_id == r.id])
        for r in rows
    ]
    return create_struggle(
        session, db, struggle, sources, claims, actor=actor, reason=reason or "split"
    )


def _event_key(event: Event) -> tuple[Any, ...]:
    return (event.kind, event.date, event.count, event.description)


def _event_json(event: Event) -> dict[str, Any]:
    date = event.date.isoformat() if event.date else None
    return {"kind": event.kind.value, "date": date, "count": event.count, "source": event.source_id}

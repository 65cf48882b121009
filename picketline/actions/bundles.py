"""Writing new struggles with everything that comes with them, many at a time.

One code path serves both ``do_create_struggle`` and the bulk
``do_create_struggles``: each batch is a handful of multi-row statements
(places, organisations, sources, struggles, links, evidence, events, search
text, audit entries) rather than one round trip per row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.orm import Session

from picketline.access.crypto import FieldCipher
from picketline.actions import audit
from picketline.db.convert import (
    event_columns,
    evidence_columns,
    place_columns,
    place_key,
    seal_sensitive,
    search_document,
    source_columns,
    struggle_columns,
)
from picketline.db.facets import insert_facets
from picketline.db.models import (
    EventRow,
    EvidenceRow,
    OrganisationRow,
    PlaceRow,
    SourceRow,
    StruggleOrganisationRow,
    StruggleRow,
    StruggleSearchRow,
    StruggleSourceRow,
)
from picketline.db.types import utcnow
from picketline.domain.audit import AuditEntry
from picketline.domain.event import Event
from picketline.domain.place import Place
from picketline.domain.source import Evidence, Source
from picketline.domain.struggle import Struggle, StruggleFields
from picketline.domain.vocab import OrganisationKind


@dataclass(frozen=True)
class NewSource:
    """A source of a new struggle, with the evidence and events it reports.

    ``source_id`` of the evidence and events is ignored: they belong to this
    source, whose id is known only once it is stored (or found by its hash).
    """

    source: Source
    evidence: Sequence[Evidence] = ()
    events: Sequence[Event] = ()


@dataclass(frozen=True)
class NewStruggle:
    """A struggle to create, with its sources, their evidence, and its timeline.

    ``events`` holds timeline entries that no particular source reports.
    """

    struggle: Struggle
    sources: Sequence[NewSource] = ()
    events: Sequence[Event] = field(default_factory=tuple)


def _table(model: type[Any]) -> Table:
    table: Table = model.__table__
    return table


def reserve_ids(session: Session, model: type[Any], count: int) -> list[int]:
    """``count`` fresh primary keys for ``model``'s table.

    Inserting with known ids lets the bulk path use plain multi-row inserts
    (no per-row ``RETURNING``). Safe because ``Database.transaction`` serialises
    writers: on SQLite nobody else can insert between ``MAX(id)`` and our
    insert; on PostgreSQL the ids come from the table's own sequence.
    """
    table = _table(model)
    if session.get_bind().dialect.name == "postgresql":
        sql = text(
            f"SELECT nextval(pg_get_serial_sequence('{table.name}', 'id')) "
            "FROM generate_series(1, :n)"
        )
        return list(session.scalars(sql, {"n": count}))
    top = session.scalar(select(func.coalesce(func.max(table.c.id), 0))) or 0
    return list(range(top + 1, top + count + 1))


def _insert_with_ids(session: Session, model: type[Any], rows: list[dict[str, Any]]) -> list[int]:
    ids = reserve_ids(session, model, len(rows))
    for row, new_id in zip(rows, ids, strict=True):
        row["id"] = new_id
    session.execute(insert(_table(model)), rows)
    return ids


def place_ids(session: Session, places: Iterable[Place]) -> dict[str, int]:
    """Row ids of the places by ``place_key``, inserting those not stored yet."""
    wanted = {place_key(p): p for p in places}
    if not wanted:
        return {}
    stmt = select(PlaceRow.key, PlaceRow.id).where(PlaceRow.key.in_(wanted))
    found: dict[str, int] = {key: row_id for key, row_id in session.execute(stmt)}
    missing = [place_columns(p) for k, p in wanted.items() if k not in found]
    if missing:
        ids = _insert_with_ids(session, PlaceRow, missing)
        found.update({row["key"]: i for row, i in zip(missing, ids, strict=True)})
    return found


OrgKey = tuple[str, str, str]  # name, kind, country ("" when unknown)


def organisation_keys(fields: StruggleFields) -> list[OrgKey]:
    country = fields.place.country if fields.place and fields.place.country else ""
    keys = [(u, OrganisationKind.UNION.value, country) for u in fields.unions]
    if fields.employer:
        keys.append((fields.employer, OrganisationKind.EMPLOYER.value, country))
    return list(dict.fromkeys(keys))


def organisation_ids(session: Session, keys: Iterable[OrgKey]) -> dict[OrgKey, int]:
    """Row ids of the organisations, inserting those not stored yet."""
    wanted = set(keys)
    if not wanted:
        return {}
    names = {name for name, _, _ in wanted}
    rows = session.execute(
        select(
            OrganisationRow.name, OrganisationRow.kind, OrganisationRow.country, OrganisationRow.id
        ).where(OrganisationRow.name.in_(names))
    )
    found = {
        (r.name, r.kind, r.country): r.id for r in rows if (r.name, r.kind, r.country) in wanted
    }
    missing = [{"name": n, "kind": k, "country": c} for n, k, c in wanted - found.keys()]
    if missing:
        ids = _insert_with_ids(session, OrganisationRow, missing)
        found.update(
            {(r["name"], r["kind"], r["country"]): i for r, i in zip(missing, ids, strict=True)}
        )
    return found


def source_ids(
    session: Session, sources: Iterable[Source], cipher: FieldCipher | None
) -> dict[str, int]:
    """Row ids by content hash; a text already stored is reused, not duplicated."""
    wanted = {s.content_hash: s for s in sources}
    if not wanted:
        return {}
    stmt = select(SourceRow.content_hash, SourceRow.id).where(SourceRow.content_hash.in_(wanted))
    found: dict[str, int] = {key: row_id for key, row_id in session.execute(stmt)}
    missing = [source_columns(s, cipher) for h, s in wanted.items() if h not in found]
    if missing:
        ids = _insert_with_ids(session, SourceRow, missing)
        found.update({r["content_hash"]: i for r, i in zip(missing, ids, strict=True)})
    return found


def insert_bundles(
    session: Session,
    bundles: Sequence[NewStruggle],
    cipher: FieldCipher | None,
    *,
    actor: str,
    reason: str | None,
) -> list[int]:
    """Store the bundles in the caller's transaction; their new ids, in order."""
    places = place_ids(
        session, (b.struggle.fields.place for b in bundles if b.struggle.fields.place)
    )
    orgs = organisation_ids(
        session, (k for b in bundles for k in organisation_keys(b.struggle.fields))
    )
    sources = source_ids(session, (s.source for b in bundles for s in b.sources), cipher)
    now = utcnow()
    ids = _insert_struggles(session, bundles, places, cipher, now)
    links: dict[str, list[dict[str, Any]]] = {
        "sources": [],
        "orgs": [],
        "evidence": [],
        "events": [],
        "search": [],
    }
    for struggle_id, bundle in zip(ids, bundles, strict=True):
        _collect_links(links, struggle_id, bundle, sources, orgs)
    _insert_links(session, links)
    insert_facets(session, zip(ids, (b.struggle for b in bundles), strict=True))
    audit.append(
        session,
        [_created_entry(i, b, actor, reason, now) for i, b in zip(ids, bundles, strict=True)],
    )
    return ids


def _insert_struggles(
    session: Session,
    bundles: Sequence[NewStruggle],
    places: dict[str, int],
    cipher: FieldCipher | None,
    now: dt.datetime,
) -> list[int]:
    rows = []
    for bundle in bundles:
        s = bundle.struggle
        place_id = places[place_key(s.fields.place)] if s.fields.place else None
        rows.append(
            {
                **struggle_columns(s, place_id),
                "version": 1,
                "sensitive_enc": seal_sensitive(s.sensitive, cipher),
                "created_at": now,
                "updated_at": now,
            }
        )
    return _insert_with_ids(session, StruggleRow, rows)


def _collect_links(
    links: dict[str, list[dict[str, Any]]],
    struggle_id: int,
    bundle: NewStruggle,
    sources: dict[str, int],
    orgs: dict[OrgKey, int],
) -> None:
    seen: set[int] = set()
    for new in bundle.sources:
        source_id = sources[new.source.content_hash]
        if source_id not in seen:
            links["sources"].append({"struggle_id": struggle_id, "source_id": source_id})
            seen.add(source_id)
        links["evidence"] += [evidence_columns(e, struggle_id, source_id) for e in new.evidence]
        links["events"] += [event_columns(e, struggle_id, source_id) for e in new.events]
    links["events"] += [event_columns(e, struggle_id, None) for e in bundle.events]
    links["orgs"] += [
        {"struggle_id": struggle_id, "organisation_id": orgs[k]}
        for k in organisation_keys(bundle.struggle.fields)
    ]
    document = search_document(bundle.struggle, [n.source for n in bundle.sources])
    links["search"].append({"struggle_id": struggle_id, "document": document})


def _insert_links(session: Session, links: dict[str, list[dict[str, Any]]]) -> None:
    targets = {
        "sources": StruggleSourceRow,
        "orgs": StruggleOrganisationRow,
        "evidence": EvidenceRow,
        "events": EventRow,
        "search": StruggleSearchRow,
    }
    for name, model in targets.items():
        if links[name]:
            session.execute(insert(_table(model)), links[name])


def _created_entry(
    struggle_id: int, bundle: NewStruggle, actor: str, reason: str | None, now: dt.datetime
) -> AuditEntry:
    after = audit.struggle_snapshot(bundle.struggle)
    after["version"] = 1
    after["sources"] = [n.source.content_hash for n in bundle.sources]
    return AuditEntry(
        None, now, actor, "struggle.create", "struggle", struggle_id, None, after, reason
    )

"""Creating and changing struggles. Every function owns its transaction and
writes its audit entry inside it: if anything fails, neither the change nor
its entry is stored.

Changes use optimistic locking: the caller says which ``version`` it read,
and the change is refused with ``ConflictError`` if someone else saved in the
meantime, instead of silently overwriting their work.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import delete, insert, select, update
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
from picketline.actions.derived import refile_keys
from picketline.db import Database
from picketline.db.claims import set_editor_claims
from picketline.db.convert import place_key, seal_sensitive, search_document, struggle_columns
from picketline.db.facets import refresh_facets
from picketline.db.models import StruggleOrganisationRow, StruggleRow, StruggleSearchRow
from picketline.db.struggles import load_records
from picketline.db.types import utcnow
from picketline.domain.audit import AuditEntry
from picketline.domain.struggle import FORMAT_FIELD_NAMES, Struggle, StruggleFields
from picketline.domain.vocab import StruggleStatus
from picketline.errors import ConflictError, InputError, NotFoundError
from picketline.resolve.match import Report

__all__ = [
    "EDITABLE_ATTRIBUTES",
    "NewSource",
    "NewStruggle",
    "do_create_struggle",
    "do_create_struggles",
    "do_set_status",
    "do_update_struggle",
]

EDITABLE_ATTRIBUTES = frozenset({"title", "summary", "confidence", "sensitive", "is_demo"})
"""Struggle attributes ``do_update_struggle`` accepts besides the FORMAT fields."""


def do_create_struggle(
    db: Database, bundle: NewStruggle, *, actor: str, reason: str | None = None
) -> int:
    """Store a new struggle with its sources, evidence and events; its id.

    Sources already stored (same text, so same ``content_hash``) are linked,
    not duplicated. New struggles start at version 1.
    """
    _check_cipher(db, [bundle])
    with db.transaction() as session:
        return insert_bundles(session, [bundle], db.cipher, actor=actor, reason=reason)[0]


def do_create_struggles(
    db: Database,
    bundles: Iterable[NewStruggle],
    *,
    actor: str,
    batch_size: int = 1000,
    reason: str | None = None,
) -> int:
    """Store many struggles fast (demo data, imports, benchmarks); how many were stored.

    Each batch of ``batch_size`` is one transaction of multi-row inserts, with
    one audit entry per struggle as always. A failure loses only its batch.
    """
    total = 0
    iterator = iter(bundles)
    while batch := list(itertools.islice(iterator, batch_size)):
        _check_cipher(db, batch)
        with db.transaction() as session:
            total += len(insert_bundles(session, batch, db.cipher, actor=actor, reason=reason))
    if total >= ANALYZE_AFTER:
        _refresh_statistics(db)
    return total


ANALYZE_AFTER = 5_000
"""Bulk loads at least this big refresh the planner's statistics right away."""


def _refresh_statistics(db: Database) -> None:
    """Run ANALYZE on PostgreSQL after a bulk load.

    Until autovacuum gets to it, the planner believes the tables are nearly
    empty and picks plans (hashing all sources, filtering search by status
    first) that are 50 times slower than with statistics.
    """
    if db.dialect != "postgresql":
        return
    with db.engine.connect() as connection:
        autocommit = connection.execution_options(isolation_level="AUTOCOMMIT")
        autocommit.exec_driver_sql("ANALYZE")


def do_update_struggle(
    db: Database,
    struggle_id: int,
    *,
    expected_version: int,
    changes: Mapping[str, Any],
    actor: str,
    reason: str | None,
) -> Struggle:
    """Change fields of a struggle read at ``expected_version``; the updated struggle.

    ``changes`` maps FORMAT field names (``workers``, ``place``, ``start``, ...)
    and the attributes in ``EDITABLE_ATTRIBUTES`` to new domain values (a
    ``Sector``, a ``PartialDate``, a ``Place``, ``SensitiveData``...). Status
    changes go through ``do_set_status``. The audit entry records the changed
    keys before and after (sensitive data only as "present").

    Each changed FORMAT field is also recorded as an editor claim, so when a
    later report is merged in and the fields are derived again from the
    sources' claims, this person's value still wins (``actions.derived.rederive``).
    """
    unknown = set(changes) - set(FORMAT_FIELD_NAMES) - EDITABLE_ATTRIBUTES
    if unknown:
        raise InputError(
            f"these struggle fields cannot be changed here: {', '.join(sorted(unknown))}"
        )
    if "sensitive" in changes:
        db.require_cipher()
    with db.transaction() as session:
        old = _load_for_write(session, db, struggle_id, expected_version)
        new = _apply_changes(old, changes)
        saved = _save(session, db, old, new, refresh_links=True)
        edited = {k: getattr(new.fields, k) for k in changes if k in FORMAT_FIELD_NAMES}
        set_editor_claims(session, struggle_id, edited, actor)
        _audit(session, "struggle.update", old, saved, changes.keys(), actor, reason)
        return saved


def do_set_status(
    db: Database,
    struggle_id: int,
    *,
    status: StruggleStatus,
    expected_version: int,
    actor: str,
    reason: str | None = None,
    merged_into: int | None = None,
) -> Struggle:
    """Publish, reject, return to candidate, or mark merged into ``merged_into``."""
    if (status == StruggleStatus.MERGED) != (merged_into is not None):
        raise InputError("a struggle is merged exactly when it names the one it merged into")
    if merged_into == struggle_id:
        raise InputError("a struggle cannot be merged into itself")
    with db.transaction() as session:
        old = _load_for_write(session, db, struggle_id, expected_version)
        if merged_into is not None and session.get(StruggleRow, merged_into) is None:
            raise NotFoundError(f"struggle {merged_into} (to merge into) does not exist")
        new = dataclasses.replace(old, status=status, merged_into=merged_into)
        saved = _save(session, db, old, new, refresh_links=False)
        _audit(session, "struggle.status", old, saved, ("status", "merged_into"), actor, reason)
        return saved


def _check_cipher(db: Database, bundles: Iterable[NewStruggle]) -> None:
    """Refuse before writing anything if sensitive data would have to go in clear."""
    for bundle in bundles:
        has_contact = any(n.source.reporter_contact for n in bundle.sources)
        if has_contact or not bundle.struggle.sensitive.is_empty():
            db.require_cipher()
            return


def _load_for_write(session: Session, db: Database, struggle_id: int, expected: int) -> Struggle:
    records = load_records(session, [struggle_id], db.cipher)
    if not records:
        raise NotFoundError(f"struggle {struggle_id} does not exist")
    current = records[0].struggle
    if current.version != expected:
        raise _conflict(struggle_id, expected, current.version)
    return current


def _conflict(struggle_id: int, expected: int, actual: int | None) -> ConflictError:
    return ConflictError(
        f"struggle {struggle_id} was changed by someone else (you edited version {expected}, "
        f"it is now at version {actual}); reload it and make your change again"
    )


def _apply_changes(old: Struggle, changes: Mapping[str, Any]) -> Struggle:
    field_changes = {k: v for k, v in changes.items() if k in FORMAT_FIELD_NAMES}
    other = {k: v for k, v in changes.items() if k not in FORMAT_FIELD_NAMES}
    try:
        new = dataclasses.replace(old.with_fields(**field_changes), **other)
        StruggleFields.from_format(new.fields.to_format())  # every value must be a valid code
    except (ValueError, TypeError, AttributeError, KeyError) as error:
        raise InputError(f"invalid change to struggle {old.id}: {error}") from None
    return new


def _save(
    session: Session, db: Database, old: Struggle, new: Struggle, *, refresh_links: bool
) -> Struggle:
    """Write ``new`` over ``old`` if nobody else did first; bump the version."""
    assert old.id is not None
    place = new.fields.place
    place_id = place_ids(session, [place])[place_key(place)] if place else None
    now = utcnow()
    values = {
        **struggle_columns(new, place_id),
        "sensitive_enc": seal_sensitive(new.sensitive, db.cipher),
        "version": old.version + 1,
        "updated_at": now,
    }
    result = session.execute(
        update(StruggleRow)
        .where(StruggleRow.id == old.id, StruggleRow.version == old.version)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise _conflict(old.id, old.version, None)
    if refresh_links:
        _refresh_links(session, db, new)
    return dataclasses.replace(new, version=old.version + 1, updated_at=now)


def _refresh_links(session: Session, db: Database, struggle: Struggle) -> None:
    """Re-derive organisations and the search document from the changed fields."""
    assert struggle.id is not None
    session.execute(
        delete(StruggleOrganisationRow).where(StruggleOrganisationRow.struggle_id == struggle.id)
    )
    orgs = organisation_ids(session, organisation_keys(struggle.fields))
    if orgs:
        rows = [{"struggle_id": struggle.id, "organisation_id": i} for i in orgs.values()]
        session.execute(insert(StruggleOrganisationRow), rows)
    refresh_facets(session, struggle)
    sources = load_records(session, [struggle.id], None)[0].sources
    language = next((s.language for s in sources if s.language), None)
    refile_keys(session, struggle.id, struggle.status, Report(struggle.fields, language=language))
    document = search_document(struggle, sources)
    session.execute(
        update(StruggleSearchRow)
        .where(StruggleSearchRow.struggle_id == struggle.id)
        .values(document=document)
        .execution_options(synchronize_session=False)
    )
    if not session.scalar(
        select(StruggleSearchRow.struggle_id).where(StruggleSearchRow.struggle_id == struggle.id)
    ):
        session.execute(
            insert(StruggleSearchRow), [{"struggle_id": struggle.id, "document": document}]
        )


def _audit(
    session: Session,
    action: str,
    old: Struggle,
    new: Struggle,
    keys: Iterable[str],
    actor: str,
    reason: str | None,
) -> None:
    before_all, after_all = audit.struggle_snapshot(old), audit.struggle_snapshot(new)
    before: dict[str, Any] = {"version": old.version}
    after: dict[str, Any] = {"version": new.version}
    for key in keys:
        group = "fields" if key in FORMAT_FIELD_NAMES else None
        before[key] = before_all["fields"].get(key) if group else before_all.get(key)
        after[key] = after_all["fields"].get(key) if group else after_all.get(key)
    entry = AuditEntry(None, utcnow(), actor, action, "struggle", old.id, before, after, reason)
    audit.append(session, [entry])

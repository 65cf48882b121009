"""The append-only audit log, each entry chained to the one before by a hash.

``hash = sha256(prev_hash + canonical JSON of the entry)``. Writers are
serialised by ``Database.transaction``, so reading the last hash and
appending after it cannot interleave. Entries never hold sensitive values:
callers pass snapshots made by ``struggle_snapshot``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, event, insert, select
from sqlalchemy.orm import Session

from picketline.db.convert import canonical_json
from picketline.db.models import AuditRow
from picketline.domain.audit import AuditEntry
from picketline.domain.struggle import Struggle

AUDIT_TABLE: Table = AuditRow.__table__  # type: ignore[assignment]


def entry_payload(entry: AuditEntry) -> dict[str, Any]:
    """The fields the hash covers (everything but the row id)."""
    return {
        "at": entry.at.isoformat(),
        "actor": entry.actor,
        "action": entry.action,
        "entity": entry.entity,
        "entity_id": entry.entity_id,
        "before": entry.before,
        "after": entry.after,
        "reason": entry.reason,
    }


def chain_hash(prev_hash: str | None, entry: AuditEntry) -> str:
    data = (prev_hash or "") + canonical_json(entry_payload(entry))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


_LAST_HASH = "picketline.audit.last_hash"
"""Where a session remembers the chain's last hash between appends of one transaction
(a batch ingest appends thousands). Forgotten on any rollback, savepoints included."""


def last_hash(session: Session) -> str | None:
    return session.scalar(select(AuditRow.hash).order_by(AuditRow.id.desc()).limit(1))


@event.listens_for(Session, "after_soft_rollback")
def _forget_last_hash(session: Session, _transaction: object) -> None:
    session.info.pop(_LAST_HASH, None)


@event.listens_for(Session, "after_commit")
def _forget_after_commit(session: Session) -> None:
    session.info.pop(_LAST_HASH, None)


def append(session: Session, entries: Sequence[AuditEntry]) -> None:
    """Add entries in order, inside the caller's (writer-serialised) transaction."""
    prev = session.info[_LAST_HASH] if _LAST_HASH in session.info else last_hash(session)
    rows = []
    for entry in entries:
        digest = chain_hash(prev, entry)
        rows.append({**entry_payload(entry), "at": entry.at, "prev_hash": prev, "hash": digest})
        prev = digest
    if rows:
        session.execute(insert(AUDIT_TABLE), rows)
        session.info[_LAST_HASH] = prev


def read_entries(session: Session, entity: str, entity_id: int) -> list[AuditEntry]:
    """The history of one record, oldest first."""
    rows = session.scalars(
        select(AuditRow)
        .where(AuditRow.entity == entity, AuditRow.entity_id == entity_id)
        .order_by(AuditRow.id)
    )
    return [_to_entry(row) for row in rows]


def verify_chain(session: Session) -> int | None:
    """The id of the first entry whose hash does not follow, or None if all do."""
    prev: str | None = None
    for row in session.scalars(select(AuditRow).order_by(AuditRow.id)):
        if row.prev_hash != prev or chain_hash(prev, _to_entry(row)) != row.hash:
            return row.id
        prev = row.hash
    return None


def _to_entry(row: AuditRow) -> AuditEntry:
    return AuditEntry(
        id=row.id,
        at=row.at,
        actor=row.actor,
        action=row.action,
        entity=row.entity,
        entity_id=row.entity_id,
        before=row.before,
        after=row.after,
        reason=row.reason,
    )


def struggle_snapshot(struggle: Struggle) -> dict[str, Any]:
    """A struggle as the audit log records it: every field, but never sensitive values."""
    return {
        "fields": struggle.fields.to_format(),
        "status": struggle.status.value,
        "title": struggle.title,
        "summary": struggle.summary,
        "confidence": struggle.confidence,
        "merged_into": struggle.merged_into,
        "is_demo": struggle.is_demo,
        "version": struggle.version,
        "sensitive": "present" if not struggle.sensitive.is_empty() else None,
    }

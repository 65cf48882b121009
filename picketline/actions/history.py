"""A struggle's history, version by version, and reverting to an earlier version.

The audit log is the history: each entry records what changed. The writers
record different amounts — ``struggle.create`` a full snapshot, ``update`` the
changed keys before and after, ``merge`` all fields before and after, ``split``
and ``status`` no fields. ``replay`` walks the entries in order, applying each
entry's ``before`` (which corrects anything an earlier entry did not record)
and then its ``after``, and marks the versions whose fields are fully known.
Only those can be reverted to.

A revert is an ordinary edit: ``do_revert_struggle`` computes the fields that
differ from the chosen version and hands them to ``do_update_struggle`` with the
version the editor saw, so it is checked for conflicts and audited like any
other change (sensitive data, status and sources are not reverted).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from picketline.actions.audit import read_entries
from picketline.actions.struggles import do_update_struggle
from picketline.db import Database
from picketline.db.struggles import get_struggle
from picketline.domain.audit import AuditEntry
from picketline.domain.struggle import FORMAT_FIELD_NAMES, Struggle, StruggleFields
from picketline.errors import InputError, NotFoundError

REVERTIBLE_ATTRIBUTES = ("title", "summary", "confidence")
"""Struggle attributes a revert restores besides the FORMAT fields."""

FIELDS_UNRECORDED = frozenset({"struggle.split"})
"""Actions that change the fields without recording them (derived again from sources)."""


@dataclass(frozen=True)
class HistoryStep:
    """One audit entry and the struggle's state right after it, as far as it is known."""

    entry: AuditEntry
    version: int | None
    fields: dict[str, Any]  # FORMAT JSON, unset fields left out
    attributes: dict[str, Any] = field(default_factory=dict)
    known: bool = False  # all fields are known, so this version can be restored

    @property
    def changes(self) -> list[tuple[str, Any, Any]]:
        return entry_changes(self.entry)


def replay(entries: list[AuditEntry]) -> list[HistoryStep]:
    """The states after each entry, oldest first."""
    fields: dict[str, Any] = {}
    attributes: dict[str, Any] = {}
    known = False
    version: int | None = None
    steps = []
    for entry in entries:
        for side in (entry.before or {}, entry.after or {}):
            if isinstance(side.get("fields"), dict):
                fields = dict(side["fields"])
                known = True
            for key, value in side.items():
                if key in FORMAT_FIELD_NAMES:
                    fields[key] = value
                elif key in REVERTIBLE_ATTRIBUTES:
                    attributes[key] = value
            if isinstance(side.get("version"), int):
                version = side["version"]
        if entry.action in FIELDS_UNRECORDED:
            known = False
        clean = {k: v for k, v in fields.items() if v is not None}
        steps.append(HistoryStep(entry, version, clean, dict(attributes), known))
    return steps


def entry_changes(entry: AuditEntry) -> list[tuple[str, Any, Any]]:
    """``(name, before, after)`` for every value the entry shows changing.

    A nested ``fields`` object is opened up so a merge shows which fields moved;
    ``version`` is left out (every change bumps it).
    """
    before = _flatten(entry.before or {})
    after = _flatten(entry.after or {})
    rows = []
    for key in _ordered(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        if old != new and key != "version":
            rows.append((key, old, new))
    return rows


def _flatten(side: dict[str, Any]) -> dict[str, Any]:
    flat = {k: v for k, v in side.items() if k != "fields"}
    nested = side.get("fields")
    if isinstance(nested, dict):
        flat.update({name: nested.get(name) for name in FORMAT_FIELD_NAMES})
    return flat


def _ordered(keys: set[str]) -> list[str]:
    """FORMAT fields in their FORMAT.md order, then the rest alphabetically."""
    first = [k for k in FORMAT_FIELD_NAMES if k in keys]
    return first + sorted(keys - set(first))


def struggle_history(db: Database, struggle_id: int) -> list[HistoryStep]:
    """Every step of a struggle's history, oldest first; NotFoundError if it has none."""
    with db.session() as session:
        entries = read_entries(session, "struggle", struggle_id)
    if not entries:
        raise NotFoundError(f"struggle {struggle_id} has no history")
    return replay(entries)


def revert_changes(current: Struggle, step: HistoryStep) -> dict[str, Any]:
    """The changes that bring ``current`` back to ``step``'s fields and attributes."""
    try:
        target = StruggleFields.from_format(step.fields)
    except (ValueError, TypeError, KeyError) as error:
        raise InputError(f"version {step.version} cannot be restored: {error}") from None
    changes: dict[str, Any] = {
        name: getattr(target, name)
        for name in FORMAT_FIELD_NAMES
        if getattr(target, name) != getattr(current.fields, name)
    }
    for name in REVERTIBLE_ATTRIBUTES:
        if name in step.attributes and step.attributes[name] != getattr(current, name):
            changes[name] = step.attributes[name]
    return changes


def do_revert_struggle(
    db: Database,
    struggle_id: int,
    entry_id: int,
    *,
    expected_version: int,
    actor: str,
    reason: str | None = None,
) -> Struggle:
    """Restore the fields the struggle had right after audit entry ``entry_id``.

    Goes through ``do_update_struggle``: refused with ``ConflictError`` if the
    struggle moved past ``expected_version``, and audited as an update whose
    reason names the version restored.
    """
    steps = struggle_history(db, struggle_id)
    step = next((s for s in steps if s.entry.id == entry_id), None)
    if step is None:
        raise NotFoundError(f"entry {entry_id} is not in the history of struggle {struggle_id}")
    if not step.known:
        raise InputError(
            f"the fields after entry {entry_id} ({step.entry.action}) were not recorded, "
            "so that version cannot be restored; choose another"
        )
    record = get_struggle(db, struggle_id)
    if record is None:
        raise NotFoundError(f"struggle {struggle_id} does not exist")
    changes = revert_changes(record.struggle, step)
    if not changes:
        raise InputError(f"struggle {struggle_id} already has the values of version {step.version}")
    why = f"revert to version {step.version} (audit entry {entry_id})"
    return do_update_struggle(
        db,
        struggle_id,
        expected_version=expected_version,
        changes=changes,
        actor=actor,
        reason=f"{why}: {reason}" if reason else why,
    )

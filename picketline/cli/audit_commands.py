"""``picketline audit``: check the hash chain of the audit log, and read a struggle's history.

``verify`` recomputes every entry's hash from the one before it
(``picketline.actions.audit.verify_chain``); an entry changed, removed or
inserted after the fact breaks the chain there, and the command names it and
exits 1. ``show`` prints one struggle's entries, oldest first.
"""

from __future__ import annotations

import json
from typing import Any

import typer

from picketline.errors import NotFoundError, PicketlineError

audit_app = typer.Typer(
    name="audit",
    help="Check the tamper-evident audit log and show a struggle's history.\n\n"
    "Example: picketline audit verify",
    no_args_is_help=True,
)


class AuditChainBroken(PicketlineError):
    """The audit log's hash chain does not hold: an entry was changed or removed."""


def register(app: typer.Typer) -> None:
    """Add the ``audit`` group to the app."""
    app.add_typer(audit_app, name="audit")


@audit_app.command("verify")
def verify_command() -> None:
    """Check that every audit entry's hash follows from the one before it.

    Exits 1 naming the first entry that does not (changed, deleted or inserted
    after it was written).

    Example: picketline audit verify
    """
    from sqlalchemy import func, select

    from picketline.actions.audit import verify_chain
    from picketline.db import Database
    from picketline.db.models import AuditRow
    from picketline.settings import get_settings

    with Database.open(get_settings()) as db, db.session() as session:
        bad = verify_chain(session)
        count = session.scalar(select(func.count()).select_from(AuditRow)) or 0
        if bad is not None:
            raise AuditChainBroken(describe_break(session.get(AuditRow, bad), bad))
    typer.echo(f"audit log intact: {count} entries, each chained to the one before")


def describe_break(row: Any, entry_id: int) -> str:
    """The one-line message naming the first entry whose hash does not follow."""
    what = (
        f"{row.action} on {row.entity} {row.entity_id} by {row.actor} at {row.at:%Y-%m-%d %H:%M:%S}"
    )
    return (
        f"the audit log is broken at entry {entry_id} ({what}): its hash does not follow from "
        f"the entry before it, so it or an earlier entry was changed, removed or inserted "
        f"afterwards; entries from {entry_id} on cannot be trusted"
    )


@audit_app.command("show")
def show_command(
    struggle_id: int = typer.Argument(..., help="The struggle's id."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line."),
) -> None:
    """Print a struggle's history: who changed what, when and why, oldest first.

    Example: picketline audit show 42
    """
    from picketline.actions.audit import read_entries
    from picketline.db import Database
    from picketline.settings import get_settings

    with Database.open(get_settings()) as db, db.session() as session:
        entries = read_entries(session, "struggle", struggle_id)
    if not entries:
        raise NotFoundError(f"the audit log has no entries for struggle {struggle_id}")
    for entry in entries:
        if as_json:
            typer.echo(json.dumps(_entry_json(entry), ensure_ascii=False, sort_keys=True))
            continue
        why = f" — {entry.reason}" if entry.reason else ""
        typer.echo(f"#{entry.id} {entry.at:%Y-%m-%d %H:%M:%S} {entry.actor}: {entry.action}{why}")
        for key in sorted(set(entry.before or {}) | set(entry.after or {})):
            old = (entry.before or {}).get(key)
            new = (entry.after or {}).get(key)
            if old != new:
                typer.echo(f"    {key}: {_short(old)} → {_short(new)}")


def _entry_json(entry: Any) -> dict[str, Any]:
    return {
        "id": entry.id,
        "at": entry.at.isoformat(),
        "actor": entry.actor,
        "action": entry.action,
        "before": entry.before,
        "after": entry.after,
        "reason": entry.reason,
    }


def _short(value: Any, limit: int = 120) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= limit else text[: limit - 1] + "…"

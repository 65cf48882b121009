"""Review decisions: accept (publish), reject with a reason, edit, merge, split, bulk.

Each decision checks the actor's permission with ``can()`` (the routes
check it too, with ``require``; this is the layer that cannot be bypassed),
runs in one transaction with its audit entry, and refuses a decision on a
version the editor did not see (``ConflictError``), so two editors never
overwrite each other silently.

Contributors may edit candidates (drafts) but publish, reject, merge and
split nothing; editing a published struggle is an editor's job.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import insert

from picketline.access.permissions import Actor, can
from picketline.actions.derived import load_struggle, set_status, table
from picketline.actions.resolution import do_merge_struggles, do_split_source
from picketline.actions.struggles import do_update_struggle
from picketline.db import Database
from picketline.db.models_review import RejectionRow
from picketline.db.types import utcnow
from picketline.domain.struggle import Struggle
from picketline.domain.vocab import StruggleStatus
from picketline.errors import ConflictError, InputError, NotFoundError, PicketlineError

MAX_REASON = 2000
MAX_BULK = 200


class NotAllowedError(PicketlineError):
    """The actor's role may not make this decision."""


class Decision(StrEnum):
    ACCEPT = "accept"
    REJECT = "reject"


@dataclass(frozen=True)
class BulkResult:
    """What happened to one struggle of a bulk decision."""

    struggle_id: int
    ok: bool
    message: str


def allow(actor: Actor, verb: str, thing: str) -> None:
    """Raise ``NotAllowedError`` unless ``can(actor, verb, thing)``."""
    if not can(actor, verb, thing):
        raise NotAllowedError(f"your role ({actor.role.value}) may not {verb} a {thing}")


def clean_reason(reason: str | None, *, required: bool = False) -> str | None:
    """A reason trimmed to ``MAX_REASON`` characters; an empty one refused if required."""
    text = (reason or "").strip()[:MAX_REASON]
    if required and not text:
        raise InputError("give a reason (it is kept with the decision)")
    return text or None


def do_accept(db: Database, actor: Actor, struggle_id: int, *, expected_version: int) -> Struggle:
    """Publish a candidate the editor saw at ``expected_version``."""
    allow(actor, "publish", "struggle")
    return _decide(
        db, actor, struggle_id, expected_version, StruggleStatus.PUBLISHED, "accepted in review"
    )


def do_reject(
    db: Database, actor: Actor, struggle_id: int, *, expected_version: int, reason: str
) -> Struggle:
    """Reject a candidate (or unpublish a struggle) with a reason, which is kept."""
    allow(actor, "reject", "struggle")
    why = clean_reason(reason, required=True)
    assert why is not None
    return _decide(db, actor, struggle_id, expected_version, StruggleStatus.REJECTED, why)


def _decide(
    db: Database,
    actor: Actor,
    struggle_id: int,
    expected_version: int,
    status: StruggleStatus,
    reason: str,
) -> Struggle:
    with db.transaction() as session:
        current = load_struggle(session, struggle_id)
        if current is None:
            raise NotFoundError(f"struggle {struggle_id} does not exist")
        if current.version != expected_version:
            raise ConflictError(
                f"struggle {struggle_id} was changed by someone else (you saw version "
                f"{expected_version}, it is now at version {current.version}); "
                "look at it again before deciding"
            )
        allowed_from = {
            StruggleStatus.PUBLISHED: {StruggleStatus.CANDIDATE, StruggleStatus.REJECTED},
            StruggleStatus.REJECTED: {StruggleStatus.CANDIDATE, StruggleStatus.PUBLISHED},
        }[status]
        if current.status not in allowed_from:
            raise InputError(
                f"struggle {struggle_id} is {current.status.value}; it cannot become "
                f"{status.value}"
            )
        saved = set_status(session, current, status, None, actor.name, reason)
        if status is StruggleStatus.REJECTED:
            row = {"struggle_id": struggle_id, "reason": reason, "actor": actor.name,
                   "at": utcnow()}  # fmt: skip
            session.execute(insert(table(RejectionRow)), [row])
        return saved


def do_edit(
    db: Database,
    actor: Actor,
    struggle_id: int,
    *,
    expected_version: int,
    changes: Mapping[str, Any],
    reason: str | None = None,
) -> Struggle:
    """Change fields (recorded as editor claims, which later ingestion cannot undo).

    A contributor may edit candidates only; editors edit any struggle.
    """
    with db.session() as session:
        current = load_struggle(session, struggle_id)
    if current is None:
        raise NotFoundError(f"struggle {struggle_id} does not exist")
    thing = "candidate" if current.status is StruggleStatus.CANDIDATE else "struggle"
    allow(actor, "edit", thing)
    if not changes:
        raise InputError("nothing was changed")
    # The status read above is safe to rely on: any status change bumps the
    # version, and the update below refuses a version other than the one read.
    return do_update_struggle(
        db,
        struggle_id,
        expected_version=expected_version,
        changes=changes,
        actor=actor.name,
        reason=clean_reason(reason),
    )


def do_merge(
    db: Database, actor: Actor, struggle_id: int, *, into: int, reason: str | None = None
) -> Struggle:
    """Merge a struggle into another; the one it went into, as it is now."""
    allow(actor, "merge", "struggle")
    return do_merge_struggles(
        db, into, struggle_id, actor=actor.name, reason=clean_reason(reason) or "merged in review"
    )


def do_split(
    db: Database, actor: Actor, struggle_id: int, *, source_id: int, reason: str | None = None
) -> int | None:
    """Take a source (and the struggle it came with) back out; where it went."""
    allow(actor, "split", "struggle")
    return do_split_source(
        db,
        struggle_id,
        source_id,
        actor=actor.name,
        reason=clean_reason(reason) or "split in review",
    )


def do_bulk(
    db: Database,
    actor: Actor,
    decision: Decision,
    items: Iterable[tuple[int, int]],
    *,
    reason: str | None = None,
) -> list[BulkResult]:
    """Accept or reject many (struggle id, version seen) at once; one transaction each.

    One struggle changed meanwhile does not stop the others: each gets its own
    result, and the editor sees which ones to look at again.
    """
    allow(actor, "publish" if decision is Decision.ACCEPT else "reject", "struggle")
    wanted = list(dict(items).items())
    if not wanted:
        raise InputError("select at least one struggle")
    if len(wanted) > MAX_BULK:
        raise InputError(f"at most {MAX_BULK} struggles at once")
    why = clean_reason(reason, required=decision is Decision.REJECT)
    results = []
    for struggle_id, version in wanted:
        try:
            if decision is Decision.ACCEPT:
                do_accept(db, actor, struggle_id, expected_version=version)
            else:
                assert why is not None
                do_reject(db, actor, struggle_id, expected_version=version, reason=why)
        except PicketlineError as error:
            results.append(BulkResult(struggle_id, False, str(error)))
        else:
            results.append(BulkResult(struggle_id, True, decision.value + "ed"))
    return results

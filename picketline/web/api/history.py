"""``GET /api/v1/review/struggles/{id}/history``: a struggle's audit history as JSON.

Editors only (session cookie or ``Authorization: Bearer`` token). Entries never
hold sensitive values (the writers record them as ``"present"`` at most), so
this is the same record the history page shows.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel, ConfigDict, Field

from picketline.access.permissions import Actor
from picketline.actions.history import struggle_history
from picketline.errors import NotFoundError
from picketline.web.auth import require
from picketline.web.deps import DbDep

router = APIRouter(prefix="/api/v1/review", tags=["review"])


class ChangeOut(BaseModel):
    model_config = ConfigDict(frozen=True)
    field: str = Field(description="What changed: a FORMAT field, or status, sources, title...")
    before: Any = Field(description="The value before the change (null if none).")
    after: Any = Field(description="The value after the change (null if removed).")


class HistoryEntryOut(BaseModel):
    model_config = ConfigDict(frozen=True)
    id: int = Field(description="The audit entry's id (pass it to revert).")
    at: dt.datetime
    actor: str = Field(description="Who made the change: a user name or a system actor.")
    action: str = Field(description="struggle.create, struggle.update, struggle.merge, ...")
    reason: str | None
    version: int | None = Field(description="The struggle's version after this change.")
    revertible: bool = Field(description="Whether this version's fields are fully recorded.")
    changes: list[ChangeOut]
    before: dict[str, Any] | None = Field(description="The entry's raw 'before' record.")
    after: dict[str, Any] | None = Field(description="The entry's raw 'after' record.")


@router.get(
    "/struggles/{struggle_id}/history",
    response_model=list[HistoryEntryOut],
    summary="A struggle's change history",
    description="Every audit entry of the struggle, oldest first: who, when, why, and "
    "the values before and after. Editors only.",
    responses={401: {"description": "Not signed in"}, 403: {"description": "Not an editor"}},
)
def struggle_history_api(
    db: DbDep,
    struggle_id: int,
    actor: Annotated[Actor, Depends(require("history", "struggle"))],
) -> list[HistoryEntryOut]:
    try:
        steps = struggle_history(db, struggle_id)
    except NotFoundError as missing:
        raise HTTPException(status_code=404, detail=str(missing)) from None
    return [
        HistoryEntryOut(
            id=step.entry.id or 0,
            at=step.entry.at,
            actor=step.entry.actor,
            action=step.entry.action,
            reason=step.entry.reason,
            version=step.version,
            revertible=step.known,
            changes=[ChangeOut(field=k, before=b, after=a) for k, b, a in step.changes],
            before=step.entry.before,
            after=step.entry.after,
        )
        for step in steps
    ]

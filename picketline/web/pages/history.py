"""A struggle's history for editors: every audit entry with a readable diff, and revert.

``GET /struggles/{id}/history`` lists the entries newest first (who, when, why,
what changed); each version whose fields are fully known has a "Revert to this
version" button, a CSRF-protected POST that calls ``do_revert_struggle`` with
the version the editor was looking at, so a revert is conflict-checked and
audited like any edit.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from picketline.access.permissions import Actor
from picketline.actions.history import HistoryStep, do_revert_struggle, struggle_history
from picketline.db.struggles import get_struggle
from picketline.errors import ConflictError, InputError, NotFoundError
from picketline.web.api.schemas import struggle_out
from picketline.web.auth import check_csrf, require
from picketline.web.deps import DbDep
from picketline.web.i18n import url_path
from picketline.web.pages.render import sector_label

router = APIRouter(include_in_schema=False)

MAX_REASON = 500


def readable(value: Any) -> str:
    """A recorded value for people: lists joined, places by name, nothing as a dash."""
    if value is None or value == [] or value == "":
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(readable(v) for v in value)
    if isinstance(value, dict):
        if "name" in value:
            parts = [value["name"], value.get("admin1"), value.get("country")]
            return ", ".join(str(p) for p in parts if p)
        if "type" in value:
            count = value.get("count")
            return f"{value['type']} ({count})" if count is not None else str(value["type"])
        if set(value) <= {"min", "max"}:
            low, high = value.get("min"), value.get("max")
            return f"{low}" if low == high else f"{low or '?'}–{high or '?'}"
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def readable_field(name: str, value: Any) -> str:
    """Like ``readable``, with the codes and digests of some fields put into words."""
    if name == "sector" and isinstance(value, str):
        return f"{value} — {sector_label(value)}"
    if name == "sources" and isinstance(value, list) and all(isinstance(v, str) for v in value):
        return f"{len(value)} source" + ("" if len(value) == 1 else "s")  # content digests
    return readable(value)


def _rows(steps: list[HistoryStep], current_version: int) -> list[dict[str, Any]]:
    rows = []
    for step in reversed(steps):
        changes = [(k, readable_field(k, a), readable_field(k, b)) for k, a, b in step.changes]
        rows.append(
            {
                "entry": step.entry,
                "version": step.version,
                "changes": changes,
                "can_revert": step.known and step.version != current_version,
            }
        )
    return rows


def _page(request: Request, db: DbDep, struggle_id: int, **extra: Any) -> Response:
    record = get_struggle(db, struggle_id)
    if record is None:
        raise HTTPException(status_code=404, detail="struggle not found")
    try:
        steps = struggle_history(db, struggle_id)
    except NotFoundError:
        steps = []
    version = record.struggle.version
    context = {
        "s": struggle_out(record),
        "status": record.struggle.status.value,
        "version": version,
        "rows": _rows(steps, version),
        "has_demo": request.app.state.demo_cache.value,
        "reverted": None,
        "error": None,
        "max_reason": MAX_REASON,
        **extra,
    }
    templates = request.app.state.templates
    status = 409 if extra.get("conflict") else 400 if extra.get("error") else 200
    response: Response = templates.TemplateResponse(
        request, "history.html", context, status_code=status
    )
    return response


@router.get(
    "/struggles/{struggle_id}/history", response_class=HTMLResponse, name="struggle_history"
)
def history_page(
    request: Request,
    db: DbDep,
    struggle_id: int,
    actor: Annotated[Actor, Depends(require("history", "struggle"))],
    reverted: int | None = None,
) -> Response:
    return _page(request, db, struggle_id, reverted=reverted)


@router.post(
    "/struggles/{struggle_id}/history/{entry_id}/revert",
    name="revert_struggle",
    dependencies=[Depends(check_csrf)],
)
def revert(
    request: Request,
    db: DbDep,
    struggle_id: int,
    entry_id: int,
    actor: Annotated[Actor, Depends(require("revert", "struggle"))],
    expected_version: Annotated[int, Form(ge=1)],
    reason: Annotated[str, Form(max_length=MAX_REASON)] = "",
) -> Response:
    try:
        saved = do_revert_struggle(
            db,
            struggle_id,
            entry_id,
            expected_version=expected_version,
            actor=actor.name,
            reason=reason.strip() or None,
        )
    except ConflictError as conflict:
        return _page(request, db, struggle_id, error=str(conflict), conflict=True)
    except NotFoundError as missing:
        raise HTTPException(status_code=404, detail=str(missing)) from None
    except InputError as bad:
        return _page(request, db, struggle_id, error=str(bad))
    url = url_path(request, "struggle_history", struggle_id=str(struggle_id))
    return RedirectResponse(f"{url}?reverted={saved.version}", status_code=303)

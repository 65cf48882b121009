"""``/api/v1/review``: the review queue and its decisions, for scripts and tools.

The same actions as the review pages (``web.pages.review``), with a bearer
token (``Authorization: Bearer …``) or a session plus ``X-CSRF-Token``.
Every route asks ``require()``; the actions ask ``can()`` again. A decision
on a version other than the one the caller read answers 409 with what
changed since, and nothing is written.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse

from picketline.access.permissions import Actor, can
from picketline.actions import review as actions
from picketline.db import Database
from picketline.db.review import (
    QueueFilter,
    changes_since,
    editors_since,
    likely_matches,
    queue_page,
    review_record,
)
from picketline.errors import ConflictError, InputError, NotFoundError, PicketlineError
from picketline.web.api.review_schemas import (
    AcceptIn,
    BulkIn,
    BulkOut,
    BulkResultOut,
    ChangeOut,
    ConflictOut,
    EditIn,
    MatchOut,
    MergeIn,
    RejectIn,
    ReviewItemOut,
    ReviewPageOut,
    SplitIn,
    match_out,
    queue_item_out,
    review_item_out,
)
from picketline.web.api.schemas import ErrorOut
from picketline.web.auth import check_csrf, require
from picketline.web.deps import DbDep

router = APIRouter(prefix="/api/v1/review", tags=["review"])

Reader = Annotated[Actor, Depends(require("read", "candidate"))]
FILTER = Query(max_length=200)
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "The decision or edit is not possible."},
    401: {"model": ErrorOut, "description": "No valid token or session."},
    403: {"model": ErrorOut, "description": "Your role may not do this."},
    404: {"model": ErrorOut, "description": "No such struggle."},
    409: {"model": ConflictOut, "description": "Changed since you read it; nothing written."},
}


def image_url(request: Request) -> Any:
    """How the review output links an image (the editor-only page route)."""
    return lambda name: str(request.app.url_path_for("review_image", file_name=name))


def item(request: Request, db: Database, actor: Actor, struggle_id: int) -> ReviewItemOut:
    sensitive = can(actor, "read", "sensitive")
    found = review_record(db, struggle_id, sensitive=sensitive)
    if found is None:
        raise HTTPException(status_code=404, detail=f"struggle {struggle_id} does not exist")
    return review_item_out(found, sensitive=sensitive, image_url=image_url(request))


def conflict(db: Database, struggle_id: int, version: int, error: ConflictError) -> JSONResponse:
    """409 with what changed since ``version`` and who changed it."""
    changed = changes_since(db, struggle_id, version)
    current = review_record(db, struggle_id, sensitive=False)
    body = ConflictOut(
        detail=str(error),
        current_version=current.record.struggle.version if current else version,
        changed={k: ChangeOut(then=a, now=b) for k, (a, b) in sorted(changed.items())},
        by=editors_since(db, struggle_id, version),
    )
    return JSONResponse(body.model_dump(mode="json"), status_code=409)


def refused(error: PicketlineError) -> HTTPException:
    """The HTTP answer for an action's refusal (conflicts are answered by ``conflict``)."""
    if isinstance(error, actions.NotAllowedError):
        return HTTPException(status_code=403, detail=str(error))
    if isinstance(error, NotFoundError):
        return HTTPException(status_code=404, detail=str(error))
    if isinstance(error, InputError):
        return HTTPException(status_code=400, detail=str(error))
    return HTTPException(status_code=400, detail=str(error))


@router.get("", response_model=ReviewPageOut, summary="The review queue", responses=ERRORS)
def list_queue(
    db: DbDep,
    actor: Reader,
    language: Annotated[str, FILTER] = "",
    country: Annotated[str, FILTER] = "",
    source: Annotated[str, FILTER] = "",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=100)] = 25,
) -> ReviewPageOut:
    """Candidates, surest and newest first, filtered by source language, country, outlet/URL."""
    found = queue_page(db, QueueFilter(language, country, source), page, per_page)
    return ReviewPageOut(
        items=[queue_item_out(r) for r in found.records],
        total=found.total,
        page=found.page,
        pages=found.pages,
    )


@router.get("/{struggle_id}", response_model=ReviewItemOut, summary="One struggle under review",
            responses=ERRORS)  # fmt: skip
def get_item(request: Request, db: DbDep, actor: Reader, struggle_id: int) -> ReviewItemOut:
    """Fields, source texts, evidence spans, possible duplicates; sensitive data for editors."""
    return item(request, db, actor, struggle_id)


@router.get("/{struggle_id}/matches", response_model=list[MatchOut], responses=ERRORS,
            summary="Struggles it may be the same as, best first")  # fmt: skip
def get_matches(
    db: DbDep, actor: Reader, struggle_id: int, q: Annotated[str, FILTER] = ""
) -> list[MatchOut]:
    """Scored like ingestion scores a report; ``q`` adds full-text matches."""
    return [match_out(m) for m in likely_matches(db, struggle_id, query=q.strip() or None)]


Editor = Annotated[Actor, Depends(require("publish", "struggle"))]
Rejector = Annotated[Actor, Depends(require("reject", "struggle"))]
Drafter = Annotated[Actor, Depends(require("edit", "candidate"))]
Merger = Annotated[Actor, Depends(require("merge", "struggle"))]
Splitter = Annotated[Actor, Depends(require("split", "struggle"))]
CSRF = [Depends(check_csrf)]


@router.post("/{struggle_id}/accept", response_model=ReviewItemOut, responses=ERRORS,
             dependencies=CSRF, summary="Publish a candidate")  # fmt: skip
def accept(
    request: Request, db: DbDep, actor: Editor, struggle_id: int, body: AcceptIn
) -> Any:
    try:
        actions.do_accept(db, actor, struggle_id, expected_version=body.version)
    except ConflictError as error:
        return conflict(db, struggle_id, body.version, error)
    except PicketlineError as error:
        raise refused(error) from error
    return item(request, db, actor, struggle_id)


@router.post("/{struggle_id}/reject", response_model=ReviewItemOut, responses=ERRORS,
             dependencies=CSRF, summary="Reject, with a reason that is kept")  # fmt: skip
def reject(
    request: Request, db: DbDep, actor: Rejector, struggle_id: int, body: RejectIn
) -> Any:
    try:
        actions.do_reject(
            db, actor, struggle_id, expected_version=body.version, reason=body.reason
        )
    except ConflictError as error:
        return conflict(db, struggle_id, body.version, error)
    except PicketlineError as error:
        raise refused(error) from error
    return item(request, db, actor, struggle_id)


@router.patch("/{struggle_id}", response_model=ReviewItemOut, responses=ERRORS,
              dependencies=CSRF, summary="Edit fields (editor claims outrank sources)")  # fmt: skip
def edit(request: Request, db: DbDep, actor: Drafter, struggle_id: int, body: EditIn) -> Any:
    """Contributors may edit candidates; editing a published struggle needs an editor."""
    try:
        actions.do_edit(
            db, actor, struggle_id, expected_version=body.version,
            changes=body.changes.to_changes(), reason=body.reason,
        )  # fmt: skip
    except ConflictError as error:
        return conflict(db, struggle_id, body.version, error)
    except PicketlineError as error:
        raise refused(error) from error
    return item(request, db, actor, struggle_id)


@router.post("/{struggle_id}/merge", response_model=ReviewItemOut, responses=ERRORS,
             dependencies=CSRF, summary="Merge into another struggle")  # fmt: skip
def merge(request: Request, db: DbDep, actor: Merger, struggle_id: int, body: MergeIn) -> Any:
    """Answers with the struggle it was merged into."""
    try:
        actions.do_merge(db, actor, struggle_id, into=body.into, reason=body.reason)
    except PicketlineError as error:
        raise refused(error) from error
    return item(request, db, actor, body.into)


@router.post("/{struggle_id}/split", response_model=ReviewItemOut, responses=ERRORS,
             dependencies=CSRF, summary="Take a source back out")  # fmt: skip
def split(request: Request, db: DbDep, actor: Splitter, struggle_id: int, body: SplitIn) -> Any:
    """Answers with the struggle that was split (the source's new home is in its audit)."""
    try:
        actions.do_split(db, actor, struggle_id, source_id=body.source_id, reason=body.reason)
    except PicketlineError as error:
        raise refused(error) from error
    return item(request, db, actor, struggle_id)


@router.post("/bulk", response_model=BulkOut, responses=ERRORS, dependencies=CSRF,
             summary="Accept or reject many at once")  # fmt: skip
def bulk(db: DbDep, actor: Reader, body: BulkIn) -> BulkOut:
    """Each struggle is decided on its own; one that changed meanwhile is reported, not forced."""
    try:
        results = actions.do_bulk(
            db, actor, body.decision, [(i.id, i.version) for i in body.items], reason=body.reason
        )
    except PicketlineError as error:
        raise refused(error) from error
    return BulkOut(
        results=[BulkResultOut(id=r.struggle_id, ok=r.ok, message=r.message) for r in results]
    )

"""``/api/v1/struggles``: the published record as JSON.

Only published struggles are visible: the list asks storage for published ones
only, and the detail view answers 404 for any other status, so a candidate
under review or a rejected one cannot be probed by id.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from picketline.db.struggles import StruggleRecord, get_struggle, list_struggles
from picketline.domain.vocab import StruggleStatus
from picketline.errors import InputError
from picketline.web.api.schemas import ErrorOut, StruggleOut, StrugglePage, struggle_out
from picketline.web.deps import DbDep

router = APIRouter(prefix="/api/v1/struggles", tags=["struggles"])

MAX_LIMIT = 200
MAX_QUERY = 200

AfterParam = Annotated[
    str | None,
    Query(description="Cursor from the previous page's `next`; omit for the first page."),
]
LimitParam = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page (1..200).")]
QueryParam = Annotated[
    str | None,
    Query(max_length=MAX_QUERY, description="Full-text search over titles and fields."),
]


def published_page(
    db: DbDep, after: str | None, limit: int, query: str | None
) -> tuple[list[StruggleRecord], str | None]:
    """One page of published struggles; a malformed cursor is the client's error (400)."""
    try:
        return list_struggles(
            db, status=StruggleStatus.PUBLISHED, after=after, limit=limit, query=query or None
        )
    except (InputError, ValueError) as error:
        raise HTTPException(status_code=400, detail=f"bad request: {error}") from error


def published_struggle(db: DbDep, struggle_id: int) -> StruggleRecord | None:
    """The struggle if it exists and is published; ``None`` otherwise (never sensitive)."""
    record = get_struggle(db, struggle_id, include_sensitive=False)
    if record is None or record.struggle.status != StruggleStatus.PUBLISHED:
        return None
    return record


@router.get(
    "",
    response_model=StrugglePage,
    summary="List published struggles",
    description="Published struggles, most recently recorded first, one page at a time. "
    "Follow `next` (as `after`) until it is null to walk the whole record; "
    "each struggle appears once.",
    responses={400: {"model": ErrorOut, "description": "Malformed cursor or query."}},
)
def list_published(
    db: DbDep, after: AfterParam = None, limit: LimitParam = 50, q: QueryParam = None
) -> StrugglePage:
    records, next_cursor = published_page(db, after, limit, q)
    return StrugglePage(items=[struggle_out(r) for r in records], next=next_cursor)


@router.get(
    "/{struggle_id}",
    response_model=StruggleOut,
    summary="One published struggle",
    description="Every FORMAT.md field, its sources and its timeline of dated events.",
    responses={404: {"model": ErrorOut, "description": "No published struggle has this id."}},
)
def get_published(db: DbDep, struggle_id: int) -> StruggleOut:
    record = published_struggle(db, struggle_id)
    if record is None:
        raise HTTPException(status_code=404, detail="struggle not found")
    return struggle_out(record)

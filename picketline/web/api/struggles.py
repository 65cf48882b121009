"""``/api/v1/struggles``: the published record as JSON, filtered, sorted and paginated.

Only published struggles are visible: the list filters on ``published`` and
the detail view answers 404 for any other status, so a candidate under review
or a rejected one cannot be probed by id. A struggle merged into another
redirects (308) to the one it became.

Every filter parameter is read by ``picketline.db.filters.parse_filter`` (the
same parser the pages, feeds and exports use), so a bad value is a 400 with a
message that says what is allowed — never a 422 dump or a 500. Responses carry
a weak ``ETag``; a client that sends it back in ``If-None-Match`` gets a 304.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Request, Response
from fastapi.responses import RedirectResponse

from picketline.db.filters import (
    DEFAULT_PAGE,
    MAX_PAGE,
    MAX_QUERY,
    MAX_REGION,
    MAX_VALUES,
    PageRequest,
    Sort,
    StruggleFilter,
    params_of,
    parse_filter,
    parse_page,
)
from picketline.db.struggles import (
    StruggleRecord,
    get_public_record,
    list_page,
    merged_target,
)
from picketline.domain.vocab import Action, Demand, Outcome, RepressionType, Sector, StruggleStatus
from picketline.errors import InputError
from picketline.web.api.schemas import (
    ErrorOut,
    StruggleOut,
    StrugglePage,
    struggle_out,
    struggle_summary_out,
)
from picketline.web.deps import DbDep

router = APIRouter(prefix="/api/v1/struggles", tags=["struggles"])

MAX_LIMIT = MAX_PAGE
MAX_ID = 2**62
"""Ids beyond this are no struggle's (and overflow SQLite's integers)."""
__all__ = ["MAX_LIMIT", "MAX_QUERY", "router"]


def _codes(enum: Any) -> list[str]:
    return [member.value for member in enum]


def _or_empty(enum: Any) -> list[str]:
    """The codes, and "" (what an untouched form field sends): empty means "any"."""
    return [*_codes(enum), ""]


ANY_OF = (
    " Repeat the parameter (or separate values with commas) for any of several;"
    " an empty value means any."
)


def _param(name: str, description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
    }


def _many(name: str, description: str, **items: Any) -> dict[str, Any]:
    """A repeatable filter parameter (also comma-separated), documented with its codes."""
    schema = {"type": "array", "items": {"type": "string", **items}, "maxItems": MAX_VALUES}
    return {**_param(name, description + ANY_OF, schema), "style": "form", "explode": True}


FILTER_PARAMETERS: list[dict[str, Any]] = [
    _many(
        "country",
        "Country of the struggle's place: ISO 3166-1 alpha-2 code, e.g. `UA`.",
        pattern="^([A-Za-z]{2})?$",
    ),
    _many(
        "region",
        "First-level region (admin1) of the place, exactly as shown, e.g. `Luhansk Oblast`.",
        maxLength=MAX_REGION,
    ),
    _many("sector", "ISIC Rev.4 section letter.", enum=_or_empty(Sector)),
    _many("action", "An action the workers took.", enum=_or_empty(Action)),
    _many("demand", "A demand of the workers.", enum=_or_empty(Demand)),
    _many("outcome", "How the struggle stands.", enum=_or_empty(Outcome)),
    _many("repression", "A kind of repression the struggle met.", enum=_or_empty(RepressionType)),
    *(
        _param(
            name,
            f"{what} A day, YYYY-MM-DD. `since`/`until` keep struggles whose period (start to "
            "end; an ongoing one to today) overlaps the range; undated ones are left out.",
            {"type": "string", "pattern": r"^(\d{4}-\d{2}-\d{2})?$"},
        )
        for name, what in (("since", "Earliest day."), ("until", "Latest day."))
    ),
    _param(
        "q",
        "Full-text search: every word must appear in the struggle or its sources.",
        {"type": "string", "maxLength": MAX_QUERY},
    ),
    _param(
        "sort",
        "`newest` (latest start first, the default), `oldest`, `changed` (most recently "
        "changed first) or `participants` (largest head count first).",
        {"type": "string", "enum": _or_empty(Sort), "default": Sort.NEWEST.value},
    ),
]
"""The OpenAPI description of the filter parameters, shared by the list, feeds and exports."""

PAGE_PARAMETERS: list[dict[str, Any]] = [
    _param(
        "limit",
        f"Items per page, 1..{MAX_PAGE} (default {DEFAULT_PAGE}).",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": DEFAULT_PAGE},
    ),
    _param(
        "after",
        "Cursor from the previous page's `next`; omit for the first page. "
        "Keep the same filters and sort.",
        {"type": "string", "maxLength": 200},
    ),
]


StruggleId = Annotated[
    int, Path(ge=1, le=MAX_ID, description="The struggle's id (a positive integer).")
]


@dataclass(frozen=True)
class Listing:
    """A parsed list request: which struggles, and which page of them."""

    wanted: StruggleFilter
    page: PageRequest


def bad_request(error: InputError | ValueError) -> HTTPException:
    return HTTPException(status_code=400, detail=f"bad request: {error}")


def filter_from_request(request: Request) -> StruggleFilter:
    """The filter of this request's query string (a 400 for anything not understood)."""
    try:
        return parse_filter(params_of(request.query_params.multi_items()))
    except InputError as error:
        raise bad_request(error) from error


def listing(request: Request) -> Listing:
    """The filter and page of the query string, read by the one shared parser."""
    params = params_of(request.query_params.multi_items())
    try:
        return Listing(parse_filter(params), parse_page(params))
    except InputError as error:
        raise bad_request(error) from error


ListingDep = Annotated[Listing, Depends(listing)]


def published_page(
    db: DbDep, after: str | None, limit: int, query: str | None
) -> tuple[list[StruggleRecord], str | None]:
    """One page of published struggles, newest first (kept for callers of issue #3)."""
    try:
        return list_page(db, StruggleFilter(q=query), PageRequest(limit, after))
    except InputError as error:
        raise bad_request(error) from error


def published_struggle(db: DbDep, struggle_id: int) -> StruggleRecord | None:
    """The struggle if it exists and is published; ``None`` otherwise (never sensitive)."""
    record = get_public_record(db, struggle_id)
    if record is None or record.struggle.status != StruggleStatus.PUBLISHED:
        return None
    return record


def etag_of(body: bytes) -> str:
    return 'W/"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def not_modified(request: Request, etag: str) -> bool:
    """True when the client already holds this representation (``If-None-Match``)."""
    given = request.headers.get("if-none-match")
    if not given:
        return False
    tags = {t.strip().removeprefix("W/") for t in given.split(",")}
    return "*" in tags or etag.removeprefix("W/") in tags


def cached_body(request: Request, body: bytes, media_type: str, max_age: int = 60) -> Response:
    """The body with an ETag, or a bodiless 304 if the client holds it already."""
    etag = etag_of(body)
    headers = {"ETag": etag, "Cache-Control": f"public, max-age={max_age}"}
    if not_modified(request, etag):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=media_type, headers=headers)


def cached_json(request: Request, body: bytes, max_age: int = 60) -> Response:
    """A JSON body with an ETag (see ``cached_body``)."""
    return cached_body(request, body, "application/json", max_age)


ERRORS_400: dict[int | str, dict[str, Any]] = {
    400: {
        "model": ErrorOut,
        "description": "A filter, sort, date, page size or cursor is not valid; "
        "`detail` says which and what is allowed.",
    }
}
NOT_MODIFIED: dict[int | str, dict[str, Any]] = {
    304: {"description": "Not modified: the `ETag` sent in `If-None-Match` is current."}
}


@router.get(
    "",
    response_model=StrugglePage,
    summary="List published struggles",
    description="Published struggles matching every given filter, in the chosen order, one "
    "page at a time, each with its fields and sources (its timeline is in its own answer). "
    "Follow `next` (as `after`, with the same filters and sort) until it is "
    "null to walk the whole selection; each struggle appears once. Within one filter the "
    "values are alternatives; different filters must all hold.",
    responses={**NOT_MODIFIED, **ERRORS_400},
    openapi_extra={"parameters": FILTER_PARAMETERS + PAGE_PARAMETERS},
)
def list_published(request: Request, db: DbDep, asked: ListingDep) -> Response:
    try:
        records, next_cursor = list_page(db, asked.wanted, asked.page, with_events=False)
    except InputError as error:
        raise bad_request(error) from error
    page = StrugglePage(items=[struggle_summary_out(r) for r in records], next=next_cursor)
    return cached_json(request, page.model_dump_json().encode())


@router.get(
    "/{struggle_id}",
    response_model=StruggleOut,
    summary="One published struggle",
    description="Every FORMAT.md field, its sources and its timeline of dated events. "
    "A struggle that was merged into another redirects (308) to that one.",
    responses={
        **NOT_MODIFIED,
        308: {"description": "Merged: `Location` is the struggle it was merged into."},
        404: {"model": ErrorOut, "description": "No published struggle has this id."},
    },
)
def get_published(request: Request, db: DbDep, struggle_id: StruggleId) -> Response:
    record = published_struggle(db, struggle_id)
    if record is None:
        target = merged_target(db, struggle_id)
        if target is None:
            raise HTTPException(status_code=404, detail="struggle not found")
        url = request.app.url_path_for("get_published", struggle_id=target)
        return RedirectResponse(str(url), status_code=308)
    return cached_json(request, struggle_out(record).model_dump_json().encode())

"""``/feeds/struggles.atom``: an Atom feed of any filter, for feed readers.

``/feeds/struggles.atom?country=UA&sector=B`` follows new and changed
Ukrainian mining struggles. The filters are the list's (one parser); the
order is always "most recently changed first".
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request, Response

from picketline.db.filters import StruggleFilter
from picketline.publish.feeds import FeedLinks, atom_feed, feed_items, feed_title
from picketline.web.api.struggles import FILTER_PARAMETERS, cached_body, filter_from_request
from picketline.web.deps import DbDep

router = APIRouter(prefix="/feeds", tags=["feeds"])

ATOM = "application/atom+xml"
HTML_ERROR: dict[str, Any] = {"text/html": {"schema": {"type": "string"}}}

FilterDep = Annotated[StruggleFilter, Depends(filter_from_request)]


def feed_links(request: Request, wanted: StruggleFilter) -> FeedLinks:
    """Absolute addresses on this host (a feed reader has no page to resolve them against)."""
    query = urlencode(wanted.to_params(with_sort=False))
    page = str(request.url_for("struggle_list")) + ("?" + query if query else "")
    return FeedLinks(
        feed_url=str(request.url),
        page_url=page,
        struggle_url=lambda i: str(request.url_for("struggle_page", struggle_id=i)),
    )


@router.get(
    "/struggles.atom",
    summary="Atom feed of new and changed struggles",
    description="The 50 most recently changed published struggles matching the filters, as "
    "an Atom feed: one entry per struggle, its `id` stable and its `updated` the struggle's "
    "last change. Takes the same filters as the list (`sort` is ignored).",
    response_class=Response,
    responses={
        200: {"content": {ATOM: {"schema": {"type": "string"}}}, "description": "Atom 1.0."},
        304: {"description": "Not modified: the `ETag` sent in `If-None-Match` is current."},
        400: {"content": HTML_ERROR, "description": "A filter is not valid (the page says which)."},
    },
    openapi_extra={"parameters": FILTER_PARAMETERS},
)
def struggles_feed(request: Request, db: DbDep, wanted: FilterDep) -> Response:
    items = feed_items(db, wanted)
    body = "".join(atom_feed(items, feed_links(request, wanted), feed_title(wanted)))
    return cached_body(request, body.encode(), f"{ATOM}; charset=utf-8", max_age=300)

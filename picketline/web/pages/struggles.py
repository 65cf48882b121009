"""The public HTML pages: home, the filtered list, and one struggle.

Pages render the same public models as the JSON API (``StruggleOut``), never
domain objects, so a template cannot reach a field the public may not see.
The list's whole state (filters, sort, page) is in its URL, so a search can be
shared and bookmarked, and everything works without JavaScript: the filter
form is a plain GET form.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from picketline.db.filters import (
    SORT_LABELS,
    PageRequest,
    Sort,
    StruggleFilter,
    country_codes,
    params_of,
    parse_filter,
    parse_page,
)
from picketline.db.struggles import count_matching, created_since, list_page, merged_target
from picketline.domain.vocab import Action, Demand, Outcome, RepressionType, Sector
from picketline.errors import InputError
from picketline.web.api.funds import struggle_funds
from picketline.web.api.schemas import EvidenceOut, struggle_out
from picketline.web.api.struggles import StruggleId, bad_request, published_struggle
from picketline.web.deps import DbDep
from picketline.web.i18n import url_path
from picketline.web.pages.demo import DemoFlag

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 25
HOME_ITEMS = 6


def render(request: Request, name: str, context: dict[str, Any]) -> Any:
    """Render a page with the app's templates (built once, autoescaping on)."""
    templates = request.app.state.templates
    return templates.TemplateResponse(request, name, context)


def list_url(request: Request, params: list[tuple[str, str]]) -> str:
    """The list page's path with these query parameters (the shareable state)."""
    base = url_path(request, "struggle_list")
    return base + ("?" + urlencode(params) if params else "")


def feed_url(request: Request, wanted: StruggleFilter) -> str:
    query = urlencode(wanted.to_params(with_sort=False))
    return url_path(request, "struggles_feed") + ("?" + query if query else "")


def export_urls(request: Request, wanted: StruggleFilter) -> dict[str, str]:
    query = urlencode(wanted.to_params())
    return {
        kind: url_path(request, "export_struggles", format_name=kind)
        + ("?" + query if query else "")
        for kind in ("csv", "json", "geojson")
    }


def form_options() -> dict[str, Any]:
    """The choices of the filter form (codes; templates show them as words)."""
    return {
        "countries": sorted(country_codes()),
        "sectors": [s.value for s in Sector],
        "actions": [a.value for a in Action],
        "demands": [d.value for d in Demand],
        "outcomes": [o.value for o in Outcome],
        "repressions": [r.value for r in RepressionType],
        "sorts": [(s.value, SORT_LABELS[s]) for s in Sort],
    }


def page_query(request: Request) -> tuple[StruggleFilter, PageRequest]:
    params = params_of(request.query_params.multi_items())
    try:
        return parse_filter(params), parse_page(params, default=PAGE_SIZE)
    except InputError as error:
        raise bad_request(error) from error


PageQuery = Annotated[tuple[StruggleFilter, PageRequest], Depends(page_query)]


@router.get("/", response_class=HTMLResponse, name="home")
def home(request: Request, db: DbDep, has_demo: DemoFlag) -> Any:
    """Ongoing and recently changed struggles, and what is new since yesterday."""
    yesterday = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    new, new_count = created_since(db, yesterday, HOME_ITEMS)
    ongoing_filter = StruggleFilter(outcome=(Outcome.ONGOING,), sort=Sort.CHANGED)
    ongoing, _ = list_page(db, ongoing_filter, PageRequest(HOME_ITEMS), with_links=False)
    changed_filter = StruggleFilter(sort=Sort.CHANGED)
    changed, _ = list_page(db, changed_filter, PageRequest(HOME_ITEMS), with_links=False)
    context = {
        "new_items": [struggle_out(r) for r in new],
        "new_count": new_count,
        "ongoing": [struggle_out(r) for r in ongoing],
        "changed": [struggle_out(r) for r in changed],
        "ongoing_url": list_url(request, ongoing_filter.to_params()),
        "changed_url": list_url(request, changed_filter.to_params()),
        "all_url": list_url(request, []),
        "feed_href": feed_url(request, StruggleFilter()),
        "has_demo": has_demo,
    }
    return render(request, "index.html", context)


@router.get("/struggles", response_class=HTMLResponse, name="struggle_list")
def struggle_list(request: Request, db: DbDep, has_demo: DemoFlag, asked: PageQuery) -> Any:
    """The filtered, sorted list, a page at a time; its URL is the whole state."""
    wanted, page = asked
    try:
        records, next_cursor = list_page(db, wanted, page, with_links=False)
    except InputError as error:
        raise bad_request(error) from error
    params = wanted.to_params()
    context = {
        "items": [struggle_out(r) for r in records],
        "f": wanted,
        "total": count_matching(db, wanted),
        "next_url": list_url(request, [*params, ("after", next_cursor)]) if next_cursor else None,
        "first_url": list_url(request, params) if page.after else None,
        "reset_url": list_url(request, []),
        "feed_href": feed_url(request, wanted),
        "exports": export_urls(request, wanted),
        "options": form_options(),
        "has_demo": has_demo,
    }
    return render(request, "list.html", context)


@router.get("/struggles/{struggle_id}", response_class=HTMLResponse, name="struggle_page")
def struggle_page(
    request: Request, db: DbDep, has_demo: DemoFlag, struggle_id: StruggleId
) -> Response:
    record = published_struggle(db, struggle_id)
    if record is None:
        target = merged_target(db, struggle_id)
        if target is None:
            raise HTTPException(status_code=404, detail="struggle not found")
        url = url_path(request, "struggle_page", struggle_id=target)
        return RedirectResponse(str(url), status_code=301)
    evidence: dict[int, list[EvidenceOut]] = defaultdict(list)
    for item in record.evidence:
        if item.source_id is not None and item.quote.strip():
            evidence[item.source_id].append(EvidenceOut(field=item.field, quote=item.quote))
    s = struggle_out(record)
    context = {
        "s": s,
        "evidence": dict(evidence),
        "feed_href": feed_url(request, StruggleFilter()),
        "has_demo": has_demo,
        "funds": struggle_funds(db, struggle_id),
    }
    response: Response = render(request, "struggle.html", context)
    return response

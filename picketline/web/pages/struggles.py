"""The public HTML pages: the list of published struggles and one struggle.

Pages render the same public models as the JSON API (``StruggleOut``), never
domain objects, so a template cannot reach a field the public may not see.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from picketline.db.struggles import count_struggles
from picketline.domain.vocab import StruggleStatus
from picketline.web.api.schemas import struggle_out
from picketline.web.api.struggles import MAX_QUERY, published_page, published_struggle
from picketline.web.deps import DbDep
from picketline.web.pages.demo import DemoFlag

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 25


def render(request: Request, name: str, context: dict[str, Any]) -> Any:
    """Render a page with the app's templates (built once, autoescaping on)."""
    templates = request.app.state.templates
    return templates.TemplateResponse(request, name, context)


def page_url(request: Request, **params: str | None) -> str:
    """The home page URL with the given non-empty query parameters."""
    query = urlencode({k: v for k, v in params.items() if v})
    base = str(request.url_for("home").path)
    return f"{base}?{query}" if query else base


@router.get("/", response_class=HTMLResponse, name="home")
def home(
    request: Request,
    db: DbDep,
    has_demo: DemoFlag,
    after: Annotated[str | None, Query()] = None,
    q: Annotated[str | None, Query(max_length=MAX_QUERY)] = None,
) -> Any:
    q = (q or "").strip() or None
    records, next_cursor = published_page(db, after, PAGE_SIZE, q)
    context = {
        "items": [struggle_out(r) for r in records],
        "q": q,
        "after": after,
        "total": None if q else count_struggles(db, status=StruggleStatus.PUBLISHED),
        "next_url": page_url(request, q=q, after=next_cursor) if next_cursor else None,
        "first_url": page_url(request, q=q),
        "has_demo": has_demo,
    }
    return render(request, "index.html", context)


@router.get("/struggles/{struggle_id}", response_class=HTMLResponse, name="struggle_page")
def struggle_page(request: Request, db: DbDep, has_demo: DemoFlag, struggle_id: int) -> Any:
    record = published_struggle(db, struggle_id)
    if record is None:
        raise HTTPException(status_code=404, detail="struggle not found")
    context = {"s": struggle_out(record), "has_demo": has_demo}
    return render(request, "struggle.html", context)

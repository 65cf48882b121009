"""The review pages: the queue, one candidate beside its sources, and every decision.

Server-rendered and complete without JavaScript: every action is a form that
posts and redirects (303). ``static/review.js`` adds keyboard shortcuts and
click-to-highlight of evidence; HTMX (vendored) loads merge searches in place.

Pages render the review API's models (``review_schemas``), never domain
objects, so a template cannot reach sensitive data unless the actor may read
it. Source texts are escaped, marked up with the evidence spans, and then
passed through nh3 with only ``<mark>`` allowed: scraped or submitted text
never becomes markup.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Annotated, Any
from urllib.parse import urlencode

import nh3
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from markupsafe import Markup, escape
from pydantic import ValidationError

from picketline.access.images import image_path
from picketline.access.permissions import Actor, can
from picketline.actions import review as actions
from picketline.db import Database
from picketline.db.review import (
    QueueFilter,
    changes_since,
    editors_since,
    image_media_type,
    likely_matches,
    next_in_queue,
    queue_facets,
    queue_page,
    review_record,
)
from picketline.domain.vocab import Action, Demand, Outcome, RepressionType, Sector
from picketline.errors import ConflictError, InputError, NotFoundError, PicketlineError
from picketline.settings import Settings
from picketline.web.api.review_schemas import (
    FieldsIn,
    FieldsOut,
    ReviewItemOut,
    fields_out,
    match_out,
    queue_item_out,
    review_item_out,
)
from picketline.web.auth import check_csrf, require
from picketline.web.deps import DbDep
from picketline.web.i18n import url_path

router = APIRouter(include_in_schema=False)

Reader = Annotated[Actor, Depends(require("read", "candidate"))]
CSRF = [Depends(check_csrf)]
PAGE_SIZE = 25
DONE = {"accepted", "rejected", "edited", "merged", "split", "bulk"}
VOCAB = {
    "actions": list(Action),
    "demands": list(Demand),
    "outcomes": list(Outcome),
    "repression": list(RepressionType),
    "sectors": list(Sector),
}


def upload_dir(settings: Settings) -> Any:
    """Where report images live (under the data directory, never under static/)."""
    return settings.data_dir / "uploads" / "reports"


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    templates = request.app.state.templates
    base = {"has_demo": request.app.state.demo_cache.value, "vocab": VOCAB}
    response: Response = templates.TemplateResponse(
        request, name, {**base, **context}, status_code=status
    )
    return response


def _path(request: Request, name: str, query: dict[str, Any] | None = None, **params: Any) -> str:
    path = url_path(request, name, **params)
    clean = {k: v for k, v in (query or {}).items() if v not in (None, "")}
    return f"{path}?{urlencode(clean)}" if clean else path


def _filters(language: str, country: str, source: str) -> QueueFilter:
    return QueueFilter(language.strip()[:8], country.strip()[:2], source.strip()[:200])


FilterParam = Annotated[str, Query(max_length=200)]


# ---- the queue ------------------------------------------------------------------------


@router.get("/review", response_class=HTMLResponse, name="review_list")
def review_list(
    request: Request,
    db: DbDep,
    actor: Reader,
    language: FilterParam = "",
    country: FilterParam = "",
    source: FilterParam = "",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    done: Annotated[str, Query(max_length=20)] = "",
) -> Response:
    where = _filters(language, country, source)
    found = queue_page(db, where, page, PAGE_SIZE)
    params = where.as_params()
    context = {
        "items": [queue_item_out(r) for r in found.records],
        "page": found,
        "where": where,
        "facets": queue_facets(db),
        "prev_url": _path(request, "review_list", {**params, "page": found.page - 1})
        if found.page > 1 else None,
        "next_url": _path(request, "review_list", {**params, "page": found.page + 1})
        if found.page < found.pages else None,
        "done": done if done in DONE else "",
        "may_decide": can(actor, "publish", "struggle"),
    }  # fmt: skip
    return render(request, "review_list.html", context)


@router.post("/review/bulk", name="review_bulk", dependencies=CSRF)
async def review_bulk(request: Request, db: DbDep, actor: Reader) -> Response:
    """Accept or reject the ticked candidates (each checkbox says ``id:version``)."""
    form = await request.form()
    decision = actions.Decision.ACCEPT if form.get("decision") == "accept" else None
    if form.get("decision") == "reject":
        decision = actions.Decision.REJECT
    items = [_id_version(str(v)) for v in form.getlist("pick")]
    picked = [i for i in items if i is not None]
    reason = str(form.get("reason") or "")
    try:
        if decision is None:
            raise InputError("choose accept or reject")
        results = actions.do_bulk(db, actor, decision, picked, reason=reason)
    except actions.NotAllowedError as error:
        raise HTTPException(status_code=403, detail=str(error)) from error
    except PicketlineError as error:
        found = queue_page(db, QueueFilter(), 1, PAGE_SIZE)
        context = {
            "items": [queue_item_out(r) for r in found.records], "page": found,
            "where": QueueFilter(), "facets": queue_facets(db), "prev_url": None,
            "next_url": None, "done": "", "may_decide": can(actor, "publish", "struggle"),
            "error": str(error),
        }  # fmt: skip
        return render(request, "review_list.html", context, status=400)
    failed = [r for r in results if not r.ok]
    if not failed:
        return RedirectResponse(_path(request, "review_list", {"done": "bulk"}), status_code=303)
    found = queue_page(db, QueueFilter(), 1, PAGE_SIZE)
    context = {
        "items": [queue_item_out(r) for r in found.records], "page": found,
        "where": QueueFilter(), "facets": queue_facets(db), "prev_url": None, "next_url": None,
        "done": "", "may_decide": True, "bulk_results": results,
    }  # fmt: skip
    return render(request, "review_list.html", context, status=409)


def _id_version(value: str) -> tuple[int, int] | None:
    head, _, tail = value.partition(":")
    if head.isdigit() and tail.isdigit() and len(head) < 12 and len(tail) < 12:
        return int(head), int(tail)
    return None


# ---- one struggle ---------------------------------------------------------------------


def highlight(text: str, spans: Sequence[tuple[int, int, str]], prefix: str) -> Markup:
    """The text with each evidence span in a ``<mark>``; safe HTML, whatever the text holds.

    Spans may overlap (one phrase can support two fields): the text is cut at
    every span edge and each piece is marked with all the fields covering it.
    The first piece of each field gets the id ``{prefix}-{field}`` that the
    field list links to. Pieces are escaped, then nh3 keeps only ``<mark>``.
    """
    edges = sorted({0, len(text)} | {p for s, e, _ in spans for p in (s, e) if 0 <= p <= len(text)})
    seen: set[str] = set()
    out: list[str] = []
    for start, end in itertools.pairwise(edges):
        piece = str(escape(text[start:end]))
        fields = sorted({f for s, e, f in spans if s <= start and end <= e and s < e})
        if not fields:
            out.append(piece)
            continue
        fresh = [f for f in fields if f not in seen]
        seen.update(fresh)
        ident = f' id="{prefix}-{fresh[0]}"' if fresh else ""
        names = " ".join(fields)
        out.append(f'<mark class="ev"{ident} data-fields="{names}" title="{names}">{piece}</mark>')
    cleaned = nh3.clean(
        "".join(out),
        tags={"mark"},
        attributes={"mark": {"class", "id", "data-fields", "title"}},
        link_rel=None,
    )
    return Markup(cleaned)  # escaped above, then sanitised by nh3


def _item_context(
    request: Request, db: Database, actor: Actor, struggle_id: int, **extra: Any
) -> dict[str, Any]:
    sensitive = can(actor, "read", "sensitive")
    found = review_record(db, struggle_id, sensitive=sensitive)
    if found is None:
        raise HTTPException(status_code=404, detail="No struggle has this number.")

    def image_url(name: str) -> str:
        return url_path(request, "review_image", file_name=name)

    item = review_item_out(found, sensitive=sensitive, image_url=image_url)
    texts = []
    anchors: dict[str, str] = {}
    for source in item.sources:
        spans = [(e.start, e.end, e.field) for e in item.evidence if e.source_id == source.id]
        prefix = f"ev-{source.id}"
        for _, _, field in spans:
            anchors.setdefault(field, f"{prefix}-{field}")
        texts.append((source, highlight(source.text, spans, prefix)))
    duplicates = [
        (d, fields_out(found.duplicate_records[d.id]))
        for d in item.possible_duplicates
        if d.id in found.duplicate_records
    ]
    matches = extra.pop("matches", None)
    if matches is None and item.status.value in ("candidate", "published"):
        matches = [match_out(m) for m in likely_matches(db, struggle_id, limit=5)]
    return {
        "s": item,
        "texts": texts,
        "anchors": anchors,
        "duplicates": duplicates,
        "matches": matches or [],
        "q": "",
        "may_publish": can(actor, "publish", "struggle"),
        "may_edit": can(actor, "edit", "candidate" if item.status.value == "candidate"
                        else "struggle"),
        "may_merge": can(actor, "merge", "struggle"),
        "next_url": _next_url(request, db, struggle_id),
        "done": "",
        "error": None,
        "conflict": None,
        "form": None,
        **extra,
    }  # fmt: skip


def _next_url(request: Request, db: Database, struggle_id: int) -> str | None:
    following = next_in_queue(db, struggle_id, QueueFilter())
    if following is None or following == struggle_id:
        return None
    return _path(request, "review_item", struggle_id=following)


@router.get("/review/{struggle_id}", response_class=HTMLResponse, name="review_item")
def review_item(
    request: Request,
    db: DbDep,
    actor: Reader,
    struggle_id: int,
    done: Annotated[str, Query(max_length=20)] = "",
) -> Response:
    context = _item_context(request, db, actor, struggle_id, done=done if done in DONE else "")
    return render(request, "review_item.html", context)


@router.get("/review/{struggle_id}/matches", response_class=HTMLResponse, name="review_matches")
def review_matches(
    request: Request,
    db: DbDep,
    actor: Reader,
    struggle_id: int,
    q: Annotated[str, Query(max_length=200)] = "",
) -> Response:
    """Likely matches, best first; a fragment for HTMX, the whole page otherwise."""
    found = [match_out(m) for m in likely_matches(db, struggle_id, query=q.strip() or None)]
    if request.headers.get("HX-Request"):
        context = {"matches": found, "struggle_id": struggle_id, "q": q,
                   "may_merge": can(actor, "merge", "struggle")}  # fmt: skip
        return render(request, "_review_matches.html", context)
    context = _item_context(request, db, actor, struggle_id, matches=found)
    context["q"] = q
    return render(request, "review_item.html", context)


def _redirect_after(request: Request, db: Database, struggle_id: int, done: str) -> Response:
    """To the next candidate after a decision, or back to the queue when none is left."""
    following = next_in_queue(db, struggle_id, QueueFilter())
    if following is not None and following != struggle_id:
        return RedirectResponse(
            _path(request, "review_item", {"done": done}, struggle_id=following), status_code=303
        )
    return RedirectResponse(_path(request, "review_list", {"done": done}), status_code=303)


def _version(form: Any) -> int:
    value = str(form.get("version") or "")
    if not value.isdigit() or len(value) > 12:
        raise HTTPException(status_code=400, detail="The form has no valid version number.")
    return int(value)


def _refusal(request: Request, db: Database, actor: Actor, struggle_id: int,
             error: PicketlineError) -> Response:  # fmt: skip
    if isinstance(error, actions.NotAllowedError):
        raise HTTPException(status_code=403, detail=str(error))
    if isinstance(error, NotFoundError):
        raise HTTPException(status_code=404, detail=str(error))
    context = _item_context(request, db, actor, struggle_id, error=str(error))
    return render(request, "review_item.html", context, status=400)


def _conflict(request: Request, db: Database, actor: Actor, struggle_id: int, version: int,
              mine: dict[str, Any] | None = None) -> Response:  # fmt: skip
    """The item again, with what changed since ``version`` and by whom; nothing was saved."""
    conflict = {
        "changed": sorted(changes_since(db, struggle_id, version).items()),
        "by": editors_since(db, struggle_id, version),
        "mine": sorted((mine or {}).items()),
    }
    context = _item_context(request, db, actor, struggle_id, conflict=conflict)
    return render(request, "review_item.html", context, status=409)


@router.post("/review/{struggle_id}/accept", name="review_accept", dependencies=CSRF)
async def review_accept(request: Request, db: DbDep, actor: Reader, struggle_id: int) -> Response:
    version = _version(await request.form())
    try:
        actions.do_accept(db, actor, struggle_id, expected_version=version)
    except ConflictError:
        return _conflict(request, db, actor, struggle_id, version)
    except PicketlineError as error:
        return _refusal(request, db, actor, struggle_id, error)
    return _redirect_after(request, db, struggle_id, "accepted")


@router.post("/review/{struggle_id}/reject", name="review_reject", dependencies=CSRF)
async def review_reject(request: Request, db: DbDep, actor: Reader, struggle_id: int) -> Response:
    form = await request.form()
    version = _version(form)
    try:
        actions.do_reject(db, actor, struggle_id, expected_version=version,
                          reason=str(form.get("reason") or ""))  # fmt: skip
    except ConflictError:
        return _conflict(request, db, actor, struggle_id, version)
    except PicketlineError as error:
        return _refusal(request, db, actor, struggle_id, error)
    return _redirect_after(request, db, struggle_id, "rejected")


@router.post("/review/{struggle_id}/merge", name="review_merge", dependencies=CSRF)
async def review_merge(request: Request, db: DbDep, actor: Reader, struggle_id: int) -> Response:
    form = await request.form()
    into = str(form.get("into") or "")
    try:
        if not into.isdigit() or len(into) > 12:
            raise InputError("choose the struggle to merge into")
        reason = str(form.get("reason") or "")
        actions.do_merge(db, actor, struggle_id, into=int(into), reason=reason)
    except PicketlineError as error:
        return _refusal(request, db, actor, struggle_id, error)
    return RedirectResponse(
        _path(request, "review_item", {"done": "merged"}, struggle_id=int(into)), status_code=303
    )


@router.post("/review/{struggle_id}/split", name="review_split", dependencies=CSRF)
async def review_split(request: Request, db: DbDep, actor: Reader, struggle_id: int) -> Response:
    form = await request.form()
    source = str(form.get("source_id") or "")
    try:
        if not source.isdigit() or len(source) > 12:
            raise InputError("choose the source to split off")
        actions.do_split(db, actor, struggle_id, source_id=int(source),
                         reason=str(form.get("reason") or ""))  # fmt: skip
    except PicketlineError as error:
        return _refusal(request, db, actor, struggle_id, error)
    return RedirectResponse(
        _path(request, "review_item", {"done": "split"}, struggle_id=struggle_id), status_code=303
    )


# ---- editing --------------------------------------------------------------------------


def fields_from_form(form: Any) -> FieldsIn:
    """Every FORMAT field from the edit form, validated by the API's input model."""

    def text(name: str) -> str | None:
        value = str(form.get(name) or "").strip()
        return value or None

    def number(name: str) -> int | None:
        value = text(name)
        return int(value) if value and value.isdigit() and len(value) < 10 else None

    place = None
    if text("place_name"):
        place = {
            "name": text("place_name"), "country": text("place_country"),
            "admin1": text("place_admin1"), "lat": text("place_lat"), "lon": text("place_lon"),
        }  # fmt: skip
    participants = {"min": number("participants_min"), "max": number("participants_max")}
    repression = [
        {"type": kind.value, "count": number(f"repression_{kind.value}_count")}
        for kind in RepressionType
        if form.get(f"repression_{kind.value}")
    ]
    unions = [u.strip() for u in str(form.get("unions") or "").splitlines() if u.strip()]
    data = {
        "actions": form.getlist("actions"), "workers": text("workers"), "sector": text("sector"),
        "workplace": text("workplace"), "employer": text("employer"), "unions": unions,
        "place": place, "start": text("start"), "end": text("end"),
        "participants": participants if any(participants.values()) else None,
        "demands": form.getlist("demands"), "outcome": text("outcome"),
        "repression": repression, "background": bool(form.get("background")),
        "title": text("title"), "summary": text("summary"),
    }  # fmt: skip
    return FieldsIn.model_validate(data)


def changed_fields(given: FieldsIn, current: ReviewItemOut) -> dict[str, Any]:
    """Only what the editor changed: an untouched field must not become an editor claim."""
    now = current.fields
    out: dict[str, Any] = {}
    for name in FieldsIn.model_fields:
        if name == "place":
            if _place_changed(given, now):
                out[name] = given.place
            continue
        mine = getattr(given, name)
        theirs = getattr(current, name) if name in ("title", "summary") else getattr(now, name)
        if _plain(mine) != _plain(theirs):
            out[name] = mine
    return out


def _plain(value: Any) -> Any:
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value.value if hasattr(value, "value") else value


def _place_changed(given: FieldsIn, now: FieldsOut) -> bool:
    new, old = given.place, now.place
    if new is None or old is None:
        return (new is None) != (old is None)
    if new.lat is not None and new.lon is not None:
        return True
    return (new.name, (new.country or "").upper(), new.admin1 or None) != (
        old.name, (old.country or "").upper(), old.admin1 or None
    )  # fmt: skip


@router.post("/review/{struggle_id}/edit", name="review_edit", dependencies=CSRF)
async def review_edit(request: Request, db: DbDep, actor: Reader, struggle_id: int) -> Response:
    """Save the edit form; a stale version shows the conflict and saves nothing."""
    form = await request.form()
    version = _version(form)
    found = review_record(db, struggle_id, sensitive=False)
    if found is None:
        raise HTTPException(status_code=404, detail="No struggle has this number.")
    current = review_item_out(found, sensitive=False, image_url=str)
    try:
        given = fields_from_form(form)
    except (ValidationError, ValueError) as error:
        problems = _problems(error)
        context = _item_context(request, db, actor, struggle_id, error=problems, form=form)
        return render(request, "review_item.html", context, status=400)
    changes = changed_fields(given, current)
    if current.version != version:
        mine = {k: _plain(v) for k, v in changes.items()}
        return _conflict(request, db, actor, struggle_id, version, mine)
    try:
        picked = FieldsIn.model_validate(
            {k: _plain(v) for k, v in changes.items()}
        ).to_changes()
        actions.do_edit(db, actor, struggle_id, expected_version=version, changes=picked,
                        reason=str(form.get("reason") or ""))  # fmt: skip
    except ConflictError:
        return _conflict(request, db, actor, struggle_id, version,
                         {k: _plain(v) for k, v in changes.items()})  # fmt: skip
    except PicketlineError as error:
        return _refusal(request, db, actor, struggle_id, error)
    return RedirectResponse(
        _path(request, "review_item", {"done": "edited"}, struggle_id=struggle_id), status_code=303
    )


def _problems(error: Exception) -> str:
    """A validation error as one line an editor can act on."""
    if isinstance(error, ValidationError):
        return "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors()
        )
    return str(error)


# ---- images sent with reports -----------------------------------------------------------


@router.get("/review/images/{file_name}", name="review_image",
            dependencies=[Depends(require("read", "sensitive"))])  # fmt: skip
def review_image(request: Request, db: DbDep, file_name: str) -> Response:
    """An image sent with a report: editors only (it may show faces or places)."""
    media_type = image_media_type(db, file_name)
    path = image_path(upload_dir(request.app.state.settings), file_name)
    if media_type is None or path is None:
        raise HTTPException(status_code=404, detail="No such image.")
    headers = {"Cache-Control": "private, no-store", "Content-Disposition": "inline"}
    return FileResponse(path, media_type=media_type, headers=headers)

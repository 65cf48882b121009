"""Editors' campaign pages: open a campaign, edit it, download its signatures.

Every route requires its permission (``require``); state-changing posts check
the CSRF token. The signature list is read through ``db.pledges``, which checks
the permission again itself.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse

from picketline.access.permissions import Actor
from picketline.actions.campaigns import do_create_campaign, do_update_campaign
from picketline.db.campaigns import get_campaign, today
from picketline.db.pledges import signature_csv
from picketline.domain.campaign import Campaign, CampaignInput, CampaignText
from picketline.errors import ConflictError, InputError, NotFoundError
from picketline.web.auth import check_csrf, require
from picketline.web.deps import DbDep

router = APIRouter(include_in_schema=False)

TEXT_SLOTS = 2
"""Empty translation blocks the editor form offers beyond the existing ones."""


def _render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    templates = request.app.state.templates
    base = {"has_demo": request.app.state.demo_cache.value}
    response: Response = templates.TemplateResponse(
        request, name, {**base, **context}, status_code=status
    )
    return response


@router.get("/campaigns/new", response_class=HTMLResponse, name="campaign_new")
def campaign_new(
    request: Request,
    actor: Annotated[Actor, Depends(require("create", "campaign"))],
    struggle: int | None = None,
) -> Response:
    form = _blank_form(struggle)
    return _render(request, "campaign_form.html", {"form": form, "error": None, "campaign": None})


@router.post(
    "/campaigns/new",
    response_class=HTMLResponse,
    name="campaign_create",
    dependencies=[Depends(check_csrf)],
)
async def campaign_create(
    request: Request,
    db: DbDep,
    actor: Annotated[Actor, Depends(require("create", "campaign"))],
) -> Response:
    form = await _editor_form(request)
    try:
        data = _campaign_input(form)
        campaign_id = await run_in_threadpool(do_create_campaign, db, data, actor=actor.name)
    except (InputError, NotFoundError) as error:
        context = {"form": form, "error": str(error), "campaign": None}
        return _render(request, "campaign_form.html", context, 400)
    url = request.url_for("campaign_page", key=str(campaign_id))
    return RedirectResponse(str(url.path), status_code=303)


# ---- editors ---------------------------------------------------------------------


@router.get("/campaigns/{campaign_id}/edit", response_class=HTMLResponse, name="campaign_edit")
def campaign_edit(
    request: Request,
    db: DbDep,
    actor: Annotated[Actor, Depends(require("edit", "campaign"))],
    campaign_id: int,
) -> Response:
    campaign = get_campaign(db, campaign_id, public=False)
    if campaign is None:
        raise HTTPException(status_code=404, detail="campaign not found")
    context = {"form": _filled_form(campaign), "error": None, "campaign": campaign}
    return _render(request, "campaign_form.html", context)


@router.post(
    "/campaigns/{campaign_id}/edit",
    response_class=HTMLResponse,
    name="campaign_update",
    dependencies=[Depends(check_csrf)],
)
async def campaign_update(
    request: Request,
    db: DbDep,
    actor: Annotated[Actor, Depends(require("edit", "campaign"))],
    campaign_id: int,
) -> Response:
    campaign = await run_in_threadpool(get_campaign, db, campaign_id, public=False)
    if campaign is None:
        raise HTTPException(status_code=404, detail="campaign not found")
    form = await _editor_form(request)
    try:
        data = _campaign_input(form)
        version = int(form.get("version") or 0)
        await run_in_threadpool(
            do_update_campaign, db, campaign_id, data, expected_version=version, actor=actor.name
        )
    except (InputError, NotFoundError, ConflictError) as error:
        status = 409 if isinstance(error, ConflictError) else 400
        context = {"form": form, "error": str(error), "campaign": campaign}
        return _render(request, "campaign_form.html", context, status)
    path = request.url_for("campaign_page", key=str(campaign_id)).path
    return RedirectResponse(path, status_code=303)


@router.get("/campaigns/{campaign_id}/signatures.csv", name="campaign_signatures")
def campaign_signatures(
    db: DbDep,
    actor: Annotated[Actor, Depends(require("export", "pledge"))],
    campaign_id: int,
) -> Response:
    campaign = get_campaign(db, campaign_id, public=False)
    if campaign is None:
        raise HTTPException(status_code=404, detail="campaign not found")
    filename = f"signatures-{campaign.slug}-{dt.date.today().isoformat()}.csv"
    headers = {
        "Content-Disposition": f'attachment; filename="{filename}"',
        "Cache-Control": "no-store",
    }
    rows = signature_csv(db, campaign_id, actor=actor)
    return StreamingResponse(rows, media_type="text/csv; charset=utf-8", headers=headers)


# ---- editor form <-> input -------------------------------------------------------


def _blank_form(struggle: int | None) -> dict[str, Any]:
    return {
        "struggle_id": str(struggle or ""),
        "slug": "",
        "target": "",
        "goal": "",
        "starts_on": today().isoformat(),
        "ends_on": "",
        "version": "",
        "texts": [{"language": "", "title": "", "body": ""} for _ in range(TEXT_SLOTS + 1)],
    }


def _filled_form(campaign: Campaign) -> dict[str, Any]:
    texts = [{"language": t.language, "title": t.title, "body": t.body} for t in campaign.texts]
    texts += [{"language": "", "title": "", "body": ""} for _ in range(TEXT_SLOTS)]
    return {
        "struggle_id": str(campaign.struggle_id),
        "slug": campaign.slug,
        "target": campaign.target,
        "goal": str(campaign.goal or ""),
        "starts_on": campaign.starts_on.isoformat(),
        "ends_on": campaign.ends_on.isoformat() if campaign.ends_on else "",
        "version": str(campaign.version),
        "texts": texts,
    }


async def _editor_form(request: Request) -> dict[str, Any]:
    raw = await request.form()

    def field(name: str) -> str:
        value = raw.get(name)
        return value[:50_000] if isinstance(value, str) else ""

    texts = []
    for i in range(20):
        block = {k: field(f"{k}_{i}") for k in ("language", "title", "body")}
        if any(block.values()) or i < 1:
            texts.append(block)
    names = ("struggle_id", "slug", "target", "goal", "starts_on", "ends_on", "version")
    form: dict[str, Any] = {name: field(name) for name in names}
    form["texts"] = [*texts, {"language": "", "title": "", "body": ""}]
    return form


def _campaign_input(form: dict[str, Any]) -> CampaignInput:
    def number(name: str, what: str) -> int | None:
        text = str(form.get(name) or "").strip()
        if not text:
            return None
        if not text.isdigit() or len(text) > 12:
            raise InputError(f"{what} must be a whole number")
        return int(text)

    def day(name: str, what: str) -> dt.date | None:
        text = str(form.get(name) or "").strip()
        if not text:
            return None
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise InputError(f"{what} must be a date like 2026-05-01") from None

    struggle_id = number("struggle_id", "the struggle")
    starts_on = day("starts_on", "the start")
    if struggle_id is None:
        raise InputError("say which struggle the campaign is for (its number)")
    if starts_on is None:
        raise InputError("say when the campaign starts")
    texts = tuple(
        CampaignText(t["language"], t["title"], t["body"]) for t in form["texts"] if any(t.values())
    )
    return CampaignInput(
        struggle_id=struggle_id,
        slug=str(form.get("slug") or ""),
        target=str(form.get("target") or ""),
        goal=number("goal", "the goal"),
        starts_on=starts_on,
        ends_on=day("ends_on", "the end"),
        texts=texts,
    )

"""Campaign pages: the list, one campaign with its pledge form, the links from emails,
and the editors' pages (open, edit, export signatures).

Public pages render public values only: the appeal, counts, and the names of
signers who asked to be shown. The signature list (names, emails,
organisations) is reached only through ``db.pledges.signatures``, which checks
the actor's permission itself; its route also requires it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Depends, Form, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse

from picketline.access.permissions import Actor
from picketline.actions.campaigns import do_create_campaign, do_update_campaign
from picketline.actions.pledges import (
    do_confirm_pledge,
    do_delete_pledge,
    do_pledge,
    do_unsubscribe_pledge,
    known_countries,
)
from picketline.db import Database
from picketline.db.campaigns import get_campaign, list_campaigns, public_names, support_count, today
from picketline.db.pledges import SIGNATURE_FIELDS, signatures
from picketline.domain.campaign import Campaign, CampaignInput, CampaignText
from picketline.domain.pledge import NAME_MAX, ORGANISATION_MAX, PledgeInput
from picketline.errors import ConflictError, InputError, NotFoundError
from picketline.notify.outbox import deliver_due
from picketline.notify.tokens import TokenError, read_token
from picketline.settings import Settings
from picketline.web.api.struggles import published_struggle
from picketline.web.auth import check_csrf, require
from picketline.web.deps import DbDep
from picketline.web.pages.render import country_name
from picketline.web.ratelimit import RateLimiter

router = APIRouter(include_in_schema=False)
log = logging.getLogger("picketline.mail")

TEXT_SLOTS = 2
"""Empty translation blocks the editor form offers beyond the existing ones."""


# ---- helpers ---------------------------------------------------------------------


def _render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    templates = request.app.state.templates
    base = {"has_demo": request.app.state.demo_cache.value}
    response: Response = templates.TemplateResponse(
        request, name, {**base, **context}, status_code=status
    )
    return response


def _message(
    request: Request,
    status: int,
    heading: str,
    message: str,
    *,
    campaign: Campaign | None = None,
    action: str | None = None,
    token: str | None = None,
    button: str | None = None,
) -> Response:
    context = {
        "heading": heading,
        "message": message,
        "campaign": campaign,
        "action": action,
        "token": token,
        "button": button,
    }
    return _render(request, "campaign_message.html", context, status)


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _limiter(request: Request) -> RateLimiter:
    """One pledge limiter per app (so tests with their own app do not share buckets)."""
    limiter: RateLimiter | None = getattr(request.app.state, "pledge_limiter", None)
    if limiter is None:
        rate = _settings(request).pledges_per_client_per_hour
        limiter = RateLimiter(rate, 3600.0)
        request.app.state.pledge_limiter = limiter
    return limiter


def preferred_languages(request: Request, chosen: str | None = None) -> list[str]:
    """``?lang=``, then the page's language, then the browser's Accept-Language, in order."""
    languages = [chosen.lower()[:16]] if chosen else []
    page = request.scope.get("picketline.language")
    if isinstance(page, str) and request.scope.get("picketline.language_prefixed"):
        languages.append(page)
    header = request.headers.get("accept-language", "")[:512]
    for part in header.split(",")[:16]:
        tag = part.split(";")[0].strip().lower()
        if tag and tag != "*":
            languages.append(tag)
    if isinstance(page, str):
        languages.append(page)
    return languages


def _public_campaign(db: Database, key: str) -> Campaign:
    campaign = get_campaign(db, key)
    if campaign is None:
        raise HTTPException(status_code=404, detail="campaign not found")
    return campaign


def _deliver_now(db: Database, settings: Settings) -> None:
    """Send the confirmation right away when mail is configured (else the loop will)."""
    if settings.smtp_url:
        try:
            deliver_due(db, settings, limit=20)
        except Exception:  # the queue keeps it; the loop or 'mail send' retries
            log.exception("mail: sending right after a pledge failed; it stays queued")


def _countries() -> list[tuple[str, str]]:
    return sorted(((c, country_name(c)) for c in known_countries()), key=lambda cn: cn[1])


def _campaign_context(
    request: Request, db: Database, campaign: Campaign, lang: str | None
) -> dict[str, Any]:
    assert campaign.id is not None
    text = campaign.text_for(preferred_languages(request, lang))
    record = published_struggle(db, campaign.struggle_id)
    from picketline.web.api.schemas import struggle_out

    return {
        "campaign": campaign,
        "text": text,
        "count": support_count(db, campaign.id),
        "struggle": struggle_out(record) if record else None,
        "names": public_names(db, campaign.id, db.cipher, limit=50),
        "is_open": campaign.is_open(today()),
        "countries": _countries(),
        "form": {"name": "", "email": "", "country": "", "organisation": "", "show_name": False},
        "error": None,
        "notice": None,
        "name_max": NAME_MAX,
        "organisation_max": ORGANISATION_MAX,
    }


# ---- public pages ----------------------------------------------------------------


@router.get("/campaigns", response_class=HTMLResponse, name="campaign_list")
def campaign_list(request: Request, db: DbDep) -> Response:
    campaigns = list_campaigns(db)
    languages = preferred_languages(request)
    items = [
        {
            "campaign": c,
            "text": c.text_for(languages),
            "count": support_count(db, c.id).total if c.id else 0,
            "is_open": c.is_open(today()),
        }
        for c in campaigns
    ]
    return _render(request, "campaigns.html", {"items": items})


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


@router.get("/campaigns/{key}", response_class=HTMLResponse, name="campaign_page")
def campaign_page(
    request: Request,
    db: DbDep,
    key: str,
    lang: str | None = None,
    signed: int | None = None,
    confirmed: int | None = None,
) -> Response:
    campaign = _public_campaign(db, key)
    context = _campaign_context(request, db, campaign, lang)
    if signed:
        context["notice"] = "signed"
    elif confirmed:
        context["notice"] = "confirmed"
    return _render(request, "campaign.html", context)


@router.post(
    "/campaigns/{key}/pledge",
    response_class=HTMLResponse,
    name="campaign_pledge",
    dependencies=[Depends(check_csrf)],
)
async def campaign_pledge(
    request: Request,
    db: DbDep,
    background: BackgroundTasks,
    key: str,
    name: Annotated[str, Form()] = "",
    email: Annotated[str, Form()] = "",
    country: Annotated[str, Form()] = "",
    organisation: Annotated[str, Form()] = "",
    show_name: Annotated[str | None, Form()] = None,
    lang: Annotated[str, Form()] = "",
) -> Response:
    _limiter(request).check(request)
    campaign = await run_in_threadpool(_public_campaign, db, key)
    assert campaign.id is not None
    text = campaign.text_for(preferred_languages(request, lang or None))
    data = PledgeInput(name, email, country, organisation, show_name is not None, text.language)
    settings = _settings(request)
    try:
        await run_in_threadpool(do_pledge, db, settings, campaign.id, data)
    except InputError as error:
        context = await run_in_threadpool(_campaign_context, request, db, campaign, lang or None)
        form = {
            "name": name[: NAME_MAX * 2],
            "email": email[:320],
            "country": country[:2],
            "organisation": organisation[: ORGANISATION_MAX * 2],
            "show_name": show_name is not None,
        }
        context.update(form=form, error=str(error))
        return _render(request, "campaign.html", context, 400)
    background.add_task(_deliver_now, db, settings)
    path = request.url_for("campaign_page", key=campaign.slug).path
    return RedirectResponse(f"{path}?signed=1#pledge", status_code=303)


@router.get("/campaigns/{key}/confirm", response_class=HTMLResponse, name="campaign_confirm")
def campaign_confirm_form(request: Request, db: DbDep, key: str, token: str = "") -> Response:
    campaign = _public_campaign(db, key)
    try:
        read_token(_settings(request), token, "pledge_confirm")
    except TokenError as error:
        return _message(request, 400, "This link does not work", str(error), campaign=campaign)
    action = request.url_for("campaign_confirm_post", key=campaign.slug).path
    return _message(
        request,
        200,
        "Confirm your signature",
        "One more step: press the button to count your signature.",
        campaign=campaign,
        action=action,
        token=token,
        button="Confirm my signature",
    )


@router.post(
    "/campaigns/{key}/confirm",
    response_class=HTMLResponse,
    name="campaign_confirm_post",
    dependencies=[Depends(check_csrf)],
)
def campaign_confirm(
    request: Request, db: DbDep, key: str, token: Annotated[str, Form()] = ""
) -> Response:
    campaign = _public_campaign(db, key)
    try:
        do_confirm_pledge(db, _settings(request), token)
    except TokenError as error:
        return _message(request, 400, "This link does not work", str(error), campaign=campaign)
    except NotFoundError as error:
        return _message(request, 404, "Signature not found", str(error), campaign=campaign)
    path = request.url_for("campaign_page", key=campaign.slug).path
    return RedirectResponse(f"{path}?confirmed=1", status_code=303)


LINK_PAGES = {
    "unsubscribe": (
        "pledge_unsubscribe",
        "Stop emails",
        "Press the button and we send you no more email about this signature. "
        "Your signature still counts.",
        "Stop emails",
        "You will get no more email about this signature.",
    ),
    "delete": (
        "pledge_delete",
        "Delete my data",
        "Press the button to delete your signature with your name, email address and "
        "organisation. It will no longer be counted. This cannot be undone.",
        "Delete my data",
        "Your signature and your data have been deleted.",
    ),
}


@router.get("/pledges/{what}", response_class=HTMLResponse, name="pledge_link")
def pledge_link_form(request: Request, what: str, token: str = "") -> Response:
    if what not in LINK_PAGES:
        raise HTTPException(status_code=404, detail="not found")
    purpose, heading, message, button, _done = LINK_PAGES[what]
    try:
        read_token(_settings(request), token, purpose)
    except TokenError as error:
        return _message(request, 400, "This link does not work", str(error))
    action = request.url_for("pledge_link_post", what=what).path
    return _message(request, 200, heading, message, action=action, token=token, button=button)


@router.post(
    "/pledges/{what}",
    response_class=HTMLResponse,
    name="pledge_link_post",
    dependencies=[Depends(check_csrf)],
)
def pledge_link(
    request: Request, db: DbDep, what: str, token: Annotated[str, Form()] = ""
) -> Response:
    if what not in LINK_PAGES:
        raise HTTPException(status_code=404, detail="not found")
    _purpose, heading, _message_text, _button, done = LINK_PAGES[what]
    action = do_unsubscribe_pledge if what == "unsubscribe" else do_delete_pledge
    try:
        ref = action(db, _settings(request), token)
    except TokenError as error:
        return _message(request, 400, "This link does not work", str(error))
    except NotFoundError as error:
        return _message(request, 404, "Nothing to do", str(error))
    campaign = get_campaign(db, ref.campaign_id)
    return _message(request, 200, heading, done, campaign=campaign)


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
    rows = signature_csv(db, campaign_id, actor)
    return StreamingResponse(rows, media_type="text/csv; charset=utf-8", headers=headers)


def signature_csv(db: Database, campaign_id: int, actor: Actor) -> Iterator[str]:
    """The signature list as CSV lines; cells that a spreadsheet would run are defused."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(SIGNATURE_FIELDS)
    for s in signatures(db, campaign_id, actor=actor):
        cells = (
            s.confirmed_at.isoformat(timespec="seconds"),
            s.name,
            s.email,
            s.organisation or "",
            s.country or "",
            s.language,
        )
        writer.writerow([defuse_cell(c) for c in cells])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def defuse_cell(value: str) -> str:
    """A cell starting like a formula (=, +, -, @) gets a leading apostrophe (CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


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

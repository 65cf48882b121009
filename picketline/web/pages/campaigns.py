"""Public campaign pages: the list, one campaign with its pledge form, and the pages
the links in emails open (confirm, stop emails, delete my data). The editors'
pages live in ``campaign_editor`` and are included first.

Public pages render public values only: the appeal, counts, and the names of
signers who asked to be shown. Links from emails open a page with a button
that posts (with a CSRF token): a mail scanner that follows links cannot
confirm or delete anything.
"""

from __future__ import annotations

import logging
from typing import Annotated, Any

from babel import Locale, UnknownLocaleError
from fastapi import APIRouter, BackgroundTasks, Depends, Form, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from picketline.actions.pledges import (
    do_confirm_pledge,
    do_delete_pledge,
    do_pledge,
    do_unsubscribe_pledge,
    known_countries,
)
from picketline.db import Database
from picketline.db.campaigns import get_campaign, list_campaigns, public_names, support_count, today
from picketline.domain.campaign import Campaign
from picketline.domain.pledge import NAME_MAX, ORGANISATION_MAX, PledgeInput
from picketline.errors import InputError, NotFoundError
from picketline.notify.outbox import deliver_due
from picketline.notify.tokens import TokenError, read_token
from picketline.settings import Settings
from picketline.web.api.struggles import published_struggle
from picketline.web.auth import check_csrf
from picketline.web.deps import DbDep
from picketline.web.i18n import N_
from picketline.web.pages import campaign_editor
from picketline.web.pages.render import country_name
from picketline.web.ratelimit import RateLimiter

router = APIRouter(include_in_schema=False)
router.include_router(campaign_editor.router)  # first: /campaigns/new before /campaigns/{key}
log = logging.getLogger("picketline.mail")

LINK_ERRORS = (
    N_("This link is not valid. Check that you copied all of it."),
    N_("This link has expired. Please start again."),
    N_("This link is not meant for this page."),
    N_("This link has already been used."),
    N_("This signature no longer exists: its data has been deleted."),
)
"""The messages of ``TokenError`` and the pledge actions, marked here for translation
(``notify/`` and ``actions/`` are outside the catalogue's sources); pages show them
through ``_()``."""


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


def language_name(code: str) -> str:
    """A language tag as the language's own name (``ru`` → ``Русский``); the tag if unknown."""
    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(code.replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        return code.upper()
    return (name[:1].upper() + name[1:]) if name else code.upper()


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
        "language_name": language_name,
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


@router.get("/campaigns/{key}/text/{lang}", response_class=HTMLResponse, name="campaign_page_in")
def campaign_page_in(request: Request, db: DbDep, key: str, lang: str) -> Response:
    """The campaign with its appeal in ``lang``: a path, not a query, so the static
    mirror can hold every translation as its own file."""
    campaign = _public_campaign(db, key)
    if lang.lower() not in campaign.languages:
        raise HTTPException(status_code=404, detail="no translation in this language")
    return _render(request, "campaign.html", _campaign_context(request, db, campaign, lang))


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
        return _message(request, 400, N_("This link does not work"), str(error), campaign=campaign)
    action = request.url_for("campaign_confirm_post", key=campaign.slug).path
    return _message(
        request,
        200,
        N_("Confirm your signature"),
        N_("One more step: press the button to count your signature."),
        campaign=campaign,
        action=action,
        token=token,
        button=N_("Confirm my signature"),
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
        return _message(request, 400, N_("This link does not work"), str(error), campaign=campaign)
    except NotFoundError as error:
        return _message(request, 404, N_("Signature not found"), str(error), campaign=campaign)
    path = request.url_for("campaign_page", key=campaign.slug).path
    return RedirectResponse(f"{path}?confirmed=1", status_code=303)


LINK_PAGES = {
    "unsubscribe": (
        "pledge_unsubscribe",
        N_("Stop emails"),
        N_(
            "Press the button and we send you no more email about this signature. "
            "Your signature still counts."
        ),
        N_("Stop emails"),
        N_("You will get no more email about this signature."),
    ),
    "delete": (
        "pledge_delete",
        N_("Delete my data"),
        N_(
            "Press the button to delete your signature with your name, email address and "
            "organisation. It will no longer be counted. This cannot be undone."
        ),
        N_("Delete my data"),
        N_("Your signature and your data have been deleted."),
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
        return _message(request, 400, N_("This link does not work"), str(error))
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
        return _message(request, 400, N_("This link does not work"), str(error))
    except NotFoundError as error:
        return _message(request, 404, N_("Nothing to do"), str(error))
    campaign = get_campaign(db, ref.campaign_id)
    return _message(request, 200, heading, done, campaign=campaign)

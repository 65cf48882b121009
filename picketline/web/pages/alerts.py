"""``/alerts``: subscribe to an email digest, confirm it, unsubscribe.

The sign-up form is public, so it is rate-limited per client (a keyed hash
kept in memory, never the address) and guarded by a CSRF token. The page says
the same thing whether or not the address was already subscribed. The
unsubscribe link shows a button rather than acting on GET, so a mail scanner
that prefetches links cannot unsubscribe anyone.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, Response

from picketline.actions.alerts import (
    check_unsubscribe_token,
    do_confirm_subscription,
    do_subscribe,
    do_unsubscribe,
)
from picketline.db.filters import params_of, parse_filter
from picketline.domain.alert import Frequency
from picketline.domain.vocab import SECTOR_LABELS, Action
from picketline.errors import PicketlineError
from picketline.notify.tokens import MAX_TOKEN_LENGTH, TokenError
from picketline.settings import Settings
from picketline.web.auth import check_csrf
from picketline.web.deps import DbDep
from picketline.web.ratelimit import RateLimiter

router = APIRouter(include_in_schema=False)

TokenQuery = Annotated[str, Query(max_length=MAX_TOKEN_LENGTH)]


def limiter(request: Request) -> RateLimiter:
    """This app's sign-up limiter, built once from its settings."""
    state = request.app.state
    found: RateLimiter | None = getattr(state, "alerts_limiter", None)
    if found is None:
        settings: Settings = state.settings
        found = RateLimiter(settings.alerts_per_client_per_hour, 3600.0)
        state.alerts_limiter = found
    return found


def _render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    templates = request.app.state.templates
    base = {"has_demo": request.app.state.demo_cache.value}
    response: Response = templates.TemplateResponse(
        request, name, {**base, **context}, status_code=status
    )
    return response


def _form(request: Request, values: dict[str, str], error: str | None = None) -> Response:
    defaults = {
        "email": "",
        "country": "",
        "sector": "",
        "action": "",
        "q": "",
        "frequency": "daily",
    }
    context = {
        "v": {**defaults, **values},
        "error": error,
        "sectors": list(SECTOR_LABELS.items()),
        "actions": list(Action),
        "frequencies": list(Frequency),
    }
    return _render(request, "alerts.html", context, status=400 if error else 200)


def _message(request: Request, heading: str, text: str, status: int = 200) -> Response:
    return _render(request, "alert_message.html", {"heading": heading, "text": text}, status)


@router.get("/alerts", response_class=HTMLResponse, name="alerts_form")
def alerts_form(request: Request) -> Response:
    return _form(request, {})


@router.post(
    "/alerts",
    response_class=HTMLResponse,
    name="alerts_subscribe",
    dependencies=[Depends(check_csrf)],
)
def alerts_subscribe(
    request: Request,
    db: DbDep,
    email: Annotated[str, Form(max_length=400)],
    frequency: Annotated[str, Form(max_length=10)] = "daily",
    country: Annotated[str, Form(max_length=200)] = "",
    sector: Annotated[str, Form(max_length=10)] = "",
    action: Annotated[str, Form(max_length=40)] = "",
    q: Annotated[str, Form(max_length=400)] = "",
) -> Response:
    limiter(request).check(request)
    values = {"email": email, "frequency": frequency, "country": country, "sector": sector}
    values |= {"action": action, "q": q}
    pairs = [(name, values[name].strip()) for name in ("country", "sector", "action", "q")]
    try:
        wanted = parse_filter(
            params_of((n, v.upper() if n == "country" else v) for n, v in pairs if v)
        )
        do_subscribe(
            db, request.app.state.settings, email=email, wanted=wanted, frequency=frequency
        )
    except PicketlineError as error:
        return _form(request, values, str(error))
    return _message(
        request,
        "Check your email",
        "We have sent a link to the address you gave. Your alerts start once you follow it; "
        "if you do not, nothing is sent and the request is forgotten.",
    )


@router.get("/alerts/confirm", response_class=HTMLResponse, name="alerts_confirm")
def alerts_confirm(request: Request, db: DbDep, token: TokenQuery = "") -> Response:
    try:
        do_confirm_subscription(db, request.app.state.settings, token)
    except PicketlineError as error:
        return _message(request, "This link cannot be used", str(error), status=400)
    return _message(
        request,
        "Your alerts are on",
        "You will receive a digest of the struggles matching your choice when there are any. "
        "Every digest has a link to unsubscribe.",
    )


@router.get("/alerts/unsubscribe", response_class=HTMLResponse, name="alerts_unsubscribe_form")
def alerts_unsubscribe_form(request: Request, token: TokenQuery = "") -> Response:
    try:
        check_unsubscribe_token(request.app.state.settings, token)
    except TokenError as error:
        return _message(request, "This link cannot be used", str(error), status=400)
    return _render(request, "alert_unsubscribe.html", {"token": token})


@router.post(
    "/alerts/unsubscribe",
    response_class=HTMLResponse,
    name="alerts_unsubscribe",
    dependencies=[Depends(check_csrf)],
)
def alerts_unsubscribe(
    request: Request, db: DbDep, token: Annotated[str, Form(max_length=MAX_TOKEN_LENGTH)]
) -> Response:
    try:
        do_unsubscribe(db, request.app.state.settings, token)
    except PicketlineError as error:
        return _message(request, "This link cannot be used", str(error), status=400)
    return _message(
        request,
        "You are unsubscribed",
        "No more digests will be sent, and your address has been erased.",
    )

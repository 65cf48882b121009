"""Signing in and out: ``GET/POST /login`` and ``POST /logout``.

The pages call ``picketline.actions.accounts`` (which owns the lock-out rule and
the audit entries) and only set or clear the session cookie. Every refused
sign-in shows the same message, so the page never tells whether a name exists.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from picketline.access.accounts import MAX_PASSWORD_LENGTH, LockoutPolicy
from picketline.actions.accounts import LoginRefused, do_login, do_logout
from picketline.settings import Settings
from picketline.web.auth import SESSION_COOKIE, check_csrf, cookie_header
from picketline.web.deps import DbDep
from picketline.web.i18n import url_path
from picketline.web.ratelimit import RateLimiter

router = APIRouter(include_in_schema=False)

LOGIN_ATTEMPTS_PER_MINUTE = 30
"""Sign-in attempts per client and minute: argon2 is slow on purpose, so a flood is costly."""


def login_limiter(request: Request) -> RateLimiter:
    """The app's sign-in rate limiter (one per app, made on first use; memory only)."""
    state = request.app.state
    limiter: RateLimiter | None = getattr(state, "login_limiter", None)
    if limiter is None:
        limiter = state.login_limiter = RateLimiter(LOGIN_ATTEMPTS_PER_MINUTE, 60.0)
    return limiter


def lockout_policy(settings: Settings) -> LockoutPolicy:
    return LockoutPolicy(
        settings.login_max_failures, dt.timedelta(minutes=settings.login_lockout_minutes)
    )


def safe_next(target: str | None) -> str | None:
    """A local path to go back to after signing in; nothing that leaves the site."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return None
    return target


def _render(request: Request, context: dict[str, Any], status: int = 200) -> Response:
    templates = request.app.state.templates
    base = {"has_demo": request.app.state.demo_cache.value, "error": None, "name": "", "next": ""}
    response: Response = templates.TemplateResponse(
        request, "login.html", {**base, **context}, status_code=status
    )
    return response


@router.get("/login", response_class=HTMLResponse, name="login_form")
def login_form(request: Request, next: str | None = None) -> Response:
    return _render(request, {"next": safe_next(next) or ""})


@router.post(
    "/login", response_class=HTMLResponse, name="login", dependencies=[Depends(check_csrf)]
)
def login(
    request: Request,
    db: DbDep,
    name: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=MAX_PASSWORD_LENGTH)],
    next: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    login_limiter(request).check(request)
    settings: Settings = request.app.state.settings
    lifetime = dt.timedelta(hours=settings.session_lifetime_hours)
    try:
        signed = do_login(db, name, password, policy=lockout_policy(settings), lifetime=lifetime)
    except LoginRefused as refused:
        context = {"error": str(refused), "name": name, "next": safe_next(next) or ""}
        return _render(request, context, status=400)
    home = url_path(request, "home")
    response = RedirectResponse(safe_next(next) or home, status_code=303)
    max_age = int(lifetime.total_seconds())
    header = cookie_header(settings, SESSION_COOKIE, signed.session_id, max_age=max_age)
    response.headers.append("set-cookie", header)
    return response


@router.post("/logout", name="logout", dependencies=[Depends(check_csrf)])
def logout(request: Request, db: DbDep) -> Response:
    """End this browser's session (if any) and clear its cookie; always allowed."""
    session_id = request.cookies.get(SESSION_COOKIE)
    if session_id:
        do_logout(db, session_id)
    settings: Settings = request.app.state.settings
    response = RedirectResponse(url_path(request, "home"), status_code=303)
    cleared = cookie_header(settings, SESSION_COOKIE, "", max_age=None, delete=True)
    response.headers.append("set-cookie", cleared)
    return response

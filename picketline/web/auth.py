"""Who is asking: the request's actor, and the dependencies that guard routes.

CONTRACT (other areas use only these names):

- ``current_actor(request) -> Actor``: the signed-in user from the session
  cookie, or from ``Authorization: Bearer <token>`` on ``/api/``; else the public.
- ``require(verb, thing)``: a route dependency returning the Actor, answering
  401 to the public and 403 to a signed-in user whom ``can()`` refuses. The
  dependency carries its pair as ``.permission`` (the role-matrix test reads it).
- ``csrf_token(request) -> str`` for forms (templates: ``{{ csrf_input() }}``),
  and ``check_csrf`` a dependency for every state-changing form POST. Forms send
  the token as the field ``csrf_token``; HTMX and fetch as the header ``X-CSRF-Token``.

How: the session cookie holds a random id whose SHA-256 is stored with an
expiry (``db/models_accounts.py``). The CSRF token is an HMAC, under the
secret key, of the session cookie — or, for visitors without one (the login
and report forms), of a random ``picketline_csrf`` cookie set on first use —
so it is bound to the session, stored nowhere, and compared in constant time.
Requests authenticated by a bearer token carry no ambient credentials and
need no CSRF token.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from http.cookies import SimpleCookie
from typing import Annotated, Any

import jinja2
from fastapi import Depends, HTTPException, Request
from fastapi.dependencies.models import Dependant
from markupsafe import Markup, escape
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from picketline.access.accounts import keyed_digest, new_secret, same_secret
from picketline.access.permissions import Actor, can
from picketline.db import Database
from picketline.db.accounts import actor_for_session, actor_for_token
from picketline.settings import Settings

SESSION_COOKIE = "picketline_session"
CSRF_COOKIE = "picketline_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
API_PREFIX = "/api/"

_AUTH_KEY = "picketline.auth"  # scope key: this request's resolved RequestAuth
_COOKIES_KEY = "picketline.set_cookies"  # scope key: Set-Cookie headers to add
_CSRF_SEED_KEY = "picketline.csrf_seed"  # scope key: a CSRF cookie made during this request


@dataclass(frozen=True, slots=True)
class RequestAuth:
    """The outcome of reading a request's credentials."""

    actor: Actor
    via_token: bool = False


PUBLIC = RequestAuth(Actor.public())


# ---- who is asking -------------------------------------------------------------------


def bearer_token(request: Request) -> str | None:
    """The token of ``Authorization: Bearer …`` on an API path, if any."""
    if not request.url.path.startswith(API_PREFIX):
        return None
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token.strip() or None


def _has_credentials(request: Request) -> bool:
    return bool(request.cookies.get(SESSION_COOKIE) or bearer_token(request))


def resolve_auth(request: Request) -> RequestAuth:
    """Read the credentials once per request (cached in the scope); blocking I/O."""
    cached: RequestAuth | None = request.scope.get(_AUTH_KEY)
    if cached is not None:
        return cached
    auth = _lookup(request) if _has_credentials(request) else PUBLIC
    request.scope[_AUTH_KEY] = auth
    return auth


def _lookup(request: Request) -> RequestAuth:
    db: Database = request.app.state.db
    token = bearer_token(request)
    if token is not None:
        actor = actor_for_token(db, token)
        return RequestAuth(actor, via_token=True) if actor else PUBLIC
    session_id = request.cookies.get(SESSION_COOKIE, "")
    actor = actor_for_session(db, session_id)
    return RequestAuth(actor) if actor else PUBLIC


async def current_actor(request: Request) -> Actor:
    """The actor making this request: a signed-in user, a token's user, or the public."""
    if request.scope.get(_AUTH_KEY) is None and _has_credentials(request):
        await run_in_threadpool(resolve_auth, request)
    return resolve_auth(request).actor


def require(verb: str, thing: str) -> Callable[..., Awaitable[Actor]]:
    """A dependency that lets through only actors allowed to ``verb`` a ``thing``."""

    async def dependency(
        request: Request, actor: Annotated[Actor, Depends(current_actor)]
    ) -> Actor:
        if can(actor, verb, thing):
            return actor
        if not actor.is_authenticated:
            headers = {"WWW-Authenticate": "Bearer"} if _is_api_path(request) else None
            raise HTTPException(status_code=401, detail="Sign in to do this.", headers=headers)
        raise HTTPException(status_code=403, detail=f"Your role may not {verb} a {thing}.")

    dependency.permission = (verb, thing)  # type: ignore[attr-defined]
    dependency.__name__ = f"require_{verb}_{thing}"
    return dependency


def _is_api_path(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIX)


def route_permissions(dependant: Dependant) -> set[tuple[str, str]]:
    """Every ``(verb, thing)`` a route's dependencies require (for tests and docs)."""
    found: set[tuple[str, str]] = set()
    for dep in _walk(dependant):
        pair = getattr(dep.call, "permission", None)
        if pair is not None:
            found.add(pair)
    return found


def route_checks_csrf(dependant: Dependant) -> bool:
    """Whether ``check_csrf`` guards a route (for tests)."""
    return any(dep.call is check_csrf for dep in _walk(dependant))


@dataclass(frozen=True, slots=True)
class RouteInfo:
    """A route as the access-control tests see it."""

    path: str
    methods: frozenset[str]
    name: str
    permissions: frozenset[tuple[str, str]]
    checks_csrf: bool


def app_routes(routes: Sequence[Any]) -> list[RouteInfo]:
    """Every API route of an app (``app.routes``), with what guards it.

    FastAPI keeps included routers as nested objects; ``iter_route_contexts``
    flattens them with their prefixes and router-level dependencies applied.
    """
    from fastapi import routing

    found = []
    for context in routing.iter_route_contexts(routes):
        if not isinstance(context.original_route, routing.APIRoute):
            continue
        dependant = context.dependant
        assert dependant is not None
        found.append(
            RouteInfo(
                context.path or "",
                frozenset(context.methods or ()),
                context.name or "",
                frozenset(route_permissions(dependant)),
                route_checks_csrf(dependant),
            )
        )
    return found


def _walk(dependant: Dependant) -> Iterator[Dependant]:
    for dep in dependant.dependencies:
        yield dep
        yield from _walk(dep)


ActorDep = Annotated[Actor, Depends(current_actor)]


# ---- CSRF ----------------------------------------------------------------------------


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _csrf_seed(request: Request) -> str | None:
    """What the CSRF token is bound to: the session cookie, else the anonymous cookie."""
    made_now: str | None = request.scope.get(_CSRF_SEED_KEY)
    return request.cookies.get(SESSION_COOKIE) or request.cookies.get(CSRF_COOKIE) or made_now


def csrf_for_seed(secret_key: str, seed: str) -> str:
    return keyed_digest(secret_key, "csrf", seed)


def csrf_token(request: Request) -> str:
    """The form token bound to this visitor's session (or anonymous CSRF cookie)."""
    seed = _csrf_seed(request)
    if seed is None:
        seed = new_secret()
        request.scope[_CSRF_SEED_KEY] = seed
        queue_cookie(request, CSRF_COOKIE, seed, max_age=None)
    return csrf_for_seed(_settings(request).secret_key, seed)


async def check_csrf(request: Request) -> None:
    """Refuse (403) a state-changing request whose CSRF token is missing or forged."""
    if bearer_token(request) is not None:
        auth = await run_in_threadpool(resolve_auth, request)
        if auth.via_token and auth.actor.is_authenticated:
            return  # no cookie was used: nothing a forged page could ride on
    given = request.headers.get(CSRF_HEADER)
    if given is None and _is_form(request):
        value = (await request.form()).get(CSRF_FIELD)
        given = value if isinstance(value, str) else None
    seed = request.cookies.get(SESSION_COOKIE) or request.cookies.get(CSRF_COOKIE)
    if not given or not seed:
        raise HTTPException(status_code=403, detail=CSRF_REFUSED)
    if not same_secret(given, csrf_for_seed(_settings(request).secret_key, seed)):
        raise HTTPException(status_code=403, detail=CSRF_REFUSED)


CSRF_REFUSED = (
    "This form has expired or did not come from this site. Reload the page and try again."
)


def _is_form(request: Request) -> bool:
    kind = request.headers.get("content-type", "")
    return kind.startswith(("application/x-www-form-urlencoded", "multipart/form-data"))


def csrf_input_for(request: Request) -> Markup:
    """The hidden form field carrying the CSRF token."""
    token = escape(csrf_token(request))
    return Markup(f'<input type="hidden" name="{CSRF_FIELD}" value="{token}">')


# ---- cookies -------------------------------------------------------------------------


def cookie_header(
    settings: Settings, name: str, value: str, *, max_age: int | None, delete: bool = False
) -> str:
    """A ``Set-Cookie`` value: HttpOnly, SameSite=Lax, Path=/, Secure when configured."""
    cookie: SimpleCookie = SimpleCookie()
    cookie[name] = "" if delete else value
    morsel = cookie[name]
    morsel["path"] = "/"
    morsel["httponly"] = True
    morsel["samesite"] = "Lax"
    if settings.secure_cookies:
        morsel["secure"] = True
    if delete:
        morsel["max-age"] = 0
        morsel["expires"] = "Thu, 01 Jan 1970 00:00:00 GMT"
    elif max_age is not None:
        morsel["max-age"] = max_age
    return morsel.OutputString()


def queue_cookie(
    request: Request, name: str, value: str, *, max_age: int | None, delete: bool = False
) -> None:
    """Set a cookie on whatever response this request gets (see ``AuthCookies``)."""
    header = cookie_header(_settings(request), name, value, max_age=max_age, delete=delete)
    request.scope.setdefault(_COOKIES_KEY, []).append(header)


class AuthCookies:
    """ASGI middleware adding the cookies queued during a request to its response.

    A template asking for a CSRF token of a first-time visitor cannot set the
    cookie itself: the response does not exist yet. It queues it in the scope.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_cookies(message: Message) -> None:
            if message["type"] == "http.response.start":
                queued: list[str] = scope.get(_COOKIES_KEY, [])
                if queued:
                    headers = list(message.get("headers", []))
                    headers += [(b"set-cookie", h.encode("latin-1")) for h in queued]
                    message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_cookies)


# ---- template globals ----------------------------------------------------------------


@jinja2.pass_context
def signed_in(context: Mapping[str, Any]) -> Actor:
    """The actor for the page header; the public if the lookup itself fails."""
    try:
        return resolve_auth(context["request"]).actor
    except Exception:  # the error page must render even when the database is down
        return Actor.public()


@jinja2.pass_context
def csrf_input(context: Mapping[str, Any]) -> Markup:
    """``{{ csrf_input() }}``: the hidden CSRF field for the page's form."""
    return csrf_input_for(context["request"])


@jinja2.pass_context
def csrf_value(context: Mapping[str, Any]) -> str:
    """``{{ csrf_value() }}``: the bare token, e.g. for ``hx-headers`` (``X-CSRF-Token``)."""
    return csrf_token(context["request"])


def template_globals() -> dict[str, Any]:
    """The globals the auth area adds to every template."""
    return {
        "csrf_input": csrf_input,
        "csrf_value": csrf_value,
        "signed_in": signed_in,
        "can": can,
    }

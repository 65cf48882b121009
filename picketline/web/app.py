"""The app factory: ``create_app(settings, db)`` builds one FastAPI app.

The database is opened in the lifespan (at startup, not at import), or handed
in by the caller (tests, ``picketline serve``), in which case the caller keeps
ownership and closes it. Errors are JSON under ``/api`` and ``/healthz`` and
an HTML page everywhere else.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from picketline import __version__
from picketline.db import Database
from picketline.settings import Settings, get_settings
from picketline.web.api import campaigns as api_campaigns
from picketline.web.api import exports as api_exports
from picketline.web.api import feeds as api_feeds
from picketline.web.api import funds as api_funds
from picketline.web.api import health
from picketline.web.api import history as api_history
from picketline.web.api import map as api_map
from picketline.web.api import review as api_review
from picketline.web.api import stats as api_stats
from picketline.web.api import struggles as api_struggles
from picketline.web.api.cors import PublicReadCors
from picketline.web.auth import AuthCookies
from picketline.web.background import background_jobs
from picketline.web.i18n import LocaleMiddleware
from picketline.web.pages import account as page_account
from picketline.web.pages import alerts as page_alerts
from picketline.web.pages import campaigns as page_campaigns
from picketline.web.pages import funds as page_funds
from picketline.web.pages import history as page_history
from picketline.web.pages import map as page_map
from picketline.web.pages import report as page_report
from picketline.web.pages import review as page_review
from picketline.web.pages import stats as page_stats
from picketline.web.pages import struggles as page_struggles
from picketline.web.pages.demo import DemoCache
from picketline.web.pages.render import build_templates

STATIC_DIR = Path(__file__).resolve().parent / "static"
JSON_PREFIXES = ("/api/", "/healthz", "/openapi.json")

# Nothing is fetched from another origin: no CDN, no fonts, no scripts yet.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
}

API_DESCRIPTION = """\
A verified record of workers' struggles — strikes, occupations, protests and
lockouts — with their sources and a timeline of dated events.

Only **published** struggles are visible. Each struggle carries every field of
the Picketline annotation format (actions, workers, sector, workplace,
employer, unions, place, start, end, participants, demands, outcome,
repression, background); a field the sources do not state is `null` or `[]`.
Struggles with `is_demo: true` are generated demonstration data, not real events.

Lists are paginated with an opaque cursor: pass a page's `next` as `after`.
"""


def _lifespan(
    settings: Settings, given: Database | None
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """Open the database at startup unless one was given; close only what we opened."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        db = given if given is not None else Database.open(settings)
        app.state.db = db
        try:
            if settings.background_jobs:
                async with background_jobs(db, settings):
                    yield
            else:
                yield
        finally:
            if given is None:
                db.close()

    return lifespan


def wants_json(request: Request) -> bool:
    """API and health paths answer errors in JSON; pages answer in HTML."""
    return request.url.path.startswith(JSON_PREFIXES)


async def http_error(request: Request, error: Exception) -> Response:
    """A JSON error for API clients, a readable page for people."""
    assert isinstance(error, StarletteHTTPException)
    if wants_json(request):
        headers = getattr(error, "headers", None)  # e.g. WWW-Authenticate on a 401
        return JSONResponse(
            {"detail": error.detail}, status_code=error.status_code, headers=headers
        )
    heading = "Not found" if error.status_code == 404 else "Something is wrong with this request"
    message = (
        "There is no published struggle at this address."
        if error.status_code == 404
        else str(error.detail)
    )
    return page_error(request, error.status_code, heading, message)


async def validation_error(request: Request, error: Exception) -> Response:
    """Bad query parameters: FastAPI's detailed JSON for the API, a short page otherwise."""
    assert isinstance(error, RequestValidationError)
    if wants_json(request):
        return JSONResponse({"detail": error.errors()}, status_code=422)
    return page_error(request, 400, "Bad request", "A parameter of this address is not valid.")


def page_error(request: Request, status: int, heading: str, message: str) -> Response:
    """Render the error page without a database round trip (the DB may be the problem)."""
    templates = request.app.state.templates
    has_demo = request.app.state.demo_cache.value  # the last known answer
    context = {"heading": heading, "message": message, "has_demo": has_demo}
    return templates.TemplateResponse(request, "error.html", context, status_code=status)


class SecurityHeaders:
    """Add a strict CSP and friends to every response: escaping plus no inline script.

    Plain ASGI rather than ``@app.middleware("http")``, whose per-request task and
    stream plumbing cost more than the rest of a small request.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(settings: Settings | None = None, db: Database | None = None) -> FastAPI:
    """Build the app; ``db`` if given is used as is and left open at shutdown."""
    settings = settings or get_settings()
    app = FastAPI(
        title="Picketline",
        version=__version__,
        summary="A verified record of workers' struggles, and solidarity with them.",
        description=API_DESCRIPTION,
        lifespan=_lifespan(settings, db),
        docs_url=None,  # Swagger UI and ReDoc load from a CDN: nothing here may.
        redoc_url=None,
        openapi_tags=[
            {"name": "struggles", "description": "Published struggles."},
            {"name": "map", "description": "Published struggles clustered for the map."},
            {"name": "stats", "description": "Figures over the published struggles."},
            {"name": "health", "description": "Service health."},
            {"name": "review", "description": "The review queue and its decisions (editors)."},
            {"name": "campaigns", "description": "Solidarity campaigns and their supporters."},
            {"name": "funds", "description": "Strike funds: their public books."},
        ],
    )
    app.state.settings = settings
    app.state.db = db
    app.state.templates = build_templates()
    app.state.demo_cache = DemoCache()
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(api_struggles.router)
    app.include_router(api_feeds.router)  # Atom feeds (#6)
    app.include_router(api_exports.router)  # CSV, JSON, GeoJSON downloads (#6)
    app.include_router(api_map.router)  # map clusters (#6)
    app.include_router(api_stats.router)  # statistics (#6)
    app.include_router(health.router)
    app.include_router(api_campaigns.router)  # campaigns API and the mail loop (#7)
    app.include_router(page_campaigns.router)  # /campaigns, pledges, email links (#7)
    app.include_router(api_funds.router)  # strike funds' books (#7)
    app.include_router(page_funds.router)  # /funds pages (#7)
    app.include_router(page_alerts.router)  # /alerts sign-up (#7)
    app.include_router(page_struggles.router)
    app.include_router(page_map.router)  # /map (#6)
    app.include_router(page_stats.router)  # /stats (#6)
    app.include_router(page_account.router)  # sign in and out (#5)
    app.include_router(page_history.router)  # struggle history and revert (#5)
    app.include_router(api_history.router)  # history JSON for editors (#5)
    app.include_router(api_review.router)  # review queue API (#5)
    app.include_router(page_review.router)  # /review pages (#5)
    app.include_router(page_report.router)  # /report, the public report form (#5)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(PublicReadCors)  # GET on /api/, /feeds/, /exports/ from any origin (#6)
    app.add_middleware(AuthCookies)  # cookies queued during a request, e.g. CSRF (#5)
    app.add_middleware(LocaleMiddleware)  # the language of each request (#6)
    return app

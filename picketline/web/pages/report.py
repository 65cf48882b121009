"""``/report``: anyone may tell us about a struggle, safely.

What protects the sender:
- nothing about the connection is stored: no address, no user agent, no time
  of day (``ingest.submission``); the rate limiter keeps only an in-memory
  keyed hash (``web.ratelimit``);
- the optional contact is encrypted and shown to editors only;
- images are decoded and re-encoded without metadata (``access.images``).

What protects the site: the body is counted while it is read and refused
with 413 past ``report_max_bytes`` (a declared length over it is refused
before reading anything); a client over ``reports_per_client_per_hour`` gets
429; the form needs its CSRF token. The text then goes down the ingestion
path and lands in the review queue (``actions.submissions``).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.types import Message

from picketline.access.images import CleanImage, ImageRefused, clean_image
from picketline.actions.submissions import do_submit_report
from picketline.errors import InputError
from picketline.extract.pipeline import default_extractor
from picketline.ingest.submission import LIMITS, SubmittedReport
from picketline.settings import Settings
from picketline.web.auth import check_csrf
from picketline.web.deps import DbDep
from picketline.web.pages.review import upload_dir
from picketline.web.ratelimit import RateLimiter

router = APIRouter(include_in_schema=False)

MAX_IMAGES = 5
TOO_LARGE = "The report is too large. Send at most {mb} MB of images, or fewer images."


def _limiter(request: Request) -> RateLimiter:
    """This app's report limiter (one per app, so each test app starts afresh)."""
    state = request.app.state
    limiter: RateLimiter | None = getattr(state, "report_limiter", None)
    if limiter is None:
        settings: Settings = state.settings
        limiter = RateLimiter(settings.reports_per_client_per_hour, 3600.0)
        state.report_limiter = limiter
    return limiter


async def rate_limit(request: Request) -> None:
    """429 for a client that sent too many reports this hour (counted before reading)."""
    _limiter(request).check(request)


async def limit_body(request: Request) -> None:
    """413 for a body over the limit: by its declared length, or while it is read.

    Runs before anything reads the form (CSRF check included), and wraps the
    request's receive channel so that a body without a length, or lying about
    it, is cut off as soon as it passes the limit: never buffered whole.
    """
    settings: Settings = request.app.state.settings
    limit = settings.report_max_bytes
    message = TOO_LARGE.format(mb=limit // (1024 * 1024))
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPException(status_code=413, detail=message)
    receive = request._receive
    seen = 0

    async def counted() -> Message:
        nonlocal seen
        got = await receive()
        seen += len(got.get("body", b""))
        if seen > limit:
            raise HTTPException(status_code=413, detail=message)
        return got

    request._receive = counted


def _render(request: Request, context: dict[str, Any], status: int = 200) -> Response:
    templates = request.app.state.templates
    base = {"has_demo": request.app.state.demo_cache.value, "error": None, "sent": False,
            "values": {}, "limits": LIMITS, "max_images": MAX_IMAGES}  # fmt: skip
    response: Response = templates.TemplateResponse(
        request, "report.html", {**base, **context}, status_code=status
    )
    return response


@router.get("/report", response_class=HTMLResponse, name="report_form")
def report_form(request: Request, sent: int = 0) -> Response:
    return _render(request, {"sent": bool(sent)})


@router.post(
    "/report",
    response_class=HTMLResponse,
    name="report_submit",
    dependencies=[Depends(rate_limit), Depends(limit_body), Depends(check_csrf)],
)
async def report_submit(request: Request, db: DbDep) -> Response:
    """Store the report and its cleaned images; thank the sender (303 to the form)."""
    form = await request.form(max_files=MAX_IMAGES + 1, max_fields=20)
    values = {k: str(form.get(k) or "") for k in ("what", "where", "when", "contact")}
    uploads = [u for u in form.getlist("images") if isinstance(u, UploadFile) and u.filename]
    try:
        report = SubmittedReport.from_form(**values)
        if len(uploads) > MAX_IMAGES:
            raise InputError(f"Send at most {MAX_IMAGES} images.")
        images = [await _clean(upload) for upload in uploads]
        settings: Settings = request.app.state.settings
        await run_in_threadpool(
            do_submit_report, db, default_extractor(), report, images,
            upload_dir=upload_dir(settings),
        )  # fmt: skip
    except InputError as error:
        return _render(request, {"error": str(error), "values": values}, status=400)
    finally:
        await form.close()
    return RedirectResponse(str(request.url_for("report_form").path) + "?sent=1", status_code=303)


async def _clean(upload: UploadFile) -> CleanImage:
    data = await upload.read()
    try:
        return await run_in_threadpool(clean_image, data, "An attached file")
    except ImageRefused as error:
        message = f"{error}. Only photos (JPEG, PNG, GIF or WebP) can be attached."
        raise InputError(message) from None

"""``/api/v1/campaigns``: campaigns as JSON (public read, editor write).

This router also carries the mail delivery loop in its lifespan: while the
server runs, queued email is sent every ``PICKETLINE_MAIL_SEND_INTERVAL_SECONDS``
(when ``PICKETLINE_SMTP_URL`` is set), so nothing waits for a cron job.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from fastapi import APIRouter, FastAPI

from picketline.notify.outbox import delivery_loop


@contextlib.asynccontextmanager
async def mail_lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Run ``delivery_loop`` beside the server; stop it at shutdown."""
    settings = app.state.settings
    interval = settings.mail_send_interval_seconds
    task = None
    if settings.smtp_url and interval > 0 and app.state.db is not None:
        task = asyncio.create_task(delivery_loop(app.state.db, settings, interval))
    try:
        yield
    finally:
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


router = APIRouter(prefix="/api/v1/campaigns", tags=["campaigns"], lifespan=mail_lifespan)

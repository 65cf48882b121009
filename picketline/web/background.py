"""The server's background jobs: mail, webhook deliveries and alert digests.

Real users run ``picketline serve`` and nothing else, so the work that the
CLI offers for cron (``mail send``, ``webhooks deliver``, ``alerts send``)
also runs here, every few seconds or minutes, beside the web server. Each job
is the same idempotent, due-based action the command calls: running it from
cron *and* from the server at once sends nothing twice (the outbox and the
webhook queue claim their rows; a digest moves its subscription's window).

A job runs in a worker thread (the actions are synchronous database code),
and a failed run is logged and retried at the next tick: a locked database or
an unreachable mail server must never stop the loop, let alone the server.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

from picketline.db import Database
from picketline.settings import Settings

log = logging.getLogger("picketline.background")


@dataclass(frozen=True)
class Job:
    """One periodic job: what it is called, what it runs, and how often."""

    name: str
    run: Callable[[Database, Settings], Any]
    interval: float


def _send_mail(db: Database, settings: Settings) -> Any:
    from picketline.notify.outbox import deliver_due

    return deliver_due(db, settings)


def _deliver_webhooks(db: Database, settings: Settings) -> Any:
    from picketline.actions.webhooks import do_deliver_webhooks

    return do_deliver_webhooks(db, settings)


def _send_digests(db: Database, settings: Settings) -> Any:
    from picketline.actions.alerts import do_send_digests

    report = do_send_digests(db, settings)
    if report.queued and settings.smtp_url:
        _send_mail(db, settings)
    return report


def jobs_for(settings: Settings, db: Database) -> list[Job]:
    """The jobs these settings switch on (an interval of 0 turns a job off).

    Mail needs an SMTP server; mail and digests need the encryption key, since
    the addresses are encrypted (without it they would fail on every tick).
    """
    has_key = db.cipher is not None
    wanted = [
        (settings.smtp_url and has_key, "mail", _send_mail, settings.mail_send_interval_seconds),
        (True, "webhooks", _deliver_webhooks, settings.webhook_interval_seconds),
        (has_key, "alerts", _send_digests, settings.alerts_interval_seconds),
    ]
    return [Job(name, run, every) for on, name, run, every in wanted if on and every > 0]


async def run_every(job: Job, db: Database, settings: Settings) -> None:
    """Run ``job`` now and then every ``job.interval`` seconds, until cancelled."""
    while True:
        try:
            report = await asyncio.to_thread(job.run, db, settings)
            log.debug("%s: %s", job.name, report)
        except asyncio.CancelledError:
            raise
        except Exception:  # the loop must outlive a bad moment
            log.exception("%s: background run failed; trying again in %ss", job.name, job.interval)
        await asyncio.sleep(job.interval)


@contextlib.asynccontextmanager
async def background_jobs(db: Database, settings: Settings) -> AsyncIterator[list[Job]]:
    """Start the enabled jobs for the server's lifetime; cancel them at shutdown."""
    jobs = jobs_for(settings, db)
    tasks = [asyncio.create_task(run_every(job, db, settings), name=job.name) for job in jobs]
    try:
        yield jobs
    finally:
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task

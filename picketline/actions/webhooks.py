"""Webhooks: register, enable, queue the changes each one wants, and deliver them.

Delivery is at-least-once. ``do_deliver_webhooks`` first queues, for every
active webhook, the published struggles new or changed since its watermark
that match its filter (one delivery each, payload fixed at that moment), then
sends what is due. A delivery is *claimed* (its next attempt moved a lease
ahead) in a short transaction, sent with no transaction open, and its outcome
recorded: delivered; or retried after ``retry_delay`` (base, doubling with each
failure in a row of that webhook, at most 6 hours; all its waiting deliveries
wait with it); or failed after ``webhook_max_attempts``. Every attempt goes into the
delivery log with its reason. ``webhook_max_failures`` failed attempts in a
row disable the webhook (audited, with the last reason); its pending
deliveries wait for ``do_enable_webhook``. After one failure a webhook gets no
more tries in the same run: a receiver that is down is not hammered.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from picketline.actions import audit
from picketline.db import Database
from picketline.db.alerts import changed_struggles, filter_to_json
from picketline.db.filters import StruggleFilter
from picketline.db.models_funds import WebhookAttemptRow, WebhookDeliveryRow, WebhookRow
from picketline.db.struggles import load_records
from picketline.db.types import utcnow
from picketline.db.webhooks import SECRET_COLUMN, to_webhook
from picketline.domain.alert import DeliveryStatus, retry_delay
from picketline.domain.audit import AuditEntry
from picketline.errors import InputError, NotFoundError
from picketline.notify.webhooks import AttemptResult, post_signed
from picketline.settings import Settings

LEASE = dt.timedelta(minutes=5)
BATCH = 200
MIN_SECRET = 16
MAX_URL = 2000


def new_secret() -> str:
    """A random shared secret for an organisation that did not bring its own."""
    return secrets.token_urlsafe(32)


def do_create_webhook(
    db: Database,
    *,
    organisation: str,
    url: str,
    secret: str,
    wanted: StruggleFilter,
    actor: str,
    now: dt.datetime | None = None,
) -> int:
    """Register an organisation's endpoint; changes from now on will be sent to it."""
    organisation = " ".join(organisation.split())
    if not organisation or len(organisation) > 200:
        raise InputError("the organisation's name is required (at most 200 characters)")
    _check_url(url)
    if len(secret) < MIN_SECRET:
        raise InputError(f"the secret must have at least {MIN_SECRET} characters")
    cipher = db.require_cipher()
    now = now or utcnow()
    with db.transaction() as session:
        row = WebhookRow(
            organisation=organisation,
            url=url.strip(),
            secret_enc=cipher.encrypt(secret, column=SECRET_COLUMN),
            filter=filter_to_json(wanted),
            active=True,
            consecutive_failures=0,
            changes_after=now,
            created_at=now,
            created_by=actor,
        )
        session.add(row)
        session.flush()
        after = {"organisation": organisation, "url": row.url, "filter": row.filter}
        _audit(session, actor, "webhook.create", row.id, None, after, now)
        return row.id


def do_enable_webhook(db: Database, webhook_id: int, *, actor: str) -> None:
    """Turn a disabled webhook back on; its waiting deliveries are due at once."""
    now = utcnow()
    with db.transaction() as session:
        row = session.get(WebhookRow, webhook_id)
        if row is None:
            raise NotFoundError(f"webhook {webhook_id} does not exist")
        before = {"active": row.active, "disabled_reason": row.disabled_reason}
        row.active, row.consecutive_failures, row.disabled_reason = True, 0, None
        session.execute(
            update(WebhookDeliveryRow)
            .where(
                WebhookDeliveryRow.webhook_id == webhook_id,
                WebhookDeliveryRow.status == DeliveryStatus.PENDING.value,
            )
            .values(next_attempt_at=now)
        )
        _audit(session, actor, "webhook.enable", row.id, before, {"active": True}, now)


def _check_url(url: str) -> None:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or len(url) > MAX_URL:
        raise InputError(f"the webhook URL {url[:80]!r} is not an http(s) address")
    if parts.username or parts.password:
        raise InputError("put no password in the webhook URL; the secret signs each delivery")


# ---- queueing -----------------------------------------------------------------------


def do_queue_changes(db: Database, *, now: dt.datetime | None = None) -> int:
    """Queue a delivery per active webhook and matching struggle changed since its watermark."""
    from picketline.web.api.schemas import struggle_out  # the public shape, and only it

    now = now or utcnow()
    queued = 0
    with db.transaction() as session:
        hooks = session.scalars(select(WebhookRow).where(WebhookRow.active).order_by(WebhookRow.id))
        for row in list(hooks):
            wanted = to_webhook(row).wanted
            changed = changed_struggles(session, db.dialect, wanted, row.changes_after, now)
            records = {
                r.struggle.id: r for r in load_records(session, [i for i, _ in changed], None)
            }
            for struggle_id, is_new in changed:
                event = "struggle.created" if is_new else "struggle.updated"
                public = struggle_out(records[struggle_id]).model_dump(mode="json")
                payload = {"event": event, "struggle": public}
                session.add(
                    WebhookDeliveryRow(
                        webhook_id=row.id,
                        event=event,
                        struggle_id=struggle_id,
                        payload=json.dumps(payload, ensure_ascii=False, sort_keys=True),
                        status=DeliveryStatus.PENDING.value,
                        attempts=0,
                        next_attempt_at=now,
                        created_at=now,
                    )
                )
                queued += 1
            row.changes_after = now
    return queued


# ---- delivering ---------------------------------------------------------------------


@dataclass
class WebhookReport:
    """What one run of ``do_deliver_webhooks`` did."""

    queued: int = 0
    delivered: int = 0
    retried: int = 0
    failed: int = 0  # given up after their last attempt
    disabled: list[int] = field(default_factory=list)  # webhooks switched off in this run


@dataclass(frozen=True)
class _Claimed:
    id: int
    webhook_id: int
    url: str
    secret: str
    event: str
    body: bytes
    attempts: int


def do_deliver_webhooks(
    db: Database, settings: Settings, *, now: dt.datetime | None = None
) -> WebhookReport:
    """Queue new changes, then send every due delivery once; the report."""
    now = now or utcnow()
    report = WebhookReport(queued=do_queue_changes(db, now=now))
    stopped: set[int] = set()  # webhooks that failed in this run get no more tries now
    for item in _claim(db, now):
        if item.webhook_id in stopped:
            continue  # its failure already moved every pending delivery to the retry time
        result = post_signed(
            item.url,
            item.secret,
            item.body,
            event=item.event,
            delivery_id=item.id,
            timeout=settings.webhook_timeout_seconds,
        )
        if not result.ok:
            stopped.add(item.webhook_id)
        _record(db, settings, item, result, now, report)
    return report


def _claim(db: Database, now: dt.datetime) -> list[_Claimed]:
    """Due deliveries of active webhooks, leased so a second sender skips them."""
    cipher = db.require_cipher()
    with db.transaction() as session:
        rows = session.execute(
            select(WebhookDeliveryRow, WebhookRow)
            .join(WebhookRow, WebhookRow.id == WebhookDeliveryRow.webhook_id)
            .where(
                WebhookRow.active,
                WebhookDeliveryRow.status == DeliveryStatus.PENDING.value,
                WebhookDeliveryRow.next_attempt_at <= now,
            )
            .order_by(WebhookDeliveryRow.id)
            .limit(BATCH)
        ).all()
        claimed = []
        for delivery, hook in rows:
            delivery.next_attempt_at = now + LEASE
            secret = cipher.decrypt(hook.secret_enc, column=SECRET_COLUMN)
            body = delivery.payload.encode("utf-8")
            claimed.append(
                _Claimed(
                    delivery.id, hook.id, hook.url, secret, delivery.event, body, delivery.attempts
                )
            )
        return claimed


def _record(
    db: Database,
    settings: Settings,
    item: _Claimed,
    result: AttemptResult,
    now: dt.datetime,
    report: WebhookReport,
) -> None:
    with db.transaction() as session:
        delivery = session.get(WebhookDeliveryRow, item.id)
        hook = session.get(WebhookRow, item.webhook_id)
        if delivery is None or hook is None:
            return  # the webhook was deleted meanwhile
        session.add(
            WebhookAttemptRow(
                delivery_id=item.id,
                webhook_id=item.webhook_id,
                at=now,
                ok=result.ok,
                status_code=result.status_code,
                error=result.error,
                duration_ms=result.duration_ms,
            )
        )
        delivery.attempts = item.attempts + 1
        if result.ok:
            delivery.status, delivery.delivered_at = DeliveryStatus.DELIVERED.value, now
            hook.consecutive_failures = 0
            report.delivered += 1
            return
        _failed(session, settings, hook, delivery, result, now, report)


def _failed(
    session: Session,
    settings: Settings,
    hook: WebhookRow,
    delivery: WebhookDeliveryRow,
    result: AttemptResult,
    now: dt.datetime,
    report: WebhookReport,
) -> None:
    hook.consecutive_failures += 1
    retry_at = now + retry_delay(hook.consecutive_failures, settings.webhook_backoff_seconds)
    session.execute(  # the receiver is in trouble: all its deliveries wait, not just this one
        update(WebhookDeliveryRow)
        .where(
            WebhookDeliveryRow.webhook_id == hook.id,
            WebhookDeliveryRow.status == DeliveryStatus.PENDING.value,
        )
        .values(next_attempt_at=retry_at)
        .execution_options(synchronize_session=False)
    )
    if delivery.attempts >= settings.webhook_max_attempts:
        delivery.status = DeliveryStatus.FAILED.value
        report.failed += 1
    else:
        report.retried += 1
    if hook.active and hook.consecutive_failures >= settings.webhook_max_failures:
        hook.active = False
        hook.disabled_reason = (
            f"disabled after {hook.consecutive_failures} failed deliveries in a row; "
            f"last: {result.error}"
        )
        report.disabled.append(hook.id)
        after = {"active": False, "disabled_reason": hook.disabled_reason}
        _audit(session, "system:webhooks", "webhook.disable", hook.id, {"active": True}, after, now)


def _audit(
    session: Session,
    actor: str,
    action: str,
    entity_id: int,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    now: dt.datetime,
) -> None:
    entry = AuditEntry(None, now, actor, action, "webhook", entity_id, before, after)
    audit.append(session, [entry])

"""Reading webhooks, their delivery queue and their delivery log.

A webhook's secret is decrypted only when a caller passes the cipher (the
sender, to sign); listings for editors never show it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from picketline.access.crypto import FieldCipher
from picketline.db.alerts import filter_from_json
from picketline.db.filters import StruggleFilter
from picketline.db.models_funds import WebhookAttemptRow, WebhookDeliveryRow, WebhookRow

SECRET_COLUMN = "webhooks.secret_enc"


@dataclass(frozen=True)
class Webhook:
    id: int
    organisation: str
    url: str
    wanted: StruggleFilter
    active: bool
    consecutive_failures: int
    disabled_reason: str | None
    secret: str | None  # only when opened with the cipher


@dataclass(frozen=True)
class Attempt:
    """One line of the delivery log."""

    delivery_id: int
    at: dt.datetime
    ok: bool
    status_code: int | None
    error: str | None
    duration_ms: int
    event: str
    struggle_id: int | None


def to_webhook(row: WebhookRow, cipher: FieldCipher | None = None) -> Webhook:
    secret = cipher.decrypt(row.secret_enc, column=SECRET_COLUMN) if cipher else None
    return Webhook(
        id=row.id,
        organisation=row.organisation,
        url=row.url,
        wanted=filter_from_json(row.filter),
        active=row.active,
        consecutive_failures=row.consecutive_failures,
        disabled_reason=row.disabled_reason,
        secret=secret,
    )


def list_webhooks(session: Session) -> list[Webhook]:
    return [to_webhook(r) for r in session.scalars(select(WebhookRow).order_by(WebhookRow.id))]


def get_webhook(session: Session, webhook_id: int) -> Webhook | None:
    row = session.get(WebhookRow, webhook_id)
    return to_webhook(row) if row is not None else None


def delivery_log(session: Session, webhook_id: int, limit: int = 200) -> list[Attempt]:
    """The latest attempts for a webhook, newest first."""
    stmt = (
        select(WebhookAttemptRow, WebhookDeliveryRow.event, WebhookDeliveryRow.struggle_id)
        .join(WebhookDeliveryRow, WebhookDeliveryRow.id == WebhookAttemptRow.delivery_id)
        .where(WebhookAttemptRow.webhook_id == webhook_id)
        .order_by(WebhookAttemptRow.id.desc())
        .limit(limit)
    )
    return [
        Attempt(a.delivery_id, a.at, a.ok, a.status_code, a.error, a.duration_ms, event, sid)
        for a, event, sid in session.execute(stmt)
    ]


def deliveries(session: Session, webhook_id: int) -> list[WebhookDeliveryRow]:
    """A webhook's deliveries, oldest first (for the CLI and tests)."""
    stmt = (
        select(WebhookDeliveryRow)
        .where(WebhookDeliveryRow.webhook_id == webhook_id)
        .order_by(WebhookDeliveryRow.id)
    )
    return list(session.scalars(stmt))

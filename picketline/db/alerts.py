"""Reading alert subscriptions, and the published struggles that changed in a window.

A subscription's filter is stored as the query parameters of a
``StruggleFilter`` (``[["country", "UA"], ["q", "miners"]]``), the same shape
the public list page and the API read, so an alert matches exactly what the
list would show for that link. ``changed_struggles`` serves alerts and
webhooks alike.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from picketline.access.crypto import FieldCipher
from picketline.db.filters import StruggleFilter, params_of, parse_filter
from picketline.db.models import StruggleRow
from picketline.db.models_funds import AlertSubscriptionRow
from picketline.db.struggles import filter_clauses
from picketline.domain.alert import Frequency, SubscriptionStatus

EMAIL_COLUMN = "alert_subscriptions.email_enc"


@dataclass(frozen=True)
class Subscription:
    id: int
    email: str | None  # None unless opened with the cipher
    wanted: StruggleFilter
    frequency: Frequency
    status: SubscriptionStatus
    digest_after: dt.datetime | None
    last_digest_at: dt.datetime | None


def filter_to_json(wanted: StruggleFilter) -> dict[str, Any]:
    """What the ``filter`` column stores: the filter's query parameters."""
    return {"params": [list(pair) for pair in wanted.to_params(with_sort=False)]}


def filter_from_json(data: dict[str, Any]) -> StruggleFilter:
    pairs = [(str(name), str(value)) for name, value in data.get("params", [])]
    return parse_filter(params_of(pairs))


def to_subscription(row: AlertSubscriptionRow, cipher: FieldCipher | None) -> Subscription:
    email = None
    if cipher is not None and row.email_enc:
        email = cipher.decrypt(row.email_enc, column=EMAIL_COLUMN)
    return Subscription(
        id=row.id,
        email=email,
        wanted=filter_from_json(row.filter),
        frequency=Frequency(row.frequency),
        status=SubscriptionStatus(row.status),
        digest_after=row.digest_after,
        last_digest_at=row.last_digest_at,
    )


def active_subscription_ids(session: Session) -> list[int]:
    stmt = (
        select(AlertSubscriptionRow.id)
        .where(AlertSubscriptionRow.status == SubscriptionStatus.ACTIVE.value)
        .order_by(AlertSubscriptionRow.id)
    )
    return list(session.scalars(stmt))


def changed_struggles(
    session: Session,
    dialect: str,
    wanted: StruggleFilter,
    after: dt.datetime,
    until: dt.datetime,
) -> list[tuple[int, bool]]:
    """Published struggles matching ``wanted`` changed in (after, until]: (id, is_new)."""
    s = StruggleRow
    stmt = (
        select(s.id, s.created_at)
        .where(*filter_clauses(dialect, wanted), s.updated_at > after, s.updated_at <= until)
        .order_by(s.updated_at, s.id)
    )
    return [(int(i), created > after) for i, created in session.execute(stmt)]

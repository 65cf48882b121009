"""Alerts as pure rules: digest frequencies, when a digest is due, webhook signatures
and retry delays. No I/O here; ``actions.alerts`` and ``notify.webhooks`` use them.

A webhook payload is signed with HMAC-SHA256 of its exact body under the
organisation's secret and sent as ``X-Picketline-Signature: sha256=<hex>``
(the GitHub convention, so receivers can reuse their verification code).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from enum import StrEnum

SIGNATURE_HEADER = "X-Picketline-Signature"
EVENT_HEADER = "X-Picketline-Event"
DELIVERY_HEADER = "X-Picketline-Delivery"
BACKOFF_CAP = dt.timedelta(hours=6)
DUE_SLACK = dt.timedelta(minutes=10)
"""A daily digest run by cron at 06:00 is due even if yesterday's ran at 06:03."""


class Frequency(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"


PERIODS = {Frequency.DAILY: dt.timedelta(days=1), Frequency.WEEKLY: dt.timedelta(days=7)}


class SubscriptionStatus(StrEnum):
    PENDING = "pending"  # waiting for the emailed link to be followed
    ACTIVE = "active"
    UNSUBSCRIBED = "unsubscribed"


class DeliveryStatus(StrEnum):
    PENDING = "pending"  # due now or at its next attempt
    DELIVERED = "delivered"
    FAILED = "failed"  # given up after the last attempt, or its webhook was disabled


def digest_due(frequency: Frequency, last: dt.datetime | None, now: dt.datetime) -> bool:
    """Whether a subscription whose last digest window closed at ``last`` is due at ``now``."""
    return last is None or now - last >= PERIODS[Frequency(frequency)] - DUE_SLACK


def sign(secret: str, body: bytes) -> str:
    """The signature header value for ``body``: ``sha256=<hex>``."""
    digest = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def signature_matches(secret: str, body: bytes, header: str | None) -> bool:
    """What a receiver does: recompute and compare in constant time."""
    return header is not None and hmac.compare_digest(sign(secret, body), header)


def retry_delay(attempts: int, base_seconds: float) -> dt.timedelta:
    """Wait before the next try after ``attempts`` failed ones: base, 2×base, 4×base … ≤ 6 h."""
    exponent = min(max(attempts - 1, 0), 30)
    return min(dt.timedelta(seconds=base_seconds * 2**exponent), BACKOFF_CAP)

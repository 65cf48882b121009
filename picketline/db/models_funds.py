"""Tables of the solidarity money and news flows (issue #7): strike funds and their
append-only ledger, alert subscriptions, and webhooks with their delivery log.

Kept apart from ``models.py`` so this area owns its tables. Amounts are
``BigInteger`` minor units; ledger rows are refused UPDATE and DELETE by
database triggers (migration 0007), as the audit log is. Donors' and
subscribers' identities and webhook secrets live only in ``*_enc`` columns.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from picketline.db.models import Base
from picketline.db.types import UTCDateTime, utcnow


class FundRow(Base):
    """A strike fund for a struggle (or a campaign on it), in one currency."""

    __tablename__ = "funds"
    __table_args__ = (
        Index("ix_funds_struggle", "struggle_id"),
        CheckConstraint(
            "struggle_id IS NOT NULL OR campaign_id IS NOT NULL", name="ck_funds_owner"
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    struggle_id: Mapped[int | None] = mapped_column(ForeignKey("struggles.id"))
    campaign_id: Mapped[int | None] = mapped_column(Integer)  # FK to campaigns (0006) in SQL
    name: Mapped[str] = mapped_column(Text)
    currency: Mapped[str] = mapped_column(String(3))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(Text)


class LedgerTransactionRow(Base):
    """One balanced entry; ``reverses`` names the entry a correction undoes (once only)."""

    __tablename__ = "ledger_transactions"
    __table_args__ = (Index("ix_ledger_transactions_fund", "fund_id", "id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    fund_id: Mapped[int] = mapped_column(ForeignKey("funds.id"))
    kind: Mapped[str] = mapped_column(String(24))  # EntryKind
    occurred_on: Mapped[str] = mapped_column(String(10))  # ISO date
    purpose: Mapped[str] = mapped_column(Text, default="")
    reverses: Mapped[int | None] = mapped_column(ForeignKey("ledger_transactions.id"), unique=True)
    donor_enc: Mapped[str | None] = mapped_column(Text)  # encrypted {"name", "email"}
    public_donor: Mapped[str | None] = mapped_column(Text)  # set only with the donor's consent
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    recorded_by: Mapped[str] = mapped_column(Text)


class LedgerPostingRow(Base):
    """One debit (amount > 0) or credit (amount < 0) of a transaction."""

    __tablename__ = "ledger_postings"
    __table_args__ = (
        Index("ix_ledger_postings_transaction", "transaction_id"),
        CheckConstraint("amount <> 0", name="ck_ledger_postings_nonzero"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    transaction_id: Mapped[int] = mapped_column(ForeignKey("ledger_transactions.id"))
    account: Mapped[str] = mapped_column(String(16))  # Account
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))


class AlertSubscriptionRow(Base):
    """Someone who asked for a digest of struggles matching ``filter``.

    ``status`` is pending until the emailed link is followed, then active, then
    unsubscribed. ``digest_after`` is the watermark: the next digest holds the
    struggles changed after it.
    """

    __tablename__ = "alert_subscriptions"
    __table_args__ = (Index("ix_alert_subscriptions_status", "status"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    email_enc: Mapped[str] = mapped_column(Text)
    filter: Mapped[dict[str, Any]] = mapped_column(JSON)
    frequency: Mapped[str] = mapped_column(String(8))  # daily | weekly
    status: Mapped[str] = mapped_column(String(16), default="pending")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    confirmed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    digest_after: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    last_digest_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    unsubscribed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class WebhookRow(Base):
    """An organisation's endpoint for struggles matching ``filter``.

    ``changes_after`` is the watermark of struggles already queued for it;
    ``consecutive_failures`` disables it at ``webhook_max_failures``.
    """

    __tablename__ = "webhooks"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation: Mapped[str] = mapped_column(Text)
    url: Mapped[str] = mapped_column(Text)
    secret_enc: Mapped[str] = mapped_column(Text)
    filter: Mapped[dict[str, Any]] = mapped_column(JSON)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    consecutive_failures: Mapped[int] = mapped_column(Integer, default=0)
    disabled_reason: Mapped[str | None] = mapped_column(Text)
    changes_after: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(Text)


class WebhookDeliveryRow(Base):
    """One payload for one webhook: pending until delivered, or failed after its last try."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (Index("ix_webhook_deliveries_due", "status", "next_attempt_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    webhook_id: Mapped[int] = mapped_column(ForeignKey("webhooks.id", ondelete="CASCADE"))
    event: Mapped[str] = mapped_column(String(32))
    struggle_id: Mapped[int | None] = mapped_column(Integer)
    payload: Mapped[str] = mapped_column(Text)  # the exact bytes signed and sent (UTF-8)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    delivered_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class WebhookAttemptRow(Base):
    """The delivery log: one row per try, with the reason when it failed."""

    __tablename__ = "webhook_attempts"
    __table_args__ = (Index("ix_webhook_attempts_webhook", "webhook_id", "id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    delivery_id: Mapped[int] = mapped_column(
        ForeignKey("webhook_deliveries.id", ondelete="CASCADE")
    )
    webhook_id: Mapped[int] = mapped_column(ForeignKey("webhooks.id", ondelete="CASCADE"))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    ok: Mapped[bool] = mapped_column(Boolean)
    status_code: Mapped[int | None] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(Text)  # "HTTP 500", "timeout after 2s", ...
    duration_ms: Mapped[int] = mapped_column(Integer)

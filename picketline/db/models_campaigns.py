"""Tables for solidarity campaigns, pledges, the mail outbox and used tokens (issue #7).

Personal data of signers (name, email, organisation) lives only in ``*_enc``
columns, encrypted with the database's ``FieldCipher``. Uniqueness of a
signature per email and campaign is enforced by the database on a keyed hash
of the normalised email (``email_hash``), so the plain address is never stored
and concurrent pledges cannot both win. Outgoing mail is encrypted as a whole
(recipient and message) until it is sent, then its content is erased.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from picketline.db.models import Base
from picketline.db.types import UTCDateTime, utcnow


class CampaignRow(Base):
    """A campaign on a struggle: whom it addresses, its goal and when signing is open."""

    __tablename__ = "campaigns"
    __table_args__ = (Index("ix_campaigns_struggle", "struggle_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    struggle_id: Mapped[int] = mapped_column(ForeignKey("struggles.id", ondelete="CASCADE"))
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    target: Mapped[str] = mapped_column(Text)  # the employer or authority addressed
    goal: Mapped[int | None] = mapped_column(Integer)  # supporters wanted
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date | None] = mapped_column(Date)
    created_by: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)


class CampaignTextRow(Base):
    """One translation of a campaign's appeal; at most one per language."""

    __tablename__ = "campaign_texts"
    __table_args__ = (UniqueConstraint("campaign_id", "language", name="uq_campaign_texts"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    language: Mapped[str] = mapped_column(String(16))  # BCP 47 tag, lower case: en, ru, pt-br
    title: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)


class PledgeRow(Base):
    """One signature; it counts once ``confirmed_at`` is set (double opt-in)."""

    __tablename__ = "pledges"
    __table_args__ = (
        UniqueConstraint("campaign_id", "email_hash", name="uq_pledges_campaign_email"),
        Index("ix_pledges_campaign_confirmed", "campaign_id", "confirmed_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    email_hash: Mapped[str] = mapped_column(String(64))  # keyed hash of the normalised email
    email_enc: Mapped[str] = mapped_column(Text)
    name_enc: Mapped[str] = mapped_column(Text)
    organisation_enc: Mapped[str | None] = mapped_column(Text)
    show_name: Mapped[bool] = mapped_column(Boolean, default=False)
    country: Mapped[str | None] = mapped_column(String(2))
    language: Mapped[str] = mapped_column(String(16))
    mail_opt_out: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    confirmed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class OutboxRow(Base):
    """An email waiting to go out (``queued``), gone (``sent``) or refused for good (``failed``)."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_due", "status", "next_attempt_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))  # pledge_confirm, digest, ...
    status: Mapped[str] = mapped_column(String(16), default="queued")
    to_enc: Mapped[str | None] = mapped_column(Text)  # erased once sent
    message_enc: Mapped[str | None] = mapped_column(Text)  # subject and bodies; erased once sent
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_error: Mapped[str | None] = mapped_column(Text)  # never holds an address
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class UsedTokenRow(Base):
    """The nonce of a single-use token that was spent; a second use hits the primary key."""

    __tablename__ = "used_tokens"
    nonce: Mapped[str] = mapped_column(String(32), primary_key=True)
    purpose: Mapped[str] = mapped_column(String(40))
    used_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)

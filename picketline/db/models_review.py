"""Tables of editorial review (issue #5): editor claims, rejections, report submissions.

Kept out of ``db.models`` so review owns its schema (migration ``0004``); the
tables share ``Base.metadata``, so migrations and tests see one schema.

- ``editor_claims``: a person's value for one field of a struggle. Derivation
  from the sources' claims (``actions.derived.rederive``) lets it win over the
  machine, so an editor's correction survives later ingestion and merges.
- ``review_rejections``: why a struggle was rejected, and by whom.
- ``submissions`` / ``submission_images``: reports sent through the public
  form. Nothing about the sender is kept but the optional contact, which is
  the source's encrypted ``reporter_contact``; no address, no user agent, and
  the day received only (not the time, which could be matched to server logs).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from picketline.db.models import Base
from picketline.db.types import UTCDateTime, utcnow


class EditorClaimRow(Base):
    """A field of a struggle as a person set it; it outranks every source's claim."""

    __tablename__ = "editor_claims"
    struggle_id: Mapped[int] = mapped_column(
        ForeignKey("struggles.id", ondelete="CASCADE"), primary_key=True
    )
    field: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)  # the field's FORMAT.md JSON (null: not stated)
    actor: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class RejectionRow(Base):
    """One rejection of a struggle, with the reason an editor gave."""

    __tablename__ = "review_rejections"
    __table_args__ = (Index("ix_review_rejections_struggle", "struggle_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    struggle_id: Mapped[int] = mapped_column(ForeignKey("struggles.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class SubmissionRow(Base):
    """A report sent through the public form: its source and the candidate it became."""

    __tablename__ = "submissions"
    __table_args__ = (
        Index("ix_submissions_source", "source_id"),
        Index("ix_submissions_struggle", "struggle_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    struggle_id: Mapped[int | None] = mapped_column(ForeignKey("struggles.id", ondelete="SET NULL"))
    received_on: Mapped[str] = mapped_column(String(10))  # ISO day only


class SubmissionImageRow(Base):
    """An image sent with a report, re-encoded without metadata, stored under a random name."""

    __tablename__ = "submission_images"
    __table_args__ = (Index("ix_submission_images_submission", "submission_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id", ondelete="CASCADE"))
    file_name: Mapped[str] = mapped_column(String(80), unique=True)
    media_type: Mapped[str] = mapped_column(String(32))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    size_bytes: Mapped[int] = mapped_column(Integer)

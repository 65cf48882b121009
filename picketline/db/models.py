"""The tables, as typed SQLAlchemy 2 declarative models.

Enum codes are stored as their FORMAT.md strings; list fields are JSON, with
the values we filter on (country, sector, dates, outcome, status) also in
plain indexed columns. Dates are ISO text plus a precision, so ``2014-05``
stays a month and sorts correctly. Sensitive values live only in ``*_enc``
columns, encrypted (see ``picketline.access.crypto``).

Changing a table means writing an Alembic migration in ``migrations/versions``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from picketline.db.types import UTCDateTime, utcnow


class Base(DeclarativeBase):
    """The metadata every table and migration shares."""


class AppMeta(Base):
    """Key/value facts about the database: app version, key check value."""

    __tablename__ = "app_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class PlaceRow(Base):
    __tablename__ = "places"
    __table_args__ = (Index("ix_places_country", "country"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 of the place's JSON
    geonames_id: Mapped[int | None] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    admin1: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(2))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    precision: Mapped[str | None] = mapped_column(String(16))
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)


class OrganisationRow(Base):
    __tablename__ = "organisations"
    __table_args__ = (UniqueConstraint("name", "kind", "country", name="uq_organisations"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))  # OrganisationKind
    country: Mapped[str] = mapped_column(String(2), default="")  # "" when unknown


class StruggleRow(Base):
    __tablename__ = "struggles"
    __table_args__ = (
        Index("ix_struggles_status_id", "status", "id"),
        Index("ix_struggles_country", "country"),
        Index("ix_struggles_sector", "sector"),
        Index("ix_struggles_start", "start_date"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    status: Mapped[str] = mapped_column(String(16))  # StruggleStatus
    merged_into: Mapped[int | None] = mapped_column(ForeignKey("struggles.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)
    title: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float | None] = mapped_column(Float)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    actions: Mapped[list[str]] = mapped_column(JSON)
    workers: Mapped[str | None] = mapped_column(Text)
    sector: Mapped[str | None] = mapped_column(String(1))
    workplace: Mapped[str | None] = mapped_column(Text)
    employer: Mapped[str | None] = mapped_column(Text)
    unions: Mapped[list[str]] = mapped_column(JSON)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id"))
    country: Mapped[str | None] = mapped_column(String(2))
    start_date: Mapped[str | None] = mapped_column(String(10))
    start_precision: Mapped[str | None] = mapped_column(String(5))
    end_date: Mapped[str | None] = mapped_column(String(10))
    end_precision: Mapped[str | None] = mapped_column(String(5))
    participants_min: Mapped[int | None] = mapped_column(Integer)
    participants_max: Mapped[int | None] = mapped_column(Integer)
    demands: Mapped[list[str]] = mapped_column(JSON)
    outcome: Mapped[str | None] = mapped_column(String(16))
    repression: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    background: Mapped[bool] = mapped_column(Boolean, default=False)
    sensitive_enc: Mapped[str | None] = mapped_column(Text)  # encrypted SensitiveData JSON
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class SourceRow(Base):
    __tablename__ = "sources"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(8))
    published: Mapped[str | None] = mapped_column(String(10))
    retrieved: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    reporter_contact_enc: Mapped[str | None] = mapped_column(Text)


class StruggleSourceRow(Base):
    __tablename__ = "struggle_sources"
    __table_args__ = (Index("ix_struggle_sources_source", "source_id"),)
    struggle_id: Mapped[int] = mapped_column(
        ForeignKey("struggles.id", ondelete="CASCADE"), primary_key=True
    )
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), primary_key=True)


class StruggleOrganisationRow(Base):
    __tablename__ = "struggle_organisations"
    __table_args__ = (Index("ix_struggle_organisations_org", "organisation_id"),)
    struggle_id: Mapped[int] = mapped_column(
        ForeignKey("struggles.id", ondelete="CASCADE"), primary_key=True
    )
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), primary_key=True)


class EvidenceRow(Base):
    __tablename__ = "evidence"
    __table_args__ = (Index("ix_evidence_struggle", "struggle_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    struggle_id: Mapped[int] = mapped_column(ForeignKey("struggles.id", ondelete="CASCADE"))
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    field: Mapped[str] = mapped_column(String(32))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (Index("ix_events_struggle", "struggle_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    struggle_id: Mapped[int] = mapped_column(ForeignKey("struggles.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))  # EventKind
    date: Mapped[str | None] = mapped_column(String(10))
    date_precision: Mapped[str | None] = mapped_column(String(5))
    description: Mapped[str] = mapped_column(Text, default="")
    count: Mapped[int | None] = mapped_column(Integer)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"))


class StruggleSearchRow(Base):
    """The text full-text search indexes for one struggle (fields + its sources).

    SQLite indexes it with an FTS5 external-content table kept in sync by
    triggers; PostgreSQL with a generated ``tsvector`` column and a GIN index.
    Both are created by the migration, not by this model.
    """

    __tablename__ = "struggle_search"
    struggle_id: Mapped[int] = mapped_column(
        ForeignKey("struggles.id", ondelete="CASCADE"), primary_key=True
    )
    document: Mapped[str] = mapped_column(Text)


class AuditRow(Base):
    """Append-only history; ``hash`` chains every entry to the one before it."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    reason: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


# ---- resolution (issue #4): near-duplicates, claims, blocking keys, possible duplicates ----


class SourceFingerprintRow(Base):
    """How ingest saw one source: its dedup fingerprint and what came of it.

    ``relevant`` is None for a near-duplicate (never extracted); ``duplicate_of``
    names the earlier source it copies or excerpts.
    """

    __tablename__ = "source_fingerprints"
    __table_args__ = (Index("ix_source_fingerprints_exact", "exact_key"),)
    source_id: Mapped[int] = mapped_column(
        ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True
    )
    exact_key: Mapped[str] = mapped_column(String(32))  # hash of the folded words
    sample_size: Mapped[int] = mapped_column(Integer)  # how many sampled shingles
    relevant: Mapped[bool | None] = mapped_column(Boolean)
    duplicate_of: Mapped[int | None] = mapped_column(ForeignKey("sources.id"))
    similarity: Mapped[float | None] = mapped_column(Float)
    containment: Mapped[float | None] = mapped_column(Float)


class SourceShingleRow(Base):
    """One sampled shingle of a source: the inverted index of ``resolve.dedup``, on disk."""

    __tablename__ = "source_shingles"
    hash: Mapped[int] = mapped_column(BigInteger, primary_key=True)  # the uint64, as signed
    source_id: Mapped[int] = mapped_column(
        ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True
    )


class ClaimRow(Base):
    """One source stating one value of one field of a struggle (``resolve.merge.Claim``).

    ``value`` is the field's FORMAT.md JSON; ``source_id`` is None only for
    claims seeded from a struggle that had no source.
    """

    __tablename__ = "struggle_claims"
    __table_args__ = (
        Index("ix_struggle_claims_struggle", "struggle_id"),
        Index("ix_struggle_claims_source", "source_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    struggle_id: Mapped[int] = mapped_column(ForeignKey("struggles.id", ondelete="CASCADE"))
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"))
    field: Mapped[str] = mapped_column(String(40))
    value: Mapped[Any] = mapped_column(JSON)


class StruggleKeyRow(Base):
    """A live struggle filed under one blocking key (``resolve.candidates``)."""

    __tablename__ = "struggle_keys"
    __table_args__ = (Index("ix_struggle_keys_struggle", "struggle_id"),)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    struggle_id: Mapped[int] = mapped_column(
        ForeignKey("struggles.id", ondelete="CASCADE"), primary_key=True
    )


class PossibleDuplicateRow(Base):
    """A candidate that may be the same struggle as ``duplicate_of``: an editor decides."""

    __tablename__ = "possible_duplicates"
    __table_args__ = (Index("ix_possible_duplicates_of", "duplicate_of"),)
    struggle_id: Mapped[int] = mapped_column(
        ForeignKey("struggles.id", ondelete="CASCADE"), primary_key=True
    )
    duplicate_of: Mapped[int] = mapped_column(
        ForeignKey("struggles.id", ondelete="CASCADE"), primary_key=True
    )
    score: Mapped[float] = mapped_column(Float)
    reasons: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

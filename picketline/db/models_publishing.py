"""Publishing tables (issue #6): the facets the public filters search.

A struggle's actions, demands and repression types are JSON lists on its row;
"every strike or picket in Ukraine" cannot use an index on a JSON list on both
SQLite and PostgreSQL. ``struggle_facets`` holds one row per (struggle, facet,
value) — also the region (``admin1``) of its place, so that filter needs no
join — indexed by (facet, value, struggle_id). ``picketline.db.facets``
rebuilds a struggle's rows from the same write paths that change its fields.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from picketline.db.models import Base


class StruggleFacetRow(Base):
    """One searchable value of one list-valued field of a struggle."""

    __tablename__ = "struggle_facets"
    __table_args__ = (Index("ix_struggle_facets_value", "facet", "value", "struggle_id"),)
    struggle_id: Mapped[int] = mapped_column(
        ForeignKey("struggles.id", ondelete="CASCADE"), primary_key=True
    )
    facet: Mapped[str] = mapped_column(String(16), primary_key=True)  # action, demand, ...
    value: Mapped[str] = mapped_column(String(160), primary_key=True)

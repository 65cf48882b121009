"""Publishing: facet tables and indexes for the public filters (issue #6).

``struggle_facets`` (one row per struggle, facet, value: actions, demands,
repression types and the place's region) is created and filled from the
existing struggles; the struggles get the indexes the list's sort orders walk
(start date, last change, head count), each after ``status`` so the public
list reads only published rows, and each carrying id, country, sector and
outcome so those filters are checked in the index.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

BATCH = 2_000
HEADCOUNT = "coalesce(participants_max, participants_min)"
RIDERS = ["id", "country", "sector", "outcome"]
"""The tie-breaker and the filterable columns carried in every sort index."""


def upgrade() -> None:
    op.create_table(
        "struggle_facets",
        sa.Column("struggle_id", sa.Integer(), nullable=False),
        sa.Column("facet", sa.String(length=16), nullable=False),
        sa.Column("value", sa.String(length=160), nullable=False),
        sa.ForeignKeyConstraint(["struggle_id"], ["struggles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("struggle_id", "facet", "value"),
    )
    op.create_index(
        "ix_struggle_facets_value", "struggle_facets", ["facet", "value", "struggle_id"]
    )
    # Each sort order walks its own index; the filterable columns ride along at the
    # end, so "Ukrainian mining, newest first" is decided inside the index without
    # reading a single (wide) struggle row that does not match.
    op.create_index("ix_struggles_status_start", "struggles", ["status", "start_date", *RIDERS])
    op.create_index("ix_struggles_status_updated", "struggles", ["status", "updated_at", *RIDERS])
    op.create_index("ix_struggles_status_created", "struggles", ["status", "created_at"])
    op.execute(
        "CREATE INDEX ix_struggles_status_headcount ON struggles "
        f"(status, ({HEADCOUNT}), {', '.join(RIDERS)})"
    )
    backfill(op.get_bind())


def _list(value: Any) -> list[Any]:
    """A JSON column's value, whether the driver decoded it or not."""
    if value is None:
        return []
    return json.loads(value) if isinstance(value, str) else list(value)


def facet_rows(row: Any) -> list[dict[str, Any]]:
    """The facets of one struggle row, as ``picketline.db.facets.facet_values`` makes them."""
    pairs = {("action", str(a)) for a in _list(row.actions)}
    pairs |= {("demand", str(d)) for d in _list(row.demands)}
    pairs |= {("repression", str(r["type"])) for r in _list(row.repression) if r.get("type")}
    if row.admin1:
        pairs.add(("region", str(row.admin1)[:160]))
    return [{"struggle_id": row.id, "facet": f, "value": v} for f, v in sorted(pairs)]


def backfill(bind: sa.Connection) -> None:
    """Facet rows for every struggle already stored, a batch of ids at a time."""
    facets = sa.table(
        "struggle_facets", sa.column("struggle_id"), sa.column("facet"), sa.column("value")
    )
    last = 0
    while True:
        rows = bind.execute(
            sa.text(
                "SELECT s.id, s.actions, s.demands, s.repression, p.admin1 FROM struggles s "
                "LEFT JOIN places p ON p.id = s.place_id WHERE s.id > :last ORDER BY s.id "
                "LIMIT :n"
            ),
            {"last": last, "n": BATCH},
        ).all()
        if not rows:
            return
        out = [facet for row in rows for facet in facet_rows(row)]
        if out:
            bind.execute(sa.insert(facets), out)
        last = rows[-1].id


def downgrade() -> None:
    op.drop_index("ix_struggles_status_headcount", table_name="struggles")
    op.drop_index("ix_struggles_status_created", table_name="struggles")
    op.drop_index("ix_struggles_status_updated", table_name="struggles")
    op.drop_index("ix_struggles_status_start", table_name="struggles")
    op.drop_index("ix_struggle_facets_value", table_name="struggle_facets")
    op.drop_table("struggle_facets")

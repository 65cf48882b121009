"""Keeping ``struggle_facets`` in step with a struggle's fields.

Called inside the caller's transaction by every action that writes a
struggle's fields (creation in bulk, edits, merges and splits), so the
filters of the list, API, feeds and exports never see stale facets. The
facets are pure functions of the fields (``facet_values``), which is also
what the migration's backfill uses.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Table, delete, insert
from sqlalchemy.orm import Session

from picketline.db.models_publishing import StruggleFacetRow
from picketline.domain.struggle import Struggle, StruggleFields

FACETS = ("action", "demand", "repression", "region")
"""The facet names; the first three match ``StruggleFilter`` fields, region too."""
MAX_VALUE = 160


def facet_values(fields: StruggleFields) -> set[tuple[str, str]]:
    """The (facet, value) pairs of a struggle's fields, each once."""
    pairs = {("action", a.value) for a in fields.actions}
    pairs |= {("demand", d.value) for d in fields.demands}
    pairs |= {("repression", r.type.value) for r in fields.repression}
    if fields.place is not None and fields.place.admin1:
        pairs.add(("region", fields.place.admin1[:MAX_VALUE]))
    return pairs


def facet_rows(struggle_id: int, fields: StruggleFields) -> list[dict[str, Any]]:
    return [
        {"struggle_id": struggle_id, "facet": facet, "value": value}
        for facet, value in sorted(facet_values(fields))
    ]


def _table() -> Table:
    found: Table = StruggleFacetRow.__table__  # type: ignore[assignment]
    return found


def refresh_facets(session: Session, struggle: Struggle) -> None:
    """Replace the struggle's facet rows with those of its current fields."""
    assert struggle.id is not None
    session.execute(delete(_table()).where(_table().c.struggle_id == struggle.id))
    rows = facet_rows(struggle.id, struggle.fields)
    if rows:
        session.execute(insert(_table()), rows)


def insert_facets(session: Session, struggles: Iterable[tuple[int, Struggle]]) -> None:
    """Facet rows for newly inserted struggles (``(id, struggle)`` pairs), in one insert."""
    rows = [row for struggle_id, s in struggles for row in facet_rows(struggle_id, s.fields)]
    if rows:
        session.execute(insert(_table()), rows)

"""The mirror's client-side search index: one ``.js`` file per language.

``fetch()`` of a local file fails from ``file://`` in Chromium, so the index
is a script that assigns ``window.PICKETLINE_SEARCH``; the search page loads
it with ``<script src>`` and ``static/mirror-search.js`` searches it. Rows
hold codes (country, sector, actions, outcome) and each file carries their
labels in its language, so a row costs little more than its words. Only
public columns of published struggles are read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from types import SimpleNamespace
from typing import Any

from sqlalchemy import select

from picketline.db import Database
from picketline.db.models import PlaceRow, StruggleRow
from picketline.domain.vocab import Action, Outcome, Sector
from picketline.web.pages import render

FIELDS = ("id", "title", "place", "country", "sector", "actions", "start", "outcome", "who")
CHUNK = 2000


def search_index_js(db: Database, published: Sequence[int], language: str) -> bytes:
    """The index of the ``published`` struggles, labelled in ``language`` (the current one)."""
    rows = list(_rows(db, published))
    countries = sorted({row[3] for row in rows if row[3]})
    index = {
        "language": language,
        "fields": FIELDS,
        "labels": {
            "country": {code: render.country_name(code) for code in countries},
            "sector": {s.value: render.sector_label(s.value) for s in Sector},
            "action": {a.value: render.label(a.value) for a in Action},
            "outcome": {o.value: render.label(o.value) for o in Outcome},
        },
        "rows": rows,
    }
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f"window.PICKETLINE_SEARCH={text};\n".encode()


def _rows(db: Database, published: Sequence[int]) -> Iterator[list[Any]]:
    stmt = (
        select(
            StruggleRow.id,
            StruggleRow.title,
            StruggleRow.actions,
            StruggleRow.workers,
            StruggleRow.workplace,
            StruggleRow.employer,
            StruggleRow.sector,
            StruggleRow.start_date,
            StruggleRow.outcome,
            StruggleRow.country,
            PlaceRow.name,
            PlaceRow.admin1,
            PlaceRow.country,
        )
        .outerjoin(PlaceRow, PlaceRow.id == StruggleRow.place_id)
        .order_by(StruggleRow.id.desc())
    )
    with db.session() as session:
        for start in range(0, len(published), CHUNK):
            ids = published[start : start + CHUNK]
            chunk = session.execute(stmt.where(StruggleRow.id.in_(ids))).all()
            for row in sorted(chunk, key=lambda r: -r[0]):
                yield _row(row)


def _row(row: Any) -> list[Any]:
    (
        sid,
        title,
        actions,
        workers,
        workplace,
        employer,
        sector,
        start,
        outcome,
        country,
        place_name,
        admin1,
        place_country,
    ) = row
    place = SimpleNamespace(name=place_name) if place_name else None
    shown = SimpleNamespace(
        title=title,
        actions=actions or [],
        workers=workers,
        workplace=workplace,
        employer=employer,
        place=place,
    )
    where = ", ".join(p for p in (place_name, admin1) if p)
    who = " · ".join(p for p in (workers, workplace, employer) if p)
    return [
        sid,
        render.display_title(shown),  # type: ignore[arg-type]
        where,
        place_country or country,
        sector,
        actions or [],
        start,
        outcome,
        who,
    ]

"""Map data: published struggles aggregated on a fixed grid per zoom level.

The map must stay smooth with 100,000 struggles, so the browser never gets them
all at once. For each zoom level up to ``GRID_MAX_ZOOM`` the world is cut into
square cells of ``cell_size(zoom)`` degrees (360 / 2^(zoom+2)): the browser
gets one cluster per non-empty cell (its count and count-weighted centroid),
and a cell holding a single struggle comes as that struggle. From
``DETAIL_ZOOM`` on, it gets the individual struggles of the coarser "detail
cells" (``DETAIL_CELL_ZOOM``'s grid) that its view touches.

Storage is asked once per filter for the published struggles *per place* (far
fewer rows than struggles: demo data has 60 places for 100,000 struggles);
every zoom's grid is made from those place counts. The same functions write
the static mirror's map files (``static_files``), so the map reads the same
shapes from ``/api/v1/map/...`` or from plain files.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, select
from sqlalchemy.orm import Session

from picketline.db import Database
from picketline.db.models import PlaceRow, StruggleRow
from picketline.domain.vocab import StruggleStatus

GRID_MAX_ZOOM = 7
"""The highest zoom answered with grid clusters; above it come single struggles."""
DETAIL_ZOOM = GRID_MAX_ZOOM + 1
DETAIL_CELL_ZOOM = 5
"""Single struggles are served per cell of this zoom's grid (2.8125 degrees square)."""
MAX_ZOOM = 18
MAX_POINTS = 5_000
"""At most this many single struggles per answer (most recent first); the rest are counted."""
STATIC_CALLBACK = "picketlineMapData"

Where = Sequence[ColumnElement[bool]]


@dataclass(frozen=True)
class PlaceCount:
    """How many matching published struggles one place has, and the newest one's id."""

    lat: float
    lon: float
    count: int
    newest_id: int


@dataclass(frozen=True)
class Cluster:
    """A grid cell with more than one struggle: where to draw it and how many."""

    x: int
    y: int
    count: int
    lat: float
    lon: float


@dataclass(frozen=True)
class MapPoint:
    """One struggle on the map: enough to place it and link to its page."""

    id: int
    title: str
    lat: float
    lon: float


@dataclass(frozen=True)
class Bounds:
    """A box in degrees: south, west, north, east (west < east; no antimeridian wrap)."""

    south: float
    west: float
    north: float
    east: float


# ---- the grid (pure) ----


def cell_size(zoom: int) -> float:
    """The side of one grid cell at ``zoom``, in degrees: 90 at zoom 0, halving per level."""
    return 360.0 / 2 ** (zoom + 2)


def cell_of(lat: float, lon: float, zoom: int) -> tuple[int, int]:
    """The (x, y) of the cell holding a point; the east and north edges belong to the last cell."""
    size = cell_size(zoom)
    columns, rows = round(360 / size), round(180 / size)
    x = min(math.floor((lon + 180.0) / size), columns - 1)
    y = min(math.floor((lat + 90.0) / size), rows - 1)
    return max(x, 0), max(y, 0)


def cell_bounds(x: int, y: int, zoom: int) -> Bounds:
    size = cell_size(zoom)
    return Bounds(y * size - 90.0, x * size - 180.0, (y + 1) * size - 90.0, (x + 1) * size - 180.0)


def valid_cell(x: int, y: int, zoom: int) -> bool:
    size = cell_size(zoom)
    return 0 <= x < round(360 / size) and 0 <= y < round(180 / size)


def cells_in(bounds: Bounds, zoom: int) -> list[tuple[int, int]]:
    """Every cell of ``zoom``'s grid that ``bounds`` touches."""
    x0, y0 = cell_of(bounds.south, bounds.west, zoom)
    x1, y1 = cell_of(bounds.north, bounds.east, zoom)
    return [(x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]


def grid_clusters(
    places: Iterable[PlaceCount], zoom: int
) -> tuple[list[Cluster], list[PlaceCount]]:
    """Group places into ``zoom``'s cells: clusters, and the cells that hold one struggle.

    A cluster's centroid is the mean of its struggles' positions (places weighted
    by their counts), so it sits where the struggles are, not in the cell's middle.
    """
    cells: dict[tuple[int, int], list[PlaceCount]] = defaultdict(list)
    for place in places:
        cells[cell_of(place.lat, place.lon, zoom)].append(place)
    clusters: list[Cluster] = []
    singles: list[PlaceCount] = []
    for (x, y), members in sorted(cells.items()):
        count = sum(p.count for p in members)
        if count == 1:
            singles.append(members[0])
            continue
        lat = sum(p.lat * p.count for p in members) / count
        lon = sum(p.lon * p.count for p in members) / count
        clusters.append(Cluster(x, y, count, round(lat, 5), round(lon, 5)))
    return clusters, singles


# ---- storage ----


def published_with_place(where: Where = ()) -> ColumnElement[bool]:
    """Published struggles whose place has coordinates, plus the caller's filters."""
    return and_(
        StruggleRow.status == StruggleStatus.PUBLISHED.value,
        PlaceRow.lat.is_not(None),
        PlaceRow.lon.is_not(None),
        *where,
    )


def place_counts(db: Database, where: Where = ()) -> list[PlaceCount]:
    """Matching published struggles counted per place: one grouped query.

    The struggles are grouped by ``place_id`` on their own and joined to their
    places after (a struggle without a place drops out at the join), so the
    grouping can be answered from an index on ``struggles (place_id, status)``
    alone where one exists, and a selective filter (country, sector) can still
    pick its own index.
    """
    per_place = (
        select(
            StruggleRow.place_id,
            func.count().label("n"),
            func.max(StruggleRow.id).label("newest"),
        )
        .where(StruggleRow.status == StruggleStatus.PUBLISHED.value, *where)
        .group_by(StruggleRow.place_id)
        .subquery()
    )
    stmt = (
        select(PlaceRow.lat, PlaceRow.lon, per_place.c.n, per_place.c.newest)
        .join(per_place, per_place.c.place_id == PlaceRow.id)
        .where(PlaceRow.lat.is_not(None), PlaceRow.lon.is_not(None))
    )
    with db.session() as session:
        rows: Sequence[Any] = session.execute(stmt).all()
    return [PlaceCount(float(lat), float(lon), int(n), int(newest)) for lat, lon, n, newest in rows]


PointRow = Select[int, str | None, list[str], str | None, str, float | None, float | None]


def _points_stmt(where: Where) -> PointRow:
    return (
        select(
            StruggleRow.id,
            StruggleRow.title,
            StruggleRow.actions,
            StruggleRow.workers,
            PlaceRow.name,
            PlaceRow.lat,
            PlaceRow.lon,
        )
        .join(PlaceRow, PlaceRow.id == StruggleRow.place_id)
        .where(published_with_place(where))
    )


def point_title(title: str | None, actions: Sequence[str], workers: str | None, place: str) -> str:
    """The stored title, or one made from the action, the workers and the place."""
    if title:
        return title
    what = actions[0].replace("_", " ").capitalize() if actions else "Struggle"
    return f"{what}{f' by {workers}' if workers else ''} in {place}"


def points_by_id(db: Database, ids: Sequence[int]) -> list[MapPoint]:
    """The struggles with these ids, as map points (ids that are not published are dropped)."""
    if not ids:
        return []
    stmt = _points_stmt([StruggleRow.id.in_(list(ids))]).order_by(StruggleRow.id.desc())
    with db.session() as session:
        rows = session.execute(stmt).all()
    return [map_point(row) for row in rows]


def map_point(row: Any) -> MapPoint:
    """A row of ``_points_stmt`` as a point (its coordinates are never null there)."""
    struggle_id, title, actions, workers, place, lat, lon = row
    return MapPoint(struggle_id, point_title(title, actions or [], workers, place), lat, lon)


def places_in(session: Session, bounds: Bounds) -> dict[int, tuple[str, float, float]]:
    """The places inside ``bounds``: id → (name, lat, lon).

    The box is half-open (south and west included, north and east excluded) so
    that adjacent cells never share a place; the world's north and east edges
    are included.
    """
    north = PlaceRow.lat <= bounds.north if bounds.north >= 90 else PlaceRow.lat < bounds.north
    east = PlaceRow.lon <= bounds.east if bounds.east >= 180 else PlaceRow.lon < bounds.east
    stmt = select(PlaceRow.id, PlaceRow.name, PlaceRow.lat, PlaceRow.lon).where(
        PlaceRow.lat >= bounds.south, PlaceRow.lon >= bounds.west, north, east
    )
    rows: Sequence[Any] = session.execute(stmt).all()  # the box makes lat and lon non-null
    return {i: (name, lat, lon) for i, name, lat, lon in rows}


def points_in(
    db: Database, bounds: Bounds, where: Where = (), limit: int = MAX_POINTS
) -> tuple[list[MapPoint], int]:
    """Up to ``limit`` struggles inside ``bounds`` (newest first) and how many there are.

    Two steps: the places in the box (a small table), then their published
    struggles by ``place_id`` — which an index on ``struggles.place_id`` answers
    directly, instead of walking every published struggle to test its place.
    """
    with db.session() as session:
        places = places_in(session, bounds)
        if not places:
            return [], 0
        mine = and_(
            StruggleRow.status == StruggleStatus.PUBLISHED.value,
            StruggleRow.place_id.in_(list(places)),
            *where,
        )
        stmt = (
            select(
                StruggleRow.id,
                StruggleRow.title,
                StruggleRow.actions,
                StruggleRow.workers,
                StruggleRow.place_id,
            )
            .where(mine)
            .order_by(StruggleRow.id.desc())
            .limit(limit + 1)
        )
        rows: Sequence[Any] = session.execute(stmt).all()
        total = len(rows)
        if total > limit:
            counted = select(func.count()).select_from(StruggleRow).where(mine)
            total = session.scalar(counted) or 0
    points = []
    for struggle_id, title, actions, workers, place_id in rows[:limit]:
        name, lat, lon = places[place_id]
        points.append(
            MapPoint(struggle_id, point_title(title, actions or [], workers, name), lat, lon)
        )
    return points, total


# ---- the answers (the same shape from the API and from static files) ----


def zoom_answer(db: Database, places: Sequence[PlaceCount], zoom: int) -> dict[str, object]:
    """Clusters for a grid zoom, with single-struggle cells as points."""
    clusters, singles = grid_clusters(places, zoom)
    points = points_by_id(db, [p.newest_id for p in singles])
    return {
        "zoom": zoom,
        "cell_size": cell_size(zoom),
        "total": sum(p.count for p in places),
        "clusters": [asdict(c) for c in clusters],
        "points": [asdict(p) for p in points],
        "truncated": False,
    }


def cell_answer(db: Database, x: int, y: int, where: Where = ()) -> dict[str, object]:
    """The single struggles of one detail cell."""
    bounds = cell_bounds(x, y, DETAIL_CELL_ZOOM)
    points, total = points_in(db, bounds, where)
    return {
        "zoom": DETAIL_CELL_ZOOM,
        "x": x,
        "y": y,
        "bounds": asdict(bounds),
        "total": total,
        "points": [asdict(p) for p in points],
        "truncated": total > len(points),
    }


def map_index(places: Sequence[PlaceCount]) -> dict[str, object]:
    """What a static map needs to know first: the zoom levels and the non-empty detail cells."""
    cells = sorted({cell_of(p.lat, p.lon, DETAIL_CELL_ZOOM) for p in places})
    return {
        "grid_max_zoom": GRID_MAX_ZOOM,
        "detail_zoom": DETAIL_ZOOM,
        "detail_cell_zoom": DETAIL_CELL_ZOOM,
        "max_zoom": MAX_ZOOM,
        "total": sum(p.count for p in places),
        "cells": [f"{x}_{y}" for x, y in cells],
    }


def to_json(data: dict[str, object]) -> str:
    """Compact JSON, UTF-8 as is (the API and the static files write the same text)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _encode(name: str, data: dict[str, object]) -> Iterator[tuple[str, bytes]]:
    """``name.json`` for anyone, and ``name.js`` for the map (scripts load from file://)."""
    text = to_json(data)
    yield f"{name}.json", text.encode()
    yield f"{name}.js", f'{STATIC_CALLBACK}("{name}",{text});\n'.encode()


def static_files(db: Database) -> Iterator[tuple[str, bytes]]:
    """Every static map data file as (path relative to the map data folder, content).

    ``index``, ``z0`` .. ``z7`` and ``cells/X_Y`` for every non-empty detail cell,
    each as ``.json`` and as ``.js`` (a call of ``picketlineMapData(name, data)``,
    which ``map.js`` loads with a script tag in static mode). Only published
    struggles, unfiltered. The mirror writes them under ``map/data/``.
    """
    places = place_counts(db)
    yield from _encode("index", map_index(places))
    for zoom in range(GRID_MAX_ZOOM + 1):
        yield from _encode(f"z{zoom}", zoom_answer(db, places, zoom))
    for x, y in sorted({cell_of(p.lat, p.lon, DETAIL_CELL_ZOOM) for p in places}):
        yield from _encode(f"cells/{x}_{y}", cell_answer(db, x, y))

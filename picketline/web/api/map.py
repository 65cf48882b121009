"""``/api/v1/map``: published struggles clustered for the map, one zoom level at a time.

``/clusters?zoom=Z`` answers grid clusters (zoom 0..7) or, from zoom 8, single
struggles inside ``bbox``; ``/cells/{x}/{y}`` answers the single struggles of
one detail cell, which is what the map page loads from zoom 8 on (and what the
static mirror writes as files). The per-place counts behind the clusters are
kept for ``CACHE_SECONDS`` per filter, so a world view at any zoom costs one
grouped query per filter and half a minute, whatever the size of the record.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from dataclasses import asdict, dataclass, field
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request, Response
from pydantic import BaseModel, Field

from picketline.db import Database
from picketline.db.filters import FILTER_PARAMS, StruggleFilter, params_of, parse_filter
from picketline.db.struggles import filter_clauses
from picketline.errors import InputError
from picketline.publish import mapdata
from picketline.web.api.schemas import ErrorOut
from picketline.web.api.struggles import FILTER_PARAMETERS
from picketline.web.deps import DbDep

router = APIRouter(prefix="/api/v1/map", tags=["map"])

CACHE_SECONDS = 30.0
CACHE_ENTRIES = 64
MAP_PARAMS = frozenset({"zoom", "bbox"})
"""The map's own parameters; every other one must be a struggle filter (else 400)."""


class ClusterOut(BaseModel):
    """A grid cell holding more than one matching struggle."""

    x: int = Field(description="Cell column: floor((lon + 180) / cell_size).")
    y: int = Field(description="Cell row: floor((lat + 90) / cell_size).")
    count: int = Field(ge=2, description="Matching published struggles in the cell.")
    lat: float = Field(description="Mean latitude of those struggles.")
    lon: float = Field(description="Mean longitude of those struggles.")


class PointOut(BaseModel):
    """One published struggle on the map."""

    id: int
    title: str
    lat: float
    lon: float


class BoundsOut(BaseModel):
    south: float
    west: float
    north: float
    east: float


class ClustersOut(BaseModel):
    """Clusters (grid zooms) or single struggles (detail zooms) for one zoom level."""

    zoom: int
    cell_size: float = Field(description="Side of a grid cell at this zoom, in degrees.")
    total: int = Field(description="Matching published struggles the answer covers.")
    clusters: list[ClusterOut]
    points: list[PointOut]
    truncated: bool = Field(description="True when more single struggles matched than were sent.")


class CellOut(BaseModel):
    """The single struggles of one detail cell (the grid of zoom 5)."""

    zoom: int
    x: int
    y: int
    bounds: BoundsOut
    total: int
    points: list[PointOut]
    truncated: bool


@dataclass
class PlaceCache:
    """Per-place counts per filter, each kept ``CACHE_SECONDS`` (least recently used dropped)."""

    entries: OrderedDict[tuple[tuple[str, str], ...], tuple[float, list[mapdata.PlaceCount]]] = (
        field(default_factory=OrderedDict)
    )

    def get(self, db: Database, wanted: StruggleFilter) -> list[mapdata.PlaceCount]:
        key = tuple(wanted.to_params(with_sort=False))
        now = time.monotonic()
        hit = self.entries.get(key)
        if hit is not None and now - hit[0] < CACHE_SECONDS:
            self.entries.move_to_end(key)
            return hit[1]
        places = mapdata.place_counts(db, map_where(db, wanted))
        self.entries[key] = (now, places)
        self.entries.move_to_end(key)
        while len(self.entries) > CACHE_ENTRIES:
            self.entries.popitem(last=False)
        return places


def place_cache(request: Request) -> PlaceCache:
    """The app's cache, made on first use."""
    cache: PlaceCache | None = getattr(request.app.state, "map_place_cache", None)
    if cache is None:
        cache = PlaceCache()
        request.app.state.map_place_cache = cache
    return cache


def map_filter(request: Request) -> StruggleFilter:
    """The struggle filter of the query string; 400 for what the map cannot filter by."""
    params = params_of((k, v) for k, v in request.query_params.multi_items() if k not in MAP_PARAMS)
    unknown = sorted(set(params) - FILTER_PARAMS)
    if unknown:
        allowed = ", ".join(sorted(FILTER_PARAMS - {"status"}))
        raise HTTPException(400, f"unknown parameter {', '.join(unknown)}; filters are {allowed}")
    try:
        return parse_filter(params)
    except InputError as error:
        raise HTTPException(400, str(error)) from error


def map_where(db: Database, wanted: StruggleFilter) -> list[Any]:
    """SQL conditions of the filter: the list's own (``db.struggles.filter_clauses``)."""
    return list(filter_clauses(db.dialect, wanted))


def json_answer(answer: dict[str, object]) -> Response:
    """The answer as JSON, as is: the shapes are fixed by ``mapdata`` and tested against
    the response models, and re-validating thousands of points would double the time."""
    return Response(mapdata.to_json(answer), media_type="application/json")


def parse_zoom(text: str) -> int:
    """A zoom level 0..18; ``-1``, ``99``, ``2.5`` or ``world`` are the client's error (400)."""
    value = text.strip()
    if (
        not (value.isascii() and value.isdigit() and len(value) <= 2)
        or int(value) > mapdata.MAX_ZOOM
    ):
        raise HTTPException(
            400, f"zoom {text[:20]!r} is not a zoom level; use a whole number from 0 to 18"
        )
    return int(value)


def parse_bbox(text: str | None) -> mapdata.Bounds:
    """``west,south,east,north`` in degrees (Leaflet's ``toBBoxString``), clamped to the world."""
    if text is None:
        return mapdata.Bounds(-90.0, -180.0, 90.0, 180.0)
    parts = text.split(",")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise HTTPException(
            400, f"bbox {text[:60]!r} is not four numbers west,south,east,north"
        ) from None
    if not all(abs(v) < 1e6 for v in (west, south, east, north)) or south > north or west > east:
        raise HTTPException(400, f"bbox {text[:60]!r}: need west <= east and south <= north")
    return mapdata.Bounds(max(south, -90.0), max(west, -180.0), min(north, 90.0), min(east, 180.0))


ZoomParam = Annotated[
    str,
    Query(
        max_length=20,
        description="Map zoom level, a whole number from 0 (world) to 18; anything else is a 400.",
        examples=["2"],
    ),
]
BBoxParam = Annotated[
    str | None,
    Query(
        max_length=200,
        description="From zoom 8: only struggles inside west,south,east,north (degrees).",
    ),
]
FILTER_DOC = (
    "Filters as in /api/v1/struggles (country, region, sector, action, demand, outcome, "
    "repression, since, until, q); an unknown parameter is a 400."
)


@router.get(
    "/clusters",
    response_model=ClustersOut,
    summary="Struggles clustered for one zoom level",
    description="Zoom 0..7: one cluster per non-empty grid cell of 360/2^(zoom+2) degrees "
    "(count and centroid); a cell with a single struggle comes as a point. Zoom 8..18: "
    "the single struggles inside `bbox` (at most 5,000, newest first). " + FILTER_DOC,
    responses={400: {"model": ErrorOut, "description": "Bad zoom, bbox or filter."}},
    openapi_extra={"parameters": FILTER_PARAMETERS},
)
def clusters(request: Request, db: DbDep, zoom: ZoomParam, bbox: BBoxParam = None) -> Any:
    level = parse_zoom(zoom)
    wanted = map_filter(request)
    if level <= mapdata.GRID_MAX_ZOOM:
        return json_answer(mapdata.zoom_answer(db, place_cache(request).get(db, wanted), level))
    points, total = mapdata.points_in(db, parse_bbox(bbox), map_where(db, wanted))
    answer = {
        "zoom": level,
        "cell_size": mapdata.cell_size(level),
        "total": total,
        "clusters": [],
        "points": [asdict(p) for p in points],
        "truncated": total > len(points),
    }
    return json_answer(answer)


@router.get(
    "/cells/{x}/{y}",
    response_model=CellOut,
    summary="The single struggles of one detail cell",
    description="Cells are the grid of zoom 5 (2.8125 degrees): x from 0 to 127 west to east, "
    "y from 0 to 63 south to north. At most 5,000 struggles, newest first. " + FILTER_DOC,
    responses={400: {"model": ErrorOut, "description": "Bad cell or filter."}},
    openapi_extra={"parameters": FILTER_PARAMETERS},
)
def cell(
    request: Request,
    db: DbDep,
    x: Annotated[int, Path(ge=0, description="Cell column.")],
    y: Annotated[int, Path(ge=0, description="Cell row.")],
) -> Any:
    if not mapdata.valid_cell(x, y, mapdata.DETAIL_CELL_ZOOM):
        raise HTTPException(400, f"there is no detail cell {x}/{y}; x is 0..127 and y is 0..63")
    return json_answer(mapdata.cell_answer(db, x, y, map_where(db, map_filter(request))))

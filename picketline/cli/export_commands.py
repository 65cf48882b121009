"""``picketline export``: the record as JSON, each struggle with its sources and timeline.

The JSON is streamed (one struggle at a time from ``db.export``), so memory
stays flat for any size of record. Each struggle carries its sources (with
their URLs), its dated events, and the values its sources disagree on
(``alternatives``), so a reader can see why reports were merged. ``--all``
adds candidates and their "possible duplicate" links: the operator's view,
never the public's. Sensitive data and source texts are never exported.
CSV and GeoJSON belong to issue #6.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import typer

from picketline.errors import InputError, PicketlineError

if TYPE_CHECKING:
    from picketline.db.export import ExportRecord
    from picketline.domain.event import Event
    from picketline.domain.source import Source
    from picketline.resolve.merge import Alternative

EXPORT_HELP = """Write the record as JSON, each struggle with its sources and timeline.

Every published struggle with its sources (each with its URL), its timeline of
dated events, and the values its sources disagree on (alternatives, each with
the sources that say it).

--all adds candidates (unreviewed struggles) and "possible duplicate" links:
the operator's view, not for publication. CSV and GeoJSON: not built yet (issue #6).

Example: picketline export --format json --all --out record.json
"""

LATER_FORMATS = {"csv", "geojson"}


def register(app: typer.Typer) -> None:
    """Add ``export`` to the app."""
    app.command("export", help=EXPORT_HELP)(export_command)


def export_command(
    format: str = typer.Option("json", "--format", "-f", help="json (csv, geojson: issue #6)."),
    include_candidates: bool = typer.Option(
        False, "--all", help="Add candidates and possible-duplicate links (operator's view)."
    ),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write to FILE, not stdout."),
) -> None:
    from picketline.db import Database
    from picketline.db.export import iter_export
    from picketline.domain.vocab import StruggleStatus
    from picketline.settings import get_settings

    kind = format.lower()
    if kind in LATER_FORMATS:
        raise PicketlineError(f"--format {kind} is not built yet (issue #6); use --format json")
    if kind != "json":
        raise InputError(f"--format {format!r}: unknown format (json; csv and geojson later)")
    statuses = [StruggleStatus.PUBLISHED]
    if include_candidates:
        statuses.append(StruggleStatus.CANDIDATE)
    with Database.open(get_settings()) as db, _output(out) as stream:
        count = write_json(stream, iter_export(db, statuses), operator=include_candidates)
    if out is not None:
        typer.echo(f"{count} struggles written to {out}", err=True)


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

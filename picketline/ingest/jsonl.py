"""JSON Lines corpora: ``{"id", "text", "published"?, "url"?}`` one per line.

Corpora are large and hand-assembled, so a bad line is reported with its line
number and the rest of the file goes on. ``title``, ``outlet`` and
``language`` are read too where present.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from picketline.domain.dates import PartialDate
from picketline.ingest.raw import IngestFailure, IngestItem, RawDocument, Reader, Target, utc_now


def parse_published(value: Any) -> PartialDate:
    """``2021``, ``2021-12``, ``2021-12-17`` or a full ISO timestamp; ValueError otherwise."""
    if not isinstance(value, str):
        raise ValueError(f"published must be a string, not {type(value).__name__}")
    if len(value) > 10:
        return PartialDate.from_date(dt.datetime.fromisoformat(value).date())
    return PartialDate.parse(value)


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f'"{key}" must be a string')
    return value.strip() or None


def _record(line: str) -> dict[str, Any]:
    record = json.loads(line)
    if not isinstance(record, dict):
        raise ValueError("a line must be a JSON object")
    if not isinstance(record.get("id"), (str, int)) or isinstance(record.get("id"), bool):
        raise ValueError('"id" is missing or not a string or number')
    if not isinstance(record.get("text"), str) or not record["text"].strip():
        raise ValueError('"text" is missing or empty')
    return record


def line_document(line: str, path_origin: str, number: int) -> IngestItem:
    """One JSON line as a document, or a failure naming the line."""
    try:
        record = _record(line)
        published = parse_published(record["published"]) if record.get("published") else None
        return RawDocument(
            text=record["text"].strip(),
            origin=f"{path_origin}#{record['id']}",
            retrieved=utc_now(),
            title=_optional_str(record, "title"),
            url=_optional_str(record, "url"),
            outlet=_optional_str(record, "outlet"),
            language=_optional_str(record, "language"),
            published=published,
            published_confidence="stated" if published else None,
        )
    except ValueError as error:  # json.JSONDecodeError is a ValueError
        return IngestFailure(f"{path_origin}:{number}", f"bad JSON line: {error}")


def read_jsonl(target: Target) -> Iterator[IngestItem]:
    """The reader for ``.jsonl`` files, streaming line by line."""
    with target.opener() as stream:
        for number, raw in enumerate(stream, start=1):
            try:
                line = raw.decode("utf-8").strip()
            except UnicodeDecodeError:
                yield IngestFailure(f"{target.origin}:{number}", "line is not UTF-8")
                continue
            if line:
                yield line_document(line, target.origin, number)


READER = Reader(
    name="jsonl",
    read=read_jsonl,
    suffixes=(".jsonl", ".ndjson"),
    content_types=("application/jsonl", "application/x-ndjson"),
)

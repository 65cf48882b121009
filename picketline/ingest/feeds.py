"""Atom and RSS feeds: one document per entry.

feedparser reads every feed dialect and tolerates most breakage; when it
recovers entries from a malformed feed those entries are kept, and only a feed
with no entries at all is a failure. An entry's full ``content`` is preferred
to its ``summary`` (often a teaser of the same article).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

import feedparser

from picketline.domain.dates import PartialDate
from picketline.ingest.html import fragment_text
from picketline.ingest.raw import IngestFailure, IngestItem, RawDocument, Reader, Target, utc_now

_SNIFF = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)


def looks_like_feed(head: bytes) -> bool:
    """Whether the first bytes are an RSS, Atom or RDF feed."""
    return bool(_SNIFF.search(head[:4096]))


def _entry_date(entry: Any) -> PartialDate | None:
    parsed: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    try:
        return PartialDate(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    except ValueError:
        return None


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    bodies = [c.get("value", "") for c in contents if c.get("value")]
    body = max(bodies, key=len) if bodies else entry.get("summary", "")
    return fragment_text(body or "")


def _entry_origin(feed_origin: str, entry: Any, index: int) -> str:
    return f"{feed_origin}#{entry.get('id') or entry.get('link') or index + 1}"


def entry_document(entry: Any, feed_origin: str, index: int, outlet: str | None) -> IngestItem:
    """One feed entry as a document, or why it cannot be one."""
    origin = _entry_origin(feed_origin, entry, index)
    text = _entry_text(entry)
    if not text:
        return IngestFailure(origin, "feed entry has no content or summary")
    published = _entry_date(entry)
    return RawDocument(
        text=text,
        origin=origin,
        retrieved=utc_now(),
        title=fragment_text(entry.get("title", "")) or None,
        url=entry.get("link") or None,
        outlet=outlet,
        language=_language(entry.get("language")),
        published=published,
        published_confidence="stated" if published else None,
    )


def _language(value: str | None) -> str | None:
    """``en-GB`` → ``en``: the project keeps ISO 639-1 codes only."""
    return value.split("-")[0].lower()[:2] if value else None


def parse_feed(data: bytes, origin: str) -> Iterator[IngestItem]:
    """Every entry of a feed's bytes, as documents or failures."""
    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        reason = f"malformed feed ({problem})" if problem else "feed has no entries"
        yield IngestFailure(origin, reason.splitlines()[0])
        return
    outlet = parsed.feed.get("title") or None
    feed_language = parsed.feed.get("language")
    for index, entry in enumerate(parsed.entries):
        if feed_language and not entry.get("language"):
            entry["language"] = feed_language
        yield entry_document(entry, origin, index, outlet)


def read_feed(target: Target) -> Iterator[IngestItem]:
    """The reader for feed files and fetched feeds."""
    yield from parse_feed(target.read_bytes(), target.origin)


READER = Reader(
    name="feed",
    read=read_feed,
    suffixes=(".rss", ".atom"),
    content_types=(
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
    ),
    sniff=looks_like_feed,
)

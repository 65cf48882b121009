"""Atom feeds (RFC 4287) of any filtered selection: one entry per new or changed struggle.

A feed is the list sorted by last change (``Sort.CHANGED``), so a reader sees
a struggle again when it changes — a new source, an arrest, an outcome. The
entry's ``id`` is the struggle's and never changes; its ``updated`` is the
struggle's last change, which is what feed readers use to show it as new.

The feed is built by hand with ``xml.sax.saxutils`` escaping (no feed library
is needed for this much XML), from the public model, so nothing private can
appear in it. URLs are made by the caller (site or mirror), which knows its
own addresses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from xml.sax.saxutils import escape, quoteattr

from picketline.db import Database
from picketline.db.filters import PageRequest, Sort, StruggleFilter
from picketline.db.struggles import list_page
from picketline.web.api.schemas import StruggleOut, struggle_out

FEED_ENTRIES = 50
"""Entries per feed: the latest changes; older ones a reader has seen already."""
ID_PREFIX = "tag:picketline,2026:struggle/"


@dataclass(frozen=True)
class FeedLinks:
    """The addresses a feed points to, made by the site or the static mirror."""

    feed_url: str  # this feed, absolute (its Atom id too)
    page_url: str  # the matching HTML list
    struggle_url: Callable[[int], str]  # one struggle's page, absolute


def entry_id(struggle_id: int) -> str:
    """The stable Atom id of a struggle's entry, whichever host serves the feed."""
    return f"{ID_PREFIX}{struggle_id}"


def feed_items(
    db: Database, wanted: StruggleFilter, limit: int = FEED_ENTRIES
) -> list[StruggleOut]:
    """The most recently changed struggles ``wanted`` selects (its sort is ignored)."""
    records, _ = list_page(db, replace(wanted, sort=Sort.CHANGED), PageRequest(limit=limit))
    return [struggle_out(r) for r in records]


def _time(value: dt.datetime | None) -> str:
    moment = value or dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _text(tag: str, value: str, **attrs: str) -> str:
    extra = "".join(f" {k}={quoteattr(v)}" for k, v in attrs.items())
    return f"<{tag}{extra}>{escape(value)}</{tag}>"


def summary_text(s: StruggleOut) -> str:
    """A plain-text summary: what, who, where, when, how it stands, from how many sources."""
    bits = []
    if s.actions:
        bits.append(", ".join(a.replace("_", " ") for a in s.actions).capitalize())
    if s.workers:
        bits.append(f"by {s.workers}")
    if s.place:
        bits.append("in " + ", ".join(p for p in (s.place.name, s.place.country) if p))
    if s.start:
        bits.append(f"from {s.start}" + (f" to {s.end}" if s.end else ""))
    line = " ".join(bits)
    if s.demands:
        line += ". Demands: " + ", ".join(d.replace("_", " ") for d in s.demands)
    if s.outcome:
        line += f". Outcome: {s.outcome}"
    if s.repression:
        line += ". Repression: " + ", ".join(r.type.value.replace("_", " ") for r in s.repression)
    line += f". Sources: {len(s.sources)}."
    return ("[DEMO] " if s.is_demo and not (s.title or "").startswith("[DEMO]") else "") + line


def entry(s: StruggleOut, links: FeedLinks) -> str:
    title = s.title or summary_text(s)[:120]
    parts = [
        "<entry>",
        _text("id", entry_id(s.id)),
        _text("title", title),
        _text("updated", _time(s.updated_at)),
        f'<link rel="alternate" type="text/html" href={quoteattr(links.struggle_url(s.id))}/>',
        _text("summary", summary_text(s)),
    ]
    parts += [f"<category term={quoteattr(a)}/>" for a in s.actions]
    parts.append("</entry>")
    return "".join(parts)


def atom_feed(items: Iterable[StruggleOut], links: FeedLinks, title: str) -> Iterator[str]:
    """The Atom document, chunk by chunk; ``updated`` is the newest entry's change."""
    entries = list(items)
    newest = max((s.updated_at for s in entries if s.updated_at), default=None)
    yield '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
    yield _text("id", links.feed_url)
    yield _text("title", title)
    yield _text("subtitle", "New and changed struggles in the Picketline record.")
    yield _text("updated", _time(newest))
    yield "<author><name>Picketline</name></author>"
    yield f'<link rel="self" type="application/atom+xml" href={quoteattr(links.feed_url)}/>'
    yield f'<link rel="alternate" type="text/html" href={quoteattr(links.page_url)}/>'
    yield '<generator uri="https://picketline.invalid/">Picketline</generator>'
    for s in entries:
        yield "\n" + entry(s, links)
    yield "\n</feed>\n"


def feed_title(wanted: StruggleFilter) -> str:
    """``Picketline: struggles (country UA, sector B)`` — the filter in words."""
    params = wanted.to_params(with_sort=False)
    if not params:
        return "Picketline: struggles"
    return "Picketline: struggles (" + ", ".join(f"{k} {v}" for k, v in params) + ")"

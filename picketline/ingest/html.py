"""HTML pages: the article's main text, title, date and canonical URL.

trafilatura strips navigation, adverts and comments, which would otherwise
pollute extraction and make every page of one outlet look like a near-duplicate
of the others (shared boilerplate). Dates are found in two passes: first only
in the page's markup (``<meta>``, JSON-LD, ``<time>``, the URL) — a date the
page states; then, failing that, by htmldate's opportunistic search of the
text, which is a guess and is marked so.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from typing import Any

import htmldate
import lxml.html
import trafilatura

from picketline.domain.dates import PartialDate
from picketline.ingest.raw import (
    DateConfidence,
    IngestFailure,
    IngestItem,
    RawDocument,
    Reader,
    Target,
    utc_now,
)

_BLOCKS = re.compile(r"</?(p|div|br|li|h[1-6]|tr|blockquote|article|section)\b[^>]*>", re.I)
_BLANKS = re.compile(r"\n\s*\n\s*(\n\s*)+")
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_SNIFF = re.compile(rb"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]", re.I)


def looks_like_html(head: bytes) -> bool:
    """Whether the first bytes of a file are an HTML page."""
    return bool(_SNIFF.search(head[:4096]))


def fragment_text(markup: str) -> str:
    """The text of an HTML fragment (a feed entry, a mail part), block breaks kept.

    trafilatura is built for whole pages and often drops short fragments as
    boilerplate, so fragments are flattened with lxml instead.
    """
    if "<" not in markup:
        return markup.strip()
    marked = _BLOCKS.sub(lambda m: "\n" + m.group(0), markup)
    try:
        root = lxml.html.fromstring(marked)
        for bad in root.xpath("//script|//style"):
            bad.drop_tree()
        text = root.text_content()
    except (ValueError, lxml.etree.LxmlError):
        text = ""
    if not text.strip():  # lxml gives up on pathological nesting; tags are still just tags
        text = html.unescape(_TAG.sub(" ", _SCRIPT.sub(" ", marked)))
    return _BLANKS.sub("\n\n", _SPACES.sub(" ", text)).strip()


def _page_date(doc: Any, page: str | bytes) -> tuple[PartialDate | None, DateConfidence | None]:
    """The stated date from the markup pass, else htmldate's guess from the text."""
    stated = _parse_iso_day(getattr(doc, "date", None))
    if stated is not None:
        return stated, "stated"
    try:
        guess = htmldate.find_date(page, extensive_search=True, original_date=True)
    except Exception:  # htmldate fails on odd markup; a missing guess is harmless
        guess = None
    guessed = _parse_iso_day(guess)
    return (guessed, "guessed") if guessed is not None else (None, None)


def _parse_iso_day(value: str | None) -> PartialDate | None:
    if not value:
        return None
    try:
        return PartialDate.from_date(dt.date.fromisoformat(value[:10]))
    except ValueError:
        return None


def _extract(page: str | bytes, url: str | None) -> Any:
    return trafilatura.bare_extraction(
        page,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def html_document(
    page: str | bytes,
    origin: str,
    *,
    url: str | None = None,
    retrieved: dt.datetime | None = None,
) -> RawDocument | IngestFailure:
    """One HTML page as a document, or why it cannot be one.

    ``url`` is where the page was fetched from; the page's canonical URL
    (``<link rel=canonical>``, ``og:url``) wins over it, because that is the
    address other copies of the same article will carry too.
    """
    try:
        doc = _extract(page, url)
    except (RecursionError, ValueError, lxml.etree.LxmlError) as error:
        return IngestFailure(origin, f"unreadable HTML ({type(error).__name__})")
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        text = fragment_text(page.decode("utf-8", "replace") if isinstance(page, bytes) else page)
    if not text:
        return IngestFailure(origin, "HTML page has no readable text")
    published, confidence = _page_date(doc, page)
    return RawDocument(
        text=text,
        origin=origin,
        retrieved=retrieved or utc_now(),
        title=getattr(doc, "title", None) or None,
        url=getattr(doc, "url", None) or url,
        outlet=getattr(doc, "sitename", None) or None,
        language=getattr(doc, "language", None) or None,
        published=published,
        published_confidence=confidence,
    )


def read_html(target: Target) -> Iterator[IngestItem]:
    """The reader for ``.html`` files and fetched pages."""
    yield html_document(target.read_bytes(), target.origin, url=target.url)


READER = Reader(
    name="html",
    read=read_html,
    suffixes=(".html", ".htm", ".xhtml"),
    content_types=("text/html", "application/xhtml+xml"),
    sniff=looks_like_html,
)

"""What every ingest reader produces: a document, or a failure that says why.

Readers never raise for bad input: one unreadable file, feed entry or JSON line
must not stop a batch of thousands, so each problem becomes an
``IngestFailure`` with a one-line reason and the run goes on.

The reader contract (``Target``, ``Reader``) lives here too, so that built-in
readers and third-party ones import the same small module and nothing else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO, Literal

from picketline.domain.dates import PartialDate
from picketline.domain.source import Source, content_hash
from picketline.errors import InputError
from picketline.ingest.decode import decode_bytes

DateConfidence = Literal["stated", "guessed"]


def utc_now() -> dt.datetime:
    """The current time, timezone-aware (the project never uses naive datetimes)."""
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class RawDocument:
    """One document's text and what is known about where it came from.

    ``published_confidence`` is ``"stated"`` when the date comes from the
    document's own metadata (a feed entry's date, a mail's ``Date`` header, an
    HTML ``<meta>``), ``"guessed"`` when it was inferred from loose text; a
    guessed date may be overridden by the operator or by a better source.
    ``origin`` says where to look again: a file path, a feed URL with the entry,
    a mail's ``Message-ID``. ``content_hash`` is the text's identity
    (``domain.source.content_hash``), computed here so no reader can forget it.
    """

    text: str
    origin: str
    retrieved: dt.datetime
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    language: str | None = None
    published: PartialDate | None = None
    published_confidence: DateConfidence | None = None
    content_hash: str = field(init=False)

    def __post_init__(self) -> None:
        if self.retrieved.tzinfo is None:
            raise ValueError("retrieved must be timezone-aware")
        if self.published is None and self.published_confidence is not None:
            raise ValueError("a date confidence needs a date")
        object.__setattr__(self, "content_hash", content_hash(self.text))

    def to_source(self) -> Source:
        """The domain ``Source`` that storage will keep for this document."""
        return Source(
            id=None,
            text=self.text,
            content_hash=self.content_hash,
            url=self.url,
            outlet=self.outlet,
            title=self.title,
            language=self.language,
            published=self.published,
            retrieved=self.retrieved,
        )


@dataclass(frozen=True)
class IngestFailure:
    """A document that could not be read, and a one-line reason a person can act on."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


IngestItem = RawDocument | IngestFailure


@dataclass(frozen=True)
class Target:
    """Something to read: a file or a fetched URL, opened lazily.

    ``opener`` returns a fresh binary stream each call, so a reader can sniff
    the first bytes and stream the rest (a 100 MB mbox never has to sit in
    memory). ``content_type`` is the HTTP header for fetched URLs.
    """

    origin: str
    name: str
    opener: Callable[[], BinaryIO]
    content_type: str | None = None
    url: str | None = None

    def read_bytes(self, limit: int | None = None) -> bytes:
        """All the bytes (or the first ``limit``)."""
        with self.opener() as stream:
            return stream.read() if limit is None else stream.read(limit)

    @property
    def suffix(self) -> str:
        """The lower-case file extension with its dot, ``""`` if none."""
        base = self.name.rsplit("/", 1)[-1]
        return "." + base.rsplit(".", 1)[-1].lower() if "." in base else ""


@dataclass(frozen=True)
class Reader:
    """A kind of input the ingest can read, registered in ``ingest.sources``.

    ``suffixes`` pick the reader by file name; ``sniff`` (given the first
    4 KB) picks it by content when the name says nothing (``.xml``, a URL, no
    extension). ``read`` yields documents and failures and must not raise.
    """

    name: str
    read: Callable[[Target], Iterator[IngestItem]]
    suffixes: tuple[str, ...] = ()
    content_types: tuple[str, ...] = ()
    sniff: Callable[[bytes], bool] | None = None


def decode_text(data: bytes, name: str) -> tuple[str, str | None]:
    """Text and title of a file's bytes, whatever the encoding (``ingest.decode``).

    Raises ``InputError`` whose message no longer starts with ``name``: the
    failure carrying it already names its origin.
    """
    try:
        decoded = decode_bytes(data, name)
    except InputError as error:
        message = str(error)
        raise InputError(message.removeprefix(f"{name}: ")) from None
    return decoded.text, decoded.title

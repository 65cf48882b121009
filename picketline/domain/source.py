"""Sources (the documents a struggle is known from) and evidence spans."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from picketline.domain.dates import PartialDate


def content_hash(text: str) -> str:
    """The identity of a document's text: SHA-256 of its UTF-8 bytes, hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Source:
    """A document: an article, a feed entry, a submission."""

    id: int | None
    text: str
    content_hash: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    language: str | None = None
    published: PartialDate | None = None
    retrieved: dt.datetime | None = None
    is_demo: bool = False
    reporter_contact: str | None = None  # sensitive: encrypted at rest, never public

    @classmethod
    def from_text(cls, text: str, **kwargs: object) -> Source:
        return cls(id=None, text=text, content_hash=content_hash(text), **kwargs)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Evidence:
    """The characters of a source that support one field of a struggle."""

    source_id: int | None
    field: str
    start: int
    end: int
    quote: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad evidence span [{self.start}, {self.end})")

"""Where documents come from: files, folders, URLs, dispatched to registered readers.

Every kind of input (plain text, HTML, mail, feeds, JSON Lines) is a
``Reader`` registered with ``register_reader`` — the built-in ones exactly as
a third party would add, say, a PDF reader (DESIGN.md principle 5). A reader is
chosen by file extension, then by sniffing the first bytes, so a feed saved as
``.xml`` or a page fetched without an extension still finds its reader.

``iter_documents`` never raises for bad input: a missing file, a file that
vanishes mid-run, a broken reader or an unreachable URL each become an
``IngestFailure`` and the batch goes on.
"""

from __future__ import annotations

import io
import os
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from picketline.domain.dates import PartialDate
from picketline.errors import InputError
from picketline.ingest import feeds, html, jsonl, mail
from picketline.ingest.raw import (
    IngestFailure,
    IngestItem,
    RawDocument,
    Reader,
    Target,
    decode_text,
    utc_now,
)

FETCH_TIMEOUT_S = 20.0
FETCH_MAX_BYTES = 50 * 1024 * 1024
USER_AGENT = "Picketline/0.1 (+https://github.com/picketline)"
_SNIFF_BYTES = 4096
_READERS: dict[str, Reader] = {}


def register_reader(reader: Reader) -> None:
    """Add a kind of input (or replace the one of the same name)."""
    _READERS[reader.name] = reader


def registered_readers() -> tuple[Reader, ...]:
    """Every reader, in registration order."""
    return tuple(_READERS.values())


@dataclass(frozen=True)
class Overrides:
    """What the operator says about the documents (``--published``, ``--url``, ``--outlet``).

    The operator knows better than a guess but not better than the document:
    ``published`` replaces a missing or guessed date, ``url`` fills a missing
    one, ``outlet`` names the outlet of every document.
    """

    published: PartialDate | None = None
    url: str | None = None
    outlet: str | None = None

    def apply(self, doc: RawDocument) -> RawDocument:
        changes: dict[str, object] = {}
        if self.published and doc.published_confidence != "stated":
            changes.update(published=self.published, published_confidence="stated")
        if self.url and not doc.url:
            changes["url"] = self.url
        if self.outlet:
            changes["outlet"] = self.outlet
        return replace(doc, **changes) if changes else doc  # type: ignore[arg-type]


def read_text(target: Target) -> Iterator[IngestItem]:
    """The reader for plain-text files, in any common encoding."""
    try:
        text, title = decode_text(target.read_bytes(), target.name)
    except InputError as error:
        yield IngestFailure(target.origin, str(error))
        return
    yield RawDocument(
        text=text.strip(), origin=target.origin, retrieved=utc_now(), title=title, url=target.url
    )


TEXT_READER = Reader(
    name="text", read=read_text, suffixes=(".txt", ".text", ".md"), content_types=("text/plain",)
)


def _by_sniffing(head: bytes) -> Reader | None:
    return next((r for r in _READERS.values() if r.sniff and r.sniff(head)), None)


def _by_suffix(suffix: str) -> Reader | None:
    return next((r for r in _READERS.values() if suffix in r.suffixes), None)


def _by_content_type(content_type: str | None) -> Reader | None:
    return next((r for r in _READERS.values() if content_type in r.content_types), None)


def choose_reader(target: Target) -> Reader | None:
    """The reader for a target: its extension, else its first bytes, else its type.

    A fetched URL is sniffed first, because servers label feeds as
    ``text/html`` and pages as ``text/plain`` often enough.
    """
    head = target.read_bytes(_SNIFF_BYTES)
    if target.url is not None:
        return _by_sniffing(head) or _by_content_type(target.content_type) or TEXT_READER
    found = _by_suffix(target.suffix) or _by_sniffing(head)
    return found or (TEXT_READER if not target.suffix else None)


def read_target(target: Target) -> Iterator[IngestItem]:
    """Every item a target yields; any error while reading becomes a failure."""
    try:
        reader = choose_reader(target)
        if reader is None:
            yield IngestFailure(target.origin, f"unsupported kind of file ({target.suffix})")
            return
        yield from reader.read(target)
    except FileNotFoundError:
        yield IngestFailure(target.origin, "file vanished before it could be read")
    except OSError as error:
        yield IngestFailure(target.origin, f"cannot read: {error.strerror or error}")
    except Exception as error:  # a reader's bug must not end the batch
        yield IngestFailure(target.origin, f"reader failed: {type(error).__name__}: {error}")


def file_target(path: Path) -> Target:
    """A file on disk, opened only when a reader asks."""

    def opener() -> BinaryIO:
        return path.open("rb")

    return Target(origin=str(path), name=path.name, opener=opener)


def walk_files(folder: Path) -> Iterator[Path]:
    """Every non-hidden file below ``folder``, in a stable (sorted) order."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def fetch(url: str, timeout: float = FETCH_TIMEOUT_S, max_bytes: int = FETCH_MAX_BYTES) -> Target:
    """Download a URL into memory; raises ``InputError`` with a one-line reason."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(max_bytes + 1)
            final_url = response.geturl()
            content_type = response.headers.get_content_type()
    except urllib.error.HTTPError as error:
        raise InputError(f"HTTP {error.code} {error.reason}") from error
    except urllib.error.URLError as error:
        raise InputError(f"cannot fetch: {error.reason}") from error
    except (TimeoutError, OSError, ValueError) as error:
        raise InputError(f"cannot fetch: {error}") from error
    if len(data) > max_bytes:
        raise InputError(f"larger than {max_bytes // (1024 * 1024)} MB")
    name = final_url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    return Target(url, name, lambda: io.BytesIO(data), content_type=content_type, url=final_url)


def is_url(location: str | Path) -> bool:
    return isinstance(location, str) and location.lower().startswith(("http://", "https://"))


def _targets(location: str | Path, timeout: float) -> Iterator[Target | IngestFailure]:
    if is_url(location):
        try:
            yield fetch(str(location), timeout=timeout)
        except InputError as error:
            yield IngestFailure(str(location), str(error))
        return
    path = Path(location)
    if path.is_dir():
        yield from (file_target(p) for p in walk_files(path))
    elif path.exists():
        yield file_target(path)
    else:
        yield IngestFailure(str(path), "no such file or folder")


def iter_documents(
    location: str | Path,
    overrides: Overrides | None = None,
    timeout: float = FETCH_TIMEOUT_S,
) -> Iterator[IngestItem]:
    """Every document (or failure) from a file, a folder (recursively) or a URL."""
    for target in _targets(location, timeout):
        if isinstance(target, IngestFailure):
            yield target
            continue
        for item in read_target(target):
            yield overrides.apply(item) if overrides and isinstance(item, RawDocument) else item


def _register_builtin_readers() -> None:
    for reader in (
        jsonl.READER,
        mail.MBOX_READER,
        mail.EML_READER,
        feeds.READER,
        html.READER,
        TEXT_READER,
    ):
        register_reader(reader)


_register_builtin_readers()

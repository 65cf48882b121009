"""The files of a static mirror: written only when changed, links made relative.

``MirrorWriter`` remembers what it wrote last time in a manifest (path →
SHA-256) inside the mirror, so a second run compares hashes instead of
reading every old file, rewrites only what changed, and removes the files of
the last run that this run did not produce (a struggle unpublished since).
Files that the manifest never listed are left alone.

``relativise`` turns the site's root-absolute links (``/ru/struggles/7``)
into relative file links (``../../ru/struggles/7/index.html``) so pages work
from ``file://``, a USB stick or any sub-folder of a static host.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

MANIFEST = ".picketline-mirror.json"

LINK = re.compile(r'(?P<attr>\b(?:href|src|action|data-[a-z-]*url))="(?P<url>/(?!/)[^"]*)"')
"""A root-absolute link in an attribute, ``data-*-url`` ones included (``//host`` left alone)."""


@dataclass
class WriteCounts:
    """What a run did to the files of the mirror."""

    written: int = 0
    unchanged: int = 0
    removed: int = 0

    def add(self, other: WriteCounts) -> None:
        self.written += other.written
        self.unchanged += other.unchanged
        self.removed += other.removed


@dataclass
class MirrorWriter:
    """Writes mirror files under ``root`` when their content differs from the last run."""

    root: Path
    previous: dict[str, str] = field(default_factory=dict)
    current: dict[str, str] = field(default_factory=dict)
    counts: WriteCounts = field(default_factory=WriteCounts)
    folders: set[Path] = field(default_factory=set)
    """Folders known to exist (one ``mkdir`` per folder, not per file)."""

    @classmethod
    def open(cls, root: Path) -> MirrorWriter:
        root.mkdir(parents=True, exist_ok=True)
        try:
            previous = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            previous = {}
        return cls(root, previous if isinstance(previous, dict) else {})

    def write(self, relpath: str, content: bytes) -> None:
        """Write ``content`` at ``relpath`` unless the same bytes are there already."""
        digest = hashlib.sha256(content).hexdigest()
        # Written already in this run? Then that is what the file holds now.
        before = self.current.get(relpath, self.previous.get(relpath))
        self.current[relpath] = digest
        target = self.root / relpath
        if before == digest and target.exists():
            self.counts.unchanged += 1
            return
        if target.parent not in self.folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            self.folders.add(target.parent)
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        temporary.write_bytes(content)
        os.replace(temporary, target)
        self.counts.written += 1

    def merge(self, hashes: dict[str, str], counts: WriteCounts) -> None:
        """Take over what a worker process wrote (its manifest part and counts)."""
        self.current.update(hashes)
        self.counts.add(counts)

    def finish(self) -> WriteCounts:
        """Remove last run's files that this run did not write; save the manifest."""
        for relpath in sorted(set(self.previous) - set(self.current)):
            target = self.root / relpath
            if target.is_file():
                target.unlink()
                self.counts.removed += 1
                _remove_empty_parents(target.parent, self.root)
        manifest = json.dumps(self.current, sort_keys=True, separators=(",", ":"))
        (self.root / MANIFEST).write_text(manifest, encoding="utf-8")
        return self.counts


def _remove_empty_parents(folder: Path, root: Path) -> None:
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def file_for(path: str) -> str:
    """The mirror file of a site path: ``/ru/struggles/7`` → ``ru/struggles/7/index.html``.

    A path whose last part has an extension (``/static/style.css``,
    ``/feeds/struggles.atom``) is a file already.
    """
    clean = path.split("#", 1)[0].split("?", 1)[0].strip("/")
    if not clean:
        return "index.html"
    if "." in clean.rsplit("/", 1)[-1]:
        return clean
    return f"{clean}/index.html"


def relative(from_file: str, to_file: str) -> str:
    """A relative URL from one mirror file to another."""
    depth = from_file.count("/")
    return "../" * depth + to_file


Resolver = Callable[[str], str | None]
"""Maps a root-absolute site URL to a mirror file path, or ``None`` for "not mirrored"."""


def relativise(html: str, page_file: str, resolve: Resolver, outside: Callable[[str], str]) -> str:
    """Rewrite every root-absolute link of ``html`` for a page stored at ``page_file``.

    ``resolve`` names the mirror file of a URL (``None`` if the mirror does not
    hold it); such links go to ``outside(url)``: an absolute URL (the live site)
    or another mirror file.
    """

    def replace(match: re.Match[str]) -> str:
        url = match.group("url").replace("&amp;", "&")
        fragment = ""
        if "#" in url:
            url, fragment = url.split("#", 1)
            fragment = "#" + fragment
        target = resolve(url)
        if target is None:
            elsewhere = outside(url)
            new = elsewhere if "://" in elsewhere else relative(page_file, elsewhere)
        else:
            new = relative(page_file, target) + fragment
        return f'{match.group("attr")}="{new.replace("&", "&amp;")}"'

    return LINK.sub(replace, html)


def mirror_paths(root: Path) -> Iterable[PurePosixPath]:
    """Every file under ``root`` as a mirror-relative path (for tests and reports)."""
    for path in sorted(root.rglob("*")):
        if path.is_file():
            yield PurePosixPath(path.relative_to(root).as_posix())

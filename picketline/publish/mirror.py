"""``picketline mirror OUTDIR``: the whole public site as plain files, in three languages.

Where the site is blocked, anyone can host a copy: on any static host, a USB
stick, or opened straight from disk (``file://``). The mirror holds every
public page (home, list pages, every published struggle, map, statistics,
campaigns and whatever else the public pages link to), the map's data files,
the feeds and exports, the static assets, and a client-side search (an index
per language, loaded as a ``.js`` file because ``fetch()`` of local files fails
from ``file://``).

Pages come from the app itself, called in-process with ``picketline.mirror``
set in the request scope (pages then swap forms that need the server — sign
in, report, pledge — for a note linking to the live site). Struggle pages,
the bulk of the mirror, are rendered from the same template and the same
public model as the app's route, but from batches of records loaded together
(four queries per batch instead of per page), spread over worker processes.
A test checks that this gives byte-for-byte the page the app serves.

Only what the public site shows is written: published struggles through the
public models, which have no field for sensitive data.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from picketline.db import Database
from picketline.db.models import StruggleRow
from picketline.domain.vocab import StruggleStatus
from picketline.publish.mirror_files import (
    LINK,
    MirrorWriter,
    WriteCounts,
    file_for,
    relativise,
)
from picketline.settings import Settings
from picketline.web import i18n

LIST_PAGE_SIZE = 100
"""Struggles per list page in the mirror (the site shows 25: fewer, longer pages here)."""

LANGUAGE_PREFIX = {"en": "", "ru": "/ru", "uk": "/uk"}
"""English at the mirror's root (no Accept-Language on disk), the others in folders."""

SEED_PATHS = ("/", f"/struggles?limit={LIST_PAGE_SIZE}", "/map", "/stats", "/campaigns")
"""Where the crawl of each language starts; missing routes are skipped with a note."""
DATA_PATHS = (
    "/feeds/struggles.atom",
    "/exports/struggles.csv",
    "/exports/struggles.json",
    "/exports/struggles.geojson",
)
SERVER_ONLY = (
    "/api/",
    "/openapi.json",
    "/healthz",
    "/login",
    "/logout",
    "/account",
    "/review",
    "/report",
    "/admin",
    "/alerts",
)
"""Pages that need the server: links to them go to the live site (or the mirror's home)."""

MIRROR_ONLY = ("/search/",)
"""Pages only the mirror has (its client-side search)."""

STRUGGLE_PATH = re.compile(r"^(?:/(?:en|ru|uk))?/struggles/(\d+)$")
LANGUAGE_PATH = re.compile(r"^/(en|ru|uk)(?=/|$)")
ANCHOR = re.compile(r"<a\b[^>]*>", re.IGNORECASE)
HREF = re.compile(r'\bhref="([^"]*)"')
SEARCH_FORM = re.compile(r'(<form\b[^>]*\baction=")(?:/(?:ru|uk|en))?/(?:struggles)?(")')
BATCH = 400


@dataclass
class MirrorReport:
    """What a run produced and how long it took."""

    counts: WriteCounts
    struggles: int = 0
    pages: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)


@dataclass
class LinkMap:
    """How the site's URLs map to mirror files, for one run."""

    published: set[int]
    live_url: str | None
    pager_files: dict[str, str] = field(default_factory=dict)
    discovered: set[str] = field(default_factory=set)

    def resolve(self, url: str) -> str | None:
        """The mirror file of a root-absolute URL, or ``None`` when the mirror lacks it."""
        if url in self.pager_files:
            return self.pager_files[url]
        path, _, query = url.partition("?")
        path = _english_at_root(path)
        bare = LANGUAGE_PATH.sub("", path) or "/"
        if query or bare.startswith(SERVER_ONLY) or bare == "/api":
            return None
        if bare.startswith(MIRROR_ONLY):
            return file_for(path)
        match = STRUGGLE_PATH.match(path)
        if match:
            return file_for(path) if int(match.group(1)) in self.published else None
        if not i18n.is_neutral(path) and "{" not in path:
            self.discovered.add(path)
        return file_for(path)

    def outside(self, url: str) -> str:
        """Where a link the mirror cannot hold goes: the live site, or the page without query."""
        if self.live_url:
            return self.live_url.rstrip("/") + url
        path = _english_at_root(url.partition("?")[0])
        match = LANGUAGE_PATH.match(path)
        home = f"/{match.group(1)}/" if match else "/"
        bare = LANGUAGE_PATH.sub("", path) or "/"
        if bare.startswith(SERVER_ONLY) or STRUGGLE_PATH.match(path):
            return file_for(home)
        return file_for(path)


def _english_at_root(path: str) -> str:
    """``/en/x`` is ``/x`` in the mirror (English lives at its root)."""
    return path[3:] or "/" if path == "/en" or path.startswith("/en/") else path


def localise_links(html: str, page_file: str) -> str:
    """Give unprefixed page links of a Russian or Ukrainian page that page's language.

    Some routes build links with ``app.url_path_for``, which knows nothing of
    the language prefix; on the live site ``Accept-Language`` then picks the
    language, but a mirror has no headers, so the page's own language is kept.
    """
    first = page_file.split("/", 1)[0]
    if first not in ("ru", "uk"):
        return html

    def prefix(match: re.Match[str]) -> str:
        url = match.group("url")
        if LANGUAGE_PATH.match(url) or i18n.is_neutral(url):
            return match.group(0)
        return f'{match.group("attr")}="/{first}{url}"'

    return LINK.sub(prefix, html)


def page_links(html: str) -> list[str]:
    """Root-absolute link targets of ``<a>`` elements."""
    out = []
    for tag in ANCHOR.findall(html):
        match = HREF.search(tag)
        if match and match.group(1).startswith("/") and not match.group(1).startswith("//"):
            out.append(match.group(1).replace("&amp;", "&"))
    return out


def next_link(html: str) -> str | None:
    """The ``rel="next"`` link of a paginated page."""
    for tag in ANCHOR.findall(html):
        if re.search(r'\brel="next"', tag):
            match = HREF.search(tag)
            if match and match.group(1).startswith("/"):
                return match.group(1).replace("&amp;", "&")
    return None


# --- rendering through the app ---------------------------------------------


class MirrorScope:
    """ASGI wrapper marking each request as the mirror's, with the map data's place."""

    def __init__(self, app: Any, live_url: str | None) -> None:
        self.app = app
        self.flag: str | bool = live_url or True

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            scope = dict(scope)
            scope[i18n.SCOPE_MIRROR] = self.flag
            page = file_for(_english_at_root(scope["path"]))
            scope["picketline.map_data"] = "../" * page.count("/") + "map/data/"
        await self.app(scope, receive, send)


def build_mirror(
    db: Database,
    settings: Settings,
    outdir: Path,
    *,
    live_url: str | None = None,
    workers: int = 1,
    progress: Callable[[str], None] | None = None,
) -> MirrorReport:
    """Write (or bring up to date) the static mirror in ``outdir``."""
    from fastapi.testclient import TestClient

    from picketline.publish.mirror_languages import crawl_languages

    started = time.perf_counter()
    say = progress or (lambda _message: None)
    writer = MirrorWriter.open(outdir)
    report = MirrorReport(writer.counts)
    published = published_ids(db)
    links = LinkMap(set(published), live_url)
    app = mirror_app(settings, db)
    # Struggle pages first (in worker processes: they fork before any client thread starts).
    say(f"pages: {len(published)} published struggles")
    report.struggles = write_struggle_pages(
        db, settings, app, writer, links, published, live_url, workers, say
    )
    report.pages += report.struggles * len(i18n.LANGUAGES)
    # Then each language's pages (a process each): before this process starts a client.
    seen = crawl_languages(settings, db, app, writer, links, report, workers, say)
    with TestClient(MirrorScope(app, live_url), base_url="http://mirror.invalid") as client:
        crawler = Crawler(client, writer, links, report, seen)
        crawler.visit_discovered()
        say(f"pages: {report.pages} in all; search index, map data, static files")
        write_search(db, app, writer, links, published, live_url)
        write_map_data(db, writer, report)
        write_static(writer)
    writer.finish()
    say("done")
    report.seconds = time.perf_counter() - started
    return report


def mirror_app(settings: Settings, db: Database) -> Any:
    """The app the mirror renders with: templates are not re-checked on disk per render."""
    from picketline.web.app import create_app

    app = create_app(settings, db)
    app.state.templates.env.auto_reload = False
    return app


def published_ids(db: Database) -> list[int]:
    with db.session() as session:
        stmt = select(StruggleRow.id).where(StruggleRow.status == StruggleStatus.PUBLISHED.value)
        return list(session.scalars(stmt.order_by(StruggleRow.id)))


@dataclass
class Crawler:
    """Fetches public pages through the app and writes them, following their links."""

    client: Any
    writer: MirrorWriter
    links: LinkMap
    report: MirrorReport
    seen: set[str] = field(default_factory=set)
    language: str | None = None
    """Crawl only this language's pages (one worker process per language)."""

    def visit(self, path: str) -> None:
        """Write the page at ``path`` and every page it leads to (pagination included).

        A seed with a query (the list with the mirror's page size) stands for
        the page without it (``build_mirror`` marks that one seen): links to
        ``/struggles`` lead to its file.
        """
        queue = [path]
        while queue:
            url = queue.pop()
            if url in self.seen:
                continue
            self.seen.add(url)
            queue.extend(self._fetch_page(url))

    def _mine(self, url: str) -> bool:
        if self.language is None:
            return True
        match = LANGUAGE_PATH.match(url)
        return (match.group(1) if match else "en") == self.language

    def visit_discovered(self) -> None:
        while pending := sorted(u for u in self.links.discovered - self.seen if self._mine(u)):
            for url in pending:
                self.visit(url)

    def _fetch_page(self, url: str, page_file: str | None = None) -> list[str]:
        response = self.client.get(url, follow_redirects=False)
        if response.status_code != 200:
            self.report.notes.append(f"{url}: {response.status_code}, not mirrored")
            self.links.discovered.discard(url)
            return []
        if "text/html" not in response.headers.get("content-type", ""):
            self.writer.write(file_for(url), response.content)
            return []
        page_file = page_file or self.links.pager_files.get(url) or file_for(url)
        html = localise_links(response.text, page_file)
        follow = self._paginate(url, html, page_file)
        self._write_html(page_file, html)
        self.report.pages += 1
        return follow + [u for u in page_links(html) if self._crawlable(u)]

    def _paginate(self, url: str, html: str, page_file: str) -> list[str]:
        """Give the next page (a cursor URL) its own file: ``.../page-N/index.html``.

        A cursor is the same page in every language, so the next page's file is
        registered for each language's URL (the language switcher links them).
        """
        following = next_link(html)
        if following is None:
            return []
        folder = page_file.rsplit("/", 1)[0] if "/" in page_file else ""
        match = re.search(r"(?:^|/)page-(\d+)$", folder)
        number = int(match.group(1)) + 1 if match else 2
        base = (folder[: match.start()] if match else folder).strip("/")
        target = (f"{base}/" if base else "") + f"page-{number}/index.html"
        # The page links its next page without the mirror's page size: ask for it anyway.
        size = re.search(r"[?&]limit=(\d+)", url)
        fetch = following
        if size and "limit=" not in following:
            fetch = f"{following}{'&' if '?' in following else '?'}limit={size.group(1)}"
        bare_target = re.sub(r"^(?:ru|uk)/", "", target)
        for prefix in LANGUAGE_PREFIX.values():
            for variant in (following, fetch):
                bare_url = LANGUAGE_PATH.sub("", variant)
                self.links.pager_files[prefix + bare_url] = (
                    prefix.lstrip("/") + ("/" if prefix else "") + bare_target
                )
        return [] if fetch in self.seen else [fetch]

    def _crawlable(self, url: str) -> bool:
        if "?" in url or url in self.seen or not self._mine(url):
            return False
        return self.links.resolve(url) is not None and not STRUGGLE_PATH.match(url)

    def _write_html(self, page_file: str, html: str) -> None:
        html = SEARCH_FORM.sub(lambda m: f"{m.group(1)}{_search_path(page_file)}{m.group(2)}", html)
        html = relativise(html, page_file, self.links.resolve, self.links.outside)
        self.writer.write(page_file, html.encode("utf-8"))

    def fetch_file(self, path: str) -> None:
        response = self.client.get(path, follow_redirects=False)
        if response.status_code == 200:
            self.writer.write(file_for(path), response.content)
        else:
            self.report.notes.append(f"{path}: {response.status_code}, not mirrored")


def _search_path(page_file: str) -> str:
    """The mirror's search page in the language of ``page_file`` (as a site path)."""
    first = page_file.split("/", 1)[0]
    return f"/{first}/search/" if first in ("ru", "uk") else "/search/"


# --- struggle pages: batches, template, workers ----------------------------


def write_struggle_pages(
    db: Database,
    settings: Settings,
    app: Any,
    writer: MirrorWriter,
    links: LinkMap,
    published: list[int],
    live_url: str | None,
    workers: int,
    say: Callable[[str], None],
) -> int:
    """Every published struggle's page in every language; how many struggles."""
    from picketline.publish.mirror_struggles import render_struggle_batches

    batches = [published[i : i + BATCH] for i in range(0, len(published), BATCH)]
    for hashes, counts, discovered in render_struggle_batches(
        db, settings, app, batches, links, live_url, writer, workers
    ):
        writer.merge(hashes, counts)
        links.discovered |= discovered
    say(f"pages: {len(published)} struggles in {len(i18n.LANGUAGES)} languages")
    return len(published)


def synthetic_request(app: Any, path: str, language: str, live_url: str | None) -> Any:
    """A request as the mirror's app call would see it, without the HTTP round trip."""
    from starlette.requests import Request

    prefix = LANGUAGE_PREFIX[language]
    scope = {
        "type": "http",
        "method": "GET",
        "scheme": "http",
        "server": ("mirror.invalid", 80),
        "path": prefix + path,
        "raw_path": (prefix + path).encode(),
        "root_path": prefix,
        "query_string": b"",
        "headers": [],
        "app": app,
        "router": app.router,
        i18n.SCOPE_BASE_ROOT: "",
        i18n.SCOPE_LANGUAGE: language,
        i18n.SCOPE_PREFIXED: bool(prefix),
        i18n.SCOPE_MIRROR: live_url or True,
    }
    return Request(scope)


# --- search ----------------------------------------------------------------


def write_search(
    db: Database,
    app: Any,
    writer: MirrorWriter,
    links: LinkMap,
    published: list[int],
    live_url: str | None,
) -> None:
    """The client-side search: an index per language and its page."""
    from picketline.publish.mirror_search import search_index_js

    templates = app.state.templates
    has_demo = _has_demo(db)
    for language, prefix in LANGUAGE_PREFIX.items():
        token = i18n.set_language(language)
        try:
            writer.write(f"search/index-{language}.js", search_index_js(db, published, language))
            request = synthetic_request(app, "/search/", language, live_url)
            html = templates.get_template("mirror_search.html").render(
                request=request, has_demo=has_demo, index_url=f"/search/index-{language}.js"
            )
        finally:
            i18n.reset_language(token)
        page_file = file_for(prefix + "/search/")
        html = relativise(html, page_file, links.resolve, links.outside)
        writer.write(page_file, html.encode("utf-8"))


def _has_demo(db: Database) -> bool:
    from picketline.db.struggles import has_demo_struggles

    return has_demo_struggles(db)


# --- map data and static files ---------------------------------------------


def write_map_data(db: Database, writer: MirrorWriter, report: MirrorReport) -> None:
    """The map's data files (from the map's own generator) under ``map/data/``."""
    try:
        from picketline.publish.mapdata import static_files
    except ImportError:  # the map is optional in a partial install
        report.notes.append("map data: picketline.publish.mapdata is missing, not mirrored")
        return
    for relpath, content in static_files(db):
        writer.write(f"map/data/{relpath}", content)


def write_static(writer: MirrorWriter) -> None:
    from picketline.web.app import STATIC_DIR

    for path in _files(STATIC_DIR):
        writer.write(f"static/{path.relative_to(STATIC_DIR).as_posix()}", path.read_bytes())


def _files(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            yield path


def report_json(report: MirrorReport) -> str:
    """The report as one JSON line (``picketline mirror --json``)."""
    return json.dumps(
        {
            "written": report.counts.written,
            "unchanged": report.counts.unchanged,
            "removed": report.counts.removed,
            "struggles": report.struggles,
            "pages": report.pages,
            "seconds": round(report.seconds, 2),
            "notes": report.notes,
        },
        ensure_ascii=False,
    )

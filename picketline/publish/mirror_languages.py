"""The mirror's crawl of each language's pages (and the data files), side by side when allowed.

Each language's pages (home, list pages, map, statistics, campaigns ...) are
fetched through the app, following links; a list is a chain of cursor pages,
so a language is crawled in order, but the three languages are independent
and run side by side in worker processes (``workers`` > 1). Each worker opens
its own database and app, writes its own files and hands back what it wrote,
saw and found, which the parent merges. The feed and the exports (streams
of every published struggle) are one more task of the same pool.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from typing import Any

from picketline.db import Database
from picketline.publish.mirror_files import MirrorWriter, WriteCounts
from picketline.settings import Settings

DATA_TASK = "data"
"""The task that fetches the feed and the exports (language-neutral files)."""

CrawlResult = tuple[
    str, dict[str, str], WriteCounts, list[str], int, set[str], set[str], dict[str, str]
]


def crawl_languages(
    settings: Settings,
    db: Database,
    app: Any,
    writer: MirrorWriter,
    links: Any,
    report: Any,
    workers: int,
    say: Callable[[str], None],
) -> set[str]:
    """Crawl every language; the URLs visited (for the parent's last pass)."""
    from picketline.publish.mirror import LANGUAGE_PREFIX

    languages = list(LANGUAGE_PREFIX)
    if workers <= 1:
        seen: set[str] = set()
        for language in languages:
            say(f"pages: {language}")
            seen |= _crawl(settings, db, app, writer, links, report, language, seen)
        say("feeds and exports")
        _crawl(settings, db, app, writer, links, report, DATA_TASK, seen)
        return seen
    context = multiprocessing.get_context("fork")
    state = (settings, links.published, links.live_url, writer.root, writer.previous)
    seen = set()
    size = min(workers, len(languages))
    tasks = [DATA_TASK, *languages]  # the feed and exports are the longest single task
    with context.Pool(size, initializer=_start_worker, initargs=(state,)) as pool:
        for result in pool.imap_unordered(_worker_crawl, tasks):
            language, hashes, counts, notes, pages, visited, found, pager = result
            writer.merge(hashes, counts)
            report.notes.extend(notes)
            report.pages += pages
            links.discovered |= found
            links.pager_files.update(pager)
            seen |= visited
            say(f"pages: {language} done")
    return seen


def _crawl(
    settings: Settings,
    db: Database,
    app: Any,
    writer: MirrorWriter,
    links: Any,
    report: Any,
    language: str,
    seen: set[str],
) -> set[str]:
    """Crawl one language's pages from its seeds; the URLs visited."""
    from fastapi.testclient import TestClient

    from picketline.publish.mirror import (
        DATA_PATHS,
        LANGUAGE_PREFIX,
        SEED_PATHS,
        Crawler,
        MirrorScope,
    )

    with TestClient(MirrorScope(app, links.live_url), base_url="http://mirror.invalid") as client:
        crawler = Crawler(client, writer, links, report, set(seen), language)
        if language == DATA_TASK:
            for path in DATA_PATHS:
                crawler.fetch_file(path)
            return set()
        prefix = LANGUAGE_PREFIX[language]
        # /struggles is crawled as the seed with the mirror's page size.
        crawler.seen.update(prefix + path.partition("?")[0] for path in SEED_PATHS if "?" in path)
        for path in SEED_PATHS:
            crawler.visit(prefix + path if path != "/" or not prefix else prefix + "/")
        crawler.visit_discovered()
    return crawler.seen


_WORKER: dict[str, Any] = {}


def _start_worker(state: tuple[Any, ...]) -> None:
    from picketline.publish.mirror import mirror_app

    settings, published, live_url, root, previous = state
    db = Database.open(settings)
    _WORKER.update(
        settings=settings,
        db=db,
        app=mirror_app(settings, db),
        published=published,
        live_url=live_url,
        root=root,
        previous=previous,
    )


def _worker_crawl(language: str) -> CrawlResult:
    from picketline.publish.mirror import LinkMap, MirrorReport

    w = _WORKER
    writer = MirrorWriter(w["root"], w["previous"])
    links = LinkMap(w["published"], w["live_url"])
    report = MirrorReport(writer.counts)
    visited = _crawl(w["settings"], w["db"], w["app"], writer, links, report, language, set())
    return (
        language,
        writer.current,
        writer.counts,
        report.notes,
        report.pages,
        visited,
        links.discovered,
        links.pager_files,
    )

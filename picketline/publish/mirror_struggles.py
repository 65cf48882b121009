"""The mirror's struggle pages: rendered in batches, optionally in worker processes.

A struggle page through the app costs a request, a dependency graph and four
queries; 100,000 struggles in three languages would take far longer than the
few minutes a mirror should. Here the records of ``BATCH`` struggles are
loaded in four queries, each is turned into the public model once, and the
page template (the same one the route renders, with the same context) is
rendered once per language. Worker processes each open their own database
connection and write their own files; the parent merges their manifests.
"""

from __future__ import annotations

import multiprocessing
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from picketline.db import Database
from picketline.db.struggles import StruggleRecord, has_demo_struggles, load_records
from picketline.publish.mirror_files import MirrorWriter, WriteCounts, file_for, relativise
from picketline.settings import Settings
from picketline.web import i18n
from picketline.web.api.schemas import struggle_out

BatchResult = tuple[dict[str, str], WriteCounts, set[str]]


def struggle_context(
    request: Any, record: StruggleRecord, has_demo: bool, db: Database
) -> dict[str, Any]:
    """The struggle page's template context, built as ``pages/struggles.struggle_page`` does.

    ``tests/test_mirror.py`` compares a mirrored page with the app's page byte
    for byte, so a change to the route's context that is not made here fails there.
    """
    from picketline.db.filters import StruggleFilter
    from picketline.web.api.funds import struggle_funds
    from picketline.web.api.schemas import EvidenceOut
    from picketline.web.pages.struggles import feed_url

    assert record.struggle.id is not None  # loaded from the database: it has an id
    evidence: dict[int, list[EvidenceOut]] = defaultdict(list)
    for item in record.evidence:
        if item.source_id is not None and item.quote.strip():
            evidence[item.source_id].append(EvidenceOut(field=item.field, quote=item.quote))
    return {
        "s": struggle_out(record),
        "evidence": dict(evidence),
        "feed_href": feed_url(request, StruggleFilter()),
        "has_demo": has_demo,
        "funds": struggle_funds(db, record.struggle.id),
    }


def render_batch(
    db: Database,
    app: Any,
    ids: Sequence[int],
    links: Any,
    live_url: str | None,
    writer: MirrorWriter,
    has_demo: bool,
) -> None:
    """Write the pages of the struggles ``ids`` in every language."""
    from picketline.publish.mirror import LANGUAGE_PREFIX, localise_links, synthetic_request

    template = app.state.templates.get_template("struggle.html")
    with db.session() as session:
        records = load_records(session, list(ids), None)
    for record in records:
        sid = record.struggle.id
        context: dict[str, Any] | None = None
        for language, prefix in LANGUAGE_PREFIX.items():
            token = i18n.set_language(language)
            try:
                request = synthetic_request(app, f"/struggles/{sid}", language, live_url)
                context = context or struggle_context(request, record, has_demo, db)
                html = template.render({**context, "request": request})
            finally:
                i18n.reset_language(token)
            page_file = file_for(f"{prefix}/struggles/{sid}")
            html = localise_links(html, page_file)
            html = relativise(html, page_file, links.resolve, links.outside)
            writer.write(page_file, html.encode("utf-8"))


def render_struggle_batches(
    db: Database,
    settings: Settings,
    app: Any,
    batches: list[list[int]],
    links: Any,
    live_url: str | None,
    writer: MirrorWriter,
    workers: int,
) -> Iterator[BatchResult]:
    """Render every batch here (``workers`` 1) or in a pool of processes."""
    has_demo = has_demo_struggles(db)
    if workers <= 1 or len(batches) < 2:
        for ids in batches:
            render_batch(db, app, ids, links, live_url, writer, has_demo)
        yield {}, WriteCounts(), set()
        return
    context = multiprocessing.get_context("fork")
    state = (settings, links, live_url, writer.root, writer.previous, has_demo)
    with context.Pool(workers, initializer=_start_worker, initargs=(state,)) as pool:
        yield from pool.imap_unordered(_worker_batch, batches)


_WORKER: dict[str, Any] = {}


def _start_worker(state: tuple[Any, ...]) -> None:
    from picketline.publish.mirror import mirror_app

    settings, links, live_url, root, previous, has_demo = state
    db = Database.open(settings)
    _WORKER.update(
        db=db,
        app=mirror_app(settings, db),
        links=links,
        live_url=live_url,
        root=root,
        previous=previous,
        has_demo=has_demo,
    )


def _worker_batch(ids: list[int]) -> BatchResult:
    w = _WORKER
    writer = MirrorWriter(w["root"], w["previous"])
    w["links"].discovered = set()
    render_batch(w["db"], w["app"], ids, w["links"], w["live_url"], writer, w["has_demo"])
    return writer.current, writer.counts, w["links"].discovered

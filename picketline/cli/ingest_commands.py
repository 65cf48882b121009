"""``picketline ingest``: documents from files, folders, feeds, mail and URLs into the record.

A thin loop over ``ingest.sources.iter_documents`` (which never raises for
bad input) and ``actions.ingest_batch.BatchIngest`` (texts read on every
core, one transaction per batch of documents, so a killed run loses at most
the batch in hand, and a re-run skips everything already stored). Progress
goes to stderr; the summary to stdout; any failed document makes the exit
code 1.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from picketline.domain.dates import PartialDate
from picketline.errors import InputError, PicketlineError, StorageError

if TYPE_CHECKING:
    from picketline.actions.ingest import IngestOutcome
    from picketline.db import Database
    from picketline.extract.pipeline import Extractor
    from picketline.ingest.sources import Overrides
    from picketline.settings import Settings

INGEST_HELP = """Read documents into the record of struggles, each exactly once.

PATHS_OR_URLS are text files (any common encoding), HTML pages, .eml and
.mbox mail, Atom/RSS feeds (files or URLs), .jsonl corpora ({"id", "text",
"published"?, "url"?} a line) and folders of them (recursively). Each document
is stored as a source, read by the extraction, and every struggle it reports
is merged into the same struggle already known, linked to it as a possible
duplicate, or added as a new candidate. Copies and excerpts of stored documents
are linked to their original's struggles. Ingesting a document again adds
nothing, so a run that was interrupted can simply be run again.

Example: picketline ingest ~/news/ https://example.org/labour.rss --outlet "Example News"
"""

SHOWN_FAILURES = 50
DB_TIMEOUT_S = 60.0  # another ingest may hold the write lock for a moment


def register(app: typer.Typer) -> None:
    """Add ``ingest`` to the app."""
    app.command("ingest", help=INGEST_HELP)(ingest_command)


class RateColumn(ProgressColumn):
    """Documents per second over the recent past."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} docs/s" if speed else "… docs/s", style="progress.data.speed")


@dataclass
class Summary:
    """What a run did, counted as it goes."""

    kinds: Counter[str] = field(default_factory=Counter)
    merged: int = 0
    possible: int = 0
    failures: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)

    @property
    def total(self) -> int:
        return sum(self.kinds.values())

    def add(self, outcome: IngestOutcome) -> None:
        from picketline.actions.ingest import OutcomeKind

        self.kinds[outcome.kind.value] += 1
        self.merged += outcome.merged
        self.possible += outcome.possible
        if outcome.kind is OutcomeKind.FAILED:
            self.failures.append(f"{outcome.origin}: {outcome.reason}")

    def lines(self) -> list[str]:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        k = self.kinds
        out = [
            f"{self.total} documents in {elapsed:.1f} s ({self.total / elapsed:.1f} docs/s): "
            f"{k['new']} new, {k['duplicate']} duplicate, {k['near_duplicate']} near-duplicate, "
            f"{k['irrelevant']} irrelevant, {k['failed']} failed",
            f"struggles: {self.merged} merged into known struggles, "
            f"{self.possible} possible duplicates left for an editor",
        ]
        shown = self.failures[:SHOWN_FAILURES]
        out += [f"failed: {message}" for message in shown]
        if len(self.failures) > len(shown):
            out.append(f"... and {len(self.failures) - len(shown)} more failures")
        return out


def ingest_command(
    locations: list[str] = typer.Argument(
        ..., metavar="PATHS_OR_URLS...", help="Files, folders (recursively) or http(s) URLs."
    ),
    published: str | None = typer.Option(
        None, "--published", help="Publication date YYYY[-MM[-DD]] where a document gives none."
    ),
    url: str | None = typer.Option(None, "--url", help="URL for documents that have none."),
    outlet: str | None = typer.Option(None, "--outlet", help="The outlet of every document."),
    workers: int | None = typer.Option(
        None,
        "--workers",
        min=1,
        help="Processes reading texts in parallel (default: 2 where there are 2 cores).",
    ),
) -> None:
    from picketline.db import Database
    from picketline.extract.pipeline import Extractor
    from picketline.ingest.sources import Overrides
    from picketline.settings import get_settings

    overrides = Overrides(_date(published), url, outlet)
    settings = get_settings()
    with Database.open(settings, timeout=DB_TIMEOUT_S) as db:
        extractor = Extractor(settings)
        summary = Summary()
        try:
            _run(db, extractor, settings, locations, overrides, summary, workers)
        finally:
            for line in summary.lines():
                typer.echo(line)
    if summary.failures:
        raise PicketlineError(f"{len(summary.failures)} of {summary.total} documents failed")


def _run(
    db: Database,
    extractor: Extractor,
    settings: Settings,
    locations: list[str],
    overrides: Overrides,
    summary: Summary,
    workers: int | None,
) -> None:
    import sqlalchemy.exc

    from picketline.actions.ingest_batch import BatchIngest
    from picketline.ingest.sources import iter_documents

    progress = Progress(
        TextColumn("[bold]ingesting"),
        BarColumn(),
        TextColumn("{task.completed} documents"),
        RateColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    documents = (item for location in locations for item in iter_documents(location, overrides))
    with progress, BatchIngest(db, extractor, settings=settings, workers=workers) as batch:
        task = progress.add_task("ingesting", total=None)
        try:
            for outcome in batch.ingest(documents):
                summary.add(outcome)
                progress.advance(task)
        except sqlalchemy.exc.SQLAlchemyError as error:
            raise StorageError(f"the database failed during ingest: {error}") from None


def _date(value: str | None) -> PartialDate | None:
    if not value:
        return None
    try:
        return PartialDate.parse(value)
    except ValueError:
        raise InputError(
            f"--published {value!r}: not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
        ) from None

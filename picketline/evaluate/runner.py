"""Running extraction over many documents, in order, on every core, past failures.

Both ``picketline extract --out`` and ``picketline eval`` need the same thing:
feed a list of documents to the extraction pipeline, keep their order, use
both cores on large batches (each worker process builds one ``Extractor``
once, since building it is the expensive part), and never let one bad file
stop the batch — a failure becomes a ``Result`` with an ``error``.

Files are read inside the worker (``Job.path``), so a 20 MB article travels
between processes as a path, not as 20 MB of pickled text.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from picketline.domain.dates import PartialDate
from picketline.errors import PicketlineError

SUPPORTED_LANGUAGES = frozenset({"en", "ru", "uk"})
PARALLEL_MIN_JOBS = 16
"""Below this many documents a second Extractor costs more to build than it saves."""


@dataclass(frozen=True)
class Job:
    """One document to extract: a file to read, or text already in hand."""

    key: str
    path: Path | None = None
    text: str | None = None
    published: PartialDate | None = None
    url: str | None = None
    text_file: str | None = None


@dataclass(frozen=True)
class Result:
    """What became of one ``Job``: a FORMAT.md object, or a one-line error."""

    key: str
    extraction: dict[str, Any] | None = None
    error: str | None = None
    unsupported_language: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


_EXTRACTOR: Any = None


def _extractor() -> Any:
    """This process's one Extractor, built on first use."""
    global _EXTRACTOR
    if _EXTRACTOR is None:
        from picketline.extract.pipeline import Extractor

        _EXTRACTOR = Extractor()
    return _EXTRACTOR


def init_worker() -> None:
    """Pool initializer: build this worker's Extractor before any document arrives."""
    _extractor()


def run_job(job: Job) -> Result:
    """Decode (when needed) and extract one document; errors become ``Result.error``."""
    try:
        text = job.text
        if text is None:
            from picketline.ingest.decode import read_document

            assert job.path is not None
            text = read_document(job.path).text
        extraction = _extractor().extract(text, published=job.published, url=job.url, language=None)
        extraction = dataclasses.replace(extraction, text_file=job.text_file)
        return Result(
            key=job.key,
            extraction=extraction.to_format(),
            unsupported_language=unsupported_language(extraction, job.key),
        )
    except PicketlineError as error:
        return Result(key=job.key, error=str(error))
    except Exception as error:  # one broken document must not end a batch
        return Result(key=job.key, error=f"{job.key}: extraction failed ({_describe(error)})")


def _describe(error: BaseException) -> str:
    message = " ".join(str(error).split())
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


def unsupported_language(extraction: Any, name: str) -> str | None:
    """A one-line message when the pipeline could not handle the text's language.

    The pipeline reports the language it detected (``Extraction.language``); a
    language outside en/ru/uk, or none at all with a note saying so, means the
    text was not really read.
    """
    language = extraction.language
    notes = " ".join(getattr(extraction, "notes", ()) or ()).casefold()
    if language is not None and language not in SUPPORTED_LANGUAGES:
        return f"{name}: unsupported language '{language}' (Picketline reads en, ru and uk)"
    if language is None and "language" in notes:
        return f"{name}: the language could not be identified (Picketline reads en, ru and uk)"
    return None


def default_workers(jobs: int) -> int:
    """Both cores for big batches, one process for small ones."""
    if jobs < PARALLEL_MIN_JOBS:
        return 1
    return max(1, min(os.cpu_count() or 1, 2))


def run_jobs(
    jobs: Sequence[Job],
    *,
    workers: int | None = None,
    on_result: Callable[[Result], None] | None = None,
) -> Iterator[Result]:
    """Results in job order; ``on_result`` sees each one as it arrives (progress bars)."""
    count = workers or default_workers(len(jobs))
    if count <= 1 or len(jobs) <= 1:
        yield from _notify(map(run_job, jobs), on_result)
        return
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with context.Pool(processes=count, initializer=init_worker) as pool:
        chunk = max(1, min(32, len(jobs) // (count * 8)))
        yield from _notify(pool.imap(run_job, jobs, chunksize=chunk), on_result)


def _notify(
    results: Iterator[Result], on_result: Callable[[Result], None] | None
) -> Iterator[Result]:
    for result in results:
        if on_result is not None:
            on_result(result)
        yield result

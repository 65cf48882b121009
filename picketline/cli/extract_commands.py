"""``picketline extract`` and ``picketline eval``: thin commands over extraction and scoring.

``extract FILE --json`` prints one FORMAT.md object; ``extract INPUTS... --out
DIR`` writes one per input (folders recursively, JSONL corpora line by line)
in one process pool, going on past bad files and listing every failure at
the end. ``eval DIR`` scores an annotated folder, ``eval FILE.jsonl`` a
labelled corpus's relevance. Progress goes to stderr so ``--json`` output on
stdout stays clean.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from picketline.domain.dates import PartialDate
from picketline.errors import InputError, PicketlineError
from picketline.evaluate.runner import Job, Result, run_job, run_jobs

TEXT_SUFFIXES = (".txt", ".html", ".htm", ".md")
WORKERS_HELP = "Worker processes (default: both cores for large batches)."


def register(app: typer.Typer) -> None:
    """Add ``extract`` and ``eval`` to the app."""
    app.command("extract")(extract_command)
    app.command("eval")(eval_command)


# --- shared helpers ----------------------------------------------------------------------


def _stderr() -> Console:
    return Console(stderr=True)


@contextmanager
def progress_bar(total: int, label: str) -> Iterator[Callable[[Result], None]]:
    """A rich progress bar on stderr; yields the callback that advances it.

    No auto-refresh thread: the worker pool forks while the bar is showing,
    and forking a process that runs other threads can deadlock the children.
    """
    progress = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=_stderr(),
        transient=True,
        auto_refresh=False,
    )
    task = progress.add_task(label, total=total)
    last = [0.0]

    def advance(_result: Result) -> None:
        progress.advance(task)
        now = time.monotonic()
        if now - last[0] > 0.1:  # at most ten redraws a second, however fast the batch
            last[0] = now
            progress.refresh()

    with progress:
        yield advance


def _parse_date(value: str | None, option: str) -> PartialDate | None:
    if not value:
        return None
    try:
        return PartialDate.parse(value)
    except ValueError:
        raise InputError(f"{option} {value!r}: not a date (YYYY, YYYY-MM or YYYY-MM-DD)") from None


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def _report_failures(failures: list[str], what: str) -> None:
    """List every failure, then end with a non-zero exit (main prints the last line)."""
    if not failures:
        return
    console = _stderr()
    for message in failures:
        console.print(f"failed: {message}", markup=False, highlight=False, soft_wrap=True)
    raise PicketlineError(f"{len(failures)} {what} failed (listed above)")


# --- extract -----------------------------------------------------------------------------


def extract_command(
    inputs: list[Path] = typer.Argument(..., help="Article files, folders or JSONL corpora."),
    as_json: bool = typer.Option(False, "--json", help="Print the FORMAT.md JSON object."),
    published: str | None = typer.Option(None, help="Publication date, YYYY[-MM[-DD]]."),
    url: str | None = typer.Option(None, help="Where the article was published."),
    out: Path | None = typer.Option(None, "--out", help="Write NAME.json files into DIR."),
    workers: int | None = typer.Option(None, help=WORKERS_HELP),
) -> None:
    """Extract the struggles an article reports, as FORMAT.md JSON.

    One file prints its object (with --json) or a summary; with --out DIR every
    input is written there: folders recursively (.txt/.html/.htm/.md), a .jsonl
    corpus as DIR/NAME.jsonl with the same ids. Failures are listed at the end.

    Example: picketline extract article.txt --json --published 2020-06-10

    Example: picketline extract articles/ corpus.jsonl --out results/
    """
    date = _parse_date(published, "--published")
    if out is not None:
        failures = extract_batch(inputs, out, published=date, url=url, workers=workers)
        _report_failures(failures, "inputs")
        return
    if len(inputs) != 1 or inputs[0].is_dir() or inputs[0].suffix.lower() == ".jsonl":
        raise InputError("give --out DIR to extract several files, a folder or a JSONL corpus")
    extraction = extract_file(inputs[0], published=date, url=url)
    if as_json:
        typer.echo(_dump(extraction))
    else:
        print_summary(extraction)


def extract_file(path: Path, *, published: PartialDate | None, url: str | None) -> dict[str, Any]:
    """One file's FORMAT.md object; a problem becomes a one-line error naming it."""
    result = run_job(
        Job(key=str(path), path=path, published=published, url=url, text_file=path.name)
    )
    if result.error:
        raise PicketlineError(result.error)
    if result.unsupported_language:
        raise InputError(result.unsupported_language)
    assert result.extraction is not None
    return result.extraction


def print_summary(extraction: dict[str, Any]) -> None:
    """A short human reading of an extraction, for use without ``--json``."""
    console = Console()
    document = extraction["document"]
    verdict = "relevant" if extraction["relevant"] else "not relevant"
    console.print(
        f"[bold]{document.get('text_file')}[/bold] ({document.get('language')}): {verdict}"
    )
    for number, struggle in enumerate(extraction["struggles"], start=1):
        shown = {k: v for k, v in struggle.items() if k not in ("evidence", "confidence")}
        console.print(f"  struggle {number}: " + json.dumps(shown, ensure_ascii=False))


# --- batch -------------------------------------------------------------------------------


def collect_jobs(
    inputs: list[Path], out: Path, published: PartialDate | None, url: str | None
) -> tuple[list[Job], dict[str, Path], list[str]]:
    """The jobs of every input, where each result goes, and inputs already known bad."""
    jobs: list[Job] = []
    targets: dict[str, Path] = {}
    failures: list[str] = []
    used: set[Path] = set()

    def add_file(path: Path, target: Path) -> None:
        if target in used:
            target = target.with_name(path.name + ".json")
        used.add(target)
        key = str(path)
        jobs.append(Job(key=key, path=path, published=published, url=url, text_file=path.name))
        targets[key] = target

    for item in inputs:
        if item.is_dir():
            for path in sorted(p for p in item.rglob("*") if _is_article(p)):
                add_file(path, (out / path.relative_to(item)).with_suffix(".json"))
        elif item.suffix.lower() == ".jsonl" and item.is_file():
            try:
                jobs.extend(_jsonl_jobs(item, out, targets, published, url))
            except PicketlineError as error:
                failures.append(str(error))
        elif item.exists():
            add_file(item, out / f"{item.stem}.json")
        else:
            failures.append(f"{item}: no such file or folder")
    return jobs, targets, failures


def _is_article(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in TEXT_SUFFIXES and not path.name.startswith(".")


def _jsonl_jobs(
    path: Path, out: Path, targets: dict[str, Path], published: PartialDate | None, url: str | None
) -> list[Job]:
    from picketline.evaluate.corpus import read_jsonl

    target = out / f"{path.stem}.jsonl"
    jobs = []
    for line in read_jsonl(path):
        key = f"{path}#{line.id}"
        jobs.append(
            Job(
                key=key,
                text=line.text,
                published=line.published or published,
                url=line.url or url,
            )
        )
        targets[key] = target
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("", encoding="utf-8")  # an empty corpus still gives its (empty) file
    return jobs


def extract_batch(
    inputs: list[Path],
    out: Path,
    *,
    published: PartialDate | None = None,
    url: str | None = None,
    workers: int | None = None,
) -> list[str]:
    """Extract every input into ``out``; return the failures (one line each)."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(f"{out}: cannot create the output folder ({error.strerror})") from None
    jobs, targets, failures = collect_jobs(inputs, out, published, url)
    writer = _Writer()
    try:
        with progress_bar(len(jobs), "extracting") as advance:
            for result in run_jobs(jobs, workers=workers, on_result=advance):
                problem = result.error or result.unsupported_language
                if problem:
                    failures.append(problem)
                else:
                    writer.write(result, targets[result.key])
    finally:
        writer.close()
    return failures


class _Writer:
    """Writes each result: ``NAME.json`` files, or lines appended to ``NAME.jsonl``."""

    def __init__(self) -> None:
        self._jsonl: dict[Path, IO[str]] = {}

    def write(self, result: Result, target: Path) -> None:
        assert result.extraction is not None
        if target.suffix == ".jsonl":
            doc_id = result.key.rsplit("#", 1)[1]
            line = json.dumps({"id": doc_id, **result.extraction}, ensure_ascii=False)
            self._handle(target).write(line + "\n")
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_dump(result.extraction) + "\n", encoding="utf-8")

    def _handle(self, target: Path) -> IO[str]:
        if target not in self._jsonl:
            self._jsonl[target] = target.open("a", encoding="utf-8")
        return self._jsonl[target]

    def close(self) -> None:
        for handle in self._jsonl.values():
            handle.close()


# --- eval --------------------------------------------------------------------------------


def eval_command(
    path: Path = typer.Argument(..., help="An annotated folder, or a labelled JSONL corpus."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Per-article detail."),
    workers: int | None = typer.Option(None, help=WORKERS_HELP),
) -> None:
    """Score extraction against gold annotations (FORMAT.md "How it is scored").

    A folder of NAME.json + NAME.txt is scored on relevance and every struggle
    field; a .jsonl corpus with "relevant" labels on relevance only.

    Example: picketline eval ../shared/eval/public

    Example: picketline eval ../shared/eval/glocon-dev.jsonl --verbose
    """
    if path.is_dir():
        errors = _eval_folder(path, as_json=as_json, verbose=verbose, workers=workers)
    elif path.suffix.lower() == ".jsonl":
        errors = _eval_jsonl(path, as_json=as_json, verbose=verbose, workers=workers)
    else:
        raise InputError(f"{path}: give an annotated folder or a .jsonl corpus")
    _report_failures(errors, "documents")


def _eval_folder(path: Path, *, as_json: bool, verbose: bool, workers: int | None) -> list[str]:
    from picketline.evaluate.evaluation import annotated_jobs, score_results
    from picketline.evaluate.report import print_field_report

    jobs, gold = annotated_jobs(path)
    with progress_bar(len(jobs), "evaluating") as advance:
        evaluation = score_results(list(run_jobs(jobs, workers=workers, on_result=advance)), gold)
    if as_json:
        typer.echo(_dump(evaluation.to_json(with_documents=verbose)))
    else:
        print_field_report(Console(), evaluation.score, verbose=verbose)
    return evaluation.errors


def _eval_jsonl(path: Path, *, as_json: bool, verbose: bool, workers: int | None) -> list[str]:
    from picketline.evaluate.evaluation import jsonl_jobs, score_relevance
    from picketline.evaluate.report import print_relevance_report

    jobs, labels = jsonl_jobs(path)
    with progress_bar(len(jobs), "evaluating") as advance:
        evaluation = score_relevance(run_jobs(jobs, workers=workers, on_result=advance), labels)
    if as_json:
        typer.echo(_dump(evaluation.to_json()))
    else:
        print_relevance_report(
            Console(),
            evaluation.relevance,
            evaluation.documents,
            evaluation.false_positives,
            evaluation.false_negatives,
            verbose=verbose,
        )
    return evaluation.errors

"""How fast extraction starts, how fast it runs, and how much memory it takes.

Measures, and prints against the project's targets:

- start-up: importing the pipeline and building one ``Extractor`` in a fresh
  interpreter (what every CLI call and every worker pays once);
- throughput on ordinary news: the GLOCON dev corpus (mostly irrelevant
  documents), in documents per second on ``--workers`` processes (target
  >= 200/s on 2 cores);
- throughput on relevant articles: the public annotated articles copied
  ``--copies`` times over (target >= 20 articles/s);
- one 20 MB article through extraction (time, and that it finishes at all);
- peak resident memory of this process and of its workers (target <= 1 GB).

Throughput is timed after every worker has built its Extractor, so it is the
steady rate; start-up is reported on its own line.

    python -m bench extract [--workers 2] [--copies 30] [--big-mb 20] [--eval-dir DIR]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from picketline.evaluate.runner import Job, init_worker, run_job

SHARED_EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
STARTUP_CODE = (
    "import time; t = time.perf_counter();"
    "from picketline.extract.pipeline import Extractor; e = Extractor();"
    "b = time.perf_counter(); e.extract('Miners went on strike on Monday over unpaid wages.');"
    "print(b - t, time.perf_counter() - b)"
)


@dataclass
class Row:
    """One measurement beside its target."""

    name: str
    value: float
    unit: str
    target: str
    ok: bool | None


def startup_seconds() -> tuple[float, float]:
    """(import + Extractor(), first extract) in seconds, in a fresh interpreter."""
    out = subprocess.run(
        [sys.executable, "-c", STARTUP_CODE], capture_output=True, text=True, check=True
    )
    build, first = out.stdout.split()
    return float(build), float(first)


def glocon_jobs(path: Path) -> list[Job]:
    jobs = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            data = json.loads(line)
            jobs.append(Job(key=data["id"], text=data["text"], url=data.get("url")))
    return jobs


def public_jobs(folder: Path, copies: int) -> list[Job]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    return [Job(key=f"{i}-{j}", text=t) for i in range(copies) for j, t in enumerate(texts)]


@dataclass(frozen=True)
class Rate:
    """Documents per second by the wall clock, and as CPU time alone would allow.

    The CPU figure (documents / (CPU seconds / workers)) is what an otherwise
    idle machine gives; the wall figure drops when other work shares the cores.
    """

    wall: float
    cpu: float
    failures: int
    peak_rss_mb: float


def timed_job(job: Job) -> tuple[bool, float, float]:
    """Run one job; (succeeded, CPU seconds it took, this process's peak RSS in MB)."""
    started = time.process_time()
    ok = run_job(job).ok
    cpu = time.process_time() - started
    return ok, cpu, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def throughput(jobs: Sequence[Job], workers: int) -> Rate:
    """Extraction rate over ``jobs``, timed after every worker is ready."""
    if workers <= 1:
        init_worker()
        started = time.perf_counter()
        results = [timed_job(job) for job in jobs]
        elapsed = time.perf_counter() - started
    else:
        context = multiprocessing.get_context("fork")
        with context.Pool(processes=workers, initializer=init_worker) as pool:
            pool.map(_noop, range(workers * 4))  # every worker has built its Extractor
            started = time.perf_counter()
            chunk = max(1, len(jobs) // (workers * 16))
            results = pool.map(timed_job, jobs, chunksize=chunk)
            elapsed = time.perf_counter() - started
    cpu = sum(seconds for _, seconds, _ in results) / max(1, workers)
    failures = sum(not ok for ok, _, _ in results)
    peak = max((rss for _, _, rss in results), default=0.0)
    return Rate(len(jobs) / elapsed, len(jobs) / cpu if cpu else float("inf"), failures, peak)


def _noop(_: int) -> None:
    time.sleep(0.01)


def big_article_seconds(folder: Path, megabytes: int) -> float:
    """Seconds to extract one article of about ``megabytes`` MB (the public texts repeated)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    block = "\n\n".join(texts)
    text = block * max(1, megabytes * 2**20 // len(block.encode("utf-8")))
    init_worker()
    started = time.perf_counter()
    result = run_job(Job(key="big", text=text))
    if not result.ok:
        raise SystemExit(f"the {megabytes} MB article failed: {result.error}")
    return time.perf_counter() - started


def rate_rows(label: str, rate: Rate, target: float) -> list[Row]:
    failed = f", {rate.failures} failed" if rate.failures else ""
    return [
        Row(f"{label}: wall clock{failed}", rate.wall, "docs/s", f">= {target:g}", None),
        Row(f"{label}: CPU-time rate", rate.cpu, "docs/s", f">= {target:g}", rate.cpu >= target),
    ]


def measure(shared: Path, workers: int, copies: int, big_mb: int) -> list[Row]:
    build, first = startup_seconds()
    rows = [
        Row("start-up: import + Extractor()", build, "s", "-", None),
        Row("start-up: first extract", first, "s", "-", None),
    ]
    glocon = glocon_jobs(shared / "glocon-dev.jsonl")
    news = throughput(glocon, workers)
    rows += rate_rows(f"GLOCON dev ({len(glocon)} docs)", news, 200)
    articles = public_jobs(shared / "public", copies)
    relevant = throughput(articles, workers)
    rows += rate_rows(f"relevant articles ({len(articles)})", relevant, 20)
    if big_mb:
        seconds = big_article_seconds(shared / "public", big_mb)
        rows.append(Row(f"one {big_mb} MB article", seconds, "s", "finishes", True))
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker = max(news.peak_rss_mb, relevant.peak_rss_mb)
    rows.append(
        Row("peak RSS, main process (incl. big article)", own, "MB", "<= 1024", own <= 1024)
    )
    rows.append(Row("peak RSS, largest worker", worker, "MB", "<= 1024", worker <= 1024))
    return rows


def print_table(rows: list[Row], workers: int) -> None:
    table = Table(title=f"Extraction benchmark ({workers} worker(s), {os.cpu_count()} CPUs)")
    for column in ("measure", "value", "unit", "target", "ok"):
        table.add_column(column, justify="left" if column == "measure" else "right")
    for row in rows:
        verdict = "-" if row.ok is None else ("yes" if row.ok else "[red]NO[/red]")
        table.add_row(row.name, f"{row.value:,.2f}", row.unit, row.target, verdict)
    Console().print(table)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--eval-dir", type=Path, default=SHARED_EVAL, help="shared/eval folder")
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--copies", type=int, default=30, help="copies of the public articles")
    parser.add_argument("--big-mb", type=int, default=20, help="size of the big article (0: skip)")
    args = parser.parse_args(argv)
    rows = measure(args.eval_dir, args.workers, args.copies, args.big_mb)
    print_table(rows, args.workers)
    return 0 if all(row.ok is not False for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())

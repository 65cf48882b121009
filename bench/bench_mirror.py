"""How long the static mirror of a large record takes (issue #6: under 3 minutes at 100,000).

Fills a fresh SQLite database with N demo struggles (100,000 by default; or
reuses ``--db FILE`` from an earlier run with ``--keep``), writes the mirror
into a scratch folder, then runs it again to time the incremental case
(nothing changed: every file compared by hash, none rewritten).

    python -m bench mirror                       # 100,000 struggles, one worker per CPU
    python -m bench mirror --n 20000 --workers 2
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

from picketline.access.crypto import encode_key, generate_key
from picketline.actions.struggles import do_create_struggles
from picketline.db import Database
from picketline.demo import generate_demo
from picketline.publish.mirror import build_mirror
from picketline.settings import Settings


def settings_for(data_dir: Path, key: str) -> Settings:
    return Settings(env="test", data_dir=data_dir, encryption_key=key, database_url=None)


def prepared(data_dir: Path, n: int) -> tuple[Settings, Database]:
    """A database of ``n`` demo struggles in ``data_dir`` (reused if it is already there)."""
    key_file = data_dir / "bench.key"
    fresh = not key_file.exists()
    if fresh:
        data_dir.mkdir(parents=True, exist_ok=True)
        key_file.write_text(encode_key(generate_key()))
    settings = settings_for(data_dir, key_file.read_text())
    db = Database.open(settings, create=fresh)
    if fresh:
        started = time.perf_counter()
        do_create_struggles(db, generate_demo(n, seed=0), actor="system:bench", batch_size=2000)
        print(f"  filled {n:,} struggles in {time.perf_counter() - started:.1f} s")
    return settings, db


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--db", type=Path, help="data folder to fill or reuse")
    parser.add_argument("--keep", action="store_true", help="keep the database and mirror")
    parser.add_argument("--once", action="store_true", help="skip the second (unchanged) run")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="picketline-bench-mirror-"))
    data_dir = args.db or scratch / "data"
    settings, db = prepared(data_dir, args.n)
    out = scratch / "mirror"
    try:
        print(f"  cpus: {os.cpu_count()}, workers: {args.workers}")
        runs = ("first run",) if args.once else ("first run", "second run (unchanged)")
        for run in runs:
            started = time.perf_counter()

            def say(message: str, started: float = started) -> None:
                print(f"    {time.perf_counter() - started:6.1f} s  {message}", flush=True)

            report = build_mirror(db, settings, out, workers=args.workers, progress=say)
            c = report.counts
            print(
                f"  {run}: {report.seconds:.1f} s for {report.struggles:,} struggles, "
                f"{report.pages:,} pages; {c.written:,} written, {c.unchanged:,} unchanged, "
                f"{c.removed:,} removed"
            )
        size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
        print(f"  mirror size: {size / 1e6:,.0f} MB")
    finally:
        db.close()
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Publishing at scale: the filtered list, the struggle page, feeds and exports, and
requests per second against Datasette serving the same SQLite file.

1. Fills a fresh SQLite database with N demo struggles (100,000 by default).
2. In process (httpx over ASGI, no sockets): median and p95 per request of the
   list API with two filters (targets: p95 <= 50 ms), the struggle page
   (p95 <= 30 ms), and a few neighbours (facet filter, feed, home).
3. A CSV export of the whole record through ``picketline export`` in a child
   process: time and peak memory (flat memory means it stays small).
4. Under load, each server alone on loopback, hit by ``wrk`` (or, without it,
   a Python load generator) from a separate process: ``picketline serve`` for
   ``/api/v1/struggles?country=UA&sector=B`` and ``datasette serve FILE`` for the
   same rows (``/picketline/struggles.json?country=UA&sector=B&status=published``,
   newest start first, 50 a page). Printed side by side.

    python -m bench publish                   # 100,000 struggles
    python -m bench publish --n 20000 --duration 5

Datasette is a benchmark-only dependency (``pip install -e '.[bench]'``).
Note what each returns: ours gives every field of each struggle with its
sources and timeline; Datasette the table rows only (and we pass ``_nocount=1``
so it skips counting) — the comparison favours Datasette.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import sqlalchemy as sa

from bench.bench_api import bench_settings, fill, report, timed
from picketline.db import Database
from picketline.db.models import StruggleRow
from picketline.settings import Settings
from picketline.web.app import create_app

OUR_LIST = "/api/v1/struggles?country=UA&sector=B"
DATASETTE_LIST = (
    "/picketline/struggles.json?country=UA&sector=B&status=published"
    "&_sort_desc=start_date&_size=50&_nocount=1&_nofacet=1"
)


def published_ids(db: Database, rng: random.Random, k: int = 500) -> list[int]:
    """A sample of published ids from the whole table (not only the newest)."""
    with db.session() as session:
        ids = list(
            session.scalars(sa.select(StruggleRow.id).where(StruggleRow.status == "published"))
        )
    return rng.sample(ids, min(k, len(ids)))


async def in_process(db: Database, settings: Settings, repeats: int) -> None:
    """p95 of the routes the targets name, over ASGI in this process."""
    rng = random.Random(2)
    transport = httpx.ASGITransport(app=create_app(settings, db))
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        ids = published_ids(db, rng)
        routes: list[tuple[str, Callable[[], str]]] = [
            ("GET " + OUR_LIST, lambda: OUR_LIST),
            (
                "GET ...?country=UA&action=strike",
                lambda: "/api/v1/struggles?country=UA&action=strike",
            ),
            (
                "GET ...?sector=B&repression=arrest",
                lambda: "/api/v1/struggles?sector=B&repression=arrest&sort=changed",
            ),
            ("GET /struggles/{id} (HTML)", lambda: f"/struggles/{rng.choice(ids)}"),
            ("GET /api/v1/struggles/{id}", lambda: f"/api/v1/struggles/{rng.choice(ids)}"),
            ("GET /struggles?country=UA&sector=B", lambda: "/struggles?country=UA&sector=B"),
            ("GET / (home)", lambda: "/"),
            ("GET /feeds/struggles.atom?country=UA", lambda: "/feeds/struggles.atom?country=UA"),
        ]
        for name, urls in routes:
            report(name, await timed(client, urls, repeats))


def child_env(settings: Settings) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PICKETLINE_")}
    env.update(
        PICKETLINE_DATA_DIR=str(settings.data_dir),
        PICKETLINE_ENV="test",
        PICKETLINE_ENCRYPTION_KEY=settings.encryption_key or "",
    )
    return env


def export_run(settings: Settings) -> None:
    """CSV through the CLI in a child process: an empty selection (the baseline: Python
    and the imports) and the whole record. Flat memory means the two peaks are close."""
    for label, extra in (("empty selection", ["--country", "AQ"]), ("whole record", [])):
        out = settings.data_dir / "export.csv"
        code = (
            "import resource, sys; from picketline.cli import main; sys.argv = sys.argv[1:]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)"
        )
        command = ["picketline", "export", "--format", "csv", "--out", str(out), *extra]
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", code, *command],
            env=child_env(settings),
            capture_output=True,
            text=True,
            check=True,
        )
        elapsed = time.perf_counter() - started
        peak_kb = int(done.stderr.strip().splitlines()[-1])
        size = out.stat().st_size
        print(
            f"  export --format csv ({label}) {elapsed:7.1f} s, {size / 1e6:6.1f} MB written, "
            f"peak RSS {peak_kb / 1024:.0f} MB"
        )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def server(
    command: list[str], env: dict[str, str], probe: str
) -> Iterator[subprocess.Popen[bytes]]:
    """Start a server process and wait until ``probe`` answers 200; stop it afterwards."""
    process = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(probe, timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{command[0]} did not start")
            time.sleep(0.2)
        yield process
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)


def load(url: str, duration: int, connections: int) -> tuple[float, str]:
    """Requests per second (and wrk's latency line) from a separate process."""
    if shutil.which("wrk"):
        out = subprocess.run(
            ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", url],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
        latency = re.search(r"Latency\s+(\S+)", out)
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        note = f"mean latency {latency.group(1) if latency else '?'}"
        return rate, note + (f", {errors.group(1)} non-2xx!" if errors else "")
    code = (
        "import sys, time, httpx\n"
        "url, end = sys.argv[1], time.monotonic() + float(sys.argv[2]); n = 0\n"
        "with httpx.Client() as c:\n"
        "    while time.monotonic() < end:\n"
        "        c.get(url).raise_for_status(); n += 1\n"
        "print(n / float(sys.argv[2]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, url, str(duration)], capture_output=True, text=True, check=True
    ).stdout
    return float(out), "python load generator, 1 connection"


def under_load(settings: Settings, duration: int, connections: int) -> None:
    """Ours, then Datasette, each alone, on the same file and the same filter."""
    sqlite_file = settings.data_dir / "picketline.sqlite3"
    env = child_env(settings)
    ours, theirs = free_port(), free_port()
    results = []
    for workers in (1, 2):  # exactly `picketline serve`, then one process per core
        serve = [sys.executable, "-c", "from picketline.cli import main; main()"]
        serve += ["serve", "--port", str(ours), "--workers", str(workers)]
        with server(serve, env, f"http://127.0.0.1:{ours}/healthz"):
            rate, note = load(f"http://127.0.0.1:{ours}{OUR_LIST}", duration, connections)
            results.append((f"picketline serve --workers {workers} {OUR_LIST}", rate, note))
    datasette = shutil.which("datasette", path=str(Path(sys.executable).parent)) or "datasette"
    command = [datasette, "serve", str(sqlite_file), "--port", str(theirs)]
    with server(command, env, f"http://127.0.0.1:{theirs}/-/versions.json"):
        rate, note = load(f"http://127.0.0.1:{theirs}{DATASETTE_LIST}", duration, connections)
        results.append(("datasette serve (one process) " + DATASETTE_LIST.split("&_sort")[0],
                        rate, note))  # fmt: skip
    print(f"  under load: {duration} s each, {connections} connections, loopback")
    for name, rate, note in results:
        print(f"  {name:<80} {rate:8.1f} req/s  ({note})")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=100_000, help="demo struggles to insert")
    parser.add_argument("--repeats", type=int, default=200, help="timed requests per route")
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per server")
    parser.add_argument("--connections", type=int, default=16, help="concurrent connections")
    parser.add_argument("--no-load", action="store_true", help="skip the servers under load")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="picketline-bench-publish-") as tmp:
        settings = bench_settings(Path(tmp))
        print(f"SQLite: {args.n:,} demo struggles")
        db = Database.open(settings, create=True)
        try:
            fill(db, args.n)
            asyncio.run(in_process(db, settings, args.repeats))
        finally:
            db.close()
        export_run(settings)
        if not args.no_load:
            under_load(settings, args.duration, args.connections)


if __name__ == "__main__":
    main()

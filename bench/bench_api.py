"""How fast the public JSON API answers over a large record.

Fills a fresh database with N demo struggles (100,000 by default), then times
the list (first page, and pages deep into the cursor walk) and detail routes
in-process over ASGI, and prints median and p95 per request.

    python -m bench.bench_api                       # SQLite, 100,000 struggles
    python -m bench.bench_api --n 20000 --postgres postgresql+psycopg://postgres@127.0.0.1/postgres

The PostgreSQL run creates and drops its own database (``picketline_bench_api``).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from picketline.access.crypto import encode_key, generate_key
from picketline.actions.struggles import do_create_struggles
from picketline.db import Database
from picketline.demo import generate_demo
from picketline.settings import Settings
from picketline.web.app import create_app

BATCH = 2_000
PG_BENCH_DB = "picketline_bench_api"


def fill(db: Database, n: int) -> None:
    """Insert ``n`` demo struggles in batches, reporting the rate."""
    started = time.perf_counter()
    do_create_struggles(db, generate_demo(n, seed=0), actor="system:bench", batch_size=BATCH)
    elapsed = time.perf_counter() - started
    print(f"  filled {n:,} struggles in {elapsed:.1f} s ({n / elapsed:,.0f}/s)")
    analyze(db)


def analyze(db: Database) -> None:
    """Refresh planner statistics, as autovacuum (or ``PRAGMA optimize``) would by now.

    Right after a bulk load PostgreSQL has no statistics and picks whole-table
    sorts and merge joins for the page queries (hundreds of ms instead of one);
    a database in use has them, so that is the state worth measuring.
    """
    with db.engine.connect() as connection:
        connection.exec_driver_sql("ANALYZE")
        connection.commit()


async def timed(client: httpx.AsyncClient, urls: Callable[[], str], repeats: int) -> list[float]:
    """Milliseconds per request (each URL drawn from ``urls``), after two warm-ups."""
    for _ in range(2):
        await get_ok(client, urls())
    out = []
    for _ in range(repeats):
        url = urls()
        started = time.perf_counter()
        await get_ok(client, url)
        out.append((time.perf_counter() - started) * 1000)
    return out


def report(name: str, ms: list[float]) -> None:
    ordered = sorted(ms)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    print(f"  {name:<36} median {statistics.median(ordered):7.2f} ms   p95 {p95:7.2f} ms")


async def get_ok(client: httpx.AsyncClient, url: str) -> Any:
    response = await client.get(url)
    response.raise_for_status()
    return (
        response.json() if response.headers["content-type"].startswith("application/json") else None
    )


async def walk_some(client: httpx.AsyncClient, pages: int) -> tuple[list[int], list[str]]:
    """Ids and cursors of the first ``pages`` pages of 200, to sample the whole depth."""
    ids: list[int] = []
    cursors: list[str] = []
    after = ""
    for _ in range(pages):
        data = await get_ok(client, f"/api/v1/struggles?limit=200{after}")
        ids += [item["id"] for item in data["items"]]
        if data["next"] is None:
            break
        cursors.append(data["next"])
        after = f"&after={data['next']}"
    return ids, cursors


async def measure(db: Database, settings: Settings, repeats: int) -> None:
    """Time the routes a client would call most.

    In-process over ASGI (httpx's ``ASGITransport``): no sockets, and about a
    tenth of TestClient's per-request overhead, so the figures are the app's.
    """
    rng = random.Random(1)
    transport = httpx.ASGITransport(app=create_app(settings, db))
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        ids, cursors = await walk_some(client, 40)
        routes: list[tuple[str, Callable[[], str]]] = [
            ("GET /healthz (baseline)", lambda: "/healthz"),
            ("GET /api/v1/struggles (50)", lambda: "/api/v1/struggles"),
            ("GET /api/v1/struggles?limit=200", lambda: "/api/v1/struggles?limit=200"),
            ("GET ...?after=DEEP (50)", lambda: f"/api/v1/struggles?after={rng.choice(cursors)}"),
            ("GET /api/v1/struggles/{id}", lambda: f"/api/v1/struggles/{rng.choice(ids)}"),
            ("GET /api/v1/struggles?q=miners", lambda: "/api/v1/struggles?q=miners"),
            ("GET / (HTML, 25 per page)", lambda: "/"),
            ("GET /struggles/{id} (HTML)", lambda: f"/struggles/{rng.choice(ids)}"),
        ]
        for name, urls in routes:
            report(name, await timed(client, urls, repeats))


def bench_settings(data_dir: Path, **extra: object) -> Settings:
    """Settings for a throwaway database with a fresh key (demo data has sensitive fields)."""
    values = {"env": "test", "data_dir": data_dir, "encryption_key": encode_key(generate_key())}
    return Settings.model_validate({**values, **extra})


@contextmanager
def sqlite_settings() -> Iterator[Settings]:
    with tempfile.TemporaryDirectory(prefix="picketline-bench-") as tmp:
        yield bench_settings(Path(tmp))


@contextmanager
def postgres_settings(admin_url: str) -> Iterator[Settings]:
    """A fresh database on the server at ``admin_url``, dropped afterwards."""
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {PG_BENCH_DB} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {PG_BENCH_DB}"))
    url = make_url(admin_url).set(database=PG_BENCH_DB)
    try:
        with tempfile.TemporaryDirectory(prefix="picketline-bench-") as tmp:
            yield bench_settings(Path(tmp), database_url=url.render_as_string(hide_password=False))
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {PG_BENCH_DB} WITH (FORCE)"))
        admin.dispose()


def run(name: str, settings: Settings, n: int, repeats: int) -> None:
    print(f"{name}: {n:,} demo struggles")
    db = Database.open(settings, create=True)
    try:
        fill(db, n)
        asyncio.run(measure(db, settings, repeats))
    finally:
        db.close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=100_000, help="demo struggles to insert")
    parser.add_argument("--repeats", type=int, default=200, help="timed requests per route")
    parser.add_argument(
        "--postgres", metavar="ADMIN_URL", help="also run on this PostgreSQL server"
    )
    parser.add_argument("--no-sqlite", action="store_true", help="skip the SQLite run")
    args = parser.parse_args()
    if not args.no_sqlite:
        with sqlite_settings() as settings:
            run("SQLite", settings, args.n, args.repeats)
    if args.postgres:
        with postgres_settings(args.postgres) as settings:
            run("PostgreSQL", settings, args.n, args.repeats)


if __name__ == "__main__":
    main()

"""How fast the map and statistics answer over a large record.

Fills a fresh database with N demo struggles (100,000 by default; about 85%
published, on 60 places), then times in-process over ASGI, median and p95:

- ``/api/v1/map/clusters`` at zoom 2, 5 and 7 (grid clusters) — warm, i.e. the
  per-place counts cached (what nearly every request sees), and cold, the cache
  emptied before each request (the first request per filter every 30 s);
- zoom 8 and above: ``/api/v1/map/cells/{x}/{y}`` (what the map loads) and
  ``/clusters?zoom=8&bbox=...`` for a view around a busy town;
- ``/api/v1/stats`` cold and warm, and the time to write every static map file.

    python -m bench.bench_map                      # SQLite, 100,000 struggles
    python -m bench.bench_map --n 20000 --postgres postgresql+psycopg://postgres@127.0.0.1/postgres
    python -m bench.bench_map --keep /tmp/mapbench --place-index   # reuse a filled file;
                                                  # then measure again with the index
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import random
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from fastapi import FastAPI
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bench.bench_api import bench_settings, fill, report, sqlite_settings, timed
from picketline.access.crypto import encode_key, generate_key
from picketline.db import Database
from picketline.publish import mapdata
from picketline.settings import Settings
from picketline.web.app import create_app

PG_BENCH_DB = "picketline_bench_map"
BUSY_TOWNS = ((53.76, 87.11), (49.84, 24.03), (42.33, -83.05), (-25.67, 27.24))


def cold(app: FastAPI, url: str, cache: str) -> Callable[[], str]:
    """A URL maker that first empties the app's cache, so every request queries the database."""

    def make() -> str:
        setattr(app.state, cache, None)
        return url

    return make


def cell_url(cell: tuple[int, int]) -> str:
    return f"/api/v1/map/cells/{cell[0]}/{cell[1]}"


def view_url(rng: random.Random, zoom: int) -> Callable[[], str]:
    """Clusters (single struggles from zoom 8) for a screen-sized view around a busy town."""

    def make() -> str:
        box = bbox_around(*rng.choice(BUSY_TOWNS), zoom)
        return f"/api/v1/map/clusters?zoom={zoom}&bbox={box}"

    return make


def bbox_around(lat: float, lon: float, zoom: int) -> str:
    """The box a 1280x800 pixel view at ``zoom`` shows around a point (west,south,east,north)."""
    degrees_per_pixel = 360 / (256 * 2**zoom)
    half_w, half_h = 640 * degrees_per_pixel, 400 * degrees_per_pixel
    return f"{lon - half_w},{lat - half_h},{lon + half_w},{lat + half_h}"


async def measure(db: Database, settings: Settings, repeats: int) -> None:
    rng = random.Random(3)
    app = create_app(settings, db)
    cells = [mapdata.cell_of(lat, lon, mapdata.DETAIL_CELL_ZOOM) for lat, lon in BUSY_TOWNS]
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        routes: list[tuple[str, Callable[[], str]]] = []
        for zoom in (2, 5, 7):
            url = f"/api/v1/map/clusters?zoom={zoom}"
            routes.append((f"clusters zoom {zoom} (warm)", functools.partial(str, url)))
            routes.append((f"clusters zoom {zoom} (cold)", cold(app, url, "map_place_cache")))
        filtered = "/api/v1/map/clusters?zoom=2&country=RU&sector=B"
        routes.append(("clusters zoom 2 RU+B (cold)", cold(app, filtered, "map_place_cache")))
        routes.append(("cells/{x}/{y} at a busy town", lambda: cell_url(rng.choice(cells))))
        for zoom in (8, 12):
            routes.append((f"clusters zoom {zoom} + view bbox", view_url(rng, zoom)))
        routes.append(("stats (warm)", lambda: "/api/v1/stats"))
        for name, urls in routes:
            report(name, await timed(client, urls, repeats))
        stats_cold = cold(app, "/api/v1/stats", "stats_cache")
        report("stats (cold)", await timed(client, stats_cold, max(5, repeats // 20)))
    started = time.perf_counter()
    files = sizes = 0
    for _, content in mapdata.static_files(db):
        files += 1
        sizes += len(content)
    elapsed = time.perf_counter() - started
    print(f"  static map files: {files:,} files, {sizes / 1e6:.1f} MB in {elapsed:.1f} s")


PLACE_INDEX = "CREATE INDEX IF NOT EXISTS ix_bench_struggles_place ON struggles (place_id, status)"


def run(name: str, settings: Settings, n: int, repeats: int, place_index: bool = False) -> None:
    """Fill (unless the database already holds struggles), then measure, twice if asked:
    as migrated, and with the index on ``struggles (place_id, status)`` the map would use."""
    print(f"{name}: {n:,} demo struggles")
    db = Database.open(settings, create=True)
    try:
        with db.engine.connect() as connection:
            present = connection.exec_driver_sql("SELECT count(*) FROM struggles").scalar() or 0
        if present:
            print(f"  reusing {present:,} struggles already in the database")
        else:
            fill(db, n)
        asyncio.run(measure(db, settings, repeats))
        if place_index:
            with db.engine.connect() as connection:
                connection.exec_driver_sql(PLACE_INDEX)
                connection.exec_driver_sql("ANALYZE")
                connection.commit()
            print(f"{name}, with an index on struggles (place_id, status):")
            asyncio.run(measure(db, settings, repeats))
    finally:
        db.close()


@contextmanager
def own_postgres(admin_url: str) -> Iterator[Settings]:
    """A fresh PostgreSQL database of this benchmark's own (not bench_api's), dropped after."""
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    drop = f"DROP DATABASE IF EXISTS {PG_BENCH_DB} WITH (FORCE)"
    with admin.connect() as conn:
        conn.execute(text(drop))
        conn.execute(text(f"CREATE DATABASE {PG_BENCH_DB}"))
    url = make_url(admin_url).set(database=PG_BENCH_DB).render_as_string(hide_password=False)
    try:
        with tempfile.TemporaryDirectory(prefix="picketline-bench-map-") as tmp:
            yield bench_settings(Path(tmp), database_url=url)
    finally:
        with admin.connect() as conn:
            conn.execute(text(drop))
        admin.dispose()


@contextmanager
def kept_sqlite(folder: Path) -> Iterator[Settings]:
    """Settings for a SQLite database kept in ``folder`` between runs (key file beside it)."""
    folder.mkdir(parents=True, exist_ok=True)
    key_file = folder / "bench.key"
    if not key_file.exists():
        key_file.write_text(encode_key(generate_key()))
    yield bench_settings(folder, encryption_key=key_file.read_text())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=100_000, help="demo struggles to insert")
    parser.add_argument("--repeats", type=int, default=100, help="timed requests per route")
    parser.add_argument(
        "--postgres", metavar="ADMIN_URL", help="also run on this PostgreSQL server"
    )
    parser.add_argument("--no-sqlite", action="store_true", help="skip the SQLite run")
    parser.add_argument(
        "--keep", metavar="DIR", type=Path, help="keep (and reuse) the SQLite database in DIR"
    )
    parser.add_argument(
        "--place-index",
        action="store_true",
        help="measure again with an index on struggles (place_id, status)",
    )
    args = parser.parse_args()
    if not args.no_sqlite:
        sqlite = kept_sqlite(args.keep) if args.keep else sqlite_settings()
        with sqlite as settings:
            run("SQLite", settings, args.n, args.repeats, args.place_index)
    if args.postgres:
        with own_postgres(args.postgres) as settings:
            run("PostgreSQL", settings, args.n, args.repeats, args.place_index)


if __name__ == "__main__":
    main()

"""How fast demo struggles go into SQLite and PostgreSQL, and how big the result is.

    python -m bench storage                    # 100,000 struggles, SQLite and PostgreSQL
    python -m bench storage --n 20000 --no-postgres
    python -m bench.bench_storage --postgres postgresql+psycopg://postgres@127.0.0.1/postgres

Inserts through ``do_create_struggles`` (the bulk action: audit entry per
struggle, encryption of sensitive fields, search index), reporting struggles/s,
all rows/s, time spent generating the demo data (excluded from the storage
rate), database size, and a few read timings on the filled database. The
PostgreSQL run creates and drops its own database (``picketline_bench_storage``).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from picketline.access.crypto import encode_key, generate_key
from picketline.actions.bundles import NewStruggle
from picketline.actions.struggles import do_create_struggles
from picketline.db import Database
from picketline.db.search import search_struggles
from picketline.db.struggles import list_struggles
from picketline.demo import DEMO_ACTOR, generate_demo
from picketline.settings import Settings

PG_DEFAULT = os.environ.get(
    "PICKETLINE_BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
PG_BENCH_DB = "picketline_bench_storage"
TABLES = (
    "struggles",
    "sources",
    "struggle_sources",
    "evidence",
    "events",
    "places",
    "organisations",
    "struggle_organisations",
    "struggle_search",
    "audit_log",
)


class TimedIterator:
    """Counts the seconds spent producing items, so generation is not billed to storage."""

    def __init__(self, items: Iterable[NewStruggle]) -> None:
        self._items = iter(items)
        self.seconds = 0.0

    def __iter__(self) -> Iterator[NewStruggle]:
        return self

    def __next__(self) -> NewStruggle:
        started = time.perf_counter()
        try:
            return next(self._items)
        finally:
            self.seconds += time.perf_counter() - started


def fill(db: Database, n: int, batch_size: int) -> None:
    """Insert ``n`` demo struggles; print wall-clock and this process's CPU rates.

    CPU seconds are printed too because benchmarks often share a busy machine:
    on SQLite they are the whole cost; on PostgreSQL the server's share is not in them.
    """
    bundles = TimedIterator(generate_demo(n, seed=1))
    started, cpu_started = time.perf_counter(), time.process_time()
    stored = do_create_struggles(db, bundles, actor=DEMO_ACTOR, batch_size=batch_size)
    total, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    storing = total - bundles.seconds
    rows = count_rows(db)
    print(
        f"  inserted {stored:,} struggles in {total:.1f} s wall, {cpu:.1f} s client CPU "
        f"(demo generation {bundles.seconds:.1f} s, storage {storing:.1f} s)"
    )
    print(
        f"  storage rate: {stored / storing:,.0f} struggles/s, {rows / storing:,.0f} rows/s "
        f"({rows:,} rows in {len(TABLES)} tables; load average {os.getloadavg()[0]:.1f})"
    )


def count_rows(db: Database) -> int:
    with db.session() as session:
        return sum(session.scalar(text(f"SELECT count(*) FROM {t}")) or 0 for t in TABLES)


def time_reads(db: Database) -> None:
    def timed(label: str, call: object) -> None:
        started = time.perf_counter()
        result = call()  # type: ignore[operator]
        print(f"  {label}: {1000 * (time.perf_counter() - started):.1f} ms", end="")
        print(f" ({len(result[0]) if isinstance(result, tuple) else len(result)} results)")

    cursor = None
    for _ in range(200):  # walk deep into the record
        _, cursor = list_struggles(db, after=cursor, limit=100)
    timed("list page of 50 (first)", lambda: list_struggles(db, limit=50))
    timed("list page of 50 (after 20,000 rows)", lambda: list_struggles(db, after=cursor))
    timed("search 'nurses Lyon'", lambda: search_struggles(db, "nurses Lyon", limit=50))
    timed("list with query 'miners'", lambda: list_struggles(db, query="miners", limit=50))


def sqlite_run(n: int, batch_size: int) -> None:
    print(f"SQLite, {n:,} struggles")
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp), encryption_key=encode_key(generate_key()))
        with Database.open(settings, create=True) as db:
            fill(db, n, batch_size)
            with db.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            size = sum(p.stat().st_size for p in Path(tmp).glob("picketline.sqlite3*"))
            print(f"  database size: {size / 2**20:,.1f} MiB ({size / n / 1024:.1f} KiB/struggle)")
            time_reads(db)


def postgres_run(admin_url: str, n: int, batch_size: int) -> None:
    print(f"PostgreSQL, {n:,} struggles")
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {PG_BENCH_DB} WITH (FORCE)")
        conn.exec_driver_sql(f"CREATE DATABASE {PG_BENCH_DB}")
    url = make_url(admin_url).set(database=PG_BENCH_DB).render_as_string(hide_password=False)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            settings = Settings(
                data_dir=Path(tmp), database_url=url, encryption_key=encode_key(generate_key())
            )
            with Database.open(settings, create=True) as db:
                fill(db, n, batch_size)
                with db.engine.connect() as conn:
                    conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
                with db.session() as session:
                    size = session.scalar(text("SELECT pg_database_size(current_database())"))
                print(
                    f"  database size: {size / 2**20:,.1f} MiB ({size / n / 1024:.1f} KiB/struggle)"
                )
                time_reads(db)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {PG_BENCH_DB} WITH (FORCE)")
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench storage", description=__doc__)
    parser.add_argument("--n", type=int, default=100_000, help="struggles to insert")
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--postgres", default=PG_DEFAULT, help="admin URL of a PostgreSQL server")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    args = parser.parse_args()
    if not args.no_sqlite:
        sqlite_run(args.n, args.batch_size)
    if not args.no_postgres:
        postgres_run(args.postgres, args.n, args.batch_size)


if __name__ == "__main__":
    main()

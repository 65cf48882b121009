"""``picketline ingest`` as a user runs it: batches with bad files, kill -9, two at once.

The articles are generated here from invented mines and real towns; none is
a real report.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import text

from picketline.db import Database
from picketline.domain.source import content_hash
from picketline.settings import Settings
from tests.test_ingest_actions import DRIVERS, EN_MINE, WEATHER, extractor
from tests.test_setup_cli import ENTRY, Runner, run  # noqa: F401  (run is a fixture)

TOWNS = ["Myrnohrad", "Pokrovsk", "Dobropillia", "Pavlohrad", "Kryvyi Rih", "Kharkiv",
         "Vorkuta", "Novokuznetsk", "Karaganda", "Mezhdurechensk"]  # fmt: skip
SYLLABLES = ["bel", "ka", "mor", "zo", "ri", "vet", "lan", "da", "tro", "sha"]


def article(i: int) -> str:
    """An invented strike report; every tenth one a wire copy of the one before."""
    if i % 10 == 9:
        return "WIRE COPY. " + article(i - 1)
    name = "".join(SYLLABLES[(i * k + k) % len(SYLLABLES)] for k in (1, 3, 7)).capitalize()
    town = TOWNS[i % len(TOWNS)]
    return (
        f"Miners at the {name} mine in {town} went on strike on {1 + i % 27} March 2023 "
        f"over unpaid wages, the local miners' union said.\n\n"
        f"About {50 + 10 * i} miners refused to start the morning shift and gathered in front "
        f"of the administration building of the {name} mine, demanding the wages owed since "
        f"January. The management of the mine said talks would begin next week.\n\n"
        f"Workers of the {name} mine said this was their first strike in {3 + i} years."
    )


def write_batch(folder: Path, count: int) -> list[str]:
    """``count`` article files; their content hashes."""
    folder.mkdir(parents=True, exist_ok=True)
    hashes = []
    for i in range(count):
        body = article(i)
        (folder / f"{i:03d}.txt").write_text(body, encoding="utf-8")
        hashes.append(content_hash(body))
    return hashes


def cli_env(settings: Settings) -> dict[str, str]:
    """The environment a ``picketline`` subprocess needs to open the test database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PICKETLINE_")}
    env.update(
        PICKETLINE_DATA_DIR=str(settings.data_dir),
        PICKETLINE_ENV="test",
        PICKETLINE_ENCRYPTION_KEY=settings.encryption_key or "",
    )
    if settings.database_url:
        env["PICKETLINE_DATABASE_URL"] = settings.database_url
    return env


def start_ingest(settings: Settings, *paths: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", ENTRY, "ingest", *map(str, paths)],
        env=cli_env(settings),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def stored_hashes(db: Database) -> list[str]:
    with db.session() as session:
        return list(session.scalars(text("SELECT content_hash FROM sources")))


def check_consistent(db: Database) -> None:
    """Every live struggle has a source; every relevant source supports a struggle."""
    with db.session() as session:
        orphans = session.scalar(
            text(
                "SELECT COUNT(*) FROM struggles s WHERE NOT EXISTS "
                "(SELECT 1 FROM struggle_sources l WHERE l.struggle_id = s.id)"
            )
        )
        unlinked = session.scalar(
            text(
                "SELECT COUNT(*) FROM source_fingerprints f WHERE f.relevant IS NOT FALSE AND "
                "NOT EXISTS (SELECT 1 FROM struggle_sources l WHERE l.source_id = f.source_id)"
            )
        )
    assert (orphans, unlinked) == (0, 0)


def test_kill_9_midway_then_run_again_stores_every_document_once(
    db: Database, db_settings: Settings, tmp_path: Path
) -> None:
    hashes = write_batch(tmp_path / "batch", 40)
    process = start_ingest(db_settings, tmp_path / "batch")
    deadline = time.monotonic() + 120
    while len(stored_hashes(db)) < 8 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    first = len(stored_hashes(db))
    assert 8 <= first < 40
    again = start_ingest(db_settings, tmp_path / "batch")
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, out + err
    assert f"{first} duplicate" in out, out
    assert sorted(stored_hashes(db)) == sorted(hashes)
    check_consistent(db)


def test_two_ingests_of_one_folder_at_once(
    db: Database, db_settings: Settings, tmp_path: Path
) -> None:
    hashes = write_batch(tmp_path / "batch", 20)
    runs = [start_ingest(db_settings, tmp_path / "batch") for _ in range(2)]
    results = [p.communicate(timeout=300) for p in runs]
    for process, (out, err) in zip(runs, results, strict=True):
        assert process.returncode == 0, out + err
        assert "locked" not in err
    assert sorted(stored_hashes(db)) == sorted(hashes)
    check_consistent(db)


def test_bad_files_are_reported_and_the_batch_goes_on(
    run: Runner,  # noqa: F811
    sqlite_settings: Settings,
    tmp_path: Path,
) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a-mine.txt").write_text(EN_MINE, encoding="utf-8")
    (folder / "b-binary.txt").write_bytes(b"\x00\x01\xfe\xffnot text\x00")
    (folder / "c-empty.txt").write_bytes(b"")
    (folder / "d-drivers.txt").write_text(DRIVERS, encoding="utf-8")
    (folder / "e-weather.txt").write_text(WEATHER, encoding="utf-8")
    (folder / "f-picture.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    env = cli_env(sqlite_settings)
    key = {"PICKETLINE_ENCRYPTION_KEY": env["PICKETLINE_ENCRYPTION_KEY"]}
    result = run(
        sqlite_settings.data_dir, "ingest", str(folder), "--published", "2023-03-05", **key
    )
    assert result.returncode == 1
    assert "6 documents" in result.stdout and "2 new" in result.stdout, result.stdout
    assert "1 irrelevant" in result.stdout and "3 failed" in result.stdout
    for name in ("b-binary.txt", "c-empty.txt", "f-picture.png"):
        assert f"{name}: " in result.stdout
    assert result.stderr.strip().splitlines()[-1] == "error: 3 of 6 documents failed"
    again = run(sqlite_settings.data_dir, "ingest", str(folder / "a-mine.txt"), **key)
    assert again.returncode == 0 and "1 duplicate" in again.stdout


def test_a_bad_date_is_one_line(run: Runner, sqlite_settings: Settings) -> None:  # noqa: F811
    key = {"PICKETLINE_ENCRYPTION_KEY": sqlite_settings.encryption_key or ""}
    result = run(sqlite_settings.data_dir, "ingest", "x.txt", "--published", "soon", **key)
    assert result.returncode == 1 and "--published 'soon'" in result.stderr


def test_generated_articles_are_relevant() -> None:
    """Else the crash test would only store irrelevant documents."""
    for i in range(3):
        assert extractor().extract(article(i), published="2023-03-30").relevant

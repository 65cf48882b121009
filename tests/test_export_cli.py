"""``picketline export --format json``: sources with URLs, timelines, alternatives, --all."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from picketline.actions.struggles import do_set_status
from picketline.db import Database
from picketline.db.struggles import get_struggle
from picketline.domain.vocab import StruggleStatus
from picketline.settings import Settings
from tests.test_ingest_actions import DRIVERS, EN_MINE, RU_MINE, ingest
from tests.test_ingest_cli import cli_env
from tests.test_setup_cli import Runner, run  # noqa: F401  (run is a fixture)


def fill(db: Database) -> tuple[int, int]:
    """A merged mine strike (published) and a bus strike (candidate); their ids."""
    mine = ingest(db, EN_MINE, "2023-03-05", "en").struggle_ids[0]
    ingest(db, RU_MINE, "2023-03-07", "ru")
    bus = ingest(db, DRIVERS, "2023-07-11", "drivers").struggle_ids[0]
    record = get_struggle(db, mine)
    assert record is not None
    do_set_status(
        db,
        mine,
        status=StruggleStatus.PUBLISHED,
        expected_version=record.struggle.version,
        actor="editor",
    )
    return mine, bus


def export(run: Runner, settings: Settings, *args: str) -> list[dict[str, Any]]:  # noqa: F811
    env = cli_env(settings)
    extra = {
        k: v
        for k, v in env.items()
        if k in ("PICKETLINE_ENCRYPTION_KEY", "PICKETLINE_DATABASE_URL")
    }
    result = run(settings.data_dir, "export", *args, **extra)
    assert result.returncode == 0, result.stderr
    data: list[dict[str, Any]] = json.loads(result.stdout)
    return data


def test_export_shows_sources_timeline_and_alternatives(
    run: Runner,  # noqa: F811
    db: Database,
    db_settings: Settings,
) -> None:
    mine, bus = fill(db)
    public = export(run, db_settings, "--format", "json")
    assert [item["id"] for item in public] == [mine]
    item = public[0]
    sources = item["sources"]
    assert isinstance(sources, list) and len(sources) == 2
    assert all(s["url"].startswith("https://news.example.org/") for s in sources)
    kinds = {e["kind"] for e in item["events"]}
    assert {"action_started", "arrest"} <= kinds
    counts = item["alternatives"]["participants"]
    assert sorted(a["value"]["min"] for a in counts) == [120, 150]
    assert [a["shown"] for a in counts].count(True) == 1
    assert item["participants"] in [a["value"] for a in counts]
    assert "text" not in sources[0] and "possible_duplicates" not in item

    everything = export(run, db_settings, "--all")
    assert [i["id"] for i in everything] == [mine, bus]
    assert everything[1]["status"] == "candidate" and everything[1]["possible_duplicates"] == []


def test_export_to_a_file_and_later_formats(
    run: Runner,  # noqa: F811
    sqlite_settings: Settings,
    tmp_path: Path,
) -> None:
    key = {"PICKETLINE_ENCRYPTION_KEY": sqlite_settings.encryption_key or ""}
    Database.open(sqlite_settings).close()
    out = tmp_path / "record.json"
    written = run(sqlite_settings.data_dir, "export", "--all", "--out", str(out), **key)
    assert written.returncode == 0 and json.loads(out.read_text()) == []
    for kind, empty in (("csv", "event_id_cnty,event_date"), ("geojson", '"features": [')):
        made = run(sqlite_settings.data_dir, "export", "--format", kind, **key)
        assert made.returncode == 0 and empty in made.stdout  # issue #6 built them


def test_the_api_shows_every_source_of_a_merged_struggle(db: Database, settings: Settings) -> None:
    from fastapi.testclient import TestClient

    from picketline.web.app import create_app

    mine, _ = fill(db)
    with TestClient(create_app(settings, db)) as client:
        item = client.get(f"/api/v1/struggles/{mine}").json()
    assert len(item["sources"]) == 2 and all(s["url"] for s in item["sources"])
    assert {"action_started", "arrest"} <= {e["kind"] for e in item["events"]}

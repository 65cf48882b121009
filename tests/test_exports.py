"""CSV, JSON and GeoJSON exports from the site and ``picketline export``: filtered,
streamed with flat memory, published struggles only, never a sensitive value."""

from __future__ import annotations

import csv
import io
import json
import tracemalloc
from pathlib import Path

from fastapi.testclient import TestClient

from picketline.actions.struggles import do_create_struggles
from picketline.db import Database
from picketline.db.export import iter_public
from picketline.db.filters import StruggleFilter
from picketline.demo import generate_demo
from picketline.publish.exports import CSV_COLUMNS, FORMATS
from picketline.settings import Settings
from picketline.web.api.schemas import struggle_out
from tests.test_setup_cli import Runner, assert_one_line_error, run  # noqa: F401
from tests.web_fixtures import HIDDEN_TITLES, SECRETS, WebData, seed

ACLED = ("event_date", "country", "admin1", "location", "latitude", "longitude", "source", "notes")


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_has_acled_columns_and_our_fields(client: TestClient, web_data: WebData) -> None:
    response = client.get("/exports/struggles.csv", params={"country": "RU", "sector": "B"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="picketline-struggles.csv"' in response.headers["content-disposition"]
    rows = csv_rows(response.text)
    assert set(ACLED) <= set(CSV_COLUMNS) and list(rows[0]) == list(CSV_COLUMNS)
    secret = next(r for r in rows if r["id"] == str(web_data.secret_id))
    assert secret["event_date"] == "2021-03-02" and secret["year"] == "2021"
    assert secret["country"] == "Russia" and secret["country_code"] == "RU"
    assert secret["admin1"] == "Kemerovo Oblast" and secret["location"] == "Novokuznetsk"
    assert float(secret["latitude"]) == 53.76 and float(secret["longitude"]) == 87.11
    assert secret["source"] == "Example News"
    assert secret["notes"] == "Abashevskaya miners strike over unpaid wages"
    assert secret["actions"] == "strike;picket" and secret["outcome"] == "ongoing"
    assert secret["source_urls"] == "https://news.example.org/abashevskaya"
    assert all(r["country_code"] == "RU" and r["sector"] == "B" for r in rows)


def test_every_format_holds_the_published_selection_only(
    client: TestClient, web_data: WebData
) -> None:
    as_json = client.get("/exports/struggles.json").json()
    assert {item["id"] for item in as_json} == web_data.published_ids
    geo = client.get("/exports/struggles.geojson")
    assert geo.headers["content-type"].startswith("application/geo+json")
    collection = geo.json()
    assert collection["type"] == "FeatureCollection"
    assert {f["id"] for f in collection["features"]} == web_data.published_ids
    point = next(f for f in collection["features"] if f["id"] == web_data.secret_id)
    assert point["geometry"] == {"type": "Point", "coordinates": [87.11, 53.76]}
    assert point["properties"]["title"] == "Abashevskaya miners strike over unpaid wages"
    as_csv = csv_rows(client.get("/exports/struggles.csv").text)
    assert {int(r["id"]) for r in as_csv} == web_data.published_ids
    for kind in ("csv", "json", "geojson"):
        text = client.get(f"/exports/struggles.{kind}").text
        for value in (*SECRETS, *HIDDEN_TITLES, "source text"):  # nor the sources' texts
            assert value not in text, (kind, value)


def test_exports_bad_input(client: TestClient) -> None:
    assert client.get("/exports/struggles.xlsx").status_code == 404
    for params, message in [
        ({"country": "XX"}, "unknown country"),
        ({"since": "2020-02-30"}, "is not a day of the calendar"),
        ({"repression": "' OR 1=1"}, "unknown repression"),
    ]:
        response = client.get("/exports/struggles.csv", params=params)
        assert response.status_code == 400 and message in response.text
    empty = client.get("/exports/struggles.json", params={"country": "AQ"})
    assert empty.status_code == 200 and empty.json() == []
    assert client.get("/exports/struggles.geojson?country=AQ").json()["features"] == []


def test_streaming_keeps_memory_flat(sqlite_db: Database) -> None:
    """Read 50 at a time, 1,000 struggles peak at about what 100 do: memory does not grow."""
    do_create_struggles(sqlite_db, generate_demo(1000, seed=3), actor="system:test")

    def export(n: int) -> int:
        records = iter_public(sqlite_db, StruggleFilter(), page=50)
        items = (struggle_out(r) for _, r in zip(range(n), records, strict=False))
        return sum(len(chunk.encode()) for chunk in FORMATS["json"].write(items))

    def traced(n: int) -> tuple[int, int]:
        tracemalloc.start()
        try:
            total = export(n)
            return total, tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    export(1000)  # warm the query and model caches, which are not the export's memory
    small_total, small_peak = traced(100)
    big_total, big_peak = traced(1000)
    assert big_total > 8 * small_total
    assert big_peak < 1.6 * small_peak, f"peak {small_peak:,} → {big_peak:,} bytes"


def test_cli_exports_csv_and_geojson_with_filters(
    run: Runner,  # noqa: F811
    db: Database,
    db_settings: Settings,
    tmp_path: Path,
) -> None:
    from tests.test_ingest_cli import cli_env

    data = seed(db)
    env = {
        k: v
        for k, v in cli_env(db_settings).items()
        if k in ("PICKETLINE_ENCRYPTION_KEY", "PICKETLINE_DATABASE_URL")
    }
    out = tmp_path / "ru.csv"
    args = ("--format", "csv", "--country", "RU", "--sector", "B", "--out", str(out))
    result = run(db_settings.data_dir, "export", *args, **env)
    assert result.returncode == 0, result.stderr
    rows = csv_rows(out.read_text(encoding="utf-8"))
    assert str(data.secret_id) in {r["id"] for r in rows}
    assert f"{len(rows)} struggles written to {out}" in result.stderr
    geo = run(db_settings.data_dir, "export", "--format", "geojson", "--action", "strike", **env)
    assert geo.returncode == 0, geo.stderr
    features = json.loads(geo.stdout)["features"]
    assert features and all("strike" in f["properties"]["actions"] for f in features)
    everything = run(db_settings.data_dir, "export", "--format", "json", **env)
    assert {i["id"] for i in json.loads(everything.stdout)} == data.published_ids
    for secret in SECRETS:
        assert secret not in out.read_text() and secret not in geo.stdout
        assert secret not in everything.stdout


def test_cli_bad_filters_are_one_line_errors(
    run: Runner,  # noqa: F811
    sqlite_settings: Settings,
) -> None:
    key = {"PICKETLINE_ENCRYPTION_KEY": sqlite_settings.encryption_key or ""}
    Database.open(sqlite_settings).close()
    cases = [
        (("--format", "xlsx"), "unknown format"),
        (("--format", "csv", "--since", "2020-02-30"), "is not a day of the calendar"),
        (("--format", "csv", "--country", "Narnia"), "unknown country"),
        (("--all", "--country", "UA"), "--all is the operator's full JSON record"),
        (("--all", "--format", "csv"), "--all is the operator's full JSON record"),
    ]
    for args, message in cases:
        assert_one_line_error(run(sqlite_settings.data_dir, "export", *args, **key), message)

"""The map's data: clusters that add up, filters, nothing unpublished, bad input as 400.

Runs on SQLite and PostgreSQL (the ``client``/``web_data`` fixtures seed demo
struggles plus unpublished and hostile ones, see ``tests/web_fixtures.py``).
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from picketline.db import Database
from picketline.db.models import PlaceRow, StruggleRow
from picketline.publish import mapdata
from picketline.settings import Settings
from picketline.web.app import create_app
from tests.web_fixtures import HIDDEN_TITLES, WebData


def published_places(db: Database) -> dict[int, tuple[Any, ...]]:
    """Published struggles that have a place with coordinates: id → (country, sector, lat, lon)."""
    stmt = (
        select(StruggleRow.id, StruggleRow.country, StruggleRow.sector, PlaceRow.lat, PlaceRow.lon)
        .join(PlaceRow, PlaceRow.id == StruggleRow.place_id)
        .where(StruggleRow.status == "published", PlaceRow.lat.is_not(None))
    )
    with db.session() as session:
        return {i: (c, s, la, lo) for i, c, s, la, lo in session.execute(stmt).all()}


def covered(answer: dict[str, object]) -> int:
    clusters = answer["clusters"]
    points = answer["points"]
    assert isinstance(clusters, list) and isinstance(points, list)
    return sum(c["count"] for c in clusters) + len(points)


def test_clusters_add_up_to_published_struggles_with_a_place_at_every_zoom(
    client: TestClient, web_data: WebData
) -> None:
    expected = published_places(web_data.db)
    assert len(expected) > 20
    for zoom in range(mapdata.GRID_MAX_ZOOM + 1):
        answer = client.get(f"/api/v1/map/clusters?zoom={zoom}").json()
        assert answer["total"] == len(expected), zoom
        assert covered(answer) == len(expected), zoom
        assert all(c["count"] >= 2 for c in answer["clusters"])
        assert {p["id"] for p in answer["points"]} <= set(expected)


def test_a_cluster_counts_the_struggles_of_its_cell_and_sits_at_their_mean(
    client: TestClient, web_data: WebData
) -> None:
    places = published_places(web_data.db)
    zoom = 3
    in_cell = Counter(mapdata.cell_of(la, lo, zoom) for _, _, la, lo in places.values())
    answer = client.get(f"/api/v1/map/clusters?zoom={zoom}").json()
    for cluster in answer["clusters"]:
        key = (cluster["x"], cluster["y"])
        assert cluster["count"] == in_cell[key]
        members = [
            (la, lo) for _, _, la, lo in places.values() if mapdata.cell_of(la, lo, zoom) == key
        ]
        assert cluster["lat"] == pytest.approx(
            sum(la for la, _ in members) / len(members), abs=1e-4
        )
        assert cluster["lon"] == pytest.approx(
            sum(lo for _, lo in members) / len(members), abs=1e-4
        )


def test_detail_cells_hold_every_published_struggle_once(
    client: TestClient, web_data: WebData
) -> None:
    expected = published_places(web_data.db)
    cells = {
        mapdata.cell_of(la, lo, mapdata.DETAIL_CELL_ZOOM) for _, _, la, lo in expected.values()
    }
    seen: list[int] = []
    for x, y in cells:
        answer = client.get(f"/api/v1/map/cells/{x}/{y}").json()
        assert answer["truncated"] is False
        assert answer["total"] == len(answer["points"])
        seen += [p["id"] for p in answer["points"]]
    assert sorted(seen) == sorted(expected)


@pytest.mark.parametrize(
    "params", ["country=RU", "sector=B", "country=UA&sector=C", "country=RU,UA"]
)
def test_filters_are_respected(client: TestClient, web_data: WebData, params: str) -> None:
    wanted = dict(p.split("=") for p in params.split("&"))
    countries = wanted.get("country", "").split(",") if "country" in wanted else None
    matching = {
        i
        for i, (country, sector, _, _) in published_places(web_data.db).items()
        if (countries is None or country in countries)
        and ("sector" not in wanted or sector == wanted["sector"])
    }
    answer = client.get(f"/api/v1/map/clusters?zoom=2&{params}").json()
    assert answer["total"] == len(matching)
    assert covered(answer) == len(matching)
    detail = client.get(f"/api/v1/map/clusters?zoom=12&{params}").json()  # the whole world
    assert {p["id"] for p in detail["points"]} == matching


def test_unpublished_struggles_are_never_on_the_map(client: TestClient, web_data: WebData) -> None:
    assert web_data.hidden_ids
    # The hidden struggles sit in Novokuznetsk, like the published secret and XSS ones.
    x, y = mapdata.cell_of(53.76, 87.11, mapdata.DETAIL_CELL_ZOOM)
    bodies = [client.get(f"/api/v1/map/cells/{x}/{y}").text]
    bodies += [client.get(f"/api/v1/map/clusters?zoom={z}").text for z in range(0, 19, 3)]
    ids: set[int] = set()
    for body in bodies:
        ids |= {p["id"] for p in json.loads(body)["points"]}
        assert not any(title in body for title in HIDDEN_TITLES)
    assert web_data.secret_id in ids
    assert ids.isdisjoint(web_data.hidden_ids)


def test_titles_with_markup_come_as_plain_json_strings(
    client: TestClient, web_data: WebData
) -> None:
    answer = client.get("/api/v1/map/clusters?zoom=14&bbox=87,53,88,54").json()
    titles = {p["id"]: p["title"] for p in answer["points"]}
    assert titles[web_data.xss_id].startswith("<script>")  # the browser inserts it as text


BAD_QUERIES = [
    ("zoom=-1", "not a zoom level"),
    ("zoom=19", "not a zoom level"),
    ("zoom=2.5", "not a zoom level"),
    ("zoom=world", "not a zoom level"),
    ("zoom=%C2%B2", "not a zoom level"),  # a superscript two: a digit to str.isdigit
    ("zoom=", "not a zoom level"),
    ("zoom=9&bbox=1,2,3", "not four numbers"),
    ("zoom=9&bbox=10,0,-10,5", "west <= east"),
    ("zoom=9&bbox=nan,0,1,1", "west <= east"),
    ("zoom=2&country=XX", "unknown country"),
    ("zoom=2&sector=Z", "unknown sector"),
    ("zoom=2&since=2020-02-30", "not a day of the calendar"),
    ("zoom=2&colour=red", "unknown parameter colour"),
    ("zoom=2&status=candidate", "only published"),
]


def test_bad_zoom_bbox_or_filter_is_a_400_saying_what_is_wrong(client: TestClient) -> None:
    """Each query gets a 400 whose message names the problem (never a 500 or a silent map)."""
    for query, says in BAD_QUERIES:
        response = client.get(f"/api/v1/map/clusters?{query}")
        assert response.status_code == 400, query
        assert says in response.json()["detail"], query


def test_missing_zoom_is_refused_and_cells_outside_the_grid_are_400(client: TestClient) -> None:
    assert client.get("/api/v1/map/clusters").status_code in (400, 422)
    response = client.get("/api/v1/map/cells/128/0")
    assert response.status_code == 400
    assert "no detail cell 128/0" in response.json()["detail"]
    assert client.get("/api/v1/map/cells/0/64").status_code == 400


def test_static_files_match_the_api(client: TestClient, web_data: WebData) -> None:
    files = dict(mapdata.static_files(web_data.db))
    index = json.loads(files["index.json"])
    assert index["total"] == len(published_places(web_data.db))
    for zoom in range(mapdata.GRID_MAX_ZOOM + 1):
        assert (
            json.loads(files[f"z{zoom}.json"])
            == client.get(f"/api/v1/map/clusters?zoom={zoom}").json()
        )
        script = files[f"z{zoom}.js"].decode()
        assert script.startswith(f'picketlineMapData("z{zoom}",')
        assert script.rstrip().endswith(");")
    for name in index["cells"]:
        x, y = name.split("_")
        cell = json.loads(files[f"cells/{name}.json"])
        assert cell == client.get(f"/api/v1/map/cells/{x}/{y}").json()
    assert len(files) == 2 * (1 + mapdata.GRID_MAX_ZOOM + 1 + len(index["cells"]))


def test_grid_edges_belong_to_the_last_cell() -> None:
    assert mapdata.cell_of(90, 180, 0) == (3, 1)
    assert mapdata.cell_of(-90, -180, 0) == (0, 0)
    assert mapdata.cell_size(2) == 22.5
    bounds = mapdata.cell_bounds(3, 1, 0)
    assert (bounds.south, bounds.west, bounds.north, bounds.east) == (0, 90, 90, 180)
    places = [mapdata.PlaceCount(10, 10, 3, 5), mapdata.PlaceCount(20, 20, 1, 9)]
    clusters, singles = mapdata.grid_clusters(places, 0)
    assert singles == []
    assert clusters[0].count == 4
    assert clusters[0].lat == pytest.approx((10 * 3 + 20) / 4)


def test_map_page_renders_the_map_element_and_a_table_without_javascript(
    client: TestClient, web_data: WebData
) -> None:
    response = client.get("/map?country=RU")
    assert response.status_code == 200
    body = response.text
    assert 'data-map-mode="api"' in body
    assert 'data-map-query="country=RU"' in body
    assert 'data-struggle-url="/struggles/{id}"' in body
    assert 'data-tile-url=""' in body
    assert "vendor/world/countries-110m.js" in body
    assert "Russia" in body  # the no-JavaScript table by country, linking to the list
    assert 'href="/struggles?country=RU"' in body
    assert "<script>" not in body.replace('<script src="', "")  # no inline script
    assert client.get("/map?country=XX").status_code == 400


def test_a_tile_server_is_passed_to_the_map_and_allowed_by_the_csp(
    web_data: WebData, settings: Settings
) -> None:
    tiles = settings.model_copy(
        update={
            "map_tile_url": "https://tiles.example.org/{z}/{x}/{y}.png",
            "map_tile_attribution": "© Example <contributors>",
        }
    )
    with TestClient(create_app(tiles, web_data.db)) as client:
        response = client.get("/map")
    assert 'data-tile-url="https://tiles.example.org/{z}/{x}/{y}.png"' in response.text
    assert "© Example &lt;contributors&gt;" in response.text
    csp = response.headers["content-security-policy"]
    assert "img-src 'self' data: https://tiles.example.org;" in csp
    assert "script-src" not in csp and "default-src 'self'" in csp


def test_struggle_page_shows_its_place_on_a_small_map(
    client: TestClient, web_data: WebData
) -> None:
    body = client.get(f"/struggles/{web_data.secret_id}").text
    assert 'data-map-kind="place"' in body
    assert 'data-lat="53.76"' in body and 'data-lon="87.11"' in body


def test_in_the_static_mirror_the_map_reads_files_and_links_relatively(
    web_data: WebData, settings: Settings
) -> None:
    """The mirror renders /map with its scope keys; the map then loads script files."""
    app = create_app(settings, web_data.db)

    async def as_mirror(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            scope = {**scope, "picketline.mirror": True, "picketline.map_data": "../map/data/"}
        await app(scope, receive, send)

    with TestClient(as_mirror) as client:
        body = client.get("/map").text
        filtered = client.get("/map?country=RU")
    assert 'data-map-mode="static"' in body
    assert 'data-map-data="../map/data/"' in body
    assert 'data-struggle-url="../struggles/{id}/index.html"' in body
    assert 'data-map-query=""' in body
    assert '<form class="chart-filters"' not in body  # no server to filter in the mirror
    assert filtered.status_code == 400


def test_answers_fit_their_documented_response_models(
    client: TestClient, web_data: WebData
) -> None:
    """The routes send ``mapdata``'s JSON as is; it must still be what OpenAPI promises."""
    from picketline.web.api.map import CellOut, ClustersOut

    for zoom in (0, 4, 7, 8, 15):
        answer = client.get(f"/api/v1/map/clusters?zoom={zoom}&bbox=-180,-90,180,90").json()
        assert ClustersOut.model_validate(answer).zoom == zoom
    x, y = mapdata.cell_of(53.76, 87.11, mapdata.DETAIL_CELL_ZOOM)
    cell = CellOut.model_validate(client.get(f"/api/v1/map/cells/{x}/{y}").json())
    assert cell.points and cell.total == len(cell.points)


@pytest.mark.parametrize("mode", ["positive", "negative"])
def test_map_and_stats_routes_keep_their_schema(
    sqlite_db: Database, sqlite_settings: Settings, mode: str
) -> None:
    """Schemathesis on /api/v1/map and /api/v1/stats: no 5xx, every answer as documented."""
    import schemathesis
    from hypothesis import HealthCheck, given
    from hypothesis import settings as hypothesis_settings

    from tests.web_fixtures import seed

    seed(sqlite_db, demo_count=25)
    app = create_app(sqlite_settings, sqlite_db)
    with TestClient(app):
        whole = schemathesis.openapi.from_asgi("/openapi.json", app)
        schema = whole.include(path_regex=r"^/api/v1/(map|stats)", method="GET")
        operations = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
        assert len(operations) == 3, [op.label for op in operations]
        for operation in operations:

            @given(case=operation.as_strategy(generation_mode=schemathesis.GenerationMode(mode)))
            @hypothesis_settings(
                max_examples=15,
                deadline=None,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            def run(case: schemathesis.Case) -> None:
                response = case.call()
                assert response.status_code < 500, (case.path, case.query, response.text[:300])
                case.validate_response(
                    response, excluded_checks=[schemathesis.checks.positive_data_acceptance]
                )

            run()

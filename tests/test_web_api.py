"""The JSON API against a real database (SQLite and PostgreSQL via the ``db`` fixture)."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from picketline.domain.struggle import FORMAT_FIELD_NAMES
from tests.web_fixtures import HIDDEN_TITLES, XSS_TITLE, WebData

PLACE_KEYS = {"name", "country", "admin1", "lat", "lon", "geonames_id"}
SOURCE_KEYS = {"id", "url", "outlet", "title", "language", "published"}
EVENT_KEYS = {"kind", "date", "precision", "description", "count"}


def walk(client: TestClient, limit: int, **params: str) -> list[dict[str, Any]]:
    """Every item of the list, following ``next`` until it is null."""
    items: list[dict[str, Any]] = []
    after: str | None = None
    for _ in range(1000):
        query = {"limit": str(limit), **params, **({"after": after} if after else {})}
        response = client.get("/api/v1/struggles", params=query)
        assert response.status_code == 200, response.text
        page = response.json()
        assert len(page["items"]) <= limit
        items += page["items"]
        after = page["next"]
        if after is None:
            return items
    raise AssertionError("pagination did not end")


def test_list_first_page_has_every_field(client: TestClient, web_data: WebData) -> None:
    page = client.get("/api/v1/struggles").json()
    assert set(page) == {"items", "next"}
    assert len(page["items"]) == min(50, len(web_data.published_ids))
    for item in page["items"]:
        expected = {"id", "title", "status", "is_demo", "updated_at", "sources"}
        assert set(item) == expected | set(FORMAT_FIELD_NAMES)  # the timeline: in the detail
        assert item["status"] == "published"
        assert item["actions"]
        if item["place"] is not None:
            assert set(item["place"]) == PLACE_KEYS
        for source in item["sources"]:
            assert set(source) == SOURCE_KEYS
    detail = client.get(f"/api/v1/struggles/{page['items'][0]['id']}").json()
    for event in detail["events"]:
        assert set(event) == EVENT_KEYS


def test_pagination_walks_every_published_struggle_exactly_once(
    client: TestClient, web_data: WebData
) -> None:
    for limit in (1, 7, 200):
        ids = [item["id"] for item in walk(client, limit)]
        assert len(ids) == len(set(ids)), f"a struggle appeared twice with limit={limit}"
        assert set(ids) == web_data.published_ids


def test_unpublished_struggles_are_invisible(client: TestClient, web_data: WebData) -> None:
    assert web_data.hidden_ids
    listed = {item["id"] for item in walk(client, 200)}
    assert listed.isdisjoint(web_data.hidden_ids)
    for struggle_id in web_data.hidden_ids:
        response = client.get(f"/api/v1/struggles/{struggle_id}")
        assert response.status_code == 404
        assert response.json() == {"detail": "struggle not found"}
    for title in HIDDEN_TITLES:
        assert walk(client, 200, q=title.split("-")[0]) == []


def test_detail_matches_the_list_item(client: TestClient, web_data: WebData) -> None:
    response = client.get(f"/api/v1/struggles/{web_data.secret_id}")
    assert response.status_code == 200
    item = response.json()
    assert item["title"] == "Abashevskaya miners strike over unpaid wages"
    assert item["is_demo"] is False
    assert item["actions"] == ["strike", "picket"]
    assert item["sector"] == "B"
    assert item["start"] == "2021-03-02"
    assert item["place"]["country"] == "RU"
    assert item["sources"][0]["outlet"] == "Example News"
    assert item["sources"][0]["published"] == "2021-03-03"
    assert item["events"] == [
        {"kind": "arrest", "date": "2021-03-04", "precision": "day",
         "description": "Two miners detained.", "count": 2}
    ]  # fmt: skip
    listed = {i["id"]: i for i in walk(client, 200)}
    assert listed[web_data.secret_id] == {k: v for k, v in item.items() if k != "events"}


def test_demo_struggles_are_flagged(client: TestClient) -> None:
    items = walk(client, 200)
    assert any(item["is_demo"] for item in items)
    assert any(not item["is_demo"] for item in items)


def test_unknown_ids_and_bad_input(client: TestClient) -> None:
    assert client.get("/api/v1/struggles/987654321").status_code == 404
    assert client.get("/api/v1/struggles/not-a-number").status_code == 422
    for limit in ("0", "201", "x", "100000"):
        response = client.get("/api/v1/struggles", params={"limit": limit})
        assert response.status_code == 400
        assert (
            f"limit {limit!r}" in response.json()["detail"]
            or "outside 1..200" in (response.json()["detail"])
        )
    bad_cursor = client.get("/api/v1/struggles", params={"after": "%%%not-a-cursor"})
    assert bad_cursor.status_code == 400
    assert "cursor" in bad_cursor.json()["detail"]


BAD_INPUT = [
    # (query parameters typed, words the client is told)
    ({"country": "XX"}, "unknown country 'XX'; use an ISO 3166-1 alpha-2 code"),
    ({"sector": "mining"}, "unknown sector 'mining'"),
    ({"action": "riot"}, "unknown action 'riot'; use one of: strike"),
    ({"demand": "x"}, "unknown demand"),
    ({"outcome": "x"}, "unknown outcome"),
    ({"repression": "x"}, "unknown repression"),
    ({"sort": "id; DROP TABLE struggles"}, "unknown sort"),
    ({"since": "2020-02-30"}, "since '2020-02-30' is not a day of the calendar"),
    ({"until": "30/01/2020"}, "is not a date; write it as YYYY-MM-DD"),
    ({"since": "2021-02-01", "until": "2021-01-01"}, "is after until"),
    ({"limit": "1000000"}, "limit 1000000 is outside 1..200"),
    ({"after": "eyJvIjoibmV3ZXN0IiwicCI6MCwiayI6MSwiaSI6LTF9"}, "page cursor is not valid"),
    ({"country": "UA' OR '1'='1"}, "unknown country"),
    ({"region": "Kyiv\x00"}, "is not a region name"),  # a NUL byte (PostgreSQL refuses them)
    ({"q": "x" * 201}, "at most 200"),
    ({"status": "candidate"}, "only published struggles are public"),
]


def test_bad_filters_answer_400_with_a_clear_message(client: TestClient) -> None:
    for params, message in BAD_INPUT:
        response = client.get("/api/v1/struggles", params=params)
        assert response.status_code == 400, (params, response.text)
        assert response.headers["content-type"].startswith("application/json")
        assert message in response.json()["detail"], (params, response.json())


def test_filters_and_sorts(client: TestClient, web_data: WebData) -> None:
    miners = walk(client, 50, country="RU", sector="B", action="strike")
    assert web_data.secret_id in {item["id"] for item in miners}
    for item in miners:
        assert item["place"]["country"] == "RU" and item["sector"] == "B"
        assert "strike" in item["actions"]
    region = walk(client, 50, region="Kemerovo Oblast")
    assert {web_data.secret_id, web_data.xss_id} <= {item["id"] for item in region}
    arrests = walk(client, 20, repression="arrest,violence")
    assert all({"arrest", "violence"} & {r["type"] for r in i["repression"]} for i in arrests)
    biggest = walk(client, 7, sort="participants")
    counts = [
        (i["participants"] or {}).get("max") or (i["participants"] or {}).get("min")
        for i in biggest
    ]
    known = [c for c in counts if c is not None]
    assert known == sorted(known, reverse=True)
    assert counts.index(None) == len(known) if None in counts else True
    assert {i["id"] for i in biggest} == web_data.published_ids
    dated = walk(client, 50, since="2021-03-01", until="2021-03-31", country="RU")
    assert web_data.secret_id in {i["id"] for i in dated}


def test_etag_and_not_modified(client: TestClient, web_data: WebData) -> None:
    for url in ("/api/v1/struggles?country=RU", f"/api/v1/struggles/{web_data.secret_id}"):
        first = client.get(url)
        etag = first.headers["etag"]
        assert etag.startswith('W/"')
        again = client.get(url, headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.content == b""
        stale = client.get(url, headers={"If-None-Match": 'W/"0000"'})
        assert stale.status_code == 200 and stale.json() == first.json()


def test_cors_for_reads_only(client: TestClient) -> None:
    origin = {"Origin": "https://elsewhere.example"}
    got = client.get("/api/v1/struggles?limit=1", headers=origin)
    assert got.headers["access-control-allow-origin"] == "*"
    assert "ETag" in got.headers["access-control-expose-headers"]
    assert (
        client.get("/feeds/struggles.atom", headers=origin).headers["access-control-allow-origin"]
        == "*"
    )
    preflight = client.options(
        "/api/v1/struggles",
        headers={
            **origin,
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "if-none-match",
        },
    )
    assert preflight.status_code == 204
    assert "GET" in preflight.headers["access-control-allow-methods"]
    assert "POST" not in preflight.headers["access-control-allow-methods"]
    page = client.get("/", headers=origin)
    assert "access-control-allow-origin" not in page.headers  # pages are not an API


def test_a_merged_struggle_redirects_to_its_target(client: TestClient, web_data: WebData) -> None:
    from picketline.actions.struggles import do_set_status
    from picketline.db.struggles import get_struggle
    from picketline.domain.vocab import StruggleStatus

    old = min(web_data.published_ids - {web_data.secret_id})
    record = get_struggle(web_data.db, old)
    assert record is not None
    do_set_status(
        web_data.db,
        old,
        status=StruggleStatus.MERGED,
        merged_into=web_data.secret_id,
        expected_version=record.struggle.version,
        actor="editor",
    )
    api = client.get(f"/api/v1/struggles/{old}", follow_redirects=False)
    assert api.status_code == 308
    assert api.headers["location"] == f"/api/v1/struggles/{web_data.secret_id}"
    assert client.get(f"/api/v1/struggles/{old}").json()["id"] == web_data.secret_id
    page = client.get(f"/struggles/{old}", follow_redirects=False)
    assert page.status_code == 301
    assert page.headers["location"] == f"/struggles/{web_data.secret_id}"
    hidden = min(web_data.hidden_ids)
    assert client.get(f"/api/v1/struggles/{hidden}", follow_redirects=False).status_code == 404


def test_full_text_query(client: TestClient, web_data: WebData) -> None:
    found = walk(client, 50, q="Abashevskaya")
    assert [item["id"] for item in found] == [web_data.secret_id]
    assert walk(client, 50, q="zzqxnothingmatches") == []
    assert client.get("/api/v1/struggles", params={"q": '"unbalanced AND ('}).status_code == 200


def test_markup_is_returned_as_data_not_interpreted(client: TestClient, web_data: WebData) -> None:
    response = client.get(f"/api/v1/struggles/{web_data.xss_id}")
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["title"] == XSS_TITLE


def test_healthz(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_healthz_reports_a_lost_database(client: TestClient, web_data: WebData) -> None:
    web_data.db.engine.dispose()
    original = web_data.db.engine.connect

    def refuse() -> Any:
        from sqlalchemy.exc import OperationalError

        raise OperationalError("SELECT 1", {}, Exception("server closed the connection"))

    web_data.db.engine.connect = refuse  # type: ignore[method-assign]
    try:
        response = client.get("/healthz")
    finally:
        web_data.db.engine.connect = original  # type: ignore[method-assign]
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}


def test_openapi_documents_paths_and_public_schemas(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert schema["info"]["title"] == "Picketline"
    assert schema["info"]["description"]
    paths = schema["paths"]
    assert {"/api/v1/struggles", "/api/v1/struggles/{struggle_id}", "/healthz"} <= set(paths)
    assert "/" not in paths and "/struggles/{struggle_id}" not in paths
    list_op = paths["/api/v1/struggles"]["get"]
    assert list_op["summary"] and list_op["description"]
    documented = {p["name"]: p for p in list_op["parameters"]}
    assert set(documented) == {
        "after",
        "limit",
        "q",
        "country",
        "region",
        "sector",
        "action",
        "demand",
        "outcome",
        "repression",
        "since",
        "until",
        "sort",
    }
    assert all(p["description"] for p in documented.values())
    assert "strike" in documented["action"]["schema"]["items"]["enum"]
    sorts = ["newest", "oldest", "changed", "participants", ""]  # "" (a blank form field): newest
    assert documented["sort"]["schema"]["enum"] == sorts
    assert documented["limit"]["schema"]["maximum"] == 200
    assert {"200", "304", "400"} <= set(list_op["responses"])
    detail_op = paths["/api/v1/struggles/{struggle_id}"]["get"]
    assert {"200", "304", "308", "404"} <= set(detail_op["responses"])
    assert {"/feeds/struggles.atom", "/exports/struggles.{format_name}"} <= set(paths)
    ok = list_op["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok["$ref"].endswith("/StrugglePage")
    schemas = schema["components"]["schemas"]
    for name in ("StruggleOut", "StrugglePage", "PlaceOut", "SourceOut", "EventOut"):
        assert name in schemas
    struggle_props = schemas["StruggleOut"]["properties"]
    assert set(FORMAT_FIELD_NAMES) <= set(struggle_props)
    public_names = set(struggle_props) | set(schemas["SourceOut"]["properties"])
    for forbidden in ("sensitive", "reporter_contact", "detained_people", "contacts", "notes"):
        assert forbidden not in public_names
    public = ("StruggleOut", "StrugglePage", "PlaceOut", "SourceOut", "EventOut", "EvidenceOut")
    assert "reporter_contact" not in str([schemas.get(name) for name in public])
    # (editors' review schemas, behind sign-in, may carry it: see tests of issue #5)


def test_no_cdn_docs_pages(client: TestClient) -> None:
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404

"""Atom feeds, read back with a real feed parser (feedparser), on SQLite and PostgreSQL."""

from __future__ import annotations

import feedparser
from fastapi.testclient import TestClient

from picketline.actions.struggles import do_update_struggle
from picketline.db.struggles import get_struggle
from tests.web_fixtures import HIDDEN_TITLES, SECRETS, WebData


def read(client: TestClient, query: str = "") -> feedparser.FeedParserDict:
    response = client.get("/feeds/struggles.atom" + query)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def test_feed_is_valid_atom_with_stable_ids(client: TestClient, web_data: WebData) -> None:
    parsed = read(client)
    assert parsed.feed.title == "Picketline: struggles"
    assert parsed.feed.id == "http://testserver/feeds/struggles.atom"
    entries = parsed.entries
    assert 0 < len(entries) <= 50
    ids = [e.id for e in entries]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("tag:picketline,2026:struggle/") for i in ids)
    struggle_ids = {int(i.rsplit("/", 1)[1]) for i in ids}
    assert struggle_ids <= web_data.published_ids
    for entry in entries:
        assert entry.link.startswith("http://testserver/struggles/")
        assert entry.updated_parsed is not None and entry.summary
    updated = [e.updated for e in entries]
    assert updated == sorted(updated, reverse=True)  # most recently changed first
    text = client.get("/feeds/struggles.atom").text
    for value in (*SECRETS, *HIDDEN_TITLES, "<script>"):
        assert value not in text


def test_a_changed_struggle_comes_first_with_the_same_id(
    client: TestClient, web_data: WebData
) -> None:
    target = min(web_data.published_ids)
    before = read(client, "?country=RU&sector=B")
    record = get_struggle(web_data.db, web_data.secret_id)
    assert record is not None
    do_update_struggle(
        web_data.db,
        web_data.secret_id,
        expected_version=record.struggle.version,
        changes={"workers": "coal miners and their families"},
        actor="editor",
        reason=None,
    )
    after = read(client, "?country=RU&sector=B")
    first = after.entries[0]
    assert first.id == f"tag:picketline,2026:struggle/{web_data.secret_id}"
    assert "coal miners and their families" in first.summary
    old = next(e for e in before.entries if e.id == first.id)
    assert first.updated > old.updated  # RFC 3339 with microseconds: compares as text
    assert target  # the seed is there


def test_feed_filters(client: TestClient, web_data: WebData) -> None:
    parsed = read(client, "?country=RU&sector=B&action=strike")
    assert parsed.feed.title == "Picketline: struggles (country RU, sector B, action strike)"
    for entry in parsed.entries:
        struggle_id = int(entry.id.rsplit("/", 1)[1])
        item = client.get(f"/api/v1/struggles/{struggle_id}").json()
        assert item["place"]["country"] == "RU" and item["sector"] == "B"
    assert [e.href for e in parsed.feed.links if e.rel == "alternate"] == [
        "http://testserver/struggles?country=RU&sector=B&action=strike"
    ]
    assert read(client, "?country=AQ").entries == []


def test_feed_bad_input_is_a_400(client: TestClient) -> None:
    for query, message in [
        ("?country=XX", "unknown country"),
        ("?since=2020-02-30", "is not a day of the calendar"),
        ("?sector=Z", "unknown sector"),
    ]:
        response = client.get("/feeds/struggles.atom" + query)
        assert response.status_code == 400 and message in response.text


def test_pages_link_their_feed(client: TestClient) -> None:
    html = client.get("/struggles?country=RU").text
    assert 'href="/feeds/struggles.atom?country=RU"' in html


def test_feed_etag(client: TestClient) -> None:
    first = client.get("/feeds/struggles.atom")
    again = client.get("/feeds/struggles.atom", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304

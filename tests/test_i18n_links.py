"""Links and redirects built in Python keep the reader's language prefix.

Input: a reader on a Russian page (/ru/...). What they see: every link the
server builds for them (list pages, feed, exports stay neutral) and every
redirect after a form stays in /ru/, instead of falling back to the
browser's language.
"""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.auth_fixtures import login_as  # noqa: F401  (fixture)


def test_list_links_of_a_russian_reader_stay_russian(client: TestClient) -> None:
    home = client.get("/ru/")  # "all ongoing" and "recently changed" lead to the list
    assert home.status_code == 200
    home_links = re.findall(r'href="(/[^"]*struggles(?:\?[^"]*)?)"', home.text)
    assert "/ru/struggles" in home_links, home_links
    assert not [link for link in home_links if link.startswith("/struggles")], home_links
    page = client.get("/ru/struggles", params={"country": "UA", "sort": "oldest"})
    assert page.status_code == 200
    list_links = re.findall(r'href="(/[^"]*struggles\?[^"]*)"', page.text)
    assert list_links, "the list page builds links to itself (sorting, pages)"
    # The language switcher links to /en/ and /uk/; nothing may drop the prefix.
    assert not [link for link in list_links if link.startswith("/struggles")], list_links
    assert sum(link.startswith("/ru/") for link in list_links) >= 1
    feed = re.search(r'href="([^"]*struggles\.atom[^"]*)"', page.text)
    assert feed is not None and feed.group(1).startswith("/feeds/")  # feeds are neutral


def test_signing_in_from_a_ukrainian_page_returns_to_ukrainian(client: TestClient) -> None:
    form = client.get("/uk/login")
    assert form.status_code == 200
    token = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
    assert token is not None
    answer = client.post(
        "/uk/login",
        data={"name": "nobody", "password": "wrong", "csrf_token": token.group(1)},
        follow_redirects=False,
    )
    assert answer.status_code in (200, 400, 401, 403)  # refused, and no redirect to English
    assert "location" not in answer.headers or answer.headers["location"].startswith("/uk")

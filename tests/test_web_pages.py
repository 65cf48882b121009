"""The public HTML pages, rendered by the app against a real database."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from fastapi.testclient import TestClient

from tests.web_fixtures import HIDDEN_TITLES, XSS_TITLE, WebData

NEXT_LINK = re.compile(r'<a rel="next" href="([^"]+)"')
STRUGGLE_LINK = re.compile(r'href="/struggles/(\d+)"')


class TagCollector(HTMLParser):
    """Collects start tags, attributes and text the way a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> TagCollector:
    collector = TagCollector()
    collector.feed(html)
    return collector


def walk_home(client: TestClient, start: str = "/struggles") -> list[str]:
    """The HTML of every list page, following the 'Next page' link."""
    pages, url = [], start
    for _ in range(100):
        response = client.get(url)
        assert response.status_code == 200, response.text
        pages.append(response.text)
        found = NEXT_LINK.search(response.text)
        if not found:
            return pages
        url = found.group(1).replace("&amp;", "&")
    raise AssertionError("the pager did not end")


def test_list_shows_published_struggles_once_across_pages(
    client: TestClient, web_data: WebData
) -> None:
    pages = walk_home(client)
    assert len(pages) > 1, "the seed should need more than one page"
    ids = [int(i) for page in pages for i in STRUGGLE_LINK.findall(page)]
    assert len(ids) == len(set(ids))
    assert set(ids) == web_data.published_ids
    for title in HIDDEN_TITLES:
        assert all(title not in page for page in pages)


def test_list_shows_the_summary_fields(client: TestClient) -> None:
    html = client.get("/struggles", params={"q": "Abashevskaya"}).text
    assert "Abashevskaya miners strike over unpaid wages" in html
    assert "Novokuznetsk, Kemerovo Oblast, Russia" in html
    assert '<time datetime="2021-03-02">2 March 2021</time>' in html
    assert "Mining and quarrying" in html
    assert "Strike" in html and "Picket" in html
    assert "outcome-ongoing" in html


def test_demo_banner_and_badges(client: TestClient, web_data: WebData) -> None:
    home = client.get("/").text
    assert 'class="demo-banner"' in home
    assert home.count(">DEMO</span>") >= 2  # the banner's legend and at least one card
    real = client.get(f"/struggles/{web_data.secret_id}").text
    assert 'class="demo-banner"' in real  # the database holds demo data: every page says so
    assert 'class="badge badge-demo"' in real  # ...in the banner's legend only
    assert "This is generated demonstration data" not in real


def test_no_banner_without_demo_data(db: object, settings: object) -> None:
    from picketline.actions.struggles import do_create_struggle
    from picketline.web.app import create_app
    from tests.web_fixtures import secret_bundle

    struggle_id = do_create_struggle(db, secret_bundle(), actor="system:test")  # type: ignore[arg-type]
    with TestClient(create_app(settings, db)) as plain:  # type: ignore[arg-type]
        for url in ("/", f"/struggles/{struggle_id}"):
            html = plain.get(url).text
            assert "demo-banner" not in html and "DEMO" not in html


def test_struggle_page_has_summary_timeline_and_sources(
    client: TestClient, web_data: WebData
) -> None:
    response = client.get(f"/struggles/{web_data.secret_id}")
    assert response.status_code == 200
    html = response.text
    assert '<h1 id="title">Abashevskaya miners strike over unpaid wages</h1>' in html
    for text in ("coal miners", "Abashevskaya mine", "Yuzhkuzbassugol", "Ongoing"):
        assert text in html
    assert '<ol class="timeline">' in html
    assert '<time datetime="2021-03-04">4 March 2021</time>' in html
    assert "Two miners detained." in html
    assert 'href="https://news.example.org/abashevskaya"' in html
    assert f'href="/api/v1/struggles/{web_data.secret_id}"' in html


def test_xss_payloads_render_inert(client: TestClient, web_data: WebData) -> None:
    html = client.get(f"/struggles/{web_data.xss_id}").text
    parsed = parse(html)
    scripts = [a for t, a in parsed.tags if t == "script"]
    # Only our own static files (the small map's) may be scripts; an injected one has no src.
    injected = [a for a in scripts if not (a.get("src") or "").startswith("/static/")]
    assert not injected, "an injected <script> became a tag"
    assert not [t for t, a in parsed.tags if t == "img"], "an injected <img> became a tag"
    assert not any(k.startswith("on") for _, attrs in parsed.tags for k in attrs)
    hrefs = [a.get("href") or "" for _, a in parsed.tags]
    assert not [h for h in hrefs if h.lower().startswith("javascript:")]
    assert XSS_TITLE in "".join(parsed.text)  # shown as text, exactly as stored
    home = client.get("/struggles", params={"q": "dockers"}).text
    assert not [t for t, _ in parse(home).tags if t in {"script", "img"}]


def test_search_query_is_escaped_in_the_page(client: TestClient) -> None:
    html = client.get("/struggles", params={"q": "<script>alert(1)</script>"}).text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_pages_404_and_bad_input(client: TestClient, web_data: WebData) -> None:
    for struggle_id in [987654321, *web_data.hidden_ids]:
        response = client.get(f"/struggles/{struggle_id}")
        assert response.status_code == 404
        assert response.headers["content-type"].startswith("text/html")
        assert "Not found" in response.text
    assert client.get("/struggles", params={"after": "%%%"}).status_code == 400
    assert client.get("/struggles/abc").status_code == 400
    assert client.get("/no/such/page").status_code == 404


def test_pages_fetch_nothing_from_other_origins(client: TestClient, web_data: WebData) -> None:
    for url in ("/", "/struggles", f"/struggles/{web_data.secret_id}"):
        response = client.get(url)
        assert "default-src 'self'" in response.headers["content-security-policy"]
        for tag, attrs in parse(response.text).tags:
            if tag in {"link", "script", "img"}:
                ref = attrs.get("href") or attrs.get("src") or ""
                assert ref.startswith("/"), f"{tag} loads {ref}"
    css = client.get("/static/style.css")
    assert css.status_code == 200 and "http" not in css.text


def test_pages_are_accessible_landmarks(client: TestClient, web_data: WebData) -> None:
    for url in ("/", "/struggles", f"/struggles/{web_data.secret_id}"):
        tags = parse(client.get(url).text).tags
        names = [t for t, _ in tags]
        assert names.count("h1") == 1
        assert {"header", "nav", "main", "footer"} <= set(names)
        assert ("html", {"lang": "en"}) in tags


def test_home_shows_new_ongoing_and_recently_changed(client: TestClient, web_data: WebData) -> None:
    response = client.get("/")
    html = response.text
    for heading in ("New since yesterday", "Ongoing", "Recently changed"):
        assert f">{heading}</h2>" in html
    # The seed was stored just now: it is all "new since yesterday".
    assert f"{len(web_data.published_ids)} struggles published in the last 24 hours" in html
    assert "Abashevskaya miners strike over unpaid wages" in html  # ongoing, changed recently
    assert 'href="/struggles?outcome=ongoing&amp;sort=changed"' in html
    for title in HIDDEN_TITLES:
        assert title not in html


def test_home_page_is_light(client: TestClient) -> None:
    """Under 200 KB transferred: the page and every stylesheet and script it loads."""
    response = client.get("/")
    total = len(response.content)
    for tag, attrs in parse(response.text).tags:
        ref = attrs.get("href") if tag == "link" and attrs.get("rel") == "stylesheet" else None
        ref = ref or (attrs.get("src") if tag in {"script", "img"} else None)
        if ref:
            asset = client.get(ref)
            assert asset.status_code == 200, ref
            total += len(asset.content)
    assert total < 200_000, f"the home page weighs {total:,} bytes"


def test_list_filter_form_keeps_its_state_in_the_url(client: TestClient) -> None:
    url = "/struggles?country=RU&sector=B&action=strike&action=picket&since=2021-01-01&sort=oldest"
    html = client.get(url).text
    assert '<option value="RU" selected>' in html
    assert '<option value="B" selected>' in html
    assert 'name="action" value="strike" checked' in html
    assert 'name="action" value="picket" checked' in html
    assert 'name="since" type="date" value="2021-01-01"' in html
    assert '<option value="oldest" selected>' in html
    assert "Abashevskaya miners strike over unpaid wages" in html
    feed = "/feeds/struggles.atom?country=RU&amp;sector=B&amp;action=strike&amp;action=picket"
    assert f'href="{feed}&amp;since=2021-01-01"' in html
    assert 'href="/exports/struggles.csv?country=RU' in html


def test_list_paginates_with_the_filters_kept(client: TestClient, web_data: WebData) -> None:
    pages = walk_home(client, "/struggles?sort=changed&limit=7")
    assert len(pages) > 2
    ids = [int(i) for page in pages for i in STRUGGLE_LINK.findall(page)]
    assert len(ids) == len(set(ids)) and set(ids) == web_data.published_ids
    assert all("sort=changed" in m for m in NEXT_LINK.findall(pages[0]))


def test_list_bad_input_is_a_readable_400(client: TestClient) -> None:
    for params, message in [
        ({"country": "Narnia"}, "unknown country"),
        ({"since": "2020-02-30"}, "is not a day of the calendar"),
        ({"limit": "100000"}, "outside 1..200"),
        ({"after": "garbage"}, "page cursor is not valid"),
        ({"sort": "1; DROP TABLE struggles"}, "unknown sort"),
    ]:
        response = client.get("/struggles", params=params)
        assert response.status_code == 400, params
        assert response.headers["content-type"].startswith("text/html")
        assert message in response.text


def test_struggle_page_quotes_its_evidence(db: object, settings: object) -> None:
    from picketline.actions.struggles import do_create_struggle
    from picketline.web.app import create_app
    from tests.db_fixtures import full_bundle

    struggle_id = do_create_struggle(db, full_bundle(), actor="system:test")  # type: ignore[arg-type]
    with TestClient(create_app(settings, db)) as plain:  # type: ignore[arg-type]
        html = plain.get(f"/struggles/{struggle_id}").text
    assert '<ul class="evidence"' in html
    assert "<q>Coal miners</q>" in html
    assert 'href="https://news.example.org/alpha"' in html

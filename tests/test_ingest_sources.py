"""Ingest readers on files written here: text, HTML, mail, feeds, JSON Lines, folders, URLs.

The articles are invented for these tests.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from picketline.domain.dates import PartialDate
from picketline.domain.source import content_hash
from picketline.ingest.raw import IngestFailure, RawDocument, Reader, Target
from picketline.ingest.sources import (
    Overrides,
    iter_documents,
    register_reader,
    registered_readers,
)

STORY = (
    "Forty bus drivers at the Northgate depot in Eastfield stopped work on Monday, "
    "saying they had not been paid for two months. The drivers' union said the "
    "strike would continue until the wages owed were paid in full. "
)
ARTICLE = f"<p>{STORY}</p><p>{STORY.replace('Monday', 'Tuesday')}</p>"


def page(head: str = "", body: str = ARTICLE) -> str:
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>Drivers strike | Eastfield Post</title>"
        f"{head}</head><body><nav>Home News Sport</nav><article>{body}</article>"
        "<footer>Subscribe to our newsletter</footer></body></html>"
    )


def documents(location: str | Path, **kw: object) -> list[RawDocument]:
    items = list(iter_documents(location, **kw))  # type: ignore[arg-type]
    assert all(isinstance(i, RawDocument) for i in items), items
    return [i for i in items if isinstance(i, RawDocument)]


def failures(location: str | Path) -> list[IngestFailure]:
    return [i for i in iter_documents(location) if isinstance(i, IngestFailure)]


def test_plain_text_in_cp1251(tmp_path: Path) -> None:
    text = "Шахтёры шахты «Капитальная» отказались подниматься на поверхность."
    (tmp_path / "a.txt").write_bytes(text.encode("cp1251"))
    [doc] = documents(tmp_path / "a.txt")
    assert doc.text == text
    assert doc.content_hash == content_hash(text)
    assert doc.retrieved.tzinfo is not None
    assert doc.origin == str(tmp_path / "a.txt")


def test_html_with_date_in_meta_is_stated(tmp_path: Path) -> None:
    head = (
        '<meta property="article:published_time" content="2021-12-17T09:30:00+02:00">'
        '<link rel="canonical" href="https://post.example/drivers-strike">'
    )
    (tmp_path / "p.html").write_text(page(head), encoding="utf-8")
    [doc] = documents(tmp_path / "p.html")
    assert "Northgate depot" in doc.text
    assert "Subscribe" not in doc.text and "Home News" not in doc.text
    assert doc.title and "Drivers strike" in doc.title
    assert doc.url == "https://post.example/drivers-strike"
    assert doc.published == PartialDate(2021, 12, 17)
    assert doc.published_confidence == "stated"


def test_html_without_date_has_none_or_a_guess(tmp_path: Path) -> None:
    (tmp_path / "none.html").write_text(page(), encoding="utf-8")
    [doc] = documents(tmp_path / "none.html")
    assert doc.published is None and doc.published_confidence is None
    guessed = page(body=ARTICLE + "<p>Posted on 3 March 2022</p>")
    (tmp_path / "guess.html").write_text(guessed, encoding="utf-8")
    [doc] = documents(tmp_path / "guess.html")
    assert doc.published == PartialDate(2022, 3, 3)
    assert doc.published_confidence == "guessed"


def test_operator_date_replaces_a_guess_but_not_a_stated_date(tmp_path: Path) -> None:
    (tmp_path / "guess.html").write_text(page(body=ARTICLE + "<p>3 March 2022</p>"), "utf-8")
    over = Overrides(published=PartialDate(2022, 3, 4), outlet="Eastfield Post")
    [doc] = documents(tmp_path / "guess.html", overrides=over)
    assert (doc.published, doc.published_confidence) == (PartialDate(2022, 3, 4), "stated")
    assert doc.outlet == "Eastfield Post"


def test_deeply_nested_html_still_gives_its_text(tmp_path: Path) -> None:
    (tmp_path / "deep.html").write_text(
        "<html><body>" + "<div>" * 50_000 + STORY + "</div>" * 50_000 + "</body></html>"
    )
    [doc] = documents(tmp_path / "deep.html")
    assert "Northgate depot" in doc.text


EML_PLAIN = f"""From: Eastfield Alerts <alerts@post.example>
To: desk@example.org
Subject: Drivers strike at Northgate
Date: Tue, 14 Dec 2021 08:15:00 +0000
Message-ID: <plain-1@post.example>
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="XX"

--XX
Content-Type: text/plain; charset=utf-8

{STORY}
--XX
Content-Type: text/html; charset=utf-8

<html><body><p>HTML VERSION {STORY}</p></body></html>
--XX--
"""

EML_HTML_ONLY = f"""From: news@post.example
Subject: Depot strike continues
Date: Wed, 15 Dec 2021 10:00:00 +0200
Message-ID: <html-1@post.example>
MIME-Version: 1.0
Content-Type: text/html; charset=utf-8

{page()}
"""


def test_eml_prefers_the_text_part(tmp_path: Path) -> None:
    (tmp_path / "a.eml").write_text(EML_PLAIN)
    [doc] = documents(tmp_path / "a.eml")
    assert doc.text.startswith("Forty bus drivers") and "HTML VERSION" not in doc.text
    assert doc.title == "Drivers strike at Northgate"
    assert doc.origin == "<plain-1@post.example>"
    assert (doc.published, doc.published_confidence) == (PartialDate(2021, 12, 14), "stated")
    assert doc.outlet == "Eastfield Alerts"


def test_html_only_eml_goes_through_the_html_reader(tmp_path: Path) -> None:
    (tmp_path / "b.eml").write_text(EML_HTML_ONLY)
    [doc] = documents(tmp_path / "b.eml")
    assert "Northgate depot" in doc.text and "Subscribe" not in doc.text
    assert doc.published == PartialDate(2021, 12, 15)


def test_mbox_with_three_messages_and_an_escaped_from(tmp_path: Path) -> None:
    third = EML_PLAIN.replace("plain-1", "plain-3").replace(
        "\n--XX\nContent-Type: text/html",
        "\n>From the depot, more later.\n--XX\nContent-Type: text/html",
    )
    mbox = "".join(
        f"From sender@example Tue Dec 14 08:15:00 2021\n{msg}\n"
        for msg in (EML_PLAIN, EML_HTML_ONLY, third)
    )
    (tmp_path / "box.mbox").write_text(mbox)
    docs = documents(tmp_path / "box.mbox")
    assert [d.origin for d in docs] == [
        "<plain-1@post.example>",
        "<html-1@post.example>",
        "<plain-3@post.example>",
    ]
    assert "From the depot, more later." in docs[2].text


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Eastfield Post</title>
<id>urn:post</id><updated>2021-12-15T00:00:00Z</updated>
<entry><id>urn:post:1</id><title>Drivers strike</title>
<link href="https://post.example/1"/><published>2021-12-14T08:00:00Z</published>
<updated>2021-12-14T08:00:00Z</updated><summary>Short teaser.</summary>
<content type="html">&lt;p&gt;{story}&lt;/p&gt;</content></entry>
<entry><id>urn:post:2</id><title>Nurses rally</title>
<link href="https://post.example/2"/><updated>2021-12-15T09:00:00Z</updated>
<summary>Nurses rallied outside the hospital in Westbrook.</summary></entry>
</feed>""".replace("{story}", STORY)

RSS = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Westbrook Times</title>
<link>https://times.example</link><description>News</description><language>en-gb</language>
<item><title>Depot strike</title><link>https://times.example/a</link>
<pubDate>Thu, 16 Dec 2021 07:00:00 GMT</pubDate>
<description><![CDATA[<p>{STORY}</p>]]></description></item>
<item><title>Empty</title><link>https://times.example/b</link></item>
</channel></rss>"""


def test_atom_feed_entries(tmp_path: Path) -> None:
    (tmp_path / "feed.xml").write_text(ATOM)
    first, second = documents(tmp_path / "feed.xml")
    assert first.text.startswith("Forty bus drivers") and first.url == "https://post.example/1"
    assert first.published == PartialDate(2021, 12, 14) and first.outlet == "Eastfield Post"
    assert first.origin.endswith("#urn:post:1")
    assert second.text.startswith("Nurses rallied") and second.published == PartialDate(
        2021, 12, 15
    )


def test_rss_feed_with_an_empty_entry(tmp_path: Path) -> None:
    (tmp_path / "news.rss").write_text(RSS)
    items = list(iter_documents(tmp_path / "news.rss"))
    doc, failure = items
    assert isinstance(doc, RawDocument) and doc.language == "en"
    assert doc.published == PartialDate(2021, 12, 16) and "Northgate" in doc.text
    assert isinstance(failure, IngestFailure) and "no content" in failure.reason


def test_malformed_feed_is_one_failure(tmp_path: Path) -> None:
    (tmp_path / "bad.rss").write_text("<rss><channel><item><title>oops</ti")
    [failure] = failures(tmp_path / "bad.rss")
    assert "feed" in failure.reason


def test_jsonl_with_a_bad_line(tmp_path: Path) -> None:
    lines = [
        '{"id": "a1", "text": "Dockers walked out in Portsmouth.", "published": "2021-12"}',
        '{"id": "a2", "text": ',
        '{"id": "a3", "text": "Teachers picketed.", "url": "https://x.example/3",'
        ' "published": "2021-12-17T10:00:00+00:00"}',
        '{"id": "a4", "published": "2021"}',
    ]
    (tmp_path / "c.jsonl").write_text("\n".join(lines) + "\n")
    items = list(iter_documents(tmp_path / "c.jsonl"))
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["RawDocument", "IngestFailure", "RawDocument", "IngestFailure"]
    assert items[1].origin.endswith("c.jsonl:2") and items[3].origin.endswith(":4")
    assert isinstance(items[0], RawDocument) and items[0].published == PartialDate(2021, 12)
    assert isinstance(items[2], RawDocument) and items[2].published == PartialDate(2021, 12, 17)
    assert items[2].url == "https://x.example/3"


def test_folder_is_read_recursively_and_failures_do_not_stop_it(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "sub" / "b.html").write_text(page())
    (tmp_path / "sub" / "deeper" / "c.eml").write_text(EML_PLAIN)
    (tmp_path / "sub" / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "sub" / "scan.pdf").write_bytes(b"%PDF-1.4 ...")
    (tmp_path / ".hidden.txt").write_text("ignored")
    items = list(iter_documents(tmp_path))
    docs = [i for i in items if isinstance(i, RawDocument)]
    fails = [i for i in items if isinstance(i, IngestFailure)]
    assert len(docs) == 3
    assert sorted(Path(f.origin).name for f in fails) == ["binary.txt", "scan.pdf"]
    assert all(f.reason and "\n" not in f.reason for f in fails)


def test_missing_path_is_a_failure(tmp_path: Path) -> None:
    [failure] = failures(tmp_path / "nope.txt")
    assert failure.reason == "no such file or folder"


def test_a_third_party_reader_uses_the_same_registry(tmp_path: Path) -> None:
    def read_shout(target: Target) -> Iterator[RawDocument]:
        text = target.read_bytes().decode().upper()
        yield RawDocument(text=text, origin=target.origin, retrieved=dt.datetime.now(dt.UTC))

    register_reader(Reader(name="shout", read=read_shout, suffixes=(".shout",)))
    assert {"text", "html", "feed", "eml", "mbox", "jsonl", "shout"} <= {
        r.name for r in registered_readers()
    }
    (tmp_path / "a.shout").write_text("strike")
    [doc] = documents(tmp_path / "a.shout")
    assert doc.text == "STRIKE"


@pytest.fixture
def web_root(tmp_path: Path) -> Iterator[str]:
    """A local HTTP server (the network here is closed) serving a feed and a page."""
    (tmp_path / "feed").write_text(ATOM)
    (tmp_path / "story.html").write_text(page())
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_urls_of_a_feed_and_a_page(web_root: str) -> None:
    feed_docs = documents(f"{web_root}/feed")
    assert [d.url for d in feed_docs] == ["https://post.example/1", "https://post.example/2"]
    [page_doc] = documents(f"{web_root}/story.html")
    assert "Northgate depot" in page_doc.text
    assert page_doc.url == f"{web_root}/story.html"


def test_unreachable_url_and_404_are_failures(web_root: str) -> None:
    [missing] = failures(f"{web_root}/missing.html")
    assert missing.reason.startswith("HTTP 404")
    [closed] = list(iter_documents("http://127.0.0.1:9/x", timeout=2))
    assert isinstance(closed, IngestFailure) and closed.reason.startswith("cannot fetch")


def test_a_file_that_vanishes_during_a_run_is_a_failure(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_text(STORY + " Later.")
    (tmp_path / "c.txt").write_text(STORY + " Even later.")
    items = iter_documents(tmp_path)
    first = next(items)
    (tmp_path / "b.txt").unlink()
    rest = list(items)
    assert isinstance(first, RawDocument)
    assert [type(i).__name__ for i in rest] == ["IngestFailure", "RawDocument"]
    assert isinstance(rest[0], IngestFailure) and "vanished" in rest[0].reason


def test_cp1251_html_without_a_charset_declaration(tmp_path: Path) -> None:
    sentence = "Водители автобусов депо «Северное» не вышли на линию, требуя долги по зарплате. "
    body = f"<html><head><title>Забастовка</title></head><body><article><p>{sentence * 4}</p>"
    (tmp_path / "ru.html").write_bytes((body + "</article></body></html>").encode("cp1251"))
    [doc] = documents(tmp_path / "ru.html")
    assert doc.text.startswith("Водители автобусов") and doc.title == "Забастовка"

"""The static mirror: complete, self-contained, public-only and incremental.

Built from the web seed (demo struggles, one carrying known secrets, one full
of XSS payloads, hidden candidates) on SQLite and PostgreSQL. Every link in
every page must lead to a file of the mirror (or to the live site), no secret
may appear in any file, and the struggle pages rendered in batches must be
byte for byte what the app itself serves.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from fastapi.testclient import TestClient

from picketline.actions.resolution import do_merge_struggles
from picketline.db import Database
from picketline.publish.mirror import (
    LinkMap,
    MirrorScope,
    build_mirror,
    localise_links,
    published_ids,
)
from picketline.publish.mirror_files import MANIFEST, file_for, relative, relativise
from picketline.settings import Settings
from picketline.web.app import create_app
from tests.campaign_fixtures import open_campaign
from tests.db_fixtures import make_settings
from tests.web_fixtures import HIDDEN_TITLES, SECRETS, WebData, seed

LIVE = "https://picketline.example.org"
LINK = re.compile(r'(?:href|src|action)="([^"]*)"')


@dataclass
class Built:
    """A mirror built once for the read-only tests of this module (SQLite)."""

    root: Path
    data: WebData
    settings: Settings


@pytest.fixture(scope="module")
def built(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    base = tmp_path_factory.mktemp("mirror-module")
    settings = make_settings(base / "data")
    settings.data_dir.mkdir(parents=True)
    shutil.copyfile(sqlite_template, settings.data_dir / "picketline.sqlite3")
    db = Database.open(settings)
    data = seed(db)
    open_campaign(db, "pay-the-miners")
    data.published_ids = set(published_ids(db))  # the campaign's struggle too
    report = build_mirror(db, settings, base / "mirror", live_url=LIVE)
    assert report.counts.written > 0 and report.counts.removed == 0
    assert report.struggles == len(data.published_ids)
    yield Built(base / "mirror", data, settings)
    db.close()


@pytest.fixture
def mirror(built: Built) -> Path:
    return built.root


@pytest.fixture
def mirrored_data(built: Built) -> WebData:
    return built.data


@pytest.fixture
def fresh_mirror(web_data: WebData, settings: Settings, tmp_path: Path) -> Path:
    """A mirror of this test's own database (SQLite and PostgreSQL), to change and rebuild."""
    out = tmp_path / "mirror"
    report = build_mirror(web_data.db, settings, out, live_url=LIVE)
    assert report.counts.written > 0 and report.counts.removed == 0
    return out


def html_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))


def test_mirror_has_every_language_page_and_struggle(mirror: Path, mirrored_data: WebData) -> None:
    for prefix, language in (("", "en"), ("ru/", "ru"), ("uk/", "uk")):
        home = (mirror / f"{prefix}index.html").read_text(encoding="utf-8")
        assert f'<html lang="{language}">' in home
        assert (mirror / f"{prefix}search/index.html").exists()
        for struggle_id in mirrored_data.published_ids:
            assert (mirror / f"{prefix}struggles/{struggle_id}/index.html").exists()
        for struggle_id in mirrored_data.hidden_ids:
            assert not (mirror / f"{prefix}struggles/{struggle_id}").exists()
    for name in ("search/index-en.js", "search/index-ru.js", "search/index-uk.js"):
        assert (mirror / name).stat().st_size > 100
    assert (mirror / "static/style.css").exists()
    assert (mirror / "static/mirror-search.js").exists()


def test_every_link_leads_to_a_file_of_the_mirror(mirror: Path) -> None:
    """No root-absolute link is left, and every relative one names an existing file."""
    broken: list[str] = []
    for page in html_files(mirror):
        html = page.read_text(encoding="utf-8")
        for url in LINK.findall(html):
            url = url.replace("&amp;", "&")
            if url.startswith(("http://", "https://", "#", "?", "mailto:")) or url == "":
                continue
            assert not url.startswith("/"), f"{page}: root-absolute link {url}"
            target = (page.parent / unquote(urlsplit(url).path)).resolve()
            if not target.is_file():
                broken.append(f"{page.relative_to(mirror)} → {url}")
    assert broken == []


def test_nothing_hidden_or_sensitive_is_in_the_mirror(mirror: Path) -> None:
    """The seed's secrets (names, contacts, notes, a reporter's email) and hidden titles."""
    needles = [s.encode() for s in (*SECRETS, *HIDDEN_TITLES)]
    for path in mirror.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            for needle in needles:
                assert needle not in content, f"{needle!r} leaked into {path}"


def test_xss_payloads_stay_inert_in_the_mirror(mirror: Path, mirrored_data: WebData) -> None:
    page = (mirror / f"struggles/{mirrored_data.xss_id}/index.html").read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in page
    assert "&lt;script&gt;" in page
    index = (mirror / "search/index-en.js").read_text(encoding="utf-8")
    assert "</script>" not in index.lower()  # data, never markup, even if pasted inline


def test_batched_struggle_pages_equal_the_apps_pages(mirror: Path, built: Built) -> None:
    """The mirror renders struggle pages without the app; they must not drift from it."""
    web_data = built.data
    links = LinkMap(set(web_data.published_ids), LIVE)
    app = create_app(built.settings, web_data.db)
    with TestClient(MirrorScope(app, LIVE)) as client:
        for prefix in ("", "/ru", "/uk"):
            for struggle_id in (web_data.secret_id, web_data.xss_id):
                path = f"{prefix}/struggles/{struggle_id}"
                served = client.get(path)
                assert served.status_code == 200
                localised = localise_links(served.text, file_for(path))
                expected = relativise(localised, file_for(path), links.resolve, links.outside)
                assert (mirror / file_for(path)).read_text(encoding="utf-8") == expected


def test_forms_that_need_the_server_point_to_the_live_site(mirror: Path) -> None:
    home = (mirror / "index.html").read_text(encoding="utf-8")
    for url in LINK.findall(home):
        if "/login" in url or "/api/" in url:
            assert url.startswith(LIVE)


def test_search_index_lists_published_struggles_per_language(
    mirror: Path, mirrored_data: WebData
) -> None:
    english = (mirror / "search/index-en.js").read_text(encoding="utf-8")
    russian = (mirror / "search/index-ru.js").read_text(encoding="utf-8")
    assert english.startswith("window.PICKETLINE_SEARCH=")
    assert "Abashevskaya miners strike over unpaid wages" in english
    assert '"RU":"Russia"' in english
    assert '"RU":"Россия"' in russian
    assert '"strike":"Забастовка"' in russian
    ids = {int(i) for i in re.findall(r"\[(\d+),", english)}
    assert mirrored_data.published_ids <= ids
    assert not ids & mirrored_data.hidden_ids


def test_second_run_rewrites_only_what_changed(
    fresh_mirror: Path, web_data: WebData, settings: Settings
) -> None:
    mirror = fresh_mirror
    own = mirror / "CNAME"  # a host's own file: never listed in the manifest, never removed
    own.write_text("mirror.example.org\n", encoding="utf-8")
    again = build_mirror(web_data.db, settings, mirror, live_url=LIVE)
    assert again.counts.removed == 0
    assert again.counts.written == 0, "an unchanged record must not rewrite any file"
    assert again.counts.unchanged > 3 * len(web_data.published_ids)

    ids = sorted(web_data.published_ids - {web_data.secret_id, web_data.xss_id})
    target, gone = ids[0], ids[1]
    do_merge_struggles(web_data.db, target, gone, actor="system:test", reason="same strike")
    third = build_mirror(web_data.db, settings, mirror, live_url=LIVE)
    for prefix in ("", "ru/", "uk/"):
        assert not (mirror / f"{prefix}struggles/{gone}").exists()
    assert third.counts.removed >= 3  # its page in each language (and a map cell, a list page)
    assert 0 < third.counts.written < again.counts.unchanged // 2
    assert own.exists() and (mirror / MANIFEST).exists()


@pytest.mark.parametrize(
    ("page", "target", "expected"),
    [
        ("index.html", "struggles/7/index.html", "struggles/7/index.html"),
        ("ru/struggles/7/index.html", "static/style.css", "../../../static/style.css"),
        ("struggles/page-2/index.html", "index.html", "../../index.html"),
    ],
)
def test_relative_links(page: str, target: str, expected: str) -> None:
    assert relative(page, target) == expected


def test_without_a_live_site_links_stay_inside_the_mirror(
    web_data: WebData, settings: Settings, tmp_path: Path
) -> None:
    out = tmp_path / "offline"
    build_mirror(web_data.db, settings, out, live_url=None)
    for page in (out / "index.html", out / "ru/index.html"):
        for url in LINK.findall(page.read_text(encoding="utf-8")):
            assert not url.startswith(("/", "http://127.0.0.1")), url


def test_campaign_pages_are_mirrored_without_their_form(mirror: Path) -> None:
    """The pledge form needs the server: the mirror shows a note linking to the live site."""
    for prefix in ("", "ru/", "uk/"):
        page = (mirror / f"{prefix}campaigns/pay-the-miners/index.html").read_text(encoding="utf-8")
        assert "Kapitalna Coal Company" in page
        assert 'method="post"' not in page
        assert f'href="{LIVE}/' in page


def test_worker_processes_write_the_same_mirror(built: Built, tmp_path: Path) -> None:
    """Struggle pages and language crawls in worker processes: the same files, byte for byte."""
    import json

    parallel = tmp_path / "parallel"
    report = build_mirror(built.data.db, built.settings, parallel, live_url=LIVE, workers=2)
    assert report.notes == []
    one = json.loads((built.root / MANIFEST).read_text(encoding="utf-8"))
    two = json.loads((parallel / MANIFEST).read_text(encoding="utf-8"))
    assert set(one) == set(two)
    differing = sorted(path for path in one if one[path] != two[path])
    assert differing == []

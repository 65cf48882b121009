"""Translations: every interface string in Russian and Ukrainian, the language per request.

The completeness test extracts the strings afresh from the templates' and the
web code's ``_()``/``ngettext``/``N_`` calls (as ``babel.cfg`` says), so a new
string nobody translated fails here, not silently in production.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from picketline.domain import vocab
from picketline.web import i18n
from picketline.web.vocab_labels import SECTOR_LABELS, VOCAB_LABELS
from tests.conftest import REPO_ROOT
from tests.web_fixtures import WebData

TRANSLATED = ("ru", "uk")
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


@lru_cache(maxsize=1)
def extracted_messages() -> dict[str, tuple[str, ...]]:
    """Every msgid (and its plural) the sources use now, by babel.cfg's rules."""
    with (REPO_ROOT / "babel.cfg").open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
    found: dict[str, tuple[str, ...]] = {}
    for _file, _line, message, _comments, _context in extract_from_dir(
        REPO_ROOT, method_map, options_map, keywords=keywords
    ):
        ids = message if isinstance(message, tuple) else (message,)
        if ids and ids[0]:
            found[ids[0]] = tuple(ids)
    return found


def catalogue(language: str) -> dict[str, tuple[str, ...]]:
    path = i18n.LOCALE_DIR / language / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as po_file:
        catalog = read_po(po_file, locale=language)
    out: dict[str, tuple[str, ...]] = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        out[key] = tuple(strings)
    return out


def test_extraction_finds_template_and_code_strings() -> None:
    messages = extracted_messages()
    assert "Skip to content" in messages  # base.html
    assert "Hunger strike" in messages  # vocab_labels.py
    assert len(messages) > 80


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_interface_string_is_translated(language: str) -> None:
    """A string added to a template without a translation fails here, naming it."""
    translated = catalogue(language)
    missing = [m for m in extracted_messages() if not all(translated.get(m, ("",)))]
    assert missing == [], (
        f"{len(missing)} strings have no {language} translation; run the extraction in "
        f"babel.cfg and translate them in picketline/locale/{language}: {missing[:20]}"
    )


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_their_placeholders(language: str) -> None:
    """A translation that drops or renames %(name)s would crash or lose a value."""
    for msgid, strings in catalogue(language).items():
        wanted = set(PLACEHOLDER.findall(msgid))
        for text in strings:
            if text:
                assert set(PLACEHOLDER.findall(text)) <= wanted | {"num"}, (msgid, text)
                assert wanted - {"num"} <= set(PLACEHOLDER.findall(text)), (msgid, text)


def test_the_pot_file_is_current() -> None:
    """messages.pot lists what the sources use (regenerate it with babel.cfg's command)."""
    with (i18n.LOCALE_DIR / "messages.pot").open("rb") as pot_file:
        pot = {m.id[0] if isinstance(m.id, tuple) else m.id for m in read_po(pot_file) if m.id}
    assert set(extracted_messages()) - pot == set()


def test_every_vocabulary_code_has_a_label() -> None:
    enums = (vocab.Action, vocab.Demand, vocab.Outcome, vocab.RepressionType, vocab.EventKind)
    codes = {member.value for enum in enums for member in enum}
    assert codes - set(VOCAB_LABELS) == set()
    assert {s.value for s in vocab.Sector} == set(SECTOR_LABELS)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, "en"),
        ("", "en"),
        ("ru", "ru"),
        ("uk-UA,uk;q=0.9,en;q=0.8", "uk"),
        ("de-DE,de;q=0.9,ru;q=0.5,en;q=0.3", "ru"),
        ("en;q=0.4,ru;q=0.6", "ru"),
        ("fr, de", "en"),
        ("ru;q=0, uk;q=0.1", "uk"),
        ("RU_ru", "ru"),
        ("ru;q=abc, uk", "uk"),  # a malformed weight drops that range only
        ("ru;q=1e999", "en"),  # out of range: ignored
        ("ru;q=nan", "en"),
        (";;;,,,=;q", "en"),
        ("\x00\xff\u2028ru", "en"),
        ("*", "en"),
        ("en, " * 5000 + "ru", "en"),  # capped: the ru at the end is never read
    ],
)
def test_negotiate_accept_language(header: str | None, expected: str) -> None:
    assert i18n.negotiate(header) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=2000))
def test_negotiate_never_fails(header: str) -> None:
    assert i18n.negotiate(header) in i18n.LANGUAGES


def test_russian_prefix_translates_the_page_and_keeps_the_prefix(
    client: TestClient, web_data: WebData
) -> None:
    response = client.get(f"/ru/struggles/{web_data.secret_id}")
    assert response.status_code == 200
    html = response.text
    assert '<html lang="ru">' in html
    assert "Перейти к содержанию" in html  # skip link
    assert "Забастовка" in html  # the action label
    assert "Россия" in html  # the country name from CLDR
    assert 'href="/ru/"' in html  # home link keeps the language
    assert 'href="/static/style.css"' in html  # assets are shared by every language
    assert response.headers["content-language"] == "ru"


def test_ukrainian_home_and_switcher(client: TestClient) -> None:
    html = client.get("/uk/").text
    assert '<html lang="uk">' in html
    assert "Перейти до змісту" in html
    assert 'href="/en/" hreflang="en"' in html
    assert 'href="/ru/" hreflang="ru"' in html
    assert 'href="/uk/" hreflang="uk" lang="uk" aria-current="true"' in html


def test_switcher_links_to_the_same_page_with_its_query(client: TestClient) -> None:
    html = client.get("/ru/?q=miners").text
    assert 'href="/uk/?q=miners"' in html
    assert 'href="/en/?q=miners"' in html


def test_prefix_without_slash_is_the_home_page(client: TestClient) -> None:
    response = client.get("/uk")
    assert response.status_code == 200
    assert '<html lang="uk">' in response.text


def test_accept_language_chooses_the_language_of_unprefixed_pages(client: TestClient) -> None:
    response = client.get("/", headers={"Accept-Language": "uk-UA,uk;q=0.9"})
    assert response.status_code == 200
    assert '<html lang="uk">' in response.text
    assert "Accept-Language" in response.headers["vary"]
    english = client.get("/", headers={"Accept-Language": "de"})
    assert '<html lang="en">' in english.text


@pytest.mark.parametrize(
    "header",
    [
        "ru;" * 20000,  # 60 KB of one repeated range
        "q=" + "9" * 5000,
        "ru;q=0.5;q=zz;;==,,;uk-" + "x" * 3000,
        "\u00ff\u00e9\u00a0ru-\u00ff",  # bytes that are not ASCII
    ],
)
def test_crafted_accept_language_never_breaks_a_page(client: TestClient, header: str) -> None:
    """A hostile header gets an ordinary page in some language, never a server error."""
    response = client.get("/", headers={"Accept-Language": header.encode("latin-1")})
    assert response.status_code == 200
    assert "<html lang=" in response.text


@pytest.mark.parametrize(
    "path", ["/xx/", "/de/struggles/1", "/ru/nowhere", "/rus/", "/ru//", "/ru/%00", "/RU/"]
)
def test_unknown_language_or_page_is_a_404_page(client: TestClient, path: str) -> None:
    """An unknown prefix is an unknown page: a readable 404, not a server error."""
    response = client.get(path)
    assert response.status_code == 404
    assert "<h1>" in response.text


def test_404_page_is_in_the_requested_language(client: TestClient) -> None:
    response = client.get("/uk/struggles/987654321")
    assert response.status_code == 404
    assert "Не знайдено" in response.text
    assert "До всіх конфліктів" in response.text


def test_api_is_reachable_and_unchanged_under_a_prefix(client: TestClient) -> None:
    plain = client.get("/api/v1/struggles?limit=1")
    assert plain.status_code == 200
    assert "content-language" in plain.headers


def test_dates_and_numbers_follow_the_language() -> None:
    from picketline.web.pages.render import human_date, number

    token = i18n.set_language("ru")
    try:
        assert human_date("2020-06") == "июнь 2020\u202fг."
        assert human_date("2020-06-16") == "16 июня 2020\u202fг."
        assert human_date("2020-02-30") == "2020-02-30"  # impossible: shown as given
        assert number(12345) == "12\xa0345"
    finally:
        i18n.reset_language(token)
    assert human_date("2020-06-16") == "16 June 2020"


def test_catalogue_files_are_packaged() -> None:
    pyproject = (REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"**/*.po"' in pyproject
    assert Path(i18n.LOCALE_DIR / "ru" / "LC_MESSAGES" / "messages.po").exists()


def test_url_path_keeps_the_language_of_the_request(client: TestClient) -> None:
    """The helper for links built in Python: the prefix stays, assets stay shared."""
    from starlette.requests import Request

    app = client.app
    scope = {
        "type": "http",
        "path": "/uk/struggles",
        "root_path": "/uk",
        "app": app,
        i18n.SCOPE_BASE_ROOT: "",
    }
    request = Request(scope)
    assert i18n.url_path(request, "home") == "/uk/"
    assert i18n.url_path(request, "static", path="style.css") == "/static/style.css"

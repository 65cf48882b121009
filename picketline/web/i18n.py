"""The interface language of a request: English, Russian or Ukrainian.

The language comes from a URL prefix (``/ru/...``, ``/uk/...``, ``/en/...``)
so a page in one language is one shareable address; without a prefix it is
negotiated from ``Accept-Language`` (English when nothing matches). A small
ASGI middleware decides it once per request, moves the prefix into
``root_path`` (so routing, ``url_for`` and ``path_for`` keep it without any
route knowing), and sets a context variable that the template globals ``_``
and ``ngettext`` read.

Catalogues are the ``.po`` files under ``picketline/locale``; they are
compiled in memory on first use (no build step a fresh checkout could lack).
"""

from __future__ import annotations

import contextvars
import gettext as gettext_module
import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES = ("en", "ru", "uk")
DEFAULT_LANGUAGE = "en"
LANGUAGE_NAMES = {"en": "English", "ru": "Русский", "uk": "Українська"}
"""Each language in its own words: a reader looks for the name they can read."""

MAX_ACCEPT_LANGUAGE = 512
"""Longer headers are cut: nobody's browser sends more, a crafted one may."""
MAX_LANGUAGE_RANGES = 16

# Paths that are the same in every language: assets, data and machine formats.
NEUTRAL_PREFIXES = ("/static/", "/api/", "/openapi.json", "/healthz", "/feeds/", "/exports/")

# Scope keys this middleware sets for the rest of the app.
SCOPE_LANGUAGE = "picketline.language"
SCOPE_PREFIXED = "picketline.language_prefixed"
SCOPE_BASE_ROOT = "picketline.base_root"
SCOPE_MIRROR = "picketline.mirror"
"""Set by the static mirror: pages replace server-only forms with a note."""

_language: contextvars.ContextVar[str] = contextvars.ContextVar(
    "picketline_language", default=DEFAULT_LANGUAGE
)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it here (it is translated later)."""
    return message


# --- catalogues -------------------------------------------------------------


@lru_cache(maxsize=len(LANGUAGES))
def translations(language: str) -> gettext_module.NullTranslations:
    """The compiled catalogue of ``language`` (English and unknown ones: identity)."""
    po_path = LOCALE_DIR / language / "LC_MESSAGES" / "messages.po"
    if language == DEFAULT_LANGUAGE or not po_path.exists():
        return gettext_module.NullTranslations()
    with po_path.open("rb") as po_file:
        catalog = read_po(po_file, locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext_module.GNUTranslations(buffer)


def current_language() -> str:
    """The language of the request being handled (English outside a request)."""
    return _language.get()


def set_language(language: str) -> contextvars.Token[str]:
    """Switch the current language (the middleware and the mirror use this)."""
    return _language.set(language if language in LANGUAGES else DEFAULT_LANGUAGE)


def reset_language(token: contextvars.Token[str]) -> None:
    _language.reset(token)


def gettext(message: str, **values: Any) -> str:
    """``message`` in the current language, with ``%(name)s`` values filled in."""
    text = translations(_language.get()).gettext(message)
    return text % values if values else text


def ngettext(singular: str, plural: str, n: int, **values: Any) -> str:
    """The form of ``singular``/``plural`` for ``n`` (``%(num)s`` is ``n``)."""
    text = translations(_language.get()).ngettext(singular, plural, n)
    return text % {"num": n, **values}


@lru_cache(maxsize=len(LANGUAGES))
def babel_locale(language: str) -> Locale:
    return Locale.parse(language)


# --- negotiation ------------------------------------------------------------


def negotiate(header: str | None) -> str:
    """The best of our languages for an ``Accept-Language`` header; English by default.

    Robust against anything a client may send: the header is cut to
    ``MAX_ACCEPT_LANGUAGE`` characters and ``MAX_LANGUAGE_RANGES`` ranges, and
    a range or weight that does not parse is skipped, never an error.
    """
    if not header:
        return DEFAULT_LANGUAGE
    best, best_weight = DEFAULT_LANGUAGE, 0.0
    for order, item in enumerate(header[:MAX_ACCEPT_LANGUAGE].split(",")[:MAX_LANGUAGE_RANGES]):
        tag, _, params = item.strip().partition(";")
        primary = tag.strip().lower().replace("_", "-").split("-")[0]
        if primary not in LANGUAGES:
            continue
        weight = _weight(params) - order * 1e-6  # earlier wins a tie
        if weight > best_weight:
            best, best_weight = primary, weight
    return best


def _weight(params: str) -> float:
    """The ``q`` of a language range: 1 when absent, 0 when malformed or out of range."""
    for param in params.split(";"):
        name, _, value = param.strip().partition("=")
        if name.strip().lower() == "q":
            try:
                weight = float(value.strip()[:6])
            except ValueError:
                return 0.0
            return weight if 0.0 < weight <= 1.0 else 0.0
    return 1.0


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return str(value.decode("latin-1"))
    return None


def route_path(scope: Scope) -> str:
    """The path below ``root_path`` (what the router matches)."""
    path: str = scope.get("path", "")
    root: str = scope.get("root_path", "")
    return path[len(root) :] if root and path.startswith(root) else path


# --- middleware -------------------------------------------------------------


class LocaleMiddleware:
    """Decide the language of each HTTP request and move its URL prefix into ``root_path``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        scope = dict(scope)
        base_root = scope.get("root_path", "")
        language = prefixed_language(route_path(scope))
        scope[SCOPE_BASE_ROOT] = base_root
        scope[SCOPE_PREFIXED] = language is not None
        if language is not None:
            if route_path(scope) == f"/{language}":  # /ru is the home page, like /ru/
                scope["path"] = scope["path"] + "/"
                scope["raw_path"] = scope["path"].encode()
            scope["root_path"] = f"{base_root}/{language}"
        else:
            language = negotiate(_header(scope, b"accept-language"))
        scope[SCOPE_LANGUAGE] = language
        prefixed = scope[SCOPE_PREFIXED]

        async def send_with_language(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("Content-Language", language)
                if not prefixed:
                    headers.add_vary_header("Accept-Language")
            await send(message)

        token = set_language(language)
        try:
            await self.app(scope, receive, send_with_language)
        finally:
            reset_language(token)


def prefixed_language(path: str) -> str | None:
    """``ru`` for ``/ru`` and ``/ru/...``; ``None`` when the path has no language prefix."""
    for language in LANGUAGES:
        if path == f"/{language}" or path.startswith(f"/{language}/"):
            return language
    return None


# --- links ------------------------------------------------------------------


def is_neutral(path: str) -> bool:
    """Paths that need no language prefix (assets, API, feeds, exports)."""
    return path.startswith(NEUTRAL_PREFIXES)


def localised_path(scope: Scope, path: str) -> str:
    """``path`` (a route path) as a link from this request: its language prefix kept."""
    if is_neutral(path):
        return str(scope.get(SCOPE_BASE_ROOT, scope.get("root_path", ""))) + path
    return str(scope.get("root_path", "")) + path


def url_path(request: Any, name: str, /, **params: Any) -> str:
    """A route's path for links and redirects built in Python, keeping the language prefix.

    ``request.app.url_path_for(...)`` gives ``/struggles`` on a ``/ru/`` page,
    which sends a reader who chose Russian back to their browser's language;
    this gives ``/ru/struggles`` (and ``/static/...`` unprefixed).
    """
    return localised_path(request.scope, str(request.app.url_path_for(name, **params)))


@dataclass(frozen=True)
class LanguageLink:
    """One entry of the language switcher."""

    code: str
    name: str
    href: str
    current: bool


def language_links(scope: Scope) -> list[LanguageLink]:
    """The same page in each language (the static mirror keeps English at its root)."""
    base = str(scope.get(SCOPE_BASE_ROOT, ""))
    here = route_path(scope) or "/"
    query = scope.get("query_string", b"")
    suffix = here + ("?" + query.decode("latin-1") if query else "")
    current = scope.get(SCOPE_LANGUAGE, DEFAULT_LANGUAGE)
    links = []
    for code in LANGUAGES:
        unprefixed = code == DEFAULT_LANGUAGE and scope.get(SCOPE_MIRROR)
        href = base + suffix if unprefixed else f"{base}/{code}{suffix}"
        links.append(LanguageLink(code, LANGUAGE_NAMES[code], href, code == current))
    return links

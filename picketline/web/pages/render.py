"""The Jinja2 environment of the public pages and the filters its templates use.

Autoescaping is switched on for every template, explicitly rather than by file
extension, because struggle titles, names and descriptions come from scraped
articles and site submissions: any of them may contain markup.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal
from fastapi.templating import Jinja2Templates

from picketline.web import i18n
from picketline.web.api.schemas import ParticipantsOut, PlaceOut, StruggleOut
from picketline.web.auth import template_globals as auth_template_globals
from picketline.web.i18n import gettext as _
from picketline.web.vocab_labels import SECTOR_LABELS, VOCAB_LABELS

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"


def label(code: str | None) -> str:
    """A vocabulary code in the reader's language: ``hunger_strike`` → ``Hunger strike``."""
    if not code:
        return ""
    known = VOCAB_LABELS.get(str(code))
    if known is not None:
        return _(known)
    words = str(code).replace("_", " ")
    return words[:1].upper() + words[1:]


def sector_label(code: str | None) -> str:
    """The ISIC section's name, e.g. ``B`` → ``Mining and quarrying`` (translated)."""
    if not code:
        return ""
    known = SECTOR_LABELS.get(str(code))
    return _(known) if known is not None else str(code)


@lru_cache(maxsize=len(i18n.LANGUAGES))
def _country_names(language: str) -> dict[str, str]:
    """Country names from the CLDR data babel ships, in ``language``."""
    return dict(i18n.babel_locale(language).territories)


def country_name(code: str | None) -> str:
    """An ISO 3166-1 alpha-2 code as a country's name in the reader's language."""
    if not code:
        return ""
    return _country_names(i18n.current_language()).get(code.upper(), code)


@lru_cache(maxsize=4096)
def _human_date(value: str, language: str) -> str:
    parts = value.split("-")
    try:
        day = date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, 1)
        if len(parts) == 1:
            return parts[0]
        locale = i18n.babel_locale(language)
        english = language == i18n.DEFAULT_LANGUAGE  # "16 June 2020", as before
        if len(parts) == 2:
            return (
                format_skeleton("yMMMM", day, locale=locale)
                if not english
                else (format_date(day, "MMMM y", locale=locale))
            )
        day = day.replace(day=int(parts[2]))
        return format_date(day, "d MMMM y" if english else "long", locale=locale)
    except (ValueError, IndexError):
        return value


def human_date(value: str | None) -> str:
    """A partial ISO date for reading: ``2020-06`` → ``June 2020``; a day keeps its day."""
    if not value:
        return ""
    return _human_date(str(value), i18n.current_language())


def number(value: int | float | None) -> str:
    """A number with the reader's digit grouping: ``12,345`` or ``12 345``."""
    if value is None:
        return ""
    return str(format_decimal(value, locale=i18n.babel_locale(i18n.current_language())))


def place_line(place: PlaceOut | None) -> str:
    """``Name, Region, Country`` without repeating a part that equals the name."""
    if place is None:
        return ""
    parts = [place.name]
    for extra in (place.admin1, country_name(place.country)):
        if extra and extra not in parts:
            parts.append(extra)
    return ", ".join(parts)


def headcount(value: ParticipantsOut | None) -> str:
    """A head count as the sources gave it: ``at least 100``, ``about 25``, ``100–200``."""
    if value is None:
        return ""
    if value.min is not None and value.max is not None:
        low, high = number(value.min), number(value.max)
        return low if value.min == value.max else f"{low}–{high}"
    if value.min is not None:
        return _("at least %(num)s", num=number(value.min))
    return _("up to %(num)s", num=number(value.max))


def display_title(struggle: StruggleOut) -> str:
    """The stored title, or one made of the action, workers and workplace."""
    if struggle.title:
        return struggle.title
    what = label(struggle.actions[0]) if struggle.actions else _("Struggle")
    who = struggle.workers or struggle.workplace or struggle.employer
    where = struggle.place.name if struggle.place else None
    if who and where:
        return _("%(what)s by %(who)s in %(where)s", what=what, who=who, where=where)
    if who:
        return _("%(what)s by %(who)s", what=what, who=who)
    if where:
        return _("%(what)s in %(where)s", what=what, where=where)
    return what


def safe_url(url: str | None) -> str | None:
    """The URL if it is plain http(s); ``None`` for ``javascript:`` and the like.

    Escaping stops markup, not a hostile scheme in ``href``; this stops that.
    """
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in {"http", "https"} else None


@jinja2.pass_context
def path_for(context: Mapping[str, Any], name: str, /, **params: Any) -> str:
    """A route's path (not an absolute URL), so links survive proxies and other hosts.

    The page's language prefix is kept (``/ru/struggles/7``) except for paths that
    are the same in every language (static files, API, feeds, exports).
    """
    request = context["request"]
    return i18n.localised_path(request.scope, route_path(request.app, name, params))


PATH_CACHE_SIZE = 20_000


def route_path(app: Any, name: str, params: Mapping[str, Any]) -> str:
    """``app.url_path_for`` remembered per app: routes never change once the app is built.

    FastAPI's lookup walks every route (a third of a millisecond with this
    app's routes); a page asks a dozen times, the static mirror a million.
    """
    cache: dict[tuple[Any, ...], str] | None = getattr(app.state, "route_paths", None)
    if cache is None or len(cache) > PATH_CACHE_SIZE:
        cache = app.state.route_paths = {}
    key = (name, *sorted(params.items()))
    found = cache.get(key)
    if found is None:
        found = cache[key] = str(app.url_path_for(name, **params))
    return found


@jinja2.pass_context
def language_links(context: Mapping[str, Any]) -> list[i18n.LanguageLink]:
    """The language switcher's links: this page in each language."""
    return i18n.language_links(context["request"].scope)


@jinja2.pass_context
def in_mirror(context: Mapping[str, Any]) -> bool:
    """True while the static mirror renders: forms that need the server become notes."""
    return bool(context["request"].scope.get(i18n.SCOPE_MIRROR))


@jinja2.pass_context
def live_url(context: Mapping[str, Any]) -> str | None:
    """The live site's address in the static mirror (``None`` if not configured)."""
    value = context["request"].scope.get(i18n.SCOPE_MIRROR)
    return value if isinstance(value, str) and value else None


FILTERS = {
    "label": label,
    "sector_label": sector_label,
    "country_name": country_name,
    "human_date": human_date,
    "place_line": place_line,
    "headcount": headcount,
    "display_title": display_title,
    "number": number,
    "safe_url": safe_url,
}


def build_templates() -> Jinja2Templates:
    """Templates with autoescaping forced on and undefined names raising errors."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(FILTERS)
    env.globals["path_for"] = path_for
    env.globals.update(auth_template_globals())  # csrf_input(), signed_in(), can()
    # Translations: every user-facing string in a template is {{ _("...") }},
    # translated into the request's language (picketline/web/i18n.py).
    env.globals["_"] = i18n.gettext
    env.globals["gettext"] = i18n.gettext
    env.globals["ngettext"] = i18n.ngettext
    env.globals["current_language"] = i18n.current_language
    env.globals["language_links"] = language_links
    env.globals["in_mirror"] = in_mirror
    env.globals["live_url"] = live_url
    return Jinja2Templates(env=env)

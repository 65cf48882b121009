"""How fast the place stage starts and runs, and how much memory it takes.

Measures, each in a fresh interpreter where start-up matters:

- cold start: building the gazetteer index from the packaged sources into an
  empty cache directory (paid once per machine and source version; only with
  ``--cold``, it takes a minute);
- warm start: importing the stage and opening the cached index (paid by every
  process; target well under 1 s of the extractor's 5 s budget);
- peak resident memory of a process that loaded the stage and ran it
  (target: a small part of the extractor's 1 GB);
- throughput: mentions and characters per second over the public annotated
  articles (read in place from ``../shared/eval``) and over generated
  sentences in three languages, ``--copies`` times over.

    python -m bench.bench_places [--cold] [--copies 20]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED_EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"

_TEMPLATES = {
    "en": [
        "Workers in {} walked out over unpaid wages.",
        "The strike in {} entered its third week.",
        "Nurses from {} joined the picket line on Monday.",
    ],
    "ru": ["Рабочие в {} объявили забастовку.", "Шахтёры из {} отказались спускаться в забой."],
    "uk": ["Гірники в {} оголосили страйк.", "Медики з {} вийшли на мітинг."],
}
_NAMES = {
    "en": [
        "Kentucky",
        "Holyrood",
        "Odessa, Ukraine",
        "West Cumbria",
        "Antratsyt",
        "Kemerovo Oblast",
    ],
    "ru": ["Антраците", "Кемеровской области", "Луганске", "Нью-Йорке", "Кузбассе"],
    "uk": ["Мирнограді", "Антрациті", "Києві", "Луганщині", "Донеччині"],
}

_STARTUP = """
import resource, sys, time
started = time.perf_counter()
from pathlib import Path
from picketline.extract.gazetteer import Gazetteer
from picketline.extract.places import PlaceStage, find_places
imported = time.perf_counter()
cache = Path(sys.argv[1]) if len(sys.argv) > 1 else None
stage = PlaceStage(Gazetteer.load(cache))
opened = time.perf_counter()
find_places("Шахтёры в Антраците и горняки Кентукки бастуют.", "ru", gazetteer=stage.gazetteer)
find_places("Гірники в Антрациті страйкують.", "uk", gazetteer=stage.gazetteer)
first = time.perf_counter()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(imported - started, opened - imported, first - opened, rss)
"""


def startup(cache_dir: str | None) -> list[float]:
    """Seconds to import, to open the index, for the first ru+uk calls; peak RSS (MB).

    Importing ``picketline.extract.*`` runs the package's ``__init__``, which
    imports the whole pipeline: that share is the pipeline's, not this stage's.
    The first calls load pymorphy3's ru and uk dictionaries.
    """
    args = [sys.executable, "-c", _STARTUP] + ([cache_dir] if cache_dir else [])
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout.split()
    return [float(x) for x in out]


def report(label: str, figures: list[float]) -> None:
    imported, opened, first, rss = figures
    print(
        f"{label}: import {imported:6.2f} s  open index {opened:6.2f} s  "
        f"first ru+uk calls {first:5.2f} s  peak RSS {rss:5.0f} MB"
    )


def documents(copies: int) -> list[tuple[str, str | None]]:
    """The annotated articles (if present) and generated sentences, ``copies`` times."""
    docs: list[tuple[str, str | None]] = []
    for path in sorted((SHARED_EVAL / "public").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (path.parent / gold["document"]["text_file"]).read_text(encoding="utf-8")
        docs.append((text, gold["document"]["language"]))
    rng = random.Random(7)
    for language, templates in _TEMPLATES.items():
        sentences = [rng.choice(templates).format(rng.choice(_NAMES[language])) for _ in range(40)]
        docs.append((" ".join(sentences), language))
    return docs * copies


def throughput(copies: int) -> tuple[float, float, float]:
    """Documents, mentions and characters per second, after a warm-up pass."""
    from picketline.extract.places import find_places

    docs = documents(copies)
    for text, language in docs[: len(docs) // copies]:
        find_places(text, language)
    started = time.perf_counter()
    mentions = sum(len(find_places(text, language)) for text, language in docs)
    elapsed = time.perf_counter() - started
    chars = sum(len(text) for text, _ in docs)
    return len(docs) / elapsed, mentions / elapsed, chars / elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cold", action="store_true", help="also time a build from scratch")
    parser.add_argument("--copies", type=int, default=20)
    options = parser.parse_args()
    if options.cold:
        with tempfile.TemporaryDirectory() as tmp:
            report("cold start (builds the index)", startup(tmp))
    startup(None)  # make sure the default cache exists
    report("warm start (cached index)    ", startup(None))
    docs, mentions, chars = throughput(options.copies)
    print(
        f"throughput: {docs:7.1f} docs/s  {mentions:7.0f} mentions/s  {chars / 1000:7.0f} kchar/s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

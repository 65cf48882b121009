"""Benchmark: ingest (store, deduplicate, extract, resolve) N generated documents into SQLite.

    .venv/bin/python bench/bench_ingest.py [--sizes 2000,10000] [--keep DIR] [--workers 2]

The documents are generated here, none is real: strike reports at invented
mines, plants and depots in real towns (a lead sentence the extraction can
read, then paragraphs of ordinary English words drawn at random, so distinct
stories are not near-duplicates of each other), follow-up reports of the same
strikes (another day, another head count; and in Russian: these must merge), wire copies
(light edits) and excerpts (these must be linked as near-duplicates), and
irrelevant news. Each size goes into a fresh SQLite file through
``BatchIngest`` — exactly what ``picketline ingest`` runs (texts read by two
worker processes while the batch before is written) — and reports documents
per second (wall, and CPU of the writing process), the outcome counts, the peak
memory of the process and the size of the database.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from picketline.actions.ingest_batch import BatchIngest
from picketline.db import Database
from picketline.domain.dates import PartialDate
from picketline.extract.pipeline import Extractor
from picketline.ingest.raw import RawDocument, utc_now
from picketline.settings import Settings

TOWNS = ["Myrnohrad", "Pokrovsk", "Dobropillia", "Pavlohrad", "Kryvyi Rih", "Kharkiv", "Lviv",
         "Vorkuta", "Novokuznetsk", "Karaganda", "Mezhdurechensk", "Dnipro", "Zaporizhzhia",
         "Sheffield", "Glasgow", "Detroit", "Chicago", "Manchester", "Leeds", "Odesa"]  # fmt: skip
PLACES = [("miners", "mine"), ("steelworkers", "steel plant"), ("bus drivers", "bus depot"),
          ("dock workers", "port"), ("nurses", "hospital"), ("workers", "factory")]  # fmt: skip
SYLLABLES = [
    "bel",
    "ka",
    "mor",
    "zo",
    "ri",
    "vet",
    "lan",
    "da",
    "tro",
    "sha",
    "pol",
    "gur",
    "en",
    "fi",
    "nu",
    "sk",
    "ob",
    "wa",
    "xe",
    "lu",
    "dor",
    "pim",
    "ras",
    "tev",
    "hu",
    "qua",
]
FILLER_WORDS = """
time people year way day man thing woman life child world school state family student group
country problem hand part place case week company system program question work government
number night point home water room mother area money story fact month lot right study book
eye job word business issue side kind head house service friend father power hour game line
end member law car city community name president team minute idea kid body information back
parent face others level office door health person art war history party result change
morning reason research girl guy moment air teacher force education said told asked went
came made took gave found thought knew looked wanted used worked called tried left felt
became kept began seemed helped showed heard played ran moved lived believed brought
happened wrote provided sat stood lost paid met included continued set learned led
understood watched followed stopped created spoke read allowed added spent grew opened
walked won offered remembered considered appeared bought waited served died sent expected
built stayed fell cut reached killed remained suggested raised passed sold required
reported decided pulled new good high old great big small large national young different
long little important political bad white real best right social only public sure low early
able human local late hard major better economic strong possible whole free military true
federal international full special easy clear recent certain personal open red difficult
available likely short single medical current wrong private past foreign fine common poor
natural significant similar hot dead central happy serious ready simple left physical
general environmental financial blue democratic dark various entire close legal religious
cold final main green nice huge popular traditional cultural
"""
FILLER = FILLER_WORDS.split()
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip


@dataclass
class Story:
    workers: str
    site: str
    name: str
    town: str
    day: int
    month: int
    count: int
    body: str


class Corpus:
    """Stories and their follow-ups, copies and excerpts, plus irrelevant news."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.stories: list[Story] = []
        self.texts: list[str] = []

    def filler(self, sentences: int) -> str:
        out = []
        for _ in range(sentences):
            words = self.rng.choices(FILLER, k=self.rng.randint(8, 18))
            out.append(" ".join(words).capitalize() + ".")
        return " ".join(out)

    def story(self) -> tuple[str, PartialDate]:
        workers, site = self.rng.choice(PLACES)
        name = "".join(self.rng.choices(SYLLABLES, k=4)).capitalize()
        day, month = self.rng.randint(1, 27), self.rng.randint(1, 12)
        story = Story(workers, site, name, self.rng.choice(TOWNS), day, month,
                      self.rng.randint(5, 90) * 10, self.filler(12))  # fmt: skip
        self.stories.append(story)
        return self.report(story, story.count, day), PartialDate(2023, month, day)

    def report(self, s: Story, count: int, published_day: int) -> str:
        lead = (
            f"{s.workers.capitalize()} at the {s.name} {s.site} in {s.town} went on strike on "
            f"{s.day} {MONTHS[s.month - 1]} 2023 over unpaid wages, the union said. "
            f"About {count} {s.workers} stopped work and gathered at the gates of the {s.name} "
            f"{s.site}, demanding the wages owed since the new year."
        )
        return f"{lead}\n\n{s.body}\n\n{self.filler(3)} (day {published_day})"

    def follow_up(self) -> tuple[str, PartialDate]:
        s = self.rng.choice(self.stories[-200:])
        day = min(28, s.day + self.rng.randint(1, 4))
        body = Story(s.workers, s.site, s.name, s.town, s.day, s.month, s.count, self.filler(8))
        text = self.report(body, s.count + self.rng.choice((-20, 10, 30)), day)
        return text, PartialDate(2023, s.month, day)

    def translation(self) -> tuple[str, PartialDate]:
        """A Russian report of a known strike: another script, another wording."""
        s = self.rng.choice(self.stories[-200:])
        day = min(28, s.day + self.rng.randint(0, 3))
        workers, site = RU_PLACES[s.site]
        text = (
            f"{workers} {site} «{cyrillic(s.name)}» в городе {RU_TOWNS[s.town]} {s.day} "
            f"{RU_MONTHS[s.month - 1]} 2023 года объявили забастовку из-за задолженности по "
            f"зарплате, сообщил профсоюз. Около {s.count} человек прекратили работу и "
            f"собрались у проходной, требуя выплатить долги."
        )
        words = [self.rng.choice(RU_FILLER) for _ in range(self.rng.randint(60, 120))]
        return f"{text}\n\n{' '.join(words).capitalize()}.", PartialDate(2023, s.month, day)

    def copy(self) -> str:
        words = self.rng.choice(self.texts[-500:]).split(" ")
        for _ in range(max(1, len(words) // 30)):
            words[self.rng.randrange(len(words))] = self.rng.choice(FILLER)
        return "WIRE SERVICE. " + " ".join(words)

    def excerpt(self) -> str:
        text = self.rng.choice(self.texts[-500:])
        return text[: max(200, len(text) * self.rng.randint(30, 60) // 100)]

    def documents(self, n: int) -> Iterator[tuple[str, PartialDate | None, str]]:
        """(text, published, kind) for ``n`` documents, in a stable order for one seed."""
        for i in range(n):
            roll = self.rng.random()
            published: PartialDate | None = None
            if not self.texts or roll < 0.40:
                text, published, kind = *self.story(), "story"
            elif roll < 0.55:
                text, published, kind = *self.follow_up(), "follow-up"
            elif roll < 0.70:
                text, kind = self.copy(), "copy"
            elif roll < 0.80:
                text, kind = self.excerpt(), "excerpt"
            elif roll < 0.85:
                text, published, kind = *self.translation(), "translation"
            else:
                text, kind = f"{self.filler(10)} (item {i})", "irrelevant"
            if kind in ("story", "follow-up"):
                self.texts.append(text)
            yield text, published, kind


RU_TOWNS = {"Myrnohrad": "Мирноград", "Pokrovsk": "Покровск", "Dobropillia": "Доброполье",
            "Pavlohrad": "Павлоград", "Kryvyi Rih": "Кривой Рог", "Kharkiv": "Харьков",
            "Lviv": "Львов", "Vorkuta": "Воркута", "Novokuznetsk": "Новокузнецк",
            "Karaganda": "Караганда", "Mezhdurechensk": "Междуреченск", "Dnipro": "Днепр",
            "Zaporizhzhia": "Запорожье", "Sheffield": "Шеффилд", "Glasgow": "Глазго",
            "Detroit": "Детройт", "Chicago": "Чикаго", "Manchester": "Манчестер",
            "Leeds": "Лидс", "Odesa": "Одесса"}  # fmt: skip
RU_PLACES = {"mine": ("Шахтёры", "шахты"), "steel plant": ("Металлурги", "сталелитейного завода"),
             "bus depot": ("Водители", "автобусного парка"), "port": ("Докеры", "порта"),
             "hospital": ("Медсёстры", "больницы"), "factory": ("Рабочие", "фабрики")}  # fmt: skip
RU_MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
             "сентября", "октября", "ноября", "декабря"]  # fmt: skip
RU_FILLER_WORDS = """
город район область погода дорога школа праздник выставка концерт музей парк река мост
весна осень зима лето вечер утро неделя месяц год новости жители гости площадь улица
рынок театр библиотека стадион фестиваль конкурс урожай транспорт ремонт строительство
бюджет депутаты совет решение программа проект история традиция культура спорт турнир
команда победа сезон матч тренер зрители солнце дождь снег ветер температура прогноз
"""
RU_FILLER = RU_FILLER_WORDS.split()
_CYRILLIC = str.maketrans("abdefghiklmnopqrstuvwxz", "абдефггиклмнопкрстуввхз")


def cyrillic(name: str) -> str:
    """An invented Latin name as a Russian text would spell it (h as г, x as х)."""
    return name.lower().replace("sh", "ш").replace("ch", "ч").translate(_CYRILLIC).capitalize()


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class Result:
    size: int
    wall: float
    cpu: float
    outcomes: Counter[str]
    planted: Counter[str]
    merged: int
    possible: int
    wrong_merges: int  # new stories merged into another story
    missed: int  # follow-ups and translations of a known story not merged into it
    peak_mb: float
    db_mb: float


def run(size: int, seed: int, folder: Path, workers: int | None = None) -> Result:
    """Ingest ``size`` generated documents into a fresh SQLite database in ``folder``."""
    settings = Settings(env="test", data_dir=folder, database_url=None, key_file=folder / "key")
    db = Database.open(settings, create=True)
    extractor = Extractor(settings)
    outcomes: Counter[str] = Counter()
    planted: Counter[str] = Counter()
    merged = possible = wrong = missed = 0
    corpus = list(Corpus(seed).documents(size))
    raws = (
        RawDocument(text=text, origin=f"doc-{i}", retrieved=utc_now(), published=published)
        for i, (text, published, _kind) in enumerate(corpus)
    )
    wall, cpu = time.perf_counter(), time.process_time()
    with BatchIngest(db, extractor, settings=settings, workers=workers) as ingest:
        for (_text, _published, kind), outcome in zip(corpus, ingest.ingest(raws), strict=True):
            outcomes[outcome.kind.value] += 1
            planted[kind] += 1
            merged += outcome.merged
            possible += outcome.possible
            wrong += kind == "story" and outcome.merged > 0
            missed += kind in ("follow-up", "translation") and outcome.merged == 0
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    db.close()
    db_mb = sum(p.stat().st_size for p in folder.glob("picketline.sqlite3*")) / 1e6
    return Result(
        size, wall, cpu, outcomes, planted, merged, possible, wrong, missed, peak_mb(), db_mb
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="2000,10000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="Keep the databases in this folder.")
    parser.add_argument("--workers", type=int, help="Reading processes (default: 2 cores' worth).")
    args = parser.parse_args()
    print(f"{'docs':>7} {'wall s':>8} {'docs/s':>7} {'cpu s':>8} {'cpu docs/s':>10} "
          f"{'peak MB':>8} {'db MB':>7}")  # fmt: skip
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            folder = (args.keep / f"ingest-{size}") if args.keep else Path(tmp)
            r = run(size, args.seed, folder, args.workers)
        print(
            f"{size:>7} {r.wall:>8.1f} {size / r.wall:>7.1f} {r.cpu:>8.1f} "
            f"{size / r.cpu:>10.1f} {r.peak_mb:>8.0f} {r.db_mb:>7.1f}\n"
            f"        planted {dict(r.planted)}\n        outcomes {dict(r.outcomes)}; "
            f"merged {r.merged}, possible duplicates {r.possible}\n"
            f"        stories wrongly merged {r.wrong_merges}, follow-ups and translations not "
            f"merged {r.missed}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Synthetic demo struggles: realistic in shape, obviously not real.

Used by ``picketline demo`` and the benchmarks. Every struggle's title starts
with ``[DEMO]``, every row has ``is_demo=True``, sources live on the reserved
``.invalid`` domain, and all article text is written here from templates
(never copied from real reporting). Employers and unions are invented names.
The same ``seed`` always yields the same struggles.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass

from picketline.actions.bundles import NewSource, NewStruggle
from picketline.domain.dates import PartialDate
from picketline.domain.event import Event
from picketline.domain.place import Place, PlacePrecision
from picketline.domain.source import Evidence, Source
from picketline.domain.struggle import (
    Participants,
    Repression,
    SensitiveData,
    Struggle,
    StruggleFields,
)
from picketline.domain.vocab import (
    Action,
    Demand,
    EventKind,
    Outcome,
    RepressionType,
    Sector,
    StruggleStatus,
)

DEMO_PREFIX = "[DEMO]"
DEMO_ACTOR = "system:demo"

# country code, language, towns as "name|admin1|lat|lon"
_COUNTRIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "RU": (
        "ru",
        (
            "Vorkuta|Komi|67.50|64.05",
            "Novokuznetsk|Kemerovo|53.76|87.11",
            "Norilsk|Krasnoyarsk|69.35|88.20",
            "Togliatti|Samara|53.51|49.42",
        ),
    ),
    "UA": (
        "uk",
        (
            "Kryvyi Rih|Dnipropetrovsk|47.91|33.39",
            "Pavlohrad|Dnipropetrovsk|48.53|35.87",
            "Kharkiv|Kharkiv|49.99|36.23",
            "Lviv|Lviv|49.84|24.03",
        ),
    ),
    "KZ": (
        "ru",
        (
            "Karaganda|Karaganda|49.80|73.10",
            "Zhanaozen|Mangystau|43.34|52.86",
            "Temirtau|Karaganda|50.05|72.96",
        ),
    ),
    "BY": ("ru", ("Soligorsk|Minsk Region|52.79|27.54", "Zhodino|Minsk Region|54.10|28.33")),
    "GB": (
        "en",
        (
            "Sheffield|England|53.38|-1.47",
            "Glasgow|Scotland|55.86|-4.25",
            "Cardiff|Wales|51.48|-3.18",
            "Liverpool|England|53.41|-2.98",
        ),
    ),
    "US": (
        "en",
        (
            "Detroit|Michigan|42.33|-83.05",
            "Oakland|California|37.80|-122.27",
            "Pittsburgh|Pennsylvania|40.44|-79.99",
            "Memphis|Tennessee|35.15|-90.05",
        ),
    ),
    "FR": (
        "fr",
        (
            "Marseille|Provence-Alpes-Côte d'Azur|43.30|5.37",
            "Lyon|Auvergne-Rhône-Alpes|45.76|4.84",
            "Le Havre|Normandie|49.49|0.11",
            "Lille|Hauts-de-France|50.63|3.06",
        ),
    ),
    "DE": (
        "de",
        (
            "Bochum|North Rhine-Westphalia|51.48|7.22",
            "Leipzig|Saxony|51.34|12.37",
            "Hamburg|Hamburg|53.55|9.99",
        ),
    ),
    "ES": (
        "es",
        (
            "Bilbao|Basque Country|43.26|-2.93",
            "Cádiz|Andalusia|36.53|-6.29",
            "Barcelona|Catalonia|41.39|2.17",
        ),
    ),
    "IT": (
        "it",
        ("Taranto|Apulia|40.47|17.24", "Turin|Piedmont|45.07|7.69", "Genoa|Liguria|44.41|8.93"),
    ),
    "TR": (
        "tr",
        ("Soma|Manisa|39.19|27.61", "Gebze|Kocaeli|40.80|29.43", "Izmir|Izmir|38.42|27.14"),
    ),
    "IN": (
        "en",
        (
            "Chennai|Tamil Nadu|13.08|80.27",
            "Gurugram|Haryana|28.46|77.03",
            "Kolkata|West Bengal|22.57|88.36",
        ),
    ),
    "BD": ("en", ("Dhaka|Dhaka Division|23.81|90.41", "Gazipur|Dhaka Division|24.00|90.42")),
    "ZA": (
        "en",
        (
            "Rustenburg|North West|-25.67|27.24",
            "Marikana|North West|-25.70|27.48",
            "Durban|KwaZulu-Natal|-29.86|31.03",
        ),
    ),
    "NG": ("en", ("Lagos|Lagos|6.52|3.38", "Port Harcourt|Rivers|4.82|7.05")),
    "BR": (
        "pt",
        (
            "São Bernardo do Campo|São Paulo|-23.69|-46.56",
            "Belo Horizonte|Minas Gerais|-19.92|-43.94",
            "Manaus|Amazonas|-3.12|-60.02",
        ),
    ),
    "AR": ("es", ("Córdoba|Córdoba|-31.42|-64.18", "Rosario|Santa Fe|-32.95|-60.64")),
    "CL": ("es", ("Antofagasta|Antofagasta|-23.65|-70.40", "Valparaíso|Valparaíso|-33.05|-71.62")),
    "KR": ("ko", ("Ulsan|Ulsan|35.54|129.31", "Changwon|South Gyeongsang|35.23|128.68")),
    "ID": ("id", ("Bekasi|West Java|-6.24|106.99", "Batam|Riau Islands|1.13|104.05")),
}

# sector: (workers, workplace kind, employer kind)
_SECTORS: dict[Sector, tuple[str, str, str]] = {
    Sector.A: ("farm workers", "estate", "Agro Holdings"),
    Sector.B: ("coal miners", "mine", "Coal Company"),
    Sector.C: ("car plant workers", "assembly plant", "Motor Works"),
    Sector.D: ("power station staff", "power station", "Energy Group"),
    Sector.E: ("refuse collectors", "waste depot", "Environmental Services"),
    Sector.F: ("construction workers", "building site", "Construction Trust"),
    Sector.G: ("warehouse and shop workers", "distribution centre", "Retail Group"),
    Sector.H: ("bus drivers", "bus depot", "Transit Company"),
    Sector.I: ("hotel workers", "hotel", "Hospitality Group"),
    Sector.J: ("call centre staff", "call centre", "Telecom"),
    Sector.K: ("bank clerks", "head office", "Savings Bank"),
    Sector.L: ("building caretakers", "housing estate", "Property Trust"),
    Sector.M: ("laboratory technicians", "research institute", "Research Institute"),
    Sector.N: ("cleaners", "office complex", "Facility Services"),
    Sector.O: ("municipal workers", "city hall", "City Administration"),
    Sector.P: ("teachers", "school district", "Education Department"),
    Sector.Q: ("nurses", "regional hospital", "Health Trust"),
    Sector.R: ("orchestra musicians", "opera house", "Theatre Foundation"),
    Sector.S: ("laundry workers", "industrial laundry", "Cleaning Services"),
    Sector.T: ("domestic workers", "private households", "Households Agency"),
    Sector.U: ("embassy local staff", "consulate", "Mission Administration"),
}

_DEMAND_WORDS = {
    Demand.UNPAID_WAGES: "payment of wage arrears",
    Demand.PAY: "a pay rise",
    Demand.JOBS: "no layoffs",
    Demand.CONDITIONS: "safer working conditions",
    Demand.CONTRACT: "a new collective agreement",
    Demand.UNION_RIGHTS: "reinstatement of fired organisers",
    Demand.BENEFITS: "restored pensions",
    Demand.RELEASE: "release of detained colleagues",
    Demand.POLITICAL: "political reforms",
    Demand.OTHER: "other concerns",
}
_ACTION_WORDS = {
    Action.STRIKE: "went on strike",
    Action.OCCUPATION: "occupied the premises",
    Action.HUNGER_STRIKE: "began a hunger strike",
    Action.DEMONSTRATION: "marched through the town centre",
    Action.PICKET: "picketed the gates",
    Action.BLOCKADE: "blocked the access road",
    Action.WORK_TO_RULE: "started an overtime ban",
    Action.WALKOUT: "walked out",
    Action.BOYCOTT: "called a boycott",
    Action.LOCKOUT: "were locked out by management",
    Action.OTHER: "took collective action",
}
_OUTCOME_WORDS = {
    Outcome.WON: "The employer agreed to the demands.",
    Outcome.PARTIAL: "Management conceded part of the demands.",
    Outcome.LOST: "The action ended without concessions.",
    Outcome.ONGOING: "The dispute continues.",
    Outcome.UNKNOWN: "It is not clear how the dispute ended.",
}
_NAMES = (
    "Northgate",
    "Red River",
    "Eastfield",
    "Silverton",
    "Oakridge",
    "Stonebridge",
    "Ironvale",
    "Lakeside",
)
_FIRST = ("A.", "B.", "K.", "M.", "N.", "O.", "S.", "T.", "V.", "Z.")
_LAST = ("Demoson", "Examplova", "Fictivo", "Placeholder", "Testeva", "Mockridge")


_ALL_SECTOR = list(Sector)
_ALL_ACTION = list(Action)
_ALL_DEMAND = list(Demand)
_ALL_OUTCOME = list(Outcome)
_ALL_REPRESSIONTYPE = list(RepressionType)


@dataclass(frozen=True)
class _Town:
    country: str
    language: str
    name: str
    admin1: str
    lat: float
    lon: float


def _town(country: str, language: str, entry: str) -> _Town:
    name, admin1, lat, lon = entry.split("|")
    return _Town(country, language, name, admin1, float(lat), float(lon))


_TOWNS: tuple[_Town, ...] = tuple(
    _town(code, lang, entry) for code, (lang, towns) in _COUNTRIES.items() for entry in towns
)


def generate_demo(n: int, *, seed: int = 0) -> Iterator[NewStruggle]:
    """``n`` synthetic struggles, the same ones for the same ``seed``."""
    rng = random.Random(seed)
    for index in range(n):
        yield _struggle(rng, seed, index)


def _struggle(rng: random.Random, seed: int, index: int) -> NewStruggle:
    town = rng.choice(_TOWNS)
    sector = rng.choice(_ALL_SECTOR)
    workers, workplace_kind, employer_kind = _SECTORS[sector]
    brand = rng.choice(_NAMES)
    employer = f"{brand} {employer_kind} (demo)"
    workplace = f"{brand} {workplace_kind}, {town.name}"
    actions = tuple(rng.sample(_ALL_ACTION, rng.choice((1, 1, 2, 2, 3))))
    demands = tuple(rng.sample(_ALL_DEMAND, rng.randint(1, 3)))
    start = _random_date(rng)
    outcome = rng.choice(_ALL_OUTCOME)
    ended = outcome in (Outcome.WON, Outcome.PARTIAL, Outcome.LOST)
    end = _date_after(rng, start, 60) if ended else None
    head = rng.choice((12, 40, 150, 300, 1200, 5000))
    repression = _repression(rng)
    fields = StruggleFields(
        actions=actions,
        workers=workers,
        sector=sector,
        workplace=workplace,
        employer=employer,
        unions=(f"Independent {workers.split()[0].title()} Union of {town.country} (demo)",),
        place=Place(
            town.name, town.country, town.admin1, town.lat, town.lon, None, PlacePrecision.TOWN
        ),
        start=start,
        end=end,
        participants=Participants(head, head * rng.choice((1, 1, 2))),
        demands=demands,
        outcome=outcome,
        repression=repression,
    )
    title = f"{DEMO_PREFIX} {workers.capitalize()} {_ACTION_WORDS[actions[0]]} in {town.name}"
    struggle = Struggle(
        id=None,
        fields=fields,
        is_demo=True,
        title=title,
        status=StruggleStatus.CANDIDATE if rng.random() < 0.15 else StruggleStatus.PUBLISHED,
        summary=f"Synthetic demo record: {workers} demand {_DEMAND_WORDS[demands[0]]}.",
        confidence=round(rng.uniform(0.5, 1.0), 2),
        sensitive=_sensitive(rng, repression, index),
    )
    sources = tuple(_source(rng, seed, index, k, fields, town) for k in range(rng.randint(1, 3)))
    return NewStruggle(struggle=struggle, sources=sources, events=_events(rng, fields))


def _random_date(rng: random.Random) -> PartialDate:
    day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(11 * 365))
    return PartialDate(day.year, day.month) if rng.random() < 0.15 else PartialDate.from_date(day)


def _date_after(rng: random.Random, start: PartialDate, days: int) -> PartialDate:
    return PartialDate.from_date(start.last_day() + dt.timedelta(days=rng.randint(1, days)))


def _repression(rng: random.Random) -> tuple[Repression, ...]:
    if rng.random() < 0.6:
        return ()
    kinds = rng.sample(_ALL_REPRESSIONTYPE, rng.randint(1, 2))
    return tuple(Repression(k, rng.randint(1, 30) if rng.random() < 0.5 else None) for k in kinds)


def _sensitive(rng: random.Random, repression: tuple[Repression, ...], index: int) -> SensitiveData:
    if not any(r.type == RepressionType.ARREST for r in repression):
        return SensitiveData()
    people = tuple(
        f"{rng.choice(_FIRST)} {rng.choice(_LAST)} (demo person)" for _ in range(rng.randint(1, 3))
    )
    return SensitiveData(
        detained_people=people,
        contacts=(f"lawyer-{index}@demo.invalid",),
        notes="Synthetic demo note: lawyer informed.",
    )


def _events(rng: random.Random, fields: StruggleFields) -> tuple[Event, ...]:
    assert fields.start is not None
    events = [
        Event(
            None,
            None,
            EventKind.ACTION_STARTED,
            fields.start,
            "Action began (demo).",
            fields.participants.min if fields.participants else None,
        )
    ]
    extra = (
        EventKind.NEGOTIATION,
        EventKind.ARREST,
        EventKind.REPORTED,
        EventKind.BAN,
        EventKind.OTHER,
    )
    date = fields.start
    for _ in range(rng.randint(0, 4 if fields.end else 5)):
        date = _date_after(rng, date, 10)
        if fields.end and date.first_day() >= fields.end.first_day():
            break  # the timeline stays inside the action
        kind = rng.choice(extra)
        events.append(
            Event(None, None, kind, date, f"Demo timeline entry: {kind.value.replace('_', ' ')}.")
        )
    if fields.end:
        events.append(Event(None, None, EventKind.ACTION_ENDED, fields.end, "Action ended (demo)."))
    return tuple(events[:6])


def _source(
    rng: random.Random, seed: int, index: int, k: int, fields: StruggleFields, town: _Town
) -> NewSource:
    assert fields.place and fields.start and fields.participants
    text = " ".join(
        (
            f"{town.name} ({town.admin1}) — About {fields.participants.min} {fields.workers} "
            f"at the {fields.workplace} {_ACTION_WORDS[fields.actions[0]]} "
            f"on {fields.start.isoformat()}.",
            f"They demand {', '.join(_DEMAND_WORDS[d] for d in fields.demands)}.",
            f"The employer, {fields.employer}, said it was studying the situation.",
            f"Members of the {fields.unions[0]} joined the action.",
            "Police detained several participants."
            if fields.repression
            else "No incidents were reported.",
            _OUTCOME_WORDS[fields.outcome or Outcome.UNKNOWN],
            f"This is synthetic demo text, report {seed}-{index}-{k}; it describes no real event.",
        )
    )
    published = _date_after(rng, fields.start, 5)
    source = Source.from_text(
        text,
        url=f"https://news.demo.invalid/{seed}/{index}/{k}",
        outlet="Demo Labour Wire",
        title=f"{DEMO_PREFIX} {(fields.workers or 'workers').capitalize()} in {town.name}",
        language="en",
        published=published,
        is_demo=True,
        retrieved=dt.datetime(
            published.year, published.month or 1, published.day or 1, 12, tzinfo=dt.UTC
        ),
        reporter_contact=f"reporter-{index}-{k}@demo.invalid" if rng.random() < 0.1 else None,
    )
    return NewSource(source, _evidence(text, fields), ())


def _evidence(text: str, fields: StruggleFields) -> tuple[Evidence, ...]:
    out = []
    for name in ("workers", "workplace", "employer"):
        value = getattr(fields, name)
        at = text.find(value) if value else -1
        if at >= 0:
            out.append(Evidence(None, name, at, at + len(value), value))
    return tuple(out)

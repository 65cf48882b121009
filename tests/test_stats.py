"""Statistics: every figure the database computes equals the same figure computed in Python.

The seed is ours: generated demo struggles (some unpublished) plus hand-made
edge cases — an end before its start, a start known only to the month or year,
no place, no outcome, one repression type listed twice. The expected figures
are computed here from the very objects that were stored. Runs on SQLite and
PostgreSQL.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import replace
from typing import Any

import pytest
from fastapi.testclient import TestClient

from picketline.actions.bundles import NewStruggle
from picketline.actions.struggles import do_create_struggles
from picketline.db import Database
from picketline.demo import generate_demo
from picketline.domain.dates import PartialDate
from picketline.domain.struggle import Repression, Struggle, StruggleFields
from picketline.domain.vocab import (
    Action,
    DatePrecision,
    Outcome,
    RepressionType,
    Sector,
    StruggleStatus,
)
from picketline.publish.stats import Stats, compute_stats, months_between
from picketline.settings import Settings
from picketline.web.app import create_app

DAY = DatePrecision.DAY


def edge_cases() -> list[Struggle]:
    """Struggles built to trip each figure's rules."""

    def make(**fields: Any) -> Struggle:
        base = StruggleFields(actions=(Action.STRIKE,))
        return Struggle(id=None, fields=replace(base, **fields), status=StruggleStatus.PUBLISHED)

    return [
        make(start=PartialDate(2030, 5, 10), end=PartialDate(2030, 5, 1)),  # end before start
        make(start=PartialDate(2030, 5), end=PartialDate(2030, 5, 20)),  # start to the month
        make(start=PartialDate(2011), outcome=Outcome.WON),  # start to the year only
        make(start=PartialDate(2012, 2, 3), end=PartialDate(2012, 2, 3)),  # one day
        make(
            repression=(
                Repression(RepressionType.ARREST, 2),
                Repression(RepressionType.ARREST, 5),
                Repression(RepressionType.BAN),
            ),
            sector=Sector.B,
        ),
    ]


def seed(db: Database) -> list[Struggle]:
    """Store the demo and edge-case struggles; return the published ones as stored."""
    bundles = [*generate_demo(120, seed=5), *(NewStruggle(s) for s in edge_cases())]
    do_create_struggles(db, bundles, actor="system:test")
    return [b.struggle for b in bundles if b.struggle.status == StruggleStatus.PUBLISHED]


def expected_stats(struggles: list[Struggle]) -> Stats:
    """The figures, the slow obvious way."""
    fields = [s.fields for s in struggles]
    months = Counter(
        f"{f.start.year:04d}-{f.start.month:02d}"
        for f in fields
        if f.start is not None and f.start.month is not None
    )
    by_month = [(m, months.get(m, 0)) for m in months_between(min(months), max(months))]
    countries = Counter(f.place.country for f in fields if f.place and f.place.country)
    sectors = Counter(f.sector.value for f in fields if f.sector)
    outcomes = Counter(f.outcome.value if f.outcome else "none" for f in fields)
    durations = [
        (f.end.first_day() - f.start.first_day()).days + 1
        for f in fields
        if f.start
        and f.end
        and f.start.precision == DAY
        and f.end.precision == DAY
        and f.end.first_day() >= f.start.first_day()
    ]
    repression = Counter(t for f in fields for t in {r.type.value for r in f.repression})
    return Stats(
        total=len(fields),
        by_month=by_month,
        without_month=len(fields) - sum(months.values()),
        by_country=sorted(countries.items(), key=lambda kv: (-kv[1], kv[0])),
        without_country=sum(1 for f in fields if not (f.place and f.place.country)),
        by_sector=sorted(sectors.items()),
        without_sector=sum(1 for f in fields if not f.sector),
        outcomes={o.value: outcomes.get(o.value, 0) for o in Outcome} | {"none": outcomes["none"]},
        median_duration_days=statistics.median(durations) if durations else None,
        durations_known=len(durations),
        with_repression=sum(1 for f in fields if f.repression),
        repression=sorted(repression.items(), key=lambda kv: (-kv[1], kv[0])),
    )


def test_every_figure_matches_a_python_computation(db: Database) -> None:
    published = seed(db)
    got = compute_stats(db)
    want = expected_stats(published)
    assert got.total == want.total
    assert got.by_month == want.by_month
    assert got.without_month == want.without_month
    assert got.by_country == want.by_country
    assert got.without_country == want.without_country
    assert got.by_sector == want.by_sector
    assert got.without_sector == want.without_sector
    assert got.outcomes == want.outcomes
    assert got.durations_known == want.durations_known
    assert got.median_duration_days == pytest.approx(want.median_duration_days)
    assert got.with_repression == want.with_repression
    assert got.repression == want.repression
    # The edge cases did what they were built for.
    assert want.by_month[0][0] == "2012-02" and want.by_month[-1][0] == "2030-05"
    assert any(kind == "arrest" for kind, _ in got.repression)


def test_filters_narrow_every_figure(db: Database) -> None:
    from picketline.db.filters import StruggleFilter
    from picketline.db.struggles import filter_clauses

    published = seed(db)
    wanted = StruggleFilter(country=("RU",), sector=(Sector.B, Sector.C))
    got = compute_stats(db, filter_clauses(db.dialect, wanted))
    subset = [
        s
        for s in published
        if s.fields.place
        and s.fields.place.country == "RU"
        and s.fields.sector in (Sector.B, Sector.C)
    ]
    want = expected_stats(subset)
    assert got.total == want.total > 0
    assert got.by_country == [("RU", want.total)]
    assert got.by_sector == want.by_sector
    assert got.outcomes == want.outcomes
    assert got.median_duration_days == pytest.approx(want.median_duration_days)
    assert got.repression == want.repression


def test_empty_record_has_no_figures_and_the_page_says_so(db: Database, settings: Settings) -> None:
    got = compute_stats(db)
    assert got.total == 0 and got.by_month == [] and got.median_duration_days is None
    with TestClient(create_app(settings, db)) as client:
        page = client.get("/stats")
        api = client.get("/api/v1/stats").json()
    assert page.status_code == 200
    assert "nothing to count yet" in page.text
    assert api["total"] == 0 and api["median_duration_days"] is None


def test_stats_api_and_page_show_the_same_figures(db: Database, settings: Settings) -> None:
    published = seed(db)
    want = expected_stats(published)
    with TestClient(create_app(settings, db)) as client:
        api = client.get("/api/v1/stats").json()
        page = client.get("/stats").text
        bad = client.get("/api/v1/stats?outcome=triumph")
        filtered = client.get("/api/v1/stats?country=UA").json()
    assert api["total"] == want.total
    assert [(m["month"], m["count"]) for m in api["months"]] == want.by_month
    assert api["outcomes"]["won"] == want.outcomes["won"]
    decided = sum(want.outcomes[k] for k in ("won", "partial", "lost"))
    assert api["decided_shares"]["won"] == pytest.approx(want.outcomes["won"] / decided)
    assert api["repression_share"] == pytest.approx(want.with_repression / want.total)
    assert bad.status_code == 400 and "unknown outcome" in bad.json()["detail"]
    assert filtered["total"] == sum(
        1 for s in published if s.fields.place and s.fields.place.country == "UA"
    )
    # Every chart is inline SVG with its title, and a table follows it.
    for chart in (
        "chart-months",
        "chart-countries",
        "chart-sectors",
        "chart-outcomes",
        "chart-repression",
    ):
        assert f'id="{chart}"' in page
    assert page.count("<table") >= 5
    assert "<script" not in page.split("<main", 1)[1].split("</main>", 1)[0]

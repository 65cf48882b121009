"""``/api/v1/stats``: the figures of the statistics page, as JSON.

The figures are computed by ``picketline.publish.stats`` (grouped SQL) and kept
for ``CACHE_SECONDS`` per filter: a dozen aggregate queries over the whole
record are worth sharing between readers, and a figure half a minute old is
still the record.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from picketline.db import Database
from picketline.db.filters import StruggleFilter
from picketline.domain.vocab import RepressionType, Sector
from picketline.publish.stats import Stats, compute_stats, decided_shares
from picketline.web.api.map import map_filter, map_where
from picketline.web.api.schemas import ErrorOut
from picketline.web.api.struggles import FILTER_PARAMETERS
from picketline.web.deps import DbDep

router = APIRouter(prefix="/api/v1/stats", tags=["stats"])

CACHE_SECONDS = 30.0
CACHE_ENTRIES = 32


class MonthCount(BaseModel):
    month: str = Field(pattern=r"^\d{4}-\d{2}$", description="YYYY-MM the struggles started in.")
    count: int = Field(ge=0)


class CountryCount(BaseModel):
    country: str = Field(description="ISO 3166-1 alpha-2 code.")
    count: int = Field(ge=0)


class SectorCount(BaseModel):
    sector: Sector = Field(description="ISIC Rev.4 section.")
    count: int = Field(ge=0)


class RepressionCount(BaseModel):
    type: RepressionType
    count: int = Field(ge=0, description="Struggles with at least one entry of this type.")
    share: float = Field(ge=0, le=1, description="count / total.")


class OutcomeCounts(BaseModel):
    won: int
    partial: int
    lost: int
    ongoing: int
    unknown: int
    none: int = Field(description="No source states an outcome.")


class DecidedShares(BaseModel):
    """Won, partial and lost as shares of the struggles that ended one of those ways."""

    won: float
    partial: float
    lost: float


class StatsOut(BaseModel):
    """Figures over the published struggles matching the filter."""

    total: int = Field(description="Matching published struggles.")
    months: list[MonthCount] = Field(
        description="Struggles by start month (start known to the month or day), every month "
        "from the first to the last, zeros included."
    )
    without_month: int = Field(description="Struggles whose start month is unknown.")
    countries: list[CountryCount] = Field(description="Most first; every country.")
    without_country: int
    sectors: list[SectorCount] = Field(description="In ISIC order; sectors with struggles only.")
    without_sector: int
    outcomes: OutcomeCounts
    decided_shares: DecidedShares
    median_duration_days: float | None = Field(
        description="Median days from start to end inclusive, over struggles whose start and "
        "end are both known to the day; null when there are none."
    )
    durations_known: int = Field(description="How many struggles the median is taken over.")
    with_repression: int = Field(description="Struggles with any repression recorded.")
    repression_share: float = Field(ge=0, le=1, description="with_repression / total.")
    repression: list[RepressionCount] = Field(description="Most frequent first.")


def stats_out(stats: Stats) -> StatsOut:
    total = stats.total
    return StatsOut(
        total=total,
        months=[MonthCount(month=m, count=n) for m, n in stats.by_month],
        without_month=stats.without_month,
        countries=[CountryCount(country=c, count=n) for c, n in stats.by_country],
        without_country=stats.without_country,
        sectors=[SectorCount(sector=Sector(s), count=n) for s, n in stats.by_sector],
        without_sector=stats.without_sector,
        outcomes=OutcomeCounts(**stats.outcomes),
        decided_shares=DecidedShares(**decided_shares(stats.outcomes)),
        median_duration_days=stats.median_duration_days,
        durations_known=stats.durations_known,
        with_repression=stats.with_repression,
        repression_share=stats.with_repression / total if total else 0.0,
        repression=[
            RepressionCount(type=RepressionType(t), count=n, share=n / total if total else 0.0)
            for t, n in stats.repression
            if t in RepressionType._value2member_map_
        ],
    )


class StatsCache:
    """Computed figures per filter, each kept ``CACHE_SECONDS``."""

    def __init__(self) -> None:
        self.entries: OrderedDict[tuple[tuple[str, str], ...], tuple[float, Stats]] = OrderedDict()

    def get(self, db: Database, wanted: StruggleFilter) -> Stats:
        key = tuple(wanted.to_params(with_sort=False))
        now = time.monotonic()
        hit = self.entries.get(key)
        if hit is not None and now - hit[0] < CACHE_SECONDS:
            return hit[1]
        stats = compute_stats(db, map_where(db, wanted))
        self.entries[key] = (now, stats)
        self.entries.move_to_end(key)
        while len(self.entries) > CACHE_ENTRIES:
            self.entries.popitem(last=False)
        return stats


def cached_stats(request: Request, db: Database, wanted: StruggleFilter) -> Stats:
    cache: StatsCache | None = getattr(request.app.state, "stats_cache", None)
    if cache is None:
        cache = StatsCache()
        request.app.state.stats_cache = cache
    return cache.get(db, wanted)


@router.get(
    "",
    response_model=StatsOut,
    summary="Statistics of the published struggles",
    description="Struggles by start month, country and sector; outcomes; median duration; "
    "how often each kind of repression occurs. Filters as in /api/v1/struggles (country, "
    "region, sector, action, demand, outcome, repression, since, until, q). Figures may be "
    "up to 30 seconds old.",
    responses={400: {"model": ErrorOut, "description": "Unknown filter or value."}},
    openapi_extra={"parameters": FILTER_PARAMETERS},
)
def get_stats(request: Request, db: DbDep) -> Any:
    return stats_out(cached_stats(request, db, map_filter(request)))

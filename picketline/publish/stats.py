"""The figures of the statistics page and ``/api/v1/stats``, aggregated by the database.

Every figure is one grouped SQL query over the published struggles (never a
Python loop over 100,000 rows), written so SQLite and PostgreSQL give the same
answer. What each figure counts:

- by month: struggles by the month they *started*, for starts known to the
  month or day; the months in between with none are filled in as zero;
- by country, by sector: the struggle's country and ISIC section, where known;
- outcomes: every outcome code, and "none" where no source states one;
- median duration: days from start to end *inclusive* (a one-day strike is 1),
  only where both are known to the day and the end is not before the start;
- repression: how many struggles have at least one repression entry, and how
  many have each type (a struggle with two arrests entries counts once).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Date, Select, and_, case, cast, distinct, func, literal_column, select, true
from sqlalchemy.orm import Session

from picketline.db import Database
from picketline.db.models import StruggleRow
from picketline.domain.vocab import DatePrecision, Outcome, StruggleStatus

Where = Sequence[Any]

DAY = DatePrecision.DAY.value
MONTH = DatePrecision.MONTH.value
NO_OUTCOME = "none"


@dataclass(frozen=True)
class Stats:
    """Every figure of the statistics page, for one filter."""

    total: int
    by_month: list[tuple[str, int]] = field(default_factory=list)
    """(``YYYY-MM``, struggles that started then), every month from first to last."""
    without_month: int = 0
    """Struggles whose start is unknown or known only to the year."""
    by_country: list[tuple[str, int]] = field(default_factory=list)
    """(ISO code, count), most first, every country."""
    without_country: int = 0
    by_sector: list[tuple[str, int]] = field(default_factory=list)
    """(ISIC letter, count) in letter order, sectors with struggles only."""
    without_sector: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)
    """Every outcome code plus ``none`` → count (zeros included)."""
    median_duration_days: float | None = None
    durations_known: int = 0
    with_repression: int = 0
    repression: list[tuple[str, int]] = field(default_factory=list)
    """(repression type, struggles with it), most first."""


def published(where: Where = ()) -> Any:
    return and_(StruggleRow.status == StruggleStatus.PUBLISHED.value, *where)


def _grouped(session: Session, column: Any, where: Where) -> list[tuple[Any, int]]:
    stmt = (
        select(column, func.count())
        .select_from(StruggleRow)
        .where(published(where))
        .group_by(column)
    )
    return [(key, int(n)) for key, n in session.execute(stmt).all()]


def count_published(session: Session, where: Where = ()) -> int:
    stmt = select(func.count()).select_from(StruggleRow).where(published(where))
    return int(session.scalar(stmt) or 0)


def months_between(first: str, last: str) -> list[str]:
    """Every ``YYYY-MM`` from ``first`` to ``last`` inclusive."""
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def month_counts(session: Session, where: Where = ()) -> list[tuple[str, int]]:
    """Struggles by start month (month or day precision), gaps filled with zero."""
    month = func.substr(StruggleRow.start_date, 1, 7)
    dated = [*where, StruggleRow.start_precision.in_((MONTH, DAY))]
    counted = dict(_grouped(session, month, dated))
    if not counted:
        return []
    return [(m, counted.get(m, 0)) for m in months_between(min(counted), max(counted))]


def by_country(session: Session, where: Where = ()) -> list[tuple[str | None, int]]:
    rows = _grouped(session, StruggleRow.country, where)
    return sorted(rows, key=lambda row: (-row[1], row[0] or "~"))


def country_counts(db: Database, where: Where = ()) -> list[tuple[str, int]]:
    """(country, published struggles) for every country that has some, most first."""
    with db.session() as session:
        return [(c, n) for c, n in by_country(session, where) if c]


def duration_days(dialect: str) -> Any:
    """End minus start in whole days, in the database's own date arithmetic."""
    if dialect == "sqlite":
        return func.julianday(StruggleRow.end_date) - func.julianday(StruggleRow.start_date)
    return cast(StruggleRow.end_date, Date) - cast(StruggleRow.start_date, Date)


def duration_known() -> Any:
    """Start and end both known to the day, the end not before the start.

    Constants are inlined (not bound) because this expression is also a GROUP BY
    key, and PostgreSQL tells two bound parameters apart even when equal.
    """
    day: Any = literal_column(f"'{DAY}'")
    return and_(
        StruggleRow.start_precision == day,
        StruggleRow.end_precision == day,
        StruggleRow.end_date >= StruggleRow.start_date,
    )


def median_duration(
    session: Session, dialect: str, where: Where = (), known: int | None = None
) -> tuple[float | None, int]:
    """The median of inclusive day counts, and how many struggles it is taken over.

    The database sorts; only the one or two middle values come back. ``known``
    is the count of such struggles if the caller has it already.
    """
    timed = published([*where, duration_known()])
    n = known
    if n is None:
        n = int(session.scalar(select(func.count()).select_from(StruggleRow).where(timed)) or 0)
    if n == 0:
        return None, 0
    days = duration_days(dialect)
    middle: Select[Any] = (
        select(days).where(timed).order_by(days).offset((n - 1) // 2).limit(2 - n % 2)
    )
    values = [float(v) for v in session.scalars(middle)]
    return sum(values) / len(values) + 1, n


def has_repression() -> Any:
    return func.json_array_length(StruggleRow.repression) > literal_column("0")


def breakdown(session: Session, where: Where = ()) -> list[tuple[Any, ...]]:
    """One scan for several figures: per (country, sector, outcome), how many struggles,
    how many met repression and how many have a known duration.

    A few thousand groups at most, whatever the number of struggles; the
    figures are sums over them. Rows: (country, sector, outcome, n, repressed, timed).
    """
    one: Any = literal_column("1")
    zero: Any = literal_column("0")
    keys = (StruggleRow.country, StruggleRow.sector, StruggleRow.outcome)
    stmt = (
        select(
            *keys,
            func.count(),
            func.sum(case((has_repression(), one), else_=zero)),
            func.sum(case((duration_known(), one), else_=zero)),
        )
        .select_from(StruggleRow)
        .where(published(where))
        .group_by(*keys)
    )
    return [tuple(row) for row in session.execute(stmt).all()]


def summed(groups: list[tuple[Any, ...]], key: int) -> dict[Any, int]:
    """Struggles per value of one key (0 country, 1 sector, 2 outcome) of the breakdown."""
    out: dict[Any, int] = {}
    for group in groups:
        out[group[key]] = out.get(group[key], 0) + int(group[3])
    return out


def repression_counts(session: Session, dialect: str, where: Where = ()) -> list[tuple[str, int]]:
    """Struggles with each repression type (a JSON list; each type counted once per struggle)."""
    kind: Any
    if dialect == "sqlite":
        entry = func.json_each(StruggleRow.repression).table_valued("value")
        kind = func.json_extract(entry.c.value, "$.type")
    else:
        entry = func.json_array_elements(StruggleRow.repression).table_valued("value")
        kind = entry.c.value.op("->>")("type")
    stmt = (
        select(kind, func.count(distinct(StruggleRow.id)))
        .select_from(StruggleRow)
        .join(entry, true())
        .where(published(where))
        .group_by(kind)
    )
    rows = [(str(k), int(n)) for k, n in session.execute(stmt).all() if k]
    return sorted(rows, key=lambda row: (-row[1], row[0]))


def compute_stats(db: Database, where: Where = ()) -> Stats:
    """Every figure for the published struggles matching ``where``, in four queries."""
    with db.session() as session:
        groups = breakdown(session, where)
        months = month_counts(session, where)
        timed = sum(int(g[5] or 0) for g in groups)
        median, durations = median_duration(session, db.dialect, where, known=timed)
        repression = repression_counts(session, db.dialect, where)
    total = sum(int(g[3]) for g in groups)
    countries = sorted(summed(groups, 0).items(), key=lambda kv: (-kv[1], kv[0] or "~"))
    sectors = summed(groups, 1)
    outcomes = summed(groups, 2)
    return Stats(
        total=total,
        by_month=months,
        without_month=total - sum(n for _, n in months),
        by_country=[(c, n) for c, n in countries if c],
        without_country=sum(n for c, n in countries if not c),
        by_sector=sorted((s, n) for s, n in sectors.items() if s),
        without_sector=sum(n for s, n in sectors.items() if not s),
        outcomes={
            **{o.value: outcomes.get(o.value, 0) for o in Outcome},
            NO_OUTCOME: outcomes.get(None, 0),
        },
        median_duration_days=median,
        durations_known=durations,
        with_repression=sum(int(g[4] or 0) for g in groups),
        repression=repression,
    )


def decided_shares(outcomes: dict[str, int]) -> dict[str, float]:
    """Won, partial and lost as shares of the struggles that ended one of those ways."""
    decided = {k: outcomes.get(k, 0) for k in (Outcome.WON, Outcome.PARTIAL, Outcome.LOST)}
    whole = sum(decided.values())
    return {str(k): (n / whole if whole else 0.0) for k, n in decided.items()}

"""Is a newly extracted struggle the same dispute as one already in the record?

Each feature — names (workplace, employer), place, time window, actions,
sector — gives a score in 0..1 or says nothing (None) when a side lacks the
field. The score is the weighted mean of the features that spoke. Some
disagreements are decisive whatever the rest says, because reports of
*different* disputes are alike in everything else (same week, same region,
same action): two named workplaces that differ (neighbouring mines), places
too far apart (one employer's sites in two towns), or time windows months
apart (the same mine's strikes in different years). Without any name to
compare, a match can at most be a "possible duplicate" for an editor.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from enum import StrEnum

from picketline.domain.dates import PartialDate
from picketline.domain.place import Place, PlacePrecision
from picketline.domain.struggle import StruggleFields
from picketline.domain.vocab import Action
from picketline.resolve.names import name_similarity
from picketline.resolve.translit import match_key

T_MERGE = 0.75
T_POSSIBLE = 0.5
NAME_CONFLICT_BELOW = 0.6
PLACE_NEAR_KM = 25.0
PLACE_FAR_KM = 75.0
MAX_GAP_DAYS = 60
FULL_CREDIT_GAP_DAYS = 3
UNDATED_LOOKBACK_DAYS = 30
WEIGHTS = {"name": 0.45, "place": 0.2, "time": 0.2, "actions": 0.1, "sector": 0.05}
_STOPPAGES = {Action.STRIKE, Action.WALKOUT, Action.OCCUPATION, Action.HUNGER_STRIKE,
              Action.WORK_TO_RULE, Action.LOCKOUT}  # fmt: skip
_PROTESTS = {Action.DEMONSTRATION, Action.PICKET, Action.BLOCKADE, Action.BOYCOTT}
_COARSE = {PlacePrecision.REGION, PlacePrecision.COUNTRY}


class Verdict(StrEnum):
    SAME = "same"
    POSSIBLE = "possible_duplicate"
    DIFFERENT = "different"


@dataclass(frozen=True)
class Report:
    """A struggle as known from its source(s): the fields and when they were published.

    For a struggle already merged from several reports, ``published`` is the
    first publication and ``last_published`` the latest, so an ongoing
    strike's window reaches the latest news of it.
    """

    fields: StruggleFields
    published: PartialDate | None = None
    language: str | None = None
    last_published: PartialDate | None = None


@dataclass(frozen=True)
class Reason:
    """One feature's verdict: its score (None: not comparable), and why."""

    feature: str
    score: float | None
    detail: str
    conflict: bool = False


@dataclass(frozen=True)
class MatchResult:
    score: float
    verdict: Verdict
    reasons: tuple[Reason, ...] = field(default_factory=tuple)

    def matched(self) -> list[str]:
        """The features that agreed (score of at least 0.5)."""
        return [r.feature for r in self.reasons if r.score is not None and r.score >= 0.5]


def _names(fields: StruggleFields) -> dict[str, str]:
    return {k: v for k, v in (("workplace", fields.workplace), ("employer", fields.employer)) if v}


def name_reason(a: Report, b: Report) -> Reason:
    """Workplace against workplace decides; else employers; else one against the other."""
    names_a, names_b = _names(a.fields), _names(b.fields)
    for kind_a, kind_b in (("workplace", "workplace"), ("employer", "employer")):
        if kind_a in names_a and kind_b in names_b:
            sim = name_similarity(names_a[kind_a], names_b[kind_b], a.language, b.language)
            if sim is not None:
                detail = f"{kind_a}: {names_a[kind_a]!r} ~ {names_b[kind_b]!r} = {sim:.2f}"
                return Reason("name", sim, detail, conflict=sim < NAME_CONFLICT_BELOW)
    cross = [
        (name_similarity(x, y, a.language, b.language), x, y)
        for x in names_a.values()
        for y in names_b.values()
    ]
    scored = [(s, x, y) for s, x, y in cross if s is not None]
    if not scored:
        return Reason("name", None, "no comparable workplace or employer names")
    sim, x, y = max(scored)
    return Reason("name", sim, f"workplace/employer: {x!r} ~ {y!r} = {sim:.2f}")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _is_fine(place: Place) -> bool:
    """A point-like place (a town, a site): its coordinates mean where it happened."""
    return place.precision in (PlacePrecision.SITE, PlacePrecision.TOWN)


def _distance_reason(a: Place, b: Place) -> Reason | None:
    """Distance between points; decisive only when both are known to be towns or sites.

    A region's or country's coordinates are a centroid, hundreds of kilometres
    from the towns inside it, so a place of unknown precision only scores.
    """
    if None in (a.lat, a.lon, b.lat, b.lon) or a.precision in _COARSE or b.precision in _COARSE:
        return None
    km = haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
    detail = f"{a.name} and {b.name} are {km:.0f} km apart"
    if km <= PLACE_NEAR_KM:
        return Reason("place", 1.0, detail)
    if km <= PLACE_FAR_KM:
        return Reason("place", 0.5, detail)
    return Reason("place", 0.0, detail, conflict=_is_fine(a) and _is_fine(b))


def _area_reason(a: Place, b: Place) -> Reason | None:
    if a.country and b.country and a.country != b.country:
        return Reason("place", 0.0, f"countries differ: {a.country}, {b.country}", conflict=True)
    if a.admin1 and b.admin1:
        same = a.admin1 == b.admin1
        if not same and _is_fine(a) and _is_fine(b):
            return Reason("place", 0.0, f"regions differ: {a.admin1}, {b.admin1}", conflict=True)
        if same:
            return Reason("place", 0.7, f"same region {a.admin1}")
    if a.country and a.country == b.country:
        return Reason("place", 0.4, f"same country {a.country}")
    return None


def place_reason(a: Report, b: Report) -> Reason:
    """Distance where both places are points; else names, regions and countries.

    A shared name counts only when the places do not conflict: Pokrovsk in
    Donetsk oblast and Pokrovsk in Yakutia are two towns.
    """
    pa, pb = a.fields.place, b.fields.place
    if pa is None or pb is None:
        return Reason("place", None, "a place is missing")
    measured = _distance_reason(pa, pb) or _area_reason(pa, pb)
    if measured is not None and measured.conflict:
        return measured
    if match_key(pa.name) == match_key(pb.name):
        return Reason("place", 1.0, f"same place name {pa.name!r} ~ {pb.name!r}")
    return measured or Reason("place", None, f"{pa.name!r} and {pb.name!r} cannot be compared")


def window(report: Report) -> tuple[dt.date, dt.date] | None:
    """The days the struggle may have been going on, as far as this report knows.

    From the start (else a month before publication) to the end (else the
    latest publication, else the start itself).
    """
    f = report.fields
    latest = report.last_published or report.published
    if f.start is not None:
        first = f.start.first_day()
    elif report.published is not None:
        first = report.published.first_day() - dt.timedelta(days=UNDATED_LOOKBACK_DAYS)
    else:
        return None
    ends = [d.last_day() for d in (f.end, latest, f.start) if d is not None]
    last = f.end.last_day() if f.end is not None else max(ends)
    return first, max(first, last)


def time_reason(a: Report, b: Report) -> Reason:
    wa, wb = window(a), window(b)
    if wa is None or wb is None:
        return Reason("time", None, "no dates to compare")
    gap = max(0, (wb[0] - wa[1]).days, (wa[0] - wb[1]).days)
    detail = f"{wa[0]}..{wa[1]} and {wb[0]}..{wb[1]}: {gap} days apart"
    if gap > MAX_GAP_DAYS:
        return Reason("time", 0.0, detail, conflict=True)
    score = 1.0 if gap <= FULL_CREDIT_GAP_DAYS else 1.0 - gap / MAX_GAP_DAYS
    return Reason("time", round(score, 3), detail)


def _group(actions: set[Action]) -> set[str]:
    return {"stoppage" if x in _STOPPAGES else "protest" if x in _PROTESTS else "other"
            for x in actions}  # fmt: skip


def actions_reason(a: Report, b: Report) -> Reason:
    """Shared actions; kin actions (a strike and an occupation) count for most of it."""
    xa, xb = set(a.fields.actions), set(b.fields.actions)
    if not xa or not xb:
        return Reason("actions", None, "actions missing")
    detail = f"{sorted(x.value for x in xa)} and {sorted(x.value for x in xb)}"
    jaccard = len(xa & xb) / len(xa | xb)
    if jaccard:
        return Reason("actions", round(0.6 + 0.4 * jaccard, 3), detail)
    return Reason("actions", 0.5 if _group(xa) & _group(xb) else 0.2, detail)


def sector_reason(a: Report, b: Report) -> Reason:
    sa, sb = a.fields.sector, b.fields.sector
    if sa is None or sb is None:
        return Reason("sector", None, "sector missing")
    return Reason("sector", 1.0 if sa == sb else 0.0, f"sectors {sa.value} and {sb.value}")


FEATURES = (name_reason, place_reason, time_reason, actions_reason, sector_reason)


def _cap(score: float, reasons: list[Reason]) -> float:
    """Decisive disagreements make it different; missing names or a sector clash, possible."""
    if any(r.conflict for r in reasons):
        return min(score, T_POSSIBLE / 2)
    by_feature = {r.feature: r.score for r in reasons}
    weak = by_feature["name"] is None or by_feature["sector"] == 0.0
    if weak or (by_feature["place"] is None and by_feature["time"] is None):
        return min(score, T_MERGE - 0.01)
    return score


def match(a: Report, b: Report) -> MatchResult:
    """How likely the two reports are of the same struggle, with the reasons."""
    reasons = [feature(a, b) for feature in FEATURES]
    spoke = [(WEIGHTS[r.feature], r.score) for r in reasons if r.score is not None]
    total = sum(w for w, _ in spoke)
    raw = sum(w * s for w, s in spoke) / total if total else 0.0
    score = round(_cap(raw, reasons), 3)
    verdict = (
        Verdict.SAME
        if score >= T_MERGE
        else Verdict.POSSIBLE
        if score >= T_POSSIBLE
        else Verdict.DIFFERENT
    )
    return MatchResult(score, verdict, tuple(reasons))

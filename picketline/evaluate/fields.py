"""How far one predicted field agrees with its gold value (FORMAT.md "How it is scored").

Every function takes the gold and predicted values exactly as they appear in
FORMAT.md JSON and returns the share of the field's one point that is earned,
from 0.0 to 1.0. The rules, and the readings we chose where FORMAT.md leaves
room, are:

- ``actions``, ``demands``: F1 of the two code sets (partial credit).
- ``repression``: one point made of ``1 + k`` equal parts, where ``k`` is the
  number of gold entries that carry a ``count``. One part is the F1 of the sets
  of types; each counted gold type adds one part, earned when the prediction
  has that type with a count within 10 % of the gold count
  (``|pred - gold| <= 0.1 * gold``). FORMAT.md says "the F1 of the sets of types,
  plus ... credit where the counts are within 10 %"; we read "plus" as further
  parts of the same point, because every field is worth exactly one point, so
  a field with counts cannot weigh more than one without them.
- ``outcome``, ``sector``: equal codes.
- ``place``: when both have coordinates, the predicted point lies within the gold
  ``tolerance_km`` (default 25) by great-circle distance; when either lacks them,
  the predicted name equals the gold name or one of its aliases, compared after
  case folding with ``ё`` read as ``е``.
- ``start``, ``end``: compared at the coarser of the two precisions (day, month
  or year), so ``2023-04`` agrees with ``2023-04-17``.
- ``participants``: the predicted range ``[min or 0, max or ∞]`` overlaps the gold
  range widened by 20 % on each side (``[0.8 * min, 1.2 * max]``).
- ``workers``, ``workplace``, ``employer``: token-set similarity of at least 0.8.
  Both strings are split into words, each word lemmatised (``morph.lemma``:
  case-folded, ``ё`` as ``е``, inflected forms as one token), and the lemma
  lists compared with rapidfuzz's ``token_set_ratio`` — the usual "token set"
  similarity, which ignores word order and repeats and scores one name that
  contains all the words of the other as fully similar ("Unite" and "Unite the
  Union", "Allerdale Waste Services" and "... Ltd"). Punctuation and quotes
  are not tokens.
- ``unions``: each union separately: gold and predicted names are paired one
  to one (maximum matching) where their similarity reaches 0.8, and the point
  is the F1 of the matched names, like ``actions``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import Any

from rapidfuzz import fuzz

from picketline.domain.dates import PartialDate
from picketline.extract.morph import WORD, fold, lemma

FieldScorer = Callable[[Any, Any], float]

DEFAULT_TOLERANCE_KM = 25.0
NAME_SIMILARITY = 0.8
COUNT_TOLERANCE = 0.10
PARTICIPANTS_WIDENING = 0.20
EARTH_RADIUS_KM = 6371.0088


def set_f1(gold: Iterable[Any], predicted: Iterable[Any]) -> float:
    """F1 of two sets; two empty sets agree fully."""
    gold_set, pred_set = set(gold), set(predicted)
    if not gold_set and not pred_set:
        return 1.0
    common = len(gold_set & pred_set)
    if common == 0:
        return 0.0
    return 2 * common / (len(gold_set) + len(pred_set))


def codes(value: Any) -> list[str]:
    """The codes of an ``actions``/``demands`` list (tolerating a lone string)."""
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value or []]


def score_codes(gold: Any, predicted: Any) -> float:
    return set_f1(codes(gold), codes(predicted))


def score_equal(gold: Any, predicted: Any) -> float:
    return 1.0 if str(gold).strip() == str(predicted).strip() else 0.0


def _repression_entries(value: Any) -> list[dict[str, Any]]:
    entries = []
    for item in value or []:
        entries.append(item if isinstance(item, dict) else {"type": str(item)})
    return entries


def counts_agree(gold: int | float, predicted: int | float | None) -> bool:
    """Counts within 10 % of the gold count."""
    if predicted is None:
        return False
    return abs(float(predicted) - float(gold)) <= COUNT_TOLERANCE * abs(float(gold))


def score_repression(gold: Any, predicted: Any) -> float:
    gold_entries = _repression_entries(gold)
    pred_entries = _repression_entries(predicted)
    type_f1 = set_f1((e["type"] for e in gold_entries), (e["type"] for e in pred_entries))
    pred_counts: dict[str, list[Any]] = {}
    for entry in pred_entries:
        pred_counts.setdefault(entry["type"], []).append(entry.get("count"))
    counted = [e for e in gold_entries if e.get("count") is not None]
    count_credit = sum(
        any(counts_agree(e["count"], c) for c in pred_counts.get(e["type"], [])) for e in counted
    )
    return (type_f1 + count_credit) / (1 + len(counted))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _coordinates(place: dict[str, Any]) -> tuple[float, float] | None:
    lat, lon = place.get("lat"), place.get("lon")
    if isinstance(lat, (int, float)) and isinstance(lon, (int, float)):
        return float(lat), float(lon)
    return None


def _place_name(value: Any) -> str:
    return " ".join(fold(str(value)).split())


def score_place(gold: Any, predicted: Any) -> float:
    gold_place = gold if isinstance(gold, dict) else {"name": gold}
    pred_place = predicted if isinstance(predicted, dict) else {"name": predicted}
    gold_point, pred_point = _coordinates(gold_place), _coordinates(pred_place)
    if gold_point and pred_point:
        tolerance = gold_place.get("tolerance_km") or DEFAULT_TOLERANCE_KM
        return 1.0 if haversine_km(*gold_point, *pred_point) <= float(tolerance) else 0.0
    names = [gold_place.get("name"), *(gold_place.get("aliases") or [])]
    wanted = {_place_name(n) for n in names if n}
    pred_name = pred_place.get("name")
    return 1.0 if pred_name and _place_name(pred_name) in wanted else 0.0


def _coarse(date: PartialDate, precision: int) -> tuple[int | None, ...]:
    return (date.year, date.month, date.day)[:precision]


def _precision_rank(date: PartialDate) -> int:
    return 1 if date.month is None else 2 if date.day is None else 3


def score_date(gold: Any, predicted: Any) -> float:
    try:
        gold_date, pred_date = PartialDate.parse(str(gold)), PartialDate.parse(str(predicted))
    except ValueError:
        return 0.0
    precision = min(_precision_rank(gold_date), _precision_rank(pred_date))
    return 1.0 if _coarse(gold_date, precision) == _coarse(pred_date, precision) else 0.0


def _bounds(value: Any) -> tuple[float, float]:
    """A head count as ``(low, high)``: a missing min is 0, a missing max is infinity."""
    if isinstance(value, (int, float)):
        return float(value), float(value)
    low, high = value.get("min"), value.get("max")
    return (float(low) if low is not None else 0.0, float(high) if high is not None else math.inf)


def score_participants(gold: Any, predicted: Any) -> float:
    gold_low, gold_high = _bounds(gold)
    gold_low *= 1 - PARTICIPANTS_WIDENING
    gold_high *= 1 + PARTICIPANTS_WIDENING
    pred_low, pred_high = _bounds(predicted)
    return 1.0 if pred_low <= gold_high and pred_high >= gold_low else 0.0


def name_tokens(text: str) -> list[str]:
    """The lemmas of a name's words, in order (punctuation and quotes dropped)."""
    return [lemma(word) for word in WORD.findall(text)]


def name_similarity(gold: str, predicted: str) -> float:
    """Token-set similarity of two names over their lemmas, 0..1."""
    gold_tokens, pred_tokens = name_tokens(gold), name_tokens(predicted)
    if not gold_tokens or not pred_tokens:
        return 0.0
    return fuzz.token_set_ratio(" ".join(gold_tokens), " ".join(pred_tokens)) / 100.0


def names_agree(gold: str, predicted: str) -> bool:
    return name_similarity(gold, predicted) >= NAME_SIMILARITY


def score_name(gold: Any, predicted: Any) -> float:
    return 1.0 if names_agree(str(gold), str(predicted)) else 0.0


def score_unions(gold: Any, predicted: Any) -> float:
    gold_names = [gold] if isinstance(gold, str) else [str(g) for g in gold or []]
    pred_names = [predicted] if isinstance(predicted, str) else [str(p) for p in predicted or []]
    if not gold_names or not pred_names:
        return 0.0
    matched = _max_matching(gold_names, pred_names)
    if matched == 0:
        return 0.0
    return 2 * matched / (len(gold_names) + len(pred_names))


def _max_matching(gold_names: list[str], pred_names: list[str]) -> int:
    """How many gold names can be paired one to one with an agreeing predicted name."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    agree = np.array([[names_agree(g, p) for p in pred_names] for g in gold_names], dtype=float)
    rows, cols = linear_sum_assignment(agree, maximize=True)
    return int(agree[rows, cols].sum())


FIELD_SCORERS: dict[str, FieldScorer] = {
    "actions": score_codes,
    "workers": score_name,
    "sector": score_equal,
    "workplace": score_name,
    "employer": score_name,
    "unions": score_unions,
    "place": score_place,
    "start": score_date,
    "end": score_date,
    "participants": score_participants,
    "demands": score_codes,
    "outcome": score_equal,
    "repression": score_repression,
}
"""The scored fields, in FORMAT.md order (``background`` is a flag, not scored)."""

SCORED_FIELDS: tuple[str, ...] = tuple(FIELD_SCORERS)


def is_present(value: Any) -> bool:
    """A field counts as stated unless it is missing, null or empty."""
    if value is None:
        return False
    if isinstance(value, (str, list, tuple, dict)):
        return bool(value.strip() if isinstance(value, str) else value)
    return True

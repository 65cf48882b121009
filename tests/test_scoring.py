"""The scorer, rule by rule, on hand-made gold and predicted struggles (FORMAT.md)."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest

from picketline.evaluate.fields import (
    haversine_km,
    name_similarity,
    score_codes,
    score_date,
    score_name,
    score_participants,
    score_place,
    score_repression,
    score_unions,
)
from picketline.evaluate.scoring import (
    pair_struggles,
    score_corpus,
    score_document,
)


def doc(*struggles: dict[str, Any], relevant: bool = True) -> dict[str, Any]:
    return {"document": {"text_file": "x.txt"}, "relevant": relevant, "struggles": list(struggles)}


# --- actions and demands: set F1 -------------------------------------------------


def test_codes_exact_match_earns_the_point() -> None:
    assert score_codes(["strike", "occupation"], ["occupation", "strike"]) == 1.0


def test_codes_partial_credit_is_set_f1() -> None:
    # gold {strike, occupation}, predicted {strike}: P=1, R=0.5, F1=2/3
    assert score_codes(["strike", "occupation"], ["strike"]) == pytest.approx(2 / 3)
    assert score_codes(["unpaid_wages"], ["unpaid_wages", "pay", "jobs"]) == pytest.approx(0.5)


def test_codes_disjoint_earn_nothing() -> None:
    assert score_codes(["strike"], ["demonstration"]) == 0.0


# --- repression: type F1 plus count credit, one point -----------------------------


def test_repression_types_and_count_all_right() -> None:
    gold = [{"type": "arrest", "count": 25}, {"type": "torture"}]
    assert score_repression(gold, [{"type": "torture"}, {"type": "arrest", "count": 24}]) == 1.0


def test_repression_count_within_ten_percent_only() -> None:
    gold = [{"type": "arrest", "count": 100}]
    assert score_repression(gold, [{"type": "arrest", "count": 110}]) == 1.0
    # types agree (1 part of 2), count 120 is 20 % off (0 of 1 part)
    assert score_repression(gold, [{"type": "arrest", "count": 120}]) == 0.5
    assert score_repression(gold, [{"type": "arrest"}]) == 0.5


def test_repression_partial_types_and_count() -> None:
    gold = [
        {"type": "arrest", "count": 25},
        {"type": "torture"},
        {"type": "censorship"},
        {"type": "no_prosecution_pledge"},
    ]
    predicted = [{"type": "arrest", "count": 25}, {"type": "torture"}]
    type_f1 = 2 * 2 / (4 + 2)
    assert score_repression(gold, predicted) == pytest.approx((type_f1 + 1) / 2)


def test_repression_without_gold_counts_is_type_f1() -> None:
    gold = [{"type": "ban"}, {"type": "arrest"}]
    assert score_repression(gold, [{"type": "ban", "count": 3}]) == pytest.approx(2 / 3)


# --- place: distance or names ------------------------------------------------------


ANTRATSYT = {
    "name": "Antratsyt",
    "aliases": ["Antracit", "Антрацит"],
    "lat": 48.117,
    "lon": 39.092,
    "tolerance_km": 25,
}


def test_haversine_is_great_circle_km() -> None:
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.195, abs=0.01)


def test_place_within_tolerance() -> None:
    assert score_place(ANTRATSYT, {"name": "x", "lat": 48.2, "lon": 39.2}) == 1.0  # ~12 km
    assert score_place(ANTRATSYT, {"name": "Antratsyt", "lat": 48.5, "lon": 39.092}) == 0.0


def test_place_default_tolerance_is_25_km() -> None:
    gold = {"name": "A", "lat": 0.0, "lon": 0.0}
    assert score_place(gold, {"name": "B", "lat": 0.0, "lon": 0.2}) == 1.0  # 22 km
    assert score_place(gold, {"name": "B", "lat": 0.0, "lon": 0.3}) == 0.0  # 33 km


def test_place_wide_tolerance_from_gold() -> None:
    gold = {"name": "Ukraine", "lat": 49.0, "lon": 32.0, "tolerance_km": 1000}
    assert score_place(gold, {"name": "Myrnohrad", "lat": 48.302, "lon": 37.266}) == 1.0


def test_place_names_when_coordinates_missing() -> None:
    assert score_place(ANTRATSYT, {"name": "АНТРАЦИТ"}) == 1.0
    assert score_place(ANTRATSYT, {"name": "antratsyt"}) == 1.0
    assert score_place(ANTRATSYT, {"name": "Luhansk"}) == 0.0
    gold_no_point = {"name": "Kuzbass", "aliases": ["Кузбасс"]}
    assert score_place(gold_no_point, {"name": "кузбасс", "lat": 54.5, "lon": 87.0}) == 1.0


def test_place_name_folds_yo() -> None:
    assert score_place({"name": "Озёрск"}, {"name": "озерск"}) == 1.0


# --- dates: compared at the coarser precision ------------------------------------------


@pytest.mark.parametrize(
    ("gold", "predicted", "earned"),
    [
        ("2020-06-06", "2020-06-06", 1.0),
        ("2020-06-06", "2020-06-07", 0.0),
        ("2023-04", "2023-04-17", 1.0),
        ("2023-04-17", "2023-04", 1.0),
        ("2023-04", "2023-05-01", 0.0),
        ("1985", "1985-08-17", 1.0),
        ("1985-08", "1985", 1.0),
        ("1985", "1986", 0.0),
        ("2020", "not a date", 0.0),
    ],
)
def test_dates(gold: str, predicted: str, earned: float) -> None:
    assert score_date(gold, predicted) == earned


# --- participants: overlap with the gold range widened by 20 % ---------------------


@pytest.mark.parametrize(
    ("gold", "predicted", "earned"),
    [
        ({"min": 100, "max": 100}, {"min": 100, "max": 100}, 1.0),
        ({"min": 100, "max": 100}, {"min": 119, "max": 119}, 1.0),
        ({"min": 100, "max": 100}, {"min": 121, "max": 130}, 0.0),
        ({"min": 100, "max": 100}, {"min": 81}, 1.0),
        ({"min": 100, "max": 100}, {"min": 79, "max": 79}, 0.0),
        ({"min": 100, "max": 100}, {"max": 80}, 1.0),  # missing min is 0: [0, 80] meets [80, 120]
        ({"min": 100}, {"min": 5000}, 1.0),  # missing gold max is infinity
        ({"min": 100}, {"max": 50}, 0.0),
        ({"max": 50}, {"min": 10, "max": 20}, 1.0),
        ({"min": 268, "max": 268}, {"min": 300}, 1.0),
    ],
)
def test_participants(gold: dict[str, int], predicted: dict[str, int], earned: float) -> None:
    assert score_participants(gold, predicted) == earned


# --- names: token-set similarity over lemmas ----------------------------------------------


def test_names_fold_case_and_yo() -> None:
    assert score_name("Шахтёры", "шахтеры") == 1.0


def test_names_inflected_forms_are_one_token() -> None:
    assert score_name('шахта "Капітальна"', "шахті «Капітальна»") == 1.0
    assert score_name("шахта «Заречная»", "на шахте Заречной") == 1.0
    assert score_name("Black Mountain mines", "black mountain mine") == 1.0


def test_names_word_order_and_extra_words() -> None:
    assert score_name("Allerdale Waste Services", "Services Allerdale Waste Ltd") == 1.0


def test_names_different_names_fail() -> None:
    assert score_name("ГП Первомайскуголь", "ГП Мирноградуголь") == 0.0
    assert score_name("coal miners", "nurses") == 0.0
    assert name_similarity("", "x") == 0.0


def test_unions_each_separately_f1() -> None:
    assert score_unions(["Unite", "GMB"], ["GMB", "Unite the Union"]) == 1.0
    assert score_unions(["Unite", "GMB"], ["Unite"]) == pytest.approx(2 / 3)
    assert score_unions(["Unite", "GMB"], ["Unite", "Unison", "RMT"]) == pytest.approx(0.4)
    assert score_unions(["CUPE"], ["Teamsters"]) == 0.0


def test_unions_pair_one_to_one() -> None:
    # one predicted name cannot earn for two gold unions
    assert score_unions(["Unite", "Unite"], ["Unite"]) == pytest.approx(2 / 3)


# --- pairing and points -----------------------------------------------------------------


MINE = {"actions": ["strike"], "workplace": "Komsomolskaya mine", "sector": "B"}
HOSPITAL = {"actions": ["strike"], "workplace": "City hospital", "sector": "Q"}


def test_pairing_is_optimal_not_greedy() -> None:
    gold = [
        {"actions": ["strike"], "sector": "B"},
        {"actions": ["strike"], "sector": "Q", "workplace": "City hospital"},
    ]
    predicted = [
        {"actions": ["strike"], "sector": "Q", "workplace": "City hospital"},
        {"actions": ["strike"], "sector": "B"},
    ]
    pairs = pair_struggles(gold, predicted)
    assert sorted((g, p) for g, p, _ in pairs) == [(0, 1), (1, 0)]


def test_pairing_prefers_best_total_over_best_single_pair() -> None:
    # gold 0 agrees with both predictions; gold 1 only with prediction 0.
    # Greedy would give pred 0 to gold 0 (3 points) and leave gold 1 unpaired.
    gold = [
        {"actions": ["strike"], "sector": "B", "outcome": "won"},
        {"actions": ["picket"], "sector": "B"},
    ]
    predicted = [
        {"actions": ["strike", "picket"], "sector": "B", "outcome": "won"},
        {"actions": ["strike"], "outcome": "won"},
    ]
    pairs = {(g, p) for g, p, _ in pair_struggles(gold, predicted)}
    assert pairs == {(0, 1), (1, 0)}


def test_perfect_prediction_scores_one() -> None:
    score = score_document(doc(MINE, HOSPITAL), doc(HOSPITAL, MINE))
    assert score.missed == [] and score.spurious == []
    for counts in score.fields.values():
        if counts.gold_points:
            assert counts.f1 == 1.0


def test_points_for_missing_and_extra_fields() -> None:
    gold = {"actions": ["strike"], "sector": "B", "outcome": "won"}
    predicted = {"actions": ["strike"], "sector": "C", "participants": {"min": 5}}
    score = score_document(doc(gold), doc(predicted))
    f = score.fields
    assert (f["actions"].gold_points, f["actions"].predicted_points, f["actions"].f1) == (1, 1, 1.0)
    assert (f["sector"].earned_recall, f["sector"].f1) == (0.0, 0.0)
    assert (f["outcome"].gold_points, f["outcome"].predicted_points, f["outcome"].recall) == (
        1,
        0,
        0,
    )
    assert (f["participants"].gold_points, f["participants"].predicted_points) == (0, 1)
    assert f["participants"].precision == 0.0


def test_missed_gold_costs_recall_and_spurious_costs_precision() -> None:
    score = score_document(doc(MINE), doc(HOSPITAL, {"actions": ["strike"], "sector": "B"}))
    # MINE pairs with the second prediction (actions + sector), HOSPITAL is spurious
    assert [(g, p) for g, p, _ in score.pairs] == [(0, 1)]
    assert score.spurious == [0]
    assert score.fields["workplace"].gold_points == 1
    assert score.fields["workplace"].predicted_points == 1
    assert score.fields["workplace"].earned_recall == 0.0
    assert score.fields["sector"].precision == 0.5


def test_zero_point_pair_is_no_pair() -> None:
    score = score_document(doc({"actions": ["strike"]}), doc({"actions": ["boycott"]}))
    assert score.pairs == [] and score.missed == [0] and score.spurious == [0]


def test_unpaired_background_is_not_missed() -> None:
    background = {"actions": ["strike"], "sector": "B", "background": True}
    score = score_document(doc(HOSPITAL, background), doc(HOSPITAL))
    assert score.missed == [] and score.ignored_background == [1]
    assert score.fields["sector"].gold_points == 1  # only HOSPITAL's
    assert score.fields["sector"].recall == 1.0


def test_equal_points_pair_with_the_foreground_struggle() -> None:
    background = {"actions": ["strike"], "sector": "B", "background": True}
    foreground = {"actions": ["strike"], "sector": "B"}
    score = score_document(doc(background, foreground), doc({"actions": ["strike"], "sector": "B"}))
    assert [(g, p) for g, p, _ in score.pairs] == [(1, 0)]
    assert score.missed == [] and score.ignored_background == [0]


def test_paired_background_is_scored() -> None:
    background = {"actions": ["strike"], "sector": "B", "start": "2021-12-06", "background": True}
    score = score_document(doc(background), doc({"actions": ["strike"], "start": "2021-12-07"}))
    assert len(score.pairs) == 1
    assert score.fields["start"].gold_points == 1 and score.fields["start"].f1 == 0.0
    assert score.fields["sector"].gold_points == 1 and score.fields["sector"].recall == 0.0


def test_no_prediction_counts_every_gold_point_missed() -> None:
    score = score_document(doc(MINE), None)
    assert score.predicted_relevant is False
    assert score.fields["workplace"].gold_points == 1 and score.fields["workplace"].recall == 0


def test_malformed_prediction_earns_nothing_without_crashing() -> None:
    score = score_document(doc(MINE), doc({"actions": ["strike"], "participants": "many"}))
    assert score.fields["participants"].predicted_points == 1


# --- corpus: relevance and micro averages ----------------------------------------------


def test_relevance_precision_recall_f1() -> None:
    items = [
        ("a", doc(relevant=True), doc(relevant=True)),
        ("b", doc(relevant=True), doc(relevant=False)),
        ("c", doc(relevant=False), doc(relevant=True)),
        ("d", doc(relevant=False), doc(relevant=False)),
        ("e", doc(relevant=False), doc(relevant=False)),
    ]
    relevance = score_corpus(items).relevance
    assert (relevance.precision, relevance.recall, relevance.f1) == (0.5, 0.5, 0.5)
    assert relevance.true_negative == 2


def test_micro_average_sums_points_over_fields() -> None:
    gold = {"actions": ["strike", "occupation"], "sector": "B", "outcome": "won"}
    predicted = {"actions": ["strike"], "sector": "B", "demands": ["pay"]}
    corpus = score_corpus([("a", doc(gold), doc(predicted))])
    micro = corpus.micro
    assert micro.gold_points == 3 and micro.predicted_points == 3
    earned = 2 / 3 + 1.0
    assert micro.recall == pytest.approx(earned / 3)
    assert micro.precision == pytest.approx(earned / 3)
    assert math.isclose(micro.f1, earned / 3)


def test_gold_against_itself_is_perfect(shared_eval: Any) -> None:
    items = []
    for path in sorted((shared_eval / "public").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        items.append((path.stem, gold, gold))
    corpus = score_corpus(items)
    assert corpus.micro.f1 == 1.0
    assert corpus.relevance.f1 == 1.0
    assert all(c.f1 == 1.0 for c in corpus.fields.values() if c.gold_points)


def test_json_report_shape() -> None:
    out = score_corpus([("a", doc(MINE), doc(MINE))]).to_json(with_documents=True)
    assert set(out) == {"documents", "relevance", "fields", "micro", "per_document"}
    assert out["fields"]["workplace"]["f1"] == 1.0
    json.dumps(out)

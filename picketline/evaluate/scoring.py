"""Scoring extraction against gold annotations, exactly as FORMAT.md describes.

Pure functions over FORMAT.md JSON objects (``{"document", "relevant",
"struggles"}``): nothing here runs extraction or reads files, so the rules can
be tested on hand-made pairs and reused on stored predictions.

Points, per FORMAT.md:

1. Relevance: precision, recall and F1 of ``relevant`` (the positive class)
   over all documents.
2. Pairing: within one article, gold and predicted struggles are paired one to
   one so that the sum of the pairs' earned points (below) is greatest — the
   optimal assignment, solved with the Hungarian method. A pair that earns
   nothing is no pair: both sides count as unpaired.
3. Each field stated in a gold struggle is one recall point; each field stated
   in a predicted struggle is one precision point. In a pair, a field stated
   on both sides earns the share ``fields.FIELD_SCORERS`` gives it, on both
   sides. An unpaired gold struggle earns nothing (a miss) unless it is
   ``background``: then it is left out altogether. A paired background struggle
   is scored like any other. An unpaired predicted struggle earns nothing.
4. Per-field precision, recall, F1, and their micro-average over all fields
   (sums of earned and available points across fields).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from picketline.evaluate.fields import FIELD_SCORERS, SCORED_FIELDS, is_present

Struggle = Mapping[str, Any]
TIE_BREAK = 1e-6


def _f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


@dataclass
class FieldCounts:
    """Available and earned points of one field (or of all fields together)."""

    gold_points: int = 0
    predicted_points: int = 0
    earned_recall: float = 0.0
    earned_precision: float = 0.0

    @property
    def precision(self) -> float:
        return self.earned_precision / self.predicted_points if self.predicted_points else 0.0

    @property
    def recall(self) -> float:
        return self.earned_recall / self.gold_points if self.gold_points else 0.0

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    def add(self, other: FieldCounts) -> None:
        self.gold_points += other.gold_points
        self.predicted_points += other.predicted_points
        self.earned_recall += other.earned_recall
        self.earned_precision += other.earned_precision

    def to_json(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "gold_points": self.gold_points,
            "predicted_points": self.predicted_points,
            "earned": round(self.earned_recall, 4),
        }


@dataclass
class RelevanceCounts:
    """The confusion counts of the ``relevant`` label."""

    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    true_negative: int = 0

    def add(self, gold: bool, predicted: bool) -> None:
        if gold and predicted:
            self.true_positive += 1
        elif predicted:
            self.false_positive += 1
        elif gold:
            self.false_negative += 1
        else:
            self.true_negative += 1

    @property
    def precision(self) -> float:
        flagged = self.true_positive + self.false_positive
        return self.true_positive / flagged if flagged else 0.0

    @property
    def recall(self) -> float:
        relevant = self.true_positive + self.false_negative
        return self.true_positive / relevant if relevant else 0.0

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    def to_json(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "true_positive": self.true_positive,
            "false_positive": self.false_positive,
            "false_negative": self.false_negative,
            "true_negative": self.true_negative,
        }


@dataclass
class DocumentScore:
    """One article's pairing and points."""

    name: str
    gold_relevant: bool
    predicted_relevant: bool
    fields: dict[str, FieldCounts]
    pairs: list[tuple[int, int, float]]
    missed: list[int]
    spurious: list[int]
    ignored_background: list[int]

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "gold_relevant": self.gold_relevant,
            "predicted_relevant": self.predicted_relevant,
            "pairs": [{"gold": g, "predicted": p, "points": round(s, 4)} for g, p, s in self.pairs],
            "missed": self.missed,
            "spurious": self.spurious,
            "ignored_background": self.ignored_background,
            "fields": {name: counts.to_json() for name, counts in self.fields.items()},
        }


@dataclass
class CorpusScore:
    """Scores over many articles: relevance, per-field and micro-averaged points."""

    relevance: RelevanceCounts = field(default_factory=RelevanceCounts)
    fields: dict[str, FieldCounts] = field(
        default_factory=lambda: {name: FieldCounts() for name in SCORED_FIELDS}
    )
    documents: list[DocumentScore] = field(default_factory=list)

    @property
    def micro(self) -> FieldCounts:
        total = FieldCounts()
        for counts in self.fields.values():
            total.add(counts)
        return total

    def add(self, document: DocumentScore) -> None:
        self.documents.append(document)
        self.relevance.add(document.gold_relevant, document.predicted_relevant)
        for name, counts in document.fields.items():
            self.fields[name].add(counts)

    def to_json(self, with_documents: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "documents": len(self.documents),
            "relevance": self.relevance.to_json(),
            "fields": {name: counts.to_json() for name, counts in self.fields.items()},
            "micro": self.micro.to_json(),
        }
        if with_documents:
            out["per_document"] = [d.to_json() for d in self.documents]
        return out


def field_agreement(name: str, gold: Struggle, predicted: Struggle) -> float | None:
    """The share of ``name``'s point earned, or None when either side does not state it."""
    gold_value, pred_value = gold.get(name), predicted.get(name)
    if not (is_present(gold_value) and is_present(pred_value)):
        return None
    try:
        return FIELD_SCORERS[name](gold_value, pred_value)
    except (TypeError, ValueError, KeyError, AttributeError):
        return 0.0  # a malformed predicted value earns nothing rather than crashing the run


def pair_points(gold: Struggle, predicted: Struggle) -> float:
    """The total points a pair earns: the quantity the pairing maximises."""
    shares = (field_agreement(name, gold, predicted) for name in SCORED_FIELDS)
    return sum(share for share in shares if share is not None)


def pair_struggles(gold: list[Struggle], predicted: list[Struggle]) -> list[tuple[int, int, float]]:
    """The one-to-one pairing with the greatest total points; zero-point pairs dropped."""
    if not gold or not predicted:
        return []
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    points = np.array([[pair_points(g, p) for p in predicted] for g in gold], dtype=float)
    # On equal points, prefer the struggles that count: a background one left
    # unpaired costs nothing, a foreground one is a miss.
    foreground = np.array([0.0 if g.get("background") else TIE_BREAK for g in gold])
    rows, cols = linear_sum_assignment(points + foreground[:, None] * (points > 0), maximize=True)
    return [
        (int(r), int(c), float(points[r, c]))
        for r, c in zip(rows, cols, strict=True)
        if points[r, c] > 0
    ]


def struggle_counts(gold: Struggle | None, predicted: Struggle | None) -> dict[str, FieldCounts]:
    """Per-field points for a pair, a missed gold struggle or a spurious prediction."""
    out: dict[str, FieldCounts] = {}
    for name in SCORED_FIELDS:
        counts = FieldCounts()
        gold_has = gold is not None and is_present(gold.get(name))
        pred_has = predicted is not None and is_present(predicted.get(name))
        counts.gold_points = int(gold_has)
        counts.predicted_points = int(pred_has)
        if gold is not None and predicted is not None:
            share = field_agreement(name, gold, predicted)
            if share is not None:
                counts.earned_recall = counts.earned_precision = share
        out[name] = counts
    return out


def _struggles(document: Mapping[str, Any] | None) -> list[Struggle]:
    if not document:
        return []
    return [s for s in document.get("struggles") or [] if isinstance(s, Mapping)]


def score_document(
    gold: Mapping[str, Any], predicted: Mapping[str, Any] | None, name: str = ""
) -> DocumentScore:
    """Score one article's prediction (None: extraction produced nothing)."""
    gold_struggles, pred_struggles = _struggles(gold), _struggles(predicted)
    pairs = pair_struggles(gold_struggles, pred_struggles)
    paired_gold = {g for g, _, _ in pairs}
    paired_pred = {p for _, p, _ in pairs}
    unpaired_gold = [i for i in range(len(gold_struggles)) if i not in paired_gold]
    background = [i for i in unpaired_gold if gold_struggles[i].get("background")]
    missed = [i for i in unpaired_gold if i not in background]
    spurious = [i for i in range(len(pred_struggles)) if i not in paired_pred]

    totals = {field_name: FieldCounts() for field_name in SCORED_FIELDS}
    parts: list[tuple[Struggle | None, Struggle | None]] = [
        (gold_struggles[g], pred_struggles[p]) for g, p, _ in pairs
    ]
    parts += [(gold_struggles[g], None) for g in missed]
    parts += [(None, pred_struggles[p]) for p in spurious]
    for gold_struggle, pred_struggle in parts:
        for field_name, counts in struggle_counts(gold_struggle, pred_struggle).items():
            totals[field_name].add(counts)
    return DocumentScore(
        name=name,
        gold_relevant=bool(gold.get("relevant")),
        predicted_relevant=bool(predicted and predicted.get("relevant")),
        fields=totals,
        pairs=pairs,
        missed=missed,
        spurious=spurious,
        ignored_background=background,
    )


def score_corpus(
    items: Iterable[tuple[str, Mapping[str, Any], Mapping[str, Any] | None]],
) -> CorpusScore:
    """Score ``(name, gold, predicted)`` triples together."""
    corpus = CorpusScore()
    for name, gold, predicted in items:
        corpus.add(score_document(gold, predicted, name))
    return corpus

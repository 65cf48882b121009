"""``picketline eval`` without the terminal: run extraction on a corpus and score it.

Two kinds of corpus: an annotated folder (NAME.json + NAME.txt), scored on
relevance and every struggle field; and a JSONL corpus with ``relevant``
labels, scored on relevance only (how rarely the relevance stage fires on
ordinary news). A document whose extraction fails is scored as an empty
prediction and listed in ``errors``, so one crash cannot inflate the scores.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from picketline.errors import InputError
from picketline.evaluate.corpus import load_annotated_dir, read_jsonl
from picketline.evaluate.runner import Job, Result, run_jobs
from picketline.evaluate.scoring import CorpusScore, RelevanceCounts, score_document

Progress = Callable[[Result], None]


@dataclass
class RelevanceEvaluation:
    """Relevance scores over a JSONL corpus, with the ids it got wrong."""

    relevance: RelevanceCounts = field(default_factory=RelevanceCounts)
    documents: int = 0
    false_positives: list[str] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def add(self, doc_id: str, gold: bool, predicted: bool) -> None:
        self.documents += 1
        self.relevance.add(gold, predicted)
        if predicted and not gold:
            self.false_positives.append(doc_id)
        elif gold and not predicted:
            self.false_negatives.append(doc_id)

    def to_json(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "relevance": self.relevance.to_json(),
            "false_positives": self.false_positives,
            "false_negatives": self.false_negatives,
            "errors": self.errors,
        }


@dataclass
class FieldEvaluation:
    """Field and relevance scores over an annotated folder."""

    score: CorpusScore
    errors: list[str] = field(default_factory=list)

    def to_json(self, with_documents: bool = False) -> dict[str, Any]:
        out = self.score.to_json(with_documents=with_documents)
        out["errors"] = self.errors
        return out


def annotated_jobs(folder: Path) -> tuple[list[Job], dict[str, dict[str, Any]]]:
    """The extraction jobs of an annotated folder and the gold object of each."""
    articles = load_annotated_dir(folder)
    jobs = [
        Job(
            key=a.name,
            path=a.text_path,
            published=a.published,
            url=a.url,
            text_file=a.text_path.name,
        )
        for a in articles
    ]
    return jobs, {a.name: a.gold for a in articles}


def evaluate_folder(
    folder: Path, *, workers: int | None = None, on_result: Progress | None = None
) -> FieldEvaluation:
    """Extract every annotated article in ``folder`` and score it."""
    jobs, gold = annotated_jobs(folder)
    return score_results(run_jobs(jobs, workers=workers, on_result=on_result), gold)


def score_results(results: Iterable[Result], gold: dict[str, dict[str, Any]]) -> FieldEvaluation:
    """Field and relevance scores of extraction results against their gold objects."""
    evaluation = FieldEvaluation(score=CorpusScore())
    for result in results:
        if result.error:
            evaluation.errors.append(result.error)
        evaluation.score.add(score_document(gold[result.key], result.extraction, result.key))
    return evaluation


def jsonl_jobs(path: Path) -> tuple[list[Job], dict[str, bool]]:
    """The extraction jobs of a labelled JSONL corpus and each document's label."""
    jobs: list[Job] = []
    labels: dict[str, bool] = {}
    for line in read_jsonl(path):
        if line.relevant is None:
            raise InputError(f"{path}: document {line.id} has no 'relevant' label to score")
        if line.id in labels:
            raise InputError(f"{path}: the id {line.id} appears twice")
        labels[line.id] = line.relevant
        jobs.append(Job(key=line.id, text=line.text, published=line.published, url=line.url))
    if not jobs:
        raise InputError(f"{path}: no documents")
    return jobs, labels


def evaluate_jsonl(
    path: Path, *, workers: int | None = None, on_result: Progress | None = None
) -> RelevanceEvaluation:
    """Extract every document of a labelled JSONL corpus and score relevance."""
    jobs, labels = jsonl_jobs(path)
    return score_relevance(run_jobs(jobs, workers=workers, on_result=on_result), labels)


def score_relevance(results: Iterable[Result], labels: dict[str, bool]) -> RelevanceEvaluation:
    """Relevance scores of extraction results against their gold labels."""
    evaluation = RelevanceEvaluation()
    for result in results:
        if result.error:
            evaluation.errors.append(result.error)
        predicted = bool(result.extraction and result.extraction.get("relevant"))
        evaluation.add(result.key, labels[result.key], predicted)
    return evaluation

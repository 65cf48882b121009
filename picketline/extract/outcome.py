"""Outcome: won, partial, lost or ongoing when the article was written.

The stage only records cues (``_outcome`` findings: won / partial / lost /
ended / ongoing); ``decide`` weighs the cues of one struggle. Victory words
win over everything ("the strike ended in victory"); a deal or settlement
that ended the action without them is ``partial``; an action that ended with
nothing said about the result is left out rather than guessed; an article
with no end in sight reports an ``ongoing`` struggle. Cues in sentences that
recall earlier phases ("Ранее", "Earlier") do not count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from picketline.domain.vocab import Outcome
from picketline.extract.base import ExtractionDoc, Finding
from picketline.extract.lexicon.outcome import OUTCOME_CUES
from picketline.extract.lexicon.relevance import RECALL
from picketline.extract.patterns import TermTable, doc_sentences, tables


def decide(cues: Iterable[str]) -> Outcome | None:
    """The outcome a set of cue kinds implies (``None``: say nothing)."""
    kinds = set(cues)
    if "won" in kinds:
        return Outcome.WON
    if "lost" in kinds:
        return Outcome.LOST
    if "partial" in kinds and ("ended" in kinds or "ongoing" not in kinds):
        return Outcome.PARTIAL
    if "ended" in kinds:
        return None
    return Outcome.ONGOING


class OutcomeStage:
    """Adds an ``_outcome`` finding per cue, outside recalled-background sentences."""

    name = "outcome"

    def __init__(self) -> None:
        self.cues: dict[str, TermTable[str]] = tables(OUTCOME_CUES)
        self.recall = {lang: re.compile(p, re.IGNORECASE) for lang, p in RECALL.items()}

    def __call__(self, doc: ExtractionDoc) -> None:
        language = doc.language or "en"
        for sentence in doc_sentences(doc):
            if self.recall[language].search(sentence.text):
                continue
            for kind, start, end in self.cues[language].find(sentence.text):
                doc.add(
                    Finding(
                        "_outcome",
                        kind,
                        sentence.start + start,
                        sentence.start + end,
                        0.7,
                        {"sentence": sentence.index},
                    )
                )

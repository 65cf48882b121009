"""Demands: what the workers wanted (unpaid wages, pay, jobs, conditions ...).

Strong phrases ("back pay", "задолженность по зарплате", "job cuts") count
wherever they stand in a relevant article's sentences that speak of the
struggle; single words ("pay", "jobs") count only in a sentence that says
something is demanded, so a union's general slogan does not become a demand.
"""

from __future__ import annotations

import re

from picketline.domain.vocab import Demand
from picketline.extract.base import ExtractionDoc, Finding
from picketline.extract.lexicon.demands import DEMAND_CUES, STRONG, WEAK
from picketline.extract.patterns import Sentence, TermTable, doc_sentences, tables


class DemandFinder:
    """Demand mentions in one sentence (tables compiled once)."""

    def __init__(self) -> None:
        self.strong: dict[str, TermTable[Demand]] = tables(STRONG)
        self.weak: dict[str, TermTable[Demand]] = tables(WEAK)
        self.cues = {lang: re.compile(p, re.IGNORECASE) for lang, p in DEMAND_CUES.items()}

    def find(self, sentence: Sentence, language: str, in_context: bool) -> list[Finding]:
        """Demands in ``sentence``; ``in_context``: the sentence is about the struggle."""
        cue = bool(self.cues[language].search(sentence.text))
        found = []
        if in_context or cue:
            found += self._matches(self.strong[language], sentence, 0.8 if cue else 0.65)
        if cue and in_context:
            strong = {f.value for f in found}
            found += [
                f
                for f in self._matches(self.weak[language], sentence, 0.5)
                if not any(s.start < f.end and f.start < s.end for s in found)
                and not (f.value is Demand.PAY and Demand.UNPAID_WAGES in strong)
            ]
        return found

    @staticmethod
    def _matches(table: TermTable[Demand], sentence: Sentence, confidence: float) -> list[Finding]:
        return [
            Finding(
                "demands",
                demand,
                sentence.start + s,
                sentence.start + e,
                confidence,
                {"sentence": sentence.index},
            )
            for demand, s, e in table.find(sentence.text)
        ]


class DemandStage:
    """Adds ``demands`` findings for sentences that mention actions or workers."""

    name = "demands"

    def __init__(self) -> None:
        self.finder = DemandFinder()

    def __call__(self, doc: ExtractionDoc) -> None:
        language = doc.language or "en"
        about = {
            f.attrs.get("sentence")
            for f in doc.findings
            if f.field in ("actions", "workers", "workplace", "unions")
        }
        for sentence in doc_sentences(doc):
            for finding in self.finder.find(sentence, language, sentence.index in about):
                doc.add(finding)

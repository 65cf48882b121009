"""Demands: what the workers wanted (unpaid wages, pay, jobs, conditions ...).

Strong phrases ("back pay", "задолженность по зарплате", "job cuts") count
wherever they stand in a relevant article's sentences that speak of the
struggle; single words ("pay", "jobs") count only in a sentence that says
something is demanded, so a union's general slogan does not become a demand.
"""

from __future__ import annotations

import re

from picketline.domain.vocab import Demand
from picketline.extract.actions import recalled
from picketline.extract.base import ExtractionDoc, Finding
from picketline.extract.lexicon.demands import DEMAND_CUES, STRONG, WEAK
from picketline.extract.lexicon.relevance import UNION_WORDS
from picketline.extract.patterns import Sentence, TermTable, doc_sentences, tables

# "35 hours without loss of pay", "без снижения зарплаты": pay kept, not demanded.
_KEPT = re.compile(
    r"(?:without (?:a |any )?(?:loss|cut|reduction) (?:of|in)|no loss of|без (?:снижения|потери)"
    r"|без (?:зниження|втрати))\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


# "Им не платят зарплату": a sentence opening on the workers' pronoun continues them.
_PRONOUN_START = re.compile(r"\W*(?:they|their|them|они|им|их|вони|їм|їх)\b", re.IGNORECASE)


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
                and not _KEPT.search(sentence.text[: f.start - sentence.start][-30:])
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
        self.unions = {lang: re.compile(p, re.IGNORECASE) for lang, p in UNION_WORDS.items()}

    def __call__(self, doc: ExtractionDoc) -> None:
        language = doc.language or "en"
        about = {
            f.attrs.get("sentence")
            for f in doc.findings
            if f.field in ("actions", "workers", "workplace", "unions")
        }
        for sentence in doc_sentences(doc):
            if self._recalled(sentence, language, doc):
                continue  # "In 2008 miners here struck for higher pay": not today's demand
            in_context = (
                sentence.index in about
                or bool(self.unions[language].search(sentence.text))
                or (sentence.index - 1 in about and bool(_PRONOUN_START.match(sentence.text)))
            )
            for finding in self.finder.find(sentence, language, in_context):
                doc.add(finding)

    def _recalled(self, sentence: Sentence, language: str, doc: ExtractionDoc) -> bool:
        """A sentence about earlier events: "Напомним", "Back in", "У 2008 році"."""
        return recalled(sentence.text, language, doc.published.year if doc.published else None)

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


# "под угрозой увольнения", "threatened with dismissal": the employer's threat, not a demand.
_THREATENED = re.compile(
    r"(?:угроз\w*|угрож\w*|пригроз\w*|погроз\w*|погрож\w*|загроз\w*|threat\w*|warn\w*|face)"
    r"\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "надбавка за тяжёлые условия труда", "allowance for hazardous conditions": the
# allowance is the demand, the conditions only name it.
_ALLOWANCE_FOR = re.compile(
    r"(?:надбав\w*|доплат\w*|allowances?|premiums?|bonus\w*)\s+(?:\w+\s+)?(?:за|for)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# A single word ("pay", "jobs", "зарплата") is a demand only this close after a demand cue.
WEAK_REACH = 100

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
        cues = [m.end() + sentence.start for m in self.cues[language].finditer(sentence.text)]
        found = []
        if in_context or cues:
            found += self._matches(self.strong[language], sentence, 0.8 if cues else 0.65)
        if cues and in_context:
            strong = {f.value for f in found}
            found += [
                f
                for f in self._matches(self.weak[language], sentence, 0.5)
                if not any(s.start < f.end and f.start < s.end for s in found)
                and any(0 <= f.start - c <= WEAK_REACH for c in cues)
                and not (f.value is Demand.PAY and Demand.UNPAID_WAGES in strong)
                and not _KEPT.search(sentence.text[: f.start - sentence.start][-30:])
            ]
        return [f for f in found if not _named_only(f, sentence)]

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


def _named_only(finding: Finding, sentence: Sentence) -> bool:
    """A demand word that only names something else: a threatened dismissal is the
    employer's threat; the conditions an allowance is paid for are not demanded."""
    before = sentence.text[: finding.start - sentence.start][-40:]
    if finding.value is Demand.JOBS and _THREATENED.search(before):
        return True
    return finding.value is Demand.CONDITIONS and bool(_ALLOWANCE_FOR.search(before))


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

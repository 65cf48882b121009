"""Repression: arrests, charges, violence, dismissals, bans, censorship ...

A repression word counts only where the sentence is about the struggle's
people (it names workers, strikers, an action or the union, or says "them"
right after such a sentence) and not about
management ("the director was detained" is not repression of workers). A
count comes from the nearest head count in the same sentence ("arrested 24
striking meatpackers", "about 25 arrests", "25 задержанных"). Negated
mentions ("no arrests were made") are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from picketline.domain.struggle import Repression
from picketline.domain.vocab import RepressionType
from picketline.extract.base import ExtractionDoc, Finding
from picketline.extract.lexicon.relevance import ACTION_REFERENCE, RECALL, UNION_WORDS
from picketline.extract.lexicon.repression import (
    BAN_REFUSED,
    FORCES,
    MANAGEMENT,
    NEGATED,
    REPRESSION_TERMS,
)
from picketline.extract.patterns import Sentence, TermTable, doc_sentences, tables

COUNTED = frozenset(
    {
        RepressionType.ARREST,
        RepressionType.DISMISSAL,
        RepressionType.CHARGES,
        RepressionType.VIOLENCE,
        RepressionType.RELEASE,
    }
)
MAX_COUNT_DISTANCE = 40  # characters between a count and its repression word
MAX_CLAUSE_DISTANCE = 120  # ... when a relative clause stands between them
# "трьох гірників, які спустилися під землю, звільнили": the count, its noun, a
# relative clause closed by a comma, then (after at most three words) the verb.
_RELATIVE_GAP = re.compile(
    r"[^.;!?]*?,\s*(?:які|котрі|яких|котрих|которы\w*|кто|who|whom|that|which)\b[^.;!?]*,"
    r"(?:\s+[\w'’-]+){0,3}\s*",
    re.IGNORECASE,
)
# Employer-side subjects: their threats, bans and cut-offs are against the workforce
# even in a sentence that does not name the workers.
_EMPLOYER_SIDE = re.compile(
    r"\b(?:management|company|employer|bosses|director\w*|owner|court|judge|police|prosecutor\w*"
    r"|руководств\w*|администраци\w*|компани\w*|работодател\w*|директор\w*|владел\w*|суд\w*"
    r"|прокуратур\w*|полици\w*|мэри\w*|керівництв\w*|адміністраці\w*|компані\w*|роботодав\w*"
    r"|власник\w*|поліці\w*|міськрад\w*|мері\w*)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_EMPLOYER_KINDS = frozenset({RepressionType.THREAT, RepressionType.BAN, RepressionType.CENSORSHIP})
_PRONOUNS = re.compile(
    r"\b(?:them|they|their|all|those|их|они|им|всех|все|їх|вони|їм|всіх|усіх|всі|усі)\b",
    re.IGNORECASE,
)


def _compile(patterns: dict[str, str]) -> dict[str, re.Pattern[str]]:
    return {lang: re.compile(p, re.IGNORECASE) for lang, p in patterns.items()}


class RepressionStage:
    """Adds ``repression`` findings (value: ``Repression``) with counts where given."""

    name = "repression"

    def __init__(self) -> None:
        self.terms: dict[str, TermTable[RepressionType]] = tables(REPRESSION_TERMS)
        self.negated = _compile(NEGATED)
        self.management = _compile(MANAGEMENT)
        self.forces = _compile(FORCES)
        self.unions = _compile(UNION_WORDS)
        self.participants = _compile(ACTION_REFERENCE)
        self.recall = _compile(RECALL)
        self.ban_refused = _compile(BAN_REFUSED)

    def __call__(self, doc: ExtractionDoc) -> None:
        language = doc.language or "en"
        about = {
            f.attrs.get("sentence")
            for f in doc.findings
            if f.field in ("actions", "workers", "unions")
        }
        counts = doc.of("_count")
        for sentence in doc_sentences(doc):
            if self._recalled(sentence, language, doc):
                continue
            kinds: frozenset[RepressionType] | None = None  # None: every kind
            if sentence.index not in about and not self._continues(sentence, language, about):
                if not _EMPLOYER_SIDE.search(sentence.text):
                    continue
                kinds = _EMPLOYER_KINDS
            else:
                about.add(sentence.index)
            if self.negated[language].search(sentence.text):
                continue
            for finding in self._in_sentence(sentence, language, counts):
                if kinds is None or finding.value.type in kinds:
                    doc.add(finding)

    def _recalled(self, sentence: Sentence, language: str, doc: ExtractionDoc) -> bool:
        """A sentence about earlier events ("Напомним", "in 2019", "с 2020 года")."""
        if self.recall[language].search(sentence.text):
            return True
        if doc.published is None:
            return False
        years = [int(y) for y in _YEAR.findall(sentence.text)]
        return bool(years) and max(years) < doc.published.year

    def _continues(self, sentence: Sentence, language: str, about: set[object]) -> bool:
        """A sentence about the same people: a union word, or "them"/"их"/"їх" after
        a sentence about them ("police detained 35 of them", "All were released"), or
        the action's own people ("трьох учасників акції", "the protesters")."""
        if self.unions[language].search(sentence.text):
            return True
        if self.participants[language].search(sentence.text):
            return True
        if sentence.index - 1 not in about:
            return False
        # right after a sentence about them: "them"/"их", or anyone the police or a
        # court acts on ("Полиция задержала 12 человек")
        return bool(_PRONOUNS.search(sentence.text) or self.forces[language].search(sentence.text))

    def _in_sentence(
        self, sentence: Sentence, language: str, counts: Sequence[Finding]
    ) -> list[Finding]:
        found = []
        text = sentence.text
        for kind, start, end in self.terms[language].find(text):
            if not self._plausible(kind, text, language):
                continue
            begin, stop = sentence.start + start, sentence.start + end
            count = _nearest_count(counts, begin, stop, sentence) if kind in COUNTED else None
            found.append(
                Finding(
                    "repression",
                    Repression(kind, count),
                    begin,
                    stop,
                    0.7,
                    {"sentence": sentence.index},
                )
            )
        return found

    def _plausible(self, kind: RepressionType, text: str, language: str) -> bool:
        if kind in (RepressionType.ARREST, RepressionType.CHARGES, RepressionType.DISMISSAL):
            return not self.management[language].search(text)
        if kind is RepressionType.VIOLENCE:
            return bool(self.forces[language].search(text))
        if kind is RepressionType.BAN:
            return not self.ban_refused[language].search(text)
        return True


def _nearest_count(
    counts: Sequence[Finding], start: int, end: int, sentence: Sentence
) -> int | None:
    """The people count closest to a repression word within its sentence."""
    best: tuple[int, Any] | None = None
    for finding in counts:
        if not (sentence.start <= finding.start < sentence.end):
            continue
        if finding.attrs.get("unit") not in (None, "people"):
            continue
        distance = start - finding.end if finding.end <= start else finding.start - end
        if start <= finding.start and finding.end <= end:
            distance = 0  # inside the phrase: "took 9 pickets into custody"
        reach = finding.end + MAX_CLAUSE_DISTANCE
        if distance > MAX_COUNT_DISTANCE and finding.end <= start <= reach:
            gap = sentence.text[finding.end - sentence.start : start - sentence.start]
            if _RELATIVE_GAP.fullmatch(gap):
                distance = MAX_COUNT_DISTANCE  # counted, but behind any closer count
        if 0 <= distance <= MAX_COUNT_DISTANCE and (best is None or distance < best[0]):
            best = (distance, finding)
    if best is None:
        return None
    value = best[1].value
    if value.min and value.max and value.max > 2 * value.min:
        return None  # "несколько человек", "dozens": no number the article gives
    return int(value.max if value.max is not None else value.min)

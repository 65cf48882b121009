"""Demands: what the workers wanted (unpaid wages, pay, jobs, conditions ...).

Strong phrases ("back pay", "задолженность по зарплате", "job cuts") count
wherever they stand in a relevant article's sentences that speak of the
struggle; single words ("pay", "jobs") count only in a sentence that says
something is demanded, so a union's general slogan does not become a demand.
"""

from __future__ import annotations

import re
from dataclasses import replace

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
    r"(?:угроз\w*|угрож\w*|пригроз\w*|погроз\w*|погрож\w*|загроз\w*|threat\w*|warn\w*|face|лишени\w*"
    r"|лишить|позбавленн\w*|позбавити|deprived of|loss of)"
    r"\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "надбавка за тяжёлые условия труда", "allowance for hazardous conditions": the
# allowance is the demand, the conditions only name it.
_ALLOWANCE_FOR = re.compile(
    r"(?:надбав\w*|доплат\w*|allowances?|premiums?|bonus\w*)\s+(?:\w+\s+)?(?:за|for)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "breaks the collective agreement", "відповідно до колективного договору": an agreement
# in force that is cited, not one demanded.
_CITED = re.compile(
    r"(?:breaks?|breach\w*|violat\w*|under|according to|in line with|per|відповідно до|згідно з"
    r"|(?:строго|только|тільки|лише|суворо) (?:по|за|відповідно до)"
    r"|согласно|в соответствии с|наруша\w*|нарушени\w*|поруш\w*)"
    r"\s+(?:the\s+|its\s+|their\s+|a\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)
# "скасування надбавки", "cut the bonus": an allowance cut is a pay demand.
_CUT = re.compile(
    r"(?:cut|cuts|cutting|scrap\w*|abolish\w*|remov\w*|reduc\w*|скасуван\w*|скасува\w*|урізан\w*"
    r"|уріза\w*|зниженн\w*|зменшенн\w*|отмен\w*|сокращени\w*|снижени\w*|урезани\w*|уменьшени\w*)"
    r"\s+(?:[\w-]+\s+){0,4}$",
    re.IGNORECASE,
)
# "would have their salaries withheld": the employer's sanction, not the workers' demand.
_SANCTION = re.compile(r"\b(?:would|will)\s+(?:have|see|get)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# "по их словам", "за словами учасниць", "according to the workers": the workers' own account.
_THEIR_WORDS = re.compile(
    r"\b(?:по (?:их|словам (?:рабоч|работник|сотрудник|участ|бастующ|водител)\w*)"
    r"|за (?:їхніми|їх) словами|за словами (?:працівник|робітник|учасни|страйкар|водіїв)\w*"
    r"|according to (?:the )?(?:workers|them|strikers|staff))",
    re.IGNORECASE,
)
_PRONOUN_START = re.compile(r"\W*(?:they|their|them|они|им|их|вони|їм|їх)\b", re.IGNORECASE)
# "компанія не платить їм", "не платит им уже три месяца": the workers as the ones unpaid.
_OBJECT_PRONOUN = re.compile(r"\b(?:им|их|їм|їх)\b", re.IGNORECASE)
# "надбавку до посадових окладів": the salary a supplement is added to is not demanded.
_COMPLEMENT = re.compile(r"\s+(?:до|к|на|to|on top of)\s+(?:[\w-]+\s+)?", re.IGNORECASE)
# The verbs of demanding themselves (not "due to", "over"): whoever demands is the workforce.
_DEMANDING = re.compile(
    r"\b(?:demand\w*|call\w* for|потребова\w*|требова\w*|требу\w*|добива\w*|вимага\w*|домага\w*)",
    re.IGNORECASE,
)
# A list item: "▪️ повернути попередні тарифи;", "- a 10% rise", "1) ...".
_BULLET = re.compile(r"\s*(?:[-–—•▪◾●*]|\d+[.)])\s*\S|\s*[\u2600-\u27bf\U0001F300-\U0001FAFF]")
# A single word ("pay", "jobs", "зарплата") is a demand only this close after a demand cue.
WEAK_REACH = 100


class DemandFinder:
    """Demand mentions in one sentence (tables compiled once)."""

    def __init__(self) -> None:
        self.strong: dict[str, TermTable[Demand]] = tables(STRONG)
        self.weak: dict[str, TermTable[Demand]] = tables(WEAK)
        self.cues = {lang: re.compile(p, re.IGNORECASE) for lang, p in DEMAND_CUES.items()}

    def find(
        self, sentence: Sentence, language: str, in_context: bool, listed: bool = False
    ) -> list[Finding]:
        """Demands in ``sentence``; ``in_context``: the sentence is about the struggle;
        ``listed``: it is an item of a list headed "Вимоги:", "Demands:" (cued from its start)."""
        cues = [m.end() + sentence.start for m in self.cues[language].finditer(sentence.text)]
        if listed:
            cues.insert(0, sentence.start)
        found = []
        if in_context or cues:
            found += self._matches(self.strong[language], sentence, 0.8 if cues else 0.65)
        if cues and in_context:
            strong = {f.value for f in found}
            found += [
                f
                for f in self._matches(self.weak[language], sentence, 0.5)
                if not any(s.start < f.end and f.start < s.end for s in found)
                and not any(_complement(s, f, sentence) for s in found)
                and any(0 <= f.start - c <= WEAK_REACH for c in cues)
                and not (f.value is Demand.PAY and Demand.UNPAID_WAGES in strong)
                and not _KEPT.search(sentence.text[: f.start - sentence.start][-30:])
            ]
        return [_as_pay_if_cut(f, sentence) for f in found if not _named_only(f, sentence)]

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


def _complement(strong: Finding, weak: Finding, sentence: Sentence) -> bool:
    """The weak word completes a strong one: "надбавку до посадових окладів"."""
    gap = sentence.text[strong.end - sentence.start : weak.start - sentence.start]
    return strong.end <= weak.start and bool(_COMPLEMENT.fullmatch(gap))


def _same_allowance_as_cut(found: list[Finding], text: str) -> list[Finding]:
    """Once an allowance's cut is the grievance ("скасувати надбавку"), the article's
    other mentions of that allowance ("Руки геть від надбавок") are the same pay demand."""
    cut = {_stem(text[f.start : f.end]) for f in found if f.attrs.get("cut")}
    return [
        replace(f, value=Demand.PAY)
        if f.value is Demand.BENEFITS and _stem(text[f.start : f.end]) in cut
        else f
        for f in found
    ]


def _stem(word: str) -> str:
    return word.casefold()[:6]


def _named_only(finding: Finding, sentence: Sentence) -> bool:
    """A demand word that only names something else: a threatened dismissal or loss of
    bonuses is the employer's threat; the conditions an allowance is paid for, and an
    agreement cited, are not demanded; "would have their salaries withheld" is a sanction."""
    before = sentence.text[: finding.start - sentence.start][-40:]
    value = finding.value
    if value in (Demand.JOBS, Demand.BENEFITS) and _THREATENED.search(before):
        return True
    if value in (Demand.UNPAID_WAGES, Demand.PAY) and _SANCTION.search(before):
        return True
    if value is Demand.CONTRACT and _CITED.search(before):
        return True
    return value is Demand.CONDITIONS and bool(_ALLOWANCE_FOR.search(before))


def _as_pay_if_cut(finding: Finding, sentence: Sentence) -> Finding:
    """An allowance or bonus cut is a pay demand ("скасування надбавки", "cut the bonus")."""
    before = sentence.text[: finding.start - sentence.start][-60:]
    if finding.value is Demand.BENEFITS and _CUT.search(before):
        return replace(finding, value=Demand.PAY, attrs={**finding.attrs, "cut": True})
    return finding


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
        listed = False
        found: list[Finding] = []
        for sentence in doc_sentences(doc):
            listed = self._listed(sentence, language, listed)
            if self._recalled(sentence, language, doc):
                continue  # "In 2008 miners here struck for higher pay": not today's demand
            in_context = (
                sentence.index in about
                or bool(self.unions[language].search(sentence.text))
                or bool(_THEIR_WORDS.search(sentence.text))
                or (sentence.index - 1 in about and self._continues(sentence, language))
            )
            in_context = in_context or (listed and bool(_BULLET.match(sentence.text)))
            found += self.finder.find(sentence, language, in_context, listed and in_context)
        for finding in _same_allowance_as_cut(found, doc.text):
            doc.add(finding)

    def _listed(self, sentence: Sentence, language: str, listed: bool) -> bool:
        """Whether ``sentence`` is in a list of demands: a cue line ending in ":" opens
        one ("Вимоги кур'єрів:", "Their demands:"), its bulleted lines continue it."""
        text = sentence.text.rstrip()
        if text.endswith(":") and self.finder.cues[language].search(text):
            return True
        return listed and bool(_BULLET.match(text))

    def _continues(self, sentence: Sentence, language: str) -> bool:
        """After a sentence about the workers: their pronoun ("Им не платят", "компанія не
        платить їм") or a verb of demanding ("Люди ... потребовали") keeps to them."""
        text = sentence.text
        return bool(
            _PRONOUN_START.match(text) or _OBJECT_PRONOUN.search(text) or _DEMANDING.search(text)
        )

    def _recalled(self, sentence: Sentence, language: str, doc: ExtractionDoc) -> bool:
        """A sentence about earlier events: "Напомним", "Back in", "У 2008 році"."""
        return recalled(sentence.text, language, doc.published.year if doc.published else None)

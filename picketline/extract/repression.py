"""Repression: arrests, charges, violence, dismissals, bans, censorship ...

A repression word counts only where its sentence is about the struggle's
people (it names workers, strikers, the action, its organisers or the union,
or says "them" right after such a sentence), or, for what only authorities and
employers do (a police or court act, a ban, a cut-off), where it follows such a
sentence closely. Who did what to whom is read from the parties named around
the word: management on the receiving end ("the director was detained") is not
repression of workers, and a lawsuit, accusation or threat whose author is the
workers' side ("the union sued the company", "рабочие обвиняют руководство")
is not repression at all. A count comes from the nearest head count in the
same sentence ("arrested 24 striking meatpackers", "25 задержанных"), or is 1
where one person is named ("the union's leader was detained", "задержали
председателя профкома"). Negated or denied mentions ("no arrests were made",
"police denied detaining anyone") are dropped clause by clause.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from picketline.domain.struggle import Repression
from picketline.domain.vocab import RepressionType
from picketline.extract.base import ExtractionDoc, Finding
from picketline.extract.lexicon.relevance import ACTION_REFERENCE, RECALL, UNION_WORDS
from picketline.extract.lexicon.repression import (
    ACCIDENT,
    ACTION_NOUNS,
    BAN_REFUSED,
    COMPLAINTS,
    CRIME,
    CUSTODY_UK,
    CUSTODY_WORDS,
    DELAYED,
    DEMANDED,
    EMPLOYER,
    FORCES,
    HARM,
    MANAGEMENT,
    NEGATED,
    OFFICIAL,
    OWN_VERB,
    PASSIVE_EN,
    PEOPLE,
    PERSON_EN,
    PREPOSITION_BEFORE,
    PRESSURE_ON_AUTHORITIES,
    PRONOUNS,
    REDUCED_EN,
    RELATIVE_GAP,
    REPRESSION_TERMS,
    STATE,
    THREAT_VERBS,
    WORKER_PRONOUNS,
)
from picketline.extract.morph import WORD, analyzer, is_cyrillic
from picketline.extract.patterns import Sentence, TermTable, doc_sentences, tables

R = RepressionType
COUNTED = frozenset({R.ARREST, R.DISMISSAL, R.CHARGES, R.VIOLENCE, R.RELEASE})
# One person named as the target: "the union leader was detained" is a count of 1.
SINGLE_COUNTED = frozenset({R.ARREST, R.DISMISSAL, R.CHARGES})
MAX_COUNT_DISTANCE = 40  # characters between a count and its repression word
MAX_CLAUSE_DISTANCE = 120  # ... when a relative clause stands between them
NEAR_SENTENCES = 3  # an authority's act this close after a sentence about the action is about it
CLAUSE_PENALTY = 30  # a count in another clause ranks behind one in the word's own
PARTY_REACH = 80  # characters around a repression word where its parties are looked for
_EMPLOYER_ONLY = re.compile(rf"\b(?:{EMPLOYER})\b", re.IGNORECASE)
_STATE_ONLY = re.compile(rf"\b(?:{STATE})\b", re.IGNORECASE)
_EMPLOYER_SIDE = re.compile(rf"\b(?:{EMPLOYER}|{STATE})\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_EMPLOYER_KINDS = frozenset({R.THREAT, R.BAN, R.CENSORSHIP})
_NEAR_KINDS = frozenset(
    {R.ARREST, R.CHARGES, R.VIOLENCE, R.RELEASE, R.BAN, R.CENSORSHIP, R.THREAT}
    | {R.NO_PROSECUTION_PLEDGE, R.TORTURE}
)
_UNNAMED_KINDS = frozenset({R.CENSORSHIP, R.BAN, R.ARREST, R.RELEASE, R.CHARGES})
_CLAUSE = re.compile(r"[,;:]|\s[—–-]\s|\bbut\b|\bно\b|\bале\b|\bпроте\b|\bоднако\b")
_CLAUSE_MARK = re.compile(r"[,;]")
_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "voct"})


@dataclass(frozen=True)
class _Party:
    """Someone named in a sentence: ``side`` is ``workers``, ``management`` or ``employer``."""

    start: int
    end: int
    side: str
    text: str


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
        self.people = _compile(PEOPLE)
        self.pronouns = _compile(WORKER_PRONOUNS)
        self.recall = _compile(RECALL)
        self.ban_refused = _compile(BAN_REFUSED)
        self.action_nouns = _compile(ACTION_NOUNS)
        self.complaints = _compile(COMPLAINTS)
        self.official = _compile(OFFICIAL)
        self.delayed = _compile(DELAYED)
        self.accident = _compile(ACCIDENT)
        self.threat_verbs = {lang: re.compile(p, re.IGNORECASE) for lang, p in THREAT_VERBS.items()}

    def __call__(self, doc: ExtractionDoc) -> None:
        language = doc.language or "en"
        about = {
            f.attrs.get("sentence")
            for f in doc.findings
            if f.field in ("actions", "workers", "unions")
        }
        workers = [(f.start, f.end) for f in doc.findings if f.field == "workers"]
        counts = doc.of("_count")
        found: list[Finding] = []
        violent: set[int] = set()
        for sentence in doc_sentences(doc):
            if self._recalled(sentence, language, doc):
                continue
            kinds = self._scope(sentence, language, about)
            if kinds is None:
                continue
            after_violence = sentence.index - 1 in violent
            for finding in self._in_sentence(sentence, language, counts, workers, after_violence):
                if finding.value.type in kinds:
                    found.append(finding)
                    if finding.value.type is R.VIOLENCE:
                        violent.add(sentence.index)
        for finding in _with_custody(found):
            doc.add(finding)

    def _recalled(self, sentence: Sentence, language: str, doc: ExtractionDoc) -> bool:
        """A sentence about earlier events ("Напомним", "in 2019", "с 2020 года")."""
        if self.recall[language].search(sentence.text):
            return True
        if doc.published is None:
            return False
        years = [int(y) for y in _YEAR.findall(sentence.text)]
        return bool(years) and max(years) < doc.published.year

    def _scope(
        self, sentence: Sentence, language: str, about: set[Any]
    ) -> frozenset[RepressionType] | None:
        """Which kinds a sentence may report: every kind where it is about the struggle's
        people; an authority's or employer's act shortly after such a sentence; an
        employer's threat, ban or cut-off anywhere; else none."""
        if sentence.index in about or self._continues(sentence, language, about):
            about.add(sentence.index)
            return frozenset(RepressionType)
        authority = bool(
            _EMPLOYER_SIDE.search(sentence.text) or self.forces[language].search(sentence.text)
        )
        near = any(sentence.index - k in about for k in range(1, NEAR_SENTENCES + 1))
        if near:  # detentions and charges are the police's or a court's even unnamed
            return _NEAR_KINDS if authority else _UNNAMED_KINDS
        return _EMPLOYER_KINDS if _EMPLOYER_SIDE.search(sentence.text) else None

    def _continues(self, sentence: Sentence, language: str, about: set[Any]) -> bool:
        """A sentence about the same people: a union word, the action's own people
        ("трьох учасників акції", "the protesters", "зачинщиков"), or "them"/"их"/"їх"
        or a police or court act right after a sentence about them."""
        text = sentence.text
        if any(p[language].search(text) for p in (self.unions, self.participants, self.people)):
            return True
        if sentence.index - 1 not in about:
            return False
        return bool(PRONOUNS.search(text) or self.forces[language].search(text))

    def _in_sentence(
        self,
        sentence: Sentence,
        language: str,
        counts: Sequence[Finding],
        workers: Sequence[tuple[int, int]],
        after_violence: bool = False,
    ) -> list[Finding]:
        """Repression words of one sentence; ``after_violence``: the sentence before
        reported violence, so "Three comrades were injured" needs no agent of its own."""
        found = []
        text = sentence.text
        parties = self._parties(sentence, language, workers)
        for kind, start, end in self.terms[language].find(text):
            kind = _reclassified(kind, text, language)
            if self._negated(text, start, end, language):
                continue
            if kind is R.VIOLENCE and after_violence and HARM.search(text[start:end]):
                pass  # the injuries of the violence just reported
            elif not self._plausible(kind, text, start, end, language, parties):
                continue
            begin, stop = sentence.start + start, sentence.start + end
            count = None
            if kind in COUNTED:
                near, count = _nearest_count(counts, begin, stop, sentence)
                if not near and kind in SINGLE_COUNTED:
                    count = _single(text, start, end, language)
            custody = bool(CUSTODY_WORDS.search(text[start:end]))
            complaint = kind is R.CHARGES and bool(
                self.complaints[language].search(text[start:end])
            )
            attrs = {"sentence": sentence.index, "custody": custody, "complaint": complaint}
            found.append(Finding("repression", Repression(kind, count), begin, stop, 0.7, attrs))
        if any(f.value.type is R.BAN for f in found):  # the suit that brought the ban
            found = [f for f in found if not f.attrs["complaint"]]
        return found

    def _negated(self, text: str, start: int, end: int, language: str) -> bool:
        """A negation or denial in the word's own clause ("no one was arrested",
        "полиция опровергла задержания"), not in a neighbouring one."""
        left = max((m.end() for m in _CLAUSE.finditer(text, 0, start)), default=0)
        right = next((m.start() for m in _CLAUSE.finditer(text, end)), len(text))
        return bool(self.negated[language].search(text[left:right]))

    def _plausible(
        self,
        kind: RepressionType,
        text: str,
        start: int,
        end: int,
        language: str,
        parties: list[_Party],
    ) -> bool:
        """Whether a matched word is repression of the struggle's people."""
        targeted = kind in (R.ARREST, R.CHARGES, R.DISMISSAL)
        if targeted and self._other_target(text, start, end, language, parties):
            return False
        if kind is R.ARREST:
            return not self._delay(text, start, end, language)
        if kind is R.CHARGES:
            return self._charged(text, start, end, language, parties)
        if kind is R.VIOLENCE:
            return self._violent(text, start, end, language)
        if kind is R.BAN:
            return self._ban_of_action(text, start, end, language)
        if kind is R.RELEASE:
            return not DEMANDED.search(text[max(0, start - 40) : start])
        if kind is R.THREAT and self._threatening_verb(text, start, end, language):
            return _agent(text, start, end, language, parties) != "workers"
        if kind is R.THREAT:
            return not PRESSURE_ON_AUTHORITIES.match(text, start)
        return True

    def _threatening_verb(self, text: str, start: int, end: int, language: str) -> bool:
        """A finite verb of threatening whose subject made the threat ("Профсоюз
        пригрозил", "The union warned"), not an infinitive ("an attempt to
        intimidate") or a noun ("давление на работников")."""
        if not self.threat_verbs[language].match(text, start):
            return False
        if language == "en" or not is_cyrillic(text[start:end]):
            return not re.search(r"\bto\s+$", text[:start])
        words = WORD.findall(text[start:end])
        tag = analyzer(language).parse(words[0].casefold())[0].tag if words else None
        return tag is not None and "VERB" in tag

    def _other_target(
        self, text: str, start: int, end: int, language: str, parties: list[_Party]
    ) -> bool:
        """Management or an ordinary suspect, not the workers, is on the receiving end."""
        target = _target(text, start, end, language, parties)
        if target is not None and target.side != "workers":
            return True
        named = any(
            p.side == "workers" and not self.pronouns[language].fullmatch(p.text) for p in parties
        )
        return not named and bool(CRIME.search(text))

    def _delay(self, text: str, start: int, end: int, language: str) -> bool:
        """ "Зарплата задержана", "задержали выплаты": money held up, not people."""
        before = " ".join(WORD.findall(text[max(0, start - 40) : start])[-3:])
        after = " ".join(WORD.findall(text[end : end + 40])[:3])
        return bool(self.delayed[language].search(before) or self.delayed[language].search(after))

    def _charged(
        self, text: str, start: int, end: int, language: str, parties: list[_Party]
    ) -> bool:
        """Charges the state or the employer brings; a fine only where a court or the
        police impose it; a lawsuit or accusation only where the workers are not its
        authors and the employer not its target."""
        word = text[start:end]
        if re.match(r"штраф", word, re.IGNORECASE):  # the noun, not "оштрафовали"
            return bool(self.official[language].search(text))
        if not self.complaints[language].search(word):
            return True
        if _agent(text, start, end, language, parties) == "workers":
            return False
        after = [p for p in parties if p.start >= end and p.start - end <= PARTY_REACH // 2]
        return not (after and after[0].side == "employer")

    def _violent(self, text: str, start: int, end: int, language: str) -> bool:
        """Violence needs an agent (police, guards, gas); an accident's dead are not it."""
        if not self.forces[language].search(text):
            return False
        return not (HARM.search(text[start:end]) and self.accident[language].search(text))

    def _ban_of_action(self, text: str, start: int, end: int, language: str) -> bool:
        """A ban of the action itself ("запретил митинг", "declared the strike illegal"),
        not a ban sought and refused, nor "a ban on layoffs" or "суд признал увольнение
        незаконным"."""
        if self.ban_refused[language].search(text):
            return False
        window = text[max(0, start - PARTY_REACH) : end + PARTY_REACH]
        return bool(self.action_nouns[language].search(window))

    def _parties(
        self, sentence: Sentence, language: str, workers: Sequence[tuple[int, int]]
    ) -> list[_Party]:
        """Everyone named in the sentence, in order, with their side (``workers``,
        ``management``, ``employer`` or ``state``)."""
        text = sentence.text
        found = [
            _Party(
                s - sentence.start,
                e - sentence.start,
                "workers",
                text[s - sentence.start : e - sentence.start],
            )
            for s, e in workers
            if sentence.start <= s < sentence.end
        ]
        for side, regexes in (
            ("workers", (self.unions, self.participants, self.people, self.pronouns)),
            ("management", (self.management,)),
        ):
            for regex in regexes:
                found += [
                    _Party(m.start(), m.end(), side, m.group())
                    for m in regex[language].finditer(text)
                    if not self.action_nouns[language].search(m.group())  # "the strike": no one
                ]
        found += [
            _Party(m.start(), m.end(), "employer", m.group()) for m in _EMPLOYER_ONLY.finditer(text)
        ]
        return _longest(found)


def _longest(parties: list[_Party]) -> list[_Party]:
    """Overlapping mentions resolved to the longest ("сотрудники администрации" are
    workers, though "администрации" alone is the employer), in text order."""
    kept: list[_Party] = []
    for party in sorted(parties, key=lambda p: (p.start - p.end, p.start)):
        if not any(k.start < party.end and party.start < k.end for k in kept):
            kept.append(party)
    return sorted(kept, key=lambda p: p.start)


def _reclassified(kind: RepressionType, text: str, language: str) -> RepressionType:
    """Ukrainian "звільнили" said of detainees is a release, not a dismissal."""
    if kind is R.DISMISSAL and language == "uk" and CUSTODY_UK.search(text):
        return R.RELEASE
    return kind


def _with_custody(found: list[Finding]) -> list[Finding]:
    """A bare "released"/"отпустили" is a release only in an article with an arrest
    ("the funds were released", "отпустили домой" are not)."""
    if any(f.value.type is R.ARREST for f in found):
        return found
    return [f for f in found if f.value.type is not R.RELEASE or f.attrs.get("custody")]


def _passive(text: str, start: int, end: int, language: str) -> bool:
    """The repression word is passive ("were sued", "задержан", "затримано", "обвиняются")."""
    if language == "en" or not is_cyrillic(text[start:end]):
        # "were sued"; "Four workers dismissed during the strike" (a reduced relative)
        word_end = start + len(text[start:end].split(" ", 1)[0])
        return bool(PASSIVE_EN.search(text[:start]) or REDUCED_EN.match(text, word_end))
    words = WORD.findall(text[start:end])
    if not words:
        return False
    word = words[0].casefold()
    grammemes = set(analyzer(language).parse(word)[0].tag.grammemes)
    if {"PRTS", "pssv", "Impe"} & grammemes:
        return True
    # "обвиняются", "звинувачуються", not "обратились", "звернулися"
    return word.endswith(("ся", "сь")) and {"impf", "pres"} <= grammemes


def _nominative(party: _Party, language: str) -> bool:
    """Whether a Cyrillic party is named in the nominative (a subject) by its first word."""
    words = WORD.findall(party.text)
    if not words or not is_cyrillic(words[0]):
        return True
    grammemes = set(analyzer(language).parse(words[0].casefold())[0].tag.grammemes)
    return "nomn" in grammemes or not (grammemes & _CASES)


def _agent_party(
    text: str, start: int, end: int, language: str, parties: list[_Party]
) -> _Party | None:
    """Whoever does the act: the nearest party named before an active word, in the
    nominative ("Профсоюз подал иск", "The union threatened", "Руководство уволило")."""
    if _passive(text, start, end, language):
        return None
    before = [
        p
        for p in parties
        if p.end <= start
        and start - p.end <= PARTY_REACH
        and not (language == "en" and PREPOSITION_BEFORE.search(text[: p.start]))
    ]  # "managers wrote to staff warning": the managers warned
    if not before or not _nominative(before[-1], language):
        return None
    return before[-1]


_AGAINST = re.compile(r"(?:щодо|стосовно|проти|против|в отношении|на)\s+$", re.IGNORECASE)


def _can_be_patient(party: _Party, text: str, language: str, passive: bool) -> bool:
    """A Cyrillic party is acted on in the accusative (the nominative when the word is
    passive) or after "щодо", "в отношении", "против"; a genitive complainant is not."""
    words = WORD.findall(party.text)
    if not words or not is_cyrillic(words[0]) or _AGAINST.search(text[: party.start]):
        return True
    cases = {g for p in analyzer(language).parse(words[0].casefold())[:4] for g in p.tag.grammemes}
    if not cases & _CASES:
        return True
    return bool(cases & ({"nomn", "accs"} if passive else {"accs"}))


def _agent(text: str, start: int, end: int, language: str, parties: list[_Party]) -> str | None:
    """The agent's side (``workers``, ``management``, ``employer``) or None."""
    party = _agent_party(text, start, end, language, parties)
    return party.side if party else None


def _target(text: str, start: int, end: int, language: str, parties: list[_Party]) -> _Party | None:
    """Whoever the act is done to: the nearest party that is not its agent nor the
    police or a court (one named after the word wins a tie: "Директор уволил активиста")."""
    agent = _agent_party(text, start, end, language, parties)
    passive = _passive(text, start, end, language)
    best: tuple[int, int, _Party] | None = None
    for party in parties:
        if party is agent or party.side == "state" or (start < party.end and party.start < end):
            continue
        if not _can_be_patient(party, text, language, passive):
            continue  # "за заявою адміністрації": the complainant, not the one charged
        after = party.start >= end
        distance = party.start - end if after else start - party.end
        key = (distance, 0 if after else 1)
        if distance <= PARTY_REACH and (best is None or key < best[:2]):
            best = (*key, party)
    return best[2] if best else None


def _single(text: str, start: int, end: int, language: str) -> int | None:
    """1 where one person is the target ("the union's leader was detained", "задержали
    председателя профкома"), else None."""
    if language == "en" or not is_cyrillic(text[start:end]):
        if re.search(r"\b(?:was|has been|had been|is being)\s+(?:\w+\s+)?$", text[:start], re.I):
            return 1
        return 1 if PERSON_EN.match(text, end + 1) and text[end : end + 1] == " " else None
    return _single_cyrillic(text, start, end, language)


def _single_cyrillic(text: str, start: int, end: int, language: str) -> int | None:
    """The nearest animate noun within four words of the verb decides: singular is 1."""
    morph = analyzer(language)
    before = [(m.start(), m.group()) for m in WORD.finditer(text, max(0, start - 60), start)][-4:]
    after = [(m.start(), m.group()) for m in WORD.finditer(text, end, end + 60)][:4]
    ranked = sorted(
        [(i, 0, w) for i, (_, w) in enumerate(after)]
        + [(i, 1, w) for i, (_, w) in enumerate(reversed(before))]
    )
    for _, _, word in ranked:
        parses = [
            p for p in morph.parse(word.casefold())[:4] if {"NOUN", "anim"} <= set(p.tag.grammemes)
        ]
        if not parses or re.match(FORCES[language], word, re.IGNORECASE):
            continue
        return None if any("plur" in p.tag for p in parses) else 1
    return None


def _nearest_count(
    counts: Sequence[Finding], start: int, end: int, sentence: Sentence
) -> tuple[bool, int | None]:
    """The people count closest to a repression word within its sentence: whether
    there is one, and its number (None for "несколько человек", "dozens")."""
    best: tuple[int, Any] | None = None
    for finding in counts:
        if not (sentence.start <= finding.start < sentence.end):
            continue
        if finding.attrs.get("unit") not in (None, "people") and not finding.attrs.get(
            "repression"
        ):
            continue  # a date or money, unless the count stage read it as arrests etc.
        distance = start - finding.end if finding.end <= start else finding.start - end
        if start <= finding.start and finding.end <= end:
            distance = 0  # inside the phrase: "took 9 pickets into custody"
        reach = finding.end + MAX_CLAUSE_DISTANCE
        relative = False
        if distance > MAX_COUNT_DISTANCE and finding.end <= start <= reach:
            gap = sentence.text[finding.end - sentence.start : start - sentence.start]
            relative = bool(RELATIVE_GAP.fullmatch(gap))
            if relative:
                distance = MAX_COUNT_DISTANCE  # counted, but behind any closer count
        if not 0 <= distance <= MAX_COUNT_DISTANCE:
            continue
        lo, hi = (finding.end, start) if finding.end <= start else (end, finding.start)
        if not relative and _CLAUSE_MARK.search(
            sentence.text, lo - sentence.start, hi - sentence.start
        ):
            distance += CLAUSE_PENALTY  # "Пятерых уволили, ещё двоих оштрафовали"
        if finding.start >= end and OWN_VERB.match(sentence.text, finding.end - sentence.start):
            distance += CLAUSE_PENALTY  # "were detained and three were treated in hospital"
        if distance > MAX_COUNT_DISTANCE:
            continue  # "used a water cannon ..., and 14 workers were arrested": not its count
        if best is None or distance < best[0]:
            best = (distance, finding)
    if best is None:
        return False, None
    value = best[1].value
    if value.min and value.max and value.max > 2 * value.min:
        return True, None  # "несколько человек", "dozens": no number the article gives
    return True, int(value.max if value.max is not None else value.min)

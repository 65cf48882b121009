"""Actions: what the workers did (strike, occupation, blockade ...).

Matching is per sentence, so that the sentence's other words can veto a match:
"air strike", a football "strike", "strike a deal" are not strikes. A
threatened or balloted action is kept but marked ``hypothetical`` — the
relevance stage weighs it less and assembly leaves it out of ``actions``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from picketline.domain.vocab import Action
from picketline.extract.base import ExtractionDoc, Finding
from picketline.extract.lexicon.actions import ACTION_TERMS, HYPOTHETICAL, NOT_LABOUR, PREFILTER
from picketline.extract.lexicon.relevance import RECALL
from picketline.extract.lexicon.workers import WORKER_NOUNS
from picketline.extract.patterns import Sentence, TermTable, doc_sentences, tables

# Actions a non-labour sense of the word can produce, so a veto applies to them.
_VETOABLE = frozenset({Action.STRIKE, Action.WALKOUT, Action.HUNGER_STRIKE})
# Actions that are labour actions by their very name.
LABOUR_ONLY = frozenset(
    {Action.STRIKE, Action.WALKOUT, Action.LOCKOUT, Action.WORK_TO_RULE, Action.PICKET}
)


# "We did not walk out", "не бастовали", "не стали бастовать": a negated action is no fact
# (but "не прекращают забастовку" goes on).
_NEGATED = re.compile(
    r"(?:\b(?:not|never)|n['’]t)\s+(?!only\b)(?:\w+\s+)?$"
    r"|(?<!\w)(?:не|ні|ни)\s+(?:(?:стали|будут|будуть|собира\w+|збира\w+|смогли|змогли|решились"
    r"|наважились|захотели|захотіли|начали|почали)\s+)?$",
    re.IGNORECASE,
)
# How far before an action word a threat/conditional cue reaches ("voting to strike").
HYPOTHETICAL_REACH = 45
# "strike ballot", "забастовочный референдум": an action named only as a vote on it.
_VOTE_AFTER = re.compile(
    r"\s*(?:ballots?|votes?|mandates?|notices?|threats?|deadlines?|referendum|голосовани\w*"
    r"|референдум\w*|голосуванн\w*)\b",
    re.IGNORECASE,
)
# "a strike ... that had been planned for Monday", "забастовку, запланированную на": a plan.
_PLANNED_AFTER = re.compile(
    r"(?:\s+(?:by|of|at|in)(?:\s+[\w'’-]+){1,8}?)?\s*,?\s+(?:(?:that|which)\s+(?:had been|has been"
    r"|was|were|is|are)\s+)?(?:planned|scheduled|due|set|called) (?:for|to)\b"
    r"|,?\s+(?:\S+\s+){0,3}?(?:запланирован|намечен|назначен|запланован|призначен)\w*",
    re.IGNORECASE,
)
_AGENT = re.compile(r"strikers|striking|бастующ|страйкар", re.IGNORECASE)
# "Protest" names any action ("protested by refusing to work"); it is a
# demonstration of its own only where no other action is reported.
_UMBRELLA = re.compile(r"(?:protest|протест|акци|акці)", re.IGNORECASE)


# "The mine, operated by X, halted production": a stop the employer made is no strike.
_PRODUCTION_STOP = re.compile(
    r"(?:halt|stop|ceas|suspend|останов|приостанов|прекрат|зупин|призупин|припин)\w* (?:all )?"
    r"(?:production|производств|добыч|виробництв|видобу)",
    re.IGNORECASE,
)
_EMPLOYER_SUBJECT = re.compile(
    r"\b(?:company|firm|mine|plant|factory|mill|management|operator|owners?|employer|компани\w*"
    r"|предприяти\w*|завод|шахта|руководств\w*|администраци\w*|владел\w*|компані\w*"
    r"|підприємств\w*|керівництв\w*|адміністраці\w*|власник\w*)\b",
    re.IGNORECASE,
)
_PRONOUN_SUBJECT = r"\b(?:they|strikers|они|вони)\b"


def employer_stop(text: str, start: int, end: int, people: re.Pattern[str]) -> bool:
    """ "The company halted production", "руководство остановило производство": the
    employer is the subject (named before the verb, and no workers are)."""
    if not _PRODUCTION_STOP.match(text, start, end):
        return False
    before = text[:start]
    return bool(_EMPLOYER_SUBJECT.search(before)) and not people.search(before)


@dataclass(frozen=True)
class ActionMention:
    """One action word in a sentence; offsets are document offsets."""

    action: Action
    start: int
    end: int
    hypothetical: bool
    agent: bool = False  # "strikers", "striking": people named by the action
    umbrella: bool = False  # "protest", "протест": any action, not a rally as such


class ActionMatcher:
    """Finds action mentions in sentences of one language (built once per process)."""

    def __init__(self) -> None:
        self.terms: dict[str, TermTable[Action]] = tables(ACTION_TERMS)
        # lower-case patterns on lower-cased text: several times faster than IGNORECASE
        self.prefilters = {lang: re.compile(p) for lang, p in PREFILTER.items()}
        self.vetoes = {lang: re.compile(p, re.IGNORECASE) for lang, p in NOT_LABOUR.items()}
        self.hypothetical = {lang: re.compile(p, re.IGNORECASE) for lang, p in HYPOTHETICAL.items()}
        self.people = {
            lang: re.compile(
                rf"\b(?:{'|'.join(p for p, _ in nouns)})\b|{_PRONOUN_SUBJECT}", re.IGNORECASE
            )
            for lang, nouns in WORKER_NOUNS.items()
        }

    def prefilter(self, text: str, language: str) -> bool:
        """Cheap whole-text test: is there any action word at all?"""
        regex = self.prefilters.get(language)
        return bool(regex and regex.search(text.lower()))

    def find(self, sentence: Sentence, language: str) -> list[ActionMention]:
        table = self.terms.get(language)
        if table is None:
            return []
        text = sentence.text
        vetoed = bool(self.vetoes[language].search(text))
        cues = [m.end() for m in self.hypothetical[language].finditer(text)]
        return [
            ActionMention(
                action,
                sentence.start + s,
                sentence.start + e,
                any(0 <= s - cue <= HYPOTHETICAL_REACH for cue in cues)
                or bool(_NEGATED.search(text[max(0, s - 16) : s]))
                or bool(_VOTE_AFTER.match(text, e))
                or bool(_PLANNED_AFTER.match(text, e)),
                bool(_AGENT.match(text, s)),
                bool(_UMBRELLA.match(text, s)),
            )
            for action, s, e in table.find(text)
            if not (vetoed and action in _VETOABLE)
            and not employer_stop(text, s, e, self.people[language])
        ]


@cache
def action_matcher() -> ActionMatcher:
    """The process-wide matcher (its regexes compile once)."""
    return ActionMatcher()


def resolve_walkouts(actions: set[Action]) -> set[Action]:
    """News writes "walked out" for a strike; a separate walkout code only stands alone."""
    if Action.WALKOUT in actions and Action.STRIKE in actions:
        return actions - {Action.WALKOUT}
    return actions


def action_codes(findings: list[Finding]) -> set[Action]:
    """The action codes of a struggle's findings.

    "Strikers"/"striking" name the people of whatever action they are in; when
    they are the only evidence of a strike and a hunger strike is reported, the
    strikers are the hunger strikers, not a second action. "Protest" alone
    beside another action is that action, not a demonstration.
    """
    codes = {f.value for f in findings}
    rally = any(f.value is Action.DEMONSTRATION and not f.attrs.get("umbrella") for f in findings)
    if not rally and len(codes) > 1:
        codes.discard(Action.DEMONSTRATION)
    plain_strike = any(f.value is Action.STRIKE and not f.attrs.get("agent") for f in findings)
    if Action.HUNGER_STRIKE in codes and not plain_strike:
        codes.discard(Action.STRIKE)
    return resolve_walkouts(codes)


# "In 2008 miners here stayed underground ...", "У 2008 році ...": an earlier year's event.
YEAR_OPENING = re.compile(
    r"^\W*(?:[\w'’-]+\s+){0,2}?(?:in|back in|в|во|у|летом|зимой|весной|осенью|влітку|взимку|навесні"
    r"|восени|улітку)\s+(?:\w+\s+)?((?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def recalled(sentence_text: str, language: str, published_year: int | None) -> bool:
    """A sentence about an earlier event: "Напомним", "Earlier", "In 2008, ..."."""
    if re.search(RECALL.get(language, RECALL["en"]), sentence_text, re.IGNORECASE):
        return True
    opening = YEAR_OPENING.match(sentence_text)
    return (
        opening is not None
        and published_year is not None
        and int(opening.group(1)) < published_year
    )


class ActionStage:
    """Adds an ``actions`` finding per action word in the document's sentences.

    Actions in a sentence about an earlier event are marked ``recalled``: they
    belong to a background struggle, not to today's (assembly uses them only
    where a struggle has no other).
    """

    name = "actions"

    def __init__(self, matcher: ActionMatcher | None = None) -> None:
        self.matcher = matcher or action_matcher()

    def __call__(self, doc: ExtractionDoc) -> None:
        language = doc.language or "en"
        year = doc.published.year if doc.published is not None else None
        for sentence in doc_sentences(doc):
            earlier = recalled(sentence.text, language, year)
            for mention in self.matcher.find(sentence, language):
                doc.add(
                    Finding(
                        "actions",
                        mention.action,
                        mention.start,
                        mention.end,
                        0.5 if mention.hypothetical else 0.85,
                        {
                            "sentence": sentence.index,
                            "hypothetical": mention.hypothetical,
                            "agent": mention.agent,
                            "umbrella": mention.umbrella,
                            "recalled": earlier,
                        },
                    )
                )

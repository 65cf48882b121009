"""Outcome: won, partial, lost or ongoing when the article was written.

The stage only records cues (``_outcome`` findings: won / partial / lost /
ended / ongoing); ``decide`` weighs the cues of one struggle. Victory words
win over everything ("the strike ended in victory"); a deal or settlement
that ended the action without them is ``partial``; an action that ended with
nothing said about the result is left out rather than guessed; an article
with no end in sight reports an ``ongoing`` struggle. Cues in sentences that
recall earlier phases ("Ранее", "Earlier"), cues inside quotations ("we will
go back to work when they pay us") and cues after a threat or condition
("warned that those who do not return to work") do not count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from picketline.domain.vocab import Outcome
from picketline.extract.base import ExtractionDoc, Finding
from picketline.extract.lexicon.actions import HYPOTHETICAL
from picketline.extract.lexicon.outcome import OUTCOME_CUES
from picketline.extract.lexicon.relevance import RECALL
from picketline.extract.patterns import TermTable, doc_sentences, quoted_spans, tables

# A plan said right after a cue ("Частково борг планують погасити") is not an outcome.
_PLANNED = re.compile(
    r"(?:\s+\S+){0,2}?\s+(?:plan\w*|intend\w*|will|планиру\w*|намерен\w*|собира\w*|плану\w*"
    r"|мають намір|збира\w*|обіця\w*|обеща\w*)\b",
    re.IGNORECASE,
)


# Before an "ended" cue: the return is refused, forced or only threatened, or only some
# of them went back ("часть рабочих вернулась в цех, однако большинство ...").
_NOT_ENDED = re.compile(
    r"\b(?:not|never|won['’]t|refus\w*|bullied|forced|ordered|pressur\w*|не|отказ\w*|отказыва\w*"
    r"|відмов\w*|заставить|змусити|примусити|some|several|a few|half|part|часть|некоторые|несколько"
    r"|половина|частина|деякі|кілька|половина)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


# A condition the cue stands in: "until they are paid", "пока не выплатят", "доки не погасять".
_UNTIL = re.compile(
    r"\b(?:until|till|unless|once|пока|покуда|до тех пор|поки|доки|до тих пір)\b[^,;.]*$",
    re.IGNORECASE,
)


# "не перемога", "not a victory": the word denied.
_DENIED = re.compile(
    r"\b(?:not|no|never|не|ни|ні)\s+(?:a\s+|an\s+|the\s+|й\s+|и\s+)?$", re.IGNORECASE
)
# "had paid only part of the March wages": the grievance before the action, not its result.
_PLUPERFECT = re.compile(r"\bhad\s+(?:only\s+|not\s+|never\s+)?$", re.IGNORECASE)
# A payment said after a promise or in the future is only promised: "пообещал, что будет
# выплачена зарплата", "will be reinstated".
_FUTURE = re.compile(
    r"\b(?:promised|pledged|vowed|will|would|to be|пообеща\w*|обеща\w*|будет|будут|буде|будуть"
    r"|пообіця\w*|обіця\w*)\b[^,;.!?]{0,60}$",
    re.IGNORECASE,
)
# A concession followed by a refusal: "agreed to pay the debt but refused to discuss a rise".
_BUT_REFUSED = re.compile(
    r"[^.!?]{0,80}?\b(?:but|however|но|однако|але|проте)\s+(?:\w+\s+){0,2}(?:refus|declin|reject|отказа|відмови)\w*",
    re.IGNORECASE,
)


# A one-off rally or picket that is over: the dispute it was part of goes on ("Пикет
# продолжался около двух часов, после чего участники разошлись").
_BRIEF = re.compile(
    r"\b(?:rall(?:y|ies)|pickets?|demonstrations?|marches|march|пикет\w*|митинг\w*|пікет\w*"
    r"|мітинг\w*)\b",
    re.IGNORECASE,
)


def _reading(kind: str, text: str, start: int, end: int) -> str | None:
    """How a cue reads in its sentence: denied or pluperfect cues say nothing; a victory
    only promised is ``promised``; a concession with a refusal after it is ``partial``."""
    before = text[:start]
    if kind in ("won", "lost") and _DENIED.search(before[-15:]):
        return None
    if kind == "partial" and _PLUPERFECT.search(before[-20:]):
        return None
    if kind == "won" and _FUTURE.search(text[:end]):  # "долги будут погашены" too
        return "promised"
    if kind == "won" and _BUT_REFUSED.match(text, end):
        return "partial"
    return kind


def decide(cues: Iterable[str]) -> Outcome | None:
    """The outcome a set of cue kinds implies (``None``: say nothing).

    A promise is not a payment: paid in part with the rest promised, or an action
    ended on a promise, is ``partial``. An action that ended with its people
    dismissed (``crushed``) is ``lost``.
    """
    kinds = set(cues)
    if "won" in kinds and not kinds & {"partial", "promised"}:
        return Outcome.WON
    if "lost" in kinds:
        return Outcome.LOST
    if "crushed" in kinds and "ended" in kinds and "continues" not in kinds:
        return Outcome.LOST
    if "won" in kinds:  # "agreed to pay the debt, but not to keep the jobs": part of it
        return Outcome.PARTIAL
    if "partial" in kinds and ("ended" in kinds or not kinds & {"ongoing", "continues"}):
        return Outcome.PARTIAL
    if "promised" in kinds and "ended" in kinds and "continues" not in kinds:
        return Outcome.PARTIAL  # the action ended on a promise
    if "ended" in kinds and not kinds & {"continues", "brief"}:
        return None
    return Outcome.ONGOING  # going on, or the action over and the dispute not


class OutcomeStage:
    """Adds an ``_outcome`` finding per cue, outside recalled-background sentences."""

    name = "outcome"

    def __init__(self) -> None:
        self.cues: dict[str, TermTable[str]] = tables(OUTCOME_CUES)
        self.recall = {lang: re.compile(p, re.IGNORECASE) for lang, p in RECALL.items()}
        self.hypothetical = {lang: re.compile(p, re.IGNORECASE) for lang, p in HYPOTHETICAL.items()}

    def __call__(self, doc: ExtractionDoc) -> None:
        language = doc.language or "en"
        for sentence in doc_sentences(doc):
            if self.recall[language].search(sentence.text):
                continue
            quoted = quoted_spans(sentence.text)
            cues = [m.end() for m in self.hypothetical[language].finditer(sentence.text)]
            for kind, start, end in self.cues[language].find(sentence.text):
                hypothetical = any(c <= start for c in cues) or bool(
                    _PLANNED.match(sentence.text, end)
                )
                if hypothetical or any(a <= start < b for a, b in quoted):
                    continue  # what someone says, plans or threatens is not how it stands
                if kind not in ("ongoing", "continues") and _UNTIL.search(sentence.text[:start]):
                    continue  # "will not leave until they are paid": a condition, not a result
                if kind == "ended" and _NOT_ENDED.search(sentence.text[max(0, start - 30) : start]):
                    continue  # "will not be bullied back to work", "отказались вернуться"
                reading = _reading(kind, sentence.text, start, end)
                if reading is None:
                    continue
                readings = [reading]
                if reading == "ended" and _BRIEF.search(sentence.text):
                    readings.append("brief")  # a rally or picket over: the dispute is not
                for value in readings:
                    doc.add(
                        Finding(
                            "_outcome",
                            value,
                            sentence.start + start,
                            sentence.start + end,
                            0.7,
                            {"sentence": sentence.index},
                        )
                    )

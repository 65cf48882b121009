"""Outcome cues and how they combine."""

from __future__ import annotations

import pytest

from picketline.domain.vocab import Outcome
from picketline.extract.base import ExtractionDoc, Finding
from picketline.extract.outcome import OutcomeStage, decide
from picketline.extract.patterns import split_sentences


@pytest.mark.parametrize(
    ("cues", "expected"),
    [
        ({"won", "ended"}, Outcome.WON),
        ({"partial", "ended"}, Outcome.PARTIAL),
        ({"lost", "ended"}, Outcome.LOST),
        ({"ended"}, None),
        ({"ongoing"}, Outcome.ONGOING),
        (set(), Outcome.ONGOING),
        ({"partial", "ongoing"}, Outcome.ONGOING),
    ],
)
def test_decide(cues: set[str], expected: Outcome | None) -> None:
    assert decide(cues) is expected


def cues(text: str, language: str = "en") -> set[str]:
    doc = ExtractionDoc(text, language=language)
    for sentence in split_sentences(text):
        doc.add(Finding("_sentence", sentence, sentence.start, sentence.end))
    OutcomeStage()(doc)
    return {f.value for f in doc.of("_outcome")}


def test_cues_in_three_languages() -> None:
    assert cues("The strike ended after the company agreed to pay the arrears.") >= {
        "ended",
        "won",
    }
    assert "partial" in cues("A deal was reached and staff are back on the job.")
    assert "won" not in cues("The deal won't raise taxes.")
    assert "ongoing" in cues("Забастовка продолжается третьи сутки.", "ru")
    assert "won" in cues("Гірникам виплатили борги.", "uk")


def test_recalled_phases_do_not_count() -> None:
    assert cues("Earlier, the strike ended in victory.") == set()

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


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # only part of what was owed: partial, not won
        ("The firm paid only part of the arrears and staff returned to work.", "en", "partial"),
        ("Вечером подрядчик выплатил часть долга, и рабочие вернулись на объект.", "ru", "partial"),
        ("Власник виплатив частину боргу, і працівники повернулися до роботи.", "uk", "partial"),
        # the employer agreed to pay / the debt was paid in full
        ("They called off the strike when the council agreed to release the wages.", "en", "won"),
        ("Руководство перечислило работникам всю задолженность.", "ru", "won"),
        ("Наступного дня заборгованість було погашено повністю.", "uk", "won"),
        # went back with nothing
        ("Работники вернулись к работе ни с чем: хозяйство так и не выплатило долг.", "ru", "lost"),
        ("Шахтарі повернулися до роботи, так і не отримавши зарплати.", "uk", "lost"),
    ],
)
def test_outcome_cues_decide(text: str, language: str, expected: str) -> None:
    assert decide(cues(text, language)) == Outcome(expected)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ('"When they pay us, we will go back to work," the union leader said.', "en"),
        ("The firm warned that those who do not return to work would be fired.", "en"),
        ("Переговоры завершились безрезультатно.", "ru"),
        ("Частково борг планують погасити до кінця місяця.", "uk"),
    ],
)
def test_said_threatened_or_planned_ends_are_no_outcome(text: str, language: str) -> None:
    assert cues(text, language) & {"ended", "won", "partial", "lost"} == set()


@pytest.mark.parametrize(
    ("kinds", "expected"),
    [
        ({"won", "partial", "ended"}, Outcome.PARTIAL),
        ({"ended", "continues"}, Outcome.ONGOING),
        ({"won", "continues"}, Outcome.WON),
    ],
)
def test_decide_part_won_and_dispute_going_on(kinds: set[str], expected: Outcome) -> None:
    assert decide(kinds) is expected


@pytest.mark.parametrize(
    ("text", "language", "kind"),
    [
        ("The company's offer falls short of the 10 per cent they wanted.", "en", "partial"),
        ("Talks are due to resume next week.", "en", "continues"),
        ("Вопрос безопасности остаётся открытым.", "ru", "partial"),
        ("Новые забастовки не исключены.", "ru", "continues"),
        ("Борг погасили, але від скорочень не відмовилися.", "uk", "partial"),
        ("Переговори продовжаться наступного тижня.", "uk", "continues"),
        ("Гірники вийшли з шахти після виплати боргу.", "uk", "won"),
        ("Водители припинили страйк, так і не домігшись своїх вимог.", "uk", "lost"),
    ],
)
def test_more_outcome_cues(text: str, language: str, kind: str) -> None:
    assert kind in cues(text, language)


def test_a_refused_return_is_no_end() -> None:
    assert "ended" not in cues("Strikers said they will not be bullied back to work.")
    assert "ended" not in cues("Рабочие отказались вернуться к работе.", "ru")


def test_a_grievance_is_no_victory() -> None:
    """Pay not received, or a promise the employer made last year, is what they strike over."""
    assert "won" not in cues("The cleaners say they have not received salaries for five months.")
    assert "won" not in cues(
        "They refuse to work until the company honours an allowance it agreed to pay last year."
    )
    assert "won" in cues("The company agreed to pay the allowance on Friday.")
    assert "won" in cues("The cleaners received their wages on Monday.")

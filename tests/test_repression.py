"""Repression kinds and counts, not management's troubles or negations."""

from __future__ import annotations

import pytest

from picketline.domain.struggle import Repression
from picketline.domain.vocab import RepressionType as R
from picketline.extract.base import ExtractionDoc, Finding
from picketline.extract.counts import CountStage
from picketline.extract.patterns import split_sentences
from picketline.extract.repression import RepressionStage


def repression(text: str, language: str = "en") -> set[Repression]:
    doc = ExtractionDoc(text, language=language)
    for sentence in split_sentences(text):
        doc.add(Finding("_sentence", sentence, sentence.start, sentence.end))
        doc.add(
            Finding(
                "workers",
                "workers",
                sentence.start,
                sentence.start + 1,
                attrs={"sentence": sentence.index},
            )
        )
    CountStage()(doc)
    RepressionStage()(doc)
    return {f.value for f in doc.of("repression")}


def test_arrest_with_count() -> None:
    found = repression("Police arrested 31 striking dockers outside the port.")
    assert Repression(R.ARREST, 31) in found


def test_russian_detentions_and_ukrainian_ban() -> None:
    assert {r.type for r in repression("Полиция задержала 12 рабочих у проходной.", "ru")} == {
        R.ARREST
    }
    assert R.BAN in {r.type for r in repression("Суд заборонив страйк працівників.", "uk")}


def test_pledge_is_not_prosecution() -> None:
    found = {r.type for r in repression("The governor promised not to prosecute the workers.")}
    assert found == {R.NO_PROSECUTION_PLEDGE}


def test_censorship_torture_injunction() -> None:
    text = (
        "Authorities blocked social media used by the workers. "
        "Two organisers said they were tortured. A court injunction banned the picket."
    )
    assert {r.type for r in repression(text)} >= {R.CENSORSHIP, R.TORTURE, R.BAN}


def test_management_detained_and_negations_are_not_repression() -> None:
    assert repression("The company director was detained for fraud, workers said.") == set()
    assert repression("No arrests were made, police said of the striking workers.") == set()


def test_violence_needs_an_agent() -> None:
    assert repression("Two workers were injured in a fall.") == set()
    assert {r.type for r in repression("Police fired rubber bullets at the workers.")} == {
        R.VIOLENCE
    }


def kinds(text: str, language: str = "en") -> set[R]:
    return {r.type for r in repression(text, language)}


def test_warnings_of_dismissal_are_threats() -> None:
    assert R.THREAT in kinds(
        "The company warned staff that those who stay out would face disciplinary hearings."
    )
    assert R.THREAT in kinds(
        "Директор пригрозил уволить тех, кто откажется выходить в ночные смены.", "ru"
    )
    assert R.THREAT in kinds(
        "Адміністрація попередила робітників, що участь в акції вважатимуть прогулом.", "uk"
    )
    assert R.THREAT in kinds("Заяви їх змусили написати під загрозою звільнення.", "uk")


def test_dismissal_counted_in_words() -> None:
    assert Repression(R.DISMISSAL, 3) in repression("The firm fired three of the organisers.")


def test_blocked_channels_and_administrative_charges() -> None:
    assert R.CENSORSHIP in kinds("The union's Telegram channel was later blocked.")
    assert R.CENSORSHIP in kinds("Сайт профсоюза на этой неделе был заблокирован.", "ru")
    assert R.CENSORSHIP in kinds("Телеграм-канал профспілки заблокували.", "uk")
    assert R.CHARGES in kinds(
        "На водителей составили протоколы об административном нарушении.", "ru"
    )
    assert R.CHARGES in kinds("На пікетувальників склали протоколи.", "uk")


def test_weapons_name_their_agent() -> None:
    assert R.VIOLENCE in kinds("Carabineros fired tear gas, injuring several workers.")
    assert R.VIOLENCE in kinds("Спецназ применил дубинки, несколько рабочих ранены.", "ru")


def test_release_after_them() -> None:
    doc = ExtractionDoc(
        "Nurses marched to the parliament. Police detained 20 of them. All were released."
    )
    for sentence in split_sentences(doc.text):
        doc.add(Finding("_sentence", sentence, sentence.start, sentence.end))
    doc.add(Finding("workers", "nurses", 0, 6, attrs={"sentence": 0}))
    CountStage()(doc)
    RepressionStage()(doc)
    assert {f.value.type for f in doc.of("repression")} == {R.ARREST, R.RELEASE}


@pytest.mark.parametrize(
    ("language", "text", "kinds"),
    [
        (
            "ru",
            "Сварщики верфи объявили забастовку. Полиция задержала 9 человек.",
            {"arrest"},
        ),
        (
            "uk",
            "Зварники верфі оголосили страйк. Поліція затримала 9 людей.",
            {"arrest"},
        ),
        (
            "en",
            "Welders at the yard went on strike. Bosses threatened to dock their pay.",
            {"threat"},
        ),
    ],
)
def test_repression_in_the_sentence_after_the_action(
    language: str, text: str, kinds: set[str]
) -> None:
    from picketline.extract import extract

    struggle = extract(text, published="2024-05-10", language=language).to_format()
    found = {r["type"] for s in struggle["struggles"] for r in s.get("repression", [])}
    assert found == kinds

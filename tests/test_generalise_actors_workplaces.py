"""Workplaces named by their own adjectives (issue #3, generalisation): sentences written
for these tests, in Russian and Ukrainian, and English ones that must not change."""

from __future__ import annotations

import pytest

from picketline.domain.vocab import Sector
from picketline.extract.actors import find_workplaces
from picketline.extract.patterns import Sentence


def s(text: str) -> Sentence:
    return Sentence(0, 0, len(text), text)


@pytest.mark.parametrize(
    ("text", "language", "expected", "sector"),
    [
        (
            "Медсестри Рівненської обласної дитячої лікарні оголосили страйк.",
            "uk",
            "Рівненська обласна дитяча лікарня",
            Sector.Q,
        ),
        (
            "Медики Курской областной больницы вышли на пикет.",
            "ru",
            "Курская областная больница",
            Sector.Q,
        ),
        (
            "Фельдшеры Тамбовской станции скорой медицинской помощи бастуют.",
            "ru",
            "Тамбовская станция скорой медицинской помощи",
            Sector.Q,
        ),
        (
            "Водії Сумського обласного центру екстреної медичної допомоги страйкують.",
            "uk",
            "Сумський обласний центр екстреної медичної допомоги",
            Sector.Q,
        ),
        # a lower-case town adjective names an ambulance station too
        (
            "Водители тамбовской станции скорой помощи бастуют.",
            "ru",
            "тамбовская станция скорой помощи",
            Sector.Q,
        ),
    ],
)
def test_workplaces_named_by_adjectives(
    text: str, language: str, expected: str, sector: Sector
) -> None:
    found = find_workplaces(s(text), language)
    assert [f.value for f in found] == [expected]
    assert found[0].attrs["sector"] is sector


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Обласна лікарня оголосила страйк.", "uk"),  # a sentence's first word
        ("Медики Московского центра вышли.", "ru"),  # "центр" alone is no kind of site
        ("Докери Одеського порту страйкують.", "uk"),  # the town's port, described
        ("Рабочие цеха «для проведения модернизации» вышли.", "ru"),  # quoted words, no name
        ("В Курске-Южном рабочие литейного завода вышли.", "ru"),  # no adjectives of the plant
        ("Рабочие Курганского механического завода вышли.", "ru"),  # their employer, below
    ],
)
def test_descriptions_are_no_named_workplaces(text: str, language: str) -> None:
    assert find_workplaces(s(text), language) == []


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Митинг прошёл у проходной Курганского механического завода.",
            "ru",
            "Курганский механический завод",
        ),
        (
            "Мітинг пройшов біля Сумського машинобудівного заводу.",
            "uk",
            "Сумський машинобудівний завод",
        ),
    ],
)
def test_plants_named_by_adjectives_are_workplaces_where_no_workers_precede(
    text: str, language: str, expected: str
) -> None:
    found = find_workplaces(s(text), language)
    assert [f.value for f in found] == [expected]
    assert found[0].attrs["sector"] is Sector.C


def test_one_hospital_under_a_longer_and_a_shorter_name() -> None:
    long = find_workplaces(s("Медсестри Рівненської обласної клінічної лікарні страйкують."), "uk")
    short = find_workplaces(s("Пікет під Рівненською обласною лікарнею тривав."), "uk")
    assert long[0].attrs["key"] == short[0].attrs["key"]


def test_named_hotels_and_what_is_one_of_a_towns_sites() -> None:
    found = find_workplaces(s("Cooks at the Riverside Grand Hotel walked out."), "en")
    assert [f.value for f in found] == ["Riverside Grand Hotel"]
    assert find_workplaces(s("It was the longest strike at a Leeds hotel in years."), "en") == []


def test_an_article_set_in_downtown_somewhere() -> None:
    from picketline.extract import extract

    text = (
        "Cooks strike\nCooks at the Riverside Grand Hotel in downtown Leeds walked out on Monday. "
        "It is the longest strike at the Leeds hotel in years."
    )
    struggle = extract(text, published="2024-05-10", language="en").to_format()["struggles"][0]
    assert struggle["workplace"] == "Riverside Grand Hotel"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Водители автобусного парка «Северный» объявили забастовку.",
            "ru",
            "автобусный парк «Северный»",
        ),
        ("Водії тролейбусного депо «Лісове» оголосили страйк.", "uk", "тролейбусне депо «Лісове»"),
    ],
)
def test_bus_and_trolleybus_parks_are_transport_workplaces(
    text: str, language: str, expected: str
) -> None:
    found = find_workplaces(s(text), language)
    assert [f.value for f in found] == [expected]
    assert found[0].attrs["sector"] is Sector.H

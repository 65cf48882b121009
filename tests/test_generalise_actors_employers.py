"""Employers and the sectors their names imply, read by general rules (issue #3,
generalisation): sentences written for these tests, in English, Russian and Ukrainian."""

from __future__ import annotations

import pytest

from picketline.domain.vocab import Sector
from picketline.extract.actors import find_workers
from picketline.extract.organisations import (
    employers_after_workers,
    headed_companies,
    named_plants,
)
from picketline.extract.patterns import Sentence
from picketline.extract.sector import employer_sector


def s(text: str) -> Sentence:
    return Sentence(0, 0, len(text), text)


def after_workers(text: str, language: str) -> list[str]:
    sentence = s(text)
    workers = find_workers(sentence, language)
    return [str(f.value) for f in employers_after_workers(sentence, workers, language)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Porters at Quayside in Hull walked out.", "en", ["Quayside"]),
        ("Riders for Fastbite on Monday logged off.", "en", ["Fastbite"]),
        ("Cashiers at Greenmart stores struck.", "en", ["Greenmart"]),
        ("Cleaners at Brightco's head office walked out.", "en", ["Brightco"]),
        # a town is where they work, not who employs them
        ("Dockers at Liverpool's port walked out.", "en", []),
        ("Nurses at Leeds in the north struck.", "en", []),
        ("Машинисты ТЖД вышли на забастовку.", "ru", ["ТЖД"]),
        ("Сотрудники склада Fastbox бастуют.", "ru", ["Fastbox"]),
        ("Машиністи «Північзалізниці» страйкують.", "uk", ["«Північзалізниця»"]),
        # a quoted name after a workplace noun is that workplace's
        ("Горняки шахты «Южная» бастуют.", "ru", []),
        ("Працівники ТОВ «Агросвіт» страйкують.", "uk", []),
    ],
)
def test_the_employer_named_after_its_workers(
    text: str, language: str, expected: list[str]
) -> None:
    assert after_workers(text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Staff at Kestrel Port Terminals walked out.", ["Kestrel Port Terminals"]),
        ("Machinists at Sunward Apparels sat in.", ["Sunward Apparels"]),
        (
            "Nurses employed by Dale Valley NHS Foundation Trust struck.",
            ["Dale Valley NHS Foundation Trust"],
        ),
        ("Transport resumed on Monday.", []),
        ("The Rail Union called the strike.", []),
    ],
)
def test_companies_named_by_their_head_word(text: str, expected: list[str]) -> None:
    assert [f.value for f in headed_companies(s(text))] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Рабочие Курганского механического завода вышли.",
            "ru",
            ["Курганский механический завод"],
        ),
        (
            "Працівники Сумського машинобудівного заводу вийшли.",
            "uk",
            ["Сумський машинобудівний завод"],
        ),
        ("В Курске-Южном рабочие литейного завода вышли.", "ru", []),
    ],
)
def test_a_plant_named_after_its_workers_employs_them(
    text: str, language: str, expected: list[str]
) -> None:
    assert after_workers(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Рабочие завода «Красный Молот» вышли.", "ru", ["завод «Красный Молот»"]),
        ("Механический завод остановился.", "ru", []),
        ("Рабочие завода вышли.", "ru", []),
    ],
)
def test_plants_named_in_quotes_as_enterprises(
    text: str, language: str, expected: list[str]
) -> None:
    assert [f.value for f in named_plants(s(text), language)] == expected


@pytest.mark.parametrize(
    ("name", "sector"),
    [
        ("Meridian Apparels", Sector.C),
        ("Kestrel Port Terminals", Sector.H),
        ("Brightwell Hospitality Group", Sector.I),
        ("Northfold Environmental Services", Sector.E),
        ("КП «Житомиртеплоенерго»", Sector.D),
        ("ОАО «Мосэнерго»", Sector.D),
        ("КП «Харківський метрополітен»", Sector.H),
        ("Dale Valley NHS Foundation Trust", Sector.Q),
    ],
)
def test_employer_names_imply_more_sectors(name: str, sector: Sector) -> None:
    assert employer_sector(name) is sector


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Riders of the food delivery app Quickbite logged off.", "en", ["Quickbite"]),
        ("Drivers of Tallinn City Transport parked their buses.", "en", ["Tallinn City Transport"]),
        ("Drivers of Manchester walked out.", "en", []),  # a town, not a firm
        ("Курьеры сервиса доставки «Быстроед» бастуют.", "ru", ["«Быстроед»"]),
        ("Водители перевозчика «Сибтранслайн» не вышли на линию.", "ru", ["«Сибтранслайн»"]),
        ("Кур'єри сервісу доставки «Смачно» страйкують.", "uk", ["«Смачно»"]),
        ("Працівники підрядної організації ТОВ «Будмонтаж» страйкують.", "uk", []),  # the form's
    ],
)
def test_a_firm_named_after_its_workers(text: str, language: str, expected: list[str]) -> None:
    assert after_workers(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Dockers employed through Harbourline Labour walked out.", "en", "Harbourline Labour"),
        ("Таксисты, работающие через агрегатор «Едем», бастуют.", "ru", "«Едем»"),
        ("Таксисти, що працюють через застосунок «Їдемо», страйкують.", "uk", "«Їдемо»"),
    ],
)
def test_employers_through_an_agency_or_app(text: str, language: str, expected: str) -> None:
    from picketline.extract.organisations import related_employers

    assert expected in [f.value for f in related_employers(s(text), language)]


def test_the_owner_of_a_named_site() -> None:
    from picketline.extract.organisations import sites_of_owners

    found = sites_of_owners(s("Miners at the Kolwe shaft of Greenstone Copper Mining struck."))
    assert [f.value for f in found] == ["Greenstone Copper Mining"]
    assert sites_of_owners(s("Staff at the main plant of Detroit walked out.")) == []


@pytest.mark.parametrize(
    ("name", "sector"),
    [
        ("Karatau Drilling Services", Sector.B),
        ("ТОО «АтырауНефтьСервис»", Sector.B),
        ("ТОО «ЖайыкОйл»", Sector.B),
        ("АО «Антипинский нефтеперерабатывающий завод»", Sector.C),
        ("ТОВ «Південний контейнерний термінал»", Sector.H),
        ("ООО «Городской перевозчик»", Sector.H),
    ],
)
def test_oil_drilling_and_terminal_employers(name: str, sector: Sector) -> None:
    assert employer_sector(name) is sector


@pytest.mark.parametrize(
    ("text", "value", "sector"),
    [
        ("Oil service workers staged a sit-in.", "oil service workers", Sector.B),
        ("Coal company employees walked out.", "coal company employees", Sector.B),
        ("Some striking workers sat in.", "workers", None),
    ],
)
def test_a_sector_word_two_words_before_the_workers(
    text: str, value: str, sector: Sector | None
) -> None:
    found = find_workers(s(text), "en")
    assert [f.value for f in found] == [value]
    assert found[0].attrs["sector"] is sector


@pytest.mark.parametrize(
    ("text", "language", "expected", "sector"),
    [
        ("The parcel sorters walked out.", "en", "parcel sorters", Sector.H),
        ("Scientists at the institute walked out.", "en", "scientists", Sector.M),
        ("Путейцы и обходчики вышли на пикет.", "ru", "путейцы и обходчики", Sector.H),
        ("Вагоновожатые вышли на акцию.", "ru", "вагоновожатые", Sector.H),
        ("Колійники вийшли на пікет.", "uk", "колійники", Sector.H),
        ("Гірничорятувальники вийшли на пікет.", "uk", "гірничорятувальники", Sector.B),
    ],
)
def test_more_trades(text: str, language: str, expected: str, sector: Sector) -> None:
    found = find_workers(s(text), language)
    assert [f.value for f in found] == [expected]
    assert found[0].attrs["sector"] is sector


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Northway Buses said it was disappointed.", ["Northway Buses"]),
        ("Fastbite, which runs the app, said it had raised rates.", ["Fastbite"]),
        ("The Port of Tyne said it would keep the berths open.", ["Port of Tyne"]),
        ("Unite said it would continue.", []),  # a union
        ("The City Council said it had made a fair offer.", []),  # an authority (own rule)
        ("Leeds said it was calm.", []),  # a town
        ("Drivers said they would go on.", []),  # people, not an organisation
        ("Ann Reilly said it was a disgrace.", []),  # a person on the situation
        ("Brightline said it would not pay.", ["Brightline"]),
        ("Lakeside Public Schools said it had made a fair offer.", ["Lakeside Public Schools"]),
    ],
)
def test_an_organisation_that_answers_for_itself(text: str, expected: list[str]) -> None:
    from picketline.extract.organisations import said_it_organisations

    assert [f.value for f in said_it_organisations(s(text))] == expected


@pytest.mark.parametrize(
    ("text", "language", "sector"),
    [
        ("Около сорока портовых рабочих вышли на пикет.", "ru", Sector.H),
        ("Строительные рабочие объявили забастовку.", "ru", Sector.F),
        ("Залізничні працівники вийшли на пікет.", "uk", Sector.H),
        ("Шахтні робітники оголосили страйк.", "uk", Sector.B),
        ("Все рабочие вышли на пикет.", "ru", None),
    ],
)
def test_an_adjective_gives_generic_cyrillic_workers_their_sector(
    text: str, language: str, sector: Sector | None
) -> None:
    found = find_workers(s(text), language)
    assert found[0].attrs["sector"] is sector


def test_a_pier_operator_is_in_transport() -> None:
    assert employer_sector("ООО «Восточный причал»") is Sector.H

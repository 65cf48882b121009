"""Unions and workers read by general rules (issue #3, generalisation): sentences written
for these tests, in English, Russian and Ukrainian."""

from __future__ import annotations

import pytest

from picketline.domain.vocab import Sector
from picketline.extract.actors import find_unions, find_workers
from picketline.extract.patterns import Sentence


def s(text: str) -> Sentence:
    return Sentence(0, 0, len(text), text)


def unions(text: str, language: str) -> list[str]:
    return [str(f.value) for f in find_unions(s(text), language)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list of trades with commas before the head word
        (
            "The walkout was led by the Brewing, Dairy and Allied Workers' Union.",
            ["Brewing, Dairy and Allied Workers' Union"],
        ),
        # "United ... Workers" and "... Nurses United" carry no "Union"
        ("They are members of the United Leather Workers.", ["United Leather Workers"]),
        ("Coastal Nurses United called the strike.", ["Coastal Nurses United"]),
        # a local's number after "of America" stays in the name
        (
            "Bus Operators Union of America Local 12 organised the rally.",
            ["Bus Operators Union of America Local 12"],
        ),
        ("Workers of the plant went on strike.", []),
        ("Pickets were organised by Harbour Workers for Justice.", ["Harbour Workers for Justice"]),
    ],
)
def test_english_union_name_shapes(text: str, expected: list[str]) -> None:
    assert unions(text, "en") == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Russian Federation said the strike was illegal.",
        "The Students' Union backed the cleaners.",
        "The Road Haulage Association warned of shortages.",
        "The Democratic Alliance called for talks.",
        "The American Civil Liberties Union criticised the police.",
        "The County Football Association postponed the match.",
    ],
)
def test_bodies_that_organise_no_workers_are_no_unions(text: str) -> None:
    assert unions(text, "en") == []


def test_a_labour_word_keeps_a_union_among_those_words() -> None:
    assert unions(text := "The Retail Workers' Union called a strike.", "en") == [
        "Retail Workers' Union"
    ], text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The strike was called by the dockers' union Harbourline.", ["Harbourline"]),
        ("The nurses' union, NWNA, said wards were unsafe.", ["NWNA"]),
        ("The union President Ann Lee spoke.", []),
        ("The union Monday rejected the offer.", []),
        ("The deal was signed by the union branch of SSK Jedinstvo.", ["SSK Jedinstvo"]),
    ],
)
def test_the_name_after_a_lower_case_union_word(text: str, expected: list[str]) -> None:
    assert unions(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("A strike committee elected by the crews leads the action.", "en", ["strike committee"]),
        ("Стачком шахты выдвинул требования.", "ru", ["стачком"]),
        ("She was on the strike committee last year.", "en", []),  # a seat, not the body
        ("Акцию организовала инициативная группа водителей.", "ru", ["инициативная группа"]),
        ("Страйковий комітет шахти вимагає виплат.", "uk", ["страйковий комітет"]),
        ("Протест організувала ініціативна група водіїв.", "uk", ["ініціативна група"]),
        ("Пикет прошёл при поддержке профкома.", "ru", ["профком"]),
        # a place, not an actor; residents' groups are no workers' body
        ("Голодающие находятся в помещении профкома.", "ru", []),
        ("Инициативная группа жителей собрала подписи.", "ru", []),
        # the primary body of a named union is that union
        ("Пікет організувала первинна профспілкова організація КВПУ.", "uk", ["КВПУ"]),
    ],
)
def test_workers_own_committees(text: str, language: str, expected: list[str]) -> None:
    assert unions(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Членов профсоюза «Опора» поддержали коллеги.", "ru", ["профсоюз «Опора»"]),
        (
            "Акция прошла по призыву профсоюза работников образования.",
            "ru",
            ["профсоюз работников образования"],
        ),
        (
            "Пікет пройшов за підтримки профспілки працівників освіти.",
            "uk",
            ["профспілка працівників освіти"],
        ),
        # a sectoral union in the genitive without a word of leading is only a source
        ("В пресс-службе профсоюза работников образования сообщили.", "ru", []),
    ],
)
def test_cyrillic_unions_after_members_and_leading_words(
    text: str, language: str, expected: list[str]
) -> None:
    assert unions(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected", "sector"),
    [
        ("Drivers and conductors walked out.", "en", "drivers and conductors", Sector.H),
        ("Nurses, midwives and porters struck.", "en", "nurses, midwives and porters", Sector.Q),
        ("Фельдшеров и водителей поддержали.", "ru", "фельдшеры и водители", Sector.Q),
        ("Медсестри та санітарки страйкують.", "uk", "медсестри та санітарки", Sector.Q),
    ],
)
def test_coordinated_trades_are_one_workforce(
    text: str, language: str, expected: str, sector: Sector
) -> None:
    found = find_workers(s(text), language)
    assert [f.value for f in found] == [expected]
    assert found[0].attrs["sector"] is sector


@pytest.mark.parametrize(
    ("text", "language", "blocked", "expected"),
    [
        ("Fast-food workers rallied.", "en", (), ["fast-food workers"]),
        ("The Transport Workers' Union called it.", "en", ((4, 27),), []),
        ("Члены Профсоюза горняков вышли.", "ru", ((6, 24),), []),
        ("Члени Профспілки гірників вийшли.", "uk", ((6, 25),), []),
    ],
)
def test_longest_trade_and_no_trade_inside_a_union_name(
    text: str, language: str, blocked: tuple[tuple[int, int], ...], expected: list[str]
) -> None:
    assert [f.value for f in find_workers(s(text), language, blocked)] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a quoted name after the words of whom the union organises
        (
            "Акцію організував осередок профспілки медсестер «Голос».",
            "uk",
            ["профспілка медсестер «Голос»"],
        ),
        ("Акцию провёл профсоюз медсестёр «Голос».", "ru", ["профсоюз медсестёр «Голос»"]),
        # a quotation after a verb is no name
        ("Профсоюз назвал «незаконным» решение суда.", "ru", []),
        # the union's leader is not its name
        ("Дело возбуждено против председателя профсоюза Ивана Петрова.", "ru", []),
        ("Справу відкрили проти голови профспілки Івана Петренка.", "uk", []),
        # a civic monitoring initiative reports, it does not lead
        ("Огляд підготувала ініціатива «Трудовий нагляд».", "uk", []),
    ],
)
def test_cyrillic_union_names_and_what_is_no_name(
    text: str, language: str, expected: list[str]
) -> None:
    assert unions(text, language) == expected


def test_collective_staff_nouns_stay_singular() -> None:
    found = find_workers(s("Персонал больницы вышел на пикет."), "ru")
    assert [f.value for f in found] == ["персонал"]


def _struggle_unions(text: str, language: str) -> list[list[str]]:
    from picketline.extract import extract

    result = extract(text, published="2024-05-10", language=language).to_format()
    return [s.get("unions", []) for s in result["struggles"]]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "Porters at the Kestrel plant walked out on Monday, called out by the Porters' Union. "
            "The Federation of Trade Unions said it did not support the strike.",
            ["Porters' Union"],
        ),
        (
            "ru",
            "Сварщики завода «Искра» объявили забастовку в понедельник. Забастовку организовал "
            "профсоюз «Опора». В Федерации профсоюзов Приморья заявили, что не поддерживают акцию.",
            ["профсоюз «Опора»"],
        ),
        (
            "uk",
            "Зварники заводу «Іскра» оголосили страйк у понеділок. Федерація профспілок "
            "Полтавщини назвала страйк незаконним.",
            [],
        ),
        # calling the strike is leading it
        (
            "en",
            "Porters at the Kestrel plant walked out on Monday. The Porters' Union called the "
            "strike over pay.",
            ["Porters' Union"],
        ),
        # "not only supported" is support
        (
            "ru",
            "Сварщики завода «Искра» объявили забастовку в понедельник. Федерация профсоюзов "
            "Приморья не только поддержала забастовку, но и провела пикет.",
            ["Федерация профсоюзов Приморья"],
        ),
    ],
)
def test_a_union_said_not_to_back_the_action_is_not_its_union(
    language: str, text: str, expected: list[str]
) -> None:
    assert _struggle_unions(text, language)[0] == expected


def test_a_firm_like_name_inside_a_union_name_is_no_employer() -> None:
    from picketline.extract import extract

    text = (
        "Care home strike\nNursing home workers in Albany went on strike on Tuesday. The strike "
        "was organized by 1199XYZ United Healthcare Workers East."
    )
    struggle = extract(text, published="2024-05-10", language="en").to_format()["struggles"][0]
    assert "employer" not in struggle
    assert struggle["sector"] == "Q"  # "nursing home workers"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Пикет организовал Профсоюз работников народного образования и науки РФ.",
            "ru",
            ["Профсоюз работников народного образования и науки РФ"],
        ),
        (
            "Пікет організувала Профспілка працівників державного сектору України.",
            "uk",
            ["Профспілка працівників державного сектору України"],
        ),
    ],
)
def test_genitive_adjectives_inside_union_names(
    text: str, language: str, expected: list[str]
) -> None:
    assert unions(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a sentence's first noun is no part of the name; a body of unions is
        ("Заявление профсоюза «Опора»: медики бастуют.", "ru", ["профсоюз «Опора»"]),
        ("Наразі профспілка вживає заходів.", "uk", []),
        (
            "Федерация профсоюзов Приморья поддержала акцию.",
            "ru",
            ["Федерация профсоюзов Приморья"],
        ),
    ],
)
def test_words_before_a_cyrillic_union_head(text: str, language: str, expected: list[str]) -> None:
    assert unions(text, language) == expected


def test_one_union_under_its_quoted_name() -> None:
    short = find_unions(s("Акцию поддержал профсоюз «Опора»."), "ru")
    long = find_unions(
        s("Организация профсоюза работников здравоохранения «Опора» сообщает."), "ru"
    )
    assert short[0].attrs["key"] == long[0].attrs["key"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "uk",
            "Гірники шахти «Зоряна» влаштували підземний страйк. Про це ІА «Схід» розповів глава "
            "Профспілки гірників Донбасу Іван Петренко.",
        ),
        (
            "ru",
            "Горняки шахты «Заря» объявили подземную забастовку. Об этом сообщил председатель "
            "Профсоюза горняков Кузбасса Иван Петров.",
        ),
        (
            "en",
            "Miners at the Zorya mine refused to come up on Monday. An official of the Donbas "
            "Miners' Union told reporters the men wanted their wages.",
        ),
    ],
)
def test_a_union_that_only_informs_the_press_leads_nothing(language: str, text: str) -> None:
    assert _struggle_unions(text, language)[0] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dockers affiliated to the Unión Portuaria de Chile struck.",
            ["Unión Portuaria de Chile"],
        ),
        ("The Central Unitaria de Trabajadores backed them.", ["Central Unitaria de Trabajadores"]),
        ("The Unión Europea said so.", []),
    ],
)
def test_spanish_and_portuguese_union_heads(text: str, expected: list[str]) -> None:
    assert unions(text, "en") == expected

"""Workers, workplaces, employers and unions, in the article's words."""

from __future__ import annotations

import pytest

from picketline.domain.vocab import Sector
from picketline.extract.actors import find_employers, find_unions, find_workers, find_workplaces
from picketline.extract.patterns import Sentence


def s(text: str) -> Sentence:
    return Sentence(0, 0, len(text), text)


def test_english_worker_compound_and_sector() -> None:
    found = find_workers(s("Refuse collectors and bin workers walked out."), "en")
    values = {f.value: f.attrs["sector"] for f in found}
    assert values == {"refuse collectors and bin workers": Sector.E}  # one coordinated workforce


def test_workers_with_the_town_are_town_workers() -> None:
    found = find_workers(s("The workers with the city have been without a contract."), "en")
    assert [f.value for f in found] == ["city workers"]
    assert found[0].attrs["sector"] is Sector.O


def test_cyrillic_workers_back_in_nominative_plural() -> None:
    assert [f.value for f in find_workers(s("Зарплату 40 шахтеров задержали."), "ru")] == [
        "шахтёры"
    ]
    assert [f.value for f in find_workers(s("Борги перед 20 вчителями."), "uk")] == ["вчителі"]


def test_named_workplaces() -> None:
    en = find_workplaces(s("Miners at the Northgate Colliery shaft stopped work."), "en")
    assert [f.value for f in en] == ["Northgate Colliery shaft"]
    ru = find_workplaces(s("На шахте «Восточная» началась забастовка."), "ru")
    assert [f.value for f in ru] == ["шахта «Восточная»"]
    assert ru[0].attrs["sector"] is Sector.B
    uk = find_workplaces(s('На заводі "Прогрес" страйк.'), "uk")
    assert [f.value for f in uk] == ['завод "Прогрес"']


def test_sentence_initial_word_is_not_a_name_unless_used_as_one() -> None:
    text = "Striking mine workers gathered."
    assert find_workplaces(s(text), "en") == []
    assert [f.value for f in find_workplaces(s(text), "en", frozenset({"Striking"}))] == [
        "Striking mine"
    ]


def test_employers() -> None:
    en = find_employers(s("Staff at Brightwater Foods Ltd. walked out."), "en")
    assert [f.value for f in en] == ["Brightwater Foods Ltd."]
    appos = find_employers(s("They say their employer, Norlake Haulage, owes them."), "en")
    assert [f.value for f in appos] == ["Norlake Haulage"]
    town = find_employers(s("Workers of the town of Millbrook struck."), "en", municipal=True)
    assert "Town of Millbrook" in [f.value for f in town]
    uk = find_employers(s("працівники держпідприємства «Світловугілля»"), "uk")
    assert [f.value for f in uk] == ["держпідприємство «Світловугілля»"]


def test_unions() -> None:
    en = find_unions(s("Members of the National Union of Rail Workers and Unison struck."), "en")
    assert [f.value for f in en] == ["National Union of Rail Workers", "Unison"]
    assert find_unions(s("They marched to the Union Buildings."), "en") == []
    ru = find_unions(s("по словам главы Независимого профсоюза горняков"), "ru")
    assert [f.value for f in ru] == ["Независимый профсоюз горняков"]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Tractor drivers and dairy workers walked out.", "en", Sector.A),
        ("Механизаторы агрофирмы бастуют.", "ru", Sector.A),
        ("Механізатори господарства страйкують.", "uk", Sector.A),
        ("Продавцы и кассиры магазина бастуют.", "ru", Sector.G),
        ("Продавці ринку страйкують.", "uk", Sector.G),
        ("Водії сміттєвозів страйкують.", "uk", Sector.H),
        ("Медсестри і санітарки пікетували раду.", "uk", Sector.Q),
    ],
)
def test_trades_imply_sectors(text: str, language: str, expected: Sector) -> None:
    found = find_workers(s(text), language)
    assert found and found[0].attrs["sector"] is expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Против строительства полигона выступили жители.", "ru"),
        ("Біля лікарні зібралися мешканці.", "uk"),
        ("Рабочие места сохранят.", "ru"),
    ],
)
def test_words_that_only_begin_like_a_trade(text: str, language: str) -> None:
    assert find_workers(s(text), language) == []


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Протест пройшов під кабінетом головного лікаря.", "uk", []),
        ("«Мы не бросаем больных», — рассказал фельдшер Игорь.", "ru", []),
        ("В пятницу 23 сотрудника склада отказались работать.", "ru", ["сотрудники"]),
        ("Дві медсестри оголосили голодування.", "uk", ["медсестри"]),
    ],
)
def test_one_person_named_by_trade_is_not_the_workforce(
    text: str, language: str, expected: list[str]
) -> None:
    assert [f.value for f in find_workers(s(text), language)] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Crews at the Red Ridge copper mine walked out.", "en", "Red Ridge copper mine"),
        ("Кассиры гипермаркета «Лента-Юг» бастуют.", "ru", "гипермаркет «Лента-Юг»"),
        ("Водители подстанции № 5 работают по инструкции.", "ru", "подстанция № 5"),
        ("Вчителі гімназії «Джерело» вийшли на мітинг.", "uk", "гімназія «Джерело»"),
    ],
)
def test_more_named_workplaces(text: str, language: str, expected: str) -> None:
    assert [f.value for f in find_workplaces(s(text), language)] == [expected]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("About 300 staff at Nordhafen GmbH stopped work.", "en", "Nordhafen GmbH"),
        ("Miners at Cobre Andino SA blocked the road.", "en", "Cobre Andino SA"),
        ("Страйк на складі компанії Nordhafen GmbH триває.", "uk", "Nordhafen GmbH"),
        ("Фельдшеры ГБУЗ «Городская больница № 2» бастуют.", "ru", "ГБУЗ «Городская больница № 2»"),
        ("Санітарки КНП «Міська лікарня» пікетували раду.", "uk", "КНП «Міська лікарня»"),
    ],
)
def test_more_company_forms(text: str, language: str, expected: str) -> None:
    assert expected in [f.value for f in find_employers(s(text), language)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Members of the Federation of Dockers and Port Workers struck.",
            "en",
            "Federation of Dockers and Port Workers",
        ),
        (
            "The Sindicato de Trabajadores Portuarios led the strike.",
            "en",
            "Sindicato de Trabajadores Portuarios",
        ),
        (
            "The strike was called by the Delhi Safai Karmachari Sangh.",
            "en",
            "Delhi Safai Karmachari Sangh",
        ),
        (
            "Интересы рабочих представлял Профсоюз работников транспорта, связи и энергетики.",
            "ru",
            "Профсоюз работников транспорта, связи и энергетики",
        ),
        ("Акцию поддержал профсоюз медиков «Голос».", "ru", "профсоюз медиков «Голос»"),
        ("Пікет організував рух «Медики разом».", "uk", "рух «Медики разом»"),
    ],
)
def test_more_union_names(text: str, language: str, expected: str) -> None:
    assert expected in [f.value for f in find_unions(s(text), language)]


def test_a_street_named_after_unions_is_not_a_union() -> None:
    assert find_unions(s("Склад на Профсоюзной улице закрыт."), "ru") == []


def _unions_of(text: str, language: str) -> list[list[str]]:
    from picketline.extract import extract

    result = extract(text, published="2024-05-10", language=language).to_format()
    return [s.get("unions", []) for s in result["struggles"]]


@pytest.mark.parametrize(
    ("language", "text", "union"),
    [
        # an acronym tied to union words anywhere is a union wherever it stands
        (
            "en",
            "Glaziers at the Brook plant walked out on Monday, led by the GWTU. The GWTU union "
            "wants a 9% rise for glaziers.",
            "GWTU",
        ),
        (
            "en",
            "Members of the BTKU struck at the Rowan depot on Monday. Porters want a pay rise "
            "and the union says the BTKU will picket again.",
            "BTKU",
        ),
        # "X members" where the article speaks of unions
        (
            "en",
            "Forgeworkers members at the Brook plant went on strike on Monday. The union wants "
            "a 9% rise for the strikers.",
            "Forgeworkers",
        ),
        # a union the workers belong to, in a sentence of its own
        (
            "en",
            "Glaziers went on strike at the Brook plant on Monday over pay. The glaziers belong "
            "to the Glass Trades Association of Wessex.",
            "Glass Trades Association of Wessex",
        ),
        (
            "ru",
            "Члены Федерации профсоюзов Приморья провели пикет у завода. Сварщики требуют "
            "повысить зарплаты.",
            "Федерация профсоюзов Приморья",
        ),
        (
            "uk",
            "Зварники заводу оголосили страйк. Страйк підтримала Федерація профспілок "
            "Полтавщини. Зварники вимагають виплатити борги.",
            "Федерація профспілок Полтавщини",
        ),
    ],
)
def test_unions_named_by_relation(language: str, text: str, union: str) -> None:
    assert union in _unions_of(text, language)[0]


def test_generic_union_words_are_no_union_name() -> None:
    found = find_unions(s("The Trade Union supported them."), "en")
    assert [f.value for f in found] == []


@pytest.mark.parametrize(
    ("language", "text", "employer"),
    [
        ("en", "Cleaners employed by contractor Brightway walked out.", "Brightway"),
        ("en", "Pickers at a depot owned by Calder Foods went on strike.", "Calder Foods"),
        ("en", "Guards contracted to Ferncastle walked out over pay.", "Ferncastle"),
        ("ru", "Рабочие подрядчика «ТехСтрой» объявили забастовку.", "«ТехСтрой»"),
        ("ru", "Курьеры, работающие на «Быстрокат», объявили забастовку.", "«Быстрокат»"),
        ("uk", "Працівники підрядника «ЛісБуд» оголосили страйк.", "«ЛісБуд»"),
        ("uk", "Кур'єри, що працюють на «Швидкокат», оголосили страйк.", "«Швидкокат»"),
    ],
)
def test_employers_named_by_relation(language: str, text: str, employer: str) -> None:
    from picketline.extract.organisations import related_employers

    assert employer in [f.value for f in related_employers(s(text), language)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "The Ghana Labour Congress and the Trades Union Congress called off the strike.",
            "en",
            ["Ghana Labour Congress", "Trades Union Congress"],
        ),
        ("Members of Unifor Local 444 walked out at midnight.", "en", ["Unifor Local 444"]),
        (
            "Nurses of the Royal College of Nursing staged a walkout.",
            "en",
            ["Royal College of Nursing"],
        ),
        (
            "Страйк підтримала профспілка працівників зв'язку України.",
            "uk",
            ["профспілка працівників зв'язку України"],
        ),
        (
            "Акцію провели Незалежна профспілка гірників України та Профспілка працівників "
            "вугільної промисловості.",
            "uk",
            [
                "Незалежна профспілка гірників України",
                "Профспілка працівників вугільної промисловості",
            ],
        ),
        ("Профсоюз пилотов VC объявил забастовку.", "ru", ["VC"]),
        (
            "Они защищают председателя Белорусского независимого профсоюза (БНП).",
            "ru",
            ["Белорусский независимый профсоюз"],
        ),
        ("В профсоюз вступили сорок водителей.", "ru", []),
        (
            "Акцію організувала Вільна профспілка медиків України.",
            "uk",
            ["Вільна профспілка медиків України"],
        ),
    ],
)
def test_union_names_in_three_languages(text: str, language: str, expected: list[str]) -> None:
    assert [f.value for f in find_unions(s(text), language)] == expected


def test_acronym_of_a_full_union_name() -> None:
    from picketline.extract.assemble import is_acronym_of

    assert is_acronym_of("CITU", "Centre of Indian Trade Unions")
    assert is_acronym_of("НПГУ", "Незалежна профспілка гірників України")
    assert is_acronym_of("НПГ", "Независимый профсоюз горняков России")
    assert not is_acronym_of("GMB", "Unite")
    assert not is_acronym_of("Unite", "Union of Northern Industrial Transport Employees")


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Bin crews accepted an offer from Bristol City Council on Friday.",
            "en",
            ["Bristol City Council"],
        ),
        (
            "Harbourside Care, which owns the home, said talks would go on.",
            "en",
            ["Harbourside Care"],
        ),
        ("Машинисты требуют от концерна Deutsche Bahn сократить смены.", "ru", ["Deutsche Bahn"]),
        ("Шахти належать компанії Polska Grupa Górnicza.", "uk", ["Polska Grupa Górnicza"]),
        ("Компания «Корзинка» уволила 14 кладовщиков.", "ru", ["«Корзинка»"]),
    ],
)
def test_employers_by_council_owner_and_latin_name(
    text: str, language: str, expected: list[str]
) -> None:
    assert [f.value for f in find_employers(s(text), language)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Picket lines went up at the Glasgow depots on Monday.",
        "Staff gathered at Atlantique Energie SA's refinery at dawn.",
        "Engineers occupied the Dundee plant on Tuesday.",
    ],
)
def test_descriptions_are_not_named_workplaces(text: str) -> None:
    assert not find_workplaces(s(text), "en", frozenset(), frozenset({"dundee", "glasgow"}))


def test_a_depot_named_after_another_town_is_named() -> None:
    text = "Refuse collectors at the Wilmington depot in Hull walked out."
    found = find_workplaces(s(text), "en", frozenset(), frozenset({"hull"}))
    assert [f.value for f in found] == ["Wilmington depot"]


def test_named_medical_centre_and_coordinated_mines() -> None:
    found = find_workplaces(s("Nurses at Riverside Medical Center walked out."), "en")
    assert [f.value for f in found] == ["Riverside Medical Center"]
    found = find_workplaces(s("Miners at the Red Hill and Blue Hill mines blocked the road."), "en")
    assert [f.value for f in found] == ["Red Hill and Blue Hill mines"]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Cleaners joined the Public and Commercial Services union last year.",
            "en",
            ["Public and Commercial Services union"],
        ),
        ("The United Auto Workers union said members struck.", "en", ["United Auto Workers"]),
        (
            "The National Union of Rail, Maritime and Transport Workers called the strike.",
            "en",
            ["National Union of Rail, Maritime and Transport Workers"],
        ),
        (
            "Страйк підтримала Федерація професійних спілок України.",
            "uk",
            ["Федерація професійних спілок України"],
        ),
        ("The union said members would strike.", "en", []),
    ],
)
def test_more_union_name_shapes(text: str, language: str, expected: list[str]) -> None:
    assert [f.value for f in find_unions(s(text), language)] == expected


def test_a_bracketed_acronym_is_the_same_union() -> None:
    from picketline.extract import extract

    text = (
        "About 300 guards at Harbour Rail in Leeds went on strike on Monday, called out by the "
        "Transport Staff Union (TSU). The TSU said the strike would go on."
    )
    struggle = extract(text, published="2025-05-10", language="en").to_format()["struggles"][0]
    assert struggle["unions"] == ["Transport Staff Union"]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a sectoral union is named by its sector, even in lower case
        (
            "Голодувальників підтримує профспілка працівників вугільної промисловості.",
            "uk",
            ["профспілка працівників вугільної промисловості"],
        ),
        (
            "Забастовку поддержал профсоюз работников здравоохранения.",
            "ru",
            ["профсоюз работников здравоохранения"],
        ),
        # the plant's own union, and a union named only as a source, are not names
        ("Забастовку поддержал профсоюз работников завода.", "ru", []),
        ("Про це повідомили в організації профспілки працівників шахти.", "uk", []),
    ],
)
def test_lower_case_sectoral_unions(text: str, language: str, expected: list[str]) -> None:
    assert [f.value for f in find_unions(s(text), language)] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Bin collectors walked out at the depot.", "en", Sector.N),
        ("Call centre agents logged off at noon.", "en", Sector.N),
        ("Актёры театра драмы вышли на пикет.", "ru", Sector.R),
        ("Музыканты оркестра объявили забастовку.", "ru", Sector.R),
        ("Актори театру оголосили страйк.", "uk", Sector.R),
        ("Бібліотекарі вийшли на пікет.", "uk", Sector.R),
        ("Рибалки перекрили дорогу до порту.", "uk", Sector.A),
    ],
)
def test_more_trades_and_their_sectors(text: str, language: str, expected: Sector) -> None:
    found = find_workers(s(text), language)
    assert found and found[0].attrs["sector"] is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The strike was called by the Communication Workers of America.",
            ["Communication Workers of America"],
        ),
        ("United Mine Workers of America called the strike.", ["United Mine Workers of America"]),
        ("The United Steelworkers said members struck.", ["United Steelworkers"]),
        ("Workers United, the baristas' union, said the strike began.", ["Workers United"]),
        ("Workers of the plant went on strike.", []),
    ],
)
def test_unions_named_as_workers_of_somewhere(text: str, expected: list[str]) -> None:
    assert [f.value for f in find_unions(s(text), "en")] == expected

"""Assembly rules: background struggles, fields left out when unsaid."""

from __future__ import annotations

import pytest

from picketline.extract import extract


def test_recalled_strike_at_another_workplace_is_background() -> None:
    text = (
        "Страйк на шахті «Нова»\n"
        "Вранці 14 березня 25 шахтарів шахти «Нова» відмовилися спускатися до шахти. "
        "Нагадаємо, що працівники шахти «Стара» 2 березня відмовилися виходити на роботу."
    )
    data = extract(text, published="2024-03-14").to_format()
    by_place = {s["workplace"]: s for s in data["struggles"]}
    assert set(by_place) == {"шахта «Нова»", "шахта «Стара»"}
    assert by_place["шахта «Стара»"]["background"] is True
    assert by_place["шахта «Стара»"]["start"] == "2024-03-02"
    assert "background" not in by_place["шахта «Нова»"]
    assert by_place["шахта «Нова»"]["start"] == "2024-03-14"


def test_unsaid_fields_are_left_out() -> None:
    data = extract("Workers went on strike at a factory. The strike is ongoing, workers said.")
    struggle = data.to_format()["struggles"][0]
    for name in ("employer", "unions", "participants", "demands", "repression", "start", "end"):
        assert name not in struggle


def test_ended_with_a_deal_is_partial_with_end_date() -> None:
    text = (
        "Care workers at Oakfield Care Services went on strike on 3 June over pay. "
        "The strike ended on 10 June after a deal was reached with the union."
    )
    struggle = extract(text, published="2024-06-12").to_format()["struggles"][0]
    assert struggle["outcome"] == "partial"
    assert struggle["start"] == "2024-06-03"
    assert struggle["end"] == "2024-06-10"
    assert struggle["sector"] == "Q"


ROUNDUPS = [
    (
        "en",
        "Labour briefs\n\n"
        "LEEDS — About 200 cleaners at the city's hospitals went on strike on Monday over "
        "unpaid wages.\n\n"
        "In Glasgow, meanwhile, 80 bus drivers held a rally outside the council offices "
        "on Tuesday. They want a pay rise.\n\n"
        "In Leeds, the council said talks would resume next week.\n",
    ),
    (
        "ru",
        "Трудовые конфликты недели\n\n"
        "Около 50 водителей автобусов в Самаре в понедельник отказались выходить на работу "
        "из-за долгов по зарплате.\n\n"
        "В Саратове во вторник 30 медсестёр областной больницы провели пикет у здания "
        "минздрава. Они требуют повышения зарплаты.\n",
    ),
    (
        "uk",
        "Протести тижня\n\n"
        "Близько 60 шахтарів у Павлограді в понеділок відмовилися спускатися в шахту через "
        "борги з зарплати.\n\n"
        "А в Житомирі у вівторок 40 вчителів провели мітинг під будівлею міськради. Вони "
        "вимагають підвищення зарплати.\n",
    ),
]


@pytest.mark.parametrize(("language", "text"), ROUNDUPS)
def test_roundup_paragraphs_by_place_are_separate_struggles(language: str, text: str) -> None:
    struggles = extract(text, published="2024-05-08", language=language).to_format()["struggles"]
    assert len(struggles) == 2
    first, second = struggles
    assert first["participants"]["min"] in (200, 50, 60)
    assert second["participants"]["min"] in (80, 30, 40)
    assert "demonstration" in second["actions"] or "picket" in second["actions"]
    assert "strike" in first["actions"]
    assert "strike" not in second["actions"]


def test_datelines_with_a_plain_hyphen_separate_a_roundup() -> None:
    """Wire round-ups often type the dateline dash as a hyphen: "LEEDS, England - ..."."""
    text = (
        "Labour briefs\n\n"
        "LEEDS, England - About 200 hospital cleaners went on strike on Monday over unpaid "
        "wages, their union said.\n\n"
        "GLASGOW, Scotland - Some 80 dock workers picketed the port offices on Tuesday, "
        "demanding permanent contracts.\n"
    )
    struggles = extract(text, published="2024-05-08").to_format()["struggles"]
    assert [s["place"]["name"] for s in struggles] == ["Leeds", "Glasgow"]
    assert "strike" in struggles[0]["actions"] and "picket" in struggles[1]["actions"]


@pytest.mark.parametrize(
    ("language", "text", "towns"),
    [
        (
            "ru",
            "Обзор недели\n\nСамара: забастовка водителей\n\nОколо 50 водителей автобусов "
            "в понедельник отказались выходить на линию из-за долгов по зарплате.\n\n"
            "Саратов: пикет медсестёр\n\nВо вторник 30 медсестёр провели пикет у здания "
            "минздрава, требуя повышения зарплаты.\n",
            ["Samara", "Saratov"],
        ),
        (
            "uk",
            "Огляд тижня\n\nПавлоград: страйк шахтарів\n\nБлизько 60 шахтарів у понеділок "
            "відмовилися спускатися в шахту через борги з зарплати.\n\nЖитомир: мітинг "
            "вчителів\n\nУ вівторок 40 вчителів провели мітинг під міськрадою, вимагаючи "
            "підвищення зарплати.\n",
            ["Pavlohrad", "Zhytomyr"],
        ),
        (
            "en",
            "Week in review\n\nLeeds: cleaners strike\n\nAbout 200 hospital cleaners went on "
            "strike on Monday over unpaid wages.\n\nGlasgow: dockers picket\n\nSome 80 dock "
            "workers picketed the port offices on Tuesday, demanding permanent contracts.\n",
            ["Leeds", "Glasgow"],
        ),
    ],
)
def test_subheadings_naming_a_place_separate_a_digest(
    language: str, text: str, towns: list[str]
) -> None:
    """ "Самара: забастовка водителей" as a subheading starts its place's item."""
    struggles = extract(text, published="2024-05-08", language=language).to_format()["struggles"]
    assert [s["place"]["name"] for s in struggles] == towns


def test_numbered_items_of_a_bulletin_are_separate_struggles() -> None:
    """ "1. Leeds: ..." — the number is split off as a sentence of its own."""
    text = (
        "Labour bulletin No. 3\n\nPrepared by a monitoring group in London\n\n"
        "1. Leeds: cleaners strike\n\nAbout 200 hospital cleaners went on strike on Monday "
        "over unpaid wages.\n\n2. Glasgow: dockers picket\n\nSome 80 dock workers picketed "
        "the port offices on Tuesday, demanding permanent contracts.\n"
    )
    struggles = extract(text, published="2024-05-08").to_format()["struggles"]
    assert [s["place"]["name"] for s in struggles] == ["Leeds", "Glasgow"]


@pytest.mark.parametrize(
    ("language", "text", "towns"),
    [
        (
            "en",
            "Refinery strike ends; dockers stop work\n\nAbout 200 operators at the refinery in "
            "Donges ended their strike on Wednesday after a pay offer of 5 per cent.\n\n"
            "Separately, several hundred dockers at the port of Le Havre held a one-day strike "
            "on Monday against automation.\n",
            ["Donges", "Le Havre"],
        ),
        (
            "ru",
            "Забастовки недели\n\nОколо 50 водителей автобусов в Самаре в понедельник "
            "отказались выходить на линию из-за долгов по зарплате.\n\nТем временем около 30 "
            "медсестёр областной больницы в Саратове провели пикет у здания минздрава.\n",
            ["Samara", "Saratov"],
        ),
        (
            "uk",
            "Протести тижня\n\nБлизько 60 шахтарів у Павлограді в понеділок відмовилися "
            "спускатися в шахту через борги з зарплати.\n\nТим часом 40 вчителів у Житомирі "
            "провели мітинг під міськрадою, вимагаючи підвищення зарплати.\n",
            ["Pavlohrad", "Zhytomyr"],
        ),
    ],
)
def test_a_paragraph_turning_to_another_story_starts_a_struggle(
    language: str, text: str, towns: list[str]
) -> None:
    """ "Separately, ... at the port of Le Havre": the place need not open the sentence."""
    struggles = extract(text, published="2024-05-08", language=language).to_format()["struggles"]
    assert [s["place"]["name"] for s in struggles] == towns


@pytest.mark.parametrize(
    ("language", "text", "towns"),
    [
        (
            "en",
            "Warehouse strikes\n\nBERLIN - Staff at two distribution centres of one company "
            "stopped work this week in separate disputes, their union said.\n\nIn Leipzig, "
            "about 600 employees struck for 48 hours over pay.\n\nIn Kassel, around 150 pickers "
            "walked off the job on Wednesday after the heating failed.\n",
            ["Leipzig", "Kassel"],
        ),
        (
            "uk",
            "Протести тижня\n\nЩотижневий огляд трудових протестів в Україні.\n\nДніпро. "
            "Медсестри міської лікарні вийшли на пікет через борги із зарплати.\n\nЧернігів. "
            "Кілька десятків учителів провели акцію протесту біля управління освіти.\n",
            ["Dnipro", "Chernihiv"],
        ),
    ],
)
def test_a_roundups_summary_opening_is_not_an_item(
    language: str, text: str, towns: list[str]
) -> None:
    """An opening that speaks of all the items at once is not a struggle of its own."""
    struggles = extract(text, published="2024-05-08", language=language).to_format()["struggles"]
    assert [s["place"]["name"] for s in struggles] == towns


def test_a_paragraph_opening_on_the_same_place_continues_the_struggle() -> None:
    text = (
        "Strike in Leeds\n\n"
        "Around 200 cleaners in Leeds went on strike on Monday.\n\n"
        "In Leeds, the strikers also held a rally outside the town hall on Tuesday.\n"
    )
    assert len(extract(text, published="2024-05-08").to_format()["struggles"]) == 1


@pytest.mark.parametrize(
    ("text", "language", "workers", "sector"),
    [
        (
            "Hauliers angry as drivers walk out\n"
            "Some 90 workers at a Dunmore Freight Ltd depot went on strike on Monday. "
            "Doctors at the local clinic said two strikers were treated for heat.",
            "en",
            "workers",
            "H",
        ),
        (
            "Строители торгового центра бастуют\n"
            "Около 70 рабочих, занятых на стройке, в среду не приступили к работе. "
            "Врачи скорой осмотрели двоих бастующих.",
            "ru",
            "рабочие",
            "F",
        ),
        (
            "Металурги оголосили голодування\n"
            "Семеро працівників ТОВ «Сумський машинобудівний завод» тримають голодування. "
            "Лікарі щодня оглядають голодуючих.",
            "uk",
            "працівники",
            "C",
        ),
    ],
)
def test_workers_are_the_subject_of_the_first_action_sentence(
    text: str, language: str, workers: str, sector: str
) -> None:
    struggle = extract(text, published="2024-05-08", language=language).to_format()["struggles"][0]
    assert struggle["workers"] == workers
    assert struggle["sector"] == sector


@pytest.mark.parametrize(
    ("language", "text", "start", "end"),
    [
        # the action noun and the verb that ends it are apart
        (
            "en",
            "The 10-day strike by porters at the Oakfield depot ended on May 8. Porters walked "
            "out over unpaid wages.",
            "2024-04-29",
            "2024-05-08",
        ),
        (
            "ru",
            "Трехдневная забастовка грузчиков склада в Твери завершилась 9 мая. Грузчики "
            "требовали повышения зарплаты.",
            "2024-05-07",
            "2024-05-09",
        ),
        (
            "uk",
            "П'ятиденний страйк вантажників складу в Житомирі завершився 9 травня. Вантажники "
            "вимагали підвищення зарплати.",
            "2024-05-05",
            "2024-05-09",
        ),
        # the start of a duration counts back from the end, not from publication
        (
            "en",
            "Glaziers at the Brook plant returned to work on Wednesday, ending a five-day strike "
            "over pay. The union called off the walkout after talks.",
            "2024-05-04",
            "2024-05-08",
        ),
    ],
)
def test_start_and_end_of_a_strike_that_ended(
    language: str, text: str, start: str, end: str
) -> None:
    struggle = extract(text, published="2024-05-10", language=language).to_format()["struggles"][0]
    assert (struggle.get("start"), struggle.get("end")) == (start, end)


def test_a_range_that_was_over_before_publication_gives_the_end() -> None:
    text = (
        "Забастовка сварщиков верфи в Керчи шла с 1 по 8 мая. Сварщики бастовали из-за "
        "долгов по зарплате, профсоюз поддержал забастовку."
    )
    struggle = extract(text, published="2024-05-10", language="ru").to_format()["struggles"][0]
    assert (struggle.get("start"), struggle.get("end")) == ("2024-05-01", "2024-05-08")


def test_no_publication_date_no_weekday_dates() -> None:
    text = "Glaziers went on strike on Monday. The union said 40 glaziers walked out over pay."
    struggle = extract(text, language="en").to_format()["struggles"][0]
    assert "start" not in struggle and "end" not in struggle


@pytest.mark.parametrize(
    ("language", "text", "end"),
    [
        (
            "en",
            "Glaziers at the Brook plant staged a 24-hour strike on Tuesday over pay. The union "
            "said 40 glaziers took part.",
            "2024-05-07",
        ),
        (
            "ru",
            "Стекольщики завода в Твери 6 мая провели суточную забастовку. Стекольщики требуют "
            "повышения зарплаты.",
            "2024-05-06",
        ),
        (
            "uk",
            "Склярі заводу в Житомирі 6 травня провели мітинг біля прохідної. Склярі вимагали "
            "виплатити борги. Мітинг завершився опівдні.",
            "2024-05-06",
        ),
    ],
)
def test_an_action_of_one_day_ends_the_day_it_began(language: str, text: str, end: str) -> None:
    struggle = extract(text, published="2024-05-10", language=language).to_format()["struggles"][0]
    assert struggle.get("end") == end


def test_an_ongoing_strike_has_no_end() -> None:
    text = "Glaziers at the Brook plant went on strike on Tuesday. The glaziers remain on strike."
    struggle = extract(text, published="2024-05-10", language="en").to_format()["struggles"][0]
    assert "end" not in struggle


@pytest.mark.parametrize(
    ("language", "text", "country"),
    [
        (
            "en",
            "Ghana's unions began a nationwide strike on Monday over fuel prices, shutting "
            "offices in Accra and Kumasi. Workers demand a pay rise.",
            "GH",
        ),
        (
            "ru",
            "Профсоюз машинистов начал общенациональную забастовку в Германии. Поезда не "
            "ходят в Берлине и Мюнхене, машинисты требуют повышения зарплаты.",
            "DE",
        ),
        (
            "uk",
            "Лікарі в Польщі розпочали загальнонаціональний страйк. У Варшаві та Кракові "
            "медики вимагають підвищення зарплати.",
            "PL",
        ),
    ],
)
def test_nationwide_action_is_placed_at_the_country(language: str, text: str, country: str) -> None:
    struggle = extract(text, published="2025-05-10", language=language).to_format()["struggles"][0]
    assert struggle["place"]["precision"] == "country"
    assert struggle["place"]["country"] == country


@pytest.mark.parametrize(
    ("language", "text", "places"),
    [
        (
            "ru",
            "Трудовые конфликты недели\n\nОмск. С понедельника бастуют 40 водителей автобусов, "
            "требуя выплатить зарплату.\n\nТюмень. Во вторник около 30 медсестёр городской "
            "больницы провели пикет у мэрии.",
            {"Omsk", "Tyumen"},
        ),
        (
            "uk",
            "Протести за добу\n\nХарків. Сьогодні понад 50 працівників заводу вийшли на "
            "мітинг проти закриття підприємства.\n\nЛьвівщина. Учора близько сотні шахтарів "
            "перекрили трасу, вимагаючи погасити борги із зарплати.",
            {"Kharkiv", "Lviv Oblast"},
        ),
    ],
)
def test_digest_items_opening_on_their_place_are_separate(
    language: str, text: str, places: set[str]
) -> None:
    struggles = extract(text, published="2024-11-20", language=language).to_format()["struggles"]
    assert {s["place"]["name"] for s in struggles} == places

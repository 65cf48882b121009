"""Start dates: background sentences, wage periods and genitive weekdays."""

from __future__ import annotations

import pytest

from picketline.extract.pipeline import default_extractor


def _start(text: str, language: str, published: str) -> str | None:
    result = default_extractor().extract(text, language=language, published=published)
    starts = [s.fields.start for s in result.struggles if s.fields.start is not None]
    return str(starts[0]) if starts else None


def test_background_year_sentence_is_not_the_start() -> None:
    text = (
        "Some 180 mill workers at Kaministiquia Paper were locked out on February 12 "
        "after contract talks broke down. In 2009, workers there went on strike for "
        "six weeks over a wage freeze."
    )
    assert _start(text, "en", "2024-03-01") == "2024-02-12"


def test_wage_period_is_not_the_start() -> None:
    text = (
        "27 марта 2024 года у здания администрации прошел митинг работников трамвайного "
        "предприятия. Работники требовали погасить долги по зарплате за январь и "
        "февраль 2024 года."
    )
    assert _start(text, "ru", "2024-03-29") == "2024-03-27"


def test_genitive_weekday_since_is_the_start() -> None:
    text = "Около 400 мусорщиков Марселя с понедельника продолжают забастовку."
    assert _start(text, "ru", "2024-02-16") == "2024-02-12"


def _dates(text: str, language: str, published: str) -> tuple[str | None, str | None]:
    result = default_extractor().extract(text, language=language, published=published)
    assert result.struggles, text
    fields = result.struggles[0].fields
    return (
        str(fields.start) if fields.start else None,
        str(fields.end) if fields.end else None,
    )


def test_return_to_work_day_is_the_day_after_the_end() -> None:
    # published Friday 2025-05-16; "returned to work on Thursday" → last day Wednesday
    text = (
        "About 200 porters at Hallam Logistics in Sheffield went on strike on Monday over "
        "pay. They returned to work on Thursday after the company agreed to raise wages."
    )
    assert _dates(text, "en", "2025-05-16") == ("2025-05-12", "2025-05-14")
    text = (
        "Около 50 водителей автобусного парка в Твери 12 мая отказались выходить на линию. "
        "В четверг водители вновь вышли на маршруты после выплаты долга по зарплате."
    )
    assert _dates(text, "ru", "2025-05-16")[1] == "2025-05-14"


def test_suspended_and_called_off_give_the_end() -> None:
    text = (
        "Dock workers in Durban suspended their week-long wildcat strike on Tuesday, "
        "the union said. The strike began on May 5."
    )
    assert _dates(text, "en", "2025-05-16") == ("2025-05-05", "2025-05-13")


def test_dateline_is_not_the_end() -> None:
    text = (
        "CARDIFF, May 16 - Refuse collectors in Cardiff are back on their rounds after "
        "members of the GMB union voted to end their strike over pay. The strike by 200 "
        "refuse collectors, which began on April 28, ended on Wednesday."
    )
    assert _dates(text, "en", "2025-05-16") == ("2025-04-28", "2025-05-14")


def test_picket_whose_people_dispersed_ends_that_day() -> None:
    text = (
        "Близько 40 працівників водоканалу в понеділок, 12 травня, провели пікет біля "
        "міської ради Луцька, вимагаючи виплатити борги із зарплати. Після зустрічі з "
        "мером учасники акції розійшлися."
    )
    assert _dates(text, "uk", "2025-05-16") == ("2025-05-12", "2025-05-12")
    text = (
        "Около 70 работников трамвайного депо в Омске во вторник, 13 мая, провели пикет у "
        "мэрии с требованием погасить долги по зарплате. Через час участники разошлись."
    )
    assert _dates(text, "ru", "2025-05-16") == ("2025-05-13", "2025-05-13")


def test_hours_long_warning_strike_is_one_day() -> None:
    text = (
        "У середу, 14 травня, близько 60 медиків лікарні в Ужгороді провели тригодинний "
        "попереджувальний страйк, вимагаючи підвищення зарплати."
    )
    assert _dates(text, "uk", "2025-05-16") == ("2025-05-14", "2025-05-14")


def test_said_start_beats_an_earlier_cause() -> None:
    text = (
        "More than 90 workers at a bakery in Bristol have been on strike since Monday "
        "(12 May), after the company sacked a union rep last month."
    )
    assert _dates(text, "en", "2025-05-16")[0] == "2025-05-12"


def test_action_over_while_the_dispute_goes_on_keeps_its_end() -> None:
    text = (
        "About 400 warehouse staff at Norden Logistik in Bremen struck for 48 hours from "
        "Tuesday. The strike ended at midnight on Wednesday; talks are due to resume next week."
    )
    assert _dates(text, "en", "2025-05-16") == ("2025-05-13", "2025-05-14")
    text = (
        "Забастовка 300 докеров порта в Новороссийске завершилась в пятницу, 16 мая. "
        "Докеры начали её 12 мая. Переговоры продолжатся на следующей неделе."
    )
    assert _dates(text, "ru", "2025-05-17") == ("2025-05-12", "2025-05-16")


def test_hours_long_blockade_and_one_day_strike_end_that_day() -> None:
    text = (
        "Учора близько 80 шахтарів шахти «Бужанська» на дві години перекрили трасу біля "
        "Нововолинська, вимагаючи погасити борги із зарплати."
    )
    assert _dates(text, "uk", "2025-05-16") == ("2025-05-15", "2025-05-15")
    text = (
        "В среду около 50 водителей автобусного парка в Чите не вышли на городские маршруты. "
        "Забастовка продолжалась один день."
    )
    assert _dates(text, "ru", "2025-05-16") == ("2025-05-14", "2025-05-14")


def test_between_two_days_the_earlier_is_the_start() -> None:
    text = (
        "About 700 metalworkers at Harlow Components embarked on a strike on 6 May over pay. "
        "The company locked the workers out from 13 May."
    )
    assert _dates(text, "en", "2025-06-05")[0] == "2025-05-06"


def test_a_later_clause_about_the_future_keeps_a_past_weekday() -> None:
    """Published on a Thursday: "on Wednesday" is the day before, whatever plan follows."""
    en = (
        "Thousands of nurses marched through Cape Town on Wednesday, demanding that the "
        "government drop its plan to freeze pay."
    )
    assert _start(en, "en", "2025-03-27") == "2025-03-26"
    ru = (
        "Сотни медсестер прошли маршем по центру Казани в среду, требуя отменить план, "
        "который будет заморожен до 2027 года."
    )
    assert _start(ru, "ru", "2025-03-27") == "2025-03-26"
    uk = (
        "Сотні медсестер пройшли маршем центром Києва в середу, вимагаючи скасувати план, "
        "який буде заморожено до 2027 року."
    )
    assert _start(uk, "uk", "2025-03-27") == "2025-03-26"


def test_since_when_wages_are_unpaid_is_not_the_start() -> None:
    en = (
        "Hundreds of garment workers have occupied the factory since January 19, "
        "saying they have not been paid since October."
    )
    assert _start(en, "en", "2025-01-22") == "2025-01-19"
    ru = (
        "Около 200 швей с 19 января проводят сидячую забастовку на фабрике: им не платят "
        "зарплату с октября."
    )
    assert _start(ru, "ru", "2025-01-22") == "2025-01-19"
    uk = (
        "Близько 200 швачок з 19 січня проводять сидячий страйк на фабриці: їм не виплачують "
        "зарплату з жовтня."
    )
    assert _start(uk, "uk", "2025-01-22") == "2025-01-19"


def test_months_of_unpaid_wages_are_no_duration() -> None:
    text = "Garment workers began a sit-in on Monday over three months' unpaid wages."
    assert _start(text, "en", "2025-01-22") == "2025-01-20"


def test_a_headline_ending_in_a_wage_word_does_not_hide_the_next_date() -> None:
    """ "... пришли за зарплатой" closes the headline; "В понедельник, 19 мая" opens the lead."""
    ru = (
        "Рабочие завода пришли за зарплатой\n\n"
        "В понедельник, 19 мая, около 200 рабочих вышли на митинг у мэрии."
    )
    assert _start(ru, "ru", "2025-05-20") == "2025-05-19"
    uk = (
        "Робітники заводу прийшли за зарплатою\n\n"
        "У понеділок, 19 травня, близько 200 робітників вийшли на мітинг під мерією."
    )
    assert _start(uk, "uk", "2025-05-20") == "2025-05-19"
    en = (
        "Workers queue for their pay\n\n"
        "On Monday, May 19, about 200 workers rallied outside city hall."
    )
    assert _start(en, "en", "2025-05-20") == "2025-05-19"


# Each says the action ended on 13 May (a return to work on the 14th ends it on the 13th).
@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Some 500 miners at the Kestrel mine walked out on 2 May over safety. "
            "Work resumed at the mine on 14 May.",
            "en",
        ),
        (
            "Some 500 miners at the Kestrel mine walked out on 2 May over safety. "
            "The union stood down the strike on 13 May.",
            "en",
        ),
        (
            "Some 500 miners at the Kestrel mine walked out on 2 May over safety. "
            "The strikers went back on 14 May.",
            "en",
        ),
        (
            "Some 500 miners at the Kestrel mine walked out on 2 May over safety. "
            "The union called off the industrial action on 13 May.",
            "en",
        ),
        (
            "Some 500 miners at the Kestrel mine walked out on 2 May over safety. "
            "On 13 May the strike was over.",
            "en",
        ),
        (
            "Some 40 workers at the Kestrel mine began a hunger strike on 2 May. "
            "They ended the hunger strike on 13 May.",
            "en",
        ),
        (
            "Some 500 miners at the Kestrel mine walked out on 2 May over safety. "
            "The union abandoned the strike on 13 May.",
            "en",
        ),
        (
            "Около 300 рабочих завода в Перми начали забастовку 5 мая. 13 мая забастовка окончена.",
            "ru",
        ),
        (
            "Около 300 рабочих завода в Перми начали забастовку 5 мая. "
            "Работа на заводе возобновилась 14 мая.",
            "ru",
        ),
        (
            "Около 40 рабочих завода в Перми объявили голодовку 5 мая. "
            "13 мая рабочие прекратили голодовку.",
            "ru",
        ),
        (
            "Около 300 рабочих завода в Перми начали забастовку 5 мая. "
            "13 мая рабочие свернули акцию протеста.",
            "ru",
        ),
        (
            "Около 300 рабочих завода в Перми начали забастовку 5 мая. "
            "13 мая рабочие отказались от продолжения забастовки.",
            "ru",
        ),
        (
            "Около 300 рабочих завода в Перми начали забастовку 5 мая. "
            "Забастовщики вернулись к работе 14 мая.",
            "ru",
        ),
        (
            "Близько 200 шахтарів у Кривому Розі почали страйк 5 травня. "
            "13 травня страйк скасували.",
            "uk",
        ),
        (
            "Близько 200 шахтарів у Кривому Розі почали страйк 5 травня. "
            "13 травня шахтарі відмовилися від продовження страйку.",
            "uk",
        ),
        (
            "Близько 40 шахтарів у Кривому Розі оголосили голодування 5 травня. "
            "13 травня шахтарі припинили голодування.",
            "uk",
        ),
        (
            "Близько 200 шахтарів у Кривому Розі почали страйк 5 травня. "
            "Робота на шахті відновилася 14 травня.",
            "uk",
        ),
        (
            "Близько 200 шахтарів у Кривому Розі почали страйк 5 травня. "
            "Шахтарі повернулися до роботи 14 травня.",
            "uk",
        ),
        (
            "Близько 200 шахтарів у Кривому Розі почали страйк 5 травня. "
            "13 травня страйк припинено.",
            "uk",
        ),
        (
            "Близько 200 шахтарів у Кривому Розі почали страйк 5 травня. "
            "13 травня шахтарі згорнули акцію протесту.",
            "uk",
        ),
    ],
)
def test_more_ways_to_say_the_action_ended(text: str, language: str) -> None:
    start, end = _dates(text, language, "2025-05-16")
    assert end == "2025-05-13", (text, start, end)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "В понедельник, 12 мая, около 100 водителей троллейбусов в Саратове пикетировали "
            "мэрию, требуя выплатить зарплату. Водители простояли у мэрии несколько часов.",
            "ru",
        ),
        (
            "У понеділок, 12 травня, близько 100 водіїв тролейбусів у Львові пікетували "
            "міськраду, вимагаючи виплатити зарплату. Водії простояли біля міськради кілька годин.",
            "uk",
        ),
        (
            "On Monday, 12 May, about 100 bus drivers in Leeds picketed the city hall over "
            "unpaid wages. The drivers stood outside the building for several hours.",
            "en",
        ),
    ],
)
def test_a_picket_said_to_last_hours_in_the_next_sentence_ends_that_day(
    text: str, language: str
) -> None:
    assert _dates(text, language, "2025-05-16") == ("2025-05-12", "2025-05-12")


# Published on Friday 14 March 2025. Each names the day the action ended with its own
# ending words; the outcome stage need not have read them.
@pytest.mark.parametrize(
    ("text", "language", "end"),
    [
        (
            "Some 80 miners at the Kopanang gold mine near Klerksdorp staged an underground "
            "sit-in from 6 March over unpaid bonuses. They came up from the mine on 11 March "
            "after the company agreed to pay.",
            "en",
            "2025-03-11",
        ),
        (
            "Teachers at 40 schools in Lusaka resumed work on Thursday after a strike over "
            "pay arrears that began on 3 March.",
            "en",
            "2025-03-12",
        ),
        (
            "The strike by 3,000 nurses in Kisumu county, which began on 20 February and "
            "crippled clinics, ended on Tuesday.",
            "en",
            "2025-03-11",
        ),
        (
            "Забастовка водителей автобусов в Иркутске, начавшаяся 5 марта, завершилась в среду.",
            "ru",
            "2025-03-12",
        ),
        (
            "Водители маршруток 10 марта вышли на пикет у мэрии Самары с требованием повысить "
            "тарифы. В среду они сняли пикет после встречи с мэром.",
            "ru",
            "2025-03-12",
        ),
        (
            "Шахтарі шахти «Лісова» у Червонограді 5 березня відмовилися підніматися на "
            "поверхню. 11 березня гірники вийшли на поверхню після виплати боргу.",
            "uk",
            "2025-03-11",
        ),
        (
            "Аграрії 7 березня заблокували трасу Київ–Чоп біля Мукачева. У вівторок вони "
            "зняли блокаду після зустрічі з головою ОДА.",
            "uk",
            "2025-03-11",
        ),
        (
            "Страйк водіїв тролейбусів у Житомирі, що розпочався 5 березня, завершився у середу.",
            "uk",
            "2025-03-12",
        ),
    ],
)
def test_a_date_said_with_its_ending_words_is_the_end(text: str, language: str, end: str) -> None:
    assert _dates(text, language, "2025-03-14")[1] == end


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Refuse collectors in Birmingham have been on strike since 3 March; talks ended "
            "on Tuesday without a deal.",
            "en",
        ),
        (
            "Nurses at Mulago hospital went on strike on 3 March. The strike did not end on "
            "Wednesday, the union said.",
            "en",
        ),
        (
            "Водители автобусов в Кирове с 3 марта бастуют и в среду не вышли на работу.",
            "ru",
        ),
        (
            "Медики лікарні у Дніпрі з 3 березня страйкують; у середу вони не повернулися "
            "до роботи.",
            "uk",
        ),
    ],
)
def test_no_end_without_ending_words_or_under_negation(text: str, language: str) -> None:
    assert _dates(text, language, "2025-03-14")[1] is None


def test_the_day_of_a_return_is_not_the_start() -> None:
    """ "resumed work on Thursday": Thursday is the day after the strike, not its start."""
    text = "Teachers at 40 schools in Lusaka resumed work on Thursday after a strike over pay."
    start, end = _dates(text, "en", "2025-03-14")
    assert (start, end) == (None, "2025-03-12")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Bus drivers in Kampala went on strike on 1 March over unpaid wages. After 9 days, "
            "the drivers went back to work when the company paid them.",
            "en",
        ),
        (
            "Пятеро рабочих завода в Брянске 1 марта объявили голодовку из-за долгов по "
            "зарплате. На 9-й день рабочие прекратили голодовку.",
            "ru",
        ),
        (
            "Працівники лікарні у Смілі 1 березня оголосили голодування через борги із "
            "зарплати. На дев'ятий день медики припинили голодування.",
            "uk",
        ),
    ],
)
def test_the_end_is_counted_from_the_first_day(text: str, language: str) -> None:
    """The ninth day of an action that began on 1 March is 9 March."""
    assert _dates(text, language, "2025-03-14") == ("2025-03-01", "2025-03-09")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Nurses at Mulago hospital in Kampala stayed away from work for a third day on "
            "Wednesday, demanding their salaries.",
            "en",
        ),
        (
            "В среду, на третий день забастовки, водители троллейбусов в Саратове вновь не "
            "вышли на маршруты.",
            "ru",
        ),
        (
            "У середу, на третій день страйку, водії тролейбусів у Житомирі знову не вийшли "
            "на маршрути.",
            "uk",
        ),
    ],
)
def test_a_day_said_as_the_third_day_gives_the_first(text: str, language: str) -> None:
    """Wednesday 12 March is the third day: the action began on Monday the 10th."""
    assert _dates(text, language, "2025-03-14") == ("2025-03-10", None)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Municipal workers in Harare, who since December have not been paid, went on "
            "strike on 11 March.",
            "en",
        ),
        (
            "Рабочие завода в Тольятти, которым с декабря не платят зарплату, 11 марта "
            "объявили забастовку.",
            "ru",
        ),
        (
            "Працівники заводу в Херсоні, яким з грудня не виплачують зарплату, 11 березня "
            "оголосили страйк.",
            "uk",
        ),
    ],
)
def test_since_when_wages_are_unpaid_said_before_the_verb(text: str, language: str) -> None:
    assert _start(text, language, "2025-03-14") == "2025-03-11"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # stopping work starts the strike; stopping the strike ends it
        (
            "Около 300 рабочих завода в Липецке 5 марта прекратили работу, требуя погасить "
            "долги по зарплате.",
            "ru",
            ("2025-03-05", None),
        ),
        (
            "Близько 300 робітників заводу в Кременчуці 5 березня припинили роботу, вимагаючи "
            "погасити борги із зарплати.",
            "uk",
            ("2025-03-05", None),
        ),
        (
            "About 300 fitters at the Harlow plant stopped work on 5 March, demanding an end "
            "to twelve-hour shifts.",
            "en",
            ("2025-03-05", None),
        ),
        # a return said with the words that ended the action is that day
        (
            "Porters at the Leeds depot went on strike on 3 March. They returned to work on "
            "Wednesday after the union called off the strike.",
            "en",
            ("2025-03-03", "2025-03-12"),
        ),
        # a return late in the day: the day was still the action's
        (
            "В понедельник около 60 водителей автобусов в Омске не вышли на линию. Уже к "
            "вечеру среды водители вернулись на маршруты.",
            "ru",
            ("2025-03-10", "2025-03-12"),
        ),
        # an ending word with its own date is that date's, not the return's
        (
            "Fitters at the Kragujevac plant returned to the production lines on Thursday "
            "morning after their strike, which began on 3 March, ended on Wednesday night.",
            "en",
            ("2025-03-03", "2025-03-12"),
        ),
        (
            "Робітники заводу у Кременчуці повернулися до роботи в четвер, після того як "
            "страйк, що розпочався 3 березня, завершився в середу.",
            "uk",
            ("2025-03-03", "2025-03-12"),
        ),
    ],
)
def test_stops_returns_and_their_days(
    text: str, language: str, expected: tuple[str | None, str | None]
) -> None:
    assert _dates(text, language, "2025-03-14") == expected


def test_a_since_date_is_the_start_beside_a_day_count() -> None:
    """ "третий день ...: с понедельника": Monday is the start, not day three."""
    text = (
        "Третий день на линиях не хватает трамваев: с понедельника водители депо в Самаре "
        "работают строго по инструкции."
    )
    assert _start(text, "ru", "2025-03-12") == "2025-03-10"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Thousands of garment workers blocked the highway near Gazipur for more than five "
            "hours on Tuesday, demanding unpaid wages.",
            "en",
            ("2025-03-11", "2025-03-11"),
        ),
        (
            "Минулого вівторка близько 70 водіїв тролейбусів вийшли на пікет під міською радою "
            "Луцька. Пікет тривав близько двох годин.",
            "uk",
            ("2025-03-11", "2025-03-11"),
        ),
        (
            "Во вторник около 70 водителей троллейбусов вышли на пикет у мэрии Твери. Пикет "
            "продолжался около трех часов.",
            "ru",
            ("2025-03-11", "2025-03-11"),
        ),
        # lasted until a date
        (
            "Гірники шахти «Північна» у Кривому Розі 3 березня відмовилися підійматися на "
            "поверхню. Страйк тривав до 12 березня.",
            "uk",
            ("2025-03-03", "2025-03-12"),
        ),
        (
            "Горняки шахты в Гуково 3 марта отказались подниматься на поверхность. Забастовка "
            "продолжалась до 12 марта.",
            "ru",
            ("2025-03-03", "2025-03-12"),
        ),
        (
            "Miners at the Beatrix mine refused to resurface on 3 March. The sit-in lasted "
            "until 12 March.",
            "en",
            ("2025-03-03", "2025-03-12"),
        ),
    ],
)
def test_hours_long_actions_and_what_lasted_until_a_day(
    text: str, language: str, expected: tuple[str, str]
) -> None:
    assert _dates(text, language, "2025-03-14") == expected


def test_a_48_hour_strike_reported_on_its_second_day_is_not_over() -> None:
    text = (
        "Some 1,200 dockworkers at the port walked off the job on Monday at the start of a "
        "48-hour strike."
    )
    assert _dates(text, "en", "2025-03-11") == ("2025-03-10", None)
    assert _dates(text, "en", "2025-03-14") == ("2025-03-10", "2025-03-11")


@pytest.mark.parametrize(
    ("text", "language", "start"),
    [
        # the day something else was founded or signed is not the action's
        (
            "Since 10 March 46 oil workers have refused food at the company offices in Aktau. "
            "The protest was organised by an independent union founded last year.",
            "en",
            "2025-03-10",
        ),
        (
            "С 10 марта 46 нефтяников не принимают пищу в конторе предприятия в Актау. "
            "Протест организовал независимый профсоюз, созданный работниками в прошлом году.",
            "ru",
            "2025-03-10",
        ),
        (
            "З 10 березня 46 шахтарів відмовляються від їжі в конторі шахти у Павлограді. "
            "Протест організувала незалежна профспілка, створена торік.",
            "uk",
            "2025-03-10",
        ),
        # a clause after a colon without the action has a grievance's date
        (
            "Сегодня около 60 рабочих завода в Гродно отказались приступать к работе: с "
            "октября цех переведён на режим простоя.",
            "ru",
            "2025-03-14",
        ),
        (
            "Сьогодні близько 60 робітників заводу в Гродно відмовилися працювати: з жовтня "
            "цех переведено на режим простою.",
            "uk",
            "2025-03-14",
        ),
        (
            "Today about 60 glassworkers at the Grodno plant refused to work: since October "
            "their shop has been on short time.",
            "en",
            "2025-03-14",
        ),
    ],
)
def test_dates_of_other_things_in_the_action_sentences(
    text: str, language: str, start: str
) -> None:
    assert _start(text, language, "2025-03-14") == start


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "On 10 March about 80 tram drivers held a rally outside the city hall in Leeds. "
            "The rally ended peacefully. The January wage arrears were paid on 12 March.",
            "en",
        ),
        (
            "10 марта у здания администрации Ангарска прошёл митинг работников трамвайного "
            "депо. Митинг завершился без нарушений. Задолженность по зарплате за январь "
            "погашена 12 марта.",
            "ru",
        ),
        (
            "10 березня біля будівлі міськради Луцька відбувся мітинг працівників "
            "тролейбусного депо. Мітинг завершився мирно. Борг із зарплати за січень "
            "погашено 12 березня.",
            "uk",
        ),
    ],
)
def test_a_rally_ends_on_its_day_not_when_its_demand_is_met(text: str, language: str) -> None:
    assert _dates(text, language, "2025-03-14") == ("2025-03-10", "2025-03-10")


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # an ending cue a few words before its own date is that date's
        (
            "About 60 cleaners at Leeds station who began a sit-in on 4 March ended their "
            "protest on Monday.",
            "en",
            ("2025-03-04", "2025-03-10"),
        ),
        # a count of days in the next sentence about the same people
        (
            "Курьеры в Казани 10 марта отключились от приложения, требуя повысить оплату. "
            "Спустя три дня они возобновили работу.",
            "ru",
            ("2025-03-10", "2025-03-12"),
        ),
        (
            "Кур'єри у Львові 10 березня відключилися від застосунку, вимагаючи підвищити "
            "оплату. Через три дні вони відновили роботу.",
            "uk",
            ("2025-03-10", "2025-03-12"),
        ),
        (
            "Riders in Leeds switched off their apps on 10 March, demanding higher fees. After "
            "three days they resumed work.",
            "en",
            ("2025-03-10", "2025-03-12"),
        ),
        # the action named by a word that refers back to it
        (
            "Шахтеры шахты в Гуково прекратили подземную забастовку 12 марта. Акция началась "
            "5 марта.",
            "ru",
            ("2025-03-05", "2025-03-12"),
        ),
        (
            "Шахтарі шахти у Павлограді припинили підземний страйк 12 березня. Акція "
            "розпочалася 5 березня.",
            "uk",
            ("2025-03-05", "2025-03-12"),
        ),
    ],
)
def test_cues_with_their_own_dates_and_sentences_that_refer_back(
    text: str, language: str, expected: tuple[str, str]
) -> None:
    assert _dates(text, language, "2025-03-14") == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "On Friday about 150 boilermakers rallied at the gates of the Taganrog works against "
            "the job cuts that management announced in late February.",
            "en",
        ),
        (
            "В пятницу около 150 рабочих котельного завода в Таганроге вышли на митинг против "
            "сокращения, о котором руководство объявило в конце февраля.",
            "ru",
        ),
        (
            "У п'ятницю близько 150 робітників заводу в Кременчуці вийшли на мітинг проти "
            "скорочення, про яке керівництво оголосило наприкінці лютого.",
            "uk",
        ),
    ],
)
def test_what_the_employer_announced_is_not_the_start(text: str, language: str) -> None:
    assert _start(text, language, "2025-03-15") == "2025-03-14"


def test_for_the_past_week_is_a_week() -> None:
    text = "For the past week, 300 drivers at the Uber hub in Lagos have refused to log on."
    assert _start(text, "en", "2025-03-14") == "2025-03"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Dozens of bus drivers at the Shengavit depot in Yerevan stopped work for three "
            "hours on Monday morning. The stoppage ended when the director promised in writing "
            "to pay overtime at a double rate from April.",
            "en",
            ("2025-03-10", "2025-03-10"),
        ),
        (
            "Тридцать восемь горняков шахты в Прокопьевске, которые с 5 марта отказывались "
            "подниматься на поверхность, вышли из шахты 12 марта. Собственник перечислил "
            "зарплату за декабрь, а долг за январь пообещал закрыть до 20 марта.",
            "ru",
            ("2025-03-05", "2025-03-12"),
        ),
        (
            "Тридцять вісім гірників шахти у Павлограді, які з 5 березня відмовлялися "
            "підійматися на поверхню, вийшли з шахти 12 березня. Власник перерахував зарплату "
            "за грудень, а борг за січень пообіцяв закрити до 20 березня.",
            "uk",
            ("2025-03-05", "2025-03-12"),
        ),
    ],
)
def test_a_promised_date_is_neither_start_nor_end(
    text: str, language: str, expected: tuple[str, str]
) -> None:
    assert _dates(text, language, "2025-03-14") == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Dockers at Durban have been on strike since 3 March. Police dispersed a march by "
            "strikers on Wednesday, but the strike continues.",
            "en",
        ),
        (
            "Miners at Sishen downed tools on 3 March and ended up blocking the road on Wednesday.",
            "en",
        ),
        (
            "Шахтеры в Гуково бастуют с 3 марта. В среду их митинг у администрации завершился "
            "мирно, но забастовка продолжается.",
            "ru",
        ),
        (
            "Медики у Сумах страйкують з 3 березня. У середу вони провели мітинг, який завершився "
            "мирно, але страйк триває.",
            "uk",
        ),
    ],
)
def test_an_ended_rally_of_a_strike_that_goes_on_is_no_end(text: str, language: str) -> None:
    assert _dates(text, language, "2025-03-14") == ("2025-03-03", None)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Bus drivers at the Northgate depot in Leeds went on strike on 6 March over pay. "
            "Drivers voted to accept the offer, bringing the strike to an end on 14 March.",
            "en",
        ),
        (
            "Bus drivers at the Northgate depot in Leeds went on strike on 6 March over pay. "
            "The dispute was settled on 14 March and picket lines were lifted.",
            "en",
        ),
        (
            "Водители автобусного парка «Северный» в Твери 6 марта объявили забастовку. "
            "Конфликт урегулирован 14 марта: долги выплачены.",
            "ru",
        ),
        (
            "Водії тролейбусного депо «Лісове» у Житомирі 6 березня оголосили страйк. "
            "Конфлікт врегульовано 14 березня: борги виплатили.",
            "uk",
        ),
    ],
)
def test_a_settled_dispute_ends_on_its_day(text: str, language: str) -> None:
    """ "bringing the strike to an end on D", "the dispute was settled on D",
    "конфликт урегулирован D", "конфлікт врегульовано D": D is the last day."""
    assert _dates(text, language, "2023-03-17") == ("2023-03-06", "2023-03-14")


def test_a_participle_of_beginning_dates_the_start() -> None:
    """ "забастовку, начатую 6 марта": the participle marks the start, as "began" does."""
    text = (
        "Медсёстры больницы №2 в Самаре в четверг прекратили забастовку, начатую 6 марта, "
        "после того как администрация пообещала нанять персонал."
    )
    assert _dates(text, "ru", "2023-03-17") == ("2023-03-06", "2023-03-16")

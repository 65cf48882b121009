"""Date expressions in English, Russian and Ukrainian, resolved against publication.

Every sentence here is written for the test; none is taken from an article.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from picketline.domain.dates import PartialDate
from picketline.extract.base import ExtractionDoc
from picketline.extract.dates import DateMention, DateStage, find_dates, window_date

P = PartialDate.parse


def only(text: str, language: str, published: str | None = None) -> DateMention:
    """The single date mention in ``text``."""
    found = find_dates(text, language, P(published) if published else None)
    assert len(found) == 1, found
    return found[0]


def dates(text: str, language: str, published: str | None = None) -> list[str]:
    found = find_dates(text, language, P(published) if published else None)
    return [m.date.isoformat() for m in found]


@pytest.mark.parametrize(
    ("text", "language", "published", "expected", "role"),
    [
        ("Dockers have been out since June 6.", "en", "2022-06-20", "2022-06-06", "start"),
        ("The nurses walked out on June 6.", "en", "2022-06-20", "2022-06-06", "start"),
        ("The vote was held on 6 June 2019.", "en", None, "2019-06-06", "point"),
        ("Шахтеры бастуют с 6 июня.", "ru", "2021-06-20", "2021-06-06", "start"),
        ("Собрание прошло 6 июня.", "ru", "2021-06-20", "2021-06-06", "point"),
        ("Страйк триває з 6 червня.", "uk", "2021-06-20", "2021-06-06", "start"),
        ("Збори відбулися 6 червня 2021 року.", "uk", None, "2021-06-06", "point"),
        ("Забастовка началась в мае 2014 года.", "ru", None, "2014-05", "start"),
        ("The union was founded in May 2014.", "en", None, "2014-05", "point"),
        ("The plant closed in 1985.", "en", None, "1985", "point"),
        ("They have not had a raise since 1985.", "en", None, "1985", "start"),
        ("Завод стоит с 1998 года.", "ru", None, "1998", "start"),
        ("Протест відбувся у 2014 році.", "uk", None, "2014", "point"),
        ("The decree is dated 17.12.2021.", "en", None, "2021-12-17", "point"),
        ("Дата приказа: 17.12.2021.", "ru", None, "2021-12-17", "point"),
        ("Filed on 2021-12-17 in court.", "en", None, "2021-12-17", "point"),
        ("The strike ended on March 3, 2020.", "en", None, "2020-03-03", "end"),
        ("Рабочие прекратили забастовку 3 марта 2020 года.", "ru", None, "2020-03-03", "end"),
        ("Гірники припинили страйк 3 березня 2020 року.", "uk", None, "2020-03-03", "end"),
        ("Нарешті у квітні 2020 року гірники розпочали страйк.", "uk", None, "2020-04", "start"),
    ],
)
def test_explicit_dates(
    text: str, language: str, published: str | None, expected: str, role: str
) -> None:
    mention = only(text, language, published)
    assert mention.date == P(expected)
    assert mention.role == role
    assert not mention.approximate


@pytest.mark.parametrize(
    ("text", "language", "start", "until"),
    [
        ("Pickets stood there June 6-12, 2020.", "en", "2020-06-06", "2020-06-12"),
        ("A walkout is called from 6 to 12 June 2020.", "en", "2020-06-06", "2020-06-12"),
        ("Акция прошла с 6 по 12 июня 2020 года.", "ru", "2020-06-06", "2020-06-12"),
        ("Акція тривала з 6 по 12 червня 2020 року.", "uk", "2020-06-06", "2020-06-12"),
        ("The sit-in lasted from June 28 to July 3, 2020.", "en", "2020-06-28", "2020-07-03"),
    ],
)
def test_ranges(text: str, language: str, start: str, until: str) -> None:
    mention = only(text, language)
    assert (mention.date, mention.until) == (P(start), P(until))


@pytest.mark.parametrize(
    ("text", "language", "published", "expected"),
    [
        ("They voted yesterday.", "en", "2021-03-10", "2021-03-09"),
        ("Голосовали вчера.", "ru", "2021-03-10", "2021-03-09"),
        ("Проголосували вчора.", "uk", "2021-03-10", "2021-03-09"),
        ("The pickets are back today.", "en", "2021-03-10", "2021-03-10"),
        ("Пикеты вернулись сегодня.", "ru", "2021-03-10", "2021-03-10"),
        ("Пікети повернулися сьогодні.", "uk", "2021-03-10", "2021-03-10"),
        # 2021-03-10 is a Wednesday: the most recent Monday is the 8th.
        ("Drivers struck on Monday.", "en", "2021-03-10", "2021-03-08"),
        ("Водители бастовали в понедельник.", "ru", "2021-03-10", "2021-03-08"),
        ("Водії страйкували у понеділок.", "uk", "2021-03-10", "2021-03-08"),
        ("The rally was on Wednesday.", "en", "2021-03-10", "2021-03-10"),
        ("The rally was last Wednesday.", "en", "2021-03-10", "2021-03-03"),
        ("Talks failed last month.", "en", "2021-03-10", "2021-02"),
        ("Переговоры сорвались в прошлом месяце.", "ru", "2021-01-10", "2020-12"),
        ("Переговори зірвалися минулого року.", "uk", "2021-01-10", "2020"),
        ("Two sackings came three days ago.", "en", "2021-03-10", "2021-03-07"),
    ],
)
def test_relative_dates(text: str, language: str, published: str, expected: str) -> None:
    assert only(text, language, published).date == P(expected)


def test_last_week_is_coarse_and_approximate() -> None:
    # 2021-03-10 is a Wednesday: last week is 1-7 March, all in March.
    mention = only("Police moved in last week.", "en", "2021-03-10")
    assert (mention.date, mention.approximate) == (P("2021-03"), True)
    # 2021-04-07: last week (29 March - 4 April) straddles two months: only the year holds.
    assert only("Police moved in last week.", "en", "2021-04-07").date == P("2021")


@pytest.mark.parametrize(
    ("text", "language", "published", "expected"),
    [
        ("Police arrested pickets in the bitter seven-month walkout.", "en", "1986-03-20", "1985"),
        ("The 10-day old strike is over.", "en", "2020-02-14", "2020-02"),
        ("The week-long strike goes on.", "en", "2020-02-20", "2020-02"),
        ("They have occupied the yard for two months.", "en", "2020-06-20", "2020"),
        ("Рабочие бастуют на протяжении недели.", "ru", "2020-06-20", "2020-06"),
        ("Гірники страйкують вже тиждень.", "uk", "2020-06-20", "2020-06"),
        ("Идут третьи сутки забастовки.", "ru", "2020-06-20", "2020-06"),
        ("Двухнедельная забастовка продолжается.", "ru", "2020-06-25", "2020-06"),
    ],
)
def test_durations_give_an_approximate_start(
    text: str, language: str, published: str, expected: str
) -> None:
    mention = only(text, language, published)
    assert (mention.date, mention.role, mention.approximate) == (P(expected), "start", True)


def test_duration_needs_a_publication_date() -> None:
    assert find_dates("The seven-month walkout goes on.", "en", None) == []


def test_weekday_before_a_date_is_absorbed() -> None:
    text = "В понедельник, 13 января, шахтеры не вышли."
    mention = only(text, "ru", "2020-01-15")
    assert mention.date == P("2020-01-13")
    assert mention.start == text.index("понедельник")


def test_future_weekday_looks_forward() -> None:
    # 2023-08-22 is a Tuesday.
    assert dates("Staff will return on Thursday.", "en", "2023-08-22") == ["2023-08-24"]


class TestNegative:
    def test_we_is_not_wednesday(self) -> None:
        assert find_dates("We say fight back, and we mean it.", "en", P("2021-03-10")) == []

    def test_may_the_verb_is_not_a_month(self) -> None:
        assert find_dates("Workers may strike again, he said.", "en", P("2021-03-10")) == []

    def test_no_year_and_no_publication_date_gives_no_date(self) -> None:
        assert find_dates("Шахтеры бастуют с 6 июня.", "ru", None) == []
        assert find_dates("They went out on June 6.", "en", None) == []
        assert find_dates("Drivers struck on Monday.", "en", None) == []
        assert find_dates("Голосовали вчера.", "ru", None) == []

    def test_a_later_day_without_tense_is_dropped(self) -> None:
        assert find_dates("Rally: December 28.", "en", P("2021-01-05")) == []

    def test_a_later_day_in_past_talk_takes_the_previous_year(self) -> None:
        assert dates("They walked out on December 28.", "en", "2021-01-05") == ["2020-12-28"]

    def test_a_later_day_in_future_talk_keeps_the_year(self) -> None:
        assert dates("They will walk out on March 8.", "en", "2021-01-05") == ["2021-03-08"]

    def test_weekday_needs_a_day_precise_publication_date(self) -> None:
        assert find_dates("Drivers struck on Monday.", "en", P("2021-03")) == []

    def test_plain_numbers_are_not_dates(self) -> None:
        text = "About 1,985 workers got 8.3% more and 2020 miners voted."
        assert find_dates(text, "en", P("2021-03-10")) == []

    def test_decades_are_not_years(self) -> None:
        assert find_dates("Шахты закрывали в 1990-х.", "ru", None) == []

    def test_month_precision_publication_keeps_the_month(self) -> None:
        assert dates("The strike began on June 6.", "en", "2020-06") == ["2020-06-06"]


def test_window_date_picks_the_finest_precision() -> None:
    day = dt.date(2020, 2, 4)
    assert window_date(day, day) == P("2020-02-04")
    assert window_date(day, dt.date(2020, 2, 9)) == P("2020-02")
    assert window_date(day, dt.date(2020, 5, 9)) == P("2020")
    assert window_date(day, dt.date(2021, 1, 1)) is None


def test_stage_adds_findings() -> None:
    doc = ExtractionDoc("Шахтеры бастуют с 6 июня.", language="ru", published=P("2021-06-20"))
    DateStage()(doc)
    (finding,) = doc.of("_date")
    assert finding.value == P("2021-06-06")
    assert finding.attrs == {"role": "start", "until": None, "approximate": False}


# --- property: every date written out in full reads back as itself ----------------------

_EN = "January February March April May June July August September October November December"
_RU_GEN = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
_RU_LOC = "январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре"
_UK_GEN = "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня"
_UK_LOC = "січні лютому березні квітні травні червні липні серпні вересні жовтні листопаді грудні"


def render(date: PartialDate, language: str) -> str:
    """The long written form of a date, as a news sentence would give it."""
    if language == "en":
        month = _EN.split()[(date.month or 1) - 1]
        if date.day:
            return f"It happened on {month} {date.day}, {date.year}."
        return f"It happened in {month} {date.year}." if date.month else f"It was in {date.year}."
    gen, loc = (_RU_GEN, _RU_LOC) if language == "ru" else (_UK_GEN, _UK_LOC)
    year_word, year_loc, prep = ("года", "году", "в") if language == "ru" else ("року", "році", "у")
    if date.day:
        return f"Это {date.day} {gen.split()[(date.month or 1) - 1]} {date.year} {year_word}."
    if date.month:
        return f"Это {prep} {loc.split()[date.month - 1]} {date.year} {year_word}."
    return f"Это {prep} {date.year} {year_loc}."


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    day = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))
    precision = draw(st.sampled_from(["day", "month", "year"]))
    if precision == "day":
        return PartialDate.from_date(day)
    return PartialDate(day.year, day.month) if precision == "month" else PartialDate(day.year)


@given(partial_dates(), st.sampled_from(["en", "ru", "uk"]))
def test_long_forms_read_back(date: PartialDate, language: str) -> None:
    assert [m.date for m in find_dates(render(date, language), language, None)] == [date]


@pytest.mark.parametrize(
    ("text", "language", "published", "expected"),
    [
        ("Drivers walked out over the weekend.", "en", "2025-03-17", "2025-03"),
        ("В минувшие выходные водители не вышли на линию.", "ru", "2025-03-17", "2025-03"),
        ("На вихідних водії не вийшли на маршрути.", "uk", "2025-03-14", "2025-03"),
        # Saturday 31 May and Sunday 1 June: only the year holds both
        ("Drivers walked out over the weekend.", "en", "2025-06-02", "2025"),
    ],
)
def test_the_last_weekend(text: str, language: str, published: str, expected: str) -> None:
    found = find_dates(text, language, PartialDate.parse(published))
    assert [str(m.date) for m in found] == [expected]
    assert found[0].approximate


def test_a_weekend_to_come_is_no_date() -> None:
    assert (
        find_dates("Drivers will strike this weekend.", "en", PartialDate.parse("2025-03-14")) == []
    )

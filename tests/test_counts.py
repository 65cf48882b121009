"""Counts in English, Russian and Ukrainian: values, bounds, nouns, units.

Every sentence here is written for the test; none is taken from an article.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from picketline.domain.struggle import Participants
from picketline.extract.base import ExtractionDoc
from picketline.extract.counts import CountMention, CountStage, find_counts
from picketline.extract.numbers import find_numbers


def only(text: str, language: str) -> CountMention:
    found = find_counts(text, language)
    assert len(found) == 1, found
    return found[0]


def bounds(text: str, language: str) -> tuple[int | None, int | None]:
    mention = only(text, language)
    return mention.min, mention.max


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("268 dockers came.", "en", 268),
        ("1,200 dockers came.", "en", 1200),
        ("1 200 dockers came.", "en", 1200),
        ("Fourteen dockers came.", "en", 14),
        ("Two hundred dockers came.", "en", 200),
        ("Two hundred and fifty dockers came.", "en", 250),
        ("Twenty-five dockers came.", "en", 25),
        ("Пришли двадцать пять докеров.", "ru", 25),
        ("Пришли двести шестьдесят восемь докеров.", "ru", 268),
        ("Пришли полторы тысячи докеров.", "ru", 1500),
        ("Пришли три тысячи докеров.", "ru", 3000),
        ("Прийшли чотирнадцять докерів.", "uk", 14),
        ("Прийшли двісті докерів.", "uk", 200),
        ("Прийшли п’ятеро докерів.", "uk", 5),
        ("Бастуют 3 тысячи докеров.", "ru", 3000),
    ],
)
def test_exact_values(text: str, language: str, value: int) -> None:
    assert bounds(text, language) == (value, value)
    assert only(text, language).unit == "people"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("More than 100 cleaners walked out.", "en", (100, None)),
        ("Over 100 cleaners walked out.", "en", (100, None)),
        ("Более 100 уборщиц вышли.", "ru", (100, None)),
        ("Свыше 100 уборщиц вышли.", "ru", (100, None)),
        ("Понад 100 прибиральниць вийшли.", "uk", (100, None)),
        ("About 25 cleaners walked out.", "en", (25, 25)),
        ("Some 25 cleaners walked out.", "en", (25, 25)),
        ("Около 25 уборщиц вышли.", "ru", (25, 25)),
        ("Порядка 25 уборщиц вышли.", "ru", (25, 25)),
        ("Близько 25 прибиральниць вийшли.", "uk", (25, 25)),
        ("Up to 300 cleaners may walk out.", "en", (None, 300)),
        ("До 300 уборщиц могут выйти.", "ru", (None, 300)),
        ("200-300 cleaners walked out.", "en", (200, 300)),
        ("Between 200 and 300 cleaners walked out.", "en", (200, 300)),
        ("От 200 до 300 уборщиц вышли.", "ru", (200, 300)),
        ("Від 200 до 300 прибиральниць вийшли.", "uk", (200, 300)),
        ("More than a dozen cleaners walked out.", "en", (12, None)),
    ],
)
def test_bounds(text: str, language: str, expected: tuple[int | None, int | None]) -> None:
    assert bounds(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "low", "high"),
    [
        ("Hundreds of cleaners walked out.", "en", 200, 999),
        ("Сотни уборщиц вышли.", "ru", 200, 999),
        ("Сотні прибиральниць вийшли.", "uk", 200, 999),
        ("Dozens of cleaners walked out.", "en", 24, 99),
        ("Десятки уборщиц вышли.", "ru", 20, 99),
        ("Десятки прибиральниць вийшли.", "uk", 20, 99),
        ("Thousands of cleaners walked out.", "en", 2000, 9999),
        ("Тысячи уборщиц вышли.", "ru", 2000, 9999),
        ("Тисячі прибиральниць вийшли.", "uk", 2000, 9999),
        ("Несколько сотен уборщиц вышли.", "ru", 300, 900),
        ("Кілька десятків прибиральниць вийшли.", "uk", 30, 90),
        ("Tens of thousands of cleaners marched.", "en", 20000, 99000),
    ],
)
def test_vague_quantities(text: str, language: str, low: int, high: int) -> None:
    assert bounds(text, language) == (low, high)


@pytest.mark.parametrize(
    ("text", "language", "noun", "noun_lemma"),
    [
        ("Yesterday 100 miners walked out.", "en", "miners", "miner"),
        ("Yesterday 100 coal miners walked out.", "en", "miners", "miner"),
        ("Then 40 angry unionized welders left.", "en", "welders", "welder"),
        ("Вышли 268 кемеровских шахтеров.", "ru", "шахтеров", "шахтер"),
        ("Вийшли 14 гірників.", "uk", "гірників", "гірник"),
        ("Пришли 135 человек.", "ru", "человек", "человек"),
    ],
)
def test_head_noun(text: str, language: str, noun: str, noun_lemma: str) -> None:
    mention = only(text, language)
    assert (mention.noun, mention.noun_lemma, mention.unit) == (noun, noun_lemma, "people")


@pytest.mark.parametrize(
    ("text", "language", "count"),
    [
        ("Police arrested 24 striking welders.", "en", 24),
        ("There were about 25 arrests.", "en", 25),
        ("Среди них 25 задержанных.", "ru", 25),
        ("Полиция задержала 25 сварщиков.", "ru", 25),
        ("Поліція затримала 25 зварювальників.", "uk", 25),
    ],
)
def test_arrests(text: str, language: str, count: int) -> None:
    mention = only(text, language)
    assert (mention.min, mention.repression, mention.unit) == (count, "arrest", "people")


def test_arrested_participle_lemma() -> None:
    assert only("Среди них 25 задержанных.", "ru").noun_lemma == "задержанный"


@pytest.mark.parametrize(
    ("text", "language", "unit"),
    [
        ("They won $5 million in back pay.", "en", "money"),
        ("They won $4,200 each.", "en", "money"),
        ("Долг достиг 74 млн рублей.", "ru", "money"),
        ("Борг складає 156 млн 210 тисяч грн.", "uk", "money"),
        ("They won a 30% rise.", "en", "percent"),
        ("They asked for nine percent.", "en", "percent"),
        ("Просили 30 процентов.", "ru", "percent"),
        ("Просили 30 відсотків.", "uk", "percent"),
        ("The seven-month lockout goes on.", "en", "time"),
        ("The strike lasted 10 days.", "en", "time"),
        ("Забастовка длится 10 дней.", "ru", "time"),
        ("Страйк триває 10 днів.", "uk", "time"),
        ("Это случилось в 2021 году.", "ru", "year"),
        ("Це сталося у 2021 році.", "uk", "year"),
        ("It happened in 2021.", "en", "year"),
        ("It was the 2014 election.", "en", "year"),
        ("Собрание прошло 13 января.", "ru", "date"),
        ("The vote was on June 6.", "en", "date"),
    ],
)
def test_units_that_are_not_head_counts(text: str, language: str, unit: str) -> None:
    assert only(text, language).unit == unit


class TestNegative:
    def test_labels_ordinals_and_times_are_not_counts(self) -> None:
        assert find_counts("Дільниця № 1 працює з 17:14, це 3-й цех.", "uk") == []

    def test_words_with_digits_are_not_counts(self) -> None:
        assert find_counts("The Covid-19 rules and G7 talks.", "en") == []

    def test_the_pronoun_one_is_not_a_count(self) -> None:
        assert find_counts("One of them spoke.", "en") == []

    def test_a_thing_is_not_people(self) -> None:
        mention = only("They sent 18 pizzas.", "en")
        assert (mention.noun_lemma, mention.unit) == ("pizza", None)

    def test_a_big_year_like_number_of_people_is_people(self) -> None:
        assert only("Вышли 2000 рабочих.", "ru").unit == "people"


def test_stage_adds_participants() -> None:
    doc = ExtractionDoc("Более 100 шахтеров вышли.", language="ru")
    CountStage()(doc)
    (finding,) = doc.of("_count")
    assert finding.value == Participants(min=100)
    assert finding.attrs["noun_lemma"] == "шахтер"
    assert finding.attrs["unit"] == "people"


@given(st.integers(min_value=2, max_value=999_999))
def test_digits_read_back(value: int) -> None:
    for text in (str(value), f"{value:,}", f"{value:,}".replace(",", " ")):
        (number,) = find_numbers(f"Came {text} dockers.", "en")
        assert (number.lo, number.hi) == (value, value)


_EN_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def english(value: int) -> str:
    """An English number in words, the way a reporter writes it (below a million)."""
    if value >= 1000:
        rest = value % 1000
        return f"{english(value // 1000)} thousand" + (f" {english(rest)}" if rest else "")
    if value >= 100:
        rest = value % 100
        return f"{_EN_UNITS[value // 100]} hundred" + (f" and {english(rest)}" if rest else "")
    if value >= 20:
        unit = value % 10
        return _EN_TENS[value // 10 - 2] + (f"-{_EN_UNITS[unit]}" if unit else "")
    return _EN_UNITS[value]


@given(st.integers(min_value=2, max_value=999_999))
def test_english_words_read_back(value: int) -> None:
    (number,) = find_numbers(f"Came {english(value)} dockers.", "en")
    assert (number.lo, number.hi) == (value, value)


@pytest.mark.parametrize(
    ("text", "language", "count"),
    [
        # a day before the month, then the head count
        ("У Рівному 12 березня 45 медсестер провели пікет.", "uk", 45),
        ("В Туле 3 марта 28 водителей отказались выходить на линию.", "ru", 28),
        # a noun the dictionary also reads as a possessive adjective
        ("У Житомирі 40 вчителів провели мітинг.", "uk", 40),
    ],
)
def test_people_after_a_cyrillic_date(text: str, language: str, count: int) -> None:
    people = [m for m in find_counts(text, language) if m.unit == "people"]
    assert [m.min for m in people] == [count]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Близько сотні медиків вийшли на мітинг.", "uk", (100, 100)),
        ("Около тысячи горняков вышли на митинг.", "ru", (1000, 1000)),
        ("Более тысячи рабочих не вышли на смену.", "ru", (1000, None)),
        ("Сотні шахтарів вийшли на марш.", "uk", (200, 999)),
    ],
)
def test_about_a_hundred_is_one_hundred(
    text: str, language: str, expected: tuple[int | None, int | None]
) -> None:
    assert bounds(text, language) == expected


def test_article_numbers_and_decimals_are_no_counts() -> None:
    assert not find_counts("протокол по статье 20.2 КоАП", "ru")
    assert not find_counts("according to section 5 of the act", "en")


def test_a_verb_in_the_line_before_does_not_make_a_count_an_arrest() -> None:
    text = "Bakers strike after union reps sacked\n\nMore than 180 bakers walked out on Monday."
    found = [c for c in find_counts(text, "en") if c.min == 180]
    assert found and found[0].repression is None and found[0].unit == "people"


def test_delayed_wages_do_not_make_a_count_an_arrest() -> None:
    mention = only("Около 40 человек требовали выплатить задержанную зарплату.", "ru")
    assert mention.repression is None and mention.unit == "people"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Кілька сотень шахтарів прийшли.", "uk", (300, 900)),
        ("Декілька сотень медиків прийшли.", "uk", (300, 900)),
        ("Пришли около полутора сотен медиков.", "ru", (150, 150)),
    ],
)
def test_hundreds_in_the_genitive(text: str, language: str, expected: tuple[int, int]) -> None:
    assert bounds(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Half of the 400 fitters walked out.", "en", (200, 200)),
        ("Two thirds of the 900 porters walked out.", "en", (600, 600)),
        ("About 80% of the 500 cleaners walked out.", "en", (400, 400)),
        ("Половина из 600 сборщиков вышла.", "ru", (300, 300)),
        ("Две трети из 900 грузчиков вышли.", "ru", (600, 600)),
        ("Половина з 800 складальників вийшла.", "uk", (400, 400)),
    ],
)
def test_a_share_of_a_counted_whole(text: str, language: str, expected: tuple[int, int]) -> None:
    people = [c for c in find_counts(text, language) if c.unit == "people"]
    assert [(c.min, c.max) for c in people] == [expected]


@pytest.mark.parametrize(
    ("text", "language", "workforce", "taking_part"),
    [
        ("The mill employs 1,200 people; 350 fitters walked out.", "en", 1200, 350),
        ("Fitters at the 5,000-strong plant struck; 800 of them picketed.", "en", 5000, 800),
        ("Some 300 of its 1,200 fitters walked out.", "en", 1200, 300),
        ("На заводе, где работают 1200 человек, бастуют 300 сборщиков.", "ru", 1200, 300),
        ("На підприємстві, де працює 1500 людей, страйкують 400 складальників.", "uk", 1500, 400),
    ],
)
def test_the_whole_workforce_is_not_those_taking_part(
    text: str, language: str, workforce: int, taking_part: int
) -> None:
    units = {c.min: c.unit for c in find_counts(text, language)}
    assert units[workforce] == "workforce"
    assert units[taking_part] == "people"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Management said about 300 of them went home.", "en"),
        ("About 300 joined the picket line.", "en"),
        ("В акции приняли участие около 300.", "ru"),
        ("Участь в акції взяли близько 300.", "uk"),
    ],
)
def test_people_without_a_noun(text: str, language: str) -> None:
    assert only(text, language).unit == "people"


def test_a_count_of_arrests_with_about_stays_a_count() -> None:
    assert only("It ended with about 25 arrests of strikers.", "en").unit != "workforce"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("More than half of the hospital's 640 porters walked out.", "en", (320, None)),
        ("Nearly half of the depot's 300 drivers walked out.", "en", (None, 150)),
        ("К акции присоединились 47 из 70 фельдшеров.", "ru", (47, 47)),
        ("До акції приєдналися 47 з 70 фельдшерів.", "uk", (47, 47)),
        ("About 600 of the plant's 900 fitters stopped work.", "en", (600, 600)),
    ],
)
def test_part_of_a_whole_with_its_bounds(
    text: str, language: str, expected: tuple[int | None, int | None]
) -> None:
    people = [c for c in find_counts(text, language) if c.unit == "people"]
    assert [(c.min, c.max) for c in people] == [expected]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Митинг прошёл против сокращения 400 рабочих мест.", "ru"),
        ("Мітинг пройшов проти скорочення 400 робочих місць.", "uk"),
        ("The rally was against the loss of 400 jobs.", "en"),
    ],
)
def test_jobs_are_not_people(text: str, language: str) -> None:
    assert only(text, language).unit != "people"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Two dozen porters came.", "en", (24, 24)),
        ("A dozen porters came.", "en", (12, 12)),
        ("A few dozen porters came.", "en", (24, 60)),
        ("Полсотни медиков пришли.", "ru", (50, 50)),
        ("Более полусотни водителей пришли.", "ru", (50, None)),
        ("Півсотні медиків прийшли.", "uk", (50, 50)),
        ("Nearly all of the 250 nurses walked out.", "en", (None, 250)),
    ],
)
def test_dozens_and_half_hundreds(
    text: str, language: str, expected: tuple[int | None, int | None]
) -> None:
    people = [c for c in find_counts(text, language) if c.unit == "people"]
    assert [(c.min, c.max) for c in people] == [expected]


def test_few_alone_is_no_count() -> None:
    assert find_counts("Few porters came.", "en") == []

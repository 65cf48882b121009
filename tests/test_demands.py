"""Demands: strong phrases anywhere near the struggle, single words only when demanded."""

from __future__ import annotations

import pytest

from picketline.domain.vocab import Demand
from picketline.extract.demands import DemandFinder
from picketline.extract.patterns import Sentence

D = Demand
FINDER = DemandFinder()


def demands(text: str, language: str = "en", in_context: bool = True) -> set[Demand]:
    return {f.value for f in FINDER.find(Sentence(0, 0, len(text), text), language, in_context)}


def test_english_demands() -> None:
    assert demands("They struck to demand back pay owed since March.") == {D.UNPAID_WAGES}
    assert demands("The union demands a 7% pay rise.") == {D.PAY}
    assert demands("Workers protest against layoffs and the plant closure.") == {D.JOBS}
    assert demands("They want safer working conditions and union recognition.") == {
        D.CONDITIONS,
        D.UNION_RIGHTS,
    }


def test_single_words_need_a_demand_cue() -> None:
    assert demands("Our focus is jobs, pay and conditions.") == set()
    assert demands("They are demanding better pay.") == {D.PAY}


def test_unpaid_wages_do_not_also_count_as_pay() -> None:
    assert demands("They demand the wage arrears and their wages for May.") == {D.UNPAID_WAGES}


def test_russian_and_ukrainian() -> None:
    assert demands("Рабочие требуют погасить задолженность по зарплате.", "ru") == {D.UNPAID_WAGES}
    assert demands("Вони протестують проти скорочення персоналу.", "uk") == {D.JOBS}
    assert demands("Медики вимагають підвищення зарплати.", "uk") == {D.PAY}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Riders protest over falling rates and demand accident insurance.",
            "en",
            {D.PAY, D.BENEFITS},
        ),
        ("They demand the production bonuses that have been withheld.", "en", {D.UNPAID_WAGES}),
        ("They are demanding better ventilation underground.", "en", {D.CONDITIONS}),
        ("The strike followed the breakdown of contract talks.", "en", {D.CONTRACT}),
        ("Курьеры протестуют против снижения оплаты за доставку.", "ru", {D.PAY}),
        ("Они требуют выплатить зарплату за август.", "ru", {D.UNPAID_WAGES}),
        (
            "Требуют восстановить на работе уволенного председателя профкома.",
            "ru",
            {D.UNION_RIGHTS},
        ),
        ("Водители жалуются на нехватку персонала.", "ru", {D.CONDITIONS}),
        ("Профспілка вимагає підвищити погодинну оплату.", "uk", {D.PAY}),
        (
            "Вони протестують проти реорганізації, через яку 20 людей залишаться без роботи.",
            "uk",
            {D.JOBS},
        ),
        ("Гірники вимагають відновити доплати за шкідливість.", "uk", {D.BENEFITS}),
    ],
)
def test_demands_in_the_words_news_uses(text: str, language: str, expected: set[Demand]) -> None:
    assert demands(text, language) == expected


def test_dismissal_said_as_a_threat_is_not_a_demand() -> None:
    assert demands("Пятерых рабочих уволили под угрозой увольнения по статье.", "ru") == set()


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Glaziers are angry about a restructuring that would cut 80 posts.", "en", {D.JOBS}),
        ("Porters protest against 14-hour shifts and fatigue.", "en", {D.CONDITIONS}),
        ("Midwives are demanding safe staffing on every ward.", "en", {D.CONDITIONS}),
        ("The union says 30 porters are owed outstanding wages.", "en", {D.UNPAID_WAGES}),
        ("Кладовщики недовольны новыми расценками и штрафами.", "ru", {D.PAY}),
        ("Горняки требуют не закрывать рудник.", "ru", {D.JOBS}),
        ("Сварщики требуют восстановить уволенного профорга.", "ru", {D.UNION_RIGHTS}),
        ("Грузчики требуют улучшить условия работы.", "ru", {D.CONDITIONS}),
        ("Зварники вимагають укласти колективний договір.", "uk", {D.CONTRACT}),
        ("Гірники вимагають не закривати шахту.", "uk", {D.JOBS}),
        ("Токарі вимагають поновити звільненого голову профспілки.", "uk", {D.UNION_RIGHTS}),
        ("Кур'єри незадоволені новими тарифами.", "uk", {D.PAY}),
    ],
)
def test_demands_said_in_other_words(text: str, language: str, expected: set[Demand]) -> None:
    assert demands(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("The owner withheld two months of production bonuses.", "en", {Demand.UNPAID_WAGES}),
        ("They want limits on mandatory overtime.", "en", {Demand.CONDITIONS}),
        ("Cleaners are demanding that they be made permanent.", "en", {Demand.CONTRACT}),
        ("The offer would cut shift premiums for new hires.", "en", {Demand.PAY}),
        (
            "Рабочие требуют выплатить задержанную зарплату за март.",
            "ru",
            {Demand.UNPAID_WAGES},
        ),
        ("Склад бастует после того, как компания снизила расценки.", "ru", {Demand.PAY}),
        ("Шахтёры требуют сохранить шахту.", "ru", {Demand.JOBS}),
        (
            "Машинисты требуют сократить рабочую неделю до 35 часов без снижения зарплаты.",
            "ru",
            {Demand.CONDITIONS},
        ),
        (
            "Медики вимагають погасити заборгованість із доплат за квітень.",
            "uk",
            {Demand.UNPAID_WAGES},
        ),
        (
            "Водії вимагають забезпечити автобазу справними автомобілями.",
            "uk",
            {Demand.CONDITIONS},
        ),
        ("Профспілка вимагає поновити звільнених працівників.", "uk", {Demand.UNION_RIGHTS}),
        ("Гірники вимагають оплачувати понаднормову роботу.", "uk", {Demand.PAY}),
    ],
)
def test_more_demand_phrases(text: str, language: str, expected: set[Demand]) -> None:
    assert demands(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Miners at the Karee mine went on strike on Monday over wages that have gone "
            "unpaid since March.",
            "en",
            {"unpaid_wages"},
        ),
        (
            "Teachers in Nairobi went on strike on Monday, demanding smaller classes and more "
            "teachers.",
            "en",
            {"conditions"},
        ),
        (
            "Cleaners at the hospital went on strike on Monday, demanding to be employed "
            "directly by the hospital.",
            "en",
            {"contract"},
        ),
        (
            "Workers at the plant went on strike on Monday, demanding that the company rehire "
            "the 40 workers it dismissed.",
            "en",
            {"jobs"},
        ),
        (
            "Nurses in Lagos went on strike on Monday. They want the government to pay their "
            "outstanding allowances.",
            "en",
            {"benefits"},
        ),
        (
            "Водители автобусов в Кирове объявили забастовку в понедельник. Они требуют поднять "
            "зарплату до 60 тысяч рублей.",
            "ru",
            {"pay"},
        ),
        (
            "Шахтеры в Прокопьевске объявили забастовку в понедельник. Им не платят зарплату "
            "три месяца.",
            "ru",
            {"unpaid_wages"},
        ),
        (
            "Водії тролейбусів у Києві оголосили страйк у понеділок. Вони вимагають підняти "
            "зарплату на 30%.",
            "uk",
            {"pay"},
        ),
    ],
)
def test_demands_in_a_whole_article(text: str, language: str, expected: set[str]) -> None:
    from picketline.extract import extract

    found = extract(text, language=language, published="2025-05-21").to_format()
    assert set(found["struggles"][0].get("demands", [])) == expected

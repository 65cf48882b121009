"""Demands in three languages (sentences written for the tests): single words count
only close after a demand cue; a threatened dismissal and the conditions an
allowance is paid for are not demands; wages not paid, cuts to pay, temporary
and agency contracts and the release of detainees are said many ways."""

from __future__ import annotations

import pytest

from picketline.extract import extract


def demands(language: str, text: str) -> set[str]:
    result = extract(text, published="2024-05-20", language=language).to_format()
    return {d for s in result["struggles"] for d in s.get("demands", [])}


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "Strike\nHospital staff went on strike on Monday demanding that management pay "
            "their salaries for March and April.",
            {"unpaid_wages"},
        ),
        (
            "en",
            "Strike\nWorkers staged a protest on Monday after the company failed to pay them "
            "for two months.",
            {"unpaid_wages"},
        ),
        (
            "ru",
            "Забастовка\nВ понедельник рабочие объявили забастовку: им третий месяц не выдают "
            "зарплату.",
            {"unpaid_wages"},
        ),
        (
            "uk",
            "Страйк\nУ понеділок гірники оголосили страйк: їм третій місяць не видають зарплату.",
            {"unpaid_wages"},
        ),
        (
            "ru",
            "Забастовка\nВ понедельник рабочие завода объявили забастовку, требуя индексации "
            "зарплаты и погашения долгов.",
            {"pay", "unpaid_wages"},
        ),
        (
            "uk",
            "Страйк\nУ понеділок працівники оголосили страйк через скорочення зарплат на 30%.",
            {"pay"},
        ),
        (
            "ru",
            "Забастовка\nВ понедельник курьеры вышли на забастовку из-за сокращения тарифов.",
            {"pay"},
        ),
        (
            "en",
            "Strike\nWorkers at the factory went on strike on Monday demanding the release of "
            "their detained colleagues.",
            {"release"},
        ),
        (
            "ru",
            "Забастовка\nВ понедельник рабочие объявили забастовку, требуя освободить "
            "задержанных товарищей.",
            {"release"},
        ),
        (
            "uk",
            "Страйк\nУ понеділок працівники оголосили страйк, вимагаючи звільнити затриманих "
            "колег.",
            {"release"},
        ),
        (
            "ru",
            "Забастовка\nВ понедельник рабочие объявили забастовку против перевода их на "
            "срочные договоры через кадровое агентство.",
            {"contract"},
        ),
        (
            "uk",
            "Страйк\nУ понеділок працівники оголосили страйк проти переведення на строкові "
            "контракти через кадрову агенцію.",
            {"contract"},
        ),
        (
            "en",
            "Strike\nCleaners walked out on Monday against being hired through an agency on "
            "temporary contracts.",
            {"contract"},
        ),
        # the cause named as such: "Причина — ...", "The reason: ..."
        (
            "ru",
            "Забастовка\nВ понедельник 40 механизаторов отказались выходить на работу. "
            "Причина — задолженность по зарплате за четыре месяца.",
            {"unpaid_wages"},
        ),
        (
            "uk",
            "Страйк\nУ понеділок 40 механізаторів відмовилися виходити на роботу. "
            "Причина — заборгованість із зарплати за чотири місяці.",
            {"unpaid_wages"},
        ),
        # wages held up by the employer, and the workers' own account
        (
            "ru",
            "Забастовка\nВ среду около 60 водителей не вышли на линию: компания второй месяц "
            "задерживала зарплату.",
            {"unpaid_wages"},
        ),
        (
            "uk",
            "Страйк\nУ середу близько 60 водіїв не вийшли на лінію: підприємство другий місяць "
            "затримує зарплату.",
            {"unpaid_wages"},
        ),
        (
            "en",
            "Strike\nAbout 60 bus drivers went on strike on Wednesday after the company "
            "delayed their wages for a second month.",
            {"unpaid_wages"},
        ),
        (
            "ru",
            "Забастовка\nОколо 50 рабочих стройки во вторник отказались приступать к работе. По "
            "их словам, генподрядчик не платит им уже три месяца.",
            {"unpaid_wages"},
        ),
        (
            "uk",
            "Пікет\nУ п'ятницю близько 30 працівників пікетували офіс компанії. За їхніми "
            "словами, компанія не платить зарплату з квітня.",
            {"unpaid_wages"},
        ),
        # an allowance or bonus cut is pay
        (
            "uk",
            "Мітинг\nУ вівторок вчителі протестували проти рішення скасувати з нового року "
            "надбавку за престижність праці.",
            {"pay"},
        ),
        (
            "ru",
            "Митинг\nВо вторник учителя вышли на митинг против отмены надбавки за стаж.",
            {"pay"},
        ),
        (
            "en",
            "Strike\nMiners went on strike on Monday after the company decided to cut the bonus "
            "part of their wages by a third.",
            {"pay"},
        ),
        # the allowance whose cut is protested, named again, is the same pay demand
        (
            "uk",
            "Мітинг\nУ вівторок вчителі протестували проти рішення скасувати надбавку за "
            "престижність праці. Учасники акції вимагали зберегти надбавки.",
            {"pay"},
        ),
        (
            "ru",
            "Митинг\nВо вторник учителя вышли на митинг против отмены надбавки за стаж. Участники "
            "акции требовали сохранить надбавки.",
            {"pay"},
        ),
        (
            "en",
            "Strike\nMiners went on strike on Monday after the company decided to cut the bonus. "
            "They are demanding the bonus back.",
            {"pay"},
        ),
        # a cited agreement, a supplement's base, an employer's sanction
        (
            "uk",
            "Страйк\nУ понеділок понад 120 робітників заводу оголосили страйк, вимагаючи "
            "підвищити зарплату відповідно до колективного договору.",
            {"pay"},
        ),
        (
            "uk",
            "Марш\nУ неділю вчителі вийшли на марш, вимагаючи виплатити 20-відсоткову надбавку "
            "до посадових окладів.",
            {"benefits"},
        ),
        (
            "en",
            "Strike\nNurses went on strike on Monday over unpaid allowances. The board said "
            "nurses who did not return by Monday would have their salaries withheld.",
            {"benefits"},
        ),
        # "потребовали" is a demand verb too
        (
            "ru",
            "Забастовка\nСегодня утром около 60 рабочих завода отказались приступать к работе. "
            "Люди собрались у проходной и потребовали вернуть нормальную зарплату.",
            {"pay"},
        ),
        # a list of demands under a heading
        (
            "uk",
            "Страйк\nВчора понад 150 кур'єрів сервісу доставки оголосили страйк.\n"
            "Вимоги кур'єрів:\n▪️ повернути попередні тарифи;\n▪️ страхування від нещасних "
            "випадків.",
            {"pay", "benefits"},
        ),
        (
            "ru",
            "Забастовка\nВчера более 150 курьеров сервиса доставки объявили забастовку.\n"
            "Требования курьеров:\n— вернуть прежние тарифы;\n— страховка от несчастных "
            "случаев.",
            {"pay", "benefits"},
        ),
        (
            "en",
            "Strike\nMore than 150 couriers went on strike on Monday and logged off the app.\n"
            "Their demands:\n- restore the old rates;\n- accident insurance.",
            {"benefits"},
        ),
        # recognition of a union named by its acronym, in three languages
        (
            "en",
            "Strike\nWarehouse workers went on strike on Monday. They want the company to "
            "recognise the GMB.",
            {"union_rights"},
        ),
        (
            "ru",
            "Забастовка\nВ понедельник рабочие склада объявили забастовку, требуя признать "
            "профсоюз «Действие».",
            {"union_rights"},
        ),
        (
            "uk",
            "Страйк\nУ понеділок працівники складу оголосили страйк, вимагаючи визнати профспілку.",
            {"union_rights"},
        ),
        (
            "en",
            "Strike\nNurses went on strike on Monday demanding a retention payment of £2,000.",
            {"pay"},
        ),
        # delays in the genitive plural, a raise by a percentage
        (
            "ru",
            "Забастовка\nВ понедельник рабочие завода объявили забастовку из-за многомесячных "
            "задержек зарплаты.",
            {"unpaid_wages"},
        ),
        (
            "uk",
            "Страйк\nУ понеділок працівники заводу оголосили страйк через багатомісячні "
            "затримки зарплати.",
            {"unpaid_wages"},
        ),
        (
            "en",
            "Strike\nWorkers at the plant went on strike on Monday demanding a 15% raise.",
            {"pay"},
        ),
        # a placard's slogan
        (
            "ru",
            "Пикет\nВ среду около 40 курьеров вышли на пикет у офиса компании с плакатами "
            "«Верните тарифы».",
            {"pay"},
        ),
    ],
)
def test_demands_said_many_ways(language: str, text: str, expected: set[str]) -> None:
    assert demands(language, text) == expected, text


@pytest.mark.parametrize(
    ("language", "text", "absent"),
    [
        # a threatened dismissal is the employer's threat, not a jobs demand
        (
            "ru",
            "Простой\nВ понедельник 40 рабочих агрофирмы отказались выходить на работу из-за "
            "долгов по зарплате. Заявления их заставили написать под угрозой увольнения.",
            "jobs",
        ),
        (
            "uk",
            "Страйк\nУ понеділок 40 робітників відмовилися виходити на роботу через борги із "
            "зарплати. Керівництво погрожувало звільненням учасникам протесту.",
            "jobs",
        ),
        (
            "en",
            "Strike\nAbout 40 workers walked out on Monday over unpaid wages. Management "
            "threatened dismissals if the protest went on.",
            "jobs",
        ),
        # the loss of bonuses threatened is the employer's threat; a cited agreement
        (
            "ru",
            "Забастовка\nВодители трамваев начали итальянскую забастовку из-за графиков. "
            "Водителям раздали уведомления о возможном лишении премий.",
            "benefits",
        ),
        (
            "en",
            "Strike\nMiners went on strike on Monday over a pay cut, which the union says "
            "breaks the collective agreement signed last year.",
            "contract",
        ),
        # working strictly by the contract is the action, not a demand for one
        (
            "ru",
            "Забастовка\nС 6 февраля фельдшеры скорой объявили итальянскую забастовку и "
            "работают строго по трудовым договорам, требуя повысить ставки.",
            "contract",
        ),
        # the conditions an allowance is paid for only name the allowance
        (
            "ru",
            "Забастовка\nВ понедельник мусорщики объявили забастовку, требуя повысить надбавку "
            "за тяжёлые условия труда.",
            "conditions",
        ),
        (
            "uk",
            "Страйк\nУ понеділок гірники оголосили страйк, вимагаючи відновити доплати за "
            "шкідливі умови праці.",
            "conditions",
        ),
        # a single word far from any cue is no demand
        (
            "en",
            "Strike\nAbout 300 dockers went on strike on Monday, protesting against new "
            "rosters that the port introduced last spring without consulting any of the crews "
            "or their elected representatives, although they said their pay was fine.",
            "pay",
        ),
        # the company's stopgap and its description of the workers are no demands
        (
            "en",
            "Strike\nBus drivers went on strike on Monday over pay. The company said it would "
            "run a limited service using managers and agency staff.",
            "contract",
        ),
        (
            "ru",
            "Забастовка\nВ понедельник курьеры вышли на забастовку из-за снижения оплаты. В "
            "компании заявили, что курьеры являются самозанятыми.",
            "contract",
        ),
    ],
)
def test_words_that_only_name_something(language: str, text: str, absent: str) -> None:
    assert absent not in demands(language, text), text

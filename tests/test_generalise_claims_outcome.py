"""Outcomes in three languages (sentences written for the tests): a promise is not a
payment; an action ended on a promise, or paid in part with the rest promised, is
partial; one that ended with its people dismissed or "with nothing" is lost; a
condition ("until they are paid") is no result; a partial return is no end."""

from __future__ import annotations

import pytest

from picketline.domain.vocab import Outcome
from picketline.extract import extract
from picketline.extract.outcome import decide


def outcome(language: str, text: str) -> str | None:
    result = extract(text, published="2024-05-20", language=language).to_format()
    struggles = result["struggles"]
    return struggles[0].get("outcome") if struggles else None


@pytest.mark.parametrize(
    ("cues", "expected"),
    [
        ({"promised", "ended"}, Outcome.PARTIAL),
        ({"won", "promised"}, Outcome.PARTIAL),
        ({"promised", "ongoing"}, Outcome.ONGOING),
        ({"crushed", "ended"}, Outcome.LOST),
        ({"crushed", "ongoing"}, Outcome.ONGOING),
        ({"ended", "brief"}, Outcome.ONGOING),
        ({"ended"}, None),
    ],
)
def test_decide_promises_and_dismissals(cues: set[str], expected: Outcome) -> None:
    assert decide(cues) is expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "Strike ends\nBus drivers in Leeds went on strike on Monday demanding a pay rise. "
            "On Friday the company agreed to a 7% increase and the drivers returned to work.",
            "won",
        ),
        (
            "en",
            "Strike\nMiners went on strike on Monday over unpaid wages. On Thursday the company "
            "paid all the arrears and the miners resurfaced.",
            "won",
        ),
        (
            "ru",
            "Забастовка\nВ понедельник шахтёры объявили забастовку из-за долгов по зарплате. "
            "Задолженность по зарплате за март погашена в полном объёме.",
            "won",
        ),
        (
            "en",
            "Strike\nWorkers went on strike on Monday over unpaid wages. Management promised "
            "to pay the wages by the end of the month, and the workers suspended the strike.",
            "partial",
        ),
        (
            "ru",
            "Забастовка\nВ понедельник водители объявили забастовку из-за долгов по зарплате. "
            "Руководство пообещало погасить долги до конца месяца, после чего водители вышли "
            "на линию.",
            "partial",
        ),
        (
            "uk",
            "Страйк\nУ понеділок шахтарі оголосили страйк через борги із зарплати. Керівництво "
            "пообіцяло погасити борги, і шахтарі повернулися до роботи.",
            "partial",
        ),
        (
            "ru",
            "Забастовка\nВ понедельник рабочие объявили забастовку из-за долгов по зарплате. "
            "Долг за январь выплачен полностью. Погашение долга за февраль запланировано на "
            "апрель.",
            "partial",
        ),
        (
            "en",
            "Strike\nWorkers went on strike on Monday over pay. The strike ended on Friday after "
            "the company dismissed all the strikers.",
            "lost",
        ),
        (
            "ru",
            "Забастовка\nВ понедельник водители объявили забастовку. Забастовка закончилась "
            "ничем: всех зачинщиков уволили.",
            "lost",
        ),
        (
            "uk",
            "Страйк\nУ понеділок шахтарі оголосили страйк через борги. Страйк завершився нічим: "
            "організаторів звільнили.",
            "lost",
        ),
        (
            "ru",
            "Забастовка\nВ понедельник 200 рабочих склада остановили работу. Работа склада "
            "возобновилась в четверг, компания уволила 14 участников забастовки.",
            "lost",
        ),
        # a promise of a future payment while nothing ended is no result yet
        (
            "ru",
            "Забастовка\nРабочие литейного цеха с понедельника бастуют из-за долгов по зарплате. "
            "Директор пообещал, что до конца недели будет выплачена зарплата за январь.",
            "ongoing",
        ),
        (
            "uk",
            "Пікет\nУ вівторок водії трамваїв провели пікет під мерією, вимагаючи підвищення "
            "зарплат. Заступник мера пообіцяв розглянути питання.",
            "ongoing",
        ),
        (
            "en",
            "Hunger strike\nMiners have been on hunger strike since Monday over unpaid wages. A "
            "deputy governor promised to raise the matter with the owners.",
            "ongoing",
        ),
        (
            "ru",
            "Голодовка\nШахтёры с понедельника держат голодовку под землёй из-за долгов по "
            "зарплате. В компании заявили, что долги будут погашены в ближайшее время.",
            "ongoing",
        ),
        (
            "uk",
            "Голодування\nШахтарі з понеділка голодують під землею через борги із зарплати. У "
            "компанії заявили, що борги буде погашено найближчим часом.",
            "ongoing",
        ),
        # paid for one month, the next promised; half received; a reported concession
        (
            "ru",
            "Забастовка\nВ понедельник горняки шахты объявили подземную забастовку из-за долгов. "
            "Собственник перечислил зарплату за декабрь, а долг за январь пообещал закрыть до 20 "
            "марта.",
            "partial",
        ),
        (
            "uk",
            "Страйк\nУ понеділок гірники шахти оголосили підземний страйк через борги. Половину "
            "боргу гірники отримали в четвер, і страйк завершився.",
            "partial",
        ),
        (
            "en",
            "Sit-in ends\nMiners came back to the surface on Saturday, ending a three-day sit-in. "
            "The union said management had agreed to restore the bonuses in full.",
            "won",
        ),
        # a concession with a refusal, or less than asked, is partial
        (
            "uk",
            "Страйк\nУ понеділок шахтарі оголосили страйк. Страйк завершився в четвер, після того "
            "як адміністрація погодилася виплатити борг, але відмовилася обговорювати підвищення.",
            "partial",
        ),
        (
            "en",
            "Strike ends\nWorkers at the cable plant ended their strike on Friday. Four dismissed "
            'workers will be reinstated. "It\'s less than we asked for," a steward said.',
            "partial",
        ),
        # a victory denied, a grievance in the pluperfect, a death by crushing
        (
            "uk",
            "Страйк\nГірники вже тиждень страйкують під землею. «Це не перемога», — сказав голова "
            "профспілки.",
            "ongoing",
        ),
        (
            "en",
            "Blockade\nGarment workers blocked the highway on Monday. The factory had paid "
            "only part "
            "of the March wages.",
            "ongoing",
        ),
        (
            "en",
            "Strike\nDockers began a 48-hour strike on Monday after a stevedore was crushed to "
            "death by a container.",
            "ongoing",
        ),
        (
            "en",
            "Strike\nBin crews have been on strike since Monday. The union says the offer of 3.5 "
            "per cent, with nothing backdated, is too low.",
            "ongoing",
        ),
        # a picket or rally over, or an action to be repeated: the dispute goes on
        (
            "ru",
            "Пикет\nВ четверг около 40 водителей вышли на пикет у офиса перевозчика. Пикет "
            "продолжался около двух часов, после чего участники разошлись.",
            "ongoing",
        ),
        (
            "uk",
            "Пікет\nУ вівторок водії трамваїв провели пікет під мерією. Пікет тривав близько двох "
            "годин і завершився без інцидентів.",
            "ongoing",
        ),
        (
            "en",
            "Rally\nAbout 200 nurses rallied outside the ministry on Tuesday over pay. The rally "
            "ended peacefully in the afternoon.",
            "ongoing",
        ),
        (
            "ru",
            "Забастовка\nВ пятницу около 300 таксистов объявили забастовку. В субботу "
            "водители вернулись к работе, но пообещали повторить акцию.",
            "ongoing",
        ),
        (
            "uk",
            "Страйк\nУ п'ятницю близько 300 таксистів оголосили страйк. У суботу водії "
            "повернулися до роботи, але пообіцяли повторити акцію.",
            "ongoing",
        ),
        (
            "en",
            "Protest\nGarment workers blocked the road on Monday; police dispersed them. The "
            "owners promised to pay the wages, but workers say protests will continue.",
            "ongoing",
        ),
        (
            "en",
            "Strike\nWorkers at the plant went on strike on Monday over unpaid wages. On Friday "
            "the workers returned to work without their demands being met.",
            "lost",
        ),
        # a vote to end the strike with a day between the verb and its infinitive
        (
            "en",
            "Strike\nRefinery workers voted on Wednesday to end a strike that began on 2 October, "
            "after management accepted a compromise on pay.",
            "partial",
        ),
        # a condition is no result
        (
            "en",
            "Occupation\nWorkers occupied the plant on Monday. They say they will not leave "
            "until they are paid the wages still owed.",
            "ongoing",
        ),
        (
            "ru",
            "Забастовка\nВ понедельник шахтёры объявили забастовку. Они не выйдут из шахты, пока "
            "им не выплатят долги.",
            "ongoing",
        ),
        # some going back is no end
        (
            "ru",
            "Забастовка\nВ понедельник 70 рабочих цеха не вышли на смену. На следующий день "
            "часть рабочих вернулась в цех, однако большинство продолжает отказываться от работы.",
            "ongoing",
        ),
        (
            "uk",
            "Страйк\nУ понеділок 70 робітників цеху не вийшли на зміну. Наступного дня частина "
            "робітників повернулася до роботи, але більшість продовжує страйк.",
            "ongoing",
        ),
    ],
)
def test_outcomes_said_many_ways(language: str, text: str, expected: str) -> None:
    assert outcome(language, text) == expected, text

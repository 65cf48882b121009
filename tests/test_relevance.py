"""The relevance gate: workers' struggles in, everything else that uses the same words out."""

from __future__ import annotations

import pytest

from picketline.extract.base import ExtractionDoc
from picketline.extract.language import LanguageStage
from picketline.extract.patterns import split_sentences
from picketline.extract.relevance import RelevanceStage


@pytest.fixture(scope="module")
def stage() -> RelevanceStage:
    return RelevanceStage()


def relevant(stage: RelevanceStage, text: str) -> bool:
    doc = ExtractionDoc(text)
    LanguageStage()(doc)
    stage(doc)
    return bool(doc.relevant)


RELEVANT = [
    # the action sentence names nobody; the sentences before it name the workers
    "Pay talks collapsed on Sunday. Some 300 welders at the Tyne yard want a 9% rise. "
    "The strike began on Monday and is set to last a week. Pickets stand at every gate.",
    "Переговоры сорвались в пятницу. Около 200 сварщиков верфи требуют повышения зарплат. "
    "Забастовка началась в понедельник. Пикеты стоят у всех ворот.",
    "Переговори зірвалися у п'ятницю. Понад 100 зварників верфі вимагають підвищення зарплат. "
    "Страйк розпочався в понеділок. Пікети стоять біля всіх воріт.",
    # a rally said without its people, right after a sentence naming them by trade
    "Сообщение пресс-службы. 12 мая у здания мэрии прошел митинг, организованный "
    "водителями автобусного парка. Участники митинга требовали выплатить долги. "
    "Митинг завершился в полдень.",
    "Повідомлення пресслужби. 12 травня під мерією відбувся мітинг, організований "
    "водіями автобусного парку. Учасники мітингу вимагали виплатити борги. "
    "Мітинг завершився опівдні.",
    # a workforce named without its trade
    "Трудовой коллектив комбината объявил забастовку. Коллектив требует выплатить долги.",
    "Колектив заводу оголосив страйк. Колектив вимагає виплатити борги.",
    "Bus drivers in Leeds went on strike on Monday over pay. The union said 400 drivers "
    "joined the walkout and picket lines formed outside two depots.",
    "Nurses at the city hospital staged a one-day strike. Their union says staffing levels "
    "are unsafe and members will picket the main entrance.",
    "Рабочие цементного завода в Липецке объявили забастовку. Они требуют погасить "
    "задолженность по зарплате за три месяца, сообщил профсоюз.",
    "Шахтеры отказались выходить на работу из-за долгов по зарплате. Забастовка "
    "продолжается второй день.",
    "Вчителі двох шкіл у Житомирі оголосили страйк. Профспілка вимагає погасити "
    "заборгованість із заробітної плати.",
    # trades the first word lists lacked, and "they" continuing the workers
    "Около 30 трактористов и доярок совхоза отказались выходить на работу. Они "
    "протестуют из-за долгов по зарплате.",
    "Кілька десятків прохідників шахти відмовилися підніматися на поверхню. Вони "
    "протестують через затримку заробітної плати.",
    "Welders at the shipyard stopped work on Monday. They picketed the gates all week.",
]

IRRELEVANT = [
    # the same, under a headline about residents
    "Жители вышли против свалки. У здания мэрии прошел митинг, его вела учительница. "
    "Участники митинга требовали закрыть свалку. Митинг завершился в полдень.",
    "The striker scored twice in the second half as United won 3-1. His first strike came "
    "in the 12th minute, a shot past the goalkeeper.",
    "An air strike hit the outskirts of the city overnight. A second missile strike damaged "
    "a bridge, officials said. Residents fled.",
    "Lightning struck a barn. The lightning strike started a fire that burned for hours.",
    "Prisoners at the detention centre have been on a hunger strike for a week, protesting "
    "against conditions. Inmates refused meals.",
    "Residents blocked the main road with burning tyres to protest about poor service "
    "delivery. Police dispersed the protesters.",
    "Students marched on the university offices to protest against higher fees. The protest "
    "was peaceful, students said.",
    "Opposition supporters rallied in the capital against the election results.",
    "Labour markets remain tight, economists said, and wage growth is expected to slow "
    "next year as employers hire fewer workers.",
    "Жители микрорайона перекрыли дорогу в знак протеста против вырубки парка.",
    "Студенти вийшли на мітинг проти підвищення плати за навчання.",
    # words that begin like a trade but are not one
    "Жители вышли на митинг против строительства полигона. Участники акции держали "
    "плакаты у здания районной администрации.",
    "Мешканці протестували біля лікарні проти її закриття.",
]


@pytest.mark.parametrize("text", RELEVANT)
def test_reports_of_workers_struggles_are_relevant(stage: RelevanceStage, text: str) -> None:
    assert relevant(stage, text)


@pytest.mark.parametrize("text", IRRELEVANT)
def test_other_news_is_not_relevant(stage: RelevanceStage, text: str) -> None:
    assert not relevant(stage, text)


def test_threat_alone_counts_less_than_a_strike(stage: RelevanceStage) -> None:
    threat = stage.scorer.score(split_sentences("The union threatened to strike."), "en")[0]
    fact = stage.scorer.score(split_sentences("The union members went on strike."), "en")[0]
    assert threat < fact


def test_relevant_document_stores_its_sentences(stage: RelevanceStage) -> None:
    doc = ExtractionDoc(RELEVANT[7], language="en")
    stage(doc)
    sentences = [f.value for f in doc.of("_sentence")]
    assert len(sentences) == 2
    assert RELEVANT[7][sentences[1].start : sentences[1].end] == sentences[1].text


def test_sentence_split_keeps_abbreviations() -> None:
    text = "Police held pickets at the Acme Co. plant. Workers left."
    assert [s.text for s in split_sentences(text)] == [
        "Police held pickets at the Acme Co. plant.",
        "Workers left.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Депутаты предложили изменить порядок объявления забастовок. Решение о забастовке "
        "должны будут принимать не менее половины работников предприятия. Профсоюзы "
        "раскритиковали законопроект.",
        "Уряд пропонує змінити порядок оголошення страйків. Рішення про страйк мають "
        "ухвалювати дві третини працівників. Профспілки критикують законопроєкт.",
        "Ministers want a new law on minimum service levels. Unions say the right to strike "
        "of rail workers and nurses would be curtailed.",
    ],
)
def test_the_rules_of_striking_are_not_a_strike(stage: RelevanceStage, text: str) -> None:
    assert not relevant(stage, text)


# A rally by named workers is their struggle once the article says it is over
# their pay or led by their union (in the same sentence or a later one).
SUPPORTED_RALLIES = [
    "Cleaners at the central hospital gathered outside the ministry on Tuesday. "
    "The protesters said they have not been paid since May.",
    "Bus drivers marched through the city centre in a rally led by the transport union.",
    "Около сотни работников автобазы провели митинг у мэрии. Акцию организовал профсоюз.",
    "Работники фабрики провели митинг у мэрии, требуя погасить долги по зарплате.",
    "Близько сотні працівників автобази провели мітинг біля мерії. Акцію організувала профспілка.",
    "Працівники фабрики провели мітинг біля мерії з вимогою виплатити заробітну плату.",
]

UNSUPPORTED_RALLIES = [
    # the rally is a recalled one; a women's federation is not a union
    "Women's Day statement. The trade union federation said the march by thousands of women "
    "in 1956 was a turning point. The march was organised by the Federation of Women.",
    # residents: their rally is not made workers' by a word about wages
    "Жители провели митинг у мэрии. Участники акции требовали снизить тарифы, а не зарплаты.",
]


@pytest.mark.parametrize("text", SUPPORTED_RALLIES)
def test_workers_rally_over_pay_or_led_by_union_is_relevant(
    stage: RelevanceStage, text: str
) -> None:
    assert relevant(stage, text)


@pytest.mark.parametrize("text", UNSUPPORTED_RALLIES)
def test_support_needs_a_current_workers_action(stage: RelevanceStage, text: str) -> None:
    assert not relevant(stage, text)


def test_support_counts_once(stage: RelevanceStage) -> None:
    """Without the support a single rally sentence stays below the threshold."""
    plain = "Some porters rallied at the gates. It rained."
    supported = (
        "Some porters rallied at the gates over unpaid wages. The protesters had not been paid."
    )
    base = stage.scorer.score(split_sentences(plain), "en")[0]
    more = stage.scorer.score(split_sentences(supported), "en")[0]
    assert more - base == pytest.approx(1.0)


# One action sentence by named workers, reported as an event (its day or its head count).
CONCRETE_REPORTS = [
    "Tension at the mine. About 100 miners gathered at the mine administration building on "
    "Tuesday. The company said it would pay soon.",
    "Tension at the port. Dockworkers refused to unload ships on Monday. The port authority "
    "said talks continue.",
    "Напряжение на шахте. Около сотни горняков собрались возле здания администрации шахты во "
    "вторник. Компания обещает заплатить.",
    "Напруга на шахті. Близько сотні гірників зібралися біля адміністрації шахти у вівторок. "
    "Компанія обіцяє заплатити.",
]

NOT_CONCRETE_ENOUGH = [
    # a strike ballot is no strike, however precise its date
    "Shares start trading on Oct. 15. That is a day before the postal workers' union strike "
    "ballot closes on Oct. 16.",
    # "a March 23, 2009, peace agreement": the month, not a march
    "Rebels regrouped in the east. Some 450,000 miners work there under a March 23, 2009, "
    "peace agreement.",
    # a dated march of an earlier year
    "Women's Day statement. The union federation said the march by thousands of women in "
    "1956 was a turning point.",
]


@pytest.mark.parametrize("text", CONCRETE_REPORTS)
def test_a_dated_or_counted_workers_action_is_relevant(stage: RelevanceStage, text: str) -> None:
    assert relevant(stage, text)


@pytest.mark.parametrize("text", NOT_CONCRETE_ENOUGH)
def test_dates_and_counts_do_not_make_other_news_relevant(stage: RelevanceStage, text: str) -> None:
    assert not relevant(stage, text)


@pytest.mark.parametrize(
    "text",
    [
        "The strike at the Hartley Bank colliery is in its fifth day. The colliery's owner "
        "says talks will resume on Monday.",
        "Забастовка на Северном заводе продолжается третьи сутки. Руководство завода "
        "обещает переговоры.",
        "Страйк на шахті «Озерна» триває вже п'яту добу. Керівництво шахти обіцяє "
        "переговори в понеділок.",
    ],
)
def test_a_strike_said_of_a_named_kind_of_workplace_is_relevant(
    stage: RelevanceStage, text: str
) -> None:
    """A factual strike at a mine or plant is its workers' even where no sentence names them."""
    assert relevant(stage, text)


@pytest.mark.parametrize(
    "text",
    [
        "Management denied reports of a strike at the Hartley Bank colliery. Work at the "
        "colliery goes on as normal, the company said.",
        "Руководство опровергло слухи о забастовке на Северном заводе. Завод работает в "
        "обычном режиме, сообщили в компании.",
        "Керівництво спростувало чутки про страйк на шахті «Озерна». Шахта працює у "
        "звичайному режимі, повідомили в компанії.",
    ],
)
def test_a_denied_or_rumoured_strike_is_not_relevant(stage: RelevanceStage, text: str) -> None:
    assert not relevant(stage, text)


@pytest.mark.parametrize(
    "text",
    [
        "Union membership is low, and the number of days lost to strikes is a fraction of "
        "that in France. Miners here prefer talks rather than striking.",
        "Число забастовок в регионе за год сократилось вдвое. Шахтёры предпочитают "
        "переговоры, говорят эксперты.",
        "Кількість страйків у регіоні за рік скоротилася вдвічі. Шахтарі надають перевагу "
        "переговорам, кажуть експерти.",
    ],
)
def test_strikes_spoken_of_in_general_are_not_a_strike(stage: RelevanceStage, text: str) -> None:
    assert not relevant(stage, text)


def test_a_strike_named_by_an_earlier_year_is_background() -> None:
    """ "the 1984-85 miners' strike" in a 2024 article is history, not this article's news;
    the same sentence in an article of 1984 is news."""
    text = (
        "An exhibition opened this week to mark the 1984-85 miners' strike. "
        "Former miners and their families came to see the photographs."
    )
    scorer = RelevanceStage().scorer
    late, _ = scorer.score(split_sentences(text), "en", 2024)
    early, _ = scorer.score(split_sentences(text), "en", 1984)
    assert late <= early / 2


@pytest.mark.parametrize(
    "text",
    [
        "Bowling league final: the winner rolled six strikes in a row. After her fourth strike "
        "the crowd of workers from the local plant stood up and cheered.",
        "Финал турнира по боулингу: победительница выбила шесть страйков подряд. После "
        "четвёртого страйка работники завода, болевшие за неё, встали.",
        "Фінал турніру з боулінгу: переможниця вибила шість страйків поспіль. Після "
        "четвертого страйку працівники заводу, які вболівали за неї, підвелися.",
    ],
)
def test_strikes_in_a_bowling_report_are_the_games(stage: RelevanceStage, text: str) -> None:
    assert not relevant(stage, text)

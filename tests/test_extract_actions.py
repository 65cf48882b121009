"""Action words in three languages, with vetoes and threats."""

from __future__ import annotations

import pytest

from picketline.domain.vocab import Action
from picketline.extract.actions import action_codes, action_matcher
from picketline.extract.base import Finding
from picketline.extract.patterns import Sentence, split_sentences

A = Action


def codes(text: str, language: str = "en") -> set[Action]:
    mentions = action_matcher().find(Sentence(0, 0, len(text), text), language)
    return {m.action for m in mentions if not m.hypothetical}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Cleaners went on strike at the airport.", "en", {A.STRIKE}),
        ("Workers staged a sit-in at the factory offices.", "en", {A.OCCUPATION}),
        ("Strikers blocked the gates of the depot.", "en", {A.STRIKE, A.BLOCKADE}),
        ("Teachers began a work-to-rule and an overtime ban.", "en", {A.WORK_TO_RULE}),
        ("The company locked out 300 employees.", "en", {A.LOCKOUT}),
        ("Porters picketed the hospital and held a rally.", "en", {A.PICKET, A.DEMONSTRATION}),
        ("Two drivers began a hunger strike.", "en", {A.HUNGER_STRIKE}),
        ("Рабочие завода начали забастовку и пикет у проходной.", "ru", {A.STRIKE, A.PICKET}),
        ("Горняки отказались подниматься на поверхность.", "ru", {A.OCCUPATION}),
        ("Медики объявили голодовку.", "ru", {A.HUNGER_STRIKE}),
        ("Водії перекрили дорогу до автопарку.", "uk", {A.BLOCKADE}),
        ("Працівники відмовилися виходити на роботу.", "uk", {A.STRIKE}),
        ("Робітники влаштували підземний страйк.", "uk", {A.OCCUPATION}),
        # stopping work, in the words news uses
        ("Crews stopped work at the depot on Friday.", "en", {A.STRIKE}),
        ("Pickers walked off the job at noon.", "en", {A.STRIKE}),
        ("Riders logged off their apps for the evening.", "en", {A.STRIKE}),
        ("Porters have refused all overtime since May.", "en", {A.WORK_TO_RULE}),
        ("Грузчики склада не приступили к работе.", "ru", {A.STRIKE}),
        ("Курьеры перестали принимать заказы.", "ru", {A.STRIKE}),
        ("Фрезеровщики прекратили работу в цехе.", "ru", {A.STRIKE}),
        ("Токарі припинили роботу в цеху.", "uk", {A.STRIKE}),
        ("Зварники не приступили до роботи.", "uk", {A.STRIKE}),
        # work to rule
        ("Диспетчеры работают строго по инструкции.", "ru", {A.WORK_TO_RULE}),
        ("Фельдшери працюють суворо за інструкцією.", "uk", {A.WORK_TO_RULE}),
        # staying underground
        ("Проходчики не піднімаються на поверхню третю добу.", "uk", {A.OCCUPATION}),
        ("Бригада залишилася під землею.", "uk", {A.OCCUPATION}),
        ("Смена осталась под землей.", "ru", {A.OCCUPATION}),
        # protest meetings and gatherings
        ("Санітарки провели протестні збори.", "uk", {A.DEMONSTRATION}),
        ("Педагоги вийшли під міськраду.", "uk", {A.DEMONSTRATION}),
        ("Нефтяники собираются на площади перед зданием акимата.", "ru", {A.DEMONSTRATION}),
        ("Зачинщиков протеста уволили.", "ru", {A.DEMONSTRATION}),
        # picket at the gates; blocking needs a road or a gate, not a bank account
        ("Strikers gathered at the main gates with placards.", "en", {A.STRIKE, A.PICKET}),
        ("Грузчики собрались у входа на склад с плакатами.", "ru", {A.PICKET}),
        ("Вантажники стояли біля прохідною з плакатами.", "uk", {A.PICKET}),
        ("Канал профсоюза был заблокирован.", "ru", set()),
        ("Рахунки підприємства були заблоковані.", "uk", set()),
        ("Шахтеры заблокировали въезд на фабрику.", "ru", {A.BLOCKADE}),
        ("Працівники заблокували дорогу до заводу.", "uk", {A.BLOCKADE}),
        # more ways of stopping work
        ("Welders stayed away from work for two days.", "en", {A.STRIKE}),
        ("The fitters laid down their tools at dawn.", "en", {A.STRIKE}),
        ("Union members struck on Tuesday.", "en", {A.STRIKE}),
        ("The workers struck a deal with management.", "en", set()),
        ("Водители маршруток не вышли на линию.", "ru", {A.STRIKE}),
        ("Водители отказались выходить на линию.", "ru", {A.STRIKE}),
        ("Сборщики отказались выходить на смену.", "ru", {A.STRIKE}),
        ("Курьеры отключились от приложения на сутки.", "ru", {A.STRIKE}),
        ("Водії тролейбусів не вийшли на лінію.", "uk", {A.STRIKE}),
        ("Кур'єри відключилися від застосунку.", "uk", {A.STRIKE}),
        # sit-down strikes and taking buildings are occupations
        ("Packers began a sit-down strike on the shop floor.", "en", {A.OCCUPATION}),
        ("Hewers refused to return to the surface.", "en", {A.OCCUPATION}),
        ("Кассиры устроили сидячую забастовку в торговом зале.", "ru", {A.OCCUPATION}),
        ("Ткачихи заняли здание заводоуправления.", "ru", {A.OCCUPATION}),
        ("Швачки влаштували сидячий страйк у цеху.", "uk", {A.OCCUPATION}),
        ("Робітники зайняли адмінбудівлю комбінату.", "uk", {A.OCCUPATION}),
        # gatherings
        ("Porters held a candlelit vigil outside the clinic.", "en", {A.DEMONSTRATION}),
        ("Bakers gathered outside parliament on Friday.", "en", {A.DEMONSTRATION}),
        ("Сварщики вышли к проходной с плакатами.", "ru", {A.DEMONSTRATION}),
        ("Ливарники вийшли з плакатами до мерії.", "uk", {A.DEMONSTRATION}),
        ("Медсестри провели марш центром міста.", "uk", {A.DEMONSTRATION}),
        ("Водії автобусів не виходили на маршрути два дні.", "uk", {A.STRIKE}),
        ("Водители троллейбусов не выходили на линию.", "ru", {A.STRIKE}),
        ("Проходчики отказались выезжать из шахты.", "ru", {A.OCCUPATION}),
        ("Фельдшеры отказываются выезжать на вызовы без врача.", "ru", set()),
        ("Вихователі пройшли маршем до облради.", "uk", {A.DEMONSTRATION}),
        ("Воспитатели вышли на марш к мэрии.", "ru", {A.DEMONSTRATION}),
        ("Акцію біля заводу провела профспілка.", "uk", set()),
        ("Профспілка провела акцію біля заводу.", "uk", {A.DEMONSTRATION}),
        ("Профсоюз организовал акцию у проходной.", "ru", {A.DEMONSTRATION}),
    ],
)
def test_action_codes(text: str, language: str, expected: set[Action]) -> None:
    assert codes(text, language) == expected


@pytest.mark.parametrize(
    "text",
    [
        "An air strike destroyed the depot.",
        "The striker hit a stunning strike in the 89th minute.",
        "Negotiators hope to strike a deal this week.",
    ],
)
def test_non_labour_strikes_are_vetoed(text: str) -> None:
    assert A.STRIKE not in codes(text)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Решение о проведении забастовки примут на собрании.", "ru"),
        ("Рішення про проведення страйку ухвалять на зборах.", "uk"),
        ("Members will decide whether to strike next week.", "en"),
    ],
)
def test_a_decision_still_to_take_is_hypothetical(text: str, language: str) -> None:
    assert codes(text, language) == set()


def test_threatened_strike_is_hypothetical() -> None:
    text = "The union threatened to strike next month."
    mentions = action_matcher().find(Sentence(0, 0, len(text), text), "en")
    assert [m.hypothetical for m in mentions] == [True]


def test_march_the_month_is_not_a_march() -> None:
    assert codes("Prices rose in March.") == set()


def finding(action: Action, agent: bool = False) -> Finding:
    return Finding("actions", action, 0, 1, attrs={"agent": agent})


def test_strikers_of_a_hunger_strike_are_not_a_second_action() -> None:
    found = [finding(A.HUNGER_STRIKE), finding(A.STRIKE, agent=True)]
    assert action_codes(found) == {A.HUNGER_STRIKE}


def test_walkout_with_strike_reads_as_strike() -> None:
    assert action_codes([finding(A.WALKOUT), finding(A.STRIKE)]) == {A.STRIKE}
    assert action_codes([finding(A.WALKOUT)]) == {A.WALKOUT}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Miners stayed underground in protest. The protest is in its third day.",
            "en",
            {A.OCCUPATION},
        ),
        ("Рабочие объявили голодовку. Протест продолжается.", "ru", {A.HUNGER_STRIKE}),
        ("Працівники страйкують. Учасники протесту вимагають зарплати.", "uk", {A.STRIKE}),
        (
            "Teachers went on strike and held a rally in the square.",
            "en",
            {A.STRIKE, A.DEMONSTRATION},
        ),
        ("Nurses protested outside the ministry.", "en", {A.DEMONSTRATION}),
    ],
)
def test_protest_beside_another_action_is_that_action(
    text: str, language: str, expected: set[Action]
) -> None:
    findings = []
    for sentence in split_sentences(text):
        for mention in action_matcher().find(sentence, language):
            findings.append(
                Finding(
                    "actions",
                    mention.action,
                    mention.start,
                    mention.end,
                    attrs={"umbrella": mention.umbrella, "agent": mention.agent},
                )
            )
    assert action_codes(findings) == expected


def test_lower_cased_matching_keeps_offsets() -> None:
    # "İ" lower-cases to two characters: the table falls back to case-blind matching
    text = "İstanbul dockers went on strike."
    mentions = action_matcher().find(Sentence(0, 0, len(text), text), "en")
    assert [text[m.start : m.end] for m in mentions] == ["went on strike"]
    upper = "DOCKERS WENT ON STRIKE."
    mentions = action_matcher().find(Sentence(0, 0, len(upper), upper), "en")
    assert [upper[m.start : m.end] for m in mentions] == ["WENT ON STRIKE"]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Фельдшеры отказываются выходить на сверхурочные смены.", "ru", {Action.WORK_TO_RULE}),
        ("Медики відмовляються виходити на понаднормові зміни.", "uk", {Action.WORK_TO_RULE}),
        ("Водители не вышли на городские маршруты.", "ru", {Action.STRIKE}),
        ("Водії не вийшли на міські маршрути.", "uk", {Action.STRIKE}),
    ],
)
def test_overtime_refusals_and_routes_with_an_adjective(
    text: str, language: str, expected: set[Action]
) -> None:
    assert codes(text, language) == expected


def test_actions_of_an_earlier_year_are_recalled() -> None:
    from picketline.domain.dates import PartialDate
    from picketline.extract.actions import ActionStage
    from picketline.extract.base import ExtractionDoc

    text = "Шахтарі вийшли на марш. У 2008 році гірники не піднімалися на поверхню."
    doc = ExtractionDoc(text, language="uk", published=PartialDate.parse("2024-05-20"))
    for sentence in split_sentences(text):
        doc.add(Finding("_sentence", sentence, sentence.start, sentence.end))
    ActionStage()(doc)
    flags = {(f.value, bool(f.attrs["recalled"])) for f in doc.of("actions")}
    assert flags == {(Action.DEMONSTRATION, False), (Action.OCCUPATION, True)}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We did not walk out, the company locked the gates on us.", "en"),
        ("Рабочие не бастовали, а провели собрание.", "ru"),
        ("Працівники не страйкували.", "uk"),
    ],
)
def test_a_negated_action_is_no_fact(text: str, language: str) -> None:
    assert Action.STRIKE not in codes(text, language)
    assert Action.WALKOUT not in codes(text, language)


def test_continuing_is_not_negating() -> None:
    assert Action.STRIKE in codes("Шахтёры не прекращают забастовку.", "ru")
    assert Action.STRIKE in codes("Drivers are not only on strike but also picketing.", "en")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Курьеры сервиса не принимают заказы.", "ru"),
        ("Кур'єри перестали приймати замовлення.", "uk"),
    ],
)
def test_couriers_refusing_orders_strike(text: str, language: str) -> None:
    assert action_matcher().prefilter(text, language)
    assert codes(text, language) == {Action.STRIKE}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Refuse collectors have withdrawn their labour since Monday.", "en", {A.STRIKE}),
        ("Teachers stayed away from classrooms for a third day.", "en", {A.STRIKE}),
        ("Bus drivers stayed off work on Monday.", "en", {A.STRIKE}),
        ("Agents walked off their shifts after the bonus cut.", "en", {A.STRIKE}),
        ("Junior doctors abandoned their posts in protest.", "en", {A.STRIKE}),
        ("Miners refused to resurface after their shift.", "en", {A.OCCUPATION}),
        ("Cleaners demonstrated outside the offices of the contractor.", "en", {A.DEMONSTRATION}),
        ("Porters besieged the health ministry on Tuesday.", "en", {A.DEMONSTRATION}),
        ("Водители скорой не выехали на вызовы в понедельник.", "ru", {A.STRIKE}),
        ("Курьеры прекратили развозить заказы.", "ru", {A.STRIKE}),
        ("Около двухсот работников собрались у заводоуправления.", "ru", {A.DEMONSTRATION}),
        ("Рабочие пришли к зданию администрации района.", "ru", {A.DEMONSTRATION}),
        ("Водії маршруток не виїхали на маршрути.", "uk", {A.STRIKE}),
        ("Працівники метро вийшли під КМДА.", "uk", {A.DEMONSTRATION}),
        ("Вчителі зібралися під будівлею міської ради.", "uk", {A.DEMONSTRATION}),
    ],
)
def test_unusual_words_for_stopping_work_and_rallying(
    text: str, language: str, expected: set[Action]
) -> None:
    assert codes(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # "вышли на пикет к зданию": the picket, not a second rally
        ("Шахтеры вышли на пикет к зданию администрации.", "ru", {A.PICKET}),
        ("Шахтарі вийшли на пікет під будівлю адміністрації.", "uk", {A.PICKET}),
        # a rule of the work-to-rule, said with "if", is no route refusal
        ("Водители не выезжают на линию, если у машины не горит фара.", "ru", set()),
        ("The study demonstrated that workers earn less.", "en", set()),
    ],
)
def test_rally_words_do_not_double_other_actions(
    text: str, language: str, expected: set[Action]
) -> None:
    assert codes(text, language) == expected


def test_an_action_named_as_a_vote_on_it_is_hypothetical() -> None:
    assert codes("The union's strike ballot closes on Friday.") == set()
    assert codes("Профсоюз объявил забастовочный референдум.", "ru") == set()
    assert codes("Dockers refused to unload ships on Monday.") == {A.STRIKE}
    assert codes("Drivers refused to take their buses out.") == {A.STRIKE}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # staying in the workplace
        ("Fitters refused to leave the plant after the closure notice.", "en", {A.OCCUPATION}),
        ("Welders barricaded themselves inside the workshop.", "en", {A.OCCUPATION}),
        ("Sacked workers occupied the paint shop.", "en", {A.OCCUPATION}),
        ("Сборщики отказались покидать цех после смены.", "ru", {A.OCCUPATION}),
        ("Гірники відмовилися залишати шахту після зміни.", "uk", {A.OCCUPATION}),
        # stopping the line, mass sick leave
        ("Assemblers halted the assembly line at noon.", "en", {A.STRIKE}),
        ("Сборщики остановили конвейер.", "ru", {A.STRIKE}),
        ("Складальники зупинили конвеєр.", "uk", {A.STRIKE}),
        ("Медсестры массово ушли на больничный.", "ru", {A.STRIKE}),
        ("Медсестри масово пішли на лікарняний.", "uk", {A.STRIKE}),
        # blocking a railway
        ("Гірники перекрили залізницю біля станції.", "uk", {A.BLOCKADE}),
        ("Шахтеры перекрыли железную дорогу у станции.", "ru", {A.BLOCKADE}),
    ],
)
def test_occupations_stoppages_and_rail_blockades(
    text: str, language: str, expected: set[Action]
) -> None:
    assert codes(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The union called off a strike that had been planned for Monday.", "en"),
        ("Porters averted a strike after the board agreed to pay.", "en"),
        ("Teachers are due to strike on Monday.", "en"),
        ("Drivers will walk out from 24 March.", "en"),
        ("The planned strike by cleaners was postponed.", "en"),
        ("Профсоюз отменил запланированную на понедельник забастовку.", "ru"),
        ("Шахтеры заявили, что объявят забастовку в случае задержки зарплаты.", "ru"),
        ("Медики не стали бастовать в понедельник.", "ru"),
        ("Профспілка скасувала запланований на понеділок страйк.", "uk"),
        ("Шахтарі заявили, що оголосять страйк у разі затримки зарплати.", "uk"),
        ("Медики не стали страйкувати в понеділок.", "uk"),
    ],
)
def test_planned_averted_future_and_declined_actions_are_no_fact(text: str, language: str) -> None:
    assert codes(text, language) == set()


def test_a_plan_after_the_action_is_another_clause() -> None:
    """ "went on strike on Monday against planned layoffs": the layoffs are planned."""
    assert codes("Fitters went on strike on Monday against planned layoffs.") == {A.STRIKE}
    assert codes("The strike began on Monday and is set to last a week.") == {A.STRIKE}
    assert codes("Рабочие не просто бастуют, они перекрыли трассу.", "ru") == {
        A.STRIKE,
        A.BLOCKADE,
    }


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Forty oil workers have refused food since Monday.", "en"),
        ("Сорок нефтяников с понедельника не принимают пищу.", "ru"),
        ("Сорок шахтарів з понеділка відмовляються від їжі.", "uk"),
    ],
)
def test_refusing_food_is_a_hunger_strike(text: str, language: str) -> None:
    assert codes(text, language) == {A.HUNGER_STRIKE}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # work to rule: a hidden strike, contracted hours only
        ("Managers call it a hidden strike: crews work to contract hours.", "en", {A.WORK_TO_RULE}),
        ("Paramedics refused to work beyond their contracted hours.", "en", {A.WORK_TO_RULE}),
        ("Вагоновожатые перешли на «итальянку».", "ru", {A.WORK_TO_RULE}),
        ("Фельдшеры отказались от работы сверх нормы рабочего времени.", "ru", {A.WORK_TO_RULE}),
        ("Дирекция называет это скрытой забастовкой.", "ru", {A.WORK_TO_RULE}),
        ("Фельдшери відмовилися від роботи понад норму робочого часу.", "uk", {A.WORK_TO_RULE}),
        ("Водії працюють строго за трудовим договором.", "uk", {A.WORK_TO_RULE}),
        # lockout: the gates found locked
        ("On Thursday the sewers found the factory gates locked.", "en", {A.LOCKOUT}),
        # a stop the employer made is no strike
        ("The mine, owned by a holding firm, halted production in winter.", "en", set()),
        ("Руководство завода остановило производство.", "ru", set()),
        ("Керівництво підприємства зупинило виробництво.", "uk", set()),
        ("Fitters at the plant halted production on Monday.", "en", {A.STRIKE}),
    ],
)
def test_hidden_strikes_locked_gates_and_employer_stops(
    text: str, language: str, expected: set[Action]
) -> None:
    assert codes(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The union is urging members to strike next month.", "en"),
        ("Лидера профсоюза обвиняют в призывах к участию в забастовке.", "ru"),
        ("Наступним кроком буде страйк, заявив голова профспілки.", "uk"),
        ("Голову профспілки звинувачують у закликах до страйку.", "uk"),
    ],
)
def test_calls_to_strike_and_a_strike_to_come_are_no_fact(text: str, language: str) -> None:
    assert codes(text, language) == set()


def test_a_ukrainian_protest_action_is_an_umbrella() -> None:
    """ "акції протесту" beside a strike is that strike, as "акции протеста" is."""
    findings = [
        Finding("actions", m.action, m.start, m.end, attrs={"umbrella": m.umbrella})
        for m in action_matcher().find(
            Sentence(0, 0, 60, "Працівники продовжують страйк та інші акції протесту."), "uk"
        )
    ]
    assert action_codes(findings) == {A.STRIKE}


def test_refusing_to_log_on_is_a_strike() -> None:
    assert codes("Riders have refused to log on since Monday.") == {A.STRIKE}
    assert codes("Drivers stayed offline all weekend.") == {A.STRIKE}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Водители отказались выходить в рейс.", "ru", {A.STRIKE}),
        ("Водії відмовилися виходити в рейс.", "uk", {A.STRIKE}),
        ("Drivers refused to drive after a colleague was assaulted.", "en", {A.STRIKE}),
        ("Loaders stayed at home on Monday in protest at unpaid overtime.", "en", {A.STRIKE}),
        ("Cleaners chained themselves to the railings of the ministry.", "en", {A.DEMONSTRATION}),
        ("Горняки отказались выходить из шахты.", "ru", {A.OCCUPATION}),
    ],
)
def test_refusing_to_go_out_on_a_run_is_a_strike(
    text: str, language: str, expected: set[Action]
) -> None:
    assert codes(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("У мэрии Твери собрались около 70 водителей троллейбусов.", "ru"),
        ("Під міськрадою Луцька зібралися близько 70 водіїв тролейбусів.", "uk"),
    ],
)
def test_a_gathering_at_the_town_hall_said_place_first(text: str, language: str) -> None:
    assert codes(text, language) == {A.DEMONSTRATION}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Под землёй остаются 14 горняков, требующих выплатить долги.", "ru"),
        ("Під землею залишаються 14 гірників, які вимагають виплатити борги.", "uk"),
        ("Fourteen miners remain underground, demanding their back pay.", "en"),
    ],
)
def test_staying_underground_in_either_word_order_is_an_occupation(
    text: str, language: str
) -> None:
    assert Action.OCCUPATION in codes(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The union reserves the right to nationwide protests.", "en"),
        ("Профсоюз оставляет за собой право на всероссийские акции протеста.", "ru"),
        ("Профспілка залишає за собою право на всеукраїнські акції протесту.", "uk"),
    ],
)
def test_a_right_reserved_is_no_action_taken(text: str, language: str) -> None:
    mentions = action_matcher().find(split_sentences(text)[0], language)
    assert mentions and all(m.hypothetical for m in mentions)


@pytest.mark.parametrize(
    "text",
    [
        "About 200 dockers at the port of Hull struck on 4 June over pay.",
        "Hospital porters in Leeds struck for two days last week.",
        "Cleaners employed by a contractor struck over unpaid wages.",
    ],
)
def test_any_trade_that_struck_went_on_strike(text: str) -> None:
    assert codes(text) == {Action.STRIKE}

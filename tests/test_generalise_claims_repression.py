"""Repression read by who does what to whom, in three languages (sentences written for
the tests): the workers' own lawsuits, accusations and threats are not repression;
money held up is no detention; a ban must be of the action; quitting and accidents
are not dismissal or violence; one person named is a count of 1."""

from __future__ import annotations

import pytest

from picketline.extract import extract

LEDES = {
    "en": "Strike\nWorkers at the plant went on strike on Monday over wages. ",
    "ru": "Забастовка\nВ понедельник рабочие завода объявили забастовку. ",
    "uk": "Страйк\nУ понеділок працівники заводу оголосили страйк. ",
}


def found(language: str, sentence: str) -> set[tuple[str, int | None]]:
    """The repression of an article: a lede about the strike, then ``sentence``."""
    result = extract(LEDES[language] + sentence, published="2024-05-20", language=language)
    return {
        (r["type"], r.get("count"))
        for s in result.to_format()["struggles"]
        for r in s.get("repression", [])
    }


def kinds(language: str, sentence: str) -> set[str]:
    return {kind for kind, _ in found(language, sentence)}


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        # the workers' side brings the lawsuit or the accusation
        ("en", "The union has sued the company over unpaid overtime."),
        ("ru", "Профсоюз подал иск к работодателю о взыскании долгов."),
        ("ru", "Рабочие обвиняют руководство в обмане."),
        ("uk", "Працівники звернулися до суду з позовом про стягнення боргів."),
        ("uk", "Робітники звинувачують керівництво у крадіжці."),
        # the workers' side threatens or presses
        ("en", "The union threatened further strikes if any worker is fired."),
        ("ru", "Рабочие пытаются оказать давление на власти."),
        # money held up, not people
        ("ru", "Зарплата задержана уже на три месяца."),
        ("uk", "Зарплату затримано на три місяці."),
        # a seizure of property, a company's penalty system
        ("ru", "Судебные приставы наложили арест на имущество предприятия."),
        ("uk", "Виконавча служба наклала арешт на майно підприємства."),
        ("ru", "Они протестуют против системы штрафов."),
        # a court ruling on a dismissal, a refused pay rise: no ban of the action
        ("ru", "Суд признал увольнение председателя профкома незаконным."),
        ("uk", "Суд визнав незаконним звільнення голови профспілки."),
        ("ru", "Руководство не согласовало повышение зарплаты."),
        # people who quit, accidents, time off
        ("ru", "За последний год многие водители уволились."),
        ("uk", "Багато працівників звільнилися за власним бажанням."),
        (
            "en",
            "Two workers were killed in a rockfall last week, and security at the site is poor.",
        ),
        ("ru", "Месяц назад на шахте погиб горняк, нарушения охраны труда выявлены."),
        ("uk", "Минулого місяця загинув гірник через порушення охорони праці."),
        ("ru", "Их освободили от работы на время переговоров."),
        ("en", "The funds were released by the ministry on Friday."),
        # ordinary crime and management
        ("en", "Police said they had arrested a man for theft near the plant."),
        ("en", "The company was fined last year for safety violations."),
        ("ru", "Директора завода задержали по подозрению в мошенничестве."),
        ("uk", "Директора заводу звільнили з посади."),
        # an alternative, not the act; ordinary offenders
        ("en", "The workers would receive a written warning instead of being dismissed."),
        ("ru", "Рабочих не уволили, а вместо этого им объявили выговор."),
        ("en", "The four inmates who held the guard hostage were arrested."),
        ("ru", "Грабителей, напавших на кассу, задержали."),
        # denials
        ("en", "Police denied detaining any of the strikers."),
        ("ru", "В полиции опровергли задержание бастующих."),
        ("uk", "У поліції спростували затримання страйкарів."),
    ],
)
def test_not_repression_of_the_workers(language: str, sentence: str) -> None:
    assert found(language, sentence) == set(), sentence


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        ("ru", "Компания подала иск к профсоюзу о возмещении убытков.", {"charges"}),
        ("ru", "Лидера профсоюза обвиняют в организации беспорядков.", {"charges"}),
        ("uk", "Роботодавець подав позов проти профспілки.", {"charges"}),
        ("en", "The company sued the union's organisers for losses.", {"charges"}),
        ("en", "Managers intimidated them and pressured them to return.", {"threat"}),
        ("ru", "На рабочих оказывают давление.", {"threat"}),
        ("uk", "На страйкарів чинять тиск.", {"threat"}),
        ("ru", "Суд признал забастовку незаконной.", {"ban"}),
        ("uk", "Суд визнав страйк незаконним.", {"ban"}),
        ("en", "The government banned the strike.", {"ban"}),
        (
            "en",
            "The government said it would not prosecute the striking workers.",
            {"no_prosecution_pledge"},
        ),
        (
            "ru",
            "Власти пообещали не преследовать участников забастовки.",
            {"no_prosecution_pledge"},
        ),
        ("uk", "Влада пообіцяла не переслідувати учасників страйку.", {"no_prosecution_pledge"}),
    ],
)
def test_by_the_employer_or_the_state(language: str, sentence: str, expected: set[str]) -> None:
    assert kinds(language, sentence) == expected, sentence


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        # a cut-off said in either order, in a sentence that does not name the workers
        ("en", "Mobile internet was cut off in the town during the protest.", {"censorship"}),
        ("ru", "В городе заблокировали мобильный интернет и Telegram.", {"censorship"}),
        ("uk", "У місті заблокували мобільний зв'язок та інтернет.", {"censorship"}),
        ("ru", "Мобильный интернет в городе отключили на два дня.", {"censorship"}),
        # "the detained" are the struggle's people; a bare release needs an arrest
        ("uk", "Згодом затриманих відпустили.", {"arrest", "release"}),
        ("ru", "Задержанных рабочих отпустили вечером.", {"arrest", "release"}),
        (
            "uk",
            "Затриманих робітників звільнили з-під варти наступного дня.",
            {"arrest", "release"},
        ),
        # a negation in another clause does not cancel the act
        ("en", "Police detained 12 strikers, but no one was injured.", {"arrest"}),
        ("ru", "Полиция задержала 12 рабочих, никто не пострадал.", {"arrest"}),
        # new phrasings
        ("en", "The company laid off 300 strikers in retaliation.", {"dismissal"}),
        ("ru", "После забастовки администрация начала увольнять активистов.", {"dismissal"}),
        ("ru", "Прокуратура предупредила о незаконности забастовки.", {"threat"}),
        ("uk", "Прокуратура попередила про незаконність страйку.", {"threat"}),
        ("uk", "Учасників акції притягнуто до адміністративної відповідальності.", {"charges"}),
        ("ru", "Участников акции привлекли к административной ответственности.", {"charges"}),
        ("uk", "Протестувальників силою витіснили з території.", {"violence"}),
        ("ru", "Протестующих силой вытеснили с территории завода.", {"violence"}),
        ("en", "Security guards forcibly removed the picketers.", {"violence"}),
        # the injuries of the violence just reported need no agent of their own
        (
            "en",
            "Police fired rubber bullets at the marchers. Three comrades were injured.",
            {"violence"},
        ),
        ("ru", "ОМОН разогнал митинг. Пострадали трое рабочих.", {"violence"}),
        ("uk", "Поліція розігнала мітинг. Троє робітників постраждали.", {"violence"}),
        ("ru", "Суд по иску завода признал её незаконной ещё до начала забастовки.", {"ban"}),
        ("uk", "Страйк визнано незаконним за позовом підприємства.", {"ban"}),
        ("en", "Two strikers are due in court in November.", {"charges"}),
        # a release demanded is no release (the detention stays)
        ("ru", "Рабочие требуют освободить задержанных товарищей.", {"arrest"}),
        ("uk", "Робітники вимагають звільнити затриманих колег.", {"arrest"}),
        ("en", "Workers are demanding the release of the detained strikers.", {"arrest"}),
        (
            "en",
            "The government moved to ban the strike, and police cleared the picket lines.",
            {"ban"},
        ),
        ("en", "The company deactivated the accounts of 25 riders who took part.", {"dismissal"}),
        (
            "ru",
            "Компания заблокировала аккаунты курьеров, участвовавших в забастовке.",
            {"dismissal"},
        ),
        ("uk", "Компанія заблокувала акаунти кур'єрів, які брали участь у страйку.", {"dismissal"}),
        ("ru", "Администрация вывесила приказ об увольнении 40 бастующих.", {"dismissal"}),
        ("uk", "Адміністрація видала наказ про звільнення 12 страйкарів.", {"dismissal"}),
        (
            "en",
            "Factory owners filed cases against 300 workers, accusing them of vandalism.",
            {"charges"},
        ),
        ("en", "Managers warned the nurses that their pay would be docked.", {"threat"}),
        ("ru", "Сотрудники ЧОП применили силу к бастующим, двое госпитализированы.", {"violence"}),
        (
            "uk",
            "Працівники ЧОП застосували силу до страйкарів, двох госпіталізовано.",
            {"violence"},
        ),
    ],
)
def test_more_phrasings(language: str, sentence: str, expected: set[str]) -> None:
    assert kinds(language, sentence) == expected, sentence


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        # the subject warns, not the staff written to; an infinitive has no subject of its own
        (
            "en",
            "Managers wrote to staff warning that anyone who joined the picket could face "
            "disciplinary action.",
            {"threat"},
        ),
        ("en", "The union called the letter an attempt to intimidate its members.", {"threat"}),
        ("ru", "Профсоюз назвал письмо попыткой запугать работников.", {"threat"}),
        ("uk", "Профспілка назвала лист спробою залякати працівників.", {"threat"}),
        (
            "en",
            "The prosecutor's office warned that the organisers could be held liable.",
            {"threat"},
        ),
        # a chat blocked
        ("ru", "Вечером заблокировали чат рабочих в Viber.", {"censorship"}),
        ("uk", "Увечері заблокували чат працівників у Viber.", {"censorship"}),
        ("en", "In the evening the workers' Viber chat was blocked.", {"censorship"}),
        # detentions a sentence or two after the action, the police unnamed
        ("ru", "Вечером 6 человек задержали и доставили в Ленинский РОВД.", {"arrest"}),
        (
            "uk",
            "Увечері 6 людей затримали й доставили до Шевченківського відділу поліції.",
            {"arrest"},
        ),
        ("ru", "Охранники стройки ударили двоих рабочих.", {"violence"}),
        ("ru", "Охранники побили двоих рабочих.", {"violence"}),
        ("uk", "У місті заблокували Telegram.", {"censorship"}),
        ("ru", "В городе заблокировали Telegram.", {"censorship"}),
        # a channel named long before its blocking
        (
            "ru",
            "Телеграм-канал профсоюза, в котором публиковались обращения рабочих, на этой неделе "
            "был признан «экстремистским материалом» и заблокирован.",
            {"censorship"},
        ),
        (
            "uk",
            "Телеграм-канал профспілки, у якому публікувалися звернення працівників, цього тижня "
            "визнали «екстремістським матеріалом» і заблокували.",
            {"censorship"},
        ),
        # threats of closure, replacement, deactivation, and a layoff promised in quotes
        (
            "en",
            "Workers said a security chief told them that anyone who spoke to journalists "
            'would be "the first to be laid off".',
            {"threat"},
        ),
        ("uk", "Адміністрація погрожувала закрити підприємство і набрати нових людей.", {"threat"}),
        ("ru", "Администрация пригрозила закрыть завод и набрать новых людей.", {"threat"}),
        (
            "uk",
            "Іншим надіслали повідомлення, що їх деактивують, якщо вони не повернуться.",
            {"threat"},
        ),
        ("ru", "Другим написали, что их деактивируют, если они не вернутся.", {"threat"}),
        # access to a channel restricted
        ("ru", "Доступ к Telegram-каналу бастующих ограничен по решению властей.", {"censorship"}),
        ("uk", "Доступ до Telegram-каналу страйкарів обмежено.", {"censorship"}),
        ("en", "Access to the strikers' Telegram channel was restricted.", {"censorship"}),
        # a complainant in the genitive is not the one charged
        (
            "uk",
            "Поліція відкрила кримінальне провадження щодо голови первинної організації "
            "профспілки за заявою адміністрації.",
            {"charges"},
        ),
        (
            "ru",
            "Полиция возбудила уголовное дело в отношении председателя профкома по заявлению "
            "администрации.",
            {"charges"},
        ),
        ("en", "Nine of them were later named in a case filed by the factory.", {"charges"}),
    ],
)
def test_threats_chats_and_unnamed_police(language: str, sentence: str, expected: set[str]) -> None:
    assert kinds(language, sentence) == expected, sentence


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        # blood pressure is no pressure
        ("ru", "Двое из них пожаловались на головную боль и повышенное давление."),
        ("uk", "Двоє з них поскаржилися на головний біль та підвищений тиск."),
        # a prosecutor named is no prosecution
        ("en", "The regional prosecutor visited the site on Tuesday."),
    ],
)
def test_pressure_of_the_blood_and_a_prosecutor(language: str, sentence: str) -> None:
    assert found(language, sentence) == set(), sentence


def test_a_count_across_a_clause_is_not_the_violence_count() -> None:
    got = found(
        "en",
        "Riot police used a water cannon to open the gate for trucks, and 14 workers were "
        "arrested.",
    )
    assert ("arrest", 14) in got
    assert ("violence", None) in got


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        ("en", "The union's general secretary was detained by police.", ("arrest", 1)),
        ("en", "Police arrested the union leader on Tuesday.", ("arrest", 1)),
        ("ru", "Суд арестовал председателя профкома на два месяца.", ("arrest", 1)),
        ("ru", "Председатель профсоюза задержан.", ("arrest", 1)),
        ("uk", "Голову профкому затримали та доставили до відділу поліції.", ("arrest", 1)),
        ("uk", "Адміністрація звільнила активістку профспілки.", ("dismissal", 1)),
        # a reduced relative is passive; a count with its own verb is another clause's
        ("en", "Four workers dismissed during the strike will be reinstated.", ("dismissal", 4)),
        ("en", "Eleven workers were detained and three were treated in hospital.", ("arrest", 11)),
        # words between "charged" and "with"; a killing by gunfire is no accident
        (
            "en",
            "Prosecutors charged five union leaders with organising a gathering.",
            ("charges", 5),
        ),
        (
            "en",
            "Security guards opened fire on the marchers, killing two workers.",
            ("violence", 2),
        ),
        # a plural or vague target gives no count
        ("ru", "Полиция задержала рабочих.", ("arrest", None)),
        ("uk", "Поліція затримала кількох робітників.", ("arrest", None)),
        # a count in the word's own clause beats a nearer one across a comma
        ("ru", "Пятерых зачинщиков уволили, ещё двоих оштрафовали.", ("dismissal", 5)),
        ("uk", "П'ятьох зачинщиків звільнили, ще двох оштрафували.", ("dismissal", 5)),
    ],
)
def test_counts_of_one_and_of_the_own_clause(
    language: str, sentence: str, expected: tuple[str, int | None]
) -> None:
    assert expected in found(language, sentence), sentence

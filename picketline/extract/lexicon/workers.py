"""Words for working people, per language, with the ISIC section each implies.

News names a workforce by its trade in the plural ("bus drivers", "медсестры",
"вчителі") or generically ("workers", "сотрудники", "працівники"). Generic
words carry ``None`` and take their sector from a modifier, the workplace or
the employer. Russian and Ukrainian nouns are listed as stems with their case
endings spelled out (``_ru``/``_uk``), never as ``stem\\w*``: a bare stem
also matches other words ("строител\\w*" would find "строительства",
"лікар\\w*" would find "лікарня").
"""

from __future__ import annotations

from picketline.domain.vocab import Sector

S = Sector

# Case endings of Russian and Ukrainian nouns (all numbers and cases, both
# hard and soft stems). A stem plus one of these, then a word boundary.
_RU_END = r"(?:а|я|у|ю|ом|ем|ём|ой|ою|ей|е|и|ы|ь|ов|ев|ёв|ам|ям|ами|ями|ах|ях)?\b"
_UK_END = r"(?:а|я|у|ю|ові|еві|єві|ом|ем|єм|ою|ею|ей|е|і|и|ї|ь|ів|їв|ам|ям|ами|ями|ах|ях)?\b"
# Russian adjective-nouns ("рабочие", "горнорабочих", "служащим").
_RU_ADJ = r"(?:ие|ий|их|им|ими|ая|ую|ей|ого|ему|ые|ый|ых|ым|ыми)\b"
_UK_ADJ = r"(?:і|ий|их|им|ими|а|у|ої|ого|ому)\b"


def _ru(stems: str) -> str:
    return rf"(?:{stems}){_RU_END}"


def _uk(stems: str) -> str:
    return rf"(?:{stems}){_UK_END}"


EN_WORKERS: list[tuple[str, Sector | None]] = [
    (
        r"farm-?workers|farm ?hands|agricultural workers|plantation workers|(?:tea|fruit|cotton"
        r"|grape|crop) pickers|fishermen|fishers|fishworkers|loggers|foresters|herders"
        r"|shepherds|tractor drivers|dairy workers|milkmaids",
        S.A,
    ),
    (
        r"(?:coal |gold |platinum |copper |iron ore |salt )?miners|mine-?workers|colliers"
        r"|quarry(?:men| workers)|oil-?workers|oilfield workers|roughnecks|drillers|rig workers",
        S.B,
    ),
    (
        r"meat-?packers|steel-?workers|auto-?workers|car workers|metal-?workers|machinists"
        r"|assemblers|shipbuilders|shipyard workers|welders|fitters|lathe operators|turners"
        r"|mill-?workers|millhands|textile workers|garment workers|seamstresses|weavers"
        r"|factory workers|plant workers|packers|bakers|brewers|printers|foundry workers",
        S.C,
    ),
    (r"power workers|line-?men|line-?workers|utility workers|energy workers", S.D),
    (
        r"binmen|bin workers|refuse (?:collectors|workers)|waste (?:collectors|workers)"
        r"|garbage (?:collectors|workers)|sanitation workers|street sweepers|rubbish collectors",
        S.E,
    ),
    (
        r"builders|construction workers|bricklayers|carpenters|scaffolders|electricians"
        r"|plumbers|crane operators|roofers|steel fixers|concrete workers|tilers|plasterers",
        S.F,
    ),
    (
        r"cashiers|shop assistants|sales assistants|shop workers|retail workers|store workers"
        r"|supermarket workers|checkout (?:staff|workers|operators)|salespeople",
        S.G,
    ),
    (
        r"dockers|dock-?workers|longshoremen|stevedores|truckers|(?:lorry|truck|bus|train|tram"
        r"|taxi|delivery|van) drivers|drivers|pilots|cabin crews?|flight attendants|seafarers"
        r"|sailors|seamen|couriers|delivery riders|riders|rail-?workers|railway workers|railwaymen"
        r"|conductors|postmen|postal workers|post office workers|mail carriers|letter carriers"
        r"|air traffic controllers|train crews?|crew members|baggage handlers|ground staff"
        r"|porters|warehouse workers|transit workers|metro workers|ferry workers|signal(?:l)?ers",
        S.H,
    ),
    (
        r"waiters|waitresses|cooks|chefs|baristas|housekeepers|hotel workers|kitchen staff"
        r"|bartenders|fast-food workers|restaurant workers",
        S.I,
    ),
    (r"journalists|reporters|telecom workers|call[- ]cent(?:re|er) workers", S.J),
    (r"bank (?:workers|employees|staff)|bank tellers|tellers", S.K),
    (r"cleaners|security guards|guards|janitors|caretakers", S.N),
    (
        r"civil servants|public servants|public-sector workers|firefighters|fire-?fighters"
        r"|prison (?:officers|guards|staff)|customs officers|border guards|court (?:workers|staff)"
        r"|municipal workers|council workers",
        S.O,
    ),
    (
        r"teachers|lecturers|academics|professors|educators|teaching assistants|tutors"
        r"|school staff|university staff|kindergarten teachers|researchers",
        S.P,
    ),
    (
        r"nurses|doctors|midwives|paramedics|medics|physicians|surgeons|carers|care-?givers"
        r"|care workers|junior doctors|pharmacists|radiographers|health(?:care)? workers"
        r"|hospital (?:workers|staff)|ambulance (?:workers|crews|staff)|orderlies|social workers"
        r"|dentists|anaesthetists|anesthetists",
        S.Q,
    ),
    (r"actors|musicians|dancers|screenwriters|writers guild members", S.R),
    (r"hairdressers|domestic workers|housemaids", S.S),
    (
        r"labourers|laborers|day labou?rers|contract workers|temps|agency workers"
        r"|gig workers|mechanics|technicians|engineers|apprentices|trainees",
        None,
    ),
    (r"workers|employees|staff|workforce|personnel|staffers|work-?force|wage earners", None),
]

RU_WORKERS: list[tuple[str, Sector | None]] = [
    (
        _ru(
            r"механизатор|животновод|полевод|овощевод|тракторист|комбайнер|скотник|доярк|пастух"
            r"|сельхозработник|рыбак|лесоруб|аграри"
        )
        + r"|аграрии|аграриев|доярок",
        S.A,
    ),
    (
        _ru(
            r"шахт[её]р|горняк|нефтяник|газовик|буровик|бурильщик|проходчик|забойщик|рудокоп"
            r"|обогатител"
        )
        + r"|горнорабоч"
        + _RU_ADJ,
        S.B,
    ),
    (
        _ru(
            r"металлург|сталевар|литейщик|токар|слесар|сварщик|фрезеровщик|станочник|наладчик"
            r"|машиностроител|судостроител|автостроител|ткач|текстильщик|прядильщик|кондитер"
            r"|швейник"
        )
        + r"|заводчан(?:е|ами|ам|ах)?\b|швеи|швей\b|швеям|ткачих\w*|швея\b",
        S.C,
    ),
    (_ru(r"энергетик|электрик|электромонт[её]р"), S.D),
    (_ru(r"мусорщик|дворник|коммунальщик|сантехник"), S.E),
    (_ru(r"строител|монтажник|каменщик|бетонщик|отделочник|крановщик|арматурщик|штукатур"), S.F),
    (
        r"продав(?:ец|ца|цу|цом|це|цы|цов|цам|цами|цах)\b|продавщиц\w*|"
        + _ru(r"кассир|мерчендайзер|товаровед"),
        S.G,
    ),
    (
        _ru(
            r"водител|машинист|железнодорожник|докер|портовик|дальнобойщик|авиадиспетчер"
            r"|диспетчер|пилот|л[её]тчик|курьер|таксист|проводник|грузчик|кондуктор|моряк"
            r"|бортпроводник|почтальон|экспедитор|трамвайщик|метрополитеновц|стюардесс"
        ),
        S.H,
    ),
    (_ru(r"повар|официант|бармен") + r"|горничн" + _RU_ADJ, S.I),
    (_ru(r"журналист|корреспондент"), S.J),
    (_ru(r"уборщик|уборщиц|охранник|вахт[её]р|клинер"), S.N),
    (_ru(r"спасател|пожарник") + r"|пожарны(?:е|х|м|ми)\b(?!\s+(?:машин|част|расч|автомоб))", S.O),
    (_ru(r"учител|учительниц|педагог|преподавател|воспитател|воспитательниц|вожат"), S.P),
    (
        _ru(r"врач|медик|медсестр|медбрат|медбрать|медработник|фельдшер|санитар|санитарк|акушер")
        + r"|медсест[её]р\b|санитарок\b|медперсонал\w*|фармацевт\w*|провизор\w*",
        S.Q,
    ),
    (
        r"рабоч(?:ие|их|им|ими)\b(?!\s+(?:мест|дн|час|смен|групп|недел|врем|процесс|визит|поездк"
        r"|встреч|орган|сил|стол|комисси|вопрос|документ))|"
        + _ru(r"работник|работниц|сотрудник|сотрудниц|специалист|инженер|наёмник")
        + r"|трудящи(?:еся|хся|мся|мися)\b|служащ"
        + _RU_ADJ
        + r"|персонал\w*|трудов\w+ коллектив\w*",
        None,
    ),
]

UK_WORKERS: list[tuple[str, Sector | None]] = [
    (
        _uk(r"механізатор|тваринник|тракторист|комбайнер|доярк|пастух|сільгосппрацівник|лісоруб")
        + r"|аграрії|аграріїв|доярок",
        S.A,
    ),
    (_uk(r"шахтар|гірник|нафтовик|газовик|бурильник|прохідник|вибійник|збагачувальник"), S.B),
    (
        _uk(
            r"металург|сталевар|ливарник|токар|слюсар|зварник|зварювальник|фрезерувальник"
            r"|верстатник|машинобудівник|суднобудівник|ткач|заводчан"
        )
        + r"|швачк\w*|швачок",
        S.C,
    ),
    (_uk(r"енергетик|електрик|електромонтер"), S.D),
    (_uk(r"двірник|комунальник|сміттяр|сантехнік"), S.E),
    (_uk(r"будівельник|монтажник|муляр|бетоняр|кранівник|арматурник|штукатур"), S.F),
    (r"продав(?:ець|ця|цю|цем|ці|ців|цям|цями|цях)\b|продавчин\w*|" + _uk(r"касир"), S.G),
    (
        r"вод(?:ій|ія|ію|ієві|ієм|ії|іїв|іям|іями|іях)\b|"
        + _uk(
            r"машиніст|залізничник|докер|портовик|далекобійник|авіадиспетчер|диспетчер|пілот"
            r"|льотчик|кур['’]єр|таксист|провідник|вантажник|кондуктор|моряк|бортпровідник"
            r"|листонош|експедитор|стюардес"
        ),
        S.H,
    ),
    (_uk(r"кухар|офіціант|бармен|покоївк") + r"|покоївок", S.I),
    (_uk(r"журналіст|кореспондент"), S.J),
    (
        _uk(r"прибиральник|прибиральниц|охоронник|вахтер") + r"|охорон(?:ець|ця|ці|ців|цям|цями)\b",
        S.N,
    ),
    (_uk(r"рятувальник|пожежник"), S.O),
    (
        _uk(r"вчител|учител|вчительк|учительк|педагог|викладач|вихователь|виховател|вихователк")
        + r"|вчительок",
        S.P,
    ),
    (
        _uk(r"лікар|медик|медсестр|медбрат|медпрацівник|фельдшер|санітар|санітарк|акушер|фармацевт")
        + r"|медсест[е]р\b|санітарок\b|медперсонал\w*",
        S.Q,
    ),
    (
        _uk(r"працівник|працівниц|робітник|робітниц|співробітник|співробітниц|трудівник|інженер")
        + r"|фахів(?:ець|ця|цю|цем|ці|ців|цям|цями|цях)\b"
        + r"|працівниць\b|робітниць\b|трудящ(?:і|их|им|ими)\b|службовц(?:і|ів|ям|ями)\b"
        + r"|персонал\w*|трудов\w+ колектив\w*",
        None,
    ),
]

WORKER_NOUNS: dict[str, list[tuple[str, Sector | None]]] = {
    "en": EN_WORKERS,
    "ru": RU_WORKERS,
    "uk": UK_WORKERS,
}

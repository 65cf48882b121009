# ruff: noqa: E501  -- regex tables: breaking a pattern mid-alternative hurts more than a long line
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
        r"|shepherds|tractor drivers|dairy workers|milkmaids|forestry workers|cane cutters"
        r"|sugar ?cane workers|vineyard workers|estate workers",
        S.A,
    ),
    (
        r"(?:coal |gold |platinum |copper |iron ore |salt )?miners|mine-?workers|colliers"
        r"|quarry(?:men| workers)|oil-?workers|oilfield workers|roughnecks|drillers|rig workers"
        r"|offshore workers|gas workers|smelter workers",
        S.B,
    ),
    (
        r"meat-?packers|steel-?workers|auto-?workers|car workers|metal-?workers|machinists"
        r"|assemblers|shipbuilders|shipyard workers|welders|fitters|lathe operators|turners"
        r"|mill-?workers|millhands|textile workers|garment workers|seamstresses|weavers"
        r"|factory workers|plant workers|packers|bakers|brewers|printers|foundry workers"
        r"|glass-?workers|refinery workers|chemical workers|food workers|meat-?workers|poultry workers"
        r"|cement workers|paper workers|sawmill workers|boilermakers|toolmakers|assembly(?:-line)? workers"
        r"|line workers|machine operators|tailors|shoemakers|tannery workers|electronics workers",
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
        r"|plumbers|crane operators|roofers|steel fixers|concrete workers|tilers|plasterers"
        r"|glaziers|painters and decorators|decorators|joiners|stonemasons|masons|road ?workers"
        r"|pipefitters|ironworkers|demolition workers|site workers",
        S.F,
    ),
    (
        r"cashiers|shop assistants|sales assistants|shop workers|retail workers|store workers"
        r"|supermarket workers|checkout (?:staff|workers|operators)|salespeople|grocery workers"
        r"|shop staff|retail staff|pharmacy workers|petrol station workers|street vendors|hawkers",
        S.G,
    ),
    (
        r"dockers|dock-?workers|longshoremen|stevedores|truckers|(?:lorry|truck|bus|train|tram"
        r"|taxi|delivery|van) drivers|drivers|pilots|cabin crews?|flight attendants|seafarers"
        r"|sailors|seamen|couriers|delivery riders|riders|rail-?workers|railway workers|railwaymen"
        r"|conductors|postmen|postal workers|post office workers|mail carriers|letter carriers"
        r"|air traffic controllers|train crews?|crew members|baggage handlers|ground staff"
        r"|porters|warehouse workers|transit workers|metro workers|ferry workers|signal(?:l)?ers"
        r"|stewards|stewardesses|tram drivers|locomotive drivers|engine drivers|ticket inspectors"
        r"|station staff|airport (?:workers|staff)|port workers|harbour workers|mariners|hauliers"
        r"|cab(?:bie)?s|cab drivers|ride-?hail(?:ing)? drivers|minibus drivers|okada riders"
        r"|boda[- ]boda riders|rickshaw (?:pullers|drivers)|postal staff|mail workers|logistics workers"
        r"|delivery workers|dispatchers|flight crews|loaders|airline (?:staff|workers)|bus crews"
        r"|sorters|posties|parcel sorters|mail sorters",
        S.H,
    ),
    (
        r"waiters|waitresses|cooks|chefs|baristas|housekeepers|hotel workers|kitchen staff"
        r"|bartenders|fast-food workers|restaurant workers|room attendants|dishwashers"
        r"|kitchen porters|catering (?:workers|staff)|canteen workers|servers|line cooks",
        S.I,
    ),
    (
        r"journalists|reporters|telecom workers|call[- ]cent(?:re|er) workers|broadcasters"
        r"|tech workers|game developers|video game workers|IT workers|translators",
        S.J,
    ),
    (r"bank (?:workers|employees|staff)|bank tellers|tellers", S.K),
    (
        r"cleaners|security guards|guards|janitors|caretakers|cleaning staff|security staff"
        r"|(?:waste|bin|rubbish|garbage|refuse) collectors|call[- ]cent(?:re|er) agents|customer service agents"
        r"|custodians|groundskeepers|gardeners",
        S.N,
    ),
    (
        r"civil servants|public servants|public-sector workers|firefighters|fire-?fighters"
        r"|prison (?:officers|guards|staff)|customs officers|border guards|court (?:workers|staff)"
        r"|municipal workers|council workers|council staff|government (?:workers|employees)"
        r"|state employees|public (?:employees|workers)|police officers|tax (?:officials|workers)"
        r"|court clerks",
        S.O,
    ),
    (
        r"teachers|lecturers|academics|professors|educators|teaching assistants|tutors"
        r"|school staff|university staff|kindergarten teachers|researchers|head ?teachers"
        r"|teaching staff|academic staff|instructors|support staff|nursery (?:workers|staff)"
        r"|childcare workers|early years workers|education workers|university workers|adjuncts"
        r"|postdocs|graduate workers",
        S.P,
    ),
    (
        r"nurses|doctors|midwives|paramedics|medics|physicians|surgeons|carers|care-?givers"
        r"|care workers|junior doctors|pharmacists|radiographers|health(?:care)? workers"
        r"|hospital (?:workers|staff)|ambulance (?:workers|crews|staff)|orderlies|social workers"
        r"|dentists|anaesthetists|anesthetists|health staff|medical staff|clinicians"
        r"|consultants|GPs|general practitioners|nursing staff|ambulance drivers|lab workers"
        r"|therapists|physiotherapists|psychologists|nursing assistants|healthcare assistants"
        r"|home care workers|community health workers",
        S.Q,
    ),
    (
        r"actors|musicians|dancers|screenwriters|writers guild members|performers|film crews"
        r"|voice actors|orchestra musicians|museum staff|library workers|librarians",
        S.R,
    ),
    (r"hairdressers|domestic workers|housemaids|nannies|maids", S.S),
    (r"scientists|architects|surveyors|lab technicians|consulting engineers", S.M),
    (
        r"labourers|laborers|day labou?rers|contract workers|temps|agency workers"
        r"|gig workers|mechanics|technicians|engineers|apprentices|trainees|clerks|clerical (?:workers|staff)"
        r"|pickers|crews|associates|casuals|casual workers|interns",
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
            r"|швейник|стекольщик|стеклодув|кузнец|химик|нефтепереработчик|мебельщик|обувщик|пекар"
            r"|упаковщик|сборщик|кожевник|литейщик"
        )
        + r"|заводчан(?:е|ами|ам|ах)?\b|швеи|швей\b|швеям|ткачих\w*|швея\b",
        S.C,
    ),
    (_ru(r"энергетик|электрик|электромонт[её]р|газовщик|теплоэнергетик"), S.D),
    (_ru(r"мусорщик|дворник|коммунальщик|сантехник|водоканальщик"), S.E),
    (
        _ru(
            r"строител|монтажник|каменщик|бетонщик|отделочник|крановщик|арматурщик|штукатур"
            r"|плотник|столяр|маляр|кровельщик|дорожник|плиточник|мостостроител|метростроевц"
        ),
        S.F,
    ),
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
            r"|матрос|штурман|авиатехник|логист|почтовик|маршрутчик|кладовщик|комплектовщик"
            r"|обходчик|путеец|путейц|троллейбусник"
        )
        + r"|вагоновожат"
        + _RU_ADJ,
        S.H,
    ),
    (_ru(r"повар|официант|бармен|посудомойщиц") + r"|горничн" + _RU_ADJ, S.I),
    (_ru(r"журналист|корреспондент|программист|айтишник|телевизионщик"), S.J),
    (_ru(r"уборщик|уборщиц|охранник|вахт[её]р|клинер|садовник|садовниц"), S.N),
    (
        _ru(r"спасател|пожарник|таможенник|пограничник|бюджетник")
        + r"|госслужащ"
        + _RU_ADJ
        + r"|пожарны(?:е|х|м|ми)\b(?!\s+(?:машин|част|расч|автомоб))",
        S.O,
    ),
    (
        _ru(
            r"учител|учительниц|педагог|преподавател|воспитател|воспитательниц|вожат|доцент"
            r"|лаборант|методист"
        )
        + r"|научн\w+ сотрудник\w*",
        S.P,
    ),
    (
        _ru(r"врач|медик|медсестр|медбрат|медбрать|медработник|фельдшер|санитар|санитарк|акушер")
        + r"|медсест[её]р\b|санитарок\b|медперсонал\w*|фармацевт\w*|провизор\w*"
        + r"|медицинск\w+ работник\w*|соцработник\w*|сиделк\w*|стоматолог\w*|анестезиолог\w*",
        S.Q,
    ),
    (_ru(r"акт[её]р|артист|музыкант|библиотекар|хорист|балерин"), S.R),
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
        _uk(
            r"механізатор|тваринник|тракторист|комбайнер|доярк|пастух|сільгосппрацівник|лісоруб|рибалк"
        )
        + r"|аграрії|аграріїв|доярок",
        S.A,
    ),
    (
        _uk(r"шахтар|гірник|нафтовик|газовик|бурильник|прохідник|вибійник|збагачувальник")
        + r"|гірничорятувальник\w*",
        S.B,
    ),
    (
        _uk(
            r"металург|сталевар|ливарник|токар|слюсар|зварник|зварювальник|фрезерувальник"
            r"|верстатник|машинобудівник|суднобудівник|ткач|заводчан|склодув|коваль|хімік|пекар"
            r"|пакувальник|складальник|меблевик|кравц"
        )
        + r"|швачк\w*|швачок",
        S.C,
    ),
    (_uk(r"енергетик|електрик|електромонтер"), S.D),
    (_uk(r"двірник|комунальник|сміттяр|сантехнік|водоканальник"), S.E),
    (
        _uk(
            r"будівельник|монтажник|муляр|бетоняр|кранівник|арматурник|штукатур|скляр|тесляр"
            r"|столяр|маляр|покрівельник|дорожник|плиточник|метробудівц"
        ),
        S.F,
    ),
    (r"продав(?:ець|ця|цю|цем|ці|ців|цям|цями|цях)\b|продавчин\w*|" + _uk(r"касир"), S.G),
    (
        r"вод(?:ій|ія|ію|ієві|ієм|ії|іїв|іям|іями|іях)\b|"
        + _uk(
            r"машиніст|залізничник|докер|портовик|далекобійник|авіадиспетчер|диспетчер|пілот"
            r"|льотчик|кур['’]єр|таксист|провідник|вантажник|кондуктор|моряк|бортпровідник"
            r"|листонош|експедитор|стюардес|матрос|штурман|авіатехнік|логіст|поштовик"
            r"|маршрутник|трамвайник|тролейбусник|комірник|комплектувальник|колійник"
        )
        + r"|вагоновожат"
        + _UK_ADJ,
        S.H,
    ),
    (_uk(r"кухар|офіціант|бармен|покоївк|посудомийниц") + r"|покоївок", S.I),
    (_uk(r"журналіст|кореспондент|програміст|айтівц"), S.J),
    (
        _uk(r"прибиральник|прибиральниц|охоронник|вахтер") + r"|охорон(?:ець|ця|ці|ців|цям|цями)\b",
        S.N,
    ),
    (_uk(r"рятувальник|пожежник|митник|прикордонник|бюджетник") + r"|держслужбовц\w*", S.O),
    (
        _uk(r"вчител|учител|вчительк|учительк|педагог|викладач|вихователь|виховател|вихователк")
        + r"|вчительок|"
        + _uk(r"доцент|лаборант|методист")
        + r"|науков\w+ співробітник\w*",
        S.P,
    ),
    (
        _uk(r"лікар|медик|медсестр|медбрат|медпрацівник|фельдшер|санітар|санітарк|акушер|фармацевт")
        + r"|медсест[е]р\b|санітарок\b|медперсонал\w*|медичн\w+ працівник\w*|соцпрацівник\w*"
        + r"|доглядальниц\w*|стоматолог\w*|анестезіолог\w*",
        S.Q,
    ),
    (_uk(r"актор|артист|музикант|бібліотекар|хорист|балерин"), S.R),
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

# Adjective stems that give generic Cyrillic workers their sector ("портовые рабочие",
# "залізничні працівники", "строительные рабочие"): the Russian and Ukrainian EN_MODIFIERS.
CYR_MODIFIER_STEMS: list[tuple[str, Sector]] = [
    (r"портов|железнодорож|залізнич|транспортн|складск|складськ|логистическ|логістичн", S.H),
    (r"строительн|будівельн|монтажн", S.F),
    (
        r"шахтн|шахтерск|шахтарськ|угольн|вугільн|горнодобыва|гірничодобувн|рудн|нефтян|нафтов|газов",
        S.B,
    ),
    (
        r"металлургическ|металургійн|заводск|заводськ|машиностроительн|машинобудівн|швейн|текстильн",
        S.C,
    ),
    (r"медицинск|медичн|больничн|лікарнян", S.Q),
    (r"школьн|шкільн|педагогическ|педагогічн", S.P),
    (r"коммунальн|комунальн", S.E),
    (r"торгов|торговельн", S.G),
    (r"сельскохозяйственн|сільськогосподарськ|аграрн", S.A),
    (r"энергетическ|енергетичн", S.D),
]

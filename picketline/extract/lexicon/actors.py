# ruff: noqa: E501  -- regex tables: breaking a pattern mid-alternative hurts more than a long line
"""Who struggles and against whom: worker nouns, workplaces, employers, unions.

Each worker noun carries the ISIC section it implies (``None`` for generic
words like "workers", which take their sector from a modifier, the workplace
or the employer instead). English compounds ("bin workers", "town workers")
are a modifier table in front of a generic noun.
"""

from __future__ import annotations

from picketline.domain.vocab import Sector
from picketline.extract.lexicon.workers import WORKER_NOUNS

S = Sector
__all__ = ["WORKER_NOUNS"]

EN_MODIFIERS: dict[str, Sector] = {
    **dict.fromkeys(
        [
            "coal",
            "mine",
            "mining",
            "platinum",
            "gold",
            "diamond",
            "quarry",
            "colliery",
            "oil",
            "gas",
        ],
        S.B,
    ),
    **dict.fromkeys(
        [
            "factory",
            "plant",
            "auto",
            "car",
            "steel",
            "garment",
            "textile",
            "assembly",
            "manufacturing",
            "cement",
            "brewery",
            "meat",
            "packing",
            "shipyard",
            "refinery",
            "metal",
            "chemical",
        ],
        S.C,
    ),
    **dict.fromkeys(["bin", "refuse", "waste", "sanitation", "recycling", "water"], S.E),
    **dict.fromkeys(["construction", "building"], S.F),
    **dict.fromkeys(
        [
            "rail",
            "railway",
            "transport",
            "bus",
            "port",
            "dock",
            "airport",
            "airline",
            "metro",
            "subway",
            "tram",
            "transit",
            "postal",
            "delivery",
            "logistics",
            "warehouse",
            "taxi",
            "freight",
        ],
        S.H,
    ),
    **dict.fromkeys(["retail", "shop", "supermarket", "store"], S.G),
    **dict.fromkeys(["hotel", "restaurant", "catering", "fast-food"], S.I),
    **dict.fromkeys(["telecom", "telecommunications", "media"], S.J),
    **dict.fromkeys(["bank", "banking"], S.K),
    **dict.fromkeys(["security", "cleaning"], S.N),
    **dict.fromkeys(
        [
            "town",
            "council",
            "municipal",
            "city",
            "government",
            "public-sector",
            "civil",
            "state",
            "county",
        ],
        S.O,
    ),
    **dict.fromkeys(["school", "university", "education", "college"], S.P),
    **dict.fromkeys(
        ["health", "hospital", "care", "healthcare", "medical", "clinic", "ambulance", "nursing"],
        S.Q,
    ),
    **dict.fromkeys(["farm", "plantation", "agricultural", "forestry", "fishing"], S.A),
    **dict.fromkeys(["power", "electricity", "energy", "utility"], S.D),
}

# Workplace nouns and the sector a workplace of that kind implies.
WORKPLACE_NOUNS: dict[str, list[tuple[str, Sector | None]]] = {
    "en": [
        (r"mines?|collier(?:y|ies)|shafts?|quarr(?:y|ies)|pits?", S.B),
        (
            r"plants?|factor(?:y|ies)|mills?|smelters?|refiner(?:y|ies)|works|shipyards?|breweries|brewery"
            r"|foundr(?:y|ies)|assembly lines?",
            S.C,
        ),
        (r"hospitals?|clinics?|(?:medical|health) cent(?:re|er)s?", S.Q),
        (r"schools?|universit(?:y|ies)|colleges?", S.P),
        (
            r"depots?|ports?|terminals?|warehouses?|airports?|docks?|distribution cent(?:re|er)s?",
            S.H,
        ),
        (r"supermarkets?|hypermarkets?|stores?|shops?|malls?", S.G),
        (r"hotels?|restaurants?", S.I),
        (r"facilit(?:y|ies)|sites?|offices?|centres?|centers?", None),
    ],
    "ru": [
        (r"шахт(?:а|ы|е|у|ой|ою)\b|шахтоуправлени\w*|рудник\w*|разрез\w*|карьер\w*", S.B),
        (r"ЖК|жил\w+ комплекс\w*", S.F),
        (
            r"гипермаркет\w*|супермаркет\w*|магазин\w*|торгов\w+ (?:центр|комплекс)\w*|ТЦ|ТРЦ|рын(?:ок|ка|ке|ку)\b",
            S.G,
        ),
        (r"гимнази\w*|лице(?:й|я|ю|е|ем)\b|детск\w+ сад\w*", S.P),
        (
            r"автобаз\w*|автопарк\w*|автоколонн\w*|элеватор\w*|(?:автобусн|троллейбусн|трамвайн)\w* (?:парк|депо)\w*",
            S.H,
        ),
        (r"ферм(?:а|ы|е|у|ой)\b|агрофирм\w*|теплиц\w*", S.A),
        (r"(?:под)?станци(?:я|и|ю|ей)\b|филиал\w*|отделени\w*", None),
        (r"завод\w*|фабрик\w*|комбинат\w*|верф\w*|цех\w*", S.C),
        (r"больниц\w*|поликлиник\w*|госпитал\w*", S.Q),
        (r"школ\w*|университет\w*|колледж\w*", S.P),
        (r"депо|аэропорт\w*|порт(?:у|а|е|ом)?\b|склад\w*", S.H),
        (r"космодром\w*|стройк\w*", S.F),
        (r"ТЭЦ|ГРЭС|АЭС|электростанци\w*", S.D),
    ],
    "uk": [
        (r"шахт(?:а|и|і|у|ою)\b|шахтоуправлінн\w*|рудник\w*|розріз\w*|кар['’]єр\w*", S.B),
        (r"ЖК|житлов\w+ комплекс\w*", S.F),
        (
            r"гіпермаркет\w*|супермаркет\w*|магазин\w*|торгов\w+ центр\w*|ТЦ|ТРЦ|рин(?:ок|ку|ку)\b",
            S.G,
        ),
        (r"гімназі\w*|ліце(?:й|ю|ї|єм)\b|дитяч\w+ садк\w*|садоч?к\w*", S.P),
        (
            r"автобаз\w*|автопарк\w*|елеватор\w*|(?:автобусн|тролейбусн|трамвайн)\w* (?:парк|депо)\w*",
            S.H,
        ),
        (r"ферм(?:а|и|і|у|ою)\b|агрофірм\w*|теплиц\w*", S.A),
        (r"(?:під)?станці(?:я|ї|ю|єю)\b|філі(?:я|ї|ю|єю)\b|відділенн\w*", None),
        (r"завод\w*|фабрик\w*|комбінат\w*|верф\w*|цех\w*", S.C),
        (r"лікарн\w*|поліклінік\w*|госпітал\w*", S.Q),
        (r"школ\w*|університет\w*|коледж\w*", S.P),
        (r"депо|аеропорт\w*|порт(?:у|і|ом)?\b|склад\w*", S.H),
        (r"космодром\w*|будівництв\w*", S.F),
        (r"ТЕЦ|ТЕС|АЕС|електростанці\w*", S.D),
    ],
}

# What a named English workplace makes or holds ("Loa Alto copper mine").
EN_WORKPLACE_KINDS = (
    r"copper|coal|gold|platinum|iron ore|iron|diamond|nickel|zinc|lithium|uranium|potash|salt"
    r"|steel|paper|pulp|cement|auto|car|textile|garment|bottling|assembly|distribution|fulfil?ment"
    r"|sorting|bus|rail|tram|container|power|chemical|oil|gas|meat|poultry|processing"
)

# Words in employer names that imply a sector ("... Construction Company").
EMPLOYER_SECTOR_WORDS: list[tuple[str, Sector]] = [
    # refining is manufacturing, before the oil words below
    (r"refinery|refining|\w*нефтеперераб\w*|\w*нафтоперероб\w*", S.C),
    (r"construction|building|строит\w*|будівельн\w*|стро[йі]\w*", S.F),
    (
        r"mining|coal|platinum|gold|mines|minerals|drilling|oil|oilfield|petroleum|уголь|вугілля"
        r"|\w+уголь|\w+вугілля|шахт\w*|рудник\w*|руд\w*|\w*нефт\w*|\w*нафт\w*|\w*ойл\b"
        r"|\w*бурсервис\w*|бурени\w*|буріння",
        S.B,
    ),
    (r"waste|refuse|recycling|sanitation|water|environmental|отход\w*|водоканал\w*", S.E),
    (
        r"energy|power|utilities|electric\w*|энерго\w*|\w+энерго|енерго\w*|\w+енерго|тепло\w*"
        r"|\w+тепло\w*",
        S.D,
    ),
    (
        r"motors|steel|manufactur\w*|packing|foods|metallurg\w*|завод\w*|металлург\w*|apparels?"
        r"|garments|textiles?|knitwear|fashions?|pharmaceuticals?|metals|chemicals|plastics"
        r"|packaging|beverages|breweries|dairies|bakeries|mills|paper|automotive|electronics"
        r"|components|комбинат\w*|комбінат\w*|фабрик\w*",
        S.C,
    ),
    (
        r"rail\w*|airlines?|airways|transport\w*|logistics|bus|buses|coaches|transit|aviation"
        r"|terminals|stevedoring|shipping|port|ports|транспорт\w*|залізниц\w*|железн\w+ дорог\w*"
        r"|автобус\w*|тролейбус\w*|троллейбус\w*|трамва\w*|метрополит\w*|метрополіт\w*|\w*залізниц\w*"
        r"|терминал\w*|термінал\w*|контейнерн\w*|порт|порту|морськ\w+ порт\w*|морск\w+ порт\w*"
        r"|перевоз\w*|перевіз\w*|такси|таксі|доставк\w*|причал\w*|пристан\w*|стивидор\w*",
        S.H,
    ),
    (r"hospitality|hotels?|resorts|catering|restaurants?", S.I),
    (r"telecoms?|communications", S.J),
    (r"cleaning|security", S.N),
    (
        r"health|healthcare|hospitals?|clinic|NHS|foundation trust|медицин\w*|лікарн\w*|больниц\w*",
        S.Q,
    ),
    (r"school|university|education", S.P),
    (r"farms|estates|plantations|агро\w*", S.A),
    (
        r"town|city|council|municipality|county|borough|district|администраци\w*|адміністраці\w*"
        r"|мэри\w*|мері\w*",
        S.O,
    ),
]

# Company-form words: a capitalised name ending in one of these is an employer.
EN_COMPANY_SUFFIX = (
    r"Co\.|Company|Corp\.?|Corporation|Inc\.?|Incorporated|Ltd\.?|Limited|plc|PLC|LLC|Group"
    r"|Services|Holdings|Industries|Mining|Resources|Motors|Airlines|Airways|Railways"
    r"|Enterprises|Systems|Foods|Steel|Platinum|Manufacturing|Logistics|Contractors"
    r"|GmbH|AG|S\.A\.|SA|SpA|S\.p\.A\.|N\.V\.|NV|B\.V\.|BV|Pty(?: Ltd\.?)?|LLP|Ltda\.?|SAS|SARL|Oy"
    r"|A/S|ASA|KG|PJSC|JSC|OJSC|Bhd|Tbk|Municipal Corporation"
)
# Words that end a company's name only after another capitalised word ("Transnet Port
# Terminals", "Meridian Apparels", "Riverside NHS Foundation Trust"): alone, each is a
# common noun at a sentence's start.
EN_COMPANY_HEADS = (
    r"Apparels?|Garments|Textiles|Knitwear|Fashions?|Terminals|Stevedoring|Shipping|Hospitality"
    r"|Hotels|Resorts|Environmental|Energy|Power|Utilities|Telecoms?|Communications"
    r"|Pharmaceuticals?|Pharma|Healthcare|Construction|Engineering|Technologies|Solutions|Brands"
    r"|Stores|Supermarkets|Metals|Chemicals|Plastics|Packaging|Beverages|Breweries|Dairies|Farms"
    r"|Estates|Plantations|Transport|Transit|Buses|Coaches|Aviation|Aerospace|Automotive"
    r"|Electronics|Components|Cleaning|Catering|Bakeries|Mills|Minerals|Paper|Rail|Trust"
    r"|Health Board|Health Authority"
)
CYR_COMPANY_FORMS = (
    r"ГП|ДП|ООО|ОАО|ЗАО|ПАО|НАО|ЧАО|АО|ТОВ|ТзОВ|ПАТ|ПрАТ|АТ|КНП|КП|ГУП|МУП|ФГУП|ЧП|ПП|ТОО|ГБУЗ|ГАУЗ"
    r"|ГБУ|ГАУ|ГКУ|МБУ|МАУ|МКУ|ФГБУ|ОГБУЗ|КГБУЗ|ГБОУ|МБОУ|ИП|ФОП|ОДО|ЧУП|УП|КУ|КЗ|ДУ|ТДВ|МП"
    r"|госпредприяти\w*|держпідприємств\w*|государственн\w+ предприяти\w*"
    r"|державн\w+ підприємств\w*|компани\w+|компані\w+|концерн\w*|холдинг\w*|корпораци\w+"
    r"|корпораці\w+|предприяти\w*|підприємств\w*|фирм\w*|фірм\w*|объединени\w*|об['’]єднанн\w*"
)

# Union names: well-known acronyms and short names (no regex metacharacters).
KNOWN_UNIONS = [
    "NUM",
    "NUMSA",
    "AMCU",
    "COSATU",
    "Cosatu",
    "SADTU",
    "Sadtu",
    "NEHAWU",
    "Nehawu",
    "POPCRU",
    "Popcru",
    "SAMWU",
    "Samwu",
    "SATAWU",
    "Satawu",
    "SACCAWU",
    "Saccawu",
    "UASA",
    "Uasa",
    "UTATU",
    "Utatu",
    "FEDUSA",
    "Fedusa",
    "NAPTOSA",
    "Denosa",
    "DENOSA",
    "CUPE",
    "GMB",
    "UNISON",
    "Unison",
    "Unite",
    "RMT",
    "ASLEF",
    "Aslef",
    "UCU",
    "NEU",
    "RCN",
    "BMA",
    "CWU",
    "PCS",
    "TSSA",
    "Usdaw",
    "USDAW",
    "UAW",
    "SEIU",
    "AFSCME",
    "AFL-CIO",
    "Teamsters",
    "United Steelworkers",
    "United Auto Workers",
    "Educational Institute of Scotland",
    "Росуглепроф",
    "Роспрофжел",
    "Новопроф",
    "IAM",
    "USW",
    "UFCW",
    "CWA",
    "AFT",
    "NEA",
    "Unifor",
    "UNIFOR",
    "CGT",
    "CFDT",
    "Solidarity",
    "Solidariteit",
    "ver.di",
    "Verdi",
    "IG",
    "Metall",
    "КТР",
    "ФНПР",
    "НПГ",
    "ФПУ",
    "КВПУ",
    "НПГУ",
    "ВПЗ",
    "UNITE HERE",
    "Unite Here",
    "SAG-AFTRA",
    "NNU",
    "NYSNA",
    "ILWU",
    "ILA",
    "IBEW",
    "APWU",
    "NALC",
    "ALPA",
    "WGA",
    "UFT",
    "OPSEU",
    "PSAC",
    "CUPW",
    "CFMEU",
    "ACTU",
    "AMWU",
    "NASUWT",
    "EIS",
    "SIPTU",
    "CITU",
    "AITUC",
    "INTUC",
    "KCTU",
    "ZCTU",
    "SAFTU",
    "NUPSAW",
    "HOSPERSA",
    "KNUT",
    "KUPPET",
    "KMPDU",
    "TUC",
    "CGIL",
    "CISL",
    "CCOO",
    "FNV",
    "EVG",
    "GDL",
    "IG Metall",
    "МПРА",
    "ПМГУ",
    "БКДП",
]

# A capitalised word of a union's name; a comma may follow where a list of trades goes on
# to its "and" ("National Education, Health and Allied Workers' Union").
_EN_NAME_WORD = r"[A-Z][\w'’.&-]*(?:,(?=\s+(?:[A-Z][\w'’.&-]*\s+){0,3}and\s+[A-Z]))?"
EN_UNION_PATTERN = (
    r"(?:Sindicato|Syndicat|Sindicatos|Unión|União|Federación|Confederación|Confederação"
    r"|Central Unitaria|Confédération|Fédération)"
    r"(?:\s+(?:[A-Z][\w'’.&-]*|de|del|dos|das|des|du|la|y|e|et)){1,7}"
    # "United Food and Commercial Workers", "United Electrical Workers"
    r"|United(?:\s+(?:[A-Z][\w'’.&-]*|and|&)){1,4}?\s+Workers(?![\w'’])"
    r"(?:\s+of(?:\s+(?!Local\s+\d)[A-Z][\w'’.&-]*){1,3})?(?:\s+Local\s+\d+\w*)?"
    rf"|(?:{_EN_NAME_WORD}\s+(?:(?:and|of|for|&)\s+(?=[A-Z]))?){{0,6}}(?:Trades?\s+)?(?:Unions?\s+Congress"
    r"|Labou?r\s+Congress|College\s+of\s+(?:Nursing|Midwives)|Union|Federation"
    r"|Confederation|Association|Alliance|Guild|Brotherhood|Sangh|Sangha|Gewerkschaft|Sendikası"
    r"|(?<=[a-z] )Workers(?=\s+(?:of|for)\s+[A-Z])|Steelworkers"
    r"|(?:Workers|Nurses|Teachers|Educators|Employees|Doctors|Pilots)\s+United)s?"
    r"(?:\s+(?:of|for)(?:,?\s+(?:(?!Local\s+\d)[A-Z][\w'’.&-]*|of|and(?=\s+[A-Z][\w'’.&-]*\s+[A-Z]))){1,6})?"
    r"(?:\s+Local\s+\d+\w*)?"
)
# Bodies named like unions that organise no workers: states and blocs, parties, students,
# employers and traders, sport, civil liberties ("Russian Federation", "Students' Union",
# "Road Haulage Association", "Democratic Alliance", "Football Association").
EN_NOT_LABOUR = (
    r"\b(?:Russian|Swiss|European|Europea|Europeia|Européenne|African|Soviet|Customs|Monetary|Economic|Credit|Student|Students"
    r"|Democratic|Liberal|Conservative|Republican|Progressive|Party|Civil\s+Liberties|Rifle"
    r"|Employers|Employers'|Business|Businesses|Industry|Industries|Manufacturers|Chamber"
    r"|Commerce|Haulage|Freight|Retail|Retailers|Bankers|Banking|Insurance|Landlords|Property"
    r"|Homeowners|Residents|Tenants|Parents|Taxpayers|Consumers|Motorists|Automobile|Hoteliers"
    r"|Restaurant|Football|Rugby|Cricket|Olympic|Athletics|Tennis|Golf|Bar"
    r"|Chiefs|Traders|Farmers)\b|\bStudents['’]"
)
# ... unless the name says whom it organises ("Retail Workers' Union", "Bar Staff Union").
EN_LABOUR_WORDS = (
    r"\b(?:Workers|Employees|Staff|Labou?r|Unions|Trades?\s+Unions?|Teachers|Nurses|Miners"
    r"|Mineworkers|Drivers|Pilots|Doctors|Engineers|Officers|Clerks|Artisans|Professionals)\b"
)
CYR_UNION_HEAD = (
    r"профсоюз(?:а|у|ом|е|ы|ов|ам|ами|ах)?\b|профспілк(?:а|и|і|у|ою|ам|ами|ах)?\b|профспілок\b"
    r"|професійн\w+ спіл(?:ка|ки|ці|ку|кою|ок|кам|ками)\b|профессиональн\w+ союз\w*"
    r"|профком(?:а|у|ом|е|ы|и|ов)?\b|конфедераци\w+ труда|конфедераці\w+ праці"
)
# Other workers' organisations, named in quotes: рух «...», движение «...» (not a civic
# "ініціатива «...»", which monitors and reports more often than it leads).
CYR_MOVEMENT_HEAD = r"(?:рух|руху|движени[еяю]|об['’]єднанн[яі]|объединени[еяю])"

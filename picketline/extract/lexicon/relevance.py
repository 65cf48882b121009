# ruff: noqa: E501  -- regex tables: breaking a pattern mid-alternative hurts more than a long line
"""Words that tell a workers' struggle from other news that uses the same verbs.

Union words count as worker words (a union striking is workers striking).
The "other actors" list is who else protests in the news — residents,
students, prisoners, parties — whose actions are not workers' struggles.
"""

from __future__ import annotations

UNION_WORDS: dict[str, str] = {
    "en": r"(?<!European )(?<!African )(?<!Soviet )\b(?:unions?(?! Buildings| Square| Station| Jack)"
    r"|unionis\w+|unioniz\w+|trade-?unionists?|shop stewards?|union members"
    r"|labou?r movement)\b",
    "ru": r"\b(?:профсоюз\w*|профком\w*|профорг\w*)",
    "uk": r"\b(?:профспілк\w*|профком\w*|профспілков\w*)",
}

# A workforce named without a trade ("the workforce", "коллектив", "бригада").
WORKFORCE_WORDS: dict[str, str] = {
    "en": r"\b(?:workforce|co-?workers|colleagues|(?:night|day|morning) shifts?|crews|members)\b",
    "ru": r"\b(?:коллектив\w*|бригад[аыуео]\w*|смен[аы]\b)",
    "uk": r"\b(?:колектив\w*|бригад[аиуо]\w*|змін[аи]\b)",
}

# Phrases only workers are the subject of: they name the workers themselves.
WORKERS_ACTING: dict[str, str] = {
    "en": r"\b(?:(?:went|go|going|gone|goes|are|were|is|was|remains?|remained|been|stay(?:ed)?)"
    r" (?:out )?on (?:an? )?(?:\w+ )?strike|walked off the job|downed tools|walked out|striking"
    r" (?:staff|crews?)|picket lines?)\b",
    "ru": r"\b(?:бастующ\w*|бастуют|бастовали|объявили (?:\w+ )?забастовку|вышли на (?:\w+ )?забастовку"
    r"|стачечн\w+ комитет\w*|стачком\w*)",
    "uk": r"\b(?:страйкують|страйкували|страйкар\w*|оголосили (?:\w+ )?страйк|вийшли на (?:\w+ )?страйк"
    r"|страйков\w+ комітет\w*|страйкком\w*)",
}

OTHER_ACTORS: dict[str, str] = {
    "en": r"\b(?:residents|students|pupils|learners|prisoners|inmates|detainees|opposition"
    r"|supporters|fans|activists|villagers|community members|communities|motorists|commuters"
    r"|taxi (?:operators|owners|associations?)|farmers|parents|voters|party members|refugees"
    r"|asylum seekers|protesters against|football|soccer)\b",
    "ru": r"\b(?:жител\w*|студент\w*|школьник\w*|заключ[её]нн\w*|узник\w*|оппозици\w*"
    r"|сторонник\w*|болельщик\w*|активист\w*|фермер\w*|родител\w*|пенсионер\w*|дольщик\w*"
    r"|автомобилист\w*)",
    "uk": r"\b(?:мешканц\w*|жител\w*|студент\w*|школяр\w*|в['’]язн\w*|ув['’]язнен\w*"
    r"|опозиці\w*|прихильник\w*|вболівальник\w*|активіст\w*|фермер\w*|батьк\w*|пенсіонер\w*"
    r"|автомобіліст\w*)",
}

# Sentences that recall earlier events ("Нагадаємо", "Earlier") — background.
RECALL: dict[str, str] = {
    "en": r"^(?:earlier|previously|in the past|last year|in \d{4})\b|\b(?:years? ago|in \d{4},)",
    "ru": r"^(?:напомним|ранее|ранее уже|прежде|в прошлом году)\b|\bранее\b",
    "uk": r"^(?:нагадаємо|раніше|нагадуємо|минулого року)\b|\bраніше\b",
}

# Words for a labour dispute that is not itself an action ("pay dispute").
DISPUTE_WORDS: dict[str, str] = {
    "en": r"\b(?:disputes?|wage talks|pay talks|collective bargaining|wage negotiations)\b",
    "ru": r"\b(?:трудов\w+ спор\w*|трудов\w+ конфликт\w*|конфликт\w*)",
    "uk": r"\b(?:трудов\w+ спор\w*|трудов\w+ конфлікт\w*|конфлікт\w*)",
}

# Talk about the rules of striking, not a strike: bills, procedures, the right to strike.
STRIKE_RULES: dict[str, str] = {
    "en": r"\b(?:right to strike|strike (?:laws?|rules|legislation|thresholds?|ballot thresholds?)"
    r"|(?:bill|law|legislation|rules) (?:on|restricting|to restrict|governing) (?:the right to )?strik\w*"
    r"|minimum service levels?)\b",
    "ru": r"\b(?:законопроект\w*|закон\w* о|порядок|процедур\w*|прав\w* на|ограничени\w* права на)"
    r"\s+(?:\w+\s+){0,2}(?:забастов|стачк)\w*|\bзаконн\w+ забастовк\w*",
    "uk": r"\b(?:законопроєкт\w*|закон\w* про|порядок|процедур\w*|прав\w* на|обмеженн\w* права на)"
    r"\s+(?:\w+\s+){0,2}(?:страйк|забастов)\w*|\bзаконн\w+ страйк\w*",
}

# A workers' grievance about their pay: a rally by workers over it is their struggle.
GRIEVANCE_WORDS: dict[str, str] = {
    "en": r"\b(?:unpaid|arrears|back pay|wages?|salar(?:y|ies)|pay (?:rise|cut|freeze|increase)s?"
    r"|(?:have|had|has|were|was|being) not (?:been )?(?:paid|received (?:their |any )?(?:pay|wages|salar\w+)))\b",
    "ru": r"\b(?:зарплат\w*|заработн\w+ плат\w*|задолженност\w* по (?:зарплат|заработн)\w*|долг\w* по (?:зарплат|заработн)\w*"
    r"|невыплат\w*|оклад\w*)",
    "uk": r"\b(?:зарплат\w*|заробітн\w+ плат\w*|заборгованіст\w* (?:із|з|по) (?:зарплат|заробітн)\w*"
    r"|невиплат\w*|оклад\w*)",
}

# A union said to lead, call or back the action ("a rally led by the union").
UNION_LED: dict[str, str] = {
    "en": r"\b(?:led|organi[sz]ed|called|backed|supported|convened) by (?:the )?(?:[\w'’&,-]+ ){0,8}?"
    r"(?:unions?|workers)\b",
    "ru": r"\b(?:организова\w*|организатор\w*|поддержа\w*|при поддержке|созва\w*|инициатор\w*)\s+(?:\S+\s+){0,3}?профсоюз\w*"
    r"|\bпрофсоюз\w*\s+(?:\S+\s+){0,3}?(?:организова\w*|поддержа\w*)",
    "uk": r"\b(?:організува\w*|організатор\w*|підтрима\w*|за підтримки|ініціатор\w*)\s+(?:\S+\s+){0,3}?профспіл\w*"
    r"|\bпрофспіл\w*\s+(?:\S+\s+){0,3}?(?:організува\w*|підтрима\w*)",
}

# A later sentence that refers back to the action or its people ("the protesters", "учасники акції").
ACTION_REFERENCE: dict[str, str] = {
    "en": r"\b(?:protesters|marchers|demonstrators|strikers|(?:the|this|their) (?:protest|rally|march|action|demonstration|sit-in|strike))\b",
    "ru": r"\b(?:акци[юяиейю]\w*|участник\w*|митингующ\w*|протестующ\w*|бастующ\w*)",
    "uk": r"\b(?:акці[юяїйі]\w*|учасник\w*|мітингувальник\w*|протестувальник\w*|страйкар\w*)",
}

# A sentence that reports an event: a day it happened or a head count.
CONCRETE: dict[str, str] = {
    "en": r"\b(?:(?:on|since|from|last) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|(?:on|since|from) (?:\d{1,2} )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w* ?\d{0,2}\b"
    r"|(?:about|around|some|over|more than|nearly|almost|at least) \d[\d,]*|\d[\d,]* (?:of (?:the|their) )?(?:workers|employees|staff|members)"
    r"|(?:several |a few )?(?:hundreds|dozens|thousands|hundred|thousand) (?:of )?)",
    "ru": r"(?:\b(?:в|во|с|со|к) (?:понедельник|вторник|сред[уы]|четверг|пятниц[уы]|суббот[уы]|воскресень[ея])"
    r"|\b\d{1,2} (?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
    r"|\b(?:около|более|свыше|порядка|почти|примерно|не менее) (?:\d|\w+(?:сот|ста|десят|сти|тысяч))"
    r"|\b(?:сотн|десятк|тысяч)\w* (?:человек|работник|рабоч|сотрудник|горняк|шахт|водител|врач|медик|учител)|\b\d[\d ]* (?:человек|работник|рабоч|сотрудник))",
    "uk": r"(?:\b(?:у|в|з|із|до) (?:понеділ(?:ок|ка)|вівтор(?:ок|ка)|серед[уи]|четвер(?:га)?|п['’]ятниц[юі]|субот[уи]|неділ[юі])"
    r"|\b\d{1,2} (?:січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня)"
    r"|\b(?:близько|понад|більше|майже|приблизно|щонайменше) (?:\d|\w+(?:сот|ста|десят|сті|тисяч))"
    r"|\b(?:сотн|десятк|тисяч)\w* (?:людей|осіб|працівник|робітник|співробітник|гірник|шахтар|водії|водіїв|лікар|медик|вчител)|\b\d[\d ]* (?:осіб|людей|працівник|робітник))",
}

# A sentence that denies or calls rumour the action it names ("denied reports of a
# strike", "опроверг слухи о забастовке", "спростували чутки про страйк").
DENIAL: dict[str, str] = {
    "en": r"\b(?:den(?:y|ies|ied)|rumou?r\w*|untrue|fake news|no (?:strike|stoppage|protest)s? (?:was|were|has|had))\b",
    "ru": r"\b(?:опроверг\w*|слух\w*|не соответству\w* действительности|фейк\w*)",
    "uk": r"\b(?:спростува\w*|спростову\w*|чутк\w*|чутк[иа]\b|не відповіда\w* дійсності|фейк\w*)",
}

# Strikes spoken of in general, not one of them: statistics, alternatives, procedures
# ("days lost to strikes", "rather than walking out", "a legal strike is a lengthy
# procedure", "число забастовок", "замість страйку").
GENERIC: dict[str, str] = {
    "en": r"\b(?:days lost (?:to|through) (?:strikes|industrial action)|(?:number|wave|rate|levels?) of"
    r" (?:strikes|stoppages|walkouts)|strike (?:statistics|figures|rates?|activity)|rather than"
    r" (?:striking|walking out|taking industrial action|strikes?)|instead of (?:striking|walking out)"
    r"|(?:a|the) legal strike|legal strikes|notice (?:\w+ ){0,3}before (?:any )?industrial action"
    r"|ballot rules)\b",
    "ru": r"\b(?:(?:числ|количеств|волн)\w* (?:забастовок|стачек)|вместо (?:забастовк|стачк)\w*"
    r"|статистик\w* (?:забастовок|стачек))",
    "uk": r"\b(?:(?:кількіст|хвил|числ)\w* страйків|замість страйк\w*|статистик\w* страйків)",
}

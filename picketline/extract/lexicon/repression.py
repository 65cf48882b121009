# ruff: noqa: E501  -- regex tables: breaking a pattern mid-alternative hurts more than a long line
"""What authorities or employers did against a struggle, per language.

Patterns that would also match the opposite ("pledged not to prosecute" is
not a prosecution, "no arrests were made" is not an arrest) are listed first
or in ``NEGATED`` so the pledge wins at its position.
"""

from __future__ import annotations

from picketline.domain.vocab import RepressionType

R = RepressionType

REPRESSION_TERMS: dict[str, list[tuple[str, RepressionType]]] = {
    "en": [
        (
            r"\b(?:pledged|promised|vowed|agreed|undertook|undertaken|guaranteed|committed) not to"
            r" (?:prosecute|punish|press charges|take (?:legal |disciplinary )?action|victimi[sz]e)"
            r"|\bno (?:disciplinary |legal )?action (?:will|would) be taken\b|\bamnesty\b",
            R.NO_PROSECUTION_PLEDGE,
        ),
        (r"\btortur\w+", R.TORTURE),
        (
            r"\b(?:block\w*|interfer\w*|shut(?:ting)? down|cut(?:ting)? off|restrict\w*|jam\w*)"
            r"[^.]{0,40}\b(?:social media|internet|social networks?|mobile (?:network|phone)s?"
            r"|communications|messaging|telegram|whatsapp|websites?)\b|\bcensor\w+"
            r"|\b(?:website|channel|page|account|group chat)s?\b[^.]{0,60}\b(?:was|were|been|got) (?:\w+ )?"
            r"(?:blocked|shut down|taken down|banned)\b",
            R.CENSORSHIP,
        ),
        (
            r"\barrest\w*|\bdetain\w*|\bdetention\b|\b(?:taken|took|take) (?:\w+ ){0,3}into custody\b|\brounded up\b"
            r"|\b(?:hauled|dragged|carted|bundled) (?:\w+ ){0,3}(?:away|off|into (?:police )?(?:vans?|cars?|buses))\b"
            r"|\b(?:taken|brought|driven) to (?:a |the )?(?:local )?police (?:station|cells)\b",
            R.ARREST,
        ),
        (
            r"\b(?:charged with|criminal (?:case|charges|proceedings|investigation)|prosecut\w+"
            r"|indicted|face (?:charges|trial)|accused of|sued|lawsuits?|filed (?:a )?(?:suit|claim|complaint) against"
            r"|fined|sentenced|convicted|jailed|(?:suspended|prison|jail) sentences?|(?:prison|jail) terms?)\b",
            R.CHARGES,
        ),
        (
            r"\bnotices? of (?:dismissal|termination)\b|\b(?:dismissal|termination) (?:notices|letters)\b"
            r"|(?<!\bbe )\b(?:dismissed|sacked|sacking|laid off for|terminated)\b|\b(?:were|was|been|being|got|get)"
            r" fired\b|\bfired\b(?= (?:\d[\d,]*|all|the|them|striking|some|hundreds|dozens|more|over"
            r"|about|nearly|workers|employees|staff|two|three|four|five|six|seven|eight|nine|ten|several"
            r"|its|their|union)\b)(?! (?:the|some|more) (?:shots?|rounds|bullets|tear))",
            R.DISMISSAL,
        ),
        (
            r"\bruled (?:that )?(?:the )?(?:(?:strike|action|walkout|protest|stoppage) )?(?:(?:was|is) )?(?:illegal|unlawful|unprotected)\b"
            r"|\binjunctions?\b|\binterdicts?\b|\b(?:refused|denied) (?:\w+ ){0,2}(?:permission|a permit|permits|authori[sz]ation)\b|\bcourt order\w*|\bdeclared (?:the (?:strike|action)"
            r" )?(?:illegal|unlawful|unprotected)\b|\b(?:banned|outlawed|forbidding|prohibit\w*)\b"
            r"|\bban on (?:the )?(?:strike|protest|gathering|rall)",
            R.BAN,
        ),
        (
            r"\b(?:beat(?:en|ing)?|assault\w*|tear ?gas|rubber bullets|stun grenades|water cannons?"
            r"|batons?|shot (?:dead|at)|opened fire|fired (?:on|at)|clash\w*|injur\w+|wounded"
            r"|killed|broke up|broken up|(?:were|was) dispersed by|dispersed (?:the )?(?:[\w'’]+ ){0,2}(?:rally|protest|crowd|strikers|workers|protesters|demonstrat\w+|march|pickets?|picketers|sit-in)|pepper[- ]spray\w*|kettl\w+|charged (?:at|into) (?:the )?(?:crowd|protesters|strikers|workers))\b",
            R.VIOLENCE,
        ),
        (
            r"\b(?:threaten\w* (?:with |to )?(?:dismissal|arrest|prosecution|fire|sack|dismiss|dock|deduct|cut (?:their|the) (?:pay|wages))"
            r"|intimidat\w+)\b|\b(?:warn\w*|threat\w*)\b[^.]{0,100}\b(?:dismissal|disciplinary|sacked|sacking"
            r"|fired|arrest\w*|prosecut\w*|legal action|lose their jobs)\b"
            r"|\b(?:will|would) (?:be (?:dismissed|sacked|fired|disciplined)|face (?:dismissal|disciplinary|the sack))\b"
            r"|\b(?:promised|vowed|pledged|threatened) to (?:fire|sack|dismiss|punish|discipline)\b"
            r"|\bdisciplinary (?:hearings|proceedings|measures)\b|\bdeath threats?\b"
            r"|\b(?:would|will) (?:all )?be (?:permanently )?replaced\b"
            r"|\bthreat(?:s|ened)? (?:of|with) (?:violence|death|reprisals?|eviction)\b",
            R.THREAT,
        ),
        (
            r"\b(?:released|freed)\b(?: \S+){0,4} (?:from (?:custody|detention|jail|prison)|on bail)"
            r"|\b(?:were|was|been) (?:later |all |eventually )?(?:released|freed)\b"
            r"|\band (?:were |was )?(?:later |all )?(?:released|freed)\b",
            R.RELEASE,
        ),
    ],
    "ru": [
        (
            r"\b(?:обещал\w*|пообещал\w*|гарантировал\w*|обязал\w*) не (?:преследовать|наказывать"
            r"|привлекать|увольнять)",
            R.NO_PROSECUTION_PLEDGE,
        ),
        (
            r"\bпыт(?:к[аиуе]|ок|кам\w*)\b|\bпытали\b|\bпытал[аи]? (?:\w+ )?(?:задержанн|арестованн|рабоч|активист|шахт[её]р|горняк|профсоюз)\w*",
            R.TORTURE,
        ),
        (
            r"\b(?:блокир\w*|заблокир\w*|отключ\w*|выключ\w*|ограничи\w*|глуш\w*)[^.]{0,30}(?:соцсет|социальн\w+ сет"
            r"|интернет|связ|мессенджер|телеграм)\w*|\bцензур\w+"
            r"|\b(?:телеграм|канал|сайт|страниц|групп|аккаунт)\w*[^.]{0,80}\bзаблокирова\w*",
            R.CENSORSHIP,
        ),
        (
            r"\bзадержан\w*+(?!\s+(?:\w+\s+)?(?:зарплат|заработн|выплат|пенси|зп\b))|\bзадержал[аио]?\b(?!\s+(?:\w+\s+)?(?:зарплат|заработн|выплат|пенси))"
            r"|\bарестова\w*|\bарест\w*+(?!\s+(?:\w+\s+)?сч[её]т)|\bпод страж\w+"
            r"|\b(?:достав|увез|отвез|забра)(?:ли|ла|л|лен\w*|ен\w*|ил[аи]?|и)? (?:\w+ ){0,3}(?:в|во) (?:отдел\w*|отделени\w*|участ\w*|полици\w*|автозак\w*|ОВД|УВД|ОП)\b",
            R.ARREST,
        ),
        (
            r"\bуголовн\w+ дел\w*|\bобвинени\w+|\bпривлеч\w+ к ответственности|\bо?штраф\w*|\bосужд\w+|\bприговор\w*"
            r"|\bсостави\w* (?:\w+ )?протокол\w*|\bпротокол\w* об (?:административн|участи|нарушени)\w*"
            r"|\bсоставлен\w* (?:\w+ )?протокол\w*|\bпод следствием|\bобвиня\w*|\bиск\w* (?:к|против|о)\b"
            r"|\bпода\w* (?:\w+ )?в суд\b|\bсудебн\w+ иск\w*|\bвозбу(?:ди|жд)\w* (?:\w+ )?дел[оа]\b"
            r"|\bадминпротокол\w*|\bадминистративн\w+ дел[оа]\b",
            R.CHARGES,
        ),
        (r"\bуволил\w*|(?<!будут )(?<!будет )\bуволен\w*", R.DISMISSAL),
        (
            r"\bсуд\w* (?:признал|запретил)\w*|\bпризнал\w* (?:забастовку |акцию )?незаконн\w*"
            r"|\bзапрет\w*|\bзапрещ\w*|\bотказа\w* (?:\w+ ){0,3}в согласовании|\bне согласова\w*",
            R.BAN,
        ),
        (
            r"\bизбил\w*|\bизбиени\w*|\bприменил\w* (?:силу|слезоточив\w+|дубинк\w+)|\bранен\w*"
            r"|\bпогиб\w*|\bнасили\w*|\bразогнал\w*|\bразгон\w*|\bполучил\w* (?:\w+ )?травм\w*|\bтравмирован\w*"
            r"|\bприменил\w* (?:\w+ )?(?:газ|перцов\w+|электрошокер\w*|спецсредств\w*)|\bвытолкал\w*|\bвыволок\w*|\bскрутил\w*",
            R.VIOLENCE,
        ),
        (
            r"\b(?:угрож|пригроз|грози|предупреди|предупрежда|припугну)\w*[^.]{0,90}?\b(?:увол|арест|уголовн"
            r"|ответственност|наказан|дисциплинар|прогул|разобраться|кадров\w* решени|другую работу)\w*|\bпод угрозой (?:увольнени|арест|уголовн)\w*"
            r"|\bзапугива\w*|(?<!под )\bдавлени\w+|\bбуд(?:ут|ет) уволен\w*|\bуволят\b"
            r"|\b(?:пообеща|обеща)\w* (?:\w+ )?(?:уволить|наказать|оштрафовать|лишить премии)"
            r"|\bдисциплинарн\w+ (?:мер|взыскани|наказани)\w*|\bпредостережени\w*"
            r"|\bвызва\w* (?:\w+ )?(?:на беседу|на допрос|в полицию|в ФСБ|в прокуратуру|в центр «?Э)",
            R.THREAT,
        ),
        (r"\bосвобод\w*|\bотпустил\w*|\bвышли на свободу", R.RELEASE),
    ],
    "uk": [
        (
            r"\b(?:пообіцял\w*|обіцял\w*|гарантува\w*|зобов['’]язал\w*) не (?:переслідувати|карати"
            r"|притягувати|звільняти)",
            R.NO_PROSECUTION_PLEDGE,
        ),
        (r"\bкатуван\w*|\bтортур\w*|\bкатувал\w*", R.TORTURE),
        (
            r"\b(?:блоку\w*|заблоку\w*|відключ\w*|вимкн\w*|вимика\w*|обмежи\w*)[^.]{0,30}(?:соцмереж|соціальн\w+ мереж"
            r"|інтернет|зв['’]яз|месенджер|телеграм)\w*|\bцензур\w+"
            r"|\b(?:телеграм|канал|сайт|сторінк|груп|акаунт)\w*[^.]{0,80}\bзаблок\w*",
            R.CENSORSHIP,
        ),
        (
            r"\bзатриман\w*+(?!\s+(?:\w+\s+)?(?:зарплат|заробітн|виплат|пенсі))|\bзатрима(?:в|ла|ли|ло)\b(?!\s+(?:\w+\s+)?(?:зарплат|заробітн|виплат|пенсі))"
            r"|\bзаарешт(?:ова|ува|у)\w*|\bарешт\w*+(?!\s+(?:\w+\s+)?рахун)|\bпід варт\w+"
            r"|\b(?:достав|вивез|відвез|забра)(?:или|ли|ла|ло|лен\w*|ен\w*|ив|ила|в)? (?:\S+ ){0,3}(?:до|у|в) (?:відділ\w*|поліці\w*|райвідділ\w*|автозак\w*)",
            R.ARREST,
        ),
        (
            r"\bкримінальн\w+ справ\w*|\bобвинувач\w*|\bпритягн\w+ до відповідальності|\bо?штраф\w*|\bзасуд\w+|\bвирок\w*"
            r"|\bскла\w* (?:\w+ )?протокол\w*|\bпротокол\w* про (?:адміністративн|порушенн)\w*|\bзвинувач\w*"
            r"|\bпозов\w*|\bпода\w* (?:\w+ )?до суду\b|\bзвернул\w* до суду\b|\bкримінальн\w+ провадженн\w*"
            r"|\bадмінпротокол\w*|\bадміністративн\w+ справ\w*",
            R.CHARGES,
        ),
        (
            r"\bзвільни[вл]\w* (?:\S+ )?з-під варти|\bвідпусти[вл]\w*|\bвийшли на волю",
            R.RELEASE,
        ),
        (
            r"\bзвільни[вл]\w*|(?<!будуть )(?<!буде )\bзвільнен\w+ (?:за|після) (?:участ|страйк)\w*",
            R.DISMISSAL,
        ),
        (
            r"\bсуд\w* (?:визнав|заборонив)\w*|\bвизна(?:в|ла|ли|ло|ли)\w* (?:\w+ )?незаконн\w*"
            r"|\bзаборон\w*|\bвідмови\w* (?:\w+ ){0,3}(?:в|у) погодженн\w*",
            R.BAN,
        ),
        (
            r"\bпоби[вл]\w*|\bпобитт\w*|\bзастосува\w* (?:силу|сльозогінн\w+|кийк\w+)|\bпоранен\w*"
            r"|\bзагин\w*|\bнасильств\w*|\bрозігнал\w*|\bрозгін\w*|\bотрима\w* (?:\w+ )?травм\w*|\bтравмован\w*"
            r"|\bзастосува\w* (?:\w+ )?(?:газ|перцев\w+|електрошокер\w*|спецзасоб\w*)|\bвиштовха\w*|\bвиволок\w*|\bскрути\w*",
            R.VIOLENCE,
        ),
        (
            r"\b(?:погрож|погроз|пригроз|попереди|попереджа|застеріг)\w*[^.]{0,110}?\b(?:звільн|арешт|кримінальн"
            r"|відповідальн|покаран|дисциплінарн|прогул)\w*|\bпід загрозою (?:звільненн|арешт)\w*"
            r"|\bзалякува\w*|(?<!під )\bтиск\w*|\bбуд(?:уть|е) звільнен\w*|\bзвільнять\b"
            r"|\b(?:пообіця|обіця)\w* (?:\w+ )?(?:звільнити|покарати|оштрафувати|позбавити премі\w*)"
            r"|\bдисциплінарн\w+ (?:заход|стягнен|покаранн)\w*"
            r"|\b(?:винес|оголоси|отрима|вручи)\w* (?:\w+ ){0,3}застереженн\w*"
            r"|\bвикли?ка\w* (?:\w+ )?(?:на допит|на бесіду|до поліції|до СБУ|до прокуратури)",
            R.THREAT,
        ),
    ],
}

# A ban that was sought and refused ("the court rejected the company's bid to ban it").
BAN_REFUSED: dict[str, str] = {
    "en": r"\b(?:rejected|refused|threw out|dismissed (?:the|its|an?) (?:application|bid|request|case|claim))\b",
    "ru": r"\b(?:отклонил\w*|отказал\w* (?:в|во) (?:удовлетворении|иске)|пыта\w* (?:\w+ ){0,3}запрет)",
    "uk": r"\b(?:відхили\w*|відмови\w* (?:в|у) (?:задоволенні|позові)|намага\w* (?:\w+ ){0,3}заборон)",
}

# Negations that cancel a repression mention in the same clause.
NEGATED: dict[str, str] = {
    "en": r"\bno (?:one|arrests?|injur\w+|charges)\b|\bnobody\b|\bwithout (?:arrests?|incident)\b"
    r"|\bnot (?:been )?(?:arrested|detained|charged|dismissed|fired)\b",
    "ru": r"\bникого не\b|\bне (?:был\w* )?(?:задерж|арестов|уволен|пострада)\w*|\bбез задержани",
    "uk": r"\bнікого не\b|\bне (?:бул\w* )?(?:затрим|заарешт|звільн|постражда)\w*",
}

# Who the action is against: management being detained is not repression of workers.
MANAGEMENT: dict[str, str] = {
    "en": r"\b(?:director|manager|chief executive|CEO|owner|boss|executive|chairman|official"
    r"|mayor|minister|governor|suspects?|robbers?|thieves)\b",
    "ru": r"\b(?:директор\w*|руководител\w*|начальник\w*|владел\w*|собственник\w*|чиновник\w*"
    r"|глав\w+ (?:компании|предприятия))",
    "uk": r"\b(?:директор\w*|керівник\w*|начальник\w*|власник\w*|посадов\w*)",
}

# Agents of violence: without one in the sentence a death is not repression.
FORCES: dict[str, str] = {
    "en": r"\b(?:police|policemen|security|guards|troops|soldiers|army|officers|riot|authorities|thugs"
    r"|bouncers|militia|gendarmes|gendarmerie|carabineros|national guard|paramilitar\w*|tear ?gas"
    r"|rubber bullets|stun grenades|water cannons?|batons?)\b",
    "ru": r"\b(?:полици\w*|полицейск\w*|милици\w*|силовик\w*|охран\w*|ОМОН\w*|росгвард\w*|военн\w*"
    r"|власт\w*|спецназ\w*|карабинер\w*|жандарм\w*|слезоточив\w*|резиновы\w+ пул\w*|дубинк\w*)",
    "uk": r"\b(?:поліці\w*|поліцейськ\w*|міліці\w*|силовик\w*|охорон\w*|військов\w*|влад\w*|тітушк\w*"
    r"|спецпризначен\w*|карабінер\w*|жандарм\w*|сльозогінн\w*|гумов\w+ кул\w*|кийк\w*)",
}

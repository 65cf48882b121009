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
            r"|communications|messaging|telegram|whatsapp|websites?)\b|\bcensor\w+",
            R.CENSORSHIP,
        ),
        (r"\barrest\w*|\bdetain\w*|\bdetention\b|\btaken into custody\b|\brounded up\b", R.ARREST),
        (
            r"\b(?:charged with|criminal (?:case|charges|proceedings|investigation)|prosecut\w+"
            r"|indicted|face (?:charges|trial))\b",
            R.CHARGES,
        ),
        (
            r"\b(?:dismissed|sacked|sacking|laid off for|terminated)\b|\b(?:were|was|been|being|got|get)"
            r" fired\b|\bfired\b(?= (?:\d[\d,]*|all|the|them|striking|some|hundreds|dozens|more|over"
            r"|about|nearly|workers|employees|staff)\b)(?! (?:the|some|more) (?:shots?|rounds|bullets|tear))",
            R.DISMISSAL,
        ),
        (
            r"\binjunctions?\b|\binterdicts?\b|\bcourt order\w*|\bdeclared (?:the (?:strike|action)"
            r" )?(?:illegal|unlawful|unprotected)\b|\b(?:banned|outlawed|forbidding|prohibit\w*)\b"
            r"|\bban on (?:the )?(?:strike|protest|gathering|rall)",
            R.BAN,
        ),
        (
            r"\b(?:beat(?:en|ing)?|assault\w*|tear ?gas|rubber bullets|stun grenades|water cannons?"
            r"|batons?|shot (?:dead|at)|opened fire|fired (?:on|at)|clash\w*|injur\w+|wounded"
            r"|killed)\b",
            R.VIOLENCE,
        ),
        (
            r"\b(?:threaten\w* (?:with |to )?(?:dismissal|arrest|prosecution|fire|sack|dismiss)"
            r"|intimidat\w+)\b",
            R.THREAT,
        ),
        (
            r"\b(?:released|freed)\b(?: \S+){0,4} (?:from (?:custody|detention|jail|prison)|on bail)"
            r"|\b(?:were|was|been) (?:released|freed)\b",
            R.RELEASE,
        ),
    ],
    "ru": [
        (
            r"\b(?:обещал\w*|пообещал\w*|гарантировал\w*|обязал\w*) не (?:преследовать|наказывать"
            r"|привлекать|увольнять)",
            R.NO_PROSECUTION_PLEDGE,
        ),
        (r"\bпыт\w+\b|\bпытал\w*", R.TORTURE),
        (
            r"\b(?:блокир\w*|заблокир\w*|отключ\w*|ограничи\w*)[^.]{0,30}(?:соцсет|социальн\w+ сет"
            r"|интернет|связ|мессенджер|телеграм)\w*|\bцензур\w+",
            R.CENSORSHIP,
        ),
        (r"\bзадержан\w*|\bзадержал\w*|\bарестова\w*|\bарест\w*|\bпод страж\w+", R.ARREST),
        (r"\bуголовн\w+ дел\w*|\bобвинени\w+|\bпривлеч\w+ к ответственности|\bштраф\w*", R.CHARGES),
        (r"\bуволил\w*|\bуволен\w*|\bуволят\b", R.DISMISSAL),
        (
            r"\bсуд\w* (?:признал|запретил)\w*|\bпризнал\w* (?:забастовку |акцию )?незаконн\w*"
            r"|\bзапрет\w*|\bзапрещ\w*",
            R.BAN,
        ),
        (
            r"\bизбил\w*|\bизбиени\w*|\bприменил\w* (?:силу|слезоточив\w+|дубинк\w+)|\bранен\w*"
            r"|\bпогиб\w*|\bнасили\w*",
            R.VIOLENCE,
        ),
        (r"\bугрожа\w+ (?:увольнени|арест|уголовн)\w*|\bзапугива\w*|\bдавлени\w+", R.THREAT),
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
            r"\b(?:блоку\w*|заблоку\w*|відключ\w*|обмежи\w*)[^.]{0,30}(?:соцмереж|соціальн\w+ мереж"
            r"|інтернет|зв['’]яз|месенджер|телеграм)\w*|\bцензур\w+",
            R.CENSORSHIP,
        ),
        (r"\bзатриман\w*|\bзатримал\w*|\bзаарештова\w*|\bарешт\w*|\bпід варт\w+", R.ARREST),
        (
            r"\bкримінальн\w+ справ\w*|\bобвинувач\w*|\bпритягн\w+ до відповідальності|\bштраф\w*",
            R.CHARGES,
        ),
        (r"\bзвільнил\w*|\bзвільнен\w+ (?:за|після) (?:участ|страйк)\w*", R.DISMISSAL),
        (
            r"\bсуд\w* (?:визнав|заборонив)\w*|\bвизнал\w* (?:страйк |акцію )?незаконн\w*"
            r"|\bзаборон\w*",
            R.BAN,
        ),
        (
            r"\bпобил\w*|\bпобитт\w*|\bзастосува\w* (?:силу|сльозогінн\w+|кийк\w+)|\bпоранен\w*"
            r"|\bзагин\w*|\bнасильств\w*",
            R.VIOLENCE,
        ),
        (r"\bпогрожу\w+ (?:звільненн|арешт|кримінальн)\w*|\bзалякува\w*|\bтиск\w*", R.THREAT),
        (r"\bвідпустил\w*|\bвийшли на волю|\bзвільнили з-під варти", R.RELEASE),
    ],
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
    "en": r"\b(?:police|security|guards|troops|soldiers|army|officers|riot|authorities|thugs"
    r"|bouncers|militia)\b",
    "ru": r"\b(?:полици\w*|силовик\w*|охран\w*|ОМОН\w*|росгвард\w*|военн\w*|власт\w*)",
    "uk": r"\b(?:поліці\w*|силовик\w*|охорон\w*|військов\w*|влад\w*|тітушк\w*)",
}

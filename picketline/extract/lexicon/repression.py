# ruff: noqa: E501  -- regex tables: breaking a pattern mid-alternative hurts more than a long line
"""What authorities or employers did against a struggle, per language.

Patterns that would also match the opposite ("pledged not to prosecute" is
not a prosecution, "no arrests were made" is not an arrest) are listed first
or in ``NEGATED`` so the pledge wins at its position.
"""

from __future__ import annotations

import re

from picketline.domain.vocab import RepressionType

R = RepressionType

REPRESSION_TERMS: dict[str, list[tuple[str, RepressionType]]] = {
    "en": [
        (
            r"\b(?:pledged|promised|vowed|agreed|undertook|undertaken|guaranteed|committed) not to"
            r" (?:prosecute|punish|press charges|take (?:legal |disciplinary )?action|victimi[sz]e)"
            r"|\bno (?:disciplinary |legal )?action (?:will|would) be taken\b|\bamnesty\b"
            r"|\b(?:would|will|should) not (?:be )?(?:prosecut\w*|punish\w*|press charges|victimi[sz]\w*|disciplin\w*)",
            R.NO_PROSECUTION_PLEDGE,
        ),
        (r"\btortur\w+", R.TORTURE),
        (
            r"\b(?:block\w*|interfer\w*|shut(?:ting)? down|cut(?:ting)? off|restrict\w*|jam\w*)"
            r"[^.]{0,40}\b(?:social media|internet|social networks?|mobile (?:network|phone)s?"
            r"|communications|messaging|telegram|whatsapp|viber|signal|facebook|group chats?|chat groups?|websites?)\b|\bcensor\w+"
            r"|\b(?:internet|mobile (?:internet|network|connection|phone|service)s?|social media|communications|telegram|whatsapp|viber|signal|facebook)\b"
            r"[^.]{0,40}\b(?:was|were|been|got|remained) (?:\w+ )?(?:blocked|cut off|shut down|switched off|restricted|disabled|jammed|throttled)\b"
            r"|\baccess to (?:\w+ ){0,4}(?:was|has been|had been) (?:\w+ )?(?:restricted|blocked|cut)\b"
            r"|\b(?:website|channel|page|account|group chat|chat|group)s?\b[^.]{0,120}\b(?:was|were|been|got) (?:\w+ )?"
            r"(?:blocked|shut down|taken down|banned)\b",
            R.CENSORSHIP,
        ),
        (
            r"\barrest\w*|\bdetain\w*|\bdetention\b|\b(?:taken|took|take) (?:\w+ ){0,3}into custody\b|\brounded up\b"
            r"|\b(?:hauled|dragged|carted|bundled) (?:\w+ ){0,3}(?:away|off|into (?:police )?(?:vans?|cars?|buses))\b"
            r"|\b(?:taken|brought|driven) to (?:a |the )?(?:local )?police (?:station|cells)\b"
            r"|\b(?:held|kept) (?:\w+ ){0,2}(?:in (?:police )?custody|in detention|overnight|in (?:police )?cells|by (?:the )?police)\b|\bin (?:police )?custody\b",
            R.ARREST,
        ),
        (
            r"\b(?:charged (?:[\w'’-]+ ){0,4}?with|criminal (?:case|charges|proceedings|investigation)|prosecut(?:e|ed|es|ing|ion|ions)\b"
            r"|indicted|face (?:charges|trial)|accused of|sued|lawsuits?|filed (?:an? )?(?:suits?|claims?|complaints?|cases?|charges|FIRs?) against"
            r"|fined|sentenced|convicted|jailed|imprisoned|(?:suspended|prison|jail) sentences?|(?:prison|jail) terms?"
            r"|booked (?:under|for)|(?:police |criminal )?cases? (?:was |were |has been |have been )?(?:registered|filed|opened) against"
            r"|face (?:prosecution|criminal)|summon(?:s|ed) to (?:court|appear)"
            r"|named in (?:a |the )?(?:criminal |police )?(?:case|complaint|charge ?sheet|FIR)"
            r"|(?:due|set|to appear|will appear|appeared|ordered to appear) (?:\w+ )?(?:in |before (?:a |the )?)(?:court|magistrates?|judge))\b",
            R.CHARGES,
        ),
        (
            r"\bnotices? of (?:dismissal|termination)\b|\b(?:dismissal|termination) (?:notices|letters)\b"
            r"|\bdeactivat\w+ (?:the )?(?:accounts?|riders|drivers|couriers|workers)\b|\blaid off\b(?=[^.]{0,40}\b(?:in retaliation|for (?:striking|taking part|joining|their (?:role|part|participation))|after (?:the|a|their) (?:strike|walkout|protest|stoppage)))|(?<!\bbe )\b(?:dismissed|sacked|sacking|terminated)\b(?! (?:the|a|an|its) (?:contract|agreement|deal|case|application|claim|appeal|suit|lawsuit|bid))|\b(?:were|was|been|being|got|get)"
            r" fired\b|\bfired\b(?= (?:\d[\d,]*|all|the|them|striking|some|hundreds|dozens|more|over"
            r"|about|nearly|workers|employees|staff|two|three|four|five|six|seven|eight|nine|ten|several"
            r"|its|their|union)\b)(?! (?:the|some|more) (?:shots?|rounds|bullets|tear))",
            R.DISMISSAL,
        ),
        (
            r"\bruled (?:that )?(?:the )?(?:(?:strike|action|walkout|protest|stoppage) )?(?:(?:was|is) )?(?:illegal|unlawful|unprotected)\b"
            r"|\binjunctions?\b|\binterdicts?\b|\b(?:refused|denied) (?:\w+ ){0,2}(?:permission|a permit|permits|authori[sz]ation)\b|\bcourt order\w*|\bdeclared (?:the (?:strike|action)"
            r" )?(?:illegal|unlawful|unprotected)\b|\b(?:banned|outlawed|forbidding|prohibit\w*)\b"
            r"|\bban on (?:the )?(?:strike|protest|gathering|rall)"
            r"|\bban(?:s|ning)? (?:the |all |any |further |their )?(?:strikes?|industrial action|protests?|rall(?:y|ies)|march(?:es)?|pickets?|picketing|demonstrations?|gatherings?)\b",
            R.BAN,
        ),
        (
            r"\b(?:beat(?:en|ing)?|assault\w*|tear ?gas|rubber bullets|stun grenades|water cannons?"
            r"|batons?|shot (?:dead|at)|opened fire|fired (?:on|at)|clash\w*|injur\w+|wounded|wounding|killing"
            r"|killed|broke up|broken up|(?:were|was) dispersed by|dispersed (?:the )?(?:[\w'’]+ ){0,2}(?:rally|protest|crowd|strikers|workers|protesters|demonstrat\w+|march|pickets?|picketers|sit-in)|pepper[- ]spray\w*|kettl\w+|forcibly (?:removed|evicted|dispersed|dragged)|manhandl\w+|roughed up|stormed|storming|hospitali[sz]ed|(?:were|was) hurt|charged (?:at|into) (?:the )?(?:crowd|protesters|strikers|workers))\b",
            R.VIOLENCE,
        ),
        (
            r"\b(?:threaten\w* (?:with |to )?(?:dismissal|arrest|prosecution|fire|sack|dismiss|dock|deduct|cut (?:their|the) (?:pay|wages))"
            r"|intimidat\w+)\b|\b(?:warn\w*|threat\w*)\b[^.]{0,130}\b(?:dismissal|disciplinary|sacked|sacking"
            r"|fired|arrest\w*|prosecut\w*|legal action|lose their jobs|liable|liability)\b"
            r"|\b(?:will|would|could|may|might) (?:be (?:dismissed|sacked|fired|disciplined|held liable|held responsible)|face (?:dismissal|disciplinary|the sack|prosecution))\b"
            r"|\b(?:could|would|will|may|might) lose (?:their|your|his|her) jobs?\b"
            r"|\b(?:will|would|could) be\b[^.]{0,30}\b(?:dismissed|sacked|fired|laid off|deactivated|disciplined)\b"
            r"|\bthreat\w* to (?:close|shut) (?:down )?(?:the )?(?:plant|factory|mine|site|depot)\b|\b(?:would|will) be deactivated\b"
            r"|\b(?:promised|vowed|pledged|threatened) to (?:fire|sack|dismiss|punish|discipline)\b"
            r"|\bdisciplinary (?:hearings|proceedings|measures)\b|\bdeath threats?\b"
            r"|\b(?:would|will) (?:all )?be (?:permanently )?replaced\b"
            r"|\bthreat(?:s|ened)? (?:of|with) (?:violence|death|reprisals?|eviction)\b"
            r"|\b(?:pay|wages|salar\w+) (?:would|will|could) be (?:docked|deducted|stopped|withheld)\b"
            r"|\b(?:pressured|pressuring|coerced|coercing|harass(?:ed|ing)) (?:\w+ ){0,3}(?:workers|strikers|staff|employees|them|members|organi[sz]ers|activists)\b"
            r"|\b(?:warned|told) (?:\w+ ){0,3}(?:strike|action|walkout|protest) (?:was|is|would be) (?:illegal|unlawful)\b",
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
            r"|привлекать|увольнять)|\bне (?:будут|будет|станут|станет) (?:\w+ )?(?:преследовать|наказывать|привлекать|увольнять)",
            R.NO_PROSECUTION_PLEDGE,
        ),
        (
            r"\bпыт(?:к[аиуе]|ок|кам\w*)\b|\bпытали\b|\bпытал[аи]? (?:\w+ )?(?:задержанн|арестованн|рабоч|активист|шахт[её]р|горняк|профсоюз)\w*",
            R.TORTURE,
        ),
        (
            r"\b(?:блокир\w*|заблокир\w*|отключ\w*|выключ\w*|ограничи\w*|глуш\w*|удал\w*)[^.]{0,30}(?:соцсет|социальн\w+ сет"
            r"|интернет|связ|мессенджер|телеграм|telegram|чат|viber|вайбер|whatsapp|ватсап|facebook|фейсбук|вконтакте|канал|сайт)\w*|\bцензур\w+"
            r"|\b(?:телеграм|канал|сайт|страниц|групп|аккаунт)\w*[^.]{0,160}\bзаблокирова\w*"
            r"|\b(?:интернет|мобильн\w+ (?:связ|интернет)|связь|соцсет|мессенджер)\w*[^.]{0,40}\b(?:был\w* )?(?:отключ|заблокир|ограничен|пропал)\w*"
            r"|\bдоступ\w* (?:\S+ ){0,3}(?:был\w* )?(?:ограничен|закрыт|заблокирован)\w*|\bперестал\w* открываться\b",
            R.CENSORSHIP,
        ),
        (
            r"\bзадержан\w*+(?!\s+(?:\w+\s+)?(?:зарплат|заработн|выплат|пенси|зп\b))|\bзадержал[аио]?\b(?!\s+(?:\w+\s+)?(?:зарплат|заработн|выплат|пенси))"
            r"|\bарестова\w*|\bарест\w*+(?!\s+(?:\w+\s+)?(?:сч[её]т|имуществ|средств|актив|на (?:имуществ|сч[её]т|средств|актив)))|\bпод страж\w+"
            r"|\b(?:помест|водвор)\w* (?:\w+ ){0,2}(?:в )?(?:изолятор|спецприемник|ИВС|СИЗО|камер)\w*"
            r"|\b(?:достав|увез|отвез|забра)(?:ли|ла|л|лен\w*|ен\w*|ил[аи]?|и)? (?:\w+ ){0,3}(?:в|во) (?:\w+ )?(?:отдел\w*|отделени\w*|участ\w*|полици\w*|автозак\w*|ОВД|РОВД|РУВД|УВД|ОП|ОМВД|изолятор\w*|спецприемник\w*)\b",
            R.ARREST,
        ),
        (
            r"\bуголовн\w+ дел\w*|\bобвинени\w+|\bпривле(?:ч|к)\w* к (?:\w+ )?ответственности|\bо?штраф\w*|\bосужд\w+|\bприговор\w*"
            r"|\bсостави\w* (?:\w+ )?протокол\w*|\bпротокол\w* об (?:административн|участи|нарушени)\w*"
            r"|\bсоставлен\w* (?:\w+ )?протокол\w*|\bпод следствием|\bобвиня\w*|\bиск\w* (?:к|против|о)\b"
            r"|\bпода\w* (?:\w+ )?в суд\b|\bсудебн\w+ иск\w*|\bвозбу(?:ди|жд)\w* (?:\w+ )?дел[оа]\b"
            r"|\bадминпротокол\w*|\bадминистративн\w+ дел[оа]\b",
            R.CHARGES,
        ),
        (
            r"\bуволил(?!ся|ась|ись|ось)\w*|(?<!будут )(?<!будет )\bуволен\w*|\bуволено\b"
            r"|\b(?:приказ\w*|уведомлени\w*) (?:об|о) (?:их )?увольнени\w*"
            r"|\b(?:заблокир|блокир|отключ|деактивир)\w* (?:\w+ ){0,2}(?:аккаунт|учетн\w+ запис|профил)\w*(?= (?:\w+ ){0,2}(?:курьер|водител|участник|бастующ|работник|исполнител|партн[её]р))"
            r"|\b(?:начал\w*|стал\w*|продолжа\w*) увольнять\b|\bувольня(?:ют|ли|ет|ла)\b"
            r"|\bрасторг\w* (?:\w+ ){0,2}(?:трудов\w+ )?(?:договор|контракт)\w*",
            R.DISMISSAL,
        ),
        (
            r"\bсуд\w* (?:\w+ ){0,4}?(?:признал|запретил)\w*|\bпризнал\w* (?:\w+ ){0,2}незаконн\w*|\bпризнан\w* (?:\w+ )?незаконн\w*"
            r"|\bзапрет\w*|\bзапрещ\w*|\bотказа\w* (?:\w+ ){0,3}в согласовании|\bне согласова\w*",
            R.BAN,
        ),
        (
            r"\bизбил\w*|\bизбиени\w*|\bприменил\w* (?:силу|слезоточив\w+|дубинк\w+)|\bранен\w*"
            r"|\bпогиб\w*|\bнасили\w*|\bразогнал\w*|\bразгон\w*|\bполучил\w* (?:\w+ )?травм\w*|\bтравмирован\w*"
            r"|\bприменил\w* (?:\w+ )?(?:газ|перцов\w+|электрошокер\w*|спецсредств\w*)|\bвытолкал\w*|\bвыволок\w*|\bскрутил\w*"
            r"|\b(?:силой|силою|силком) (?:\w+ )?(?:вытесн|выдвор|вывел|вывод|вынес|увел|утащ|затащ)\w*|\b(?:вытесн|выдвор|вывел|вынес|увел|утащ|затащ)\w* (?:\w+ ){0,3}силой\b"
            r"|\bизбит\w*|\bпобои\b|\bпобил[аи]?\b|\bпобит\w*|\bгоспитализирова\w*|\bштурм\w*|\bпострадал\w*|\bудари(?:л|ли|ла)\b|\bизбива\w*|\bпинал\w*",
            R.VIOLENCE,
        ),
        (
            r"\b(?:угрож|пригроз|грози|предупреди|предупрежда|припугну)\w*[^.]{0,90}?\b(?:увол|арест|уголовн"
            r"|ответственност|наказан|дисциплинар|прогул|разобраться|кадров\w* решени|другую работу)\w*|\bпод угрозой (?:увольнени|арест|уголовн)\w*"
            r"|\bзапуг\w*|(?<!под )\bдавлени\w+ (?:на|со стороны)\b|\b(?:оказыва|оказа)\w* (?:\w+ )?давлени\w*|\bбуд(?:ут|ет) уволен\w*|\bуволят\b"
            r"|\b(?:пообеща|обеща)\w* (?:\w+ )?(?:уволить|наказать|оштрафовать|лишить премии)"
            r"|\bдисциплинарн\w+ (?:мер|взыскани|наказани)\w*|\bпредостережени\w*"
            r"|\bпредупре\w* (?:\w+ ){0,3}о (?:незаконност|недопустимост|ответственност)\w*"
            r"|\b(?:угрож|пригроз|грози)\w*[^.]{0,40}?\b(?:закрыть (?:предприяти|завод|шахт|цех)|набрать новых|замен\w*|лишени\w* преми|перевод\w* на (?:нижеоплачиваем|другую))\w*"
            r"|\bдеактивир\w*ют\b|\bзаблокируют\b"
            r"|\bвызва\w* (?:\w+ )?(?:на беседу|на допрос|в полицию|в ФСБ|в прокуратуру|в центр «?Э)",
            R.THREAT,
        ),
        (
            r"\bосвобод\w*+(?<!освобождени)(?! от\b)(?! (?:\w+ )?(?:помещени|здани|территори))|\bотпустил\w*|\bвышли на свободу|\bвыпустил\w* (?:\w+ ){0,2}(?:из|на)\b",
            R.RELEASE,
        ),
    ],
    "uk": [
        (
            r"\b(?:пообіцял\w*|обіцял\w*|гарантува\w*|зобов['’]язал\w*) не (?:переслідувати|карати"
            r"|притягувати|звільняти)|\bне (?:будуть|буде|стануть|стане) (?:\w+ )?(?:переслідувати|карати|притягувати|звільняти)"
            r"|\bне (?:переслідуватим|каратим|звільнятим)\w*",
            R.NO_PROSECUTION_PLEDGE,
        ),
        (r"\bкатуван\w*|\bтортур\w*|\bкатувал\w*", R.TORTURE),
        (
            r"\b(?:блоку\w*|заблоку\w*|відключ\w*|вимкн\w*|вимика\w*|обмежи\w*|видали\w*)[^.]{0,30}(?:соцмереж|соціальн\w+ мереж"
            r"|інтернет|зв['’]яз|месенджер|телеграм|telegram|чат|viber|вайбер|whatsapp|facebook|фейсбук|канал|сайт)\w*|\bцензур\w+"
            r"|\b(?:телеграм|канал|сайт|сторінк|груп|акаунт)\w*[^.]{0,160}\bзаблок\w*"
            r"|\b(?:інтернет|мобільн\w+ (?:зв['’]яз|інтернет)|зв['’]яз|соцмереж|месенджер)\w*[^.]{0,40}\b(?:бул\w* )?(?:відключ|заблок|обмежен|вимкн|зник)\w*"
            r"|\bдоступ\w* (?:\S+ ){0,3}(?:бул\w* )?(?:обмежен|закрит|заблокован)\w*|\bперестав\w* відкриватися\b",
            R.CENSORSHIP,
        ),
        (
            r"\bзатриман\w*+(?!\s+(?:\w+\s+)?(?:зарплат|заробітн|виплат|пенсі))|\bзатрима(?:в|ла|ли|ло)\b(?!\s+(?:\w+\s+)?(?:зарплат|заробітн|виплат|пенсі))"
            r"|\bзаарешт(?:ова|ува|у)\w*|\bарешт\w*+(?!\s+(?:\w+\s+)?(?:рахун|майн|кошт|актив|на (?:майн|рахун|кошт|актив)))|\bпід варт\w+"
            r"|\b(?:достав|вивез|відвез|забра)(?:или|ли|ла|ло|лен\w*|ен\w*|ив|ила|в)? (?:\S+ ){0,3}(?:до|у|в) (?:\w+ )?(?:відділ\w*|поліці\w*|райвідділ\w*|автозак\w*|ізолятор\w*)",
            R.ARREST,
        ),
        (
            r"\bкримінальн\w+ справ\w*|\bобвинувач\w*|\bпритяг\w* до (?:\w+ )?відповідальност\w*|\bо?штраф\w*|\bзасуд\w+|\bвирок\w*"
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
            r"\bзвільни(?:в|ла|ли|ло)\b|\bзвільнено\b|\b(?:наказ\w*|повідомленн\w*) про (?:їх )?звільненн\w*"
            r"|\b(?:заблоку|блоку|відключ|деактиву)\w* (?:\w+ ){0,2}(?:акаунт|обліков\w+ запис|профіл)\w*(?= (?:\w+ ){0,2}(?:кур['’]єр|воді|учасник|страйкар|працівник|виконав|партнер))|(?<!будуть )(?<!буде )\bзвільнен\w+ (?:за|після) (?:участ|страйк)\w*"
            r"|\b(?:почал\w*|стал\w*|продовжу\w*) звільняти\b|\bзвільняю(?:ть)?\b|\bзвільняли\b"
            r"|\bрозірва\w* (?:\w+ ){0,2}(?:трудов\w+ )?(?:договор|контракт)\w*",
            R.DISMISSAL,
        ),
        (
            r"\bсуд\w* (?:\w+ ){0,4}?(?:визнав|заборонив)\w*|\bвизна(?:в|ла|ли|ло)\w* (?:\w+ ){0,2}незаконн\w*|\bвизнан\w* (?:\w+ )?незаконн\w*"
            r"|\bзаборон\w*|\bвідмови\w* (?:\w+ ){0,3}(?:в|у) погодженн\w*",
            R.BAN,
        ),
        (
            r"\bпоби[вл]\w*|\bпобитт\w*|\bзастосува\w* (?:силу|сльозогінн\w+|кийк\w+)|\bпоранен\w*"
            r"|\bзагин\w*|\bнасильств\w*|\bрозігнал\w*|\bрозгін\w*|\bотрима\w* (?:\w+ )?травм\w*|\bтравмован\w*"
            r"|\bзастосува\w* (?:\w+ )?(?:газ|перцев\w+|електрошокер\w*|спецзасоб\w*)|\bвиштовха\w*|\bвиволок\w*|\bскрути\w*"
            r"|\b(?:силою|силоміць|силой) (?:\w+ )?(?:витісн|видвор|вивел|вивод|винес|затяг|відтягн)\w*|\b(?:витісн|видвор|вивел|винес|затяг|відтягн)\w* (?:\w+ ){0,3}(?:силою|силоміць)\b"
            r"|\bпобит\w*|\bгоспіталізова\w*|\bштурм\w*|\bпостраждал\w*|\bвдари(?:в|ли|ла)\b|\bбили\b",
            R.VIOLENCE,
        ),
        (
            r"\b(?:погрож|погроз|пригроз|попереди|попереджа|застеріг)\w*[^.]{0,110}?\b(?:звільн|арешт|кримінальн"
            r"|відповідальн|покаран|дисциплінарн|прогул)\w*|\bпід загрозою (?:звільненн|арешт)\w*"
            r"|\bзаляк\w*|(?<!під )\bтиск\w* (?:на|з боку)\b|\b(?:чин|чини|здійсню)\w* (?:\w+ )?тиск\w*|\bбуд(?:уть|е) звільнен\w*|\bзвільнять\b"
            r"|\b(?:пообіця|обіця)\w* (?:\w+ )?(?:звільнити|покарати|оштрафувати|позбавити премі\w*)"
            r"|\bдисциплінарн\w+ (?:заход|стягнен|покаранн)\w*"
            r"|\bпопере\w* (?:\w+ ){0,3}про (?:незаконн|неприпустим|відповідальн)\w*"
            r"|\b(?:погрож|погроз|пригроз)\w*[^.]{0,40}?\b(?:закрити (?:підприємств|завод|шахт|цех)|набрати нових|замін\w*|позбавленн\w* премі|переведенн\w* на нижч)\w*"
            r"|\bдеактиву\w*ть\b|\bзаблокують\b"
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
    r"|\bnot (?:been )?(?:arrested|detained|charged|dismissed|fired)\b"
    r"|\bden(?:y|ied|ies|ying)\b(?! (?:\w+ )?(?:bail|permission|a permit|entry|access))|\brefuted\b"
    r"|\binstead of\b|\brather than\b",
    "ru": r"\bникого не\b|\bникто не\b|\bне (?:был\w* )?(?:задерж|арестов|увол|пострада)\w*|\bбез задержани"
    r"|\bопроверг\w*|\bотрица\w*|\bне подтверди\w*|\bвместо\b",
    "uk": r"\bнікого не\b|\bніхто не\b|\bне (?:бул\w* )?(?:затрим|заарешт|звільн|постражда)\w*"
    r"|\bспростува\w*|\bзапереч\w*|\bне підтверди\w*|\bзамість\b",
}

# Who the action is against: management being detained is not repression of workers.
MANAGEMENT: dict[str, str] = {
    "en": r"\b(?:directors?|managers?|chief executives?|CEO|owners?|boss(?:es)?|executives?|(?<!union )(?<!union's )chairman|(?<!union )officials?|supervisors?|foremen|foreman"
    r"|mayor|minister|governor|suspects?|robbers?|thieves|inmates|prisoners|looters|gunmen|criminals|attackers|hijackers)\b",
    "ru": r"\b(?:директор\w*|руководител\w*|начальник\w*|владел\w*|собственник\w*|чиновник\w*"
    r"|глав\w+ (?:компании|предприятия)|заключ[её]нн\w*|грабител\w*|мародер\w*|преступник\w*|нападавш\w*)",
    "uk": r"\b(?:директор\w*|керівник\w*|начальник\w*|власник\w*|посадов\w*|ув['’]язнен\w*|грабіжник\w*|мародер\w*|злочинц\w*|нападник\w*)",
}

# Agents of violence: without one in the sentence a death is not repression.
FORCES: dict[str, str] = {
    "en": r"\b(?:police|policemen|(?<!job )(?<!social )(?<!health and )(?<!food )security(?! of (?:tenure|employment|jobs))"
    r"|guards|troops|soldiers|army|officers|riot|authorities|thugs"
    r"|bouncers|militia|gendarmes|gendarmerie|carabineros|national guard|paramilitar\w*|tear ?gas"
    r"|rubber bullets|stun grenades|water cannons?|batons?|forcibly|by force)\b",
    "ru": r"\b(?:полици\w*|полицейск\w*|милици\w*|силовик\w*|охран\w*+(?!\s+труда)|ОМОН\w*|росгвард\w*|военн\w*"
    r"|власт\w*|спецназ\w*|карабинер\w*|жандарм\w*|слезоточив\w*|резиновы\w+ пул\w*|дубинк\w*|силой"
    r"|ЧОП\w*|чоповц\w*|охранник\w*|нацгвард\w*)",
    "uk": r"\b(?:поліці\w*|поліцейськ\w*|міліці\w*|силовик\w*|охорон\w*+(?!\s+праці)|військов\w*|влад\w*|тітушк\w*"
    r"|спецпризначен\w*|карабінер\w*|жандарм\w*|сльозогінн\w*|гумов\w+ кул\w*|кийк\w*|силою|силоміць"
    r"|ЧОП\w*|ЧСП|нацгвард\w*)",
}

# The action a ban must be of: "banned the strike", "запретил митинг", not "запрет на увольнения".
ACTION_NOUNS: dict[str, str] = {
    "en": r"\b(?:strikes?|walk-?outs?|stoppages?|protests?|rall(?:y|ies)|march(?:es)?|pickets?|picketing"
    r"|demonstrations?|gatherings?|sit-ins?|industrial action|(?:the|this|their) action|assembl(?:y|ies)|occupations?)\b",
    "ru": r"\b(?:забастовк|стачк|акци|митинг|пикет|шестви|протест|собрани|голодовк|демонстраци|марш)\w*",
    "uk": r"\b(?:страйк|акці|мітинг|пікет|протест|збор[иіа]|голодуванн|голодовк|демонстраці|марш|ход[аиуі]\b)\w*",
}

# The action's own people, named by their part in it: a sentence about them is about
# the struggle ("Пятерых зачинщиков уволили", "Organisers were fined").
PEOPLE: dict[str, str] = {
    "en": r"\b(?:organi[sz]ers?|ringleaders?|activists?|comrades|colleagues|(?:union|strike) leaders?|shop stewards?|picketers?"
    r"|pickets|detainees|those (?:detained|arrested)|the (?:detained|arrested)|strike committee)\b",
    "ru": r"\b(?:зачинщик|организатор|активист|лидер|председател|забастовщик|пикетчик|задержанн|арестованн|товарищ|коллег"
    r"|стачком|профорг)\w*",
    "uk": r"\b(?:зачинщик|організатор|активіст|лідер|голов[аиуі] (?:\w+ ){0,2}(?:організаці|осередк|профспілк|профком|страйком)|пікетувальник|товариш|колег"
    r"|затриман|заарештован|страйком|профорг)\w*",
}

# The workers spoken of as "they"/"we": as the subject of a lawsuit or a threat they are
# its authors, not its targets.
WORKER_PRONOUNS: dict[str, str] = {
    "en": r"\b(?:they|we)\b",
    "ru": r"\b(?:они|мы)\b",
    "uk": r"\b(?:вони|ми)\b",
}

# Charges that anyone can bring (a lawsuit, an accusation, a complaint): they are repression
# only when brought against the workers, not by them ("the union sued the company").
COMPLAINTS: dict[str, str] = {
    "en": r"\b(?:sue[sd]?|suing|lawsuits?|filed|accus\w+|complaint)\b",
    "ru": r"\b(?:иск\w*|обвин\w*|суд\w*|жалоб\w*)",
    "uk": r"\b(?:позов\w*|звинувач\w*|обвинувач\w*|суд\w*|скарг\w*)",
}

# A fine is a charge when a court or the police impose it, not a courier company's penalty.
OFFICIAL: dict[str, str] = {
    "en": r"\b(?:court|judge|magistrate|police|authorities|prosecut\w+|for (?:taking part|participating|organi[sz]ing|joining))\b",
    "ru": r"\b(?:суд\w*|административн\w*|КоАП|стать[еия]\w*|полици\w*|протокол\w*|за участие|за организаци\w*)",
    "uk": r"\b(?:суд\w*|адміністративн\w*|КУпАП|статт\w*|поліці\w*|протокол\w*|за участь|за організаці\w*)",
}

# Money or transport right beside "задержан": a delay, not a detention ("зарплата задержана").
DELAYED: dict[str, str] = {
    "en": r"\b(?:wages?|salar\w+|pay|payments?|flights?|trains?)\b",
    "ru": r"\b(?:зарплат|заработн|выплат|пенси|аванс|деньг|зп|средств|рейс|поезд|отпускн|стипенди|плат[её]ж|расч[её]т)\w*",
    "uk": r"\b(?:зарплат|заробітн|виплат|пенсі|аванс|грош|кошт|рейс|потяг|відпускн|стипенді|платіж|платеж|розрахун)\w*",
}

# An accident, not the police, killed or injured them.
ACCIDENT: dict[str, str] = {
    "en": r"\b(?:accidents?|explosions?|blasts?|rockfalls?|rock ?fall|collapsed?|fell|falls?|crash\w*|mishaps?|(?:a|the) fire|fire broke out|blaze)\b",
    "ru": r"\b(?:авари|взрыв|обвал|обрушени|несчастн\w+ случа|пожар|упал|выброс|пострадал\w* на производстве)\w*",
    "uk": r"\b(?:аварі|вибух|обвал|обрушенн|нещасн\w+ випад|пожеж|впав|викид)\w*",
}

# Words whose subject makes the threat ("Management threatened", "Профсоюз пригрозил"): a
# threat by the workers' side ("the union warned of further strikes") is none.
THREAT_VERBS: dict[str, str] = {
    "en": r"(?:threaten|warn|promis|vow|pledg|told|pressur|coerc|harass|intimidat)",
    "ru": r"(?:угрож|пригроз|грози|предупре|припугну|пообеща|обеща|запугива|давлени)",
    "uk": r"(?:погрож|погроз|пригроз|попере|застеріг|пообіця|обіця|залякува|тиск)",
}

# --- word classes the stage reads who does what to whom with ---------------------

# "трьох гірників, які спустилися під землю, звільнили": the count, its noun, a
# relative clause closed by a comma, then (after at most three words) the verb.
RELATIVE_GAP = re.compile(
    r"[^.;!?]*?,\s*(?:які|котрі|яких|котрих|которы\w*|кто|who|whom|that|which)\b[^.;!?]*,"
    r"(?:\s+[\w'’-]+){0,3}\s*",
    re.IGNORECASE,
)
# Employers and the state: their threats, bans and cut-offs are against the workforce
# even in a sentence that does not name the workers.
EMPLOYER = (
    r"management|company|employer|bosses|director\w*|owner|руководств\w*|администраци\w*|компани\w*"
    r"|работодател\w*|директор\w*|владел\w*|керівництв\w*|адміністраці\w*|компані\w*|роботодав\w*"
    r"|власник\w*"
)
STATE = (
    r"court|judge|police|prosecutor\w*|суд\w*|прокуратур\w*|полици\w*|мэри\w*|поліці\w*|міськрад\w*"
    r"|мері\w*"
)
PRONOUNS = re.compile(
    r"\b(?:them|they|their|all|those|их|они|им|всех|все|їх|вони|їм|всіх|усіх|всі|усі)\b",
    re.IGNORECASE,
)
# Pressure the workers put on those in power is no threat against them.
PRESSURE_ON_AUTHORITIES = re.compile(
    r"\w*(?:\s+\w+){0,2}?\s+(?:на|on)\s+(?:\w+\s+)?(?:власт|руководств|администрац|работодател|компани|министерств"
    r"|правительств|депутат|мэри|влад|керівництв|адміністрац|роботодав|міністерств|уряд|мері"
    r"|authorities|government|management|company|employer|ministry|politicians)",
    re.IGNORECASE,
)
REDUCED_EN = re.compile(
    r"\s*(?:[,.;]|(?:during|after|for|in|over|last|earlier|since|when|while|following|without)\b)",
    re.IGNORECASE,
)
# A count that has its own verb is another clause's subject: "Eleven were detained and
# three were treated in hospital".
OWN_VERB = re.compile(
    r"\s+(?:of them\s+)?(?:[\w-]+\s+)?"
    r"(?:were|was|are|is|had|have|got|были|был|была|было|були|був|була|було)\b",
    re.IGNORECASE,
)
PREPOSITION_BEFORE = re.compile(
    r"\b(?:to|with|for|at|by|from|of|against|on|in|among)\s+(?:the\s+|its\s+|their\s+)?$", re.I
)
# A release demanded is not a release: "требуя освободить задержанных", "calling for the release".
DEMANDED = re.compile(
    r"(?:demand\w*|call\w* for|calling for|push\w* for|urg\w*|требу\w*|добива\w*|призыва\w*"
    r"|вимага\w*|домага\w*|заклика\w*)\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
PASSIVE_EN = re.compile(
    r"\b(?:was|were|been|being|be|is|are|get|got)\s+(?:\w+\s+)?$", re.IGNORECASE
)
# Ordinary crime: "arrested a man for theft" is no repression unless the workers are named.
CRIME = re.compile(
    r"\b(?:theft|robbery|murder|drugs?|fraud|corruption|brib\w+|embezzl\w+|suspicion of"
    r"|suspected of"
    r"|по подозрению|краж\w*|мошенничеств\w*|взятк\w*|хищени\w*|растрат\w*|наркот\w*"
    r"|за підозрою|крадіжк\w*|шахрайств\w*|хабар\w*|розкрадан\w*)",
    re.IGNORECASE,
)
# Harm that an accident can also do (not beatings, gas or dispersals).
HARM = re.compile(
    r"injur|kill|wound|died|death|hospitali|hurt|погиб|ранен|травм|госпитал|пострада|загин|поранен"
    r"|травмован|госпітал|постражда",
    re.IGNORECASE,
)
# Ukrainian "звільнили" is also "released" where custody is spoken of.
CUSTODY_UK = re.compile(r"затриман|заарештован|з-під варти|під варт|ізолятор|СІЗО", re.IGNORECASE)
CUSTODY_WORDS = re.compile(
    r"custody|bail|jail|prison|detention|из-под стражи|свобод|изолятор|СИЗО|з-під варти|на волю",
    re.IGNORECASE,
)
PERSON_EN = re.compile(
    r"(?:the |a |an |its |their |one |his |her )?(?:[\w'’-]+ ){0,3}?"
    r"(?:leader|chair(?:man|woman|person)?|president|secretary|organi[sz]er|steward|activist|worker"
    r"|driver|miner|nurse|teacher|journalist|representative|convenor|member|spokes(?:man|woman|person)"
    r"|head|doctor|employee|striker|picketer|docker|reporter|photographer|man|woman)\b(?!['’]?s\b)",
    re.IGNORECASE,
)

# ruff: noqa: E501  -- regex tables: breaking a pattern mid-alternative hurts more than a long line
"""Cues for how a struggle stood when the article was written.

Cue kinds: ``won`` (demands met), ``partial`` (a deal or compromise without
victory words, or only part of what was owed paid), ``promised`` (the employer
promised to pay or to meet a demand: not yet a victory), ``lost``, ``crushed``
(its people dismissed: lost where the action ended), ``ended`` (it stopped,
result unsaid) and ``ongoing`` (it continues or has just begun).
``ended`` needs the action itself as the thing that ended ("the strike
ended", "забастовка завершилась", "повернулися до роботи"), so that talks
ending without result do not end the strike. Order matters: a partial phrase
("paid part of the arrears", "выплатил часть долга") is listed before the
victory word it contains.
"""

from __future__ import annotations

# The action nouns a cue may speak of ("the strike", "забастовка", "страйк").
_EN_ACTION = r"(?:strike|walkout|action|protest|sit-in|occupation|lockout|blockade|hunger strike|dispute|stoppage|picket|rally|march|demonstration)s?"
_RU_ACTION = r"(?:забастовк|стачк|голодовк|акци|протест|пикет|блокад|простой|простоя|отказ от работы|сидячая забастовк|митинг|шестви|марш)\w*"
_UK_ACTION = r"(?:страйк|голодуванн|голодовк|акці|протест|пікет|блокад|простій|простою|відмов\w* від роботи|мітинг|марш|ход[уиіо])\w*"
_PAY_EN = r"(?:pay|wages?|salar\w+|arrears|back[- ]?pay|money|bonus\w*|allowances?|dues)"
_PAY_RU = r"(?:зарплат|заработн|долг|задолженност|выплат|деньг|аванс)\w*"
_PAY_UK = r"(?:зарплат|заробітн|борг|заборгован|виплат|грош|аванс)\w*"

OUTCOME_CUES: dict[str, list[tuple[str, str]]] = {
    "en": [
        (
            r"\b(?:paid|pay|agreed to (?:pay|release)|released|received|got)\s+(?:\w+\s+){0,2}(?:part|half|some|a portion|a fraction)\s+of\b"
            r"|\bcompromise\b|\bpartial\w*|\bsome of (?:their|the) demands\b|\bdeal (?:was |has been )?"
            r"(?:reached|struck|agreed)\b|\bagreement (?:was |has been )?reached\b|\breached (?:a|an)"
            r" (?:deal|agreement|settlement)\b|\baccepted (?:a|an|the) (?:\S+ )?(?:offer|deal)\b"
            r"|\bnew contract\b|\bsettlement\b|\bpostponed (?:the|its|a) (?:decision|vote|plan)"
            r"|\bnot everything\b|\bfalls? short of\b|\bshort of (?:the|what|their)\b|\bonly (?:part|some) of\b"
            r"|\bless than (?:we|they|the union|the workers|workers) (?:had )?(?:asked|demanded|wanted|sought)\b"
            r"|\b(?:met|granted|accepted|agreed to) (?:most|some|part|several|two|three) of (?:their|the) demands\b"
            rf"|\bpaid (?:only )?(?:one|a single|two) months?['’]?s?['’]? {_PAY_EN}",
            "partial",
        ),
        (
            r"\b(?:promised|pledged|undertook|committed|vowed|agreed in principle|assured (?:\w+ ){0,2}(?:that it would|it would))"
            r" (?:\w+ ){0,2}?(?:to )?(?:pay|settle|clear|meet|increase|restore|reinstate|raise (?:their |the |its )?(?:pay|wages|salar\w+))\b"
            r"|\b(?:the rest|the remainder|the balance|remaining (?:wages|arrears|payments?))\b[^.]{0,40}\b(?:by|before|next|within)\b",
            "promised",
        ),
        (
            r"\b(?:won|win|wins|winning)\b(?!['’]t)(?! (?:the )?(?:election|match|game|vote|seat))"
            r"|\bvictor(?:y|ies|ious)\b|\bawarded\b|\bdemands (?:were |have been )?met\b"
            rf"|\bmet (?:their|all|the workers'?) demands\b|\bconcede\w*|\bgave in\b|\bbacked down\b"
            rf"|(?<!not )(?<!never )(?<!n't )(?<!n’t )\b(?:received|got|were paid) (?:all )?(?:their |the )?{_PAY_EN}"
            r"|\bsecured (?:a|an|their|the)\b|\bthe money arrived\b|\breinstated\b"
            rf"|(?<!not )(?<!n't )(?<!never )\bpaid (?:off |out )?(?:all |in full |the full |every )?(?:of )?(?:the |their |its )?(?:outstanding |owed |overdue )?{_PAY_EN}"
            rf"|\b{_PAY_EN} (?:were|was|have been|has been) (?:fully |finally )?(?:paid|cleared|settled|transferred)\b"
            r"|\bagreed to (?:a|an|the) (?:[\w.%-]+ ){0,2}(?:increase|rise|raise|hike|deal|demands?)\b"
            r"|\b(?:all|their|the workers'?) demands (?:were|have been|had been) (?:met|granted|accepted|satisfied)\b"
            r"|\bagreed to (?:pay|meet|all|release|raise|increase|reinstate|restore|grant|withdraw|scrap|drop|rehire)\b"
            r"(?!(?:\s+[\w-]+){0,4}\s+(?:last (?:year|month|week)|in (?:19|20)\d\d|earlier|previously|years? ago))",
            "won",
        ),
        (
            r"\b(?:defeated|lost the (?:strike|battle|dispute)|without (?:any )?(?:gains|concessions|winning|achieving)"
            r"|empty-handed|were forced back|forced to return|(?:returned|went back|came away|left|ended) (?:\w+ ){0,3}with nothing"
            r"|ended (?:in|with) (?:defeat|failure|nothing)|(?:strike|protest|action|walkout|movement) (?:has |had )?(?:collapsed|was crushed|was broken)"
            r"|came to nothing|without (?:their|any of their|the) demands (?:being |having been )?(?:met|granted|satisfied))\b",
            "lost",
        ),
        (
            r"\b(?:fired|sacked|dismissed|laid off) (?:all |every one of |most of |\w+ of )?(?:the |its |\d+ )?(?:strikers|striking workers|workers who (?:took part|joined|struck|walked out))\b",
            "crushed",
        ),
        (
            rf"\b(?:come to an end|came to an end|is over|was over|called off|ended (?:their|the) {_EN_ACTION}"
            rf"|{_EN_ACTION} (?:has |had )?(?:ended|end(?:s)?|finished|was lifted)"
            rf"|{_EN_ACTION}\b(?:\s+(?!and\b|but\b|talks\b|negotiations\b|meeting\b|hearing\b)[\w,'’-]+){{1,12}}? (?:has |had |was )?(?:ended|finished|was called off|was suspended|came to an end)"
            rf"|(?:suspended|ended|lifted|halted|stopped|called off|voted to end|agreed to end|stood down|abandoned|dropped|cancell?ed|scrapped) (?:the|their|its|a|an)(?: [\w-]+){{0,3}}? {_EN_ACTION}"
            rf"|(?:voted|agreed|decided) (?:[\w-]+ ){{1,3}}?to (?:end|call off|suspend|stop) (?:the|their|its|a|an)(?: [\w-]+){{0,2}}? {_EN_ACTION}"
            r"|\b(?:work|production|operations|services?) (?:was |were |has |had )?(?:resumed|restarted|returned to normal)"
            r"|\b(?:strikers|workers|staff|employees|drivers|miners|nurses|they) (?:went|came|were) back\b(?! to (?:the )?(?:table|talks|negotiat))"
            r"|return(?:ed|ing)? to work|went back to work|back on the job|back at work|back to work"
            r"|returned to (?:their|the) (?:shifts?|jobs?|posts?|rounds|routes|depots?|desks?|wards?)|back on (?:their|the) (?:rounds|routes|shifts?)"
            r"|(?<!not )(?<!never )dispersed|resumed work|lasted (?:about |some |nearly )?\w+ (?:hours?|days?|weeks?)"
            r"|resurfaced|came (?:back )?(?:up )?to the surface|came up from (?:underground|the mine))\b",
            "ended",
        ),
        (
            r"\b(?:talks|negotiations) (?:will |are due to |are to |are set to )?(?:resume|continue)\w*"
            r"|\bnot ruled out (?:further|more|new)\b|\bfurther (?:strikes|stoppages|walkouts|action) (?:are|were|is|could|may|would|will)\b"
            r"|\bdispute (?:continues|goes on|is not over)\b|\bnot ended the struggle\b|\bstruggle (?:continues|will continue)\b"
            rf"|\b{_EN_ACTION} (?:will|would) (?:continue|go on|resume)\b|\b(?:promised|vowed|pledged|threatened) to (?:repeat|resume|renew)\b",
            "continues",
        ),
        (
            r"\b(?:continu\w+|ongoing|entered (?:its|their|the) \w+ (?:day|week|month)|still on strike"
            r"|remain(?:s|ed)? on strike|are on strike|is on strike|have begun|has begun|began"
            r"|went on strike|are striking|vowed to (?:continue|stay)|still in place|for (?:a|the) \w+ (?:day|week)"
            r"|(?:second|third|fourth|fifth|sixth|seventh|\d+(?:st|nd|rd|th)) (?:day|week)|indefinite)\b",
            "ongoing",
        ),
    ],
    "ru": [
        (
            r"\b(?:выплатил|перечислил|погасил|выдал|заплатил)\w*\s+(?:\w+\s+){0,2}(?:част|половин)\w*"
            r"|\bчастичн\w+|\bполовин\w+ (?:того|требован|долга)|\bкомпромисс\w*|\bдоговорил\w*"
            r"|\bсоглашени\w+ (?:было )?достигнут\w*|\bдостигл\w+ соглашени\w*|\bотложил\w* (?:решени|рассмотрени)\w*"
            r"|\bоста[её]тся открытым\b|\bне все (?:требования|свои)\b|\bполовин\w+ того\b"
            r"|\bменьше,? чем (?:\w+ )?(?:просили|требовали|хотели)|\bполовинчат\w*"
            r"|\b(?:част|половин)\w* (?:\w+ )?(?:получил|выплатил|погасил|перечислил)\w*",
            "partial",
        ),
        (
            r"\b(?:пообеща|обеща|обязал|заверил|гарантирова)\w* (?:\w+ ){0,2}?(?:выплатить|погасить|закрыть|повысить|вернуть|восстановить|перечислить|выдать|проиндексировать)"
            r"|\b(?:выплатить|погасить|закрыть|повысить|перечислить|выдать) (?:\w+ ){0,2}(?:пообеща|обеща)\w*"
            r"|\b(?:погашени|выплат|перечислени)\w* (?:\w+ ){0,4}(?:запланирован|обещан|ожида)\w*",
            "promised",
        ),
        (
            r"\bтак и не (?:выплатил|погасил|получил|перечислил|добил)\w*|\bни с чем\b|\bне получив\b|\bне добившись\b"
            r"|\bбез результат\w* (?:вернул|прекратил|закончил)\w*|\bничего не добил\w*|\bпоражени\w*"
            r"|\b(?:закончил|завершил|окончил)\w* ничем\b|\bничем не (?:закончил|завершил)\w*|\bтак ничего и не добив\w*"
            rf"|\b{_RU_ACTION}\s+(?:\S+\s+){{0,3}}?(?:закончил|завершил|окончил)\w* ничем\b",
            "lost",
        ),
        (
            r"\bуволил\w* (?:\w+ ){0,3}?(?:\d+ )?(?:участник\w* (?:забастовк|стачк|акци|простоя)|бастующ|забастовщик)\w*"
            r"|\bуволил\w* (?:\w+ ){0,4}участвовавш\w+ в (?:забастовк|стачк|акци)\w*",
            "crushed",
        ),
        (
            rf"\bпобед\w+|\bдобил\w+|(?<!не )\b(?:выплатил|погасил|перечислил|выдал)\w*"
            r"|\bтребовани\w+ (?:были )?(?:выполнен|удовлетворен)\w*|(?<!не )\bполучил\w* (?:зарплат|долг|деньги|выплат)\w*"
            rf"|\b{_PAY_RU} (?:\w+ ){{0,4}}?(?:был\w* )?(?:полностью |в полном объ[её]ме )?(?:выплачен|погашен|перечислен)[аоы]?\b|\b(?:выплачен|погашен|перечислен)[аоы]? (?:вся |весь |полностью )?{_PAY_RU}"
            r"|\bвосстановил\w* на работе|\bсогласил\w+ (?:повысить|выплатить|погасить|вернуть|отменить|восстановить)"
            r"|\bпосле (?:выплаты|погашения) (?:\w+ )?(?:долг|задолженност|зарплат)\w*",
            "won",
        ),
        (
            rf"\b{_RU_ACTION}\s+(?:\S+\s+){{0,6}}?(?:завершил|закончил|прекратил|окончил|прекращен|продлил)\w*"
            rf"|\b(?:завершил|закончил|прекратил|приостановил|остановил|свернул)\w* (?:\S+\s+)?{_RU_ACTION}"
            r"|(?<!не )\b(?:приступил|вернул|вышл)\w* (?:к работе|на работу|в поле|на смену|на линию|на площадку|в цех)"
            r"|\bвышли из шахты|\bподнял\w+ на поверхность|\bпродлил\w* (?:\w+ )?(?:день|дня|дней|сутки|час\w*)"
            r"|\bпродолжал(?:ась|ся|ись|о)\s+(?:всего\s+|лишь\s+)?(?:\S+\s+)?(?:день|дня|дней|сутки|суток|час\w*)\b"
            r"|(?<!не )\bразошл(?:ись|ась)\b|\bвозобнови\w* (?:свою )?работ\w*|\bработ\w* (?:\w+ ){0,2}возобнови\w*"
            r"|(?<!не )\b(?:вновь |снова )?вышли на (?:\w+ )?(?:маршрут|линию|смену|работу)\w*"
            rf"|\b{_RU_ACTION} (?:был[аи]? )?(?:окончен|завершен|прекращен|приостановлен|отменен)\w*"
            rf"|\b(?:отменил|отказал\w* от)\w* (?:\w+ ){{0,2}}{_RU_ACTION}",
            "ended",
        ),
        (
            r"\bпереговоры (?:\w+ )?(?:продолж|возобнов)\w*|\bновые (?:забастовки|акции|стачки) не исключ\w*"
            r"|\bне исключ\w+ (?:новых|повторн)\w*|\bборьба (?:будет )?продолж\w*|\bконфликт не (?:исчерпан|урегулирован)"
            rf"|\b(?:пообеща|обеща|грозят|грозил|намерен)\w* (?:\w+ )?(?:повторить|возобновить|продолжить) (?:\w+ )?{_RU_ACTION}"
            rf"|\b{_RU_ACTION} (?:будут |будет )?продолж(?:ат|ены|ена|ится|атся)\b",
            "continues",
        ),
        (
            r"\bпродолжа(?!л(?:ась|ся|ись|о)\s+(?:всего\s+|лишь\s+)?(?:\S+\s+)?(?:день|дня|дней|сутки|суток|час))\w+|\bначал\w*|\bвновь\b|\bсутки\b|\bуже \w+ (?:дн|недел)\w*|\bне прекраща\w+"
            r"|\b(?:втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят)\w+ (?:день|сутки|неделю)\b|\bбессрочн\w+",
            "ongoing",
        ),
    ],
    "uk": [
        (
            r"\b(?:виплати|перерахува|погаси|вида|заплати)[вл]\w*\s+(?:\w+\s+){0,2}(?:частин|половин)\w*"
            r"|\bчастков\w+|\bкомпроміс\w*|\bдомови[вл]\w*|\bугод\w+ (?:було )?досягнут\w*|\bдосягл\w+ згод\w*"
            r"|\bвідкла\w+ (?:його |її |їх )?(?:розгляд|рішенн)\w*"
            r"|\bзалишається відкрит\w*|\bне всі (?:вимоги|свої)\b|\bале (?:від \w+ )?не відмови\w*"
            r"|\bполовин\w+ (?:того|вимог|боргу)|\bменше,? ніж (?:\w+ )?(?:просили|вимагали|хотіли)|\bполовинчаст\w*"
            r"|\b(?:частин|половин)\w* (?:\w+ )?(?:отрима|виплати|погаси|перерахува)\w*",
            "partial",
        ),
        (
            r"\b(?:пообіця|обіця|зобов['’]яза|запевни|гарантува)\w* (?:\w+ ){0,2}?(?:виплатити|погасити|закрити|підвищити|повернути|поновити|перерахувати|проіндексувати)"
            r"|\b(?:виплатити|погасити|закрити|підвищити|перерахувати) (?:\w+ ){0,2}(?:пообіця|обіця)\w*"
            r"|\b(?:погашенн|виплат|перерахуванн)\w* (?:\w+ ){0,4}(?:заплановано|обіцяно|очікується)",
            "promised",
        ),
        (
            r"\bтак і не (?:(?:виплати|погаси|отрима|перерахува)[вл]\w*|домогл\w*|домігся)|\bні з чим\b|\bне отримавши\b|\bне домігшись\b"
            r"|\bнічого не домогл\w*|\bнічого і не домігш\w*|\bпоразк\w*|\b(?:закінчи|заверши)\w* нічим\b|\bнічим не (?:закінчи|заверши)\w*"
            rf"|\b{_UK_ACTION}\s+(?:\S+\s+){{0,3}}?(?:закінчи|заверши)\w* нічим\b",
            "lost",
        ),
        (
            r"\bзвільни\w* (?:\w+ ){0,3}?(?:\d+ )?(?:учасник\w* (?:страйк|акці|протест)|страйкар)\w*"
            r"|\bзвільни\w* (?:\w+ ){0,4}як\w* брал\w* участь у (?:страйк|акці)\w*",
            "crushed",
        ),
        (
            rf"\bперемог\w+|\bдомогл\w+|(?<!не )\b(?:виплати|погаси|перерахува|вида)(?:в|ла|ли|ло)\b"
            r"|\bвимог\w+ (?:було )?(?:виконан|задоволен)\w*|(?<!не )\bотрима[вл]\w* (?:зарплат|борг|гроші|виплат)\w*"
            rf"|\b{_PAY_UK} (?:\w+ ){{0,4}}?(?:було )?(?:повністю |в повному обсязі )?(?:виплачен|погашен|перерахован)[аоі]?\b|\b(?:виплачен|погашен|перерахован)[аоі]? (?:всю |весь |повністю )?{_PAY_UK}"
            r"|\bпонови[вл]\w* на роботі|\bпогоди[вл]\w* (?:підвищити|виплатити|погасити|повернути|скасувати|поновити)"
            r"|\bпісля (?:виплати|погашення) (?:\w+ )?(?:борг|заборгованост|зарплат)\w*",
            "won",
        ),
        (
            rf"\b{_UK_ACTION}\s+(?:\S+\s+){{0,6}}?(?:заверши|закінчи|припини)[вл]\w*|припинено"
            rf"|\b(?:заверши|закінчи|припини|призупини|зупини|згорну)[вл]\w* (?:\S+\s+)?{_UK_ACTION}"
            r"|(?<!не )\b(?:приступи[вл]|поверну[вл]|вийш[ло])\w* (?:до роботи|на роботу|у поле|на зміну|на лінію|на маршрути|до цеху)"
            r"|\bпідня[вл]\w* на поверхню|\bвийшли з шахти|\bтрива\w* (?:\S+ ){0,2}(?:день|дні|днів|добу|годин\w*)\b"
            r"|(?<!не )\bрозійшл(?:ися|ася)\b|\bвідновил\w* (?:свою )?робот\w*|\bробот\w* (?:\w+ ){0,2}відновил\w*"
            rf"|\b{_UK_ACTION} (?:бул[аои]? )?(?:скасован|завершен|припинен|призупинен)\w*"
            rf"|\b{_UK_ACTION} (?:\S+ ){{0,2}}?скасува[вл]\w*|\b(?:скасува[вл]\w*|відмови[вл]\w* від) (?:\S+ ){{0,2}}?{_UK_ACTION}",
            "ended",
        ),
        (
            r"\bпереговори (?:\w+ )?(?:продовж|відновл)\w*|\bнові (?:страйки|акції) не виключ\w*"
            r"|\bне виключ\w+ (?:нових|повторн)\w*|\bборотьба (?:\w+ )?(?:продовж|тривати)\w*|\bконфлікт не (?:вичерпан|врегульован)"
            rf"|\b(?:пообіця|обіця|погрож|мають намір)\w* (?:\w+ )?(?:повторити|відновити|продовжити) (?:\w+ )?{_UK_ACTION}"
            rf"|\b{_UK_ACTION} (?:будуть |буде )?(?:продовж\w*|триватим\w*)",
            "continues",
        ),
        (
            r"\bпродовжу\w+|\bрозпочал\w*|\bпочал\w*|\bзнову\b|\bдоб[уи]\b|\bвідмовляю\w+"
            r"|\bперебувають\b|\bтриватим\w*|\b(?:друг|трет|четверт|п['’]ят|шост|сьом)\w+ (?:день|добу|тиждень)\b|\bбезстроков\w+",
            "ongoing",
        ),
    ],
}

# ruff: noqa: E501  -- regex tables: breaking a pattern mid-alternative hurts more than a long line
"""Words for collective actions, per language, mapped to FORMAT.md action codes.

Russian and Ukrainian are matched by stems (``забастов\\w*`` covers every case
and number), English by word forms. Order matters: the first pattern that
matches at a position wins, so longer phrases ("hunger strike") come before
the words they contain ("strike").
"""

from __future__ import annotations

from picketline.domain.vocab import Action
from picketline.extract.lexicon.workers import EN_WORKERS

# Any English trade may be the subject of "struck" ("200 dockers ... struck on 4 June").
_EN_TRADES = "|".join(f"(?:{pattern})" for pattern, _ in EN_WORKERS)

A = Action

_EN: list[tuple[str, Action]] = [
    (r"\bhunger[- ]strik\w*|\brefus\w* (?:to eat|food)\b", A.HUNGER_STRIKE),
    (
        r"\b(?:work(?:ing|ed|s)?[- ]to[- ]rule|go[- ]slows?|slow[- ]?downs?|overtime bans?|ban on overtime"
        r"|refus\w* (?:all |any |to work |to do )?overtime|(?:stopped|banned|halted) (?:all )?overtime"
        r"|(?:hidden|covert|disguised|italian|white) strikes?|work(?:ing|ed|s)? (?:only |strictly )?(?:to|their) "
        r"contract(?:ed)? hours|refus\w* to work (?:beyond|past|outside) (?:their )?(?:contracted |normal |scheduled )?hours)\b",
        A.WORK_TO_RULE,
    ),
    (r"\b(?:sit[- ]ins?|sleep[- ]ins?|sit-?down (?:strikes?|protests?))\b", A.OCCUPATION),
    (
        r"\boccup(?:y|ied|ying|ies)\b(?:\s+\S+){0,4}?\s+(?:mine|plant|factory|offices?|premises"
        r"|building|site|headquarters|yard|shaft|mill|depot|warehouse|hospital|shop|workshop|hall|canteen"
        r"|terminal|ministry|shop floor|assembly line|production line)s?\b",
        A.OCCUPATION,
    ),
    (
        r"\b(?:(?:strike|factory|plant|workplace|mine|site) (?:and |& )?occupations?"
        r"|occupations? of the (?:mine|plant|factory|offices?|site|premises|building))\b",
        A.OCCUPATION,
    ),
    (r"\bunderground (?:protest|strike|sit-in|occupation)s?\b", A.OCCUPATION),
    (
        r"\brefus\w* to (?:come|go|return) (?:back )?(?:up|to the surface|above ground)\b|\brefus\w* to resurface\b",
        A.OCCUPATION,
    ),
    (r"\b(?:protest\w*|strik\w*|sitting|camped) (?:deep )?underground\b", A.OCCUPATION),
    (r"\b(?:stayed|remained|stay|remain) underground\b", A.OCCUPATION),
    (
        r"\brefus\w* to (?:leave|vacate|quit) (?:the |their )?(?:[\w-]+ )?(?:plant|factory|mine|shaft|building|premises"
        r"|offices?|site|workshop|shop floor|yard|depot|warehouse|hospital|ministry|mill|hall|ship|vessel)s?\b"
        r"|\bbarricad\w* themselves (?:in|inside|into)\b",
        A.OCCUPATION,
    ),
    (
        r"\block(?:ed|ing)?[- ]?outs?\b|\block(?:ed|ing|s)? (?:the |its |their )?(?:\w+ )?"
        r"(?:workers|employees|staff|members|us) out\b|\b(?:found|finding) (?:the )?(?:factory |plant |mine |site |depot )?"
        r"gates (?:locked|shut|closed|chained)\b",
        A.LOCKOUT,
    ),
    (r"\bwalk(?:ed|ing|s)?[- ]?outs?\b", A.WALKOUT),
    (
        r"\bpicket(?:s|ed|ing|ers)?\b|\bpicket[- ]lines?\b|\b(?:gathered|stood|assembled|lined up)"
        r" (?:at|outside|by|in front of) the (?:\w+ )?(?:gates?|entrance)\b",
        A.PICKET,
    ),
    (r"\bblockad\w*|\bbarricad\w*", A.BLOCKADE),
    (
        r"\bblock(?:ed|ing|s)?\b(?:\s+\S+){0,5}?\s+(?:roads?|gates?|entrances?|tracks?|railway|rail"
        r" lines?|highways?|trains?|access|trucks?|lorries|shipments?|deliveries|ports?|bridges?"
        r"|streets?|traffic|routes?|exits?|convoys?)\b",
        A.BLOCKADE,
    ),
    (r"\b(?:on|went on|go on|going on|gone on|goes on) strike\b", A.STRIKE),
    (r"\bstrik(?:e|es|ing)\b|\bstrikers\b", A.STRIKE),
    (
        r"\b(?:work )?stoppages?\b|\b(?:downed|down|downing|downs) tools\b|\bstay[- ]?aways?\b"
        r"|\b(?:laid|lay|laying|put|putting) down (?:their |its )?tools\b"
        r"|\b(?:stayed|stay|staying|stays|kept|keep|keeping) away from (?:work|(?:their |the )?(?:jobs|posts|workplaces?|classrooms?|classes|schools|wards|mines?|depots?|offices))\b"
        r"|\b(?:stayed|stay|staying|stays) off (?:work|the job)\b|\bwithdr(?:ew|awn|awing|aw|aws) (?:their |its )?labou?r\b|\bwithdrawals? of labou?r\b"
        r"|\babandon(?:ed|ing)? their (?:posts|workplaces|wards|jobs)\b"
        rf"|\b(?:workers|employees|staff|members|unions?|they|{_EN_TRADES})(?:\s+[\w-]+){{0,6}}? struck\b(?! (?:by|off|with|up|a|an|the|down|out|back)\b)"
        r"|\blogged off\b|\bwalk(?:ed|ing|s)? off (?:the|their) (?:job|site|shifts?)\b"
        r"|\bindustrial action\b|\b(?:stopped|stop|stopping|stops|halted|halting|ceased|downed) (?:all )?"
        r"(?:work|working|production|the (?:assembly|production) lines?)\b|\bwalk(?:ed|ing|s)? off (?:the|their) jobs?\b"
        r"|\bsick-?outs?\b|\bcalled in sick\b|\brefus\w* to log (?:on|in)(?:to)?\b|\bstay\w* (?:offline|logged off)\b|\b(?:switched|switching|logged|logging) off (?:their |the )?apps?\b",
        A.STRIKE,
    ),
    (
        r"\brefus\w* to (?:load|unload|handle|operate) (?:the |any )?(?:ships|vessels|cargo|containers|trains|trucks|lorries|planes|aircraft)\b"
        r"|\brefus\w* to take (?:their|the) (?:buses|trains|trucks|lorries|vehicles|ambulances|trams) out\b"
        r"|\brefus\w* to (?:drive|fly|sail|teach|operate|deliver)\b|\bstay\w* (?:at )?home\b(?:\s+\S+){0,3}?\s+(?:in|to) protest\b"
        r"|\brefus\w* to (?:return to |resume |go to |report for |start )?(?:work|duty|their shifts?)"
        r"\b|\brefus\w* to go (?:down|underground)\b",
        A.STRIKE,
    ),
    (r"\bboycott\w*", A.BOYCOTT),
    (
        r"\b(?:demonstrations?|rall(?:y|ies|ied)|marched|marches|(?<!in )(?<!to )protest(?:s|ed)?"
        r"|demonstrat(?:ed|ing|e) (?:outside|in front of|at|against|through|near|on)"
        r"|besieg(?:ed|ing|e)(?: the)?(?: [\w-]+){0,3}? (?:ministry|offices?|headquarters|parliament|legislature|council)"
        r"|took to the streets|chained themselves to|(?:protest|the|a|national) march(?! \d)|vigils?|(?:gathered|assembled|massed|camped)"
        r" (?:outside|in front of|at) (?:the )?(?:[\w'’-]+ ){0,2}?(?:parliament|ministry|city hall|town hall|council|legislature"
        r"|offices|headquarters|head office|state house|government|administration(?: building)?))\b",
        A.DEMONSTRATION,
    ),
]

_RU: list[tuple[str, Action]] = [
    (
        r"\bголодовк\w*|\bголода(?:ют|ли|ть|ет)\b|\bголодающ\w*|\bголодовал\w*"
        r"|\b(?:не принима\w*|отказ\w* (?:от|принимать)) (?:пищ|еду|еды)\w*",
        A.HUNGER_STRIKE,
    ),
    (
        r"\bитальянск\w+ забастовк\w*|\bитальянк\w*|\bскрыт\w+ (?:забастовк|стачк)\w*"
        r"|\bотказ\w* от (?:работы|работ) сверх (?:нормы|норм|графика|установленн)\w*|\bработа\w* строго по (?:трудов\w+ )?договор\w*|\bработа\w* (?:строго )?по (?:инструкци|правилам|регламенту)\w*"
        r"|\bотказ\w* (?:от )?(?:выходить |выхода |работать )?(?:на )?(?:переработ|сверхурочн)\w*",
        A.WORK_TO_RULE,
    ),
    (r"\b(?:подземн|сидяч)\w+ (?:забастовк|протест|акци|голодовк|стачк)\w*", A.OCCUPATION),
    (
        r"\b(?:отказ\w*|не будут|не стали|не собираются) (?:подниматься|подняться|выходить|выйти|выезжать|выехать)"
        r"(?: на поверхность| из шахты| на-гора)?\b(?! (?:на|к|в) (?:\w+ )?(?:работу|смен|линию|маршрут|рейс|вызов|пациент|больн))",
        A.OCCUPATION,
    ),
    (
        r"\b(?:остал|оста[её]т|остаю)\w* (?:под землей|под землёй|в шахте|в забое)\b|\bпод земл[её]й (?:остал|оста[её]т|остаю|наход)\w*|\bзахват\w* (?:завод|предприяти|здани|цех"
        r"|администраци|шахт)\w*|\bоккупир\w*|\b(?:заняли|занимают) (?:здани|админ|офис|цех|кабинет|приемн|приёмн|проходн)\w*"
        r"|\b(?:отказ\w*|не (?:стали|будут|собираются)) (?:покидать|покинуть|уходить|уйти) (?:из )?(?:\w+ )?(?:цех|завод|шахт|здани|территори"
        r"|рабоч\w+ мест|предприяти|офис|больниц|забо)\w*",
        A.OCCUPATION,
    ),
    (r"\bлокаут\w*", A.LOCKOUT),
    (
        r"\bпикет\w*|\b(?:собрал|стоя|встал|выстроил)\w* (?:у|возле|перед) (?:входа|проходной|ворот)\w*",
        A.PICKET,
    ),
    (
        r"\bблокад\w*|\b(?:за)?блокир\w*(?:\s+\S+){0,3}?\s+(?:дорог|трасс|въезд|вход|проезд|движени|пут|ворот|проходн|железн|рельс|мост|улиц|здани|офис|склад|территори|отгрузк|вывоз|шосс|магистрал|перекр|подъезд|порт|терминал)\w*|\bперекры\w* (?:\S+\s+)?(?:дорог|трасс"
        r"|движени|улиц|въезд|пут|проезд|подъезд|вход)\w*",
        A.BLOCKADE,
    ),
    (r"\bзабастов\w*|\bбастов\w*|\bбастующ\w*|\bбастуют\b|\bстачк\w*", A.STRIKE),
    (
        r"\b(?:отказ\w*|отказыва\w*) (?:от )?(?:выходить|выйти|выхода|выходе) (?:на|в) (?:работу|смену|рейс\w*)"
        r"|\bотказ\w* (?:работать|приступ\w+ к работе|спускаться|спуститься|выходить в смену)"
        r"|\bневыход\w* на (?:работу|линию|смену)|\bне вы(?:шли|ходят|йдут|ходили|ехали) на (?:\w+ )?(?:работу|смену|линию|маршрут\w*|рейс\w*|вызов\w*)"
        r"|\bотказ\w* (?:от )?(?:выходить|выйти|выхода) на (?:линию|маршрут)"
        r"|\bотключил\w* от (?:приложени|платформ)\w*|\b(?:не|перестали|отказ\w*) принима\w* заказ\w*"
        r"|\b(?:прекрати|останови|приостанови)\w* (?:работ|производств|добыч|отгрузк|конвейер|станк|сборочн)\w*"
        r"|\b(?:массово |коллективно |все )?(?:ушли|уходят|ушл[иа]) на больничн\w*|\bмассов\w+ (?:больничн|уход\w* на больничн)\w*"
        r"|\bпрекрати\w* (?:развозить|доставлять|принимать|обслуживать|выполнять) (?:заказ|рейс|вызов|пассажир|клиент)\w*"
        r"|\bне (?:приступ(?:или|ают|ил)|вышл[аи]) к работе|\bпереста\w+ (?:работать|принимать|выходить"
        r"|выполнять|развозить|брать)|\b(?:бросили|побросали) работу|\bотказ\w* от работы",
        A.STRIKE,
    ),
    (r"\bбойкот\w*", A.BOYCOTT),
    (
        r"\bмитинг\w*|\bдемонстраци\w*|\bшестви\w*|\bакци\w+ протеста|\bпротестн\w+ акци\w*"
        r"|\bвышли на (?:улиц|площад)\w*|\bпротестовал\w*|\bпротестуют\b|\bпротест(?:а|ом|е|ы|ов|ам|ами|ах)?\b|\bпротестн\w+ (?:собрани|шестви"
        r"|марш)\w*|\bсобира\w*(?: \w+)? (?:на площади|у здания|перед зданием|у администрации|у мэрии)"
        r"|\bвышли (?:к|с) (?:здани|администраци|мэри|проходн|плакат|транспарант)\w*"
        r"|\b(?:собрал\w*|пришли|вышли|стояли|простояли)\s+(?:(?!на\b)\S+\s+){0,2}?(?:у|к|перед|возле|под)\s+(?:здани|заводоуправлени"
        r"|администраци|мэри|правительств|министерств|офис|горсовет|гордум|думы|облдум|прокуратур|губернатор|полпредств)\w*"
        r"|\b(?:у|к|перед|возле|под) (?:здани|мэри|администраци|правительств|министерств|горсовет|гордум|облдум"
        r"|губернатор|полпредств)\w*(?:\s+\S+){0,2}?\s+(?:собрал|пришл|вышл|стоял|простоял)\w*"
        r"|\bмарш(?:а|у|ем|е|и|ей)?\b|\bпрошли (?:маршем|шествием|колонной)"
        r"|\b(?:провели|провела|провел|организовал\w*|организова\w+|устроили|проведут|проводят) (?:\w+ )?акци\w*",
        A.DEMONSTRATION,
    ),
]

_UK: list[tuple[str, Action]] = [
    (
        r"\bголодуванн?\w*|\bголоду(?:ють|вали|вати|є)\b|\bголодовк\w*"
        r"|\b(?:не прийма\w*|відмов\w* (?:від|приймати)) (?:їж)\w*",
        A.HUNGER_STRIKE,
    ),
    (
        r"\bіталійськ\w+ страйк\w*|\bіталійк\w*|\bприхован\w+ страйк\w*"
        r"|\bвідмов\w* від роботи понад (?:норм|графік|встановлен)\w*|\bпрацю\w* строго (?:за|згідно з) (?:трудов\w+ )?договор\w*|\bпрацю\w* (?:суворо |строго )?(?:за|згідно з) (?:інструкці|правилами"
        r"|регламентом)\w*|\bвідмов\w* (?:від )?(?:виходити |виходу |працювати )?(?:на )?(?:понаднормов|наднормов)\w*",
        A.WORK_TO_RULE,
    ),
    (
        r"\b(?:підземн|сидяч)\w+ (?:страйк|протест|акці|голодуванн)\w*|\bстрайк\w* під землею",
        A.OCCUPATION,
    ),
    (
        r"\b(?:відмов\w*|не будуть) (?:підійматися|підніматися|піднятися|виходити|вийти|виїжджати|виїхати)"
        r"(?: на поверхню| з шахти)?\b(?! (?:на|до|в|у) (?:\w+ )?(?:роботу|змін|лінію|маршрут|рейс|виклик|пацієнт|хвор))|\bпід землею перебува\w*"
        r"|\bне (?:піднімаю|підіймаю|підніма|підійма)\w* (?:на поверхню|нагору|з шахти)"
        r"|\b(?:залиш|лиша)\w* (?:під землею|у шахті|в шахті|у забої)|\bпід землею (?:залиша|лиша)\w*",
        A.OCCUPATION,
    ),
    (
        r"\bзахоп\w* (?:завод|підприємств|будів|цех|адміністраці|шахт)\w*|\bокупува\w*|\b(?:зайняли|займають) (?:будів|адмін|офіс|цех|кабінет|приймальн|прохідн)\w*"
        r"|\b(?:відмов\w*|не (?:стали|будуть|збираються)) (?:залишати|залишити|покидати|покинути|йти з) (?:\w+ )?(?:цех|завод|шахт|будівл|територі"
        r"|робоч\w+ місц|підприємств|офіс|лікарн|вибо)\w*",
        A.OCCUPATION,
    ),
    (r"\bлокаут\w*", A.LOCKOUT),
    (
        r"\bпікет\w*|\b(?:зібрал|стоя|стал|вишикува)\w* (?:біля|під|перед) (?:входу|прохідн\w*|воріт|воротами)",
        A.PICKET,
    ),
    (
        r"\bблокад\w*|\b(?:за)?блок(?:ува|ую|ува)\w*(?:\s+\S+){0,3}?\s+(?:дорог|трас|в['’]їзд|вхід|входу|проїзд|рух|колі|ворот|прохідн|залізниц|рейк|міст|мосту|вулиц|будівл|офіс|склад|територі|відвантаж|вивез|шосе|магістрал|перехрест|під['’]їзд|порт|термінал)\w*|\bперекри\w* (?:\S+\s+)?(?:дорог|трас"
        r"|рух|вулиц|в'їзд|в’їзд|колі|залізниц|проїзд|вхід|міст|шосе)\w*",
        A.BLOCKADE,
    ),
    (r"\bстрайк\w*|\bстрайку\w*|\bзабастовк\w*|\bстрайкар\w*", A.STRIKE),
    (
        r"\b(?:відмов\w*) (?:від )?(?:виходити|вийти|виходу) (?:на|в|у) (?:роботу|зміну|рейс\w*)"
        r"|\bне (?:вийшли|вийдуть|виходять|виходили|виїхали) на (?:\w+ )?(?:лінію|маршрут\w*|роботу|зміну|рейс\w*|виклик\w*)|\bвідмов\w* (?:виходити|вийти) на (?:лінію|маршрут)"
        r"|\bвідключил\w* від (?:застосунк|додатк|платформ)\w*|\b(?:не|перестали|відмов\w*) прийма\w* замовлен\w*"
        r"|\bвідмов\w* (?:працювати|ставати до роботи|стати до роботи|приступати до роботи"
        r"|спускатися|спуститися)|\bне вий(?:шли|дуть) на (?:роботу|зміну)"
        r"|\b(?:припини|зупини|призупини)\w* (?:робот|виробництв|видобу|відвантаж|конвеєр|верстат|складальн)\w*"
        r"|\b(?:масово |колективно |всі )?(?:пішли|йдуть) на лікарнян\w*|\bмасов\w+ (?:лікарнян|відхід на лікарнян)\w*"
        r"|\bне (?:приступ(?:или|ають|ив)|стали) до роботи|\bперестал\w+ (?:працювати|приймати|виходити"
        r"|виконувати)|\bвідмов\w* від роботи",
        A.STRIKE,
    ),
    (r"\bбойкот\w*", A.BOYCOTT),
    (
        r"\bмітинг\w*|\bдемонстраці\w*|\bакці\w+ протесту|\bпротестн\w+ акці\w*"
        r"|\bвийшли на (?:вулиц|площ)\w*|\bпротестува(?:ли|ти)\b|\bпротестують\b|\bпротест(?:у|ом|і|и|ів|ам|ами|ах)?\b|\bпротестн\w+ (?:збор|зібранн"
        r"|ход|марш)\w*|\bвийшли під (?:міськрад|будівл|адміністраці|офіс|стін)\w*"
        r"|\bзбира\w*(?: \w+)? (?:на площі|під будівлею|біля будівлі|під адміністрацією)"
        r"|\b(?:зібрал\w*|прийшли|вийшли|стояли|простояли)\s+(?:(?!на\b)\S+\s+){0,2}?(?:під|біля|до|перед)\s+(?:будівл|адміністраці"
        r"|мері|міськрад|уряд|кабмін|міністерств|офіс|прокуратур|кмда|ода|рда|облдержадміністраці|верховн|заводоуправлінн)\w*"
        r"|\b(?:під|біля|перед|до) (?:будівл|адміністраці|мері|міськрад|уряд|кабмін|міністерств|кмда|ода|рда"
        r"|облдержадміністраці|верховн)\w*(?:\s+\S+){0,2}?\s+(?:зібрал|прийшл|вийшл|стоял|простоял)\w*"
        r"|\bвийшли з (?:плакат|транспарант|гасл)\w*|\bмарш(?:у|ем|і|і|ів)?\b|\bпройшли (?:маршем|ходою|колоною)"
        r"|\b(?:провели|провела|провів|організува\w*|влаштува\w*|проводять) (?:\w+ )?акці\w*",
        A.DEMONSTRATION,
    ),
]

ACTION_TERMS: dict[str, list[tuple[str, Action]]] = {"en": _EN, "ru": _RU, "uk": _UK}

# Contexts in which a "strike" is not a workers' strike (sentence-level veto).
NOT_LABOUR: dict[str, str] = {
    "en": r"\b(?:air|missile|drone|nuclear|military|rocket|artillery|pre-?emptive|retaliatory"
    r"|surgical|lightning|precision|bombing|naval|cruise) ?-?strikes?\b"
    r"|\bairstrikes?\b|\bstriker\b|\bstruck (?:by|off|with|up|an? agreement)\b|\b(?:strik\w+|struck) (?:a |the )?(?:deal|balance|chord|blow|gold|oil"
    r"|fear|back|down|out|pose|note|match)\b|\bgoal\w*|\bgoalkeeper|\b\d+(?:st|nd|rd|th)[- ]minute"
    r"|\bscored\b|\bpenalty\b|\bwicket|\bbowler|\bbatsm[ae]n|\binnings|\bstriking (?:resemblance"
    r"|similarity|contrast|image|feature|example|difference)",
    "ru": r"\b(?:авиа|ракетн\w+ |ядерн\w+ |воздушн\w+ )?удар\w*|\bнападающ\w+|\bгол\b|\bматч\w*",
    "uk": r"\b(?:авіа|ракетн\w+ |ядерн\w+ |повітрян\w+ )?удар\w*|\bнападник\w*|\bгол\b|\bматч\w*",
}

# Words that make an action not (yet) a fact: threats, ballots, plans, conditionals.
HYPOTHETICAL: dict[str, str] = {
    "en": r"\b(?:(?:planned|proposed|looming|threatened|potential|scheduled|mooted)(?=\s+(?:[\w-]+\s+){0,2}(?:strikes?|walkouts?|stoppages?|action|protests?|industrial|hunger|rall(?:y|ies)|march(?:es)?|pickets?|blockades?|shutdowns?|sit-ins?)\b)"
    r"|(?:will|shall)(?=\s+(?:not\s+)?(?:\w+\s+)?(?:strike|walk|stage|hold|go|begin|start|launch|stop|down|join|march|rally|picket|protest|block|occupy|take|mount))"
    r"|(?:is|are|was|were|be) (?:set|due|expected|scheduled|poised|likely|going|about) to|avert\w*|postpon\w*|defer\w*"
    r"|urg(?:e|es|ed|ing)|incit\w*|calls? (?:on \w+ )?(?:to|for)"
    r"|threat\w*|ballot\w*|vot(?:e|ed|ing) (?:to|for|in favour)|would|could|might|(?-i:may)"
    r"|plan(?:s|ned|ning)? to|intend\w*|intention|warn\w*|if|unless|possible|possibility"
    r"|right to|consider\w*|prepared to|mull\w*|decid\w* (?:whether|on)|decision on whether"
    r"|(?:set|due|expected) to (?:start|begin|hold|stage|decide))\b",
    "ru": r"\b(?:запланирован\w*|намечен\w*|назначенн\w*|избежа\w*|предотврат\w*|отложи\w*|перенес\w*|в случае"
    r"|объявят|начнут|проведут|выйдут|устроят|перекроют|будут|будет|призыв\w* к|забастуют|пойдут|остановят|угрож\w*|грозил\w*|грозят|планиру\w*|намерен\w*|могут|может|возможн\w*|если"
    r"|собираются|пригрози\w*|готовы|предупред\w*|решени\w+ о (?:проведении|начале|объявлении)"
    r"|решени\w+ о(?= (?:забастовк|стачк))"
    r"|должн\w+ (?:быть|будет)|не исключа\w*|прав[оа] на)\b",
    "uk": r"\b(?:запланован\w*|призначен\w*|уникну\w*|запобіг\w*|відкла\w*|перенесл\w*|перенесен\w*|у разі|в разі"
    r"|оголосять|почнуть|проведуть|вийдуть|влаштують|перекриють|будуть|буде|заклик\w* до|застрайкують|підуть|зупинять|погрож\w*|погрози\w*|плану\w*|мають намір|можуть|може|можлив\w*|якщо"
    r"|збираються|готові|попереди\w*|рішенн\w+ про (?:проведення|початок|оголошення)"
    r"|рішенн\w+ про(?= страйк)"
    r"|ма[єю]\w* бути|не виключа\w*|прав[оа] на)\b",
}

# The cheap first test (one scan of the whole text): a stem from every pattern
# above. A text with none of them cannot report an action; keep in step with
# the tables (tests/test_extract_actions.py checks every table example passes).
PREFILTER: dict[str, str] = {
    "en": r"strik|chained themselves|gates (?:locked|shut|closed|chained)|contract(?:ed)? hours|(?:stop|halt|ceas)\w* the (?:assembly|production) line|vigil|barricad|withdr|besieg|demonstrat|abandon|stay|logged off|tools|away from (?:work|their)|walk|picket|struck|(?:gathered|assembled|massed|camped) (?:outside|in front of|at)|lock|block|barricad|sit-in|sit in|sleep-in|occup|protest|demonstr"
    r"|rall|march|boycott|slow|stoppage|tools|stay|industrial action|refus|hunger|to-rule"
    r"|to rule|overtime|underground|streets|sick-?out|called in sick|off (?:their |the )?apps?\b"
    r"|(?:stop|halt|ceas|down)\w* (?:all )?(?:work|production)"
    r"|(?:gathered|stood|assembled|lined up) (?:at|outside|by|in front)",
    "ru": r"забаст|итальянк|строго по|на больничн|марш|прошли|выезж|выех|заняли|занимают|отключил|вышли|бастов|собрал|стоя|встал|выстроил|бастующ|бастуют|стачк|голод|пикет|митинг|протест|акци|блок|перекры"
    r"|отказ|невыход|не вы|прекратили|остановили|локаут|бойкот|захват|оккуп|демонстрац|шестви"
    r"|вышли на|не будут|не стали|не собираются|остал|оста[её]т|останови|не приступ|переста|бросили"
    r"|по инструкц|по правил|переработ|собира|собрани|принима|сверхурочн|пришли",
    "uk": r"страйк|італійк|строго (?:за|згідно)|на лікарнян|не вих|не виїх|пройшли|виїжд|виїх|провів|зайняли|займають|відключил|марш|забастов|зібрал|стоя|стал|вишикува|голод|пікет|мітинг|протест|акці|блок|перекри|відмов|не вий|припинили"
    r"|зупини|локаут|бойкот|захоп|окупув|демонстрац|вийшли|не будуть|під землею|не підн|не підій|залиш|лиша"
    r"|не приступ|не стали|перестал|призупин|інструкці|правилами|понаднорм|наднорм|збира|збор|зібран"
    r"|прийма|прийшли",
}

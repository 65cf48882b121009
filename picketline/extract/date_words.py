"""Word tables of the date grammar (``dates.py``): months, weekdays, the cues
that make a date a start or an end (or say the action ended with it), tense
words, relative-date phrases and the pieces of the duration patterns, in
English, Russian and Ukrainian; and the tables ``timing.py`` reads to tell the
action's own dates from others' and how long it lasted."""

from __future__ import annotations

import re
from functools import lru_cache

from picketline.extract.numbers import APOSTROPHES, count_value

# --- calendar words ------------------------------------------------------------------

EN_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
CYR_MONTH_STEMS = (
    ("январ", 1), ("феврал", 2), ("март", 3), ("апрел", 4), ("ма", 5), ("июн", 6),
    ("июл", 7), ("август", 8), ("сентябр", 9), ("октябр", 10), ("ноябр", 11),
    ("декабр", 12), ("січ", 1), ("лют", 2), ("берез", 3), ("квіт", 4), ("трав", 5),
    ("черв", 6), ("лип", 7), ("серп", 8), ("верес", 9), ("жовт", 10), ("листопад", 11),
    ("груд", 12),
)  # fmt: skip
MONTH = (
    r"(?:(?-i:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
    r"|(?:январ|феврал|апрел|июн|июл|сентябр|октябр|ноябр|декабр)[ьяюе]|март[аеу]?"
    r"|ма[йяюе]|август[аеу]?"
    r"|(?:січ|берез|квіт|трав|черв|лип|серп|верес|жовт|груд)(?:ень|ня|ні)"
    r"|лют(?:ий|ого|ому)|листопад[аіу]?)(?![\w])"
)
WEEKDAYS = (
    ("monday", 0), ("tuesday", 1), ("wednesday", 2), ("thursday", 3), ("friday", 4),
    ("saturday", 5), ("sunday", 6), ("понедельник", 0), ("вторник", 1), ("сред", 2),
    ("четверг", 3), ("пятниц", 4), ("суббот", 5), ("воскресень", 6), ("понеділ", 0),
    ("вівтор", 1), ("серед", 2), ("четвер", 3), ("п'ятниц", 4), ("субот", 5), ("неділ", 6),
)  # fmt: skip
EN_WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
CYR_WEEKDAY = (
    r"(?:понедельник(?:а)?|вторник(?:а)?|сред[аыу]|четверг(?:а)?|пятниц[аыу]"
    r"|суббот[аыу]|воскресень[ея]"
    r"|понеділ(?:ок|ка)|вівтор(?:ок|ка)|серед[ау]|четвер(?:га)?|п['’ʼ]?ятниц[юяі]"
    r"|субот[уаи]|неділ[юяі])"
)
YEAR = r"(?P<y>(?:19|20)\d\d)(?!\d)"
YEAR_WORD = r"(?:\s*(?:году|года|год|г\.|гг\.|році|року|рік|р\.))?"
ORD = r"(?:st|nd|rd|th|-?(?:го|е|й|ого))?"
DAY = r"(?P<d>[0-3]?\d)(?!\d)" + ORD
UNITS = {"d": 1, "w": 7, "m": 30, "y": 365}
TOLERANCE = {"d": 0, "w": 2, "m": 15, "y": 120}


def month_number(word: str) -> int:
    """The month (1-12) a month name in any of the three languages stands for."""
    folded = word.casefold().rstrip(".")
    if folded[:3] in EN_MONTHS and folded[0].isascii():
        return EN_MONTHS.index(folded[:3]) + 1
    return next(month for stem, month in CYR_MONTH_STEMS if folded.startswith(stem))


def weekday_number(word: str) -> int:
    folded = word.casefold().translate(APOSTROPHES)
    return next(day for stem, day in WEEKDAYS if folded.startswith(stem))


# --- context: role and tense -----------------------------------------------------------

START_NEAR = re.compile(
    r"(?:\bsince|\bfrom|\bstarting|\bbeginning|\bas of|\bначиная с|\bпочинаючи з|"
    r"(?<!\w)(?:с|со|з|із|від)|с начала|з початку)\s*$",
    re.I,
)
END_NEAR = re.compile(r"(?:\buntil|\btill|\bthrough|\bup to|(?<!\w)(?:до|по))\s*$", re.I)
# Stopping work starts a strike ("прекратили работу 5 марта"); stopping the strike ends it
# (that is ENDED_CUE below, with the action as its object).
_STOPPED_WORK = (
    r"(?:stopped|halted|ceased) (?:work|working|production)|(?:прекрати|останови|приостанови)\w* "
    r"(?:работ|производств|добыч)\w*|(?:припини|зупини|призупини)\w* (?:робот|виробництв|видобу)\w*"
)
START_CUE = re.compile(
    r"\b(?:began|begun|begin|started|start|launched|embarked on|walked out|walk out|went on strike|"
    r"downed tools|declared|начал\w*|начав\w*|начин\w*|начат\w*|почав\w*|объявил\w*|объявлен\w*|"
    r"стартовал\w*|вышли на|розпоча\w*|почал\w*|почався|почалася|оголоси\w*|оголошен\w*|"
    rf"вийшли на|{_STOPPED_WORK})",
    re.I,
)
END_CUE = re.compile(
    r"\b(?:ended(?! up\b)|ends|finished|called off|suspended|concluded|settled|came to an end|"
    r"return(?:ed)? to work|back to work|deal was reached|reached a deal|agreement was reached|"
    r"reached an agreement|договорились|домовились|заверш\w*|закончил\w*|окончил\w*|"
    r"вернулись к работе|закінчи\w*|повернулися до роботи)",
    re.I,
)

# --- the end of an action, said with its date ---------------------------------------
# "called off the strike on 10 March", "забастовка завершилась в среду", "зняли блокаду у
# вівторок", "came up from the mine on 11 March": the date is the action's last day.
# Past tense only: what will end, or is threatened to, is no end.
_ENDED_NOUN = (
    r"(?:strike|walkout|action|protest|sit-in|occupation|lockout|blockade|hunger strike|stoppage"
    r"|picket|rally|vigil|siege|go-slow|boycott|work-to-rule|overtime ban|march|demonstration"
    r"|sleep-in|stay-away)s?\b"
    r"|(?:забастовк|стачк|голодовк|акци|протест|пикет|блокад|митинг|бойкот|простой|страйк"
    r"|голодуванн|акці|пікет|мітинг|протест)\w*"
)
# Words that may stand between the action and its ending verb ("The strike by 200 refuse
# collectors, which began on April 28, ended"), but not talks or a meeting that ended.
_GAP = (
    r",?(?:\s+(?!(?:talks|negotiations|meeting|hearing|session|переговор\w*|встреч\w*|зустріч\w*)"
    r"\b)[^\s.;!?]+){0,16}?"
)
# Between an ending verb and its action: determiners and adjectives, not "the ban on strikes".
_OBJ = (
    r"(?:\s+(?!(?:ban|threat|notice|ballot|on|of|against|over|for|to|про|о|об|на|від|от)\b)"
    r"[\w'’-]+){0,3}?"
)
_ENDED_EN = (
    r"\b(?:called off|suspended|ended|halted|lifted|stopped|abandoned|stood down|dropped"
    r"|cancell?ed|scrapped|finished|concluded|wound up|broke off|gave up)"
    rf"{_OBJ}\s+(?:{_ENDED_NOUN})"
    rf"|\b(?:{_ENDED_NOUN}){_GAP}\s+(?:has |had |was |were )?(?:ended(?! up\b)|finished"
    r"|came to an end"
    r"|fizzled out|(?:was|were) (?:called off|suspended|lifted|over))\b"
    r"|\b(?:came|climbed|were brought|returned|went) (?:back )?(?:up (?:from|out of) (?:the )?"
    r"(?:mine|shaft|pit|underground)|to the surface|above ground)|\bresurfaced\b"
    r"|\b(?:brought|bringing|brings|bring|put|putting|puts) (?:an end to (?:the |their |a )?"
    rf"(?:[\w'’-]+ ){{0,2}}(?:{_ENDED_NOUN})"
    rf"|(?:the |their |a )(?:[\w'’-]+ ){{0,2}}(?:{_ENDED_NOUN}) to an end)"
    r"|\b(?:dispute|conflict|strike|stoppage)s? (?:was |were |has been |had been )?settled\b"
    r"|\bpicket lines? (?:was |were |had been |have been )?"
    r"(?:lifted|removed|taken down|stood down)\b"
    r"|\bemerged from the (?:mine|shaft|pit)|\bvacated the (?:premises|building|plant|factory"
    r"|offices?|site|mine)\b|\b(?<!not )dispersed\b"
)
_ENDED_RU = (
    r"\b(?:прекрати|приостанови|заверши|закончи|окончи|останови|сверну|отмени|сня|прерва)"
    rf"(?:л|ли|ла|в|вши)\b{_OBJ}\s+(?:{_ENDED_NOUN})"
    rf"|\b(?:{_ENDED_NOUN}){_GAP}\s+(?:(?:заверши|закончи|прекрати|окончи|прерва)л(?:ась|ся|ись)"
    r"|(?:был[аио]?\s+)?(?:прекращен|завершен|окончен|отменен)[аоы]?)\b"
    r"|\bподнял(?:ись|ся|ась)\s+(?:на поверхность|на-гора|из шахты|наверх)"
    r"|\bвыехали (?:на поверхность|из шахты)|\bвышли (?:на поверхность|из шахты|из-под земли)"
    r"|\bпокинули (?:шахту|здание|цех|территорию)|(?<!не )\bразошл(?:ись|ась)\b"
    r"|\b(?:конфликт|спор|забастовк\w*|стачк\w*) (?:был\w* )?урегулирова(?:н|ли)\w*"
)
_ENDED_UK = (
    r"\b(?:припини|призупини|заверши|закінчи|зупини|згорну|скасува|зня|перерва)"
    rf"(?:в|ли|ла|вши)\b{_OBJ}\s+(?:{_ENDED_NOUN})"
    rf"|\b(?:{_ENDED_NOUN}){_GAP}\s+(?:(?:заверши|закінчи|припини)(?:вся|лася|лися|лось|лося)"
    r"|(?:було\s+)?(?:припинено|завершено|скасовано|призупинено))\b"
    r"|\bпідня(?:лися|вся|лася)\s+(?:на поверхню|нагору|з шахти)"
    r"|\bвий(?:шли|шов) (?:на поверхню|з шахти|з-під землі)"
    r"|\bпокинули (?:шахту|будівлю|цех|територію)|(?<!не )\bрозійшл(?:ися|ася)\b"
    r"|\b(?:конфлікт|спір|страйк) (?:було )?врегульован\w*"
)
ENDED_CUE = re.compile("|".join((_ENDED_EN, _ENDED_RU, _ENDED_UK)), re.I)
# "returned to work on Thursday", "вышли на работу 13 марта": the day after the last day.
RETURNED_CUE = re.compile(
    r"\b(?:returned|went|came|were|got) back (?:to|at|on) (?:work|the job|their jobs|their posts)\b"
    r"|\breturned to (?:work|(?:their|the) (?:jobs?|posts?|shifts?|rounds|routes|desks|wards"
    r"|classrooms|depots?|(?:production |assembly )?lines|machines|benches|shop floor))\b"
    r"|\b(?:resumed|restarted) (?:work|production|services|operations)\b"
    r"|\b(?:work|production|services|operations) (?:was |were |had |has )?(?:resumed|restarted)\b"
    r"|\b(?:вернул(?:ись|ся|ась)|приступил[аи]?|(?:вновь |снова )?вышл[аи]|возобновил[аи]?)"
    r"\s+(?:к работе|на работу|на смену|на лини[юи]|на маршрут\w*|работу)"
    r"|\b(?:strikers|workers|staff|employees|they|miners|drivers|nurses|teachers) went back\b"
    r"(?! to (?:the )?(?:table|talks|negotiat))"
    r"|\bработ[аы]? (?:\w+ ){0,3}?(?:был[аи]? )?(?:возобновлен[аы]?|возобновил(?:ась|ись))\b"
    r"|\bробот[аи]? (?:\w+ ){0,3}?(?:було )?(?:відновлен[аоі]|відновил(?:ася|ися))\b"
    r"|\b(?:повернул(?:ися|ася|ся)|приступили|(?:знову )?вийшли|відновили|стали)"
    r"\s+(?:до роботи|на роботу|на зміну|на лінію|на маршрут\w*|роботу)",
    re.I,
)
# A past action said to have lasted until a date: that date is its last day.
LASTED_UNTIL = re.compile(
    r"\b(?:lasted|continued|went on|ran|held out|продолжал(?:ась|ся|ись)|длил(?:ась|ся|ись)"
    r"|шл[аои]|тривав|тривала|тривало|тривали|продовжувал(?:ася|ся|ися)|трималися)"
    r"\s+(?:[\w'’-]+\s+){0,2}?(?:until|till|up to|до|по)\s+$",
    re.I,
)
# A cue said under negation or refusal ("did not return", "не вышли на работу") is none.
_CUE_NEGATED = re.compile(
    r"(?:\b(?:not|never|refus\w*|n['’]t)|(?<!\w)(?:не|ні|отказ\w*|відмов\w*))\s+(?:\w+\s+)?$",
    re.I,
)

FUTURE = re.compile(
    r"\b(?:will|shall|going to|plans? to|planned|scheduled|set to|next|буд(?:ет|ут|ем|е|уть|емо)"
    r"|планиру\w*|намерен\w*|собира\w*|намечен\w*|запланирован\w*|грозил\w*|планую\w*|"
    r"планує|мають намір|збира\w*|запланован\w*|погрожу\w*|наступного|следующ\w*)\b",
    re.I,
)
# A promise shortly before a date speaks of what is to come: "promised in writing to pay
# overtime at a double rate from March", "пообещал выплатить долг до 1 апреля".
PROMISE = re.compile(
    r"\b(?:promis\w*|pledg\w*|vow\w*|undert\w* to|agreed to|обещ\w*|пообещ\w*|обіця\w*"
    r"|пообіця\w*|зобов['’]яза\w*)\b(?:\s+[^\s.;!?]+){0,10}\s+$",
    re.I,
)


def promised(text: str, start: int) -> bool:
    """A date said just after a promise ("пообещал закрыть до 20 марта")."""
    s_start = sentence_span(text, start, start)[0]
    return bool(PROMISE.search(text, max(s_start, start - 80), start))


PAST = re.compile(
    r"\b(?:was|were|had|did|ago|last|since|\w{3,}ed|\w{2,}(?:ли|лись|лася|лося|лся)|был\w*"
    r"|назад|тому|минул\w*|прошл\w*)\b",
    re.I,
)
AFTER_PENALTY = 5  # characters: a cue after the date counts as that much farther
SENTENCE_END = re.compile(r"[.!?\n]\s")


RELATIVE_PHRASES: dict[str, tuple[str, int]] = {}
for _phrases, _value in (
    ("the day before yesterday|позавчера|позавчора", ("d", 2)),
    ("yesterday|вчера|вчора|учора", ("d", 1)),
    ("today|this morning|сегодня|сьогодні", ("d", 0)),
    ("tomorrow|завтра", ("d", -1)),
    ("last week|на прошлой неделе|на минувшей неделе|минулого тижня|на минулому тижні", ("w", 1)),
    ("this week|на этой неделе|цього тижня|на цьому тижні", ("w", 0)),
    ("last month|в прошлом месяце|в минувшем месяце|минулого місяця|у минулому місяці", ("m", 1)),
    ("this month|earlier this month|в этом месяце|в текущем месяце|цього місяця", ("m", 0)),
    ("last year|в прошлом году|в минувшем году|минулого року|торік|у минулому році", ("y", 1)),
    ("this year|earlier this year|в этом году|в текущем году|цього року|цьогоріч", ("y", 0)),
):
    for _phrase in _phrases.split("|"):
        RELATIVE_PHRASES[_phrase] = _value
RELATIVE = "|".join(sorted(map(re.escape, RELATIVE_PHRASES), key=len, reverse=True))

DASH = r"\s*(?:[-–—]|\s(?:to|until|till|through|and|по|до|і|и|та)\s)\s*"
DAY_UNIT = (
    r"(?P<u>days?|weeks?|months?|years?|дн(?:я|ей|і|ів)|день|сут(?:ки|ок)|доб(?:и|у|а)|"
    r"недел[июяь]|тиж(?:день|ні|нів|ня)|месяц(?:а|ев)?|місяц(?:ь|і|ів|я)|год(?:а)?|лет|"
    r"рок(?:и|ів|у)|рік)(?!\w)"
)
ACTION = (
    r"(?:strike|walkout|lockout|protest|occupation|sit-in|hunger strike|dispute|blockade|"
    r"picket|stoppage|standoff|stand-off|shutdown|забастовк|стачк|голодовк|протест|страйк|"
    r"акци|акці|блокад|оккупац|окупац|голодуван|бастуют|страйкують|протестують)"
)
NUMBER_WORD = r"(?:\d++|[^\W\d_]++(?:['’ʼ][^\W\d_]++)?)"  # possessive: no backtracking

# "on the ninth day", "after 9 days", "на 9-й день", "після дев'яти днів": how many days
# into the action something happened (``n``: a number or an ordinal, ``u``: its unit).
ORDINAL_EN = (
    r"second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|\d{1,3}(?:st|nd|rd|th)"
)
ORDINAL_CYR = (
    r"(?:втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят|друг|четверт|п['’ʼ]?ят|шост|сьом"
    r"|дев['’ʼ]?ят)\w*|\d{1,3}-?(?:[а-яіїє]{1,2})?"
)
NTH_DAY = re.compile(
    rf"\b(?:for|on|into|entered|in) (?:a|the|its|their) (?P<n>{ORDINAL_EN}) (?:straight |"
    r"consecutive |successive |full )?(?P<u>day|week)\b"
    rf"|(?<!\w)(?:на\s+|в\s+|у\s+|уже\s+|вже\s+)?(?P<cn>{ORDINAL_CYR})\s+(?P<cu>день|сутки|доб[уа]"
    r"|недел[юя]|тиждень)(?!\w)",
    re.I,
)
AFTER_DAYS = re.compile(
    rf"\bafter (?P<n>{NUMBER_WORD}) (?P<u>days?|weeks?)\b"
    rf"|(?<!\w)(?:спустя|через|після)\s+(?P<cn>{NUMBER_WORD})\s+"
    r"(?P<cu>дн(?:ей|я|ів|і)|недел[ьюи]|тижн(?:ів|і)|доб)\w*(?!\w)",
    re.I,
)


def counts_days(match: re.Match[str]) -> bool:
    """A ``NTH_DAY`` / ``AFTER_DAYS`` match counted in days (not weeks)."""
    unit = (match.group("u") or match.group("cu") or "").casefold()
    return unit.startswith(("day", "ден", "дн", "сут", "доб"))


def day_count(match: re.Match[str], language: str) -> int | None:
    """How many days a ``NTH_DAY`` / ``AFTER_DAYS`` match counts: "the third day" 3,
    "after two weeks" 14, "на 9-й день" 9."""
    word = match.group("n") or match.group("cn") or ""
    unit = (match.group("u") or match.group("cu") or "").casefold()
    value = count_value(word, language if language in ("ru", "uk") else "en")
    n = value[0] if value else None
    if n is None or not 0 < n <= 100:
        return None
    return n * 7 if unit.startswith(("week", "недел", "тиж")) else n


# --- context: the role and tense of a date from the words around it ----------------


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence around ``start..end`` (at most 200 characters each way)."""
    left = max(text.rfind(". ", max(0, start - 200), start), text.rfind("\n", 0, start))
    right_match = SENTENCE_END.search(text, end, min(len(text), end + 200))
    return max(left + 1, 0, start - 200), right_match.start() + 1 if right_match else end + 200


def date_cues(text: str, start: int, end: int) -> tuple[str, str | None]:
    """The date's role (start / end / point) and, where the nearest cue says the action
    ended with it, how: ``ended`` (its last day: "called off the strike on 10 March") or
    ``returned`` (the day after it: "returned to work on Thursday")."""
    before = text[max(0, start - 20) : start]
    if START_NEAR.search(before):
        return "start", None
    if END_NEAR.search(before):
        # "the strike lasted until 14 April", "страйк тривав до 14 квітня": it ended then
        return "end", "ended" if LASTED_UNTIL.search(text, max(0, start - 50), start) else None
    s_start, s_end = sentence_span(text, start, end)
    window_before, window_after = (
        text[max(s_start, start - 60) : start],
        text[end : min(s_end, end + 40)],
    )
    best: tuple[int, int, str] | None = None
    for cue, role in ((START_CUE, "start"), (END_CUE, "end")):
        for match in cue.finditer(window_before):
            distance = len(window_before) - match.end()
            best = min(best or (distance, 1, role), (distance, 1, role))
        match_after = cue.search(window_after)
        if match_after and not _DATE_SOON.match(window_after, match_after.end()):
            # a cue right before the date binds closer than one after it:
            # "which began on April 28, ended on Wednesday"
            after = match_after.start() + AFTER_PENALTY
            best = min(best or (after, 1, role), (after, 1, role))
    for distance, kind in _ending_cues(text, start, end, s_start, s_end):
        best = min(best or (distance, 0, kind), (distance, 0, kind))
    if best is None:
        return "point", None
    label = best[2]
    return ("end", label) if label in ("ended", "returned") else (label, None)


def _ending_cues(
    text: str, start: int, end: int, s_start: int, s_end: int
) -> list[tuple[int, str]]:
    """(distance, ended / returned) of each un-negated ending cue of the date's sentence."""
    out = []
    for cue_start, cue_end, kind in ending_cues(text, s_start, s_end):
        if cue_end <= start:
            distance = start - cue_end
        elif _DATE_SOON.match(text, cue_end):
            continue  # "on Thursday after their strike ended on Wednesday night"
        elif cue_start >= end:
            distance = cue_start - end + AFTER_PENALTY
        else:  # "The strike, which began on 5 March, ended": the verb comes after
            distance = cue_end - end + AFTER_PENALTY
        if distance <= 60:
            out.append((distance, kind))
    return out


# A date right after an ending cue: the cue is that date's ("ended on Wednesday").
_OWN_DATE_NEXT = re.compile(
    rf"\s+(?:(?:on|in|at|late on|early on|в|во|у|о)\s+)?(?:\d|{EN_WEEKDAY}|{CYR_WEEKDAY}|{MONTH}"
    r"|yesterday|today|вчера|сегодня|вчора|учора|сьогодні)",
    re.I,
)


# ... or a few words later: "began on 4 March, ended their protest on Monday".
_DATE_SOON = re.compile(r"(?:\s+[^\s.;]+){0,3}?" + _OWN_DATE_NEXT.pattern, re.I)


def dated_cue(text: str, end: int) -> bool:
    """An ending cue (ending at ``end``) followed by its own date ("ended on Wednesday")."""
    return bool(_OWN_DATE_NEXT.match(text, end))


def ending_cues(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """The un-negated ending cues in ``text[start:end]``: (start, end, ended / returned)."""
    end = len(text) if end is None else end
    return [(start + a, start + b, kind) for a, b, kind in _cues_in(text[start:end])]


@lru_cache(maxsize=4096)
def _cues_in(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """Each sentence is read once, though every date in it asks (and timing again)."""
    return tuple(
        (match.start(), match.end(), kind)
        for cue, kind in ((ENDED_CUE, "ended"), (RETURNED_CUE, "returned"))
        for match in cue.finditer(sentence)
        if not _cue_negated(sentence, match)
    )


def _cue_negated(text: str, match: re.Match[str]) -> bool:
    """ "did not return", "не вышли на работу", "the strike has not ended"."""
    return bool(
        _CUE_NEGATED.search(text[max(0, match.start() - 20) : match.start()])
        or _NEGATION_INSIDE.search(match.group()[-25:])
    )


_NEGATION_INSIDE = re.compile(r"(?:\b(?:not|never)|n['’]t|(?<!\w)(?:не|ні))\s", re.I)


def date_tense(text: str, start: int, end: int) -> str | None:
    """future / past / None for the sentence holding the date."""
    s_start, s_end = sentence_span(text, start, end)
    # a clause after ";" has its own tense ("ended on Wednesday; talks resume next week")
    before, after = text[s_start:start], text[end:s_end]
    before, after = before[before.rfind(";") + 1 :], after.split(";", 1)[0]
    sentence = before + " " + after
    # the future of a later clause is not the date's ("detained on Tuesday, who were
    # released the next morning"; "marched on Wednesday, demanding ... its plan to")
    own = before + " " + after.split(",", 1)[0]
    if FUTURE.search(own) or promised(text, start):
        return "future"
    if PAST.search(own) or START_NEAR.search(text[max(0, start - 20) : start]):
        return "past"
    if FUTURE.search(sentence):
        return "future"
    if PAST.search(sentence):
        return "past"
    return None


# --- which dates are the action's and how long it lasted (tables of timing.py) --------

# "a 24-hour strike", "one-day walkout", "суточная забастовка", "одноденний страйк".
ONE_DAY = re.compile(
    r"\b(?:(?:one|1|a|single|twenty-four|24|12|eight|8|four|4|two|2|three|3|six|6)[- ](?:day|hour)"
    r"|(?:48|forty-eight)[- ]hour|суточн\w+|однодневн\w+|(?:\d{1,2})-часов\w+|одноденн\w+"
    r"|добов\w+|(?:\d{1,2})-годинн\w+|(?:одно|двух|тр[её]х|четыр[её]х|пяти|шести)часов\w+"
    r"|(?:одно|дво|три|чотири|п['’]яти|шести)годинн\w+)\s+(?:\w+\s+)?(?:strike|walkout|stoppage|забастовк\w*"
    r"|стачк\w*|страйк\w*|предупредительн\w+ забастовк\w*|попереджувальн\w+ страйк\w*)",
    re.I,
)

# A few hours, in words: "five hours", "двух часов", "двох годин", "several hours".
_FEW = (
    r"(?:an|one|two|three|four|five|six|seven|eight|several|a few|a couple of|[1-9]|1[0-2]|два|две"
    r"|двух|три|тр[её]х|четыре|четыр[её]х|пять|пяти|шесть|шести|несколько|нескольких|полтора|дві"
    r"|двох|трьох|чотири|чотирьох|п['’]ять|п['’]яти|шість|шести|кілька|кількох|півтори)"
)
_ABOUT = (
    r"(?:(?:more than|over|about|around|nearly|almost|some|just over|около|более|почти|примерно"
    r"|свыше|порядка|понад|близько|майже|приблизно|більше)\s+)?"
)
_HOURS = r"(?:hours?|час(?:а|ов)?|годин[иу]?)\b"
# An action said to have lasted hours, or one day.
HOURS_LONG = re.compile(
    rf"\b(?:for|на)\s+{_ABOUT}(?:{_FEW}\s+)?{_HOURS}"
    rf"|\b(?:lasted|продолжал\w*|длил\w*|тривав|тривала|тривало)\s+{_ABOUT}{_FEW}\s+{_HOURS}"
    r"|\b(?:lasted|продолжал\w*|длил\w*|тривав|тривала|тривало)\s+(?:only\s+|всего\s+|лише\s+)?"
    r"(?:one|a single|a|один|одну|одни|одна)\s+(?:day|день|добу|сутки)\b"
    # "простояли у здания несколько часов", "простояли біля ради кілька годин"
    r"|\b(?:простоя\w*|пробыл\w*|пробул\w*|stood|stayed|remained)\s+(?:\S+\s+){0,3}?"
    rf"{_ABOUT}{_FEW}\s+{_HOURS}",
    re.I,
)

# A date that is not the action's: wages "for January", a court date, an arrest, a
# meeting, or since when wages have not been paid.
NOT_ACTION_DATE = re.compile(
    r"(?:\b(?:за|for)\s+(?:\w+\s+){0,2}"
    r"|\b(?:court|trial|hearing|arrested|detained|meeting|суд\w*|заседани\w*|засідан\w*"
    r"|задерж\w*|затрима\w*|арест\w*|арешт\w*|собрани\w*|встреч\w*|зустріч\w*)"
    r"(?:\s+\w+){0,2}\s+(?:on|in|в|во|у|на)\s+"
    # when something else was founded or signed: "a union founded last year", "приказ,
    # подписанный в марте", "профспілка, створена торік"
    r"|\b(?:founded|formed|created|set up|established|registered|signed|создан\w*|основан\w*"
    r"|образован\w*|подписан\w*|зарегистрирован\w*|створен\w*|заснован\w*|утворен\w*"
    r"|підписан\w*|зареєстрован\w*)(?:\s+\w+){0,2}\s+(?:(?:on|in|в|во|у|на)\s+)?"
    # what the employer announced or decided: "сокращения, о котором руководство объявило в
    # конце июля", "the company announced in January"
    r"|\b(?:management|company|employer|owners?|руководств\w*|администраци\w*|дирекци\w*"
    r"|работодател\w*|керівництв\w*|адміністраці\w*|дирекці\w*|роботодав\w*)\s+(?:\w+\s+)?"
    r"(?:announced|decided|объяви\w*|сообщи\w*|реши\w*|оголоси\w*|повідоми\w*|виріши\w*)"
    r"(?:\s+\w+){0,2}\s+"
    # a grievance's date: "have not been paid since October", "не платят с января"
    r"|\b(?:paid|wages?|salar\w*|зарплат\w*|заработн\w*|заробітн\w*|плат\w*|выплат\w*"
    r"|виплат\w*|получа\w*|отриму\w*)(?:\s+\w+){0,3}\s+(?:since|from|с|со|з|із)\s+)$",
    re.I,
)

# A grievance's date said before its verb: "с декабря не платят зарплату", "з грудня не
# отримують зарплати", "since May wages have gone unpaid".
GRIEVANCE_AFTER = re.compile(
    r"^[^,.;:\n]{0,25}?(?:\b(?:не|им|їм|нам)\s+)+(?:\w+\s+)?(?:плат|выплач|получа|задержива"
    r"|виплачу|отриму|затриму)\w*"
    r"|^[^,.;:\n]{0,25}?\b(?:wages?|salar\w*|pay)\s+(?:have|has|had)\s+(?:not|gone|been)\b",
    re.I,
)

# "Акция началась 5 марта", "Акція розпочалася 5 березня", "The action began on 5 March".
ACTION_BEGAN = re.compile(
    r"\b(?:акци[яи]|акці[яї]|протест|the (?:action|protest|dispute|stoppage))\w*\s+(?:\w+\s+)?"
    r"(?:начал\w*|стартовал\w*|розпочал\w*|почал\w*|began|started)\b",
    re.I,
)

# "Police dispersed a march on Wednesday, but the strike continues": the action goes on.
GOES_ON = re.compile(
    r"\b(?:continues|goes on|is continuing|carries on|продолжается|продолжают\w*|не прекраща\w+"
    r"|триває|тривають|продовжується|продовжують\w*)\b",
    re.I,
)

EVENING = re.compile(
    r"\b(?:evening|night|late|вечер\w*|ночь\w*|ночи|вечор\w*|ввечері|ніч\w*|пізно)\b", re.I
)

# "Спустя три дня они возобновили работу": a sentence about the same people.
PRONOUN_OPENING = re.compile(
    r"\W*(?:\w+\s+){0,4}?(?:they|the workers|the strikers|они|вони)\b", re.I
)

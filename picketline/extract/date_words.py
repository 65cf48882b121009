"""Word tables of the date grammar (``dates.py``): months, weekdays, the cues
that make a date a start or an end, tense words, relative-date phrases and
the pieces of the duration patterns, in English, Russian and Ukrainian."""

from __future__ import annotations

import re

from picketline.extract.numbers import APOSTROPHES

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
START_CUE = re.compile(
    r"\b(?:began|begun|begin|started|start|launched|embarked on|walked out|walk out|went on strike|"
    r"downed tools|declared|начал\w*|начин\w*|объявил\w*|объявлен\w*|стартовал\w*|"
    r"вышли на|розпоча\w*|почал\w*|почався|почалася|оголоси\w*|оголошен\w*|вийшли на)",
    re.I,
)
END_CUE = re.compile(
    r"\b(?:ended|ends|end|finished|called off|suspended|concluded|settled|came to an end|"
    r"return(?:ed)? to work|back to work|deal was reached|reached a deal|agreement was reached|"
    r"reached an agreement|договорились|домовились|заверш\w*|закончил\w*|окончил\w*|прекрати\w*|"
    r"прекращ\w*|приостанови\w*|вернулись к работе|закінчи\w*|припини\w*|призупини\w*|"
    r"повернулися до роботи)",
    re.I,
)
FUTURE = re.compile(
    r"\b(?:will|shall|going to|plans? to|planned|scheduled|set to|next|буд(?:ет|ут|ем|е|уть|емо)"
    r"|планиру\w*|намерен\w*|собира\w*|намечен\w*|запланирован\w*|грозил\w*|планую\w*|"
    r"планує|мають намір|збира\w*|запланован\w*|погрожу\w*|наступного|следующ\w*)\b",
    re.I,
)
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


# --- context: the role and tense of a date from the words around it ----------------


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence around ``start..end`` (at most 200 characters each way)."""
    left = max(text.rfind(". ", max(0, start - 200), start), text.rfind("\n", 0, start))
    right_match = SENTENCE_END.search(text, end, min(len(text), end + 200))
    return max(left + 1, 0, start - 200), right_match.start() + 1 if right_match else end + 200


def date_role(text: str, start: int, end: int) -> str:
    """start / end / point from the words just before and around the date."""
    before = text[max(0, start - 20) : start]
    if START_NEAR.search(before):
        return "start"
    if END_NEAR.search(before):
        return "end"
    s_start, s_end = sentence_span(text, start, end)
    window_before, window_after = (
        text[max(s_start, start - 60) : start],
        text[end : min(s_end, end + 40)],
    )
    best: tuple[int, str] | None = None
    for cue, role in ((START_CUE, "start"), (END_CUE, "end")):
        for match in cue.finditer(window_before):
            distance = len(window_before) - match.end()
            best = min(best or (distance, role), (distance, role))
        match_after = cue.search(window_after)
        if match_after:
            # a cue right before the date binds closer than one after it:
            # "which began on April 28, ended on Wednesday"
            after = match_after.start() + AFTER_PENALTY
            best = min(best or (after, role), (after, role))
    return best[1] if best else "point"


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
    if FUTURE.search(own):
        return "future"
    if PAST.search(own) or START_NEAR.search(text[max(0, start - 20) : start]):
        return "past"
    if FUTURE.search(sentence):
        return "future"
    if PAST.search(sentence):
        return "past"
    return None

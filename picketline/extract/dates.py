"""Find date expressions and resolve them against the publication date.

News gives dates as "since June 6", "з 6 червня", "в мае 2014 года",
"yesterday", "в понедельник" or only as a duration ("the seven-month
walkout"). This module reads them with its own regex grammar for English,
Russian and Ukrainian (faster and more predictable than dateparser, which
reads "we" as Wednesday) and resolves each to a ``PartialDate`` that claims
no more precision than the text gives.

Rules that keep dates honest:

* a date without a year takes the publication year only where that does not
  put it after publication; a later date keeps the year only when the
  sentence speaks of the future, and takes the previous year only when it
  clearly speaks of the past; otherwise, and always without a publication
  date, the mention is dropped (no date is better than a wrong one);
* relative and duration dates are computed as a window of possible days and
  reported at the finest precision (day, month, year) that holds the whole
  window, and marked ``approximate``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from picketline.domain.dates import PartialDate
from picketline.extract.base import ExtractionDoc, Finding
from picketline.extract.date_words import (
    ACTION,
    CYR_WEEKDAY,
    DASH,
    DAY,
    DAY_UNIT,
    EN_WEEKDAY,
    MONTH,
    NTH_DAY,
    NUMBER_WORD,
    ORD,
    ORDINAL_CYR,
    ORDINAL_EN,
    RELATIVE,
    RELATIVE_PHRASES,
    TOLERANCE,
    UNITS,
    YEAR,
    YEAR_WORD,
    counts_days,
    date_cues,
    date_tense,
    day_count,
    month_number,
    promised,
    sentence_span,
    weekday_number,
)
from picketline.extract.numbers import count_value


@dataclass(frozen=True)
class DateMention:
    """A date expression: its span, resolved date, role and range end."""

    start: int
    end: int
    date: PartialDate
    role: str
    until: PartialDate | None = None
    approximate: bool = False
    back_days: int | None = None  # a duration: its first day this many days before its last
    tolerance_days: int = 0
    ended: str | None = None  # "ended" / "returned": the action ended with it (see date_cues)
    day_of_action: int | None = None  # "for a third day on Friday": Friday is its day 3
    promised: bool = False  # "promised to pay by 20 March": a deadline, not the action's day


# --- resolution ------------------------------------------------------------------------


def _infer_year(
    month: int, day: int | None, published: PartialDate | None, tense: Callable[[], str | None]
) -> int | None:
    """The year of a date given without one, or None where it is not safe to say."""
    if published is None:
        return None
    year = published.year
    try:
        candidate = dt.date(year, month, day or 1)
    except ValueError:
        candidate = dt.date(year, month, 28)
    if candidate <= published.last_day():
        return year
    said = tense()
    if said == "future":
        return year
    return year - 1 if said == "past" else None


def _make(year: int | None, month: int | None = None, day: int | None = None) -> PartialDate | None:
    if year is None:
        return None
    try:
        return PartialDate(year, month, day)
    except ValueError:
        return None


def window_date(low: dt.date, high: dt.date) -> PartialDate | None:
    """The finest date that holds every day in ``low..high`` (None across years)."""
    if low == high:
        return PartialDate.from_date(low)
    if (low.year, low.month) == (high.year, high.month):
        return PartialDate(low.year, low.month)
    return PartialDate(low.year) if low.year == high.year else None


def _shift(published: PartialDate, days: int, tolerance: int) -> PartialDate | None:
    """``days`` before publication, as the finest date that holds the uncertainty."""
    low = published.first_day() - dt.timedelta(days=days + tolerance)
    high = published.last_day() - dt.timedelta(days=days - tolerance)
    return window_date(low, high)


@dataclass
class _Context:
    """What every pattern handler needs: the text, its publication date, the match."""

    text: str
    published: PartialDate | None
    match: re.Match[str]
    language: str

    def group(self, name: str) -> str | None:
        return self.match.groupdict().get(name)

    def tense(self) -> str | None:
        return date_tense(self.text, self.match.start(), self.match.end())

    def year(self, month: int, day: int | None) -> int | None:
        given = self.group("y")
        if given:
            return int(given) if len(given) == 4 else 2000 + int(given)
        return _infer_year(month, day, self.published, self.tense)

    def mention(
        self,
        date: PartialDate | None,
        until: PartialDate | None = None,
        approx: bool = False,
        role: str | None = None,
    ) -> DateMention | None:
        if date is None:
            return None
        start, end = self.match.span("date") if self.group("date") else self.match.span()
        ended = None
        if role is None:
            role, ended = date_cues(self.text, start, end)
        return DateMention(
            start, end, date, role, until, approx, ended=ended, promised=promised(self.text, start)
        )


Handler = Callable[[_Context], DateMention | None]


# --- explicit dates --------------------------------------------------------------------


def _explicit(ctx: _Context, month: int, day: int | None) -> PartialDate | None:
    return _make(ctx.year(month, day), month, day)


def _h_numeric(ctx: _Context) -> DateMention | None:
    return ctx.mention(_explicit(ctx, int(ctx.group("m") or 0), int(ctx.group("d") or 0)))


def _h_day_month(ctx: _Context) -> DateMention | None:
    month = month_number(ctx.group("m") or "")
    return ctx.mention(_explicit(ctx, month, int(ctx.group("d") or 0)))


def _h_range(ctx: _Context) -> DateMention | None:
    """ "6-12 June", "from 6 to 12 June", "с 6 по 12 июня", "June 6-12", "June 28 - July 3"."""
    end_month = month_number(ctx.group("m2") or ctx.group("m1") or "")
    start_month = month_number(ctx.group("m1") or ctx.group("m2") or "")
    first, last = int(ctx.group("d1") or 0), int(ctx.group("d2") or 0)
    until = _explicit(ctx, end_month, last)
    if until is None:
        return None
    year = until.year - 1 if (start_month, first) > (end_month, last) else until.year
    return ctx.mention(_make(year, start_month, first), until)


def _h_month_year(ctx: _Context) -> DateMention | None:
    return ctx.mention(_explicit(ctx, month_number(ctx.group("m") or ""), None))


def _h_year(ctx: _Context) -> DateMention | None:
    return ctx.mention(_make(int(ctx.group("y") or 0)))


# --- relative dates --------------------------------------------------------------------


def _relative_date(published: PartialDate, unit: str, back: int) -> PartialDate | None:
    """The date ``back`` days/weeks/months/years before publication."""
    if unit == "d":
        return _shift(published, back, 0)
    if unit == "w":
        first, last = published.first_day(), published.last_day()
        low = first - dt.timedelta(days=first.weekday() + 7 * back)
        high = last - dt.timedelta(days=last.weekday() + 7 * back - 6) if back else last
        return window_date(low, min(high, last))
    if unit == "m":
        if published.month is None:
            return None
        index = published.year * 12 + published.month - 1 - back
        return PartialDate(index // 12, index % 12 + 1)
    return PartialDate(published.year - back)


def _h_weekend(ctx: _Context) -> DateMention | None:
    """ "over the weekend", "в минувшие выходные", "на вихідних": the last Saturday and
    Sunday on or before publication (the finest date that holds both)."""
    if ctx.published is None or ctx.published.day is None or ctx.tense() == "future":
        return None
    pub = ctx.published.first_day()
    sunday = pub - dt.timedelta(days=(pub.weekday() + 1) % 7)
    return ctx.mention(window_date(sunday - dt.timedelta(days=1), sunday), approx=True)


def _h_relative(ctx: _Context) -> DateMention | None:
    if ctx.published is None:
        return None
    unit, back = RELATIVE_PHRASES[ctx.match.group().casefold()]
    date = _relative_date(ctx.published, unit, back)
    exact = unit in ("m", "y") or (date is not None and date.precision == ctx.published.precision)
    return ctx.mention(date, approx=not exact)


def _unit_code(word: str) -> str | None:
    folded = word.casefold()
    if folded.startswith("годин"):
        return None  # Ukrainian hours
    for code, stems in (
        ("d", ("day", "дн", "день", "денн", "сут", "доб")),
        ("w", ("week", "недел", "тиж")),
        ("m", ("month", "месяц", "місяц", "месячн", "місячн")),
        ("y", ("year", "год", "лет", "рок", "рік", "річн")),
    ):
        if folded.startswith(stems):
            return code
    return None


def _h_duration(ctx: _Context) -> DateMention | None:
    """ "seven-month walkout", "на протяжении недели", "третьи сутки забастовки"."""
    if ctx.published is None or ctx.tense() == "future":
        return None
    unit = _unit_code(ctx.group("u") or "")
    count = count_value(ctx.group("n"), ctx.language)
    if unit is None or count is None:
        return None
    n, ordinal = count
    days = UNITS[unit] * (n - 1 if ordinal else n)
    tolerance = max(TOLERANCE[unit], 1)
    mention = ctx.mention(_shift(ctx.published, days, tolerance), approx=True, role="start")
    if mention is None or n <= 0:
        return mention
    back = days if ordinal else days - 1
    return replace(mention, back_days=back, tolerance_days=TOLERANCE[unit])


def _h_ago(ctx: _Context) -> DateMention | None:
    unit = _unit_code(ctx.group("u") or "")
    count = count_value(ctx.group("n"), ctx.language)
    if ctx.published is None or unit is None or count is None:
        return None
    days = UNITS[unit] * count[0]
    exact = unit == "d" and ctx.published.day is not None
    return ctx.mention(_shift(ctx.published, days, TOLERANCE[unit]), approx=not exact)


def _h_weekday(ctx: _Context) -> DateMention | None:
    """The most recent such weekday on or before publication (after it, in future talk)."""
    published = ctx.published
    if published is None or published.day is None:
        return None
    target = weekday_number(ctx.group("date") or "")
    before = (ctx.group("pre") or "").casefold()
    pub = published.first_day()
    if re.search(r"next|следующ|наступн", before) or ctx.tense() == "future":
        return ctx.mention(PartialDate.from_date(pub + dt.timedelta((target - pub.weekday()) % 7)))
    back = (pub.weekday() - target) % 7
    if back == 0 and re.search(r"last|past|прошл|минув|минул", before):
        back = 7
    return ctx.mention(PartialDate.from_date(pub - dt.timedelta(days=back)))


# --- the grammar -----------------------------------------------------------------------

_PARTS = {
    "MONTH": MONTH, "YEAR": YEAR, "YW": YEAR_WORD, "ORD": ORD, "DAY": DAY, "DASH": DASH,
    "REL": RELATIVE, "NUM": NUMBER_WORD, "UNIT": DAY_UNIT, "ACT": ACTION,
    "ENWD": EN_WEEKDAY, "CYWD": CYR_WEEKDAY, "ORDEN": ORDINAL_EN, "ORDCYR": ORDINAL_CYR,
}  # fmt: skip
# fmt: off
_PATTERNS: tuple[tuple[str | None, str, Handler], ...] = (
    ("digit",
     r"(?<!\d)%(YEAR)s-(?P<m>0?[1-9]|1[0-2])-(?P<d>[0-3]?\d)(?!\d)", _h_numeric),
    ("digit",
     r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d|\d\d)(?![\d]|\.\d)",
     _h_numeric),
    ("digit",
     r"(?<![\d/])(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/%(YEAR)s", _h_numeric),
    ("month",
     r"(?<!\d)(?P<d1>[0-3]?\d)(?!\d)%(ORD)s(?:\s+(?P<m1>%(MONTH)s))?%(DASH)s(?P<d2>[0-3]?\d)(?!\d)"
     r"%(ORD)s\s+(?:of\s+)?(?P<m2>%(MONTH)s)(?:,?\s+%(YEAR)s)?%(YW)s", _h_range),
    ("month",
     r"(?<!\w)(?P<m1>%(MONTH)s)\s+(?P<d1>[0-3]?\d)(?!\d)%(ORD)s%(DASH)s(?:(?P<m2>%(MONTH)s)\s+)?"
     r"(?P<d2>[0-3]?\d)(?!\d)%(ORD)s(?:,?\s+%(YEAR)s)?", _h_range),
    ("month",
     r"(?<!\d)%(DAY)s\s+(?:of\s+)?(?P<m>%(MONTH)s)(?:,?\s+%(YEAR)s)?%(YW)s", _h_day_month),
    ("month",
     r"(?<!\w)(?P<m>%(MONTH)s)\s+%(DAY)s(?:,?\s+%(YEAR)s)?", _h_day_month),
    ("month",
     r"(?<!\w)(?P<m>%(MONTH)s),?\s+%(YEAR)s%(YW)s", _h_month_year),
    ("month",
     r"(?<!\w)(?:in|since|from|until|till|by|during|through|early|late|mid|last|this|of|в|во|"
     r"с|со|до|по|к|у|з|із|від|наприкінці|на початку|в начале|в конце|в середине|с начала|"
     r"з початку|до конца|на)[\s-]+(?P<date>(?P<m>%(MONTH)s))(?!\s*\d)", _h_month_year),
    ("year",
     r"(?<!\w)(?:in|since|from|until|till|by|during|of|after|before|в|во|с|со|до|по|к|у|з|"
     r"із|від|після|после|на|начиная с)\s+(?P<date>%(YEAR)s(?!\s*[-–]?(?:х|s|ті)\b)%(YW)s)",
     _h_year),
    ("year",
     r"(?<![\d.,])%(YEAR)s\s*(?:году|года|год|г\.|році|року|рік|р\.)", _h_year),
    (None,
     r"(?<!\w)(?:%(REL)s)(?!\w)", _h_relative),
    ("weekend",
     r"(?<!\w)(?:(?:over|at|during|on) )?(?:the|this|last|past) weekend(?!\w)"
     r"|(?<!\w)(?:в|на|у) (?:(?:минувшие|прошедшие|прошлые|эти|минулі|ці) )?(?:выходные|выходных"
     r"|вихідні|вихідних)(?!\w)|(?<!\w)минулих вихідних(?!\w)", _h_weekend),
    ("ago",
     r"(?<!\w)(?:(?:just\s+)?(?:over|about|nearly|almost|more than|around)\s+)?"
     r"(?P<n>%(NUM)s)?\s*%(UNIT)s\s+(?:ago|назад|тому)(?!\w)", _h_ago),
    ("enwd",
     r"(?<!\w)(?P<pre>(?:on|last|this|next|past)\s+)?(?P<date>%(ENWD)s)(?!\w)", _h_weekday),
    ("cywd",
     r"(?<!\w)(?P<pre>(?:(?:в|во|у|на)\s+)?(?:(?:прошл|минувш|минул|следующ|наступн|эт|ц)"
     r"\w*\s+)?)(?P<date>%(CYWD)s)(?!\w)", _h_weekday),
    ("act",
     r"(?<!\w)(?P<date>(?P<n>%(NUM)s)[- ](?P<u>day|week|month|year)s?(?:[- ](?:long|old))?)"
     r"\s+(?:[\w-]+\s+){0,2}?%(ACT)s", _h_duration),
    ("act",
     r"(?<!\w)(?P<date>(?P<u>day|week|month|year)-long)\s+(?:[\w-]+\s+){0,2}?%(ACT)s",
     _h_duration),
    ("forover",
     r"(?<!\w)(?:for|over)\s+(?:the\s+(?:past|last)\s+)?(?:(?:more than|over|about|almost|"
     r"nearly|just over|around)\s+)?(?P<n>%(NUM)s)\s+(?P<u>days?|weeks?|months?|years?)(?!\w)"
     r"(?!\s+ago)(?!['’]|\s+(?:of\s+)?(?:unpaid|back pay|wages?|salar\w*|pay\b|arrears))",
     _h_duration),
    # "for the past week": one of its unit
    ("forover",
     r"(?<!\w)(?:for|over|during)\s+the\s+(?:past|last)\s+(?P<u>day|week|month|year)(?!\w)",
     _h_duration),
    # "stayed away for a third day", "entered its fifth day": today is the Nth day
    ("nth",
     r"(?<!\w)(?:for|into|entered) (?:a|the|its|their) (?P<date>(?P<n>%(ORDEN)s) (?:straight |"
     r"consecutive |successive |full )?(?P<u>day|week))(?!\w)", _h_duration),
    # "Третий день продолжается забастовка", "Третю добу триває страйк"
    ("nth",
     r"(?<!\w)(?P<date>(?P<n>%(ORDCYR)s)\s+(?P<u>день|сутки|добу|неделю|тиждень))\s+"
     r"(?:подряд\s+|поспіль\s+)?(?:уже\s+|вже\s+)?(?:продолжа|длит|ид[её]т|трива|бастую|"
     r"страйкую|протестую|голоду|не (?:выход|вихо|работа|працю))\w*", _h_duration),
    ("ruverb",
     r"(?<!\w)(?:уже|на протяжении|целую|целый|целых|бастуют|протестуют|голодают|бастует|вже|"
     r"протягом|цілий|цілу|страйкують|протестують|голодують|страйкує)\s+(?:(?:уже|вже)\s+)?(?:(?:более|больше|"
     r"почти|около|понад|більше|майже|близько)\s+)?(?:(?P<n>%(NUM)s)\s+)?%(UNIT)s", _h_duration),
    ("act",
     r"(?<!\w)(?P<date>(?P<n>(?:втор|трет|четв[её]рт|пят|шест|седьм|восьм|десят|друг|четверт|"
     r"п['’ʼ]ят|шост|сьом)\w*|\d+-?[а-яіїє]{1,2})\s+(?P<u>сутки|день|неделю|неделя|месяц|"
     r"доба|добу|тиждень|місяць))\s+(?:подряд\s+|поспіль\s+)?%(ACT)s", _h_duration),
    ("act",
     r"(?<!\w)(?P<date>(?P<n>\d+|дву|двух|тр[её]х|четыр[её]х|пяти|шести|семи|десяти|дво|трьох|"
     r"чотирьох|п['’ʼ]яти)-?(?P<u>дневн|недельн|месячн|летн|денн|тижнев|місячн|річн)\w*)\s+"
     r"(?:\w+\s+)?%(ACT)s", _h_duration),
)
# fmt: on
_COMPILED = tuple(
    (trigger, re.compile(pattern % _PARTS, re.I), handler)
    for trigger, pattern, handler in _PATTERNS
)
# A cheap search that a text must pass before the costly patterns run on it.
_TRIGGERS = {
    key: re.compile(pattern % _PARTS, re.I)
    for key, pattern in (
        ("digit", r"\d[./-]\d"), ("month", "%(MONTH)s"), ("year", r"(?:19|20)\d\d"),
        ("ago", r"(?<!\w)(?:ago|назад|тому)(?!\w)"), ("enwd", "%(ENWD)s"), ("cywd", "%(CYWD)s"),
        ("act", "%(ACT)s"), ("forover", r"(?<!\w)(?:for|over)(?!\w)"),
        ("ruverb", r"(?:уже|вже|протяг|протяжени|цел|ціл|бастую|протесту|голоду|страйку)"),
        ("nth", r"(?:day|week|день|сутки|добу|неделю|тиждень)"),
        ("weekend", r"(?:weekend|выходн|вихідн)"),
    )
}  # fmt: skip
_EXPLICIT = frozenset({_h_numeric, _h_day_month, _h_range, _h_month_year, _h_year})
_JOIN_GAP = re.compile(r"[\s,]{0,3}")


def _candidates(
    text: str, language: str, published: PartialDate | None
) -> list[tuple[DateMention, bool]]:
    found = []
    triggered: dict[str, bool] = {}
    for trigger, pattern, handler in _COMPILED:
        if trigger is not None:
            if trigger not in triggered:
                triggered[trigger] = _TRIGGERS[trigger].search(text) is not None
            if not triggered[trigger]:
                continue
        for match in pattern.finditer(text):
            mention = handler(_Context(text, published, match, language))
            if mention is not None:
                found.append((mention, handler in _EXPLICIT))
    return found


def _without_overlaps(found: list[tuple[DateMention, bool]]) -> list[tuple[DateMention, bool]]:
    """Longest mention first; a shorter one inside or across it is dropped."""
    kept: list[tuple[DateMention, bool]] = []
    for item in sorted(found, key=lambda f: (f[0].start - f[0].end, not f[1], f[0].start)):
        if all(item[0].end <= k.start or item[0].start >= k.end for k, _ in kept):
            kept.append(item)
    return sorted(kept, key=lambda f: f[0].start)


def _absorb_weekdays(text: str, found: list[tuple[DateMention, bool]]) -> list[DateMention]:
    """ "Monday, 13 January": the explicit date wins and its span takes in the weekday."""
    out: list[DateMention] = []
    for index, (mention, explicit) in enumerate(found):
        following = found[index + 1] if index + 1 < len(found) else None
        if (
            not explicit
            and following
            and following[1]
            and _WEEKDAY_ONLY.fullmatch(text[mention.start : mention.end])
            and _JOIN_GAP.fullmatch(text[mention.end : following[0].start])
        ):
            found[index + 1] = (replace(following[0], start=mention.start), True)
            continue
        out.append(mention)
    return out


_WEEKDAY_ONLY = re.compile(EN_WEEKDAY + "|" + CYR_WEEKDAY, re.I)


def find_dates(text: str, language: str, published: PartialDate | None) -> list[DateMention]:
    """Every resolvable date expression in ``text``, in text order.

    ``language`` is ``en``, ``ru`` or ``uk`` (the grammar accepts all three in
    any text; the language only picks number words). Mentions that cannot be
    resolved safely (no year and no publication date) are left out.
    """
    found = _without_overlaps(_candidates(text, language, published))
    return [_with_day_of_action(text, m, language) for m in _absorb_weekdays(text, found)]


_NTH_DAY_REACH = 40  # characters between "the third day" and its date


def _with_day_of_action(text: str, mention: DateMention, language: str) -> DateMention:
    """ "stayed away for a third day on Friday", "в пятницу, на третий день забастовки":
    the date is the action's Nth day (its first day is N-1 days before)."""
    if mention.date.day is None or mention.back_days is not None or mention.role == "start":
        return mention  # "третий день ...: с понедельника": Monday is the start itself
    s_start, s_end = sentence_span(text, mention.start, mention.end)
    for match in NTH_DAY.finditer(text, s_start, s_end):
        gap = (
            mention.start - match.end()
            if match.end() <= mention.start
            else match.start() - mention.end
        )
        n = day_count(match, language)
        if 0 <= gap <= _NTH_DAY_REACH and counts_days(match) and n is not None and n > 1:
            return replace(mention, day_of_action=n)
    return mention


class DateStage:
    """Pipeline stage: adds a ``_date`` finding for every date mention."""

    name = "dates"

    def __call__(self, doc: ExtractionDoc) -> None:
        for mention in find_dates(doc.text, doc.language or "en", doc.published):
            doc.add(
                Finding(
                    field="_date",
                    value=mention.date,
                    start=mention.start,
                    end=mention.end,
                    confidence=0.5 if mention.approximate else 0.9,
                    attrs={
                        "role": mention.role,
                        "until": mention.until,
                        "approximate": mention.approximate,
                        **({"ended": mention.ended} if mention.ended else {}),
                        **({"promised": True} if mention.promised else {}),
                        **(
                            {"day_of_action": mention.day_of_action}
                            if mention.day_of_action
                            else {}
                        ),
                        **(
                            {
                                "back_days": mention.back_days,
                                "tolerance_days": mention.tolerance_days,
                            }
                            if mention.back_days is not None
                            else {}
                        ),
                    },
                )
            )

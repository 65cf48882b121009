"""When a struggle started and ended: choosing among the dates of its sentences.

The date stage finds every date and says whether its words make it a start
("since", "began", "объявили"), an end ("until", "ended") or a plain point;
this module picks, for one struggle:

* ``start`` — the earliest recent start-or-point date said with an action
  (else with the workers, else on a line of its own), never after publication
  nor so long before it that it is background;
* ``end`` — only where the article says the action ended: a date bound to its
  own ending words ("called off the strike on 10 March", "сняли пикет в среду",
  "вийшли на поверхню 11 березня"; a return to work is the day after, unless the
  sentence names the ending too), else the latest date of a sentence with the
  outcome stage's "ended" cue, else the last day of a past range ("struck from
  1 to 8 May"), else a day count from a known start ("На 9-й день прекратили
  голодовку"); never where the sentence says the action goes on;
* a start counted back from a duration ("the ten-day strike", "трехдневная
  забастовка") from the end where there is one, not from publication, and from
  a day said as the Nth ("for a third day on Wednesday").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from picketline.domain.dates import PartialDate
from picketline.domain.vocab import Action, Outcome
from picketline.extract.base import ExtractionDoc, Finding
from picketline.extract.date_words import (
    ACTION_BEGAN,
    AFTER_DAYS,
    EVENING,
    GOES_ON,
    GRIEVANCE_AFTER,
    HOURS_LONG,
    NOT_ACTION_DATE,
    NTH_DAY,
    ONE_DAY,
    PRONOUN_OPENING,
    counts_days,
    dated_cue,
    day_count,
    ending_cues,
    sentence_span,
)
from picketline.extract.dates import window_date
from picketline.extract.patterns import doc_sentences

Spans = dict[str, list[tuple[int, int]]]
MAX_DATE_AGE_DAYS = 400  # a "start" older than this before publication is background
# Actions that are over the day they are held: a rally, a picket, a walkout.
ONE_DAY_ACTIONS = frozenset({Action.DEMONSTRATION, Action.PICKET, Action.WALKOUT})


# A sentence that recalls an earlier event: "In 2009, ...", "Back in ...", "Ещё в ...",
# "Напомним, ...", "Нагадаємо, що у 2018 році ...", "Раніше ...".
_BACKGROUND = re.compile(
    r"^\W*(?:back in|previously|earlier(?! today| this week)|last year|in (?:19|20)\d\d\b"
    r"|ещ[её] в\b|ранее|напомним|в (?:\w+ )?(?:19|20)\d\d год\w*|в прошлом году"
    r"|нагадаємо|раніше|ще в\b|у (?:\w+ )?(?:19|20)\d\d р\w*|минулого року)",
    re.IGNORECASE,
)


def _sentence_text(doc: ExtractionDoc, finding: Finding) -> str:
    """The sentence around a date, cut at sentence ends and line breaks."""
    text = doc.text
    left = max(text.rfind(mark, 0, finding.start) for mark in (". ", "\n", "! ", "? ")) + 1
    return text[left : finding.start]


def background_sentences(doc: ExtractionDoc, dates: list[Finding]) -> set[object]:
    """Sentences that recall an old event: they open with "In 2009", "Back in", "Ещё в",
    "Нагадаємо", or state an exact year well before publication."""
    old: set[object] = set()
    for d in dates:
        sentence = d.attrs.get("sentence")
        if _BACKGROUND.search(_sentence_text(doc, d).lstrip()) or (
            doc.published is not None
            and not d.attrs.get("approximate")
            and (doc.published.first_day() - d.value.last_day()).days > MAX_DATE_AGE_DAYS
        ):
            old.add(sentence)
    return old


def _own_date(doc: ExtractionDoc, d: Finding, actions: list[tuple[int, int]]) -> bool:
    """Not a wage period ("за январь"), a court date, an arrest, a meeting, since when
    wages are unpaid, nor a date in a clause of its own without the action."""
    before = doc.text[max(0, d.start - 40) : d.start]
    before = before[max(before.rfind("\n"), before.rfind(". ")) + 1 :]  # its own sentence
    after = doc.text[d.end : d.end + 60]
    if NOT_ACTION_DATE.search(before) or GRIEVANCE_AFTER.search(after):
        return False
    return _clause_has_action(doc.text, d, actions)


_CLAUSE_MARK = re.compile(r"[:;]\s")


def _clause_has_action(text: str, d: Finding, actions: list[tuple[int, int]]) -> bool:
    """ "Люди собрались у проходной ...: с октября цех переведён на режим простоя": a date
    in a clause (after a colon or a semicolon) that names no action, of a sentence that
    names one elsewhere, is not the action's date."""
    left, right = sentence_span(text, d.start, d.end)
    marks = [m.end() for m in _CLAUSE_MARK.finditer(text, left, d.start)]
    after = _CLAUSE_MARK.search(text, d.end, right)
    low, high = (marks[-1] if marks else left), (after.start() if after else right)
    if low == left and high == right:
        return True  # the whole sentence is one clause
    in_sentence = [a for a in actions if left <= a[0] < right]
    return not in_sentence or any(low <= a[0] < high for a in in_sentence)


_DATELINE_PLACE = re.compile(r"[A-ZА-ЯІЇЄҐ][\w .,'()-]{0,40}?,?\s*$")
_DATELINE_DASH = re.compile(r"\s*(?:\([^)\n]{1,20}\)\s*)?[-–—]\s")


def is_dateline(text: str, date: Finding) -> bool:
    """ "LEEDS, March 14 - ...", "ABUJA, Nov 6 (Reuters) - ...": the wire's date of
    filing at the head of a line, not the date of anything the story reports."""
    line_start = text.rfind("\n", 0, date.start) + 1
    prefix = text[line_start : date.start]
    if prefix and not _DATELINE_PLACE.fullmatch(prefix):
        return False
    if prefix and not prefix.split(",")[0].isupper():
        return False
    return bool(_DATELINE_DASH.match(text, date.end))


def _sentences_text(doc: ExtractionDoc, indices: set[int]) -> list[str]:
    """The texts of some sentences of the document, in order."""
    return [s.text for s in doc_sentences(doc) if s.index in indices]


def note(evidence: Spans, name: str, findings: list[Finding]) -> None:
    spans = sorted({(f.start, f.end) for f in findings})
    if spans:
        evidence.setdefault(name, []).extend(spans)


def start_finding(
    doc: ExtractionDoc,
    dates: list[Finding],
    action_sentences: set[int],
    about: set[int],
) -> Finding | None:
    """The earliest recent date said with an action (else with the workers, else alone).

    A line that is nothing but a date (a timeline entry, a dateline) counts
    as said with the action; dates in sentences about other things ("mines
    have halved since 2008") do not count at all.
    """
    old = background_sentences(doc, dates)
    actions = [(f.start, f.end) for f in doc.findings if f.field == "actions"]
    usable = [
        d
        for d in map(_first_day_of, dates)
        if d.attrs.get("role") in ("start", "point")
        and not d.attrs.get("ended")  # "came up from the mine on 11 March" ends it
        and recent(d.value, doc.published)
        and _own_date(doc, d, actions)
    ]
    fresh = [d for d in usable if d.attrs.get("sentence") not in old]
    usable = fresh or usable
    in_action = [
        d
        for d in usable
        if d.attrs.get("sentence") in action_sentences or _names_the_action(doc.text, d)
    ]
    near = [d for d in usable if d.attrs.get("sentence") in about or d.attrs.get("alone")]
    pool = in_action or near
    # "on strike since Monday, after the company sacked two reps last month": the
    # date the text marks as the beginning wins over other dates of the sentence.
    # Only over coarser dates: between two days, the earlier one is the start
    # ("struck on 6 May ... locked out from 13 May").
    said_start = [
        d for d in pool if d.attrs.get("role") == "start" and not d.attrs.get("approximate")
    ]
    if said_start:
        pool = said_start + [
            d for d in pool if d.value.day is not None and not d.attrs.get("approximate")
        ]
    if not pool:
        return None
    return min(pool, key=lambda d: (d.value.last_day(), -_rank(d.value), d.start))


def _names_the_action(text: str, date: Finding) -> bool:
    """A start date said of the action by a word that only refers back to it."""
    left, right = sentence_span(text, date.start, date.end)
    return date.attrs.get("role") == "start" and bool(ACTION_BEGAN.search(text, left, right))


def _first_day_of(date: Finding) -> Finding:
    """A date said as the action's Nth day ("for a third day on Friday", "на 9-й день,
    12 марта") stands for its first day, N-1 days before."""
    n = date.attrs.get("day_of_action")
    if not isinstance(n, int):
        return date
    first = PartialDate.from_date(date.value.first_day() - dt.timedelta(days=n - 1))
    return replace(date, value=first, attrs={**date.attrs, "role": "start", "ended": None})


def _rank(date: PartialDate) -> int:
    """3 for a day, 2 for a month, 1 for a year: finer wins a tie."""
    return 1 if date.month is None else 2 if date.day is None else 3


def _exact_first(dates: list[Finding]) -> list[Finding]:
    """Dates the text states, if any; else those computed from durations ("a week ago")."""
    exact = [d for d in dates if not d.attrs.get("approximate")]
    return exact or dates


def recent(date: PartialDate, published: PartialDate | None) -> bool:
    """Not after publication, and not so long before it that it is background."""
    if published is None:
        return True
    if date.first_day() > published.last_day():
        return False
    return (published.first_day() - date.last_day()).days <= MAX_DATE_AGE_DAYS


def end_finding(
    dates: list[Finding],
    cues: list[Finding],
    outcome: Outcome | None,
    text: str = "",
    one_day: bool = False,
) -> tuple[Finding, PartialDate] | None:
    """A date said where the article says the action ended (only if it did).

    A date bound to its own ending words ("called off the strike on 10 March",
    "сняли пикет в среду") is an end whatever else the article says; other dates
    count in sentences with an outcome stage's "ended" cue, where the struggle is
    not reported as still going on. Where the sentence only says the workers went
    back ("returned to work on Thursday", "вновь вышли на маршруты в четверг"), the
    action's last day is the day before. A rally or picket (``one_day``) takes no date
    from a sentence that only says what was won ("погашена 28 марта").
    """
    bound = [d for d in dates if d.attrs.get("ended")]
    returns = _return_sentences(text, cues)
    ended = _ended_sentences(cues, outcome, ("ended",) if one_day else _END_KINDS)
    cued = [d for d in _cued_end_dates(dates, ended, returns) if d not in bound]
    pool = _exact_first([d for d in bound + cued if not _goes_on(text, d)])
    if pool:
        return max(
            ((d, _last_day(d, returns, text)) for d in pool),
            key=lambda pair: (pair[1].last_day(), pair[0].start),
        )
    ranges = [d for d in dates if d.attrs.get("sentence") in ended and d.attrs.get("until")]
    if ranges:
        best = max(ranges, key=lambda d: d.start)
        return best, best.attrs["until"]
    return None


_END_KINDS = ("ended", "partial", "won")


def _goes_on(text: str, date: Finding) -> bool:
    if not text:
        return False
    right = sentence_span(text, date.start, date.end)[1]
    return bool(GOES_ON.search(text, date.end, right))


def _ended_sentences(
    cues: list[Finding], outcome: Outcome | None, kinds: tuple[str, ...] = _END_KINDS
) -> set[object]:
    """Sentences with an outcome cue saying the action ended (or what it won), where the
    article does not report it as still going on ("ongoing" from "talks resume" is the
    dispute, not it)."""
    ended = {f.attrs.get("sentence") for f in cues if f.value in kinds}
    dispute_goes_on = any(f.value == "continues" for f in cues)
    settled = outcome in (Outcome.WON, Outcome.PARTIAL, Outcome.LOST, None)
    if not (settled or dispute_goes_on) or not any(f.value == "ended" for f in cues):
        return set()
    return ended


def _cued_end_dates(
    dates: list[Finding], ended: set[object], returns: set[object]
) -> list[Finding]:
    return [
        d
        for d in dates
        if d.attrs.get("sentence") in ended
        and (
            d.attrs.get("role") in ("end", "point")
            # "вышли на маршруты в четверг": a going-out verb, read as a start
            or (d.attrs.get("role") == "start" and d.attrs.get("sentence") in returns)
        )
    ]


# Cues that name the return, not the end: the date said with them is the day after.
_RETURN = re.compile(
    r"return|back|resum|restart|(?<!с)вернул|вышл|вышли|возобнов|приступ|поверну|вийш|відновил|приступи",
    re.IGNORECASE,
)


_ENDING = re.compile(
    r"\b(?:end(?:ed|ing|s)|finish\w*|заверш\w*|законч\w*|прекрати\w*|закінч\w*|припини\w*)",
    re.IGNORECASE,
)


def _undated_ending(sentence: str) -> bool:
    """Words that ended the action without a date of their own ("returned on Wednesday
    after the union called off the strike"; not "... after it ended on Tuesday")."""
    ends = [m.end() for m in _ENDING.finditer(sentence)]
    ends += [end for _, end, kind in ending_cues(sentence) if kind == "ended"]
    return any(not dated_cue(sentence, end) for end in ends)


def _return_sentences(text: str, cues: list[Finding]) -> set[object]:
    """Sentences whose only 'ended' cues name the return to work."""
    kinds: dict[object, set[bool]] = {}
    for cue in cues:
        if cue.value == "ended":
            is_return = bool(text) and bool(_RETURN.search(text[cue.start : cue.end]))
            kinds.setdefault(cue.attrs.get("sentence"), set()).add(is_return)
    returns = {sentence for sentence, flags in kinds.items() if flags == {True}}
    for cue in cues:
        if cue.attrs.get("sentence") in returns:
            left, right = sentence_span(text, cue.start, cue.end)
            if _ENDING.search(text[left:right]):  # "returned on Wednesday, ending the strike"
                returns.discard(cue.attrs.get("sentence"))
    return returns


def _last_day(date: Finding, returns: set[object], text: str) -> PartialDate:
    """The action's last day from a date of its ending: the day before a return to work
    ("returned to work on Thursday"), unless the sentence says the return ended it
    ("returned on Wednesday, ending the strike")."""
    value: PartialDate = date.value
    kind = date.attrs.get("ended")
    if kind == "returned" and text:
        left, right = sentence_span(text, date.start, date.end)
        sentence = text[left:right]
        # "returned on Wednesday after the union called off the strike", "к вечеру
        # четверга ... вернулись на маршруты": the day of the return was still theirs
        back = not (
            _undated_ending(sentence)
            or EVENING.search(text, max(0, date.start - 25), date.end + 25)
        )
    else:
        back = kind is None and date.attrs.get("sentence") in returns
    if back and value.day is not None:
        return PartialDate.from_date(value.first_day() - dt.timedelta(days=1))
    return value


def past_range_end(start: Finding | None, published: PartialDate | None) -> PartialDate | None:
    """The last day of a range that was over before publication ("from 1 to 8 May")."""
    if start is None or published is None or published.day is None:
        return None
    until = start.attrs.get("until")
    if isinstance(until, PartialDate) and until.last_day() < published.first_day():
        return until
    return None


def start_from_end(start: Finding, end: PartialDate) -> PartialDate | None:
    """A duration's start counted back from the end ("the ten-day strike ended on 12 May")."""
    back = start.attrs.get("back_days")
    if not isinstance(back, int) or end.day is None:
        return None
    tolerance = int(start.attrs.get("tolerance_days") or 0)
    last = end.first_day() - dt.timedelta(days=back)
    return window_date(last - dt.timedelta(days=tolerance), last + dt.timedelta(days=tolerance))


def counted_end(
    doc: ExtractionDoc,
    start: PartialDate,
    dates: list[Finding],
    cues: list[Finding],
    sentences: set[int],
) -> PartialDate | None:
    """The end counted from a known first day where a sentence saying the action ended
    counts its days: "After 9 days, the drivers went back to work", "На 9-й день рабочие
    прекратили голодовку", "the ten-day strike, which began on 3 March, has ended"."""
    if start.day is None:
        return None
    ended = {f.attrs.get("sentence") for f in cues if f.value == "ended"}
    language = doc.language or "en"
    for sentence in doc_sentences(doc):
        follows = sentence.index - 1 in sentences and PRONOUN_OPENING.match(sentence.text)
        if sentence.index not in sentences and not follows:
            continue
        if sentence.index not in ended and not ending_cues(sentence.text):
            continue
        counted = _counted_days(
            sentence.text, language, [d for d in dates if d.attrs.get("sentence") == sentence.index]
        )
        if counted is None:
            continue
        back, tolerance = counted
        last = start.first_day() + dt.timedelta(days=back)
        end = window_date(last - dt.timedelta(days=tolerance), last + dt.timedelta(days=tolerance))
        if end is not None and recent(end, doc.published):
            return end
    return None


def _counted_days(text: str, language: str, dates: list[Finding]) -> tuple[int, int] | None:
    """(days from the first day to the last, uncertainty in days) that a sentence counts:
    "after 9 days" (8, 0), "after two weeks" (13, 2), "the ten-day strike" (9, 0)."""
    match = AFTER_DAYS.search(text) or NTH_DAY.search(text)
    days = day_count(match, language) if match else None
    if match and days:
        return days - 1, 0 if counts_days(match) else 2
    for d in dates:
        back = d.attrs.get("back_days")
        if isinstance(back, int):
            return back, int(d.attrs.get("tolerance_days") or 0)
    return None


def one_day_end(
    doc: ExtractionDoc,
    start: PartialDate,
    actions: frozenset[Action],
    cues: list[Finding],
    action_text: str,
) -> PartialDate | None:
    """The end of an action that lasts a day: a 24-hour strike, or a rally or picket the
    article says is over, held on a day before publication."""
    if start.day is None or doc.published is None or doc.published.day is None:
        return None
    if start.last_day() >= doc.published.first_day():
        return None
    if HOURS_LONG.search(action_text):
        return start  # "blocked the road for two hours", "забастовка продолжалась один день"
    one_day = ONE_DAY.search(action_text)
    if one_day:
        days = 1 if re.search(r"48|forty-eight", one_day.group()) else 0
        end = start.first_day() + dt.timedelta(days=days)
        # a 48-hour strike from Monday, reported on Tuesday, is not over yet
        return PartialDate.from_date(end) if end < doc.published.first_day() else None
    ended = any(f.value == "ended" for f in cues)
    if ended and actions and actions <= ONE_DAY_ACTIONS:
        return start
    return None


def timing(
    doc: ExtractionDoc,
    dates: list[Finding],
    cues: list[Finding],
    outcome: Outcome | None,
    sentences: tuple[set[int], set[int]],
    evidence: Spans,
    actions: frozenset[Action] = frozenset(),
    action_text: str = "",
) -> tuple[PartialDate | None, PartialDate | None]:
    """``(start, end)`` of one struggle; ``sentences``: its action and its 'about' sentences;
    ``action_text``: the text of its action sentences."""
    action_sentences, about = sentences
    # a wire dateline is no event date; a promised date is a deadline ("пообещал закрыть
    # долг до 20 марта"), neither the start nor the end
    dates = [d for d in dates if not is_dateline(doc.text, d) and not d.attrs.get("promised")]
    first = start_finding(doc, dates, action_sentences, about)
    one_day = bool(actions) and actions <= ONE_DAY_ACTIONS
    found_end = end_finding(dates, cues, outcome, doc.text, one_day)
    end: PartialDate | None = None
    if found_end is not None:
        note(evidence, "end", [found_end[0]])
        end = found_end[1]
    else:
        end = past_range_end(first, doc.published)
        if end is not None and first is not None:
            note(evidence, "end", [first])
    if first is None:
        return None, end
    note(evidence, "start", [first])
    start = first.value
    if end is not None and first.attrs.get("approximate"):
        start = start_from_end(first, end) or start
    settled = outcome in (Outcome.WON, Outcome.PARTIAL, Outcome.LOST, None) or any(
        c.value == "continues" for c in cues
    )
    if end is None and not first.attrs.get("approximate"):
        end = counted_end(doc, start, dates, cues, about)
    if end is None and (settled or not any(c.value == "ongoing" for c in cues)):
        end = one_day_end(doc, start, actions, cues, action_text)
    if one_day:
        # a rally's length is often said of its people: "Водители простояли у мэрии несколько часов"
        action_text = " ".join([action_text, *_sentences_text(doc, about - action_sentences)])
    if start.day is not None and HOURS_LONG.search(action_text) and recent(start, doc.published):
        end = start  # "the strike lasted one day", "blocked the road for two hours"
    if end is not None and start.first_day() > end.last_day():
        end = None
    return start, end

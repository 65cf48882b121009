"""Counts in the text: head counts, arrests, and the numbers that are neither.

A struggle's ``participants`` and a repression's ``count`` both come from
numbers in the text, but most numbers in a labour article are money, percent,
days or years. Each count is returned with what it counts: the head noun after
it ("268 кузбасских шахтеров" counts шахтер, adjectives in between skipped),
a ``unit`` (people, money, percent, time, year, date) and, where the words
around it say so, the repression it reports ("arrested 24 striking
meatpackers", "25 задержанных"). Bounds follow FORMAT.md: "more than 100" is
``min=100``, "about 25" is ``min=max=25``, "up to 300" is ``max=300``,
"hundreds" is a wide range.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from picketline.domain.struggle import Participants
from picketline.extract.base import ExtractionDoc, Finding
from picketline.extract.dates import MONTH
from picketline.extract.morph import analyzer, guess_cyrillic_language, lemma
from picketline.extract.numbers import NumberSpan, find_numbers


@dataclass(frozen=True)
class CountMention:
    """A number, its bounds, the noun it counts and what kind of quantity it is.

    ``unit`` is ``people``, ``money``, ``percent``, ``time``, ``year``, ``date``
    or None (a thing, or unknown); ``repression`` is a FORMAT.md repression code
    (``arrest``, ``violence``, ``dismissal``) when the count reports one.
    """

    start: int
    end: int
    min: int | None
    max: int | None
    noun: str | None
    noun_lemma: str | None
    unit: str | None
    repression: str | None = None


_I = re.I


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_MIN = re.compile(
    r"(?:more than|over|above|at least|upwards of|in excess of|no fewer than|no less than|"
    r"не менее|не меньше|более чем|больше чем|более|больше|свыше|минимум|как минимум|"
    r"по меньшей мере|понад|більш ніж|більше ніж|більше|щонайменше|не менше|принаймні|"
    r"як мінімум|мінімум)\s+$",
    _I,
)
_MAX = re.compile(
    r"(?<!\w)(?:up to|as many as|no more than|fewer than|less than|under|nearly|almost|до|"
    r"не более|не больше|менее|меньше|почти|не більше|менше ніж|менш ніж|менше|майже)\s+$",
    _I,
)
_RANGE_GAP = re.compile(r"\s*[-–—]\s*|\s+(?:to|до|по)\s+", _I)
_AND_GAP = re.compile(r"\s+(?:and|и|і|та)\s+", _I)
_BETWEEN = re.compile(r"(?:between|между|від|от|між)\s+$", _I)
_LABEL = re.compile(
    r"(?:№|No\.|#|number|номер|article|section|clause|part|ст\.|стать\w*|статт\w*|пункт\w*"
    r"|п\.|ч\.|част\w*|частин\w*)\s*$",
    _I,
)
_DECIMAL_AFTER = re.compile(r"[.,]\d")
_ORDINAL_SUFFIX = re.compile(r"-(?:[а-яіїє]{1,3}|st|nd|rd|th)\b", _I)
_PERCENT = re.compile(r"\s*(?:and a half\s+)?(?:%|per\s?cent\b|percent|процент|відсот)", _I)
_CURRENCY_BEFORE = re.compile(r"(?:[$€£₽₴]|US\$|USD|EUR|GBP|RUB|UAH)\s*$")
_CURRENCY_AFTER = re.compile(
    r"\s*(?:dollars?|euros?|pounds?|rubles?|roubles?|hryvni?as?|usd|eur|gbp|rub|uah|руб|"
    r"р\.|долл|доллар|евро|грн|гривен|гривн|гривень|долар|євро|фунт)",
    _I,
)
_DATE_AFTER = re.compile(r"\s*(?:st|nd|rd|th)?\s*(?:of\s+)?" + MONTH, _I)
_DATE_BEFORE = re.compile(MONTH + r"\s+$", _I)
_TIME_AFTER = re.compile(
    r"[\s-]*(?:(?:and a half|half)\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|"
    r"years?|decades?|nights?|час(?:а|ов)?|сут(?:ки|ок)|дн(?:я|ей|ів|і)|день|недел\w*|"
    r"месяц\w*|лет|год(?:а|у)?|минут\w*|годин\w*|доб(?:и|у|а)?|тиж(?:день|ні|нів|ня)|"
    r"місяц\w*|рок(?:и|ів|у)|рік|хвилин\w*)(?!\w)",
    _I,
)
_YEAR_AFTER = re.compile(r"\s*(?:году|года|год|г\.|гг|році|року|рік|р\.)", _I)
_CLAUSE_END = re.compile(r"[.,;:!?()\"“”«»\n–—]")
_WORD = re.compile(r"[^\W_][\w'’ʼ-]*")

_EN_STOP = _wordset(
    "of at in on from to for with by who that which and or were was are is be been have had "
    "has will would could can the a an out across per into this these those their they them "
    "more than said say says as it its his her our we you i he she during after before since "
    "about over under not no all each other others"
)
_EN_PEOPLE = _wordset(
    "people person staff crew worker nurse teacher driver doctor picket colleague employee "
    "trainee guard cook medic paramedic firefighter pilot clerk youth man men woman women "
    "child children adult comrade activist delegate volunteer family miner docker striker "
    "resident student protester protestor demonstrator member hand detainee police personnel"
)
_EN_PLURALS = _wordset("people staff police personnel crew men women children folk")
_EN_PERSON_SUFFIX = ("er", "or", "ist", "ian", "ant", "ent", "eer")
_EN_THING = _wordset(
    "order number paper letter water quarter center centre meter percent cent event "
    "tender corner border chapter sector factor motor floor door"
)
_REPRESSION_WORDS = (
    ("arrest", ("arrest", "detain", "detention", "jail", "задерж", "арест", "затрим",
                "заарешт")),
    ("violence", ("injur", "wound", "killed", "dead", "death", "beaten", "пострадав",
                  "пострадал", "ранен", "погиб", "убит", "избит", "постражд", "поранен",
                  "загин", "загибл", "вбит", "побит")),
    ("dismissal", ("dismiss", "fired", "sacked", "laid off", "уволен", "уволил", "увольн",
                   "звільн")),
)  # fmt: skip
_REPRESSION_BEFORE = re.compile(
    r"(?:arrested|detained|jailed|rounded up|arresting|detaining|injured|wounded|killed|"
    r"fired|sacked|dismissed|laid off|задержа\w*|арестова\w*|уволи\w*|уволен\w*|пострадал\w*|"
    r"ранен\w*|погибл\w*|погиб|затрима\w*|заарештува\w*|звільни\w*|звільнен\w*|"
    r"постраждал\w*|поранен\w*|загинул\w*)\s+(?:[\w-]+\s+){0,2}$",
    _I,
)
_DELAYED = re.compile(
    r"(?:задержанн|затриман)\w*\s+(?:\w+\s+)?(?:зарплат|заработн|заробітн|выплат|виплат)\w*"
    r"|задержк\w*|затримк\w*|затрима\w*ся"
)
# A share of a counted whole: "half of the 400 staff", "две трети из 900 рабочих",
# "80% of the 500 workers", "половина з 800 працівників".
_SHARE_BEFORE = re.compile(
    r"(?:^|[^\w])(?P<share>all|half|a third|one third|two thirds|a quarter|one quarter"
    r"|three quarters"
    r"|половина|половину|половины|треть|одна треть|две трети|четверть|три четверти|третина"
    r"|одна третина|дві третини|чверть|три чверті"
    r"|(?P<pct>\d{1,3})\s*(?:%|per ?cent|процент\w*|відсот\w*))"
    r"\s+(?:of\s+(?:the\s+|its\s+|their\s+|all\s+)?(?:[\w-]+['’]s\s+)?|из\s+|з\s+|із\s+|от\s+|від\s+)"
    r"(?:(?:some|about|around|roughly|nearly|около|примерно|почти|близько|приблизно|майже)\s+)?$",
    _I,
)
_SHARES = {
    "all": 1.0, "half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "two thirds": 2 / 3,
    "a quarter": 0.25,
    "one quarter": 0.25, "three quarters": 0.75, "половина": 0.5, "половину": 0.5,
    "половины": 0.5, "треть": 1 / 3, "одна треть": 1 / 3, "две трети": 2 / 3, "четверть": 0.25,
    "три четверти": 0.75, "третина": 1 / 3, "одна третина": 1 / 3, "дві третини": 2 / 3,
    "чверть": 0.25, "три чверті": 0.75,
}  # fmt: skip
# A workplace's whole workforce, not those who took part: "the plant employs 2,000 people",
# "где работают 1200 человек", "де працює 1500 людей", "a 5,000-strong workforce",
# "300 of its 1,200 workers".
_WORKFORCE_BEFORE = re.compile(
    r"(?:\b(?:employs|employing|employed|employ|has a (?:workforce|staff) of|workforce of|staff of"
    r"|(?:which|that) has|of (?:its|their|the plant's|the company's)|out of)"
    r"|(?<!\w)(?:работают|работает|трудятся|трудится|работало|численностью|штат(?:ом)? в|коллектив"
    r"(?:ом)? (?:в|из)|из(?: общего числа| всех)?|працюють|працює|працювало"
    r"|чисельністю|колектив(?:ом)? (?:з|у)|з(?: усіх| загальної кількості)?|із))"
    r"\s+(?:(?:some|about|around|almost|nearly|more than|over|около|почти|более|свыше|примерно"
    r"|близько|майже|понад|приблизно)\s+)?$",
    _I,
)
# People without a noun: "300 of them", "800 joined the picket line", "в акции приняли участие
# около 300", "участь взяли близько 300".
_PEOPLE_AFTER = re.compile(
    r"\s+(?:of them|of the (?:workers|strikers|staff|employees)|of \d|(?:из|з|із) (?:них|\d)"
    r"|of (?:its|their|the)(?: [\w-]+['’]s)? \d"
    r"|(?:have |had )?(?:joined|took part|walked out|went on strike|marched|rallied|gathered"
    r"|protested|participated|downed tools|stayed away)\b)",
    _I,
)
_PEOPLE_BEFORE = re.compile(
    r"(?:took part|participated|joined in|turned out|приняли участие|приняло участие|участвовали"
    r"|участвовало|взяли участь|взяло участь|долучилися|долучилося"
    r"|(?:участие|участь)\s+(?:(?:в|у)\s+\w+\s+)?(?:приняли|приняло|взяли|взяло))\s+(?:(?:about|some|around"
    r"|more than|over|около|более|свыше|порядка|близько|понад|приблизно)\s+)?$",
    _I,
)
_JOBS_AFTER = re.compile(
    r"\s+(?:\w+\s+)?(?:рабочих мест|робочих місць|(?:jobs|posts|positions)\b)", _I
)
_STRONG_AFTER = re.compile(r"-strong\b|[- ]member (?:workforce|staff)\b", _I)
_GROUP_BEFORE = re.compile(r"\b(?:group|crowd|total|team|band|gathering)\s+of\s+(?:\w+\s+)?$", _I)


def _bounds(text: str, first: NumberSpan, last: NumberSpan) -> tuple[int | None, int | None]:
    """min and max from the number(s) and the words before them."""
    if first is not last:
        return first.lo, last.hi
    before = text[max(0, first.start - 30) : first.start]
    if _MIN.search(before):
        return first.lo, None
    if _MAX.search(before):
        return None, first.hi
    return first.lo, first.hi


def _joined(text: str, numbers: list[NumberSpan], index: int) -> NumberSpan | None:
    """The number that closes a range opened at ``index`` ("200-300", "between 2 and 5")."""
    if index + 1 >= len(numbers):
        return None
    first, second = numbers[index], numbers[index + 1]
    gap = text[first.end : second.start]
    between = _BETWEEN.search(text[max(0, first.start - 12) : first.start])
    if _RANGE_GAP.fullmatch(gap) or (between and _AND_GAP.fullmatch(gap)):
        return second if first.hi < second.lo or first.lo < second.hi else None
    return None


def _skipped(text: str, number: NumberSpan) -> bool:
    """Labels ("№ 1"), ordinals ("3-й", "1990-х") and the pronoun "one"."""
    if _LABEL.search(text[max(0, number.start - 10) : number.start]):
        return True  # "статья 20.2", "article 5", "№ 1"
    if not number.words and _DECIMAL_AFTER.match(text, number.end):
        return True  # "20.2 КоАП", "3.5": a code or a measure, not a head count
    if _ORDINAL_SUFFIX.match(text, number.end) and not _TIME_AFTER.match(text, number.end):
        return True
    return number.words and number.hi == 1


@lru_cache(maxsize=50_000)
def _cyr_parse(word: str, language: str) -> tuple[str | None, str, bool, bool]:
    """(part of speech, lemma, animate, plural) of a Cyrillic word, via pymorphy3."""
    lang = guess_cyrillic_language(word.casefold(), language)
    parses = analyzer(lang).parse(word.casefold())
    # A plural animate noun reading wins over an adjective one ("вчителів" is
    # "of teachers" far more often than the possessive "the teacher's").
    people = [p for p in parses if p.tag.POS == "NOUN" and "anim" in p.tag and "plur" in p.tag]
    parse = people[0] if people and parses[0].tag.POS in ("ADJF", "PRTF") else parses[0]
    tag = parse.tag
    base = parse.normal_form
    if tag.POS in ("ADJF", "PRTF"):
        inflected = parse.inflect({"masc", "sing", "nomn"})
        base = inflected.word if inflected else base
    return tag.POS, base.replace("ё", "е"), "anim" in tag, "plur" in tag


def _clause_words(text: str, end: int) -> list[re.Match[str]]:
    rest = text[end : end + 80]
    cut = _CLAUSE_END.search(rest)
    return list(_WORD.finditer(text, end, end + (cut.start() if cut else len(rest))))


def _cyr_noun(words: list[re.Match[str]], language: str) -> tuple[re.Match[str] | None, bool]:
    """The head noun after a number, skipping adjectives; (match, is a person)."""
    fallback: re.Match[str] | None = None
    for word in words[:4]:
        pos, _, animate, plural = _cyr_parse(word.group(), language)
        if pos == "NOUN":
            return word, animate
        if pos not in ("ADJF", "PRTF", "NUMR"):
            break
        fallback = word if plural and pos != "NUMR" else fallback
    return fallback, fallback is not None


def _en_noun(words: list[re.Match[str]]) -> tuple[re.Match[str] | None, bool]:
    """The plural head noun after a number ("coal Miners", "angry unionized welders").

    Without a tagger, the plural is the best sign of the head: counted nouns
    after a number above one are plural, and the words before it (adjectives,
    participles, noun modifiers) are not.
    """
    for index, word in enumerate(words[:5]):
        folded = word.group().casefold()
        if any(c.isdigit() for c in folded):
            break
        if folded in _EN_STOP:
            if folded == "of" and index == 0:
                continue
            break
        if folded in _EN_PLURALS or (
            folded.endswith("s") and not folded.endswith(("ss", "us", "is", "'s", "’s"))
        ):
            return word, _en_person(lemma(word.group()))
    return None, False


def _en_person(word: str) -> bool:
    if word in _EN_PEOPLE:
        return True
    return word.endswith(_EN_PERSON_SUFFIX) and word not in _EN_THING and not word.endswith("ment")


def _repression(text: str, start: int, words: str) -> str | None:
    """The repression a count reports, from its noun group or the verb before it."""
    before = text[max(0, start - 40) : start]
    cut = max(before.rfind("\n"), before.rfind(". "), before.rfind("; "))
    before = before[cut + 1 :]  # a headline's "reps sacked" is no verb of this count
    verb = _REPRESSION_BEFORE.search(before)
    haystack = (verb.group() if verb else "") + " " + words
    folded = haystack.casefold()
    if _DELAYED.search(text[start : start + 100].casefold()):
        folded = re.sub(r"задерж\w*|затрим\w*", " ", folded)  # "задержанная зарплата"
    return next(
        (code for code, stems in _REPRESSION_WORDS if any(s in folded for s in stems)), None
    )


def _unit(text: str, first: NumberSpan, last: NumberSpan, language: str) -> str | None:
    """money / percent / date / time / year, from the characters around the number.

    A number after a month name is its day only in English ("May 25"); Russian
    and Ukrainian put the day first ("30 листопада 25 працівниць").
    """
    before = text[max(0, first.start - 12) : first.start]
    if _PERCENT.match(text, last.end):
        return "percent"
    if _CURRENCY_BEFORE.search(before) or _CURRENCY_AFTER.match(text, last.end):
        return "money"
    if _DATE_AFTER.match(text, last.end) or (language == "en" and _DATE_BEFORE.search(before)):
        return "date"
    if _YEAR_AFTER.match(text, last.end) and _is_year(text, last):
        return "year"
    if _TIME_AFTER.match(text, last.end):
        return "time"
    return None


def _is_year(text: str, number: NumberSpan) -> bool:
    return text[number.start : number.end].isdigit() and 1800 <= number.lo <= 2100


def _mention(text: str, language: str, first: NumberSpan, last: NumberSpan) -> CountMention:
    low, high = _bounds(text, first, last)
    unit = _unit(text, first, last, language)
    noun = noun_lemma = repression = None
    if unit is None:
        words = _clause_words(text, last.end)
        head, person = _cyr_noun(words, language) if language in ("ru", "uk") else _en_noun(words)
        if head is not None:
            noun = head.group()
            noun_lemma = _cyr_parse(noun, language)[1] if language in ("ru", "uk") else lemma(noun)
            unit = "people" if person else None
        group_words = text[last.end : head.end() + 30] if head else text[last.end : last.end + 30]
        repression = _repression(text, first.start, group_words)
        if unit is None and (repression or _GROUP_BEFORE.search(text[: first.start][-40:])):
            unit = "people"
        if _is_year(text, first) and first is last and unit != "people":
            unit = "year"
    return CountMention(first.start, last.end, low, high, noun, noun_lemma, unit, repression)


def _order(value: int) -> int:
    """The largest power of 1000 that divides ``value`` (1 for none)."""
    order = 1
    while value and value % (order * 1000) == 0:
        order *= 1000
    return order


def _compounds(text: str, numbers: list[NumberSpan]) -> list[NumberSpan]:
    """ "156 млн 210 тисяч" is one number: a larger order followed by a smaller one."""
    out: list[NumberSpan] = []
    for number in numbers:
        previous = out[-1] if out else None
        if (
            previous is not None
            and not text[previous.end : number.start].strip()
            and number.hi < _order(previous.lo)
        ):
            out[-1] = NumberSpan(
                previous.start,
                number.end,
                previous.lo + number.lo,
                previous.hi + number.hi,
                previous.vague,
                previous.words,
            )
            continue
        out.append(number)
    return out


def find_counts(text: str, language: str) -> list[CountMention]:
    """Every count in ``text`` with its bounds, noun and unit, in text order."""
    found = [n for n in find_numbers(text, language) if not _skipped(text, n)]
    numbers = _compounds(text, found)
    mentions: list[CountMention] = []
    index = 0
    while index < len(numbers):
        first = numbers[index]
        last = _joined(text, numbers, index) or first
        mentions.append(_whole_or_share(text, _mention(text, language, first, last)))
        index += 2 if last is not first else 1
    return mentions


def _whole_or_share(text: str, mention: CountMention) -> CountMention:
    """A head count said as a share of a whole ("half of the 400 staff": 200), or a
    workplace's whole workforce ("employs 2,000 people": not those taking part)."""
    if mention.unit not in ("people", None):
        return mention
    before = text[max(0, mention.start - 40) : mention.start]
    before = before[max(before.rfind(". "), before.rfind("\n")) + 1 :]
    share = _SHARE_BEFORE.search(before)
    if share:
        pct = share.group("pct")
        part = int(pct) / 100 if pct else _SHARES.get(share.group("share").casefold(), 1.0)
        low, high = (None if v is None else round(v * part) for v in (mention.min, mention.max))
        start = mention.start - len(before) + share.start("share")
        ahead = text[max(0, start - 30) : start]
        if _MIN.search(ahead):  # "more than half of the 640 nurses"
            high = None
        elif _MAX.search(ahead):
            low = None
        return replace(mention, start=start, min=low, max=high, unit="people")
    if _JOBS_AFTER.match(text, mention.end):
        return replace(mention, unit="jobs")  # "сокращение 400 рабочих мест": jobs, not people
    if _WORKFORCE_BEFORE.search(before) or _STRONG_AFTER.match(text, mention.end):
        return replace(mention, unit="workforce")
    if mention.unit is None and (
        _PEOPLE_AFTER.match(text, mention.end) or _PEOPLE_BEFORE.search(before)
    ):
        return replace(mention, unit="people")
    return mention


_CONFIDENCE = {"people": 0.8, None: 0.5}


class CountStage:
    """Pipeline stage: a ``_count`` finding (value ``Participants``) for every count."""

    name = "counts"

    def __call__(self, doc: ExtractionDoc) -> None:
        for mention in find_counts(doc.text, doc.language or "en"):
            if mention.min is None and mention.max is None:
                continue
            doc.add(
                Finding(
                    field="_count",
                    value=Participants(mention.min, mention.max),
                    start=mention.start,
                    end=mention.end,
                    confidence=_CONFIDENCE.get(mention.unit, 0.2),
                    attrs={
                        "noun": mention.noun,
                        "noun_lemma": mention.noun_lemma,
                        "unit": mention.unit,
                        "repression": mention.repression,
                    },
                )
            )

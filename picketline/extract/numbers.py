"""Find numbers in text: digits, number words and vague quantities.

Head counts in the news come as digits ("268", "1,200", "1 200", "3,7 млн"),
as words in three languages ("twenty", "двадцать пять", "чотирнадцять") and
as vague plurals ("hundreds", "сотни", "кілька десятків"). Each number is
returned as a range ``lo..hi`` so that exact values (``lo == hi``) and vague
ones ("hundreds" is 200..999) travel through the same code. What a number
counts (people, money, days) is decided in ``counts.py``; this module only
reads the value.

Number words are looked up in hand-written form tables rather than through
pymorphy3: its first parse of "сотни" or "троє" is not always the numeral, and
a table is faster and predictable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'"})


@dataclass(frozen=True)
class NumberSpan:
    """A number in the text and the range of values it stands for."""

    start: int
    end: int
    lo: int
    hi: int
    vague: bool = False
    words: bool = False


# Kinds of number tokens: a plain value, a multiplier (x1000), or a vague range.
_VALUE, _MULT, _VAGUE = "value", "mult", "vague"
Entry = tuple[str, float, float]
"""A number word's kind and the range it stands for."""

_EN_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _en_table() -> dict[str, Entry]:
    table: dict[str, Entry] = {}
    for value, word in enumerate(_EN_UNITS):
        table[word] = (_VALUE, value, value)
    for index, word in enumerate(_EN_TENS):
        table[word] = (_VALUE, 20 + 10 * index, 20 + 10 * index)
    table.update(
        {
            "hundred": (_MULT, 100, 100),
            "thousand": (_MULT, 1000, 1000),
            "million": (_MULT, 10**6, 10**6),
            "billion": (_MULT, 10**9, 10**9),
            "dozen": (_MULT, 12, 12),
            "few": (_VAGUE, 2, 5),
            "hundreds": (_VAGUE, 200, 999),
            "thousands": (_VAGUE, 2000, 9999),
            "millions": (_VAGUE, 2 * 10**6, 9 * 10**6),
            "dozens": (_VAGUE, 24, 99),
            "tens": (_VAGUE, 20, 99),
            "scores": (_VAGUE, 40, 99),
            "several": (_VAGUE, 3, 9),
        }
    )
    return table


# Russian and Ukrainian forms: value -> space-separated inflected forms.
_RU_FORMS: dict[int, str] = {
    1: "один одна одно одного одной одному одним одном одну",
    2: "два две двух двум двумя двое двоих",
    3: "три трех трёх трем трём тремя трое троих",
    4: "четыре четырех четырёх четырем четырём четырьмя четверо четверых",
    5: "пять пяти пятью пятеро пятерых",
    6: "шесть шести шестью шестеро шестерых",
    7: "семь семи семью семеро семерых",
    8: "восемь восьми восемью восьмью",
    9: "девять девяти девятью",
    10: "десять десяти десятью",
    40: "сорок сорока",
    50: "пятьдесят пятидесяти пятьюдесятью",
    60: "шестьдесят шестидесяти шестьюдесятью",
    70: "семьдесят семидесяти семьюдесятью",
    80: "восемьдесят восьмидесяти восемьюдесятью",
    90: "девяносто девяноста",
    100: "сто ста",
    200: "двести двухсот двумстам двумястами двухстах",
    300: "триста трехсот трёхсот тремстам тремястами",
    400: "четыреста четырехсот четырёхсот четыремстам",
    500: "пятьсот пятисот пятистам пятьюстами",
    600: "шестьсот шестисот шестистам",
    700: "семьсот семисот семистам",
    800: "восемьсот восьмисот восьмистам",
    900: "девятьсот девятисот девятистам",
}
_RU_TEENS = ["один", "две", "три", "четыр", "пят", "шест", "сем", "восем", "девят"]
_RU_DECADES = {"двадцат": 20, "тридцат": 30}

_UK_FORMS: dict[int, str] = {
    1: "один одна одне одно одного одної однієї одному одній одним однією одну",
    2: "два дві двох двом двома двоє двоїх",
    3: "три трьох трьом трьома троє троїх",
    4: "чотири чотирьох чотирьом чотирма четверо",
    5: "п'ять п'яти п'ятьох п'ятьом п'ятьма п'ятеро",
    6: "шість шести шістьох шістьом шістьма шестеро",
    7: "сім семи сімох сімом сьома семеро",
    8: "вісім восьми вісьмох вісьмом вісьма восьмеро",
    9: "дев'ять дев'яти дев'ятьох дев'ятьма дев'ятеро",
    10: "десять десяти десятьох десятьма десятеро",
    40: "сорок сорока",
    90: "дев'яносто дев'яноста",
    100: "сто ста",
    200: "двісті двохсот двомстам",
    300: "триста трьохсот трьомстам",
    400: "чотириста чотирьохсот",
    500: "п'ятсот п'ятисот",
    600: "шістсот шестисот",
    700: "сімсот семисот",
    800: "вісімсот восьмисот",
    900: "дев'ятсот дев'ятисот",
}
_UK_TEENS = ["оди", "два", "три", "чотир", "п'ят", "шіст", "сім", "вісім", "дев'ят"]
_UK_DECADES = {"двадцят": 20, "тридцят": 30, "п'ятдесят": 50, "шістдесят": 60}
_UK_DECADES.update({"сімдесят": 70, "вісімдесят": 80})

_CYR_COMMON: dict[str, Entry] = {}
_COMMON_SPEC: tuple[tuple[str, str, float, float], ...] = (
    ("тысяча тысячи тысяч тысячу тысячей тысячам тысячами тысячах тыс", _MULT, 1000, 1000),
    ("тисяча тисячі тисяч тисячу тисячею тисячам тисячами тисячах тис", _MULT, 1000, 1000),
    ("миллион миллиона миллионов миллионам млн мільйон мільйона мільйонів", _MULT, 10**6, 10**6),
    ("миллиард миллиарда миллиардов млрд мільярд мільярда мільярдів", _MULT, 10**9, 10**9),
    ("сотни сотен сотнями сотням сотнях сотні сотень", _VAGUE, 200, 999),
    ("десятки десятков десятками десятках десятків", _VAGUE, 20, 99),
    ("несколько нескольких кілька кількох декілька декількох", _VAGUE, 3, 9),
    ("десяток десятка десятку", _VALUE, 10, 10),
    ("сотня сотню сотнею", _VALUE, 100, 100),
    ("полтора полторы полутора півтора півтори", _VALUE, 1.5, 1.5),
    ("полсотни полсотня полусотни полусотня півсотні півсотня", _VALUE, 50, 50),
)
for _forms, _kind, _lo, _hi in _COMMON_SPEC:
    for _form in _forms.split():
        _CYR_COMMON[_form] = (_kind, _lo, _hi)


def _cyr_table(
    forms: dict[int, str], teens: list[str], decades: dict[str, int], teen_suffix: str
) -> dict[str, Entry]:
    table = dict(_CYR_COMMON)
    for value, words in forms.items():
        for word in words.split():
            table[word] = (_VALUE, value, value)
    endings = ("ь", "и", "ью", "ьох", "ьма", "ьом")
    for index, stem in enumerate(teens):
        for ending in endings:
            table[stem + teen_suffix + ending] = (_VALUE, 11 + index, 11 + index)
    for stem, value in decades.items():
        for ending in endings:
            table[stem + ending] = (_VALUE, value, value)
    return table


_RU_DECADES.update({"пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80})
_TABLES: dict[str, dict[str, Entry]] = {
    "en": _en_table(),
    "ru": _cyr_table(_RU_FORMS, _RU_TEENS, _RU_DECADES, "надцат"),
    "uk": _cyr_table(_UK_FORMS, _UK_TEENS, _UK_DECADES, "надцят"),
}
_MULTIPLIER = (
    r"(?:\s?(?:m|bn|k)\b|\s*(?:million|billion|thousand|тысяч\w*|тыс\.?|млн\.?|млрд\.?|"
    r"миллион\w*|миллиард\w*|тисяч\w*|тис\.?|мільйон\w*|мільярд\w*))"
)
_DIGITS = re.compile(
    r"(?<![\w.,:/№#])(?<![^\W\d_]-)"
    r"(\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?![\d,.]\d)|\d+)"
    r"(?:[.,](\d+))?"
    rf"(?:({_MULTIPLIER})|(?![\w]|[.,:]\d))"
)
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*(?:-[^\W\d_]+)*")
_SHORT_MULT = {"m": 10**6, "bn": 10**9, "k": 1000}


def _multiplier_value(word: str) -> int:
    """The factor of a multiplier suffix ("m", "тыс.", "мільйонів")."""
    word = word.strip().rstrip(".").casefold()
    if word in _SHORT_MULT:
        return _SHORT_MULT[word]
    if word.startswith(("тыс", "тис", "thousand")):
        return 1000
    if word.startswith(("млрд", "миллиард", "мільярд", "billion")):
        return 10**9
    return 10**6


def _digit_numbers(text: str) -> list[NumberSpan]:
    spans = []
    for match in _DIGITS.finditer(text):
        whole, fraction, mult = match.groups()
        value = float(re.sub(r"[,\u00a0\u202f ]", "", whole) + "." + (fraction or "0"))
        if mult:
            value *= _multiplier_value(mult)
        number = round(value)
        spans.append(NumberSpan(match.start(), match.end(), number, number))
    return spans


def _lookup(word: str, language: str) -> Entry | None:
    table = _TABLES.get(language, _TABLES["en"])
    return table.get(word.casefold().translate(APOSTROPHES))


def _word_tokens(text: str, language: str) -> list[tuple[int, int, Entry | None]]:
    """Word tokens with their number-table entry; English hyphen compounds split."""
    tokens: list[tuple[int, int, Entry | None]] = []
    for match in _WORD.finditer(text):
        word, start = match.group(), match.start()
        if "-" in word and language == "en":
            offset = start
            for part in word.split("-"):
                tokens.append((offset, offset + len(part), _lookup(part, language)))
                offset += len(part) + 1
            continue
        tokens.append((start, match.end(), _lookup(word, language)))
    return tokens


# After "about/over", "сотни"/"тисячі" is the genitive of one hundred/thousand, not "hundreds".
_ONE_UNIT = {"сотни": 100, "сотні": 100, "тысячи": 1000, "тисячі": 1000}
_APPROX_BEFORE = re.compile(
    r"(?:около|близько|более|свыше|почти|майже|понад|больше|більше|менее|менше|до|порядка)\s+$",
    re.IGNORECASE,
)
_PLURAL_MULTS = frozenset(["тысячи", "тысячами", "тисячі", "тисячами", "миллионы", "мільйони"])
_VAGUE_SCALE = {200: 100, 20: 10, 2000: 1000, 24: 12}
_A_ENTRY = (_VALUE, 1, 1)


def _combine(entries: list[Entry], first_word: str) -> tuple[int, int, bool]:
    """Read a run of number words ("two hundred fifty", "несколько сотен")."""
    if len(entries) == 1 and first_word in _PLURAL_MULTS:
        return 2000, 9999, True  # "тысячи шахтеров": thousands, not one thousand
    total_lo = total_hi = cur_lo = cur_hi = 0.0
    vague = False
    for kind, lo, hi in entries:
        vague = vague or kind == _VAGUE
        if kind == _VALUE or (kind == _VAGUE and cur_hi == 0):
            cur_lo, cur_hi = cur_lo + lo, cur_hi + hi
            continue
        factor = lo if kind == _MULT else _VAGUE_SCALE.get(round(lo), 1)
        cur_lo, cur_hi = max(cur_lo, 1) * factor, max(cur_hi, 1) * factor
        if factor >= 1000:
            total_lo, total_hi, cur_lo, cur_hi = total_lo + cur_lo, total_hi + cur_hi, 0, 0
    return round(total_lo + cur_lo), round(total_hi + cur_hi), vague


Token = tuple[int, int, Entry | None]


def _word_numbers(text: str, language: str) -> list[NumberSpan]:
    tokens = _word_tokens(text, language)
    spans: list[NumberSpan] = []
    index = 0
    while index < len(tokens):
        run = _take_run(text, tokens, index, language)
        if not run:
            index += 1
            continue
        entries = [entry for _, entry in run if entry is not None]
        start, end = tokens[run[0][0]][0], tokens[run[-1][0]][1]
        first_word = text[tokens[run[0][0]][0] : tokens[run[0][0]][1]].casefold()
        if len(run) == 1 and first_word == "few":
            index += 1  # "few workers" is no count; "a few dozen" is
            continue
        lo, hi, vague = _combine(entries, first_word)
        if len(run) == 1 and first_word in _ONE_UNIT and _APPROX_BEFORE.search(text[:start][-20:]):
            lo = hi = _ONE_UNIT[first_word]  # "около сотни", "близько тисячі": one of them
            vague = False
        spans.append(NumberSpan(start, end, lo, hi, vague, True))
        index = run[-1][0] + 1
    return spans


def _take_run(
    text: str, tokens: list[Token], index: int, language: str
) -> list[tuple[int, Entry | None]]:
    """The number-word run starting at ``index``: (token index, table entry) pairs.

    English joins numbers with "and" ("two hundred and fifty") and "of"
    ("tens of thousands"), and "a" stands for one before a multiplier ("a
    hundred") but adds nothing before "dozen".
    """
    run: list[tuple[int, Entry | None]] = []
    position = index
    last_end = -1
    while position < len(tokens):
        start, end, entry = tokens[position]
        if run and not _only_space_between(text, last_end, start):
            break
        last_end = end
        if entry is not None:
            run.append((position, entry))
            position += 1
            continue
        following = tokens[position + 1] if position + 1 < len(tokens) else None
        word = text[start:end].casefold()
        if language != "en" or following is None or following[2] is None:
            break
        if not _only_space_between(text, end, following[0]):
            break
        if word == "a" and not run and (following[2][0] == _MULT or following[2][1] == 12):
            run.append((position, _A_ENTRY if following[2][0] == _MULT else None))
        elif run and _joins(word, run[-1][1], following[2]):
            pass
        else:
            break
        position += 1
    return run


def _joins(word: str, before: Entry | None, after: Entry) -> bool:
    """ "two hundred and fifty", "tens of thousands" — but not "one of two"."""
    if before is None:
        return False
    if word == "and":
        return before[0] == _MULT and after[0] == _VALUE
    return word == "of" and before[0] == _VAGUE and after[0] in (_MULT, _VAGUE) and after[1] >= 1000


def _only_space_between(text: str, end: int, start: int) -> bool:
    gap = text[end:start]
    return gap.strip(" -\u00a0") == "" and "\n" not in gap


def find_numbers(text: str, language: str) -> list[NumberSpan]:
    """All numbers in ``text`` (digits and number words), in text order."""
    digits = _digit_numbers(text)
    covered = {i for n in digits for i in range(n.start, n.end)}
    words = [n for n in _word_numbers(text, language) if n.start not in covered]
    return sorted(digits + words, key=lambda n: n.start)


def word_value(word: str, language: str) -> int | None:
    """The exact value of one number word ("seven", "двух", "a"), else None.

    Used by date durations ("seven-month walkout", "более двух месяцев").
    """
    folded = word.casefold()
    if language == "en" and folded in ("a", "an"):
        return 1
    entry = _lookup(folded, language)
    if entry is None or entry[0] != _VALUE or entry[1] != entry[2]:
        return None
    return round(entry[1])


_ORDINALS = (
    ("втор", 2), ("друг", 2), ("трет", 3), ("четв", 4), ("пят", 5), ("п'ят", 5), ("шест", 6),
    ("шост", 6), ("седьм", 7), ("сьом", 7), ("восьм", 8), ("девят", 9), ("дев'ят", 9),
    ("десят", 10),
)  # fmt: skip
_EN_ORDINALS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
_COMBINING = {"дву": 2, "двух": 2, "дво": 2, "трех": 3, "трёх": 3, "трьох": 3, "четырех": 4}
_COMBINING.update({"чотирьох": 4, "пяти": 5, "п'яти": 5, "шести": 6, "семи": 7, "десяти": 10})


def count_value(word: str | None, language: str) -> tuple[int, bool] | None:
    """(n, is_ordinal) for a duration's number ("seven", "двух", "третьи", "10-й").

    An absent number counts as one ("за неделю", "a week").
    """
    if not word:
        return 1, False
    folded = word.casefold().translate(APOSTROPHES).rstrip("-")
    digits = re.match(r"\d+", folded)
    if digits:
        return int(digits.group()), folded != digits.group()
    if folded in _COMBINING:
        return _COMBINING[folded], False
    if folded in _EN_ORDINALS:
        return _EN_ORDINALS[folded], True
    value = word_value(folded, language)
    if value is not None:
        return value, False
    ordinal = next((n for stem, n in _ORDINALS if folded.startswith(stem)), None)
    return (ordinal, True) if ordinal else None

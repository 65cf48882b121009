"""How alike two workplace or employer names are, across languages and spellings.

Names are compared on their match keys (``translit.match_key``) in two forms —
as written, and lemmatised (so "шахты Капитальной" meets "шахта Капитальная")
— each without its final vowels, and the better of the comparisons counts.
Generic words ("mine", "шахта", "ПАТ", "named after") are dropped first: two
mines are not alike because both are mines. Differing numbers ("Mine No. 3",
"Mine No. 5") make names different whatever the letters say.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from picketline.extract.morph import WORD, lemma
from picketline.resolve.translit import match_key

_GENERIC_WORDS = """
mine colliery pit plant factory works mill depot company corporation corp ltd llc inc plc
jsc pjsc ojsc cjsc llp gmbh ag sa enterprise group holding the of named after state no
шахта рудник разрез завод фабрика комбинат компания предприятие общество шахтоуправление
управление ооо оао зао пао ао гп дп имени им государственный номер
копальня комбінат компанія підприємство товариство шахтоуправління управління тов пат прат
ат дп імені ім державний державне
hospital clinic port seaport harbour harbor dock docks terminal station warehouse depot yard
school university
больница поликлиника порт станция склад школа университет
лікарня поліклініка станція школа університет
"""
_DIGITS = re.compile(r"\d+")
_ENDING = re.compile(r"(?<=[a-z]{3})[aeiou]+$")


@lru_cache(maxsize=4096)
def _generic_keys() -> frozenset[str]:
    words = _GENERIC_WORDS.split()
    return frozenset(match_key(w) for w in words) | frozenset(match_key(lemma(w)) for w in words)


def _stem(key: str) -> str:
    """A key without its final vowels: "kapitalnaia", "kapitalna", "kapitalni" → "kapitaln".

    Russian and Ukrainian names are mostly adjectives whose endings differ by
    language and case; left on, the shared ending "-alnaia" alone would make
    "Центральная" look like "Капитальная".
    """
    return _ENDING.sub("", key)


@lru_cache(maxsize=100_000)
def name_keys(name: str, language: str | None = None) -> tuple[str, str]:
    """The surface and the lemmatised match key of a name: generic words dropped, stemmed."""
    surface: list[str] = []
    lemmatised: list[str] = []
    generic = _generic_keys()
    for word in WORD.findall(name):
        as_written, as_lemma = match_key(word), match_key(lemma(word, language))
        if as_written in generic or as_lemma in generic:
            continue
        surface.append(_stem(as_written))
        lemmatised.append(_stem(as_lemma))
    return " ".join(surface), " ".join(lemmatised)


def name_similarity(
    a: str, b: str, language_a: str | None = None, language_b: str | None = None
) -> float | None:
    """0..1, or None when either name is only generic words (nothing to compare)."""
    keys_a, keys_b = name_keys(a, language_a), name_keys(b, language_b)
    if not keys_a[0] or not keys_b[0]:
        return None
    if set(_DIGITS.findall(keys_a[0])) != set(_DIGITS.findall(keys_b[0])):
        return 0.0
    best = max(_key_similarity(x, y) for x in keys_a for y in keys_b)
    return round(best / 100.0, 3)


def _key_similarity(x: str, y: str) -> float:
    """0..100 for two keys: the words that tell them apart decide (see the module docstring)."""
    words_x, words_y = set(x.split()), set(y.split())
    only_x, only_y = words_x - words_y, words_y - words_x
    if only_x and only_y and words_x & words_y:
        return fuzz.ratio(" ".join(sorted(only_x)), " ".join(sorted(only_y)))
    return fuzz.token_set_ratio(x, y)

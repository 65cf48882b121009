"""Cyrillic to Latin, one scheme for Russian and Ukrainian, built for matching names.

"Капитальная" (ru), "Капітальна" (uk) and "Kapitalna" (an English report)
name one mine. To compare them every name is brought to Latin letters with
the *same* table for both languages — so Russian ``и`` and Ukrainian ``і``
both become ``i`` — and then reduced to a *match key* that also forgets the
differences between transliteration conventions: ``Gorlovka``/``Horlivka``
(ru г, uk г), ``Zasyadko``/``Zasiadko``, ``Kapitalnyi``/``Kapitalnyj``.
The key is lossy on purpose and never shown to anyone.
"""

from __future__ import annotations

import re
import unicodedata

_TABLE = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e",
    "є": "ie", "э": "e", "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "i", "й": "i",
    "ы": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ь": "", "ю": "iu", "я": "ia", "ў": "u",
}  # fmt: skip
_TRANSLATION = str.maketrans(_TABLE | {k.upper(): v.capitalize() for k, v in _TABLE.items()})

# Applied in order to Latin text: digraphs first, so that "kh" is gone before h→g.
_REDUCTIONS = (
    ("shch", "s"), ("sch", "s"), ("sh", "s"), ("ch", "c"), ("zh", "z"), ("kh", "x"),
    ("ts", "c"), ("tz", "c"), ("h", "g"), ("y", "i"), ("j", "i"), ("w", "v"), ("q", "k"),
)  # fmt: skip
_APOSTROPHES = re.compile(r"['’ʼ`ʹ\"«»“”„]")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_RUNS = re.compile(r"(.)\1+")


def to_latin(text: str) -> str:
    """The text with Cyrillic letters transliterated and Latin diacritics dropped."""
    latin = _APOSTROPHES.sub("", text).translate(_TRANSLATION)
    decomposed = unicodedata.normalize("NFKD", latin)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def match_key(text: str) -> str:
    """The lossy comparison form of a name: Latin, lower case, conventions forgotten.

    Words stay separated by single spaces so token-based fuzzy comparison works.
    """
    key = to_latin(text).lower()
    for before, after in _REDUCTIONS:
        key = key.replace(before, after)
    key = _RUNS.sub(r"\1", key)
    return _NON_WORD.sub(" ", key).strip()

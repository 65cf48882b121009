"""Word normalisation shared by extraction, resolution and scoring.

Russian and Ukrainian inflect heavily ("Антраците", "Антрациті" are both
Антрацит), so names and nouns are compared by lemma. pymorphy3 ships its ru
and uk dictionaries, so this works offline. Analyzers load once per process.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import pymorphy3

_CYRILLIC = re.compile(r"[а-яёіїєґ]", re.IGNORECASE)
_UKRAINIAN_ONLY = re.compile(r"[іїєґ]", re.IGNORECASE)
_RUSSIAN_ONLY = re.compile(r"[ыэъё]", re.IGNORECASE)
WORD = re.compile(r"[\w'’-]+", re.UNICODE)


@cache
def analyzer(language: str) -> pymorphy3.MorphAnalyzer:
    """The pymorphy3 analyzer for ``ru`` or ``uk``, loaded once."""
    return pymorphy3.MorphAnalyzer(lang=language)


def fold(text: str) -> str:
    """Case-fold and read ``ё`` as ``е`` (FORMAT.md's comparison rule)."""
    return text.casefold().replace("ё", "е")


def guess_cyrillic_language(word: str, language: str | None = None) -> str:
    """``uk`` or ``ru`` for a Cyrillic word: its letters decide, else the document's."""
    if _UKRAINIAN_ONLY.search(word):
        return "uk"
    if _RUSSIAN_ONLY.search(word):
        return "ru"
    return language if language in ("ru", "uk") else "ru"


@lru_cache(maxsize=200_000)
def lemma(word: str, language: str | None = None) -> str:
    """The dictionary form of one word, case-folded with ``ё`` as ``е``.

    Cyrillic words go through pymorphy3 (in the language their letters or the
    document suggest); Latin words are folded and lightly stemmed for English
    plurals, which is all name matching needs.
    """
    folded = fold(word)
    if _CYRILLIC.search(folded):
        lang = guess_cyrillic_language(folded, language)
        return fold(analyzer(lang).parse(folded)[0].normal_form)
    return _english_singular(folded)


def _english_singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def lemmas(text: str, language: str | None = None) -> list[str]:
    """The lemmas of every word in ``text``, in order."""
    return [lemma(w, language) for w in WORD.findall(text)]

"""Putting Russian and Ukrainian phrases back into the nominative.

Articles say "на шахте", "14 гірників", "глава Незалежної профспілки"; the
record wants "шахта", "гірники", "Незалежна профспілка". pymorphy3 inflects
each word; only the words up to the phrase's head noun change, so genitive
attributes after it ("профспілка гірників України") stay as written.
"""

from __future__ import annotations

import re
from functools import lru_cache

from picketline.extract.morph import analyzer, guess_cyrillic_language, lemma

_CYRILLIC = re.compile(r"[а-яёіїєґ]", re.IGNORECASE)
_WORDS = re.compile(r"\S+")


def name_key(name: str, language: str) -> str:
    """A case- and inflection-free key for a name ("Заречной" and "Заречная" agree)."""
    return " ".join(lemma(w, language) for w in re.findall(r"[\w'’-]+", name))


@lru_cache(maxsize=20_000)
def _inflect(word: str, language: str, plural: bool, noun_only: bool) -> tuple[str, bool]:
    """The nominative of one word and whether it is a noun (the phrase's head)."""
    lang = guess_cyrillic_language(word, language)
    parses = analyzer(lang).parse(word.casefold())
    nouns = [p for p in parses if "NOUN" in p.tag]
    # A regular form starts with its lemma ("заводі" is завод, not заводь).
    regular = [p for p in nouns if word.casefold()[: len(p.normal_form)] == p.normal_form != word]
    parse = (regular or nouns or parses)[0]
    if noun_only and not nouns:
        return word, False
    if plural or not nouns:
        form = parse.inflect({"nomn", "plur"} if plural else {"nomn"})
        text = form.word if form else word
    else:
        text = parse.normal_form  # a noun's lemma is its nominative singular
    if word[:1].isupper():
        text = text[:1].upper() + text[1:]
    return text, bool(nouns)


def to_nominative(phrase: str, language: str, plural: bool = False) -> str:
    """``phrase`` with its words up to the first noun in the nominative.

    ``plural`` asks for the nominative plural (worker nouns: "шахтеров" →
    "шахтеры"); otherwise the number is kept and singular preferred where
    the form is ambiguous ("шахти" → "шахта"). Adjectives before the noun
    take its gender and number ("Независимого профсоюза" → "Независимый профсоюз").
    """
    words = _WORDS.findall(phrase)
    for i, word in enumerate(words):
        if not _CYRILLIC.search(word) or word.isupper():
            continue
        text, is_noun = _inflect(word, language, plural, True)
        capitalised = word[:1].isupper()  # in a name an adjective reading comes first
        if is_noun and capitalised and i + 1 < len(words) and _adjective_reading(word, language):
            following = _inflect(words[i + 1], language, plural, True)[1]
            is_noun = not following  # "Вільна профспілка": an adjective before its noun
        if is_noun:
            grammemes = _grammemes(text, language)
            before = [_agree(w, language, grammemes) for w in words[:i]]
            return " ".join([*before, text, *words[i + 1 :]])
    return " ".join(
        _inflect(w, language, plural, False)[0] if _CYRILLIC.search(w) else w for w in words
    )


@lru_cache(maxsize=20_000)
def _adjective_reading(word: str, language: str) -> bool:
    lang = guess_cyrillic_language(word, language)
    return any("ADJF" in p.tag for p in analyzer(lang).parse(word.casefold()))


def _grammemes(noun: str, language: str) -> frozenset[str]:
    lang = guess_cyrillic_language(noun, language)
    parses = [p for p in analyzer(lang).parse(noun.casefold()) if "NOUN" in p.tag]
    if not parses:
        return frozenset({"nomn"})
    tag = parses[0].tag
    wanted = {"nomn", str(tag.number)} if tag.number else {"nomn"}
    if tag.number != "plur" and tag.gender:
        wanted.add(str(tag.gender))
    return frozenset(wanted)


def _agree(word: str, language: str, grammemes: frozenset[str]) -> str:
    """An adjective (or other modifier) before the head, agreeing with it."""
    if not _CYRILLIC.search(word) or word.isupper():
        return word
    lang = guess_cyrillic_language(word, language)
    parses = analyzer(lang).parse(word.casefold())
    adjectives = [
        p for p in parses if {"ADJF", "PRTF"} & set(str(p.tag).replace(" ", ",").split(","))
    ]
    if not adjectives:
        return word
    if any(grammemes <= p.tag.grammemes for p in adjectives):
        return word  # already agrees ("Вільна профспілка" stays, not "Вільно")
    form = adjectives[0].inflect(set(grammemes))
    text = form.word if form else word
    return text[:1].upper() + text[1:] if word[:1].isupper() else text


@lru_cache(maxsize=20_000)
def is_singular_person(word: str, language: str) -> bool:
    """Whether a Cyrillic word can only be one person ("лікаря", "фельдшер"), not many.

    Collective nouns ("персонал", "коллектив") are inanimate and never count
    as one person; a form that can be plural ("рабочих", "лікарі") is not singular.
    """
    lang = guess_cyrillic_language(word, language)
    people = [
        p for p in analyzer(lang).parse(word.casefold()) if "NOUN" in p.tag and "anim" in p.tag
    ]
    return bool(people) and not any("plur" in p.tag for p in people)

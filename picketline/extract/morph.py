"""Word normalisation shared by extraction, resolution and scoring.

Russian and Ukrainian inflect heavily ("Антраците", "Антрациті" are both
Антрацит), so names and nouns are compared by lemma. pymorphy3 ships its ru
and uk dictionaries, so this works offline. Analyzers load once per process.
"""

from __future__ import annotations

import re
import unicodedata
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


def is_cyrillic(word: str) -> bool:
    """Whether ``word`` has any Cyrillic letter (and so goes through pymorphy3)."""
    return _CYRILLIC.search(word) is not None


@lru_cache(maxsize=200_000)
def normal_forms(word: str, language: str | None = None, limit: int = 4) -> tuple[str, ...]:
    """Every plausible dictionary form of a Cyrillic word, folded, best first.

    pymorphy3's first parse is often wrong for proper names ("Києві" parses
    first as the personal name Кий, "Мирноград" as a plural of "мирнограда"),
    so name matching compares against all the top parses, not just one.
    Non-Cyrillic words give their ``lemma``.
    """
    folded = fold(word)
    if not _CYRILLIC.search(folded):
        return (lemma(word, language),)
    lang = guess_cyrillic_language(folded, language)
    forms: dict[str, None] = {}
    for parse in analyzer(lang).parse(folded)[: limit * 3]:
        forms.setdefault(fold(parse.normal_form), None)
        if len(forms) >= limit:
            break
    return tuple(forms) or (folded,)


@cache
def english_stopwords() -> frozenset[str]:
    """English function words (jusText's list, which trafilatura brings), if installed.

    Capitalised at a sentence start, "But", "For" or "Far" would otherwise
    match alternate names of Butantã, Fortaleza or Fargo.
    """
    try:
        import justext
    except ImportError:  # pragma: no cover - trafilatura depends on it
        return frozenset()
    return frozenset(justext.get_stoplist("English"))


@lru_cache(maxsize=50_000)
def is_common_word(word: str) -> bool:
    """A word pymorphy3 knows, but not as a place or a person's name ("Мир", "Победа")."""
    parses = analyzer(guess_cyrillic_language(word)).parse(word.casefold())[:3]
    known = any(p.is_known for p in parses)
    return known and not any({"Geox", "Name", "Surn"} & set(p.tag.grammemes) for p in parses)


@lru_cache(maxsize=50_000)
def is_person_name(word: str) -> bool:
    """A Cyrillic first name, patronymic or surname by pymorphy3's best parse ("Михайло")."""
    parse = analyzer(guess_cyrillic_language(word)).parse(word.casefold())[0]
    return bool({"Name", "Patr", "Surn"} & set(parse.tag.grammemes))


def is_adjective_before_noun(word: str, following: str) -> bool:
    """A Cyrillic adjective followed by a lower-case noun it qualifies ("Нового года")."""
    if not following.islower() or not is_cyrillic(following):
        return False
    morph = analyzer(guess_cyrillic_language(word))
    return "ADJF" in morph.parse(word.casefold())[0].tag and "NOUN" in morph.parse(following)[0].tag


def is_first_name_and_surname(word: str, following: str) -> bool:
    """A Cyrillic first name followed by a surname ("Виктор Гаврилов", "Ірина Савчук"):
    a person, whatever town abroad shares the first name."""
    if not following[:1].isupper() or not is_cyrillic(word) or not is_cyrillic(following):
        return False
    morph = analyzer(guess_cyrillic_language(word))
    first = any("Name" in parse.tag for parse in morph.parse(word)[:3])
    return first and any("Surn" in parse.tag for parse in morph.parse(following)[:3])


def lemmas(text: str, language: str | None = None) -> list[str]:
    """The lemmas of every word in ``text``, in order."""
    return [lemma(w, language) for w in WORD.findall(text)]


# --- place-name keys -------------------------------------------------------
# A name and a mention of it meet on a "key": words folded, Latin stripped of
# accents and possessives, Cyrillic compared by dictionary form. The gazetteer
# indexes names under these keys; the matcher builds them from the text.

TOKEN = re.compile(r"[^\W\d_]+(?:[-'’.][^\W\d_]+)*", re.UNICODE)
_STRESS = re.compile("[\u0300\u0301]")
_ADJ_ENDING = re.compile(r"(ая|яя|ое|ее|ые|ие|ий|ый|ой|а|ів|ів|ці|ки)$")
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")


def latin_key(word: str) -> str:
    """A Latin word folded, without accents or an English possessive ("Kentucky's")."""
    word = _POSSESSIVE.sub("", word) if len(word) > 4 else word
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


@lru_cache(maxsize=100_000)
def surface_key(word: str) -> str:
    """The key of a word exactly as written (Cyrillic folded, stress marks dropped)."""
    if is_cyrillic(word):
        return _STRESS.sub("", fold(word))
    return latin_key(word)


@lru_cache(maxsize=100_000)
def word_keys(word: str, language: str | None = None) -> tuple[str, ...]:
    """Every key a word of running text may stand for: as written, then its lemmas."""
    surface = surface_key(word)
    if not is_cyrillic(word):
        return (surface,)
    clean = _STRESS.sub("", word)
    forms = normal_forms(clean, language)
    if "-" in clean:  # "Каменске-Уральском": each part inflects, "каменск-уральский"
        parts = [normal_forms(part, language)[:1] or (fold(part),) for part in clean.split("-")]
        forms = ("-".join(part[0] for part in parts), *forms)
    return (surface, *dict.fromkeys(f for f in forms if f != surface))


def name_keys(name: str, language: str | None = None) -> list[str]:
    """The keys a gazetteer name is indexed under: as written, plus its lemmas.

    A nominative single noun ("Мирноград") already equals the lemma a mention
    yields; adjectival and multi-word names ("Кемеровская область") are also
    indexed by their lemmas ("кемеровский область"), which is what the
    matcher produces from "Кемеровской области".
    """
    words = TOKEN.findall(_STRESS.sub("", unicodedata.normalize("NFC", name)))
    if not words:
        return []
    keys = [" ".join(surface_key(w) for w in words)]
    cyrillic = any(is_cyrillic(w) for w in words)
    if cyrillic and (len(words) > 1 or _ADJ_ENDING.search(fold(words[0]))):
        lemma_key = " ".join(lemma(w, language) for w in words)
        if lemma_key != keys[0]:
            keys.append(lemma_key)
    return keys


def adjective_keys(name: str) -> list[str]:
    """Relational adjectives of a one-word Cyrillic place name (Кузбасс → кузбасский).

    Russian and Ukrainian build them regularly: -ск/-цк + ий (Донецк →
    донецкий), -о dropped + ский (Кемерово → кемеровский), consonant + ский.
    Lower-case adjectives are how Russian news most often names a region.
    """
    word = surface_key(name)
    if " " in word or "-" in word or not is_cyrillic(word) or len(word) < 4:
        return []
    if word.endswith(("ск", "цк", "ськ", "цьк")):
        return [word + "ий"]
    if word.endswith("ль"):
        # Тернопіль → тернопільський, Тернополь → тернопольский
        return [word + "ский", word + "ський"]
    if word.endswith(("нь", "рь")):
        return [word[:-1] + "ский", word[:-1] + "ський"]  # Коростень → коростенський
    stem = word[:-1] if word.endswith(("о", "и", "ы", "а")) else word  # Черкаси, Полтава
    if stem[-1] in "аяеиыіїуюєь" or len(stem) < 4:
        return []
    if stem.endswith("с"):
        return [stem + "кий", stem + "ький"]  # Черкаси → черкаський, Одесса → одесский
    keys = [stem + "ский", stem + "ський"]
    if stem[-1] in "кч":  # Кременчук → кременчуцький, Дрогобич → дрогобицький
        keys += [stem[:-1] + "цкий", stem[:-1] + "цький"]
    return keys


def colloquial_region_keys(name: str) -> list[str]:
    """-щина/-чина names of a "<Adj> область" region (Луганская → Луганщина).

    Ukrainian and Russian name a region colloquially from its adjective:
    Полтавська → Полтавщина, Вінницька → Вінниччина, Донецкая → Донетчина.
    """
    words = [surface_key(w) for w in TOKEN.findall(name)]
    if len(words) != 2 or words[1] not in ("область", "обл"):
        return []
    adj = words[0]
    for ending, forms in (
        ("ецкая", ("етчина", "еччина")),
        ("ецька", ("еччина",)),
        ("цкая", ("ччина", "тчина")),
        ("цька", ("ччина",)),
        ("ская", ("щина",)),
        ("ська", ("щина",)),
    ):
        if adj.endswith(ending):
            return [adj[: -len(ending)] + form for form in forms]
    return []

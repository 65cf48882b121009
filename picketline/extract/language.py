"""Language identification: en, ru and uk, and an honest "unsupported" otherwise.

Letters decide most documents for free: Cyrillic with і/ї/є/ґ is Ukrainian,
with ы/э/ъ/ё Russian; Latin text full of English function words is English.
Only what the letters leave open goes to lingua, built once over a small set
of languages that includes a few we do not support, so that a German or
Bulgarian article is reported as such instead of being guessed as English or
Russian.
"""

from __future__ import annotations

import re
from functools import cached_property

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from picketline.extract.base import ExtractionDoc

SUPPORTED = frozenset({"en", "ru", "uk"})
SAMPLE_CHARS = 1500
LINGUA_CHARS = 600  # lingua's time grows with the text; a paragraph is enough

_CANDIDATES = (
    Language.ENGLISH,
    Language.RUSSIAN,
    Language.UKRAINIAN,
    Language.BELARUSIAN,
    Language.BULGARIAN,
    Language.SERBIAN,
    Language.MACEDONIAN,
    Language.KAZAKH,
    Language.GERMAN,
    Language.FRENCH,
    Language.SPANISH,
    Language.PORTUGUESE,
    Language.ITALIAN,
    Language.DUTCH,
    Language.POLISH,
    Language.AFRIKAANS,
)
_CYRILLIC = re.compile(r"[а-яёіїєґўђјљњћџ]", re.IGNORECASE)
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)
_UK_LETTERS = re.compile(r"[іїєґ]", re.IGNORECASE)
_RU_LETTERS = re.compile(r"[ыэъё]", re.IGNORECASE)
_OTHER_CYRILLIC = re.compile(r"[ўђјљњћџ]", re.IGNORECASE)
_EN_FUNCTION_WORDS = re.compile(
    r"\b(?:the|and|of|to|in|that|is|was|were|for|with|on|said|have|has|by|from)\b", re.IGNORECASE
)
_WORD = re.compile(r"\w+")


def _iso(language: Language) -> str:
    return language.iso_code_639_1.name.lower()


class LanguageIdentifier:
    """Decides a text's language; lingua is built lazily, only if letters don't decide."""

    @cached_property
    def detector(self) -> LanguageDetector:
        # Low-accuracy mode loads trigram models only: 0.1 s to build instead of
        # 4 s, and still reliable on the paragraph-sized samples we give it.
        return LanguageDetectorBuilder.from_languages(*_CANDIDATES).with_low_accuracy_mode().build()

    def identify(self, text: str) -> str | None:
        """ISO 639-1 code of ``text``'s language, or ``None`` when there is no text."""
        sample = text[:SAMPLE_CHARS]
        cyrillic = len(_CYRILLIC.findall(sample))
        latin = len(_LATIN.findall(sample))
        if cyrillic + latin < 20:
            return None
        if cyrillic > latin:
            return self._cyrillic(sample)
        if self._looks_english(sample):
            return "en"
        return self._lingua(sample)

    def _cyrillic(self, sample: str) -> str | None:
        uk, ru = len(_UK_LETTERS.findall(sample)), len(_RU_LETTERS.findall(sample))
        if _OTHER_CYRILLIC.search(sample) and not (uk or ru):
            return self._lingua(sample)
        if uk and uk >= 3 * ru:
            return "uk"
        if ru and ru >= 3 * uk:
            return "ru"
        return self._lingua(sample)

    @staticmethod
    def _looks_english(sample: str) -> bool:
        words = len(_WORD.findall(sample))
        return words > 0 and len(_EN_FUNCTION_WORDS.findall(sample)) / words > 0.12

    def _lingua(self, sample: str) -> str | None:
        found = self.detector.detect_language_of(sample[:LINGUA_CHARS])
        return _iso(found) if found is not None else None


class LanguageStage:
    """Sets ``doc.language`` (unless given) and refuses unsupported languages."""

    name = "language"

    def __init__(self, identifier: LanguageIdentifier | None = None) -> None:
        self.identifier = identifier or LanguageIdentifier()

    def __call__(self, doc: ExtractionDoc) -> None:
        if doc.language is None:
            doc.language = self.identifier.identify(doc.text)
        if doc.language not in SUPPORTED:
            doc.relevant = False
            doc.notes.append(f"unsupported language: {doc.language or 'unknown'}")

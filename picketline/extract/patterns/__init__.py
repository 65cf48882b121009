"""Shared text machinery for the rule-based stages: sentences and term tables.

Every stage reads the same sentence split (stored once by the relevance stage
as ``_sentence`` findings), so that "in the same sentence" means the same
thing everywhere. Term tables are lists of ``(regex, code)`` per language,
compiled once into a single alternation so one scan of a sentence finds every
term and tells which code it belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from picketline.extract.base import ExtractionDoc

T = TypeVar("T")

# Tokens before a full stop that do not end a sentence ("Co.", "Geo.", "г.").
_ABBREVIATIONS = frozenset(
    [
        "co",
        "inc",
        "ltd",
        "corp",
        "bros",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "gen",
        "geo",
        "jr",
        "sr",
        "no",
        "nos",
        "vs",
        "etc",
        "prof",
        "sen",
        "rep",
        "gov",
        "lt",
        "col",
        "sgt",
        "capt",
        "mt",
        "ft",
        "jan",
        "feb",
        "mar",
        "apr",
        "aug",
        "sept",
        "sep",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "г",
        "гг",
        "ул",
        "им",
        "тыс",
        "млн",
        "млрд",
        "грн",
        "руб",
        "коп",
        "т.е",
        "обл",
        "р-н",
        "пос",
        "с",
        "см",
    ]
)
_BOUNDARY = re.compile(r"[.!?…]+[\"'»”’)]*\s+(?=[\"'«“(\[]?[A-ZА-ЯЁІЇЄҐ0-9])|\n+")
_LAST_TOKEN = re.compile(r"([\w.-]+)[.!?…]*[\"'»”’)]*\s*$")


@dataclass(frozen=True)
class Sentence:
    """One sentence (or headline line) with its offsets into the document."""

    index: int
    start: int
    end: int
    text: str


def _is_abbreviation(chunk: str) -> bool:
    match = _LAST_TOKEN.search(chunk)
    if not match:
        return False
    token = match.group(1).rstrip(".").casefold()
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def split_sentences(text: str, offset: int = 0) -> list[Sentence]:
    """Sentences and lines of ``text``; offsets are ``offset``-based.

    Newlines always split (headlines, datelines and list items are their own
    units); full stops split unless they close a known abbreviation or an
    initial, so "Geo. A. Hormel & Co. plant" stays whole.
    """
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if "\n" not in match.group() and _is_abbreviation(text[start : match.start() + 1]):
            continue
        _append(sentences, text, start, match.start() + len(match.group().rstrip()), offset)
        start = match.end()
    _append(sentences, text, start, len(text), offset)
    return sentences


def _append(out: list[Sentence], text: str, start: int, end: int, offset: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    begin = start + lead
    out.append(Sentence(len(out), begin + offset, begin + len(stripped) + offset, stripped))


def doc_sentences(doc: ExtractionDoc) -> list[Sentence]:
    """The sentences the relevance stage stored, in order (only relevant windows)."""
    return [f.value for f in doc.of("_sentence")]


_UPPER = re.compile(r"(?<!\\)[A-ZА-ЯЁІЇЄҐ]")


class TermTable(Generic[T]):
    """Regexes mapped to codes, compiled once into one alternation.

    ``find`` yields ``(code, start, end)`` for every match in a string; the
    first pattern listed wins where several match at the same place.
    """

    def __init__(self, terms: Sequence[tuple[str, T]], flags: int = re.IGNORECASE) -> None:
        self.codes: list[T] = [code for _, code in terms]
        parts = [f"(?P<t{i}>{pattern})" for i, (pattern, _) in enumerate(terms)]
        self.regex = re.compile("|".join(parts) or r"(?!x)x", flags)
        # Case-blind tables without case-sensitive parts also run, several times
        # faster, as lower-case patterns on lower-cased text.
        self.lowered: re.Pattern[str] | None = None
        if flags & re.IGNORECASE and not any("(?-i" in p or "(?P" in p for p, _ in terms):
            lower = [_UPPER.sub(lambda m: m.group().lower(), pattern) for pattern, _ in terms]
            self.lowered = re.compile(
                "|".join(f"(?P<t{i}>{p})" for i, p in enumerate(lower)), flags & ~re.IGNORECASE
            )

    def find(self, text: str) -> Iterator[tuple[T, int, int]]:
        regex, subject = self.regex, text
        if self.lowered is not None:
            lowered = text.lower()
            if len(lowered) == len(text):  # offsets stay valid
                regex, subject = self.lowered, lowered
        for match in regex.finditer(subject):
            name = match.lastgroup
            if name is not None:
                yield self.codes[int(name[1:])], match.start(), match.end()

    def codes_in(self, text: str) -> set[T]:
        return {code for code, _, _ in self.find(text)}

    def any(self, text: str) -> bool:
        return self.regex.search(text) is not None


def tables(
    by_language: Mapping[str, Sequence[tuple[str, T]]], flags: int = re.IGNORECASE
) -> dict[str, TermTable[T]]:
    """One compiled table per language from a ``{language: terms}`` mapping."""
    return {lang: TermTable(terms, flags) for lang, terms in by_language.items()}


def words_regex(words: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """A regex matching any of ``words`` (regex fragments) as whole-word starts."""
    return re.compile(r"\b(?:" + "|".join(words) + r")", flags)


def in_sentence(sentences: Sequence[Sentence], start: int) -> Sentence | None:
    """The sentence holding character ``start`` (binary search)."""
    lo, hi = 0, len(sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        sentence = sentences[mid]
        if start < sentence.start:
            hi = mid - 1
        elif start >= sentence.end:
            lo = mid + 1
        else:
            return sentence
    return None


_QUOTE = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"|„[^“”]*[“”]")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quotations in ``text`` (direct speech, «...», "...")."""
    return [(m.start(), m.end()) for m in _QUOTE.finditer(text)]

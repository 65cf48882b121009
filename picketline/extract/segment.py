"""Segmentation: how many struggles an article reports, and which sentences are whose.

A struggle is anchored on a named workplace whose sentences report an action
("На шахте «Горная» 14 шахтеров спустились ..."). Several workplaces reported
in separate sentences are separate struggles; a workplace named only inside
another one's sentences (a section of the same mine) belongs to it. The
primary struggle is the one the headline (or else the article's first such
sentence) is about; it also takes every sentence that names no workplace.
A workplace mentioned only in recalling sentences ("Нагадаємо", "Earlier")
is a background struggle. An article without named workplaces reports one
struggle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from picketline.extract.base import ExtractionDoc, Finding
from picketline.extract.lexicon.relevance import RECALL
from picketline.extract.patterns import Sentence, doc_sentences
from picketline.extract.sections import place_sections

_PRONOUN_START = re.compile(r"^(?:they|their|them|these workers|вони|они|їх|их|ці|эти)\b", re.I)


@dataclass
class Segment:
    """One struggle's share of the article."""

    key: str | None
    workplace: Finding | None = None
    sentences: set[int] = field(default_factory=set)
    mentions: list[Finding] = field(default_factory=list)
    background: bool = False
    primary: bool = False


def _clusters(doc: ExtractionDoc, sentences: list[Sentence]) -> dict[str, Segment]:
    """Workplace findings grouped by name, with every sentence naming them."""
    clusters: dict[str, Segment] = {}
    for finding in doc.of("workplace"):
        key = str(finding.attrs.get("key"))
        segment = clusters.setdefault(key, Segment(key, finding))
        segment.mentions.append(finding)
        segment.sentences.add(int(finding.attrs["sentence"]))
    for segment in clusters.values():
        name = _name_regex(segment)
        if name is not None:
            segment.sentences |= {s.index for s in sentences if name.search(s.text)}
    return clusters


def _name_regex(segment: Segment) -> re.Pattern[str] | None:
    """The workplace's name in any inflection, as a name: capitalised, quoted if Cyrillic.

    ("Заречной" finds шахта «Заречная»; "горняки" must not find шахта «Горная».)
    """
    words = [w for w in str(segment.key).split() if len(w) > 3]
    if not words or segment.workplace is None:
        return None
    stems = [re.escape(w[:1].upper() + w[1 : max(4, len(w) - 3)]) for w in words]
    body = r"\w*\W+".join(stems) + r"\w*"
    if re.search("[а-яёіїєґ]", words[0]):
        return re.compile(r"[«\"„“]" + body + r"[»\"”“]")
    return re.compile(r"\b" + body)


def _with_actions(doc: ExtractionDoc) -> set[int]:
    return {int(f.attrs["sentence"]) for f in doc.of("actions")}


def _absorb_sections(clusters: dict[str, Segment]) -> list[Segment]:
    """Drop clusters every sentence of which also names a bigger one (its sections)."""
    ordered = sorted(clusters.values(), key=lambda s: min(s.sentences))
    kept: list[Segment] = []
    for segment in ordered:
        if any(segment.sentences <= other.sentences for other in kept):
            continue
        kept.append(segment)
    return kept


def segments(doc: ExtractionDoc) -> list[Segment]:
    """The article's struggles as sentence sets, the primary one first."""
    sentences = doc_sentences(doc)
    recall = re.compile(RECALL.get(doc.language or "en", RECALL["en"]), re.IGNORECASE)
    actions = _with_actions(doc)
    by_place = place_sections(doc, sentences)
    if by_place:
        return [_section_segment(doc, section, recall, sentences) for section in by_place]
    anchored = [s for s in _absorb_sections(_clusters(doc, sentences)) if s.sentences & actions]
    if not anchored:
        return [_single(doc, sentences)]
    primary = _primary(anchored)
    primary.primary = True
    for segment in anchored:
        if segment is not primary:
            segment.background = all(
                recall.search(sentences[i].text) for i in sorted(segment.sentences)[:1]
            )
    _assign_rest(sentences, anchored, primary)
    return [primary, *(s for s in anchored if s is not primary)]


def _single(doc: ExtractionDoc, sentences: list[Sentence]) -> Segment:
    """One struggle for the whole article; its workplace only if one is named."""
    only = Segment(None, primary=True, sentences={s.index for s in sentences})
    named = _clusters(doc, sentences)
    if len(named) == 1:
        workplace = next(iter(named.values()))
        only.key, only.workplace = workplace.key, workplace.workplace
        only.mentions = workplace.mentions
    return only


def _primary(anchored: list[Segment]) -> Segment:
    """The struggle of the headline, else of the first sentence, else the most named."""
    headline = [s for s in anchored if 0 in s.sentences]
    if headline:
        return headline[0]
    return min(anchored, key=lambda s: (min(s.sentences), -len(s.sentences)))


def _assign_rest(sentences: list[Sentence], anchored: list[Segment], primary: Segment) -> None:
    """Sentences naming no workplace go to the primary struggle, or continue a pronoun's."""
    owner: dict[int, Segment] = {}
    for segment in anchored:
        for index in segment.sentences:
            owner.setdefault(index, segment)
    previous: Segment = primary
    for sentence in sentences:
        found = owner.get(sentence.index)
        if found is None:
            found = previous if _PRONOUN_START.search(sentence.text) else primary
            found.sentences.add(sentence.index)
        previous = found


def _section_segment(
    doc: ExtractionDoc, section: set[int], recall: re.Pattern[str], sentences: list[Sentence]
) -> Segment:
    """A struggle of its own place section; its workplace is the first one named in it."""
    segment = Segment(None, sentences=set(section), primary=True)
    named = [f for f in doc.of("workplace") if int(f.attrs["sentence"]) in section]
    if named:
        segment.workplace, segment.key = named[0], str(named[0].attrs.get("key"))
        segment.mentions = [f for f in named if str(f.attrs.get("key")) == segment.key]
    first = sentences[min(section)] if min(section) < len(sentences) else None
    segment.background = bool(first and recall.search(first.text))
    return segment

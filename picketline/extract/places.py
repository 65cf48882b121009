"""The place stage: find place names in text and resolve them to coordinates.

Matching runs over word tokens: at every token that may start a name
(capitalised, or a lower-case Cyrillic relational adjective such as
"кузбасских"), the longest run of up to ``max_words`` words that the
gazetteer knows (in any inflection) is a *mention*. Mentions that look like
something else — a word that also occurs in lower case, a person's name
("Sharon Graham"), a quoted company or mine ("шахта «Заречная»"), a workplace
("Black Mountain mines") — are dropped.

Resolution then picks one entry per mention: population and kind first, then
the document's context — its language and web domain, the countries it names,
and the other places it mentions nearby (two names 60 km apart explain each
other: "Uglegorsk" near the Vostochny cosmodrome is Tsiolkovsky in Amur, not
Uglegorsk on Sakhalin).
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from picketline.extract import morph
from picketline.extract.base import ExtractionDoc, Finding
from picketline.extract.gazetteer import (
    KIND_COUNTRY,
    KIND_REGION,
    KIND_SITE,
    KIND_TOWN,
    Q_ADJ,
    Candidate,
    Gazetteer,
    context_weights,
    distance_km,
    load_word_sets,
    may_contain,
    near_any,
)

QUALITY_NAMES = ("name", "alternate", "short", "adjective")
_WORDS = load_word_sets()
PLACE_AFFIXES = _WORDS["affixes"]
FACILITY_AFTER = _WORDS["facility_after"]
FACILITY_BEFORE = _WORDS["facility_before"]
FUNCTION_WORDS = _WORDS["function_words"]
TOWN_CUES = _WORDS["town_cues"]
_QUOTES_OPEN = "\"'«„“‘"
_QUOTES_CLOSE = "\"'»“”’"
_CYR_ADJECTIVE = re.compile(
    r"[сцзж]ь?к(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими|а|ої|ій|у|е|і|ім)$"
)
_POSSESSIVE = re.compile(r"['’]s$")
_SENTENCE_MARKS = frozenset(".!?\n:;—–-")
PROXIMITY_KM = 60.0
REGION_CAPITAL_KM = 150.0  # a town this near its same-named region's centre is its capital
_CITY_INSTITUTION = re.compile(r"\s+(?:міськ|городск|міськрад|горсовет)\w*", re.IGNORECASE)
# "Тернопільської обласної лікарні", "Кременчуцької міської ради": an institution
# named by the adjective sits in the town of that name.
_INSTITUTION_AFTER = re.compile(
    r"\s+(?:міськ|городск|обласн|областн|районн|міськрад|горсовет)\w*", re.IGNORECASE
)
LOCAL_CHARS = 300
CHUNK_CHARS = 50_000


@dataclass
class Token:
    """A word of the text with its offsets."""

    text: str
    start: int
    end: int
    initial: bool  # first word of a sentence (or of the text)
    glued: bool = False  # touches a digit, "@", "/" or "_": part of an identifier
    capitalised: bool = False
    shouting: bool = False  # all capitals: an acronym or a dateline
    dotted: bool = False  # a full stop right after it ("г.", "Minn.")
    comma_after: bool = False  # a comma right after it ("DULUTH, Minn.")
    colon_after: bool = False  # a colon right after it (a digest's "Харків: протест ...")


@dataclass
class Mention:
    """A run of words the gazetteer knows, and what it may mean."""

    start: int
    end: int
    text: str
    candidates: list[Candidate]
    cue: bool = False
    scores: dict[int, float] = field(default_factory=dict)
    institution: bool = False  # an adjective before "міської ради", "обласної лікарні"


def tokenize(text: str) -> list[Token]:
    """Words with offsets, each marked whether it starts a sentence."""
    out: list[Token] = []
    previous_end = 0
    size = len(text)
    for match in morph.TOKEN.finditer(text):
        word, start, end = match.group(), match.start(), match.end()
        gap = text[previous_end:start]
        initial = not out or any(c in _SENTENCE_MARKS for c in gap)
        glued = (start > 0 and _glue(text[start - 1])) or (end < size and _glue(text[end]))
        following = text[end] if end < size else ""
        out.append(
            Token(
                word,
                start,
                end,
                initial,
                glued,
                word[0].isupper(),
                word.isupper(),
                following == ".",
                following == ",",
                following == ":",
            )
        )
        previous_end = end
    return out


def _glue(char: str) -> bool:
    return char.isdigit() or char in "@/_"


def find_mentions(text: str, language: str | None, gazetteer: Gazetteer) -> list[Mention]:
    """Every run of words that names a known place and passes the false-positive filters.

    The text is read in chunks of whole lines, so a huge document never holds
    more than one chunk's tokens in memory (names never span a line break).
    """
    lowercase = {w.casefold() for w in morph.TOKEN.findall(text) if w.islower()}
    mentions: list[Mention] = []
    for offset, chunk in _chunks(text):
        tokens = tokenize(chunk)
        i = 0
        while i < len(tokens):
            found = _longest_match(chunk, tokens, i, language, gazetteer, lowercase)
            if found is None:
                i += 1
                continue
            mention, width = found
            mention.start, mention.end = mention.start + offset, mention.end + offset
            mentions.append(mention)
            i += width
    return mentions


def _chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """Pieces of about ``size`` characters that end at a line break, with their offsets."""
    start = 0
    while start < len(text):
        end = text.find("\n", start + size)
        end = len(text) if end < 0 else end + 1
        yield start, text[start:end]
        start = end


def _longest_match(
    text: str,
    tokens: list[Token],
    i: int,
    language: str | None,
    gazetteer: Gazetteer,
    lowercase: set[str],
) -> tuple[Mention, int] | None:
    first = tokens[i]
    adjective_only = not first.capitalised
    if adjective_only and not _CYR_ADJECTIVE.search(first.text):
        return None
    for width in range(min(gazetteer.width(first.text, language), len(tokens) - i), 0, -1):
        span = tokens[i : i + width]
        if not _contiguous(text, span):
            continue
        cands = gazetteer.candidates_for_words([t.text for t in span], language)
        if adjective_only:
            cands = [c for c in cands if c.quality == Q_ADJ]
        if cands and _plausible(text, tokens, i, width, cands, gazetteer, lowercase):
            mention = Mention(
                span[0].start,
                span[-1].end,
                text[span[0].start : span[-1].end],
                cands,
                cue=_town_cue(tokens, i),
            )
            return mention, width
    return None


def _contiguous(text: str, span: list[Token]) -> bool:
    """Words of one name are separated by a space or two, never by punctuation."""
    gaps = (text[a.end : b.start] for a, b in itertools.pairwise(span))
    return all(len(g) <= 2 and g.strip() == "" and "\n" not in g for g in gaps)


def _plausible(
    text: str,
    tokens: list[Token],
    i: int,
    width: int,
    cands: list[Candidate],
    gazetteer: Gazetteer,
    lowercase: set[str],
) -> bool:
    """The false-positive filters; each says why a known name is not a place here."""
    span = tokens[i : i + width]
    key = " ".join(morph.surface_key(t.text) for t in span)
    if key in gazetteer.stopwords or (width == 1 and morph.lemma(key) in gazetteer.stopwords):
        return False
    latin = not morph.is_cyrillic(key)
    lower_ok = FUNCTION_WORDS | PLACE_AFFIXES
    if latin and not all(t.capitalised or t.text.casefold() in lower_ok for t in span):
        return False
    if not span[0].capitalised and latin:
        return False
    if width == 1 and not _plausible_single(span[0], tokens, i, cands, gazetteer, lowercase):
        return False
    return not (
        _quoted(text, span[0].start, span[-1].end)
        or _facility_around(text, tokens, i, width)
        or _inside_name(text, tokens, i, width, lowercase)
    )


_MIXED_CASE = re.compile(r"[а-яёіїєґ][А-ЯЁІЇЄҐ]")
# Countries whose towns Russian and Ukrainian news names in Cyrillic as a matter of course.
_CYRILLIC_COUNTRIES = frozenset(
    [
        "RU",
        "UA",
        "BY",
        "KZ",
        "KG",
        "TJ",
        "UZ",
        "TM",
        "MD",
        "GE",
        "AM",
        "AZ",
        "BG",
        "RS",
        "MK",
        "MN",
        "ME",
        "BA",
        "LV",
        "LT",
        "EE",
        "PL",
    ]
)


def _plausible_single(
    token: Token,
    tokens: list[Token],
    i: int,
    cands: list[Candidate],
    gazetteer: Gazetteer,
    lowercase: set[str],
) -> bool:
    """Filters for one-word names, where most false positives are.

    Multi-word names ("West Cumbria", "Кемеровская область") are rarely
    anything else; single words often are: acronyms, common words at a
    sentence start, capitalised adjectives of other names.
    """
    word = token.text
    if token.glued:
        return False  # part of an identifier or a domain name ("Vse42.ru")
    big = any(
        gazetteer.entry(c.entry_id).kind in (KIND_COUNTRY, KIND_REGION, KIND_SITE)
        or gazetteer.entry(c.entry_id).population >= 100_000
        for c in cands
    )
    if len(word) < 3 and not (token.shouting and big):
        return False
    if token.shouting and len(word) <= 5 and not big:
        return False  # an acronym (NATO, CUPE), not a village that happens to share it
    if token.capitalised and word.casefold() in lowercase:
        return False  # "Reading" where the text also says "reading"
    cyrillic = morph.is_cyrillic(word)
    if cyrillic and all(c.quality == Q_ADJ for c in cands) and _CYR_ADJECTIVE.search(word):
        # "Криворізькі гірники", "Дрогобицької міської ради": a place's own adjective,
        # capitalised at a sentence start or as part of an institution's name
        return not _MIXED_CASE.search(word)
    following = tokens[i + 1].text if i + 1 < len(tokens) else ""
    if cyrillic and token.capitalised and morph.is_adjective_before_noun(word, following):
        return False  # "Нового года", "Новой газете": an adjective naming something else
    if cyrillic and token.capitalised and morph.is_first_name_and_surname(word, following):
        return False  # "Виктор Гаврилов": a person, not Victor, Idaho
    if cyrillic and _MIXED_CASE.search(word):
        return False  # a mixed-case company form ("ПрАТ", "ТзОВ"), not a place
    foreign = all(gazetteer.entry(c.entry_id).country not in _CYRILLIC_COUNTRIES for c in cands)
    if cyrillic and foreign and not big and morph.is_common_word(word) and not _town_cue(tokens, i):
        return False  # "Тариф", "Без": a common word that is also a small town abroad
    if not cyrillic and word.casefold() in morph.english_stopwords():
        return False  # "But", "For", "Far" are alternate names of Butantã, Fortaleza, Fargo
    # "DULUTH, Minn. -": a town in capitals opening a line, before a comma
    dateline = token.shouting and (i == 0 or (token.initial and token.comma_after))
    if not token.initial or dateline or _town_cue(tokens, i):
        return True
    if cyrillic:
        # "Харків. Сьогодні зранку ...", "Пенза, 5 декабря", "Київ: страйк кур'єрів":
        # a digest's or dateline's place
        opener = big and (token.dotted or token.comma_after or token.colon_after)
        return opener or not morph.is_common_word(word)
    return big


def _quoted(text: str, start: int, end: int) -> bool:
    """A name alone in quotes is a company's or a mine's ("Заречная"), not the place."""
    before, after = text[max(0, start - 1) : start], text[end : end + 1]
    return bool(before) and before in _QUOTES_OPEN and bool(after) and after in _QUOTES_CLOSE


def _facility_around(text: str, tokens: list[Token], i: int, width: int) -> bool:
    """ "Black Mountain and Lone Mountain mines", "шахте Горная": a workplace's name."""
    if i > 0 and morph.lemma(tokens[i - 1].text) in FACILITY_BEFORE:
        return True
    rest = tokens[i + width : i + width + 2 * width + 2]
    if not rest or text[tokens[i + width - 1].end : rest[0].start].strip():
        return False  # punctuation between: "in the UK, council workers"
    if rest[0].text.casefold() in FACILITY_AFTER:
        return True
    if len(rest) > width + 1 and rest[0].text.casefold() in ("and", "&"):
        # the same shape after "and": "X Mountain and Y Mountain mines"
        coordinated = rest[1 : width + 1]
        return all(t.capitalised for t in coordinated) and (
            rest[width + 1].text.casefold() in FACILITY_AFTER
        )
    return False


def _inside_name(text: str, tokens: list[Token], i: int, width: int, lowercase: set[str]) -> bool:
    """Part of a longer capitalised run that is not a place: "Sharon Graham", "Abraham Lincoln"."""
    if not tokens[i].capitalised:
        return False  # a lower-case adjective ("кузбасских") is in no run of names
    end = i + width
    if i > 0 and _joined(text, tokens[i - 1], tokens[i]) and _name_like(tokens[i - 1], lowercase):
        return True
    if _POSSESSIVE.search(tokens[end - 1].text):
        return False  # "Russia's Krasnoyarsk region"
    if end < len(tokens) and _joined(text, tokens[end - 1], tokens[end]):
        nxt = tokens[end]
        if morph.is_cyrillic(nxt.text) and morph.is_person_name(nxt.text):
            return False  # "гірників України Михайло Волинець": a name starts after it
        return nxt.capitalised and not nxt.shouting and nxt.text.casefold() not in PLACE_AFFIXES
    return False


def _joined(text: str, a: Token, b: Token) -> bool:
    return text[a.end : b.start] == " "


def _name_like(token: Token, lowercase: set[str]) -> bool:
    """A capitalised word that may be part of a person's or an organisation's name.

    A sentence-initial common word ("Горняки Кемеровской области", "Workers in
    ...") is not; a first name or a title before the match is.
    """
    word = token.text.casefold()
    if not token.capitalised or token.shouting or word in FUNCTION_WORDS | PLACE_AFFIXES:
        return False
    if _POSSESSIVE.search(word):
        return False  # "Russia's Krasnoyarsk": a possessive place before a place
    if not token.initial:
        return True
    if morph.is_cyrillic(word):
        return not morph.is_common_word(token.text)
    return word not in morph.english_stopwords() and word not in lowercase


def _town_cue(tokens: list[Token], i: int) -> bool:
    """ "the town of Holyrood", "в городе Антраците", "у місті ..."."""
    before = tokens[max(0, i - 2) : i]
    for back, token in enumerate(reversed(before), start=1):
        word = token.text.casefold()
        if word not in TOWN_CUES:
            continue
        if len(word) > 1:
            return True
        # "г. Антрацит", "с. Петрівка": a one-letter cue is an abbreviation only with its
        # full stop, right before the name ("с плакатами «Тариф»" is the preposition)
        if back == 1 and token.dotted:
            return True
    return False


# --- resolution --------------------------------------------------------------


def document_context(
    mentions: list[Mention], gazetteer: Gazetteer, language: str | None, url: str | None = None
) -> dict[str, float]:
    """Country weights: the language, the web domain, and the countries the text names."""
    weights = context_weights(language, None, url)
    named: Counter[str] = Counter()
    for mention in mentions:
        ranked = gazetteer.rank(mention.candidates, weights)
        top = gazetteer.entry(ranked[0][0].entry_id)
        if top.kind in (KIND_COUNTRY, KIND_REGION) or len(ranked) == 1:
            named[top.country] += 1  # "in the UK", "Odessa, Texas", an unambiguous town
    for country, count in named.items():
        weights[country] = weights.get(country, 0.0) + 1.5 + 0.5 * min(count - 1, 2)
    return weights


def resolve(
    mentions: list[Mention], gazetteer: Gazetteer, context: dict[str, float], text: str = ""
) -> None:
    """Score every candidate of every mention (into ``Mention.scores``)."""
    for mention in mentions:
        mention.scores = {
            c.entry_id: score for c, score in gazetteer.rank(mention.candidates, context)
        }
        institution = bool(text) and bool(_INSTITUTION_AFTER.match(text, mention.end))
        if institution and any(c.quality == Q_ADJ for c in mention.candidates):
            mention.institution = True
            # "Кременчуцької міської ради" is as sure as "в місті ...": the town's own
            # council; an oblast's office ("обласної адміністрації") is only in its capital
            mention.cue = mention.cue or bool(_CITY_INSTITUTION.match(text, mention.end))
        for cand in mention.candidates:
            if (mention.cue or institution) and gazetteer.entry(cand.entry_id).kind == KIND_TOWN:
                mention.scores[cand.entry_id] += 1.0
    _town_then_region(mentions, gazetteer, text)
    _local_countries(mentions, gazetteer)
    tops: dict[int, set[str]] = {}  # entry id → the texts of the mentions it may mean
    for mention in mentions:
        for entry_id in _top(mention, 3):
            tops.setdefault(entry_id, set()).add(mention.text)
    points = [(gazetteer.entry(e), texts) for e, texts in tops.items()]
    points = [(e, texts) for e, texts in points if e.kind != KIND_COUNTRY]
    for mention in mentions:
        others = [e for e, texts in points if texts != {mention.text}]
        for entry_id in mention.scores:
            if near_any(gazetteer.entry(entry_id), others, PROXIMITY_KM):
                mention.scores[entry_id] += 1.5
    for mention in mentions:
        _town_over_its_region(mention, gazetteer)


def _town_over_its_region(mention: Mention, gazetteer: Gazetteer) -> None:
    """ "Запоріжжя" names both a city and, colloquially, its oblast: the city wins a near tie
    (FORMAT.md wants the smallest place that covers the struggle)."""
    entries = {c.entry_id: gazetteer.entry(c.entry_id) for c in mention.candidates}
    regions = [e for e in entries.values() if e.kind == KIND_REGION]
    if not regions:
        return
    for entry_id, entry in entries.items():
        if entry.kind != KIND_TOWN or entry.population < 100_000:
            continue
        if any(
            may_contain(region, entry)
            and region.name.casefold()[:5] == entry.name.casefold()[:5]
            and distance_km(region.lat, region.lon, entry.lat, entry.lon) <= REGION_CAPITAL_KM
            for region in regions
        ):
            mention.scores[entry_id] += 1.5


def _local_countries(mentions: list[Mention], gazetteer: Gazetteer) -> None:
    """A country named within ``LOCAL_CHARS`` of a mention weighs more than one named far off.

    An article about strikes in the US and the UK has both countries in its
    document context; "Birmingham" next to "in the UK" is the English one.
    """
    named = []
    for mention in mentions:
        best = gazetteer.entry(max(mention.scores, key=lambda e: mention.scores[e]))
        if best.kind == KIND_COUNTRY:
            named.append((mention.start, best.country))
    for mention in mentions:
        near = {c for pos, c in named if abs(pos - mention.start) <= LOCAL_CHARS}
        for entry_id in mention.scores:
            if gazetteer.entry(entry_id).country in near:
                mention.scores[entry_id] += 1.5


def _town_then_region(mentions: list[Mention], gazetteer: Gazetteer, text: str) -> None:
    """ "Austin, Minnesota", "Odessa, Ukraine": a town, a comma, then its region or country.

    The second name is read as an area the town may be in, and the town as
    one inside that area: in its country, and for a region, within
    400 km of the region's centre (or with the same admin1 code).
    """
    for town, area in itertools.pairwise(mentions):
        if text[town.end : area.start] != ", ":
            continue
        pairs = [
            (town.scores[t] + area.scores[a], t, a)
            for t in town.scores
            for a in area.scores
            if may_contain(gazetteer.entry(a), gazetteer.entry(t))
        ]
        if not pairs:
            continue
        _, town_id, area_id = max(pairs)  # the best-supported reading wins as a pair
        if gazetteer.entry(area_id).kind == KIND_REGION:
            town.scores[town_id] += 2.0
            area.scores[area_id] += 2.0
            continue
        area.scores[area_id] += 1.0  # a country: every town of it stays in the running
        for _, entry_id, other in pairs:
            town.scores[entry_id] += 1.0 if other == area_id else 0.0


def _top(mention: Mention, n: int) -> list[int]:
    return sorted(mention.scores, key=lambda e: -mention.scores[e])[:n]


def to_finding(mention: Mention, gazetteer: Gazetteer) -> Finding:
    """The best reading of a mention as a ``place`` finding, with its confidence."""
    ranked = sorted(mention.scores.items(), key=lambda kv: -kv[1])
    best_id, best = ranked[0]
    margin = best - ranked[1][1] if len(ranked) > 1 else 3.0
    quality = min(c.quality for c in mention.candidates if c.entry_id == best_id)
    entry = gazetteer.entry(best_id)
    weight = 0.8 if mention.institution else (0.9, 0.8, 0.65, 0.5)[quality]
    confidence = weight * (0.6 + 0.4 * min(1.0, margin / 1.5))
    if entry.kind == KIND_TOWN and entry.population < 2000 and not mention.cue:
        confidence *= 0.85
    attrs: dict[str, Any] = {
        "population": entry.population,
        "kind": entry.kind,
        "name_quality": QUALITY_NAMES[quality],
        "cue": mention.cue,
        "alternatives": len(ranked) - 1,
    }
    return Finding(
        field="place",
        value=entry.place(),
        start=mention.start,
        end=mention.end,
        confidence=round(min(confidence, 0.99), 3),
        attrs=attrs,
    )


def find_places(
    text: str,
    language: str | None = None,
    url: str | None = None,
    gazetteer: Gazetteer | None = None,
) -> list[Finding]:
    """Every resolved place mention in ``text``, in text order."""
    gaz = gazetteer or Gazetteer.default()
    mentions = find_mentions(text, language, gaz)
    resolve(mentions, gaz, document_context(mentions, gaz, language, url), text)
    return [to_finding(m, gaz) for m in mentions if m.scores]


class PlaceStage:
    """The pipeline stage: appends a ``place`` finding for every place mention."""

    name = "places"

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer.default()

    @classmethod
    def from_settings(cls, settings: Any = None) -> PlaceStage:
        """Build for the pipeline. The index is cached per user, not per ``data_dir``.

        It depends only on package versions, so every site and every test
        shares one copy (``PICKETLINE_CACHE_DIR`` moves it); settings are
        accepted for the common stage signature.
        """
        del settings
        return cls()

    def __call__(self, doc: ExtractionDoc) -> None:
        for finding in find_places(doc.text, doc.language, doc.url, self.gazetteer):
            doc.add(finding)


_SPECIFICITY = {KIND_SITE: 3.2, KIND_TOWN: 3.0, KIND_REGION: 2.0, KIND_COUNTRY: 1.0}


def best_place(findings: list[Finding], near: int | None = None) -> Finding | None:
    """The mention most likely to be *the* place: specific, confident, repeated, near ``near``.

    A town beats its region and country; a name said three times, or after
    "the town of", beats one said once; with ``near`` (an offset, e.g. of the
    action words) closer mentions win.
    """
    places = [f for f in findings if f.field == "place"]
    if not places:
        return None
    support = Counter(f.value.name for f in places)

    def score(f: Finding) -> float:
        value = _SPECIFICITY.get(str(f.attrs.get("kind")), 1.0) + 2 * f.confidence
        value += 0.5 * math.log(support[f.value.name]) + (1.0 if f.attrs.get("cue") else 0.0)
        if f.attrs.get("name_quality") == "adjective":
            value -= 0.5
        if near is not None:
            value -= min(abs(f.start - near) / 1500, 1.5)
        return value

    return max(places, key=score)


__all__ = ["PlaceStage", "best_place", "find_places"]

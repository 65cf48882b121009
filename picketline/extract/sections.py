"""Place sections: round-ups that report one struggle per paragraph, by place.

News briefs and round-ups move from place to place paragraph by paragraph:
a dateline ("CALAMA, Chile — ...", "KADUNA, Nigeria - ..."), or a paragraph that opens on a place
("In Kanpur, meanwhile, ...", "В Казани в пятницу ...", "А в Стрию ...", a
digest's "Серов. С понедельника ...").
Such a paragraph starts a new section when its place is not one the current
section's action sentences already named. A paragraph without such an
opening continues the section before it. When two or more sections report
a factual action, each is a struggle of its own; the lines before the first
section's action (headline, byline, dateline) then belong to none of them,
since a round-up's headline speaks of all of its items.
"""

from __future__ import annotations

import bisect
import math
import re

from picketline.extract.base import ExtractionDoc, Finding
from picketline.extract.patterns import Sentence

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_UPPER = "A-ZÀ-ÝА-ЯЁІЇЄҐ"
_DATELINE = re.compile(
    rf"^(?P<name>[{_UPPER}][{_UPPER} .'’-]{{2,40}})(?:,[^—–\n]{{1,40}}?)?\s+[—–-]\s"
)
_LEADS = {
    "en": re.compile(
        r"^(?:(?:And|Meanwhile|Elsewhere|Separately|Further|Also),?\s+)?(?:in|at|near)\s+"
        r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})",
        re.IGNORECASE,
    ),
    "ru": re.compile(
        r"^(?:(?:А|И|Тем временем|Также|Между тем),?\s+)?(?:в|во|на|под)\s+"
        r"(?P<name>[А-ЯЁ][\w'’-]+(?:\s+[А-ЯЁ][\w'’-]+)?)",
        re.IGNORECASE,
    ),
    "uk": re.compile(
        r"^(?:(?:А|І|Тим часом|Також|Водночас),?\s+)?(?:в|у|на|під)\s+"
        r"(?P<name>[А-ЯІЇЄҐ][\w'’-]+(?:\s+[А-ЯІЇЄҐ][\w'’-]+)?)",
        re.IGNORECASE,
    ),
}
# A digest's item opens on its place and a full stop or colon: "Серов. С понедельника ...",
# "Львівщина. Учора ...", "Durban. Dockers ...", a subheading "Темиртау: пикет у акимата",
# numbered or not ("2. Narayanganj: sit-in ...").
_PLACE_STOP = re.compile(
    rf"^(?:\d{{1,2}}[.)]\s+)?"
    rf"(?P<name>[{_UPPER}][\w'’-]+(?:[ -][{_UPPER}][\w'’-]+){{0,2}})[.:](?:\s|$)"
)
SAME_PLACE_KM = 25.0
# An opening that speaks of several items at once: "at two distribution centres ... in
# separate disputes", "огляд трудових протестів", "обзор забастовок".
_SUMMARY = re.compile(
    r"\b(?:separate (?:disputes|actions|strikes|protests)|round-?up|overview|digest"
    r"|(?:at|in) (?:two|three|several) (?:\w+ )?(?:sites|centres|centers|plants|mines|depots"
    r"|hospitals|warehouses|factories|towns|cities)"
    r"|обзор\w*|мониторинг\w*|сводк\w*|дайджест\w*|(?:на|в) (?:двух|тр[её]х|нескольких)"
    r" (?:\w+ )?(?:предприяти|завод|шахт|город)\w*"
    r"|огляд\w*|моніторинг\w*|зведенн\w*|(?:на|в|у) (?:двох|трьох|кількох)"
    r" (?:\w+ )?(?:підприємств|завод|шахт|міст)\w*)\b",
    re.IGNORECASE,
)
# A paragraph that says it turns to another story ("Separately, several hundred dockers
# at the port of Le Havre ..."): its first place opens a section wherever it stands.
_TRANSITION = re.compile(
    r"^(?:separately|elsewhere|in (?:a )?(?:separate|another) (?:dispute|development|action)"
    r"|тем временем|между тем|в другом (?:конфликте|городе)|отдельно"
    r"|тим часом|водночас|окремо|в іншому (?:конфлікті|місті))\b",
    re.IGNORECASE,
)
# An item number the sentence splitter leaves as a sentence of its own ("2.").
_ENUMERATOR = re.compile(r"\s*(?:\d{1,2}|[IVX]{1,4}|[a-zа-я])[.)]\s*")

Section = tuple[list["PlaceKey"], set[int]]
PlaceKey = tuple[str, float | None, float | None]


def place_sections(doc: ExtractionDoc, sentences: list[Sentence]) -> list[set[int]]:
    """Sentence-index sets, one per place section with a factual action (or [] if < 2)."""
    lead = _LEADS.get(doc.language or "en", _LEADS["en"])
    places = doc.of("place")
    factual = {
        int(f.attrs["sentence"]) for f in doc.of("actions") if not f.attrs.get("hypothetical")
    }
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(doc.text)]
    paragraphs: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        paragraphs.setdefault(bisect.bisect_right(breaks, sentence.start), []).append(sentence)
    body = _body(list(paragraphs.values()), factual)
    sections: list[Section] = []
    for paragraph in body:
        opening = next((s for s in paragraph if not _ENUMERATOR.fullmatch(s.text)), paragraph[0])
        names = _lead_places(opening, lead, places)
        if not sections or (names and not _named_in(names, sections[-1], sentences, places)):
            sections.append((names, set()))
        sections[-1][1].update(s.index for s in paragraph)
    merged = _merge_quiet(sections, factual)
    if len(merged) >= 3 and _summary(merged[0], sentences):
        merged = merged[1:]  # "staff at two centres stopped work": the items' summary
    return merged if len(merged) >= 2 else []


def _summary(section: set[int], sentences: list[Sentence]) -> bool:
    """A round-up's opening paragraph that speaks of all its items at once."""
    text = " ".join(sentences[i].text for i in sorted(section) if i < len(sentences))
    return bool(_SUMMARY.search(text))


def _body(paragraphs: list[list[Sentence]], factual: set[int]) -> list[list[Sentence]]:
    """The paragraphs from the first one after the headline that reports an action."""
    for i, paragraph in enumerate(paragraphs):
        if i > 0 and any(s.index in factual for s in paragraph):
            return paragraphs[i:]
    return []


def _merge_quiet(sections: list[Section], factual: set[int]) -> list[set[int]]:
    """Sections without a factual action join the section before them."""
    merged: list[set[int]] = []
    for _, body in sections:
        if body & factual or not merged:
            merged.append(set(body))
        else:
            merged[-1] |= body
    return [body for body in merged if body & factual]


def _lead_places(
    sentence: Sentence, lead: re.Pattern[str], places: list[Finding]
) -> list[PlaceKey]:
    """The places a paragraph opens on (dateline or "In X,"), if it opens on one."""
    match = (
        _DATELINE.match(sentence.text)
        or lead.match(sentence.text)
        or _PLACE_STOP.match(sentence.text)
    )
    if not match:
        if not _TRANSITION.match(sentence.text):
            return []
        inside = [f for f in places if sentence.start <= f.start < sentence.end]
        return [_key(inside[0])] if inside else []
    start = sentence.start + match.start("name")
    end = sentence.start + match.end("name")
    return [_key(f) for f in places if start <= f.start < end + 2]


def _key(finding: Finding) -> PlaceKey:
    value = finding.value
    name = str(getattr(value, "name", value)).casefold()
    return name, getattr(value, "lat", None), getattr(value, "lon", None)


def _named_in(
    names: list[PlaceKey], section: Section, sentences: list[Sentence], places: list[Finding]
) -> bool:
    """Whether the section already speaks of this place (its lead or its own mentions)."""
    lead, body = section
    spans = [(s.start, s.end) for s in sentences if s.index in body]
    own = lead + [_key(f) for f in places if any(a <= f.start < b for a, b in spans)]
    return any(_same(name, other) for name in names for other in own)


def _same(one: PlaceKey, other: PlaceKey) -> bool:
    if one[0] == other[0]:
        return True
    if None in (one[1], one[2], other[1], other[2]):
        return False
    return _km(one[1], one[2], other[1], other[2]) <= SAME_PLACE_KM  # type: ignore[arg-type]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))

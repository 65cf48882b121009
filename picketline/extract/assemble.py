"""Assembly: from findings to FORMAT.md struggles, with confidence and evidence.

Each struggle (a ``Segment``: a set of sentences, see ``segment.py``) takes the
findings of its own sentences. A field is filled only where a finding
supports it — never guessed — and every filled field carries the character
spans it came from as ``evidence``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from babel import Locale

from picketline.domain.place import Place, PlacePrecision
from picketline.domain.struggle import Participants, Repression, StruggleFields
from picketline.domain.vocab import Action, Demand, Outcome, RepressionType
from picketline.extract.actions import action_codes
from picketline.extract.base import ExtractedStruggle, ExtractionDoc, Finding
from picketline.extract.gazetteer import Gazetteer
from picketline.extract.outcome import decide
from picketline.extract.patterns import doc_sentences, in_sentence
from picketline.extract.places import best_place
from picketline.extract.segment import Segment, segments
from picketline.extract.timing import timing

Spans = dict[str, list[tuple[int, int]]]
_LEAD_CUES = re.compile(
    r"\b(?:represented by|members of|led by|called by|organi[sz]ed by|affiliated|члены|члени"
    r"|организова\w*|організува\w*|под руководством|під керівництвом|по призыву|на заклик"
    r"|belong(?:s|ed)? to|supported by|backed by|on behalf of|at the call of"
    r"|called (?:the|a) strike|called off|suspended|announced|declared|launched"
    r"|объявил\w*|оголоси\w*|приостановил\w*|призупини\w*"
    r"|поддерж\w*|підтрим\w*|при поддержке|за підтримки|от имени|від імені|по инициативе"
    r"|з ініціативи|входят в|входять до|объединяет|об['’]єднує)\b",
    re.IGNORECASE,
)


class Assembler:
    """Builds the struggles of one document (stateless; one per pipeline)."""

    def __call__(self, doc: ExtractionDoc) -> list[ExtractedStruggle]:
        sentence_of = {s.index: s for s in doc_sentences(doc)}
        if not sentence_of:
            return []
        located = _locate(doc)
        out = []
        for segment in segments(doc):
            struggle = _build(doc, segment, located, sentence_of)
            if struggle is not None:
                out.append(struggle)
        return out


def _locate(doc: ExtractionDoc) -> list[tuple[int, Finding]]:
    """Every finding with the index of the sentence holding it."""
    sentences = doc_sentences(doc)
    located = []
    for finding in doc.findings:
        if finding.field == "_sentence":
            continue
        index = finding.attrs.get("sentence")
        if index is None:
            sentence = in_sentence(sentences, finding.start)
            if sentence is None:
                continue
            index = sentence.index
            alone = len(sentence.text) <= (finding.end - finding.start) + 12
            finding = replace(finding, attrs={**finding.attrs, "sentence": index, "alone": alone})
        located.append((int(index), finding))
    return located


def _build(
    doc: ExtractionDoc, segment: Segment, located: list[tuple[int, Finding]], sentence_of: dict
) -> ExtractedStruggle | None:
    mine: dict[str, list[Finding]] = {}
    for index, finding in located:
        if index in segment.sentences:
            mine.setdefault(finding.field, []).append(finding)
    action_findings = _actions(mine.get("actions", []))
    if not action_findings:
        return None
    action_sentences = {int(f.attrs["sentence"]) for f in action_findings}
    evidence: Spans = {}
    fields: dict[str, object] = {}
    actions = action_codes(action_findings)
    _note(evidence, "actions", [f for f in action_findings if f.value in actions])
    chosen = _workers(mine.get("workers", []), action_sentences, mine.get("_count", []))
    fields["workers"] = chosen.value if chosen else None
    if chosen:
        _note(evidence, "workers", [f for f in mine["workers"] if f.value == chosen.value])
    fields["sector"] = _best(
        _sectors(mine.get("sector", []), chosen, action_sentences), "sector", evidence
    )
    fields["workplace"] = _workplace(segment, evidence)
    fields["employer"] = _employer(segment, mine.get("employer", []), evidence)
    fields["unions"] = _unions(
        mine.get("unions", []),
        action_sentences,
        sentence_of,
        evidence,
        segment.primary,
        frozenset(int(f.attrs["sentence"]) for f in mine.get("workers", [])),
    )
    fields["place"] = _place(doc, segment, mine.get("place", []), action_findings, evidence)
    outcome = _outcome(segment, mine.get("_outcome", []), evidence)
    fields["outcome"] = outcome
    about = action_sentences | {int(f.attrs["sentence"]) for f in mine.get("workers", [])}
    fields["start"], fields["end"] = timing(
        doc,
        mine.get("_date", []),
        mine.get("_outcome", []),
        outcome,
        (action_sentences, about),
        evidence,
        frozenset(actions),
        " ".join(sentence_of[i].text for i in sorted(action_sentences) if i in sentence_of),
    )
    fields["participants"] = _participants(mine.get("_count", []), action_sentences, evidence)
    fields["demands"] = _codes(mine.get("demands", []), "demands", evidence)
    fields["repression"] = (
        _repression(mine.get("repression", []), evidence) if not segment.background else ()
    )
    struggle = StruggleFields(
        actions=tuple(sorted(actions, key=list(Action).index)),
        background=segment.background,
        **{k: v for k, v in fields.items() if v is not None},  # type: ignore[arg-type]
    )
    return ExtractedStruggle(struggle, _confidence(doc, struggle), evidence)


def _note(evidence: Spans, name: str, findings: Iterable[Finding]) -> None:
    spans = sorted({(f.start, f.end) for f in findings})
    if spans:
        evidence.setdefault(name, []).extend(spans)


def _actions(findings: list[Finding]) -> list[Finding]:
    factual = [f for f in findings if not f.attrs.get("hypothetical")]
    current = [f for f in factual if not f.attrs.get("recalled")]
    return current or factual or findings


def _best(findings: list[Finding], name: str, evidence: Spans) -> object | None:
    if not findings:
        return None
    best = max(findings, key=lambda f: (f.confidence, -f.start))
    _note(evidence, name, [f for f in findings if f.value == best.value])
    return best.value


def _workers(
    findings: list[Finding], action_sentences: set[int], counts: list[Finding]
) -> Finding | None:
    """The workforce in the article's words: the subject of its first action sentence.

    The body's first sentence that reports an action and names workers gives
    them (a headline's words come second unless it counts them, "268 miners
    refused to work"); in it, the workers with a head count ("Around 850 bus
    drivers"), else the first named. Sentences without
    an action come last, specific trades before generic words.
    """
    if not findings:
        return None
    counted = {
        f.start
        for f in findings
        for c in counts
        if c.attrs.get("unit") == "people" and 0 <= f.start - c.end <= 20
    }

    def rank(f: Finding) -> tuple[int, int, int, int, int]:
        index = int(f.attrs.get("sentence", 0))
        in_action = index in action_sentences
        body = in_action and (index > 0 or f.start in counted)
        return (
            -int(body),
            -int(in_action),
            index if in_action else 0,
            -int(f.start in counted) if in_action else int(bool(f.attrs.get("generic"))),
            f.start,
        )

    return min(findings, key=rank)


def _sectors(
    findings: list[Finding], chosen: Finding | None, action_sentences: set[int]
) -> list[Finding]:
    """Sector evidence, the chosen workers' trade first; other people's trades said
    outside the action ("Doctors examined the hunger strikers") count least."""
    out = []
    for finding in findings:
        if finding.attrs.get("from") == "workers":
            if chosen is not None and finding.start == chosen.start:
                finding = replace(finding, confidence=0.95)
            elif finding.attrs.get("sentence") not in action_sentences:
                finding = replace(finding, confidence=0.5)
        out.append(finding)
    return out


def _workplace(segment: Segment, evidence: Spans) -> str | None:
    if segment.workplace is None:
        return None
    _note(evidence, "workplace", segment.mentions)
    return str(segment.workplace.value)


def _employer(segment: Segment, findings: list[Finding], evidence: Spans) -> str | None:
    """The employer named right after the workplace, else (primary only) the first named."""
    for mention in segment.mentions:
        near = [f for f in findings if 0 <= f.start - mention.end <= 3]
        if near:
            _note(evidence, "employer", near[:1])
            return str(near[0].value)
    if not segment.primary or not findings:
        return None
    best = max(findings, key=lambda f: (f.confidence, -f.start))
    _note(evidence, "employer", [best])
    return str(best.value)


def _unions(
    findings: list[Finding],
    action_sentences: set[int],
    sentence_of: dict,
    evidence: Spans,
    primary: bool = False,
    about: frozenset[int] = frozenset(),
) -> tuple[str, ...]:
    """Unions named where the action is, or as leading/representing the workers; in the
    main struggle, where none is, its only union where named beside its workers."""
    leading = [
        f
        for f in findings
        if f.attrs.get("sentence") in action_sentences
        or _LEAD_CUES.search(sentence_of[f.attrs["sentence"]].text)
    ]
    aliases = _bracketed_acronyms(findings, sentence_of)
    if not leading and primary and len(_distinct_unions(findings, aliases)) == 1:
        # the only union an article about one struggle names is that struggle's
        # ("said a spokesperson for X", "за даними X")
        leading = findings
    names = _distinct_unions(leading, aliases)
    _note(evidence, "unions", names)
    return tuple(str(f.value) for f in names)


_SMALL_WORDS = frozenset(["of", "and", "the", "for", "in", "&", "и", "і", "та", "й"])


def _initials(name: str) -> str:
    words = re.findall(r"[^\W\d_][\w'’-]*", name)
    return "".join(w[0] for w in words if w.casefold() not in _SMALL_WORDS).upper()


def is_acronym_of(short: str, full: str) -> bool:
    """ "CITU" of "Centre of Indian Trade Unions", "НПГ" of "Независимый профсоюз горняков
    России": the initials of the full name's content words begin with the acronym."""
    letters = short.replace(".", "").replace("-", "")
    if not (2 <= len(letters) <= 8 and letters.isupper() and " " not in short):
        return False
    return len(full.split()) >= 2 and _initials(full).startswith(letters.upper())


_BRACKETED = re.compile(r"\s*\(([A-ZА-ЯЁІЇЄҐ]{2,8})\)")


def _bracketed_acronyms(findings: list[Finding], sentence_of: dict) -> dict[str, str]:
    """ "National Union of Rail, Maritime and Transport Workers (RMT)": RMT is that union."""
    aliases: dict[str, str] = {}
    for finding in findings:
        sentence = sentence_of.get(finding.attrs.get("sentence"))
        if sentence is None:
            continue
        match = _BRACKETED.match(sentence.text, finding.end - sentence.start)
        if match:
            aliases[match.group(1)] = str(finding.value)
    return aliases


def _distinct_unions(
    findings: list[Finding], aliases: dict[str, str] | None = None
) -> list[Finding]:
    """One finding per union: inflected forms, contained names and acronyms merge into
    the full name (an acronym in brackets after a name is that name)."""
    names: dict[str, Finding] = {}
    aliases = aliases or {}
    ordered = sorted(findings, key=lambda f: -len(str(f.value)))  # full names first
    for finding in ordered:
        key, value = str(finding.attrs.get("key")), str(finding.value)
        if any(key in other or other in key for other in names):
            continue
        kept_names = [str(kept.value) for kept in names.values()]
        if any(is_acronym_of(value, full) or aliases.get(value) == full for full in kept_names):
            continue
        names[key] = finding
    return sorted(names.values(), key=lambda f: f.start)


def _place(
    doc: ExtractionDoc,
    segment: Segment,
    findings: list[Finding],
    actions: list[Finding],
    evidence: Spans,
) -> object | None:
    near = actions[0].start if actions else None
    national = _national(doc, actions)
    if national is not None:
        _note(evidence, "place", [national])
        return national.value
    best = best_place(findings, near)
    if best is None and segment.primary:
        best = best_place(doc.of("place"), near)
    if best is None and not segment.primary:
        countries = [f for f in doc.of("place") if f.attrs.get("kind") == "country"]
        best = best_place(countries)
        if best is None:
            primary = best_place(doc.of("place"))
            return country_place(primary.value.country) if primary else None
    if best is None:
        return None
    _note(evidence, "place", [best])
    return best.value


# A coordinated action across a whole country: its place is the country (FORMAT.md).
_NATIONWIDE = re.compile(
    r"\b(?:nation-?wide|national (?:general )?strike|across the country"
    r"|(?:all )?over the country|countrywide|общенациональн\w*"
    r"|всероссийск\w* (?:забастовк|стачк|акци)\w*"
    r"|по всей стране|загальнонаціональн\w*|всеукраїнськ\w* (?:страйк|акці)\w*|по всій країні)",
    re.IGNORECASE,
)


def _national(doc: ExtractionDoc, actions: list[Finding]) -> Finding | None:
    """The country named in the article when an action sentence calls the action nationwide."""
    text = doc.text
    if not any(_NATIONWIDE.search(text[max(0, a.start - 120) : a.end + 120]) for a in actions):
        return None
    countries = [f for f in doc.of("place") if f.attrs.get("kind") == "country"]
    if countries:
        return countries[0]
    return None  # no country named: the towns say where, not how far it reached


@lru_cache(maxsize=256)
def country_place(code: str | None) -> Place | None:
    """The country itself, for a secondary struggle said to be somewhere in it."""
    if not code:
        return None
    try:
        name = Locale("en").territories.get(code.upper())
    except ValueError:
        return None
    if not name:
        return None
    found = [p for p in Gazetteer.default().lookup(name) if p.precision is PlacePrecision.COUNTRY]
    return found[0] if found else None


def _outcome(segment: Segment, cues: list[Finding], evidence: Spans) -> Outcome | None:
    if segment.background:
        return None
    kinds = {str(f.value) for f in cues}
    if not segment.primary and not kinds - {"ongoing"}:
        return None
    outcome = decide(kinds)
    if outcome is not None:
        _note(evidence, "outcome", cues)
    return outcome


def _participants(
    counts: list[Finding], action_sentences: set[int], evidence: Spans
) -> Participants | None:
    """The first head count of people said with an action (not an arrest count)."""
    people = [
        c for c in counts if c.attrs.get("unit") == "people" and not c.attrs.get("repression")
    ]
    pool = [c for c in people if c.attrs.get("sentence") in action_sentences] or people
    if not pool:
        return None
    best = min(pool, key=lambda c: c.start)
    _note(evidence, "participants", [best])
    return best.value


def _codes(findings: list[Finding], name: str, evidence: Spans) -> tuple[Demand, ...]:
    _note(evidence, name, findings)
    return tuple(sorted({f.value for f in findings}, key=list(Demand).index))


def _repression(findings: list[Finding], evidence: Spans) -> tuple[Repression, ...]:
    """One entry per type, with the largest count said for it.

    Releases and charges said without a count are of the people arrested
    ("detained 35 of them ... All were released").
    """
    by_type: dict[object, int | None] = {}
    for finding in findings:
        kind, count = finding.value.type, finding.value.count
        previous = by_type.get(kind)
        by_type[kind] = (
            max(c for c in (previous, count) if c is not None)
            if (previous is not None or count is not None)
            else None
        )
    arrested = by_type.get(RepressionType.ARREST)
    for kind in (RepressionType.RELEASE, RepressionType.CHARGES):
        if kind in by_type and by_type[kind] is None:
            by_type[kind] = arrested
    _note(evidence, "repression", findings)
    return tuple(Repression(kind, count) for kind, count in by_type.items())  # type: ignore[arg-type]


def _confidence(doc: ExtractionDoc, struggle: StruggleFields) -> float:
    """Relevance strength and how many fields the text supported, in 0..1."""
    relevance = next((float(f.value) for f in doc.of("_relevance")), 3.0)
    filled = sum(1 for v in struggle.to_format().values() if v)
    base = min(1.0, relevance / 8) * 0.6 + min(1.0, filled / 10) * 0.4
    return round(base * (0.6 if struggle.background else 1.0), 3)

"""Merging reports of one struggle: every source kept, every claim attributed.

A merged struggle is not a blend of field values but a set of *claims* —
"source 7 says 14 miners", "source 9 says 15" — from which the shown fields,
the alternatives and the timeline are derived each time. That keeps
provenance exact (which source says what), lets a conflicting value stay
visible as an alternative, and makes every merge reversible: removing one
source's claims (``without_source``) and deriving again is the split.

Choosing the shown value: the one most sources support (a coarser date that
contains a finer one supports it: "December 2021" supports "15 December
2021"), then the most specific, then the most recently published. ``outcome``
and ``end`` put recency first, because they describe how things stood when a
report was written, and later reports know more.

Everything here is pure; storage and actions persist what it returns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from picketline.domain.dates import PartialDate
from picketline.domain.event import Event
from picketline.domain.place import Place
from picketline.domain.struggle import Repression, StruggleFields
from picketline.domain.vocab import EventKind, Outcome, RepressionType
from picketline.extract.morph import fold
from picketline.resolve.translit import match_key

SCALAR_FIELDS = ("workers", "sector", "workplace", "employer", "place", "start", "end",
                 "participants", "outcome")  # fmt: skip
SET_FIELDS = ("actions", "demands", "unions")
RECENCY_FIRST = frozenset({"outcome", "end"})
COUNT_PREFIX = "repression_count."
_COUNT = COUNT_PREFIX
REPRESSION_EVENTS = {
    RepressionType.ARREST: EventKind.ARREST,
    RepressionType.CHARGES: EventKind.CHARGES,
    RepressionType.RELEASE: EventKind.RELEASE,
    RepressionType.VIOLENCE: EventKind.VIOLENCE,
    RepressionType.DISMISSAL: EventKind.DISMISSAL,
    RepressionType.CENSORSHIP: EventKind.CENSORSHIP,
    RepressionType.BAN: EventKind.BAN,
}
_NO_DATE = (0, 0, 0)


@dataclass(frozen=True)
class SourceRef:
    """A source as merging needs it: its id and publication date."""

    id: int
    published: PartialDate | None = None

    def order(self) -> tuple[int, int, int]:
        p = self.published
        return (p.year, p.month or 0, p.day or 0) if p else _NO_DATE


@dataclass(frozen=True)
class Claim:
    """One source stating one value of one field.

    ``field`` is a FORMAT.md field name, or ``repression_count.TYPE`` for the
    count of one kind of repression; set fields (actions, demands, unions,
    repression) give one claim per member.
    """

    field: str
    value: Any
    source: SourceRef


@dataclass(frozen=True)
class Alternative:
    """One value of a disputed field, the sources that support it, and whether it is shown."""

    value: Any
    sources: tuple[SourceRef, ...]
    chosen: bool


@dataclass(frozen=True)
class MergeState:
    """What storage keeps for a struggle's fields: every claim of every source."""

    claims: tuple[Claim, ...] = ()

    def sources(self) -> tuple[SourceRef, ...]:
        """Each source once, oldest publication first."""
        unique = {c.source.id: c.source for c in self.claims}
        return tuple(sorted(unique.values(), key=lambda s: (s.order(), s.id)))


@dataclass(frozen=True)
class Merged:
    """The result of a merge: shown fields, disputes, timeline, and the state to keep."""

    fields: StruggleFields
    alternatives: dict[str, tuple[Alternative, ...]]
    events: tuple[Event, ...]
    new_events: tuple[Event, ...]
    state: MergeState


def claims_of(fields: StruggleFields, source: SourceRef) -> tuple[Claim, ...]:
    """Every value a source's struggle states, as claims."""
    out = [Claim(n, getattr(fields, n), source) for n in SCALAR_FIELDS if getattr(fields, n)]
    out += [Claim(n, v, source) for n in SET_FIELDS for v in getattr(fields, n)]
    for item in fields.repression:
        out.append(Claim("repression", item.type, source))
        if item.count is not None:
            out.append(Claim(_COUNT + item.type.value, item.count, source))
    # A "background" claim is only ever made by a source that says so.
    out += [Claim("background", True, source)] if fields.background else []
    return tuple(out)


def without_source(state: MergeState, source_id: int) -> MergeState:
    """The state as if the source had never been merged: the basis of a split."""
    return MergeState(tuple(c for c in state.claims if c.source.id != source_id))


def merge(state: MergeState, incoming: StruggleFields, source: SourceRef) -> Merged:
    """Add one source's struggle to a struggle's claims (a source merged again replaces itself)."""
    before = derive(state)
    after_state = MergeState(without_source(state, source.id).claims + claims_of(incoming, source))
    after = derive(after_state)
    known = {_event_key(e) for e in before.events}
    new_events = tuple(e for e in after.events if _event_key(e) not in known)
    return replace(after, new_events=new_events)


def derive(state: MergeState) -> Merged:
    """Shown fields, alternatives and timeline from the claims alone."""
    chosen: dict[str, Any] = {}
    alternatives: dict[str, tuple[Alternative, ...]] = {}
    for name in SCALAR_FIELDS:
        ranked = rank(name, [c for c in state.claims if c.field == name])
        if ranked:
            chosen[name] = ranked[0].value
        if len(ranked) > 1:
            alternatives[name] = ranked
    fields = StruggleFields(
        actions=_members(state, "actions"),
        demands=_members(state, "demands"),
        unions=_members(state, "unions", key=fold),
        repression=_repression(state, alternatives),
        background=_all_say_background(state),
        **chosen,
    )
    events = timeline(state, fields)
    return Merged(fields, alternatives, events, events, state)


def _value_key(name: str, value: Any) -> Hashable:
    """Values that are the same claim written differently compare equal."""
    if isinstance(value, Place):
        return match_key(value.name)
    if isinstance(value, str):
        return match_key(value) if name in ("workplace", "employer") else fold(value)
    return value


def _supports(name: str, claimed: Any, shown: Any) -> bool:
    """Whether a claim backs a value: the same value, or a coarser date containing it."""
    if isinstance(claimed, PartialDate) and isinstance(shown, PartialDate):
        return claimed.first_day() <= shown.first_day() and shown.last_day() <= claimed.last_day()
    return _value_key(name, claimed) == _value_key(name, shown)


def _specificity(value: Any) -> int:
    if isinstance(value, PartialDate):
        return int(value.month is not None) + int(value.day is not None)
    if isinstance(value, Place):
        return int(value.lat is not None) + int(value.geonames_id is not None)
    return 0


def rank(name: str, claims: list[Claim]) -> tuple[Alternative, ...]:
    """The distinct values claimed for a field, best first (see the module docstring)."""
    groups: dict[Hashable, list[Claim]] = {}
    for claim in claims:
        groups.setdefault(_value_key(name, claim.value), []).append(claim)
    scored = []
    for group in groups.values():
        value = max(group, key=lambda c: (_specificity(c.value), c.source.order())).value
        supporters = {c.source.id: c.source for c in claims if _supports(name, c.value, value)}
        latest = max(s.order() for s in supporters.values())
        priority: tuple[Any, ...] = (len(supporters), _specificity(value), latest)
        if name in RECENCY_FIRST:
            priority = (latest, len(supporters), _specificity(value))
        sources = tuple(sorted(supporters.values(), key=lambda s: (s.order(), s.id)))
        scored.append((priority, value, sources))
    scored.sort(key=lambda item: item[0], reverse=True)
    return tuple(Alternative(v, s, i == 0) for i, (_, v, s) in enumerate(scored))


def _members(state: MergeState, name: str, key: Callable[[Any], Hashable] = lambda v: v) -> Any:
    """A set field: every member any source names, in first-mentioned order."""
    seen: dict[Hashable, Any] = {}
    for claim in _by_publication(c for c in state.claims if c.field == name):
        seen.setdefault(key(claim.value), claim.value)
    return tuple(seen.values())


def _repression(
    state: MergeState, alternatives: dict[str, tuple[Alternative, ...]]
) -> tuple[Repression, ...]:
    out = []
    for kind in _members(state, "repression"):
        field_name = _COUNT + kind.value
        ranked = rank(field_name, [c for c in state.claims if c.field == field_name])
        if len(ranked) > 1:
            alternatives[field_name] = ranked
        out.append(Repression(kind, ranked[0].value if ranked else None))
    return tuple(out)


def _all_say_background(state: MergeState) -> bool:
    sources = {c.source.id for c in state.claims}
    return bool(sources) and sources == {
        c.source.id for c in state.claims if c.field == "background"
    }


def _by_publication(claims: Iterable[Claim]) -> list[Claim]:
    return sorted(claims, key=lambda c: (c.source.order(), c.source.id))


def timeline(state: MergeState, fields: StruggleFields) -> tuple[Event, ...]:
    """Dated events: start and end, repression as reported, changes of outcome."""
    events = _boundary_events(state, fields) + _repression_events(state) + _outcome_events(state)
    return tuple(sorted(events, key=_event_order))


def _event_order(event: Event) -> tuple[dt.date, dt.date, str]:
    """Dates of different precision ("2020-06", "2020-06-20") compare by their days."""
    if event.date is None:
        return (dt.date.min, dt.date.min, event.kind.value)
    return (event.date.first_day(), event.date.last_day(), event.kind.value)


def _first_source(state: MergeState, name: str, value: Any) -> int | None:
    backing = _by_publication(c for c in state.claims if c.field == name and c.value == value)
    return backing[0].source.id if backing else None


def _boundary_events(state: MergeState, fields: StruggleFields) -> list[Event]:
    out = []
    for name, kind in (("start", EventKind.ACTION_STARTED), ("end", EventKind.ACTION_ENDED)):
        value = getattr(fields, name)
        if value is not None:
            source_id = _first_source(state, name, value)
            out.append(Event(None, None, kind, value, source_id=source_id))
    return out


def _repression_events(state: MergeState) -> list[Event]:
    """One event when a kind of repression is first reported, and one per higher count."""
    counts = {(c.source.id, c.field[len(_COUNT) :]): c.value for c in state.claims
              if c.field.startswith(_COUNT)}  # fmt: skip
    highest: dict[RepressionType, int | None] = {}
    out = []
    for claim in _by_publication(c for c in state.claims if c.field == "repression"):
        kind: RepressionType = claim.value
        count = counts.get((claim.source.id, kind.value))
        if kind in highest and (count is None or (highest[kind] or 0) >= count):
            continue
        highest[kind] = count
        event_kind = REPRESSION_EVENTS.get(kind, EventKind.OTHER)
        description = "" if event_kind is not EventKind.OTHER else kind.value
        out.append(
            Event(
                None, None, event_kind, claim.source.published, description, count, claim.source.id
            )
        )
    return out


def _outcome_events(state: MergeState) -> list[Event]:
    """An event each time a later report gives a different outcome than the one before."""
    out = []
    previous: Outcome | None = None
    for claim in _by_publication(c for c in state.claims if c.field == "outcome"):
        if previous is not None and claim.value != previous:
            description = f"{previous.value} → {claim.value.value}"
            out.append(
                Event(
                    None,
                    None,
                    EventKind.OUTCOME_CHANGED,
                    claim.source.published,
                    description,
                    source_id=claim.source.id,
                )
            )
        previous = claim.value
    return out


def _event_key(event: Event) -> tuple[Any, ...]:
    """An event's identity; not its source, which an earlier report merged later may change."""
    return (event.kind, event.date, event.count, event.description)

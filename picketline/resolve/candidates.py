"""Which known struggles a new report could be: blocking, so matching stays near-linear.

Scoring a new report against every struggle in the record grows with the
record; at 100,000 documents that is billions of comparisons. Instead each
struggle is filed under a few *blocking keys* — the first letters of each
word of its workplace and employer (on the stemmed Latin keys, so
"Капитальная", "Капітальна" and "Kapitalna" share ``n:kapit``), and its
place — and a new report is scored only against the struggles it looks up
(``lookup_keys``). A five-letter prefix survives the spelling differences
``names`` forgives ("Мирноградуголь" / "Мирноградвугілля" share ``n:mirno``).

The place key differs for a struggle with names (``q:``) and without
(``p:``): a named report looks up its name keys and the *nameless* struggles
of its place, a nameless report every struggle of its place. So a report
that names no workplace or employer still meets the struggles it may be
(matching makes that at most a possible duplicate), while a named report is
not scored against every other named struggle in its town.

The in-memory ``StruggleIndex`` is what a batch run or a test needs; storage
can keep the same keys in a table (struggle id, key) with an index on key.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass

from picketline.resolve.match import MatchResult, Report, Verdict, match
from picketline.resolve.names import name_keys
from picketline.resolve.translit import match_key

PREFIX = 5

# Words that say what kind of workplace a name is ("steel", "угольная", "автобусний
# парк"): thousands of workplaces share them, so as blocking keys they would make every
# coal mine or bus depot a candidate for every report of another. Name *similarity*
# still sees them (``names``); only the lookup ignores them. Kept as match-key prefixes.
_KIND_WORDS = """
steel iron ore coal copper gold silver nickel zinc diamond potash salt cement paper pulp
auto car motor textile garment bus tram trolleybus rail railway metro container power
energy chemical oil gas meat poultry dairy bread processing distribution fulfilment
sorting assembly engineering machine tractor shipbuilding brick glass pipe tube and park
city municipal regional national
угольная угольный вугільна вугільний металлургический металургійний горнорудный гірничий
обогатительная збагачувальна машиностроительный машинобудівний автобусный автобусний
трамвайный трамвайний троллейбусный тролейбусний электрический електричний химический
хімічний нефтяной нафтовий газовый газовий цементный цементний текстильный текстильний
швейная швейна мясокомбинат молочный молочний хлебозавод кирпичный цегельний
судостроительный суднобудівний трубный трубний парк городской міський областной обласний
районный районний
"""
_KIND_KEYS = tuple(sorted({name_keys(word)[1] for word in _KIND_WORDS.split()} - {""}))


def _is_kind_word(token: str) -> bool:
    """A stemmed token that is a kind word: the same, or an inflected form of a long one."""
    return any(token == kind or (len(kind) >= 5 and token.startswith(kind)) for kind in _KIND_KEYS)


def _name_keys(report: Report) -> set[str]:
    keys: set[str] = set()
    for name in (report.fields.workplace, report.fields.employer):
        if name:
            for key in name_keys(name, report.language):
                keys.update(
                    f"n:{token[:PREFIX]}"
                    for token in key.split()
                    if len(token) >= 3 and not _is_kind_word(token)
                )
    return keys


def _place_key(report: Report, prefix: str) -> set[str]:
    place = report.fields.place
    where = match_key(place.name) if place is not None else ""
    return {f"{prefix}:{where}"} if where else set()


def blocking_keys(report: Report) -> frozenset[str]:
    """The keys a struggle is filed under: its name keys, and its place (named or not)."""
    names = _name_keys(report)
    return frozenset(names | _place_key(report, "q" if names else "p"))


def lookup_keys(report: Report) -> frozenset[str]:
    """The keys a new report looks up (see the module docstring)."""
    names = _name_keys(report)
    if names:
        return frozenset(names | _place_key(report, "p"))
    return frozenset(_place_key(report, "p") | _place_key(report, "q"))


@dataclass(frozen=True)
class Resolution:
    """The best known struggle for a report, and how sure the match is."""

    struggle_id: Hashable | None
    result: MatchResult | None

    @property
    def verdict(self) -> Verdict:
        return self.result.verdict if self.result else Verdict.DIFFERENT


class StruggleIndex:
    """Struggle ids by blocking key; the reports themselves stay with the caller."""

    def __init__(self) -> None:
        self._by_key: defaultdict[str, set[Hashable]] = defaultdict(set)
        self._keys: dict[Hashable, frozenset[str]] = {}

    def __len__(self) -> int:
        return len(self._keys)

    def put(self, struggle_id: Hashable, report: Report) -> None:
        """File (or re-file, after a merge changed its fields) one struggle."""
        self.remove(struggle_id)
        keys = blocking_keys(report)
        self._keys[struggle_id] = keys
        for key in keys:
            self._by_key[key].add(struggle_id)

    def remove(self, struggle_id: Hashable) -> None:
        for key in self._keys.pop(struggle_id, frozenset()):
            self._by_key[key].discard(struggle_id)

    def candidates(self, report: Report) -> set[Hashable]:
        """Struggles sharing at least one blocking key with the report."""
        found: set[Hashable] = set()
        for key in lookup_keys(report):
            found |= self._by_key.get(key, set())
        return found

    def resolve(self, report: Report, lookup: Callable[[Hashable], Report]) -> Resolution:
        """The best-scoring candidate (``lookup`` gives a struggle's current report)."""
        return best_of(report, ((c, lookup(c)) for c in self.candidates(report)))


def best_of(report: Report, known: Iterable[tuple[Hashable, Report]]) -> Resolution:
    """The highest-scoring of some known struggles, ties to the smallest id for stability."""
    best = Resolution(None, None)
    for struggle_id, other in sorted(known, key=lambda item: str(item[0])):
        result = match(other, report)
        if best.result is None or result.score > best.result.score:
            best = Resolution(struggle_id, result)
    return best

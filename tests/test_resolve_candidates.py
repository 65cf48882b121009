"""Blocking and a small resolve loop: reports in three languages become the right struggles.

The reports are invented for these tests.
"""

from __future__ import annotations

from collections.abc import Hashable

from picketline.domain.dates import PartialDate
from picketline.domain.place import Place, PlacePrecision
from picketline.domain.struggle import Participants, StruggleFields
from picketline.domain.vocab import Action, Outcome, Sector
from picketline.resolve.candidates import StruggleIndex, blocking_keys
from picketline.resolve.match import Report, Verdict
from picketline.resolve.merge import MergeState, SourceRef, merge

TOWN = Place("Myrnohrad", "UA", "Donetsk", 48.30, 37.26, precision=PlacePrecision.TOWN)


def report(day: int, language: str, workplace: str | None, **extra: object) -> Report:
    fields = StruggleFields(
        actions=(Action.STRIKE,),
        sector=Sector.B,
        workplace=workplace,
        place=TOWN,
        **extra,  # type: ignore[arg-type]
    )
    return Report(fields, PartialDate(2021, 12, day), language)


def test_one_mine_shares_a_key_across_scripts() -> None:
    keys = [
        blocking_keys(report(17, lang, name))
        for lang, name in (
            ("ru", "шахта «Капитальная»"),
            ("uk", "шахта «Капітальна»"),
            ("en", "Kapitalna mine"),
        )
    ]
    assert keys[0] == keys[1] == keys[2] == {"n:kapit", "q:mirnograd"}
    assert blocking_keys(report(17, "en", None)) == {"p:mirnograd"}


def test_words_for_a_kind_of_workplace_are_no_blocking_keys() -> None:
    """Thousands of coal mines or bus depots share "coal" or "автобусный"; filed under it,
    every report of one would be scored against all the others."""
    for lang, name, other in (
        ("en", "Belkamor coal mine", "Zorvet coal mine"),
        ("ru", "Угольная шахта «Северная»", "угольной шахты «Южная»"),
        ("uk", "Автобусний парк «Озерний»", "автобусного парку «Лісовий»"),
    ):
        ours, theirs = blocking_keys(report(17, lang, name)), blocking_keys(report(17, lang, other))
        assert not (ours & theirs) - {"q:mirnograd"}, (ours, theirs)
    kapitalna = blocking_keys(report(17, "en", "Kapitalna coal mine"))
    assert kapitalna == blocking_keys(report(17, "uk", "вугільна шахта «Капітальна»"))


def test_a_nameless_report_meets_every_struggle_of_its_place() -> None:
    index = StruggleIndex()
    index.put("named", report(17, "en", "Kapitalna mine"))
    index.put("nameless", report(17, "en", None))
    index.put("other", report(17, "en", "Tsentralna mine"))
    assert index.candidates(report(18, "en", None)) == {"named", "nameless", "other"}
    assert index.candidates(report(18, "uk", "шахта «Капітальна»")) == {"named", "nameless"}


def resolve_all(reports: list[Report]) -> dict[int, list[int]]:
    """Each report either merges into its best SAME match or starts a new struggle."""
    index = StruggleIndex()
    states: dict[Hashable, MergeState] = {}
    current: dict[Hashable, Report] = {}
    members: dict[int, list[int]] = {}
    for number, incoming in enumerate(reports):
        source = SourceRef(number, incoming.published)
        found = index.resolve(incoming, current.__getitem__)
        target = found.struggle_id if found.verdict is Verdict.SAME else len(states)
        assert isinstance(target, int)
        merged = merge(states.get(target, MergeState()), incoming.fields, source)
        states[target] = merged.state
        dates = [s.published for s in merged.state.sources() if s.published]
        current[target] = Report(merged.fields, min(dates), incoming.language, max(dates))
        index.put(target, current[target])
        members.setdefault(target, []).append(number)
    return members


def test_reports_resolve_into_the_right_struggles() -> None:
    reports = [
        report(17, "uk", "шахта «Капітальна»", participants=Participants(14, 14)),
        report(17, "ru", "шахта «Центральная»"),  # the neighbouring mine, same week
        report(18, "en", "Kapitalna mine", participants=Participants(15, 15)),
        report(21, "ru", "шахты «Капитальная»", outcome=Outcome.WON, end=PartialDate(2021, 12, 20)),
        report(21, "uk", "шахта «Центральна»"),
        Report(
            StruggleFields(actions=(Action.STRIKE,), workplace="Kapitalna mine", place=TOWN),
            PartialDate(2019, 5, 2),
            "en",
        ),  # the same mine, years earlier
    ]
    assert sorted(resolve_all(reports).values()) == [[0, 2, 3], [1, 4], [5]]


def test_index_forgets_and_refiles() -> None:
    index = StruggleIndex()
    index.put("a", report(17, "en", "Kapitalna mine"))
    index.put("a", report(17, "en", "Zasiadko mine"))
    assert index.candidates(report(18, "uk", "шахта «Капітальна»")) == set()
    assert index.candidates(report(18, "uk", "шахта імені Засядька")) == {"a"}
    index.remove("a")
    assert len(index) == 0 and index.candidates(report(18, "en", "Zasiadko")) == set()

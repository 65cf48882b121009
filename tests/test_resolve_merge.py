"""Merging reports of one struggle: alternatives with their sources, timeline events, splits.

The struggles are invented for these tests.
"""

from __future__ import annotations

from picketline.domain.dates import PartialDate
from picketline.domain.place import Place
from picketline.domain.struggle import Participants, Repression, StruggleFields
from picketline.domain.vocab import Action, Demand, EventKind, Outcome, RepressionType
from picketline.resolve.merge import MergeState, SourceRef, derive, merge, without_source

S1 = SourceRef(1, PartialDate(2021, 12, 17))
S2 = SourceRef(2, PartialDate(2021, 12, 18))
S3 = SourceRef(3, PartialDate(2021, 12, 21))
S4 = SourceRef(4, PartialDate(2021, 12, 24))

FIRST = StruggleFields(
    actions=(Action.OCCUPATION,),
    workers="шахтёры",
    workplace="шахта «Капитальная»",
    start=PartialDate(2021, 12),
    participants=Participants(14, 14),
    demands=(Demand.UNPAID_WAGES,),
    outcome=Outcome.ONGOING,
)
SECOND = StruggleFields(
    actions=(Action.STRIKE,),
    workplace="Kapitalna mine",
    start=PartialDate(2021, 12, 15),
    participants=Participants(15, 15),
    outcome=Outcome.ONGOING,
    repression=(Repression(RepressionType.ARREST, 2),),
    place=Place("Myrnohrad", "UA", lat=48.30, lon=37.26),
)
THIRD = StruggleFields(
    actions=(Action.OCCUPATION,),
    participants=Participants(15, 15),
    start=PartialDate(2021, 12, 15),
    end=PartialDate(2021, 12, 20),
    outcome=Outcome.WON,
    repression=(Repression(RepressionType.ARREST, 3),),
    demands=(Demand.UNPAID_WAGES, Demand.RELEASE),
)


def merged_all() -> MergeState:
    state = MergeState()
    for fields, source in ((FIRST, S1), (SECOND, S2), (THIRD, S3)):
        state = merge(state, fields, source).state
    return state


def test_conflicting_counts_are_kept_as_alternatives_with_their_sources() -> None:
    one = merge(MergeState(), FIRST, S1)
    two = merge(one.state, SECOND, S2)
    assert [a.sources for a in two.alternatives["participants"]] in ([(S1,), (S2,)], [(S2,), (S1,)])
    # a tie in support goes to the more recent report
    assert two.fields.participants == Participants(15, 15)
    three = derive(merged_all())
    first, second = three.alternatives["participants"]
    assert (first.value, first.sources, first.chosen) == (Participants(15, 15), (S2, S3), True)
    assert (second.value, second.sources, second.chosen) == (Participants(14, 14), (S1,), False)


def test_every_source_is_kept_and_set_fields_accumulate() -> None:
    result = derive(merged_all())
    assert result.state.sources() == (S1, S2, S3)
    assert result.fields.actions == (Action.OCCUPATION, Action.STRIKE)
    assert result.fields.demands == (Demand.UNPAID_WAGES, Demand.RELEASE)
    assert result.fields.workers == "шахтёры" and result.fields.place is not None


def test_a_finer_date_wins_with_the_support_of_a_coarser_one() -> None:
    result = derive(merged_all())
    assert result.fields.start == PartialDate(2021, 12, 15)
    [best, coarse] = result.alternatives["start"]
    assert best.sources == (S1, S2, S3) and coarse.value == PartialDate(2021, 12)


def test_workplace_spellings_are_one_value_not_a_conflict_across_scripts() -> None:
    result = derive(merged_all())
    assert len(result.alternatives["workplace"]) == 2  # Cyrillic and Latin keys differ
    assert result.fields.workplace in ("шахта «Капитальная»", "Kapitalna mine")


def test_outcome_follows_the_latest_report_and_its_change_is_an_event() -> None:
    one = merge(MergeState(), FIRST, S1)
    two = merge(one.state, SECOND, S2)
    three = merge(two.state, THIRD, S3)
    assert three.fields.outcome is Outcome.WON
    kinds = {e.kind: e for e in three.new_events}
    assert kinds[EventKind.OUTCOME_CHANGED].date == S3.published
    assert kinds[EventKind.OUTCOME_CHANGED].description == "ongoing → won"
    assert kinds[EventKind.ACTION_ENDED].date == PartialDate(2021, 12, 20)
    assert kinds[EventKind.ARREST].count == 3 and kinds[EventKind.ARREST].source_id == 3


def test_timeline_events_as_reports_arrive() -> None:
    one = merge(MergeState(), FIRST, S1)
    assert [(e.kind, e.date) for e in one.new_events] == [
        (EventKind.ACTION_STARTED, PartialDate(2021, 12))
    ]
    two = merge(one.state, SECOND, S2)
    assert sorted((e.kind, e.date, e.count) for e in two.new_events) == [
        (EventKind.ACTION_STARTED, PartialDate(2021, 12, 15), None),
        (EventKind.ARREST, S2.published, 2),
    ]
    assert [e.kind for e in two.events].count(EventKind.ACTION_STARTED) == 1


def test_a_lower_later_count_is_an_alternative_not_a_new_arrest() -> None:
    state = merged_all()
    fewer = StruggleFields(
        actions=(Action.STRIKE,), repression=(Repression(RepressionType.ARREST, 1),)
    )
    result = merge(state, fewer, S4)
    assert not [e for e in result.new_events if e.kind is EventKind.ARREST]
    # one source each: the tie goes to the latest report, the others stay as alternatives
    assert result.fields.repression == (Repression(RepressionType.ARREST, 1),)
    assert [a.value for a in result.alternatives["repression_count.arrest"]] == [1, 3, 2]


def test_merging_a_source_again_changes_nothing() -> None:
    state = merged_all()
    again = merge(state, THIRD, S3)
    assert again.new_events == () and again.state.sources() == (S1, S2, S3)
    assert again.fields == derive(state).fields


def test_without_source_undoes_a_merge() -> None:
    state = merged_all()
    split = derive(without_source(state, 3))
    assert split.fields == merge(merge(MergeState(), FIRST, S1).state, SECOND, S2).fields
    assert split.fields.outcome is Outcome.ONGOING and split.fields.end is None


def test_background_only_when_every_source_says_so() -> None:
    background = StruggleFields(actions=(Action.STRIKE,), background=True)
    state = merge(MergeState(), background, S1).state
    assert derive(state).fields.background
    assert not merge(state, FIRST, S2).fields.background

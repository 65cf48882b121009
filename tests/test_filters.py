"""``StruggleFilter``: the parser's messages, and the list query on SQLite and PostgreSQL.

Bad-input tests say what was typed and what the reader is told.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
import sqlalchemy as sa

from picketline.actions.bundles import NewStruggle
from picketline.actions.struggles import do_create_struggles, do_set_status, do_update_struggle
from picketline.db import Database
from picketline.db.filters import (
    MAX_PAGE,
    PageRequest,
    Sort,
    StruggleFilter,
    parse_filter,
    parse_page,
)
from picketline.db.models_publishing import StruggleFacetRow
from picketline.db.struggles import count_matching, list_page, merged_target
from picketline.domain.dates import PartialDate
from picketline.domain.place import Place
from picketline.domain.struggle import Participants, Repression, Struggle, StruggleFields
from picketline.domain.vocab import (
    Action,
    Demand,
    Outcome,
    RepressionType,
    Sector,
    StruggleStatus,
)
from picketline.errors import InputError

# ---- the parser -------------------------------------------------------------------


def test_parse_reads_every_field_and_round_trips() -> None:
    params = {
        "country": ["ua", "RU"],
        "region": ["Luhansk Oblast"],
        "sector": ["b"],
        "action": ["strike,picket"],
        "demand": ["unpaid_wages"],
        "outcome": ["ongoing"],
        "repression": ["arrest"],
        "since": ["2020-01-01"],
        "until": ["2020-12-31"],
        "q": ["  miners  "],
        "sort": ["participants"],
    }
    wanted = parse_filter(params)
    assert wanted.country == ("UA", "RU")
    assert wanted.sector == (Sector.B,)
    assert wanted.action == (Action.STRIKE, Action.PICKET)
    assert wanted.since == dt.date(2020, 1, 1) and wanted.until == dt.date(2020, 12, 31)
    assert wanted.q == "miners" and wanted.sort == Sort.PARTICIPANTS
    assert wanted.narrows()
    again: dict[str, list[str]] = {}
    for name, value in wanted.to_params():
        again.setdefault(name, []).append(value)
    assert parse_filter(again) == wanted


def test_empty_values_from_a_form_mean_any() -> None:
    wanted = parse_filter({"country": [""], "sector": [""], "q": [""], "since": [""]})
    assert wanted == StruggleFilter()
    assert not wanted.narrows()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"country": ["ZZ"]}, "unknown country 'ZZ'; use an ISO 3166-1 alpha-2 code"),
        ({"country": ["Ukraine"]}, "unknown country 'Ukraine'"),
        ({"sector": ["mining"]}, "unknown sector 'mining'; use one of: A, B"),
        ({"action": ["riot"]}, "unknown action 'riot'; use one of: strike"),
        ({"demand": ["cake"]}, "unknown demand 'cake'"),
        ({"outcome": ["maybe"]}, "unknown outcome 'maybe'"),
        ({"repression": ["jail"]}, "unknown repression 'jail'"),
        ({"sort": ["random"]}, "unknown sort 'random'; use one of: newest, oldest"),
        ({"since": ["2020-02-30"]}, "since '2020-02-30' is not a day of the calendar"),
        ({"until": ["2021-13-01"]}, "until '2021-13-01' is not a day of the calendar"),
        ({"since": ["yesterday"]}, "is not a date; write it as YYYY-MM-DD"),
        ({"since": ["2021-01-02"], "until": ["2021-01-01"]}, "is after until"),
        ({"q": ["x" * 201]}, "at most 200"),
        ({"status": ["candidate"]}, "only published struggles are public"),
        ({"sort": ["newest", "oldest"]}, "sort was given 2 times"),
        ({"action": ["strike' OR 1=1 --"]}, "unknown action"),
        ({"country": ["UA;DROP TABLE struggles"]}, "unknown country"),
    ],
)
def test_bad_filters_are_refused_with_a_clear_message(
    params: dict[str, list[str]], message: str
) -> None:
    with pytest.raises(InputError) as caught:
        parse_filter(params)
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("limit", "message"),
    [
        ("100000", f"limit 100000 is outside 1..{MAX_PAGE}; ask for at most {MAX_PAGE}"),
        ("0", "outside 1.."),
        ("-5", "is not a whole number"),
        ("ten", "is not a whole number"),
        ("9" * 40, "is not a whole number"),
    ],
)
def test_page_sizes_are_capped_with_a_message(limit: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_page({"limit": [limit]})
    assert message in str(caught.value)


def test_status_only_for_operator_tools() -> None:
    wanted = parse_filter({"status": ["candidate"]}, allow_status=True)
    assert wanted.status == StruggleStatus.CANDIDATE
    assert parse_filter({"status": ["published"]}).status == StruggleStatus.PUBLISHED


# ---- the query --------------------------------------------------------------------


def bundle(tag: str, **fields: object) -> NewStruggle:
    values: dict[str, object] = {
        "actions": (Action.STRIKE,),
        "workers": f"workers {tag}",
        "sector": Sector.B,
        "place": Place("Lysychansk", "UA", "Luhansk Oblast", 48.9, 38.4),
        "start": PartialDate(2020, 6, 1),
        "outcome": Outcome.ONGOING,
    }
    values.update(fields)
    struggle = Struggle(
        id=None,
        fields=StruggleFields(**values),  # type: ignore[arg-type]
        status=StruggleStatus.PUBLISHED,
        title=f"struggle {tag}",
    )
    return NewStruggle(struggle)


def seed(db: Database) -> dict[str, int]:
    """Struggles that differ in one field each; their ids by tag."""
    bundles = {
        "base": bundle("base"),
        "picket_ru": bundle(
            "picket_ru",
            actions=(Action.PICKET, Action.DEMONSTRATION),
            place=Place("Vorkuta", "RU", "Komi", 67.5, 64.0),
            demands=(Demand.UNPAID_WAGES,),
        ),
        "arrests": bundle(
            "arrests",
            repression=(Repression(RepressionType.ARREST, 12),),
            participants=Participants(300, 400),
        ),
        "old_won": bundle(
            "old_won",
            start=PartialDate(2014, 5),
            end=PartialDate(2014, 5),
            outcome=Outcome.WON,
            sector=Sector.C,
            participants=Participants(50, None),
        ),
        "undated": bundle("undated", start=None, outcome=Outcome.UNKNOWN),
        "month": bundle("month", start=PartialDate(2020, 6), end=PartialDate(2020, 6)),
        "hidden": dataclasses.replace(
            bundle("hidden"),
            struggle=dataclasses.replace(
                bundle("hidden").struggle, status=StruggleStatus.CANDIDATE
            ),
        ),
    }
    ids = do_create_struggles(db, bundles.values(), actor="system:test")
    assert ids == len(bundles)
    with db.session() as session:
        rows = session.execute(sa.text("SELECT id, title FROM struggles")).all()
    return {title.removeprefix("struggle "): i for i, title in rows}


def titles(db: Database, wanted: StruggleFilter, limit: int = 2) -> list[str]:
    """Every struggle ``wanted`` selects, walking pages of ``limit``."""
    out: list[str] = []
    after = None
    for _ in range(100):
        records, after = list_page(db, wanted, PageRequest(limit, after))
        out += [r.struggle.title or "" for r in records]
        if after is None:
            assert count_matching(db, wanted) == len(out)
            return [t.removeprefix("struggle ") for t in out]
    raise AssertionError("pagination did not end")


def test_filters_select_the_right_struggles(db: Database) -> None:
    seed(db)
    everything = {"base", "picket_ru", "arrests", "old_won", "undated", "month"}
    assert set(titles(db, StruggleFilter())) == everything  # the candidate stays hidden
    assert set(titles(db, StruggleFilter(country=("RU",)))) == {"picket_ru"}
    assert set(titles(db, StruggleFilter(region=("Luhansk Oblast",)))) == everything - {"picket_ru"}
    assert set(titles(db, StruggleFilter(sector=(Sector.C,)))) == {"old_won"}
    assert set(titles(db, StruggleFilter(action=(Action.PICKET,)))) == {"picket_ru"}
    either = StruggleFilter(action=(Action.PICKET, Action.STRIKE))
    assert set(titles(db, either)) == everything
    assert set(titles(db, StruggleFilter(demand=(Demand.UNPAID_WAGES,)))) == {"picket_ru"}
    assert set(titles(db, StruggleFilter(repression=(RepressionType.ARREST,)))) == {"arrests"}
    assert set(titles(db, StruggleFilter(outcome=(Outcome.WON,)))) == {"old_won"}
    both = StruggleFilter(country=("UA",), action=(Action.PICKET,))
    assert titles(db, both) == []


def test_date_range_overlaps_partial_dates(db: Database) -> None:
    seed(db)
    in_2014 = StruggleFilter(since=dt.date(2014, 5, 20), until=dt.date(2014, 12, 31))
    assert titles(db, in_2014) == ["old_won"]  # May 2014 contains the 20th
    mid_june = StruggleFilter(since=dt.date(2020, 6, 15), until=dt.date(2020, 6, 15))
    # Ongoing struggles from 1 June run on; "June 2020" contains the 15th; undated never match.
    assert set(titles(db, mid_june)) == {"base", "picket_ru", "arrests", "month"}
    later = StruggleFilter(since=dt.date(2021, 1, 1))
    assert set(titles(db, later)) == {"base", "picket_ru", "arrests"}  # ongoing, not "month"


def test_sort_orders_walk_each_struggle_once(db: Database) -> None:
    ids = seed(db)
    newest = titles(db, StruggleFilter(sort=Sort.NEWEST), limit=1)
    assert newest[-1] == "undated" and newest[-2] == "old_won"
    oldest = titles(db, StruggleFilter(sort=Sort.OLDEST), limit=1)
    assert oldest[0] == "old_won" and oldest[-1] == "undated"
    biggest = titles(db, StruggleFilter(sort=Sort.PARTICIPANTS), limit=1)
    assert biggest[:2] == ["arrests", "old_won"]
    for sort in Sort:
        walked = titles(db, StruggleFilter(sort=sort), limit=1)
        assert len(walked) == len(set(walked)) == 6, sort
    record = list_page(db, StruggleFilter(), PageRequest(50))[0]
    base = next(r for r in record if r.struggle.id == ids["base"])
    do_update_struggle(
        db,
        ids["base"],
        expected_version=base.struggle.version,
        changes={"workers": "changed workers"},
        actor="editor",
        reason=None,
    )
    assert titles(db, StruggleFilter(sort=Sort.CHANGED), limit=1)[0] == "base"


def test_cursors_are_checked(db: Database) -> None:
    seed(db)
    _, cursor = list_page(db, StruggleFilter(sort=Sort.OLDEST), PageRequest(1))
    assert cursor is not None
    with pytest.raises(InputError, match="belongs to sort=oldest, not sort=newest"):
        list_page(db, StruggleFilter(), PageRequest(1, cursor))
    for bad in ("xyz", "%%%", "eyJvIjoibmV3ZXN0In0", "s12", "e30", cursor[:-3]):
        with pytest.raises(InputError, match="cursor"):
            list_page(db, StruggleFilter(sort=Sort.OLDEST), PageRequest(1, bad))


def test_list_records_hold_no_evidence_or_texts(db: Database) -> None:
    from tests.db_fixtures import full_bundle

    do_create_struggles(db, [full_bundle()], actor="system:test")
    records, _ = list_page(db, StruggleFilter(), PageRequest(10))
    assert len(records) == 1 and records[0].evidence == []
    assert [s.text for s in records[0].sources] == [""]
    assert records[0].sources[0].url == "https://news.example.org/alpha"
    assert records[0].struggle.sensitive.is_empty()


def facets(db: Database, struggle_id: int) -> set[tuple[str, str]]:
    with db.session() as session:
        rows = session.execute(
            sa.select(StruggleFacetRow.facet, StruggleFacetRow.value).where(
                StruggleFacetRow.struggle_id == struggle_id
            )
        ).all()
    return {(f, v) for f, v in rows}


def test_facets_follow_edits(db: Database) -> None:
    ids = seed(db)
    assert facets(db, ids["picket_ru"]) == {
        ("action", "picket"),
        ("action", "demonstration"),
        ("demand", "unpaid_wages"),
        ("region", "Komi"),
    }
    records, _ = list_page(db, StruggleFilter(country=("RU",)), PageRequest(5))
    do_update_struggle(
        db,
        ids["picket_ru"],
        expected_version=records[0].struggle.version,
        changes={
            "actions": (Action.HUNGER_STRIKE,),
            "repression": (Repression(RepressionType.ARREST),),
        },
        actor="editor",
        reason=None,
    )
    assert ("action", "hunger_strike") in facets(db, ids["picket_ru"])
    assert ("action", "picket") not in facets(db, ids["picket_ru"])
    found = titles(db, StruggleFilter(repression=(RepressionType.ARREST,)))
    assert set(found) == {"arrests", "picket_ru"}


def test_merged_struggles_point_to_their_target(db: Database) -> None:
    ids = seed(db)
    records, _ = list_page(db, StruggleFilter(), PageRequest(50))
    version = {r.struggle.id: r.struggle.version for r in records}
    do_set_status(
        db,
        ids["month"],
        status=StruggleStatus.MERGED,
        merged_into=ids["base"],
        expected_version=version[ids["month"]],
        actor="editor",
    )
    assert merged_target(db, ids["month"]) == ids["base"]
    assert merged_target(db, ids["base"]) is None  # published: no redirect
    assert merged_target(db, ids["hidden"]) is None  # a candidate is not a merge
    assert merged_target(db, 987654) is None


def test_backfill_rebuilds_facets_from_rows(db: Database) -> None:
    from importlib import import_module

    migration = import_module("picketline.db.migrations.versions.0005_publishing")
    ids = seed(db)
    before = facets(db, ids["picket_ru"])
    with db.engine.begin() as connection:
        connection.execute(sa.delete(StruggleFacetRow))
        migration.backfill(connection)
    assert facets(db, ids["picket_ru"]) == before

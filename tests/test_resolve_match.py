"""Same-struggle matching across languages, places and time. Struggles invented for the tests."""

from __future__ import annotations

from dataclasses import replace

from picketline.domain.dates import PartialDate
from picketline.domain.place import Place, PlacePrecision
from picketline.domain.struggle import StruggleFields
from picketline.domain.vocab import Action, Sector
from picketline.resolve.match import Report, Verdict, match, window
from picketline.resolve.names import name_similarity
from picketline.resolve.translit import match_key, to_latin

MYRNOHRAD = Place("Myrnohrad", "UA", "Donetsk", 48.30, 37.26, precision=PlacePrecision.TOWN)
MYRNOHRAD_RU = Place("Мирноград", "UA", "Donetsk", 48.31, 37.27, precision=PlacePrecision.TOWN)
LEIPZIG = Place("Leipzig", "DE", "Saxony", 51.34, 12.37, precision=PlacePrecision.TOWN)
HERSFELD = Place("Bad Hersfeld", "DE", "Hesse", 50.87, 9.71, precision=PlacePrecision.TOWN)


def report(
    published: str, language: str, **fields: object
) -> Report:  # a struggle as one source states it
    base = StruggleFields(actions=(Action.STRIKE,), sector=Sector.B)
    return Report(replace(base, **fields), PartialDate.parse(published), language)  # type: ignore[arg-type]


RU = report(
    "2021-12-17",
    "ru",
    workplace="шахта «Капитальная»",
    place=MYRNOHRAD_RU,
    start=PartialDate(2021, 12, 15),
    actions=(Action.OCCUPATION,),
)
UK = report(
    "2021-12-21",
    "uk",
    workplace="шахта «Капітальна»",
    place=MYRNOHRAD,
    actions=(Action.STRIKE, Action.OCCUPATION),
)
EN = report(
    "2021-12-18", "en", workplace="Kapitalna mine", place=MYRNOHRAD, start=PartialDate(2021, 12)
)


def test_one_transliteration_scheme_for_russian_and_ukrainian() -> None:
    assert to_latin("Капитальная") == "Kapitalnaia" and to_latin("Капітальна") == "Kapitalna"
    assert match_key("Горлівка") == match_key("Horlivka")
    assert match_key("Zasyadko") == match_key("Засядько") == match_key("Zasiadko")


def test_names_of_one_mine_across_languages_and_inflections() -> None:
    for other in ("шахта «Капітальна»", "Kapitalna mine", "шахты Капитальной", "Kapitalnaya"):
        assert (name_similarity("шахта «Капитальная»", other) or 0) >= 0.85, other
    assert (name_similarity("Kapitalna mine", "Komsomolska mine") or 1) < 0.6
    assert name_similarity("Mine No. 3", "Mine No. 5") == 0.0
    assert name_similarity("the mine", "Kapitalna mine") is None


def test_cross_language_reports_of_the_same_mine_match() -> None:
    for a, b in ((RU, UK), (RU, EN), (EN, UK)):
        result = match(a, b)
        assert result.verdict is Verdict.SAME, result
        assert {"name", "place", "time"} <= set(result.matched())


def test_neighbouring_mine_in_the_same_week_stays_apart() -> None:
    other = replace(UK, fields=replace(UK.fields, workplace="шахта «Комсомольська»"))
    result = match(RU, other)
    assert result.verdict is Verdict.DIFFERENT
    assert any(r.conflict and r.feature == "name" for r in result.reasons)


def test_same_employer_in_another_town_is_not_merged() -> None:
    a = report("2022-11-25", "en", employer="Amazon", place=LEIPZIG, sector=Sector.H)
    b = report("2022-11-25", "de", employer="Amazon Logistik GmbH", place=HERSFELD, sector=Sector.H)
    result = match(a, b)
    assert result.verdict is Verdict.DIFFERENT
    assert any(r.conflict and r.feature == "place" for r in result.reasons)


def test_time_windows_far_apart_are_not_merged() -> None:
    later = report("2023-06-02", "uk", workplace="шахта «Капітальна»", place=MYRNOHRAD)
    result = match(RU, later)
    assert result.verdict is Verdict.DIFFERENT
    assert any(r.conflict and r.feature == "time" for r in result.reasons)


def test_without_names_a_match_is_only_possible() -> None:
    a = report("2021-12-17", "en", place=MYRNOHRAD, workers="coal miners")
    b = report("2021-12-18", "en", place=MYRNOHRAD, workers="miners")
    result = match(a, b)
    assert result.verdict is Verdict.POSSIBLE


def test_missing_dates_are_tolerated() -> None:
    undated = Report(replace(EN.fields, start=None), None, "en")
    assert window(undated) is None
    assert match(RU, undated).verdict is Verdict.SAME


def test_window_of_an_ongoing_struggle_reaches_its_latest_report() -> None:
    merged = replace(RU, last_published=PartialDate(2022, 1, 20))
    assert window(merged) == (
        PartialDate(2021, 12, 15).first_day(),
        PartialDate(2022, 1, 20).first_day(),
    )
    late_report = report("2022-02-10", "uk", workplace="Капітальна", place=MYRNOHRAD)
    assert match(merged, late_report).verdict is Verdict.SAME
    assert match(RU, late_report).verdict is not Verdict.DIFFERENT


def test_a_centroid_of_unknown_precision_is_not_a_place_conflict() -> None:
    country = Place("Ukraine", "UA", lat=49.0, lon=32.0)  # no precision: may be a centroid
    same_mine = replace(UK, fields=replace(UK.fields, place=country))
    result = match(RU, same_mine)
    assert not any(r.conflict for r in result.reasons)
    assert result.verdict is Verdict.SAME
    other_mine = replace(
        same_mine, fields=replace(same_mine.fields, workplace="шахта «Центральная»")
    )
    assert match(RU, other_mine).verdict is Verdict.DIFFERENT


# Two strikes in one town in one week at workplaces of one kind: before names were
# compared on the words that tell them apart, the shared "hospital" made them 0.6 alike.
VELMORA = report(
    "2023-11-09", "en", workplace="Velmorasta hospital", place=MYRNOHRAD,
    start=PartialDate(2023, 11, 9), sector=Sector.Q, actions=(Action.STRIKE, Action.PICKET),
)  # fmt: skip
DASTRIN = report(
    "2023-11-14", "en", workplace="Dastrigurin hospital", place=MYRNOHRAD,
    start=PartialDate(2023, 11, 14), sector=Sector.Q, actions=(Action.STRIKE, Action.PICKET),
)  # fmt: skip


def test_names_sharing_a_kind_of_workplace_are_told_apart_by_the_rest() -> None:
    for a, b in (
        ("Velmorasta hospital", "Dastrigurin hospital"),
        ("Troskavel steel plant", "Mirabuntel steel plant"),
        ("Orlivka Iron and Steel Works", "Zelenodar Iron and Steel Works"),
    ):
        assert (name_similarity(a, b) or 1) < 0.6, (a, b)
    assert (name_similarity("Troskavel steel plant", "Troskavel plant") or 0) >= 0.85
    assert (name_similarity("Amazon", "Amazon Logistik GmbH") or 0) >= 0.85
    result = match(VELMORA, DASTRIN)
    assert result.verdict is Verdict.DIFFERENT
    assert any(r.conflict and r.feature == "name" for r in result.reasons)
    follow_up = report("2023-11-12", "en", workplace="Velmorasta Hospital", place=MYRNOHRAD,
                       sector=Sector.Q, actions=(Action.STRIKE,))  # fmt: skip
    assert match(VELMORA, follow_up).verdict is Verdict.SAME


def test_towns_of_one_name_in_two_countries_are_not_one_place() -> None:
    pokrovsk_ua = Place("Pokrovsk", "UA", "Donetsk", 48.28, 37.18, precision=PlacePrecision.TOWN)
    pokrovsk_ru = Place("Pokrovsk", "RU", "Sakha", 61.48, 129.15, precision=PlacePrecision.TOWN)
    a = report("2023-05-02", "en", workplace="Borvatin depot", place=pokrovsk_ua)
    b = report("2023-05-03", "en", workplace="Borvatin depot", place=pokrovsk_ru)
    result = match(a, b)
    assert result.verdict is Verdict.DIFFERENT
    assert any(r.conflict and r.feature == "place" for r in result.reasons)
    no_coordinates = replace(pokrovsk_ru, lat=None, lon=None, admin1=None)
    c = replace(b, fields=replace(b.fields, place=no_coordinates))
    assert match(a, c).verdict is Verdict.DIFFERENT


def test_without_names_even_everything_else_alike_is_only_possible() -> None:
    a = report("2023-05-02", "en", place=MYRNOHRAD, start=PartialDate(2023, 5, 2),
               workers="miners", employer="the company")  # fmt: skip
    b = report("2023-05-02", "en", place=MYRNOHRAD, start=PartialDate(2023, 5, 2),
               workers="miners", workplace="the mine")  # fmt: skip
    assert match(a, b).verdict is Verdict.POSSIBLE
    named = replace(b, fields=replace(b.fields, workplace="Zoryana mine"))
    assert match(a, named).verdict is Verdict.POSSIBLE
    assert match(named, a).verdict is Verdict.POSSIBLE

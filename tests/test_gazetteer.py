"""The gazetteer: names in three languages resolve to the right GeoNames places."""

from __future__ import annotations

import time

import pytest

from picketline.domain.place import Place, PlacePrecision
from picketline.extract.gazetteer import Gazetteer, cache_path, distance_km


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    """The cached gazetteer (the first run on a machine builds it: about a minute)."""
    return Gazetteer.default()


def near(place: Place, lat: float, lon: float, km: float = 25.0) -> bool:
    assert place.lat is not None and place.lon is not None
    return distance_km(place.lat, place.lon, lat, lon) <= km


@pytest.mark.parametrize(
    ("name", "language", "geonames_id"),
    [
        ("Antratsyt", "en", 713259),
        ("Антрацит", "ru", 713259),
        ("Holyrood", "en", 5976393),
        ("Мирноград", "uk", 710035),
        ("Kiev", "en", 703448),
        ("Киев", "ru", 703448),
        ("Нью-Йорк", "ru", 5128581),
        ("Tsiolkovsky", "en", 6641869),
    ],
)
def test_towns_by_any_name(
    gazetteer: Gazetteer, name: str, language: str, geonames_id: int
) -> None:
    best = gazetteer.lookup(name, language)[0]
    assert best.geonames_id == geonames_id
    assert best.precision is PlacePrecision.TOWN


def test_a_small_town_is_there(gazetteer: Gazetteer) -> None:
    # Holyrood, Newfoundland has ~2,500 people: the index must go below 15,000
    holyrood = gazetteer.lookup("Holyrood", "en")[0]
    assert holyrood.country == "CA" and near(holyrood, 47.388, -53.135)


@pytest.mark.parametrize(
    ("name", "language", "code"),
    [
        ("Kemerovo Oblast", "en", "RU-KEM"),
        ("Кемеровская область", "ru", "RU-KEM"),
        ("Kuzbass", "en", "RU-KEM"),
        ("Луганщина", "uk", "UA-09"),
        ("Донеччина", "uk", "UA-14"),
        ("Kentucky", "en", "US-KY"),
        ("Cumbria", "en", "GB-CMA"),
    ],
)
def test_regions(gazetteer: Gazetteer, name: str, language: str, code: str) -> None:
    best = gazetteer.lookup(name, language)[0]
    assert best.admin1 == code
    assert best.precision is PlacePrecision.REGION
    assert best.lat is not None and best.lon is not None


def test_region_names_are_standard_english(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Кемеровская область", "ru")[0].name == "Kemerovo Oblast"
    assert gazetteer.lookup("Луганщина", "uk")[0].name == "Luhansk Oblast"


@pytest.mark.parametrize(
    ("name", "language"), [("Ukraine", "en"), ("Украина", "ru"), ("Україна", "uk")]
)
def test_countries_in_three_languages(gazetteer: Gazetteer, name: str, language: str) -> None:
    best = gazetteer.lookup(name, language)[0]
    assert (best.name, best.country, best.precision) == ("Ukraine", "UA", PlacePrecision.COUNTRY)
    assert near(best, 49.0, 32.0, km=1000)


def test_country_hint_and_language_resolve_ambiguity(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Odessa", "en", country_hint="US")[0].country == "US"
    assert gazetteer.lookup("Odessa", "ru")[0].country == "UA"
    assert gazetteer.lookup("Odessa", "en", country_hint="UA")[0].geonames_id == 698740


def test_a_town_beats_the_region_named_after_it(gazetteer: Gazetteer) -> None:
    donetsk = gazetteer.lookup("Donetsk", "en")[0]
    assert donetsk.precision is PlacePrecision.TOWN and donetsk.country == "UA"


def test_unknown_names_give_nothing(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Qwertyuiopville") == []


def test_cache_is_keyed_by_source_versions(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = cache_path(tmp_path)
    assert path.parent == tmp_path and path.name.startswith("gazetteer-")
    assert cache_path(tmp_path) == path


def test_warm_load_is_fast(gazetteer: Gazetteer) -> None:
    started = time.perf_counter()
    fresh = Gazetteer.load()
    assert len(fresh) == len(gazetteer) > 200_000
    assert time.perf_counter() - started < 1.0

"""Word normalisation: lemmas and the keys place names are matched on."""

from __future__ import annotations

import pytest

from picketline.extract import morph


@pytest.mark.parametrize(
    ("word", "language", "expected"),
    [
        ("Антраците", "ru", "антрацит"),
        ("Антрациті", "uk", "антрацит"),
        ("Луганщині", "uk", "луганщина"),
        ("Луганщиной", "ru", "луганщина"),
        ("Мирнограді", "uk", "мирноград"),
        ("Нью-Йорке", "ru", "нью-йорк"),
    ],
)
def test_inflected_names_reach_their_nominative(word: str, language: str, expected: str) -> None:
    assert expected in morph.word_keys(word, language)


def test_all_top_parses_are_kept_for_names() -> None:
    # the first parse of "Києві" is the personal name Кий; the city must still be reachable
    assert "київ" in morph.normal_forms("Києві", "uk")


def test_latin_keys_drop_accents_and_possessives() -> None:
    assert morph.latin_key("Kentucky's") == "kentucky"
    assert morph.latin_key("Kentucky’s") == "kentucky"
    assert morph.latin_key("Kárpátalja") == "karpatalja"


def test_multi_word_names_are_indexed_by_lemmas_too() -> None:
    keys = morph.name_keys("Кемеровская область")
    assert "кемеровская область" in keys
    assert "кемеровский область" in keys
    assert morph.name_keys("Кузба́сс") == ["кузбасс"]  # stress marks are dropped


@pytest.mark.parametrize(
    ("name", "adjective"),
    [
        ("Кузбасс", "кузбасский"),
        ("Донецк", "донецкий"),
        ("Кемерово", "кемеровский"),
        ("Донецьк", "донецький"),
        ("Мирноград", "мирноградський"),
    ],
)
def test_relational_adjectives(name: str, adjective: str) -> None:
    assert adjective in morph.adjective_keys(name)


@pytest.mark.parametrize(
    ("region", "colloquial"),
    [
        ("Луганська область", "луганщина"),
        ("Вінницька область", "вінниччина"),
        ("Донецька область", "донеччина"),
        ("Свердловская область", "свердловщина"),
    ],
)
def test_colloquial_region_names(region: str, colloquial: str) -> None:
    assert colloquial in morph.colloquial_region_keys(region)


def test_lemma_still_folds_and_singularises() -> None:
    assert morph.lemma("Шахтёров") == "шахтер"
    assert morph.lemma("Miners") == "miner"

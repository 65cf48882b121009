"""Language identification: letters first, lingua for the rest, honest "unsupported"."""

from __future__ import annotations

import pytest

from picketline.extract import extract
from picketline.extract.base import ExtractionDoc
from picketline.extract.language import LanguageIdentifier, LanguageStage


@pytest.fixture(scope="module")
def identifier() -> LanguageIdentifier:
    return LanguageIdentifier()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dock workers at the port walked off the job on Tuesday over a pay freeze.", "en"),
        ("Водители автобусов в Самаре объявили забастовку из-за долгов по зарплате.", "ru"),
        ("Працівники заводу в Кременчуці оголосили страйк через борги із зарплати.", "uk"),
        ("Die Beschäftigten des Werks legten am Montag die Arbeit nieder.", "de"),
        ("Los trabajadores de la fábrica se declararon en huelga el lunes.", "es"),
    ],
)
def test_identifies_language(identifier: LanguageIdentifier, text: str, expected: str) -> None:
    assert identifier.identify(text) == expected


def test_too_little_text_is_unknown(identifier: LanguageIdentifier) -> None:
    assert identifier.identify("12 34 -- !!") is None


def test_unsupported_language_is_refused_with_a_note() -> None:
    doc = ExtractionDoc(
        "Les mineurs de la fosse ont fait grève pendant trois jours contre les licenciements."
    )
    LanguageStage()(doc)
    assert doc.language == "fr"
    assert doc.relevant is False
    assert "unsupported language: fr" in doc.notes


def test_extract_reports_unsupported_language() -> None:
    result = extract("Die Bergleute streikten drei Tage lang gegen die Schließung der Zeche.")
    assert result.relevant is False
    assert result.struggles == []
    assert any(note.startswith("unsupported language: de") for note in result.notes)


def test_given_language_is_trusted() -> None:
    doc = ExtractionDoc("Workers struck.", language="en")
    LanguageStage()(doc)
    assert doc.language == "en" and doc.relevant is None

"""The whole pipeline on short articles of our own, in three languages."""

from __future__ import annotations

import time
from typing import Any

import pytest

from picketline.extract import Extractor, extract
from picketline.extract.pipeline import default_extractor

EN = (
    "Bus drivers strike in Leeds\n"
    "More than 300 bus drivers employed by Harrow Coaches Ltd. went on strike on Monday "
    "over a pay offer they called an insult. Members of the RMT union picketed the Kirkstall "
    "depot from dawn. The drivers are demanding a 9% pay rise. The strike continues."
)
RU = (
    "Шахтеры в Воркуте объявили забастовку\n"
    "На шахте «Северная» 45 шахтеров отказались спускаться в забой 3 марта. Горняки "
    "требуют погасить задолженность по заработной плате. Забастовка продолжается."
)
UK = (
    "У Кривому Розі гірники страйкують\n"
    "Понад 200 гірників шахти «Глибока» відмовилися підійматися на поверхню. Вони вимагають "
    "підвищення зарплати. Протест триває другу добу."
)
FIELDS = {
    "actions",
    "workers",
    "sector",
    "workplace",
    "employer",
    "unions",
    "place",
    "start",
    "end",
    "participants",
    "demands",
    "outcome",
    "repression",
    "background",
    "confidence",
    "evidence",
}


def only(result: Any) -> dict[str, Any]:
    data = result.to_format()
    assert data["relevant"] is True
    assert len(data["struggles"]) == 1
    struggle: dict[str, Any] = data["struggles"][0]
    assert set(struggle) <= FIELDS
    return struggle


def test_english_article() -> None:
    struggle = only(extract(EN, published="2024-03-05"))
    assert set(struggle["actions"]) == {"strike", "picket"}
    assert struggle["workers"] == "bus drivers"
    assert struggle["sector"] == "H"
    assert struggle["employer"] == "Harrow Coaches Ltd."
    assert struggle["unions"] == ["RMT"]
    assert struggle["workplace"] == "Kirkstall depot"
    assert struggle["participants"] == {"min": 300}
    assert struggle["demands"] == ["pay"]
    assert struggle["outcome"] == "ongoing"
    assert struggle["start"] == "2024-03-04"
    assert "repression" not in struggle


def test_russian_article() -> None:
    struggle = only(extract(RU, published="2024-03-04"))
    assert struggle["actions"] == ["strike"]
    assert struggle["workers"] in ("шахтёры", "шахтеры")
    assert struggle["sector"] == "B"
    assert struggle["workplace"] == "шахта «Северная»"
    assert struggle["participants"] == {"min": 45, "max": 45}
    assert struggle["demands"] == ["unpaid_wages"]
    assert struggle["start"] == "2024-03-03"
    assert struggle["outcome"] == "ongoing"


def test_ukrainian_article() -> None:
    struggle = only(extract(UK, published="2024-05-10"))
    assert "occupation" in struggle["actions"]
    assert struggle["workers"] == "гірники"
    assert struggle["sector"] == "B"
    assert struggle["workplace"] == "шахта «Глибока»"
    assert struggle["participants"] == {"min": 200}
    assert struggle["demands"] == ["pay"]


def test_evidence_points_into_the_text() -> None:
    struggle = only(extract(EN, published="2024-03-05"))
    start, end = struggle["evidence"]["workers"][0]
    assert EN[start:end].casefold() == "bus drivers"
    assert 0 < struggle["confidence"] <= 1


def test_document_shape_and_irrelevant_news() -> None:
    data = extract("The striker scored in the 90th minute to win the cup.").to_format()
    assert data == {
        "document": {"text_file": None, "language": "en", "published": None, "url": None},
        "relevant": False,
        "struggles": [],
    }


def test_two_workplaces_reported_separately_are_two_struggles() -> None:
    text = (
        "Забастовки на двух шахтах\n"
        "На шахте «Восточная» 30 горняков отказались спускаться в забой. "
        "На шахте «Западная» 50 шахтеров объявили забастовку. "
        "Обе требуют выплатить долги по зарплате."
    )
    data = extract(text, published="2024-02-01").to_format()
    places = sorted(s["workplace"] for s in data["struggles"])
    assert places == ["шахта «Восточная»", "шахта «Западная»"]


def test_published_as_string_or_date_and_extractor_reuse() -> None:
    extractor = Extractor()
    assert extractor.extract(EN, published="2024-03").published is not None
    assert "relevance" in extractor.stage_names and extractor.stage_names[-1] == "assemble"


@pytest.mark.slow
def test_huge_input_is_capped() -> None:
    text = EN + "\n" + ("Filler sentence about the weather today. " * 500_000)
    started = time.perf_counter()
    result = default_extractor().extract(text)
    assert time.perf_counter() - started < 20
    assert result.relevant
    assert any("truncated" in note for note in result.notes)

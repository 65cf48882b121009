"""Assembly rules: background struggles, fields left out when unsaid."""

from __future__ import annotations

from picketline.extract import extract


def test_recalled_strike_at_another_workplace_is_background() -> None:
    text = (
        "Страйк на шахті «Нова»\n"
        "Вранці 14 березня 25 шахтарів шахти «Нова» відмовилися спускатися до шахти. "
        "Нагадаємо, що працівники шахти «Стара» 2 березня відмовилися виходити на роботу."
    )
    data = extract(text, published="2024-03-14").to_format()
    by_place = {s["workplace"]: s for s in data["struggles"]}
    assert set(by_place) == {"шахта «Нова»", "шахта «Стара»"}
    assert by_place["шахта «Стара»"]["background"] is True
    assert by_place["шахта «Стара»"]["start"] == "2024-03-02"
    assert "background" not in by_place["шахта «Нова»"]
    assert by_place["шахта «Нова»"]["start"] == "2024-03-14"


def test_unsaid_fields_are_left_out() -> None:
    data = extract("Workers went on strike at a factory. The strike is ongoing, workers said.")
    struggle = data.to_format()["struggles"][0]
    for name in ("employer", "unions", "participants", "demands", "repression", "start", "end"):
        assert name not in struggle


def test_ended_with_a_deal_is_partial_with_end_date() -> None:
    text = (
        "Care workers at Oakfield Care Services went on strike on 3 June over pay. "
        "The strike ended on 10 June after a deal was reached with the union."
    )
    struggle = extract(text, published="2024-06-12").to_format()["struggles"][0]
    assert struggle["outcome"] == "partial"
    assert struggle["start"] == "2024-06-03"
    assert struggle["end"] == "2024-06-10"
    assert struggle["sector"] == "Q"

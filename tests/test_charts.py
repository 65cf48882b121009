"""SVG charts: well-formed, accessible, escaped, and with bars proportional to their values."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from picketline.publish import charts

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    """The chart as XML: ``ET.fromstring`` raises on anything not well-formed."""
    return ET.fromstring(svg)


def bars_of(root: ET.Element) -> list[ET.Element]:
    return [rect for rect in root.iter(f"{SVG}rect") if rect.get("class") == "bar"]


def test_horizontal_bar_lengths_are_proportional_to_values() -> None:
    bars = [charts.Bar("Ukraine", 40), charts.Bar("Russia", 20), charts.Bar("Kazakhstan", 5)]
    root = parse(charts.horizontal_bars("c1", "By country", "Three bars", bars))
    widths = [float(rect.get("width", "nan")) for rect in bars_of(root)]
    assert len(widths) == 3
    assert widths[0] == pytest.approx(2 * widths[1])
    assert widths[0] == pytest.approx(8 * widths[2])
    assert [float(r.get("data-value", "nan")) for r in bars_of(root)] == [40, 20, 5]


def test_vertical_bar_heights_are_proportional_and_fit_the_axis() -> None:
    bars = [
        charts.Bar(f"2020-{m:02d}", v) for m, v in zip(range(1, 5), (10, 30, 0, 7), strict=True)
    ]
    root = parse(charts.vertical_bars("c2", "By month", "Four months", bars))
    heights = [float(rect.get("height", "nan")) for rect in bars_of(root)]
    assert heights[1] == pytest.approx(3 * heights[0])
    assert heights[2] == 0
    assert heights[3] == pytest.approx(0.7 * heights[0])
    # The tallest bar stays inside the drawing (the axis maximum is rounded up).
    view_height = float(root.get("viewBox", "").split()[3])
    for rect in bars_of(root):
        assert float(rect.get("y", "nan")) >= 0
        assert float(rect.get("y", "nan")) + float(rect.get("height", "nan")) <= view_height


def test_chart_has_title_and_desc_named_by_aria_labelledby() -> None:
    root = parse(
        charts.horizontal_bars("c3", "Outcomes", "Won, partial, lost", [charts.Bar("Won", 1)])
    )
    assert root.get("role") == "img"
    title = root.find(f"{SVG}title")
    desc = root.find(f"{SVG}desc")
    assert title is not None and title.text == "Outcomes"
    assert desc is not None and desc.text == "Won, partial, lost"
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"


def test_labels_with_markup_are_escaped_not_injected() -> None:
    hostile = '<script>alert(1)</script> & "quotes"'
    svg = charts.horizontal_bars("c4", hostile, hostile, [charts.Bar(hostile, 3, hostile)])
    root = parse(svg)  # still well-formed XML
    assert "<script>" not in svg
    assert not list(root.iter(f"{SVG}script"))
    title = root.find(f"{SVG}title")
    assert title is not None and title.text == hostile


def test_no_bars_and_zero_values_still_draw_a_valid_chart() -> None:
    parse(charts.horizontal_bars("c5", "Empty", "Nothing", []))
    parse(charts.vertical_bars("c6", "Empty", "Nothing", []))
    root = parse(charts.horizontal_bars("c7", "Zeros", "All zero", [charts.Bar("a", 0)]))
    assert [float(r.get("width", "nan")) for r in bars_of(root)] == [0]


def test_long_labels_are_cut_with_an_ellipsis_but_kept_in_the_tooltip() -> None:
    label = "Professional, scientific and technical activities"
    root = parse(charts.horizontal_bars("c8", "t", "d", [charts.Bar(label, 1)], label_width=120))
    texts = [t.text or "" for t in root.iter(f"{SVG}text")]
    assert any(t.endswith("…") and label.startswith(t[:-1]) for t in texts)
    tooltip = bars_of(root)[0].find(f"{SVG}title")
    assert tooltip is not None and label in (tooltip.text or "")


@pytest.mark.parametrize(
    ("value", "expected"), [(0, 1), (7, 10), (10, 10), (11, 20), (240, 250), (4100, 5000)]
)
def test_nice_max_rounds_up_to_a_readable_axis_maximum(value: float, expected: float) -> None:
    assert charts.nice_max(value) == expected


def test_month_axis_labels_januaries_only() -> None:
    months = [charts.Bar(f"{y}-{m:02d}", 1) for y in (2019, 2020) for m in range(1, 13)]
    root = parse(charts.vertical_bars("c9", "t", "d", months, tick=charts.january_ticks()))
    labels = {t.text for t in root.iter(f"{SVG}text")}
    assert {"2019", "2020"} <= labels
    assert "2019-02" not in labels
    assert charts.year_step(12 * 30) == 5

"""Charts as SVG text: pure functions of their figures, no JavaScript, no I/O.

The statistics page embeds them inline, so they work in the static mirror and
without scripts. Each chart is an ``<svg role="img">`` named by its ``<title>``
and ``<desc>`` (screen readers read those; the page also puts a data table under
each chart). Bars are proportional to their values: a bar's length is
``value / largest * plot length``. Every text is escaped here; callers pass
plain, already translated strings.

Sizes are in the SVG's own units (``viewBox``); CSS scales the whole chart to
the column width, so the font stays legible down to a 390-pixel phone.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

FONT = 13
BAR_COLOUR = "#b3121b"
AXIS_COLOUR = "#555b66"
GRID_COLOUR = "#d9dce1"


@dataclass(frozen=True)
class Bar:
    """One bar: what it stands for, its value, and how the value is written next to it."""

    label: str
    value: float
    shown: str = ""


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _open(chart_id: str, width: float, height: float, title: str, desc: str) -> list[str]:
    labelled = f"{chart_id}-title {chart_id}-desc"
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id={quoteattr(chart_id)} '
        f'viewBox="0 0 {width:g} {height:g}" role="img" aria-labelledby={quoteattr(labelled)} '
        f'font-size="{FONT}" font-family="system-ui, sans-serif">',
        f"<title id={quoteattr(chart_id + '-title')}>{escape(title)}</title>",
        f"<desc id={quoteattr(chart_id + '-desc')}>{escape(desc)}</desc>",
    ]


def _text(x: float, y: float, content: str, **attrs: str) -> str:
    extra = "".join(f" {k.replace('_', '-')}={quoteattr(v)}" for k, v in attrs.items())
    return f'<text x="{x:.1f}" y="{y:.1f}"{extra}>{escape(content)}</text>'


def nice_max(value: float) -> float:
    """A round axis maximum at or above ``value``: 1, 2, 2.5 or 5 times a power of ten."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return float(step * power)
    return float(10 * power)  # pragma: no cover - the loop always returns


def horizontal_bars(
    chart_id: str,
    title: str,
    desc: str,
    bars: Sequence[Bar],
    *,
    width: float = 420,
    label_width: float = 140,
    bar_height: float = 20,
) -> str:
    """Bars from the left, one per row, each labelled and with its value written after it.

    Labels longer than the room left of the axis are cut with an ellipsis (the
    full text is in the bar's tooltip and in the table under the chart).
    """
    gap, top, value_room = 6.0, 8.0, 92.0
    room = int((label_width - 12) / (FONT * 0.62))
    plot = width - label_width - value_room
    largest = max((b.value for b in bars), default=0) or 1
    height = top * 2 + max(len(bars), 1) * (bar_height + gap)
    out = _open(chart_id, width, height, title, desc)
    for index, bar in enumerate(bars):
        y = top + index * (bar_height + gap)
        length = bar.value / largest * plot
        middle = y + bar_height / 2 + FONT * 0.35
        out.append(_text(label_width - 8, middle, _clip(bar.label, room), text_anchor="end"))
        out.append(
            f'<rect class="bar" x="{label_width:.1f}" y="{y:.1f}" width="{length:.3f}" '
            f'height="{bar_height:.1f}" fill="{BAR_COLOUR}" data-value="{bar.value:g}">'
            f"<title>{escape(bar.label)}: {escape(bar.shown or _number(bar.value))}</title></rect>"
        )
        out.append(_text(label_width + length + 6, middle, bar.shown or _number(bar.value)))
    out.append(
        f'<line x1="{label_width:.1f}" y1="{top:.1f}" x2="{label_width:.1f}" '
        f'y2="{height - top:.1f}" stroke="{AXIS_COLOUR}"/>'
    )
    out.append("</svg>")
    return "".join(out)


def vertical_bars(
    chart_id: str,
    title: str,
    desc: str,
    bars: Sequence[Bar],
    *,
    tick: Callable[[int, Bar], str | None] = lambda index, bar: None,
    width: float = 960,
    height: float = 240,
) -> str:
    """Columns over a value axis (0 and a round maximum, with a middle grid line).

    ``tick(index, bar)`` returns the x-axis label under a bar, or None for none
    (a time series labels the first month of each year).
    """
    left, right, top, bottom = 52.0, 10.0, 12.0, 26.0
    plot_w, plot_h = width - left - right, height - top - bottom
    axis_max = nice_max(max((b.value for b in bars), default=0))
    slot = plot_w / max(len(bars), 1)
    out = _open(chart_id, width, height, title, desc)
    for fraction in (0.0, 0.5, 1.0):
        y = top + plot_h * (1 - fraction)
        colour = AXIS_COLOUR if fraction == 0 else GRID_COLOUR
        out.append(
            f'<line x1="{left:.1f}" y1="{y:.1f}" x2="{width - right:.1f}" y2="{y:.1f}" '
            f'stroke="{colour}"/>'
        )
        out.append(
            _text(left - 6, y + FONT * 0.35, _number(axis_max * fraction), text_anchor="end")
        )
    for index, bar in enumerate(bars):
        length = bar.value / axis_max * plot_h
        x = left + index * slot
        out.append(
            f'<rect class="bar" x="{x + slot * 0.1:.2f}" y="{top + plot_h - length:.3f}" '
            f'width="{slot * 0.8:.3f}" height="{length:.3f}" fill="{BAR_COLOUR}" '
            f'data-value="{bar.value:g}"><title>{escape(bar.label)}: '
            f"{escape(bar.shown or _number(bar.value))}</title></rect>"
        )
        label = tick(index, bar)
        if label is not None:
            out.append(
                f'<line x1="{x:.2f}" y1="{top + plot_h:.1f}" x2="{x:.2f}" '
                f'y2="{top + plot_h + 4:.1f}" stroke="{AXIS_COLOUR}"/>'
            )
            out.append(_text(x, height - 8, label, text_anchor="middle"))
    out.append("</svg>")
    return "".join(out)


def january_ticks(every: int = 1) -> Callable[[int, Bar], str | None]:
    """Label the first month of every ``every``-th year (bars labelled ``YYYY-MM``)."""

    def tick(index: int, bar: Bar) -> str | None:
        year, month = bar.label[:4], bar.label[5:7]
        if month == "01" and year.isdigit() and int(year) % every == 0:
            return year
        return None

    return tick


def year_step(months: int) -> int:
    """How many years apart the axis labels go so that they do not collide."""
    years = months / 12
    return 1 if years <= 12 else 2 if years <= 24 else 5 if years <= 60 else 10


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"

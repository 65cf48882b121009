"""``/stats``: the statistics page, charts drawn on the server as inline SVG.

No script is needed (the charts are markup), so the page works the same in the
static mirror. Under each chart is a compact table of the same figures, for
screen readers and for anyone who wants the numbers.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from picketline.db.filters import StruggleFilter
from picketline.domain.vocab import Outcome, Sector
from picketline.publish import charts
from picketline.publish.stats import NO_OUTCOME, Stats, decided_shares
from picketline.web.api.map import map_filter
from picketline.web.api.stats import cached_stats
from picketline.web.deps import DbDep
from picketline.web.i18n import gettext as _
from picketline.web.pages.demo import DemoFlag
from picketline.web.pages.render import country_name, label, number, sector_label

router = APIRouter(include_in_schema=False)

TOP_COUNTRIES = 15
MAX_MONTHS = 240
"""The month chart shows at most the last 20 years (the table and the API have all)."""


def percent(share: float) -> str:
    return f"{share * 100:.0f}%" if share >= 0.01 or share == 0 else "<1%"


def month_chart(stats: Stats) -> Markup:
    months = stats.by_month[-MAX_MONTHS:]
    bars = [charts.Bar(m, n) for m, n in months]
    desc = _(
        "Bars, one per month from %(first)s to %(last)s; the busiest month had %(most)s.",
        first=months[0][0],
        last=months[-1][0],
        most=number(max(n for _, n in months)),
    )
    tick = charts.january_ticks(charts.year_step(len(months)))
    svg = charts.vertical_bars(
        "chart-months", _("Struggles by month they started"), desc, bars, tick=tick
    )
    return Markup(svg)


def country_chart(stats: Stats) -> Markup:
    top = stats.by_country[:TOP_COUNTRIES]
    bars = [charts.Bar(country_name(c), n, number(n)) for c, n in top]
    desc = _("Horizontal bars for the %(n)s countries with most struggles, most first.", n=len(top))
    return Markup(charts.horizontal_bars("chart-countries", _("Struggles by country"), desc, bars))


def sector_chart(stats: Stats) -> Markup:
    bars = [charts.Bar(f"{s} · {sector_label(s)}", n, number(n)) for s, n in stats.by_sector]
    desc = _("Horizontal bars, one per ISIC section with struggles, in ISIC order.")
    return Markup(
        charts.horizontal_bars(
            "chart-sectors", _("Struggles by sector (ISIC section)"), desc, bars, label_width=180
        )
    )


def outcome_chart(stats: Stats) -> Markup:
    shares = decided_shares(stats.outcomes)
    bars = [
        charts.Bar(label(k), shares[k] * 100, f"{percent(shares[k])} ({number(stats.outcomes[k])})")
        for k in (Outcome.WON, Outcome.PARTIAL, Outcome.LOST)
    ]
    desc = _("Horizontal bars: the share of ended struggles that were won, partly won or lost.")
    return Markup(
        charts.horizontal_bars("chart-outcomes", _("How ended struggles ended"), desc, bars)
    )


def repression_chart(stats: Stats) -> Markup:
    total = stats.total or 1
    bars = [
        charts.Bar(label(t), n / total * 100, f"{percent(n / total)} ({number(n)})")
        for t, n in stats.repression
    ]
    desc = _("Horizontal bars: the share of all struggles with each kind of repression.")
    return Markup(
        charts.horizontal_bars("chart-repression", _("How often repression occurs"), desc, bars)
    )


def stats_context(stats: Stats) -> dict[str, Any]:
    """Charts and table rows for the template (no chart for a figure with no data)."""
    has = stats.total > 0
    decided = sum(stats.outcomes[k] for k in (Outcome.WON, Outcome.PARTIAL, Outcome.LOST))
    return {
        "stats": stats,
        "month_chart": month_chart(stats) if stats.by_month else None,
        "country_chart": country_chart(stats) if stats.by_country else None,
        "sector_chart": sector_chart(stats) if stats.by_sector else None,
        "outcome_chart": outcome_chart(stats) if decided else None,
        "repression_chart": repression_chart(stats) if has and stats.repression else None,
        "decided": decided,
        "shares": decided_shares(stats.outcomes),
        "outcome_keys": [o.value for o in Outcome] + [NO_OUTCOME],
        "repression_share": stats.with_repression / stats.total if has else 0.0,
        "years": sorted({m[:4] for m, _ in stats.by_month}, reverse=True),
        "month_rows": {m: n for m, n in stats.by_month},
        "percent": percent,
    }


@router.get("/stats", response_class=HTMLResponse, name="stats_page")
def stats_page(
    request: Request,
    db: DbDep,
    has_demo: DemoFlag,
    wanted: Annotated[StruggleFilter, Depends(map_filter)],
) -> Any:
    stats = cached_stats(request, db, wanted)
    context = {
        **stats_context(stats),
        "has_demo": has_demo,
        "chosen_country": wanted.country[0] if wanted.country else "",
        "chosen_sector": wanted.sector[0].value if wanted.sector else "",
        "sectors": [s.value for s in Sector],
        "all_countries": cached_stats(request, db, StruggleFilter()).by_country,
        "filtered": wanted.narrows(),
    }
    return request.app.state.templates.TemplateResponse(request, "stats.html", context)

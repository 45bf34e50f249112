"""Vega-Lite chart specs for the report, built with altair from the report queries' rows.

Why altair (Vega-Lite) and not plotly: the page must open with no network, so the chart
library's JavaScript goes inline. vl-convert-python (the package altair itself uses for
`save(..., inline=True)`) ships Vega, Vega-Lite and Vega-Embed and hands them back as one
~0.9 MB script (`vl_convert.javascript_bundle()`), built offline from the wheel; plotly's
wheel ships plotly.min.js too, but at ~4.8 MB per page. altair_viewer, the older source of
these scripts, is no longer maintained. Charts render as SVG, so their text is text nodes,
never markup.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache
from typing import Any

import altair as alt
import pyarrow as pa

# Bars shown in the ranked charts (the tables below them hold the rest).
TOP_BARS = 20
# Counts are whole numbers: no 0.5 ticks on small outputs.
COUNT_AXIS = alt.Axis(format="d", tickMinStep=1)
# Past these spans (in days) the outlet chart draws a bar per week, then per month.
DAY_BARS_MAX_SPAN_DAYS = 92
WEEK_BARS_MAX_SPAN_DAYS = 2 * 366
# Charts take the page's width; their height follows the number of bars.
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")


def json_value(value: object) -> object:
    """A cell as JSON: dates as ISO strings, decimals as floats, lists element-wise."""
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, list):
        return [json_value(v) for v in value]
    return value


def json_records(rows: pa.Table) -> list[dict[str, object]]:
    return [{k: json_value(v) for k, v in row.items()} for row in rows.to_pylist()]


def bars_height(n_bars: int) -> int:
    """Pixels for n horizontal bars (a fixed step height makes Vega drop the fit to width)."""
    return 20 * max(n_bars, 2)


def bar_chart(rows: pa.Table, title: str, height: int, **encoding: Any) -> dict[str, Any]:
    """A bar chart of these rows as the page's width, as a Vega-Lite spec."""
    chart = (
        alt.Chart(alt.Data(values=json_records(rows)), title=title)
        .mark_bar()
        .encode(**encoding)
        .properties(width="container", height=height, autosize=FIT_WIDTH)
    )
    return chart.to_dict()


def ranked_bars_chart(rows: pa.Table, category: str, value: str, title: str) -> dict[str, Any]:
    """Horizontal bars, longest first, for the first TOP_BARS rows."""
    shown = rows.slice(0, TOP_BARS)
    return bar_chart(
        shown,
        title,
        bars_height(shown.num_rows),
        x=alt.X(f"{value}:Q", title=value.replace("_", " "), axis=COUNT_AXIS),
        y=alt.Y(f"{category}:N", sort="-x", title=None),
        tooltip=[alt.Tooltip(f"{category}:N"), alt.Tooltip(f"{value}:Q")],
    )


def run_stages_chart(rows: pa.Table) -> dict[str, Any]:
    """Seconds per stage of each recent run, stacked."""
    return bar_chart(
        rows,
        "Seconds per stage, latest runs",
        bars_height(len(set(rows["run_id"].to_pylist()))),
        x=alt.X("sum(seconds):Q", title="seconds"),
        y=alt.Y("run_id:N", sort="descending", title=None),
        color=alt.Color("stage:N"),
        tooltip=["run_id:N", "stage:N", "seconds:Q"],
    )


def date_unit(rows: pa.Table) -> tuple[str, str]:
    """Bars per day over up to three months, per week up to two years, else per month,
    so a long archive does not draw hair-thin bars. Returns (Vega time unit, label)."""
    days = rows["published_date"].to_pylist()
    span = (max(days) - min(days)).days if days else 0
    if span <= DAY_BARS_MAX_SPAN_DAYS:
        return "utcyearmonthdate", "day"
    if span <= WEEK_BARS_MAX_SPAN_DAYS:
        return "utcyearweek", "week"
    return "utcyearmonth", "month"


def outlet_days_chart(rows: pa.Table) -> dict[str, Any]:
    """Canonical articles per day (or week, month), stacked by outlet, in UTC calendar days."""
    unit, label = date_unit(rows)
    when = f"{unit}(published_date):T"
    return bar_chart(
        rows,
        f"Articles per outlet per {label}",
        240,
        x=alt.X(when, title="published"),
        y=alt.Y("sum(n_articles):Q", title="articles", axis=COUNT_AXIS),
        color=alt.Color("outlet:N", scale=alt.Scale(scheme="tableau20")),
        tooltip=[alt.Tooltip(when, title=label), "outlet:N", "sum(n_articles):Q"],
    )


@cache
def vega_script() -> str:
    """Vega, Vega-Lite and Vega-Embed as one script (from the vl-convert wheel, no network).

    Building it takes a few seconds, so it is built once per process.
    """
    import vl_convert

    # the page calls only vegaEmbed, which brings Vega and Vega-Lite with it
    return str(vl_convert.javascript_bundle("window.vegaEmbed = vegaEmbed;"))


def chart_specs(results: dict[str, pa.Table]) -> dict[str, dict[str, Any]]:
    """A Vega-Lite spec per section that has rows to draw."""
    builders = {
        "run_stages": run_stages_chart,
        "outlet_days": outlet_days_chart,
        "languages": lambda t: ranked_bars_chart(t, "language", "n_articles", "Canonical articles"),
        "speakers": lambda t: ranked_bars_chart(t, "speaker", "n_quotes", "Quotes per speaker"),
        "boilerplate": lambda t: ranked_bars_chart(
            t, "reason", "n_lines", "Lines removed by reason"
        ),
    }
    return {
        name: build(results[name])
        for name, build in builders.items()
        if name in results and results[name].num_rows > 0
    }

"""The report as one self-contained HTML page: tables, chart specs and scripts all inline.

Everything that comes from the data (titles, quotes, paths, outlet names, errors) reaches
the page by one of two doors, both escaped here: table cells and attributes through
`html.escape`, chart data as JSON inside a `<script type="application/json">` block where
every `<`, `>` and `&` is written as a `\\u` escape, so no `</script>` or `<!--` in an
article can end the block. The page's own Content-Security-Policy allows no network
request at all: if anything tried to fetch, the browser would refuse and say so.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pyarrow as pa

from tasks.report.queries import QueryResult


@dataclass(frozen=True, slots=True)
class Section:
    """A part of the page: charts (by spec name) above one table (by query name)."""

    anchor: str
    title: str
    what: str
    charts: tuple[str, ...]
    table: str


SECTIONS: tuple[Section, ...] = (
    Section(
        "runs",
        "Run history",
        "Every run on this output, newest first: inputs seen, articles written, inputs "
        "quarantined, duplicates found, quotes, and the time each stage took.",
        ("run_stages",),
        "runs",
    ),
    Section(
        "outlets",
        "Articles per outlet per day",
        "Canonical articles (copies set aside) with a publication date, per outlet: drawn "
        "per day, or per week or month when the dates span more than a season; the ten "
        "largest outlets have their own colour, every outlet is in the table.",
        ("outlet_days",),
        "outlets",
    ),
    Section(
        "languages",
        "Languages",
        "Canonical articles per body language.",
        ("languages",),
        "languages",
    ),
    Section(
        "speakers",
        "Top speakers",
        "Who is quoted most in canonical articles (direct and partial quotes), with one "
        "sample quote each.",
        ("speakers",),
        "speakers",
    ),
    Section(
        "stories",
        "Stories with the most coverage",
        "Articles reporting the same event, ranked by how many outlets covered it.",
        (),
        "stories",
    ),
    Section(
        "duplicates",
        "Duplicate clusters",
        "Exact and near copies, each cluster with the canonical article the analysis keeps.",
        (),
        "dup_clusters",
    ),
    Section(
        "boilerplate",
        "Boilerplate removed, by reason",
        "Lines the cleaner took out of the inputs, by the rule that removed them.",
        ("boilerplate",),
        "boilerplate",
    ),
    Section(
        "quarantine",
        "Quarantine",
        "Inputs that could not be processed, with the stage and the reason.",
        (),
        "quarantine",
    ),
)

# Cards at the top of the page: totals column → label.
TOTAL_CARDS = {
    "articles": "articles",
    "canonical_articles": "canonical articles",
    "outlets": "outlets",
    "languages": "languages",
    "quotes": "quotes in canonical",
    "speakers": "speakers",
    "stories": "stories",
    "dup_clusters": "duplicate clusters",
    "boilerplate_lines": "boilerplate lines",
    "quarantined": "quarantined",
    "runs": "runs",
}

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; "
    "style-src 'unsafe-inline'; img-src data:"
)


def script_json(value: object) -> str:
    """JSON safe to place inside a <script> element: no `<`, `>`, `&` or line separators
    appear literally, so article text cannot close the element or open a comment."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, escaped)
    return text


def inline_script(source: str) -> str:
    """Third-party script source as an inline <script>; refused if it could end early."""
    lowered = source.lower()
    if "</script" in lowered or "<!--" in lowered:
        raise ValueError("script source holds '</script' or '<!--' and cannot be inlined")
    return f"<script>{source}</script>"


def cell_text(value: object) -> str:
    """How a value reads in a table cell (not yet escaped)."""
    if value is None:
        return "—"
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, int | Decimal):
        return f"{value:,}"
    if isinstance(value, list):
        return ", ".join(cell_text(v) for v in value if v is not None)
    return str(value)


def column_label(name: str) -> str:
    return name.removeprefix("n_").replace("_", " ")


def _is_number(field: pa.Field) -> bool:
    t = field.type
    return pa.types.is_integer(t) or pa.types.is_floating(t) or pa.types.is_decimal(t)


def table_html(table_id: str, result: QueryResult) -> str:
    """A sortable, filterable table; numbers carry their raw value for sorting."""
    rows = result.rows
    if rows.num_rows == 0:
        return '<p class="empty">Nothing here.</p>'
    numeric = [_is_number(f) for f in rows.schema]
    dated = [pa.types.is_temporal(f.type) for f in rows.schema]
    head = "".join(
        f'<th class="{"num" if num else "text"}" title="sort">{html.escape(column_label(name))}'
        "</th>"
        for name, num in zip(rows.schema.names, numeric, strict=True)
    )
    body = []
    for row in rows.to_pylist():
        cells = []
        for (name, value), num, date in zip(row.items(), numeric, dated, strict=True):
            text = html.escape(cell_text(value))
            if num and value is not None:
                cells.append(f'<td class="num" data-v="{html.escape(str(value))}">{text}</td>')
            else:
                kind = "date" if date else html.escape(name)
                cells.append(f'<td class="{kind}">{text}</td>')
        body.append(f"<tr>{''.join(cells)}</tr>")
    shown = (
        f"{rows.num_rows:,} row{'' if rows.num_rows == 1 else 's'}"
        if result.n_total == rows.num_rows
        else f"first {rows.num_rows:,} of {result.n_total:,} rows"
    )
    return (
        f'<div class="table-tools"><input type="search" class="filter" '
        f'data-table="{table_id}" placeholder="Filter rows" aria-label="Filter rows">'
        f'<span class="shown" data-total="{shown}">{shown}</span></div>'
        f'<div class="scroll"><table class="data" id="{table_id}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def section_html(section: Section, results: dict[str, QueryResult], specs: dict[str, Any]) -> str:
    charts = "".join(
        f'<div class="chart" id="chart-{name}"></div>' for name in section.charts if name in specs
    )
    return (
        f'<section id="{section.anchor}"><h2>{html.escape(section.title)}</h2>'
        f"<p>{html.escape(section.what)}</p>{charts}"
        f"{table_html(f'table-{section.anchor}', results[section.table])}</section>"
    )


def totals_html(totals: dict[str, object]) -> str:
    cards = "".join(
        f'<div class="card"><strong>{html.escape(cell_text(totals.get(key)))}</strong>'
        f"<span>{html.escape(label)}</span></div>"
        for key, label in TOTAL_CARDS.items()
    )
    return f'<div class="cards">{cards}</div>'


STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d2733;background:#f6f7f9}
header{background:#1d2733;color:#fff;padding:16px 28px}
header h1{margin:0 0 4px;font-size:22px} header p{margin:0;color:#c5ccd6}
nav{padding:8px 28px;background:#e6e9ee;position:sticky;top:0;z-index:2}
nav a{margin-right:14px;color:#1d4e89;text-decoration:none}
main{padding:8px 28px 40px;max-width:1200px}
section{background:#fff;border:1px solid #dde1e7;border-radius:6px;padding:12px 18px;
 margin:16px 0}
h2{margin:4px 0 6px;font-size:18px}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:16px 0}
.card{background:#fff;border:1px solid #dde1e7;border-radius:6px;padding:8px 14px;
 min-width:90px}
.card strong{display:block;font-size:20px} .card span{color:#5b6675;font-size:12px}
.chart{width:100%;margin:8px 0 12px}
.table-tools{display:flex;gap:12px;align-items:center;margin:6px 0}
.table-tools input{padding:4px 8px;width:260px} .shown{color:#5b6675;font-size:12px}
.scroll{max-height:480px;overflow:auto}
table.data{border-collapse:collapse;width:100%}
table.data th{position:sticky;top:0;background:#eef1f5;cursor:pointer;text-align:left;
 padding:5px 8px;white-space:nowrap;user-select:none}
table.data th[data-dir=asc]::after{content:" \\25B2"}
table.data th[data-dir=desc]::after{content:" \\25BC"}
table.data td{border-top:1px solid #edf0f3;padding:4px 8px;vertical-align:top;
 max-width:520px;overflow-wrap:anywhere}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums} td.date{white-space:nowrap}
.empty{color:#5b6675;font-style:italic}
"""

# Table sorting (click a header) and filtering (type in the box); charts embedded as SVG.
PAGE_SCRIPT = """
for (const table of document.querySelectorAll("table.data")) {
  const headers = Array.from(table.tHead.rows[0].cells);
  headers.forEach((th, col) => th.addEventListener("click", () => {
    const numeric = th.classList.contains("num");
    const dir = th.dataset.dir === "desc" ? "asc" : "desc";
    headers.forEach(h => delete h.dataset.dir);
    th.dataset.dir = dir;
    const key = row => {
      const cell = row.cells[col];
      if (!numeric) return cell.textContent;
      const v = parseFloat(cell.dataset.v);
      return Number.isNaN(v) ? -Infinity : v;
    };
    const rows = Array.from(table.tBodies[0].rows);
    rows.sort((a, b) => {
      const x = key(a), y = key(b);
      const c = numeric ? (x > y) - (x < y) : x.localeCompare(y);
      return dir === "asc" ? c : -c;
    });
    table.tBodies[0].append(...rows);
  }));
}
for (const input of document.querySelectorAll("input.filter")) {
  const table = document.getElementById(input.dataset.table);
  const shown = input.parentElement.querySelector(".shown");
  input.addEventListener("input", () => {
    const needle = input.value.trim().toLowerCase();
    let n = 0;
    for (const row of table.tBodies[0].rows) {
      const hit = !needle || row.textContent.toLowerCase().includes(needle);
      row.hidden = !hit;
      n += hit;
    }
    shown.textContent = needle ? n + " matching" : shown.dataset.total;
  });
}
const specs = JSON.parse(document.getElementById("chart-specs").textContent);
for (const [name, spec] of Object.entries(specs)) {
  vegaEmbed("#chart-" + name, spec, {renderer: "svg", actions: false})
    .catch(error => console.error("chart " + name + ": " + error));
}
"""


def report_html(
    results: dict[str, QueryResult],
    specs: dict[str, dict[str, Any]],
    vega_js: str,
    out_dir: str,
    generated_at: dt.datetime,
) -> str:
    """The whole page. `results` holds every report query; `specs` the charts to draw."""
    totals = results["totals"].rows.to_pylist()[0]
    nav = "".join(f'<a href="#{s.anchor}">{html.escape(s.title)}</a>' for s in SECTIONS)
    sections = "".join(section_html(s, results, specs) for s in SECTIONS)
    generated = generated_at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>newsflow report</title><style>{STYLE}</style></head><body>"
        f"<header><h1>newsflow report</h1><p>{html.escape(out_dir)} · generated "
        f"{html.escape(generated)}</p></header><nav>{nav}</nav><main>"
        f"{totals_html(totals)}{sections}</main>"
        f'<script type="application/json" id="chart-specs">{script_json(specs)}</script>'
        f"{inline_script(vega_js)}<script>{PAGE_SCRIPT}</script></body></html>\n"
    )

"""The run report: one self-contained HTML page over an output folder's catalog views.

`queries` holds every SQL the page runs (over the views of sql/*.sql, nothing else),
`charts` turns rows into Vega-Lite specs, `page` writes the escaped HTML. The page needs
no network to open: data, chart specs and scripts are all inline.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from tasks.report.charts import chart_specs, vega_script
from tasks.report.page import report_html
from tasks.report.queries import run_report_queries
from tasks.write import CATALOG

REPORT_FILE = "report.html"


class NoCatalog(FileNotFoundError):
    """The output folder has no catalog yet: nothing has been run into it."""


def write_report(out_dir: str, html_path: str | None = None) -> Path:
    """Query the output's catalog and write the report; returns the HTML file's path.

    The page is written aside and renamed into place, so a reader never sees half a page.
    """
    out = Path(out_dir).resolve()
    catalog = out / CATALOG
    if not catalog.is_file():
        raise NoCatalog(f"no {CATALOG} in {out}: run `newsflow run --out {out}` first")
    target = Path(html_path).resolve() if html_path else out / REPORT_FILE
    results = run_report_queries(catalog)
    specs = chart_specs({name: result.rows for name, result in results.items()})
    # the folder as the reader knows it: relative when it is under the working directory
    shown = os.path.relpath(out) if out.is_relative_to(Path.cwd()) else str(out)
    page = report_html(results, specs, vega_script(), shown, dt.datetime.now(dt.UTC))
    target.parent.mkdir(parents=True, exist_ok=True)
    writing = target.with_name(f".{target.name}.writing")
    writing.write_text(page, "utf-8")
    os.replace(writing, target)
    return target

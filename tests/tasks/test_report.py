"""Report: its queries over a real output's views, and the escaping of article text."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from flows.cli import main
from flows.pipeline import RunSummary
from tasks.report import write_report
from tasks.report.charts import chart_specs
from tasks.report.page import cell_text, inline_script, script_json, table_html
from tasks.report.queries import QueryResult, run_report_queries
from tests.report_sample import HOSTILE_QUOTE, HOSTILE_TITLE, UNREADABLE, run_sample


@pytest.fixture(scope="module")
def sample_run(prefect_harness: None, tmp_path_factory: pytest.TempPathFactory) -> RunSummary:
    raw, out = tmp_path_factory.mktemp("raw"), tmp_path_factory.mktemp("out")
    return run_sample(raw, out)


@pytest.fixture(scope="module")
def sample_output(sample_run: RunSummary) -> Path:
    return Path(sample_run.out_dir)


@pytest.fixture(scope="module")
def results(sample_output: Path) -> dict[str, QueryResult]:
    return run_report_queries(sample_output / "newsflow.duckdb")


def _scalar(out: Path, sql: str, params: list[object] | None = None) -> object:
    con = duckdb.connect(str(out / "newsflow.duckdb"), read_only=True)
    try:
        return con.sql(sql, params=params).fetchall()[0][0]
    finally:
        con.close()


def test_totals_and_run_history_match_the_tables(
    sample_run: RunSummary, sample_output: Path, results
) -> None:
    totals = results["totals"].rows.to_pylist()[0]
    assert totals["articles"] == _scalar(sample_output, "select count(*) from articles")
    assert totals["quarantined"] == 1 and totals["runs"] == 1
    (run,) = results["runs"].rows.to_pylist()
    assert run["run_id"] == sample_run.run_id and run["n_inputs"] == sample_run.n_inputs == 7
    assert run["n_articles"] + run["n_quarantined"] == 7
    assert run["status"] == "completed" and run["seconds"] >= 0
    stages = set(results["run_stages"].rows["stage"].to_pylist())
    assert {"discover", "batches"} <= stages


def test_counts_per_outlet_and_language_add_up_to_canonical_articles(
    sample_output: Path, results
) -> None:
    canonical = _scalar(sample_output, "select count(*) from canonical_articles")
    dated = _scalar(
        sample_output, "select count(*) from canonical_articles where published_date is not null"
    )
    assert sum(results["languages"].rows["n_articles"].to_pylist()) == canonical
    assert sum(results["outlets"].rows["n_articles"].to_pylist()) == dated
    assert sum(results["outlet_days"].rows["n_articles"].to_pylist()) == dated


def test_speakers_carry_one_of_their_own_quotes(sample_output: Path, results) -> None:
    speakers = results["speakers"].rows.to_pylist()
    assert speakers, "the sample quotes people"
    counts = [s["n_quotes"] for s in speakers]
    assert counts == sorted(counts, reverse=True)
    for s in speakers:
        owned = _scalar(
            sample_output,
            "select count(*) from quotes_in_context"
            " where list_contains(?::varchar[], speaker) and text = ?",
            [s["variants"], s["sample_quote"]],
        )
        assert owned == 1 or owned == 2, s  # a quote may recur in a duplicate


def test_stories_rank_by_outlets_and_clusters_name_their_canonical(results) -> None:
    stories = results["stories"].rows.to_pylist()
    outlets = [s["n_outlets"] for s in stories]
    assert outlets == sorted(outlets, reverse=True)
    assert stories[0]["n_outlets"] >= 2, "the Brennholm fire was covered by several outlets"
    assert len(set(stories[0]["languages"])) >= 2
    clusters = results["dup_clusters"].rows.to_pylist()
    assert clusters and all(c["n_articles"] >= 2 for c in clusters)
    assert all(c["canonical_source"] in c["members"] for c in clusters)


def test_boilerplate_and_quarantine_come_with_reasons(sample_output: Path, results) -> None:
    boilerplate = results["boilerplate"].rows.to_pylist()
    assert sum(b["n_lines"] for b in boilerplate) == _scalar(
        sample_output, "select count(*) from boilerplate"
    )
    assert all(b["reason"] for b in boilerplate)
    (quarantined,) = results["quarantine"].rows.to_pylist()
    assert quarantined["source_path"] == UNREADABLE
    assert quarantined["stage"] == "ingest" and quarantined["error"]


class _Elements(HTMLParser):
    """Tags and script bodies of a page, as a browser's tokenizer would split them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def test_article_text_is_escaped_everywhere(sample_output: Path, tmp_path: Path) -> None:
    page = write_report(str(sample_output), str(tmp_path / "r.html")).read_text("utf-8")
    assert HOSTILE_TITLE not in page and "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Harbour board &lt;b&gt;votes&lt;/b&gt;" in page
    elements = _Elements()
    elements.feed(page)
    # the chart data, the Vega bundle, the page's script: and no element from the articles
    assert elements.tags.count("script") == 3
    assert not {"b", "i"} & set(elements.tags)
    specs = json.loads(elements.scripts[0])
    assert set(specs) >= {"run_stages", "languages", "speakers", "boilerplate"}


def test_script_json_cannot_close_its_element() -> None:
    value = {"title": HOSTILE_TITLE, "quote": HOSTILE_QUOTE, "sep": "a\u2028b"}
    text = script_json(value)
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == value


def test_table_cells_and_inline_scripts_are_guarded() -> None:
    rows = pa.table({"title": [HOSTILE_TITLE], "n_quotes": [1234]})
    cells = table_html("t", QueryResult(rows, 1))
    assert "<script>" not in cells and "&lt;/script&gt;" in cells
    assert 'data-v="1234">1,234<' in cells
    with pytest.raises(ValueError):
        inline_script("var s = '</script><script>alert(1)';")
    assert cell_text(None) == "—" and cell_text(["en", None, "de"]) == "en, de"


def test_charts_skip_empty_sections() -> None:
    empty = pa.table({"reason": pa.array([], pa.string()), "n_lines": pa.array([], pa.int64())})
    assert chart_specs({"boilerplate": empty}) == {}


def test_cli_writes_the_report_and_fails_cleanly_without_a_catalog(
    sample_output: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "nested" / "report.html"
    assert main(["report", "--out", str(sample_output), "--html", str(target)]) == 0
    assert str(target) in capsys.readouterr().out and target.stat().st_size > 0
    assert main(["report", "--out", str(tmp_path / "empty")]) == 1
    assert "newsflow run" in capsys.readouterr().err

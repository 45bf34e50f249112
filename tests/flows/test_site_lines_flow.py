"""Site-learned boilerplate across runs: what one run learns, the next run uses."""

from __future__ import annotations

from pathlib import Path

import duckdb

from flows.pipeline import newsflow_pipeline
from tests.tasks.test_site_lines import BANNER, TOWNS, article


def _reasons(out: Path, source_path: str) -> dict[str, str]:
    rows = duckdb.sql(
        f"""select b.text, b.reason
            from read_parquet('{out}/boilerplate/**/*.parquet') b
            join read_parquet('{out}/articles/**/*.parquet') a using (article_id)
            where a.source_path = '{source_path}'"""
    ).fetchall()
    return dict(rows)


def _body(out: Path, source_path: str) -> str:
    return duckdb.sql(
        f"select body from read_parquet('{out}/articles/**/*.parquet') "
        f"where source_path = '{source_path}'"
    ).fetchall()[0][0]


def test_a_banner_learned_in_one_run_is_removed_in_the_next(
    prefect_harness: None, tmp_path: Path
) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    for day, town in enumerate(TOWNS[:6], start=1):
        (raw / f"2023-05-{day:02}_valleycourier_{town.lower()}.txt").write_text(article(town))
    # another site printing the same closing line on a single article: nothing learned there
    (raw / "2023-05-01_hillgazette_ashby.txt").write_text(article("Ashby"))
    newsflow_pipeline(raw_dir=str(raw), out_dir=str(out))
    assert _reasons(out, "2023-05-01_valleycourier_ashby.txt")[BANNER] == "site_frequent"
    assert BANNER in _body(out, "2023-05-01_hillgazette_ashby.txt")
    state = duckdb.sql(
        f"select n_articles from read_parquet('{out}/.current/_state/site_lines/*.parquet') "
        "where site = 'valleycourier' and line_key = ''"
    ).fetchall()
    assert state == [(6,)]

    # a later run on a new file of the same site: too few new articles to learn from alone
    new = "2023-06-01_valleycourier_hollin.txt"
    (raw / new).write_text(article("Hollin"))
    second = newsflow_pipeline(raw_dir=str(raw), out_dir=str(out))
    assert second.n_articles == 1 and second.n_skipped == 7
    assert _reasons(out, new)[BANNER] == "site_frequent"
    assert BANNER not in _body(out, new)
    assert "reading room" in _body(out, new)

"""Incremental clustering: a run on new dumps clusters them against everything before,
and only the clusters they reach change."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from flows.pipeline import newsflow_pipeline

GENERATOR = Path(__file__).resolve().parents[2] / "bench" / "generate_dumps.py"
N = 240
QUERY = (
    "select source_path, dup_cluster_id, is_canonical, dup_kind, story_cluster_id, "
    "published_date from read_parquet('{}/articles/**/*.parquet')"
)


def _rows(out: Path) -> dict[str, tuple]:
    """Each article's cluster columns, by its file's path below the raw folder."""
    return {
        "/".join(Path(row[0]).parts[-2:]): row[1:]
        for row in duckdb.sql(QUERY.format(out)).fetchall()
    }


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    raw = tmp_path_factory.mktemp("generated") / "dumps"
    subprocess.run(
        [sys.executable, str(GENERATOR), "--n", str(N), "--out", str(raw), "--seed", "11"],
        check=True,
        capture_output=True,
    )
    manifest = json.loads((raw.parent / "dumps.manifest.json").read_text("utf-8"))
    return raw, manifest["files"]


def test_new_dumps_join_old_clusters_and_nothing_else_moves(
    prefect_harness: None, tmp_path: Path, generated: tuple[Path, list[dict]]
) -> None:
    source, files = generated
    copies = [f for f in files if f["copy_of"]][:12]
    late_originals = [f for f in files if f["kind"] == "article" and not _has_copy(f, files)][:6]
    later = {f["file"] for f in copies + late_originals}
    raw = tmp_path / "raw"
    for entry in files:
        if entry["file"] not in later:
            _copy(source, raw, entry["file"])
    out = tmp_path / "out"
    newsflow_pipeline(raw_dir=str(raw), out_dir=str(out), workers=1)
    before = _rows(out)
    for name in sorted(later):
        _copy(source, raw, name)
    second = newsflow_pipeline(raw_dir=str(raw), out_dir=str(out), workers=1)
    assert second.n_articles == len(later)
    after = _rows(out)

    path_of = {f["file"]: f["file"] for f in files}
    joined = [
        entry
        for entry in copies
        if after[path_of[entry["file"]]][0] == after[path_of[entry["copy_of"]]][0]
    ]
    assert len(joined) == len(copies)  # each copy joins its original from the earlier run

    reached_dups = {after[path_of[name]][0] for name in later}
    reached_stories = {after[path_of[name]][3] for name in later}
    new_days = [after[path_of[name]][4] for name in later]
    moved = [
        path
        for path, old in before.items()
        if after[path][0] not in reached_dups and after[path][:3] != old[:3]
    ]
    assert moved == []  # dup clusters no new article reached are untouched
    far = [
        path
        for path, old in before.items()
        if after[path][3] not in reached_stories
        and old[4] is not None
        and all(d is None or abs((d - old[4]).days) > 6 for d in new_days)
    ]
    assert far and all(after[path][3] == before[path][3] for path in far)

    full = tmp_path / "full"
    newsflow_pipeline(raw_dir=str(raw), out_dir=str(full), workers=1)
    reference = _rows(full)
    assert {p: r[:3] for p, r in after.items()} == {p: r[:3] for p, r in reference.items()}


def _has_copy(entry: dict, files: list[dict]) -> bool:
    return any(f["copy_of"] == entry["file"] for f in files)


def _copy(source: Path, raw: Path, name: str) -> None:
    target = raw / name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(source / name, target)


def test_story_coverage_view_sums_up_each_story(
    prefect_harness: None, tmp_path: Path, generated: tuple[Path, list[dict]]
) -> None:
    source, _ = generated
    out = tmp_path / "out"
    newsflow_pipeline(raw_dir=str(source), out_dir=str(out), workers=1)
    con = duckdb.connect(str(out / "newsflow.duckdb"), read_only=True)
    coverage = con.sql(
        "select story, outlets, languages, first_date, last_date, n_articles from story_coverage"
    ).fetchall()
    ((n_articles, n_stories),) = con.sql(
        "select count(*), count(distinct story_cluster_id) from articles"
    ).fetchall()
    assert len(coverage) == n_stories and sum(row[5] for row in coverage) == n_articles
    assert all(row[3] is None or row[3] <= row[4] for row in coverage)
    assert any(len(row[1]) > 1 for row in coverage)  # some story told by several outlets


# what differs between two runs over the same inputs by design: which run wrote a row
RUN_COLUMNS = {"run_id", "started_at", "finished_at", "stage_seconds", "params"}


def _table_rows(out: Path, table: str, leave_out: frozenset[str] = frozenset()) -> list[tuple]:
    con = duckdb.connect()
    columns = [
        name
        for (name,) in con.sql(
            f"select column_name from (describe select * from '{out}/{table}/**/*.parquet')"
        ).fetchall()
        if name not in RUN_COLUMNS | leave_out
    ]
    listed = ", ".join(f'"{c}"' for c in columns)
    return con.sql(f"select {listed} from '{out}/{table}/**/*.parquet' order by all").fetchall()


def test_thirty_small_runs_keep_part_counts_bounded_and_end_as_one_run(
    prefect_harness: None,
    tmp_path: Path,
    generated: tuple[Path, list[dict]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An hourly schedule of small runs must not pile up Parquet parts, and compaction
    must not change a row."""
    monkeypatch.setenv("NEWSFLOW_COMPACT_MAX_PARTS", "4")
    source, files = generated
    names = sorted(f["file"] for f in files)[:150]
    raw, out = tmp_path / "raw", tmp_path / "out"
    most_parts: dict[str, int] = {}
    for start in range(0, len(names), 5):
        for name in names[start : start + 5]:
            _copy(source, raw, name)
        newsflow_pipeline(raw_dir=str(raw), out_dir=str(out), workers=1)
        for table in ("articles", "sentences", "quotes", "boilerplate", "runs"):
            parts = len(list((out / table).rglob("*.parquet")))
            most_parts[table] = max(most_parts.get(table, 0), parts)
    assert len(names) // 5 == 30
    # at most the compacted parts plus the newest run's
    assert all(count <= 4 + 1 for count in most_parts.values()), most_parts
    assert len(_table_rows(out, "runs")) == 30

    full = tmp_path / "full"
    newsflow_pipeline(raw_dir=str(raw), out_dir=str(full), workers=1)
    for table in ("articles", "paragraphs", "sentences", "quotes", "quarantine"):
        assert _table_rows(out, table) == _table_rows(full, table), table
    # the same lines are removed; a line removed before its site's counts were learned
    # keeps the reason of the rule that caught it then
    reason = frozenset({"reason"})
    assert _table_rows(out, "boilerplate", reason) == _table_rows(full, "boilerplate", reason)

"""End to end: the real flow under Prefect's test harness, tables checked through DuckDB."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from flows.pipeline import newsflow_pipeline
from tests.conftest import REPO, SAMPLE_RAW

TABLES = ("articles", "paragraphs", "sentences", "quotes", "boilerplate", "quarantine", "runs")


def _count(out: Path, table: str, where: str = "true") -> int:
    return duckdb.sql(
        f"select count(*) from read_parquet('{out}/{table}/**/*.parquet', union_by_name=true) "
        f"where {where}"
    ).fetchall()[0][0]


@pytest.fixture(scope="module")
def sample_run(prefect_harness: None, tmp_path_factory: pytest.TempPathFactory):
    raw = tmp_path_factory.mktemp("raw")
    shutil.copytree(SAMPLE_RAW, raw, dirs_exist_ok=True)
    (raw / "broken.txt").write_bytes(b"\x00\x01\x02\xff\xfe" * 100)
    out = tmp_path_factory.mktemp("out")
    summary = newsflow_pipeline(raw_dir=str(raw), out_dir=str(out))
    return raw, out, summary


def test_every_input_is_accounted_for(sample_run) -> None:
    raw, out, summary = sample_run
    n_files = sum(1 for p in raw.rglob("*") if p.is_file())
    assert summary.n_inputs == n_files
    assert summary.n_articles + summary.n_quarantined == n_files
    assert _count(out, "articles") == summary.n_articles
    assert _count(out, "quarantine", "source_path = 'broken.txt' and stage = 'ingest'") == 1


def test_every_table_is_written_and_non_empty(sample_run) -> None:
    _, out, _ = sample_run
    for table in TABLES:
        assert _count(out, table) > 0, table


def test_offsets_slice_the_body(sample_run) -> None:
    _, out, _ = sample_run
    for table in ("paragraphs", "sentences"):
        bad = duckdb.sql(
            f"""select count(*) from read_parquet('{out}/{table}/**/*.parquet') t
                join read_parquet('{out}/articles/**/*.parquet') a using (article_id)
                where substr(a.body, t.char_start + 1, t.char_end - t.char_start) <> t.text"""
        ).fetchall()[0][0]
        assert bad == 0, table


def test_duplicates_are_flagged_never_deleted(sample_run) -> None:
    _, out, summary = sample_run
    rows = duckdb.sql(
        f"""select dup_cluster_id, count(*) n, sum(is_canonical::int) canon
            from read_parquet('{out}/articles/**/*.parquet') group by all"""
    ).fetchall()
    assert all(canon == 1 for _, _, canon in rows)
    assert any(n >= 2 for _, n, _ in rows), "the sample holds an exact and a syndicated copy"
    assert summary.n_duplicates >= 2


def test_catalog_answers_from_another_directory(sample_run, tmp_path: Path) -> None:
    _, out, summary = sample_run
    script = (
        "import duckdb, sys; con = duckdb.connect(sys.argv[1], read_only=True); "
        "print(con.sql('select count(*) from articles').fetchall()[0][0], "
        "con.sql('select count(*) from quotes_per_speaker').fetchall()[0][0], "
        "con.sql('select count(*) from story_clusters').fetchall()[0][0])"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(out / "newsflow.duckdb")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    n_articles, n_speakers, n_stories = map(int, result.stdout.split())
    assert n_articles == summary.n_articles
    assert n_speakers > 0 and 0 < n_stories <= n_articles


def test_rerun_skips_processed_files_and_keeps_tables_equal(sample_run) -> None:
    raw, out, first = sample_run
    before = duckdb.sql(
        f"select article_id, body, dup_cluster_id from read_parquet('{out}/articles/**/*.parquet') "
        "order by 1"
    ).fetchall()
    second = newsflow_pipeline(raw_dir=str(raw), out_dir=str(out))
    assert second.n_articles == 0 and second.n_skipped == first.n_articles + first.n_quarantined
    after = duckdb.sql(
        f"select article_id, body, dup_cluster_id from read_parquet('{out}/articles/**/*.parquet') "
        "order by 1"
    ).fetchall()
    assert after == before
    assert _count(out, "runs") == 2


def test_edited_file_replaces_its_rows(sample_run) -> None:
    raw, out, _ = sample_run
    victim = sorted(p for p in raw.glob("*.txt") if p.name != "broken.txt")[0]
    source = victim.relative_to(raw).as_posix()
    old_ids = {
        r[0]
        for r in duckdb.sql(
            f"select article_id from read_parquet('{out}/articles/**/*.parquet') "
            f"where source_path = '{source}'"
        ).fetchall()
    }
    victim.write_bytes(victim.read_bytes() + b"\nOne more closing paragraph for the record.\n")
    summary = newsflow_pipeline(raw_dir=str(raw), out_dir=str(out))
    assert summary.n_articles == 1
    rows = duckdb.sql(
        f"select article_id from read_parquet('{out}/articles/**/*.parquet') "
        f"where source_path = '{source}'"
    ).fetchall()
    assert len(rows) == 1 and rows[0][0] not in old_ids
    for table in ("paragraphs", "sentences", "boilerplate"):
        assert _count(out, table, f"article_id in {tuple(old_ids) + ('',)}") == 0


def test_cli_runs_without_a_server(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(sorted(SAMPLE_RAW.glob("*.txt"))[0], raw)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    result = subprocess.run(
        [sys.executable, "-m", "flows.cli", "run", "--raw", str(raw), "--out", str(tmp_path / "o")],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "articles     1" in result.stdout
    assert (tmp_path / "o" / "newsflow.duckdb").is_file()


def test_worker_processes_and_the_cluster_process_give_the_same_tables(
    sample_run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw, out, _ = sample_run
    reference = tmp_path / "inline"
    newsflow_pipeline(raw_dir=str(SAMPLE_RAW), out_dir=str(reference), workers=1)
    monkeypatch.setenv("NEWSFLOW_MIN_INPUTS_PER_WORKER", "1")
    parallel = tmp_path / "parallel"
    summary = newsflow_pipeline(
        raw_dir=str(SAMPLE_RAW), out_dir=str(parallel), workers=2, batch_size=5
    )
    assert summary.n_articles == len(list(SAMPLE_RAW.glob("*.txt")))
    for table, columns in {
        "articles": "article_id, body, title, dup_cluster_id, story_cluster_id",
        "quotes": "quote_id, text, speaker",
        "sentences": "article_id, sentence_idx, char_start, char_end",
    }.items():
        query = f"select {columns} from read_parquet('{{}}/{table}/**/*.parquet') order by all"
        assert (
            duckdb.sql(query.format(reference)).fetchall()
            == duckdb.sql(query.format(parallel)).fetchall()
        ), table


def test_run_publishes_a_prefect_artifact(sample_run) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    _, _, summary = sample_run
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["newsflow-run"]))
        )
    assert any(summary.run_id in (a.description or "") for a in artifacts)
    mine = next(a for a in artifacts if summary.run_id in (a.description or ""))
    rows = json.loads(mine.data) if isinstance(mine.data, str) else mine.data
    measures = {row["measure"]: row["value"] for row in rows}
    assert measures["n_articles"] == summary.n_articles
    assert "seconds.batches" in measures


def test_incremental_runs_end_where_one_full_run_does(
    prefect_harness: None, tmp_path: Path
) -> None:
    full_out = tmp_path / "full"
    newsflow_pipeline(raw_dir=str(SAMPLE_RAW), out_dir=str(full_out))
    raw = tmp_path / "raw"
    raw.mkdir()
    files = sorted(SAMPLE_RAW.glob("*.txt"))
    for path in files[::2]:  # every other dump first: copies arrive in a later run
        shutil.copy(path, raw)
    out = tmp_path / "out"
    newsflow_pipeline(raw_dir=str(raw), out_dir=str(out))
    for path in files[1::2]:
        shutil.copy(path, raw)
    second = newsflow_pipeline(raw_dir=str(raw), out_dir=str(out))
    assert second.n_skipped == len(files[::2])
    query = (
        "select source_path, article_id, dup_cluster_id, is_canonical, story_cluster_id "
        "from read_parquet('{}/articles/**/*.parquet') order by all"
    )
    incremental = duckdb.sql(query.format(out)).fetchall()
    reference = duckdb.sql(query.format(full_out)).fetchall()
    assert incremental == reference

"""Runners: the same input gives the same tables on the local and the Dask runner."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

from flows.cli import _parser
from flows.pipeline import newsflow_pipeline, reason_kind
from flows.runners import UnsupportedFolder, local_folder, task_runner_for
from tests.conftest import SAMPLE_RAW

# per table: the columns that differ between runs by design
RUN_COLUMNS = {"articles": "run_id", "quarantine": "run_id"}
COMPARED = ("articles", "paragraphs", "sentences", "quotes", "boilerplate", "quarantine")


def test_local_folder_accepts_paths_and_file_urls(tmp_path: Path) -> None:
    assert local_folder(str(tmp_path)) == str(tmp_path)
    assert local_folder(tmp_path.as_uri()) == str(tmp_path)
    with pytest.raises(UnsupportedFolder, match="file:// URLs"):
        local_folder("s3://bucket/news")


def test_unknown_runner_is_refused() -> None:
    assert task_runner_for("local", None, 2) is None
    with pytest.raises(ValueError, match="unknown runner"):
        task_runner_for("spark", None, 2)


def test_cli_options_for_runners_and_serve() -> None:
    run = _parser().parse_args(["run", "--runner", "dask", "--dask-address", "tcp://h:8786"])
    assert (run.runner, run.dask_address) == ("dask", "tcp://h:8786")
    assert _parser().parse_args(["run"]).runner == "local"
    serve = _parser().parse_args(["serve", "--cron", "0 * * * *", "--raw", "in"])
    assert (serve.command, serve.cron, serve.raw) == ("serve", "0 * * * *", "in")
    with pytest.raises(SystemExit):
        _parser().parse_args(["serve"])  # a schedule is required


def test_quarantine_reasons_are_grouped_by_kind() -> None:
    assert reason_kind("ingest: malformed JSON line: Expecting ',' (char 12)") == (
        "ingest: malformed JSON line"
    )
    assert reason_kind("ingest: file of 123 bytes exceeds the 100-byte limit") == (
        "ingest: file of N bytes exceeds the N-byte limit"
    )


def _artifact_rows(run_id: str) -> dict[str, object]:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["newsflow-run"]))
        )
    mine = next(a for a in artifacts if run_id in (a.description or ""))
    rows = json.loads(mine.data) if isinstance(mine.data, str) else mine.data
    return {row["measure"]: row["value"] for row in rows}


def _table(out: Path, name: str) -> list[tuple[object, ...]]:
    exclude = f" exclude ({RUN_COLUMNS[name]})" if name in RUN_COLUMNS else ""
    return duckdb.sql(
        f"select *{exclude} from read_parquet('{out}/{name}/**/*.parquet', union_by_name=true) "
        "order by all"
    ).fetchall()


def test_dask_and_local_runners_write_the_same_tables(
    prefect_harness: None, tmp_path: Path
) -> None:
    from prefect_dask import DaskTaskRunner

    raw = tmp_path / "raw"
    shutil.copytree(SAMPLE_RAW, raw)
    (raw / "broken.txt").write_bytes(b"\x00\x01\x02" * 50)
    local_out, dask_out = tmp_path / "local", tmp_path / "dask"
    local = newsflow_pipeline(raw_dir=str(raw), out_dir=str(local_out), batch_size=5)
    # threads in the test process: worker processes would each import Prefect and the stages
    runner = DaskTaskRunner(
        cluster_kwargs={"n_workers": 2, "threads_per_worker": 1, "processes": False}
    )
    distributed = newsflow_pipeline.with_options(task_runner=runner)(
        raw_dir=raw.as_uri(), out_dir=dask_out.as_uri(), batch_size=5, workers=2
    )
    assert distributed.out_dir == str(dask_out.resolve())
    assert (distributed.n_articles, distributed.n_quarantined, distributed.n_duplicates) == (
        local.n_articles,
        local.n_quarantined,
        local.n_duplicates,
    )
    assert local.n_articles > 10 and local.n_quarantined == 1
    for name in COMPARED:
        assert _table(dask_out, name) == _table(local_out, name), name
    measures = _artifact_rows(distributed.run_id)
    assert measures["discover.inputs"] == local.n_inputs
    assert measures["batches.articles"] == local.n_articles
    assert measures["quarantine: ingest: binary content"] == 1

"""Crash safety: real runs SIGKILLed at named points leave the last good tables whole.

Each killed run is a real `python -m flows.cli run` process pointed at the session's
Prefect server; `NEWSFLOW_TEST_PAUSE_AT` makes it sleep at one point of the walk (it
prints a line first), where the test checks readers and the lock and then kills it.
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest

from flows.pipeline import newsflow_pipeline
from tasks import tables
from tasks.write import (
    LOCK,
    MANIFEST,
    PAUSE_AT_ENV,
    STATE,
    VERSIONS,
    OutputLocked,
    OutputSchemaMismatch,
    current_version,
    output_lock,
)
from tests.conftest import REPO, SAMPLE_RAW

SAMPLES = sorted(SAMPLE_RAW.glob("*.txt"))


def _catalog_counts(out: Path) -> dict[str, int]:
    """Row counts of every table, read through newsflow.duckdb as a dashboard would."""
    con = duckdb.connect(str(out / "newsflow.duckdb"), read_only=True)
    try:
        return {
            t: con.sql(f"select count(*) from {t}").fetchall()[0][0] for t in tables.OUTPUT_TABLES
        }
    finally:
        con.close()


def _article_sources(out: Path) -> list[str]:
    rows = duckdb.sql(
        f"select source_path from read_parquet('{out}/articles/**/*.parquet') order by 1"
    ).fetchall()
    return [r[0] for r in rows]


@contextmanager
def _paused_run(raw: Path, out: Path, point: str) -> Iterator[subprocess.Popen[bytes]]:
    """A real run in its own process group, paused at `point`; SIGKILLed on exit."""
    from prefect.settings import PREFECT_API_URL

    env = {**os.environ, PAUSE_AT_ENV: point, "PREFECT_API_URL": str(PREFECT_API_URL.value())}
    process = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "run", "--raw", str(raw), "--out", str(out)]
        + ["--workers", "1"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        assert process.stderr is not None
        seen = ""
        deadline = time.monotonic() + 300
        while f"paused at {point}" not in seen:
            if time.monotonic() > deadline:
                pytest.fail(f"run never reached {point}: {seen[-2000:]}")
            if not select.select([process.stderr], [], [], 5)[0]:
                continue
            chunk = os.read(process.stderr.fileno(), 65536)
            if not chunk and process.poll() is not None:
                pytest.fail(f"run ended before {point}: {seen[-2000:]}")
            seen += chunk.decode("utf-8", errors="replace")
        yield process
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # the run and anything it started
        process.wait(timeout=60)
        if process.stderr is not None:
            process.stderr.close()


@pytest.fixture(scope="module")
def first_version(prefect_harness: None, tmp_path_factory: pytest.TempPathFactory):
    raw = tmp_path_factory.mktemp("raw")
    for path in SAMPLES[:8]:
        shutil.copy(path, raw)
    out = tmp_path_factory.mktemp("out")
    newsflow_pipeline(raw_dir=str(raw), out_dir=str(out), workers=1)
    return raw, out


@pytest.mark.parametrize(
    ("point", "new_version_visible"),
    [("staged", False), ("version-renamed", False), ("committed", True)],
)
def test_a_run_killed_at_any_point_leaves_whole_tables(
    first_version, point: str, new_version_visible: bool
) -> None:
    raw, out = first_version
    before = _catalog_counts(out)
    version_before = current_version(str(out))
    added = SAMPLES[8 + ["staged", "version-renamed", "committed"].index(point)]
    shutil.copy(added, raw)
    with _paused_run(raw, out, point) as process:
        # a reader during the run sees the last complete run, never a half-written one
        during = _catalog_counts(out)
        assert during["articles"] == before["articles"] + int(new_version_visible)
        # a second writer is refused with a message naming the holder
        with pytest.raises(OutputLocked, match=f"pid {process.pid} .*alive"), output_lock(str(out)):
            pass
    after_kill = _catalog_counts(out)
    assert after_kill == during
    if not new_version_visible:
        assert current_version(str(out)) == version_before
    assert (out / LOCK).read_text("utf-8"), "the killed run's holder record is left behind"

    summary = newsflow_pipeline(raw_dir=str(raw), out_dir=str(out), workers=1)
    assert summary.n_articles == (0 if new_version_visible else 1)
    sources = _article_sources(out)
    assert len(sources) == len(set(sources)) == len(list(raw.iterdir())), "none lost or doubled"
    assert not (out / LOCK).read_text("utf-8"), "a clean run releases its record"
    assert not list((out / "_staging").glob("*")), "staging is discarded"
    versions = sorted(p.name for p in (out / VERSIONS).iterdir())
    assert len(versions) == 1 and not any(v.startswith(".") for v in versions), versions
    final = _catalog_counts(out)
    assert final["articles"] == len(sources) and final["runs"] == before["runs"] + 1 + int(
        new_version_visible
    )


def _lock_holder(out: Path, run_id: str, seconds: int) -> subprocess.Popen[str]:
    """Another process holding the output lock for `seconds`, once it prints "held"."""
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from tasks.write import output_lock\n"
            "with output_lock(sys.argv[1], sys.argv[2]):\n"
            "    print('held', flush=True); time.sleep(int(sys.argv[3]))",
            str(out),
            run_id,
            str(seconds),
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "held"
    child.stdout.close()
    return child


def test_the_lock_of_a_dead_run_is_taken_over_with_a_message(tmp_path: Path) -> None:
    child = _lock_holder(tmp_path, "killed-run", 600)
    with pytest.raises(OutputLocked, match="killed-run"), output_lock(str(tmp_path)):
        pass
    child.kill()
    child.wait(timeout=30)
    with output_lock(str(tmp_path), "next-run") as taken_over:
        assert taken_over is not None
        assert "ended without releasing" in taken_over and "killed-run" in taken_over
        assert "no longer running" in taken_over
    with output_lock(str(tmp_path)) as taken_over:
        assert taken_over is None


def test_a_waiting_writer_gets_the_lock_once_it_is_free(tmp_path: Path) -> None:
    child = _lock_holder(tmp_path, "short-run", 2)
    with output_lock(str(tmp_path), "patient-run", wait_seconds=120) as taken_over:
        assert taken_over is None  # the first released cleanly
    child.wait(timeout=30)


def test_schema_version_is_recorded_checked_and_migrated(first_version, tmp_path: Path) -> None:
    raw, _ = first_version
    out = tmp_path / "out"
    newsflow_pipeline(raw_dir=str(raw), out_dir=str(out), workers=1)
    manifest = current_version(str(out)) / STATE / MANIFEST  # type: ignore[operator]
    assert f'"schema_version": {tables.SCHEMA_VERSION}' in manifest.read_text("utf-8")

    manifest.write_text('{"schema_version": 999}', "utf-8")
    before = _catalog_counts(out)
    with pytest.raises(OutputSchemaMismatch, match="schema_version 999, newer"):
        newsflow_pipeline(raw_dir=str(raw), out_dir=str(out), workers=1)
    assert _catalog_counts(out) == before, "a refused run changes nothing"

    manifest.unlink()  # as an output written before the manifest existed (version 1)
    summary = newsflow_pipeline(raw_dir=str(raw), out_dir=str(out), workers=1)
    assert summary.n_skipped == summary.n_inputs
    migrated = current_version(str(out)) / STATE / MANIFEST  # type: ignore[operator]
    assert f'"schema_version": {tables.SCHEMA_VERSION}' in migrated.read_text("utf-8")


def test_tables_of_an_unversioned_output_are_never_overwritten(
    first_version, tmp_path: Path
) -> None:
    raw, _ = first_version
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "mine.parquet").write_bytes(b"someone else's table")
    with pytest.raises(OutputSchemaMismatch, match="schema_version 0"):
        newsflow_pipeline(raw_dir=str(raw), out_dir=str(tmp_path), workers=1)
    assert (tmp_path / "articles" / "mine.parquet").read_bytes() == b"someone else's table"

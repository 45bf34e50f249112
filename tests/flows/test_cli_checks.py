"""The command line refuses bad invocations before Prefect starts, and creates nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from flows.cli import main
from tests.conftest import SAMPLE_RAW


@pytest.mark.parametrize(
    "argv",
    [
        ["run", "--raw", "{tmp}/missing", "--out", "{tmp}/out"],
        ["run", "--raw", "{tmp}/raw", "--out", "{tmp}/raw/out"],
        ["run", "--raw", "{tmp}/raw/inner", "--out", "{tmp}/raw"],
        ["serve", "--cron", "not a cron", "--raw", "{tmp}/raw", "--out", "{tmp}/out"],
    ],
)
def test_bad_invocation_exits_2_with_one_line_and_creates_nothing(
    tmp_path: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "raw" / "inner").mkdir(parents=True)
    before = sorted(tmp_path.rglob("*"))
    assert main([a.replace("{tmp}", str(tmp_path)) for a in argv]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("newsflow ")
    assert sorted(tmp_path.rglob("*")) == before


def test_unknown_flag_prints_the_commands_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["run", "--no-such-flag"])
    assert exited.value.code == 2
    assert "usage: newsflow run" in capsys.readouterr().err


def test_settings_file_of_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tasks.settings import SettingsError, load_settings

    (tmp_path / "newsflow.toml").write_text('batch_size = 7\nout_dir = "elsewhere"\n')
    settings = load_settings(cwd=tmp_path)
    assert settings.batch_size == 7
    assert settings.out_dir == str(tmp_path / "elsewhere")
    assert settings.raw_dir == str(tmp_path / "data" / "raw")
    (tmp_path / "newsflow.toml").write_text("no_such_setting = 1\n")
    with pytest.raises(SettingsError, match="no_such_setting"):
        load_settings(cwd=tmp_path)


def test_moved_output_answers_after_catalog(
    tmp_path: Path, prefect_harness: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows.pipeline import newsflow_pipeline

    raw = tmp_path / "raw"
    raw.mkdir()
    for dump in sorted(SAMPLE_RAW.glob("*.txt"))[:3]:
        shutil.copy(dump, raw)
    out = tmp_path / "out"
    summary = newsflow_pipeline(raw_dir=str(raw), out_dir=str(out), workers=1)
    moved = tmp_path / "moved"
    shutil.copytree(out, moved, symlinks=True)
    shutil.rmtree(out)
    assert main(["catalog", "--out", str(moved)]) == 0
    elsewhere = tmp_path / "third"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    con = duckdb.connect(str(moved / "newsflow.duckdb"), read_only=True)
    assert con.execute("select count(*) from articles").fetchall() == [(summary.n_articles,)]
    # a recursive glob over the whole folder sees every current part once
    ((n,),) = duckdb.execute(
        f"select count(distinct filename) from read_parquet('{moved}/**/*.parquet', "
        "union_by_name=true, filename=true) where filename like '%/articles/%'"
    ).fetchall()
    assert n == len(list((moved / "articles").glob("*.parquet")))

"""Run the pipeline twice on one raw folder, compiled build and pure Python, and compare
every output table row for row.

The compiled run imports the installed build (its C and mypyc extensions sit beside the
sources after `pip install -e .`, or in site-packages after `pip install .`); the pure-Python
run imports a copy of the repository's tracked `.py` files only, so no extension can load.
Columns that name the run (`run_id`, timestamps, per-run ids) are left out; the rows are
sorted on all remaining columns before they are compared. Exits 1 on any difference.

    .venv/bin/python bench/compare_builds.py --raw ../shared/devset/docs --tests -q

``--tests ARGS`` then runs pytest on the pure-Python copy as well.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb

from tasks.native import PURE_PYTHON_ENV
from tasks.tables import OUTPUT_TABLES

REPO = Path(__file__).resolve().parents[1]
# every output table but `runs` (one row per run, all of it run-specific), and the state a
# later run builds on: MinHash signatures and site-line counts
TABLES = (
    *(name for name in OUTPUT_TABLES if name != "runs"),
    ".current/_sketches",
    ".current/_state/site_lines",
)
# columns whose values differ from run to run by design
RUN_COLUMNS = frozenset({"run_id", "started_at", "finished_at", "ingested_at", "quarantined_at"})


def pure_python_copy(target: Path) -> Path:
    """The tracked files of the repository, without any built extension."""
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=REPO, check=True, capture_output=True
    ).stdout.split(b"\0")
    for name in filter(None, tracked):
        source = REPO / name.decode()
        if source.suffix in {".so", ".pyd"} or not source.is_file():
            continue
        (target / name.decode()).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target / name.decode())
    return target


def run(raw: Path, out: Path, code: Path) -> None:
    command = [sys.executable, "-m", "flows.cli", "run", "--raw", str(raw), "--out", str(out)]
    subprocess.run(command, cwd=code, check=True, env=_env_for(code))


def _env_for(code: Path) -> dict[str, str]:
    """`code` first on the import path (before the editable install's finder); for the
    pure-Python copy, NEWSFLOW_PURE_PYTHON too, so no C part is found through that finder."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    env.pop(PURE_PYTHON_ENV, None)
    return {**env, PURE_PYTHON_ENV: "1"} if code != REPO else env


def compiled_modules_loaded(code: Path) -> list[str]:
    """Modules of the walk that import from an extension, as `code` sees them."""
    probe = (
        "import importlib, pkgutil, sys, tasks\n"
        "for m in pkgutil.walk_packages(tasks.__path__, 'tasks.'):\n"
        "    importlib.import_module(m.name)\n"
        "for n, module in sorted(sys.modules.items()):\n"
        "    f = getattr(module, '__file__', '') or ''\n"
        "    print(n) if n.startswith('tasks') and not f.endswith('.py') else None\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=code,
        env=_env_for(code),
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout.split()


def table_rows(out: Path, table: str) -> list[tuple[object, ...]]:
    files = sorted((out / table).rglob("*.parquet")) if (out / table).is_dir() else []
    if not files:
        return []
    relation = duckdb.read_parquet([str(f) for f in files])
    kept = [c for c in relation.columns if c not in RUN_COLUMNS and not c.endswith("_run_id")]
    columns = ", ".join(f'"{c}"' for c in kept)
    return relation.select(columns).order(columns).fetchall()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--raw", type=Path, required=True)
    parser.add_argument(
        "--tests",
        nargs=argparse.REMAINDER,
        help="then run pytest with these arguments on the pure-Python copy (the compiled "
        "build's suite is the usual `pytest` run)",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="newsflow-builds-") as scratch:
        work = Path(scratch)
        pure = pure_python_copy(work / "pure")
        print("compiled modules:", " ".join(compiled_modules_loaded(REPO)) or "none")
        imported = compiled_modules_loaded(pure)
        print("pure-Python run imports extensions:", " ".join(imported) or "none")
        if imported:
            return 1
        run(args.raw.resolve(), work / "compiled-out", REPO)
        run(args.raw.resolve(), work / "pure-out", pure)
        different = 0
        for table in TABLES:
            compiled = table_rows(work / "compiled-out", table)
            python = table_rows(work / "pure-out", table)
            same = compiled == python
            different += not same
            print(f"{table:<26} {len(compiled):>8} rows  {'same' if same else 'DIFFERENT'}")
        if args.tests is not None and not different:
            return pure_python_tests(pure, args.tests)
    return 1 if different else 0


def pure_python_tests(pure: Path, pytest_args: list[str]) -> int:
    """The test suite on the pure-Python copy (its `../shared` is the repository's)."""
    shared = REPO.parent / "shared"
    if shared.is_dir():
        (pure.parent / "shared").symlink_to(shared)
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *pytest_args]
    return subprocess.run(command, cwd=pure, env=_env_for(pure)).returncode


if __name__ == "__main__":
    sys.exit(main())

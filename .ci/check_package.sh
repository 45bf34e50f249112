#!/usr/bin/env bash
# The wheel works from any folder: build it, install it into a fresh venv, run it from a
# temporary folder on the seeds, then open its catalog with
# DuckDB 1.1, 1.4 and 1.5 (older readers).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --upgrade pip
"$work/venv/bin/python" -m pip wheel --quiet --no-deps --wheel-dir "$work/dist" "$repo"
"$work/venv/bin/python" -m pip install --quiet "$work"/dist/newsflow-*.whl
mkdir -p "$work/project/data/raw"
cp "$repo"/../shared/seeds/* "$work/project/data/raw/"
cd "$work/project"
"$work/venv/bin/newsflow" --version
"$work/venv/bin/newsflow" run --workers 1
"$work/venv/bin/newsflow" report
test -f data/processed/report.html
cd "$work"
# the oldest reader the catalog's storage version admits, and the 1.x most BI drivers bundle
for reader in 1.1.3 1.4.5 1.5.6; do
    python3 -m venv "$work/duckdb-$reader"
    "$work/duckdb-$reader/bin/python" -m pip install --quiet "duckdb==$reader"
    "$work/duckdb-$reader/bin/python" - <<'PY'
import duckdb

con = duckdb.connect("project/data/processed/newsflow.duckdb", read_only=True)
views = con.execute(
    "select table_name from information_schema.tables where table_type = 'VIEW'"
).fetchall()
assert len(views) >= 7, views
for (view,) in views:
    con.execute(f"select count(*) from {view}").fetchall()
(articles,) = con.execute("select count(*) from articles").fetchone()
assert articles >= 2, articles
print(f"DuckDB {duckdb.__version__}: {len(views)} views answer, {articles} articles")
PY
done

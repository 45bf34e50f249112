"""Snapshot the quotes stage's rows for pipeline outputs, and compare two snapshots.

A refactor of `tasks.quotes` must keep its rows; a rule change should move only the rows it
means to. `snapshot` reads the article bodies of one or more `newsflow run` outputs (the
`articles` tables), extracts their quotes with the current package and writes one Parquet
file; `compare` lists the rows that differ between two snapshots on the columns both hold
(or on `--columns`), so a column added later does not count as a change.

    .venv/bin/python bench/quotes_snapshot.py snapshot --out /tmp/q-before.parquet /tmp/dev
    .venv/bin/python bench/quotes_snapshot.py compare /tmp/q-before.parquet /tmp/q-after.parquet
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tasks.quotes import extract_quotes  # noqa: E402

KEY = ("source", "article_id", "char_start", "char_end", "quote_type")


def snapshot(outputs: list[Path], out: Path) -> int:
    """Extract the quotes of every article body of the outputs into one Parquet file."""
    rows: list[dict[str, object]] = []
    for output in outputs:
        articles = (
            duckdb.connect()
            .execute(
                "select article_id, body, language from read_parquet(?) order by article_id",
                [str(output / "articles" / "**" / "*.parquet")],
            )
            .fetchall()
        )
        for article_id, body, language in articles:
            for quote in extract_quotes(body or "", language):
                row = dataclasses.asdict(quote)
                rows.append({"source": output.name, "article_id": article_id, **row})
    pq.write_table(pa.Table.from_pylist(rows), out)
    return len(rows)


def compare(before: Path, after: Path, columns: list[str] | None) -> int:
    """Print rows that differ; return how many."""
    old = {_key(row): row for row in pq.read_table(before).to_pylist()}
    new = {_key(row): row for row in pq.read_table(after).to_pylist()}
    shared = columns or sorted(
        set(next(iter(old.values()), {})) & set(next(iter(new.values()), {}))
    )
    changed = 0
    for key in sorted(old.keys() | new.keys(), key=str):
        a, b = old.get(key), new.get(key)
        if a is None or b is None:
            changed += 1
            print("only before:" if b is None else "only after:", key, (a or b or {}).get("text"))
            continue
        diffs = {c: (a.get(c), b.get(c)) for c in shared if a.get(c) != b.get(c)}
        if diffs:
            changed += 1
            print("changed:", key, diffs)
    print(f"{len(old)} rows before, {len(new)} after, {changed} differ on {', '.join(shared)}")
    return changed


def _key(row: dict[str, object]) -> tuple[object, ...]:
    return tuple(row.get(column) for column in KEY)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    take = commands.add_parser("snapshot", help="extract quotes from pipeline outputs")
    take.add_argument("outputs", type=Path, nargs="+", help="`newsflow run --out` folders")
    take.add_argument("--out", type=Path, required=True, help="Parquet file to write")
    check = commands.add_parser("compare", help="rows that differ between two snapshots")
    check.add_argument("before", type=Path)
    check.add_argument("after", type=Path)
    check.add_argument("--columns", nargs="*", help="columns to compare (default: shared)")
    args = parser.parse_args()
    if args.command == "snapshot":
        print(f"{snapshot(args.outputs, args.out)} quotes written to {args.out}")
        return 0
    return 1 if compare(args.before, args.after, args.columns) else 0


if __name__ == "__main__":
    sys.exit(main())

"""Metadata on real news pages: newsflow's title, date, byline, language and body figures.

Runs `newsflow run` on a gold set of the fundus-parser-tests form (`docs/*.html` and
`gold.jsonl`, by default `../shared/corpus/fundus-parser-tests`), scores the output with
the set's scorer (`score_real_meta.py`) and prints one Markdown table: newsflow's row, a
row per `--peer NAME=PREDICTIONS.jsonl` (peer output in the scorer's --pred form), then
newsflow's figures per language. A script, not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_GOLD = HERE.parent.parent / "shared/corpus/fundus-parser-tests"
SCORER = HERE.parent.parent / "shared/tools/score_real_meta.py"
COLUMNS = ("title", "title+site", "date", "byline", "byline partial", "language", "body F1")


def run_newsflow(docs: Path, out: Path) -> float:
    """Wall seconds of one `newsflow run` on the pages."""
    shutil.rmtree(out, ignore_errors=True)
    command = [str(Path(sys.executable).parent / "newsflow"), "run", "--raw", str(docs)]
    clock = time.perf_counter()
    subprocess.run([*command, "--out", str(out)], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - clock


def score(scorer: Path, gold: Path, source: list[str]) -> dict[str, object]:
    """The scorer's figures for newsflow output (["--out", DIR]) or peer predictions."""
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "score.json"
        subprocess.run(
            [sys.executable, str(scorer), "--gold", str(gold / "gold.jsonl"), *source]
            + ["--by-language", "--json", str(target)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        figures: dict[str, object] = json.loads(target.read_text())
    return figures


def _acc(figures: dict[str, object], key: str, field: str = "acc") -> str:
    value = figures.get(key)
    return f"{value[field]:.3f}" if isinstance(value, dict) and field in value else "–"


def table_row(name: str, figures: dict[str, object]) -> str:
    cells = [
        _acc(figures, "title"),
        _acc(figures, "title_or_site_suffix"),
        _acc(figures, "published"),
        _acc(figures, "byline"),
        _acc(figures, "byline_partial"),
        _acc(figures, "language"),
        _acc(figures, "body", "f1"),
    ]
    return f"| {name} | " + " | ".join(cells) + " |"


def language_rows(figures: dict[str, object]) -> list[str]:
    per_language = figures.get("per_language")
    if not isinstance(per_language, dict):
        return []
    rows = ["| language | pages | title | date | byline | language | body F1 |", "|---" * 7 + "|"]
    for language, row in sorted(per_language.items(), key=lambda item: -item[1]["n"]):
        cells = [
            f"{row[key]:.3f}" if isinstance(row.get(key), float | int) else "–"
            for key in ("title", "published", "byline", "language", "body_f1")
        ]
        rows.append(f"| {language} | {row['n']} | " + " | ".join(cells) + " |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold set folder")
    parser.add_argument("--scorer", type=Path, default=SCORER, help="score_real_meta.py")
    parser.add_argument("--out", type=Path, help="keep newsflow's output here")
    parser.add_argument(
        "--peer", action="append", default=[], help="NAME=PREDICTIONS.jsonl, scored as a row"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp) / "out"
        wall = run_newsflow(args.gold / "docs", out)
        figures = score(args.scorer, args.gold, ["--out", str(out)])
    print("| system | " + " | ".join(COLUMNS) + " |")
    print("|---" * (len(COLUMNS) + 1) + "|")
    print(table_row("newsflow", figures))
    for peer in args.peer:
        name, _, path = peer.partition("=")
        print(table_row(name, score(args.scorer, args.gold, ["--pred", path])))
    print()
    print("\n".join(language_rows(figures)))
    print(f"\nnewsflow run: {wall:.1f} s wall, {figures.get('n_predicted')} pages written")


if __name__ == "__main__":
    main()

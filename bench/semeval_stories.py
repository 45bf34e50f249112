"""How often newsflow's story clusters agree with human news-similarity labels.

Reads SemEval-2022 Task 8 pairs (processed texts, title then body on one line), writes
each article once as a plain-text dump, runs `newsflow run` on them, and reports the share
of pairs rated the same story (Overall <= 1.5) that share a story cluster, and of pairs
rated unrelated (Overall >= 3.5) that do not. The texts carry no dates, so the time
window plays no part here. A script, not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import duckdb

HERE = Path(__file__).resolve().parent
DEFAULT_CSV = (
    HERE.parent.parent / "shared/corpus/semeval2022-task8/hfl_processed_texts/training_set.csv"
)
ORIGINAL_PAIR = re.compile(r"^\d+_\d+$")  # suffixed ids are machine-translated copies
SAME_STORY, UNRELATED = 1.5, 3.5


def write_dumps(rows: list[dict[str, str]], raw: Path) -> None:
    """One file per article: the title line, a blank line, the body."""
    raw.mkdir(parents=True, exist_ok=True)
    for row in rows:
        for article_id, text in zip(
            row["pair_id"].split("_"), (row["text1"], row["text2"]), strict=True
        ):
            title, _, body = text.partition("  ")
            (raw / f"{article_id}.txt").write_text(f"{title.strip()}\n\n{body.strip()}\n", "utf-8")


def original_pairs(path: Path) -> list[dict[str, str]]:
    """The file's original pairs (not machine-translated copies), each once."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if ORIGINAL_PAIR.match(r["pair_id"])]
    return list({r["pair_id"]: r for r in rows}.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--work", type=Path, default=HERE / "out" / "semeval")
    parser.add_argument(
        "--exclude-pairs-of",
        type=Path,
        help="leave out the pairs of this file (the training file, to score held-out pairs)",
    )
    args = parser.parse_args()

    rows = original_pairs(args.csv)
    if args.exclude_pairs_of:
        seen = {r["pair_id"] for r in original_pairs(args.exclude_pairs_of)}
        rows = [r for r in rows if r["pair_id"] not in seen]
    shutil.rmtree(args.work, ignore_errors=True)
    raw, out = args.work / "raw", args.work / "out"
    write_dumps(rows, raw)
    subprocess.run(
        [sys.executable, "-m", "flows.cli", "run", "--raw", str(raw), "--out", str(out)],
        check=True,
        cwd=HERE.parent,
    )
    story = dict(
        duckdb.sql(
            f"select replace(source_path, '.txt', ''), story_cluster_id "
            f"from read_parquet('{out}/articles/**/*.parquet')"
        ).fetchall()
    )
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        a, b = row["pair_id"].split("_")
        if a not in story or b not in story:
            continue
        overall = float(row["Overall"])
        together = story[a] == story[b]
        scope = "same language" if row["lang1"] == row["lang2"] else "cross-language"
        for key in ("all", scope):
            if overall <= SAME_STORY:
                tally[f"{key}: same story grouped"][0] += together
                tally[f"{key}: same story grouped"][1] += 1
            elif overall >= UNRELATED:
                tally[f"{key}: unrelated kept apart"][0] += not together
                tally[f"{key}: unrelated kept apart"][1] += 1
    print(f"pairs {len(rows)}, articles {len(story)}")
    for key, (hits, total) in sorted(tally.items()):
        print(f"{key:<45} {hits / total:.3f}  ({hits}/{total})")


if __name__ == "__main__":
    main()

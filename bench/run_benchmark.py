"""Benchmark a whole run: generate N synthetic dumps, run `newsflow run`, print figures.

Prints wall time, articles/s, the time per stage (from the `runs` table) and the peak
resident memory of the run's process tree. A script, not a test: timings are reported,
never asserted.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import duckdb

HERE = Path(__file__).resolve().parent


def _pairs(groups: dict[str, list[str]]) -> set[tuple[str, str]]:
    return {(a, b) for members in groups.values() for a, b in combinations(sorted(members), 2)}


def print_dedup_accuracy(manifest_path: Path, out: Path) -> None:
    """Pairwise precision/recall of dup clusters against the generator's manifest."""
    manifest = json.loads(manifest_path.read_text("utf-8"))["files"]
    truth: dict[str, list[str]] = defaultdict(list)
    series: dict[str, list[str]] = defaultdict(list)
    for entry in manifest:
        truth[entry["copy_of"] or entry["file"]].append(entry["file"])
        if entry.get("series"):
            series[entry["series"]].append(entry["file"])
    predicted: dict[str, list[str]] = defaultdict(list)
    for source_path, cluster in duckdb.sql(
        f"select source_path, dup_cluster_id from read_parquet('{out}/articles/**/*.parquet')"
    ).fetchall():
        predicted[cluster].append(source_path)
    true_pairs, predicted_pairs = _pairs(truth), _pairs(predicted)
    hits = len(true_pairs & predicted_pairs)
    precision = hits / len(predicted_pairs) if predicted_pairs else 1.0
    recall = hits / len(true_pairs) if true_pairs else 1.0
    merged_bulletins = len(_pairs(series) & predicted_pairs)
    print(
        f"dedup vs manifest: precision {precision:.4f}  recall {recall:.4f}  "
        f"(pairs true {len(true_pairs)}, predicted {len(predicted_pairs)}); "
        f"templated bulletin pairs merged: {merged_bulletins}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=20000, help="synthetic dumps to generate")
    parser.add_argument("--work", type=Path, default=HERE / "out", help="scratch folder")
    parser.add_argument("--batch-size", type=int, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the generated data")
    args = parser.parse_args()

    raw, out = args.work / f"raw-{args.n}", args.work / f"processed-{args.n}"
    shutil.rmtree(out, ignore_errors=True)
    if not raw.is_dir():
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                str(HERE / "generate_dumps.py"),
                "--n",
                str(args.n),
                "--out",
                str(raw),
            ],
            check=True,
        )
        print(f"generated {args.n} dumps in {time.perf_counter() - started:.1f} s")
    command = [sys.executable, "-m", "flows.cli", "run", "--raw", str(raw), "--out", str(out)]
    if args.batch_size:
        command += ["--batch-size", str(args.batch_size)]
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=HERE.parent)
    wall = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    run = duckdb.sql(
        f"select n_articles, n_quarantined, n_duplicates, n_quotes, stage_seconds "
        f"from read_parquet('{out}/runs/**/*.parquet') order by started_at desc limit 1"
    ).fetchall()[0]
    n_articles = run[0]
    print(
        f"articles      {n_articles} (quarantined {run[1]}, duplicates {run[2]}, quotes {run[3]})"
    )
    print(f"wall time     {wall:.1f} s for the whole command (Prefect start-up included)")
    print(f"throughput    {n_articles / wall:.0f} articles/s")
    for stage, seconds in json.loads(run[4]).items():
        print(f"  {stage:<10} {seconds:8.1f} s")
    print(f"peak RSS      {peak_mib:.0f} MiB (largest process of the run)")
    manifest = raw.parent / f"{raw.name}.manifest.json"
    if manifest.is_file():
        print_dedup_accuracy(manifest, out)
    if not args.keep:
        shutil.rmtree(raw, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()

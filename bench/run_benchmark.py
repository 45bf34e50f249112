"""Benchmark a whole run: generate N synthetic dumps, run `newsflow run`, print figures.

Prints wall time, articles/s and, per stage, wall time, CPU seconds and peak resident
memory of the run's process tree (sampled from /proc every half second; a stage ends
where the flow logs it). `--n 100000 1000000` runs several sizes in turn. CPU seconds are
the figure to compare on a busy machine. A script, not a test: timings are reported,
never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import threading
import time
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import duckdb

HERE = Path(__file__).resolve().parent
SAMPLE_SECONDS = 0.5
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")
# the flow logs "<stage>: <seconds> s" when a stage ends
STAGE_LINE = re.compile(r" - (\w+): \d+\.\d\d s(?: \(.*\))?$")
QUIET_LINE = re.compile(r"Task run|Created task run|Submitting task|Finished in state")
# ...and Prefect logs this once its API answers and the flow starts
FLOW_START = "Beginning flow run"


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


@dataclass(slots=True)
class StageFigures:
    """What the run's process tree used while one stage was running."""

    wall: float = 0.0
    cpu: float = 0.0
    peak_rss_mib: float = 0.0  # the largest single process
    peak_tree_mib: float = 0.0  # all processes of the run together


def _tree_usage(root: int) -> tuple[float, float, float]:
    """CPU seconds (live processes plus their reaped children), largest and total RSS."""
    parent_of: dict[int, int] = {}
    stats: dict[int, list[str]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parent_of[int(entry.name)] = int(fields[1])
        stats[int(entry.name)] = fields
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        for child, parent in parent_of.items():
            if parent == pid and child not in tree:
                tree.add(child)
                frontier.append(child)
    cpu = largest = total = 0.0
    for pid in tree & stats.keys():
        fields = stats[pid]
        cpu += sum(int(v) for v in fields[11:15]) / CLOCK_TICKS
        rss = int(fields[21]) * PAGE_BYTES / 2**20
        largest, total = max(largest, rss), total + rss
    return cpu, largest, total


def run_measured(command: list[str], cwd: Path) -> tuple[float, dict[str, StageFigures]]:
    """Run the command, sampling its process tree; stages end where the flow logs `<stage>: x s`."""
    process = subprocess.Popen(
        command,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PREFECT_LOGGING_LEVEL": "INFO"},
    )
    stages: dict[str, StageFigures] = {}
    current = StageFigures()
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    started = stage_start = time.perf_counter()
    cpu_at_start = 0.0
    done = False
    while not done:
        try:
            cpu, largest, total = _tree_usage(process.pid)
        except OSError:
            cpu, largest, total = current.cpu, 0.0, 0.0
        current.cpu = max(current.cpu, cpu)
        current.peak_rss_mib = max(current.peak_rss_mib, largest)
        current.peak_tree_mib = max(current.peak_tree_mib, total)
        try:
            while (line := lines.get(timeout=SAMPLE_SECONDS)) is not None:
                if not QUIET_LINE.search(line):
                    sys.stdout.write(line)
                ended = STAGE_LINE.search(line.rstrip())
                name = "start-up" if FLOW_START in line else ended.group(1) if ended else None
                if name and name not in stages:
                    now = time.perf_counter()
                    current.wall = now - stage_start
                    cpu_total = current.cpu
                    current.cpu = cpu_total - cpu_at_start
                    stages[name] = current
                    current = StageFigures(cpu=cpu_total)
                    stage_start, cpu_at_start = now, cpu_total
            done = True
        except queue.Empty:
            continue
    process.wait()
    if process.returncode:
        raise SystemExit(f"run failed with exit code {process.returncode}")
    return time.perf_counter() - started, stages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, nargs="+", default=[20000], help="dumps to generate")
    parser.add_argument("--work", type=Path, default=HERE / "out", help="scratch folder")
    parser.add_argument("--batch-size", type=int, default=None)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the generated data")
    args = parser.parse_args()
    for n in args.n:
        benchmark(n, args.work, args.batch_size, args.workers, args.keep)


def benchmark(n: int, work: Path, batch_size: int | None, workers: int | None, keep: bool) -> None:
    """Generate (or reuse) n dumps, run the whole command on them and print its figures."""
    raw, out = work / f"raw-{n}", work / f"processed-{n}"
    shutil.rmtree(out, ignore_errors=True)
    if not raw.is_dir():
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, str(HERE / "generate_dumps.py"), "--n", str(n), "--out", str(raw)],
            check=True,
        )
        print(f"generated {n} dumps in {time.perf_counter() - started:.1f} s")
    command = [sys.executable, "-m", "flows.cli", "run", "--raw", str(raw), "--out", str(out)]
    if batch_size:
        command += ["--batch-size", str(batch_size)]
    if workers:
        command += ["--workers", str(workers)]
    wall, stages = run_measured(command, HERE.parent)
    run = duckdb.sql(
        f"select n_articles, n_quarantined, n_duplicates, n_quotes "
        f"from read_parquet('{out}/runs/**/*.parquet') order by started_at desc limit 1"
    ).fetchall()[0]
    n_articles = run[0]
    print(f"== N = {n}")
    print(
        f"articles      {n_articles} (quarantined {run[1]}, duplicates {run[2]}, quotes {run[3]})"
    )
    print(f"wall time     {wall:.1f} s for the whole command (Prefect start-up included)")
    print(f"throughput    {n_articles / wall:.0f} articles/s end to end")
    in_flow = sum(f.wall for f in stages.values())
    print(f"              {n_articles / in_flow:.0f} articles/s inside the flow ({in_flow:.1f} s)")
    print(f"  {'stage':<10} {'wall s':>8} {'cpu s':>8} {'peak RSS MiB':>13} {'tree MiB':>9}")
    for stage, f in stages.items():
        print(
            f"  {stage:<10} {f.wall:8.1f} {f.cpu:8.1f} {f.peak_rss_mib:13.0f} "
            f"{f.peak_tree_mib:9.0f}"
        )
    peak = max((f.peak_rss_mib for f in stages.values()), default=0.0)
    print(f"peak RSS      {peak:.0f} MiB (largest process of the run)")
    manifest = raw.parent / f"{raw.name}.manifest.json"
    if manifest.is_file():
        print_dedup_accuracy(manifest, out)
    if not keep:
        shutil.rmtree(raw, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()

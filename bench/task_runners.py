"""Compare where the batches run: newsflow's own pool of spawned worker processes (the
default, `flows/pipeline.py:worker_pool`) against Prefect's `ProcessPoolTaskRunner`.

Each variant runs the flow once, in a fresh Python process, on the same N synthetic dumps
into an empty output folder; the script prints the flow's wall time and the CPU seconds of
that process and its children. A script, not a test: timings are reported, never asserted.

    python bench/task_runners.py --n 2000 --workers 2
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

FLOW_RUN = """
import sys, time
from flows.pipeline import newsflow_pipeline
from flows.prefect_setup import prefect_for_run
variant, raw, out, workers = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
flow = newsflow_pipeline
if variant == "prefect-process-pool":
    from prefect.task_runners import ProcessPoolTaskRunner
    flow = newsflow_pipeline.with_options(task_runner=ProcessPoolTaskRunner(max_workers=workers))
with prefect_for_run():
    started = time.perf_counter()
    summary = flow(raw_dir=raw, out_dir=out, workers=workers)
    print(f"{time.perf_counter() - started:.2f} {summary.n_articles}")
"""

VARIANTS = ("own-pool", "prefect-process-pool")


def run_variant(variant: str, raw: Path, out: Path, workers: int) -> tuple[float, float, int]:
    """(flow wall seconds, CPU seconds of the process tree, articles) for one variant."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [sys.executable, "-c", FLOW_RUN, variant, str(raw), str(out), str(workers)],
        cwd=HERE.parent,
        check=True,
        capture_output=True,
        text=True,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    wall, articles = done.stdout.strip().splitlines()[-1].split()
    return float(wall), cpu, int(articles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="synthetic dumps")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2, help="alternating runs per variant")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        raw = Path(work) / "dumps"
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
            capture_output=True,
        )
        print(
            f"{args.n} dumps, {args.workers} workers; load {Path('/proc/loadavg').read_text()[:14]}"
        )
        print("| variant | round | flow wall s | CPU s (whole tree) | articles/s |")
        print("|---|---|---|---|---|")
        for round_no in range(1, args.rounds + 1):
            for variant in VARIANTS:
                out = Path(work) / f"out-{variant}-{round_no}"
                started = time.perf_counter()
                wall, cpu, articles = run_variant(variant, raw, out, args.workers)
                print(
                    f"| {variant} | {round_no} | {wall:.1f} | {cpu:.1f} | {articles / wall:.0f} |"
                    f"  (process {time.perf_counter() - started:.1f} s)",
                    flush=True,
                )


if __name__ == "__main__":
    main()

"""`newsflow` console script: run the pipeline flow with no server to start by hand."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

import flows  # noqa: F401  (sets Prefect's defaults before Prefect is imported)

if TYPE_CHECKING:
    from flows.pipeline import RunSummary


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsflow", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="process new raw dumps into the output tables")
    run.add_argument("--raw", help="folder of raw dumps (default data/raw)")
    run.add_argument("--out", help="output folder (default data/processed)")
    run.add_argument("--batch-size", type=int, help="articles per batch task")
    run.add_argument("--workers", type=int, help="worker processes (default: all cores)")
    report = commands.add_parser("report", help="write the HTML report of an output folder")
    report.add_argument("--out", help="output folder (default data/processed)")
    report.add_argument("--html", help="HTML file to write (default <out>/report.html)")
    return parser


def format_summary(s: RunSummary) -> str:
    return (
        f"newsflow run {s.run_id}: {s.status}\n"
        f"  inputs       {s.n_inputs} ({s.n_skipped} already processed, skipped)\n"
        f"  articles     {s.n_articles}\n"
        f"  quarantined  {s.n_quarantined}\n"
        f"  duplicates   {s.n_duplicates}\n"
        f"  quotes       {s.n_quotes}\n"
        f"  wall time    {s.seconds:.1f} s  (stages: "
        + ", ".join(f"{k} {v:.1f}s" for k, v in s.stage_seconds.items())
        + f")\n  output       {s.out_dir}"
    )


def write_report_command(out_dir: str | None, html_path: str | None) -> int:
    """No Prefect here: the report only reads the output's catalog."""
    from tasks.report import write_report
    from tasks.settings import load_settings

    try:
        path = write_report(out_dir or load_settings().out_dir, html_path)
    except Exception as error:
        print(f"newsflow: report failed: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    print(f"newsflow report: {path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "report":
        return write_report_command(args.out, args.html)
    from flows.pipeline import newsflow_pipeline

    try:
        summary = newsflow_pipeline(
            raw_dir=args.raw, out_dir=args.out, batch_size=args.batch_size, workers=args.workers
        )
    except Exception as error:  # one line for the operator; the traceback is in Prefect's log
        print(f"newsflow: run failed: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    print(format_summary(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())

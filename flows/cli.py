"""`newsflow` console script: run the pipeline flow with no server to start by hand."""

from __future__ import annotations

import argparse
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

import flows  # noqa: F401  (sets Prefect's defaults before Prefect is imported)

if TYPE_CHECKING:
    from flows.pipeline import RunSummary


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsflow", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="process new raw dumps into the output tables")
    _add_folder_options(run)
    run.add_argument(
        "--runner",
        choices=("local", "dask"),
        default="local",
        help="where batch tasks run: local processes (default) or a Dask cluster",
    )
    run.add_argument(
        "--dask-address",
        help="Dask scheduler, e.g. tcp://HOST:8786 (default: a LocalCluster of --workers)",
    )
    serve = commands.add_parser(
        "serve", help="run the flow on a cron schedule with Prefect's scheduler"
    )
    serve.add_argument("--cron", required=True, help='schedule, e.g. "0 * * * *" (hourly)')
    _add_folder_options(serve)
    report = commands.add_parser("report", help="write the HTML report of an output folder")
    report.add_argument("--out", help="output folder (default data/processed)")
    report.add_argument("--html", help="HTML file to write (default <out>/report.html)")
    return parser


def _add_folder_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--raw", help="folder of raw dumps (default data/raw)")
    command.add_argument("--out", help="output folder (default data/processed)")
    command.add_argument("--batch-size", type=int, help="articles per batch task")
    command.add_argument("--workers", type=int, help="worker processes (default: all cores)")


def _absolute(folder: str | None) -> str | None:
    if folder is None or "://" in folder:
        return folder
    return str(Path(folder).resolve())


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
    if args.command == "serve":
        from flows.serve import serve_pipeline

        # scheduled runs start in other processes: folders must not depend on this one's cwd
        folders = {
            "raw_dir": _absolute(args.raw),
            "out_dir": _absolute(args.out),
        }
        serve_pipeline(
            args.cron, {**folders, "batch_size": args.batch_size, "workers": args.workers}
        )
        return 0
    from flows.pipeline import newsflow_pipeline
    from flows.runners import prefect_api_server, task_runner_for
    from tasks.settings import load_settings

    try:
        workers = load_settings(workers=args.workers).workers
        task_runner = task_runner_for(args.runner, args.dask_address, workers)
        pipeline = newsflow_pipeline.with_options(task_runner=task_runner) if task_runner else None
        with prefect_api_server() if pipeline is not None else nullcontext():
            summary = (pipeline or newsflow_pipeline)(
                raw_dir=args.raw,
                out_dir=args.out,
                batch_size=args.batch_size,
                workers=args.workers,
            )
    except Exception as error:  # one line for the operator; the traceback is in Prefect's log
        print(f"newsflow: run failed: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    print(format_summary(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())

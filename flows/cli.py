"""`newsflow` console script: run the pipeline flow with no server to start by hand.

Arguments are checked before Prefect starts: a bad invocation exits 2 with one line and
creates nothing. Known failures (a held lock, bad settings) print one line; `--debug`
adds the traceback.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from contextlib import nullcontext
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flows.pipeline import RunSummary
    from tasks.settings import Settings

USAGE_ERROR = 2
RUN_FAILED = 1


class InvocationError(ValueError):
    """A command the user can correct before anything starts (exit 2, one line)."""


def _version() -> str:
    try:
        return version("newsflow")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown"


def _parser() -> argparse.ArgumentParser:
    return _parsers()[0]


def _parsers() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The command line, and each command's own parser (for its usage on an error)."""
    parser = argparse.ArgumentParser(prog="newsflow", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"newsflow {_version()}")
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
    report.add_argument("--out", help="output folder (default ./data/processed)")
    report.add_argument("--html", help="HTML file to write (default <out>/report.html)")
    catalog = commands.add_parser(
        "catalog", help="rebuild newsflow.duckdb for the folder where the output now lies"
    )
    catalog.add_argument("--out", help="output folder (default ./data/processed)")
    for command in (report, catalog):
        command.add_argument("--debug", action="store_true", help="print tracebacks")
    return parser, {"run": run, "serve": serve, "report": report, "catalog": catalog}


def _add_folder_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--raw", help="folder of raw dumps (default ./data/raw)")
    command.add_argument("--out", help="output folder (default ./data/processed)")
    command.add_argument("--batch-size", type=int, help="articles per batch task")
    command.add_argument("--workers", type=int, help="worker processes (default: all cores)")
    command.add_argument("--debug", action="store_true", help="print tracebacks")


def _parse(argv: list[str] | None) -> argparse.Namespace:
    """Parse; unknown flags are reported with the usage of the command they were given to."""
    parser, commands = _parsers()
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        commands[args.command].error(f"unrecognized arguments: {' '.join(unknown)}")
    return args


def checked_settings(args: argparse.Namespace) -> Settings:
    """The run's settings, with its folders checked: raises InvocationError naming the
    problem, before anything is created."""
    from flows.runners import UnsupportedFolder, local_folder
    from tasks.settings import SettingsError, load_settings

    try:
        settings = load_settings(
            raw_dir=args.raw, out_dir=args.out, batch_size=args.batch_size, workers=args.workers
        )
        raw = Path(local_folder(settings.raw_dir)).resolve()
        out = Path(local_folder(settings.out_dir)).resolve()
    except (SettingsError, UnsupportedFolder) as error:
        raise InvocationError(str(error)) from error
    if not raw.is_dir():
        raise InvocationError(f"raw folder {raw} does not exist or is not a folder")
    try:
        next(raw.iterdir(), None)
    except OSError as error:
        raise InvocationError(f"raw folder {raw} cannot be read: {error.strerror}") from error
    if out == raw or raw in out.parents:
        raise InvocationError(f"output folder {out} is inside the raw folder {raw}")
    if out in raw.parents:
        raise InvocationError(f"raw folder {raw} is inside the output folder {out}")
    if out.exists() and not out.is_dir():
        raise InvocationError(f"output folder {out} is a file")
    if settings.batch_size < 1 or settings.workers < 1:
        raise InvocationError("--batch-size and --workers must be at least 1")
    return settings


def _check_cron(cron: str) -> None:
    from prefect.client.schemas.schedules import CronSchedule
    from pydantic import ValidationError

    try:
        CronSchedule(cron=cron)
    except ValidationError as error:
        raise InvocationError(f"invalid cron schedule {cron!r}") from error


def format_summary(s: RunSummary, wall_seconds: float) -> str:
    """The run's counts; the wall time is the command's own, Prefect's start-up included."""
    return (
        f"newsflow run {s.run_id}: {s.status}\n"
        f"  inputs       {s.n_inputs} ({s.n_skipped} already processed, skipped)\n"
        f"  articles     {s.n_articles}\n"
        f"  quarantined  {s.n_quarantined}\n"
        f"  duplicates   {s.n_duplicates}\n"
        f"  quotes       {s.n_quotes}\n"
        f"  wall time    {wall_seconds:.1f} s  (start-up {wall_seconds - s.seconds:.1f}s, "
        + ", ".join(f"{k} {v:.1f}s" for k, v in s.stage_seconds.items())
        + f")\n  output       {s.out_dir}"
    )


def _run(args: argparse.Namespace, started: float) -> int:
    settings = checked_settings(args)
    from tasks.write import refuse_if_locked

    refuse_if_locked(settings.out_dir)
    from flows.pipeline import newsflow_pipeline
    from flows.prefect_setup import prefect_for_run
    from flows.runners import prefect_api_server, task_runner_for

    task_runner = task_runner_for(args.runner, args.dask_address, settings.workers)
    pipeline = newsflow_pipeline.with_options(task_runner=task_runner) if task_runner else None
    with prefect_for_run(), prefect_api_server() if pipeline is not None else nullcontext():
        summary = (pipeline or newsflow_pipeline)(
            raw_dir=settings.raw_dir,
            out_dir=settings.out_dir,
            batch_size=settings.batch_size,
            workers=settings.workers,
        )
    print(format_summary(summary, time.perf_counter() - started))
    return 0


def _serve(args: argparse.Namespace) -> int:
    settings = checked_settings(args)
    _check_cron(args.cron)
    from flows.serve import serve_pipeline

    # scheduled runs start in other processes: folders are absolute, never the cwd's
    serve_pipeline(
        args.cron,
        {
            "raw_dir": settings.raw_dir,
            "out_dir": settings.out_dir,
            "batch_size": args.batch_size,
            "workers": args.workers,
        },
    )
    return 0


def _report(args: argparse.Namespace) -> int:
    """No Prefect here: the report only reads the output's catalog."""
    from tasks.report import write_report
    from tasks.settings import load_settings

    path = write_report(load_settings(out_dir=args.out).out_dir, args.html)
    print(f"newsflow report: {path}")
    return 0


def _catalog(args: argparse.Namespace) -> int:
    """Rebuild the views for the folder's present place (after a move or a copy)."""
    from tasks.settings import load_settings
    from tasks.write import build_catalog, current_version

    out = load_settings(out_dir=args.out).out_dir
    if current_version(out) is None:
        raise InvocationError(f"{out} holds no newsflow output (no committed version)")
    print(f"newsflow catalog: {build_catalog(out)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    args = _parse(argv)
    commands = {"run": lambda: _run(args, started), "serve": lambda: _serve(args)}
    commands |= {"report": lambda: _report(args), "catalog": lambda: _catalog(args)}
    try:
        return commands[args.command]()
    except InvocationError as error:
        print(f"newsflow {args.command}: {error}", file=sys.stderr)
        return USAGE_ERROR
    except KeyboardInterrupt:
        print(f"newsflow {args.command}: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # one line for the operator; --debug for the traceback
        if args.debug:
            traceback.print_exc()
        print(f"newsflow {args.command}: failed: {type(error).__name__}: {error}", file=sys.stderr)
        return RUN_FAILED


if __name__ == "__main__":
    sys.exit(main())

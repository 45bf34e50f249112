"""The newsflow run: raw dumps in, a new committed version of the Parquet tables out.

discover -> plan (skip what is done) -> per batch: ingest, clean, metadata, segment,
quotes, sketch, stage -> corpus: dedup and stories -> commit version -> DuckDB catalog.
Only orchestration lives here; every step calls a plain function from `tasks/`.
"""

from __future__ import annotations

import re
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from functools import partial
from multiprocessing import get_context
from pathlib import Path
from typing import TypeVar

import pyarrow as pa
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner

from flows.progress import batch_progress
from flows.runners import local_folder
from tasks import tables
from tasks.batch import StagedBatch, count_batch_site_lines, process_input_batch
from tasks.corpus import cluster_by_settings, count_copies
from tasks.ingest import InputFile, discover_inputs, plan_inputs
from tasks.settings import Settings, duckdb_config, load_settings
from tasks.site_lines import learn_site_lines
from tasks.write import (
    DUCKDB_SPILL_DIR,
    SITE_LINE_ROWS_DIR,
    SITE_LINES_STAGED_DIR,
    STATE,
    CommitPlan,
    article_ids_of_sources,
    build_catalog,
    check_schema_version,
    commit_version,
    current_version,
    discard_staging,
    hold_at,
    inputs_state_after,
    output_lock,
    params_json,
    parquet_files,
    quarantine_table,
    read_state,
    runs_row,
    stage_batch,
    staged_article_ids,
    staging_dir,
)


@dataclass(slots=True)
class RunSummary:
    run_id: str
    status: str
    n_inputs: int
    n_skipped: int
    n_articles: int
    n_quarantined: int
    n_duplicates: int
    n_quotes: int
    seconds: float
    stage_seconds: dict[str, float] = field(default_factory=dict)
    out_dir: str = ""


def workers_for(n_inputs: int, settings: Settings) -> int:
    """Worker processes worth starting: each costs a second or two of imports."""
    return max(1, min(settings.workers, n_inputs // settings.min_inputs_per_worker))


def split_batches(items: list[InputFile], batch_size: int, workers: int) -> list[list[InputFile]]:
    """Batches of at most `batch_size`, and at least one per worker so no core idles."""
    size = max(1, min(batch_size, -(-len(items) // max(1, workers))))
    return [items[i : i + size] for i in range(0, len(items), size)]


@contextmanager
def worker_pool(workers: int) -> Iterator[Executor | None]:
    """Processes for the per-article stages (the GIL keeps threads on one core).

    Workers are spawned, so they import only `tasks/` and never start a Prefect server.
    """
    if workers <= 1:
        yield None
        return
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
        yield pool


@task(name="count-site-lines", cache_policy=NO_CACHE, retries=1, retry_delay_seconds=2)
def count_site_lines(
    batch: list[InputFile], settings: Settings, pool: Executor | None, rows_dir: str
) -> int:
    """Pass 1 for one batch: which short lines each article of each site prints."""
    if pool is None:
        return count_batch_site_lines(batch, settings, rows_dir)
    return pool.submit(count_batch_site_lines, batch, settings, rows_dir).result()


@task(name="process-batch", cache_policy=NO_CACHE, retries=1, retry_delay_seconds=2)
def process_batch(
    batch: list[InputFile],
    staged: str,
    run_id: str,
    settings: Settings,
    pool: Executor | None,
    site_frequent: dict[str, frozenset[str]] | None = None,
) -> StagedBatch:
    """Per-article stages for one batch, staged as Parquet (only counts travel back)."""
    if pool is None:
        return process_input_batch(batch, staged, run_id, settings, site_frequent)
    return pool.submit(process_input_batch, batch, staged, run_id, settings, site_frequent).result()


T = TypeVar("T")


def run_apart(job: Callable[[], T]) -> T:
    """Run a memory-heavy corpus stage in a spawned process of its own: its peak then does
    not add to the flow process's, which holds every discovered input (690 MiB at 1M)."""
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        return pool.submit(job).result()


@task(name="cluster-articles", cache_policy=NO_CACHE)
def cluster_corpus(
    previous: str | None, staged: str, dropped: list[str], settings: Settings, apart: bool
) -> pa.Table:
    """Dedup and story clusters over every article kept so far (old and new)."""
    old = Path(previous) if previous else None
    job = partial(
        cluster_by_settings,
        settings,
        parquet_files(old / "articles" if old else None) + parquet_files(Path(staged) / "articles"),
        parquet_files(old / "_sketches" if old else None)
        + parquet_files(Path(staged) / "_sketches"),
        dropped,
        temp_dir=str(Path(staged) / DUCKDB_SPILL_DIR),
    )
    return run_apart(job) if apart else job()


@flow(name="newsflow", log_prints=True)
def newsflow_pipeline(
    raw_dir: str | None = None,
    out_dir: str | None = None,
    batch_size: int | None = None,
    workers: int | None = None,
) -> RunSummary:
    """Process new and changed dumps under `raw_dir` into a new version of `out_dir`."""
    settings = load_settings(
        raw_dir=raw_dir, out_dir=out_dir, batch_size=batch_size, workers=workers
    )
    settings = replace(
        settings, raw_dir=local_folder(settings.raw_dir), out_dir=local_folder(settings.out_dir)
    )
    # under the default runner batches go to our process pool; a Dask runner spreads them
    context = FlowRunContext.get()
    runs_locally = context is None or isinstance(context.task_runner, ThreadPoolTaskRunner)
    logger = get_run_logger()
    started = datetime.now(UTC)
    clock = time.perf_counter()
    run_id = started.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]
    stage_seconds: dict[str, float] = {}
    stage_counts: dict[str, dict[str, int]] = {}

    def lap(stage: str, since: float, **counts: int) -> float:
        now = time.perf_counter()
        stage_seconds[stage] = round(now - since, 3)
        stage_counts[stage] = counts
        done = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in counts.items())
        logger.info("%s: %.2f s%s", stage, now - since, f" ({done})" if done else "")
        return now

    out = str(Path(settings.out_dir).resolve())
    with output_lock(out, run_id, settings.lock_wait_seconds) as taken_over:
        if taken_over:
            logger.warning(taken_over)
        migration = check_schema_version(out)
        if migration:
            logger.warning(migration)
        discard_staging(out)
        previous = current_version(out)
        t = time.perf_counter()
        inputs, found_problems = discover_inputs(settings.raw_dir)
        state = read_state(previous, "_state/inputs", tables.INPUTS_STATE)
        seen = dict(
            zip(state["source_path"].to_pylist(), state["input_hash"].to_pylist(), strict=True)
        )
        plan = plan_inputs(inputs, seen, found_problems)
        problems = plan.problems
        dropped = article_ids_of_sources(previous, plan.changed_sources)
        workers = workers_for(len(plan.todo), settings) if runs_locally else settings.workers
        batches = split_batches(plan.todo, settings.batch_size, workers)
        t = lap(
            "discover",
            t,
            inputs=len(inputs),
            to_process=len(plan.todo),
            skipped=len(plan.skipped),
            quarantined=len(problems),
            batches=len(batches),
        )
        staged_dir = staging_dir(out, run_id)
        staged_dir.mkdir(parents=True)
        with (
            worker_pool(workers if runs_locally else 1) as pool,
            batch_progress(len(plan.todo)) as advance,
        ):
            rows_dir = staged_dir / SITE_LINE_ROWS_DIR
            counted = [count_site_lines.submit(b, settings, pool, str(rows_dir)) for b in batches]
            site_lines = staged_dir / SITE_LINES_STAGED_DIR
            site_frequent = learn_site_lines(
                previous / STATE if previous else None,
                parquet_files(rows_dir) if sum(f.result() for f in counted) else [],
                site_lines,
                settings.site_line_min_articles,
                settings.site_line_min_share,
                duckdb_config(str(staged_dir / DUCKDB_SPILL_DIR)),
            )
            t = lap("site_lines", t)
            futures = [
                process_batch.submit(b, str(staged_dir), run_id, settings, pool, site_frequent)
                for b in batches
            ]
            sizes = {id(f): len(b) for f, b in zip(futures, batches, strict=True)}
            for future in as_completed(futures):
                advance(sizes[id(future)], future.result().n_articles)
            staged = [f.result() for f in futures]
        stage_batch(staged_dir, "discover", {}, quarantine_table(problems, run_id))
        n_articles = sum(s.n_articles for s in staged)
        n_quarantined = sum(s.n_quarantined for s in staged) + len(problems)
        t = lap(
            "batches",
            t,
            articles=n_articles,
            quarantined=n_quarantined - len(problems),
            quotes=sum(s.n_quotes for s in staged),
        )
        hold_at("staged")
        # with no article in or out, clusters stand and the articles are carried as they are
        assignments: pa.Table | None = None
        n_duplicates = 0
        if n_articles or dropped:
            assignments = cluster_corpus.submit(
                str(previous) if previous else None,
                str(staged_dir),
                dropped,
                settings,
                apart=runs_locally and workers > 1,
            ).result()
            n_duplicates = count_copies(assignments, staged_article_ids(staged_dir))
        t = lap(
            "cluster",
            t,
            articles_clustered=assignments.num_rows if assignments is not None else 0,
            duplicates=n_duplicates,
        )
        summary = RunSummary(
            run_id=run_id,
            status="completed",
            n_inputs=len(inputs) + len(found_problems),
            n_skipped=len(plan.skipped) + len(plan.skipped_problems),
            n_articles=n_articles,
            n_quarantined=n_quarantined,
            n_duplicates=n_duplicates,
            n_quotes=sum(s.n_quotes for s in staged),
            seconds=0.0,
            stage_seconds=stage_seconds,
            out_dir=out,
        )
        commit_version(
            out,
            previous,
            staged_dir,
            CommitPlan(
                run_id=run_id,
                dropped_article_ids=dropped,
                reprocessed_sources=[i.source_path for i in plan.todo]
                + [p.source_path for p in problems],
                inputs_state=inputs_state_after(state, run_id, plan.todo, problems),
                runs_row=runs_row(
                    run_id,
                    started,
                    summary.status,
                    {k: v for k, v in asdict(summary).items() if k.startswith("n_")},
                    params_json(asdict(settings)),
                    stage_seconds,
                ),
                assignments=assignments,
                site_lines=site_lines,
                compact_max_parts=settings.compact_max_parts,
            ),
        )
        hold_at("committed")
        build_catalog(out)
        discard_staging(out)
        lap("commit", t, articles_committed=n_articles)
    summary.seconds = round(time.perf_counter() - clock, 3)
    _publish_artifact(
        summary,
        stage_counts,
        [r for s in staged for r in s.quarantine_reasons]
        + [f"discover: {p.error}" for p in problems],
    )
    return summary


TOP_QUARANTINE_REASONS = 10
_DIGITS = re.compile(r"\d+")


def reason_kind(reason: str) -> str:
    """A quarantine reason without its particulars ("ingest: malformed JSON line: Expecting
    ',' ..." -> "ingest: malformed JSON line"), so equal causes are counted together."""
    stage, _, error = reason.partition(": ")
    head = error.split(": ", 1)[0] if error else stage
    return _DIGITS.sub("N", f"{stage}: {head}" if error else head)


def _publish_artifact(
    summary: RunSummary, stage_counts: dict[str, dict[str, int]], reasons: list[str]
) -> None:
    """Counts per stage and the top quarantine reasons, shown in the Prefect UI."""
    rows = [
        {"measure": k, "value": v}
        for k, v in asdict(summary).items()
        if isinstance(v, int | float) and not isinstance(v, bool)
    ]
    rows += [{"measure": f"seconds.{k}", "value": v} for k, v in summary.stage_seconds.items()]
    rows += [
        {"measure": f"{stage}.{what}", "value": n}
        for stage, counts in stage_counts.items()
        for what, n in counts.items()
    ]
    kinds = Counter(reason_kind(r) for r in reasons)
    rows += [
        {"measure": f"quarantine: {kind}", "value": n}
        for kind, n in kinds.most_common(TOP_QUARANTINE_REASONS)
    ]
    create_table_artifact(key="newsflow-run", table=rows, description=f"run {summary.run_id}")

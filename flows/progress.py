"""A progress line on the terminal for long runs: inputs done / total, articles, rate.

Batches report when they finish, so the line moves one batch at a time; it is drawn only
when standard error is a terminal (logs and CI output stay clean).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

Advance = Callable[[int, int], None]  # (inputs done in a batch, articles they gave)


@contextmanager
def batch_progress(total_inputs: int, enabled: bool | None = None) -> Iterator[Advance]:
    """Yields `advance(n_inputs, n_articles)`, to call as each batch finishes."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled or total_inputs == 0:
        yield lambda _inputs, _articles: None
        return
    columns = (
        TextColumn("[bold]batches"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("inputs"),
        TaskProgressColumn(),
        TextColumn("{task.fields[articles]} articles, {task.fields[rate]} inputs/s"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=False) as progress:
        task = progress.add_task("batches", total=total_inputs, articles=0, rate="-")
        articles = 0

        def advance(n_inputs: int, n_articles: int) -> None:
            nonlocal articles
            articles += n_articles
            progress.advance(task, n_inputs)
            elapsed = progress.tasks[task].elapsed or 0.0
            done = progress.tasks[task].completed
            rate = f"{done / elapsed:.1f}" if elapsed > 0 else "-"
            progress.update(task, articles=articles, rate=rate)

        yield advance

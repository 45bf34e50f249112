"""Which Prefect API a run reports to: the user's own, else Prefect's temporary server.

newsflow never overrides a Prefect setting the user made, in the environment or in the
active profile (`prefect config set ...`). When no API URL is configured anywhere, a
command-line run falls back to Prefect's temporary local server, and only on that path are
the settings below applied, each one only when the user left it unset.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress

TEMPORARY_SERVER_SETTINGS: dict[str, object] = {
    # a command-line run needs no server of its own started by hand
    "PREFECT_SERVER_EPHEMERAL_ENABLED": True,
    # the temporary API server took 15-40 s to answer on a cold 2-core machine
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": 180,
    "PREFECT_SERVER_ANALYTICS_ENABLED": False,
    # the tables are the results; Prefect's own result files would only pile up
    "PREFECT_RESULTS_PERSIST_BY_DEFAULT": False,
}
# nobody reads a temporary server's log: its per-task lines would bury the run's summary
TEMPORARY_SERVER_LOG_LEVEL = logging.WARNING


def user_prefect_settings() -> set[str]:
    """Names of the Prefect settings the user set: environment, then active profile."""
    from prefect.settings.profiles import load_current_profile

    names = {name for name in os.environ if name.startswith("PREFECT_")}
    # an unreadable profile is Prefect's to report, not ours
    with suppress(Exception):
        names |= {setting.name for setting in load_current_profile().settings}
    return names


def configured_api_url() -> str | None:
    """The Prefect API URL the user configured (environment, profile, prefect.toml)."""
    from prefect.settings import get_current_settings

    url = get_current_settings().api.url
    return str(url) if url else None


@contextmanager
def prefect_for_run() -> Iterator[str | None]:
    """Within the block, flows report to the user's API (its URL is yielded) or, when none
    is configured, to Prefect's temporary server (None is yielded)."""
    url = configured_api_url()
    if url:
        yield url
        return
    import prefect.settings
    from prefect.settings import temporary_settings

    user = user_prefect_settings()
    updates = {
        getattr(prefect.settings, name): value
        for name, value in TEMPORARY_SERVER_SETTINGS.items()
        if name not in user
    }
    quiet = "PREFECT_LOGGING_LEVEL" not in user
    loggers = [
        logging.getLogger(name) for name in ("prefect", "prefect.flow_runs", "prefect.task_runs")
    ]
    levels = [logger.level for logger in loggers]
    if quiet:
        for logger in loggers:
            logger.setLevel(TEMPORARY_SERVER_LOG_LEVEL)
    try:
        with temporary_settings(updates=updates):
            yield None
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)

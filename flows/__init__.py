"""Prefect flows that orchestrate newsflow's stages (the work itself lives in `tasks/`).

Prefect reads its settings at import, so the defaults for a run with no server to start
by hand are set here, before any flow module imports Prefect. Each can be overridden
from the environment (PREFECT_API_URL points runs at a real server and its UI).
"""

import os
from pathlib import Path

_PROJECT_ROOT = Path(__file__).resolve().parents[1]

for _name, _value in {
    # keep Prefect's database in the project so later runs start warm
    "PREFECT_HOME": str(_PROJECT_ROOT / ".prefect"),
    # the temporary API server took 15-40 s to answer on a cold 2-core machine
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
}.items():
    os.environ.setdefault(_name, _value)

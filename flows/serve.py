"""`newsflow serve`: the flow on a cron schedule, run by Prefect's scheduler.

Schedules live in a Prefect server (the temporary one cannot schedule), so serving uses
the configured Prefect API (environment or profile) when there is one, else starts
`prefect server start` on localhost for as long as it serves (UI at the printed address).
Each scheduled run is an ordinary incremental run: only new or changed inputs are processed.
"""

from __future__ import annotations

from typing import Any

from flows.runners import prefect_api_server

DEPLOYMENT_NAME = "newsflow-scheduled"
UI_PORT = 4200  # Prefect's usual port, when free


def serve_pipeline(cron: str, parameters: dict[str, Any]) -> None:
    """Serve the pipeline on `cron` until interrupted (Ctrl-C)."""
    from flows.pipeline import newsflow_pipeline

    with prefect_api_server(port=UI_PORT) as api_url:
        ui = api_url.removesuffix("/api")
        print(f"newsflow: serving on schedule {cron!r}; runs and artifacts at {ui}", flush=True)
        newsflow_pipeline.serve(
            name=DEPLOYMENT_NAME,
            cron=cron,
            parameters={k: v for k, v in parameters.items() if v is not None},
            description="Incremental newsflow runs: new and changed inputs only.",
        )

"""Where the flow's tasks run, and the Prefect API server that runners beyond one process need.

- `local` (default): Prefect's thread pool in the flow's process; batches go to a pool of
  spawned worker processes (flows/pipeline.py). Needs nothing, not even a server: Prefect
  starts a temporary one.
- `dask`: every batch task runs on a Dask cluster through prefect-dask, a LocalCluster
  when no scheduler address is given. Tasks on Dask workers report to the Prefect API
  the flow uses; with the temporary API server each worker process started a server of
  its own on the one SQLite file, so a Dask run gets a real `prefect server start`
  (started here on a free localhost port when no API URL is configured, stopped after).

Input and output folders are local paths or `file://` URLs: the output commit relies on
POSIX renames, hard links and symbolic links, which object stores (s3://, gs://) lack,
so a cluster shares its folders through a mount (NFS, a cluster file system) instead.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

RUNNERS = ("local", "dask")
SERVER_START_TIMEOUT_SECONDS = 180.0


class UnsupportedFolder(ValueError):
    """A folder URL whose file system cannot hold newsflow's output or inputs."""


def local_folder(folder: str) -> str:
    """A local path for a folder given as a path or an fsspec URL of the local file system."""
    if "://" not in folder:
        return folder
    from fsspec.core import url_to_fs
    from fsspec.utils import get_protocol

    if get_protocol(folder) not in ("file", "local"):
        raise UnsupportedFolder(
            f"{folder}: only local folders and file:// URLs are supported (the commit needs "
            "POSIX renames and links); mount shared storage and give its path"
        )
    return str(url_to_fs(folder)[1])


def task_runner_for(runner: str, dask_address: str | None, workers: int) -> Any:
    """The Prefect task runner for `runner`, or None for the flow's default (local)."""
    if runner == "local":
        return None
    if runner != "dask":
        raise ValueError(f"unknown runner {runner!r}; one of {', '.join(RUNNERS)}")
    # Dask's per-worker start and stop messages would bury the run's own log
    os.environ.setdefault("DASK_DISTRIBUTED__LOGGING__DISTRIBUTED", "warning")
    from prefect_dask import DaskTaskRunner

    if dask_address:
        return DaskTaskRunner(address=dask_address)
    # one single-threaded worker process per core: batches are CPU-bound Python
    return DaskTaskRunner(cluster_kwargs={"n_workers": max(1, workers), "threads_per_worker": 1})


def _free_port(preferred: int | None = None) -> int:
    """`preferred` when nothing listens on it, else any free port."""
    for port in (preferred, 0) if preferred else (0,):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return int(probe.getsockname()[1])
    raise RuntimeError("no free localhost port")


def _healthy(api_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=2) as response:
            return bool(response.status == 200)
    except OSError:
        return False


def _stop(server: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the server's own process group, SIGKILL if it lingers."""
    for sig, wait in ((signal.SIGTERM, 30.0), (signal.SIGKILL, 10.0)):
        try:
            os.killpg(server.pid, sig)
        except ProcessLookupError:
            return
        try:
            server.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


@contextmanager
def prefect_api_server(log_path: str | None = None, port: int | None = None) -> Iterator[str]:
    """The configured Prefect API (environment or profile); else a `prefect server start`
    of our own for the block.

    It listens on localhost, on `port` when free, else on any free port. Its output goes
    to `log_path` (a temporary file by default); it is stopped when the block ends,
    whatever happened inside.
    """
    from flows.prefect_setup import configured_api_url

    configured = configured_api_url()
    if configured:
        yield configured
        return
    from prefect.settings import PREFECT_API_URL, temporary_settings

    port = _free_port(port)
    api_url = f"http://127.0.0.1:{port}/api"
    log = open(log_path or tempfile.mktemp(prefix="newsflow-prefect-server-"), "ab")  # noqa: SIM115
    command = [sys.executable, "-m", "prefect", "server", "start"]
    server = subprocess.Popen(
        [*command, "--host", "127.0.0.1", "--port", str(port), "--analytics-off"],
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: stopped with its children
    )
    answered = False
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT_SECONDS
        while not _healthy(api_url):
            if server.poll() is not None:
                raise RuntimeError(f"prefect server exited early (log: {log.name})")
            if time.monotonic() > deadline:
                raise RuntimeError(f"prefect server did not answer in time (log: {log.name})")
            time.sleep(0.5)
        answered = True
        os.environ["PREFECT_API_URL"] = api_url  # Dask worker processes inherit it
        with temporary_settings(updates={PREFECT_API_URL: api_url}):
            yield api_url
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        _stop(server)
        log.close()
        if answered and log_path is None:
            os.remove(log.name)  # kept only when the server failed to start

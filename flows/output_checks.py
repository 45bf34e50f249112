"""Checks on the output folder made before Prefect starts, so a refused run costs no start-up."""

from __future__ import annotations

import fcntl
from pathlib import Path

from tasks.write import LOCK, OutputLocked


def refuse_if_locked(out_dir: str) -> None:
    """Raise OutputLocked (one line) when another run holds the folder; creates nothing."""
    lock = Path(out_dir) / LOCK
    if not lock.is_file():
        return
    with open(lock, encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = handle.read().strip() or "holder unknown"
            raise OutputLocked(
                f"another newsflow run is writing to {out_dir} ({holder}); "
                "wait for it to finish or use another output folder"
            ) from None
        fcntl.flock(handle, fcntl.LOCK_UN)

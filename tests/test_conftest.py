"""The guard against testing an editable install's out-of-date compiled modules."""

from __future__ import annotations

import os
from pathlib import Path

from tests.conftest import stale_compiled_modules


def test_a_source_edited_after_its_build_is_named(tmp_path: Path) -> None:
    package = tmp_path / "tasks"
    package.mkdir()
    for stem in ("clean", "dates"):
        (package / f"{stem}.py").write_text("x = 1\n")
        (package / f"{stem}.cpython-311-x86_64-linux-gnu.so").write_bytes(b"")
    (package / "_sketch.c").write_text("/* c */\n")
    (package / "_sketch.cpython-311-x86_64-linux-gnu.so").write_bytes(b"")
    assert stale_compiled_modules(package) == []
    later = os.stat(package / "clean.py").st_mtime + 10
    os.utime(package / "clean.py", (later, later))
    os.utime(package / "_sketch.c", (later, later))
    assert stale_compiled_modules(package) == ["tasks/_sketch.c", "tasks/clean.py"]

"""The optional C parts of the build (setup.py), each with a pure-Python twin in its caller."""

from __future__ import annotations

import importlib
import os
from types import ModuleType

# set, the C parts are not used: a pure-Python run to compare the compiled build with
# (bench/compare_builds.py); at install time it also skips mypyc (setup.py)
PURE_PYTHON_ENV = "NEWSFLOW_PURE_PYTHON"


def native_module(name: str) -> ModuleType | None:
    """``tasks.<name>`` as the install built it from C, or None where there was no compiler
    or ``NEWSFLOW_PURE_PYTHON`` is set; the caller then takes its Python path."""
    if os.environ.get(PURE_PYTHON_ENV):
        return None
    try:
        return importlib.import_module(f"tasks.{name}")
    except ImportError:
        return None

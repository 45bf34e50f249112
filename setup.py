"""Native parts of the build; the project's metadata lives in pyproject.toml.

Two kinds, both optional: the pure-Python modules stay the source of truth, and whatever
cannot be built (no C compiler, no mypyc, a module mypyc rejects) is simply left out, so
the install goes on and those modules run as Python.

- ``tasks/_language_walk.c``: py3langid's automaton walk (tasks/language.py falls back to
  its numpy walk).
- ``tasks/_sketch.c``: a body's words and shingle hashes for MinHash (tasks/dedup.py
  falls back to Python strings hashed by rensa).
- mypyc builds of the per-article walk's modules (``COMPILED_MODULES``): the same code as
  C extensions, about a tenth less CPU for the walk, identical tables
  (``bench/compare_builds.py`` checks a run row for row). A module mypyc rejects is left
  as Python; if the C compiler fails on their shared library, all of them are.
  ``NEWSFLOW_PURE_PYTHON=1`` at install time skips them.
"""

from __future__ import annotations

import contextlib
import glob
import io
import os
import re
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

# The modules mypyc compiles, the one list to adjust as modules change (glob patterns, so
# a module split in two stays compiled). A module mypyc rejects is left out on its own
# (`compilable_modules`); the rest still compile.
COMPILED_MODULES = [
    "tasks/clean.py",
    "tasks/lexicon.py",
    "tasks/dates.py",
    "tasks/metadata.py",
    "tasks/dedup.py",
    "tasks/stories.py",
    "tasks/language.py",
    "tasks/quotes/*.py",
    "tasks/segment/*.py",
    "tasks/formats/page_*.py",
]
MAX_MODULES_LEFT_OUT = 8  # past this the walk stays Python rather than retrying for long

# commands that build extensions: metadata steps (egg_info, dist_info) skip mypyc's minutes
BUILDS = {"build", "build_ext", "bdist_wheel", "editable_wheel", "develop", "install"}

NATIVE_EXTENSIONS = [
    Extension("tasks._language_walk", ["tasks/_language_walk.c"], optional=True),
    Extension("tasks._sketch", ["tasks/_sketch.c"], optional=True),
]

# where mypy or mypyc names the module it stops on: "tasks/quotes/x.py:239: ..."
STOPPED_AT = re.compile(r"^(tasks/[\w/]+\.py):\d+: ", re.MULTILINE)


def listed_modules(patterns: list[str]) -> list[str]:
    """The files the patterns name, in list order, each once."""
    found = (sorted(glob.glob(pattern)) for pattern in patterns)
    return list(dict.fromkeys(path for paths in found for path in paths))


def _translate(modules: list[str]) -> tuple[list[Extension] | None, str]:
    """mypyc's extensions for the modules, or None and what mypy/mypyc printed."""
    from mypyc.build import mypycify

    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
            return mypycify(modules, opt_level="3"), ""
    except (Exception, SystemExit) as error:  # a type error or mypyc's internal error
        return None, f"{printed.getvalue()}\n{error}"


def compilable_modules(modules: list[str]) -> tuple[list[Extension], list[str]]:
    """mypyc's extensions for as many of the modules as it accepts, and those it did not:
    a module it stops on is left out (it runs as Python) and the rest are translated again."""
    left_out: list[str] = []
    while modules and len(left_out) <= MAX_MODULES_LEFT_OUT:
        extensions, printed = _translate(modules)
        if extensions is not None:
            return extensions, left_out
        culprits = set(STOPPED_AT.findall(printed)) & set(modules)
        if not culprits:
            print(printed, file=sys.stderr)
            break
        left_out += sorted(culprits)
        modules = [m for m in modules if m not in culprits]
    return [], left_out + modules


def mypyc_extensions(patterns: list[str]) -> list[Extension]:
    """mypyc's extensions for the listed modules it accepts, or none when mypyc is missing
    (the walk then runs as Python)."""
    present = listed_modules(patterns)
    if os.environ.get("NEWSFLOW_PURE_PYTHON") or not present or not BUILDS & set(sys.argv):
        return []
    try:
        import mypyc.build  # noqa: F401
    except ImportError:
        print("mypyc is not installed: the walk stays pure Python", file=sys.stderr)
        return []
    extensions, left_out = compilable_modules(present)
    if left_out:
        print(f"mypyc left these modules as Python: {', '.join(left_out)}", file=sys.stderr)
    for extension in extensions:
        extension.optional = True
    return extensions


class BuildAllOrNoneOfTheWalk(build_ext):
    """Build every extension it can, then keep mypyc's modules only if all of them built:
    each module's small extension imports the shared library of the group, so a part
    missing would break imports where plain Python would have run."""

    def run(self) -> None:
        if self.inplace:  # `pip install -e .`: an old build's module would shadow its .py
            self._remove_stale_builds()
        super().run()
        walk = [e for e in self.extensions if e.name not in {n.name for n in NATIVE_EXTENSIONS}]
        built = [Path(self.get_ext_fullpath(e.name)) for e in walk]
        if not all(path.is_file() for path in built):
            print("part of the mypyc build failed: the walk stays Python", file=sys.stderr)
            for path in built:
                path.unlink(missing_ok=True)

    def _remove_stale_builds(self) -> None:
        """Extensions beside the sources that this build will not write again (a module
        taken off `COMPILED_MODULES`, the shared library of an earlier mypyc group)."""
        suffix = str(self.get_ext_filename("x"))[1:]  # ".cpython-311-x86_64-linux-gnu.so"
        current = {Path(self.get_ext_fullpath(e.name)).resolve() for e in self.extensions}
        for path in [*Path("tasks").rglob(f"*{suffix}"), *Path().glob(f"*__mypyc{suffix}")]:
            if path.resolve() not in current:
                path.unlink()


setup(
    ext_modules=NATIVE_EXTENSIONS + mypyc_extensions(COMPILED_MODULES),
    cmdclass={"build_ext": BuildAllOrNoneOfTheWalk},
)

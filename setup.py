"""Native parts of the build; the project's metadata lives in pyproject.toml.

Two kinds, both optional: the pure-Python modules stay the source of truth, and whatever
cannot be built (no C compiler, no mypyc, a module mypyc rejects) is simply left out, so
the install goes on and those modules run as Python.

- ``tasks/_language_walk.c``: py3langid's automaton walk (tasks/language.py falls back to
  its numpy walk).
- mypyc builds of the per-article walk's modules (``COMPILED_MODULES``): the same code as
  C extensions, about a tenth less CPU for the walk, identical tables
  (``bench/compare_builds.py`` checks a run row for row). ``NEWSFLOW_PURE_PYTHON=1`` at
  install time skips them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

# The modules mypyc compiles, the one list to adjust as modules change. Left out:
# tasks/quotes/speakers.py (mypyc 1.x-2.x stops with an internal error on `reversed()` over
# lists built from the untyped `regex` module, speakers.py:628 and :1536).
COMPILED_MODULES = [
    "tasks/clean.py",
    "tasks/lexicon.py",
    "tasks/dates.py",
    "tasks/metadata.py",
    "tasks/dedup.py",
    "tasks/stories.py",
    "tasks/language.py",
    "tasks/quotes/__init__.py",
    "tasks/quotes/cues.py",
    "tasks/quotes/indirect.py",
    "tasks/quotes/marks.py",
    "tasks/quotes/settings.py",
    "tasks/segment/__init__.py",
    "tasks/segment/rules.py",
    "tasks/segment/sentences.py",
]

# commands that build extensions: metadata steps (egg_info, dist_info) skip mypyc's minutes
BUILDS = {"build", "build_ext", "bdist_wheel", "editable_wheel", "develop", "install"}

NATIVE_EXTENSIONS = [
    Extension("tasks._language_walk", ["tasks/_language_walk.c"], optional=True),
]


def mypyc_extensions(modules: list[str]) -> list[Extension]:
    """mypyc's extensions for the modules that exist, or none when mypyc is missing or
    cannot translate them (the walk then runs as Python)."""
    present = [m for m in modules if Path(m).is_file()]
    if os.environ.get("NEWSFLOW_PURE_PYTHON") or not present or not BUILDS & set(sys.argv):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        print("mypyc is not installed: the walk stays pure Python", file=sys.stderr)
        return []
    try:
        extensions = mypycify(present, opt_level="3")
    except (Exception, SystemExit) as error:  # mypyc rejects a module: install the Python
        print(f"mypyc could not compile the walk ({error}): it stays Python", file=sys.stderr)
        return []
    for extension in extensions:
        extension.optional = True
    return extensions


class BuildAllOrNoneOfTheWalk(build_ext):
    """Build every extension it can, then keep mypyc's modules only if all of them built:
    each module's small extension imports the shared library of the group, so a part
    missing would break imports where plain Python would have run."""

    def run(self) -> None:
        super().run()
        walk = [e for e in self.extensions if e.name not in {n.name for n in NATIVE_EXTENSIONS}]
        built = [Path(self.get_ext_fullpath(e.name)) for e in walk]
        if not all(path.is_file() for path in built):
            print("part of the mypyc build failed: the walk stays Python", file=sys.stderr)
            for path in built:
                path.unlink(missing_ok=True)


setup(
    ext_modules=NATIVE_EXTENSIONS + mypyc_extensions(COMPILED_MODULES),
    cmdclass={"build_ext": BuildAllOrNoneOfTheWalk},
)

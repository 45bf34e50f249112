"""Native parts of the build; the project's metadata lives in pyproject.toml.

Each extension is optional: without a C compiler (or when one fails) the install goes on
and the pure-Python modules they accelerate run instead (see each module's fallback).
"""

from setuptools import Extension, setup

NATIVE_EXTENSIONS = [
    # py3langid's automaton walk (tasks/language.py falls back to numpy without it)
    Extension("tasks._language_walk", ["tasks/_language_walk.c"], optional=True),
]

setup(ext_modules=NATIVE_EXTENSIONS)

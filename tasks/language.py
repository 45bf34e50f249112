"""Language identification: py3langid's shipped model, its byte walk done with numpy.

py3langid scores a text with naive Bayes over byte n-gram features, found by walking an
Aho-Corasick automaton over the UTF-8 bytes one byte at a time in a Python loop: about
half a millisecond per 300-character sample, twice per article (body and host site).
The automaton's state after any byte depends only on the last few bytes (no state lies
deeper than AUTOMATON_DEPTH), so the states of every position are found at once, one
array lookup per byte of that depth. Features are then counted in order of first occurrence, as
py3langid's Counter does, so the score is the same computation on the same arrays and the
language is always the one py3langid would return (`tests/tasks/test_language.py`).
Samples repeat (a site's furniture is the host-language text of all its pages), so
verdicts are memoised. The model's arrays are unpacked once per machine into the cache
folder (`tasks.settings.cache_dir`) and memory-mapped by every worker process after that.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.metadata import version
from pathlib import Path

import numpy as np
from py3langid.langid import MODEL_DIR, MODEL_FILE, RAW_FLOOR, LanguageIdentifier

from tasks.settings import cache_dir

MIN_LANGUAGE_LETTERS = 20  # below this py3langid guesses
MAX_LANGUAGE_CHARS = 300  # ~50 words: agrees with 3,000 chars on 99.4% of real pages
LANGUAGE_CACHE_SIZE = 1 << 12  # distinct samples whose language stays memoised
# The deepest state of py3langid's automaton (its longest feature, in bytes): the bytes
# that decide the state at a position. `tests/tasks/test_language.py` checks it against
# the installed model; the version is pinned in pyproject.toml.
AUTOMATON_DEPTH = 6


@dataclass(frozen=True, slots=True)
class _Model:
    """py3langid's model as arrays: automaton, feature weights, languages."""

    next_state: np.ndarray  # (row of a state << 8) + byte -> next state
    row_base: np.ndarray  # state -> row << 8
    output: np.ndarray  # state -> feature counted there, or -1
    # feature x language log-probabilities, widened once from the shipped float16: numpy
    # widens the rows of every sample otherwise, most of the scoring time (same values)
    weights: np.ndarray
    priors: np.ndarray  # language log-priors
    languages: list[str]
    aliases: list[tuple[int, int]]  # (first, duplicate) columns of one label


# the model's arrays, unpacked once per machine: each worker process then maps the files
# instead of decompressing py3langid's LZMA archive (0.7 CPU s per process)
MODEL_CACHE_PREFIX = "language-model-"
_MODEL_ARRAYS = ("next_state", "row_base", "output", "weights", "priors")


def _model_from_py3langid() -> _Model:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    next_state = np.asarray(identifier.tk_nextmove)
    row_base = np.asarray(identifier.tk_row, dtype=np.int64) << 8
    first: dict[str, int] = {}
    aliases = []
    for i, language in enumerate(identifier.nb_classes):
        if language in first:
            aliases.append((first[language], i))
        else:
            first[language] = i
    return _Model(
        next_state,
        row_base,
        np.asarray(identifier.tk_output, dtype=np.int64),
        np.asarray(identifier.nb_ptc, dtype=np.float32),
        identifier.nb_pc,
        list(identifier.nb_classes),
        aliases,
    )


def _unpacked_model_dir() -> Path:
    """The cache folder of the installed py3langid's arrays: keyed by its version and the
    model file's size, not by its path, so every venv with that version shares one copy."""
    model_file = Path(MODEL_DIR) / MODEL_FILE  # as py3langid resolves it
    stamp = f"{version('py3langid')}:{model_file.stat().st_size}:{','.join(_MODEL_ARRAYS)}"
    return cache_dir() / f"{MODEL_CACHE_PREFIX}{hashlib.sha1(stamp.encode()).hexdigest()[:16]}"


def _remove_other_models(keep: Path) -> None:
    """Older unpacked models go once a new one is saved (workers that mapped them keep
    their mappings: POSIX keeps removed files alive while open)."""
    for entry in keep.parent.glob(f"{MODEL_CACHE_PREFIX}*"):
        if entry != keep and entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)


def _save_model(model: _Model, folder: Path) -> None:
    """Write the arrays beside a temporary name, then rename: readers see all or nothing."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        for name in _MODEL_ARRAYS:
            np.save(partial / f"{name}.npy", getattr(model, name))
        labels = {"languages": model.languages, "aliases": model.aliases}
        (partial / "labels.json").write_text(json.dumps(labels), "utf-8")
        partial.rename(folder)
    except OSError:  # another process got there first, or the cache is not writable
        shutil.rmtree(partial, ignore_errors=True)


def _load_model(folder: Path) -> _Model:
    # mapped read-only and shared by the workers; asarray drops np.memmap's per-call hooks
    arrays = {
        name: np.asarray(np.load(folder / f"{name}.npy", mmap_mode="r")) for name in _MODEL_ARRAYS
    }
    labels = json.loads((folder / "labels.json").read_text("utf-8"))
    return _Model(
        **arrays,
        languages=labels["languages"],
        aliases=[(first, duplicate) for first, duplicate in labels["aliases"]],
    )


@cache
def _model() -> _Model:
    folder = _unpacked_model_dir()
    if folder.is_dir():
        return _load_model(folder)
    model = _model_from_py3langid()
    _save_model(model, folder)
    if folder.is_dir():
        _remove_other_models(folder)
    return model


def deepest_state() -> int:
    """Length of the longest byte string the automaton remembers (breadth-first depth)."""
    next_state, row_base = _model().next_state, _model().row_base
    depth = np.full(len(row_base), -1, dtype=np.int64)
    depth[0] = 0
    frontier, level = np.array([0]), 0
    while len(frontier):
        reached = np.unique(next_state[row_base[frontier][:, None] + np.arange(256)])
        frontier = reached[depth[reached] < 0]
        level += 1
        depth[frontier] = level
    return int(depth.max())


def _encoded(text: str) -> bytes:
    """The bytes py3langid scores: lower-cased when all upper case, NFC, UTF-8."""
    if text.isupper():
        text = text.lower()
    return unicodedata.normalize("NFC", text).encode("utf8", errors="surrogatepass")


def feature_scores(text: str) -> np.ndarray:
    """py3langid's score per language column (its `_decide`), without the per-byte loop."""
    model = _model()
    data = np.frombuffer(_encoded(text), dtype=np.uint8)
    n = len(data)
    states = np.zeros(n, dtype=np.int64)
    # the state at byte i is the walk over its last AUTOMATON_DEPTH bytes from the start
    for lag in range(AUTOMATON_DEPTH - 1, -1, -1):  # this step reads byte i - lag
        if lag < n:
            states[lag:] = model.next_state[model.row_base[states[lag:]] + data[: n - lag]]
    found = model.output[states]
    found = found[found >= 0]
    if len(found):
        features, first_seen, counts = np.unique(found, return_index=True, return_counts=True)
        order = np.argsort(first_seen, kind="stable")
        visits = np.asarray(counts[order], dtype=np.float32)
        scores = np.log1p(visits) @ model.weights[features[order]] + model.priors
    else:
        scores = np.full(len(model.languages), RAW_FLOOR, dtype=np.float32)
    for i, j in model.aliases:
        scores[i] = max(scores[i], scores[j])
        scores[j] = RAW_FLOOR
    return scores


def classify_language(text: str) -> str:
    """py3langid's `classify(text)[0]`: the language with the highest score."""
    return _model().languages[int(feature_scores(text).argmax())]


def _has_enough_letters(sample: str) -> bool:
    """At least MIN_LANGUAGE_LETTERS letters; stops counting once there are enough."""
    letters = 0
    for char in sample:
        if char.isalpha():
            letters += 1
            if letters >= MIN_LANGUAGE_LETTERS:
                return True
    return False


@lru_cache(maxsize=LANGUAGE_CACHE_SIZE)
def _language_of_sample(sample: str) -> str | None:
    if not _has_enough_letters(sample):
        return None
    return classify_language(sample)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code from py3langid's shipped model; None when there is too little text."""
    return _language_of_sample(text[:MAX_LANGUAGE_CHARS])


def forget_memoised_languages() -> None:
    """Empty the memo, as in a fresh worker process (benchmarks time a cold start)."""
    _language_of_sample.cache_clear()

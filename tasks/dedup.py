"""Dedup: exact and near-duplicate copies, flagged with one canonical article per cluster.

Exact copies share the hash of the normalised body. Near copies (syndicated versions
with small edits) are found with MinHash LSH: rensa computes the signatures in Rust,
about a hundred times faster than pure-Python datasketch, and the band buckets are
joined in DuckDB so the candidate search scales past memory. Every candidate pair is then
verified on the real word shingles and on the numbers both bodies carry, so templated
bulletins that differ only in figures are not merged. Clusters are stars around their
canonical article, so a chain of pairwise matches cannot glue unrelated articles together.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import duckdb
import numpy as np
import pyarrow as pa
from rensa import RMinHash

from tasks.settings import duckdb_config

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
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


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


def band_keys(signatures: np.ndarray, bands: int) -> np.ndarray:
    """One 64-bit key per (article, band): rows of a band mixed into one number."""
    n, permutations = signatures.shape
    rows = permutations // bands
    banded = signatures[:, : bands * rows].reshape(n, bands, rows).astype(np.uint64)
    keys = np.zeros((n, bands), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for r in range(rows):
            keys = keys * np.uint64(0x100000001B3) ^ banded[:, :, r]
    return keys


def candidate_pairs(signatures: np.ndarray, bands: int) -> np.ndarray:
    """Index pairs (i < j) that share at least one LSH bucket, found with a DuckDB join."""
    n = signatures.shape[0]
    if n < 2:
        return np.empty((0, 2), dtype=np.int64)
    keys = band_keys(signatures, bands)
    buckets = pa.table(
        {
            "idx": np.repeat(np.arange(n, dtype=np.int64), bands),
            "band": np.tile(np.arange(bands, dtype=np.int32), n),
            "key": keys.reshape(-1),
        }
    )
    con = duckdb.connect(config=duckdb_config())
    con.register("buckets", buckets)
    pairs = con.execute(
        f"""
        with sized as (
            select idx, band, key, count(*) over (partition by band, key) as bucket_size
            from buckets
        ), shared as (select * from sized where bucket_size between 2 and {MAX_BUCKET})
        select distinct a.idx as i, b.idx as j
        from shared a join shared b on a.band = b.band and a.key = b.key and a.idx < b.idx
        order by i, j
        """
    ).fetchnumpy()
    con.close()
    return np.stack([pairs["i"], pairs["j"]], axis=1) if len(pairs["i"]) else np.empty((0, 2))


def is_near_duplicate(
    body_a: str, body_b: str, numbers_a: Sequence[str], numbers_b: Sequence[str], rule: NearDupRule
) -> bool:
    """Verify a candidate on real shingles, and insist that the figures agree."""
    shingles_a = word_shingles(body_tokens(body_a), rule.shingle_words)
    shingles_b = word_shingles(body_tokens(body_b), rule.shingle_words)
    if not shingles_a or not shingles_b:
        return False
    common = len(shingles_a & shingles_b)
    containment = common / min(len(shingles_a), len(shingles_b))
    jaccard = common / len(shingles_a | shingles_b)
    if containment < rule.containment or jaccard < rule.jaccard:
        return False
    set_a, set_b = set(numbers_a), set(numbers_b)
    smaller, larger = (set_a, set_b) if len(set_a) <= len(set_b) else (set_b, set_a)
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

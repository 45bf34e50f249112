"""Dedup: hashes, MinHash candidates, verification and star clusters."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tasks.batch import signature_column
from tasks.corpus import connect_corpus, lsh_candidate_pairs
from tasks.dedup import (
    CanonicalKey,
    NearDupRule,
    assign_dup_clusters,
    body_numbers,
    body_tokens,
    content_hash,
    is_near_duplicate,
    minhash_signatures,
    sketch_bodies,
    tokens_hash,
)
from tasks.dedup import _native_sketch as native_sketch

RULE = NearDupRule(shingle_words=5, containment=0.7, jaccard=0.45, number_agreement=0.8)
WORDS = [f"w{i}" for i in range(5000)]


def _article(seed: int, n: int = 300) -> str:
    rng = random.Random(seed)
    sentences = [" ".join(rng.choices(WORDS, k=15)) + "." for _ in range(n // 15)]
    return "\n\n".join(" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3))


def test_content_hash_ignores_case_spacing_and_punctuation() -> None:
    assert content_hash("The Mayor said:  yes.") == content_hash("the mayor said yes")
    assert content_hash("The mayor said yes") != content_hash("The mayor said no")


def test_minhash_finds_a_syndicated_copy_but_not_unrelated_text(tmp_path: Path) -> None:
    original = _article(1)
    edited = original.replace("w1 ", "w2 ", 2) + "\n\nA correction note was added later on."
    bodies = [original, _article(2), edited, _article(3)]
    signatures = minhash_signatures([body_tokens(b) for b in bodies], 5, 128)
    ids = [f"a{i}" for i in range(len(bodies))]
    sketches = tmp_path / "sketches.parquet"
    pq.write_table(pa.table({"article_id": ids, "minhash": signature_column(signatures)}), sketches)
    con = connect_corpus()
    con.register("arts", pa.table({"idx": range(len(ids)), "article_id": ids}))
    lsh_candidate_pairs(con, [str(sketches)], 32)
    pairs = set(con.execute("select i, j from cand").fetchall())
    assert (0, 2) in pairs
    assert not pairs & {(0, 1), (0, 3), (1, 2), (1, 3), (2, 3)}
    assert is_near_duplicate(original, edited, [], [], RULE)
    assert not is_near_duplicate(original, bodies[1], [], [], RULE)


def test_templated_bulletins_with_other_figures_are_not_copies() -> None:
    template = (
        "The reservoir stood at {a}% of capacity on {day}, down from {b}% a week earlier, "
        "according to figures published by the water company on its website this morning. "
        "Rainfall at the dam gauge over the past seven days totalled {c} mm, against a weekly "
        "norm of fourteen millimetres for the season, the company said in its bulletin."
    )
    first = template.format(a=61, b=64, c=3.2, day="Wednesday")
    second = template.format(a=58, b=61, c=1.4, day="Wednesday")
    assert not is_near_duplicate(first, second, body_numbers(first), body_numbers(second), RULE)
    assert is_near_duplicate(
        first, first + " More.", body_numbers(first), body_numbers(first), RULE
    )


def test_star_clusters_pick_earliest_canonical_and_do_not_chain() -> None:
    keys = [
        CanonicalKey("a", date(2023, 5, 2), 300, 3),
        CanonicalKey("b", date(2023, 5, 1), 290, 2),  # earliest: canonical
        CanonicalKey("c", None, 310, 1),
        CanonicalKey("d", None, 100, 0),
        CanonicalKey("e", date(2023, 6, 1), 50, 0),
    ]
    hashes = ["h1", "h2", "h1", "h3", "h4"]
    # a~b near, a==c exact, c~d near (d is not a copy of b: no chaining), e alone
    assignments = assign_dup_clusters(keys, hashes, [(0, 1), (2, 3)])
    by_id = {a.article_id: a for a in assignments}
    assert by_id["b"].is_canonical and by_id["b"].dup_kind == "canonical"
    assert by_id["a"].dup_cluster_id == "b" and by_id["a"].dup_kind == "near"
    assert by_id["d"].dup_cluster_id != "b"
    assert by_id["e"].dup_cluster_id == "e" and by_id["e"].dup_kind is None
    assert sum(a.is_canonical for a in assignments) == len({a.dup_cluster_id for a in assignments})


def _bodies_in_many_scripts(n: int) -> list[str]:
    """Bodies mixing scripts, digits of other systems, joiners and marks (word edges)."""
    rng = random.Random(19)
    alphabet = (
        "abcdefghij ABC_ éßñ İı жзий ΣΑς 中文字 اب अॐ 0123 ½²٣ .,;:!?\n\t\u00a0\u200f\u0301 👩‍👧"
    )
    bodies = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400))) for _ in range(n)]
    return [*bodies, "", "...", "one", "one two three four five", _article(1), _article(2).upper()]


@pytest.mark.skipif(native_sketch is None, reason="the C sketch is not built (no compiler)")
@pytest.mark.parametrize("shingle_words", [1, 2, 5])
def test_native_sketch_gives_the_python_hashes_and_signatures_bit_for_bit(
    shingle_words: int,
) -> None:
    bodies = _bodies_in_many_scripts(300)
    hashes, signatures = sketch_bodies(bodies, shingle_words, 64)
    python_hashes, python_signatures = sketch_bodies(bodies, shingle_words, 64, native=False)
    assert hashes == python_hashes == [tokens_hash(body_tokens(b)) for b in bodies]
    assert signatures.dtype == python_signatures.dtype == np.uint32
    assert signatures.tobytes() == python_signatures.tobytes()
    assert len(set(hashes)) > 250  # the bodies differ, so does what is compared


def test_sketch_of_no_bodies_is_an_empty_matrix() -> None:
    for native in (True, False):
        hashes, signatures = sketch_bodies([], 5, 32, native=native)
        assert hashes == [] and signatures.shape == (0, 32)

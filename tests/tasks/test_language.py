"""Language identification: the vectorised walk answers exactly as py3langid does."""

from __future__ import annotations

import random
from dataclasses import fields
from pathlib import Path

import numpy as np
import py3langid
import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from tasks.language import (
    AUTOMATON_DEPTH,
    _load_model,
    _model_from_py3langid,
    _save_model,
    _unpacked_model_dir,
    classify_language,
    deepest_state,
    detect_language,
    feature_scores,
)
from tests.tasks.texts import BODY_EN

SAMPLES = [
    BODY_EN,
    "Der Gemeinderat hat am Dienstag beschlossen, die Brücke über den Fluss zu sanieren.",
    "El ayuntamiento aprobó el martes el presupuesto para reparar el puente del río.",
    "Le conseil municipal a voté mardi le budget pour réparer le pont sur la rivière.",
    "Городской совет во вторник утвердил бюджет на ремонт моста через реку.",
    "İstanbul'da belediye meclisi köprünün onarımı için bütçeyi onayladı.",
    "市议会周二批准了修复河上桥梁的预算。",
    "مجلس المدينة وافق يوم الثلاثاء على ميزانية إصلاح الجسر",
    "THE COUNCIL APPROVED THE BUDGET ON TUESDAY",  # all upper case: lower-cased first
    "Ça coûte 12 € — «très cher» dit-il… ½ ² ﬁn",  # NFC, symbols, ligatures
    "a",
    "",
    "1234 5678 90",
    "\U0001f600\U0001f601 \u200b",
]


@pytest.fixture(scope="module")
def reference() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE)


def test_no_state_of_the_shipped_automaton_is_deeper_than_the_walk_reads() -> None:
    assert deepest_state() == AUTOMATON_DEPTH


@pytest.mark.parametrize("text", SAMPLES)
def test_same_language_and_scores_as_py3langid(text: str, reference: LanguageIdentifier) -> None:
    assert classify_language(text) == py3langid.classify(text)[0]
    # the very same scores, not just the same winner: ties break the same way too
    assert np.array_equal(feature_scores(text), reference._decide(text))


def test_same_language_as_py3langid_on_random_mixed_scripts() -> None:
    rng = random.Random(7)
    alphabet = "abcdefghij klmnop äöüß éèà ñ ąę şğı абвгд αβγ אבג ابت 中文字 ,.!?-–0123456789"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 400)))
        assert classify_language(text) == py3langid.classify(text)[0]


def test_detect_language_needs_enough_letters_and_reads_the_opening() -> None:
    assert detect_language("12 34 56 -- !!") is None
    assert detect_language("Hello there") is None  # ten letters: too few to say
    assert detect_language(BODY_EN) == "en"
    german = "Der Gemeinderat hat am Dienstag beschlossen, die Brücke zu sanieren. "
    assert detect_language(german * 5 + BODY_EN * 20) == "de"  # only the first 300 characters


def test_unpacked_model_is_the_shipped_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSFLOW_CACHE_DIR", str(tmp_path))
    shipped = _model_from_py3langid()
    folder = _unpacked_model_dir()
    _save_model(shipped, folder)
    _save_model(shipped, folder)  # a second writer leaves the first one's files
    unpacked = _load_model(folder)
    for field in fields(shipped):
        mine, theirs = getattr(unpacked, field.name), getattr(shipped, field.name)
        if isinstance(theirs, np.ndarray):
            assert mine.dtype == theirs.dtype and np.array_equal(mine, theirs)
        else:
            assert mine == theirs
    assert [p.name for p in tmp_path.iterdir()] == [folder.name]


def test_model_cache_is_shared_by_version_and_older_copies_go(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tasks import language

    monkeypatch.setenv("NEWSFLOW_CACHE_DIR", str(tmp_path))
    stale = tmp_path / f"{language.MODEL_CACHE_PREFIX}0000000000000000"
    stale.mkdir()
    language._model.cache_clear()
    try:
        language._model()
        kept = [p.name for p in tmp_path.iterdir() if not p.name.startswith(".")]
        assert kept == [language._unpacked_model_dir().name]
        assert not stale.exists()
    finally:
        language._model.cache_clear()

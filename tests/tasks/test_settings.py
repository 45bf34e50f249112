"""Settings: defaults, then environment variables, then explicit overrides."""

from __future__ import annotations

import pytest

from tasks.settings import Settings, load_settings


def test_precedence(monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings().story_window_days == Settings().story_window_days
    monkeypatch.setenv("NEWSFLOW_BATCH_SIZE", "17")
    monkeypatch.setenv("NEWSFLOW_NEAR_DUP_JACCARD", "0.6")
    settings = load_settings()
    assert settings.batch_size == 17 and settings.near_dup_jaccard == 0.6
    assert load_settings(batch_size=5).batch_size == 5
    assert load_settings(batch_size=None).batch_size == 17


def test_story_embeddings_turn_off_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings().story_embeddings
    monkeypatch.setenv("NEWSFLOW_STORY_EMBEDDINGS", "0")
    assert not load_settings().story_embeddings

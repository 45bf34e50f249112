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

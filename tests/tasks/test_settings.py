"""Settings: defaults, then environment variables, then explicit overrides."""

from __future__ import annotations

import duckdb
import pytest

from tasks.settings import Settings, load_settings, lower_duckdb_memory


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


def test_duckdb_gives_way_to_the_embeddings_but_keeps_a_floor() -> None:
    con = duckdb.connect(config={"memory_limit": "1GiB"})
    lower_duckdb_memory(con, give_way=300 * 2**20)
    ((limit,),) = con.execute("select current_setting('memory_limit')").fetchall()
    assert limit == "724.0 MiB"
    lower_duckdb_memory(con, give_way=2**30)
    ((limit,),) = con.execute("select current_setting('memory_limit')").fetchall()
    assert limit == "256.0 MiB"


def test_a_share_of_the_cap_is_taken_before_giving_way() -> None:
    con = duckdb.connect(config={"memory_limit": "1GiB"})
    lower_duckdb_memory(con, share=0.5, give_way=100 * 2**20)
    ((limit,),) = con.execute("select current_setting('memory_limit')").fetchall()
    assert limit == "412.0 MiB"

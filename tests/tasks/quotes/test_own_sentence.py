from __future__ import annotations

import pytest

from tasks.quotes import extract_quotes
from tests.tasks.quotes.steps import article


@pytest.mark.parametrize(
    ("body", "speaker", "cue"),
    [
        ("“We will build the bridge this year,” said Anna Lindqvist.", "Anna Lindqvist", "said"),
        ("Anna Lindqvist told reporters: “We will build the bridge.”", "Anna Lindqvist", "told"),
        ("“The budget is gone,” according to Paul Riva.", "Paul Riva", "according to"),
    ],
)
def test_cue_in_the_quote_s_own_sentence(body: str, speaker: str, cue: str) -> None:
    found = article(body).own_sentence(0, is_partial=False)
    assert found is not None
    assert (found.speaker, found.cue) == (speaker, cue)


def test_a_quote_without_a_cue_in_its_sentence_is_left_to_later_steps() -> None:
    body = "Anna Lindqvist spoke on Monday. “We will build the bridge this year.”"
    assert article(body).own_sentence(0, is_partial=False) is None


def test_quotes_joined_by_and_share_the_cue_after_the_last() -> None:
    body = "“We will win this race” and “we will win the next one,” Howard Dean said."
    quotes = extract_quotes(body, "en")
    assert [q.speaker for q in quotes] == ["Howard Dean", "Howard Dean"]
    assert {q.rule for q in quotes} == {"own_sentence"}

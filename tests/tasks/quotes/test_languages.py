"""Attribution in languages other than English: cues, names and quote marks of each."""

from __future__ import annotations

import pytest

from tasks.quotes import extract_quotes


def speakers(body: str, language: str) -> list[tuple[str | None, str | None]]:
    """(speaker, rule) of each direct or partial quote."""
    quotes = extract_quotes(body, language)
    return [(q.speaker, q.rule) for q in quotes if q.quote_type != "indirect"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # a verb of the lexicon in its feminine and plural past forms
        ("«Мы откроем новый мост уже в этом году», — объяснила Анна Смирнова.", "Анна Смирнова"),
        ("«Денег на новый мост в этом году нет», — пожаловался Иван Петров.", "Иван Петров"),
        # a name alone after a quoted title, without the comma English would put there
        (
            "В интервью ежедневной газете «Вести» Смирнова сказала: «Мост откроем в этом году».",
            "Смирнова",
        ),
        # a two-letter initial ("Дж.") keeps the name whole
        ("«Мы откроем новый мост в этом году», — заявил губернатор Дж. Б. Смит.", "Дж. Б. Смит"),
    ],
)
def test_russian_cues(body: str, speaker: str) -> None:
    assert speakers(body, "ru")[-1] == (speaker, "own_sentence")

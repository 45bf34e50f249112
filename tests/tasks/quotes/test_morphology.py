from __future__ import annotations

import pytest

from tasks.quotes import extract_quotes
from tasks.quotes.morphology import can_be_nominative, first_subject, may_be_subject


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Лена Тейлор", True),
        ("Дж. Б. Смит", True),
        ("Аллену", False),  # dative
        ("Святого Петра", False),  # genitive
        ("Притцкером", False),  # instrumental
    ],
)
def test_a_russian_name_in_an_oblique_case_is_no_subject(name: str, expected: bool) -> None:
    assert may_be_subject(name, "ru") is expected


def test_languages_without_an_analyser_accept_every_name() -> None:
    assert can_be_nominative("Allenu", "en")
    assert may_be_subject("Святого Петра", "")


def test_the_first_name_in_the_nominative_wins_else_the_first() -> None:
    assert first_subject(["Аллену", "Лена Тейлор"], "ru") == "Лена Тейлор"
    assert first_subject(["Аллену"], "ru") == "Аллену"
    assert first_subject(["Allen", "Lena Taylor"], "en") == "Allen"


def test_after_an_inverted_verb_the_speaker_is_the_name_in_the_nominative() -> None:
    body = (
        "«Если это должно было пройти без разногласий, вы потерпели неудачу», — написала "
        "Аллену в ответ сенатор штата Лена Тейлор."
    )
    assert [q.speaker for q in extract_quotes(body, "ru")] == ["Лена Тейлор"]


def test_a_plural_is_no_singular_pronoun_s_person() -> None:
    from tasks.quotes.morphology import is_plural_only

    assert is_plural_only("Энтузиасты", "ru")
    assert not is_plural_only("Франциск", "ru")
    assert not is_plural_only("Enthusiasts", "en")

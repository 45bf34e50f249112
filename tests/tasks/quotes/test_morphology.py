from __future__ import annotations

import pytest

from tasks.quotes import extract_quotes
from tasks.quotes.morphology import (
    can_be_nominative,
    first_subject,
    is_common_word,
    may_be_subject,
)


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


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Anerkennung", True),  # a noun the tagger's lexicon holds
        ("Arbeitskräfte", True),  # its plural
        ("Wissenschaftssenatorin", True),  # an unknown compound of known stems
        ("Nettozahler-Allianz", True),
        ("Saisonale", True),  # an adjective opening a sentence
        ("Merkel", False),  # a name the lexicon holds
        ("Hermreck", False),  # an unknown word of one stem may be a surname
        ("Gallera", False),
        ("Fischer-Volk", False),  # a compound holding a name
        ("CDU", False),  # an abbreviation
    ],
)
def test_the_german_tagger_tells_a_common_word_from_a_name(word: str, expected: bool) -> None:
    assert is_common_word(word, "de") is expected


def test_languages_without_a_tagger_have_no_common_capitalised_words() -> None:
    assert not is_common_word("Anerkennung", "en")
    assert not is_common_word("Mediziner", "fr")

"""Words of a capitalised run that are no part of a name: elided words, role compounds,
genitives before a name."""

from __future__ import annotations

import pytest

from tasks.quotes import extract_quotes
from tasks.quotes.cues import cue_lexicon
from tasks.quotes.name_parts import is_oblique_before_name, is_role_compound
from tests.tasks.quotes.steps import article


@pytest.mark.parametrize(
    ("token", "role"),
    [
        ("AfD-Chef", True),  # a title after the hyphen
        ("Co-Chefin", True),
        ("SPD-Spitzenkandidatin", True),  # an acronym, then a common noun
        ("FDP-Kontrahenten", True),
        ("Hans-Peter", False),  # a double first name
        ("Holland-Moritz", False),  # a double surname
        ("Chef", False),  # no compound
    ],
)
def test_a_role_compound_names_a_role(token: str, role: bool) -> None:
    assert is_role_compound(token, cue_lexicon("de")) is role


def test_only_a_nominative_run_after_an_oblique_word_is_cut() -> None:
    assert is_oblique_before_name(["Франции", "Эмманюэль", "Макрон"], "ru")
    assert not is_oblique_before_name(["Эмманюэля", "Макрона"], "ru")
    assert not is_oblique_before_name(["France", "Emmanuel", "Macron"], "en")


@pytest.mark.parametrize(
    ("run", "language", "name"),
    [
        ("J’ajoute", "fr", ""),  # an elided pronoun and a verb
        ("C’était", "fr", ""),
        ("Dinesh D’Souza", "en", "Dinesh D’Souza"),  # a capital after the apostrophe
        ("Sachsens SPD-Chefin", "de", ""),  # a genitive and a role: a description
        ("SPD-Herausforderer Jan Brandt", "de", "Jan Brandt"),
        ("Франции Эмманюэль Макрон", "ru", "Эмманюэль Макрон"),
    ],
)
def test_words_that_are_no_part_of_a_name_are_cut(run: str, language: str, name: str) -> None:
    assert article("x", language)._clean_name(run)[0] == name


def test_a_surname_the_article_gives_a_title_is_a_person() -> None:
    body = (
        "Uno-Chef Lindqvist reiste nach Genf. Dort sprach Lindqvist lange. "
        "Zum Schluss sagte er: „Wir brauchen einen Plan für alle Länder.“"
    )
    (quote,) = extract_quotes(body, "de")
    assert (quote.speaker, quote.rule) == ("Lindqvist", "pronoun")


def test_an_elided_pronoun_and_verb_opening_a_sentence_name_nobody() -> None:
    names = article("x", "fr")
    clause = "Mais il est payé. J’ajoute qu’il s’agit d’un salaire de misère :"
    assert names._names_in(clause) == []
    assert names._people_nearest_cue(clause) == []

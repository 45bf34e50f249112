from __future__ import annotations

import pytest

from tasks.quotes import extract_quotes
from tests.tasks.quotes.steps import article


@pytest.mark.parametrize(
    ("body", "language", "speaker"),
    [
        (
            "Anna Lindqvist visited the site. “We will build it this year,” she said.",
            "en",
            "Anna Lindqvist",
        ),
        (
            "Laura Gómez visitó la obra. «Vamos a construirlo este año», aseguró.",
            "es",
            "Laura Gómez",
        ),
    ],
)
def test_pronoun_or_bare_verb_takes_the_person_just_named(
    body: str, language: str, speaker: str
) -> None:
    quotes = extract_quotes(body, language)
    assert [(q.speaker, q.rule) for q in quotes] == [(speaker, "pronoun")]


def test_a_gendered_pronoun_skips_a_person_of_the_other_gender() -> None:
    body = "Mrs. Anna Lindqvist met Mr. Paul Riva on Monday."
    subject = article(body).last_antecedent(len(body), "she")
    assert subject is not None and subject.speaker == "Anna Lindqvist"
    assert subject.rule == "pronoun"


def test_no_person_before_no_antecedent() -> None:
    assert article("The weather was fine.").last_antecedent(10, "he") is None


def test_a_pronoun_after_reported_speech_stands_for_the_sentence_s_speaker() -> None:
    found = article(
        "Robby Mook leads the campaign. Mook explained to advisers that the lawyer, Marc "
        "Elias, “made a convincing case to me this morning,” he wrote."
    ).own_sentence(0, is_partial=True)
    assert found is not None
    assert (found.speaker, found.rule) == ("Robby Mook", "pronoun")

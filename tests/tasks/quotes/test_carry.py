from __future__ import annotations

import pytest

from tasks.quotes import extract_quotes
from tests.tasks.quotes.steps import article


def test_the_next_quote_of_the_paragraph_keeps_the_speaker() -> None:
    body = "“We will build it,” Anna Lindqvist said. “And it will open next year for all.”"
    quotes = extract_quotes(body, "en")
    assert [(q.speaker, q.rule) for q in quotes] == [
        ("Anna Lindqvist", "own_sentence"),
        ("Anna Lindqvist", "paragraph_carry"),
    ]


def test_a_quote_opening_the_next_paragraph_keeps_the_speaker() -> None:
    body = "“We will build it,” Anna Lindqvist said.\n\n“It will open next year for all.”"
    speakers = article(body)
    speakers.attribute(0, is_partial=False)
    found = speakers.paragraph_carry(1, is_partial=False)
    assert found is not None and found.speaker == "Anna Lindqvist"


def test_nothing_is_carried_past_a_paragraph_without_quotes() -> None:
    body = (
        "“We will build it,” Anna Lindqvist said.\n\nThe council meets in May.\n\n"
        "“It will open next year for all.”"
    )
    speakers = article(body)
    speakers.attribute(0, is_partial=False)
    assert speakers.paragraph_carry(1, is_partial=False) is None


@pytest.mark.parametrize(
    ("second_line", "carried"),
    [
        # a new person named before the quote: another speaker's part of the reportage
        ("Plus loin, Paul Girard, 32 ans, attend le bus.", None),
        # the same speaker named again: the quote goes on with her
        ("Claire Dumas insiste encore.", "Claire Dumas"),
    ],
)
def test_a_line_naming_a_new_person_before_its_quote_inherits_nobody(
    second_line: str, carried: str | None
) -> None:
    body = (
        "Devant la mairie, Claire Dumas parle. « Nous voulons un vrai budget. »\n"
        f"{second_line} « Le service a encore baissé. »"
    )
    speakers = article(body, "fr")
    speakers.attribute(0, is_partial=False)
    assert speakers.attributions[0].speaker == "Claire Dumas"
    found = speakers.paragraph_carry(1, is_partial=False)
    assert (found.speaker if found is not None else None) == carried


def test_a_line_naming_the_speaker_among_others_still_inherits() -> None:
    body = (
        "“We will build it,” Anna Lindqvist said.\n"
        "Both Tom Reed and Anna Lindqvist visited the site, with Lindqvist noting the "
        "“very long road ahead of the town council.”"
    )
    speakers = article(body)
    speakers.attribute(0, is_partial=False)
    found = speakers.paragraph_carry(1, is_partial=True)
    assert found is not None and found.speaker == "Anna Lindqvist"

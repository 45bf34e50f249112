from __future__ import annotations

from tasks.quotes import extract_quotes
from tests.tasks.quotes.steps import article


def test_a_place_is_no_fuller_name_of_a_person() -> None:
    body = (
        "Ana Cruz says Hillsborough is “a microcosm of the state.” Voters in Hillsborough "
        "County differ. “That diversity makes it a purple county,” she says."
    )
    names = article(body)
    assert all(" " not in name for _, name in names._names_containing("Hillsborough"))
    assert [q.speaker for q in extract_quotes(body, "en")] == ["Ana Cruz", "Ana Cruz"]


def test_a_subject_that_lists_names_gives_the_first() -> None:
    body = (
        "Sens. Tom Carper, Dianne Feinstein, Patrick Leahy and Ben Cardin said the letter "
        "“leaves so many questions unanswered.”"
    )
    (quote,) = extract_quotes(body, "en")
    assert quote.speaker == "Tom Carper"


def test_a_name_with_an_initial_and_an_apposition_after_a_question() -> None:
    body = (
        "“Is it in our interest to act?” Lisa O. Monaco, Obama’s adviser on counterterrorism "
        "and homeland security, said at a summit."
    )
    (quote,) = extract_quotes(body, "en")
    assert quote.speaker == "Lisa O. Monaco"

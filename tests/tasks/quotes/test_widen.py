from __future__ import annotations

from tasks.quotes import extract_quotes
from tests.tasks.quotes.steps import article


def test_a_surname_is_widened_to_the_full_name_given_before() -> None:
    body = "Anna Lindqvist spoke first. Later, Lindqvist said the bridge would open."
    assert article(body).fullest_name("Lindqvist", len(body)) == "Anna Lindqvist"


def test_a_name_never_given_in_full_stays_as_written() -> None:
    body = "Lindqvist spoke first."
    assert article(body).fullest_name("Lindqvist", len(body)) == "Lindqvist"


def test_a_title_is_widened_to_the_person_who_holds_it() -> None:
    body = (
        "The mayor of Valtorre, Hélène Marchand, opened the site. "
        "“We will finish it this year,” the mayor said."
    )
    quotes = extract_quotes(body, "en")
    assert [q.speaker for q in quotes] == ["Hélène Marchand"]

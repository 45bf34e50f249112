"""Pages that are not articles are told from short articles that mention a subscription."""

from __future__ import annotations

import pytest

from tasks.page_kind import MAX_WALL_WORDS, page_kind


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (
            "You have reached the limit for free access to our journalism.\n\n"
            "Subscribers, click below to log in and continue reading. Log In Sign Up",
            "paywall",
        ),
        (
            "Diese Seite verwendet Cookies. Für eine uneingeschränkte Nutzung der Webseite "
            "werden Cookies benötigt.",
            "consent",
        ),
        (
            "Hafen wieder offen Um die Funktion unserer Website zu verbessern, sammeln wir "
            "technische anonymisierte Informationen über Sie. Details zur Datenverarbeitung.",
            "consent",
        ),
        ("Can you chip in? We need your help to keep this library free.", "donation"),
        (
            "We are sorry, but we recorded a huge amount of connections from the IP address "
            "you are connecting from.",
            "blocked",
        ),
        ("Die Seite wurde nicht gefunden. Zurück zur Startseite.", "not_found"),
    ],
)
def test_walls_are_flagged_with_their_kind(body: str, kind: str) -> None:
    found = page_kind(body)
    assert found is not None and found.kind == kind and found.reason.startswith(kind)


def test_an_article_that_mentions_subscriptions_is_an_article() -> None:
    story = (
        "The council voted on Tuesday to raise bus fares. "
        "Commuters who subscribe to a monthly pass will see the largest rise, "
        "and unlimited access to the night routes ends in March. "
    )
    assert page_kind(story) is None
    long_story = "The harbour reopened after the storm. " * (MAX_WALL_WORDS // 6 + 1)
    assert page_kind(long_story + "This site uses cookies.") is None
    assert page_kind("") is None

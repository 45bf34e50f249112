from __future__ import annotations

import pytest

from tasks.quotes import extract_quotes


@pytest.mark.parametrize(
    ("body", "language", "speaker", "cue"),
    [
        (
            "The country is “racing towards the finish line,” as Van Jackson, a professor at "
            "a think tank in Hawaii, puts it.",
            "en",
            "Van Jackson",
            "puts it",
        ),
        (
            "The country is “racing towards the finish line,” as Van Jackson puts it.",
            "en",
            "Van Jackson",
            "puts it",
        ),
        (
            "Das Land sei „am Rand des Abgrunds“, wie Anna Berger sagte.",
            "de",
            "Anna Berger",
            "sagte",
        ),
    ],
)
def test_as_a_person_put_it(body: str, language: str, speaker: str, cue: str) -> None:
    (quote,) = extract_quotes(body, language)
    assert (quote.speaker, quote.cue) == (speaker, cue)

"""The speech-verb pattern that shares the verbs' beginnings finds what the plain list finds."""

from __future__ import annotations

import re

import pytest

from tasks.quotes.cues import _alternation, _shared_beginnings, cue_lexicon

VERBS = ["said", "says", "say", "said to", "told reporters", "told", "a-t-il déclaré", "déclaré"]
TEXTS = [
    "She said to him that it was fine, and says so again.",
    "He told reporters on Monday, then told   the court.",
    "« Non », a-t-il déclaré. Il a déclaré forfait.",
    "The sayings of a man who sayd nothing; they say.",
]


def _spans(pattern: str, text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    verb = re.compile(rf"(?<![\w’'-])(?P<verb>{pattern})(?![\w’'-])")
    return [(m.span(), m.span("verb")) for m in verb.finditer(text)]


@pytest.mark.parametrize("text", TEXTS)
def test_shared_beginnings_match_as_the_longest_first_list(text: str) -> None:
    assert _spans(_shared_beginnings(VERBS), text) == _spans(_alternation(VERBS), text)


def test_longest_phrase_wins() -> None:
    verb = re.compile(rf"(?P<verb>{_shared_beginnings(VERBS)})(?![\w’'-])")
    found = verb.search("Il a-t-il déclaré.")
    assert found is not None and found.group("verb") == "a-t-il déclaré"


def test_no_phrases_give_an_empty_pattern() -> None:
    assert _shared_beginnings([]) == ""


@pytest.mark.parametrize("language", ["en", "fr", "de", "es", "ru", None])
def test_lexicon_speech_verb_agrees_with_its_backward_twin(language: str | None) -> None:
    """The backward pattern keeps the plain list; both must find the same verbs."""
    lexicon = cue_lexicon(language)
    plain = re.compile(lexicon.last_speech_verb.pattern)
    text = " ".join(TEXTS) + " Lindqvist sagte, erklärte er. Dijo que sí, заявил он."
    assert [m.span() for m in lexicon.speech_verb.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]

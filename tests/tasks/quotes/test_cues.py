"""The speech-verb pattern that shares the verbs' beginnings finds what the plain list finds."""

from __future__ import annotations

import re

import pytest
import regex

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


@pytest.mark.parametrize("text", TEXTS)
def test_shared_endings_match_backwards_as_the_longest_first_list(text: str) -> None:
    def backwards(pattern: str) -> list[tuple[int, int]]:
        verb = regex.compile(rf"(?<![\w’'-])(?P<verb>{pattern})(?![\w’'-])", regex.REVERSE)
        return [m.span("verb") for m in verb.finditer(text)]

    shared = backwards(_shared_beginnings(VERBS, backwards=True))
    assert shared == backwards(_alternation(VERBS))
    assert shared  # every text holds a verb


def test_longest_phrase_wins() -> None:
    for pattern, flags in (
        (_shared_beginnings(VERBS), 0),
        (_shared_beginnings(VERBS, backwards=True), regex.REVERSE),
    ):
        found = regex.compile(rf"(?<![\w’'-])(?P<verb>{pattern})", flags).search(
            "Il a-t-il déclaré."
        )
        assert found is not None and found.group("verb") == "a-t-il déclaré"


def test_no_phrases_give_an_empty_pattern() -> None:
    assert _shared_beginnings([]) == ""


@pytest.mark.parametrize("language", ["en", "fr", "de", "es", "ru", None])
def test_lexicon_patterns_find_the_same_verbs_both_ways(language: str | None) -> None:
    lexicon = cue_lexicon(language)
    text = " ".join(TEXTS) + " Lindqvist sagte, erklärte er. Dijo que sí, заявил он."
    forward = [m.span() for m in lexicon.speech_verb.finditer(text)]
    assert forward == sorted(m.span() for m in lexicon.last_speech_verb.finditer(text))


def test_each_language_has_its_own_cue_file_of_known_lists() -> None:
    from tasks.quotes.cues import FALLBACK_LANGUAGES, WORD_LISTS, _load_cue_words

    cues = _load_cue_words()
    assert set(FALLBACK_LANGUAGES) <= set(cues)
    for language, lists in cues.items():
        assert set(lists) <= set(WORD_LISTS), language  # a misspelt list would be ignored
        assert {"verbs", "pronouns", "titles", "person_nouns"} <= set(lists), language
        assert all(isinstance(words, list) for words in lists.values()), language


@pytest.mark.parametrize(
    ("text", "language", "verb"),
    [
        (", a récemment déclaré Marie Dubois.", "fr", "a récemment déclaré"),
        (", ha finalmente dicho Ana Ruiz.", "es", "ha finalmente dicho"),
    ],
)
def test_an_adverb_may_sit_inside_a_verb_phrase(text: str, language: str, verb: str) -> None:
    lexicon = cue_lexicon(language)
    found = lexicon.speech_verb.search(text)
    assert found is not None and found.group("verb") == verb
    backwards = lexicon.last_speech_verb.search(text)
    assert backwards is not None and backwards.group("verb") == verb


def test_english_verb_phrases_take_no_adverb_inside() -> None:
    found = cue_lexicon("en").speech_verb.search(", has reportedly told reporters")
    assert found is not None and found.group("verb") != "has reportedly told"


def test_perfect_forms_join_every_auxiliary_to_every_participle() -> None:
    from tasks.quotes.cues import perfect_forms

    assert perfect_forms(["ha", "había"], ["dicho", "resumido"]) == [
        "ha dicho",
        "ha resumido",
        "había dicho",
        "había resumido",
    ]
    assert perfect_forms([], ["dicho"]) == []


@pytest.mark.parametrize(
    ("phrase", "inverted"),
    [
        ("raconte", ["raconte-t-il", "raconte-t-elle"]),
        ("dit", ["dit-il", "dit-elle"]),
        ("a raconté", ["a-t-il raconté", "a-t-elle raconté"]),
        ("se réjouit", ["se réjouit-il", "se réjouit-elle"]),
        ("s’inquiète", ["s’inquiète-t-il", "s’inquiète-t-elle"]),
        ("a-t-il déclaré", []),
    ],
)
def test_inverted_forms_join_the_pronoun_to_the_first_word_no_clitic(
    phrase: str, inverted: list[str]
) -> None:
    from tasks.quotes.cues import inverted_forms

    found = inverted_forms([phrase], ["-t-il", "-t-elle"], ["-il", "-elle"], ["se", "s’"])
    assert found == inverted


@pytest.mark.parametrize(
    ("text", "language", "verb"),
    [
        # French: present and compound past with the pronoun joined, reflexive forms
        ("», soupire-t-elle.", "fr", "soupire-t-elle"),
        ("», poursuit-il.", "fr", "poursuit-il"),
        ("», a-t-il conseillé.", "fr", "a-t-il conseillé"),
        ("», s’est-elle exclamée", "fr", "s’est-elle exclamée"),
        # Spanish compound past of every listed participle
        ("”, ha resumido Ana Ruiz.", "es", "ha resumido"),
        ("”, habían advertido los vecinos.", "es", "habían advertido"),
        # German reflexive verbs
        ("“, erinnert sich Petra Krämer.", "de", "erinnert sich"),
        ("“, zeigte sich der Trainer überzeugt.", "de", "zeigte sich"),
        # Russian past forms in three genders and numbers
        ("», — продолжила Анна Смирнова.", "ru", "продолжила"),
    ],
)
def test_reporting_verbs_in_their_compound_reflexive_and_inverted_forms(
    text: str, language: str, verb: str
) -> None:
    lexicon = cue_lexicon(language)
    found = lexicon.speech_verb.search(text)
    assert found is not None and found.group("verb").startswith(verb)


def test_an_inverted_verb_says_so_only_where_the_language_inverts() -> None:
    assert cue_lexicon("fr").is_inverted("dit-elle")
    assert cue_lexicon("fr").is_inverted("a-t-il raconté")
    assert not cue_lexicon("fr").is_inverted("a raconté")
    assert not cue_lexicon("es").is_inverted("dijo")

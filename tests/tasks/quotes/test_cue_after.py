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


def test_a_byline_dash_after_the_sentence_period_signs_the_quote() -> None:
    body = "Отзыв: «Это лучший стиль штор. У меня они на каждом окне». —ДжейДиг\n\nЦена: $12"
    assert [(q.speaker, q.rule) for q in extract_quotes(body, "ru")] == [
        ("ДжейДиг", "own_sentence")
    ]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Raina Lopes comió mariscos en Los Ángeles. "
            "«El ajo es tan delicioso aquí», dijo efusivamente, en el momento justo.",
            "Raina Lopes",
        ),
        (
            "Pablo Ortega volvió al club este lunes. "
            "«Sé que es la demanda y vamos adelante», dijo en una entrevista con la radio.",
            "Pablo Ortega",
        ),
    ],
)
def test_a_bare_verb_before_an_adverbial_stands_for_the_person_just_named(
    body: str, speaker: str
) -> None:
    quotes = extract_quotes(body, "es")
    assert [(q.speaker, q.rule) for q in quotes] == [(speaker, "pronoun")]


def test_a_verb_with_an_adverb_inside_keeps_its_inverted_speaker() -> None:
    body = (
        "Amazon investit encore. « Le climat est la plus grande menace », a récemment tweeté Bezos."
    )
    quotes = extract_quotes(body, "fr")
    assert [(q.speaker, q.cue) for q in quotes] == [("Bezos", "a récemment tweeté")]


TIME_PHRASE_CASES = [
    ("“El barrio necesita reabrir pronto”, afirmó este lunes la alcaldesa Marta Ibáñez.", "es"),
    ("« Le quartier doit rouvrir bientôt », a déclaré lundi la maire Marta Ibáñez.", "fr"),
    ("„Das Viertel muss bald öffnen“, sagte am Montag die Bürgermeisterin Marta Ibáñez.", "de"),
    ("«Район должен скоро открыться», — заявила в понедельник министр Анна Петрова.", "ru"),
]


@pytest.mark.parametrize(("body", "language"), TIME_PHRASE_CASES)
def test_a_time_phrase_between_the_verb_and_its_subject_is_passed_over(
    body: str, language: str
) -> None:
    (quote,) = extract_quotes(body, language)
    assert quote.speaker in ("Marta Ibáñez", "Анна Петрова")


def test_a_time_phrase_closed_by_a_comma_gives_no_subject_of_its_own() -> None:
    body = "“El barrio necesita reabrir pronto”, dijo hoy, en Madrid."
    (quote,) = extract_quotes(body, "es")
    assert quote.speaker != "Madrid"


@pytest.mark.parametrize(
    "body",
    [
        "„Wir haben genug Betten im Land“, ist Jan Vollmer überzeugt.",
        "„Wir haben genug Betten im Land“, hatte Moderator Jan Vollmer zu Beginn versprochen.",
    ],
)
def test_german_belief_words_and_perfect_participles_close_a_quote(body: str) -> None:
    (quote,) = extract_quotes(body, "de")
    assert (quote.speaker, quote.rule) == ("Jan Vollmer", "own_sentence")

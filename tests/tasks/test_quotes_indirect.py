"""Indirect quotes: reported speech of a named person without quote marks."""

from __future__ import annotations

import pytest

from tasks.quotes import Quote, extract_quotes


def indirect(body: str, language: str) -> list[Quote]:
    return [q for q in extract_quotes(body, language) if q.quote_type == "indirect"]


@pytest.mark.parametrize(
    ("language", "body", "speaker", "text"),
    [
        (
            "en",
            "Governor Lena Marsh visited the dam on Monday. Marsh said that the spillway would "
            "be rebuilt before the spring floods.",
            "Lena Marsh",
            "the spillway would be rebuilt before the spring floods",
        ),
        (
            "es",
            "La alcaldesa Inés Carvajal Ruiz visitó el barrio. Carvajal explicó que las obras "
            "terminarán antes del verano.",
            "Inés Carvajal Ruiz",
            "las obras terminarán antes del verano",
        ),
        (
            "de",
            "Bürgermeister Jens Ahlgrimm besuchte die Baustelle. Ahlgrimm sagte, dass die Brücke "
            "im Herbst wieder befahrbar sein werde.",
            "Jens Ahlgrimm",
            "die Brücke im Herbst wieder befahrbar sein werde",
        ),
        (
            "fr",
            "La ministre Claire Dufresnoy était à Lyon. Dufresnoy a déclaré que le pont serait "
            "rouvert avant l’hiver prochain.",
            "Claire Dufresnoy",
            "le pont serait rouvert avant l’hiver prochain",
        ),
        (
            "it",
            "Il sindaco Paolo Lenzi era in cantiere. Lenzi ha detto che il ponte riaprirà prima "
            "dell’inverno.",
            "Paolo Lenzi",
            "il ponte riaprirà prima dell’inverno",
        ),
        (
            "ru",
            "Министр Олег Давыдов выступил в Думе. Давыдов заявил, что налоги в этом году "
            "повышать не будут.",
            "Олег Давыдов",
            "налоги в этом году повышать не будут",
        ),
    ],
)
def test_named_person_said_that_is_an_indirect_quote(
    language: str, body: str, speaker: str, text: str
) -> None:
    (quote,) = indirect(body, language)
    assert (quote.speaker, quote.text, quote.speaker_kind) == (speaker, text, "person")
    assert body[quote.char_start : quote.char_end] == text


def test_told_a_listener_that_is_kept() -> None:
    body = "Omar Keel met the press. Keel told reporters that the vote would be held in June."
    (quote,) = indirect(body, "en")
    assert (quote.speaker, quote.cue) == ("Omar Keel", "told")


@pytest.mark.parametrize(
    "sentence",
    [
        "He said that the spillway would be rebuilt before the spring floods.",
        "The governor said that the spillway would be rebuilt before the spring floods.",
        "Officials said that the spillway would be rebuilt before the spring floods.",
        "Marsh said the plan that was agreed in May would cost far too much money.",
        "Marsh went on to win that seat in the spring by a wide margin.",
        "As Marsh said that the spillway would hold, the water kept rising fast.",
        'Marsh said that the spillway was "in better shape than anyone expected."',
    ],
)
def test_unsure_reported_speech_is_left_out(sentence: str) -> None:
    body = "Governor Lena Marsh visited the dam on Monday. " + sentence
    assert indirect(body, "en") == []


def test_a_surname_never_given_in_full_is_left_out() -> None:
    assert indirect("Marsh said that the spillway would be rebuilt before spring.", "en") == []


def test_indirect_rows_do_not_disturb_direct_quotes() -> None:
    body = (
        "Governor Lena Marsh visited the dam. Marsh said that the spillway would be rebuilt "
        'soon. "We will not lose another field to the river," she said.'
    )
    kinds = [(q.quote_type, q.speaker) for q in extract_quotes(body, "en")]
    assert kinds == [("indirect", "Lena Marsh"), ("direct", "Lena Marsh")]

from __future__ import annotations

import pytest

from tasks.quotes import extract_quotes
from tests.tasks.quotes.steps import article


def test_the_sentence_before_names_the_speaker() -> None:
    body = "Anna Lindqvist said on Monday:\n\n“We will build the bridge this year.”"
    found = article(body).neighbour_sentence(0, is_partial=False)
    assert found is not None and found.speaker == "Anna Lindqvist"


def test_a_quote_alone_after_a_sentence_with_a_person_as_subject() -> None:
    body = "Sen. Dana Welt criticised the plan. “It will cost far too much money.”"
    quotes = extract_quotes(body, "en")
    assert [(q.speaker, q.rule) for q in quotes] == [("Dana Welt", "neighbour_sentence")]


def test_a_signature_paragraph_below_the_quote() -> None:
    body = "“I never thought the town would change this much.”\n\n— Michelle Marks"
    quotes = extract_quotes(body, "en")
    assert [(q.speaker, q.rule) for q in quotes] == [("Michelle Marks", "neighbour_sentence")]


def test_no_neighbour_no_speaker() -> None:
    body = "The weather was fine. “We will build the bridge this year.”"
    assert article(body).neighbour_sentence(0, is_partial=False) is None


def test_an_inverted_verb_with_a_description_then_a_name_closing_the_sentence_before() -> None:
    body = (
        "Doce arqueros entrenan en el Instituto, dijo el entrenador y presidente de la "
        "Asociación de Arqueros, Julio Soler. «Abriremos el 2020 con un evento importante»"
    )
    quotes = extract_quotes(body, "es")
    assert [(q.speaker, q.rule) for q in quotes] == [("Julio Soler", "neighbour_sentence")]


def test_an_inverted_speaker_past_an_addressee_in_the_sentence_before() -> None:
    body = (
        "Varios testigos vieron las linternas cerca del zoo, dijo a la prensa Gerd Hammer, "
        "jefe de la policía. «La gente reportó ver esas linternas volando bajo.»"
    )
    quotes = extract_quotes(body, "es")
    assert [(q.speaker, q.rule) for q in quotes] == [("Gerd Hammer", "neighbour_sentence")]


def test_a_german_article_after_the_verb_opens_its_subject_not_an_addressee() -> None:
    body = (
        "Bundeskanzlerin Angela Merkel sprach lange. Wegen der Lage sagte der Kanzler: "
        "„Wir sind noch nicht so weit, um das zu sagen.“"
    )
    quotes = extract_quotes(body, "de")
    assert [q.speaker for q in quotes] == ["Angela Merkel"]


def test_a_name_after_of_and_a_colon_is_who_the_words_are_about() -> None:
    body = (
        "Recalling that moment, David Axford, who was chief strategist, said of Sanders: "
        "“The question is, will he do the same?”"
    )
    quotes = extract_quotes(body, "en")
    assert [q.speaker for q in quotes] == ["David Axford"]


CUE_CLOSING_SENTENCE_CASES = [
    (
        "No hay más detalles, dijo el comisario Thierry Vasseur tras una reunión en Bruselas. "
        "“Estamos analizando la situación ahora.”",
        "es",
    ),
    (
        "There were no details yet, said Thierry Vasseur after a meeting in Brussels. "
        "“We are analysing the situation now.”",
        "en",
    ),
]


@pytest.mark.parametrize(("body", "language"), CUE_CLOSING_SENTENCE_CASES)
def test_a_quote_alone_after_a_sentence_closed_by_a_cue_goes_on_with_its_speaker(
    body: str, language: str
) -> None:
    (quote,) = extract_quotes(body, language)
    assert (quote.speaker, quote.rule) == ("Thierry Vasseur", "neighbour_sentence")


def test_a_cue_closing_the_sentence_before_gives_nothing_to_a_quote_inside_a_sentence() -> None:
    body = (
        "There were no details yet, said Thierry Vasseur after a meeting. The plan was "
        "called “a waste of time and money” by critics."
    )
    assert all(q.speaker != "Thierry Vasseur" for q in extract_quotes(body, "en"))

from __future__ import annotations

import pytest

from tasks.quotes import extract_quotes
from tests.tasks.quotes.steps import article


@pytest.mark.parametrize(
    ("body", "speaker", "cue"),
    [
        ("“We will build the bridge this year,” said Anna Lindqvist.", "Anna Lindqvist", "said"),
        ("Anna Lindqvist told reporters: “We will build the bridge.”", "Anna Lindqvist", "told"),
        ("“The budget is gone,” according to Paul Riva.", "Paul Riva", "according to"),
    ],
)
def test_cue_in_the_quote_s_own_sentence(body: str, speaker: str, cue: str) -> None:
    found = article(body).own_sentence(0, is_partial=False)
    assert found is not None
    assert (found.speaker, found.cue) == (speaker, cue)


def test_a_quote_without_a_cue_in_its_sentence_is_left_to_later_steps() -> None:
    body = "Anna Lindqvist spoke on Monday. “We will build the bridge this year.”"
    assert article(body).own_sentence(0, is_partial=False) is None


def test_quotes_joined_by_and_share_the_cue_after_the_last() -> None:
    body = "“We will win this race” and “we will win the next one,” Howard Dean said."
    quotes = extract_quotes(body, "en")
    assert [q.speaker for q in quotes] == ["Howard Dean", "Howard Dean"]
    assert {q.rule for q in quotes} == {"own_sentence"}


def test_the_relay_is_the_whole_source_phrase() -> None:
    body = "The talks were “longer than planned,” Russian media quoted Dmitry Peskov as saying."
    (quote,) = extract_quotes(body, "en")
    assert (quote.speaker, quote.via) == ("Dmitry Peskov", "Russian media")


def test_a_closing_according_to_relays_every_fragment_of_the_sentence() -> None:
    body = (
        "Putin told reporters that a deal to “ease tensions in Syria” may come “within a few "
        "days,” according to the state news agency TASS."
    )
    quotes = extract_quotes(body, "en")
    assert [(q.speaker, q.via) for q in quotes] == [("Putin", "TASS"), ("Putin", "TASS")]


@pytest.mark.parametrize(
    ("body", "fragments"),
    [
        (
            "Barack Obama met Putin. Obama called the meeting “constructive” but not “conclusive.”",
            ["constructive", "conclusive."],
        ),
        (
            "Anna Lindqvist said the two sides still have “grave differences.”",
            ["grave differences."],
        ),
    ],
)
def test_short_fragments_of_reported_speech_are_partial_quotes(
    body: str, fragments: list[str]
) -> None:
    quotes = extract_quotes(body, "en")
    assert [q.text for q in quotes] == fragments
    assert {q.quote_type for q in quotes} == {"partial"}
    assert len({q.speaker for q in quotes}) == 1 and quotes[0].speaker is not None


def test_a_short_scare_quote_without_a_speaker_is_not_a_quote() -> None:
    assert extract_quotes("The so-called “reform” passed in May.", "en") == []


@pytest.mark.parametrize(
    ("body", "language", "speaker"),
    [
        (
            "« La situation est très préoccupante », affirme le directeur de l'Organisation "
            "mondiale de la santé (OMS), Matshidiso Moeti, dans un entretien.",
            "fr",
            "Matshidiso Moeti",
        ),
        (
            "Contactée dans la soirée, l’ARS explique que la hausse est due à « une "
            "actualisation des décès depuis une semaine ».",
            "fr",
            "ARS",
        ),
        (
            "“Debemos apoyar lo nuestro y a los artesanos”, resaltó Roy Guzmán.",
            "es",
            "Roy Guzmán",
        ),
    ],
)
def test_cues_of_other_languages(body: str, language: str, speaker: str) -> None:
    (quote,) = extract_quotes(body, language)
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    ("body", "language", "speaker"),
    [
        # a prepositional phrase, then the person closing the words before the verb
        (
            "Погода была хорошая. В своем письме Кваме Асанте объяснил, что «город ждет новых "
            "школ и больниц уже много лет».",
            "ru",
            "Кваме Асанте",
        ),
        # a title opening the last comma phrase before the verb
        (
            "В своем обращении, опубликованном в газете, пастор Кваме Асанте объяснил, что "
            "«город ждет новых школ и больниц уже много лет».",
            "ru",
            "Кваме Асанте",
        ),
        # a "when" clause is no such phrase: the subject after it speaks
        (
            "When Senator Ann Lowell said she would no longer back the plan, Marsh "
            "responded, “I doubt that Lowell will be in the room.”",
            "en",
            "Marsh",
        ),
    ],
)
def test_the_subject_past_an_opening_phrase(body: str, language: str, speaker: str) -> None:
    (quote,) = extract_quotes(body, language)
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    ("body", "language", "speaker"),
    [
        (
            "Los vecinos están “por salir de la crisis”, por lo que el barrio “necesita "
            "reabrir pronto”, afirmó la alcaldesa Marta Ibáñez Soler.",
            "es",
            "Marta Ibáñez Soler",
        ),
        (
            "Die Minister seien sich einig, dass die Lage eine „rasche gemeinsame Antwort“ "
            "erfordere, die „Geld, Personal und Geduld“ verbinde, sagte Jana Körber.",
            "de",
            "Jana Körber",
        ),
    ],
)
def test_a_fragment_shares_the_cue_closing_a_later_fragment_of_its_sentence(
    body: str, language: str, speaker: str
) -> None:
    quotes = extract_quotes(body, language)
    assert [q.speaker for q in quotes] == [speaker, speaker]
    assert quotes[0].rule == "own_sentence"


def test_a_fragment_takes_no_cue_from_the_next_sentence() -> None:
    body = (
        "Los vecinos están “por salir de la crisis” y lo celebran. “El barrio necesita "
        "reabrir pronto”, afirmó la alcaldesa Marta Ibáñez Soler."
    )
    first, _ = extract_quotes(body, "es")
    assert first.speaker is None


@pytest.mark.parametrize(
    "body",
    [
        "Die Lage ist ruhig. Dazu sagte Rainhard Vollmer: „Wir haben genug Betten im Land.“",
        "Die Lage ist ruhig. So erklärt Professor Rainhard Vollmer, Ökonom an der Universität "
        "Kiel, in „Wissen heute“: „Wir haben genug Betten im Land.“",
    ],
)
def test_a_name_right_after_an_inverted_german_verb_is_the_speaker(body: str) -> None:
    quote = extract_quotes(body, "de")[-1]
    assert (quote.speaker, quote.rule) == ("Rainhard Vollmer", "own_sentence")


def test_a_name_before_a_german_verb_stays_the_speaker_over_the_one_after() -> None:
    body = "Die Lage ist ruhig. Vollmer sagte Körber am Telefon: „Wir haben genug Betten.“"
    (quote,) = extract_quotes(body, "de")
    assert quote.speaker == "Vollmer"


def test_an_inverted_verb_inside_the_marks_is_the_quotes_own_cue() -> None:
    body = (
        "Claire Dumas parle longuement. Plus loin, comme le raconte Paul, 32 ans, chargé de "
        "cours. « Je suis très inquiet pour la suite, glisse-t-il devant la bibliothèque. "
        "Mon contrat ne sera pas renouvelé. »"
    )
    (quote,) = extract_quotes(body, "fr")
    assert (quote.speaker, quote.rule, quote.cue) == ("Paul", "pronoun", "glisse-t-il")


def test_an_inverted_verb_past_the_first_sentence_is_no_cue_of_the_quote() -> None:
    body = "Paul Girard parle. « Le service baisse. Je le répète, dit-il, tous les jours. »"
    speakers = article(body, "fr")
    assert speakers._incise_inside(0) is None


@pytest.mark.parametrize(
    ("body", "language", "speaker", "cue"),
    [
        # a Spanish incise between dashes, with the speaker's name
        (
            "“Esto no cambiará —dijo Ana Ruiz—, y lo sabemos todos desde hace meses”.",
            "es",
            "Ana Ruiz",
            "dijo",
        ),
        # a French incise with a name, in a quote whose closing mark comes much later
        (
            "« La crise a été longue, rappelle Claire Dumas, professeure à Lyon. Elle "
            "n’est pas finie. »",
            "fr",
            "Claire Dumas",
            "rappelle",
        ),
    ],
)
def test_a_speech_verb_and_name_set_off_inside_the_marks_attribute_the_quote(
    body: str, language: str, speaker: str, cue: str
) -> None:
    (quote,) = extract_quotes(body, language)
    assert (quote.speaker, quote.rule, quote.cue) == (speaker, "own_sentence", cue)


def test_a_speech_verb_inside_the_marks_without_a_subject_after_it_is_no_cue() -> None:
    body = "Paul Girard parle. « Nous avons, dit-on souvent, trop attendu pour agir. »"
    speakers = article(body, "fr")
    assert speakers._incise_inside(0) is None

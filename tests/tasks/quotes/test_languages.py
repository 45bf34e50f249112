"""Attribution in languages other than English: cues, names and quote marks of each."""

from __future__ import annotations

import pytest

from tasks.quotes import extract_quotes
from tests.tasks.quotes.steps import article


def speakers(body: str, language: str) -> list[tuple[str | None, str | None]]:
    """(speaker, rule) of each direct or partial quote."""
    quotes = extract_quotes(body, language)
    return [(q.speaker, q.rule) for q in quotes if q.quote_type != "indirect"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # a verb of the lexicon in its feminine and plural past forms
        ("«Мы откроем новый мост уже в этом году», — объяснила Анна Смирнова.", "Анна Смирнова"),
        ("«Денег на новый мост в этом году нет», — пожаловался Иван Петров.", "Иван Петров"),
        # a name alone after a quoted title, without the comma English would put there
        (
            "В интервью ежедневной газете «Вести» Смирнова сказала: «Мост откроем в этом году».",
            "Смирнова",
        ),
        # a two-letter initial ("Дж.") keeps the name whole
        ("«Мы откроем новый мост в этом году», — заявил губернатор Дж. Б. Смит.", "Дж. Б. Смит"),
    ],
)
def test_russian_cues(body: str, speaker: str) -> None:
    assert speakers(body, "ru")[-1] == (speaker, "own_sentence")


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # a name alone in parentheses right after the quote signs it
        ("Le maire a parlé. « Qui veut vraiment la paix prépare la paix » (Voltaire).", "Voltaire"),
        # a subordinator before the subject, and the acronym glossing a name left aside
        (
            "Alors que le directeur de l’Organisation mondiale de la santé (OMS) a appelé "
            "l’Afrique à « se préparer au pire », les hôpitaux se vident.",
            "le directeur de l’Organisation mondiale de la santé",
        ),
    ],
)
def test_french_cues(body: str, speaker: str) -> None:
    assert speakers(body, "fr")[-1] == (speaker, "own_sentence")


@pytest.mark.parametrize("verb", ["a mentionnée", "ont indiqué", "a fait savoir"])
def test_french_speech_verbs_name_the_cue(verb: str) -> None:
    body = f"« Nous allons soutenir les entreprises de la région », {verb} la préfète."
    (quote,) = extract_quotes(body, "fr")
    assert (quote.speaker, quote.cue) == ("la préfète", verb)


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # of two sources around a quote, the one right after it is its speaker
        (
            "Según el informe anual, “el 60% de los gastos no se justificó”, según el Síndic.",
            "Síndic",
        ),
        # a name with a colon before the quote, then a verb that reports a speech of its own
        (
            "Rossi: “Las Fuerzas Armadas ya producen alcohol en gel” El ministro de Defensa "
            "aseguró que están comprometidos.",
            "Rossi",
        ),
        # a bare verb whose period is glued to the next sentence
        (
            "“Hoy no hubo heridos”, explicó Eduardo Strusi. “Estamos muy felices”, "
            "aclaró.Marta Gil, la enfermera, atendió a 43 personas.",
            "Eduardo Strusi",
        ),
    ],
)
def test_spanish_cues(body: str, speaker: str) -> None:
    assert speakers(body, "es")[-1][0] == speaker


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # a separable verb: its first part right after the quote is the cue
        ("„Wir brauchen mehr Geld für die Schulen“, fügte Anna Berger hinzu.", "Anna Berger"),
        # a fronted object before the colon: the full name, not the capitalised noun
        (
            "Linz (APA) - Wenig Konkretes ortet Klubsprecher Markus Ornig im Stadt-Bonus: "
            "„Das ist ein Wahlzuckerl.“",
            "Markus Ornig",
        ),
        # an article in the dative or accusative opens no name ("Den KEC")
        (
            "Uwe Krupp meinte, Köln sei besonders. Den KEC, dem er „riesige Bedeutung für Köln“ "
            "zuordnet, "
            "sieht er gut aufgestellt.",
            "Uwe Krupp",
        ),
    ],
)
def test_german_cues(body: str, speaker: str) -> None:
    assert speakers(body, "de")[-1][0] == speaker


def test_a_verb_and_name_closing_the_sentence_before_attribute_the_quote() -> None:
    body = (
        "Вопрос миграции потребует долгих переговоров, говорит Мвагиру. "
        "«На уровне общин всё ещё много соперничества»."
    )
    assert speakers(body, "ru") == [("Мвагиру", "neighbour_sentence")]


def test_a_place_word_and_a_bullet_keep_places_and_headings_out_of_the_subject() -> None:
    body = (
        "В новостях • Дана Ли, 31 год, официантка кафе в Алпене, штат Мичиган, "
        "которая жила в приюте, сказала, что «такое не случается с такими, как я»."
    )
    assert speakers(body, "ru") == [("Дана Ли", "own_sentence")]


def test_the_text_read_for_a_cue_never_starts_inside_a_word() -> None:
    body = "Anna Lindqvist " + "spoke " * 80 + "“and so on.”"
    start = article(body)._leading_start(0, body.index("“"))
    assert start > 0 and body[start - 1] == " "


@pytest.mark.parametrize(
    ("body", "language", "speaker"),
    [
        # a pronoun right after the verb, before any name of the sentence
        (
            "Григор Димитров вернулся. «Этот год я запомню», — сказал он в Сиднее "
            "перед турниром ATP Cup.",
            "ru",
            "Григор Димитров",
        ),
        # a bare verb opening the sentence before a colon
        (
            "El secretario Kola Ologbondiyan habló en Abuja. Dijo: “El escaño pertenece al "
            "partido político”.",
            "es",
            "Kola Ologbondiyan",
        ),
    ],
)
def test_a_pronoun_or_bare_verb_stands_for_the_person_named_before(
    body: str, language: str, speaker: str
) -> None:
    assert speakers(body, language)[-1] == (speaker, "pronoun")


@pytest.mark.parametrize(
    ("body", "language", "speaker"),
    [
        # a definite article and a noun right after the verb: the noun, not a later name
        (
            "“No hay animales supervivientes”, escribió el zoo en su cuenta de Facebook, y "
            "precisó que Kidogo, un gorila, está bien.",
            "es",
            "el zoo",
        ),
        # a verb and a name set off by a comma before the colon ("…, so Christl:")
        (
            "Die Mutter war wohl überfordert, so Christl: „Wir wollen wissen, wer die Mutter ist.“",
            "de",
            "Christl",
        ),
    ],
)
def test_the_subject_next_to_an_inverted_verb(body: str, language: str, speaker: str) -> None:
    assert speakers(body, language)[-1] == (speaker, "own_sentence")


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # a pronoun right after the verb is its subject; the words before are an adverbial
        (
            "Bürgermeisterin Anna Roth eröffnete die Brücke. Nach dem Treffen mit den "
            "Stadträten der Region sagte sie: „Wir bauen die zweite Brücke im Herbst.“",
            "Anna Roth",
        ),
        # a definite description after the verb stands for the person with that title
        (
            "Finanzminister Karl Weber reiste nach Wien. Die Zahlungen kamen Ende 2019 an, "
            "sagte der Minister und klagte: „Das Geld reicht noch immer nicht.“",
            "Karl Weber",
        ),
    ],
)
def test_german_subject_after_the_verb(body: str, speaker: str) -> None:
    assert speakers(body, "de")[-1][0] == speaker


def test_an_indefinite_title_is_a_new_unnamed_source() -> None:
    body = (
        "Pressesprecherin Eva Kern stellte den Plan vor. „Wir rechnen mit mehr Gästen im "
        "Sommer“, sagte eine Sprecherin der Stadt."
    )
    assert speakers(body, "de")[-1][0] == "eine Sprecherin der Stadt"


def test_a_title_of_the_other_gender_when_none_of_its_own_is_named() -> None:
    body = (
        "Bundeskanzlerin Eva Lang traf die Landräte. „Wir brauchen mehr Geduld mit den "
        "Schulen“, sagte der Kanzler am Abend."
    )
    assert speakers(body, "de")[-1][0] == "Eva Lang"


def test_a_capitalised_word_after_an_inflected_adjective_is_a_noun() -> None:
    body = (
        "Minister Paul Brandt sprach in Graz. Dass sich ganze Kontinente von der Produktion "
        "befreit hätten, sei ein Fehler. „Da sollten wir alle etwas gelernt haben.“"
    )
    assert speakers(body, "de")[-1][0] != "Kontinente"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # a description in the genitive after "по словам" stands for the person named before
        (
            "Архиепископ Павел Орлов выступил в соборе. По словам российского богослова, "
            "верующие должны «жить в мире и согласии с соседями».",
            "Павел Орлов",
        ),
        # a description, then the name closing the sentence after an inverted verb
        ("«Я тренировался каждый день на нашей ферме», — сказал отец Марины, Девси.", "Девси"),
        # a verb in the neuter past, as after "агентство"
        ("«Переговоры продолжатся в понедельник утром», — сообщило агентство Рейтер.", "Рейтер"),
    ],
)
def test_russian_descriptions_and_neuter_verbs(body: str, speaker: str) -> None:
    found = speakers(body, "ru")[-1][0]
    assert found is not None
    assert speaker in found


def test_a_determiner_inside_a_german_run_splits_noun_from_name() -> None:
    body = (
        "Bundeskanzlerin Eva Lang sprach nach der Konferenz mit den Staats- und "
        "Regierungschefs der Nachbarländer. Danach sagte sie: „Wir brauchen noch Geduld.“"
    )
    assert speakers(body, "de")[-1][0] == "Eva Lang"


def test_a_source_cue_before_a_verb_takes_the_name_after_it() -> None:
    body = (
        "Las escuelas cierran hoy. Esta decisión, que según comentó la ministra de Educación, "
        "Laura Gómez, «no resultó nada fácil para el Gobierno», se revisará en abril."
    )
    assert speakers(body, "es")[-1][0] == "Laura Gómez"


def test_a_russian_verb_without_subject_then_a_body_quotes_the_body() -> None:
    body = "«Птица была передана под опеку нового хозяина», — добавили в полиции."
    assert speakers(body, "ru")[-1] == ("полиция", "own_sentence")


@pytest.mark.parametrize(
    ("body", "language", "speaker"),
    [
        # a French verb with its pronoun joined after the quote stands for the person before
        (
            "Claire Dumas dirige l’atelier depuis dix ans. « Nous rouvrirons l’usine en "
            "mai », a-t-elle raconté.",
            "fr",
            "Claire Dumas",
        ),
        (
            "Paul Girard a visité le chantier. « Les travaux avancent bien », constate-t-il.",
            "fr",
            "Paul Girard",
        ),
    ],
)
def test_an_inverted_verb_stands_for_the_person_named_before(
    body: str, language: str, speaker: str
) -> None:
    assert speakers(body, language)[-1] == (speaker, "pronoun")


@pytest.mark.parametrize(
    ("body", "language", "speaker"),
    [
        ("“El puente abrirá en mayo”, ha resumido Ana Ruiz.", "es", "Ana Ruiz"),
        ("“El puente abrirá en mayo”, abundó Luis Gómez.", "es", "Luis Gómez"),
        ("„Die Brücke öffnet im Mai“, erinnert sich Petra Krämer.", "de", "Petra Krämer"),
        ("„Die Brücke öffnet im Mai“, schimpft Jonas Keller.", "de", "Jonas Keller"),
        ("«Мост откроем в мае», — продолжил Иван Петров.", "ru", "Иван Петров"),
    ],
)
def test_reporting_verbs_added_to_the_lexicons(body: str, language: str, speaker: str) -> None:
    assert speakers(body, language)[-1] == (speaker, "own_sentence")

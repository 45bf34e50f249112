from __future__ import annotations

import pytest

from tasks.quotes import extract_quotes
from tests.tasks.quotes.steps import article


@pytest.mark.parametrize(
    ("body", "language", "speaker"),
    [
        (
            "Anna Lindqvist visited the site. “We will build it this year,” she said.",
            "en",
            "Anna Lindqvist",
        ),
        (
            "Laura Gómez visitó la obra. «Vamos a construirlo este año», aseguró.",
            "es",
            "Laura Gómez",
        ),
    ],
)
def test_pronoun_or_bare_verb_takes_the_person_just_named(
    body: str, language: str, speaker: str
) -> None:
    quotes = extract_quotes(body, language)
    assert [(q.speaker, q.rule) for q in quotes] == [(speaker, "pronoun")]


def test_a_gendered_pronoun_skips_a_person_of_the_other_gender() -> None:
    body = "Mrs. Anna Lindqvist met Mr. Paul Riva on Monday."
    subject = article(body).last_antecedent(len(body), "she")
    assert subject is not None and subject.speaker == "Anna Lindqvist"
    assert subject.rule == "pronoun"


def test_no_person_before_no_antecedent() -> None:
    assert article("The weather was fine.").last_antecedent(10, "he") is None


def test_a_pronoun_after_reported_speech_stands_for_the_sentence_s_speaker() -> None:
    found = article(
        "Robby Mook leads the campaign. Mook explained to advisers that the lawyer, Marc "
        "Elias, “made a convincing case to me this morning,” he wrote."
    ).own_sentence(0, is_partial=True)
    assert found is not None
    assert (found.speaker, found.rule) == ("Robby Mook", "pronoun")


@pytest.mark.parametrize(
    ("body", "language", "speaker"),
    [
        (
            "Ignacio Cabrera, director del hospital, contó a la radio que todo salió bien. "
            "«Ambas están internadas en buen estado», precisó el profesional.",
            "es",
            "Ignacio Cabrera",
        ),
        (
            "„Die Ernte war schlecht“, sagt Dirk Kalthaus, Vorsitzender des Verbands. "
            "Das Futter der Tiere war knapp. „Es regnete zu wenig“, sagt der Landwirt.",
            "de",
            "Dirk Kalthaus",
        ),
        (
            "Папа Франциск выступил в среду. «Женщины являются источником жизни», — сказал "
            "понтифик верующим, собравшимся в базилике Святого Петра.",
            "ru",
            "Франциск",
        ),
    ],
)
def test_a_definite_description_with_a_person_noun_stands_for_the_person_just_named(
    body: str, language: str, speaker: str
) -> None:
    quotes = [q for q in extract_quotes(body, language) if q.quote_type != "indirect"]
    assert (quotes[-1].speaker, quotes[-1].rule) == (speaker, "description")


@pytest.mark.parametrize(
    ("body", "language"),
    [
        # an indefinite description brings in a new, unnamed source
        (
            "Ignacio Cabrera dirige el hospital. «Todo salió bien», dijo un profesional.",
            "es",
        ),
        # no person named in the sentences just before
        (
            "Ignacio Cabrera dirige el hospital. El edificio es nuevo. Tiene diez plantas. "
            "La obra costó mucho. «Todo salió bien», dijo el profesional.",
            "es",
        ),
        # English keeps its descriptions as written ("the survey", "the crowd")
        ("Anna Lindqvist spoke first. “We will win,” said the candidate.", "en"),
    ],
)
def test_a_description_is_kept_as_written_without_a_person_just_named(
    body: str, language: str
) -> None:
    quotes = [q for q in extract_quotes(body, language) if q.quote_type != "indirect"]
    assert quotes[-1].rule != "description"
    assert quotes[-1].speaker is not None and quotes[-1].speaker.split()[0].islower()


def test_person_nouns_leave_titles_and_unnamed_sources_to_their_own_lists() -> None:
    from tasks.quotes.cues import cue_lexicon

    for language in ("es", "de", "fr", "it", "pt", "ru"):
        lex = cue_lexicon(language)
        assert lex.person_nouns, language
        assert not lex.person_nouns & (lex.titles | lex.source_nouns), language
    assert not cue_lexicon("en").person_nouns


@pytest.mark.parametrize(
    ("body", "speaker", "rule"),
    [
        # German capitalises the noun; the compound's head is the person noun
        (
            "Für Ministerpräsident Tobias Hans ist ein Rückzug von Kanzlerin Angela Merkel "
            "keine Frage. „Sie hat die Unterstützung der Partei“, sagte "
            "das CDU-Präsidiumsmitglied.",
            "Tobias Hans",
            "description",
        ),
        # a name right after the noun is the speaker, not a description
        (
            "Markus Ornig sprach zuerst. „Es zählt jeder kleinste Schritt“, ergänzt die Bremer "
            "Wissenschaftlerin Sonia Lippke.",
            "Sonia Lippke",
            "own_sentence",
        ),
    ],
)
def test_german_descriptions(body: str, speaker: str, rule: str) -> None:
    quotes = [q for q in extract_quotes(body, "de") if q.quote_type != "indirect"]
    assert quotes[-1].speaker is not None and quotes[-1].speaker.endswith(speaker)
    assert quotes[-1].rule == rule


@pytest.mark.parametrize(
    ("body", "language", "speaker"),
    [
        (
            "Les ventes repartent, a annoncé mardi Vellor. « Nos usines tourneront à plein dès "
            "juillet », a indiqué la société.",
            "fr",
            "Vellor",
        ),
        (
            "Norbanque a ouvert trois agences. La banque a déclaré que le plan visait à "
            "« servir enfin les villages » de la région.",
            "fr",
            "Norbanque",
        ),
    ],
)
def test_an_organisation_s_description_stands_for_the_organisation_just_named(
    body: str, language: str, speaker: str
) -> None:
    (quote,) = extract_quotes(body, language)
    assert quote.speaker == speaker
    assert quote.rule == "description"


@pytest.mark.parametrize(
    ("body", "language", "speaker"),
    [
        (
            "El Papa Tomás visitó Roma el martes. "
            "«Las mujeres son fuente de vida y de paz», consideró el Papa argentino.",
            "es",
            "Papa Tomás",
        ),
        (
            "Le chanteur Michel Vendel a perdu son argent. "
            "« Mon portefeuille est vide et triste », a déclaré le crooner.",
            "fr",
            "Michel Vendel",
        ),
        (
            "Le Premier ministre Markus Sauter a changé d'avis. "
            "« La Bavière est un État culturel et nous restons », a souligné le chef de la CSU.",
            "fr",
            "Markus Sauter",
        ),
    ],
)
def test_a_definite_description_of_any_noun_stands_for_the_person_named_before(
    body: str, language: str, speaker: str
) -> None:
    quotes = extract_quotes(body, language)
    assert [(q.speaker, q.rule) for q in quotes] == [(speaker, "description")]


@pytest.mark.parametrize(
    ("body", "language", "speaker"),
    [
        (
            "Los vecinos Pablo Ortega y Ana Ruiz llegaron. "
            "«No vamos a pagar más impuestos este año», dijeron los manifestantes.",
            "es",
            "los manifestantes",
        ),
        (
            "Anna Lindqvist visited the site. “We will build it this year,” said the crowd.",
            "en",
            "the crowd",
        ),
    ],
)
def test_a_plural_or_english_description_stays_as_written(
    body: str, language: str, speaker: str
) -> None:
    quotes = extract_quotes(body, language)
    assert [q.speaker for q in quotes] == [speaker]


def test_a_german_description_of_capitalised_common_nouns_stands_for_the_person_before() -> None:
    # "die Hamburger Wissenschaftssenatorin": nouns the tagger knows, no name
    body = (
        "Die Spitzenkandidatin Katharina Fegebank will weiter regieren. „Grün-Rot ist mein "
        "Favorit“, sagte die Hamburger Wissenschaftssenatorin der Zeitung."
    )
    assert [q.speaker for q in extract_quotes(body, "de")] == ["Katharina Fegebank"]


def test_nouns_before_a_name_after_a_preposition_give_no_described_person() -> None:
    # "von der Kanzlei Karimi": a firm after a preposition, not the lawyer described
    body = (
        "„Es gibt Umstände“, erklärt die Anwältin Sabine Fischer-Volk von der Kanzlei Karimi. "
        "„Reisende bekommen ihr Geld zurück“, sagt die Anwältin."
    )
    assert [q.speaker for q in extract_quotes(body, "de")] == [
        "Sabine Fischer-Volk",
        "Sabine Fischer-Volk",
    ]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "La cantante Linda Moreau habló en Madrid. “Si lees la historia, no te "
            "sorprenderás”, dijo la ganadora de diez premios Grammy.",
            "es",
        ),
        (
            "La chanteuse Linda Moreau a parlé à Lyon. « Si vous lisez l’histoire, vous ne "
            "serez pas surpris », a déclaré la lauréate de dix prix Grammy.",
            "fr",
        ),
    ],
)
def test_a_description_whose_names_sit_in_its_complement_stands_for_the_person_before(
    body: str, language: str
) -> None:
    (quote,) = extract_quotes(body, language)
    assert (quote.speaker, quote.rule) == ("Linda Moreau", "description")


def test_a_description_of_a_body_with_no_person_before_names_no_one_in_its_complement() -> None:
    body = "Hubo un incendio. “Vamos a ganar esta batalla”, dijo el portavoz de la Casa Blanca."
    (quote,) = extract_quotes(body, "es")
    assert quote.speaker != "Casa Blanca"


@pytest.mark.parametrize(
    ("body", "language", "speaker"),
    [
        (
            "Juan Pérez visitó el pueblo. La búsqueda sigue porque la Guardia Civil continúa "
            "inspeccionando las casas. “Estamos trabajando sin descanso”, ha señalado.",
            "es",
            "Juan Pérez",
        ),
        (
            "Marie Dubois a visité le port. Depuis lundi, la Sécurité Civile envoie des "
            "renforts. « Nous tiendrons jusqu’au bout », a-t-elle assuré.",
            "fr",
            "Marie Dubois",
        ),
    ],
)
def test_a_bare_verb_skips_a_name_after_an_article(body: str, language: str, speaker: str) -> None:
    quotes = extract_quotes(body, language)
    assert (quotes[-1].speaker, quotes[-1].rule) == (speaker, "pronoun")


def test_a_pronoun_resolved_to_a_person_tells_that_persons_gender() -> None:
    body = (
        "Nous rencontrons Marie Roux, puis raconte Antoine, 32 ans. « Je suis inquiet, "
        "glisse-t-il. » Plus tard : « Ce qu’on nous annonce est triste, soupire-t-elle. »"
    )
    quotes = extract_quotes(body, "fr")
    assert [q.speaker for q in quotes] == ["Antoine", "Marie Roux"]

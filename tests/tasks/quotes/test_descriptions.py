"""A definite description with a role noun stands for the person the article gave that role."""

from __future__ import annotations

import pytest

from tasks.quotes import extract_quotes
from tests.tasks.quotes.steps import article


def last_speaker(body: str, language: str) -> tuple[str | None, str | None]:
    quote = [q for q in extract_quotes(body, language) if q.quote_type != "indirect"][-1]
    return quote.speaker, quote.rule


@pytest.mark.parametrize(
    ("body", "language", "speaker"),
    [
        # the role given in the words before the name, then a description with an adjective
        (
            "El presidente de la Diputación de Soria, Luis Marín, visitó la planta. Los "
            "técnicos revisaron los hornos durante horas. Al final hubo acuerdo. “La planta "
            "abrirá en mayo”, explicó el presidente soriano.",
            "es",
            "Luis Marín",
        ),
        # the role given in an apposition after the name; another person named in between
        (
            "“No podemos dormir”, comenta Ana Gil, portavoz de la Asociación Vecinal del "
            "Puerto. Se reunieron con el concejal Pedro Ruiz. “Seguiremos con las protestas”, "
            "afirma la portavoz.",
            "es",
            "Ana Gil",
        ),
        # a role compound fits a compound of the same party before the hyphen
        (
            "SPD-Spitzenkandidatin Eva Brandt traf ihren CDU-Kontrahenten Jan Keller. "
            "„Das ist doch falsch“, ruft die SPD-Chefin, woraufhin Keller widerspricht.",
            "de",
            "Eva Brandt",
        ),
        (
            "Le chercheur de l’Inserm, Marc Olivier, a reçu les pêcheurs. Il a parlé des "
            "stocks. Puis il a visité le port. « Nous tiendrons les délais », a assuré le "
            "chercheur.",
            "fr",
            "Marc Olivier",
        ),
    ],
)
def test_a_role_description_stands_for_the_person_given_the_role(
    body: str, language: str, speaker: str
) -> None:
    assert last_speaker(body, language) == (speaker, "description")


def test_a_cue_after_a_name_gives_it_no_role() -> None:
    names = article(
        "Las aves de Thanh Hoa y Quang Ninh, dijo el funcionario, fueron sacrificadas.", "es"
    )
    run = next(r for r in names.body_runs if r.group().startswith("Thanh Hoa"))
    mention = names._mention_at(run)
    assert mention is not None
    assert "funcionario" not in [w.casefold() for w in names._role_words_around(mention)]


def test_a_description_without_a_fitting_person_stays_as_written() -> None:
    body = "Los vecinos protestaron ayer. “No podemos dormir”, afirmó el portavoz."
    assert last_speaker(body, "es")[0] == "el portavoz"


def test_a_conjunction_after_a_description_belongs_to_the_next_verb() -> None:
    body = "„Der Zins bleibt, wo er ist“, so der Experte und erklärt das Umfeld."
    assert last_speaker(body, "de")[0] == "der Experte"


@pytest.mark.parametrize(
    ("body", "language", "speaker"),
    [
        # a description with a person noun and an adjective; a single name named just before
        (
            "« Il faut tenir bon », glisse Leïla, étudiante en histoire. Debout devant la "
            "cafétéria, la jeune femme s’inquiète : « La priorité reste notre formation. »",
            "fr",
            "Leïla",
        ),
        (
            "“Hay que aguantar”, dice Lucía, estudiante de Derecho. Sentada en la cafetería, "
            "la joven admite: “Lo primero sigue siendo nuestra formación”.",
            "es",
            "Lucía",
        ),
    ],
)
def test_a_person_noun_stands_for_the_person_named_just_before(
    body: str, language: str, speaker: str
) -> None:
    assert last_speaker(body, language) == (speaker, "description")


def test_a_definite_article_ending_the_cue_opens_the_subject() -> None:
    body = (
        "Mario Keller, der Spitzenkandidat der CDU, kam spät. Er lasse sich nicht "
        "„als Lügner hinstellen“, so der CDU-Spitzenkandidat, als er wieder sprach."
    )
    assert last_speaker(body, "de") == ("Mario Keller", "description")


def test_a_name_alone_after_a_description_keeps_no_closing_punctuation() -> None:
    body = (
        "« Nous sommes fiers de ce label », a déclaré la directrice des produits, "
        "Marie Roux.; et les ventes suivent."
    )
    assert last_speaker(body, "fr") == ("Marie Roux", "own_sentence")


def test_a_role_of_a_body_fits_the_person_glossed_with_that_body() -> None:
    body = (
        "Le maire Paul Girard (PS) a parlé longuement du budget. Puis la séance a repris. "
        "Les élus ont voté. Le public est parti. "
        "« Nous tiendrons nos promesses », a souligné le chef du PS."
    )
    assert last_speaker(body, "fr") == ("Paul Girard", "description")


def test_a_body_is_no_role_of_the_person_given_its_name() -> None:
    body = (
        "El ministro de Exteriores, José Albares, viajó a El Cairo. “Se discutirá la "
        "tregua”, indicó el ministerio de Exteriores."
    )
    assert last_speaker(body, "es")[0] != "José Albares"


def test_a_role_before_a_titled_name_is_read_past_the_title() -> None:
    body = (
        "Der Chefvolkswirt der Landesbank, Professor Karl Weber, sprach am Morgen. Die Zinsen "
        "bleiben. Die Börse schloss ruhig. Der Handel war dünn. „Wir sehen keine Rezession“, "
        "sagte der Chefvolkswirt."
    )
    assert last_speaker(body, "de") == ("Karl Weber", "description")

from __future__ import annotations

import pytest

from tasks.quotes import extract_quotes
from tests.tasks.quotes.steps import article


def test_a_place_is_no_fuller_name_of_a_person() -> None:
    body = (
        "Ana Cruz says Hillsborough is “a microcosm of the state.” Voters in Hillsborough "
        "County differ. “That diversity makes it a purple county,” she says."
    )
    names = article(body)
    assert all(" " not in name for _, name in names._names_containing("Hillsborough"))
    assert [q.speaker for q in extract_quotes(body, "en")] == ["Ana Cruz", "Ana Cruz"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # a subject that lists names only gives the first
        (
            "Sens. Tom Carper, Dianne Feinstein, Patrick Leahy and Ben Cardin said the letter "
            "“leaves so many questions unanswered.”",
            "Tom Carper",
        ),
        # a name with an initial, then an apposition, after a question
        (
            "“Is it in our interest to act?” Lisa O. Monaco, Obama’s adviser on "
            "counterterrorism and homeland security, said at a summit.",
            "Lisa O. Monaco",
        ),
    ],
)
def test_the_name_that_speaks(body: str, speaker: str) -> None:
    (quote,) = extract_quotes(body, "en")
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    "body",
    [
        # every German noun is capitalised: one after a determiner, an adjective or a number
        # is no name
        "Die Minister seien einer Meinung, dass die schwierige Lage eine „rasche gemeinsame "
        "Lösung“ verlange.",
        "Das Werk funktioniere, aber die Lage „ist sehr ernst“.",
        "Wegen der Wartezeit von 14 Tagen gelte: „Wir können noch nichts sagen“.",
    ],
)
def test_a_german_noun_after_a_determiner_is_no_speaker(body: str) -> None:
    (quote,) = extract_quotes(body, "de")
    assert quote.speaker not in {"Meinung", "Lage", "Tagen", "Wegen der Wartezeit", "Wartezeit"}


def test_a_title_ending_a_compound_title_finds_the_person() -> None:
    body = (
        "Bundeskanzler Jonas Albrecht sieht keinen Grund zur Eile. „Wir brauchen mehr Geld "
        "für die Schulen“, sagte der Kanzler."
    )
    (quote,) = extract_quotes(body, "de")
    assert quote.speaker == "Jonas Albrecht"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # a run of common nouns and adjectives opening a sentence names nobody: the person
        # after the verb speaks
        (
            "Saisonale Arbeitskräfte warten auf Hilfe, sagte der Verbandschef Manfred Keller "
            "am Montag. „Viele Betriebe haben noch nicht geöffnet.“ Dann ging er.",
            "Manfred Keller",
        ),
        # a noun and its complement ("Nettozahler-Allianz von Österreich") is no name for
        # "sie"; the name with "von der" is
        (
            "Die Kommissionschefin Ursula von der Leyen zeigte sich zufrieden. Die "
            "Nettozahler-Allianz von Österreich blieb hart. Die Lage sei ernst, sagte sie: "
            "„Wir brauchen eine ehrgeizige gemeinsame Antwort.“",
            "Ursula von der Leyen",
        ),
    ],
)
def test_german_common_nouns_are_no_names(body: str, speaker: str) -> None:
    assert [q.speaker for q in extract_quotes(body, "de")] == [speaker]


def test_a_surname_that_is_also_a_noun_stays_a_name_after_its_first_name() -> None:
    body = (
        "Der Forscher Rainhard Busse ist zuversichtlich. „Wir haben genug Betten“, "
        "sagte Busse am Freitag."
    )
    assert [q.speaker for q in extract_quotes(body, "de")] == ["Rainhard Busse"]


def test_a_particle_after_a_common_noun_ends_the_run() -> None:
    names = article("Die Kontinente von der Produktion abhängig, sagte Eva Erben.", "de")
    assert names._clean_name("Kontinente von der Produktion")[0] == "Kontinente"
    assert names._clean_name("Ursula von der Leyen")[0] == "Ursula von der Leyen"

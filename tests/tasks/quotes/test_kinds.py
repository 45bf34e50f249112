from __future__ import annotations

import pytest

from tasks.quotes import extract_quotes
from tasks.quotes.cues import cue_lexicon
from tasks.quotes.kinds import called_organisation, description_kind, names_organisation
from tasks.quotes.patterns import NAME_RUN


@pytest.mark.parametrize(
    ("name", "is_organisation"),
    [("NATO", True), ("Ministry of Health", True), ("Anna Lindqvist", False)],
)
def test_organisation_names(name: str, is_organisation: bool) -> None:
    assert names_organisation(name, cue_lexicon("en")) is is_organisation


@pytest.mark.parametrize(
    ("description", "kind"),
    [("the ministry", "organization"), ("a senior official", "unnamed")],
)
def test_description_kinds(description: str, kind: str) -> None:
    assert description_kind(description, cue_lexicon("en")) == kind


@pytest.mark.parametrize(
    ("body", "language", "name", "expected"),
    [
        ("The deal went to the consortium Aurevo Mobility in May.", "en", "Aurevo Mobility", True),
        ("Kestmoor Rail, a Danish rail company, won.", "en", "Kestmoor Rail", True),
        ("Juno Craggate, the rail union organiser, said so.", "en", "Juno Craggate", False),
        ("Mike Shields, the group's president, said so.", "en", "Mike Shields", False),
        ("Der Auftrag ging an das Konsortium Nordbahn Partner.", "de", "Nordbahn Partner", True),
    ],
)
def test_the_article_s_own_apposition_names_an_organisation(
    body: str, language: str, name: str, expected: bool
) -> None:
    runs = list(NAME_RUN.finditer(body))
    assert called_organisation(body, name, runs, cue_lexicon(language)) is expected


def test_a_speaker_the_article_calls_a_consortium_is_an_organisation() -> None:
    body = (
        "The contract went to Kestmoor, passing over the consortium Aurevo Mobility. "
        "“We will consider all options,” Aurevo Mobility said."
    )
    (quote,) = extract_quotes(body, "en")
    assert (quote.speaker, quote.speaker_kind) == ("Aurevo Mobility", "organization")


def test_a_job_title_in_apposition_leaves_a_person() -> None:
    body = "Petra Brandt, a crane operator, said: “We have waited long enough for this.”"
    (quote,) = extract_quotes(body, "en")
    assert (quote.speaker, quote.speaker_kind) == ("Petra Brandt", "person")

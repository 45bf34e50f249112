from __future__ import annotations

import pytest

from tasks.quotes.cues import cue_lexicon
from tasks.quotes.kinds import description_kind, names_organisation


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

from __future__ import annotations

import pytest

from tasks.quotes.marks import find_quote_spans


@pytest.mark.parametrize(
    "body",
    [
        "Ana publicó un mensaje: “Ha sido un año crucial para todos ». Luego se fue.",
        'Ana publicó un mensaje: "Ha sido un año crucial para todos».',
    ],
)
def test_a_guillemet_after_the_last_word_closes_a_double_mark(body: str) -> None:
    spans = find_quote_spans(body)
    assert [body[s.start : s.end].strip() for s in spans] == ["Ha sido un año crucial para todos"]


def test_a_german_opening_guillemet_still_opens_its_own_quotation() -> None:
    body = "Er sagte: »Wir bleiben hier« und ging. Dann: “Das ist gut”."
    spans = find_quote_spans(body)
    assert [body[s.start : s.end] for s in spans] == ["Wir bleiben hier", "Das ist gut"]

"""Leaked line kinds judged per language: widget placeholders, follow prompts, disclaimers."""

from __future__ import annotations

import pytest

from tasks.clean import clean_dump

BODY = [
    "The harbour council approved the new ferry timetable on Monday after a long debate.",
    "Councillors said the winter crossings would run twice a day, with boats at weekends.",
    "The older boats will be replaced next year, the council said in a statement.",
]


def judged(leak: str) -> dict[str, str | None]:
    text = "\n".join(["Harbour council backs ferry timetable", BODY[0], leak, *BODY[1:]])
    return {line.text: line.reason for line in clean_dump(text).lines}


@pytest.mark.parametrize(
    ("leak", "reason"),
    [
        ("Loading...", "loading_marker"),
        ("Wird geladen …", "loading_marker"),
        ("Chargement en cours", "loading_marker"),
        ("Stay up to date with the latest news from the harbour.", "newsletter"),
        ("Bleiben Sie auf dem Laufenden mit unserem Angebot.", "newsletter"),
        ("Restez informés avec nos alertes.", "newsletter"),
        ("Market data provided by Example Feeds. Quotes delayed 15 minutes.", "disclaimer"),
        ("Die Angaben dienen nur zu Informationszwecken.", "disclaimer"),
        ("Datos de mercado proporcionados por Ejemplo. Solo con fines informativos.", "disclaimer"),
        (
            "[Editor's note: This story was updated on Tuesday to correct the name of the"
            " councillor who spoke at the meeting about the winter timetable.]",
            "disclaimer",
        ),
        ("Anmerkung der Redaktion: Der Text wurde am Dienstag ergänzt.", "disclaimer"),
        ("(Note de la rédaction : cet article a été mis à jour mardi.)", "disclaimer"),
        ("Firefighters at the harbour on Monday (Ada Quay/Wirelink)", "photo_caption"),
        ("Firefighters at the harbour on Monday. (Wirelink Photo/Ada Quay)", "photo_caption"),
        ("Firefighters at the harbour on Monday | Photo: Wirelink", "photo_caption"),
        ("Ada Quay covers local government across the region for the Harbour Times.", "author_bio"),
        ("Ada Quay berichtet über Kommunalpolitik für das Hafenblatt.", "author_bio"),
        ("Ada Quay couvre la politique locale pour le Journal du Port.", "author_bio"),
    ],
)
def test_leaked_line_kinds_leave_the_body(leak: str, reason: str) -> None:
    reasons = judged(leak)
    assert reasons[leak] == reason
    assert all(reasons[line] is None for line in BODY)


def test_prose_that_mentions_loading_stays() -> None:
    line = "Loading the ferries took longer than planned, the harbour master said."
    assert judged(line)[line] is None


def test_an_editors_note_opening_the_dump_is_not_the_title() -> None:
    note = "[Editor's note: This story was updated on Tuesday to correct a councillor's name.]"
    text = "\n\n".join([note, "Harbour council backs ferry timetable", *BODY])
    assert clean_dump(text).title == "Harbour council backs ferry timetable"


def test_prose_quoting_a_note_in_parentheses_stays() -> None:
    line = "The minister (NDLR : the transport minister) said the ferries would run daily."
    assert judged(line)[line] is None


def test_prose_ending_in_a_slashed_pair_stays() -> None:
    for line in (
        "The vote was close. The coalition partners disagreed (Labour/Greens)",
        "The coalition (Labour/Greens) said it would vote against the plan on Monday.",
    ):
        assert judged(line)[line] is None


def test_prose_with_a_bio_verb_stays() -> None:
    for line in (
        "Harbour Council covers the cost of the new ferries, the mayor said on Monday.",
        "The new law covers local government across the state for the first time.",
    ):
        assert judged(line)[line] is None

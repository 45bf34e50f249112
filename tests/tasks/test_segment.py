"""Segment: paragraph and sentence offsets always slice the body to the row's text, and the
per-language rules fix what the compiled splitter gets wrong in news."""

from __future__ import annotations

import json

import pytest
import sentencex
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.segment import join_paragraphs, segment_body
from tasks.segment.rules import RULES_DIR, language_key, rules_for
from tasks.segment.sentences import _is_one_sentence


def sentences_of(text: str, language: str | None) -> list[str]:
    return [s.text for s in segment_body(text, language)[1]]


def test_offsets_slice_body() -> None:
    body = join_paragraphs(
        [
            "Dr. Lena Ortiz arrived on Monday. She said the talks went well.",
            "„Wir sind zufrieden“, sagte er. Danach ging er.",
            "Один абзац. Второй абзац!",
        ]
    )
    paragraphs, sentences = segment_body(body, "en")
    assert [p.paragraph_idx for p in paragraphs] == [0, 1, 2]
    for p in paragraphs:
        assert body[p.char_start : p.char_end] == p.text
    for s in sentences:
        assert body[s.char_start : s.char_end] == s.text
        assert s.text == s.text.strip()
    assert [s.sentence_idx for s in sentences] == list(range(len(sentences)))
    assert sentences[0].text == "Dr. Lena Ortiz arrived on Monday."
    assert len([s for s in sentences if s.paragraph_idx == 2]) == 2


def test_empty_body_has_no_segments() -> None:
    assert segment_body("", "en") == ([], [])


def test_unknown_language_falls_back() -> None:
    _, sentences = segment_body("One. Two.", None)
    assert [s.text for s in sentences] == ["One.", "Two."]
    assert sentences_of("Dr. Ruiz came. He left.", "xx") == ["Dr. Ruiz came.", "He left."]


# Pieces that news bodies are made of, including the ones the rules are about.
PIECES = st.sampled_from(
    [
        "The council met",
        "Dr.",
        "Gov.",
        "J. R.",
        "U.S.",
        "Co.",
        "No. 4",
        "p.m.",
        "3.5",
        "1.",
        "a)",
        "z. B.",
        "т.е.",
        "«Oui»",
        '"Why?"',
        "“Stop.”",
        "she asked.",
        "It rained.",
        "(briefly.)",
        "...",
        ". . .",
        "…",
        "?",
        "!",
        ",",
        ":",
        "،",
        "https://example.org/a.html",
        "press@example.org.",
        "\u00a0",
        "\n",
        "\n\n",
        "  ",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    pieces=st.lists(PIECES, max_size=30),
    language=st.sampled_from(["en", "de", "fr", "ru", "ar", "da", "ja", None]),
)
def test_offsets_hold_for_any_body(pieces: list[str], language: str | None) -> None:
    """Every sentence slices the body, stays in its paragraph, and no text is lost."""
    body = " ".join(pieces).strip()
    paragraphs, sentences = segment_body(body, language)
    previous_end = -1
    for s in sentences:
        assert s.text and s.text == s.text.strip()
        assert body[s.char_start : s.char_end] == s.text
        assert s.char_start >= previous_end
        previous_end = s.char_end
        paragraph = paragraphs[s.paragraph_idx]
        assert paragraph.char_start <= s.char_start <= s.char_end <= paragraph.char_end
    assert [s.sentence_idx for s in sentences] == list(range(len(sentences)))
    covered = "".join(s.text for s in sentences)
    assert "".join(covered.split()) == "".join(body.split())


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Officials in Kyiv, Warsaw and Berlin – 40% of them – agreed"),
        ("en", "“We will not back down,” she told reporters in Geneva!"),
        ("de", "„Wir sind zufrieden“, sagte er am Montag in Berlin."),
        ("ar", "وقال المتحدث إن الاجتماع انتهى"),
        ("en", "Why not?\u201d"),
    ],
)
def test_line_without_inner_end_mark_is_one_sentence(language: str, text: str) -> None:
    """The shortcut that skips the splitter agrees with it: the whole line, one sentence."""
    assert _is_one_sentence(text)
    assert sentencex.segment(language, text) == [text]
    assert sentences_of(text, language) == [text]


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(["A", "Dr", "u", "5", "40%", "–", "\u00a0", "“", "»", ",", "@", "S", "ok"]),
        min_size=1,
        max_size=12,
    ),
    end=st.sampled_from(["", ".", "?", "!", "…", ".”", "?»"]),
    language=st.sampled_from(["en", "de", "fr", "ru", "el", "hy", "ja"]),
)
def test_shortcut_lines_are_one_splitter_sentence(
    words: list[str], end: str, language: str
) -> None:
    """Every line the shortcut takes is one sentence for the splitter too."""
    text = " ".join(words).strip() + end
    if text and _is_one_sentence(text):
        assert len(sentencex.segment(language, text)) == 1


def test_numbers_in_brackets_go_to_the_splitter() -> None:
    """ "(5) December 2019 (58) November": the splitter cuts there, so no shortcut."""
    assert not _is_one_sentence("Archive January 2020 (5) December 2019 (58) November")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # titles before names never end a sentence
        (
            "Gov. Elena Marsh signed the bill. Sen. Abe Kowal voted no.",
            ["Gov. Elena Marsh signed the bill.", "Sen. Abe Kowal voted no."],
        ),
        (
            "The award went to Ms. Okafor. Mrs. Lind was second.",
            ["The award went to Ms. Okafor.", "Mrs. Lind was second."],
        ),
        # numbers after "No.", months and volumes
        (
            "The vote is on Sept. 14 in Room No. 3. It is open.",
            ["The vote is on Sept. 14 in Room No. 3.", "It is open."],
        ),
        # abbreviations that end a sentence before a sentence starter, not before a name
        (
            "She sold it to Harlow & Co. They paid cash.",
            ["She sold it to Harlow & Co.", "They paid cash."],
        ),
        (
            "He moved to the U.S. The move was hard. The U.S. Senate agreed.",
            ["He moved to the U.S.", "The move was hard.", "The U.S. Senate agreed."],
        ),
        # times and "etc." before lower-case words
        (
            "Doors open at 6 p.m. on Friday and close at 11 p.m. Tickets are free.",
            ["Doors open at 6 p.m. on Friday and close at 11 p.m.", "Tickets are free."],
        ),
    ],
)
def test_abbreviations(text: str, expected: list[str]) -> None:
    assert sentences_of(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The report by T. J. Brandt was late. Brandt said so.",
            ["The report by T. J. Brandt was late.", "Brandt said so."],
        ),
        (
            "Mayor Rosa K. Ferreira won easily. Her rival conceded.",
            ["Mayor Rosa K. Ferreira won easily.", "Her rival conceded."],
        ),
        ("It was just you and I. Did it work?", ["It was just you and I.", "Did it work?"]),
    ],
)
def test_initials(text: str, expected: list[str]) -> None:
    assert sentences_of(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"We will rebuild the pier," the mayor said. "When?" a resident asked.',
            ['"We will rebuild the pier," the mayor said.', '"When?" a resident asked.'],
        ),
        (
            "“Is the ferry safe?” she asked. “It is!” he replied.",
            ["“Is the ferry safe?” she asked.", "“It is!” he replied."],
        ),
        # an opening mark left behind by the splitter goes with its sentence
        (
            "“It was a long night,” Okafor said. “We are tired.",
            ["“It was a long night,” Okafor said.", "“We are tired."],
        ),
        # several sentences inside one quotation stay one, as the splitter keeps them
        (
            'He added: "Nobody was hurt. The road is open."',
            ['He added: "Nobody was hurt. The road is open."'],
        ),
        ('She said: "We can\'t. We tried."', ['She said: "We can\'t. We tried."']),
        (
            "The plant (it opened in 1974.) closed in June. Workers left.",
            ["The plant (it opened in 1974.) closed in June.", "Workers left."],
        ),
    ],
)
def test_quotes_and_brackets(text: str, expected: list[str]) -> None:
    assert sentences_of(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He paused... and went on. Then silence.", ["He paused... and went on.", "Then silence."]),
        ("The law says . . . nothing more. Fine.", ["The law says . . . nothing more.", "Fine."]),
        (
            "1. Close the pier 2. Repair the hull 3. Reopen",
            ["1. Close the pier", "2. Repair the hull", "3. Reopen"],
        ),
        (
            "Two steps: a. fund the plan b. vote on it",
            ["Two steps: a. fund the plan", "b. vote on it"],
        ),
        (
            "See https://example.org/a.html for more. Write to desk@example.org. Thanks.",
            ["See https://example.org/a.html for more.", "Write to desk@example.org.", "Thanks."],
        ),
        ("Shares fell 2.5% to $10.75. Bonds rose.", ["Shares fell 2.5% to $10.75.", "Bonds rose."]),
        ("First line\nSecond line", ["First line", "Second line"]),
    ],
)
def test_ellipses_lists_urls_numbers_lines(text: str, expected: list[str]) -> None:
    assert sentences_of(text, "en") == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "de",
            "Der 2. Weltkrieg endete 1945. Am 3. Mai kam er zurück.",
            ["Der 2. Weltkrieg endete 1945.", "Am 3. Mai kam er zurück."],
        ),
        (
            "de",
            "Das gilt z. B. für Hamburg. Die Fa. Lenz zahlt ca. 5 Euro.",
            ["Das gilt z. B. für Hamburg.", "Die Fa. Lenz zahlt ca. 5 Euro."],
        ),
        (
            "de",
            "„Warum jetzt?“, fragte sie. Er schwieg.",
            ["„Warum jetzt?“, fragte sie.", "Er schwieg."],
        ),
        (
            "fr",
            "M. Lambert est arrivé. « Nous sommes prêts », a-t-il dit.",
            ["M. Lambert est arrivé.", "« Nous sommes prêts », a-t-il dit."],
        ),
        (
            "es",
            "La Dra. Vega llegó. «¿Por qué?», preguntó ella.",
            ["La Dra. Vega llegó.", "«¿Por qué?», preguntó ella."],
        ),
        (
            "it",
            "Il dott. Ferri ha parlato. Poi è partito.",
            ["Il dott. Ferri ha parlato.", "Poi è partito."],
        ),
        # an elided article does not hide the abbreviation behind it
        (
            "fr",
            "Le cortège part de l'av. Foch à midi. Il finit tard.",
            ["Le cortège part de l'av. Foch à midi.", "Il finit tard."],
        ),
        (
            "ru",
            "Это, т.е. проект, закрыт. Проф. Орлов сказал: «Всё».",
            ["Это, т.е. проект, закрыт.", "Проф. Орлов сказал: «Всё»."],
        ),
        (
            "pl",
            "Umowę podpisano w 2019 r. Spółka zyskała.",
            ["Umowę podpisano w 2019 r.", "Spółka zyskała."],
        ),
        (
            "da",
            "Mødet er den 3. maj. Hr. Holm kommer.",
            ["Mødet er den 3. maj.", "Hr. Holm kommer."],
        ),
        ("ja", "雨が降った。試合は中止です。", ["雨が降った。", "試合は中止です。"]),
        # Arabic counts a colon and a comma as sentence ends, but not inside a time
        (
            "ar",
            "قال الوزير: إن الوضع مستقر. وأضاف أن الساعة 10:30 مناسبة.",
            ["قال الوزير:", "إن الوضع مستقر.", "وأضاف أن الساعة 10:30 مناسبة."],
        ),
    ],
)
def test_languages(language: str, text: str, expected: list[str]) -> None:
    assert sentences_of(text, language) == expected


def test_rule_files_are_well_formed() -> None:
    lists = ("titles", "before_numbers", "abbreviations", "starters", "continuations")
    for path in sorted(RULES_DIR.iterdir(), key=lambda entry: entry.name):
        data = json.loads(path.read_text(encoding="utf-8"))
        for name in lists:
            words = data.get(name, [])
            assert all(isinstance(w, str) and w.strip() == w and w for w in words), path
            assert not any(w.endswith(".") for w in words), f"{path.name}: {name} keeps the period"
        assert all(w[:1].isupper() for w in data.get("starters", [])), path.name
        titles = {w.lower() for w in data.get("titles", [])}
        assert rules_for(path.name.removesuffix(".json")).known >= titles


def test_language_codes_are_normalised() -> None:
    assert language_key("pt-BR") == "pt"
    assert language_key("de_AT") == "de"
    assert language_key(None) == ""
    assert rules_for("DE-ch").ordinal_period
    assert rules_for(None).splitter_language == "en"


@pytest.mark.parametrize(
    "text", ["A\xa0. B c. D e.", "Je suis M\xa0. Dupont. Oui.", "x\u3000. Y z."]
)
def test_a_period_after_a_wide_space_neither_crashes_nor_moves_offsets(text: str) -> None:
    _, sentences = segment_body(text, "en")
    assert sentences
    assert "".join(s.text for s in sentences).replace(" ", "") == text.replace(" ", "")
    assert all(text[s.char_start : s.char_end] == s.text for s in sentences)

"""Segment: paragraph and sentence offsets always slice the body to the row's text."""

from __future__ import annotations

from tasks.segment import join_paragraphs, segment_body


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

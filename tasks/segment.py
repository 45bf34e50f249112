"""Segment: a clean body into paragraphs and sentences with character offsets.

Paragraphs are the body's "\\n\\n"-separated blocks. Sentences come from sentencex, a
compiled splitter with rules for about 300 languages, run per paragraph (a dump's lines
are already paragraphs). Offsets always slice `body` to the row's text.
"""

from __future__ import annotations

from dataclasses import dataclass

import sentencex

PARAGRAPH_SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class Paragraph:
    paragraph_idx: int
    text: str
    char_start: int
    char_end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    paragraph_idx: int
    sentence_idx: int
    text: str
    char_start: int
    char_end: int


def join_paragraphs(paragraphs: list[str]) -> str:
    return PARAGRAPH_SEPARATOR.join(paragraphs)


def split_paragraphs(body: str) -> list[Paragraph]:
    """Blocks between blank-line separators, offsets pointing into `body`."""
    found: list[Paragraph] = []
    start = 0
    for block in body.split(PARAGRAPH_SEPARATOR):
        text = block.strip()
        if text:
            lead = len(block) - len(block.lstrip())
            begin = start + lead
            found.append(Paragraph(len(found), text, begin, begin + len(text)))
        start += len(block) + len(PARAGRAPH_SEPARATOR)
    return found


def split_sentences(
    paragraph: Paragraph, language: str | None, first_idx: int = 0
) -> list[Sentence]:
    """Sentences of one paragraph, trimmed of surrounding spaces, offsets into the body.

    `sentence_idx` counts across the article, starting at `first_idx`.
    """
    found: list[Sentence] = []
    for boundary in sentencex.get_sentence_boundaries(language or "en", paragraph.text):
        start, end = boundary["start_index"], boundary["end_index"]
        raw = paragraph.text[start:end]
        text = raw.strip()
        if not text:
            continue
        begin = paragraph.char_start + start + (len(raw) - len(raw.lstrip()))
        found.append(
            Sentence(
                paragraph.paragraph_idx, first_idx + len(found), text, begin, begin + len(text)
            )
        )
    return found


def segment_body(body: str, language: str | None) -> tuple[list[Paragraph], list[Sentence]]:
    paragraphs = split_paragraphs(body)
    sentences: list[Sentence] = []
    for paragraph in paragraphs:
        sentences.extend(split_sentences(paragraph, language, len(sentences)))
    return paragraphs, sentences

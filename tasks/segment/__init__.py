"""Segment: a clean body into paragraphs and sentences with character offsets.

Paragraphs are the body's "\\n\\n"-separated blocks. Sentences come from sentencex, a
compiled splitter with rules for about 300 languages, run per paragraph (a dump's lines
are already paragraphs) and corrected by per-language rules (``sentences.py``,
``rules/*.json``). Offsets always slice `body` to the row's text.
"""

from __future__ import annotations

from dataclasses import dataclass

from tasks.segment.rules import rules_for
from tasks.segment.sentences import Span, add_line_spans, sentence_spans, spans_with_rules

PARAGRAPH_SEPARATOR = "\n\n"


@dataclass(slots=True)  # not frozen: a frozen dataclass is twice as slow to build
class Paragraph:
    paragraph_idx: int
    text: str
    char_start: int
    char_end: int


@dataclass(slots=True)  # not frozen: a frozen dataclass is twice as slow to build
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
            begin = start + block.find(text[0])  # only whitespace comes before it
            found.append(Paragraph(len(found), text, begin, begin + len(text)))
        start += len(block) + len(PARAGRAPH_SEPARATOR)
    return found


def split_sentences(
    paragraph: Paragraph, language: str | None, first_idx: int = 0
) -> list[Sentence]:
    """Sentences of one paragraph, trimmed of surrounding spaces, offsets into the body.

    `sentence_idx` counts across the article, starting at `first_idx`.
    """
    base = paragraph.char_start
    return [
        Sentence(
            paragraph.paragraph_idx,
            first_idx + i,
            paragraph.text[start:end],
            base + start,
            base + end,
        )
        for i, (start, end) in enumerate(sentence_spans(paragraph.text, language))
    ]


def segment_body(body: str, language: str | None) -> tuple[list[Paragraph], list[Sentence]]:
    """Paragraphs and sentences of a body; sentences never cross a paragraph."""
    paragraphs = split_paragraphs(body)
    rules = rules_for(language)
    sentences: list[Sentence] = []
    append = sentences.append  # the per-sentence loop is the hot path of this stage
    spans: list[Span] = []
    for paragraph in paragraphs:
        text, base, idx = paragraph.text, paragraph.char_start, paragraph.paragraph_idx
        if "\n" in text:
            spans = spans_with_rules(text, rules)
        else:  # one line, stripped and not empty
            spans.clear()
            add_line_spans(text, 0, rules, spans)
        for i, (start, end) in enumerate(spans, len(sentences)):
            append(Sentence(idx, i, text[start:end], base + start, base + end))
    return paragraphs, sentences

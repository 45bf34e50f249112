"""Build the attribution layers of one article, as `extract_quotes` does, for step tests."""

from __future__ import annotations

from tasks.quotes.cues import cue_lexicon
from tasks.quotes.marks import find_quote_spans, split_paragraphs
from tasks.quotes.speakers import ArticleSpeakers


def article(body: str, language: str = "en") -> ArticleSpeakers:
    """The speakers of `body` with every quote span found, none attributed yet."""
    paragraphs = split_paragraphs(body)
    return ArticleSpeakers(
        body, find_quote_spans(body, paragraphs), cue_lexicon(language), paragraphs
    )

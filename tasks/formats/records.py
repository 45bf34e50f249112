"""What every format reader yields: an article's text with hints, or a problem record.

Readers know nothing of the pipeline's tables; `tasks.ingest` turns these into decoded
dumps and quarantine rows. Hints are metadata an input states outright (a JSONL field, a
page's own <meta> tags); the pipeline prefers them to what it would infer from the text.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RecordHints:
    """Metadata stated by the input itself, each None when the input does not say."""

    title: str | None = None
    url: str | None = None  # where the record was fetched from
    canonical_url: str | None = None  # the page's own <link rel=canonical> / og:url
    published_date: datetime.date | None = None
    site_name: str | None = None  # og:site_name or a scraper's "source" field
    author: str | None = None
    # an organisation the page credits as the author (JSON-LD), a byline of last resort
    author_organisation: str | None = None
    language: str | None = None
    # the main-content extractor that chose the text from a page (its lines were already
    # judged by position in the markup), None for text taken as the input gives it
    extractor: str | None = None


@dataclass(frozen=True, slots=True)
class ParsedRecord:
    """One article from an input: its text (lines joined by "\\n") and what it states."""

    source_record: int  # 0-based record in the file; 0 for single-article files
    text: str
    encoding: str
    hints: RecordHints = RecordHints()
    raw_meta: str | None = None  # JSON of the input's fields newsflow has no column for


@dataclass(frozen=True, slots=True)
class RecordProblem:
    """A record (or the rest of a file) that could not be read, with the reason."""

    source_record: int
    error: str


@dataclass(frozen=True, slots=True)
class FormatLimits:
    """Size limits that keep one input from exhausting memory or time."""

    max_record_bytes: int  # one article's bytes (a page, a JSONL line, a WARC payload)
    max_decompressed_bytes: int  # a whole gzip stream, however many records it holds


class FormatError(ValueError):
    """Raised when bytes cannot be read as the format claims; the message is the reason."""


class StreamError(FormatError):
    """The input's byte stream itself failed (truncated, corrupt, too large): the rest of
    the file cannot be read, unlike a bad record, which is skipped alone."""

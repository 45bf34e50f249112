"""JSONL scraper records: one JSON object per line, each an article.

Fields scrapers commonly write are mapped to the article (text, or HTML run through the
HTML extractor; url, title, date, source, author, language); every other field is kept
verbatim in `raw_meta` so nothing a scraper recorded is lost. A line that is not a JSON
object, has no text, or is too long is quarantined alone and the rest of the file goes on.
`source_record` is the 0-based line number, so `sed -n '<n+1>p'` shows the record.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from typing import BinaryIO

from tasks.formats.gzip_limit import open_input
from tasks.formats.html import extract_html
from tasks.formats.records import (
    FormatError,
    FormatLimits,
    ParsedRecord,
    RecordHints,
    RecordProblem,
)

# Field names scrapers use for each piece, most specific first.
TEXT_FIELDS = ("text", "body", "content", "article", "maintext")
HTML_FIELDS = ("html", "raw_html", "page")
URL_FIELDS = ("url", "link", "source_url")
CANONICAL_FIELDS = ("canonical_url", "canonical")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("date", "published", "published_date", "date_publish", "pubdate", "datetime")
SITE_FIELDS = ("source", "site_name", "sitename", "outlet", "source_domain", "publisher")
AUTHOR_FIELDS = ("author", "authors", "byline")
LANGUAGE_FIELDS = ("language", "lang")
KNOWN_FIELDS = frozenset(
    TEXT_FIELDS
    + HTML_FIELDS
    + URL_FIELDS
    + CANONICAL_FIELDS
    + TITLE_FIELDS
    + DATE_FIELDS
    + SITE_FIELDS
    + AUTHOR_FIELDS
    + LANGUAGE_FIELDS
)


def _first_text(record: dict[str, object], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            value = ", ".join(str(v) for v in value)  # authors: ["A", "B"]
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def parse_date_field(value: str | None) -> datetime.date | None:
    """An ISO date or timestamp (what scrapers write); anything else is left to the text."""
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def parse_jsonl_record(line: bytes, source_record: int) -> ParsedRecord:
    """One JSONL line as an article; raises FormatError with the reason when it is not one."""
    try:
        record = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FormatError(f"malformed JSON line: {error}") from error
    if not isinstance(record, dict):
        raise FormatError(f"JSON line is a {type(record).__name__}, not an object")
    url = _first_text(record, URL_FIELDS)
    text = _first_text(record, TEXT_FIELDS)
    page_hints = RecordHints()
    if text is None:
        html = _first_text(record, HTML_FIELDS)
        if html is None:
            raise FormatError("record has no text or html field")
        text, page_hints = extract_html(html, url)
    hints = RecordHints(
        title=_first_text(record, TITLE_FIELDS) or page_hints.title,
        url=url or page_hints.url,
        canonical_url=_first_text(record, CANONICAL_FIELDS) or page_hints.canonical_url,
        published_date=parse_date_field(_first_text(record, DATE_FIELDS))
        or page_hints.published_date,
        site_name=_first_text(record, SITE_FIELDS) or page_hints.site_name,
        author=_first_text(record, AUTHOR_FIELDS) or page_hints.author,
        language=_first_text(record, LANGUAGE_FIELDS) or page_hints.language,
        extractor=page_hints.extractor,
    )
    unknown = {k: v for k, v in record.items() if k not in KNOWN_FIELDS}
    raw_meta = json.dumps(unknown, ensure_ascii=False, sort_keys=True) if unknown else None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return ParsedRecord(source_record, text, "utf-8", hints, raw_meta)


def _lines(stream: BinaryIO, max_line: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) pairs; None for a line longer than `max_line` (skipped unread)."""
    number = 0
    while True:
        line = stream.readline(max_line + 1)
        if not line:
            return
        if len(line) > max_line and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line
        number += 1


def read_jsonl(path: str, limits: FormatLimits) -> Iterator[ParsedRecord | RecordProblem]:
    """Every line of a .jsonl (or .jsonl.gz) file, streamed: one record or problem each."""
    next_record = 0
    try:
        with open_input(path, limits.max_decompressed_bytes) as stream:
            for number, line in _lines(stream, limits.max_record_bytes):
                next_record = number + 1
                if line is None:
                    yield RecordProblem(
                        number, f"line longer than the {limits.max_record_bytes}-byte limit"
                    )
                    continue
                if not line.strip():
                    continue
                try:
                    yield parse_jsonl_record(line, number)
                except FormatError as error:
                    yield RecordProblem(number, str(error))
    except (FormatError, OSError) as error:
        # the stream itself failed: what was read stays, the rest of the file is quarantined
        yield RecordProblem(next_record, str(error))

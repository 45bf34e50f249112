"""Readers for the input formats crawlers and scrapers write, chosen by file suffix.

Each reader is a pure function from a file path to an iterator of `ParsedRecord`s (an
article's text, the metadata the input states, its record number) and `RecordProblem`s
(a record, or the rest of a file, that could not be read, with the reason). Plain-text
dumps (.txt and any other suffix, gzipped or not) are not here: `tasks.ingest` decodes
them, reading gzip through `read_limited`.

| suffix                                  | reader          | records per file |
|-----------------------------------------|-----------------|------------------|
| .jsonl .ndjson (+ .gz)                  | jsonl.read_jsonl| one per line     |
| .html .htm .xhtml (+ .gz)               | html.read_html  | one              |
| .warc (+ .gz)                           | warc.read_warc  | one per HTML response |
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from tasks.formats.gzip_limit import read_limited
from tasks.formats.html import read_html
from tasks.formats.jsonl import read_jsonl
from tasks.formats.records import (
    FormatError,
    FormatLimits,
    ParsedRecord,
    RecordHints,
    RecordProblem,
    StreamError,
)
from tasks.formats.warc import read_warc

Reader = Callable[[str, FormatLimits], Iterator[ParsedRecord | RecordProblem]]

READERS: dict[str, Reader] = {
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".warc": read_warc,
}


def format_suffix(source_path: str) -> str:
    """The suffix that names the format, under a trailing .gz ("a.warc.gz" -> ".warc")."""
    name = source_path.rsplit("/", 1)[-1].lower()
    if name.endswith(".gz"):
        name = name[:-3]
    dot = name.rfind(".")
    return name[dot:] if dot > 0 else ""


def reader_for(source_path: str) -> Reader | None:
    """The reader of a structured input, or None for a plain-text dump."""
    return READERS.get(format_suffix(source_path))


__all__ = [
    "READERS",
    "FormatError",
    "FormatLimits",
    "ParsedRecord",
    "RecordHints",
    "RecordProblem",
    "Reader",
    "StreamError",
    "format_suffix",
    "read_limited",
    "reader_for",
]

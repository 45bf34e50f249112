"""WARC crawls: every HTML response record is one article, read as a stream.

Library choice, measured on 1,810 response records (300 MB of HTML, 62 MB gzipped):
fastwarc 2.0 read them in 0.6 s CPU, warcio in 1.3 s (1.5 s through our size-limited
gzip stream), both under 3% of the HTML extraction that follows (about 30 ms a page).
fastwarc 2.0 panics on a stream that cannot seek, so it cannot read through the
size-limited decompressor, and it ends silently on a truncated file; warcio reads any
stream and lets the decompressor report truncation. So warcio, behind `open_input`.

`source_record` is the record's 0-based position among all records of the file (warcinfo
and request records included), so it points at the record whatever filter was applied.
Records that are not successful HTML responses (requests, metadata, images, redirects)
are not articles and are passed over; an HTML response that is too large, truncated or
without main text is quarantined alone.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from tasks.formats.gzip_limit import open_input
from tasks.formats.html import decode_page, extract_html
from tasks.formats.records import (
    FormatError,
    FormatLimits,
    ParsedRecord,
    RecordProblem,
    StreamError,
)

HTML_TYPES = ("text/html", "application/xhtml+xml")


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return status.startswith("2") and content_type.startswith(HTML_TYPES)


def _article(record: Any, number: int, limits: FormatLimits) -> ParsedRecord:
    if record.length is not None and record.length > limits.max_record_bytes:
        raise FormatError(
            f"record of {record.length} bytes exceeds the {limits.max_record_bytes}-byte limit"
        )
    payload = record.content_stream().read(limits.max_record_bytes + 1)
    if len(payload) > limits.max_record_bytes:
        raise FormatError(f"payload inflates past the {limits.max_record_bytes}-byte limit")
    if getattr(record.raw_stream, "limit", 0):
        raise FormatError("WARC record truncated: the file ends inside it")
    url = record.rec_headers.get_header("WARC-Target-URI")
    markup, encoding = decode_page(payload)
    text, hints = extract_html(markup, url)
    provenance = {
        "warc_record_id": record.rec_headers.get_header("WARC-Record-ID"),
        "warc_date": record.rec_headers.get_header("WARC-Date"),
    }
    return ParsedRecord(number, text, encoding, hints, json.dumps(provenance, sort_keys=True))


def read_warc(path: str, limits: FormatLimits) -> Iterator[ParsedRecord | RecordProblem]:
    """Every HTML response of a .warc or .warc.gz file, streamed record by record."""
    # imported here so that runs without WARC inputs never load the library
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    next_record = 0
    try:
        with open_input(path, limits.max_decompressed_bytes) as stream:
            for number, record in enumerate(ArchiveIterator(stream)):
                next_record = number + 1
                if not _is_html_response(record):
                    continue
                try:
                    yield _article(record, number, limits)
                except StreamError:
                    raise
                except FormatError as error:
                    yield RecordProblem(number, str(error))
    except (FormatError, OSError) as error:
        yield RecordProblem(next_record, str(error))
    except ArchiveLoadFailed as error:
        yield RecordProblem(next_record, f"not a WARC record: {error}")

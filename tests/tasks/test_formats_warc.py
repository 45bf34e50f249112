"""WARC reader: HTML responses become articles, everything else is passed over."""

from __future__ import annotations

import gzip
from pathlib import Path

from tasks.formats import FormatLimits, ParsedRecord, RecordProblem, reader_for
from tasks.formats.warc import read_warc
from tests.tasks.test_formats_html import PARAGRAPHS, page

LIMITS = FormatLimits(max_record_bytes=100_000, max_decompressed_bytes=10_000_000)


def warc_record(kind: str, uri: str, block: bytes, n: int) -> bytes:
    """One WARC/1.0 record, written by hand as a crawler would."""
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
        f"WARC-Date: 2024-03-05T10:00:0{n}Z\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-00000000000{n}>\r\n"
        f"Content-Type: application/http; msgtype={kind}\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


def http_response(status: str, content_type: str, body: bytes) -> bytes:
    return (
        f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode() + body


def crawl(records: list[bytes], gzipped: bool) -> bytes:
    """Per-record gzip members, as crawlers write .warc.gz."""
    return b"".join(gzip.compress(r) for r in records) if gzipped else b"".join(records)


def sample_records() -> list[bytes]:
    html = page().encode()
    return [
        warc_record("request", "https://harbour.example/a", b"GET /a HTTP/1.1\r\n\r\n", 0),
        warc_record(
            "response",
            "https://harbour.example/a",
            http_response("200 OK", "text/html; charset=utf-8", html),
            1,
        ),
        warc_record(
            "response",
            "https://harbour.example/logo.png",
            http_response("200 OK", "image/png", b"\x89PNG...."),
            2,
        ),
        warc_record(
            "response",
            "https://harbour.example/gone",
            http_response("404 Not Found", "text/html", b"<html>gone</html>"),
            3,
        ),
        warc_record(
            "response",
            "https://harbour.example/empty",
            http_response(
                "200 OK", "text/html", b"<html><body><script>var a = 1;</script></body></html>"
            ),
            4,
        ),
    ]


def test_html_responses_become_articles(tmp_path: Path) -> None:
    for gzipped in (False, True):
        path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
        path.write_bytes(crawl(sample_records(), gzipped))
        records = list(read_warc(str(path), LIMITS))
        assert [type(r).__name__ for r in records] == ["ParsedRecord", "RecordProblem"]
        article, problem = records
        assert isinstance(article, ParsedRecord) and isinstance(problem, RecordProblem)
        assert article.source_record == 1 and problem.source_record == 4
        assert PARAGRAPHS[2] in article.text
        assert article.hints.url == "https://harbour.example/a"
        assert article.hints.canonical_url == "https://harbour.example/news/ferry-timetable"
        assert '"warc_date": "2024-03-05T10:00:01Z"' in (article.raw_meta or "")
    assert reader_for("crawls/c.warc.gz") is read_warc


def test_truncated_and_oversized_records(tmp_path: Path) -> None:
    records = sample_records()
    whole = crawl(records[:2], gzipped=False)
    (tmp_path / "cut.warc").write_bytes(whole[:-400])
    (problem,) = list(read_warc(str(tmp_path / "cut.warc"), LIMITS))
    assert isinstance(problem, RecordProblem) and "truncated" in problem.error
    gz = crawl(records[:2] * 10, gzipped=True)
    (tmp_path / "cut.warc.gz").write_bytes(gz[:-40])
    found = list(read_warc(str(tmp_path / "cut.warc.gz"), LIMITS))
    assert isinstance(found[0], ParsedRecord) and found[0].source_record == 1
    assert isinstance(found[-1], RecordProblem) and "truncated gzip" in found[-1].error
    small = FormatLimits(max_record_bytes=1_000, max_decompressed_bytes=10_000_000)
    (tmp_path / "big.warc").write_bytes(crawl(records[:2], gzipped=False))
    (too_big,) = list(read_warc(str(tmp_path / "big.warc"), small))
    assert isinstance(too_big, RecordProblem) and "exceeds" in too_big.error

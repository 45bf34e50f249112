"""JSONL reader: fields mapped, unknown fields kept, bad lines quarantined alone."""

from __future__ import annotations

import datetime
import gzip
import json
from pathlib import Path

from tasks.formats import FormatLimits, ParsedRecord, RecordProblem, reader_for
from tasks.formats.jsonl import read_jsonl

LIMITS = FormatLimits(max_record_bytes=10_000, max_decompressed_bytes=1_000_000)
BODY = "The harbour council approved the new ferry timetable on Monday after a long debate."


def _write(path: Path, lines: list[str]) -> Path:
    data = ("\n".join(lines) + "\n").encode()
    path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)
    return path


def test_fields_become_hints_and_unknown_fields_raw_meta(tmp_path: Path) -> None:
    record = {
        "url": "https://news.example/ferry",
        "title": "Ferry timetable approved",
        "text": BODY,
        "date": "2024-03-05T10:00:00Z",
        "source": "Harbour Times",
        "crawl_id": 42,
        "tags": ["ferry"],
    }
    path = _write(tmp_path / "dump.jsonl", [json.dumps(record)])
    (parsed,) = list(read_jsonl(str(path), LIMITS))
    assert isinstance(parsed, ParsedRecord)
    assert parsed.source_record == 0 and parsed.text == BODY
    assert parsed.hints.title == "Ferry timetable approved"
    assert parsed.hints.published_date == datetime.date(2024, 3, 5)
    assert parsed.hints.site_name == "Harbour Times"
    assert parsed.hints.url == "https://news.example/ferry"
    assert parsed.hints.extractor is None
    assert json.loads(parsed.raw_meta or "") == {"crawl_id": 42, "tags": ["ferry"]}


def test_malformed_line_is_quarantined_alone(tmp_path: Path) -> None:
    good = json.dumps({"text": BODY})
    path = _write(
        tmp_path / "dump.jsonl.gz",
        [good, "{not json", "", json.dumps([1, 2]), json.dumps({"title": "no text"}), good],
    )
    records = list(read_jsonl(str(path), LIMITS))
    assert [type(r).__name__ for r in records] == [
        "ParsedRecord",
        "RecordProblem",
        "RecordProblem",
        "RecordProblem",
        "ParsedRecord",
    ]
    assert [r.source_record for r in records] == [0, 1, 3, 4, 5]
    problems = [r for r in records if isinstance(r, RecordProblem)]
    assert "malformed JSON" in problems[0].error
    assert "not an object" in problems[1].error
    assert "no text or html" in problems[2].error


def test_html_field_goes_through_the_html_extractor(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Ferry timetable approved</title>"
        '<meta property="og:site_name" content="Harbour Times"></head><body>'
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
        + "".join(f"<p>{BODY} Paragraph {i} adds detail on fares and routes.</p>" for i in range(5))
        + "</article></body></html>"
    )
    path = _write(tmp_path / "pages.jsonl", [json.dumps({"html": page, "lang": "en"})])
    (parsed,) = list(read_jsonl(str(path), LIMITS))
    assert isinstance(parsed, ParsedRecord)
    assert "Paragraph 4 adds detail" in parsed.text and "Home" not in parsed.text
    assert parsed.hints.extractor == "trafilatura"
    assert parsed.hints.language == "en"
    assert parsed.raw_meta is None


def test_overlong_line_and_truncated_gzip(tmp_path: Path) -> None:
    lines = [json.dumps({"text": f"{BODY} Record {i}."}) for i in range(3000)]
    lines[1] = json.dumps({"text": "x " * 20_000})
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(gzip.compress("\n".join(lines).encode())[:-30])  # the download stopped
    records = list(read_jsonl(str(path), LIMITS))
    assert isinstance(records[0], ParsedRecord)
    assert isinstance(records[1], RecordProblem) and "longer than" in records[1].error
    assert all(isinstance(r, ParsedRecord) for r in records[2:-1]) and len(records) > 1000
    last = records[-1]
    assert isinstance(last, RecordProblem) and "truncated gzip" in last.error
    assert last.source_record == records[-2].source_record + 1


def test_reader_dispatch_by_suffix() -> None:
    assert reader_for("a/b/dump.jsonl.gz") is read_jsonl
    assert reader_for("dump.NDJSON") is read_jsonl
    assert reader_for("story.txt") is None and reader_for("story.txt.gz") is None
    assert reader_for("jsonl") is None

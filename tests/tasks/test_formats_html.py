"""HTML reader: main text and the page's own metadata, newsflow's cleaning after it."""

from __future__ import annotations

import datetime
import gzip
from pathlib import Path

from tasks.formats import FormatLimits, ParsedRecord, RecordHints, RecordProblem, reader_for
from tasks.formats.extracted import clean_record
from tasks.formats.hints import apply_hints, article_url
from tasks.formats.html import extract_html, read_html
from tasks.metadata import extract_metadata

LIMITS = FormatLimits(max_record_bytes=100_000, max_decompressed_bytes=1_000_000)
PARAGRAPHS = [
    f"The harbour council approved the new ferry timetable, said councillor number {i}, "
    "after a debate on fares, winter crossings and the cost of fuel for the older boats."
    for i in range(6)
]


def page(title: str = "Ferry timetable approved") -> str:
    return (
        "<!doctype html><html lang='en'><head>"
        f"<title>{title} | Harbour Times</title>"
        f'<meta property="og:title" content="{title}">'
        '<meta property="og:site_name" content="Harbour Times">'
        '<link rel="canonical" href="https://harbour.example/news/ferry-timetable">'
        '<meta property="article:published_time" content="2024-03-05T09:30:00+00:00">'
        "</head><body><header><nav><a href='/'>Home</a> | <a href='/sport'>Sport</a>"
        "</nav></header><main><article><h1>"
        f"{title}</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "<table>"
        "<tr><td>Route</td><td>Crossings</td></tr><tr><td>North</td><td>12</td></tr>"
        "</table></article></main><footer><p>© 2024 Harbour Times. All rights reserved.</p>"
        "<a href='/privacy'>Privacy</a></footer></body></html>"
    )


def test_extract_html_main_text_and_metadata() -> None:
    text, hints = extract_html(page(), "https://harbour.example/?id=7")
    assert all(p in text for p in PARAGRAPHS)
    assert "Privacy" not in text and "Sport" not in text
    assert hints.title == "Ferry timetable approved"
    assert hints.canonical_url == "https://harbour.example/news/ferry-timetable"
    assert hints.url == "https://harbour.example/?id=7"
    assert hints.published_date == datetime.date(2024, 3, 5)
    assert hints.site_name == "Harbour Times"
    assert hints.extractor == "trafilatura"


def test_cleaning_keeps_table_rows_and_drops_the_headline_copy() -> None:
    text, hints = extract_html(page())
    cleaned = clean_record("Ferry timetable approved\n" + text, hints)
    body = "\n".join(cleaned.paragraphs)
    assert "North" in body and PARAGRAPHS[-1] in body
    assert not body.startswith("Ferry timetable approved")
    meta = apply_hints(extract_metadata(cleaned), hints)
    assert meta.title == "Ferry timetable approved"
    assert meta.published_date == datetime.date(2024, 3, 5)
    assert meta.language == "en"
    assert article_url(hints) == "https://harbour.example/news/ferry-timetable"


def test_outlet_credited_in_text_wins_over_site_name() -> None:
    hints = RecordHints(site_name="Harbour Times", extractor="trafilatura")
    cleaned = clean_record("HAMBURG (Reuters) - " + PARAGRAPHS[0] + "\n" + PARAGRAPHS[1], hints)
    assert apply_hints(extract_metadata(cleaned), hints).outlet == "Reuters"
    plain = clean_record(PARAGRAPHS[0] + "\n" + PARAGRAPHS[1], hints)
    assert apply_hints(extract_metadata(plain), hints).outlet == "Harbour Times"


def test_read_html_gzipped_legacy_encoding_and_empty_page(tmp_path: Path) -> None:
    latin = page("Café reopens").replace("<head>", "<head><meta charset='iso-8859-1'>")
    (tmp_path / "a.html.gz").write_bytes(gzip.compress(latin.encode("latin-1")))
    empty = "<html><body><script>var a = 1;</script></body></html>"
    (tmp_path / "b.htm").write_text(empty, "utf-8")
    (parsed,) = list(read_html(str(tmp_path / "a.html.gz"), LIMITS))
    assert isinstance(parsed, ParsedRecord) and parsed.hints.title == "Café reopens"
    assert parsed.encoding != "utf-8"
    (problem,) = list(read_html(str(tmp_path / "b.htm"), LIMITS))
    assert isinstance(problem, RecordProblem) and "no main text" in problem.error
    assert reader_for("x/a.html.gz") is read_html and reader_for("b.HTM") is read_html

"""End to end: JSONL, HTML and WARC inputs (gzipped or not) through the real flow."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import duckdb
import pytest

from flows.pipeline import newsflow_pipeline
from tests.conftest import SAMPLE_RAW
from tests.tasks.test_formats_html import PARAGRAPHS, page
from tests.tasks.test_formats_warc import crawl, sample_records

TEXT = " ".join(PARAGRAPHS[:3])


def _rows(out: Path, table: str, columns: str) -> list[tuple[object, ...]]:
    return duckdb.sql(
        f"select {columns} from read_parquet('{out}/{table}/**/*.parquet', union_by_name=true) "
        "order by all"
    ).fetchall()


@pytest.fixture(scope="module")
def mixed_run(prefect_harness: None, tmp_path_factory: pytest.TempPathFactory):
    raw = tmp_path_factory.mktemp("raw")
    shutil.copy(next(SAMPLE_RAW.glob("*.txt")), raw / "plain.txt")
    (raw / "plain2.txt.gz").write_bytes(gzip.compress(f"A headline\n\n{TEXT}\n".encode()))
    lines = [
        json.dumps({"url": "https://a.example/1", "title": "Fares", "text": TEXT, "crawl": 1}),
        "{broken",
        json.dumps({"title": "Page", "html": page(), "date": "2024-01-02"}),
    ]
    (raw / "scrape.jsonl.gz").write_bytes(gzip.compress("\n".join(lines).encode()))
    (raw / "page.html.gz").write_bytes(gzip.compress(page().encode()))
    (raw / "crawl.warc.gz").write_bytes(crawl(sample_records(), gzipped=True))
    (raw / "bomb.html.gz").write_bytes(gzip.compress(b" " * 3_000_000))
    out = tmp_path_factory.mktemp("out")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSFLOW_MAX_INPUT_BYTES", "1000000")
        summary = newsflow_pipeline(raw_dir=str(raw), out_dir=str(out))
    return raw, out, summary


def test_each_record_is_an_article_with_its_record_number(mixed_run) -> None:
    _, out, summary = mixed_run
    articles = _rows(out, "articles", "source_path, source_record, title, url, raw_meta")
    assert [(a[0], a[1]) for a in articles] == [
        ("crawl.warc.gz", 1),
        ("page.html.gz", 0),
        ("plain.txt", 0),
        ("plain2.txt.gz", 0),
        ("scrape.jsonl.gz", 0),
        ("scrape.jsonl.gz", 2),
    ]
    by_key = {(a[0], a[1]): a for a in articles}
    assert by_key[("scrape.jsonl.gz", 0)][2:] == ("Fares", "https://a.example/1", '{"crawl": 1}')
    assert by_key[("page.html.gz", 0)][2:4] == (
        "Ferry timetable approved",
        "https://harbour.example/news/ferry-timetable",
    )
    assert summary.n_articles == 6


def test_bad_records_and_bombs_are_quarantined_alone(mixed_run) -> None:
    _, out, summary = mixed_run
    quarantine = _rows(out, "quarantine", "source_path, source_record, error")
    assert [(q[0], q[1]) for q in quarantine] == [
        ("bomb.html.gz", 0),
        ("crawl.warc.gz", 4),
        ("scrape.jsonl.gz", 1),
    ]
    reasons = {q[0]: q[2] for q in quarantine}
    assert "decompression bomb" in reasons["bomb.html.gz"]
    assert "malformed JSON" in reasons["scrape.jsonl.gz"]
    assert summary.n_quarantined == 3


def test_second_run_skips_every_file(mixed_run) -> None:
    raw, out, _ = mixed_run
    again = newsflow_pipeline(raw_dir=str(raw), out_dir=str(out))
    assert again.n_skipped == 6 and again.n_articles == 0
    assert len(_rows(out, "articles", "article_id")) == 6

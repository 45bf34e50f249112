"""Property tests: any text or bytes through every stage; nothing escapes, offsets hold.

Per-article stages run on generated text; the whole walk (files on disk -> ingest ->
per-article stages -> staged Parquet -> dedup and story clusters) runs on generated
bytes, so decoding, quarantine and the corpus stage see hostile input too.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pyarrow as pa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tasks import tables
from tasks.batch import build_batch_tables, process_input_batch
from tasks.corpus import cluster_articles
from tasks.dedup import NearDupRule
from tasks.ingest import DecodedDump, UnreadableInput, decode_text, discover_inputs
from tasks.quotes.marks import QUOTE_MARK
from tasks.settings import Settings
from tasks.write import parquet_files, read_state

_PIECES = list("abcdefghij ABCDEFGH .,;:!?-—–\n\"'“”‘’«»„‹›()0123456789é߯ñж中ا\u00a0\u200f\u0301")
_PIECES += ["said", " he said", "Share", "Print:", "\n\n", " according to ", "Mr. ", "The mayor"]
_PIECES += ["\r\n", "\r", "\x00", "\ufeff", "👩‍👩‍👧", "🇳🇴", "שלום", "\u202e", "<p>", "</script>"]
NEWSY = st.lists(st.sampled_from(_PIECES), max_size=600).map("".join)
# bytes that are often text: news-like text in a random encoding, sometimes damaged
ENCODED = st.tuples(
    NEWSY, st.sampled_from(["utf-8", "utf-16", "utf-8-sig", "latin-1", "cp1251", "shift_jis"])
).map(lambda pair: pair[0].encode(pair[1], errors="replace"))
DAMAGED = st.tuples(ENCODED, st.binary(max_size=8), st.integers(0, 2000)).map(
    lambda t: t[0][: t[2]] + t[1] + t[0][t[2] :]
)
ANY_BYTES = st.one_of(st.binary(max_size=800), ENCODED, DAMAGED)
_SETTINGS = Settings(workers=1, minhash_permutations=16)


def _without_marks_and_space(text: str) -> str:
    return "".join(QUOTE_MARK.sub("", text).split())


def _check_offsets(article_tables: dict[str, pa.Table]) -> None:
    """Every offset points inside its article's body and slices it to the row's text."""
    bodies = dict(
        zip(
            article_tables["articles"]["article_id"].to_pylist(),
            article_tables["articles"]["body"].to_pylist(),
            strict=True,
        )
    )
    for name in ("paragraphs", "sentences"):
        for row in article_tables[name].to_pylist():
            body = bodies[row["article_id"]]
            assert 0 <= row["char_start"] < row["char_end"] <= len(body)
            assert body[row["char_start"] : row["char_end"]] == row["text"]
    for row in article_tables["quotes"].to_pylist():
        body = bodies[row["article_id"]]
        assert 0 <= row["char_start"] < row["char_end"] <= len(body)
        assert row["text"]
        # a quotation over several paragraphs joins its pieces; between them sit only
        # spaces and the marks that reopen it
        inside = body[row["char_start"] : row["char_end"]]
        assert _without_marks_and_space(inside) == _without_marks_and_space(row["text"])


def _check(text: str) -> None:
    dump = DecodedDump("x.txt", 0, "h", text.replace("\r\n", "\n").replace("\r", "\n"), "utf-8")
    built = build_batch_tables([dump], "run", shingle_words=5, minhash_permutations=16)
    assert built.tables["articles"].num_rows + len(built.quarantine) == 1
    assert built.tables["articles"].num_rows == 1, "a readable dump is one article, never lost"
    _check_offsets(built.tables)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NEWSY)
def test_random_news_like_text_never_breaks_a_stage(text: str) -> None:
    _check(text)


@settings(max_examples=100, deadline=None)
@given(ANY_BYTES)
def test_random_bytes_decode_or_are_refused_with_a_reason(data: bytes) -> None:
    try:
        text, _ = decode_text(data)
    except UnreadableInput as refusal:
        assert str(refusal)
        return
    assert "\x00" not in text
    _check(text)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(ANY_BYTES, min_size=1, max_size=6))
def test_files_of_random_bytes_through_the_whole_walk(contents: list[bytes]) -> None:
    """Ingest, every per-article stage, staging and the corpus clusters: every file ends
    as one article or one quarantine row, and every offset holds."""
    with tempfile.TemporaryDirectory() as folder:
        raw, staged = Path(folder) / "raw", Path(folder) / "staged"
        raw.mkdir()
        for i, data in enumerate(contents):
            (raw / f"{i}.txt").write_bytes(data)
        inputs, problems = discover_inputs(str(raw))
        assert len(inputs) == len(contents) and not problems
        report = process_input_batch(inputs, str(staged), "run", _SETTINGS)
        assert report.n_articles + report.n_quarantined == len(contents)
        assert all(reason.strip() for reason in report.quarantine_reasons)
        staged_tables = {
            name: read_state(staged, name, schema) for name, schema in tables.ARTICLE_TABLES.items()
        }
        _check_offsets(staged_tables)
        if not report.n_articles:
            return
        assignments = cluster_articles(
            parquet_files(staged / "articles"),
            parquet_files(staged / "_sketches"),
            [],
            lsh_bands=4,
            rule=NearDupRule(5, 0.7, 0.45, 0.8),
            story_window_days=3,
            story_similarity=0.3,
        )
        assert sorted(assignments["article_id"].to_pylist()) == sorted(
            staged_tables["articles"]["article_id"].to_pylist()
        )

"""Property test: any text through every per-article stage; nothing escapes, offsets hold."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tasks.batch import build_batch_tables
from tasks.ingest import DecodedDump, UnreadableInput, decode_text, normalise_newlines

_PIECES = list("abcdefghij ABCDEFGH .,;:!?-—–\n\"'“”‘’«»„‹›()0123456789é߯ñж中ا\u00a0\u200f\u0301")
_PIECES += ["said", " he said", "Share", "Print:", "\n\n", " according to ", "Mr. ", "The mayor"]
NEWSY = st.lists(st.sampled_from(_PIECES), max_size=600).map("".join)


def _check(text: str) -> None:
    dump = DecodedDump("x.txt", 0, "h", normalise_newlines(text), "utf-8")
    tables = build_batch_tables([dump], "run", shingle_words=5, minhash_permutations=16).tables
    assert tables["articles"].num_rows == 1, "a readable dump is one article, never lost"
    body = tables["articles"]["body"][0].as_py()
    for name in ("paragraphs", "sentences"):
        for row in tables[name].to_pylist():
            assert body[row["char_start"] : row["char_end"]] == row["text"]
    for row in tables["quotes"].to_pylist():
        assert 0 <= row["char_start"] < row["char_end"] <= len(body)
        assert row["text"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NEWSY)
def test_random_news_like_text_never_breaks_a_stage(text: str) -> None:
    _check(text)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=800))
def test_random_bytes_decode_or_are_refused_with_a_reason(data: bytes) -> None:
    try:
        text, _ = decode_text(data)
    except UnreadableInput as refusal:
        assert str(refusal)
        return
    _check(text)

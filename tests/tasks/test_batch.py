"""The per-batch walk: every line accounted for, offsets valid, seeds cleaned and quoted."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import tasks.batch
from tasks.batch import (
    DECODED_DIR,
    build_batch_tables,
    count_batch_site_lines,
    process_input_batch,
)
from tasks.ingest import DecodedDump, decode_text, discover_inputs, normalise_newlines
from tasks.settings import Settings
from tasks.tables import ARTICLE_TABLES
from tasks.write import SITE_LINE_ROWS_DIR, read_state

DUMP = """Harbour pilots end strike after pay deal

Harbour pilots end strike after pay deal
Share
Print
1,204 views

LISBON, March 3 (Atlantic Press) -- Harbour pilots at the port of Lisbon returned to work on \
Friday after their union accepted a pay offer worth 6 percent over two years.

"This deal recognises the skill and the risk of the job," said union leader Marta Quental. \
"We are glad to be back on the water."

The port authority said shipping would return to normal by Sunday.

Add new comment
Enter the characters shown in the image.
"""


def _batch(*texts: str) -> dict:
    dumps = [DecodedDump(f"d{i}.txt", 0, f"h{i}", t, "utf-8") for i, t in enumerate(texts)]
    return build_batch_tables(dumps, "run", shingle_words=5, minhash_permutations=64).tables


def test_every_non_blank_line_is_body_or_boilerplate() -> None:
    tables = _batch(DUMP)
    body = tables["articles"]["body"][0].as_py()
    removed = tables["boilerplate"]["text"].to_pylist()
    assert all(tables["boilerplate"]["reason"].to_pylist())
    for line in DUMP.splitlines():
        if line.strip():
            assert " ".join(line.split()) in body or line in removed, line
    assert "Share" not in body.split() and "views" not in body
    assert tables["articles"]["title"][0].as_py() == "Harbour pilots end strike after pay deal"


def test_offsets_point_into_the_body() -> None:
    tables = _batch(DUMP, "Just one line that is a headline")
    bodies = dict(
        zip(
            tables["articles"]["article_id"].to_pylist(),
            tables["articles"]["body"].to_pylist(),
            strict=True,
        )
    )
    for name in ("paragraphs", "sentences"):
        for row in tables[name].to_pylist():
            assert bodies[row["article_id"]][row["char_start"] : row["char_end"]] == row["text"]
    for row in tables["quotes"].to_pylist():
        assert 0 <= row["char_start"] < row["char_end"] <= len(bodies[row["article_id"]])
    assert tables["_sketches"].num_rows == tables["articles"].num_rows


def test_empty_batch_gives_empty_tables() -> None:
    tables = _batch()
    assert all(t.num_rows == 0 for t in tables.values())


@pytest.fixture(scope="module")
def seed_tables(shared_dir: Path) -> dict:
    texts = []
    for path in sorted((shared_dir / "seeds").glob("*.txt")):
        text, _ = decode_text(path.read_bytes())
        texts.append(normalise_newlines(text))
    return _batch(*texts)


def test_seed_boilerplate_is_removed_with_reasons(seed_tables: dict) -> None:
    bodies = seed_tables["articles"]["body"].to_pylist()
    removed = seed_tables["boilerplate"].to_pylist()
    for widget in (
        "7695 views",
        "Print:",
        "Add new comment",
        "Fecha de publicación",
        "Enter the characters shown in the image",
        "Imagen principal",
    ):
        assert not any(widget in body for body in bodies), widget
        assert any(widget in row["text"] and row["reason"] for row in removed), widget


def test_seed_quotes_and_speakers_are_found(seed_tables: dict) -> None:
    quotes = seed_tables["quotes"].to_pylist()
    speakers = {q["speaker"] for q in quotes if q["speaker"]}
    assert any("Putin" in s for s in speakers)
    assert any("Obama" in s for s in speakers)
    assert any(s and "official" in s for s in speakers)
    tass = [q for q in quotes if q["text"].startswith("Against all odds")]
    assert tass and "Putin" in (tass[0]["speaker"] or "")


def test_failing_articles_are_quarantined_in_input_order_with_their_stage(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Stages run over the whole batch in turn: a failure keeps its stage, the quarantine
    and the rows keep the input order."""

    def fail_on_marked(step: Callable[..., Any], mark: str) -> Callable[..., Any]:
        def step_or_fail(body: str, *args: Any) -> Any:
            if mark in body:
                raise ValueError(mark)
            return step(body, *args)

        return step_or_fail

    monkeypatch.setattr(
        tasks.batch, "segment_body", fail_on_marked(tasks.batch.segment_body, "SEGFAIL")
    )
    monkeypatch.setattr(
        tasks.batch, "extract_quotes", fail_on_marked(tasks.batch.extract_quotes, "QUOTEFAIL")
    )
    texts = [
        DUMP,
        DUMP.replace("Sunday", "Sunday QUOTEFAIL"),
        DUMP,
        DUMP.replace("Friday", "Friday SEGFAIL"),
        DUMP,
    ]
    dumps = [DecodedDump(f"d{i}.txt", 0, f"h{i}", t, "utf-8") for i, t in enumerate(texts)]
    built = build_batch_tables(dumps, "run", shingle_words=5, minhash_permutations=64)
    assert [(q.source_path, q.stage) for q in built.quarantine] == [
        ("d1.txt", "quotes"),
        ("d3.txt", "segment"),
    ]
    assert built.tables["articles"]["source_path"].to_pylist() == ["d0.txt", "d2.txt", "d4.txt"]
    assert built.tables["_sketches"].num_rows == 3


def test_pass_two_takes_pass_ones_decoded_dumps_and_gives_the_same_tables(tmp_path: Path) -> None:
    """Pass 1 keeps the decoded plain dumps; pass 2 builds the same tables from them without
    reading the files again (they are overwritten in between), then removes them."""
    raw = tmp_path / "raw"
    (raw / "example.com").mkdir(parents=True)
    (raw / "example.com" / "a.txt").write_text(DUMP.replace("\n", "\r\n"), encoding="utf-8")
    (raw / "example.com" / "b.txt").write_bytes(DUMP.replace("Lisbon", "Évora").encode("latin-1"))
    (raw / "example.com" / "c.txt.gz").write_bytes(gzip.compress(DUMP.encode("utf-16")))
    (raw / "example.com" / "long.txt").write_text(DUMP + "x" * 300 + "\n", encoding="utf-8")
    inputs, problems = discover_inputs(str(raw))
    assert len(inputs) == 4 and not problems
    settings = Settings(workers=1, minhash_permutations=16, max_line_chars=200)

    def tables_of(staged: Path) -> dict[str, list[dict[str, Any]]]:
        return {n: read_state(staged, n, s).to_pylist() for n, s in ARTICLE_TABLES.items()}

    read_twice = tmp_path / "read-twice"
    process_input_batch(inputs, str(read_twice), "run", settings)
    read_once = tmp_path / "read-once"
    assert count_batch_site_lines(inputs, settings, str(read_once / SITE_LINE_ROWS_DIR)) > 0
    for item in inputs:
        Path(item.path).write_bytes(b"overwritten after pass 1")
    report = process_input_batch(inputs, str(read_once), "run", settings)
    assert (report.n_articles, report.n_quarantined) == (3, 1)  # the overlong line still refused
    assert tables_of(read_once) == tables_of(read_twice)
    assert not list((read_once / DECODED_DIR).iterdir())

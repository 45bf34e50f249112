"""Ingest: discovery, decoding and the incremental plan, on real files in tmp_path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tasks.ingest import (
    UnreadableInput,
    article_id_for,
    decode_text,
    discover_inputs,
    normalise_newlines,
    plan_inputs,
    read_inputs,
)


def test_decode_utf8_and_boms() -> None:
    assert decode_text("Olá mundo".encode()) == ("Olá mundo", "utf-8")
    assert decode_text("\ufeffHeadline".encode()) == ("Headline", "utf-8-sig")
    text, encoding = decode_text("Überschrift\nText".encode("utf-16"))
    assert text == "Überschrift\nText" and encoding == "utf-16"


def test_decode_latin1_legacy_text() -> None:
    raw = "El alcalde dijo que la población está muy preocupada por la subida del río.".encode(
        "latin-1"
    )
    text, encoding = decode_text(raw)
    assert "población" in text and "río" in text
    assert encoding != "utf-8"


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty"), (b"  \n\t \n", "empty"), (bytes(range(256)) * 8, "binary")],
)
def test_decode_rejects_non_text(data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableInput, match=reason):
        decode_text(data)


def test_normalise_newlines() -> None:
    assert normalise_newlines("a\r\nb\rc\n") == "a\nb\nc\n"


def test_discover_and_read_account_for_every_file(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "good.txt").write_text("Headline\n\nA body line.\n", "utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / ".hidden").write_text("editor swap file", "utf-8")
    outside = tmp_path.parent / f"{tmp_path.name}-outside.txt"
    outside.write_text("secret", "utf-8")
    os.symlink(outside, tmp_path / "escape.txt")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")

    inputs, problems = discover_inputs(str(tmp_path))
    assert [i.source_path for i in inputs] == ["empty.txt", "image.txt", "sub/good.txt"]
    assert [(p.source_path, p.error) for p in problems] == [
        ("escape.txt", "symbolic link points outside the raw folder"),
        ("sub/loop", "symbolic link loop: a link to a folder holding it"),
    ]
    dumps, quarantined = read_inputs(inputs, max_input_bytes=10_000)
    assert [d.source_path for d in dumps] == ["sub/good.txt"]
    assert {q.source_path: q.error.split(":")[0] for q in quarantined} == {
        "empty.txt": "empty or whitespace-only file",
        "image.txt": "binary content",
    }
    assert "PNG image" in quarantined[1].error


def test_size_limit_quarantines(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("word " * 400, "utf-8")
    inputs, _ = discover_inputs(str(tmp_path))
    dumps, quarantined = read_inputs(inputs, max_input_bytes=100)
    assert not dumps and "exceeds" in quarantined[0].error


def test_plan_skips_unchanged_and_marks_changed(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(f"text of {name}", "utf-8")
    inputs, _ = discover_inputs(str(tmp_path))
    by_name = {i.source_path: i for i in inputs}
    seen = {"a.txt": by_name["a.txt"].input_hash, "b.txt": "an older hash"}
    plan = plan_inputs(inputs, seen)
    assert [i.source_path for i in plan.skipped] == ["a.txt"]
    assert [i.source_path for i in plan.todo] == ["b.txt", "c.txt"]
    assert plan.changed_sources == ["b.txt"]


def test_article_id_is_stable_and_content_sensitive() -> None:
    assert article_id_for("x.txt", 0, "h1") == article_id_for("x.txt", 0, "h1")
    assert article_id_for("x.txt", 0, "h1") != article_id_for("x.txt", 0, "h2")
    assert article_id_for("x.txt", 0, "h1") != article_id_for("y.txt", 0, "h1")


def test_decode_keeps_utf8_with_stray_bytes() -> None:
    data = "Überschrift über München, Köln und Düsseldorf.\n".encode() + b"bad \xff byte\n"
    text, encoding = decode_text(data)
    assert encoding == "utf-8+replace"
    assert "München" in text and "bad \ufffd byte" in text


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x1f\x8b\x08\x00" + b"\x00" * 40, "gzip"),
        (b"%PDF-1.7\n" + b"stream" * 10, "PDF"),
        (b"PK\x03\x04" + b"x" * 40, "ZIP"),
    ],
)
def test_known_binary_formats_are_named(data: bytes, kind: str) -> None:
    with pytest.raises(UnreadableInput, match=kind):
        decode_text(data)


def test_line_length_limit(tmp_path: Path) -> None:
    (tmp_path / "blob.txt").write_text("Headline\n\n" + "x" * 500, "utf-8")
    inputs, _ = discover_inputs(str(tmp_path))
    dumps, quarantined = read_inputs(inputs, max_input_bytes=10_000, max_line_chars=100)
    assert not dumps and "500 characters exceeds the 100-character limit" in quarantined[0].error


def test_names_that_are_not_utf8_are_escaped(tmp_path: Path) -> None:
    odd = os.fsencode(str(tmp_path)) + b"/caf\xe9 news.txt"
    with open(odd, "wb") as handle:
        handle.write(b"Headline\n\nA body line of the article.\n")
    inputs, problems = discover_inputs(str(tmp_path))
    assert not problems and [i.source_path for i in inputs] == ["caf\\xe9 news.txt"]
    dumps, _ = read_inputs(inputs, max_input_bytes=10_000)
    assert dumps[0].source_path.encode("utf-8")  # storable as UTF-8


def test_missing_raw_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="does not exist"):
        discover_inputs(str(tmp_path / "nowhere"))


def test_pipes_and_folder_links_are_quarantined(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text("Headline\n\nBody.\n", "utf-8")
    os.symlink(tmp_path / "real", tmp_path / "alias")
    os.mkfifo(tmp_path / "pipe.txt")
    inputs, problems = discover_inputs(str(tmp_path))
    assert [i.source_path for i in inputs] == ["real/a.txt"]
    reasons = {p.source_path: p.error for p in problems}
    assert reasons["pipe.txt"].startswith("not a regular file")
    assert reasons["alias"].startswith("symbolic link to a folder: not followed")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod-000 file anyway")
def test_unreadable_file_and_folder_are_quarantined(tmp_path: Path) -> None:
    (tmp_path / "locked.txt").write_text("Headline\n\nBody.\n", "utf-8")
    (tmp_path / "locked.txt").chmod(0)
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "a.txt").write_text("Headline\n\nBody.\n", "utf-8")
    (tmp_path / "closed").chmod(0)
    try:
        inputs, problems = discover_inputs(str(tmp_path))
    finally:
        (tmp_path / "closed").chmod(0o755)
    assert not inputs
    assert {(p.source_path, p.error) for p in problems} == {
        ("locked.txt", "permission denied"),
        ("closed", "permission denied"),
    }


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_decode_utf16_without_byte_order_mark(encoding: str) -> None:
    text = "Überschrift\n\nDie Stadtwerke bestellen neue Straßenbahnen für München.\n"
    assert decode_text(text.encode(encoding)) == (text, encoding)

"""gzip with a size limit: bombs, truncation and fake .gz files are refused with a reason."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from tasks.formats import FormatError, StreamError, read_limited


def test_reads_plain_and_gzipped(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"hello")
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(b"hello"))
    assert read_limited(str(tmp_path / "a.txt"), 10) == b"hello"
    assert read_limited(str(tmp_path / "a.txt.gz"), 10) == b"hello"


def test_decompression_bomb_is_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"\0" * 50_000_000))  # 50 MB from ~50 KB
    assert bomb.stat().st_size < 100_000
    with pytest.raises(StreamError, match="decompression bomb"):
        read_limited(str(bomb), 1_000_000)


def test_truncated_corrupt_and_fake_gzip(tmp_path: Path) -> None:
    whole = gzip.compress(b"some article text " * 1000)
    (tmp_path / "cut.txt.gz").write_bytes(whole[: len(whole) // 2])
    with pytest.raises(StreamError, match="truncated gzip"):
        read_limited(str(tmp_path / "cut.txt.gz"), 1_000_000)
    (tmp_path / "fake.txt.gz").write_bytes(b"plain text pretending")
    with pytest.raises(StreamError, match="not gzip"):
        read_limited(str(tmp_path / "fake.txt.gz"), 1_000_000)
    (tmp_path / "big.txt").write_bytes(b"x" * 100)
    with pytest.raises(FormatError, match="exceeds the limit"):
        read_limited(str(tmp_path / "big.txt"), 50)

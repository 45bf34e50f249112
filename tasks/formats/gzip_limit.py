"""Decompress gzip inputs with a size limit, so a decompression bomb is refused, not run.

A stream that would inflate past the limit, or that ends before its end-of-stream marker
(a truncated download), raises `FormatError` with a reason an operator can act on.
"""

from __future__ import annotations

import gzip
import io
import os
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

from tasks.formats.records import FormatError, StreamError

GZIP_MAGIC = b"\x1f\x8b"


class LimitedReader(io.RawIOBase):
    """A read-only stream that raises once more than `limit` bytes have come through it."""

    def __init__(self, inner: BinaryIO, limit: int, what: str) -> None:
        self._inner = inner
        self._limit = limit
        self._what = what
        self.bytes_read = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        try:
            data = self._inner.read(len(buffer))
        except EOFError as error:
            raise StreamError(f"truncated gzip: {error}") from error
        except (gzip.BadGzipFile, zlib.error) as error:
            raise StreamError(f"corrupt gzip: {error}") from error
        self.bytes_read += len(data)
        if self.bytes_read > self._limit:
            raise StreamError(
                f"{self._what} inflates past the {self._limit}-byte limit "
                "(decompression bomb or oversized input)"
            )
        buffer[: len(data)] = data
        return len(data)


def is_gzip_path(path: str) -> bool:
    return path.lower().endswith(".gz")


@contextmanager
def open_input(path: str, max_bytes: int) -> Iterator[BinaryIO]:
    """A buffered binary stream of the file's content, gunzipped when its name ends in .gz.

    Reading past `max_bytes` of decompressed content raises FormatError.
    """
    # O_NOFOLLOW: the path was resolved inside the raw folder; a link swapped in since is refused
    with os.fdopen(os.open(path, os.O_RDONLY | os.O_NOFOLLOW), "rb") as raw:
        if not is_gzip_path(path):
            yield raw
            return
        if raw.read(2) != GZIP_MAGIC:
            raise StreamError("named .gz but not gzip data")
        raw.seek(0)
        with gzip.GzipFile(fileobj=raw, mode="rb") as inflated:
            limited = LimitedReader(inflated, max_bytes, "gzip stream")  # type: ignore[arg-type]
            # small reads: a truncated stream loses at most this much before its error
            yield io.BufferedReader(limited, buffer_size=1 << 14)  # type: ignore[misc]


def read_limited(path: str, max_bytes: int) -> bytes:
    """The whole (decompressed) content of a single-article file, at most `max_bytes`."""
    with open_input(path, max_bytes) as stream:
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise FormatError(f"content of more than {max_bytes} bytes exceeds the limit")
    return data

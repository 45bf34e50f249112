"""Ingest: find the raw inputs, hash them, and turn their bytes into text.

What cannot be read as text becomes a quarantine record naming the file and the reason,
so every input is accounted for. Charset detection uses charset-normalizer, a maintained
detector that needs no model download.
"""

from __future__ import annotations

import codecs
import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from tasks.formats import FormatError, FormatLimits, ParsedRecord, RecordHints, reader_for
from tasks.formats import read_limited as read_input_bytes

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Share of control characters (other than tab/newline/CR/FF) above which text is binary.
_MAX_CONTROL_SHARE = 0.02


@dataclass(frozen=True, slots=True)
class InputFile:
    """One file under the raw folder: where it is and what its bytes hash to."""

    path: str  # absolute path on disk
    source_path: str  # relative to the raw folder, with "/" separators
    size: int
    input_hash: str


@dataclass(frozen=True, slots=True)
class DecodedDump:
    """One article's text, decoded and with line endings normalised to "\\n"."""

    source_path: str
    source_record: int
    input_hash: str
    text: str
    encoding: str
    hints: RecordHints = RecordHints()  # metadata the input states (JSONL fields, HTML <meta>)
    raw_meta: str | None = None  # JSON of input fields without a column


@dataclass(frozen=True, slots=True)
class QuarantineRecord:
    """An input (or one record of it) that could not be processed, with the reason."""

    source_path: str
    source_record: int
    stage: str
    error: str
    input_hash: str | None = None


class UnreadableInput(ValueError):
    """Raised when bytes cannot be taken as an article's text; the message is the reason."""


def hash_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def hash_file(path: str, chunk_size: int = 1 << 20) -> str:
    """SHA-256 of a file, streamed so large files do not sit in memory."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(chunk_size):
            digest.update(chunk)
    return digest.hexdigest()


def discover_inputs(raw_dir: str) -> tuple[list[InputFile], list[QuarantineRecord]]:
    """Every regular file under `raw_dir`, recursively, in a stable order.

    Hidden files and folders (names starting with ".") are skipped as editor and OS
    artefacts. Symbolic links are never followed out of the raw folder, and directory
    links are not descended (no loops); a file that cannot be read is quarantined.
    """
    root = Path(raw_dir).resolve()
    found: list[InputFile] = []
    problems: list[QuarantineRecord] = []
    for folder, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(folder) / name
            source_path = path.relative_to(root).as_posix()
            try:
                real = path.resolve(strict=True)
                if not real.is_relative_to(root):
                    raise UnreadableInput("symbolic link points outside the raw folder")
                if not real.is_file():
                    raise UnreadableInput("not a regular file")
                found.append(
                    InputFile(str(real), source_path, real.stat().st_size, hash_file(str(real)))
                )
            except (OSError, RuntimeError, UnreadableInput) as error:
                problems.append(QuarantineRecord(source_path, 0, "discover", _reason(error)))
    return found, problems


def _reason(error: BaseException) -> str:
    if isinstance(error, UnreadableInput | FormatError):
        return str(error)
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, FileNotFoundError):
        return "file vanished or is a broken link"
    if isinstance(error, RuntimeError):
        return "symbolic link loop"
    return f"{type(error).__name__}: {error}"


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode a dump's bytes to text: BOM first, then strict UTF-8, then detection.

    Returns (text, encoding). Raises UnreadableInput when the bytes are not text.
    """
    if not data.strip():
        raise UnreadableInput("empty or whitespace-only file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding)), encoding
            except UnicodeDecodeError as error:
                raise UnreadableInput(f"invalid {encoding} after its byte-order mark") from error
    try:
        return _checked(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise UnreadableInput("binary content: no text encoding fits")
    return _checked(str(best)), best.encoding


def _checked(text: str) -> str:
    """Reject text that is mostly control characters (binary data that happened to decode)."""
    if not text.strip():
        raise UnreadableInput("empty or whitespace-only file")
    sample = text[:65536]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\f")
    if "\x00" in sample or controls / len(sample) > _MAX_CONTROL_SHARE:
        raise UnreadableInput("binary content: control characters or NUL bytes")
    return text


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_inputs(
    inputs: Iterable[InputFile],
    max_input_bytes: int,
    max_decompressed_bytes: int = 1 << 32,
) -> tuple[list[DecodedDump], list[QuarantineRecord]]:
    """Read a batch of inputs: plain-text dumps (one article per file, gzipped or not) and
    the structured formats of `tasks.formats` (JSONL, HTML, WARC)."""
    dumps: list[DecodedDump] = []
    problems: list[QuarantineRecord] = []
    limits = FormatLimits(max_input_bytes, max_decompressed_bytes)
    for item in inputs:
        reader = reader_for(item.source_path)
        if reader is not None:
            for record in reader(item.path, limits):
                if isinstance(record, ParsedRecord):
                    dumps.append(_record_dump(item, record))
                else:
                    problems.append(
                        QuarantineRecord(
                            item.source_path,
                            record.source_record,
                            "ingest",
                            record.error,
                            item.input_hash,
                        )
                    )
            continue
        try:
            if item.size > max_input_bytes:
                raise UnreadableInput(
                    f"file of {item.size} bytes exceeds the {max_input_bytes}-byte limit"
                )
            text, encoding = decode_text(read_input_bytes(item.path, max_input_bytes))
            dumps.append(
                DecodedDump(
                    item.source_path, 0, item.input_hash, normalise_newlines(text), encoding
                )
            )
        except (OSError, UnreadableInput, FormatError) as error:
            problems.append(
                QuarantineRecord(item.source_path, 0, "ingest", _reason(error), item.input_hash)
            )
    return dumps, problems


def _record_dump(item: InputFile, record: ParsedRecord) -> DecodedDump:
    return DecodedDump(
        item.source_path,
        record.source_record,
        item.input_hash,
        normalise_newlines(record.text),
        record.encoding,
        record.hints,
        record.raw_meta,
    )


def article_id_for(source_path: str, source_record: int, input_hash: str) -> str:
    """Stable id: the same content at the same relative path gives the same id anywhere."""
    key = f"{source_path}\x00{source_record}\x00{input_hash}".encode()
    return hashlib.sha1(key).hexdigest()[:20]


@dataclass(frozen=True, slots=True)
class InputPlan:
    """Which inputs this run reads: new or changed ones; unchanged ones are skipped."""

    todo: list[InputFile]
    skipped: list[InputFile]
    changed_sources: list[str]  # seen before with other content: their old rows are replaced


def plan_inputs(inputs: Iterable[InputFile], seen: dict[str, str]) -> InputPlan:
    """Compare each input's content hash with what earlier runs recorded for its path."""
    todo: list[InputFile] = []
    skipped: list[InputFile] = []
    changed: list[str] = []
    for item in inputs:
        previous = seen.get(item.source_path)
        if previous == item.input_hash:
            skipped.append(item)
            continue
        todo.append(item)
        if previous is not None:
            changed.append(item.source_path)
    return InputPlan(todo, skipped, changed)

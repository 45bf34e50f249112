"""Ingest: find the raw inputs, hash them, and turn their bytes into text.

What cannot be read as text becomes a quarantine record naming the file and the reason,
so every input is accounted for. Charset detection uses charset-normalizer, a maintained
detector that needs no model download.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
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
# Leading bytes of formats that are never a plain-text dump, so the reason can name them.
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"BZh91AY&SY", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"(\xb5/\xfd", "zstd-compressed data"),
    (b"\x7fELF", "executable"),
)
# UTF-8 text with a few stray bytes stays UTF-8 (the bytes become U+FFFD) when its valid
# multi-byte characters outnumber the invalid sequences this many times; otherwise a legacy
# encoding is detected (a legacy text's accented letters are invalid UTF-8 one by one).
_UTF8_VALID_PER_INVALID = 4
# `encoding` of text decoded as UTF-8 with its invalid bytes replaced
UTF8_REPAIRED = "utf-8+replace"
# Share of NUL high bytes that marks UTF-16 text without a byte-order mark.
_UTF16_NUL_HIGH_SHARE = 0.5
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_NON_ASCII = re.compile("[^\x00-\x7f]")
# control characters other than tab, newline, carriage return and form feed
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


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


def hash_file(path: str) -> str:
    """SHA-256 of a file, streamed so large files do not sit in memory."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def discover_inputs(raw_dir: str) -> tuple[list[InputFile], list[QuarantineRecord]]:
    """Every regular file under `raw_dir`, recursively, in a stable order.

    Hidden files and folders (names starting with ".") are skipped as editor and OS
    artefacts. Symbolic links are never followed out of the raw folder, and links to
    folders are never descended (no loops, no second copy of a tree): each is quarantined
    with the reason. Unreadable files and folders are quarantined too.

    A raw folder may hold a million dumps, so the common case costs one `scandir` entry,
    one `stat` and one read per file: a plain file under a real folder is its own real
    path; only links and special files go through `_input_file`'s checks.
    """
    root = Path(raw_dir).resolve()
    if not root.is_dir():
        raise FileNotFoundError(f"raw folder {raw_dir} does not exist or is not a folder")
    found: list[InputFile] = []
    problems: list[QuarantineRecord] = []
    folders: list[tuple[str, str]] = [(str(root), "")]  # (real path, relative prefix)
    while folders:
        folder, prefix = folders.pop()
        try:
            with os.scandir(folder) as scan:
                entries = sorted((e for e in scan if not e.name.startswith(".")), key=_name)
        except OSError as error:
            problems.append(
                QuarantineRecord(
                    _source_path(prefix.rstrip("/") or "."), 0, "discover", _reason(error)
                )
            )
            continue
        subfolders: list[tuple[str, str]] = []
        for entry in entries:
            relative = prefix + entry.name
            try:
                if entry.is_symlink() or not (
                    entry.is_file(follow_symlinks=False) or entry.is_dir(follow_symlinks=False)
                ):
                    found.append(_input_file(Path(entry.path), _source_path(relative), root))
                elif entry.is_dir(follow_symlinks=False):
                    subfolders.append((entry.path, relative + "/"))
                else:
                    size = entry.stat(follow_symlinks=False).st_size
                    found.append(
                        InputFile(entry.path, _source_path(relative), size, hash_file(entry.path))
                    )
            except (OSError, RuntimeError, UnreadableInput) as error:
                problems.append(
                    QuarantineRecord(_source_path(relative), 0, "discover", _reason(error))
                )
        folders.extend(reversed(subfolders))  # first subfolder next: a depth-first walk
    problems.sort(key=lambda p: p.source_path)
    return found, problems


def _name(entry: os.DirEntry[str]) -> str:
    return entry.name


def _source_path(relative: str) -> str:
    """The path relative to the raw folder, "/"-separated, always valid UTF-8.

    A file name that is not UTF-8 keeps its odd bytes as `\\xNN` escapes, so it can be
    stored and shown; the file itself is still opened by its real name.
    """
    if relative.isascii():
        return relative
    return os.fsencode(relative).decode("utf-8", errors="backslashreplace")


def _input_file(path: Path, source_path: str, root: Path) -> InputFile:
    real = path.resolve(strict=True)
    if not real.is_relative_to(root):
        raise UnreadableInput("symbolic link points outside the raw folder")
    if real.is_dir():
        if path.parent.resolve().is_relative_to(real):
            raise UnreadableInput("symbolic link loop: a link to a folder holding it")
        raise UnreadableInput(
            "symbolic link to a folder: not followed (its files are read at their own path)"
        )
    if not real.is_file():
        raise UnreadableInput("not a regular file (device, socket or pipe)")
    return InputFile(str(real), source_path, real.stat().st_size, hash_file(str(real)))


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
    """Decode a dump's bytes to text: BOM first, then UTF-8, then detection.

    UTF-8 with a few invalid bytes is kept as UTF-8 (encoding `utf-8+replace`) rather
    than re-read whole in a legacy encoding that would garble its accented letters.
    Returns (text, encoding). Raises UnreadableInput when the bytes are not text.
    """
    if not data.strip():
        raise UnreadableInput("empty or whitespace-only file")
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise UnreadableInput(f"binary content: {kind}")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding)), encoding
            except UnicodeDecodeError as error:
                raise UnreadableInput(f"invalid {encoding} after its byte-order mark") from error
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return _checked(utf16[0]), utf16[1]
    try:
        return _checked(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    repaired = _mostly_utf8(data)
    if repaired is not None:
        return _checked(repaired), UTF8_REPAIRED
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise UnreadableInput("binary content: no text encoding fits")
    return _checked(str(best)), best.encoding


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a byte-order mark, told by its NUL high bytes (Latin-script text):
    every other byte NUL on one side only. None when the bytes do not look so."""
    half = len(data) // 2
    if len(data) % 2 or half < 2:
        return None
    zeros_even, zeros_odd = data[0::2].count(0), data[1::2].count(0)
    for encoding, high, low in (
        ("utf-16-le", zeros_odd, zeros_even),
        ("utf-16-be", zeros_even, zeros_odd),
    ):
        if high > _UTF16_NUL_HIGH_SHARE * half and low == 0:
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                return None
    return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with stray invalid bytes, each replaced by U+FFFD; None if not UTF-8."""
    text = data.decode("utf-8", errors="surrogateescape")  # a bad byte -> U+DC80..U+DCFF
    invalid = len(_ESCAPED_BYTE.findall(text))
    multibyte = len(_NON_ASCII.findall(text)) - invalid
    if multibyte < _UTF8_VALID_PER_INVALID * invalid:
        return None
    return _ESCAPED_BYTE.sub("\ufffd", text)


def _checked(text: str) -> str:
    """Reject text that is mostly control characters (binary data that happened to decode);
    strip the few stray ones (NUL, escape, bell) a scraper left in real text."""
    if not text.strip():
        raise UnreadableInput("empty or whitespace-only file")
    sample = text[:65536]
    controls = len(_CONTROL.findall(sample))
    if controls / len(sample) > _MAX_CONTROL_SHARE:
        raise UnreadableInput("binary content: control characters or NUL bytes")
    text = _CONTROL.sub("", text)
    if not text.strip():
        raise UnreadableInput("empty or whitespace-only file")
    return text


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_inputs(
    inputs: Iterable[InputFile],
    max_input_bytes: int,
    max_line_chars: int | None = None,
    max_decompressed_bytes: int = 1 << 32,
    decoded: Mapping[str, tuple[str, str]] | None = None,
) -> tuple[list[DecodedDump], list[QuarantineRecord]]:
    """Read a batch of inputs: plain-text dumps (one article per file, gzipped or not) and
    the structured formats of `tasks.formats` (JSONL, HTML, WARC).

    ``decoded`` holds plain dumps already read and decoded by this function (source path
    -> (text, encoding)), so a second pass over a batch does not read them again.
    """
    dumps: list[DecodedDump] = []
    problems: list[QuarantineRecord] = []
    limits = FormatLimits(max_input_bytes, max_decompressed_bytes)
    for item in inputs:
        reader = reader_for(item.source_path)
        if reader is not None:
            for record in reader(item.path, limits):
                if isinstance(record, ParsedRecord):
                    error = _overlong_line(record.text, max_line_chars)
                    if error is None:
                        dumps.append(_record_dump(item, record))
                        continue
                else:
                    error = record.error
                problems.append(
                    QuarantineRecord(
                        item.source_path, record.source_record, "ingest", error, item.input_hash
                    )
                )
            continue
        try:
            if item.size > max_input_bytes:
                raise UnreadableInput(
                    f"file of {item.size} bytes exceeds the {max_input_bytes}-byte limit"
                    " (max_input_bytes)"
                )
            # read_input_bytes opens with O_NOFOLLOW: a link swapped in since discovery is refused
            if decoded is not None and item.source_path in decoded:
                text, encoding = decoded[item.source_path]
            else:
                text, encoding = decode_text(read_input_bytes(item.path, max_input_bytes))
                text = normalise_newlines(text)
            if max_line_chars is not None:
                check_line_lengths(text, max_line_chars)
            dumps.append(DecodedDump(item.source_path, 0, item.input_hash, text, encoding))
        except (OSError, UnreadableInput, FormatError) as error:
            problems.append(
                QuarantineRecord(item.source_path, 0, "ingest", _reason(error), item.input_hash)
            )
    return dumps, problems


def check_line_lengths(text: str, max_line_chars: int) -> None:
    """Refuse text with a line longer than any paragraph (a blob, not an article).

    Every stage's cost grows with line length; a multi-megabyte line is a serialised
    page or data, and would hold a batch for minutes.
    """
    longest = max(map(len, text.split("\n")))
    if longest > max_line_chars:
        raise UnreadableInput(
            f"a line of {longest} characters exceeds the {max_line_chars}-character limit"
            " (max_line_chars): not article text"
        )


def _overlong_line(text: str, max_line_chars: int | None) -> str | None:
    """Why a record's text is refused for its line length, or None when it is fine."""
    if max_line_chars is None:
        return None
    try:
        check_line_lengths(text, max_line_chars)
    except UnreadableInput as refused:
        return str(refused)
    return None


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
    # inputs discovery could not take: new ones get a quarantine row, the same refusal
    # as last time is skipped (its row is kept)
    problems: list[QuarantineRecord] = field(default_factory=list)
    skipped_problems: list[QuarantineRecord] = field(default_factory=list)


def unread_marker(problem: QuarantineRecord) -> str:
    """What the state records for an input discovery refused: the reason, hashed."""
    return "unread:" + hash_bytes(problem.error.encode())[:16]


def plan_inputs(
    inputs: Iterable[InputFile],
    seen: dict[str, str],
    problems: Iterable[QuarantineRecord] = (),
) -> InputPlan:
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
    new_problems: list[QuarantineRecord] = []
    skipped_problems: list[QuarantineRecord] = []
    for problem in problems:
        previous = seen.get(problem.source_path)
        if previous == unread_marker(problem):
            skipped_problems.append(problem)
            continue
        new_problems.append(problem)
        if previous is not None:
            changed.append(problem.source_path)
    return InputPlan(todo, skipped, sorted(changed), new_problems, skipped_problems)

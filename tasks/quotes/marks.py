"""Pair quote marks into quoted spans.

Marks are read one paragraph at a time with a small stack, so a stray or unbalanced mark
only costs the paragraph it sits in and never swallows the rest of an article. Apostrophes
inside words (don't, l’essentiel) are not marks. A paragraph that ends inside a quotation
and a next paragraph that reopens with a mark make one quotation over both paragraphs.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import regex

from tasks.quotes.settings import MAX_CONTINUED_PARAGRAPHS, MAX_OPEN_MARKS, MAX_QUOTE_CHARS

# A set of literal characters: the standard library scans for it twice as fast as `regex`.
QUOTE_MARK = re.compile(r"[\"'“”„‟«»‹›‘’‚]")
PARAGRAPH_BREAK = regex.compile(r"\n\s*\n")

# Which closing marks end a quotation opened by each mark.
CLOSERS_BY_OPENER: dict[str, str] = {
    "“": '”“"',  # English “…”, and the “…“ or “…" some sites type
    "„": '“”"',  # German „…“, Polish „…”
    "‟": "”",
    '"': '"”',
    "«": "»",
    "»": "«",  # German »…«
    "‹": "›",
    "›": "‹",
    "‘": "’",
    "‚": "‘’",
    "'": "'’",
}
# Closers of another family that end a quotation when they follow its last word or stop
# (glued or after one space) and no letter follows (“ … virus », "… 2020 »"): sites that
# mix their keyboards' marks.
MIXED_CLOSERS_BY_OPENER: dict[str, str] = {"“": "»", '"': "»"}
# Marks that can open a quotation; symmetric marks (" ') open or close by context.
OPENERS = frozenset(CLOSERS_BY_OPENER)
SYMMETRIC_MARKS = frozenset("\"'")
SINGLE_MARKS = frozenset("'‘’‚‹›")
# Openers that may nest in themselves (“… “hell” …”, «… «рационально» …») when they open a
# word after a space.
NESTING_MARKS = frozenset("“„«")
# Guillemets may stand apart from the words they enclose (« comme ceci »).
SPACED_OPENERS = frozenset("«»‹›")
# Punctuation that may end the quoted words just before a misplaced space ("planned, "X).
CLOSING_PUNCTUATION = frozenset(",.;:!?…")


@dataclass(slots=True)
class QuoteSpan:
    """One quotation: its inner segments (one per paragraph) and where its marks sit."""

    segments: list[tuple[int, int]]
    open_at: int
    close_at: int
    open_mark: str
    paragraph_index: int
    last_paragraph_index: int = -1

    @property
    def start(self) -> int:
        return self.segments[0][0]

    @property
    def end(self) -> int:
        return self.segments[-1][1]


@dataclass(slots=True)
class _OpenMark:
    """A mark still waiting for its closer; segments hold earlier paragraphs of a run-on quote."""

    mark: str
    at: int
    paragraph_index: int
    segments: list[tuple[int, int]] = field(default_factory=list)
    resume_at: int = -1


def split_paragraphs(body: str) -> list[tuple[int, int]]:
    """Return (start, end) of each paragraph; paragraphs are joined by blank lines."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for brk in PARAGRAPH_BREAK.finditer(body):
        bounds.append((start, brk.start()))
        start = brk.end()
    bounds.append((start, len(body)))
    return bounds


def _is_word_apostrophe(body: str, at: int, start: int, end: int) -> bool:
    """’ or ' between two letters (don't, l’essentiel) is part of a word."""
    before = body[at - 1] if at > start else " "
    after = body[at + 1] if at + 1 < end else " "
    return before.isalnum() and after.isalpha()


def _opens_word(body: str, at: int, start: int, end: int) -> bool:
    """A mark after a space and right before a letter opens a quotation; it closes none."""
    before = body[at - 1] if at > start else " "
    after = body[at + 1] if at + 1 < end else " "
    return before.isspace() and after.isalpha()


def _closer_shaped(body: str, at: int, start: int, end: int) -> bool:
    """A mark glued to the word or stop before it and followed by no letter ("2019». «Я …")
    ends a quotation: with nothing open it is stray, never the opener of German »…«."""
    before = body[at - 1] if at > start else " "
    after = body[at + 1] if at + 1 < end else " "
    return (before.isalnum() or before in CLOSING_PUNCTUATION) and not after.isalnum()


def _ends_words(body: str, at: int, start: int, end: int) -> bool:
    """A mark after a word or stop, glued or past one space ("virus »"), and before no
    letter or digit: it can only close."""
    before = at - 1 if at - 1 >= start and not body[at - 1].isspace() else at - 2
    if before < start:
        return False
    after = body[at + 1] if at + 1 < end else " "
    return (body[before].isalnum() or body[before] in CLOSING_PUNCTUATION) and not after.isalnum()


def _can_close_symmetric(body: str, at: int, start: int) -> bool:
    """A straight mark closes after a non-space, or after punctuation and one stray space."""
    before = body[at - 1] if at > start else " "
    if not before.isspace():
        return True
    return at - 2 >= start and (body[at - 2] in CLOSING_PUNCTUATION or body[at - 2] in "'’”»")


def _pairs_in_paragraph(
    body: str, start: int, end: int, index: int, carried: _OpenMark | None, marks: list[int]
) -> tuple[list[QuoteSpan], _OpenMark | None]:
    """Pair the marks of one paragraph; return its spans and an opener left open at its end.

    marks: where the paragraph's quote marks sit, in order.
    """
    spans: list[QuoteSpan] = []
    stack: list[_OpenMark] = [carried] if carried is not None else []
    skip_first = carried is not None
    for at in marks:
        mark = body[at]
        if skip_first and carried is not None:
            skip_first = False
            carried.resume_at = at + 1
            continue
        if mark in "’'" and _is_word_apostrophe(body, at, start, end):
            continue
        after = body[at + 1] if at + 1 < end else " "
        closed = False
        for depth in range(len(stack) - 1, -1, -1):
            opener = stack[depth]
            if mark not in CLOSERS_BY_OPENER[opener.mark] and not (
                mark in MIXED_CLOSERS_BY_OPENER.get(opener.mark, "")
                and _ends_words(body, at, start, end)
            ):
                continue
            if mark in SYMMETRIC_MARKS and not _can_close_symmetric(body, at, start):
                break
            if mark == opener.mark and mark in NESTING_MARKS and _opens_word(body, at, start, end):
                break  # “… calls “hell” …”: a nested quotation opens, the outer stays open
            del stack[depth:]
            if at - opener.at <= MAX_QUOTE_CHARS or opener.segments:
                inner_start = opener.resume_at if opener.segments else opener.at + 1
                segments = [*opener.segments, (inner_start, at)]
                spans.append(
                    QuoteSpan(segments, opener.at, at, opener.mark, opener.paragraph_index, index)
                )
            closed = True
            break
        if closed or mark not in OPENERS or (after.isspace() and mark not in SPACED_OPENERS):
            continue
        if mark not in SYMMETRIC_MARKS and _closer_shaped(body, at, start, end):
            continue
        if (
            stack
            and stack[-1].mark == mark
            and not stack[-1].segments
            and not (mark in NESTING_MARKS and _opens_word(body, at, start, end))
        ):
            stack.pop()  # the same mark cannot nest in itself: the earlier one was stray
        stack.append(_OpenMark(mark, at, index))
        if len(stack) > MAX_OPEN_MARKS:
            del stack[0]
    left_open = stack[0] if stack else None
    return spans, left_open


def _reopens(body: str, start: int, end: int, opener: _OpenMark) -> bool:
    """The paragraph starts with a mark of the same kind as the unclosed opener."""
    first = body[start:end].lstrip()[:1]
    if not first or first not in OPENERS:
        return False
    return (first in SINGLE_MARKS) == (opener.mark in SINGLE_MARKS)


def find_quote_spans(body: str, paragraphs: list[tuple[int, int]] | None = None) -> list[QuoteSpan]:
    """Return the outermost quoted spans of the body, in order of appearance.

    paragraphs: the body's `split_paragraphs`, when the caller has them already.
    """
    spans: list[QuoteSpan] = []
    if paragraphs is None:
        paragraphs = split_paragraphs(body)
    carried: _OpenMark | None = None
    # One scan of the body for marks; a paragraph without any and nothing carried into it
    # (most of them) costs a bisection, not a scan.
    mark_positions = [mark.start() for mark in QUOTE_MARK.finditer(body)]
    for index, (start, end) in enumerate(paragraphs):
        first = bisect.bisect_left(mark_positions, start)
        last = bisect.bisect_left(mark_positions, end, first)
        if first == last and carried is None:
            continue
        found, left_open = _pairs_in_paragraph(
            body, start, end, index, carried, mark_positions[first:last]
        )
        spans.extend(found)
        carried = None
        if left_open is None or index + 1 >= len(paragraphs):
            continue
        next_start, next_end = paragraphs[index + 1]
        if (
            _reopens(body, next_start, next_end, left_open)
            and len(left_open.segments) + 1 < MAX_CONTINUED_PARAGRAPHS
        ):
            segment_start = left_open.resume_at if left_open.segments else left_open.at + 1
            left_open.segments.append((segment_start, end))
            carried = left_open
    spans.sort(key=lambda span: (span.start, -span.end))
    outermost: list[QuoteSpan] = []
    for span in spans:
        if outermost and span.start < outermost[-1].end:
            continue
        outermost.append(span)
    return outermost

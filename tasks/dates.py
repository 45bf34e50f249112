"""Dates as news pages write them: full dates with a year, in any lexicon language.

The month names come from the lexicons, so "5 de marzo de 2019", "12.04.2018" and
"Sept. 5, 2016" are read the same way; numeric dates whose day/month order cannot be told
are left unparsed rather than guessed. dateparser, which knows some 200 locales, reads
the date labels the lexicon does not cover.
"""

from __future__ import annotations

import datetime
import re

import dateparser

from tasks.lexicon import LEXICON, alternation

MAX_LABEL_WORDS = 4  # "Fecha de publicación:" before the date itself
_YEAR_DIGITS = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_DATEPARSER_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "STRICT_PARSING": True,
    "RETURN_AS_TIMEZONE_AWARE": False,
}

_MONTH_ALT = alternation(LEXICON.months)
_NOT_LETTER_AFTER = r"(?![^\W\d_])"
DAY_MONTH_YEAR = re.compile(
    rf"(?<!\d)(?P<d>\d{{1,2}})(?:\.|º|er|st|nd|rd|th)?\s*(?:de\s+|of\s+)?"
    rf"(?P<m>{_MONTH_ALT}){_NOT_LETTER_AFTER}\.?,?\s*(?:de\s+|del\s+)?(?P<y>\d{{4}})(?!\d)",
    re.IGNORECASE,
)
MONTH_DAY_YEAR = re.compile(
    rf"(?<![^\W\d_])(?P<m>{_MONTH_ALT}){_NOT_LETTER_AFTER}\.?\s+(?P<d>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?!\d)",
    re.IGNORECASE,
)
DAY_MONTH = re.compile(
    rf"(?<!\d)(?P<d>\d{{1,2}})\.?\s*(?:de\s+)?(?P<m>{_MONTH_ALT}){_NOT_LETTER_AFTER}\.?",
    re.IGNORECASE,
)
MONTH_DAY = re.compile(
    rf"(?<![^\W\d_])(?P<m>{_MONTH_ALT}){_NOT_LETTER_AFTER}\.?\s+(?P<d>\d{{1,2}})(?!\d)",
    re.IGNORECASE,
)
NUMERIC_DATE = re.compile(
    r"(?<![\d.])(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?!\d)"
)
ISO_DATE = re.compile(
    r"(?<!\d)(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)"
)
CJK_DATE = re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
TIME_OF_DAY = re.compile(
    r"(?<!\d)\d{1,2}\s*[:.h]\s*\d{2}(?:\s*(?:a\.?m\.?|p\.?m\.?|uhr|h|hs|hrs))?(?!\d)",
    re.IGNORECASE,
)
YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_DATE_PATTERNS = (CJK_DATE, ISO_DATE, NUMERIC_DATE, DAY_MONTH_YEAR, MONTH_DAY_YEAR)


def date_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of full dates (with a year) in ``text``, in order."""
    spans: list[tuple[int, int]] = []
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            if not any(s <= m.start() < e for s, e in spans):
                spans.append(m.span())
    return sorted(spans)


def safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str) -> datetime.date | None:
    """First full date written in ``text``; None for ambiguous numeric day/month orders."""
    best: tuple[int, datetime.date | None] | None = None
    for pattern in (CJK_DATE, ISO_DATE, NUMERIC_DATE, DAY_MONTH_YEAR, MONTH_DAY_YEAR):
        m = pattern.search(text)
        if not m or (best is not None and best[0] <= m.start()):
            continue
        best = (m.start(), date_from_match(pattern, m))
    return best[1] if best else None


def parse_date_any_language(text: str) -> datetime.date | None:
    """Fallback for date labels in forms or languages the month lexicon lacks.

    dateparser knows the month names and word orders of some 200 locales; it is asked only
    for lines that carry a four-digit year and no numeric-only date (whose day/month order
    would be a guess), and must find day, month and year.
    """
    if not _YEAR_DIGITS.search(text) or NUMERIC_DATE.search(text):
        return None
    label, _, rest = text.partition(":")
    candidate = rest if rest.strip() and len(label.split()) <= MAX_LABEL_WORDS else text
    found = dateparser.parse(candidate, settings=_DATEPARSER_SETTINGS)
    return found.date() if found else None


def month_and_day(m: re.Match[str]) -> tuple[int, int] | None:
    """(month, day) of a DAY_MONTH or MONTH_DAY match."""
    month = LEXICON.months.get(m.group("m").casefold().rstrip("."))
    day = int(m.group("d"))
    return (month, day) if month and 1 <= day <= 31 else None


def date_from_match(pattern: re.Pattern[str], m: re.Match[str]) -> datetime.date | None:
    g = m.groupdict()
    year = int(g["y"])
    if pattern is NUMERIC_DATE:
        a, b = int(g["a"]), int(g["b"])
        if g["sep"] == ".":  # dotted dates are day-first wherever they are written
            return safe_date(year, b, a)
        if a > 12 >= b:
            return safe_date(year, b, a)
        if b > 12 >= a:
            return safe_date(year, a, b)
        return safe_date(year, a, a) if a == b else None
    month = g["m"]
    month_no = int(month) if month.isdigit() else LEXICON.months.get(month.casefold().rstrip("."))
    if month_no is None:
        return None
    return safe_date(year, month_no, int(g["d"]))

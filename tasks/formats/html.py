"""HTML pages: the main text and the page's own metadata, extracted with trafilatura.

trafilatura finds the article's main text block and reads the page's <meta> tags (title,
canonical link, og:site_name, publication date). newsflow's line cleaning then runs on
that text like on any dump, and the metadata travel as hints.

Options, measured on the article-extraction benchmark's 181 pages (bench/html_extraction.py):
comments are not the article (include_comments=False: body F1 0.948 -> 0.959), and
favor_precision trims the link lists and teasers trafilatura keeps at a block's edges
(0.959 -> 0.965); favor_recall and dropping tables both scored lower. The publication date
comes only from the page's metadata and visible date labels (htmldate's original date, no
guessing from URLs or the file's own date).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from tasks.formats.gzip_limit import read_limited
from tasks.formats.page_metadata import (
    author_organisation,
    choose_byline,
    choose_published,
    choose_title,
)
from tasks.formats.page_signals import read_page_signals
from tasks.formats.records import (
    FormatError,
    FormatLimits,
    ParsedRecord,
    RecordHints,
    RecordProblem,
)

EXTRACTOR = "trafilatura"
# an extraction holding less than this share of the page's prose paragraphs was cut short
MIN_KEPT_SHARE = 0.3
EXTRACTION_OPTIONS: dict[str, object] = {
    "include_comments": False,
    "favor_precision": True,
    "include_tables": True,
    "with_metadata": True,
    "date_extraction_params": {"original_date": True, "extensive_search": False},
}


def _without_precision(page: str, url: str | None, text: str) -> str:
    """The main text without favor_precision, when that is longer: precision pruning can
    keep one block of a long article (a seventh of its text on two measured pages)."""
    import trafilatura

    options = {**EXTRACTION_OPTIONS, "favor_precision": False, "with_metadata": False}
    try:
        document = trafilatura.bare_extraction(page, url=url, **options)  # type: ignore[arg-type]
    except Exception:  # the first extraction succeeded; keep it
        return text
    longer = (getattr(document, "text", None) or "").strip() if document is not None else ""
    return longer if len(longer) > len(text) else text


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def with_lead(text: str, lead: str | None) -> str:
    """The main text opened by the lead the page prints above it, unless it already has it."""
    if not lead or _fold(lead) in _fold(text):
        return text
    return f"{lead}\n{text}"


def _date(value: str | None) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None


def decode_page(page: bytes) -> tuple[str, str]:
    """(markup, encoding): UTF-8 when it decodes, else trafilatura's detector's guesses."""
    from trafilatura.utils import detect_encoding

    for encoding in ("utf-8", *detect_encoding(page)):
        try:
            return page.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError):
            continue
    return page.decode("utf-8", errors="replace"), "utf-8 (invalid bytes replaced)"


def extract_html(page: str, url: str | None = None) -> tuple[str, RecordHints]:
    """(main text with one paragraph per line, the page's metadata) of one HTML page.

    Raises FormatError when the page has no main text.
    """
    # imported here so that reading plain-text dumps never pays for lxml and trafilatura
    import trafilatura

    try:
        document = trafilatura.bare_extraction(page, url=url, **EXTRACTION_OPTIONS)  # type: ignore[arg-type]
    except Exception as error:  # lxml and trafilatura raise many kinds on broken markup
        raise FormatError(f"HTML not parsed: {type(error).__name__}: {error}") from error
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    signals = read_page_signals(page)
    if len(text) < MIN_KEPT_SHARE * signals.paragraph_chars:
        text = _without_precision(page, url, text)
    text = with_lead(text, signals.printed_lead)
    if not text:
        raise FormatError("no main text found in the HTML page")
    canonical = getattr(document, "url", None)
    address = url or canonical
    hints = RecordHints(
        title=choose_title(signals, address, getattr(document, "title", None) or None),
        url=address,
        canonical_url=canonical if canonical and canonical != url else None,
        published_date=choose_published(signals, _date(getattr(document, "date", None))),
        site_name=getattr(document, "sitename", None) or None,
        author=choose_byline(signals, address, getattr(document, "author", None) or None),
        author_organisation=author_organisation(signals),
        language=getattr(document, "language", None) or None,
        extractor=EXTRACTOR,
    )
    return text, hints


def read_html(path: str, limits: FormatLimits) -> Iterator[ParsedRecord | RecordProblem]:
    """One article from an .html/.htm page, gzipped or not."""
    try:
        markup, encoding = decode_page(read_limited(path, limits.max_record_bytes))
        text, hints = extract_html(markup)
    except (FormatError, OSError) as error:
        yield RecordProblem(0, str(error))
        return
    yield ParsedRecord(0, text, encoding, hints)

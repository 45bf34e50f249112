"""newsflow's line cleaning on text a main-content extractor has already chosen.

On a raw dump, the clean stage judges both what a line says (a share widget, a comment
prompt, a copyright line) and where it stands (outside the longest prose run, a short
line between paragraphs, the guessed headline). trafilatura has already made the second
kind of decision from the page's markup, which sees more than lines of text can: a table
row, a one-line paragraph or a subheading inside its main block belongs to the article.
So on extracted text only the line rules on content drop lines; positional verdicts are
undone. The stated headline (a page's <title>/og:title, a JSONL title) still removes its
copy from the body.

Measured on the article-extraction benchmark's 181 pages (bench/html_extraction.py):
every verdict kept, body F1 0.940; positional verdicts undone, 0.967 (trafilatura
alone: 0.965 with these options); leaving related-link verdicts in place, 0.966.
"""

from __future__ import annotations

from tasks.clean import BODY, CleanedDump, JudgedLine, clean_dump
from tasks.formats.records import RecordHints
from tasks.lexicon import collapse_whitespace, normalise_line

# Verdicts that come from a line's place in a raw page, not from what it says.
POSITIONAL_REASONS = frozenset(
    {"outside_body", "short_line", "menu", "label_banner", "title", "related_links"}
)


def clean_record(
    text: str, hints: RecordHints, site_frequent_lines: frozenset[str] = frozenset()
) -> CleanedDump:
    """Judge a record's lines; text from a main-content extractor keeps its positional lines."""
    cleaned = clean_dump(text, site_frequent_lines)
    if not hints.extractor:
        return cleaned
    headline = normalise_line(hints.title) if hints.title else None
    lines: list[JudgedLine] = []
    paragraphs: list[str] = []
    for line in cleaned.lines:
        flat = collapse_whitespace(line.text)
        keep = line.kind == BODY or (
            line.reason in POSITIONAL_REASONS and normalise_line(flat) != headline
        )
        if keep:
            lines.append(JudgedLine(line.line_no, line.text, BODY, None))
            paragraphs.append(flat)
        else:
            lines.append(line)
    return CleanedDump(lines, paragraphs, hints.title or cleaned.title)

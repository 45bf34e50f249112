"""Metadata an input states outright, merged with what newsflow infers from the text.

A scraper's `date` field or a page's <meta property="article:published_time"> is more
reliable than a date label found among the lines, so stated dates and titles win. The
outlet stays what the text credits ("(Reuters) -"), since a page's og:site_name is the
host site; the site name only fills an outlet the text does not name.
"""

from __future__ import annotations

from dataclasses import replace

from tasks.formats.records import RecordHints
from tasks.metadata import ArticleMetadata


def apply_hints(meta: ArticleMetadata, hints: RecordHints) -> ArticleMetadata:
    """The article's metadata with the input's stated values filled in or preferred."""
    return replace(
        meta,
        title=hints.title or meta.title,
        published_date=hints.published_date or meta.published_date,
        outlet=meta.outlet or hints.site_name,
        byline=_byline(meta, hints),
        language=meta.language or hints.language,
    )


def _byline(meta: ArticleMetadata, hints: RecordHints) -> str | None:
    """A page's persons judged from its markup (tasks/formats/page_metadata) before a byline
    line of its text, and an organisation credited as author only when no person is."""
    if hints.extractor:
        return hints.author or meta.byline or hints.author_organisation
    return meta.byline or hints.author


def article_url(hints: RecordHints) -> str | None:
    """The page's canonical address when it states one, else where it was fetched from."""
    return hints.canonical_url or hints.url

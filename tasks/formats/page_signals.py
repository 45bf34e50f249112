"""What an HTML page states about its article, read straight from the markup.

A page says who wrote it, when and under which headline in several places at once:
schema.org JSON-LD (`NewsArticle.headline`, `author`, `datePublished`), OpenGraph and
`<meta>` tags, the `<h1>` it prints, `rel=author` links. trafilatura reads some of these
and keeps one value each; newsflow's judgement (`tasks/formats/page_metadata.py`) weighs
them all, so they are gathered here first.

lxml (already loaded for trafilatura) reads the markup and the standard json module the
JSON-LD blocks: extruct would parse the same JSON-LD and OpenGraph, but pulls in rdflib and
microdata/RDFa parsers for formats no news page in the measured sets relied on.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import html as lxml_html

from tasks.lexicon import LEXICON, alternation

MAX_JSONLD_CHARS = 2_000_000  # a larger script block is an app state dump, not metadata
MIN_PARAGRAPH_CHARS = 80  # a shorter <p> is a caption, a teaser or a label
MAX_H1 = 6  # more <h1> than this are a teaser list's headings
MAX_BYLINE_CHARS = 80  # a longer "byline" element holds the article's meta bar or a bio
# class or itemprop names of the elements printing an article's byline, and of those that
# share the word but hold something else (comment authors, quoted people, author bios)
_BYLINE_CLASS = re.compile(r"author|byline|autor|verfasser", re.IGNORECASE)
# "von", "By:", "Autorin/Autor" opening an element: the credit that follows is a byline
_BYLINE_LABEL = re.compile(
    rf"^(?:{alternation(LEXICON.byline_prefixes)})(?:/[^\W\d_]+)?\s*:?(?:\s+|$)", re.IGNORECASE
)
_PHOTO_OR_HEAD_TAGS = frozenset({"figure", "figcaption", "head"})
_NOT_BYLINE_CLASS = re.compile(
    r"comment|quote|teaser|related|desc|bio|social|socmed|contact|share|follow|avatar|image|kicker"
    r"|title|footer"
    r"|media|video|photo|foto|caption",
    re.IGNORECASE,
)
# schema.org types a page uses for the article itself (and not for a teaser or the site)
ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "askpublicnewsarticle",
        "blogposting",
        "liveblogposting",
        "socialmediaposting",
        "report",
        "scholarlyarticle",
        "techarticle",
    }
)
ORGANISATION_TYPES = frozenset(
    {"organization", "newsmediaorganization", "corporation", "educationalorganization"}
)

_UTF8_PARSER = lxml_html.HTMLParser(encoding="utf-8")  # the page is decoded text already
_SPACE = re.compile(r"\s+")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u2060\ufeff]")


def flat_text(text: str | None) -> str:
    """Text with soft hyphens and zero-width marks removed and whitespace collapsed."""
    if not text:
        return ""
    # html.unescape: some pages escape entities twice ("R&amp;uuml;ckbau" in a <meta>)
    return _SPACE.sub(" ", _INVISIBLE.sub("", html.unescape(text))).strip()


@dataclass(frozen=True, slots=True)
class Credit:
    """One author credit a page states: the name and whether it names an organisation."""

    name: str
    organisation: bool


@dataclass(slots=True)
class PageSignals:
    """Every title, author, date and site-name value one page states, by where it says it."""

    h1: list[str] = field(default_factory=list)
    title_tag: str | None = None
    og_title: str | None = None
    twitter_title: str | None = None
    ld_headlines: list[str] = field(default_factory=list)
    site_names: list[str] = field(default_factory=list)  # og:site_name, publisher, app name
    ld_authors: list[Credit] = field(default_factory=list)
    meta_authors: list[str] = field(default_factory=list)
    rel_authors: list[str] = field(default_factory=list)
    # texts of the elements classed as a byline ("author", "byline"), in page order, and of
    # those opening with a byline label ("von ...")
    printed_bylines: list[str] = field(default_factory=list)
    labelled_bylines: list[str] = field(default_factory=list)
    # a paragraph that is one bold name, just before the first prose paragraph or just
    # after the last ("<p><strong>Ada Quay</strong></p>"): a byline printed as text
    bold_names: list[str] = field(default_factory=list)
    ld_published: list[str] = field(default_factory=list)
    ld_modified: list[str] = field(default_factory=list)
    meta_published: list[str] = field(default_factory=list)
    # characters in the page's prose paragraphs (<p> of a sentence or more): how much text
    # the article block can at most hold, to tell a cut-short extraction
    paragraph_chars: int = 0
    # the page's description (og:description, JSON-LD) where the page also prints it: the
    # article's lead or standfirst, which extractors often leave above the main block
    printed_lead: str | None = None


def _types(node: dict[str, Any]) -> set[str]:
    value = node.get("@type")
    values = value if isinstance(value, list) else [value]
    return {v.casefold() for v in values if isinstance(v, str)}


def _nodes(value: Any) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object in a block, nested @graph and lists included."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            yield item
            for key in ("@graph", "mainEntity", "itemListElement"):
                if key in item:
                    stack.append(item[key])


def _string(value: Any) -> str | None:
    if isinstance(value, str):
        return flat_text(value) or None
    if isinstance(value, list) and value and isinstance(value[0], str):
        return flat_text(value[0]) or None
    return None


def _credits(value: Any, by_id: dict[str, dict[str, Any]]) -> list[Credit]:
    """Author credits of a JSON-LD `author` value: names, objects or @id references."""
    credits: list[Credit] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            if text := flat_text(item):
                credits.append(Credit(text, False))
            continue
        if not isinstance(item, dict):
            continue
        node = by_id.get(str(item.get("@id")), item) if "name" not in item else item
        name = _string(node.get("name"))
        if name:
            credits.append(Credit(name, bool(_types(node) & ORGANISATION_TYPES)))
    return credits


def _read_jsonld(tree: Any, signals: PageSignals, descriptions: list[str]) -> None:
    nodes: list[dict[str, Any]] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        source = script.text_content()
        if len(source) > MAX_JSONLD_CHARS:
            continue
        try:
            nodes.extend(_nodes(json.loads(source)))
        except ValueError:
            continue
    descriptions.extend(
        d
        for node in nodes
        if _types(node) & ARTICLE_TYPES and (d := _string(node.get("description")))
    )
    by_id = {str(node["@id"]): node for node in nodes if "@id" in node and "name" in node}
    for node in nodes:
        if not _types(node) & ARTICLE_TYPES:
            continue
        if headline := _string(node.get("headline")):
            signals.ld_headlines.append(headline)
        signals.ld_authors.extend(_credits(node.get("author"), by_id))
        for key, target in (
            ("datePublished", signals.ld_published),
            ("dateModified", signals.ld_modified),
        ):
            if date := _string(node.get(key)):
                target.append(date)
        publisher = node.get("publisher")
        if isinstance(publisher, dict):
            publisher = by_id.get(str(publisher.get("@id")), publisher)
            if name := _string(publisher.get("name")):
                signals.site_names.append(name)
    for node in nodes:
        if _types(node) & (ORGANISATION_TYPES | {"website"}) and (
            name := _string(node.get("name"))
        ):
            signals.site_names.append(name)


def _meta(tree: Any, *names: str) -> list[str]:
    values: list[str] = []
    for name in names:
        for element in tree.xpath(f'//meta[@property="{name}" or @name="{name}"]'):
            if value := flat_text(element.get("content")):
                values.append(value)
    return values


def _printed_lead(tree: Any, descriptions: list[str]) -> str | None:
    """The first description that an element of the page's body prints in full."""
    wanted = {d for d in descriptions if len(d) >= MIN_PARAGRAPH_CHARS}
    if not wanted:
        return None
    for element in tree.xpath(
        "//body//*[self::p or self::h2 or self::div or self::span or self::strong]"
    ):
        text = element.text_content()
        if len(text) < MIN_PARAGRAPH_CHARS or len(text) > 2 * max(map(len, wanted)):
            continue
        if (flat := flat_text(text)) in wanted:
            return flat
    return None


def _is_classed_byline(element: Any) -> bool:
    names = f"{element.get('class', '')} {element.get('itemprop', '')}"
    return bool(_BYLINE_CLASS.search(names)) and not _NOT_BYLINE_CLASS.search(names)


def _is_labelled_byline(element: Any) -> bool:
    own = element.text
    return bool(own and _BYLINE_LABEL.match(own.strip()))


def _printed_bylines(tree: Any) -> tuple[list[str], list[str]]:
    """Short texts of the body's byline elements in page order: those classed as one
    ("author", "byline"), and those opening with a byline label of a lexicon language
    ("von <a>Ada Quay</a>", "<strong>Autorin/Autor</strong> Ada Quay"), label cut off.
    Each child's text stays apart ("Ada Quay" and "Editor" are not "Ada QuayEditor")."""
    classed: list[str] = []
    labelled: list[str] = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        target = classed if _is_classed_byline(element) else labelled
        if target is labelled and not _is_labelled_byline(element):
            continue
        if any(e.tag in _PHOTO_OR_HEAD_TAGS for e in element.iterancestors()) or (
            element.tag in _PHOTO_OR_HEAD_TAGS
        ):
            continue  # a photo's credit, the page head
        label_only = _BYLINE_LABEL.fullmatch(flat_text(element.text_content()))
        holder = element.getparent() if label_only is not None else element
        text = flat_text(" ".join(holder.itertext()))
        if text and len(text) <= MAX_BYLINE_CHARS:
            target.append(_BYLINE_LABEL.sub("", text, count=1).strip())
    return classed, labelled


def _bold_only(paragraph: Any) -> str | None:
    text = flat_text(paragraph.text_content())
    bold = paragraph.xpath("./strong|./b")
    if text and len(text) <= MAX_BYLINE_CHARS and len(bold) == 1:
        return text if flat_text(bold[0].text_content()) == text else None
    return None


def _bold_names(paragraphs: list[Any]) -> list[str]:
    """Texts of one-bold-phrase paragraphs at the prose's edges: two before its first
    paragraph (an empty one may sit between), one after its last."""
    prose = [
        i
        for i, p in enumerate(paragraphs)
        if len(flat_text(p.text_content())) >= MIN_PARAGRAPH_CHARS
    ]
    if not prose:
        return []
    edges = (prose[0] - 1, prose[0] - 2, prose[-1] + 1)
    return [
        text
        for i in edges
        if 0 <= i < len(paragraphs) and (text := _bold_only(paragraphs[i])) is not None
    ]


def read_page_signals(page: str) -> PageSignals:
    """The page's stated metadata (empty signals when the markup cannot be parsed)."""
    signals = PageSignals()
    try:
        tree = lxml_html.fromstring(page.encode("utf-8"), parser=_UTF8_PARSER)
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return signals
    descriptions: list[str] = []
    _read_jsonld(tree, signals, descriptions)
    signals.h1 = [
        text for e in tree.xpath("//h1")[:MAX_H1] if (text := flat_text(e.text_content()))
    ]
    titles = tree.xpath("//title")
    signals.title_tag = flat_text(titles[0].text_content()) or None if titles else None
    signals.og_title = next(iter(_meta(tree, "og:title")), None)
    signals.twitter_title = next(iter(_meta(tree, "twitter:title")), None)
    signals.site_names.extend(_meta(tree, "og:site_name", "application-name", "publisher"))
    signals.meta_authors = _meta(tree, "author", "article:author", "dc.creator", "sailthru.author")
    signals.rel_authors = [
        text
        for e in tree.xpath('//a[@rel="author"]')
        if (text := flat_text(" ".join(e.itertext())))
    ]
    signals.printed_bylines, signals.labelled_bylines = _printed_bylines(tree)
    paragraphs = tree.xpath("//body//p")
    signals.bold_names = _bold_names(paragraphs)
    signals.paragraph_chars = sum(
        n
        for e in tree.xpath("//p")
        if (n := len(flat_text(e.text_content()))) >= MIN_PARAGRAPH_CHARS
    )
    signals.printed_lead = _printed_lead(
        tree, [*descriptions, *_meta(tree, "og:description", "description")]
    )
    signals.meta_published = _meta(tree, "article:published_time", "datePublished", "pubdate")
    return signals

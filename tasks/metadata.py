"""Metadata stage: title, outlet, published date, dateline, byline, language, counters.

Reads what the clean stage judged: date labels, bylines, "Source:" lines and outlet lines
were set aside as metadata, and the first body paragraph may open with a dateline
("HANGZHOU, China, Sept. 5 (Xinhua) --"). The outlet is the news organisation credited for
the story (a wire in the dateline or a source line beats the host site's own name); a date
is only reported when the dump states it with a year, and never guessed from an ambiguous
numeric form such as 05/06/2023.
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass

from tasks.clean import BODY, CleanedDump, JudgedLine, person_and_outlet, split_site
from tasks.dates import (
    DAY_MONTH,
    DAY_MONTH_YEAR,
    MONTH_DAY,
    MONTH_DAY_YEAR,
    YEAR,
    date_from_match,
    month_and_day,
    parse_date,
    parse_date_any_language,
    safe_date,
)
from tasks.language import detect_language
from tasks.lexicon import LEXICON, collapse_whitespace, normalise_line

MAX_DATELINE_CHARS = 110
MAX_PLACE_PART_WORDS = 3  # "Tromsø", "New South Wales": a longer part is a phrase
MAX_OUTLET_WORDS = 6
MAX_MASTHEAD_WORDS = 4
MAX_YEAR_LINE_WORDS = 12  # a longer line is prose, whose years need not be the story's
# lines whose year need not be the story's: when the page was served, other stories, the
# headline ("Budget 2030")
_YEARLESS_REASONS = frozenset(
    {
        "copyright",
        "related_links",
        "menu",
        "outside_body",
        "title",
        "repeated_title",
        "title_with_site",
    }
)

_WORD = re.compile(r"\w+")
_DATELINE_SEP = re.compile(r"\s*(?:—|–|--|―)\s*|\s+-\s+")
# "VALSORDA. El ayuntamiento ...": a capitalised place closed by a full stop
_CAPS_PLACE_STOP = re.compile(
    r"^(?P<place>[^\W\d_a-z]{3,}(?:[ -][^\W\d_a-z]{2,}){0,3})\.\s+(?=[^\W\d_])"
)
_PAREN_TAIL = re.compile(r"\(([^()]{2,40})\)\s*$")
_LEGAL_SUFFIX = re.compile(
    r"[,\s]+(?:ltd\.?|limited|gmbh|ag|inc\.?|llc|plc|s\.?a\.?|s\.?l\.?|s\.?p\.?a\.?|srl|"
    r"co\.?|corp\.?|verlag|media group|group|newspapers?|publishing|publications)$",
    re.IGNORECASE,
)
_RIGHTS = re.compile(
    r"(?:all rights reserved|todos los derechos reservados|tous droits réservés|"
    r"alle rechte vorbehalten|tutti i diritti riservati|todos os direitos reservados|"
    r"все права защищены|derechos reservados|droits réservés).*$",
    re.IGNORECASE,
)
_FOOTER_SEPARATORS = re.compile(r"\s[|·•–—-]\s|\.\s|[|·•]")
_NEWSROOM = re.compile(
    r"^(?:la\s+|the\s+|a\s+)?(?:rédaction|redacción|redazione|redaktion|redação|newsroom|"
    r"news desk|staff|redakcja)\b\s*"
    r"(?:(?:de|avec|with|of|von|di|da|do|du|der|mit)\s+(?:la\s+|l’|l')?(?P<org>.+))?$",
    re.IGNORECASE,
)
_DATE_WORDS = re.compile(rf"\s(?:{'|'.join(map(re.escape, LEXICON.date_labels))})\b", re.IGNORECASE)
# "via Wirelink" (a whole line, or a byline's end): the wire that carried the story
_VIA = re.compile(r"(?:^|\s)via\s+(?P<wire>[^\W\d_][\w.&' -]{1,60})$", re.IGNORECASE)
_URL_YEAR = re.compile(r"^(?:https?://|www\.)\S*?/((?:19|20)\d{2})/\S*$")
_NUMBER = re.compile(r"\d[\d.,\s\u00a0\u202f]*\d|\d")
_CREATED = re.compile(rf"^\W*(?:{'|'.join(map(re.escape, LEXICON.created_labels))})", re.IGNORECASE)
_UPDATED = re.compile(rf"^\W*(?:{'|'.join(map(re.escape, LEXICON.updated_labels))})", re.IGNORECASE)


@dataclass(slots=True)
class ArticleMetadata:
    """What the dump says about its article (None where it does not say)."""

    title: str | None
    outlet: str | None
    published_date: datetime.date | None
    dateline: str | None
    byline: str | None
    language: str | None
    host_language: str | None
    n_views: int | None
    n_comments: int | None


@dataclass(slots=True)
class Dateline:
    """Opening of a wire-style first paragraph: place, credited outlet, date."""

    place: str | None
    outlet: str | None
    date: datetime.date | None
    month_day: tuple[int, int] | None = None  # "Sept. 5": a date whose year is elsewhere


# ---------------------------------------------------------------------------------------
# dates


def published_date(lines: list[JudgedLine]) -> datetime.date | None:
    """Created/published date from the date lines; an "updated" date only if nothing else."""
    updated: datetime.date | None = None
    for line in lines:
        if line.reason != "date_label":
            continue
        flat = collapse_whitespace(line.text)
        date = parse_date(flat) or parse_date_any_language(flat)
        if date is None:
            continue
        if _UPDATED.match(flat) and not _CREATED.match(flat):
            updated = updated or date
            continue
        return date
    return updated


def year_stated_elsewhere(lines: list[JudgedLine]) -> int | None:
    """The one year the dump's short non-body lines state (date labels, bylines, URLs).

    Completes a date written without its year ("Sept. 5"); several different years (an
    archive menu) or none leave it incomplete. Copyright lines are not asked: their year is
    when the page was served, not when the story ran.
    """
    years: set[int] = set()
    for line in lines:
        flat = collapse_whitespace(line.text)
        if url := _URL_YEAR.match(flat):  # the page's address: ".../2016/09/story"
            years.add(int(url.group(1)))
            continue
        if line.kind in (BODY, "blank") or line.reason in _YEARLESS_REASONS:
            continue
        if len(flat.split()) <= MAX_YEAR_LINE_WORDS:
            years.update(int(y) for y in YEAR.findall(flat))
    return years.pop() if len(years) == 1 else None


def _label_month_day(lines: list[JudgedLine]) -> tuple[int, int] | None:
    """Month and day of a date label written without a year ("Posted Sept. 5")."""
    for line in lines:
        if line.reason == "date_label":
            flat = collapse_whitespace(line.text)
            for pattern in (MONTH_DAY, DAY_MONTH):
                if m := pattern.search(flat):
                    return month_and_day(m)
    return None


# ---------------------------------------------------------------------------------------
# dateline


@functools.cache
def territory_names() -> frozenset[str]:
    """Countries and regions by their names in every lexicon language, folded.

    "Bamako (Mali) —", "Rosario (Argentina) —": a dateline's parentheses hold the place's
    country as often as the wire credited. Babel ships the Unicode CLDR names in its wheel
    (and is already installed with trafilatura's courlan), so no list is kept here.
    """
    from babel import Locale, UnknownLocaleError

    names: set[str] = set()
    for language in sorted({*LEXICON.stopwords_by_language, "en"}):
        try:
            territories = Locale.parse(language).territories
        except (ValueError, UnknownLocaleError):
            continue
        names.update(name.casefold() for name in territories.values())
    return frozenset(names)


def _is_credit(outlet: str) -> bool:
    """A wire's name in a dateline's parentheses: capitalised ("AP", "Reuters"), or one
    lower-case token, as agencies write their short names ("dpa", "dpa-AFX", "epd")."""
    if len(outlet.split()) > MAX_OUTLET_WORDS:
        return False
    return outlet[:1].isupper() or (" " not in outlet and outlet[:1].isalpha())


def _is_place(part: str) -> bool:
    words = part.split()
    if not words or len(words) > 5:
        return False
    for w in words:
        if w.casefold() in LEXICON.place_particles:
            continue
        if not w[0].isupper():
            return False
    return True


def parse_dateline(paragraph: str) -> Dateline | None:
    """Place, outlet and date of "PLACE, Region, Date (Outlet) —" at a paragraph's start."""
    sep = _DATELINE_SEP.search(paragraph[:MAX_DATELINE_CHARS])
    if sep is None or sep.start() == 0:
        caps = _CAPS_PLACE_STOP.match(paragraph)
        return Dateline(caps.group("place"), None, None) if caps else None
    pre = paragraph[: sep.start()].strip()
    outlet = None
    m = _PAREN_TAIL.search(pre)
    # "Bamako (Mali) —": the place's country, kept with the place
    country_in_parens = m is not None and m.group(1).strip().casefold() in territory_names()
    if country_in_parens:
        m = None
    if m:
        outlet = m.group(1).strip()
        if not _is_credit(outlet):
            return None
        pre = pre[: m.start()].strip().rstrip(",").strip()

    date = None
    has_date = False
    month_day = None
    for pattern in (MONTH_DAY_YEAR, DAY_MONTH_YEAR, DAY_MONTH, MONTH_DAY):
        dm = pattern.search(pre)
        if dm and dm.start() > 0 and pre[: dm.start()].rstrip().endswith(","):
            has_date = True
            if "y" in dm.groupdict():
                date = date_from_match(pattern, dm)
            else:
                month_day = month_and_day(dm)
            pre = pre[: dm.start()].strip().rstrip(",").strip()
            break
    if not pre:
        return Dateline(None, outlet, date, month_day) if outlet else None
    parts = [p.strip() for p in pre.split(",")]
    if len(parts) > 3 or not all(_is_place(_PAREN_TAIL.sub("", p).strip()) for p in parts):
        return None
    letters = [c for c in parts[0] if c.isalpha()]
    capitals = bool(letters) and all(c.isupper() for c in letters)
    # "Town, Country —": a place the lexicon need not know, named with its country
    town_country = (
        len(parts) == 2
        and all(len(p.split()) <= MAX_PLACE_PART_WORDS for p in parts)
        and not is_role(parts[1])
    )
    if not (outlet or has_date or capitals or town_country or country_in_parens):
        return None
    return Dateline(", ".join(parts), outlet, date, month_day)


# ---------------------------------------------------------------------------------------
# outlet and byline


def _clean_org(name: str) -> str | None:
    name = collapse_whitespace(name).strip(" ,.;:-–—|")
    name = _LEGAL_SUFFIX.sub("", name).strip(" ,.;:-–—|")
    words = name.split()
    if not words or len(words) > MAX_OUTLET_WORDS or not name[:1].isalnum():
        return None
    folded = [w.casefold().strip(".,") for w in words]
    if any(c.isdigit() for c in name) and len(words) > 1:
        return None  # a date or time, not a name ("2019, 10:28am EST")
    if name.isdigit() or folded[0] in LEXICON.byline_prefixes:
        return None
    if words[-1][:1].islower() and folded[-1] in LEXICON.stopwords:
        return None  # a cut-off phrase ("About the"), not a name
    if is_role(name):
        return None
    if not any(w[:1].isupper() or w[:1].isdigit() for w in words):
        return None
    return name


def is_role(name: str) -> bool:
    """A job title ("Science Editor", "corresponsal en Madrid", "Redakteur"), not a name.

    A role noun at either end makes a title; modifiers ("senior", "political") only count when
    the whole phrase is made of role words. A leading article keeps a masthead that ends in a
    role noun ("The Evening Reporter").
    """
    words = [w.casefold().strip(".,") for w in name.split()]
    if not words:
        return False
    if all(w in LEXICON.role_words or w in LEXICON.role_modifiers for w in words):
        return True
    if len(words) > 1 and name[:1].isupper() and words[0] in LEXICON.stopwords:
        return False
    ends = (words[0].split("-")[0], words[-1].split("-")[-1], words[-1].split("-")[0])
    return any(w in LEXICON.role_words for w in ends)


def _clean_person(name: str) -> str | None:
    """Author names only: cut a trailing date, time or "Updated ..." from a byline."""
    name = re.split(r"\s[-–—|·]\s|\d", collapse_whitespace(name), maxsplit=1)[0]
    name = _DATE_WORDS.split(name, maxsplit=1)[0]
    name = name.strip(" ,.;:-–—|")
    return name or None


def _copyright_holder(text: str) -> str | None:
    s = _RIGHTS.sub("", collapse_whitespace(text))
    s = re.sub(r"©|\(c\)|copyright", " ", s, flags=re.IGNORECASE)
    s = re.sub(r"(?<!\w)(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?(?!\w)", " ", s)
    s = _FOOTER_SEPARATORS.split(s.strip())[0]
    return _clean_org(_strip_footer_links(s))


def _strip_footer_links(name: str) -> str:
    """Drop page-furniture words trailing a name ("Verlag Impressum Datenschutz")."""
    words = name.split()
    while len(words) > 1:
        for n in (3, 2, 1):
            tail = normalise_line(" ".join(words[-n:]))
            if n < len(words) and LEXICON.plain.exact.get(tail):
                words = words[:-n]
                break
        else:
            break
    return " ".join(words)


def wire_credit(text: str) -> tuple[str, str | None]:
    """(the credit before "via", the wire after it): "Ada Quay / Harbour Times via Wirelink"
    names the journalist, her paper, and the wire that carried the story."""
    flat = collapse_whitespace(text)
    m = _VIA.search(flat)
    wire = _clean_org(m.group("wire")) if m else None
    if m is None or wire is None:
        return flat, None
    return flat[: m.start()].strip(), wire


def _byline_parts(text: str) -> tuple[str | None, str | None, bool]:
    """(author names, credited organisation, organisation came from a "staff" form)."""
    flat, wire = wire_credit(text)
    if wire:
        # "Name / Paper via Wire": the person before the slash, the wire as the outlet
        if not flat:
            return None, wire, False
        names, _, _ = _byline_parts(re.split(r"\s+/\s+", flat, maxsplit=1)[0])
        return names, wire, False
    if credit := person_and_outlet(flat):
        return _clean_person(credit[0]), _clean_org(credit[1]), False
    for suffix in LEXICON.staff_suffixes:
        if flat.casefold().endswith(" " + suffix):
            return None, _clean_org(flat[: -len(suffix)]), True
    rest = re.sub(
        rf"^(?:{'|'.join(map(re.escape, LEXICON.byline_prefixes))})\s*:?\s+",
        "",
        flat,
        count=1,
        flags=re.IGNORECASE,
    )
    newsroom = _NEWSROOM.match(rest)
    if newsroom:
        org = newsroom.group("org")
        return None, _clean_org(org) if org else None, False
    if rest != flat:
        # "By Name, Role, Outlet": the first part after the name that is not a job title
        parts = re.split(r"\s*[|,]\s*", rest)
        org_name = next((org for part in parts[1:] if (org := _clean_org(part))), None)
        return _clean_person(parts[0]), org_name, False
    # "Redacción Telealmar": a newsroom prefix followed directly by the organisation
    return None, _clean_org(rest), False


def _site_names(lines: list[JudgedLine]) -> list[str]:
    """Host-site names: from "Headline | Site" lines, then copyright lines."""
    names: list[str] = []
    for line in lines:
        if line.reason == "title_with_site":
            split = split_site(collapse_whitespace(line.text))
            if split and (name := _clean_org(split[1])):
                names.append(name)
    masthead = _masthead(lines)
    for line in lines:
        if line.reason == "copyright" and (name := _copyright_holder(line.text)):
            # "© Metroline Media" under a "Metroline Harwick" masthead: the masthead is the brand
            brand = masthead if masthead and masthead.casefold() != name.casefold() else None
            same_brand = brand and brand.split()[0].casefold() == name.split()[0].casefold()
            names.append(brand if brand and same_brand else name)
    return names


def _masthead(lines: list[JudgedLine]) -> str | None:
    """The site's name printed alone as the dump's first line ("Metroline Harwick")."""
    first = next((line for line in lines if line.text.strip()), None)
    if first is None or first.kind not in ("boilerplate", "metadata"):
        return None
    if first.reason in ("title_with_site", "repeated_title", "copyright"):
        return None
    name = collapse_whitespace(first.text)
    words = name.split()
    if not 1 <= len(words) <= MAX_MASTHEAD_WORDS or any(c.isdigit() for c in name):
        return None
    if not all(w[:1].isupper() for w in words) or name[-1] in ".!?:":
        return None
    return _clean_org(name)


def _outlet(lines: list[JudgedLine], dateline: Dateline | None) -> tuple[str | None, str | None]:
    """(outlet, byline) by precedence: dateline wire, source line, outlet line, byline, site."""
    byline = None
    byline_org = None
    staff_org = False
    for line in lines:
        if line.reason == "byline" and byline is None and byline_org is None:
            byline, byline_org, staff_org = _byline_parts(line.text)
    if dateline and dateline.outlet:
        return dateline.outlet, byline
    for line in lines:
        if line.reason == "source_label":
            value = collapse_whitespace(line.text).split(":", 1)[-1]
            if org := _clean_org(value):
                return org, byline
    for line in lines:
        if line.reason == "outlet_line":
            return collapse_whitespace(line.text), byline
    for line in lines:
        flat = collapse_whitespace(line.text)
        if line.kind != BODY and len(flat.split()) <= MAX_OUTLET_WORDS + 1:
            rest, wire = wire_credit(flat)
            if wire and not rest:
                return wire, byline
    sites = _site_names(lines)
    if byline_org:
        if staff_org and len(byline_org.split()) == 1:
            # "Gazette staff": the short form of the site's own name
            for site in sites:
                if byline_org.casefold() in site.casefold().split():
                    return site, byline
        return byline_org, byline
    if sites:
        return sites[0], byline
    return None, byline


# ---------------------------------------------------------------------------------------
# language and counters


_HOST_REASONS_SKIPPED = frozenset(
    {
        "title",
        "repeated_title",
        "title_with_site",
        "photo_caption",
        "byline",
        "outlet_line",
        "source_label",
        "related_links",
        "site_frequent",
        "outside_body",
    }
)


def host_language_text(lines: list[JudgedLine]) -> str:
    """The host site's own words: furniture lines, without headline copies or credits."""
    return " ".join(
        collapse_whitespace(line.text)
        for line in lines
        if line.kind not in (BODY, "blank") and line.reason not in _HOST_REASONS_SKIPPED
    )


def _counter(lines: list[JudgedLine], reason: str) -> int | None:
    for line in lines:
        if line.reason == reason and (m := _NUMBER.search(line.text)):
            digits = re.sub(r"\D", "", m.group(0))
            if digits:
                return int(digits)
    return None


def extract_metadata(dump: CleanedDump) -> ArticleMetadata:
    """Metadata of one cleaned dump (pure: reads only the judged lines)."""
    lines = dump.lines
    first = dump.paragraphs[0] if dump.paragraphs else ""
    dateline = parse_dateline(first) if first else None
    outlet, byline = _outlet(lines, dateline)
    date = published_date(lines)
    if date is None and dateline is not None:
        date = dateline.date
    if date is None:
        month_day = (dateline.month_day if dateline else None) or _label_month_day(lines)
        year = year_stated_elsewhere(lines) if month_day else None
        if month_day and year:
            date = safe_date(year, *month_day)
    return ArticleMetadata(
        title=dump.title,
        outlet=outlet,
        published_date=date,
        dateline=dateline.place if dateline else None,
        byline=byline,
        language=detect_language(" ".join(dump.paragraphs)),
        host_language=detect_language(host_language_text(lines)),
        n_views=_counter(lines, "view_counter"),
        n_comments=_counter(lines, "comment_counter"),
    )

"""newsflow's judgement of an HTML page's headline, authors and publication date.

Every value the page states (`tasks/formats/page_signals.py`) is a candidate, trafilatura's
choice among them. Measured on 258 real pages of 181 publishers (bench/metadata_real.py,
figures in docs/metadata.md):

- headline: the `<h1>` the page prints when it agrees with what the page's metadata calls
  the headline; social and search titles (og:title, <title>) carry the site's name and are
  written for sharing, so they only stand in when no printed headline agrees with them;
- site names are cut from a title's ends by what the page says its site is called
  (og:site_name, the JSON-LD publisher, the host name) and by dates the site appends;
- authors: the JSON-LD article's persons, then `rel=author` links and <meta name=author>;
  the publisher or its company is dropped, one spelling per person is kept ("Emma-Mackenzie"
  from an author URL is the same person), and "Last; First" pairs are read as one name;
- date: the article node's datePublished, which is this version's publication, before a
  page's other date tags.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import urlsplit

from tasks.formats.page_signals import PageSignals
from tasks.lexicon import LEXICON

MIN_HEADLINE_AGREEMENT = 0.5  # share of a printed <h1>'s words a stated title must hold
# below this share of the <h1>'s words the stated title is about something else (the site)
MIN_TOPIC_AGREEMENT = 0.2
MAX_AUTHOR_WORDS = 5  # a longer "name" is a sentence or a list of roles

_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—·•»~/:*]\s+|\s*[｜：]\s*|\s*ㅣ\s*|(?<=\S)-(?=[^\W\d_]+ㅣ)")
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)$")
_DATE_SEGMENT = re.compile(r"^[\d\s./-]{6,}$")
_WORD = re.compile(r"\w+")
_URLISH = re.compile(r"^(?:https?:|www\.|/)|\.(?:com|de|org|net)/", re.IGNORECASE)
_HOST_NOISE = frozenset({"www", "com", "net", "org", "co", "news", "m", "amp"})
_BY = re.compile(r"^(?:by|von|por|par|di|door|av|af)\s+", re.IGNORECASE)
MAX_LINKED_AUTHORS = 3  # more rel=author links are a teaser list's, not this article's
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|\||/|\s&\s|,\s*(?=\S+\s+\S+))\s*")


_SPELLED_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "ø": "oe"})


def _key(text: str) -> str:
    """Letters and digits only, folded: "Globalnews.ca", "globalnews ca" and
    "Börsen-Zeitung", "boersen-zeitung.de" agree."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_SPELLED_OUT)
    return "".join(c for c in folded if c.isalnum())


def site_keys(signals: PageSignals, url: str | None) -> set[str]:
    """Folded names the page gives its own site, and the labels of its host name."""
    keys = {_key(name) for name in signals.site_names}
    if url:
        host = urlsplit(url).hostname or ""
        labels = [label for label in host.split(".") if label not in _HOST_NOISE]
        keys.update(_key(label) for label in labels[:-1] or labels)
        keys.add(_key(host.removeprefix("www.")))
    return {key for key in keys if len(key) >= 2}


def _is_site_segment(segment: str, keys: set[str]) -> bool:
    if _DATE_SEGMENT.match(segment):
        return True
    key = _key(segment)
    if not key:
        return True
    return any(key == site or (len(site) >= 3 and (site in key or key in site)) for site in keys)


def strip_site_name(title: str, keys: set[str]) -> str:
    """The title without the site's name: a segment naming the site and what follows it
    ("Headline | Site | by Author", "Headline - Section | Site", "Headline – DW – 30.01.2024"),
    or a leading site segment ("Site | Headline")."""
    segments = _TITLE_SEPARATOR.split(title)
    separators = _TITLE_SEPARATOR.findall(title)
    start, end = 0, len(segments)
    site_at = next((i for i in range(1, end) if _is_site_segment(segments[i], keys)), None)
    if site_at is not None:
        end = site_at
        # a one-word section label just before the site's name ("- National | Site")
        while end - start > 1 and len(segments[end - 1].split()) == 1:
            end -= 1
    while end - start > 1 and _is_site_segment(segments[start], keys):
        start += 1
    if (start, end) == (0, len(segments)):
        return title
    parts = [segments[start]]
    for i in range(start + 1, end):
        parts.extend((separators[i - 1], segments[i]))
    return "".join(parts).strip()


def _cut_at_agreement(title: str, headlines: list[str]) -> str:
    """ "Headline - Whatever" where the page states "Headline" elsewhere: the rest is
    the site's furniture, whatever it is called."""
    for headline in headlines:
        shorter = len(headline) < len(title) and title.startswith(headline)
        if shorter and _TITLE_SEPARATOR.match(title, len(headline)):
            return headline
    return title


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def _agreement(printed: str, stated: str) -> float:
    """Share of the printed headline's words found in a stated title."""
    words = _words(printed)
    return len(words & _words(stated)) / len(words) if words else 0.0


def _one_wording(titles: list[str]) -> str | None:
    """The folded wording all these titles share, or None when they differ."""
    wordings = {_key(title) for title in titles}
    return wordings.pop() if len(wordings) == 1 else None


def _completed(title: str, headlines: list[str]) -> str:
    """The headline a title was cut from: "...", or its start only (an unescaped quote in
    the markup ends a <meta> value early: 'Winner and "royal visit"' -> 'Winner and ')."""
    if _ELLIPSIS.search(title):
        cut = _ELLIPSIS.sub("", title)
        return next((h for h in headlines if h.startswith(cut)), title)
    return next(
        (h for h in headlines if h.startswith(title) and h[len(title) :].lstrip()[:1] in '"'),
        title,
    )


def _own_headline(signals: PageSignals, printed: list[str], keys: set[str]) -> str | None:
    """The page's own headline where its titles split into two wordings.

    The printed <h1> and the JSON-LD headline are the page's own; og:title, twitter:title
    and <title> are written for sharing and search. When the two own titles agree and the
    sharing ones agree on another wording, the printed headline is the article's (6 of 7
    such fundus pages). When the JSON-LD headline alone differs from every other title,
    which all agree, the newsroom wrote it for the article's record and the others copy
    one teaser (8 of 10 such pages).
    """
    if not signals.ld_headlines or not printed or not signals.og_title:
        return None

    def clean(title: str) -> str:
        return _completed(strip_site_name(_cut_at_agreement(title, printed[:1]), keys), printed)

    record, headline = clean(signals.ld_headlines[0]), printed[0]
    sharing = [clean(t) for t in (signals.og_title, signals.twitter_title, signals.title_tag) if t]
    shared = _one_wording(sharing)
    if shared is None:
        return None
    if _key(record) == _key(headline) and shared != _key(headline):
        return headline
    if _one_wording([*sharing, headline]) is None:
        return None
    # "Kicker / Headline" against "Headline" is one wording, the kicker kept or not
    return record if _key(record) not in shared and shared not in _key(record) else None


def choose_title(signals: PageSignals, url: str | None, fallback: str | None) -> str | None:
    """The page's stated article title (og:title first) without the site's name.

    On 258 real pages the publishers' own parsers took og:title more often than the
    printed <h1> (215 against 199 after site names are cut); the <h1> or JSON-LD headline
    stands in when the stated title is cut short ("..."), names only the site, or is missing,
    and where the page's own titles and its sharing titles are two wordings (_own_headline).
    """
    keys = site_keys(signals, url)
    printed = [h1 for h1 in signals.h1 if not _is_site_segment(h1, keys)]
    headlines = [*printed, *signals.ld_headlines]
    stated = [
        strip_site_name(_cut_at_agreement(title, headlines), keys)
        for title in (signals.og_title, *signals.ld_headlines, signals.twitter_title, fallback)
        if title and not _is_site_segment(title, keys)
    ]
    best_printed = max(
        (
            (max((_agreement(h1, s) for s in stated), default=0.0), -i, h1)
            for i, h1 in enumerate(printed)
        ),
        default=None,
    )
    if own := _own_headline(signals, printed, keys):
        return own
    if stated:
        title = stated[0]
        off_topic = best_printed and _agreement(best_printed[2], title) < MIN_TOPIC_AGREEMENT
        if best_printed and off_topic and best_printed[0] >= MIN_HEADLINE_AGREEMENT:
            return best_printed[2]  # the stated title is the site's, not this article's
        return _completed(title, headlines)
    return best_printed[2] if best_printed else fallback


# ---------------------------------------------------------------------------------------
# authors


def _person_key(name: str) -> str:
    return _key(name.replace("-", " "))


def _is_author_name(name: str, keys: set[str]) -> bool:
    words = name.split()
    if not words or len(words) > MAX_AUTHOR_WORDS or _URLISH.search(name):
        return False
    if any(c.isdigit() for c in name):
        return False
    return not _is_site_segment(name, keys)


def join_surname_pairs(names: list[str]) -> list[str]:
    """["Brazil", "Rachel"] -> ["Rachel Brazil"]: a "Last, First" credit split at its comma."""
    if len(names) < 2 or len(names) % 2 or any(len(n.split()) != 1 for n in names):
        return names
    return [f"{names[i + 1]} {names[i]}" for i in range(0, len(names), 2)]


def _split_credit(value: str) -> list[str]:
    """Names in one credit ("By A and B", "Last, First"); an author page's URL names nobody."""
    if _URLISH.search(value):
        return []
    parts = [_without_role(_BY.sub("", p.strip(" ,."))) for p in _AUTHOR_SPLIT.split(value)]
    return join_surname_pairs([p for p in parts if p])


def _without_role(name: str) -> str:
    """ "Ada Quay Redakteurin" -> "Ada Quay": a job title printed as a label after the
    name (a link holding the name and the role in two tags); "Site staff reporter" is a
    credit written in lower case and stays whole."""
    words = name.split()
    while (
        len(words) > 2
        and words[-1].casefold() in LEXICON.role_words
        and words[-1][:1].isupper()
        and words[-2][:1].isupper()
    ):
        words.pop()
    return " ".join(words)


def _unique(names: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        key = _person_key(name)
        if key and key not in seen:
            seen.add(key)
            out.append(name)
    return out


def choose_byline(signals: PageSignals, url: str | None, fallback: str | None) -> str | None:
    """Persons credited by the page, "; "-joined, or None.

    The article's JSON-LD authors and rel=author links come first. Where the JSON-LD names
    no author, <meta name=author> and trafilatura's reading stand in; where it names only an
    organisation, they name it too (or its town), so they are not asked. The site itself,
    its company and URLs are not authors.
    """
    keys = site_keys(signals, url)
    people = [n for c in signals.ld_authors if not c.organisation for n in _split_credit(c.name)]
    linked = _unique(n for v in signals.rel_authors for n in _split_credit(v))
    # <meta name=author> tells which of several linked names wrote this article
    stated = {_person_key(n) for v in signals.meta_authors for n in _split_credit(v)}
    if not people and len(linked) > 1 and stated & {_person_key(n) for n in linked}:
        linked = [n for n in linked if _person_key(n) in stated]
    if len(linked) <= MAX_LINKED_AUTHORS and {_person_key(n) for n in people} <= {
        _person_key(n) for n in linked
    }:
        people += linked
    if not any(c.organisation for c in signals.ld_authors):
        for source in (signals.meta_authors, [fallback] if fallback else []):
            if any(_is_author_name(n, keys) for n in people):
                break
            people += [n for v in source for n in _split_credit(v)]
    if not any(_is_author_name(n, keys) for n in people):
        people += printed_byline(signals.printed_bylines, keys)
    # the weaker sign, where the markup credits no one
    if not signals.ld_authors and not any(_is_author_name(n, keys) for n in people):
        people += labelled_byline(signals.labelled_bylines, keys)
    if not any(_is_author_name(n, keys) for n in people):
        people += labelled_byline(signals.bold_names, keys)
    names = _unique(n for n in people if _is_author_name(n, keys))
    return "; ".join(names) or None


def _looks_like_person(name: str) -> bool:
    """Two to four words, none opening in lower case ("capital" is a brand, not a name)."""
    words = name.split()
    return 2 <= len(words) <= 4 and not any(word[0].islower() for word in words)


def _persons(text: str, keys: set[str]) -> list[str]:
    """The persons a credit names, or [] when it credits anything else: the site's name
    beside a person is the outlet ("Ada Quay, Site"), an agency or a desk is no person."""
    credits = [n for n in _split_credit(text) if not _is_site_segment(n, keys)]
    people = [n for n in credits if _is_author_name(n, keys) and _looks_like_person(n)]
    return people if len(people) == len(credits) else []


def labelled_byline(texts: list[str], keys: set[str]) -> list[str]:
    """The persons of the first labelled element that names only persons ("von Ada Quay");
    a label word also opens headlines ("Von Gold zu Silber"), so others are passed over."""
    return next((people for text in texts if (people := _persons(text, keys))), [])


def printed_byline(texts: list[str], keys: set[str]) -> list[str]:
    """The persons of the first byline element that credits anyone: the page's printed
    byline ("von Ada Quay, Harbour Times"), where the markup credits nobody or only the
    site. When it credits an agency or a desk, later byline elements are teasers' ones."""
    for text in texts:
        if any(c.isdigit() for c in text):
            continue  # the meta bar: byline, date and reading time in one element
        names = _split_credit(text)
        if names == [text] and text.islower() and " " not in text:
            continue  # a lower-case word alone is a tag ("capital", "news"), not a credit
        if names:
            return _persons(text, keys)
    return []


def author_organisation(signals: PageSignals) -> str | None:
    """The organisation the article's JSON-LD names as its author ("dpa", the newsroom, the
    site under a Person type): the byline of a page that credits no person anywhere."""
    return "; ".join(_unique(c.name for c in signals.ld_authors)) or None


# ---------------------------------------------------------------------------------------
# date


def _day(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def choose_published(signals: PageSignals, fallback: datetime.date | None) -> datetime.date | None:
    """The article node's datePublished day as the page writes it, else trafilatura's date."""
    for value in signals.ld_published:
        if day := _day(value):
            return day
    return fallback

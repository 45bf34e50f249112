"""Clean stage: judge every line of a raw dump as body, title, metadata or boilerplate.

A naive scraper leaves the article between the host site's interface strings (menus,
share widgets, counters, cookie and newsletter boxes, related links, credits). The body is
usually the contiguous central run of long, sentence-like lines; everything else is judged
by per-language lexicons (``tasks/lexicons/*.json``), line shape and position. Every
non-blank line that is not body keeps a short ``reason`` so the ``boilerplate`` table can
say why it was removed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

from tasks.dates import TIME_OF_DAY, YEAR, date_spans
from tasks.lexicon import (
    LEXICON,
    WORD,
    alternation,
    collapse_whitespace,
    line_keys,
    normalise_line,
)

__all__ = ["CleanedDump", "JudgedLine", "clean_dump", "collapse_whitespace", "normalise_line"]

# Shape thresholds (words are \w+ runs).
LONG_LINE_WORDS = 10  # a line this long may anchor the body run
LONG_LINE_CHARS = 80  # same, for scripts written without spaces
MIN_STOPWORD_RATIO = 0.16  # below this a long line reads like a list of names, not prose
LANGUAGE_VOTE_MARGIN = 1.5  # the dump's language needs this many times the runner-up's stopwords
MAX_BODY_GAP = 8  # removed lines allowed between two body lines of one article
MAX_DATE_LINE_WORDS = 12  # words other than numbers
MAX_DATE_LEFTOVER = 3  # words besides label, date, time ("Updated ... / Original ... ET")
MAX_BYLINE_WORDS = 10
MAX_CAPTION_WORDS = 45
MAX_BIO_WORDS = 40  # a journalist's bio is a sentence or two
MAX_SLASH_CAPTION_WORDS = 30  # "(Name/Agency)" ends a caption, not a paragraph
MAX_BANNER_WORDS = 20  # "TRAVEL: ... Check our travel page." (longer: a labelled paragraph)
MAX_OUTLET_LINE_CHARS = 24
MAX_FILE_LINK_WORDS = 20  # an attachment line with its file type and size
MIN_TITLE_WORDS = 3
MAX_LEAD_TITLE_WORDS = 24  # an opening block longer than this is a paragraph, not a headline
MAX_LEAD_TITLE_LINES = 2  # "Headline;" then its deck on the next line
MAX_LEAD_TITLE_SKIP = 2  # short paragraphs allowed between an opening headline and the prose
TITLE_COPY_SPAN = 4  # headline copies sit within this many lines of each other
TITLE_PAGE_BONUS = 10
MAX_TITLE_SITE_LINE = 5  # the page title, when scraped, is among the first lines
TITLE_ANCHOR_LINES = 15  # a body run starting this close after the headline is preferred
TITLE_ANCHOR_WEIGHT = 3.0
MAX_LIST_GAP = 30  # unjudged short lines (a list) allowed between two body lines
MIN_LIST_WORDS = 3  # mean words of those lines (names and menu items are shorter)
MAX_LIST_LINES = 12  # a longer block of short lines between two paragraphs is a box
REPEATED_LINE = 3  # a line printed this often on one page is a widget, not a list item
COMMENT_CLUSTER_WEIGHT = 0.1  # prose after a comment-section heading is readers' comments
LINE_CACHE_SIZE = 1 << 14  # distinct lines memoised per process (about 25 MB)

BLANK = "blank"
BODY = "body"
TITLE = "title"
METADATA = "metadata"
BOILERPLATE = "boilerplate"

# Reasons whose line carries article metadata rather than page furniture.
METADATA_REASONS = frozenset({"date_label", "byline", "outlet_line", "source_label"})

# Reasons that open a block of links to other articles.
RELATED_REASONS = frozenset({"related_links"})

# Reasons a newsletter or comment box is made of (a blurb between two of them is the box).
BOX_REASONS = frozenset(
    {
        "newsletter",
        "account_prompt",
        "comment_prompt",
        "share_widget",
        "cookie_banner",
        "captcha",
        "contact_prompt",
    }
)

# Reasons that open the comment section, where the article has ended.
SECTION_BREAK_REASONS = frozenset({"comment_counter", "comment_prompt"})

SHARE_BAR_REASONS = frozenset({"share_widget", "print_widget", "bookmark"})


@dataclass(slots=True)
class JudgedLine:
    """One dump line with the clean stage's verdict."""

    line_no: int
    text: str
    kind: str
    reason: str | None


@dataclass(slots=True)
class CleanedDump:
    """Judged lines of one dump, its body paragraphs and its headline."""

    lines: list[JudgedLine]
    paragraphs: list[str]
    title: str | None


# ---------------------------------------------------------------------------------------
# line shape rules

_VIEW_COUNTER = re.compile(
    rf"^(?:\d[\d.,\s\u00a0\u202f]*(?:k|m|mil|тыс\.?)?\s*(?:{alternation(LEXICON.view_words)})"
    rf"|(?:{alternation(LEXICON.view_words)})\s*[:(]?\s*\d[\d.,\s]*\)?)$",
    re.IGNORECASE,
)
_COMMENT_COUNTER = re.compile(
    rf"^(?:\d[\d.,]*\s*(?:{alternation(LEXICON.comment_words)})"
    rf"|(?:{alternation(LEXICON.comment_words)})\s*[:(]?\s*\d[\d.,]*\)?)$",
    re.IGNORECASE,
)
_RESPONSES = re.compile(
    r"^0+\s+(?:responses|replies|thoughts|reactions|respuestas|réponses|antworten|risposte)"
    r"\s+(?:to|on|a|à|zu|auf)\b"
)
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|^copyright\b", re.IGNORECASE)
_CREDIT_TAIL = re.compile(
    # "(Photo: X)", and a wire's own "(AP Photo/X)", "(Reuters Photo)"
    r"(?:\((?:[^()]{0,30}?\s)?(?:photo|photos|foto|fotos|fot|photograph|image|picture|credit|"
    r"bild|imagen|symbolbild|archivbild|symbolfoto|archivfoto|"
    r"crédit|credito|фото|fotoğraf)\b[^)]*\)\.?"
    r"|(?:[.!?]\s*(?:photo|foto|fotos|photograph|bild|imagen|image|credit|crédit photo|фото)"
    r"\s*(?::|by\b|von\b|de\b|di\b)|(?:,|\s[|–—])\s*(?:photo|foto|bild|imagen|image|фото)\s*:)"
    r"\s*(?:[^.!?]|\.(?=\S)){2,80}"  # a dot inside a credit: "Shutterstock.com", "cc by 2.0"
    r"|[.!?]\s*©\s*[^.!?]{2,60})\s*$",
    re.IGNORECASE,
)
# a caption ending in its credit without a label: "... on Monday (Ada Quay/Wirelink)"
_SENTENCE_INSIDE = re.compile(r"[.!?]\s+[^\W\d_]")
_SLASH_CREDIT_TAIL = re.compile(
    r"\s\((?:[^\W\d_][\w.'’-]*\s?){1,4}\s?/\s?(?:[^\W\d_][\w.'’-]*\s?){1,4}\)$"
)
_MENU_SEPARATORS = re.compile(r"\s(?:\||·|•|›|»|>|/|–|—)\s|\s{3,}|\t|(?<=[^\W\d_])\|(?=[^\W\d_])")
_BREADCRUMB = re.compile(r"\s(?:›|»|>)\s")
_UPPER_LABEL = re.compile(r"^[^\W\d_a-z]{2,}(?:\s[^\W\d_a-z]{2,}){0,2}\s?:\s+\S")
# a link set off by arrows (">> Headline <<", ">>> Order now! <<<")
_ARROW_LINK = re.compile(r"^>>+\s*\S.*<<+$")
# a link to the previous or next post ("← Older headline", "Newer headline →")
_POST_NAV_START = ("←", "⟵")
_POST_NAV_END = ("→", "⟶")
# a figure's caption: "Abbildung 5: ...", "Fig. 2: ...", "Rys. 3. ..."
_FIGURE_LABEL = re.compile(
    rf"^(?:{alternation(LEXICON.caption_labels)})\.?\s*\d{{0,3}}[a-z]?\s*[:.]\s+\S"
    if LEXICON.caption_labels
    else r"(?!x)x",
    re.IGNORECASE,
)
# an attachment: "Report (PDF, 2 MB)", "Letter PDF | 38 KB | not accessible"
_FILE_LINK = re.compile(
    r"\b(?:pdf|docx?|xlsx?|pptx?|zip|mp3|odt)\b.{0,40}?\b\d+(?:[.,]\d+)?\s?(?:[kmg]b|ko|mo)\b"
    r"|\b\d+(?:[.,]\d+)?\s?(?:[kmg]b|ko|mo)\b.{0,40}?\b(?:pdf|docx?|xlsx?|pptx?|zip|mp3|odt)\b",
    re.IGNORECASE,
)
_NUMBERED_ITEM = re.compile(r"^\d{1,2}[.)]\s+\S")
_DURATION = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$")
_URLISH = re.compile(r"https?://|www\.|\.com\b|@\w", re.IGNORECASE)
_SENTENCE_END = frozenset(".!?…\"“”»«'’‘。！？")
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||–|—|-|::|:|·)\s+")
_BYLINE = re.compile(
    rf"^(?:{alternation(LEXICON.byline_prefixes)})\s*:?\s+(?=[^\W\d_])", re.IGNORECASE
)
# "Ada Quay | Harbour Times": a person's name beside the outlet, without "By"
_PERSON_OUTLET = re.compile(
    r"^(?P<person>[^\W\d_][\w'’.-]*(?:\s[^\W\d_][\w'’.-]*){1,3})\s+\|\s+"
    r"(?P<outlet>[^\W\d_][\w.&'’-]*(?:\s[\w.&'’-]+){0,4})$"
)
# "Ada Quay covers ...", "Ada Quay berichtet über ...": a name, then a bio verb
_AUTHOR_BIO = re.compile(
    rf"^(?P<name>[^\W\d_][\w'’.-]*(?:\s[^\W\d_][\w'’.-]*){{1,2}})\s+"
    rf"(?:{alternation(LEXICON.bio_verbs)})\s"
    if LEXICON.bio_verbs
    else r"(?!x)x",
    re.IGNORECASE,
)
# "... for the Harbour Times", "... für das Hafenblatt": the outlet a bio names
_BIO_OUTLET = re.compile(
    r"\s(?:for|at|with|für|bei|pour|chez|à|para|en|per|presso|dla|для|в|için)\s+"
    r"((?:\S+\s+){0,2}\S+)",
    re.IGNORECASE,
)
_STAFF = re.compile(
    rf"^(?:[^\W\d_][\w.&'’-]*\s+){{0,4}}(?:{alternation(LEXICON.staff_suffixes)})$"
    if LEXICON.staff_suffixes
    else r"(?!x)x",
    re.IGNORECASE,
)
_DATE_LABEL = re.compile(
    rf"^(?:{alternation(LEXICON.date_labels)})\w*\s*"
    r"(?:[:\-–|]|\s(?:on|am|le|el|il|em)\b|(?<=\s)(?=\d)|$)",
    re.IGNORECASE,
)
# a date label repeated further along the line ("Published ... | Updated: ...")
_INNER_DATE_LABEL = re.compile(
    rf"(?:^|[|·–-])\s*(?:{alternation(LEXICON.date_labels)})\w*\s*:?", re.IGNORECASE
)
_COUNT_AND_UNIT = re.compile(r"\d+\s*\w+")  # "3 hours", "5 min"
_DECIMAL_DIGIT = re.compile(r"\d")
_RELATIVE = re.compile(
    rf"(?:^|\s)(?:{alternation(LEXICON.relative_markers)})(?:\s|$)", re.IGNORECASE
)
_FILLER = re.compile(
    rf"\b(?:{alternation(LEXICON.weekdays)}|at|um|à|a|alle|às|в|saat|o|uhr|gmt|utc|bst|cet|"
    r"cest|est|edt|pst|et|am|pm|hs|hrs|h|de|del|el|le|il|the|on|of)\b\.?|\b[ap]\.m\.?",
    re.IGNORECASE,
)


_STOPWORD = {word: word for word in LEXICON.stopwords}


@dataclass(frozen=True, slots=True)
class _LineShape:
    """What a line's own text says, whatever page prints it.

    Memoised per distinct line: a site prints the same furniture on every page, and half
    the lines of a batch are repeats, so each is measured and judged by the rules once.
    """

    flat: str
    key: str
    ckey: str
    n_words: int
    sentence_end: bool
    stop_ratio: float  # share of words in any language's stopword list
    stopwords: tuple[str, ...]  # those words, to rate the line in the dump's language
    reason: str | None  # the rules' verdict on the line alone (`_rule_reason`)


@dataclass(slots=True)
class _Line:
    """Shape features of one line of one dump, with the verdicts of that dump."""

    no: int
    raw: str
    flat: str
    key: str
    ckey: str
    n_words: int
    sentence_end: bool
    stop_ratio: float
    stopwords: tuple[str, ...]
    reason: str | None = None
    kind: str | None = None


def _measure(raw: str) -> tuple[_Line, list[str]]:
    """The line's shape, and its casefolded words."""
    flat = collapse_whitespace(raw)
    if flat == raw:
        flat = raw  # one string, not two, in the memo
    words = WORD.findall(flat.casefold())
    stop = tuple([_STOPWORD[w] for w in words if w in _STOPWORD])  # the lexicon's own strings
    tail = flat.rstrip(" *")
    end = bool(tail) and (
        tail[-1] in _SENTENCE_END or (tail[-1] == ")" and len(tail) > 1 and tail[-2] in ".!?")
    )
    key, ckey = line_keys(flat)
    line = _Line(
        no=0,
        raw=raw,
        flat=flat,
        key=key,
        ckey=ckey,
        n_words=len(words),
        sentence_end=end,
        stop_ratio=len(stop) / len(words) if words else 0.0,
        stopwords=stop,
    )
    return line, words


@lru_cache(maxsize=LINE_CACHE_SIZE)
def _line_shape(raw: str) -> _LineShape:
    line, words = _measure(raw)
    return _LineShape(
        line.flat,
        line.key,
        line.ckey,
        line.n_words,
        line.sentence_end,
        line.stop_ratio,
        line.stopwords,
        _rule_reason(line, words) if line.flat else None,
    )


def forget_memoised_lines() -> None:
    """Empty the line memo, as in a fresh worker process (benchmarks time a cold start)."""
    _line_shape.cache_clear()


def _features(no: int, raw: str) -> _Line:
    """A dump's line with its memoised shape; `reason` starts as the line rules' verdict."""
    shape = _line_shape(raw)
    return _Line(
        no,
        raw,
        shape.flat,
        shape.key,
        shape.ckey,
        shape.n_words,
        shape.sentence_end,
        shape.stop_ratio,
        shape.stopwords,
        shape.reason,
    )


def _is_long(line: _Line) -> bool:
    return line.n_words >= LONG_LINE_WORDS or len(line.flat) >= LONG_LINE_CHARS


def _has_digit_char(text: str) -> bool:
    """Any character ``str.isdigit`` accepts (the regex \\d misses superscripts and the like)."""
    if _DECIMAL_DIGIT.search(text):
        return True
    return not text.isascii() and any(map(str.isdigit, text))


def is_date_line(flat: str, words: list[str] | None = None) -> bool:
    """A short line that only states a date (with label, time, weekday) or a relative time.

    `words` may give ``WORD.findall(flat)`` already found (in any letter case).
    """
    labelled = bool(_DATE_LABEL.match(flat))
    if not labelled and not _has_digit_char(flat):
        return False  # most lines: neither a label nor a number to read as a date
    if words is None:
        words = WORD.findall(flat)
    n_numbers = sum(map(str.isdigit, words))
    if len(words) - n_numbers > MAX_DATE_LINE_WORDS:
        return False
    has_digit = any(w[0].isdigit() or w[-1].isdigit() for w in words)
    if not (has_digit or labelled):
        return False
    spans = date_spans(flat) if YEAR.search(flat) else []
    relative = has_digit and bool(_RELATIVE.search(flat))
    if not (spans or labelled or relative):
        return False
    rest = flat
    for s, e in reversed(spans):
        rest = rest[:s] + " " + rest[e:]
    if labelled:
        rest = _DATE_LABEL.sub(" ", rest, count=1)
        rest = _INNER_DATE_LABEL.sub(" ", rest)
    rest = TIME_OF_DAY.sub(" ", rest)
    rest = _FILLER.sub(" ", rest)
    if relative:
        rest = _RELATIVE.sub(" ", rest)
        rest = _COUNT_AND_UNIT.sub(" ", rest)
    leftover = [w for w in WORD.findall(rest) if not w.isdigit()]
    if not (spans or labelled):
        return not leftover
    return len(leftover) <= (MAX_DATE_LEFTOVER if labelled else 1 if spans else 0)


def _is_menu_line(line: _Line) -> bool:
    """Items joined by separators ("Home | News | Sport", breadcrumbs, wide gaps)."""
    if line.sentence_end and not _BREADCRUMB.search(line.flat):
        return False
    parts = [p for p in _MENU_SEPARATORS.split(line.raw.strip()) if p.strip()]
    if len(parts) < 2:
        return False
    if _BREADCRUMB.search(line.flat):
        return all(len(WORD.findall(p)) <= 5 for p in parts)
    return len(parts) >= 3 and all(len(WORD.findall(p)) <= 4 for p in parts)


def _is_name(text: str) -> bool:
    """Every word capitalised and none a lexicon stopword (a headline has its "the", "to",
    "für"; a sentence opens with "The")."""
    return not any(not w[:1].isupper() or w.casefold() in LEXICON.stopwords for w in text.split())


def person_and_outlet(flat: str) -> tuple[str, str] | None:
    """(person, outlet) of an "Ada Quay | Harbour Times" byline."""
    m = _PERSON_OUTLET.match(flat)
    if m is None or not m.group("outlet")[:1].isupper() or not _is_name(m.group("person")):
        return None
    return m.group("person"), m.group("outlet")


def _is_author_bio(flat: str) -> bool:
    """ "Ada Quay covers local government for the Harbour Times": a journalist's bio line,
    naming the outlet (prose saying "The council covers the cost" names none)."""
    m = _AUTHOR_BIO.match(flat)
    if m is None or not _is_name(m.group("name")):
        return False
    return any(
        word[:1].isupper()
        for outlet in _BIO_OUTLET.finditer(flat, m.end())
        for word in outlet.group(1).split()
    )


def _credit_names(tail: re.Match[str]) -> bool:
    """Both sides of "(Ada Quay/Wirelink)" capitalised: a person and an agency, not
    "(and/or)" or "(km/h)"; no sentence ends before it (a caption is one phrase)."""
    sides = tail.group(0).strip(" ()").split("/")
    return all(side.strip()[:1].isupper() for side in sides) and not _SENTENCE_INSIDE.search(
        tail.string[: tail.start()]
    )


def _rule_reason(line: _Line, words: list[str]) -> str | None:
    """Reason a line is page furniture judged on its own, or None.

    `words` are the casefolded line's words: for an ASCII line, its words in lower case.
    """
    flat = line.flat
    if _VIEW_COUNTER.match(line.key):
        return "view_counter"
    if _COMMENT_COUNTER.match(line.key) or _RESPONSES.match(line.key):
        return "comment_counter"
    if line.n_words <= MAX_CAPTION_WORDS and _CREDIT_TAIL.search(flat):
        head = _CREDIT_TAIL.split(flat, maxsplit=1)[0]
        return "photo_caption" if len(WORD.findall(head)) >= 3 else "photo_credit"
    slash_credit = _SLASH_CREDIT_TAIL.search(flat)
    if slash_credit and line.n_words <= MAX_SLASH_CAPTION_WORDS and _credit_names(slash_credit):
        return "photo_caption"
    if line.n_words <= 25 and _COPYRIGHT.search(flat):
        return "copyright"
    if is_date_line(flat, words if flat.isascii() else None):
        return "date_label"
    if (
        line.n_words <= MAX_BYLINE_WORDS
        and (_BYLINE.match(flat) or _STAFF.match(flat) or person_and_outlet(flat))
        and not line.sentence_end
    ):
        return "byline"
    if line.n_words <= MAX_BIO_WORDS and _is_author_bio(flat):
        return "author_bio"
    reason = LEXICON.colon.match(line.ckey, line.n_words)
    if reason is None:
        reason = LEXICON.plain.match(line.key, line.n_words)
    if reason is not None:
        return reason
    if _is_menu_line(line):
        return "menu"
    if _ARROW_LINK.match(flat) or (
        line.n_words <= MAX_CAPTION_WORDS
        and (flat.startswith(_POST_NAV_START) or flat.endswith(_POST_NAV_END))
    ):
        return "related_links"
    if line.n_words <= MAX_CAPTION_WORDS and _FIGURE_LABEL.match(flat):
        return "photo_caption"
    if line.n_words <= MAX_FILE_LINK_WORDS and _FILE_LINK.search(flat):
        return "file_download"
    if line.n_words <= MAX_BANNER_WORDS and _UPPER_LABEL.match(flat):
        return "label_banner"
    return None


# ---------------------------------------------------------------------------------------
# title


def split_site(flat: str) -> tuple[str, str] | None:
    """("Headline", "Site") for a "Headline | Site" line, split at the last separator."""
    matches = list(_TITLE_SEPARATORS.finditer(flat))
    if not matches:
        return None
    m = matches[-1]
    left, right = flat[: m.start()].strip(), flat[m.end() :].strip()
    if left and right:
        return left, right
    return None


def site_splits(flat: str) -> list[tuple[str, str]]:
    """Every ("Headline", "Site") reading of a "Headline - Section | Site" line."""
    return [
        (flat[: m.start()].strip(), flat[m.end() :].strip())
        for m in _TITLE_SEPARATORS.finditer(flat)
        if flat[: m.start()].strip() and flat[m.end() :].strip()
    ]


def _find_title(
    lines: list[_Line], head_end: int, good: list[bool]
) -> tuple[str | None, list[int], str | None]:
    """Headline text, the lines that print it, and a site name from "Headline | Site"."""
    present = [i for i in range(len(lines)) if lines[i].flat]
    head = [i for i in present if i < head_end]
    everywhere: dict[str, int] = {}
    for i in present:
        everywhere.setdefault(lines[i].key, i)
    # the page <title> as first line, repeated as the headline further down
    if present:
        first = lines[present[0]]
        if (
            first.reason is None
            and first.n_words >= MIN_TITLE_WORDS + 1
            and any(lines[j].key == first.key for j in present[1:])
        ):
            return first.flat, [present[0]], None
    # a "Headline | Site" line (the page <title>) whose headline stands alone elsewhere
    for i in present[:MAX_TITLE_SITE_LINE]:
        for left, right in site_splits(lines[i].flat):
            j = everywhere.get(normalise_line(left))
            if j is not None and j != i and len(WORD.findall(left)) >= MIN_TITLE_WORDS:
                return left, [i], right
    # a headline printed twice in a row (a menu item repeats far apart, a headline close by)
    repeated = [
        i
        for pos, i in enumerate(head)
        if lines[i].n_words >= MIN_TITLE_WORDS
        and lines[i].reason is None
        and any(lines[j].key == lines[i].key for j in head[pos + 1 : pos + 1 + TITLE_COPY_SPAN])
    ]
    if repeated:
        i = max(repeated, key=lambda k: (lines[k].n_words, -k))
        return lines[i].flat, [i], None
    lead = _lead_title(lines, good)
    if lead:
        return " ".join(lines[i].flat for i in lead), lead, None
    page_title = lines[present[0]].key if present else ""
    best, best_score = None, 0.0
    for pos, i in enumerate(head):
        line = lines[i]
        if line.reason is not None or line.n_words < 3 or len(line.flat) > 250:
            continue
        if _URLISH.search(line.flat):
            continue
        score = min(line.n_words, 16) + 0.1 * pos
        if line.flat.endswith(".") or line.n_words > 30:
            score -= 6
        if line.flat.isupper():
            score -= 4
        if page_title and page_title.startswith(line.key) and line is not lines[present[0]]:
            score += TITLE_PAGE_BONUS  # the <title> line starts with it: "Headline - Site"
        following = next((lines[j] for j in head[pos + 1 :]), None)
        if following is not None and following.reason in METADATA_REASONS:
            score += 6
        if score > best_score:
            best, best_score = i, score
    if best is None:
        return None, [], None
    return lines[best].flat, [best], None


def _lead_title(lines: list[_Line], good: list[bool]) -> list[int]:
    """Lines of a headline block that opens the dump, set off from the prose by a blank line.

    Clean article texts start "Headline", blank line, body. The block is a headline when it is
    short and prose follows, at most after a few short paragraphs of their own (a deck, a
    dateline heading, "ABSTRACT."). Two lines count only when the first visibly runs on
    ("Headline;" then the rest of it).
    """
    start = next((i for i, line in enumerate(lines) if line.flat), None)
    if start is None:
        return []
    end = start
    while end + 1 < len(lines) and lines[end + 1].flat:
        end += 1
    block = list(range(start, end + 1))
    if len(block) > MAX_LEAD_TITLE_LINES or end + 1 >= len(lines):
        return []
    if any(lines[i].flat[-1] not in ";:," for i in block[:-1]):
        return []
    if any(lines[i].reason is not None or _URLISH.search(lines[i].flat) for i in block):
        return []
    n_words = sum(lines[i].n_words for i in block)
    if not MIN_TITLE_WORDS <= n_words <= MAX_LEAD_TITLE_WORDS:
        return []
    nxt = _neighbour(lines, end, 1)
    for _ in range(MAX_LEAD_TITLE_SKIP):
        if nxt is None or good[nxt]:
            break
        line = lines[nxt]
        alone = not lines[nxt - 1].flat and (nxt + 1 >= len(lines) or not lines[nxt + 1].flat)
        if line.reason is not None or not alone:
            return []
        nxt = _neighbour(lines, nxt, 1)
    return block if nxt is not None and good[nxt] else []


# ---------------------------------------------------------------------------------------
# body run


def _good(line: _Line, doc_has_stopwords: bool) -> bool:
    """Long prose line: may anchor the body run."""
    if line.reason is not None or line.kind is not None or not _is_long(line):
        return False
    if not (line.sentence_end or line.n_words >= 25):
        return False
    return not doc_has_stopwords or line.stop_ratio >= MIN_STOPWORD_RATIO


def _sentence_like(line: _Line) -> bool:
    return line.reason is None and line.kind is None and line.sentence_end and line.n_words >= 3


def _body_run(lines: list[_Line], good: list[bool], anchors: list[int]) -> tuple[int, int] | None:
    """(first, last) index of the article: the cluster of good lines with most text.

    A cluster that starts just after a copy of the headline (``anchors``) weighs more: footers
    and legal notices can be longer than a short article. A headline copy ends a cluster: a
    block of teasers above it is not the article, and nor are the links below it. A longer
    gap still continues a cluster when it holds only unjudged lines of a few words each (a
    list inside the article), unless the cluster has already run through a related box.
    """

    def anchored(start: int) -> bool:
        for a in anchors:
            if a < start:
                between = sum(1 for j in range(a + 1, start) if lines[j].flat)
                if between <= TITLE_ANCHOR_LINES:
                    return True
        return False

    clusters: list[list[int]] = []
    headed: list[bool] = []  # per cluster: a headline copy heads it
    anchor_set = set(anchors)
    in_comments: set[int] = set()  # clusters that start inside a comment section
    gap = gap_words = 0
    flagged = False  # the gap holds page furniture, not just unjudged short lines
    boxed = False  # the cluster has run through a box of related links
    seen_break = False
    for i, line in enumerate(lines):
        if good[i]:
            in_list = not flagged and gap <= MAX_LIST_GAP and gap_words >= MIN_LIST_WORDS * gap
            if clusters and (gap <= MAX_BODY_GAP or in_list):
                clusters[-1].append(i)
            else:
                if seen_break and clusters:
                    in_comments.add(len(clusters))
                clusters.append([i])
                headed.append(anchored(i))
                boxed = False
            gap, gap_words, flagged = 0, 0, boxed
        elif line.reason in SECTION_BREAK_REASONS and not _in_share_bar(lines, i):
            gap, flagged = MAX_BODY_GAP + 1, True  # comments follow: never the article
            seen_break = True
        elif i in anchor_set:
            gap, flagged = MAX_BODY_GAP + 1, True
        elif line.flat and not _sentence_like(line):
            gap += 1
            gap_words += line.n_words
            flagged = flagged or line.reason is not None or line.kind is not None
            boxed = boxed or line.reason in RELATED_REASONS
    if not clusters:
        return None

    def weight(n: int) -> float:
        chars = sum(len(lines[i].flat) for i in clusters[n])
        if n in in_comments:
            return chars * COMMENT_CLUSTER_WEIGHT
        return chars * TITLE_ANCHOR_WEIGHT if headed[n] else float(chars)

    best = clusters[max(range(len(clusters)), key=weight)]
    start, end = best[0], best[-1]
    # short real paragraphs just outside the run ("Both sides will meet again.")
    j = start - 1
    while j >= 0 and (not lines[j].flat or _sentence_like(lines[j])):
        if lines[j].flat:
            start = j
        j -= 1
    j = end + 1
    while j < len(lines) and (not lines[j].flat or _sentence_like(lines[j])):
        if lines[j].flat:
            end = j
        j += 1
    return start, end


def _in_share_bar(lines: list[_Line], i: int) -> bool:
    """A comment link among share and print buttons is a button, not the comment section."""
    for step in (-1, 1):
        j = _neighbour(lines, i, step)
        if j is not None and lines[j].reason in SHARE_BAR_REASONS:
            return True
    return False


def _neighbour(lines: list[_Line], i: int, step: int) -> int | None:
    j = i + step
    while 0 <= j < len(lines):
        if lines[j].flat:
            return j
        j += step
    return None


def _mark_context(lines: list[_Line]) -> None:
    """Rules that need a neighbour: captions beside credits, video captions, box blurbs."""
    for i, line in enumerate(lines):
        if not line.flat or line.reason is not None:
            continue
        nxt, prev = _neighbour(lines, i, 1), _neighbour(lines, i, -1)
        nr = lines[nxt].reason if nxt is not None else None
        pr = lines[prev].reason if prev is not None else None
        if nr == "photo_credit" and line.n_words <= MAX_CAPTION_WORDS:
            line.reason = "photo_caption"
        elif pr == "video_marker" or (
            prev is not None
            and _DURATION.match(lines[prev].flat)
            and (p2 := _neighbour(lines, prev, -1)) is not None
            and lines[p2].reason == "video_marker"
        ):
            if _DURATION.match(line.flat):
                line.reason = "video_marker"
            elif line.n_words <= MAX_CAPTION_WORDS:
                line.reason = "photo_caption"
        elif pr in BOX_REASONS and nr in BOX_REASONS and line.n_words <= 25:
            line.reason = pr


def clean_dump(text: str, site_frequent_lines: frozenset[str] = frozenset()) -> CleanedDump:
    """Judge every line of a decoded dump; return the verdicts, body paragraphs and title."""
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if text else []
    if raw_lines and raw_lines[-1] == "" and text.endswith(("\n", "\r")):
        raw_lines.pop()
    lines = [_features(i + 1, raw) for i, raw in enumerate(raw_lines)]
    _mark_context(lines)

    # the stopword test only applies when the text is in a language the lexicons know
    long_lines = [line for line in lines if _is_long(line) and line.sentence_end]
    _rate_stopwords_in_dump_language(long_lines, lines)
    with_stopwords = sum(1 for line in long_lines if line.stop_ratio >= MIN_STOPWORD_RATIO)
    doc_has_stopwords = with_stopwords * 2 > len(long_lines)
    good = [_good(line, doc_has_stopwords) for line in lines]
    # lines seen on many pages of the same site are furniture, unless they read as prose
    if site_frequent_lines:
        for i, line in enumerate(lines):
            if (
                line.flat
                and line.reason is None
                and line.kind is None
                and not good[i]
                and line.key in site_frequent_lines
            ):
                line.reason = "site_frequent"

    head_end = _head_end(lines, good)
    title, title_lines, _ = _find_title(lines, head_end, good)
    title_key = normalise_line(title) if title else None
    if title_lines:
        _mark_title_lines(lines, title_lines, title_key, max(head_end, title_lines[-1] + 1))
        good = [_good(line, doc_has_stopwords) for line in lines]

    anchors = [
        i
        for i, line in enumerate(lines)
        if line.kind == TITLE or line.reason in ("repeated_title", "title_with_site")
    ]
    run = _body_run(lines, good, anchors)
    copies = Counter(line.key for line in lines if line.flat)
    bracketed = _bracketed_lists(lines, good, run, copies) if run is not None else set()
    judged: list[JudgedLine] = []
    paragraphs: list[str] = []
    in_related = False
    for i, line in enumerate(lines):
        if not line.flat:
            judged.append(JudgedLine(line.no, line.raw, BLANK, None))
            continue
        inside = run is not None and run[0] <= i <= run[1]
        reason = line.reason
        kind = line.kind
        if kind is None and reason is None:
            if title_key and line.key == title_key:
                kind, reason = BOILERPLATE, "repeated_title"
            elif inside and (good[i] or (_sentence_like(line) and not in_related)):
                kind = BODY
            elif i in bracketed and not in_related:
                kind = BODY  # an item of a list the article's prose introduces and resumes
            elif in_related or _NUMBERED_ITEM.match(line.flat):
                reason = "related_links"  # headlines listed under "Related", "Most read"
            elif (
                run is not None
                and inside
                and line.n_words >= 4
                and _between_body(lines, good, i, run, copies)
            ):
                kind = BODY  # a subheading inside the article
            elif line.n_words <= 4 and not line.sentence_end:
                reason = "menu"
            else:
                reason = "short_line" if inside else "outside_body"
        if reason is not None and reason in RELATED_REASONS and line.n_words <= 6:
            in_related = True
        elif kind == BODY or (reason is not None and reason not in RELATED_REASONS):
            in_related = False
        if kind is None:
            kind = METADATA if reason in METADATA_REASONS else BOILERPLATE
        if kind == BODY:
            paragraphs.append(line.flat)
            reason = None
        judged.append(JudgedLine(line.no, line.raw, kind, reason))
    return CleanedDump(lines=judged, paragraphs=paragraphs, title=title)


def _rate_stopwords_in_dump_language(prose: list[_Line], lines: list[_Line]) -> None:
    """Stopword density in the dump's own language, as jusText rates paragraphs.

    The language is the one whose stopwords the long prose lines use most; with all lists
    merged, a menu in one language could borrow another's stopwords ("de", "la", "die").
    """
    languages_of = LEXICON.stopword_languages.__getitem__
    stopwords_of_prose = chain.from_iterable(line.stopwords for line in prose)
    votes = Counter(chain.from_iterable(map(languages_of, stopwords_of_prose)))
    if not votes:
        return
    (language, hits), *rest = votes.most_common(2)
    if rest and rest[0][1] * LANGUAGE_VOTE_MARGIN > hits:
        return  # two languages close: keep the merged lists
    stopwords = LEXICON.stopwords_by_language[language]
    for line in lines:
        if line.n_words and line.reason is None:  # judged lines never anchor the body
            line.stop_ratio = len([w for w in line.stopwords if w in stopwords]) / line.n_words


def _head_end(lines: list[_Line], good: list[bool]) -> int:
    """Where the headline search stops: the first prose line that other prose soon follows.

    A lone prose-like line above the article (a cookie notice, a site blurb) does not start
    the article, so the headline below it stays within reach.
    """
    goods = [i for i, g in enumerate(good) if g]
    for a, b in zip(goods, goods[1:], strict=False):
        gap = sum(1 for j in range(a + 1, b) if lines[j].flat and not _sentence_like(lines[j]))
        if gap <= MAX_BODY_GAP:
            return a
    return goods[0] if goods else len(lines)


def _bracketed_lists(
    lines: list[_Line], good: list[bool], run: tuple[int, int], copies: Counter[str]
) -> set[int]:
    """Lines of short blocks inside the run that have article prose right above and below.

    A recipe's ingredients or a list of facts sits between two paragraphs of the article;
    flagged furniture, lines repeated across the page (share bars) and upper-case kickers of
    teasers break a block.
    """
    items: set[int] = set()
    block: list[int] = []
    opened = False  # the block follows a prose line
    for i in range(run[0], run[1] + 1):
        line = lines[i]
        if not line.flat:
            continue
        if good[i] or _sentence_like(line):
            if opened and block and len(block) <= MAX_LIST_LINES:
                items.update(block)
            block, opened = [], True
        elif (
            line.reason is None
            and line.kind is None
            and copies[line.key] < REPEATED_LINE
            and not line.flat.isupper()
        ):
            block.append(i)
        else:
            block, opened = [], False
    return items


def _between_body(
    lines: list[_Line], good: list[bool], i: int, run: tuple[int, int], copies: Counter[str]
) -> bool:
    """A short unpunctuated line with prose on both sides reads as a subheading."""
    if copies[lines[i].key] >= REPEATED_LINE:
        return False  # a share bar printed under every teaser
    prev, nxt = _neighbour(lines, i, -1), _neighbour(lines, i, 1)
    if prev is None or nxt is None or not (run[0] <= prev and nxt <= run[1]):
        return False
    return (good[prev] or _sentence_like(lines[prev])) and good[nxt]


def _mark_title_lines(
    lines: list[_Line], title_lines: list[int], title_key: str | None, head_end: int
) -> None:
    """Headline copies, "Headline | Site" lines and an outlet line right after the headline."""
    if title_key is None:
        return
    if len(title_lines) > 1:  # a headline printed over two lines ("Headline;" / "the rest")
        for i in title_lines:
            lines[i].kind, lines[i].reason = TITLE, "title"
    title_idx = title_lines[-1]
    first = True
    for i in range(len(lines)):
        line = lines[i]
        if not line.flat:
            continue
        if line.key == title_key:
            line.kind = TITLE if i < head_end else BOILERPLATE
            line.reason = "title" if first and i < head_end else "repeated_title"
            first = False
        elif line.key.startswith(title_key) and any(
            normalise_line(left) == title_key for left, _ in site_splits(line.flat)
        ):  # the key of "Headline | Site" starts with the headline's key
            line.kind = TITLE if i < head_end else BOILERPLATE
            line.reason = "title_with_site"
    # an outlet credited on its own line just after the headline ("CNN")
    for j in range(title_idx + 1, min(head_end, title_idx + 4)):
        line = lines[j]
        if not line.flat or line.kind is not None:
            continue
        letters = [c for c in line.flat if c.isalpha()]
        nxt = _neighbour(lines, j, 1)
        # only where the credit sits inside the headline block: before a headline copy,
        # a date or a byline (a lone capitalised word elsewhere is a section label)
        in_headline_block = nxt is not None and (
            lines[nxt].kind == TITLE or lines[nxt].reason in METADATA_REASONS
        )
        if (
            line.reason is None
            and in_headline_block
            and len(line.flat) <= MAX_OUTLET_LINE_CHARS
            and line.n_words <= 3
            and letters
            and all(c.isupper() for c in letters)
            and not any(c.isdigit() for c in line.flat)
        ):
            line.reason = "outlet_line"
            line.kind = METADATA
        break

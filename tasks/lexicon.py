"""Per-language word lists (``tasks/lexicons/*.json``) and the line keys they match.

Every language's lists are merged: a host site's interface strings are recognised whatever
the article's language. Phrases are compiled once, at import, into a few regexes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable

# package data, read through importlib.resources so a zipped or installed package works too
LEXICON_DIR = files("tasks") / "lexicons"
MAX_UI_WORDS = 40  # longer lines are prose: only "contains" phrases can still match
MAX_PREFIX_WORDS = 14  # prefix phrases match short lines (or a label ending in ':')

# Order in which lexicon categories are tried: the first that matches names the reason.
UI_REASON_ORDER = (
    "captcha",
    "cookie_banner",
    "copyright",
    "source_label",
    "credits",
    "disclaimer",
    "comment_prompt",
    "newsletter",
    "account_prompt",
    "donation_prompt",
    "related_links",
    "tags",
    "advertisement",
    "photo_credit",
    "reading_time",
    "share_widget",
    "print_widget",
    "bookmark",
    "contact_prompt",
    "video_marker",
    "loading_marker",  # "Loading...": a widget's placeholder left in the text
    "menu",
)


# ---------------------------------------------------------------------------------------
# normalisation

_DIGIT = re.compile(r"\d")
_PUNCT = re.compile(r"[^\w\s]+")
_PUNCT_KEEP_COLON = re.compile(r"[^\w\s:]+")
WORD = re.compile(r"\w+")


class _KeyCharacters(dict[int, int | None]):
    """``str.translate`` table for line keys: a digit becomes 0, "_" a space, punctuation
    (``punctuation``: what the key drops) nothing. Each character is classified by the
    same regexes once, on first sight, so one C-level pass replaces two regex substitutions.
    """

    def __init__(self, punctuation: re.Pattern[str]) -> None:
        super().__init__()
        self.punctuation = punctuation

    def __missing__(self, code: int) -> int | None:
        char = chr(code)
        if _DIGIT.match(char):
            mapped: int | None = ord("0")
        elif self.punctuation.match(char):
            mapped = None
        else:
            mapped = ord(" ") if char == "_" else code
        self[code] = mapped
        return mapped


_PLAIN_KEY_CHARACTERS = _KeyCharacters(_PUNCT)
_COLON_KEY_CHARACTERS = _KeyCharacters(_PUNCT_KEEP_COLON)


def normalise_line(line: str) -> str:
    """Key for site-frequency stats and lexicon lookups: casefold, digits->0, no punctuation."""
    return " ".join(line.casefold().translate(_PLAIN_KEY_CHARACTERS).split())


def normalise_lines(text: str) -> list[str]:
    """``normalise_line`` of every "\\n"-separated line of a text, with one casefold and one
    regex pass over the whole text (the substitutions never touch a newline)."""
    s = _PUNCT.sub("", _DIGIT.sub("0", text.casefold())).replace("_", " ")
    return [" ".join(line.split()) for line in s.split("\n")]


def colon_key(line: str) -> str:
    """Like ``normalise_line`` but keeps ':' so labels ("Source:") stay distinct from words."""
    kept = line.casefold().translate(_COLON_KEY_CHARACTERS)
    return " ".join(kept.replace(":", " : ").split())


def line_keys(line: str) -> tuple[str, str]:
    """(``normalise_line``, ``colon_key``) of one line with one casefold and one pass.

    Dropping the colons from the colon-keeping text leaves exactly the plain key's text, and
    a line without a colon has one key for both.
    """
    kept = line.casefold().translate(_COLON_KEY_CHARACTERS)
    if ":" not in kept:
        key = " ".join(kept.split())
        return key, key
    return " ".join(kept.replace(":", "").split()), " ".join(kept.replace(":", " : ").split())


def collapse_whitespace(text: str) -> str:
    """Collapse any run of whitespace (NBSP, narrow NBSP, tabs) to one space and strip."""
    # str.split() and the regex \s agree on what whitespace is
    return " ".join(text.split())


# ---------------------------------------------------------------------------------------
# lexicons


@dataclass(slots=True, frozen=True)
class PhraseSet:
    """Phrases of one key space compiled for fast matching; a match names its reason.

    Phrases match whole words, so a prefix phrase can only fit a key whose first word
    opens it, a suffix phrase one whose last word closes it, and a contained phrase only
    where one of the key's words opens it. Each such word has its own small regex of just
    those phrases (in reason order), tried only where the word stands: one alternation of
    every phrase, searched along every line, cost most of the clean stage's rule time.
    """

    exact: dict[str, str]
    prefix_by_first_word: dict[str, re.Pattern[str]]
    suffix_by_last_word: dict[str, re.Pattern[str]]
    contains_by_first_word: dict[str, re.Pattern[str]]

    def match(self, key: str, n_words: int) -> str | None:
        """Reason of the first phrase that fits this key, by match mode then reason order."""
        if not key:
            return None
        hit = self.exact.get(key)
        if hit:
            return hit
        if n_words > MAX_UI_WORDS:
            return None
        words = key.split(" ")
        if n_words <= MAX_PREFIX_WORDS:
            prefix = self.prefix_by_first_word.get(words[0])
            if prefix is not None and (m := prefix.match(key)):
                return _group_reason(m)
        suffix = self.suffix_by_last_word.get(words[-1])
        if suffix is not None and (m := suffix.search(key)):
            return _group_reason(m)
        contains = self.contains_by_first_word
        if contains.keys().isdisjoint(words):
            return None
        start = 0  # the leftmost word that opens a phrase found here, as a regex search would
        for word in words:
            phrase = contains.get(word)
            if phrase is not None and (m := phrase.match(key, start)):
                return _group_reason(m)
            start += len(word) + 1
        return None


def _group_reason(m: re.Match[str]) -> str:
    name = m.lastgroup or ""
    return name.split("__", 1)[0]


@dataclass(slots=True, frozen=True)
class Lexicon:
    """All languages' word lists merged: page furniture is recognised in any language."""

    plain: PhraseSet
    colon: PhraseSet
    stopwords: frozenset[str]
    # word -> the languages whose stopword list holds it (to tell a dump's language)
    stopword_languages: dict[str, frozenset[str]]
    stopwords_by_language: dict[str, frozenset[str]]
    months: dict[str, int]
    weekdays: frozenset[str]
    relative_markers: tuple[str, ...]
    date_labels: tuple[str, ...]
    created_labels: tuple[str, ...]
    updated_labels: tuple[str, ...]
    byline_prefixes: tuple[str, ...]
    staff_suffixes: tuple[str, ...]
    role_words: frozenset[str]
    role_modifiers: frozenset[str]
    place_particles: frozenset[str]
    caption_labels: tuple[str, ...]
    # "covers", "berichtet über": what a journalist's bio line says after the name
    bio_verbs: tuple[str, ...]
    view_words: tuple[str, ...]
    comment_words: tuple[str, ...]


def _compile_phrases(by_reason: dict[str, list[str]], colon: bool) -> PhraseSet:
    norm = colon_key if colon else normalise_line
    exact: dict[str, str] = {}
    # per mode, per opening (closing, for suffixes) word: [(reason, phrase keys)] in the
    # order an alternation tries them: reasons in UI_REASON_ORDER, longer phrases first
    by_word: dict[str, dict[str, list[tuple[str, list[str]]]]] = {
        "prefix": {},
        "suffix": {},
        "contains": {},
    }
    for reason in UI_REASON_ORDER:
        buckets: dict[str, set[str]] = {"prefix": set(), "suffix": set(), "contains": set()}
        for phrase in by_reason.get(reason, []):
            if (":" in phrase) != colon:
                continue
            lead, trail = phrase.startswith("*"), phrase.endswith("*")
            key = norm(phrase.strip("*"))
            if not key:
                continue
            if lead and trail:
                buckets["contains"].add(key)
            elif trail:
                buckets["prefix"].add(key)
            elif lead:
                buckets["suffix"].add(key)
            else:
                exact.setdefault(key, reason)
        for mode, keys in buckets.items():
            for key in sorted(keys, key=len, reverse=True):
                word = key.split(" ")[-1 if mode == "suffix" else 0]
                groups = by_word[mode].setdefault(word, [])
                if not groups or groups[-1][0] != reason:
                    groups.append((reason, []))
                groups[-1][1].append(key)

    def build(mode: str) -> dict[str, re.Pattern[str]]:
        patterns: dict[str, re.Pattern[str]] = {}
        for word, groups in by_word[mode].items():
            body = "|".join(
                f"(?P<{reason}__{mode}>{'|'.join(re.escape(k) for k in keys)})"
                for reason, keys in groups
            )
            if mode == "suffix":
                patterns[word] = re.compile(rf"(?:^|\s)(?:{body})$")
            else:  # matched where the word stands, at the start or after a space
                patterns[word] = re.compile(rf"(?:{body})(?:\s|$)")
        return patterns

    return PhraseSet(exact, build("prefix"), build("suffix"), build("contains"))


def load_lexicon(directory: Traversable = LEXICON_DIR) -> Lexicon:
    """Merge every ``<lang>.json`` under ``directory`` into one ``Lexicon``."""
    ui: dict[str, list[str]] = {}
    lists: dict[str, list[str]] = {}
    months: dict[str, int] = {}
    by_language: dict[str, frozenset[str]] = {}
    for path in sorted(directory.iterdir(), key=lambda entry: entry.name):
        if not path.name.endswith(".json"):
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        language = path.name.removesuffix(".json")
        if data.get("stopwords"):
            by_language[language] = frozenset(w.casefold() for w in data["stopwords"])
        for reason, phrases in data.get("ui", {}).items():
            target = lists if reason in ("view_words", "comment_words") else ui
            target.setdefault(reason, []).extend(phrases)
        for name in (
            "stopwords",
            "weekdays",
            "relative_markers",
            "date_labels",
            "created_labels",
            "updated_labels",
            "byline_prefixes",
            "staff_suffixes",
            "role_words",
            "role_modifiers",
            "place_particles",
            "caption_labels",
            "bio_verbs",
        ):
            lists.setdefault(name, []).extend(data.get(name, []))
        for word, month in data.get("months", {}).items():
            months.setdefault(word.casefold(), int(month))

    def words(name: str) -> tuple[str, ...]:
        seen = dict.fromkeys(w.casefold() for w in lists.get(name, []))
        return tuple(sorted(seen, key=len, reverse=True))

    return Lexicon(
        plain=_compile_phrases(ui, colon=False),
        colon=_compile_phrases(ui, colon=True),
        stopwords=frozenset(words("stopwords")),
        stopword_languages={
            word: frozenset(lang for lang, words in by_language.items() if word in words)
            for word in words("stopwords")
        },
        stopwords_by_language=by_language,
        months=months,
        weekdays=frozenset(words("weekdays")),
        relative_markers=words("relative_markers"),
        date_labels=tuple(w.rstrip("*") for w in words("date_labels")),
        created_labels=words("created_labels"),
        updated_labels=words("updated_labels"),
        byline_prefixes=words("byline_prefixes"),
        staff_suffixes=words("staff_suffixes"),
        role_words=frozenset(words("role_words")),
        role_modifiers=frozenset(words("role_modifiers")),
        place_particles=frozenset(words("place_particles")),
        caption_labels=words("caption_labels"),
        bio_verbs=words("bio_verbs"),
        view_words=words("view_words"),
        comment_words=words("comment_words"),
    )


LEXICON = load_lexicon()


def alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))

"""Per-language sentence rules, read from ``tasks/segment/rules/*.json`` and compiled once.

A language's file lists what a compiled splitter cannot know from punctuation alone:
abbreviations by how they behave (a title never ends a sentence, "No." only before a
number, "Inc." may end one), words that start sentences, whether "3." is an ordinal, and
clause marks some traditions count as sentence ends. ``universal.json`` is merged into
every language and is the whole rule set when the language is unknown.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

RULES_DIR = files("tasks.segment") / "rules"  # package data
FALLBACK_LANGUAGE = "en"  # the compiled splitter's rules when the language is unknown
_LIST_KEYS = ("titles", "before_numbers", "abbreviations", "ordinal_leads", "ordinal_words")


@dataclass(frozen=True, slots=True)
class SentenceRules:
    """What one language's text needs beyond the compiled splitter's own rules."""

    splitter_language: str
    # abbreviations, lower case and without the final period ("dr", "u.s", "z.b")
    titles: frozenset[str]  # stand before a name: never end a sentence
    before_numbers: frozenset[str]  # "No. 5", "Sept. 14": no end when a digit follows
    abbreviations: frozenset[str]  # may end a sentence: an end only before a starter word
    starters: frozenset[str]  # capitalised words that often open a sentence ("The", "Er")
    continuations: frozenset[str]  # lower-case words that go on after a "?" ("asks")
    ordinal_period: bool  # "am 3. Oktober": a number with a period can be an ordinal
    ordinal_leads: frozenset[str]  # words before an ordinal ("der", "am"), lower case
    ordinal_words: frozenset[str]  # words after an ordinal ("oktober", "jahrhundert")
    clause_break: re.Pattern[str] | None  # clause marks that end a sentence here (Arabic ":")
    known: frozenset[str]  # titles, before_numbers and abbreviations together


def language_key(language: str | None) -> str:
    """ "pt-BR" -> "pt"; None or "" -> "" (the universal rules only)."""
    if not language:
        return ""
    return language.replace("_", "-").split("-", 1)[0].lower()


def _read(name: str) -> dict[str, object]:
    path = RULES_DIR.joinpath(f"{name}.json")
    if not path.is_file():
        return {}
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _words(data: dict[str, object], key: str) -> set[str]:
    value = data.get(key, [])
    assert isinstance(value, list), f"{key} must be a list"
    return {str(word) for word in value}


@lru_cache(maxsize=64)
def rules_for(language: str | None) -> SentenceRules:
    """The merged, compiled rules for a language code (cached: one build per language)."""
    key = language_key(language)
    universal = _read("universal")
    own = _read(key) if key else {}
    lists = {name: _words(universal, name) | _words(own, name) for name in _LIST_KEYS}
    clause = own.get("clause_break")
    titles, before_numbers, abbreviations = (
        frozenset(w.lower() for w in lists[name])
        for name in ("titles", "before_numbers", "abbreviations")
    )
    return SentenceRules(
        splitter_language=key or FALLBACK_LANGUAGE,
        titles=titles,
        before_numbers=before_numbers,
        abbreviations=abbreviations,
        starters=frozenset(_words(universal, "starters") | _words(own, "starters")),
        continuations=frozenset(_words(universal, "continuations") | _words(own, "continuations")),
        ordinal_period=bool(own.get("ordinal_period", False)),
        ordinal_leads=frozenset(w.lower() for w in lists["ordinal_leads"]),
        ordinal_words=frozenset(w.lower() for w in lists["ordinal_words"]),
        clause_break=re.compile(str(clause)) if clause else None,
        known=titles | before_numbers | abbreviations,
    )

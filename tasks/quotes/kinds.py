"""Attribution step "speaker_kind": a speaker is a person, an organisation or an unnamed source.

A name is an organisation when one of its words is an organisation word of the language
("Ministry", "Institute", "Inc") or it is written in capitals ("NATO"); a description ("a
senior official", "la portavoz del ministerio") is an organisation when its head words name a
body rather than a person who speaks for one. A name that looks like a person's ("Aurevo
Mobility") is an organisation when the article itself says so: an organisation noun right
before it ("the consortium Aurevo Mobility") or heading its apposition ("Kestmoor Rail, a
rail company"); the nouns are per language in the cue files (`cues_<code>.json`, `org_nouns`).
"""

from __future__ import annotations

import regex

from tasks.quotes.cues import CueLexicon
from tasks.quotes.patterns import WORD, alternation

# (organisation noun before a name, apposition after it) per lexicon; None without nouns.
_APPOSITION_PATTERNS: dict[int, tuple[regex.Pattern[str], ...] | None] = {}
# Words allowed between the determiner of an apposition and its organisation noun.
MAX_APPOSITION_MODIFIERS = 2
# How far before a name an organisation noun is looked for ("the consortium ").
MAX_NOUN_CHARS = 24


def names_organisation(name: str, lex: CueLexicon) -> bool:
    """A name holding an organisation word, or an acronym or heading in capitals."""
    return any(t.casefold() in lex.org_words for t in name.split()) or (
        name.isupper() and len(name) > 1  # "NATO", or a heading in capitals
    )


def description_kind(description: str, lex: CueLexicon) -> str:
    """ "organization" when the description's head names a body, else "unnamed"."""
    words = [w.casefold() for w in WORD.findall(description)]
    head_words = words[:4]
    if any(w in lex.org_words for w in head_words) and not any(
        w in lex.source_nouns and w not in lex.org_words for w in head_words
    ):
        return "organization"
    return "unnamed"


def called_organisation(
    body: str, name: str, runs: list[regex.Match[str]], lex: CueLexicon
) -> bool:
    """Whether the article calls a name an organisation: "the consortium X", "X, a …
    company", or German's noun inside the run ("Konsortium X"). `runs` are the capitalised
    runs holding the name's last word; only the few characters around them are read."""
    patterns = _apposition_patterns(lex)
    if patterns is None:
        return False
    noun_before, apposition_after = patterns
    for run in runs:
        text = run.group()
        if text == name and (
            apposition_after.match(body, run.end())
            or noun_before.search(body, max(0, run.start() - MAX_NOUN_CHARS), run.start())
        ):
            return True
        noun, _, rest = text.partition(" ")
        if rest == name and noun.casefold() in lex.org_nouns:
            return True
    return False


def _apposition_patterns(lex: CueLexicon) -> tuple[regex.Pattern[str], ...] | None:
    key = id(lex)
    if key not in _APPOSITION_PATTERNS:
        nouns = alternation(lex.org_nouns)
        determiners = alternation(lex.determiners | lex.indefinite_determiners)
        # the noun heads the apposition: a punctuation mark, a preposition or a relative
        # follows it ("X, a rail consortium of …"), not another noun ("the union organiser")
        closers = alternation(lex.prepositions | lex.relatives)
        _APPOSITION_PATTERNS[key] = (
            (
                regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?i:{nouns})[ \u00a0]+\Z"),
                regex.compile(
                    rf",[ \u00a0]+(?i:{determiners})[ \u00a0]+"
                    rf"(?:[\p{{L}}\p{{M}}-]+[ \u00a0]+){{0,{MAX_APPOSITION_MODIFIERS}}}"
                    rf"(?i:{nouns})(?=[ \u00a0]*(?:[,.;:)]|$)"
                    rf"|[ \u00a0]+(?i:{closers})(?![\p{{L}}\p{{M}}]))"
                ),
            )
            if lex.org_nouns
            else None
        )
    return _APPOSITION_PATTERNS[key]

"""Attribution step "speaker_kind": a speaker is a person, an organisation or an unnamed source.

A name is an organisation when one of its words is an organisation word of the language
("Ministry", "Institute", "Inc") or it is written in capitals ("NATO"); a description ("a
senior official", "la portavoz del ministerio") is an organisation when its head words name a
body rather than a person who speaks for one.
"""

from __future__ import annotations

from tasks.quotes.cues import CueLexicon
from tasks.quotes.patterns import WORD


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

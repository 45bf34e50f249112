"""Words of a capitalised run that are no part of a name: titles, role compounds, genitives.

"Polizeisprecher" and "AfD-Chef" name a role, "CDU-Kontrahenten" in "CDU-Kontrahenten Mario
Voigt" qualifies the name after it, "России" in "президент России Владимир Путин" is the
complement of the noun before the run: each is cut from the name (`names.ArticleNames`).
"""

from __future__ import annotations

from tasks.quotes.cues import CueLexicon
from tasks.quotes.morphology import (
    ANALYSED_LANGUAGES,
    TAGGED_LANGUAGES,
    can_be_nominative,
    is_common_word,
    may_name_a_person,
)
from tasks.quotes.settings import TITLE_COMPOUND_MIN_CHARS

# What marks the first part of a compound as an acronym ("CDU-", "AfD-"): two capitals.
MIN_ACRONYM_CAPITALS = 2


def is_title(word: str, lex: CueLexicon) -> bool:
    """A title (lower-case), or a compound ending in one ("polizeisprecher")."""
    return word in lex.titles or (
        len(word) > TITLE_COMPOUND_MIN_CHARS and word.endswith(lex.title_endings)
    )


def is_role_compound(token: str, lex: CueLexicon) -> bool:
    """ "AfD-Chef", "Co-Chefin", "CDU-Spitzenkandidat": a hyphenated word whose last part is
    a title, a person or source noun, or (after an acronym, where a tagger tells common
    nouns) a common noun, names a role, not a person ("Jean-Pierre", "Holland-Moritz")."""
    first, hyphen, head = token.rpartition("-")
    if not (hyphen and first and head[:1].isupper()):
        return False
    low = head.casefold()
    if is_title(low, lex) or low in lex.person_nouns or low in lex.source_nouns:
        return True
    acronym = sum(c.isupper() for c in first) >= MIN_ACRONYM_CAPITALS
    return acronym and lex.language in TAGGED_LANGUAGES and is_common_word(head, lex.language)


def is_oblique_before_name(tokens: list[str], language: str) -> bool:
    """ "России Владимир Путин": where names decline, a first word that is no person's name
    and cannot be in the nominative, before words that all can, is a complement of the noun
    before the run (a genitive), not part of the name ("Владимира Путина" stays whole)."""
    return (
        language in ANALYSED_LANGUAGES
        and len(tokens) > 1
        and not can_be_nominative(tokens[0], language)
        and not may_name_a_person(tokens[0], language)
        and all(can_be_nominative(t, language) for t in tokens[1:])
    )

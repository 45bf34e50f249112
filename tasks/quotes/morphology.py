"""Grammatical case of a word, for languages whose names decline (Russian).

After an inverted speech verb a Russian sentence may name the addressee before the speaker
("— написала Аллену в ответ сенатор Лена Тейлор"): the word order does not say which name is
the subject, the case does. `pymorphy3` with its Russian dictionaries (shipped in the
`pymorphy3-dicts-ru` wheel, nothing fetched at run time) is the maintained analyser for it;
it also guesses the case of foreign names it does not know from their endings ("Аллену" is
dative). It is loaded once, on the first Russian article.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from tasks.quotes.settings import MIN_NOMINATIVE_SHARE

# Languages with an analyser; any other language answers "may be the subject".
ANALYSED_LANGUAGES = frozenset({"ru"})
NOMINATIVE = "nomn"
PLURAL = "plur"
# Initials ("Дж.", "Б.") and short words say nothing of the case.
MIN_ANALYSED_CHARS = 3


@lru_cache(maxsize=1)
def _russian_analyser() -> Any:
    import pymorphy3  # a 10 MB dictionary: loaded only when a Russian article needs it

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=65_536)
def can_be_nominative(word: str, language: str) -> bool:
    """Whether the analyser reads a word in the nominative often enough to be a subject.

    "Лена", "Тейлор": yes; "Аллену" (dative), "Святого Петра" (genitive; "Петра" as a
    nominative is a rare reading), "Притцкером" (instrumental): no. True for languages
    without an analyser and for words it leaves without a case.
    """
    if language not in ANALYSED_LANGUAGES or len(word) < MIN_ANALYSED_CHARS:
        return True
    parses = _russian_analyser().parse(word)
    if not any(parse.tag.case for parse in parses):
        return True
    share = sum(parse.score for parse in parses if parse.tag.case == NOMINATIVE)
    return bool(share >= MIN_NOMINATIVE_SHARE)


@lru_cache(maxsize=65_536)
def is_plural_only(word: str, language: str) -> bool:
    """Whether every reading of a word is plural ("Энтузиасты"): no "он" or "она" stands
    for it. False for languages without an analyser."""
    if language not in ANALYSED_LANGUAGES or len(word) < MIN_ANALYSED_CHARS:
        return False
    numbers = {parse.tag.number for parse in _russian_analyser().parse(word)}
    return numbers == {PLURAL}


@lru_cache(maxsize=65_536)
def dictionary_form(word: str, language: str) -> str:
    """The analyser's most likely dictionary form of a word ("богослова" -> "богослов"), so
    a description in any case meets the nominative word lists; the word itself for
    languages without an analyser."""
    if language not in ANALYSED_LANGUAGES or len(word) < MIN_ANALYSED_CHARS:
        return word
    return str(_russian_analyser().parse(word)[0].normal_form)


def may_be_subject(name: str, language: str) -> bool:
    """A name may be the subject when each of its words can be in the nominative."""
    words = [w.strip(".") for w in name.replace("-", " ").split()]
    return all(can_be_nominative(w, language) for w in words if w[:1].isalpha())


def first_subject(names: list[str], language: str) -> str:
    """The first name that may be the subject, else the first: after an inverted verb the
    case, not the order, tells the speaker from the person addressed."""
    return next((name for name in names if may_be_subject(name, language)), names[0])

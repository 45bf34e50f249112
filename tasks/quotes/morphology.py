"""Grammatical case of a word, for languages whose names decline (Russian).

After an inverted speech verb a Russian sentence may name the addressee before the speaker
("— написала Аллену в ответ сенатор Лена Тейлор"): the word order does not say which name is
the subject, the case does. `pymorphy3` with its Russian dictionaries (shipped in the
`pymorphy3-dicts-ru` wheel, nothing fetched at run time) is the maintained analyser for it;
it also guesses the case of foreign names it does not know from their endings ("Аллену" is
dative). It is loaded once, on the first Russian article.

German capitalises every noun, so a capitalised word there may be a common noun
("Anerkennung", "Wissenschaftssenatorin") or an adjective opening a phrase ("Saisonale") as
well as a name. HanTa (the Hanover Tagger, `hanta` on PyPI, its German model inside the
wheel) tells them apart: its morphological analysis tags a word NN (common noun) or NE
(proper name) and reads compounds and words it has never seen by their parts. It was chosen
over `simplemma`, whose German dictionary also lists names ("Merkel", "Sabine") with no part
of speech and takes 1.2 s and 110 MB to load, and over `german-nouns`, whose parser
dependency pins lxml below 5; HanTa loads in 0.25 s and about 45 MB, once per process on
the first German article.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from tasks.quotes.settings import MIN_COMMON_WORD_MARGIN, MIN_NOMINATIVE_SHARE

# Languages with an analyser; any other language answers "may be the subject".
ANALYSED_LANGUAGES = frozenset({"ru"})
# Languages whose tagger tells a capitalised common word from a name.
TAGGED_LANGUAGES = frozenset({"de"})
GERMAN_MODEL = "morphmodel_ger.pgz"
# HanTa's tags for a proper name and for a foreign word (no evidence either way).
NAME_TAG = "NE"
FOREIGN_TAG = "FM"
# Morphemes of HanTa's analysis that are no stem: suffixes, joints ("s" in
# "Wissenschaftssenatorin"), hyphens, prefixes.
BOUND_MORPHEME_TAGS = ("SUF", "FUGE", "HYPHEN", "PREF")
ACRONYM_NAME_TAG = "ACR_NE"
ADJECTIVE_STEM_TAG = "ADJ"
NOUN_STEM_TAG = "NN"
NOUN_VARIANT_TAG = "NN_VAR"
ADJECTIVE_ENDING_TAG = "SUF_ADJ"
MIN_COMPOUND_STEMS = 2
NOMINATIVE = "nomn"
# The analyser's grammemes of a person's first name, surname and patronymic.
PERSON_NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})
PLURAL = "plur"
# Initials ("Дж.", "Б.") and short words say nothing of the case.
MIN_ANALYSED_CHARS = 3


@lru_cache(maxsize=1)
def _russian_analyser() -> Any:
    import pymorphy3  # a 10 MB dictionary: loaded only when a Russian article needs it

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=1)
def _german_tagger() -> Any:
    from HanTa import HanoverTagger  # its model is read only when a German article needs it

    return HanoverTagger.HanoverTagger(GERMAN_MODEL)


@lru_cache(maxsize=65_536)
def is_common_word(word: str, language: str) -> bool:
    """Whether the tagger reads a capitalised word as a common noun or adjective rather than
    a name. A word its lexicon holds: no name reading at all ("Anerkennung", "Arbeitskräfte")
    or one clearly less likely ("Hamburger"). A word it does not hold: a compound of two
    stems or more, none a name ("Wissenschaftssenatorin", "Nettozahler-Allianz"; not
    "Fischer-Volk"), or an inflected adjective ("Saisonale"); an unknown word of one stem
    ("Gallera", "Hermreck") may be a surname and stays a name. False for languages without a
    tagger and for short words and abbreviations."""
    if language not in TAGGED_LANGUAGES or len(word) < MIN_ANALYSED_CHARS or word.isupper():
        return False
    tagger = _german_tagger()
    if word.casefold() not in tagger.cache:
        morphemes = tagger.analyze(word, taglevel=3)[1]
        return _is_common_compound(morphemes) or _inflects_a_known_noun(morphemes, language)
    readings = tagger.tag_word(word)
    name = max((score for tag, score in readings if tag == NAME_TAG), default=None)
    common = max(
        (score for tag, score in readings if tag not in (NAME_TAG, FOREIGN_TAG)), default=None
    )
    if common is None:
        return False
    return name is None or bool(common - name >= MIN_COMMON_WORD_MARGIN)


def _inflects_a_known_noun(morphemes: list[tuple[str, str]], language: str) -> bool:
    """ "Kontinente", "Juristin": one noun stem the lexicon holds as a common noun, with an
    ending ("Gallera" has no such stem)."""
    if len(morphemes) < MIN_COMPOUND_STEMS or not morphemes[0][1].startswith(NOUN_STEM_TAG):
        return False
    if any(not tag.startswith(BOUND_MORPHEME_TAGS) for _, tag in morphemes[1:]):
        return False
    if morphemes[0][1] == NOUN_VARIANT_TAG:
        return True  # "Anwältin": a stem variant of the lexicon's own ("Anwalt")
    stem = morphemes[0][0].capitalize()
    return stem.casefold() in _german_tagger().cache and is_common_word(stem, language)


def _is_common_compound(morphemes: list[tuple[str, str]]) -> bool:
    """Morphemes of an unknown word as (text, tag): two stems or more and no name among
    them, or one adjective stem with an adjective ending."""
    stems = [tag for _, tag in morphemes if not tag.startswith(BOUND_MORPHEME_TAGS)]
    if any(tag.startswith(NAME_TAG) or tag.startswith(ACRONYM_NAME_TAG) for tag in stems):
        return False
    if len(stems) >= MIN_COMPOUND_STEMS:
        return True
    return stems == [ADJECTIVE_STEM_TAG] and morphemes[-1][1] == ADJECTIVE_ENDING_TAG


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
def may_name_a_person(word: str, language: str) -> bool:
    """Whether any reading of a word is a first name, surname or patronymic ("Дана" is
    also a participle, "России" never a name). True for languages without an analyser."""
    if language not in ANALYSED_LANGUAGES or len(word) < MIN_ANALYSED_CHARS:
        return True
    return any(
        PERSON_NAME_GRAMMEMES & parse.tag.grammemes for parse in _russian_analyser().parse(word)
    )


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

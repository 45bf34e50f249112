"""Speech cues per language, loaded from one data file per language, `cues_<code>.json`.

The words that say "this was said by" (verbs, "according to", "quoted X as saying"), the
words that stand for a speaker (pronouns, titles, source and person nouns) and the
capitalised words that never name one are data, so a language is added by adding its file
(the lists are described in docs/quotes.md, "Cue files"), not by editing the code.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import regex

from tasks.quotes.settings import MIN_VERB_ADVERB_ENDING_CHARS

CUES_PACKAGE = "tasks.quotes"  # package data: cues_en.json, cues_es.json, ...
CUE_FILE_PREFIX = "cues_"
CUE_FILE_SUFFIX = ".json"
# Used when the article's language is unknown or has no entry of its own.
FALLBACK_LANGUAGES = ("en", "es", "de", "fr", "it", "pt", "ru")
WORD_LISTS = (
    "verbs",
    "participles",
    "verb_prefixes",
    "according_to",
    "relative_according",
    "quoted_as",
    "passive_quoted",
    "quoted_triggers",
    "pronouns",
    "determiners",
    "relatives",
    "adverbial_starts",
    "holder_prepositions",
    "description_links",
    "indefinite_determiners",
    "prepositions",
    "conjunctions",
    "titles",
    "title_endings",
    "source_nouns",
    "org_words",
    "place_words",
    "non_name_words",
    "adverb_endings",
    "clitics",
    "feminine_words",
    "masculine_words",
    "complementizers",
    "speech_nouns",
    "speech_noun_links",
    "speech_noun_of",
    "object_relatives",
    "org_nouns",
    "manner_openers",
    "person_nouns",
    "noun_determiners",
    "inverted_pronouns",
    "adjective_endings",
    "verb_endings",
    "genitive_determiners",
    "institution_prepositions",
    "plural_determiners",
    "time_words",
    "body_articles",
    "definite_articles",
    "perfect_auxiliaries",
    "perfect_participles",
    "inverted_after_vowel",
    "inverted_after_consonant",
    "inverted_only_verbs",
)
# Letters that end a verb which takes "-t-" before an inverted pronoun ("affirme-t-elle").
VOWELS = frozenset("aeiouyéèêàâîôû")


@dataclass(slots=True, frozen=True)
class CueLexicon:
    """The compiled speech cues of one language (or of several merged)."""

    # The language's code, "" when several are merged (unknown language).
    language: str

    # Forward searches use the standard library's engine: on a long alternation of plain
    # words it scans several times faster than `regex`, and \w, \s agree on our texts.
    speech_verb: re.Pattern[str]
    according_to: regex.Pattern[str]
    relative_according: regex.Pattern[str] | None
    # The same patterns searching backwards: the cue nearest to what follows it.
    last_speech_verb: regex.Pattern[str]
    last_according_to: regex.Pattern[str]
    last_relative_according: regex.Pattern[str] | None
    quoted_as: tuple[regex.Pattern[str], ...]
    passive_quoted: tuple[regex.Pattern[str], ...]
    quoted_triggers: tuple[str, ...]
    pronouns: frozenset[str]
    determiners: frozenset[str]
    relatives: frozenset[str]
    adverbial_starts: frozenset[str]
    holder_prepositions: frozenset[str]
    # "to", "for", "with": join a source noun to its complement ("an adviser to Trump").
    description_links: frozenset[str]
    indefinite_determiners: frozenset[str]
    # "también", "also", "hat": words that may stand before a verb, or after an article
    # before the noun of a description ("el también coordinador de …").
    verb_prefixes: frozenset[str]
    # "los", "les", "gli": a description they open names several people, never one person.
    plural_determiners: frozenset[str]
    # "lunes", "hier", "gestern": a time phrase may stand between a verb and its subject
    time_words: frozenset[str]
    # "la", "el", "le": where people's names take no article, a name right after one is a
    # body or a thing ("la Guardia Civil"); empty where they may ("der Höcke", "the Smiths").
    body_articles: frozenset[str]
    # "el", "la", "der": a description they open with a role noun ("el portavoz", "der
    # AfD-Chef") stands for the person the article gave that role; none for English, whose
    # news gives such phrases to unnamed sources ("the spokesman").
    definite_articles: frozenset[str]
    prepositions: frozenset[str]
    conjunctions: frozenset[str]
    titles: frozenset[str]
    title_endings: tuple[str, ...]
    source_nouns: frozenset[str]
    org_words: frozenset[str]
    place_words: frozenset[str]
    non_name_words: frozenset[str]
    adverb_endings: tuple[str, ...]
    participles: frozenset[str]
    clitics: frozenset[str]
    feminine_words: frozenset[str]
    masculine_words: frozenset[str]
    speech_nouns: frozenset[str]
    speech_noun_links: frozenset[str]
    # "de", "von", "d’": what joins a speech noun to the person after it ("les propos d’X").
    speech_noun_of: frozenset[str]
    # "which", "what", "lo que": a name after one is the subject of the verb ending its clause.
    object_relatives: frozenset[str]
    # "as", "comme", "wie", "como", "как": open "as X put it" after a quote; X is the speaker.
    manner_openers: frozenset[str]
    # "consortium", "Ministerium": before a name or heading its apposition, an organisation.
    org_nouns: frozenset[str]
    # "profesional", "Landwirt", "понтифик": after a definite article (or alone in Russian),
    # the person named just before ("precisó el profesional").
    person_nouns: frozenset[str]
    # "die", "einer", "keine": where every noun is capitalised, one word alone after these
    # is a noun ("die Lage", "einer Meinung"), not a name; empty where names stand apart.
    noun_determiners: frozenset[str]
    # "er", "он": where the subject may follow the verb ("Nach dem Gipfel sagte sie:"), a
    # pronoun right after a speech verb is its subject, and so is a definite description
    # of a person; empty where a pronoun there opens reported speech ("said she would").
    inverted_pronouns: frozenset[str]
    # "-e", "-en", "-er": where every noun is capitalised, a lower-case word with one of these
    # endings before a capitalised one is an adjective of a noun ("ganze Kontinente"),
    # unless it ends like a verb ("sagte", "hatten"): the `verb_endings`.
    adjective_endings: tuple[str, ...]
    verb_endings: tuple[str, ...]
    # "des": inside a capitalised run it joins a noun to the name it governs ("Besuch des
    # Bundeskanzlers Angela Merkel"); other determiners there open an object or complement.
    genitive_determiners: frozenset[str]
    # "в": a subject-less speech verb, then this and a body ("сообщили в полиции"): the body.
    institution_prepositions: frozenset[str]
    # "that", "que", "что": where reported speech may open; searched first, as it is cheap.
    complementizer: regex.Pattern[str] | None
    # "said ", "told reporters ", "заявил, ": a speech verb ending right before one (reversed).
    verb_before_complementizer: regex.Pattern[str]
    # The last word of every speech verb ("said", "déclaré"): a set lookup rules most out.
    verb_last_words: frozenset[str]
    # "-t-il", "-elle": a pronoun joined to the verb after it ("affirme-t-elle", "dit-il"),
    # so the verb's speaker is the person that pronoun stands for; None without inversion.
    inverted_subject: regex.Pattern[str] | None

    def is_inverted(self, cue: str) -> bool:
        """Whether a speech verb carries its subject pronoun ("a-t-il raconté", "dit-elle")."""
        return self.inverted_subject is not None and bool(self.inverted_subject.search(cue))


@lru_cache(maxsize=1)
def _load_cue_words() -> dict[str, dict[str, list[str]]]:
    """Read every language's cue file once per process: language code -> its lists."""
    cues: dict[str, dict[str, list[str]]] = {}
    for entry in files(CUES_PACKAGE).iterdir():
        name = entry.name
        if name.startswith(CUE_FILE_PREFIX) and name.endswith(CUE_FILE_SUFFIX):
            language = name[len(CUE_FILE_PREFIX) : -len(CUE_FILE_SUFFIX)]
            cues[language] = json.loads(entry.read_text(encoding="utf-8"))
    return cues


def _alternation(phrases: list[str]) -> str:
    """Longest phrases first, so "a-t-il déclaré" wins over "déclaré"; spaces match any run."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in ordered)


# Phrases by their letters: the next letter leads to the phrases that go on with it, ""
# marks where a phrase ends.
_Trie = dict[str, "_Trie"]


def _shared_beginnings(phrases: list[str], backwards: bool = False, space: str = r"\s+") -> str:
    """The phrases as one pattern that shares their beginnings ("said", "says" become
    "sa(?:id|ys)"), so a scan tests each letter once, not once per phrase; `backwards`
    shares their endings instead, for a pattern matched from the right. A longer phrase is
    tried before a shorter one it continues, so the longest phrase wins as in
    `_alternation`; spaces match `space` (any run of white space by default)."""
    trie: _Trie = {}
    for phrase in set(phrases):
        node = trie
        for char in reversed(phrase) if backwards else phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: _Trie) -> str:
        branches = []
        for char in sorted(node):
            if char:
                letter = space if char == " " else regex.escape(char)
                rest = render(node[char])
                branches.append(rest + letter if backwards else letter + rest)
        if "" in node:
            branches.append("")
        return "".join(branches) if len(branches) <= 1 else "(?:" + "|".join(branches) + ")"

    return render(trie)


def _verb_phrase_space(adverb_endings: list[str]) -> str:
    """What joins the words of a speech-verb phrase: white space, and in languages whose
    adverbs carry a long ending ("-ment", "-mente", "-weise") one such adverb between the
    auxiliary and the participle ("a récemment déclaré", "ha finalmente dicho"). English
    endings ("-ly", "-ing") are too short to tell an adverb from a noun or a participle,
    so English phrases stay as written."""
    endings = sorted({e for e in adverb_endings if len(e) >= MIN_VERB_ADVERB_ENDING_CHARS})
    if not endings:
        return r"\s+"
    return rf"\s+(?:\w{{2,}}(?:{_alternation(endings)})\s+)?"


def perfect_forms(auxiliaries: list[str], participles: list[str]) -> list[str]:
    """Every auxiliary with every past participle: "a raconté", "ha resumido", "había dicho"."""
    return [f"{auxiliary} {participle}" for auxiliary in auxiliaries for participle in participles]


def inverted_forms(
    phrases: list[str], after_vowel: list[str], after_consonant: list[str], clitics: list[str]
) -> list[str]:
    """The verb phrases with their subject pronoun joined to the verb, as French writes it
    after a quote: to the first word that is no clitic, "-t-" after a vowel ("raconte-t-il",
    "a-t-elle raconté", "s’inquiète-t-elle") and none after a consonant ("dit-il",
    "se réjouit-elle", "s’est-il exclamé")."""
    if not after_vowel and not after_consonant:
        return []
    clitic_words = {c.casefold() for c in clitics}
    forms: list[str] = []
    for phrase in phrases:
        words = phrase.split()
        at = next((i for i, w in enumerate(words) if w.casefold() not in clitic_words), None)
        if at is None or "-" in words[at]:
            continue  # a clitic alone, or a form already inverted ("a-t-il déclaré")
        verb = words[at]
        for suffix in after_vowel if verb[-1] in VOWELS else after_consonant:
            forms.append(" ".join([*words[:at], verb + suffix, *words[at + 1 :]]))
    return forms


def _backwards(pattern: regex.Pattern[str]) -> regex.Pattern[str]:
    return regex.compile(pattern.pattern, pattern.flags | regex.REVERSE)


def _compile_lexicon(languages: tuple[str, ...]) -> CueLexicon:
    words = _load_cue_words()
    merged: dict[str, list[str]] = {name: [] for name in WORD_LISTS}
    for lang in languages:
        for name in WORD_LISTS:
            merged[name].extend(words.get(lang, {}).get(name, []))
    prefixes = _alternation(merged["verb_prefixes"])
    finite = merged["verbs"] + perfect_forms(
        merged["perfect_auxiliaries"], merged["perfect_participles"]
    )
    finite += inverted_forms(
        finite + merged["inverted_only_verbs"],
        merged["inverted_after_vowel"],
        merged["inverted_after_consonant"],
        merged["clitics"],
    )
    verb_phrases = list(dict.fromkeys(finite + merged["participles"]))
    verb_space = _verb_phrase_space(merged["adverb_endings"])
    # The same pattern, once with the verbs' beginnings shared for forward scans, once with
    # their endings shared for backward ones.
    speech_verb_pattern, last_verb_pattern = (
        (
            rf"(?<![\w’'-])(?:(?:{prefixes})\s+)?(?P<verb>{alternatives})(?![\w’'-])"
            if prefixes
            else rf"(?<![\w’'-])(?P<verb>{alternatives})(?![\w’'-])"
        )
        for alternatives in (
            _shared_beginnings(verb_phrases, space=verb_space),
            _shared_beginnings(verb_phrases, backwards=True, space=verb_space),
        )
    )
    according_to = regex.compile(
        rf"(?<![\w’'-])(?P<cue>{_alternation(merged['according_to'])})\s+", regex.IGNORECASE
    )
    relative = (
        regex.compile(
            rf"(?<![\w’'-])(?P<cue>{_alternation(merged['relative_according'])})(?![\w’'-])",
            regex.IGNORECASE,
        )
        if merged["relative_according"]
        else None
    )

    complementizer = (
        regex.compile(
            rf"(?<![\w’'-])(?:{_alternation(merged['complementizers'])})(?:(?<=[’'])|(?![\w’'-]))"
        )
        if merged["complementizers"]
        else None
    )
    verb_before_complementizer = regex.compile(
        rf"(?<![\w’'-])(?P<verb>{_shared_beginnings(verb_phrases, backwards=True)})"
        rf"(?P<between>(?:[ \u00a0]+[\p{{L}}’'-]+){{0,3}}?)[ \u00a0]*,?[ \u00a0]+",
        regex.REVERSE,
    )

    inverted = merged["inverted_after_vowel"] + merged["inverted_after_consonant"]

    def lowered(name: str) -> frozenset[str]:
        return frozenset(w.casefold() for w in merged[name])

    return CueLexicon(
        language=languages[0] if len(languages) == 1 else "",
        speech_verb=re.compile(speech_verb_pattern),
        according_to=according_to,
        relative_according=relative,
        last_speech_verb=regex.compile(last_verb_pattern, regex.REVERSE),
        last_according_to=_backwards(according_to),
        last_relative_according=_backwards(relative) if relative is not None else None,
        quoted_triggers=tuple(dict.fromkeys(merged["quoted_triggers"])),
        quoted_as=tuple(regex.compile(p) for p in dict.fromkeys(merged["quoted_as"])),
        passive_quoted=tuple(regex.compile(p) for p in dict.fromkeys(merged["passive_quoted"])),
        pronouns=lowered("pronouns"),
        determiners=lowered("determiners"),
        relatives=lowered("relatives"),
        adverbial_starts=lowered("adverbial_starts"),
        holder_prepositions=lowered("holder_prepositions"),
        description_links=lowered("description_links"),
        indefinite_determiners=lowered("indefinite_determiners"),
        plural_determiners=lowered("plural_determiners"),
        time_words=lowered("time_words"),
        body_articles=lowered("body_articles"),
        definite_articles=lowered("definite_articles"),
        verb_prefixes=lowered("verb_prefixes"),
        prepositions=lowered("prepositions"),
        conjunctions=lowered("conjunctions"),
        titles=lowered("titles"),
        title_endings=tuple(lowered("title_endings")),
        source_nouns=lowered("source_nouns"),
        org_words=lowered("org_words"),
        place_words=lowered("place_words"),
        non_name_words=lowered("non_name_words"),
        adverb_endings=tuple(lowered("adverb_endings")),
        participles=lowered("participles"),
        clitics=lowered("clitics"),
        feminine_words=lowered("feminine_words"),
        masculine_words=lowered("masculine_words"),
        speech_nouns=lowered("speech_nouns"),
        speech_noun_links=lowered("speech_noun_links"),
        speech_noun_of=lowered("speech_noun_of"),
        object_relatives=lowered("object_relatives"),
        manner_openers=lowered("manner_openers"),
        org_nouns=lowered("org_nouns"),
        person_nouns=lowered("person_nouns"),
        noun_determiners=lowered("noun_determiners"),
        inverted_pronouns=lowered("inverted_pronouns"),
        adjective_endings=tuple(lowered("adjective_endings")),
        verb_endings=tuple(lowered("verb_endings")),
        genitive_determiners=lowered("genitive_determiners"),
        institution_prepositions=lowered("institution_prepositions"),
        complementizer=complementizer,
        verb_before_complementizer=verb_before_complementizer,
        verb_last_words=frozenset(v.split()[-1] for v in verb_phrases if v.split()),
        inverted_subject=(
            regex.compile(rf"(?:{_alternation(inverted)})(?![\w’'-])") if inverted else None
        ),
    )


@lru_cache(maxsize=32)
def cue_lexicon(language: str | None) -> CueLexicon:
    """The cues for an article's language; all languages when it is unknown."""
    words = _load_cue_words()
    code = (language or "").strip().lower()[:2]
    if code not in words:
        return _compile_lexicon(FALLBACK_LANGUAGES)
    return _compile_lexicon((code,))

"""Patterns and records every attribution step shares: capitalised names, sentence breaks,
the masks over quotations, and the `Attribution` a step hands back with its `rule`."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from tasks.quotes.settings import MAX_NAME_TOKENS

# Short forms that end in a period without ending a sentence.
ABBREVIATIONS = (
    "Mr|Mrs|Ms|Dr|St|Sen|Sens|Rep|Reps|Gov|Gen|Jr|Sr|Prof|Rev|Sept|Jan|Feb|Mar|Apr|Jun|Jul|"
    "Aug|Sep|Oct|Nov|Dec|No|Mt|Ft|Lt|Col|Capt|Sgt|Cllr|Del|Atty|Supt|Insp|Mme|Mlle|Sr|Sra|"
    "Dott|Sig|Nr|vs|etc|approx|ca|bzw|Дж"
)
# A capitalised word; a period belongs to it only in initials ("G.K.") and short forms ("Mr.").
# The period is matched before the look back at the short forms, so the look back runs only
# where a period follows a word, not at every word's end (twice as fast a scan).
NAME_TOKEN = (
    rf"\p{{Lu}}(?:\.(?:\p{{Lu}}\.)*|[\p{{L}}\p{{M}}’'\-]*(?:\.(?<=\b(?:{ABBREVIATIONS})\.))?)"
)
# Two particles ("Ursula von der Leyen", "Rafael van der Vaart") are read first ("de la" is
# left out: in Spanish it joins events and places, "Desfile de las Rosas"); where every
# noun is capitalised, `ArticleNames` cuts a run at a particle after a common noun
# ("Kontinente von der Produktion").
NAME_CONNECTOR = (
    r"(?:[ \u00a0]+(?:(?:(?:von|van)[ \u00a0]+(?:der|den|dem)"
    r"|de|del|della|di|da|van|von|der|den|du|des|y|bin|dos|das|do|zu|ter)"
    r"[ \u00a0]+)?)"
)
NAME_WORDS = rf"{NAME_TOKEN}(?:{NAME_CONNECTOR}{NAME_TOKEN}){{0,{MAX_NAME_TOKENS + 2}}}"
# A run glued to a digit ("L2", "G7") is a code, not a name.
# A run may open right after an elided article ("l’ARS", "d’Emmanuel Macron").
# A capital is looked for before the looks back, which then run at capitals only.
NAME_RUN = regex.compile(
    rf"(?=\p{{Lu}})(?:(?<![\p{{L}}\p{{M}}\d’'-])|(?<=(?<![\p{{L}}])[ld][’'])){NAME_WORDS}"
    r"(?![\p{N}])"
)
# What a word of a capitalised run is made of.
RUN_WORD = regex.compile(r"[\p{L}\p{M}’'\-.]+")
WORD = regex.compile(r"[\p{L}\p{M}\d][\p{L}\p{M}\d’'.\-]*")
POSSESSIVE = regex.compile(r"[’']s?$")
POSSESSIVE_ENDINGS = ("’s", "'s", "’", "'")
# A sentence ends at . ! ? (perhaps closed by a mark) before a capital, a digit or a mark.
# A period after an initial or a short form ("K.", "Mr.", "U.S.") ends no sentence.
SENTENCE_BREAK = regex.compile(
    rf"(?:[!?…]|(?<!\b\p{{Lu}}|\b(?:{ABBREVIATIONS}|S\.A|U\.S|U\.K|a\.m|p\.m))\.)"
    r"[\"”»’']?[ \u00a0\t]+(?=[\"“„«‘\p{Lu}\p{N}])"
)
# The end of a sentence inside a short phrase, not fooled by "Mr." or "Anna K. Lindqvist";
# a period glued to the next sentence ("aclaró.Asimismo") ends one too. The mark is matched
# before the looks back at initials and short forms, which then run only after a mark.
PHRASE_SENTENCE_END = regex.compile(
    rf"[.!?](?=\s|$)(?<!\b\p{{Lu}}[.!?])(?<!\b(?:{ABBREVIATIONS})[.!?])|[;:](?=\s|$)"
    r"|(?:(?<=\p{Ll}\p{Ll})|^)\.(?=\p{Lu}\p{Ll})"
)
# A party-and-state label after a name: "R-Ky.", "(D-N.C.)", "(D)".
PARTY_AND_STATE = regex.compile(r"^\(?\p{Lu}(?:-\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)*)?\)?\.?$")
AGE_OR_NUMBER = regex.compile(r"^\d[\d\s.,]*(?:\s*\p{L}{1,6})?$")
# "— Adriana Rodarte", "― Azucena Gonzàlez": a byline dash, then a capitalised name.
DASH_NAME = regex.compile(
    r"^[\s\u00a0]*[—–―-]{1,2}[\s\u00a0]*(?P<who>\p{Lu}(?:[^,.;\n]|(?<=\b\p{Lu})\.){1,79})"
)
# "« … » (Socrate)": a name alone in parentheses right after a quote signs it.
PAREN_NAME = regex.compile(r"^\((?P<who>\p{Lu}[^()\n,;:]{0,60})\)")
MASK = " ⟨⟩ "
# What may close an opening phrase before the subject: "On “Face the Nation,” Welt …".
OPENING_PHRASE_CLOSE = frozenset(" \u00a0”\"»’'")
DASHES = frozenset({"—", "–", "―", "-", "--", "——"})
LETTER = regex.compile(r"\p{L}")
CHUNK_EDGE = regex.compile(r",|\s[—–―•·]\s|\(|\)")
ELIDED_WORD = regex.compile(r"^(?:l|d)['’](\p{L}+)$")
SOURCE_END = regex.compile(r"[.;]\s|,\s(?![\p{Lu}])")
# "J’ajoute", "C’était", "Qu’il": an elided pronoun or word before a lower-case one opens a
# sentence, not a name ("D’Souza", "O’Brien" go on with a capital)
ELIDED_LOWER = regex.compile(r"^(?:\p{Lu}|Qu)[’']\p{Ll}")
# "l’", "d’": an elided article; a capital "D’" opens a name ("Dinesh D’Souza")
ELIDED_ARTICLE = regex.compile(r"(?<![\p{L}])[Lld][’']")
CLAUSE_EDGES = regex.compile(r"[;—–―]|\s-\s|:")
# One to four lower-case words between two names ("Rovers boss Lacey", "Clinton's top
# foreign policy aide Jake Sullivan").
LOWER_WORDS = regex.compile(r"[ \u00a0]+(?:\p{Ll}[\p{L}\p{M}’'-]*[ \u00a0]+){1,4}")
# "Miller, a retired worker from a nuclear plant, " before a verb: a name, then an apposition.
NAME_THEN_APPOSITION = regex.compile(
    r"[ \u00a0]*(?P<name>(?:[^,.;:!?]|(?<=\b\p{Lu})\.){1,60}),[^,;:!?]{1,160},[ \u00a0]*"
)
# The longest gap between two quotes joined by "and", "or" or a comma ("“…” and “…”").
MAX_COORDINATION_CHARS = 8
# Lower-case words inside an organisation's name ("Bureau of Land Management").
NAME_JOINERS = frozenset({"of", "and", "for", "&"})
PRONOUN_PARTS = regex.compile(r"[\s\-’',;:]+")


@dataclass(slots=True)
class Mention:
    """A capitalised name in the article, cleaned of titles and sentence words."""

    start: int
    end: int
    text: str
    titles: str
    is_org: bool
    is_person_like: bool


@dataclass(slots=True)
class TitledRun:
    """A capitalised run outside quotes that names something, with the words that may
    give its holder a title ("la maire de X, Hélène ...")."""

    run: regex.Match[str]
    title_context: frozenset[str]


@dataclass(slots=True)
class Attribution:
    """Who said a quote, what kind of speaker it is, the cue that says so, any relay, and
    the rule (the attribution step, or "pronoun") that chose the speaker."""

    speaker: str | None
    speaker_kind: str
    cue: str | None
    via: str | None = None
    rule: str | None = None


NO_SPEAKER = Attribution(None, "unknown", None)


@dataclass(slots=True)
class Subject:
    """A speaker read from the words around a cue; `rule` says when a pronoun stood for it."""

    speaker: str
    kind: str
    rule: str | None = None


def alternation(words: frozenset[str]) -> str:
    """Longest words first, so "del" wins over "de"."""
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


def contains_run(tokens: list[str], part: list[str]) -> bool:
    """Whether `part` occurs as consecutive tokens of `tokens`."""
    size = len(part)
    return any(tokens[i : i + size] == part for i in range(len(tokens) - size + 1))

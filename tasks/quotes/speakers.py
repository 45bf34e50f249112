"""Give each quotation its speaker.

A speaker is looked for in the quote's own sentence (", said X", "X said:", "according to X",
"Y quoted X as saying", a colon after a name, "— X"), then in the sentence before it, then
taken from the previous quote of the paragraph. Pronouns and bare verbs ("aseguró",
"a-t-elle lancé") stand for the last person or unnamed source the article mentioned, and a
surname or a title ("Lindqvist", "the mayor") is widened to the fullest name the article gives.
The article never gains a speaker it does not name: with no cue the speaker stays None.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import regex

from tasks.quotes.cues import CueLexicon
from tasks.quotes.marks import QuoteSpan, split_paragraphs
from tasks.quotes.settings import (
    CLEAN_NAME_CACHE_SIZE,
    MAX_DESCRIPTION_WORDS,
    MAX_LEADING_CUE_CHARS,
    MAX_NAME_OCCURRENCES,
    MAX_NAME_TOKENS,
    MAX_RUNAWAY_DESCRIPTION_WORDS,
    MAX_TRAILING_CUE_CHARS,
    MAX_WORDS_AFTER_PERIOD,
    MAX_WORDS_AFTER_QUESTION,
    MAX_WORDS_BEFORE_TRAILING_VERB,
    TITLE_COMPOUND_MIN_CHARS,
)

# Short forms that end in a period without ending a sentence.
ABBREVIATIONS = (
    "Mr|Mrs|Ms|Dr|St|Sen|Sens|Rep|Reps|Gov|Gen|Jr|Sr|Prof|Rev|Sept|Jan|Feb|Mar|Apr|Jun|Jul|"
    "Aug|Sep|Oct|Nov|Dec|No|Mt|Ft|Lt|Col|Capt|Sgt|Cllr|Del|Atty|Supt|Insp|Mme|Mlle|Sr|Sra|"
    "Dott|Sig|Nr|vs|etc|approx|ca|bzw"
)
# A capitalised word; a period belongs to it only in initials ("G.K.") and short forms ("Mr.").
NAME_TOKEN = (
    rf"\p{{Lu}}(?:\.(?:\p{{Lu}}\.)*|[\p{{L}}\p{{M}}’'\-]*(?:(?<=\b(?:{ABBREVIATIONS}))\.)?)"
)
NAME_CONNECTOR = (
    r"(?:[ \u00a0]+(?:(?:de|del|della|di|da|van|von|der|den|du|des|y|bin|dos|das|do|zu|ter)"
    r"[ \u00a0]+)?)"
)
NAME_WORDS = rf"{NAME_TOKEN}(?:{NAME_CONNECTOR}{NAME_TOKEN}){{0,{MAX_NAME_TOKENS + 2}}}"
# A run glued to a digit ("L2", "G7") is a code, not a name.
NAME_RUN = regex.compile(rf"(?<![\p{{L}}\p{{M}}\d’'-]){NAME_WORDS}(?![\p{{N}}])")
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
# The end of a sentence inside a short phrase, not fooled by "Mr." or "Anna K. Lindqvist".
PHRASE_SENTENCE_END = regex.compile(
    rf"(?<!\b\p{{Lu}})(?<!\b(?:{ABBREVIATIONS}))[.!?](?=\s|$)|[;:](?=\s|$)"
)
# A party-and-state label after a name: "R-Ky.", "(D-N.C.)", "(D)".
PARTY_AND_STATE = regex.compile(r"^\(?\p{Lu}(?:-\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)*)?\)?\.?$")
AGE_OR_NUMBER = regex.compile(r"^\d[\d\s.,]*(?:\s*\p{L}{1,6})?$")
# "— Adriana Rodarte", "― Azucena Gonzàlez": a byline dash, then a capitalised name.
DASH_NAME = regex.compile(
    r"^[\s\u00a0]*[—–―-]{1,2}[\s\u00a0]*(?P<who>\p{Lu}(?:[^,.;\n]|(?<=\b\p{Lu})\.){1,79})"
)
MASK = " ⟨⟩ "
# What may close an opening phrase before the subject: "On “Face the Nation,” Welt …".
OPENING_PHRASE_CLOSE = frozenset(" \u00a0”\"»’'")
DASHES = frozenset({"—", "–", "―", "-", "--", "——"})
LETTER = regex.compile(r"\p{L}")
# Cleaned names per lexicon: the same capitalised runs recur across articles.
_CLEAN_NAME_CACHES: dict[int, dict[str, tuple[str, str]]] = {}
# "la declaración de X", "die Aussage von X", per lexicon (None: the language has no such form).
_SPEECH_NOUN_OF_PATTERNS: dict[int, regex.Pattern[str] | None] = {}
# "which X", "what X", "lo que X", per lexicon.
_OBJECT_RELATIVE_PATTERNS: dict[int, regex.Pattern[str] | None] = {}
CHUNK_EDGE = regex.compile(r",|\s[—–―]\s|\(|\)")
ELIDED_WORD = regex.compile(r"^(?:l|d)['’](\p{L}+)$")
SOURCE_END = regex.compile(r"[.;]\s|,\s(?![\p{Lu}])")
# "l’", "d’": an elided article; a capital "D’" opens a name ("Dinesh D’Souza")
ELIDED_ARTICLE = regex.compile(r"(?<![\p{L}])[Lld][’']")
CLAUSE_EDGES = regex.compile(r"[;—–―]|\s-\s|:")
# One to four lower-case words between two names ("Rovers boss Lacey", "Clinton's top
# foreign policy aide Jake Sullivan").
LOWER_WORDS = regex.compile(r"[ \u00a0]+(?:\p{Ll}[\p{L}\p{M}’'-]*[ \u00a0]+){1,4}")
# "Miller, a retired worker from a nuclear plant, " before a verb: a name, then an apposition.
NAME_THEN_APPOSITION = regex.compile(
    r"[ \u00a0]*(?P<name>[^,.;:!?]{1,60}),[^,;:!?]{1,160},[ \u00a0]*"
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
class _TitledRun:
    """A capitalised run outside quotes that names something, with the words that may
    give its holder a title ("la maire de X, Hélène ...")."""

    run: regex.Match[str]
    title_context: frozenset[str]


@dataclass(slots=True)
class Attribution:
    """Who said a quote, what kind of speaker it is, the cue that says so and any relay."""

    speaker: str | None
    speaker_kind: str
    cue: str | None
    via: str | None = None


NO_SPEAKER = Attribution(None, "unknown", None)


@dataclass(slots=True)
class _Subject:
    speaker: str
    kind: str


class ArticleSpeakers:
    """Everything speaker attribution needs to know about one article, computed once."""

    def __init__(
        self,
        body: str,
        spans: list[QuoteSpan],
        lexicon: CueLexicon,
        paragraphs: list[tuple[int, int]] | None = None,
    ) -> None:
        self.body = body
        self.spans = spans
        self.lex = lexicon
        self.paragraphs = split_paragraphs(body) if paragraphs is None else paragraphs
        self.paragraph_starts = [start for start, _ in self.paragraphs]
        self.span_opens = [span.open_at for span in spans]
        self.sentence_starts = self._sentence_starts()
        # By span index: spans too short to be quotes are never attributed, so the quote
        # before a span is not always the span before it.
        self.attributions: dict[int, Attribution] = {}
        self._clean_cache = _CLEAN_NAME_CACHES.setdefault(id(lexicon), {})
        self._names_by_token: dict[str, list[tuple[int, str]]] = {}
        self._body_runs: list[regex.Match[str]] | None = None
        self._body_run_starts: list[int] = []
        self._runs_by_word: dict[str, list[regex.Match[str]]] | None = None
        self._mentions_by_run: dict[tuple[int, int], Mention | None] = {}
        self._titled_runs: list[_TitledRun] | None = None
        self._genders: dict[str, str | None] = {}

    @property
    def titled_runs(self) -> list[_TitledRun]:
        """The article's named runs with their title words, built on first need.

        Only a title ("the mayor") asks for them, and only the runs whose title words hold
        it need the costlier judgement of whether they name a person.
        """
        if self._titled_runs is None:
            self._titled_runs = []
            for run in self.body_runs:
                if self._inside_quote(run.start()):
                    continue
                name, titles = self._clean_name(run.group())
                if name:
                    start = self._name_start(run, name)
                    context = frozenset(self._title_context(start, titles).split())
                    self._titled_runs.append(_TitledRun(run, context))
        return self._titled_runs

    # ---- article-wide indexes -------------------------------------------------------

    @property
    def body_runs(self) -> list[regex.Match[str]]:
        """Every capitalised run of the body, in order: one scan serves every later look-up
        (names holding a word, the person before a pronoun, titled names)."""
        if self._body_runs is None:
            self._body_runs = list(NAME_RUN.finditer(self.body))
            self._body_run_starts = [run.start() for run in self._body_runs]
        return self._body_runs

    def _inside_quote(self, position: int) -> bool:
        i = bisect.bisect_right(self.span_opens, position) - 1
        return i >= 0 and self.spans[i].open_at < position <= self.spans[i].close_at

    def _sentence_starts(self) -> list[int]:
        starts = set(self.paragraph_starts)
        body = self.body
        for brk in SENTENCE_BREAK.finditer(body):
            if not self._inside_quote(brk.end()):
                starts.add(brk.end())
        return sorted(starts)

    def _clean_name(self, text: str) -> tuple[str, str]:
        """Drop titles and sentence words around a capitalised run; return (name, titles)."""
        cached = self._clean_cache.get(text)
        if cached is None:
            if len(self._clean_cache) > CLEAN_NAME_CACHE_SIZE:
                self._clean_cache.clear()
            cached = self._clean_cache[text] = self._clean_name_uncached(text)
        return cached

    def _clean_name_uncached(self, text: str) -> tuple[str, str]:
        tokens = ELIDED_ARTICLE.sub("", text.replace("\u00a0", " ")).split()
        titles: list[str] = []
        owner = max(
            (i for i, t in enumerate(tokens[:-2]) if t.endswith(POSSESSIVE_ENDINGS)), default=-1
        )
        if owner >= 0:  # "ABC News’s Diane Sawyer": the owner qualifies the name after it
            titles.extend(t.casefold() for t in tokens[: owner + 1])
            tokens = tokens[owner + 1 :]
        while tokens:
            low = tokens[0].casefold().rstrip(",")
            is_title = self._is_title(low)
            if is_title or low in self.lex.non_name_words or low in self.lex.prepositions:
                titles.append(low)
                tokens.pop(0)
                if is_title and tokens and tokens[0][:1].islower():
                    return "", " ".join(titles)  # "Sprecher der Feuerwehr": a body, no name
                continue
            last_title = max(
                (i for i, t in enumerate(tokens) if self._is_title(t.casefold())), default=-1
            )
            if 0 <= last_title < len(tokens) - 1:
                titles.extend(t.casefold() for t in tokens[: last_title + 1])
                tokens = tokens[last_title + 1 :]
            break
        if tokens:
            tokens[-1] = POSSESSIVE.sub("", tokens[-1])
            if tokens[-1].endswith(".") and len(tokens[-1]) > 2:
                tokens[-1] = tokens[-1][:-1]
        while tokens and (
            tokens[-1].casefold() in self.lex.non_name_words or not tokens[-1][:1].isupper()
        ):
            tokens.pop()
        return " ".join(tokens), " ".join(titles)

    def _is_title(self, word: str) -> bool:
        """A title, or a compound ending in one ("Polizeisprecher")."""
        return word in self.lex.titles or (
            len(word) > TITLE_COMPOUND_MIN_CHARS and word.endswith(self.lex.title_endings)
        )

    def _title_context(self, start: int, titles: str) -> str:
        """The titles and the few words before a name ("la maire de X, Hélène ...")."""
        words = WORD.findall(self.body, max(0, start - 40), start)
        return (titles + " " + " ".join(words)).casefold()

    def _opens_sentence(self, position: int) -> bool:
        i = bisect.bisect_right(self.sentence_starts, position) - 1
        return i >= 0 and not WORD.search(self.body, self.sentence_starts[i], position)

    def _words_before(self, position: int) -> list[str]:
        words = self.body[max(0, position - 30) : position].split()[-2:]
        return [w.strip(',;:()"“”«»').casefold() for w in words]

    def _after_preposition(self, words_before: list[str]) -> bool:
        """ "in Portobello", "of the Faroe Islands": a place or an organisation, not a speaker."""
        if not words_before:
            return False
        last = words_before[-1]
        if last in self.lex.prepositions:
            return last not in self.lex.holder_prepositions
        if last in self.lex.determiners and len(words_before) > 1:
            previous = words_before[-2]
            return (
                previous in self.lex.prepositions and previous not in self.lex.holder_prepositions
            )
        return False

    def _mention_at(self, run: regex.Match[str]) -> Mention | None:
        """The name a capitalised run holds, if it is outside quotes and names anything.

        Pronouns of one article look back over the same runs, so each run is judged once.
        """
        key = (run.start(), run.end())
        if key in self._mentions_by_run:
            return self._mentions_by_run[key]
        mention = self._mention_at_uncached(run)
        self._mentions_by_run[key] = mention
        return mention

    def _mention_at_uncached(self, run: regex.Match[str]) -> Mention | None:
        if self._inside_quote(run.start()):
            return None
        name, titles = self._clean_name(run.group())
        if not name:
            return None
        start = self._name_start(run, name)
        tokens = [t.casefold() for t in name.split()]
        is_org = any(t in self.lex.org_words for t in tokens) or (
            name.isupper() and len(name) > 1  # "NATO", or a heading in capitals
        )
        is_person_like = not (
            is_org
            or tokens[0] in self.lex.place_words
            or self._after_preposition(self._words_before(start))
        )
        if is_person_like and len(tokens) == 1:
            is_person_like = self._followed_by_speech_verb(start + len(name)) or any(
                " " in fuller for _, fuller in self._names_containing(name)
            )
        return Mention(start, start + len(name), name, titles, is_org, is_person_like)

    @staticmethod
    def _name_start(run: regex.Match[str], name: str) -> int:
        """Where the cleaned name starts inside its run (titles dropped)."""
        return run.start() + max(run.group().find(name.split()[0]), 0)

    def _last_person_before(self, position: int, gender: str | None = None) -> Mention | None:
        """The nearest person named before a position: pronouns mostly point a sentence back.

        A gendered pronoun ("she", "er") skips a person the article calls by the other gender.
        """
        runs = self.body_runs
        for i in range(bisect.bisect_left(self._body_run_starts, position) - 1, -1, -1):
            mention = self._mention_at(runs[i])
            if mention is None or not mention.is_person_like or mention.end > position:
                continue
            if gender is not None and self._gender_of_person(mention.text) not in (None, gender):
                continue
            return mention
        return None

    def _followed_by_speech_verb(self, position: int) -> bool:
        return bool(self.lex.speech_verb.match(self.body, position + 1, position + 60)) and (
            self.body[position : position + 1] == " "
        )

    def _description_at(self, start: int) -> str | None:
        """An unnamed source opening the sentence at start ("Ein Analyst der Bank ...")."""
        if self._inside_quote(start + 1):
            return None
        words = WORD.findall(self.body, start, min(len(self.body), start + 120))[:10]
        if not words or words[0].casefold() not in self.lex.indefinite_determiners:
            return None
        head = next((i for i in range(1, min(4, len(words))) if self._is_source_noun(words[i])), -1)
        if head < 0:
            return None
        end = head + 1
        while end < len(words):
            low = words[end].casefold()
            linking = low in self.lex.prepositions or low in self.lex.determiners
            if not (linking or (words[end][:1].isupper() and end > head + 1)):
                break
            end += 1
        while end > head + 1 and (
            words[end - 1].casefold() in self.lex.prepositions
            or words[end - 1].casefold() in self.lex.determiners
        ):
            end -= 1
        return " ".join(words[:end])

    def _last_description_between(self, low: int, position: int) -> str | None:
        i = bisect.bisect_left(self.sentence_starts, position) - 1
        while i >= 0 and self.sentence_starts[i] > low:
            description = self._description_at(self.sentence_starts[i])
            if description is not None:
                return description
            i -= 1
        return None

    def _is_source_noun(self, word: str) -> bool:
        return word.casefold() in self.lex.source_nouns

    # ---- name resolution -------------------------------------------------------------

    def fullest_name(self, name: str, position: int) -> str:
        """The longest name in the article that contains this one, nearest before if several."""
        tokens = name.split()
        if not tokens:
            return name
        best = name
        best_key: tuple[int, int] = (len(tokens), -1)
        for start, fuller in self._names_containing(tokens[-1]):
            fuller_tokens = fuller.split()
            if len(fuller_tokens) <= len(tokens) or not _contains_run(fuller_tokens, tokens):
                continue
            if len(fuller_tokens) > MAX_NAME_TOKENS or any(
                t.casefold() in self.lex.prepositions for t in fuller_tokens
            ):
                continue  # "Reporting On Carson": a headline in title case, not a name
            before = 1 if start <= position else 0
            key = (len(fuller_tokens) + before * 10, start if before else -start)
            if key > best_key:
                best, best_key = fuller, key
        return best

    def _names_containing(self, token: str) -> list[tuple[int, str]]:
        """Person names of the article (outside quotes) that contain a token."""
        cached = self._names_by_token.get(token)
        if cached is not None:
            return cached
        found: list[tuple[int, str]] = []
        for run in self._runs_with_token(token)[:MAX_NAME_OCCURRENCES]:
            if self._inside_quote(run.start()):
                continue
            name, _ = self._clean_name(run.group())
            tokens = name.split()
            if token in tokens and not any(t.casefold() in self.lex.org_words for t in tokens):
                found.append((run.start(), name))
        self._names_by_token[token] = found
        return found

    def _runs_with_token(self, token: str) -> list[regex.Match[str]]:
        """The capitalised runs of the body holding a word (possessive dropped), in order.

        A run holding the word twice is listed twice.
        """
        if self._runs_by_word is None:
            self._runs_by_word = {}
            for run in self.body_runs:
                for word in run.group().split():
                    if word.endswith(POSSESSIVE_ENDINGS):
                        word = word[: -2 if word[-1] == "s" else -1]
                    self._runs_by_word.setdefault(word, []).append(run)
        if not RUN_WORD.fullmatch(token):
            return []
        return self._runs_by_word.get(token, [])

    def _used_as_name(self, token: str) -> bool:
        """A capitalised word the article also uses inside a longer name or mid-sentence."""
        for start, name in self._names_containing(token):
            if " " in name or not self._opens_sentence(start):
                return True
        return False

    def _gender_of_words(self, words: list[str]) -> str | None:
        feminine = any(w in self.lex.feminine_words for w in words)
        masculine = any(w in self.lex.masculine_words for w in words)
        if feminine == masculine:
            return None
        return "f" if feminine else "m"

    def _pronoun_gender(self, pronoun_words: str | None) -> str | None:
        """ "she", "a-t-elle", "sagte er": the gender a pronoun asks of its person."""
        if not pronoun_words:
            return None
        parts = [p.casefold() for p in PRONOUN_PARTS.split(pronoun_words)]
        return self._gender_of_words([p for p in parts if p in self.lex.pronouns])

    def _gender_of_person(self, name: str) -> str | None:
        """What the article's titles and nouns around a name say ("Mrs.", "la alcaldesa")."""
        surname = name.split()[-1]
        if surname in self._genders:
            return self._genders[surname]
        feminine = masculine = 0
        for run in self._runs_with_token(surname)[:MAX_NAME_OCCURRENCES]:
            if self._inside_quote(run.start()):
                continue
            _, titles = self._clean_name(run.group())
            before = [
                w.casefold()
                for w in WORD.findall(self.body, max(0, run.start() - 30), run.start())[-2:]
            ]
            words = titles.split() + [
                w for w in before if w not in self.lex.pronouns and w not in self.lex.determiners
            ]
            gender = self._gender_of_words(words)
            feminine += gender == "f"
            masculine += gender == "m"
        found = None if feminine == masculine else ("f" if feminine > masculine else "m")
        self._genders[surname] = found
        return found

    def last_antecedent(self, position: int, pronoun: str | None = None) -> _Subject | None:
        """The last person (or sentence-opening unnamed source) mentioned before a position.

        pronoun: the words that hold the pronoun ("she", "a-t-elle"), for its gender.
        """
        person = self._last_person_before(position, self._pronoun_gender(pronoun))
        description = self._last_description_between(person.start if person else -1, position)
        if description is not None:
            return _Subject(description, _description_kind(description, self.lex))
        if person is None:
            return None
        return _Subject(self.fullest_name(person.text, position), "person")

    def person_with_title(self, title: str, position: int) -> str | None:
        """The named person nearest to a position whose title matches ("the mayor")."""
        best: tuple[int, str] | None = None
        for titled in self.titled_runs:
            if title not in titled.title_context:
                continue
            m = self._mention_at(titled.run)
            if m is None or not m.is_person_like:
                continue
            distance = abs(m.start - position)
            if best is None or distance < best[0]:
                best = (distance, m.text)
        return self.fullest_name(best[1], position) if best else None

    # ---- subjects ----------------------------------------------------------------------

    def _names_in(self, text: str) -> list[tuple[str, bool]]:
        """Names in a phrase as (name, is_org), skipping those after a preposition.

        A lone capitalised word opening the phrase ("Unfortunately", "Inoltre") counts
        only if the article uses it as a name elsewhere.
        """
        names: list[tuple[str, bool]] = []
        runs = list(NAME_RUN.finditer(text))
        for i, run in enumerate(runs):
            name, titles = self._clean_name(run.group())
            if not name or (
                i + 1 < len(runs)
                and self._is_role_of_next(
                    text[run.end() : runs[i + 1].start()],
                    bool(self._clean_name(runs[i + 1].group())[1]),
                )
            ):
                continue
            titled = any(self._is_title(t) for t in titles.split())
            before = WORD.findall(text, 0, run.start())
            if (
                before
                and not titled  # "Secretary of State Jane Holt": the title took the "of"
                and self._after_preposition([w.casefold() for w in before[-2:]])
            ):
                continue
            if not before and " " not in name and not titled and not self._used_as_name(name):
                lone_word = name == text.strip(" ,;:")
                if not lone_word or name.casefold().endswith(self.lex.adverb_endings):
                    continue  # "Unfortunately, ...", "Inoltre l’assessore ..."
            tokens = [t.casefold() for t in name.split()]
            is_org = any(t in self.lex.org_words for t in tokens) or (
                name.isupper() and len(name) > 1  # "NATO", or a heading in capitals
            )
            names.append((name, is_org))
        return names

    def _is_role_of_next(self, between: str, next_is_titled: bool) -> bool:
        """ "Rovers boss Lacey", "Holt aide Reeve", "Oversight ranking Democrat Ray Tull":
        the first name only qualifies a role (a role word, or a title opening the next run)."""
        if not LOWER_WORDS.fullmatch(between):
            return False
        words = [w.casefold() for w in WORD.findall(between)]
        # before a title, one modifier in -ing ("ranking", "outgoing"), never a verb
        modifies_title = next_is_titled and len(words) == 1 and words[0].endswith("ing")
        if not words or not (
            modifies_title or words[-1] in self.lex.titles or self._is_source_noun(words[-1])
        ):
            return False
        lex = self.lex
        return not any(
            w in lex.prepositions
            or w in lex.determiners
            or w in lex.conjunctions
            or w in lex.relatives
            or w in lex.pronouns
            or lex.speech_verb.fullmatch(w)
            for w in words
        )

    def resolve_subject(
        self, text: str, position: int, subject_first: bool, nearest_last: bool = False
    ) -> _Subject | None:
        """Turn the words around a speech verb into a speaker.

        subject_first: the words came before the verb ("Lindqvist said"); otherwise they
        followed it ("said Lindqvist, the ..."). nearest_last: the phrase nearest the cue names
        the speaker ("..., Paolo Riva, secondo cui").
        """
        if subject_first and not nearest_last:
            relative = self._object_relative_subject(text, position)
            if relative is not None:
                return relative
        # "in Columbus, Ohio, said": a comma closes the place; "in Pasadena, CNN reported" not
        closed_by_comma = text.rstrip(" \u00a0").endswith(",")
        text = text.replace(MASK, " ").strip(" ,;:—–-\u00a0\t\n")
        words = WORD.findall(text)
        if not words:
            return self.last_antecedent(position)
        if len(words) == 1 and words[0].casefold() in self.lex.pronouns:
            return self.last_antecedent(position, words[0])
        chunks = [c.strip() for c in CHUNK_EDGE.split(text) if c.strip()]
        kept = [
            c
            for i, c in enumerate(chunks)
            if not self._is_aside(c)
            and not (
                i > 0
                and self._continues_a_place(
                    chunks[i - 1], c, i < len(chunks) - (0 if closed_by_comma else 1)
                )
            )
        ]
        shares_subject = False
        if kept and subject_first:  # "…, but Linick wrote": the clause next to the verb
            clause = self._without_conjunction(kept[-1])
            # "Trump joked that X was …, but went on to say": the first clause's subject
            shares_subject = not clause and len(kept) > 1
            kept = kept[:-1] if shares_subject else [*kept[:-1], clause or kept[-1]]
            # "He put on a Southern accent and joked": the clause's own subject, not its object
            last_words = WORD.findall(kept[-1])
            if len(last_words) > 1 and last_words[-1].casefold() in self.lex.conjunctions:
                shares_subject = True
                first = last_words[0].casefold()
                if first in self.lex.pronouns and not kept[-1][:1].islower():
                    return self.last_antecedent(position, last_words[0])
        if not kept:
            return None
        if nearest_last:
            ordered = kept[-1:]
        elif subject_first:  # the subject sits next to the verb, past any apposition
            ordered = [c for c in reversed(kept) if not c[:1].islower()] or kept[-1:]
            if len(kept) >= 2 and self._is_apposition_of(kept[-2], kept[-1]):
                kept = ordered = kept[:-1]  # "Officials at X, a division of Y, said"
        else:
            ordered = kept[:3]
        for chunk in ordered:
            if self._opens_with_possessive_name(WORD.findall(chunk, 0, 80)[:2]):
                named = self._person_in_apposition(kept, chunk, position)
                if named is not None:  # "Roy Cooper, McCrory's opponent, said": Cooper
                    return named
            if self._names_modify_a_noun(chunk) or self._opens_description(chunk):
                described = self._describe(chunk, position, subject_first)
                if described is not None:
                    return described
                continue
            names = self._names_in(chunk)
            people = [n for n, is_org in names if not is_org]
            if people:
                person = people[-1] if subject_first and not shares_subject else people[0]
                return _Subject(self.fullest_name(person, position), "person")
            if names:
                return _Subject(names[-1][0], "organization")
            chunk_words = WORD.findall(chunk)
            if chunk_words and chunk_words[-1].casefold() in self.lex.pronouns and subject_first:
                return self.last_antecedent(position, chunk_words[-1])
        chunk = kept[-1] if subject_first else kept[0]
        return self._describe(chunk, position, subject_first)

    def _object_relative_subject(self, text: str, position: int) -> _Subject | None:
        """ "…, which President Obama on Friday declared “…”", "what Sroka called a “…”": a
        person named right after an object relative is the subject of the verb closing its
        clause. A comma before the verb closes an aside instead ("The report, which Congress
        commissioned, said"), and more than a few words between name and verb are a clause
        of their own."""
        pattern = self._object_relative_pattern()
        if pattern is None or text.rstrip(" \u00a0").endswith(","):
            return None
        found = None
        for match in pattern.finditer(text):
            rest = text[match.end() :]
            if not any(mark in rest for mark in ",;:") and len(WORD.findall(rest)) <= 3:
                found = match
        if found is None:
            return None
        people = [n for n, is_org in self._names_in(found.group("who")) if not is_org]
        if len(people) != 1:
            return None
        return _Subject(self.fullest_name(people[0], position), "person")

    def _object_relative_pattern(self) -> regex.Pattern[str] | None:
        key = id(self.lex)
        if key not in _OBJECT_RELATIVE_PATTERNS:
            _OBJECT_RELATIVE_PATTERNS[key] = (
                regex.compile(
                    rf"(?<![\p{{L}}’'-])(?i:{_alternation(self.lex.object_relatives)})"
                    rf"[ \u00a0]+(?P<who>{NAME_WORDS})"
                )
                if self.lex.object_relatives
                else None
            )
        return _OBJECT_RELATIVE_PATTERNS[key]

    def _continues_a_place(self, previous: str, chunk: str, closed: bool) -> bool:
        """ "in Columbus, Ohio", "from Sumter, South Carolina": a lone capitalised chunk (or
        a short one with a place word) after "<preposition> <Name>" is the rest of a place,
        not a speaker. Unless a comma closes it, a lone word may be the speaker ("in
        Pasadena, CNN reported"), a place word is needed ("of Columbia, South Carolina says")."""
        words = WORD.findall(chunk)
        if not words or not all(w[:1].isupper() for w in words):
            return False
        has_place_word = len(words) <= 3 and any(
            w.casefold() in self.lex.place_words for w in words
        )
        if (len(words) > 1 or not closed) and not has_place_word:
            return False
        before = WORD.findall(previous)[-2:]
        if not (
            len(before) == 2
            and before[1][:1].isupper()
            and before[0].casefold() in self.lex.prepositions
            and before[0].casefold() not in self.lex.holder_prepositions
        ):
            return False
        # "the mayor of Valtorre, Zanettin": a surname the article gives in full is a person
        return len(words) > 1 or not any(
            " " in name for _, name in self._names_containing(words[0])
        )

    def _person_in_apposition(
        self, chunks: list[str], description: str, position: int
    ) -> _Subject | None:
        """The one person named by the phrase beside a possessive description ("X's niece,
        state Del. Marta Quill, shouted"): the description says who the person is to X."""
        at = chunks.index(description)
        for beside in chunks[at + 1 : at + 2] + chunks[max(0, at - 1) : at]:
            people = [n for n, is_org in self._names_in(beside) if not is_org]
            if len(people) == 1 and " " in people[0]:
                return _Subject(self.fullest_name(people[0], position), "person")
        return None

    def _without_conjunction(self, chunk: str) -> str:
        """ "but Linick": the conjunction joins clauses; the subject is what follows."""
        first = WORD.match(chunk)
        if first is not None and first.group().casefold() in self.lex.conjunctions:
            return chunk[first.end() :].strip()
        return chunk

    def _is_apposition_of(self, subject: str, apposition: str) -> bool:
        """A phrase opening with "a"/"an" after a plural source noun ("Officials at X") or a
        person's name describes it, so the earlier phrase names the speaker."""
        first = WORD.match(apposition)
        if first is None or first.group().casefold() not in self.lex.indefinite_determiners:
            return False
        subject_words = WORD.findall(subject)
        if not subject_words or not subject_words[0][:1].isupper():
            return False
        if self._is_source_noun(subject_words[0]):
            return True
        names = self._names_in(subject)
        return bool(names) and not names[-1][1] and " " in names[-1][0]

    def _names_modify_a_noun(self, chunk: str) -> bool:
        """ "The Ohio governor", "Lindqvist's family": the last name is not the head."""
        runs = [run for run in NAME_RUN.finditer(chunk) if self._clean_name(run.group())[0]]
        if not runs:
            return False
        rest = WORD.match(chunk[runs[-1].end() :].lstrip())
        if rest is None or not rest.group()[:1].islower():
            return False
        first = WORD.match(chunk)
        opens_with_determiner = bool(first) and first.group().casefold() in self.lex.determiners
        if not (opens_with_determiner or runs[-1].group().endswith(POSSESSIVE_ENDINGS)):
            return False
        word = rest.group().casefold()
        return not (
            word in self.lex.prepositions
            or word in self.lex.adverbial_starts
            or word in self.lex.relatives
            or word in self.lex.conjunctions
            or self.lex.speech_verb.fullmatch(word)
        )

    def _opens_description(self, chunk: str) -> bool:
        """ "Un habitant de la rue Haute": a new unnamed source; its names are places."""
        words = WORD.findall(chunk, 0, min(len(chunk), 80))[:4]
        if len(words) < 2 or words[0].casefold() not in self.lex.indefinite_determiners:
            return False
        if words[1][:1].isupper():
            return False
        return any(self._is_source_noun(w) and not w[:1].isupper() for w in words[1:])

    def _is_aside(self, chunk: str) -> bool:
        """Ages, relative clauses and participle asides are not the speaker."""
        if AGE_OR_NUMBER.match(chunk) or PARTY_AND_STATE.match(chunk):
            return True
        first = WORD.match(chunk)
        return bool(first) and (
            first.group().casefold() in self.lex.relatives
            or first.group().casefold() in self.lex.adverbial_starts
        )

    def _describe(self, chunk: str, position: int, subject_first: bool) -> _Subject | None:
        """An unnamed source as written ("a senior US official"), or a title resolved."""
        words = chunk.split()
        while words and (
            words[0].casefold() in self.lex.conjunctions
            or words[0].casefold() in self.lex.adverbial_starts
        ):
            words.pop(0)
        if any(w.casefold() in self.lex.pronouns for w in words[:2]):
            return self.last_antecedent(position, " ".join(words[:2]))
        kept: list[str] = []
        for at, word in enumerate(words):
            bare = word.strip(".,;:").casefold()
            if kept and self._links_complement(kept, bare):
                # "a spokeswoman for the House Armed Services Committee emailed": the
                # complement ends the description, before any verb of the sentence
                kept.extend(w.strip(",;:") for w in words[at : self._complement_end(words, at)])
                break
            if kept and (
                bare in self.lex.relatives
                or (not subject_first and bare in self.lex.adverbial_starts)
                or self.lex.speech_verb.fullmatch(bare)
            ):
                break
            kept.append(word.strip(",;:"))
        while len(kept) > 1 and kept[-1].casefold() in self.lex.clitics:
            kept.pop()  # "Un restaurateur … se dit": the pronoun belongs to the verb
        if not kept:
            return None
        if kept[0].casefold() in self.lex.pronouns and len(kept) <= 2:
            return self.last_antecedent(position, kept[0])
        if len(kept) > MAX_DESCRIPTION_WORDS:
            cut = MAX_RUNAWAY_DESCRIPTION_WORDS
            while cut < len(kept) and kept[cut][:1].isupper() and kept[cut - 1][:1].isupper():
                cut += 1  # never split a name ("the United Nations Security Council")
            kept = kept[:cut]
        description = " ".join(kept).strip(" .")
        if not LETTER.search(description):
            return None
        description_words = WORD.findall(description)
        if not any(
            w.isalpha() and w.casefold() not in self.lex.determiners for w in description_words
        ):
            return None
        opening = [w.casefold() for w in description_words[:3]]
        elided_head = ELIDED_ARTICLE.match(description)
        if not (
            elided_head
            or opening[0] in self.lex.determiners
            or self._opens_with_possessive_name(description_words)
            or any(w in self.lex.source_nouns or w in self.lex.titles for w in opening)
        ):
            return None  # "Several weeks ago", "Claiming the criticism": not a speaker
        head = description.split()[-1].casefold()
        first = description.split()[0].casefold()
        elided = ELIDED_WORD.match(first)
        if elided:
            head = elided.group(1).casefold() if len(kept) == 1 else head
        if head in self.lex.titles and (first in self.lex.determiners or elided):
            named = self.person_with_title(head, position)
            if named:
                return _Subject(named, "person")
        return _Subject(description, _description_kind(description, self.lex))

    def _links_complement(self, kept: list[str], word: str) -> bool:
        """ "a longtime adviser to Trump", "a person close to the Clintons": after a source
        noun, a linking preposition opens the noun's complement (still the description), not
        an adverbial of the verb ("said a spokesman on Monday")."""
        return word in self.lex.description_links and any(
            self._is_source_noun(w.strip(".")) for w in kept[-3:]
        )

    def _complement_end(self, words: list[str], link: int) -> int:
        """Where the complement opened by words[link] ends: a determiner, then a capitalised
        name ("the House Armed Services Committee") or at most two plain words ("the
        talks"), stopping at a relative, a verb form in -ed or any other linking word."""
        end = link + 1
        while end < len(words) and words[end].casefold() in self.lex.determiners:
            end += 1
        if end < len(words) and words[end][:1].isupper():
            while end < len(words) and (
                words[end][:1].isupper()
                or (
                    words[end] in NAME_JOINERS
                    and end + 1 < len(words)
                    and words[end + 1][:1].isupper()
                )
            ):
                end += 1
            return end
        plain = 0
        while end < len(words) and plain < 2:
            bare = words[end].strip(".,;:").casefold()
            if (
                not bare.isalpha()
                or bare.endswith("ed")
                or bare in self.lex.relatives
                or bare in self.lex.adverbial_starts
                or bare in self.lex.prepositions
                or bare in self.lex.conjunctions
                or self.lex.speech_verb.fullmatch(bare)
            ):
                break
            end += 1
            plain += 1
        return end

    def _opens_with_possessive_name(self, words: list[str]) -> bool:
        """ "Rudd's family", "Vasquez's lawyers": a possessive name acts as a determiner, so
        the phrase is a source as written, not the named person."""
        if len(words) < 2 or not words[1][:1].islower():
            return False
        return words[0][:1].isupper() and words[0].endswith(POSSESSIVE_ENDINGS)

    # ---- contexts around a quote -------------------------------------------------------

    def sentence_start(self, position: int) -> int:
        """Where the sentence holding a position starts."""
        return self._sentence_start(position)

    def sentence_end(self, position: int) -> int:
        """Where the sentence holding a position ends (next sentence or paragraph end)."""
        return self._sentence_end(position)

    def has_quote_between(self, start: int, end: int) -> bool:
        """Whether any quotation (of any length) opens or closes inside [start, end)."""
        i = bisect.bisect_left(self.span_opens, start)
        if i < len(self.spans) and self.spans[i].open_at < end:
            return True
        return i > 0 and self.spans[i - 1].close_at >= start

    def person_opening_sentence(self, sentence_start: int, verb_at: int) -> str | None:
        """The fullest name of a person whose name alone opens a sentence before its verb.

        A name the article never gives with a first name ("Russia", "Kessler" alone) is not
        taken: a lone capitalised word before a verb is too often a place or a body.
        """
        run = NAME_RUN.match(self.body, sentence_start, verb_at)
        if run is None or self.body[run.end() : verb_at].strip():
            return None
        _, titles = self._clean_name(run.group())
        if not all(self._is_title(word) for word in titles.split()):
            return None  # "As Obama announces that …", "While Ramos said that …": a side clause
        mention = self._mention_at(run)
        if mention is None or mention.is_org or not mention.is_person_like:
            return None
        fullest = self.fullest_name(mention.text, sentence_start)
        return fullest if " " in fullest else None

    def _person_as_subject(self, start: int, end: int) -> str | None:
        """The person a sentence opens with as its subject, past an opening phrase
        ("On “Face the Nation,” Sen. Dana Welt (Vt.), who …, identified …": Dana Welt)."""
        first = WORD.search(self.body, start, end)
        if first is None:
            return None
        at = first.start()
        if first.group().casefold() in self.lex.prepositions:
            comma = self.body.find(",", at, end)
            if comma < 0:
                return None
            at = comma + 1
            while at < end and self.body[at] in OPENING_PHRASE_CLOSE:
                at += 1
        run = NAME_RUN.match(self.body, at, end)
        if run is None or run.group().endswith(POSSESSIVE_ENDINGS):
            return None
        follower = self.body[run.end() : run.end() + 2].lstrip(" \u00a0")
        if follower[:1] not in ("", ",", "(") and not follower[:1].islower():
            return None
        return self.person_opening_sentence(run.start(), run.end())

    def _quotes_with_cue_since(self, index: int, start: int) -> bool:
        """The quote before this one opens after start and has a cue of its own ("“…,”
        Gingrich said. “…”"): that speaker goes on, not the sentence's subject."""
        if index == 0 or start < 0 or self.spans[index - 1].open_at < start:
            return False
        earlier = self._earlier_attribution(index - 1)
        return earlier.speaker is not None and earlier.cue is not None

    def _follows_quote_free_paragraph(self, index: int) -> bool:
        """The span opens a paragraph after one with no quotation in it."""
        span = self.spans[index]
        if span.paragraph_index == 0:
            return False
        return index == 0 or self.spans[index - 1].last_paragraph_index < span.paragraph_index - 1

    def _paragraph_of(self, position: int) -> tuple[int, int]:
        return self.paragraphs[bisect.bisect_right(self.paragraph_starts, position) - 1]

    def _sentence_start(self, position: int) -> int:
        return self.sentence_starts[bisect.bisect_right(self.sentence_starts, position) - 1]

    def _sentence_end(self, position: int) -> int:
        i = bisect.bisect_right(self.sentence_starts, position)
        _, paragraph_end = self._paragraph_of(position)
        if i < len(self.sentence_starts):
            return min(self.sentence_starts[i], paragraph_end)
        return paragraph_end

    def _verb_position(self, leading_start: int, verb_index: int, position: int) -> int:
        """Where a verb of a leading text sits in the body; `position` when unknown."""
        return self._body_offset(leading_start, verb_index) if leading_start >= 0 else position

    def _body_offset(self, start: int, masked_index: int) -> int:
        """Where a character of `_masked(start, …)` sits in the body."""
        cursor, consumed = start, 0
        i = bisect.bisect_left(self.span_opens, start)
        while i < len(self.spans):
            span = self.spans[i]
            plain = span.open_at - cursor
            if masked_index < consumed + plain:
                break
            consumed += plain + len(MASK)
            if masked_index < consumed:
                return span.open_at
            cursor = span.close_at + 1
            i += 1
        return cursor + masked_index - consumed

    def _masked(self, start: int, end: int) -> str:
        """Body text with the quotations inside it masked, so their words are no cue."""
        pieces: list[str] = []
        cursor = start
        i = bisect.bisect_left(self.span_opens, start)
        while i < len(self.spans) and self.spans[i].open_at < end:
            span = self.spans[i]
            pieces.append(self.body[cursor : span.open_at])
            pieces.append(MASK)
            cursor = min(span.close_at + 1, end)
            i += 1
        if cursor < end:
            pieces.append(self.body[cursor:end])
        return "".join(pieces)

    def _trailing_text(self, index: int) -> str:
        span = self.spans[index]
        start = span.close_at + 1
        end = min(self._sentence_end(span.close_at), start + MAX_TRAILING_CUE_CHARS)
        closing_punctuation = self.body[span.close_at - 1 : span.close_at]
        if end <= start + 1 and closing_punctuation and closing_punctuation in "?!.…":
            # "…?" Lindqvist asked. — a capital after ?/! need not start a new sentence, and
            # "….” Trump said." is a comma typed as a period when only "X said." follows
            end = min(self._sentence_end(end + 1), start + MAX_TRAILING_CUE_CHARS)
            limit = (
                MAX_WORDS_AFTER_QUESTION if closing_punctuation in "?!" else MAX_WORDS_AFTER_PERIOD
            )
            words = WORD.findall(self.body, start, end)
            if (
                len(words) > limit
                and not (
                    closing_punctuation in "?!"
                    and self._opens_with_attribution(words, self.body[start:end])
                )
            ) or (
                closing_punctuation in ".…"
                and not self.lex.speech_verb.fullmatch(words[-1].rstrip("."))
                if words
                else True
            ):
                end = start
        if index + 1 < len(self.spans):
            end = min(end, self.spans[index + 1].open_at)
        return self.body[start : max(start, end)]

    def _opens_with_attribution(self, words: list[str], text: str) -> bool:
        """ "…?” Trump told Britain’s ITV in an interview aired on Monday when …": a long
        sentence after "?" or "!" that opens with a name (or pronoun) and a speech verb, or
        with the verb and a name, attributes the quote before it; so does a name with an
        apposition before the verb ("…?” Miller, a retired worker, said into the phone)."""
        apposition = NAME_THEN_APPOSITION.match(text)
        if apposition is not None:
            name_words = WORD.findall(apposition.group("name"))
            verb = WORD.match(text, apposition.end())
            if (
                0 < len(name_words) <= MAX_NAME_TOKENS
                and all(w[:1].isupper() for w in name_words)
                and verb is not None
                and self.lex.speech_verb.fullmatch(verb.group())
            ):
                return True
        for i, word in enumerate(words[: MAX_NAME_TOKENS + 1]):
            if self.lex.speech_verb.fullmatch(word):
                before = words[:i]
                if not before:
                    return i + 1 < len(words) and words[i + 1][:1].isupper()
                return all(w[:1].isupper() for w in before) or (
                    len(before) == 1 and before[0].casefold() in self.lex.pronouns
                )
        return False

    def _chains_verbs(self, subject_words: str, earlier_verb: regex.Match[str]) -> bool:
        """ "Riva said, adding that": only punctuation or "and" between the two verbs."""
        if not WORD.search(subject_words, 0, earlier_verb.start()):
            return False
        between = WORD.findall(subject_words, earlier_verb.end())
        return all(w.casefold() in self.lex.conjunctions for w in between)

    def _inverted_after_quote(self, between: str) -> bool:
        """A quote, then only a name before the next verb ("“…,” Lewandowski added")."""
        if MASK not in between:
            return False
        after_quote = between.rpartition(MASK)[2].strip(" ,")
        return bool(after_quote) and self._name_closing(after_quote) == after_quote

    def _coordinates_clauses(self, between: str) -> bool:
        """A comma then a conjunction (", but", ", and as") starts a clause of its own."""
        for comma in regex.finditer(r",\s*", between):
            words = [w.casefold() for w in WORD.findall(between, comma.end())[:2]]
            if words and (
                words[0] in self.lex.conjunctions
                or words[0] in self.lex.relatives  # ", which X called"
                or (len(words) > 1 and words[1] in self.lex.relatives)  # ", to which X said"
            ):
                return True
        return False

    def _name_after_last_conjunction(self, subject_words: str) -> str:
        """The name alone between a conjunction and the verb ("… and Clinton"), or ""."""
        words = list(WORD.finditer(subject_words))
        for i in range(len(words) - 1, 0, -1):
            if words[i].group().casefold() in self.lex.conjunctions:
                after = subject_words[words[i].end() :].strip(" ,")
                return after if after and self._name_closing(after) == after else ""
        return ""

    def _ends_with_conjunction(self, subject_words: str) -> bool:
        words = WORD.findall(subject_words)
        return bool(words) and words[-1].casefold() in self.lex.conjunctions

    # ---- attribution -------------------------------------------------------------------

    def attribute(self, index: int, is_partial: bool) -> Attribution:
        """Find the speaker of quote `index`; remember it for the quotes that follow."""
        attribution = self._attribute(index, is_partial)
        self.attributions[index] = attribution
        return attribution

    def _attribute(self, index: int, is_partial: bool) -> Attribution:
        span = self.spans[index]
        trailing = self._trailing_text(index)
        sentence_start = self._sentence_start(span.open_at)
        leading_start = max(sentence_start, span.open_at - MAX_LEADING_CUE_CHARS)
        leading = self._masked(leading_start, span.open_at)
        after = self._from_trailing(trailing, span.close_at + 1)
        if after is not None and after.cue not in self._according_cues(trailing):
            return after
        before = self._from_leading(leading, span.open_at, is_partial, leading_start)
        if after is not None:  # "according to" after the quote: a relay if a speaker precedes
            if before is not None and before.speaker and before.cue != ":":
                return Attribution(before.speaker, before.speaker_kind, before.cue, after.speaker)
            return after
        if before is not None:
            return before
        signed = self._signature_below(index)
        if signed is not None:
            return signed
        if leading.rstrip(" \u00a0").endswith(","):
            # "Filippo Grandi, the UN refugee chief, reacted coolly to the deal, “…”": a quote
            # a comma hands on from a sentence whose subject is a person is theirs
            subject = self._person_as_subject(sentence_start, span.open_at)
            if subject is not None:
                verb, _, name = subject.partition(" ")  # "Said Ann Roe, who …, “…”"
                if name and self.lex.speech_verb.fullmatch(verb.casefold()):
                    subject = name
                return Attribution(subject, "person", None)
        coordinated = self._coordinated_with_next(index)
        if coordinated is not None:
            return coordinated
        return self._from_context(index, sentence_start)

    def _coordinated_with_next(self, index: int) -> Attribution | None:
        """ "“…” and “…,” Dean proclaimed": quotes joined by a conjunction or a comma share
        the attribution that follows the last of them."""
        if index + 1 >= len(self.spans):
            return None
        span, following = self.spans[index], self.spans[index + 1]
        gap = self.body[span.close_at + 1 : following.open_at]
        if len(gap) > MAX_COORDINATION_CHARS or any(c in gap for c in ".;:!?\n"):
            return None
        if any(w.casefold() not in self.lex.conjunctions for w in WORD.findall(gap)):
            return None
        after = self._from_trailing(self._trailing_text(index + 1), following.close_at + 1)
        return after if after is not None and after.speaker is not None else None

    def _signature_below(self, index: int) -> Attribution | None:
        """A quote closing its paragraph, signed by the next one: "¶ — Michelle Marks"."""
        span = self.spans[index]
        following = span.last_paragraph_index + 1
        if following >= len(self.paragraphs):
            return None
        _, paragraph_end = self.paragraphs[span.last_paragraph_index]
        if self.body[span.close_at + 1 : paragraph_end].strip():
            return None
        start, end = self.paragraphs[following]
        signature = self.body[start:end]
        dash = DASH_NAME.match(signature)
        if dash is None or signature[: dash.start("who")].strip(" \u00a0") not in DASHES:
            return None
        if not self._names_in(dash.group("who")):
            return None
        subject = self.resolve_subject(dash.group("who"), start, subject_first=False)
        return self._subject_attribution(subject, "—")

    def _earlier_attribution(self, index: int) -> Attribution:
        """The speaker of an earlier span; a span too short to be a quote ("outrageous") is
        attributed now, as a fragment, since its sentence may name a new speaker."""
        found = self.attributions.get(index)
        if found is None:
            found = self.attributions[index] = self._attribute(index, is_partial=True)
        return found

    def _according_cues(self, trailing: str) -> set[str]:
        return {m.group("cue") for m in self.lex.according_to.finditer(trailing)}

    def _subject_attribution(self, subject: _Subject | None, cue: str | None) -> Attribution | None:
        if subject is None:
            return None
        return Attribution(subject.speaker, subject.kind, cue)

    def _from_trailing(self, trailing: str, position: int) -> Attribution | None:
        """ ", said X", "X said", "the agency quoted X as saying", "according to X", "— X"."""
        text = trailing.lstrip(" ,;:\u00a0\t")
        if not text:
            return None
        after_dash = text.lstrip("—–―- \u00a0")
        if after_dash != text and self.lex.speech_verb.match(after_dash):
            text = after_dash  # «…», — сказал X: the dash only opens the attribution
        dash = DASH_NAME.match(text)
        if dash and self._names_in(dash.group("who")):
            subject = self.resolve_subject(dash.group("who"), position, subject_first=False)
            return self._subject_attribution(subject, "—")
        relayed = any(trigger in text for trigger in self.lex.quoted_triggers)
        for pattern in self.lex.quoted_as if relayed else ():
            quoted = pattern.match(text)
            if quoted:
                return self._quoted_as(quoted, position)
        for pattern in self.lex.passive_quoted if relayed else ():
            quoted = pattern.match(text)
            if quoted:
                subject = self.resolve_subject(quoted.group("who"), position, subject_first=True)
                return self._subject_attribution(subject, "was quoted as saying")
        according = self.lex.according_to.match(text)
        if according:
            source = SOURCE_END.split(text[according.end() :])[0]
            subject = self.resolve_subject(source, position, subject_first=False)
            return self._subject_attribution(subject, according.group("cue"))
        verb = self.lex.speech_verb.search(text)
        if verb is None:
            return None
        before_verb = text[: verb.start()]
        if len(WORD.findall(before_verb)) > MAX_WORDS_BEFORE_TRAILING_VERB:
            before_verb = self._name_before_apposition(before_verb)
            if not before_verb:
                return None
        if PHRASE_SENTENCE_END.search(before_verb):
            return None
        between = [w.casefold() for w in WORD.findall(before_verb)]
        if len(between) > 1 and not self._names_in(before_verb):
            # "“…” if she does not win big, said Ann Roe": the inverted name speaks
            inverted = self._attribution_closing_sentence(text, before_verb, verb, position)
            if inverted is not None:
                return inverted
        if between and (
            between[0] in self.lex.conjunctions
            or between[0] in self.lex.relatives
            or between[-1] in self.lex.conjunctions
            or between[-1] in self.lex.prepositions
        ):
            # "... and urged": a second predicate of the reporter's sentence, unless a comma
            # closes it before the attribution ("“…” that X can win, said Ann Roe")
            return self._attribution_closing_sentence(text, before_verb, verb, position)
        if between and between[0] in self.lex.prepositions:
            # "“…” for Clinton, said Kunin", "“…” in comparison to Obama, Gingrich said": the
            # phrase goes with the quote; a name closing it is the speaker
            before_verb = self._name_closing(before_verb)
            between = [w.casefold() for w in WORD.findall(before_verb)]
        cue = verb.group("verb")
        if not between and cue.casefold() in self.lex.participles:
            return None  # "…," noting …: the participle's speaker is the main clause's subject
        subject_words = before_verb
        if "-t-" in cue or "-t’" in cue:
            subject = self.last_antecedent(position, cue)
        elif WORD.search(subject_words):
            subject = self.resolve_subject(subject_words, position, subject_first=True)
        else:
            subject = None
        if subject is None and "-t-" not in cue:  # "…", sagte sie / dijo la alcaldesa
            after_verb = PHRASE_SENTENCE_END.split(text[verb.end() :])[0]
            subject = self.resolve_subject(after_verb, position, subject_first=False)
        return self._subject_attribution(subject, cue)

    def _attribution_closing_sentence(
        self, text: str, before_verb: str, verb: re.Match[str], position: int
    ) -> Attribution | None:
        """ "“…” but to lead anyway, says Eve Tracey, a consultant": a quote continued by the
        reporter's words, then a comma and "said X" (or "X said"), is X's."""
        if not before_verb.rstrip(" \u00a0").endswith(","):
            return None
        after_verb = PHRASE_SENTENCE_END.split(text[verb.end() :])[0]
        first = WORD.match(after_verb.lstrip(" \u00a0"))
        if first is not None and first.group()[:1].isupper():
            subject = self.resolve_subject(after_verb, position, subject_first=False)
        else:
            tail = self._name_closing(before_verb)
            subject = self.resolve_subject(tail, position, subject_first=True) if tail else None
        if subject is None or subject.kind != "person":
            return None
        return Attribution(subject.speaker, subject.kind, verb.group("verb"))

    def _name_before_apposition(self, before_verb: str) -> str:
        """The name in a long stretch before a trailing verb, or "": "X Y, the director of
        … and …, told" (the name before a long apposition), or "“…” by the shooting at …
        that drew …, Nefzi said" (the rest of the reporter's sentence, then the name)."""
        head, comma, _ = before_verb.partition(",")
        if not comma:
            return ""
        if len(WORD.findall(head)) <= MAX_NAME_TOKENS:
            names = self._names_in(head.strip())
            if len(names) == 1 and not names[0][1] and " " in names[0][0]:
                return head
        return self._name_closing(before_verb)

    def _name_closing(self, before_verb: str) -> str:
        """The last comma phrase before a verb if it is a capitalised name alone, else ""."""
        tail = before_verb.rstrip(" ,").rpartition(",")[2].strip()
        first = WORD.match(tail)
        if first is None or not first.group()[:1].isupper():
            return ""
        if len(WORD.findall(tail)) > MAX_NAME_TOKENS:
            return ""
        names = self._names_in(tail)
        return tail if len(names) == 1 and not names[0][1] else ""

    def _quoted_as(self, quoted: regex.Match[str], position: int) -> Attribution | None:
        subject = self.resolve_subject(quoted.group("who"), position, subject_first=True)
        if subject is None:
            return None
        via_names = self._names_in(quoted.group("via"))
        via = via_names[-1][0] if via_names else quoted.group("via").strip(" ,")
        return Attribution(subject.speaker, subject.kind, "quoted ... as saying", via)

    def _outermost_named_speaker(
        self, text: str, clause_start: int, position: int, leading_start: int
    ) -> Attribution | None:
        """ "Riva said Lindqvist was right when she said "…"": reported speech inside reported
        speech belongs to the first named speaker of the sentence."""
        verbs = list(self.lex.speech_verb.finditer(text, clause_start))
        if len(verbs) < 2:
            return None
        for verb, later in zip(verbs[:-1], verbs[1:], strict=True):
            subject_words = text[clause_start : verb.start()]
            if "-t-" in verb.group("verb") or not WORD.search(subject_words):
                continue
            between = text[verb.end() : later.start()]
            if self._coordinates_clauses(between) or self._inverted_after_quote(between):
                # "she said, but … Trump went on about": two clauses, two speakers;
                # "X cannot say that “…”, Y added": the quote between was X's, Y is the speaker
                continue
            verb_at = self._verb_position(leading_start, verb.start(), position)
            # "Romney went after Trump, calling it …": a participle's speaker opens the clause
            participle = verb.group("verb").casefold() in self.lex.participles and (
                subject_words.rstrip().endswith(",")
            )
            subject = self.resolve_subject(subject_words, verb_at, subject_first=not participle)
            if subject is not None and subject.kind == "person":
                return Attribution(subject.speaker, subject.kind, verb.group("verb"))
        return None

    def _from_leading(
        self, leading: str, position: int, is_partial: bool, leading_start: int = -1
    ) -> Attribution | None:
        """ "X said: …", "X told reporters …", "Y quoted X as saying …", "X, secondo cui …".

        leading_start: where the (masked) leading text starts in the body, so that a pronoun
        before the verb looks back from the verb ("Though she called Y's …": not Y).
        """
        clause_start = 0
        for edge in CLAUSE_EDGES.finditer(leading.rstrip(" :\u00a0")):
            clause_start = edge.end()
        text = leading
        relayed = any(trigger in text for trigger in self.lex.quoted_triggers)
        for pattern in self.lex.quoted_as if relayed else ():
            for quoted in pattern.finditer(text):
                return self._quoted_as(quoted, position)
        for pattern in self.lex.passive_quoted if relayed else ():
            for quoted in pattern.finditer(text):
                subject = self.resolve_subject(quoted.group("who"), position, subject_first=True)
                return self._subject_attribution(subject, "was quoted as saying")
        if self.lex.last_relative_according is not None:
            relative = self.lex.last_relative_according.search(text)
            if relative is not None:
                subject = self.resolve_subject(
                    text[: relative.start()], position, subject_first=True, nearest_last=True
                )
                return self._subject_attribution(subject, relative.group("cue"))
        outer = self._outermost_named_speaker(text, clause_start, position, leading_start)
        if outer is not None:
            return outer
        verb = self._last_speech_verb(text)
        if verb is not None:
            cue = verb.group("verb")
            subject_at = clause_start if verb.start() > clause_start else 0
            subject_words = text[subject_at : verb.start()]
            if not WORD.search(subject_words):
                subject_at, subject_words = 0, text[: verb.start()]
            subject_verb_at = verb.start()
            earlier_verb = self._last_speech_verb(subject_words)
            if earlier_verb is not None:
                joined = self._name_after_last_conjunction(subject_words)
                if joined:  # "a woman asked for a photo and Clinton said": Clinton
                    subject_words, earlier_verb = joined, None
            chained_cue = None
            if earlier_verb is not None and (
                self._chains_verbs(subject_words, earlier_verb)
                or self._ends_with_conjunction(subject_words)
            ):
                # "X said, adding that", "she called it … and called for": one subject
                subject_words = subject_words[: earlier_verb.start()]
                subject_verb_at = subject_at + earlier_verb.start()
                chained_cue = earlier_verb.group("verb")
            # "Holt faulted Reeve over Skarfell, saying": the participle's speaker is the
            # subject of the main clause, the first name, not the nearest one; so is that
            # of a chain opened by one ("…, calling it “…” and asserting that")
            participle = (
                (chained_cue or cue).casefold() in self.lex.participles
                and (earlier_verb is None or chained_cue is not None)
                and (subject_words if chained_cue else text[: verb.start()])
                .rstrip()
                .endswith((",", MASK.strip()))
            )  # a quote just before ("as “fantastic,” telling") held the comma
            inverted = None if participle else self._inverted_parenthetical(text, verb)
            if "-t-" in cue:
                subject = self.last_antecedent(position, cue)
            elif inverted is not None:  # "The paradox of Nancy, says Carl Anthony, is …"
                subject = self.resolve_subject(inverted, position, subject_first=False)
            elif WORD.search(subject_words):
                verb_at = self._verb_position(leading_start, subject_verb_at, position)
                subject = self.resolve_subject(subject_words, verb_at, subject_first=not participle)
            else:
                after_verb = text[verb.end() :].split(":")[0]
                subject = self.resolve_subject(after_verb, position, subject_first=False)
            return self._subject_attribution(subject, cue)
        according = self.lex.last_according_to.search(text)
        if according is not None:
            source = text[according.end() :].split(",")[0]
            subject = self.resolve_subject(source, position, subject_first=False)
            return self._subject_attribution(subject, according.group("cue"))
        if is_partial and self.lex.speech_nouns:
            possessor = self._possessor_of_speech_noun(text[clause_start:])
            if possessor is not None:  # "a fact-check on X's claim that “…”": X
                return Attribution(self.fullest_name(possessor, position), "person", None)
        if text.rstrip(" \u00a0").endswith(":") or is_partial:
            names = (
                [n for n, is_org in self._names_in(text) if not is_org]
                if is_partial
                else self._people_nearest_cue(text[clause_start:]) or self._people_nearest_cue(text)
            )  # "HEADING - Jane Roe: “…”": the clause before the colon first
            if names:
                subject = _Subject(self.fullest_name(names[0], position), "person")
                return self._subject_attribution(subject, None if is_partial else ":")
            first = WORD.match(text.lstrip())
            if first and first.group().casefold() in self.lex.pronouns:
                return self._subject_attribution(self.last_antecedent(position, first.group()), ":")
            if text.rstrip(" \u00a0").endswith(":"):
                return NO_SPEAKER
        return None

    def _inverted_parenthetical(self, text: str, verb: re.Match[str]) -> str | None:
        """The name in ", says Carl Anthony, historian at …,": a cue set off by commas with
        the speaker's name right after it, as an aside in the reporter's sentence."""
        if not text[: verb.start()].rstrip(" \u00a0").endswith(","):
            return None
        after = text[verb.end() :]
        run = NAME_RUN.match(after, len(after) - len(after.lstrip(" \u00a0")))
        if run is None or run.group().endswith(POSSESSIVE_ENDINGS):
            return None
        if not after[run.end() :].startswith(","):
            return None
        return after[: run.end()]

    def _last_speech_verb(self, text: str) -> regex.Match[str] | None:
        """The speech verb nearest the end of a text; the forward scan, several times
        cheaper, rules out the many texts with none."""
        if self.lex.speech_verb.search(text) is None:
            return None
        return self.lex.last_speech_verb.search(text)

    def _possessor_of_speech_noun(self, text: str) -> str | None:
        """The person whose words the text names last: "X's claim that “…”", "X's words: “…”",
        "la declaración de X de que “…”", "die Aussage von X, dass “…”".

        Only a link word ("that", "about") or the quote itself may follow the noun: in "Y
        denounced X's remarks as “…”" the words in quotes are Y's.
        """
        found = None
        found_at = -1
        noun_of = self._speech_noun_of_pattern()
        for match in noun_of.finditer(text) if noun_of is not None else ():
            name = self._person_before_link(text, match.group("who"), match.end())
            if name:
                found, found_at = name, match.start()
        for run in NAME_RUN.finditer(text):
            if run.start() < found_at:
                continue
            if not run.group().endswith(POSSESSIVE_ENDINGS):
                continue
            noun = WORD.match(text, run.end() + 1)
            if text[run.end() : run.end() + 1] != " " or noun is None:
                continue
            if noun.group().casefold() not in self.lex.speech_nouns:
                continue
            name = self._person_before_link(text, run.group(), noun.end())
            if name:
                found = name
        return found

    def _person_before_link(self, text: str, run: str, end: int) -> str:
        """The person a capitalised run names, if only a link word ("that", "dass") or the
        quote follows `end`; else ""."""
        follower = WORD.search(text, end)
        if follower is not None and follower.group().casefold() not in self.lex.speech_noun_links:
            return ""
        name = self._clean_name(run)[0]
        tokens = [t.casefold() for t in name.split()]
        return "" if any(t in self.lex.org_words for t in tokens) else name

    def _speech_noun_of_pattern(self) -> regex.Pattern[str] | None:
        """A speech noun, a joining word and the capitalised run after it, for this lexicon."""
        key = id(self.lex)
        if key not in _SPEECH_NOUN_OF_PATTERNS:
            nouns, joins = self.lex.speech_nouns, self.lex.speech_noun_of
            _SPEECH_NOUN_OF_PATTERNS[key] = (
                regex.compile(
                    rf"(?<![\p{{L}}’'-])(?i:{_alternation(nouns)})[ \u00a0]+"
                    rf"(?i:{_alternation(joins)})(?:(?<=[’'])|[ \u00a0]+)"
                    rf"(?:(?:{_alternation(self.lex.determiners)})[ \u00a0]+)?"
                    rf"(?:(?:{_alternation(self.lex.titles)})[ \u00a0]+)?"
                    rf"(?P<who>{NAME_WORDS})"
                )
                if nouns and joins
                else None
            )
        return _SPEECH_NOUN_OF_PATTERNS[key]

    def _people_nearest_cue(self, text: str) -> list[str]:
        """People of the last comma clause that names one ("With X worried, Y wrote: …")."""
        clauses = [c for c in CHUNK_EDGE.split(text) if c.strip() and not self._is_aside(c.strip())]
        for clause in reversed(clauses):
            people = [n for n, is_org in self._names_in(clause.strip()) if not is_org]
            if people:
                return people
        return [n for n, is_org in self._names_in(text) if not is_org]

    def _from_context(self, index: int, sentence_start: int) -> Attribution:
        """No cue in the quote's sentence: the sentence before, else the previous quote."""
        span = self.spans[index]
        paragraph_start, _ = self._paragraph_of(span.open_at)
        if sentence_start > paragraph_start:
            previous_start = self._sentence_start(sentence_start - 1)
        elif paragraph_start > 0:
            previous_start = self._sentence_start(max(0, paragraph_start - 3))
        else:
            previous_start = -1
        previous = ""
        opening = previous_start  # where the sentence before opens, for its subject
        if previous_start >= 0:
            previous_end = sentence_start if sentence_start > paragraph_start else paragraph_start
            previous_start = max(previous_start, previous_end - MAX_LEADING_CUE_CHARS)
            previous = self._masked(previous_start, previous_end).rstrip()
        if previous and MASK.strip() not in previous:
            found = self._from_leading(previous, span.open_at, False, previous_start)
            if found is not None and found.speaker is not None:
                return found
        if (
            previous
            and not self._quotes_with_cue_since(index, opening)
            and span.open_at == sentence_start
            and (sentence_start > paragraph_start or self._follows_quote_free_paragraph(index))
        ):
            # "Sen. Dana Welt identified bigotry as a reason. “…”": a quote standing alone
            # after a sentence whose subject is a person is theirs; across a paragraph break
            # only when that paragraph quotes nobody ("Valastro praised X. ¶ “…”")
            subject = self._person_as_subject(opening, sentence_start)
            if subject is not None:
                return Attribution(subject, "person", None)
        if index > 0:
            earlier = self.spans[index - 1]
            same_paragraph = earlier.last_paragraph_index == span.paragraph_index
            next_paragraph = earlier.last_paragraph_index == span.paragraph_index - 1
            if same_paragraph or (next_paragraph and sentence_start == paragraph_start):
                inherited = self._earlier_attribution(index - 1)
                if inherited.speaker is not None:
                    return Attribution(inherited.speaker, inherited.speaker_kind, None)
        return NO_SPEAKER


def _alternation(words: frozenset[str]) -> str:
    """Longest words first, so "del" wins over "de"."""
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


def _description_kind(description: str, lex: CueLexicon) -> str:
    words = [w.casefold() for w in WORD.findall(description)]
    head_words = words[:4]
    if any(w in lex.org_words for w in head_words) and not any(
        w in lex.source_nouns and w not in lex.org_words for w in head_words
    ):
        return "organization"
    return "unnamed"


def _contains_run(tokens: list[str], part: list[str]) -> bool:
    size = len(part)
    return any(tokens[i : i + size] == part for i in range(len(tokens) - size + 1))

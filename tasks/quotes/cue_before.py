"""Own-sentence cues before a quote: "X said: …", "X told reporters …", "X's claim that …"."""

from __future__ import annotations

import re

import regex

from tasks.quotes.cue_after import CuesAfterQuote
from tasks.quotes.patterns import (
    CHUNK_EDGE,
    CLAUSE_EDGES,
    MASK,
    NAME_RUN,
    NAME_WORDS,
    NO_SPEAKER,
    POSSESSIVE_ENDINGS,
    WORD,
    Attribution,
    Subject,
    alternation,
)

# "sagte der CDU-Politiker": the words after a verb in which a subject's head noun may sit.
MAX_INVERTED_SUBJECT_WORDS = 3
# "a la prensa", "à la chaîne de télévision": the words of an addressee between a verb and
# the name of its inverted subject.
MAX_ADDRESSEE_WORDS = 4
# "la declaración de X", "die Aussage von X", per lexicon (None: the language has no such form).
_SPEECH_NOUN_OF_PATTERNS: dict[int, regex.Pattern[str] | None] = {}


class CuesBeforeQuote(CuesAfterQuote):
    """The attribution that opens the quote's sentence before its opening mark."""

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
            if self.lex.is_inverted(verb.group("verb")) or not WORD.search(subject_words):
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
            inverted = self._subject_after_verb(text[: later.start()], verb)
            subject = (
                self.resolve_subject(inverted, verb_at, subject_first=False)
                if inverted is not None
                else self.resolve_subject(subject_words, verb_at, subject_first=not participle)
            )
            if subject is not None and subject.kind == "person":
                return Attribution(
                    subject.speaker, subject.kind, verb.group("verb"), rule=subject.rule
                )
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
        according = self.lex.last_according_to.search(text)
        if verb is not None and according is not None and according.end() == verb.start():
            verb = None  # "según comentó la ministra, Lucia Azzolina, «…»": a source cue
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
            inverted_first = None
            if earlier_verb is not None and (
                self._chains_verbs(subject_words, earlier_verb)
                or self._ends_with_conjunction(subject_words)
            ):
                # "X said, adding that", "she called it … and called for": one subject
                # ("sagte der Minister und klagte": the one after the first verb)
                inverted_first = self._subject_after_verb(subject_words, earlier_verb)
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
            if inverted is None and not participle:
                inverted = (
                    inverted_first
                    or self._subject_after_verb(text, verb)
                    or self._name_after_verb(text, verb, subject_at)
                )
            if self.lex.is_inverted(cue):
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
        if according is not None:
            source = text[according.end() :]
            verb_after = self.lex.speech_verb.match(source)
            # "según comentó la ministra de Educación, Lucia Azzolina, «…»": past the verb
            source = source[verb_after.end() :] if verb_after else source.split(",")[0]
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
                subject = Subject(self.fullest_name(names[0], position), "person")
                return self._subject_attribution(subject, None if is_partial else ":")
            first = WORD.match(text.lstrip())
            if first and (  # "Er sagte: …", or a bare verb: "Dijo: …"
                first.group().casefold() in self.lex.pronouns
                or self.lex.speech_verb.fullmatch(first.group().casefold())
            ):
                return self._subject_attribution(self.last_antecedent(position, first.group()), ":")
            if text.rstrip(" \u00a0").endswith(":"):
                return NO_SPEAKER
        return None

    def _inverted_parenthetical(self, text: str, verb: re.Match[str]) -> str | None:
        """The name in ", says Carl Anthony, historian at …,": a cue set off by commas with
        the speaker's name right after it, as an aside in the reporter's sentence or its
        end."""
        if not text[: verb.start()].rstrip(" \u00a0").endswith(","):
            return None
        after = text[verb.end() :]
        run = NAME_RUN.match(after, self._past_addressee(after))
        if run is None:
            return self._description_then_name(after)
        if run.group().endswith(POSSESSIVE_ENDINGS):
            return None
        rest = after[run.end() :]
        past_addressee = bool(after[: run.start()].strip(" \u00a0"))
        if not rest.startswith(",") and (
            past_addressee or rest.strip(" \u00a0") not in (".", ":")
        ):  # ", говорит Мвагиру." or ", so Christl:" may also close it; "said of Sanders:"
            return None  # names whom the words are about, not who says them
        return after[run.start() : run.end()]

    def _past_addressee(self, after: str) -> int:
        """Where the words after a verb go on past the person spoken to (", dijo a la prensa
        Gerd Hoppmann, jefe …": "a la prensa"), a preposition and a few lower-case words;
        else where the words start."""
        start = len(after) - len(after.lstrip(" \u00a0"))
        words = list(WORD.finditer(after, start, min(len(after), start + 60)))
        first = words[0].group().casefold() if words else ""
        if first not in self.lex.prepositions or first in self.lex.determiners:
            return start  # "sagte der Kanzler": "der" opens the subject, not an addressee
        for word in words[1 : MAX_ADDRESSEE_WORDS + 1]:
            if word.group()[:1].isupper():
                between = after[start : word.start()]
                return word.start() if "," not in between else start
        return start

    def _subject_after_verb(self, text: str, verb: re.Match[str]) -> str | None:
        """The words after the verb where they open with its subject: "Nach dem Gipfel sagte
        sie: …", "…, sagte der Kanzler: …" (a pronoun, or a definite article and a person
        noun or title), in languages whose subject may follow the verb; the words before
        the verb are then an adverbial, not the speaker."""
        if not self.lex.inverted_pronouns or text[verb.end() : verb.end() + 1] != " ":
            return None
        after = text[verb.end() :].split(":")[0]
        words = WORD.findall(after, 0, min(len(after), 80))[:MAX_INVERTED_SUBJECT_WORDS]
        if not words:
            return None
        if words[-1].casefold() in self.lex.conjunctions:  # "sagte der Minister und"
            after = after[: after.rfind(words[-1])]
        first = words[0].casefold()
        if first in self.lex.inverted_pronouns:
            return after
        if first not in self.lex.determiners or first in self.lex.indefinite_determiners:
            return None
        return after if any(self._heads_description(w) for w in words[1:]) else None

    def _name_after_verb(self, text: str, verb: regex.Match[str], clause_start: int) -> str | None:
        """ "Dazu sagte Rainhard Busse: …", "So erklärt Professor Busse, Ökonom, in „…“: …": in
        a language whose subject may follow the verb, a name right after it is the speaker
        when the words of the clause before the verb name nobody (an adverbial, not a
        subject). What follows the name may be an apposition or lower-case words ("der
        Zeitung"), not another capitalised word."""
        if not self.lex.inverted_pronouns or text[verb.end() : verb.end() + 1] != " ":
            return None
        if self._names_in(text[clause_start : verb.start()]):
            return None
        after = text[verb.end() :].split(":")[0].strip(" \u00a0")
        run = NAME_RUN.match(after)
        if run is None or run.group().endswith(POSSESSIVE_ENDINGS):
            return None
        rest = after[run.end() :].lstrip(" \u00a0")
        if rest and not (rest.startswith(",") or rest[:1].islower()):
            return None
        return after

    def _heads_description(self, word: str) -> bool:
        low = word.casefold()
        return self._is_person_noun(word) or self._is_title(low) or low in self.lex.org_nouns

    def _description_then_name(self, after: str) -> str | None:
        """ ", dijo el entrenador y presidente de la Asociación, Julio Soler.": after an
        inverted verb, a definite description, then a name alone closing the sentence."""
        words = after.strip(" \u00a0")
        if not words.endswith((".", ":")):
            return None
        head, comma, name = words[:-1].rpartition(",")
        first = WORD.match(head)
        if not comma or first is None:
            return None
        article = first.group().casefold()
        if article not in self.lex.determiners or article in self.lex.indefinite_determiners:
            return None
        return words[:-1] if NAME_RUN.fullmatch(name.strip(" \u00a0")) else None

    def _last_speech_verb(self, text: str) -> regex.Match[str] | None:
        """The speech verb nearest the end of a text; the forward scan, several times
        cheaper, rules out the many texts with none, and no match starts before the first
        one, so the backward scan stops there."""
        first = self.lex.speech_verb.search(text)
        if first is None:
            return None
        return self.lex.last_speech_verb.search(text, first.start())

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
                    rf"(?<![\p{{L}}’'-])(?i:{alternation(nouns)})[ \u00a0]+"
                    rf"(?i:{alternation(joins)})(?:(?<=[’'])|[ \u00a0]+)"
                    rf"(?:(?:{alternation(self.lex.determiners)})[ \u00a0]+)?"
                    rf"(?:(?:{alternation(self.lex.titles)})[ \u00a0]+)?"
                    rf"(?P<who>{NAME_WORDS})"
                )
                if nouns and joins
                else None
            )
        return _SPEECH_NOUN_OF_PATTERNS[key]

    def _people_nearest_cue(self, text: str) -> list[str]:
        """People of the last comma clause that names one ("With X worried, Y wrote: …")."""
        clauses: list[str] = [
            c for c in CHUNK_EDGE.split(text) if c.strip() and not self._is_aside(c.strip())
        ]
        for clause in reversed(clauses):
            people = [n for n, is_org in self._names_in(clause.strip()) if not is_org]
            if people:
                return self._names_first(people)
        return self._names_first([n for n, is_org in self._names_in(text) if not is_org])

    def _names_first(self, people: list[str]) -> list[str]:
        """Full names, and single words the article names more than once, before other
        capitalised words ("Wenig Konkretes ortet … Markus Ornig …:": German nouns)."""
        named = [n for n in people if " " in n or len(self._names_containing(n)) > 1]
        return named + [n for n in people if n not in named]

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

"""Turn the words around a speech verb into a speaker: a name, an unnamed source or a pronoun."""

from __future__ import annotations

import regex

from tasks.quotes.descriptions import ArticleDescriptions
from tasks.quotes.morphology import first_subject
from tasks.quotes.patterns import (
    AGE_OR_NUMBER,
    CHUNK_EDGE,
    ELIDED_ARTICLE,
    MASK,
    NAME_RUN,
    NAME_WORDS,
    PARTY_AND_STATE,
    POSSESSIVE_ENDINGS,
    WORD,
    Attribution,
    Subject,
    alternation,
)

# "(OMS)", "(EPA)": the acronym a name is glossed with, an aside of that name.
ACRONYM_GLOSS = regex.compile(r"(?<=\S)[ \u00a0]*\(\p{Lu}{2,8}\)")

# "which X", "what X", "lo que X", per lexicon.
_OBJECT_RELATIVE_PATTERNS: dict[int, regex.Pattern[str] | None] = {}


class ArticleSubjects(ArticleDescriptions):
    """Read the subject of a speech verb out of the words before or after it."""

    def resolve_subject(
        self, text: str, position: int, subject_first: bool, nearest_last: bool = False
    ) -> Subject | None:
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
        if subject_first and MASK in text:
            # "В интервью газете «Маарив» Бенсуда сказал": a name alone after a quoted title
            after_quote = text.rpartition(MASK)[2].strip(" \u00a0")
            if after_quote and self._name_closing(after_quote) == after_quote:
                text = after_quote
        text = ACRONYM_GLOSS.sub("", text.replace(MASK, " ")).strip(" ,;:—–-\u00a0\t\n")
        words = WORD.findall(text)
        if not words:
            return self.last_antecedent(position)
        if words[0].casefold() in self.lex.pronouns and (len(words) == 1 or not subject_first):
            # "— сказал он в Сиднее перед турниром ATP Cup": the pronoun right after the verb
            return self.last_antecedent(position, words[0])
        chunks = [c.strip() for c in CHUNK_EDGE.split(text) if c.strip()]
        kept: list[str] = [
            c
            for i, c in enumerate(chunks)
            if not (self._is_aside(c) and not (subject_first and self._person_past_adverbial(c)))
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
        listed = self._first_of_listed_names(kept) if subject_first else None
        if listed is not None:  # "Sens. Tom Carper, Dianne Feinstein and Ben Cardin said"
            return Subject(self.fullest_name(listed, position), "person")
        if nearest_last:
            ordered = kept[-1:]
        elif subject_first:  # the subject sits next to the verb, past any apposition
            # "…, 1 января 2020 года, апостол Опоку Ониина объяснил": a title may open it
            ordered = [
                c for c in reversed(kept) if not _opens_lower(c) or self._opens_with_title(c)
            ] or kept[-1:]
            if len(kept) >= 2 and self._is_apposition_of(kept[-2], kept[-1]):
                kept = ordered = kept[:-1]  # "Officials at X, a division of Y, said"
        else:
            ordered = kept[:3]
        for chunk in ordered:
            person_named = None if subject_first else self._person_after_description(kept, chunk)
            if person_named is not None:  # "affirme le directeur de l'OMS, Matshidiso Meti"
                return Subject(self.fullest_name(person_named, position), "person")
            if self._opens_with_possessive_name(WORD.findall(chunk, 0, 80)[:2]):
                named = self._person_in_apposition(kept, chunk, position)
                if named is not None:  # "Roy Cooper, McCrory's opponent, said": Cooper
                    return named
            if (
                self._names_modify_a_noun(chunk)
                or self._opens_description(chunk)
                or (
                    not subject_first
                    and chunk is ordered[0]
                    and self._opens_with_noun(chunk)
                    and not self._names_in(chunk)
                )
                or (
                    not subject_first
                    and chunk is ordered[0]
                    and self._opens_with_person_noun(chunk)
                )
            ):  # "escribió el zoo en su cuenta de Facebook, y precisó que Kidogo": the zoo
                described = self._describe(chunk, position, subject_first)
                if described is not None:
                    return described
                continue
            if not subject_first and chunk is ordered[0] and self._opens_with_noun(chunk):
                described = self.person_described_before_complement(chunk, position)
                if described is not None:  # "dijo el ganador de premios Grammy"
                    return described
            names = self._names_in(chunk)
            people = [n for n, is_org in names if not is_org]
            if people:
                if subject_first:
                    person = people[0] if shares_subject else people[-1]
                else:  # "— написала Аллену в ответ сенатор Лена Тейлор": the nominative
                    person = first_subject(people, self.lex.language)
                return Subject(self.fullest_name(person, position), "person")
            if names:
                return Subject(names[-1][0], "organization")
            chunk_words = WORD.findall(chunk)
            if chunk_words and chunk_words[-1].casefold() in self.lex.pronouns and subject_first:
                return self.last_antecedent(position, chunk_words[-1])
        chunk = kept[-1] if subject_first else kept[0]
        described = self._describe(chunk, position, subject_first)
        if described is None and subject_first and ordered and ordered[0] is not chunk:
            # "Mientras que el artículo 205, más específico, señala": past the aside
            described = self._describe(ordered[0], position, subject_first)
        return described

    def _object_relative_subject(self, text: str, position: int) -> Subject | None:
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
        return Subject(self.fullest_name(people[0], position), "person")

    def _object_relative_pattern(self) -> regex.Pattern[str] | None:
        key = id(self.lex)
        if key not in _OBJECT_RELATIVE_PATTERNS:
            _OBJECT_RELATIVE_PATTERNS[key] = (
                regex.compile(
                    rf"(?<![\p{{L}}’'-])(?i:{alternation(self.lex.object_relatives)})"
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
        named = words[1:] if words and words[0].casefold() in self.lex.place_words else words
        if not named or not all(w[:1].isupper() for w in named):
            return False  # "in Alpena, Michigan" or, with a place word, "в Алпене, штат Мичиган"
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

    def _person_after_description(self, chunks: list[str], description: str) -> str | None:
        """The full name alone in one of the two phrases after a description that opens with
        a determiner ("said the director of the WHO (WHO), Jane Roe"): the person described."""
        first = WORD.match(description)
        # where there are no articles, a description opens lower-case ("отец Рамбхи, Девси")
        articleless = self.lex.determiners <= self.lex.indefinite_determiners
        opens_with_determiner = first is not None and (
            first.group().casefold() in self.lex.determiners
            or bool(ELIDED_ARTICLE.match(description))
            or (articleless and first.group()[:1].islower())
        )
        if not opens_with_determiner:
            return None
        at = chunks.index(description)
        for beside in chunks[at + 1 : at + 3]:
            people = [n for n, is_org in self._names_in(beside) if not is_org]
            alone = beside.strip(" .;:\u00a0")  # "…, Marta Keller.;": the name alone
            # "Julio Soler": a first name that is also a month is still part of the name
            if (
                len(people) == 1
                and (" " in alone or articleless)
                and people[0] in alone
                and NAME_RUN.fullmatch(alone)
            ):
                return alone
        return None

    def _person_in_apposition(
        self, chunks: list[str], description: str, position: int
    ) -> Subject | None:
        """The one person named by the phrase beside a possessive description ("X's niece,
        state Del. Marta Quill, shouted"): the description says who the person is to X."""
        at = chunks.index(description)
        for beside in chunks[at + 1 : at + 2] + chunks[max(0, at - 1) : at]:
            people = [n for n, is_org in self._names_in(beside) if not is_org]
            if len(people) == 1 and " " in people[0]:
                return Subject(self.fullest_name(people[0], position), "person")
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

    def _opens_with_noun(self, chunk: str) -> bool:
        """A definite article, then a word in lower case or a number: "el zoo", "der
        48-Jährige" (an indefinite one opens a new source, which `_opens_description` reads);
        or, where there are no articles, a person noun ("понтифик")."""
        words = WORD.findall(chunk, 0, min(len(chunk), 60))[:2]
        if (
            words
            and words[0][:1].islower()
            and words[0].casefold() not in self.lex.determiners
            and any(self._is_person_noun(w) for w in words)
        ):
            return True  # "понтифик", "ганского богослова" (an adjective first)
        return (
            len(words) == 2
            and words[0].casefold() in self.lex.determiners
            and words[0].casefold() not in self.lex.indefinite_determiners
            and (words[1][:1].islower() or words[1][:1].isdigit())
        )

    def _is_aside(self, chunk: str) -> bool:
        """Ages, relative clauses and participle asides are not the speaker."""
        if AGE_OR_NUMBER.match(chunk) or PARTY_AND_STATE.match(chunk):
            return True
        first = WORD.match(chunk)
        return bool(first) and (
            first.group().casefold() in self.lex.relatives
            or first.group().casefold() in self.lex.adverbial_starts
        )

    def _opens_with_title(self, chunk: str) -> bool:
        """ "апостол Опоку Ониина", "el ministro Juan Pérez": a title, then a name."""
        words = WORD.findall(chunk, 0, 80)[:2]
        return len(words) == 2 and self._is_title(words[0].casefold()) and words[1][:1].isupper()

    def _person_past_adverbial(self, chunk: str) -> bool:
        """ "В своем послании Опоку Ониина объяснил", "On Monday John Smith said": an
        adverbial opening the words before a verb, then a person, who is the subject."""
        first = WORD.match(chunk)
        if first is None or first.group().casefold() not in self.lex.adverbial_starts:
            return False
        if first.group().casefold() not in self.lex.prepositions:
            return False  # "When Paul Ryan said …, Trump responded": a clause, not a phrase
        people = [name for name, is_org in self._names_in(chunk) if not is_org]
        return bool(people) and chunk.rstrip(" ,\u00a0").endswith(people[-1])

    def _subject_attribution(self, subject: Subject | None, cue: str | None) -> Attribution | None:
        if subject is None:
            return None
        return Attribution(subject.speaker, subject.kind, cue, rule=subject.rule)


def _opens_lower(chunk: str) -> bool:
    """A chunk opening lower-case, past an elided article ("l’ARS" opens with a name)."""
    elided = ELIDED_ARTICLE.match(chunk)
    return chunk[elided.end() if elided else 0 :][:1].islower()

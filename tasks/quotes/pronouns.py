"""Attribution step "pronoun": pronouns and bare verbs stand for the last person named.

"she said", "aseguró", "a-t-elle lancé": the speaker is the last person (of the pronoun's
gender when the article tells it) or the last sentence-opening unnamed source before the cue.
A speaker found so carries `rule = "pronoun"`. A definite description headed by a person noun
("precisó el profesional", "sagt der Landwirt", "сказал понтифик") stands, the same way, for
the person named in the sentences just before; it carries `rule = "description"`.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from tasks.quotes.kinds import description_kind
from tasks.quotes.morphology import dictionary_form, is_common_word, is_plural_only
from tasks.quotes.name_parts import is_role_compound
from tasks.quotes.patterns import (
    NAME_RUN,
    PRONOUN_PARTS,
    WORD,
    Mention,
    Subject,
)
from tasks.quotes.settings import (
    MAX_DESCRIPTION_HEAD_WORDS,
    MAX_DESCRIPTION_SENTENCES_BACK,
    MAX_NAME_OCCURRENCES,
    MIN_COMPOUND_HEAD_CHARS,
    TITLE_COMPOUND_MIN_CHARS,
)
from tasks.quotes.widen import FullestNames

PRONOUN_RULE = "pronoun"
DESCRIPTION_RULE = "description"


class ArticlePronouns(FullestNames):
    """Resolve a pronoun or a bare verb to the person the article named last."""

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
            if gender is not None and is_plural_only(mention.text.split()[0], self.lex.language):
                continue  # "Энтузиасты Твиттера … Он подчеркнул": a plural is no "он"
            if not mention.titles and self._after_body_article(mention.start):
                continue  # "la Guardia Civil continúa … ”, ha señalado": a body, not "he"
            return mention
        return None

    def _after_body_article(self, start: int) -> bool:
        """ "la Guardia Civil", "le Village": where people's names take no article, a name
        right after one names a body or a thing."""
        before = self._words_before(start)
        return bool(before) and before[-1] in self.lex.body_articles

    def _description_at(self, start: int) -> str | None:
        """An unnamed source opening the sentence at start ("Ein Analyst der Bank ...")."""
        if self._inside_quote(start + 1):
            return None
        end = min(len(self.body), start + 120)
        first = WORD.search(self.body, start, end)  # most sentences open otherwise: one word
        if first is None or first.group().casefold() not in self.lex.indefinite_determiners:
            return None
        words = WORD.findall(self.body, start, end)[:10]
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

    def last_antecedent(self, position: int, pronoun: str | None = None) -> Subject | None:
        """The last person (or sentence-opening unnamed source) mentioned before a position.

        pronoun: the words that hold the pronoun ("she", "a-t-elle"), for its gender.
        """
        gender = self._pronoun_gender(pronoun)
        person = self._last_person_before(position, gender)
        description = self._last_description_between(person.start if person else -1, position)
        if description is not None:
            return Subject(description, description_kind(description, self.lex), PRONOUN_RULE)
        if person is None:
            return None
        surname = person.text.split()[-1]
        if gender is not None and self._gender_of_person(person.text) is None:
            self._genders[surname] = gender  # "raconte Antoine … glisse-t-il": he, from now on
        return Subject(self.fullest_name(person.text, position), "person", PRONOUN_RULE)

    def sentence_opener(self, position: int, pronoun: str) -> Subject | None:
        """ "Mook explained that Marc Elias “…,” he wrote": a pronoun after a quote inside
        reported speech stands for the person who opens the sentence with a speech verb,
        not for the nearest name."""
        start = self._sentence_start(position)
        name = self._person_as_subject(start, position)
        if name is None or not self.lex.speech_verb.search(self._masked(start, position)):
            return None
        gender = self._pronoun_gender(pronoun)
        if gender is not None and self._gender_of_person(name) not in (None, gender):
            return None
        return Subject(name, "person", PRONOUN_RULE)

    def _is_person_noun(self, word: str) -> bool:
        """ "Landwirt", "CDU-Mitglied", "Präsidiumsmitglied": the word, the last part of a
        hyphenated compound, or the end of a closed compound when that end is long enough
        to be a noun of its own."""
        low = word.casefold()
        if low in self.lex.person_nouns or low.rpartition("-")[2] in self.lex.person_nouns:
            return True
        if dictionary_form(low.partition("-")[0], self.lex.language) in self.lex.person_nouns:
            return True  # "По словам ганского богослова": a description in the genitive
        return len(low) >= TITLE_COMPOUND_MIN_CHARS and any(
            low.endswith(noun)
            for noun in self.lex.person_nouns
            if len(noun) >= MIN_COMPOUND_HEAD_CHARS
        )

    def _opens_with_person_noun(self, chunk: str) -> bool:
        """A definite article, then a person noun, capitalised or not: "das
        CDU-Präsidiumsmitglied" is a description even though German capitalises it."""
        words = WORD.findall(chunk, 0, min(len(chunk), 80))[: MAX_DESCRIPTION_HEAD_WORDS + 1]
        if not (
            len(words) > 1
            and words[0].casefold() in self.lex.determiners
            and words[0].casefold() not in self.lex.indefinite_determiners
        ):
            return False
        head = next(
            (
                i
                for i, w in enumerate(words[1:], 1)
                if self._is_person_noun(w) or is_role_compound(w, self.lex)
            ),
            0,
        )  # "der AfD-Chef": a role compound heads one too
        # "die Bremer Wissenschaftlerin Sonia Lippke": a name after the noun is the speaker
        return 0 < head < MAX_DESCRIPTION_HEAD_WORDS and not (
            head + 1 < len(words) and words[head + 1][:1].isupper()
        )

    def person_described(self, words: list[str], position: int) -> Subject | None:
        """The person a definite description headed by a person noun stands for: the last
        person named outside quotes within the cue's sentence and the few before it.

        A description opening with an indefinite determiner ("eine Sprecherin") brings in a
        new, unnamed source and is left as written; so is one with no person close enough.
        """
        lowered = [w.casefold() for w in words]
        if not lowered or lowered[0] in self.lex.indefinite_determiners:
            return None
        if not any(
            self._is_person_noun(w) for w in lowered[:MAX_DESCRIPTION_HEAD_WORDS]
        ) and not self._opens_definite_description(words):
            return None
        gender = self._gender_of_words(lowered)
        fallback: str | None = None
        for run_start, mention in self._mentions_described_before(position):
            if mention.is_org:
                continue
            if not (mention.is_person_like or mention.titles):
                continue
            titled = " " in mention.text and self._used_as_title(mention.text.split()[0])
            if self._after_determiner(mention) and not titled:
                continue  # "das Essen der Tiere": a noun phrase; "el Papa Francisco" a person
            before = self._words_before(run_start) + mention.titles.split()
            while before and (
                self._is_title(before[-1])
                or is_common_word(before[-1].capitalize(), self.lex.language)
            ):  # "von der Kanzlei Karimi": the nouns before a name are no title there
                before.pop()
            if self._after_preposition(before):
                continue  # "ein Rückzugsort von Kanzlerin Angela Merkel": not who is described
            if gender is not None and self._gender_of_person(mention.text) not in (None, gender):
                continue
            if mention.titles:  # "Papa Francisco", "Premierminister Armin Laschet"
                return Subject(
                    self.fullest_name(mention.text, position), "person", DESCRIPTION_RULE
                )
            fullest = self.fullest_name(mention.text, position)
            if fallback is None and (" " in fullest or not self.lex.noun_determiners):
                fallback = fullest  # "Dirk Kalthaus"; "Leïla" where nouns are lower-case
        # a person given a title is preferred: in German a run of capitalised nouns
        # ("in ländlichen Gebieten von Stadtbewohnern") looks like a full name too
        return None if fallback is None else Subject(fallback, "person", DESCRIPTION_RULE)

    def person_described_before_complement(self, chunk: str, position: int) -> Subject | None:
        """ "dijo el ganador de diez premios Grammy", "a déclaré la lauréate du prix Goncourt":
        a definite description whose names all sit in a complement after a preposition
        stands for the person named before it, not for those names."""
        first_name = next((r for r in NAME_RUN.finditer(chunk) if r.start() > 0), None)
        words = WORD.findall(chunk, 0, first_name.start() if first_name else 0)
        if not any(w.casefold() in self.lex.prepositions for w in words[2:]):
            return None
        return self.person_described(WORD.findall(chunk), position)

    def _opens_definite_description(self, words: list[str]) -> bool:
        """ "el Papa argentino", "le chef de la CSU", "le crooner", "el también coordinador
        de …": a definite article, then a title or a lower-case noun that is no source,
        body or place, with no name before a preposition, stands for a person named before,
        whatever its noun. Only in languages that list person nouns: English news gives
        such phrases to documents, crowds and unnamed sources ("the survey", "the crowd")."""
        if not self.lex.person_nouns or len(words) < 2:
            return False
        first = words[0].casefold()
        if (
            first not in self.lex.determiners
            or first in self.lex.indefinite_determiners
            or first in self.lex.plural_determiners
        ):
            return False
        rest = [w for w in words[1:] if w.casefold() not in self.lex.verb_prefixes]
        if not rest:
            return False
        head = rest[0].casefold()
        if head in self.lex.source_nouns or head in self.lex.org_nouns:
            return False
        if head in self.lex.place_words or head in self.lex.pronouns:
            return False
        language = self.lex.language
        if not (
            self._is_title(head)
            or (rest[0].islower() and rest[0].isalpha())
            or self._used_as_title(rest[0])
            or is_common_word(rest[0], language)  # "die Hamburger Wissenschaftssenatorin"
        ):
            return False
        for word in rest[1:]:
            low = word.casefold()
            if low in self.lex.prepositions or low in self.lex.determiners:
                break
            if word[:1].isupper() and not (self._is_title(low) or is_common_word(word, language)):
                return False  # "la société Bayer": a name inside, not a description
        return True

    def _used_as_title(self, word: str) -> bool:
        """ "el Papa argentino" after "el Papa Francisco": a capitalised word the article
        puts right before a person's name elsewhere is a title there, whatever the lists say."""
        for run in self._runs_with_token(word)[:MAX_NAME_OCCURRENCES]:
            tokens = run.group().split()
            at = tokens.index(word) if word in tokens[:-1] else -1
            leading = all(t.casefold() in self.lex.determiners for t in tokens[:at])
            if at >= 0 and leading and not self._inside_quote(run.start()):
                mention = self._mention_at(run)
                if mention is not None and mention.is_person_like:
                    return True
        return False

    def organisation_described(self, words: list[str], position: int) -> Subject | None:
        """The body "la société", "La banque", "die Bank" stands for: the organisation named
        last outside quotes within the cue's sentence and the few before it (one marked as
        an organisation first, else a name no person, place or complement of a preposition).
        """
        lowered = [w.casefold() for w in words]
        if not (
            len(lowered) == 2
            and lowered[0] in self.lex.determiners
            and lowered[0] not in self.lex.indefinite_determiners
            and lowered[1] in self.lex.org_nouns
        ):
            return None
        fallback: str | None = None
        for run_start, mention in self._mentions_described_before(position):
            if mention.is_org:
                return Subject(mention.text, "organization", DESCRIPTION_RULE)
            if fallback is None and not mention.is_person_like and not mention.titles:
                before = self._words_before(run_start)
                first = mention.text.split()[0].casefold()
                if not self._after_preposition(before) and first not in self.lex.place_words:
                    fallback = mention.text
        return None if fallback is None else Subject(fallback, "organization", DESCRIPTION_RULE)

    def _mentions_described_before(self, position: int) -> Iterator[tuple[int, Mention]]:
        """(run start, mention) of the names outside quotes before `position`, nearest
        first, back to the start of the sentence `MAX_DESCRIPTION_SENTENCES_BACK` before
        the cue's: the people and bodies a description may stand for."""
        sentence = bisect.bisect_right(self.sentence_starts, position) - 1
        floor = self.sentence_starts[max(0, sentence - MAX_DESCRIPTION_SENTENCES_BACK)]
        runs = self.body_runs
        for i in range(bisect.bisect_left(self._body_run_starts, position) - 1, -1, -1):
            run_start = runs[i].start()
            if run_start < floor:
                return
            mention = self._mention_at(runs[i])
            if mention is not None and mention.end <= position:
                yield run_start, mention

    def _after_determiner(self, mention: Mention) -> bool:
        before = WORD.findall(self.body, max(0, mention.start - 20), mention.start)[-1:]
        return bool(before) and before[0].casefold() in self.lex.determiners

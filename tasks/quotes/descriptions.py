"""Descriptions as speakers: "a senior US official", "el portavoz", "der AfD-Chef".

The words around a speech verb that hold no name are a description. An indefinite one
("eine Sprecherin", "a senior official") brings in a new, unnamed source and is kept as
written; a definite one whose head is a title, a person noun or a noun the article itself
gives a person ("el portavoz" after "El portavoz de X, Omar Haddad") stands for that person;
one headed by an organisation noun ("la ONG") for the body named before.
"""

from __future__ import annotations

import bisect

import regex

from tasks.quotes.kinds import description_kind
from tasks.quotes.name_parts import is_role_compound
from tasks.quotes.patterns import (
    ELIDED_ARTICLE,
    ELIDED_WORD,
    LETTER,
    NAME_JOINERS,
    POSSESSIVE_ENDINGS,
    WORD,
    Mention,
    Subject,
)
from tasks.quotes.pronouns import DESCRIPTION_RULE, ArticlePronouns
from tasks.quotes.settings import (
    MAX_APPOSITION_WORDS,
    MAX_DESCRIPTION_HEAD_WORDS,
    MAX_DESCRIPTION_WORDS,
    MAX_ROLE_WORDS_BEFORE_NAME,
    MAX_RUNAWAY_DESCRIPTION_WORDS,
    MIN_COMPOUND_HEAD_CHARS,
)

# Where an apposition after a name ends: ", portavoz de la Asociación X, a Público."
APPOSITION_END = regex.compile(r"[,.;:!?()\n]")


class ArticleDescriptions(ArticlePronouns):
    """Read a description around a speech verb as an unnamed source or the person it names."""

    def _opens_clause(self, word: str, following: str) -> bool:
        """A conjunction or adverb before a complementizer: "Alors que", "Mientras que"."""
        complementizer = self.lex.complementizer
        if complementizer is None or not complementizer.fullmatch(following):
            return False
        low = word.casefold()
        return low in self.lex.non_name_words or low in self.lex.conjunctions

    def _describe(self, chunk: str, position: int, subject_first: bool) -> Subject | None:
        """An unnamed source as written ("a senior US official"), or a title resolved."""
        words = chunk.split()
        complementizer = self.lex.complementizer
        while words and (
            words[0].casefold() in self.lex.conjunctions
            or words[0].casefold() in self.lex.adverbial_starts
            # "Mientras que el artículo 205": the complementizer after a conjunction
            or (
                len(words) > 1 and complementizer is not None and complementizer.fullmatch(words[0])
            )
        ):
            words.pop(0)
        if len(words) > 1 and self._opens_clause(words[0], words[1]):
            del words[:2]  # "Alors que le directeur …": the subordinator opens the clause
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
        while len(kept) > 1 and (
            kept[-1].casefold() in self.lex.clitics or kept[-1].casefold() in self.lex.conjunctions
        ):  # "Un restaurateur … se dit", "so der Experte und erklärt": the verb's words
            kept.pop()
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
            (w.isalpha() or self._is_person_noun(w) or is_role_compound(w, self.lex))
            and w.casefold() not in self.lex.determiners
            for w in description_words
        ):
            return None
        opening = [w.casefold() for w in description_words[:3]]
        elided_head = ELIDED_ARTICLE.match(description)
        if not (
            elided_head
            or opening[0] in self.lex.determiners
            or self._opens_with_possessive_name(description_words)
            or any(w in self.lex.source_nouns or w in self.lex.titles for w in opening)
            or any(self._is_person_noun(w) for w in opening)
        ):
            return None  # "Several weeks ago", "Claiming the criticism": not a speaker
        head = description.split()[-1].casefold()
        first = description.split()[0].casefold()
        elided = ELIDED_WORD.match(first)
        if elided:
            head = elided.group(1).casefold() if len(kept) == 1 else head
        definite = first in self.lex.determiners and first not in self.lex.indefinite_determiners
        role = self._role_head(description_words)
        if role is not None:  # "el presidente andaluz" after "el presidente …, Juanma Moreno"
            named = self.person_given_role(role, description_words, position)
            if named is not None:
                return Subject(named, "person", DESCRIPTION_RULE)
        if head in self.lex.titles and (definite or elided):  # "eine Sprecherin": unnamed
            named = self.person_with_title(head, position)
            if named:
                return Subject(named, "person")
        described = self.person_described(
            description_words, position
        ) or self.organisation_described(description_words, position)
        if described is not None:
            return described
        return Subject(description, description_kind(description, self.lex))

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

    def _role_head(self, words: list[str]) -> str | None:
        """The role noun of a definite description ("el portavoz del grupo", "la jeune
        femme", "der AfD-Chef"): a title, person or source noun, or role compound among the
        first words after a definite article, before any preposition; None otherwise."""
        if len(words) < 2 or words[0].casefold() not in self.lex.definite_articles:
            return None
        for word in words[1 : 1 + MAX_DESCRIPTION_HEAD_WORDS]:
            low = word.casefold()
            if low in self.lex.prepositions or low in self.lex.determiners:
                return None
            if low in self.lex.org_nouns or low in self.lex.org_words:
                return None  # "el ministerio de Exteriores": a body, no person's role
            if (
                self._is_title(low)
                or low in self.lex.source_nouns
                or self._is_person_noun(word)
                or is_role_compound(word, self.lex)
            ):
                return word
        return None

    def person_given_role(self, role: str, words: list[str], position: int) -> str | None:
        """The person nearest before `position` whom the article gives the role: in the words
        before the name ("El portavoz militar del grupo, Omar Haddad"; "AfD-Chef
        Björn Höcke") or in an apposition after it ("Pablo Ortiz, portavoz de …"). A role
        compound fits one of the same first part ("der AfD-Chef": "AfD-Spitzenkandidat");
        a description of one gender skips a person of the other. A body named after the role
        fits a person glossed with it ("le chef de la CSU": "Markus Söder (CSU)")."""
        gender = self._gender_of_words([w.casefold() for w in words])
        # "le chef de la CSU": the body the role is of, named in the person's gloss too
        bodies = {w for w in words[words.index(role) + 1 :] if w[:1].isupper()}
        runs = self.body_runs
        for i in range(bisect.bisect_left(self._body_run_starts, position) - 1, -1, -1):
            mention = self._mention_at(runs[i])
            if mention is None or not mention.is_person_like or mention.end > position:
                continue
            around = self._role_words_around(mention)
            if not any(self._fits_role(role, w) for w in around) and (
                bodies.isdisjoint(self._gloss_after(mention))
            ):
                continue
            if gender is not None and self._gender_of_person(mention.text) not in (None, gender):
                continue
            return self.fullest_name(mention.text, position)
        return None

    def _fits_role(self, role: str, word: str) -> bool:
        """ "presidente" ~ "presidente", "Chef" ~ "AfD-Chef", "kanzler" ~ "Bundeskanzler",
        "AfD-Chef" ~ "AfD-Spitzenkandidat" (the same party or body before the hyphen)."""
        low, other = role.casefold(), word.casefold()
        tail = low.rpartition("-")[2]
        if other == low or other.rpartition("-")[2] == tail:
            return True
        if len(tail) >= MIN_COMPOUND_HEAD_CHARS and other.endswith(tail):
            return True
        return (
            "-" in other
            and is_role_compound(role, self.lex)
            and low.partition("-")[0] == other.partition("-")[0]
        )

    def _role_words_around(self, mention: Mention) -> list[str]:
        """The words that may give a named person a role: its titles, the last words of its
        sentence before it, and an apposition after it (", portavoz de la Asociación")."""
        cached = self._roles_by_mention.get(mention.start)
        if cached is None:
            cached = self._roles_by_mention[mention.start] = self._role_words_uncached(mention)
        return cached

    def _role_words_uncached(self, mention: Mention) -> list[str]:
        """See `_role_words_around`."""
        start = max(self._sentence_start(mention.start), mention.start - 80)
        runs = self.body_runs  # back to the person before, whose role these words may be
        at = bisect.bisect_left(self._body_run_starts, mention.start) - 1
        while at >= 0 and runs[at].end() > start:
            earlier = self._mention_at(runs[at])  # the name's own run, if titled, is passed
            if earlier is not None and earlier.is_person_like and earlier.start != mention.start:
                start = runs[at].end()
                break
            at -= 1
        before = WORD.findall(self._masked(start, mention.start))
        words = mention.titles.split() + before[-MAX_ROLE_WORDS_BEFORE_NAME:]
        after = self.body[mention.end : mention.end + 100].lstrip("*\u00a0 ")
        if after.startswith(","):
            apposition = APPOSITION_END.split(after[1:], maxsplit=1)[0]
            if not self.lex.speech_verb.search(apposition):  # ", dijo el funcionario": a cue
                words += WORD.findall(apposition)[:MAX_APPOSITION_WORDS]
        return words

    def _gloss_after(self, mention: Mention) -> list[str]:
        """The words in parentheses right after a name: "Markus Söder (CSU)"."""
        after = self.body[mention.end : mention.end + 60].lstrip("\u00a0 ")
        if not after.startswith("(") or ")" not in after:
            return []
        return WORD.findall(after[1 : after.index(")")])

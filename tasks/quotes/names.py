"""Names in an article: capitalised runs cleaned of titles, and whether they name a person."""

from __future__ import annotations

import bisect
import itertools

import regex

from tasks.quotes.article import ArticleText
from tasks.quotes.kinds import names_organisation
from tasks.quotes.morphology import TAGGED_LANGUAGES, is_common_word
from tasks.quotes.name_parts import is_oblique_before_name, is_role_compound, is_title
from tasks.quotes.patterns import (
    ELIDED_ARTICLE,
    ELIDED_LOWER,
    LOWER_WORDS,
    NAME_RUN,
    POSSESSIVE,
    POSSESSIVE_ENDINGS,
    RUN_WORD,
    WORD,
    Mention,
    TitledRun,
)
from tasks.quotes.settings import (
    CLEAN_NAME_CACHE_SIZE,
    MAX_NAME_OCCURRENCES,
    MAX_NAME_TOKENS,
    MIN_ADJECTIVE_CHARS,
)

# The German genitive of a name ("Christian Eichners Premiere").
GENITIVE_ENDING = "s"
# What may follow an inverted subject that closes its clause ("glisse Leïla, …", "Antoine*").
INVERTED_SUBJECT_CLOSERS = frozenset(",.;:*!?)")


class ArticleNames(ArticleText):
    """Capitalised runs of the article read as names (titles dropped), person or body."""

    @property
    def titled_runs(self) -> list[TitledRun]:
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
                    self._titled_runs.append(TitledRun(run, context))
        return self._titled_runs

    def _clean_name(self, text: str) -> tuple[str, str]:
        """Drop titles and sentence words around a capitalised run; return (name, titles)."""
        cached = self._clean_cache.get(text)
        if cached is None:
            if len(self._clean_cache) > CLEAN_NAME_CACHE_SIZE:
                self._clean_cache.clear()
            cached = self._clean_cache[text] = self._clean_name_uncached(text)
        return cached

    def _clean_name_uncached(self, text: str) -> tuple[str, str]:
        tokens = self._cut_at_particle_after_noun(
            [
                t
                for t in ELIDED_ARTICLE.sub("", text.replace("\u00a0", " ")).split()
                if not ELIDED_LOWER.match(t)  # "J’ajoute": an elided pronoun and a verb
            ]
        )
        titles: list[str] = []
        if tokens and is_role_compound(tokens[-1], self.lex):
            return "", " ".join(tokens).casefold()  # "Thüringens AfD-Chef": a description
        while len(tokens) > 1 and (
            is_role_compound(tokens[0], self.lex)
            or is_oblique_before_name(tokens, self.lex.language)
        ):  # "CDU-Kontrahenten Mario Voigt", "России Владимир Путин": cut to the name
            titles.append(tokens.pop(0).casefold())
        owner = max(
            (i for i, t in enumerate(tokens[:-2]) if t.endswith(POSSESSIVE_ENDINGS)), default=-1
        )
        if owner >= 0:  # "ABC News’s Diane Sawyer": the owner qualifies the name after it
            titles.extend(t.casefold() for t in tokens[: owner + 1])
            tokens = tokens[owner + 1 :]
        inner = self._inner_determiner(tokens)
        if inner > 0 and tokens[inner] in self.lex.genitive_determiners:
            # "Besuch des Bundeskanzlers Angela Merkel": a noun, then the name it governs
            titles.extend(t.casefold() for t in tokens[: inner + 1])
            tokens = tokens[inner + 1 :]
        elif inner > 0:  # "Eva Erben den Holocaust", "Regierungsköpfen der Corona-Krise":
            tokens = tokens[:inner]  # a name or noun, then its object or complement
        while tokens:
            low = tokens[0].casefold().rstrip(",")
            is_title = self._is_title(low)
            if is_title or low in self.lex.non_name_words or low in self.lex.prepositions:
                titles.append(low)
                tokens.pop(0)
                if len(tokens) == 1 and low in self.lex.noun_determiners:
                    return "", " ".join(titles)  # "Wegen der Inkubationszeit": a noun
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
        language = self.lex.language
        while (
            language in TAGGED_LANGUAGES
            and len(tokens) > 1
            and is_common_word(tokens[0], language)
            and not all(is_common_word(t, language) for t in tokens[1:])
        ):  # "Hamburger Grünen-Spitzenkandidatin Katharina Fegebank": nouns before a name
            titles.append(tokens.pop(0).casefold())
        if tokens:
            tokens[-1] = POSSESSIVE.sub("", tokens[-1])
            if tokens[-1].endswith(".") and len(tokens[-1]) > 2:
                tokens[-1] = tokens[-1][:-1]
        while tokens and (
            tokens[-1].casefold() in self.lex.non_name_words or not tokens[-1][:1].isupper()
        ):
            tokens.pop()
        return " ".join(tokens), " ".join(titles)

    def _cut_at_particle_after_noun(self, tokens: list[str]) -> list[str]:
        """ "Nettozahler-Allianz von Österreich", "Sabine Fischer-Volk von der Kanzlei
        Karimi": where the tagger knows common nouns, a particle joins two parts of one name
        ("Ursula von der Leyen") only when neither the word before it nor the word after it
        is a common noun; otherwise the run ends before it."""
        language = self.lex.language
        if language not in TAGGED_LANGUAGES:
            return tokens
        for i in range(1, len(tokens) - 1):
            if not tokens[i].islower() or tokens[i - 1].islower():
                continue
            after = next((t for t in tokens[i + 1 :] if not t.islower()), "")
            if is_common_word(tokens[i - 1], language) or is_common_word(after, language):
                return tokens[:i]
        return tokens

    def _inner_determiner(self, tokens: list[str]) -> int:
        """Where every noun is capitalised, the last lower-case determiner right after a
        capitalised word inside a run ("Besuch des Bundeskanzlers"), or -1; after a particle
        ("Ursula von der Leyen") it belongs to the name."""
        if not self.lex.noun_determiners:
            return -1
        for i in range(len(tokens) - 2, 0, -1):
            word = tokens[i]
            if word.islower() and word in self.lex.noun_determiners and tokens[i - 1][:1].isupper():
                return i
        return -1

    def _is_title(self, word: str) -> bool:
        """A title, or a compound ending in one ("Polizeisprecher")."""
        return is_title(word, self.lex)

    def _title_context(self, start: int, titles: str) -> str:
        """The titles and the few words before a name ("la maire de X, Hélène ...")."""
        words = WORD.findall(self.body, max(0, start - 40), start)
        return (titles + " " + " ".join(words)).casefold()

    def _opens_sentence(self, position: int) -> bool:
        i = bisect.bisect_right(self.sentence_starts, position) - 1
        return i >= 0 and not WORD.search(self.body, self.sentence_starts[i], position)

    def _words_before(self, position: int) -> list[str]:
        return [w.casefold() for w in self._raw_words_before(position)]

    def _raw_words_before(self, position: int) -> list[str]:
        """The two words before a position, as written (their case kept)."""
        words = self.body[max(0, position - 30) : position].split()[-2:]
        return [w.strip(',;:()"“”«»') for w in words]

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

    def _is_noun_after(self, name: str, words_before: list[str]) -> bool:
        """ "die Lage", "einer Meinung", "14 Tagen", "die ernste Situation": where every noun
        is capitalised, one word alone after a determiner (an adjective between allowed) or a
        number is a noun, not a name. `words_before` keep their case."""
        if not self.lex.noun_determiners or not words_before or " " in name:
            return False
        last = words_before[-1].casefold()
        if last in self.lex.noun_determiners or last.isdigit():
            return True
        if self._is_inflected_adjective(words_before[-1]) and not any(
            " " in fuller for _, fuller in self._names_containing(name)
        ):
            return True  # "ganze Kontinente", "junger Landwirte"; not a surname of the article
        return (
            len(words_before) > 1
            and words_before[-1][:1].islower()
            and not self.lex.speech_verb.fullmatch(last)
            and words_before[-2].casefold() in self.lex.noun_determiners
        )

    def _is_inflected_adjective(self, word: str) -> bool:
        """A lower-case word ending like an inflected adjective ("ganze", "komplexen"), and
        no verb, conjunction, preposition or other function word."""
        low = word.casefold()
        return (
            word[:1].islower()
            and len(low) > MIN_ADJECTIVE_CHARS
            and low.endswith(self.lex.adjective_endings)
            and not low.endswith(self.lex.verb_endings)
            and low not in self.lex.non_name_words
            and low not in self.lex.prepositions
            and low not in self.lex.conjunctions
            and low not in self.lex.pronouns
            and not self.lex.speech_verb.fullmatch(low)
        )

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
        if not name or self._is_common_phrase(name):
            return None
        start = self._name_start(run, name)
        tokens = [t.casefold() for t in name.split()]
        is_org = names_organisation(name, self.lex)
        is_person_like = not (
            is_org
            or tokens[0] in self.lex.place_words
            or self._after_preposition(self._words_before(start))
            or (
                bool(self.lex.noun_determiners)
                and self._is_noun_after(name, self._raw_words_before(start))
            )
        )
        if is_person_like and len(tokens) == 1:
            is_person_like = (
                self._followed_by_speech_verb(start + len(name))
                or self._after_speech_verb(start, start + len(name))
                or any(" " in fuller for _, fuller in self._names_containing(name))
                or self._titled_somewhere(name)
            )
        return Mention(start, start + len(name), name, titles, is_org, is_person_like)

    def _titled_somewhere(self, surname: str) -> bool:
        """ "Uno-Chef Guterres", "la ministre Dupont": a word the article gives a title
        before, anywhere, names a person."""
        for run in self._runs_with_token(surname)[:MAX_NAME_OCCURRENCES]:
            name, titles = self._clean_name(run.group())
            if name == surname and any(
                is_title(w.rpartition("-")[2], self.lex) for w in titles.split()
            ):
                return True
        return False

    def _is_common_phrase(self, name: str) -> bool:
        """Where every noun is capitalised, a run of common nouns and adjectives only
        ("Saisonale Arbeitskräfte", "Anerkennung"; the language's tagger) names nobody,
        unless the article writes one of its words, or its genitive, inside a name that
        holds a word the tagger reads as a name ("Busse" after "Rainhard Busse", "Eichner"
        after "Christian Eichners"): surnames that are also nouns stay names."""
        language = self.lex.language
        if language not in TAGGED_LANGUAGES:
            return False
        words = name.split()
        if names_organisation(name, self.lex) or not all(
            is_common_word(word, language) for word in words
        ):
            return False  # "Deutsche Bank": a body named by common words
        return not any(
            self._inside_a_name(form) for word in words for form in (word, word + GENITIVE_ENDING)
        )

    def _inside_a_name(self, word: str) -> bool:
        """A word the article writes next to a word the tagger reads as a name ("Rainhard
        Busse"); "Die Hamburger Grünen-Spitzenkandidatin Katharina Fegebank" holds
        "Hamburger" among nouns, not inside the name."""
        language = self.lex.language
        for _, fuller in self._names_containing(word):
            parts = fuller.split()
            for i, part in enumerate(parts):
                if part != word:
                    continue
                neighbours = parts[max(i - 1, 0) : i] + parts[i + 1 : i + 2]
                if any(not is_common_word(n, language) for n in neighbours):
                    return True
        return False

    @staticmethod
    def _name_start(run: regex.Match[str], name: str) -> int:
        """Where the cleaned name starts inside its run (titles dropped)."""
        return run.start() + max(run.group().find(name.split()[0]), 0)

    def _followed_by_speech_verb(self, position: int) -> bool:
        return bool(self.lex.speech_verb.match(self.body, position + 1, position + 60)) and (
            self.body[position : position + 1] == " "
        )

    def _after_speech_verb(self, start: int, end: int) -> bool:
        """ "glisse Leïla, étudiante …", "raconte Antoine*.": a name right after a speech
        verb that closes its clause is the verb's inverted subject, a person ("says
        Hillsborough is …" opens reported speech instead)."""
        if self.body[end : end + 1] not in INVERTED_SUBJECT_CLOSERS:
            return False
        before = self._raw_words_before(start)
        return bool(before) and bool(self.lex.speech_verb.fullmatch(before[-1].casefold()))

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
            if (
                token in tokens
                and not any(t.casefold() in self.lex.org_words for t in tokens)
                and not (tokens[-1] != token and tokens[-1].casefold() in self.lex.place_words)
            ):  # "Hillsborough County" is no fuller name of a person "Hillsborough"
                found.append((run.start(), name))
        self._names_by_token[token] = found
        return found

    def _runs_with_token(self, token: str) -> list[regex.Match[str]]:
        """The capitalised runs of the body holding a word (possessive dropped), in order.

        A run holding the word twice is listed twice.
        """
        found = self._runs_by_word.get(token)
        if found is None:
            found = self._runs_holding(token) if RUN_WORD.fullmatch(token) else []
            self._runs_by_word[token] = found
        return found

    def _runs_holding(self, token: str) -> list[regex.Match[str]]:
        """A few look-ups per article: each finds the token in the runs' joined texts and
        reads only the runs it occurs in, instead of indexing every word of every run."""
        runs = self.body_runs
        if self._joined_runs is None:
            texts = [run.group() for run in runs]
            offsets = list(itertools.accumulate([len(text) + 1 for text in texts], initial=0))
            self._joined_runs = ("\n".join(texts), offsets)
        joined, offsets = self._joined_runs
        found: list[regex.Match[str]] = []
        read = -1
        at = joined.find(token)
        while at >= 0:
            i = bisect.bisect_right(offsets, at) - 1
            if i != read:
                read = i
                for word in joined[offsets[i] : offsets[i + 1] - 1].split():
                    if word.endswith(POSSESSIVE_ENDINGS):
                        word = word[: -2 if word[-1] == "s" else -1]
                    if word == token:
                        found.append(runs[i])
            at = joined.find(token, at + 1)
        return found

    def _used_as_name(self, token: str) -> bool:
        """A capitalised word the article also uses inside a longer name or mid-sentence."""
        for start, name in self._names_containing(token):
            if " " in name or not self._opens_sentence(start):
                return True
        return False

    def _names_in(self, text: str) -> list[tuple[str, bool]]:
        """Names in a phrase as (name, is_org), skipping those after a preposition.

        A lone capitalised word opening the phrase ("Unfortunately", "Inoltre") counts
        only if the article uses it as a name elsewhere. The answer depends on the phrase
        and the article only, so it is kept per phrase (a quarter of the calls repeat one).
        """
        cached = self._names_in_phrase.get(text)
        if cached is None:
            cached = self._names_in_phrase[text] = self._names_in_uncached(text)
        return cached

    def _names_in_uncached(self, text: str) -> list[tuple[str, bool]]:
        names: list[tuple[str, bool]] = []
        runs = list(NAME_RUN.finditer(text))
        for i, run in enumerate(runs):
            name, titles = self._clean_name(run.group())
            if (
                not name
                or self._is_common_phrase(name)
                or (
                    i + 1 < len(runs)
                    and self._is_role_of_next(
                        text[run.end() : runs[i + 1].start()],
                        bool(self._clean_name(runs[i + 1].group())[1]),
                    )
                )
            ):
                continue
            titled = any(self._is_title(t) for t in titles.split())
            before = WORD.findall(text, 0, run.start())
            if (
                (
                    before
                    and not titled  # "Secretary of State Jane Holt": the title took the "of"
                    and self._after_preposition([w.casefold() for w in before[-2:]])
                )
                or (not titled and self._is_noun_after(name, before))
            ):
                continue
            if not before and " " not in name and not titled and not self._used_as_name(name):
                # "l’ARS" alone: the elided article is no word of its own
                lone_word = name == ELIDED_ARTICLE.sub("", text).strip(" ,;:")
                if not lone_word or name.casefold().endswith(self.lex.adverb_endings):
                    continue  # "Unfortunately, ...", "Inoltre l’assessore ..."
                if self.lex.speech_verb.fullmatch(name.casefold()):
                    continue  # "Dijo: “…”": a bare verb opening the sentence
            names.append((name, names_organisation(name, self.lex)))
        return names

    def _first_of_listed_names(self, chunks: list[str]) -> str | None:
        """The first person of a subject that lists names only ("X, Y and Z"), the one a
        reader names first; None unless every phrase is a person's name."""
        if len(chunks) < 2:
            return None
        last = [w for w in WORD.findall(chunks[-1]) if w.casefold() in self.lex.conjunctions]
        if len(last) != 1:
            return None
        head, _, tail = chunks[-1].partition(f" {last[0]} ")
        phrases = [*chunks[:-1], head, tail]
        if not all(p and self._name_closing(p) == p for p in phrases):
            return None
        return self._names_in(phrases[0])[0][0]

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

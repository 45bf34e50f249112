"""Own-sentence cues after a quote: ", said X", "X said", "according to X", "— X"."""

from __future__ import annotations

import re

import regex

from tasks.quotes.morphology import dictionary_form
from tasks.quotes.patterns import (
    DASH_NAME,
    MASK,
    PAREN_NAME,
    PHRASE_SENTENCE_END,
    SOURCE_END,
    WORD,
    Attribution,
    Subject,
)
from tasks.quotes.settings import (
    MAX_NAME_TOKENS,
    MAX_TIME_PHRASE_WORDS,
    MAX_WORDS_BEFORE_TRAILING_VERB,
    MIN_VERB_ADVERB_ENDING_CHARS,
)
from tasks.quotes.subjects import ArticleSubjects


class CuesAfterQuote(ArticleSubjects):
    """The attribution that follows a closing mark in the same sentence."""

    def _according_cues(self, trailing: str) -> set[str]:
        return {m.group("cue") for m in self.lex.according_to.finditer(trailing)}

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
        signed = PAREN_NAME.match(text)
        if signed:
            people = [n for n, is_org in self._names_in(signed.group("who")) if not is_org]
            if people == [signed.group("who").strip()]:
                return Attribution(self.fullest_name(people[0], position), "person", "()")
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
        if between and between[0] in self.lex.manner_openers:
            # "“…,” as Van Jackson, a professor at …, puts it": the name after "as" speaks
            opener = WORD.search(before_verb)
            head = before_verb[opener.end() :].split(",")[0].strip() if opener else ""
            if head and self._name_closing(head) == head:
                subject = self.resolve_subject(head, position, subject_first=True)
                return self._subject_attribution(subject, verb.group("verb"))
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
        if self.lex.is_inverted(cue) or "-t’" in cue:
            subject = self.last_antecedent(position, cue)
        elif WORD.search(subject_words):
            pronoun = subject_words.strip(" ,\u00a0")
            subject = (
                self.sentence_opener(position, pronoun)
                if pronoun.casefold() in self.lex.pronouns
                else None
            ) or self.resolve_subject(subject_words, position, subject_first=True)
        else:
            subject = None
        if subject is None and not self.lex.is_inverted(cue):  # "…", sagte sie / dijo la alcaldesa
            after_verb = self._past_time_phrase(PHRASE_SENTENCE_END.split(text[verb.end() :])[0])
            article = cue.rpartition(" ")[2]
            if article.casefold() in self.lex.definite_articles:
                after_verb = f"{article} {after_verb}"  # "so der CDU-Spitzenkandidat": a subject
            subject = self._institution_after_verb(after_verb) or self.resolve_subject(
                after_verb, position, subject_first=False
            )
            if subject is None and not between and self._opens_adverbial(after_verb):
                # "«…», dijo efusivamente, en el momento justo": a bare verb
                subject = self.last_antecedent(position)
        return self._subject_attribution(subject, cue)

    def _past_time_phrase(self, after_verb: str) -> str:
        """ "afirmó este lunes la alcaldesa X", "a déclaré lundi Jean X", "sagte am Montag
        der Minister": the words after a time phrase that opens the words after a verb, when
        they go on with a subject (an article, a person noun or a capitalised word)."""
        limit = min(len(after_verb), 40)
        for word in list(WORD.finditer(after_verb, 0, limit))[:MAX_TIME_PHRASE_WORDS]:
            low = word.group().casefold()
            if low in self.lex.time_words:
                rest = after_verb[word.end() :]
                following = WORD.search(rest)
                if following is None or rest[: following.start()].strip(" \u00a0"):
                    return after_verb  # "dijo hoy, en Madrid": no subject goes on
                first = following.group()
                if (
                    first[:1].isupper()
                    or first.casefold() in self.lex.determiners
                    or self._is_person_noun(first)
                    or self._is_title(first.casefold())
                ):
                    return rest
                return after_verb
            if word.group()[:1].isupper():
                return after_verb  # a name before any time word
        return after_verb

    def _opens_adverbial(self, after_verb: str) -> bool:
        """The words after a verb open with an adverb ("efusivamente", "récemment") or a
        preposition ("en una entrevista"), not a subject: the verb has none of its own."""
        first = WORD.search(after_verb, 0, min(len(after_verb), 40))
        if first is None:
            return False
        word = first.group().casefold()
        return (
            word in self.lex.prepositions
            or word in self.lex.adverbial_starts
            or any(
                word.endswith(ending) and len(word) > len(ending) + 1
                for ending in self.lex.adverb_endings
                if len(ending) >= MIN_VERB_ADVERB_ENDING_CHARS
            )
        )

    def _institution_after_verb(self, after_verb: str) -> Subject | None:
        """ "— добавили в полиции": a verb without a subject, then "in" and a body, is what
        that body said; the body in its dictionary form ("полиция")."""
        words = WORD.findall(after_verb, 0, min(len(after_verb), 60))[:2]
        if len(words) < 2 or words[0].casefold() not in self.lex.institution_prepositions:
            return None
        body = dictionary_form(words[1].casefold(), self.lex.language)
        return Subject(body, "organization") if body in self.lex.org_nouns else None

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
        return Attribution(subject.speaker, subject.kind, verb.group("verb"), rule=subject.rule)

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

    def _quoted_as(self, quoted: regex.Match[str], position: int) -> Attribution | None:
        subject = self.resolve_subject(quoted.group("who"), position, subject_first=True)
        if subject is None:
            return None
        via = self._source_phrase(quoted.group("via"))
        return Attribution(subject.speaker, subject.kind, "quoted ... as saying", via, subject.rule)

    def _source_phrase(self, text: str) -> str:
        """The relay as the article names it: the name that closes the phrase ("Russia's
        state news agency TASS": TASS), else the whole phrase ("Russian media")."""
        phrase = text.rpartition(MASK.strip())[2].rpartition(",")[2].strip(' ,;:"”“\u00a0')
        names = self._names_in(phrase)
        if names and phrase.endswith(names[-1][0]):
            return names[-1][0]
        words = phrase.split()
        while len(words) > 1 and words[0].casefold() in self.lex.conjunctions:
            words.pop(0)
        return " ".join(words)

"""Attribution step "widen_name": a surname or a title becomes the fullest name given.

"Lindqvist" becomes "Anna K. Lindqvist" and "the mayor" the person the article calls mayor,
nearest before the quote when several fit. Every named speaker passes through this step.
"""

from __future__ import annotations

from tasks.quotes.names import ArticleNames
from tasks.quotes.patterns import (
    NAME_RUN,
    OPENING_PHRASE_CLOSE,
    POSSESSIVE_ENDINGS,
    WORD,
    contains_run,
)
from tasks.quotes.settings import (
    MAX_NAME_TOKENS,
)


class FullestNames(ArticleNames):
    """Widen a surname or a title to the fullest name the article gives."""

    def fullest_name(self, name: str, position: int) -> str:
        """The longest name in the article that contains this one, nearest before if several."""
        tokens = name.split()
        if not tokens:
            return name
        best = name
        best_key: tuple[int, int] = (len(tokens), -1)
        for start, fuller in self._names_containing(tokens[-1]):
            fuller_tokens = fuller.split()
            if len(fuller_tokens) <= len(tokens) or not contains_run(fuller_tokens, tokens):
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

    def person_with_title(self, title: str, position: int) -> str | None:
        """The named person nearest to a position whose title matches ("the mayor"); the
        title's other gender in the lists ("kanzler", "kanzlerin") only when none does."""
        other_forms = tuple(e for e in self.lex.title_endings if e.startswith(title))
        named = self._nearest_titled(title, (title,), position)
        if named is None and other_forms:
            named = self._nearest_titled(title, other_forms, position)
        return self.fullest_name(named, position) if named else None

    def _nearest_titled(self, title: str, forms: tuple[str, ...], position: int) -> str | None:
        best: tuple[int, str] | None = None
        compound = title.endswith(self.lex.title_endings)
        for titled in self.titled_runs:
            if not any(form in titled.title_context for form in forms) and not (
                compound
                and any(len(w) > len(title) and w.endswith(forms) for w in titled.title_context)
            ):  # "der Kanzler" after "Bundeskanzler Sebastian Kurz"
                continue
            m = self._mention_at(titled.run)
            if m is None or not m.is_person_like:
                continue
            distance = abs(m.start - position)
            if best is None or distance < best[0]:
                best = (distance, m.text)
        return best[1] if best else None

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

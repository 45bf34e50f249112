"""Attribution step "own_sentence": the cue in the quote's own sentence.

Looks after the closing mark (", said X"), then before the opening mark ("X said:"), then at
a comma handing the quote on from a sentence whose subject is a person, then at the cue of a
quote joined to this one by "and" or a comma ("“…” and “…,” Dean said").
"""

from __future__ import annotations

import regex

from tasks.quotes.cue_before import CuesBeforeQuote
from tasks.quotes.patterns import (
    MAX_COORDINATION_CHARS,
    PHRASE_SENTENCE_END,
    SOURCE_END,
    WORD,
    Attribution,
)

OWN_SENTENCE_RULE = "own_sentence"
# What sets off a speech verb inside the marks ("…, dit-il", "… —dijo Ana—"), and ends its
# subject.
INCISE_OPENER = regex.compile(r"[,—–][ \u00a0]*")
INCISE_END = regex.compile(r"[,.;:!?—–()]")


class OwnSentence(CuesBeforeQuote):
    """Find the speaker named in the quote's own sentence."""

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

    def _incise_inside(self, index: int) -> Attribution | None:
        """ "« Je suis inquiet, glisse-t-il. J’avais … »", "“Esto no cambiará —dijo Ana
        Ruiz—, y lo sabemos”": a speech verb set off by a comma or a dash inside the marks
        of the quote's first sentence, with its pronoun joined or a name (or a definite
        description) right after it, is the quote's own cue."""
        span = self.spans[index]
        start, end = span.segments[0]
        first_sentence = PHRASE_SENTENCE_END.search(self.body, start, end)
        limit = first_sentence.start() if first_sentence else end
        for opener in INCISE_OPENER.finditer(self.body, start, limit):
            verb = self.lex.speech_verb.match(self.body, opener.end(), limit)
            if verb is None:
                continue
            cue = verb.group("verb")
            if self.lex.is_inverted(cue):
                return self._subject_attribution(self.last_antecedent(span.open_at, cue), cue)
            subject = INCISE_END.split(self.body[verb.end() : end], maxsplit=1)[0]
            if self._names_in(subject) or self._role_head(WORD.findall(subject)) is not None:
                found = self.resolve_subject(subject, span.open_at, subject_first=False)
                return self._subject_attribution(found, cue)
        return None

    def own_sentence(self, index: int, is_partial: bool) -> Attribution | None:
        """The speaker the quote's own sentence names, or None to look further."""
        span = self.spans[index]
        inside = self._incise_inside(index)
        if inside is not None:
            return inside
        trailing = self._trailing_text(index)
        sentence_start = self._sentence_start(span.open_at)
        leading_start = self._leading_start(sentence_start, span.open_at)
        leading = self._masked(leading_start, span.open_at)
        after = self._from_trailing(trailing, span.close_at + 1)
        according_after = after is not None and after.cue in self._according_cues(trailing)
        colon_then_own_report = leading.rstrip(" \u00a0").endswith(":") and (
            after is not None and self._opens_own_report(trailing, after.cue)
        )
        if after is not None and not according_after and not colon_then_own_report:
            return after
        before = self._from_leading(leading, span.open_at, is_partial, leading_start)
        if after is not None and not according_after:
            # "Rossi: “…” El ministro aseguró que …": the verb after reports a speech of its own
            return before if before is not None and before.speaker else after
        if after is not None:  # "according to" after the quote: a relay if a speaker precedes
            if before is not None and before.cue and self.lex.according_to.match(before.cue + " "):
                return after  # "Según el informe, “…”, según el Síndic": the nearer source
            if before is not None and before.speaker and before.cue != ":":
                return Attribution(
                    before.speaker, before.speaker_kind, before.cue, after.speaker, before.rule
                )
            return after
        if before is not None:
            if before.speaker is not None and before.via is None:
                before.via = self._sentence_relay(index, before.speaker)
            return before
        if leading.rstrip(" \u00a0").endswith(","):
            # "Filippo Grandi, the UN refugee chief, reacted coolly to the deal, “…”": a quote
            # a comma hands on from a sentence whose subject is a person is theirs
            subject = self._person_as_subject(sentence_start, span.open_at)
            if subject is not None:
                verb, _, name = subject.partition(" ")  # "Said Ann Roe, who …, “…”"
                if name and self.lex.speech_verb.fullmatch(verb.casefold()):
                    subject = name
                return Attribution(subject, "person", None)
        return self._coordinated_with_next(index) or (
            self._cue_of_later_fragment(index) if is_partial else None
        )

    def _cue_of_later_fragment(self, index: int) -> Attribution | None:
        """ "Los mexicanos están “…”, por lo que la economía “…”, afirmó X": a fragment
        with no cue of its own shares the cue that closes a later quote of the same
        sentence; every fragment of one reported sentence is the same speaker's."""
        sentence_end = self._sentence_end(self.spans[index].close_at)
        for later in range(index + 1, len(self.spans)):
            following = self.spans[later]
            if following.open_at >= sentence_end:
                return None
            after = self._from_trailing(self._trailing_text(later), following.close_at + 1)
            if after is not None and after.speaker is not None:
                return after
        return None

    def _opens_own_report(self, trailing: str, cue: str | None) -> bool:
        """Whether the speech verb after a quote opens reported speech of its own ("aseguró
        que …"), so it says nothing of who spoke the quote before it."""
        complementizer = self.lex.complementizer
        at = trailing.find(cue) if cue else -1
        if complementizer is None or at < 0:
            return False
        following = WORD.search(trailing, at + len(cue or ""))
        return following is not None and bool(complementizer.fullmatch(following.group()))

    def _sentence_relay(self, index: int, speaker: str) -> str | None:
        """The source that closes the quote's sentence ("…, according to TASS"), relaying
        every fragment of it, not only the last one before the cue."""
        span = self.spans[index]
        tail = self._masked(span.close_at + 1, self._sentence_end(span.close_at))
        according = self.lex.last_according_to.search(tail)
        if according is None:
            return None
        source = SOURCE_END.split(tail[according.end() :])[0]
        subject = self.resolve_subject(source, span.close_at + 1, subject_first=False)
        if subject is None or subject.speaker == speaker:
            return None
        return subject.speaker

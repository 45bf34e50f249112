"""Attribution step "paragraph_carry": a quote with no cue of its own goes on the last speaker.

A quote of the same paragraph as the quote before it, or one opening the next paragraph, is
the earlier quote's speaker's ("“…,” Welt said. “…”" and a quote paragraph continued after
a break). The same in every language: only quote marks, paragraphs and names are read. A
line that names a new person before its quote ("comme nous le raconte Antoine, 32 ans. «…»")
starts another speaker's part of an interview reportage: nothing is carried into it.
"""

from __future__ import annotations

import bisect

from tasks.quotes.neighbours import NeighbourSentence
from tasks.quotes.patterns import Attribution

PARAGRAPH_CARRY_RULE = "paragraph_carry"


class ParagraphCarry(NeighbourSentence):
    """Hand the previous quote's speaker on within a paragraph (or into the next)."""

    def paragraph_carry(self, index: int, is_partial: bool) -> Attribution | None:
        """The previous quote's speaker, if that quote sits next to this one; else None."""
        if index == 0:
            return None
        span, earlier = self.spans[index], self.spans[index - 1]
        paragraph_start, _ = self._paragraph_of(span.open_at)
        same_paragraph = earlier.last_paragraph_index == span.paragraph_index
        next_paragraph = earlier.last_paragraph_index == span.paragraph_index - 1
        opens_paragraph = self._sentence_start(span.open_at) == paragraph_start
        if not (same_paragraph or (next_paragraph and opens_paragraph)):
            return None
        inherited = self._earlier_attribution(index - 1)
        if inherited.speaker is None or self._new_person_on_its_line(index, inherited.speaker):
            return None
        return Attribution(inherited.speaker, inherited.speaker_kind, None)

    def _new_person_on_its_line(self, index: int, speaker: str) -> bool:
        """Whether the quote's line, after a line break since the quote before, names a
        person before its opening mark, and never the speaker ("Both Bolton and Gorka saw …,
        with Gorka noting “…”" goes on with Gorka)."""
        span = self.spans[index]
        line_start = self.body.rfind("\n", self.spans[index - 1].close_at, span.open_at)
        if line_start < 0:
            return False  # "“…,” Welt said. “…”": the same line goes on with the same speaker
        speaker_words = set(speaker.split())
        runs = self.body_runs
        at = bisect.bisect_left(self._body_run_starts, line_start)
        new_person = False
        while at < len(runs) and runs[at].start() < span.open_at:
            mention = self._mention_at(runs[at])
            at += 1
            if mention is None or not mention.is_person_like or mention.end > span.open_at:
                continue
            if not speaker_words.isdisjoint(mention.text.split()):
                return False
            new_person = True
        return new_person

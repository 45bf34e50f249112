"""Attribution step "paragraph_carry": a quote with no cue of its own goes on the last speaker.

A quote of the same paragraph as the quote before it, or one opening the next paragraph, is
the earlier quote's speaker's ("“…,” Welt said. “…”" and a quote paragraph continued after
a break). The same in every language: only quote marks and paragraphs are read.
"""

from __future__ import annotations

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
        if inherited.speaker is None:
            return None
        return Attribution(inherited.speaker, inherited.speaker_kind, None)

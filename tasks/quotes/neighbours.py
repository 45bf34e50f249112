"""Attribution step "neighbour_sentence": the sentence before the quote, or a signature below.

A quote with no cue of its own may be attributed by the sentence before it ("Welt said
on Sunday: ¶ “…”"), by that sentence's subject when the quote stands alone after it, or by a
signature paragraph under it ("— Michelle Marks").
"""

from __future__ import annotations

from tasks.quotes.own_sentence import OwnSentence
from tasks.quotes.patterns import (
    DASH_NAME,
    DASHES,
    MASK,
    Attribution,
)

NEIGHBOUR_SENTENCE_RULE = "neighbour_sentence"


class NeighbourSentence(OwnSentence):
    """Find the speaker in the sentence or paragraph next to the quote."""

    def _signature_below(self, index: int) -> Attribution | None:
        """A quote closing its paragraph, signed by the next one: "¶ — Michelle Marks"."""
        span = self.spans[index]
        following = span.last_paragraph_index + 1
        if following >= len(self.paragraphs):
            return None
        _, paragraph_end = self.paragraphs[span.last_paragraph_index]
        if self.body[span.close_at + 1 : paragraph_end].strip():
            return None
        start, end = self.paragraphs[following]
        signature = self.body[start:end]
        dash = DASH_NAME.match(signature)
        if dash is None or signature[: dash.start("who")].strip(" \u00a0") not in DASHES:
            return None
        if not self._names_in(dash.group("who")):
            return None
        subject = self.resolve_subject(dash.group("who"), start, subject_first=False)
        return self._subject_attribution(subject, "—")

    def _quotes_with_cue_since(self, index: int, start: int) -> bool:
        """The quote before this one opens after start and has a cue of its own ("“…,”
        Gingrich said. “…”"): that speaker goes on, not the sentence's subject."""
        if index == 0 or start < 0 or self.spans[index - 1].open_at < start:
            return False
        earlier = self._earlier_attribution(index - 1)
        return earlier.speaker is not None and earlier.cue is not None

    def _follows_quote_free_paragraph(self, index: int) -> bool:
        """The span opens a paragraph after one with no quotation in it."""
        span = self.spans[index]
        if span.paragraph_index == 0:
            return False
        return index == 0 or self.spans[index - 1].last_paragraph_index < span.paragraph_index - 1

    def _cue_closing_sentence(self, previous: str, previous_start: int) -> Attribution | None:
        """ "Details were not known yet, said X after a meeting in Brussels. “…”": the
        sentence before reports someone's words with a cue after its last comma; a quote
        standing alone after it goes on with their words."""
        comma = previous.rfind(",")
        while comma >= 0:
            tail = previous[comma:]
            if self.lex.speech_verb.match(tail.lstrip(" ,\u00a0")):
                found = self._from_trailing(tail, previous_start + comma)
                return found if found is not None and found.speaker is not None else None
            comma = previous.rfind(",", 0, comma)
        return None

    def neighbour_sentence(self, index: int, is_partial: bool) -> Attribution | None:
        """The speaker a signature below or the sentence before names, or None."""
        signed = self._signature_below(index)
        if signed is not None:
            return signed
        span = self.spans[index]
        sentence_start = self._sentence_start(span.open_at)
        paragraph_start, _ = self._paragraph_of(span.open_at)
        if sentence_start > paragraph_start:
            previous_start = self._sentence_start(sentence_start - 1)
        elif paragraph_start > 0:
            previous_start = self._sentence_start(max(0, paragraph_start - 3))
        else:
            previous_start = -1
        previous = ""
        opening = previous_start  # where the sentence before opens, for its subject
        if previous_start >= 0:
            previous_end = sentence_start if sentence_start > paragraph_start else paragraph_start
            previous_start = self._leading_start(previous_start, previous_end)
            previous = self._masked(previous_start, previous_end).rstrip()
        if previous and MASK.strip() not in previous:
            found = self._from_leading(previous, span.open_at, False, previous_start)
            if found is not None and found.speaker is not None:
                return found
            if span.open_at == sentence_start:
                found = self._cue_closing_sentence(previous, previous_start)
                if found is not None:
                    return found
        if (
            previous
            and not self._quotes_with_cue_since(index, opening)
            and span.open_at == sentence_start
            and (sentence_start > paragraph_start or self._follows_quote_free_paragraph(index))
        ):
            # "Sen. Dana Welt identified bigotry as a reason. “…”": a quote standing alone
            # after a sentence whose subject is a person is theirs; across a paragraph break
            # only when that paragraph quotes nobody ("Valastro praised X. ¶ “…”")
            subject = self._person_as_subject(opening, sentence_start)
            if subject is not None:
                return Attribution(subject, "person", None)
        return None

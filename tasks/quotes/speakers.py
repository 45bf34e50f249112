"""Give each quotation its speaker, one named attribution step after another.

`ATTRIBUTION_STEPS` is the order: the cue in the quote's own sentence (`own_sentence`), the
sentence or signature next to it (`neighbours`), the previous quote's speaker carried on
within a paragraph (`carry`). The first step that finds a speaker gives the quote its `rule`.
Inside every step a speaker read from the words around a cue passes through the same
resolution steps: a pronoun or bare verb stands for the last person named (`pronouns`, rule
"pronoun"), a surname or title is widened to the fullest name (`widen`), and the speaker is
classified as person, organisation or unnamed source (`kinds`). Each layer is a class over
the one before (`ArticleText` → `ArticleNames` → … → `ArticleSpeakers`), so a step uses the
indexes and resolution below it and nothing above. The article never gains a speaker it
does not name: with no cue the speaker stays None.
"""

from __future__ import annotations

from collections.abc import Callable

from tasks.quotes.carry import PARAGRAPH_CARRY_RULE, ParagraphCarry
from tasks.quotes.kinds import called_organisation
from tasks.quotes.neighbours import NEIGHBOUR_SENTENCE_RULE, NeighbourSentence
from tasks.quotes.own_sentence import OWN_SENTENCE_RULE, OwnSentence
from tasks.quotes.patterns import NAME_RUN, NO_SPEAKER, POSSESSIVE_ENDINGS, Attribution

__all__ = [
    "ATTRIBUTION_STEPS",
    "NAME_RUN",
    "POSSESSIVE_ENDINGS",
    "ArticleSpeakers",
    "Attribution",
]

AttributionStep = Callable[["ArticleSpeakers", int, bool], Attribution | None]

# (rule, step) in the order they are tried; the first to return an attribution decides.
ATTRIBUTION_STEPS: tuple[tuple[str, AttributionStep], ...] = (
    (OWN_SENTENCE_RULE, OwnSentence.own_sentence),
    (NEIGHBOUR_SENTENCE_RULE, NeighbourSentence.neighbour_sentence),
    (PARAGRAPH_CARRY_RULE, ParagraphCarry.paragraph_carry),
)


class ArticleSpeakers(ParagraphCarry):
    """Everything speaker attribution needs to know about one article, computed once."""

    def attribute(self, index: int, is_partial: bool) -> Attribution:
        """Find the speaker of quote `index`; remember it for the quotes that follow."""
        attribution = self._attribute(index, is_partial)
        self.attributions[index] = attribution
        return attribution

    def _attribute(self, index: int, is_partial: bool) -> Attribution:
        for rule, step in ATTRIBUTION_STEPS:
            found = step(self, index, is_partial)
            if found is not None:
                return self._classified(_with_rule(found, rule))
        return NO_SPEAKER

    def _classified(self, found: Attribution) -> Attribution:
        """The speaker-kind step: a "person" the article calls an organisation is one."""
        speaker = found.speaker
        if speaker is None or found.speaker_kind != "person":
            return found
        is_organisation = self._organisations.get(speaker)
        if is_organisation is None:
            last_word = speaker.split()[-1] if speaker.split() else speaker
            runs = self._runs_with_token(last_word) or self.body_runs
            is_organisation = called_organisation(self.body, speaker, runs, self.lex)
            self._organisations[speaker] = is_organisation
        if not is_organisation:
            return found
        return Attribution(speaker, "organization", found.cue, found.via, found.rule)


def _with_rule(found: Attribution, rule: str) -> Attribution:
    """The step's rule on an attribution that names a speaker (a pronoun's rule stays)."""
    if found.speaker is None or found.rule is not None:
        return found
    return Attribution(found.speaker, found.speaker_kind, found.cue, found.via, rule)

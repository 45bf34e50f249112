"""Reported speech without quote marks ("Putin said that ...") as `indirect` quotes.

Only the plainest form is taken, for precision over recall: a sentence that opens with a
person's name (titles before it allowed), a speech verb, at most two plain words ("told
reporters", "said Tuesday"), a word that opens reported speech in the language ("that",
"que", "dass", "che", "что"), and the reported clause to the end of the sentence, with no
quotation anywhere in the sentence. Pronoun and description subjects are left out, and so
is a name the article never gives in full: those are where rules go wrong most.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from tasks.quotes.cues import CueLexicon
from tasks.quotes.settings import (
    MAX_REPORTED_SPEECH_CUE_CHARS,
    MAX_WORDS_BEFORE_REPORTED_SPEECH,
    MIN_REPORTED_SPEECH_WORDS,
)
from tasks.quotes.speakers import ArticleSpeakers

CLAUSE_WORD = regex.compile(r"\w+")
CLAUSE_END_PUNCTUATION = " \u00a0\t\n.;:"


@dataclass(slots=True)
class ReportedSpeechCue:
    """A speech verb right before "that" ("told reporters that"): where a clause may open."""

    verb: str
    verb_start: int
    clause_start: int


@dataclass(slots=True)
class ReportedSpeech:
    """One clause of reported speech: its words, who said them, the verb, its offsets."""

    text: str
    speaker: str
    cue: str
    char_start: int
    char_end: int


def _plain_between(between: str, lexicon: CueLexicon) -> bool:
    """ "told reporters", "said Monday", "sagte am Montag": a listener or a time, no more.

    A determiner ("said the plan that"), a pronoun ("said he realized that") or a
    preposition before a lower-case word ("went on to win that year") means "that" is not
    the one opening what was said.
    """
    words = between.split()
    if len(words) > MAX_WORDS_BEFORE_REPORTED_SPEECH:
        return False
    for i, word in enumerate(words):
        low = word.casefold()
        if low in lexicon.determiners or low in lexicon.pronouns or low in lexicon.conjunctions:
            return False
        following = words[i + 1] if i + 1 < len(words) else ""
        if low in lexicon.prepositions and not following[:1].isupper():
            return False
    return True


def reported_speech_cues(body: str, lexicon: CueLexicon) -> list[ReportedSpeechCue]:
    """Every "<speech verb> [a word or two] that" of a body.

    The complementizer is looked for first and the verb only in the few characters before
    it: one scan for a short word costs far less than one for a hundred verbs.
    """
    if lexicon.complementizer is None:
        return []
    cues: list[ReportedSpeechCue] = []
    for that in lexicon.complementizer.finditer(body):
        window_start = max(0, that.start() - MAX_REPORTED_SPEECH_CUE_CHARS)
        words_before = body[window_start : that.start()].replace(",", " ").split()
        last_words = words_before[-1 - MAX_WORDS_BEFORE_REPORTED_SPEECH :]
        if lexicon.verb_last_words.isdisjoint(last_words):
            continue
        verb = lexicon.verb_before_complementizer.match(body, window_start, that.start())
        if verb is not None and _plain_between(verb.group("between"), lexicon):
            cues.append(ReportedSpeechCue(verb.group("verb"), verb.start(), that.end()))
    return cues


def find_reported_speech(
    body: str, cues: list[ReportedSpeechCue], speakers: ArticleSpeakers
) -> list[ReportedSpeech]:
    """The reported-speech clauses of a body opened by a named person, in order."""
    found: list[ReportedSpeech] = []
    covered_until = -1
    for cue in cues:
        if cue.verb_start < covered_until:
            continue
        sentence_start = speakers.sentence_start(cue.verb_start)
        sentence_end = speakers.sentence_end(cue.verb_start)
        if speakers.has_quote_between(sentence_start, sentence_end):
            continue
        speaker = speakers.person_opening_sentence(sentence_start, cue.verb_start)
        if speaker is None:
            continue
        start = cue.clause_start
        line_end = body.find("\n", start, sentence_end)
        end = sentence_end if line_end < 0 else line_end
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1] in CLAUSE_END_PUNCTUATION:
            end -= 1
        text = body[start:end]
        if len(CLAUSE_WORD.findall(text)) < MIN_REPORTED_SPEECH_WORDS:
            continue
        found.append(ReportedSpeech(text, speaker, cue.verb, start, end))
        covered_until = end
    return found

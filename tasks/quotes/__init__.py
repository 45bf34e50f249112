"""Quotes stage: find the quotations in an article body and who said them.

`extract_quotes(body, language)` pairs the quote marks (`marks`), keeps quotations of three
words or more, tells whole statements from fragments inside reported speech, and asks
`speakers` for each one's speaker, using the speech cues of the article's language (`cues`).
Reported speech of a named person without marks ("Putin said that ...") is added as
`indirect` rows (`indirect`), which the direct-quote views and scores leave out.

Attribution runs as named steps, in this order (`speakers.ATTRIBUTION_STEPS`); the first that
finds a speaker writes its name into the quote's `rule`:

1. `own_sentence`: the cue in the quote's own sentence (", said X", "X said:", "according
   to X", "X's claim that …"; `cue_after`, `cue_before`).
2. `neighbour_sentence`: the sentence before the quote, or a signature paragraph below it.
3. `paragraph_carry`: the previous quote's speaker, within a paragraph or into the next.

Every speaker a step reads then passes through the resolution steps: `pronouns` (a pronoun
or bare verb stands for the last person named, rule "pronoun"; a definite description with a
person noun, "precisó el profesional", for the person named just before, rule "description"),
`widen` (a surname or title becomes the fullest name given) and `kinds` (person, organization
or unnamed source). In Russian the case of a name (`morphology`) tells the speaker after an
inverted verb.
Indirect rows carry rule "reported_speech".
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from tasks.quotes.cues import cue_lexicon
from tasks.quotes.indirect import find_reported_speech, reported_speech_cues
from tasks.quotes.marks import QuoteSpan, find_quote_spans, split_paragraphs
from tasks.quotes.own_sentence import OWN_SENTENCE_RULE
from tasks.quotes.patterns import Attribution
from tasks.quotes.pronouns import PRONOUN_RULE
from tasks.quotes.settings import (
    MAX_TITLE_WORDS,
    MIN_PARTIAL_QUOTE_WORDS,
    MIN_PARTIAL_WORD_CHARS,
    MIN_QUOTE_WORDS,
    TITLE_CASE_EXEMPT_LANGUAGES,
)
from tasks.quotes.speakers import ATTRIBUTION_STEPS, ArticleSpeakers

__all__ = ["ATTRIBUTION_STEPS", "Quote", "extract_quotes"]

QUOTE_WORD = regex.compile(r"\w+")
# Words and digits right before an opening mark: the quote sits inside a sentence.
# Both tests look at the end of the text before a mark, so they search from the end.
EMBEDDED_BEFORE = regex.compile(r"[\p{L}\p{N}][\s\u00a0]*$", regex.REVERSE)
FIRST_LETTER = regex.compile(r"\p{L}")
SENTENCE_OPENING_BEFORE = regex.compile(r"(?:^|[.!?:…]|[—–])[\s\u00a0]*$", regex.REVERSE)


@dataclass(slots=True)
class Quote:
    """One quotation of an article body, with its speaker and where it sits in the body."""

    text: str
    speaker: str | None
    speaker_kind: str
    cue: str | None
    quote_type: str
    char_start: int
    char_end: int
    via: str | None = None
    rule: str | None = None


REPORTED_SPEECH_RULE = "reported_speech"


def _trimmed_segments(body: str, span: QuoteSpan) -> list[tuple[int, int]]:
    """Segments without surrounding spaces; the last loses a trailing comma."""
    trimmed: list[tuple[int, int]] = []
    for start, end in span.segments:
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        if start < end:
            trimmed.append((start, end))
    if trimmed:
        start, end = trimmed[-1]
        while end > start and (body[end - 1] == "," or body[end - 1].isspace()):
            end -= 1
        trimmed[-1] = (start, end)
        if start == end:
            trimmed.pop()
    return trimmed


def _is_fragment(body: str, span: QuoteSpan, text: str) -> bool:
    """A fragment continues the reporter's sentence: it follows a word or starts lower-case."""
    before = body[max(0, span.open_at - 40) : span.open_at]
    first_letter = FIRST_LETTER.search(text)
    if first_letter and first_letter.group().islower():
        return not SENTENCE_OPENING_BEFORE.search(before) or bool(EMBEDDED_BEFORE.search(before))
    return bool(EMBEDDED_BEFORE.search(before))


def _looks_like_title(words: list[str], language: str | None) -> bool:
    """ "Face the Nation", "State of the Union": a title of a work, not something said.

    German capitalises every noun, so there the test would drop real speech.
    """
    if (language or "")[:2] in TITLE_CASE_EXEMPT_LANGUAGES:
        return False
    if len(words) > MAX_TITLE_WORDS:
        return False
    long_words = [w for w in words if len(w) > 3 and not w.isdigit()]
    return len(long_words) >= 2 and all(w[0].isupper() for w in long_words)


def _is_reported_speech(attribution: Attribution, n_words: int) -> bool:
    """A short fragment is a partial quote when its own sentence names who said it with a
    speech verb ("Putin said they had “some alignment”"), not a colon or nothing; a single
    word only when the speaker is named in full ("Obama called the meeting “constructive”",
    not "Critics called the plan “reckless”")."""
    speaker = attribution.speaker
    return (
        speaker is not None
        and attribution.rule in (OWN_SENTENCE_RULE, PRONOUN_RULE)
        and attribution.cue not in (None, ":")
        and (n_words >= MIN_PARTIAL_QUOTE_WORDS or " " in speaker)
    )


def extract_quotes(body: str, language: str | None) -> list[Quote]:
    """Return the quotations in `body` (three words or more, or shorter fragments of
    reported speech), in order, with speakers."""
    if not body or not body.strip():
        return []
    paragraphs = split_paragraphs(body)
    spans = find_quote_spans(body, paragraphs)
    lexicon = cue_lexicon(language)
    reported = reported_speech_cues(body, lexicon)
    if not spans and not reported:
        return []
    speakers = ArticleSpeakers(body, spans, lexicon, paragraphs)
    quotes: list[Quote] = []
    for index, span in enumerate(spans):
        segments = _trimmed_segments(body, span)
        text = " ".join(body[start:end] for start, end in segments)
        words = QUOTE_WORD.findall(text)
        if not words or _looks_like_title(words, language):
            continue
        if body[span.open_at - 1 : span.open_at] == "=":
            continue  # <tweet pic="pic.twitter.com/…">: a markup attribute's value
        is_fragment = _is_fragment(body, span, text)
        if len(words) < MIN_QUOTE_WORDS:
            if not is_fragment or not any(len(w) >= MIN_PARTIAL_WORD_CHARS for w in words):
                continue
            sentence = (speakers.sentence_start(span.open_at), speakers.sentence_end(span.close_at))
            if not lexicon.speech_verb.search(body, *sentence):
                continue  # no speech verb in the sentence: nobody is reported as saying it
            attribution = speakers.attribute(index, is_fragment)
            if not _is_reported_speech(attribution, len(words)):
                continue  # a scare quote: nobody's words
        else:
            attribution = speakers.attribute(index, is_fragment)
        quotes.append(
            Quote(
                text=text,
                speaker=attribution.speaker,
                speaker_kind=attribution.speaker_kind,
                cue=attribution.cue,
                quote_type="partial" if is_fragment else "direct",
                char_start=segments[0][0],
                char_end=segments[-1][1],
                via=attribution.via,
                rule=attribution.rule,
            )
        )
    if not reported:
        return quotes
    for clause in find_reported_speech(body, reported, speakers):
        quotes.append(
            Quote(
                text=clause.text,
                speaker=clause.speaker,
                speaker_kind="person",
                cue=clause.cue,
                quote_type="indirect",
                char_start=clause.char_start,
                char_end=clause.char_end,
                rule=REPORTED_SPEECH_RULE,
            )
        )
    quotes.sort(key=lambda quote: quote.char_start)
    return quotes

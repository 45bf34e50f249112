"""The article as attribution reads it: paragraphs, sentences, quotations masked out.

Every attribution step builds on `ArticleText`: where a sentence starts and ends, the body
with quotations masked so their words are no cue, and the text after a closing mark that may
hold the attribution. Indexes are built once per article and shared by all steps.
"""

from __future__ import annotations

import bisect

import regex

from tasks.quotes.cues import CueLexicon
from tasks.quotes.marks import QuoteSpan, split_paragraphs
from tasks.quotes.patterns import (
    DASH_NAME,
    MASK,
    NAME_RUN,
    NAME_THEN_APPOSITION,
    SENTENCE_BREAK,
    WORD,
    Attribution,
    Mention,
    TitledRun,
)
from tasks.quotes.settings import (
    MAX_LEADING_CUE_CHARS,
    MAX_NAME_TOKENS,
    MAX_TRAILING_CUE_CHARS,
    MAX_WORDS_AFTER_PERIOD,
    MAX_WORDS_AFTER_QUESTION,
)

# Cleaned names per lexicon: the same capitalised runs recur across articles.
_CLEAN_NAME_CACHES: dict[int, dict[str, tuple[str, str]]] = {}


class ArticleText:
    """Sentences, paragraphs and masks of one article, computed once for every step."""

    def __init__(
        self,
        body: str,
        spans: list[QuoteSpan],
        lexicon: CueLexicon,
        paragraphs: list[tuple[int, int]] | None = None,
    ) -> None:
        self.body = body
        self.spans = spans
        self.lex = lexicon
        self.paragraphs = split_paragraphs(body) if paragraphs is None else paragraphs
        self.paragraph_starts = [start for start, _ in self.paragraphs]
        self.span_opens = [span.open_at for span in spans]
        self.sentence_starts = self._sentence_starts()
        # By span index: spans too short to be quotes are never attributed, so the quote
        # before a span is not always the span before it.
        self.attributions: dict[int, Attribution] = {}
        self._clean_cache = _CLEAN_NAME_CACHES.setdefault(id(lexicon), {})
        self._names_by_token: dict[str, list[tuple[int, str]]] = {}
        self._names_in_phrase: dict[str, list[tuple[str, bool]]] = {}
        self._body_runs: list[regex.Match[str]] | None = None
        self._body_run_starts: list[int] = []
        self._runs_by_word: dict[str, list[regex.Match[str]]] = {}
        # The texts of the body's runs joined by newlines, and where each starts in it.
        self._joined_runs: tuple[str, list[int]] | None = None
        self._mentions_by_run: dict[tuple[int, int], Mention | None] = {}
        self._titled_runs: list[TitledRun] | None = None
        self._genders: dict[str, str | None] = {}
        # The words that may give a named person a role, by the name's start (`descriptions`).
        self._roles_by_mention: dict[int, list[str]] = {}
        # Whether the article calls a speaker an organisation ("the consortium X"), judged once.
        self._organisations: dict[str, bool] = {}

    @property
    def body_runs(self) -> list[regex.Match[str]]:
        """Every capitalised run of the body, in order: one scan serves every later look-up
        (names holding a word, the person before a pronoun, titled names)."""
        if self._body_runs is None:
            self._body_runs = list(NAME_RUN.finditer(self.body))
            self._body_run_starts = [run.start() for run in self._body_runs]
        return self._body_runs

    def _inside_quote(self, position: int) -> bool:
        i = bisect.bisect_right(self.span_opens, position) - 1
        return i >= 0 and self.spans[i].open_at < position <= self.spans[i].close_at

    def _sentence_starts(self) -> list[int]:
        """Paragraph starts and sentence breaks outside quotations, in order; breaks and
        spans are both in order, so one walk over the spans replaces a search per break."""
        starts = set(self.paragraph_starts)
        spans, opens = self.spans, self.span_opens
        before = 0  # spans opening before the current break
        for brk in SENTENCE_BREAK.finditer(self.body):
            at = brk.end()
            while before < len(spans) and opens[before] < at:
                before += 1
            if before and at <= spans[before - 1].close_at:
                continue  # inside the quotation that opened last
            starts.add(at)
        return sorted(starts)

    def sentence_start(self, position: int) -> int:
        """Where the sentence holding a position starts."""
        return self._sentence_start(position)

    def sentence_end(self, position: int) -> int:
        """Where the sentence holding a position ends (next sentence or paragraph end)."""
        return self._sentence_end(position)

    def has_quote_between(self, start: int, end: int) -> bool:
        """Whether any quotation (of any length) opens or closes inside [start, end)."""
        i = bisect.bisect_left(self.span_opens, start)
        if i < len(self.spans) and self.spans[i].open_at < end:
            return True
        return i > 0 and self.spans[i - 1].close_at >= start

    def _paragraph_of(self, position: int) -> tuple[int, int]:
        return self.paragraphs[bisect.bisect_right(self.paragraph_starts, position) - 1]

    def _sentence_start(self, position: int) -> int:
        return self.sentence_starts[bisect.bisect_right(self.sentence_starts, position) - 1]

    def _sentence_end(self, position: int) -> int:
        i = bisect.bisect_right(self.sentence_starts, position)
        _, paragraph_end = self._paragraph_of(position)
        if i < len(self.sentence_starts):
            return min(self.sentence_starts[i], paragraph_end)
        return paragraph_end

    def _verb_position(self, leading_start: int, verb_index: int, position: int) -> int:
        """Where a verb of a leading text sits in the body; `position` when unknown."""
        return self._body_offset(leading_start, verb_index) if leading_start >= 0 else position

    def _body_offset(self, start: int, masked_index: int) -> int:
        """Where a character of `_masked(start, …)` sits in the body."""
        cursor, consumed = start, 0
        i = bisect.bisect_left(self.span_opens, start)
        while i < len(self.spans):
            span = self.spans[i]
            plain = span.open_at - cursor
            if masked_index < consumed + plain:
                break
            consumed += plain + len(MASK)
            if masked_index < consumed:
                return span.open_at
            cursor = span.close_at + 1
            i += 1
        return cursor + masked_index - consumed

    def _leading_start(self, floor: int, end: int) -> int:
        """Where the text read for a cue before `end` starts: at most MAX_LEADING_CUE_CHARS
        back, never before `floor`, never inside a word (a cut "х • Даниэль" hides a name)."""
        start = max(floor, end - MAX_LEADING_CUE_CHARS)
        if start > floor:
            while start < end and self.body[start - 1].isalnum():
                start += 1
        return start

    def _masked(self, start: int, end: int) -> str:
        """Body text with the quotations inside it masked, so their words are no cue."""
        pieces: list[str] = []
        cursor = start
        i = bisect.bisect_left(self.span_opens, start)
        while i < len(self.spans) and self.spans[i].open_at < end:
            span = self.spans[i]
            pieces.append(self.body[cursor : span.open_at])
            pieces.append(MASK)
            cursor = min(span.close_at + 1, end)
            i += 1
        if cursor < end:
            pieces.append(self.body[cursor:end])
        return "".join(pieces)

    def _trailing_text(self, index: int) -> str:
        span = self.spans[index]
        start = span.close_at + 1
        if self.body[start : start + 1] == ".":
            # "«…». —ДжейДиг": a byline dash on the line still signs the quote after its period
            line_end = self.body.find("\n", start, start + MAX_TRAILING_CUE_CHARS)
            line = self.body[
                start + 1 : line_end if line_end >= 0 else start + MAX_TRAILING_CUE_CHARS
            ]
            if DASH_NAME.match(line):
                return line
        end = min(self._sentence_end(span.close_at), start + MAX_TRAILING_CUE_CHARS)
        closing_punctuation = self.body[span.close_at - 1 : span.close_at]
        if end <= start + 1 and closing_punctuation and closing_punctuation in "?!.…":
            # "…?" Lindqvist asked. — a capital after ?/! need not start a new sentence, and
            # "….” Trump said." is a comma typed as a period when only "X said." follows
            end = min(self._sentence_end(end + 1), start + MAX_TRAILING_CUE_CHARS)
            limit = (
                MAX_WORDS_AFTER_QUESTION if closing_punctuation in "?!" else MAX_WORDS_AFTER_PERIOD
            )
            words = WORD.findall(self.body, start, end)
            if (
                len(words) > limit
                and not (
                    closing_punctuation in "?!"
                    and self._opens_with_attribution(words, self.body[start:end])
                )
            ) or (
                closing_punctuation in ".…"
                and not self.lex.speech_verb.fullmatch(words[-1].rstrip("."))
                if words
                else True
            ):
                end = start
        if index + 1 < len(self.spans):
            end = min(end, self.spans[index + 1].open_at)
        return self.body[start : max(start, end)]

    def _opens_with_attribution(self, words: list[str], text: str) -> bool:
        """ "…?” Trump told Britain’s ITV in an interview aired on Monday when …": a long
        sentence after "?" or "!" that opens with a name (or pronoun) and a speech verb, or
        with the verb and a name, attributes the quote before it; so does a name with an
        apposition before the verb ("…?” Miller, a retired worker, said into the phone)."""
        apposition = NAME_THEN_APPOSITION.match(text)
        if apposition is not None:
            name_words = WORD.findall(apposition.group("name"))
            verb = WORD.match(text, apposition.end())
            if (
                0 < len(name_words) <= MAX_NAME_TOKENS
                and all(w[:1].isupper() for w in name_words)
                and verb is not None
                and self.lex.speech_verb.fullmatch(verb.group())
            ):
                return True
        for i, word in enumerate(words[: MAX_NAME_TOKENS + 1]):
            if self.lex.speech_verb.fullmatch(word):
                before = words[:i]
                if not before:
                    return i + 1 < len(words) and words[i + 1][:1].isupper()
                return all(w[:1].isupper() for w in before) or (
                    len(before) == 1 and before[0].casefold() in self.lex.pronouns
                )
        return False

    def _is_source_noun(self, word: str) -> bool:
        return word.casefold() in self.lex.source_nouns

    def _earlier_attribution(self, index: int) -> Attribution:
        """The speaker of an earlier span; a span too short to be a quote ("outrageous") is
        attributed now, as a fragment, since its sentence may name a new speaker."""
        found = self.attributions.get(index)
        if found is None:
            found = self.attributions[index] = self._attribute(index, is_partial=True)
        return found

    def _attribute(self, index: int, is_partial: bool) -> Attribution:
        """Attribute span `index`: the steps above this layer say how."""
        raise NotImplementedError

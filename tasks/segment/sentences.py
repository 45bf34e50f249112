"""Sentence boundaries: the compiled splitter's cuts, corrected by per-language rules.

sentencex (Rust) finds candidate ends fast and well, but misjudges a few things news is
full of: titles and initials before names ("Gov. Marsh", "J. R. Smith"), ordinals
("der 2. Weltkrieg"), quotes that end before the attribution ('"Why?" she asked'),
abbreviations that do end a sentence ("Briggs & Co. It closed"), inline lists and spaced
ellipses. One pass over its cuts, plus the few spots where a period and a space sit
inside one of its sentences, decides each cut with the rules in ``rules.py``; only those
spots are looked at in Python, so the per-paragraph cost stays close to the splitter's.
"""

from __future__ import annotations

import re
from itertools import pairwise

import sentencex

from tasks.segment.rules import SentenceRules, rules_for

Span = tuple[int, int]
_NO_CUTS: frozenset[int] = frozenset()

CLOSERS = "\"'”’»›)]}"
FORMAT_MARKS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
OPENERS = "\"'“‘„«‹([{¿¡"
_SPACE = re.compile(r"\s*")
# an end mark (maybe closed by quotes or brackets) and a space: where a sentence may end
_PERIOD_GAP = re.compile(
    r"([.?!])[\"'”’»›)\]}]*\s+"
    r"(?=[\"'“‘„«‹(\[¿¡\u200e\u200f\u202a-\u202e\u2066-\u2069]*(\w[\w'’-]*)|)"  # the next word
)
# opening marks left at the end of a piece, after a space
_DANGLING_OPENER = re.compile(r"\s([\"'“‘„«‹(\[¿¡]+)$")
# the next word, past opening quotes and brackets
_NEXT_WORD = re.compile(r"[\"'“‘„«‹(\[¿¡\u200e\u200f\u202a-\u202e\u2066-\u2069]*(\w[\w'’-]*)")
# "compounds. . . . The": the period ends the sentence, the ellipsis opens the next
_ATTACHED_ELLIPSIS = re.compile(r"(?<=\w\.)\s+(?=\.\s\.\s\.\s+(\S))")
# dotted abbreviations: letters only, short parts ("U.S", "z.B", "т.е", "EE.UU", "Ph.D")
_DOTTED = re.compile(r"[^\W\d_]{1,4}(?:\.[^\W\d_]{1,4})+")
_ELISION = re.compile(r"^[^\W\d_]{1,4}['’](?=[^\W\d_]{2})")
_GLUED_NUMBER = re.compile(r"(?<!\S)\d{1,2}\.$")
_GLUED_ITEM = re.compile(r"(?<!\S)\d{1,2}\.[^\W\d_]")
_ORDINAL = re.compile(r"[-–]?\d{1,3}")
# a list marker standing alone: "1.", "a)", "⁃9.", "iv."
_LIST_MARKER = re.compile(r"(?:[⁃•▪*–-]\s?)?(?:\d{1,2}|[a-z]|[ivx]{1,4})(?:\.\)|[.)])")
# a list item inside a line: marker, then a space and text
_LIST_ITEM = re.compile(r"(?:^|(?<=\s))(?:([⁃•▪*])\s?)?(\d{1,2}|[a-z])(\.\)|[.)])\s+(?=\S)")
# where a list can open: the line's start, or after a colon
_LIST_AT_START = re.compile(r"\s*(?:[⁃•▪*]\s?)?(?:\d{1,2}|[a-z])(?:\.\)|[.)])\s")
_LIST_FIRST = "⁃•▪*"
_LIST_AFTER_COLON = re.compile(r":\s+(?:1|a)(?:\.\)|[.)])\s")
# a line the splitter leaves whole: words, spaces and marks that never end a sentence
# (checked against sentencex on every such character), then at most one end mark (and a
# closing quote) as its last character: one sentence, without calling the splitter
_SAFE_CHAR = r"[\w\s,'\"“”‘’«»„‚‹›\-–—%&/$€£#@+=]"
_SAFE_ASCII = bytes(i for i in range(128) if re.fullmatch(_SAFE_CHAR, chr(i)))
_ALL_SAFE = re.compile(_SAFE_CHAR + "*+")
_LAST_MARKS = ".?!…"
_LAST_QUOTES = "\"'”’»›"


# Unicode spaces outside ASCII, each replaced by one ASCII space (same length in characters)
_WIDE_SPACES = str.maketrans(
    {
        c: " "
        for c in (
            0x85,
            0xA0,
            0x1680,
            *range(0x2000, 0x200B),
            0x2028,
            0x2029,
            0x202F,
            0x205F,
            0x3000,
        )
    }
)


def _splitter_pieces(language: str, text: str) -> tuple[list[str], str]:
    """sentencex's pieces of `text`, and the text it split.

    sentencex 1.0.32 panics when it slices inside a multi-byte space ("A\xa0."); pyo3's
    PanicException derives from BaseException, so it would escape the per-article error
    handling and sink the whole batch. Such a line is split as a copy with ASCII spaces:
    the same length in characters, so every offset still holds.
    """
    try:
        return sentencex.segment(language, text), text
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:  # noqa: BLE001 (the panic's class is not importable)
        plain = text.translate(_WIDE_SPACES)
        return sentencex.segment(language, plain), plain


def _splitter_cuts(text: str, pieces: list[str]) -> list[int]:
    """Where sentencex starts each sentence after the first (past the whitespace)."""
    size = len(text)
    cuts: list[int] = []
    end = 0
    for piece in pieces:
        end += len(piece)
        if end >= size:
            continue
        if piece and piece[-1] in OPENERS and (dangling := _DANGLING_OPENER.search(piece)):
            # 'said. “Next': the opening mark belongs to the next sentence
            cuts.append(end - len(piece) + dangling.start(1))
        elif text[end].isspace():
            cuts.append(_SPACE.match(text, end).end())  # type: ignore[union-attr]
        else:
            cuts.append(end)
    return cuts


def _list_cuts(text: str) -> set[int]:
    """Starts of inline list items after the first: "1. Eggs 2. Milk", "a. One b. Two".

    A list begins at the start of the line or after a colon with "1"/"a" (or any number
    behind a bullet), and only markers that continue it in order count. Called only when
    the line may hold a list (`_forced_cuts`).
    """
    cuts: set[int] = set()
    expected: str | None = None
    style = ""
    for match in _LIST_ITEM.finditer(text):
        bullet, value, delimiter = match.group(1) or "", match.group(2), match.group(3)
        if expected is not None and value == expected and bullet + delimiter == style:
            cuts.add(match.start())
        else:
            start = match.start()  # a list opens the line or follows a colon
            opens = start == 0 or text[max(0, start - 8) : start].rstrip()[-1:] == ":"
            if not (opens and (bullet or value in ("1", "a"))):
                continue
        style = bullet + delimiter
        expected = str(int(value) + 1) if value.isdigit() else chr(ord(value) + 1)
    return cuts


def _is_abbreviation(stem: str, key: str, rules: SentenceRules) -> bool:
    return (
        key in rules.abbreviations
        or key in rules.titles
        or (len(stem) == 1 and stem.isalpha())
        or ("." in stem and _DOTTED.fullmatch(stem) is not None)
    )


def _keeps_cut(sentence: str, text: str, cut: int, by_splitter: bool, rules: SentenceRules) -> bool:
    """Whether `sentence` (trimmed) ends where the next one would begin, at `cut`."""
    if text[cut] in ",;:":
        return False  # nothing starts with a comma (",,Das" is a quote, typed with commas)
    match = _NEXT_WORD.match(text, cut)
    word = match.group(1) if match else ""
    first = word[:1]
    lower_next = first.islower()
    core = sentence.rstrip(CLOSERS)
    if not core:
        return by_splitter
    closed = len(core) < len(sentence)
    mark = core[-1]
    if core.endswith(". . . ."):  # a spaced ellipsis and a period: an omission at the end
        return not lower_next
    if core.endswith(". . ."):  # a spaced ellipsis alone marks an omission, not an end
        return False
    if mark == "…" or core.endswith(".."):
        return by_splitter and not lower_next
    if mark in "?!":
        if not lower_next:
            return by_splitter
        # "кім? не?" ends; '"Why?" she asked', "Jeb! was" (a name), "New You? asks" go on
        return not (closed or word in rules.continuations or mark == "!" and _is_name(core))
    if mark != ".":
        return by_splitter
    if not text[cut - 1].isspace() and _is_glued_list(core, text):
        return False  # "1.Helado, 2.Carne, 3.Arroz": list numbers glued to their items
    if _LIST_MARKER.fullmatch(core):  # "1." or "• 9." alone opens a list item
        return False
    stem = core.rsplit(None, 1)[-1].lstrip(OPENERS)[:-1].strip(FORMAT_MARKS)
    if "'" in stem or "’" in stem:
        stem = _ELISION.sub("", stem)  # "l'Avv." is "Avv."
    key = stem.lower()
    if rules.ordinal_period and _ORDINAL.fullmatch(stem) and _is_ordinal(core, word, rules):
        return False
    abbreviation = _is_abbreviation(stem, key, rules)
    if lower_next:  # "etc. and", "Sept. next year": only a plain word ends here
        return by_splitter and not (abbreviation or closed or key in rules.before_numbers)
    if key in rules.titles:
        return False
    if first.isdigit():
        return by_splitter and key not in rules.before_numbers
    if len(stem) == 1 and stem.isalpha() and not stem.islower():
        # an initial ("Jonas E. Smith") unless a sentence clearly starts ("you and I. Did");
        # in a script without case a lone letter is an abbreviation (Arabic "د." Dr.)
        return stem.isupper() and word in rules.starters
    if abbreviation and not by_splitter:  # "Briggs & Co. It closed": ends before a starter
        return word in rules.starters
    # the splitter saw no end here: it keeps a quoted passage whole ('"Yes. We will."')
    return by_splitter


def _is_glued_list(core: str, text: str) -> bool:
    """The sentence ends in a list number and the line numbers items that way twice or more."""
    return _GLUED_NUMBER.search(core) is not None and len(_GLUED_ITEM.findall(text)) >= 2


def _is_name(core: str) -> bool:
    """A capitalised word inside the sentence ends in the mark: "Jeb!", "Yahoo!"."""
    words = core.rsplit(None, 1)
    return len(words) == 2 and words[1][:1].isupper()


def _is_ordinal(core: str, word: str, rules: SentenceRules) -> bool:
    """ "der 2. Weltkrieg", "am 3. Oktober", "1. -3. Jahrhundert": a number, not an end."""
    if word[:1].islower() or word.lower() in rules.ordinal_words:
        return True
    words = core.rsplit(None, 2)
    if len(words) < 2:
        return False
    lead = words[-2].lower()
    return lead in rules.ordinal_leads or _ORDINAL.fullmatch(lead.rstrip(".")) is not None


def _plain_end(sentence: str, text: str, cut: int, rules: SentenceRules) -> bool:
    """The common case, settled without the full rules: 'a word. The next', 'Why?” We'."""
    following = text[cut]
    if following in OPENERS and cut + 1 < len(text):
        following = text[cut + 1]
    if not following.isupper():
        return False
    core = sentence.rstrip(CLOSERS) if sentence[-1:] in CLOSERS else sentence
    last = core[-1:]
    if last in ("?", "!"):
        return True
    space = core.rfind(" ")
    stem = core[space + 1 : -1]
    return (
        last == "."
        and space >= 0
        and len(stem) > 1
        and stem.isalpha()
        and stem.lower() not in rules.known
    )


def _stays_inside(sentence: str, rules: SentenceRules) -> bool:
    """A mark the splitter passed over that `_keeps_cut` never turns into an end, settled
    before it: a period after a plain word that is no abbreviation ("guy. And" inside a
    quoted passage), or "?"/"!" closed by a quote ('"Why?" she asked').
    """
    core = sentence.rstrip(CLOSERS)
    mark = core[-1:]
    if mark == "?" or mark == "!":
        return len(core) < len(sentence)
    if mark != ".":
        return False
    word = core[core.rfind(" ") + 1 : -1]
    return len(word) > 1 and word.isalpha() and word.lower() not in rules.known


def _forced_cuts(text: str, rules: SentenceRules) -> frozenset[int] | set[int]:
    """Cuts no rule undoes: inline list items, attached ellipses, clause marks (Arabic)."""
    first = text[:1]  # a list item opens with a space, bullet, digit or small letter
    may_list = (
        (first in _LIST_FIRST or "a" <= first <= "z" or first.isdecimal() or first.isspace())
        and _LIST_AT_START.match(text)
    ) or (":" in text and _LIST_AFTER_COLON.search(text))
    if not may_list and rules.clause_break is None and ". . . ." not in text:
        return _NO_CUTS  # most paragraphs: nothing to build
    forced: set[int] = _list_cuts(text) if may_list else set()
    if ". . . ." in text:
        forced.update(m.end() for m in _ATTACHED_ELLIPSIS.finditer(text) if m[1].isupper())
    if rules.clause_break is not None:
        forced.update(m.end() for m in rules.clause_break.finditer(text))
    return forced


def _may_end(gap: re.Match[str], text: str, rules: SentenceRules) -> bool:
    """Whether a mark the splitter passed over could still end a sentence ("Co. It")."""
    word = gap[2] or ""  # `_NEXT_WORD` after the gap
    if gap[1] != ".":
        return word[:1].islower()  # "кім? не?"
    return word in rules.starters or text.startswith(". . . .", gap.start() - 6)


def _add_plain_spans(
    text: str,
    pieces: list[str],
    offset: int,
    rules: SentenceRules,
    spans: list[Span],
    marks: int | None,
) -> bool | None:
    """Append the splitter's sentences as they are if the rules keep every one of its cuts.

    The common cut is settled inline (`_plain_end`, or a mark the rules never question
    such as "。"); the others go to `_keeps_cut`. `marks`, when given, is the number of
    ".?!" in the text: if they are not exactly those ending the sentences, one may sit
    before a space inside a sentence, and None asks the caller to look (`_may_end`);
    None for `marks` means it has looked. Returns False, appending nothing, when a cut is
    undone or lies elsewhere than where the piece ends: the full pass decides then.
    """
    known = rules.known
    found: list[Span] = []
    start = 0
    ends = 0  # the ".?!" ending the sentences
    for piece, following_piece in pairwise(pieces):
        following = following_piece[0]
        if following.isspace() or piece[-1:] in OPENERS:
            return False  # the cut is not where this piece ends (`_splitter_cuts`)
        sentence = piece.rstrip()
        core = sentence.rstrip(CLOSERS) if sentence[-1:] in CLOSERS else sentence
        mark = core[-1:]
        if mark == "?" or mark == "!" or mark == ".":
            ends += 1
            if following in OPENERS and len(following_piece) > 1:
                following = following_piece[1]
            if not following.isupper():
                plain = False
            elif mark == ".":
                space = core.rfind(" ")
                stem = core[space + 1 : -1]
                plain = (
                    space >= 0 and len(stem) > 1 and stem.isalpha() and stem.lower() not in known
                )
            else:
                plain = True
        else:  # what `_keeps_cut` says of any other mark
            plain = bool(mark) and mark != "…" and following not in ",;:"
        cut = start + len(piece)
        if not plain and not _keeps_cut(sentence, text, cut, True, rules):
            return False
        found.append((offset + start, offset + start + len(sentence)))
        start = cut
    last = pieces[-1].rstrip()
    found.append((offset + start, offset + start + len(last)))
    if marks is not None and marks != ends + (last.rstrip(CLOSERS)[-1:] in (".", "?", "!")):
        return None
    spans.extend(found)
    return True


def _is_one_sentence(text: str) -> bool:
    """Whether the splitter would leave the line whole: no end mark but the last (`_SAFE_CHAR`).

    The ASCII characters are dropped from the UTF-8 bytes at C speed, and only what is
    left (letters of other scripts, typographic quotes, anything unsafe) is matched.
    """
    body = text
    last = text[-1]
    if last in _LAST_MARKS:
        body = text[:-1]
    elif last in _LAST_QUOTES and len(text) > 1 and text[-2] in _LAST_MARKS:
        body = text[:-2]
    elif last.isspace():
        return False
    rest = body.encode().translate(None, _SAFE_ASCII)
    return not rest or _ALL_SAFE.fullmatch(rest.decode()) is not None


def add_line_spans(text: str, offset: int, rules: SentenceRules, spans: list[Span]) -> None:
    """Append the sentence spans of one line, shifted by `offset`.

    The line is not empty, holds no newline and does not start with a space.
    """
    size = len(text)
    if (
        ". " not in text
        and _is_one_sentence(text)
        and not (rules.clause_break is not None and rules.clause_break.search(text))
    ):
        spans.append((offset, offset + size))
        return
    pieces, split_text = _splitter_pieces(rules.splitter_language, text)
    if sum(map(len, pieces)) != size:  # the pieces do not tile the text: use its offsets
        boundaries = sentencex.get_sentence_boundaries(rules.splitter_language, split_text)
        starts = [0] + [b["start_index"] for b in boundaries[1:]]
        pieces = [text[a:b] for a, b in zip(starts, [*starts[1:], size], strict=True)]
    forced = _forced_cuts(text, rules)
    plain: bool | None = None  # not tried, or the marks must be looked at
    if not forced and not text[-1].isspace():
        marks = text.count(".") + text.count("?") + text.count("!")
        if marks <= len(pieces):  # else some mark lies inside a sentence
            plain = _add_plain_spans(text, pieces, offset, rules, spans, marks)
            if plain:
                return
    cuts = _splitter_cuts(text, pieces)
    by_splitter = set(cuts)
    extra = [
        end
        for gap in _PERIOD_GAP.finditer(text)
        if (end := gap.end()) not in by_splitter and _may_end(gap, text, rules)
    ]
    if (
        plain is None
        and not extra
        and not forced
        and _add_plain_spans(text, pieces, offset, rules, spans, None)
    ):
        return  # the marks the splitter passed over stay inside sentences ("Mr. Smith")
    if extra or forced:
        cuts = sorted({cut for cut in (*by_splitter, *extra, *forced) if cut < size})
    start = 0
    for cut in cuts:
        if cut <= start:
            continue
        sentence = text[start:cut].rstrip()
        if cut in forced:
            keep = True
        elif cut in by_splitter:
            keep = _plain_end(sentence, text, cut, rules) or _keeps_cut(
                sentence, text, cut, True, rules
            )
        else:
            keep = not _stays_inside(sentence, rules) and _keeps_cut(
                sentence, text, cut, False, rules
            )
        if keep:
            if sentence:
                spans.append((offset + start, offset + start + len(sentence)))
            start = cut
    sentence = text[start:].rstrip()
    if sentence:
        spans.append((offset + start, offset + start + len(sentence)))


def sentence_spans(text: str, language: str | None) -> list[Span]:
    """(start, end) of each sentence in `text`, trimmed of surrounding whitespace.

    A newline inside a paragraph is a line break, so it always ends a sentence.
    """
    return spans_with_rules(text, rules_for(language))


def spans_with_rules(text: str, rules: SentenceRules) -> list[Span]:
    """`sentence_spans` with the language's rules already looked up."""
    spans: list[Span] = []
    offset = 0
    for line in text.split("\n") if "\n" in text else (text,):
        lead = len(line) - len(line.lstrip())
        if lead < len(line):
            add_line_spans(line[lead:], offset + lead, rules, spans)
        offset += len(line) + 1
    return spans


def line_spans(line: str, rules: SentenceRules) -> list[Span]:
    """Sentence spans of one line with no newline and no surrounding whitespace."""
    spans: list[Span] = []
    if line:
        add_line_spans(line, 0, rules, spans)
    return spans

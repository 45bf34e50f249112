"""Stories: group articles from different outlets (and languages) that report one event.

Evidence is what survives translation and rewording: names of people and places,
figures, and the title's rarer words, weighted by how rare they are in the corpus (IDF).
Articles further apart in time than a window are different stories even when the same
people meet again. Duplicate clusters enter as one unit (their canonical article).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

# A name-like token: starts upper-case, has a lower-case letter after it (not ALL CAPS).
_NAME = re.compile(r"\b[^\W\d_][^\W\d_'’-]{2,}\b", re.UNICODE)
_FIGURE = re.compile(r"\b\d[\d.,]*\d\b|\b\d\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;«»\"“”„]\s*|\n)\s*$")
# terms shared by more than this share of the corpus (or this many articles) say
# nothing about one event; the floor keeps small corpora usable
_MAX_DOCUMENT_SHARE = 0.2
_MAX_DOCUMENT_COUNT = 200
_MIN_DOCUMENT_CAP = 10


@dataclass(frozen=True, slots=True)
class StoryUnit:
    """One dup cluster's canonical article, as the story grouping sees it."""

    cluster_id: str
    published_date: date | None
    terms: frozenset[str]


def story_terms(title: str | None, body: str, max_chars: int = 4000) -> list[str]:
    """Names (capitalised words not opening a sentence) and figures from title and lead."""
    text = (title or "") + "\n" + body[:max_chars]
    terms: set[str] = set()
    for match in _NAME.finditer(text):
        word = match.group(0)
        if not word[0].isupper() or word.isupper() and len(word) > 4:
            continue
        if _SENTENCE_START.search(text[max(0, match.start() - 3) : match.start()]):
            continue
        terms.add(word.casefold())
    terms.update(f"#{n}" for n in _FIGURE.findall(text) if len(n) >= 2)
    return sorted(terms)


def _merge_spans(a: tuple[int, int] | None, b: tuple[int, int] | None) -> tuple[int, int] | None:
    if a is None or b is None:
        return a or b
    return min(a[0], b[0]), max(a[1], b[1])


def group_stories(
    units: Sequence[StoryUnit], window_days: int, min_similarity: float
) -> dict[str, str]:
    """Map each unit's cluster_id to a story id (the earliest member's cluster_id).

    Pairs are compared through an inverted index of their rarer terms; the most similar
    pairs join first, when their IDF-weighted overlap passes `min_similarity` and the
    joined group's dates still fit in the window.
    """
    n = len(units)
    document_freq: Counter[str] = Counter(t for u in units for t in u.terms)
    cap = max(_MIN_DOCUMENT_CAP, min(int(_MAX_DOCUMENT_SHARE * n), _MAX_DOCUMENT_COUNT))
    idf = {t: math.log(1 + n / f) for t, f in document_freq.items() if 2 <= f <= cap}
    weight = [sum(idf.get(t, 0.0) for t in u.terms) for u in units]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, unit in enumerate(units):
        for term in unit.terms:
            if term in idf:
                postings[term].append(i)
    shared: dict[tuple[int, int], float] = defaultdict(float)
    for term, holders in postings.items():
        for x in range(len(holders)):
            for y in range(x + 1, len(holders)):
                shared[(holders[x], holders[y])] += idf[term]
    parent = list(range(n))
    # each group's date span, so undated articles cannot chain two events a week apart
    span: list[tuple[int, int] | None] = [
        (_day(u.published_date), _day(u.published_date)) if u.published_date else None
        for u in units
    ]

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    scored = []
    for (i, j), overlap in shared.items():
        denominator = math.sqrt(weight[i] * weight[j])
        if denominator and overlap / denominator >= min_similarity:
            scored.append((-overlap / denominator, i, j))
    for _, i, j in sorted(scored):
        a, b = root(i), root(j)
        if a == b:
            continue
        merged = _merge_spans(span[a], span[b])
        if merged and merged[1] - merged[0] > window_days:
            continue
        parent[a] = b
        span[b] = merged
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        members[root(i)].append(i)
    story_of: dict[str, str] = {}
    for group in members.values():
        first = min(group, key=lambda i: (_day(units[i].published_date), units[i].cluster_id))
        for i in group:
            story_of[units[i].cluster_id] = units[first].cluster_id
    return story_of


def _day(value: date | None) -> int:
    return value.toordinal() if value else 10**7

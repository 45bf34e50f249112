"""Stories: group articles from different outlets (and languages) that report one event.

Evidence is what survives translation and rewording: names of people and places,
figures, and the title's rarer words, weighted by how rare they are in the corpus (IDF).
Articles further apart in time than a window are different stories even when the same
people meet again. Duplicate clusters enter as one unit (their canonical article).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import duckdb
import pyarrow as pa

from tasks.settings import duckdb_config

# A name-like token: starts upper-case, has a lower-case letter after it (not ALL CAPS).
# Words opening with a lower-case letter of the common scripts are skipped by the regex
# itself; every other candidate is still checked with str.isupper().
_LOWER_CASE_INITIALS = "a-zß-öø-ÿα-ωа-џ"
_NAME = re.compile(rf"\b[^\W\d_{_LOWER_CASE_INITIALS}][^\W\d_'’-]{{2,}}\b", re.UNICODE)
_FIGURE = re.compile(r"\b\d[\d.,]*\d\b|\b\d\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;«»\"“”„]\s*|\n)\s*$")
# terms shared by more than this share of the corpus (or this many articles) say
# nothing about one event; the floor keeps small corpora usable
_MAX_DOCUMENT_SHARE = 0.2
_MAX_DOCUMENT_COUNT = 200
_MIN_DOCUMENT_CAP = 10
# share of a group's members that must link to the group it joins (stops chaining)
MIN_LINKED_SHARE = 1 / 3


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
    sentence_start = _SENTENCE_START.search
    for match in _NAME.finditer(text):
        word = match.group(0)
        if not word[0].isupper() or word.isupper() and len(word) > 4:
            continue
        start = match.start()
        if sentence_start(text[max(0, start - 3) : start]):
            continue
        terms.add(word.casefold())
    terms.update(f"#{n}" for n in _FIGURE.findall(text) if len(n) >= 2)
    return sorted(terms)


def _merge_spans(a: tuple[int, int] | None, b: tuple[int, int] | None) -> tuple[int, int] | None:
    if a is None or b is None:
        return a or b
    return min(a[0], b[0]), max(a[1], b[1])


def similar_pairs(
    units: Sequence[StoryUnit], window_days: int, min_similarity: float
) -> list[tuple[int, int, float]]:
    """Unit pairs within the date window whose IDF-weighted term overlap is high enough.

    The inverted-index join runs in DuckDB, so the millions of shared-term increments a
    large corpus produces never become Python objects; only passing pairs come back.
    """
    n = len(units)
    if n < 2:
        return []
    cap = max(_MIN_DOCUMENT_CAP, min(int(_MAX_DOCUMENT_SHARE * n), _MAX_DOCUMENT_COUNT))
    unit_terms = pa.table(
        {
            "idx": pa.array([i for i, u in enumerate(units) for _ in u.terms], pa.int32()),
            "term": pa.array([t for u in units for t in sorted(u.terms)], pa.string()),
        }
    )
    unit_days = pa.table(
        {
            "idx": pa.array(range(n), pa.int32()),
            "day": pa.array(
                [u.published_date.toordinal() if u.published_date else None for u in units],
                pa.int32(),
            ),
        }
    )
    con = duckdb.connect(config=duckdb_config())
    con.register("unit_terms", unit_terms)
    con.register("unit_days", unit_days)
    rows = con.execute(
        """
        with rare as (
            select term, ln(1 + $n / count(*)) as idf from unit_terms
            group by term having count(*) between 2 and $cap
        ), weighted as (
            select t.idx, t.term, r.idf, d.day
            from unit_terms t join rare r using (term) join unit_days d using (idx)
        ), weights as (select idx, sum(idf) as weight from weighted group by idx),
        pair_overlap as (
            select a.idx as i, b.idx as j, sum(a.idf) as overlap
            from weighted a join weighted b
              on a.term = b.term and a.idx < b.idx
             and (a.day is null or b.day is null or abs(a.day - b.day) <= $window)
            group by all
        )
        select i, j, overlap / sqrt(wi.weight * wj.weight) as similarity
        from pair_overlap
        join weights wi on wi.idx = i
        join weights wj on wj.idx = j
        where overlap / sqrt(wi.weight * wj.weight) >= $min_similarity
        order by i, j
        """,
        {"n": n, "cap": cap, "window": window_days, "min_similarity": min_similarity},
    ).fetchall()
    con.close()
    return [(int(i), int(j), float(sim)) for i, j, sim in rows]


def group_stories(
    units: Sequence[StoryUnit], window_days: int, min_similarity: float
) -> dict[str, str]:
    """Map each unit's cluster_id to a story id (the earliest member's cluster_id).

    The most similar pairs join first, while the joined group's dates still fit in the
    window.
    """
    n = len(units)
    scored = sorted((-sim, i, j) for i, j, sim in similar_pairs(units, window_days, min_similarity))
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

    neighbours: list[set[int]] = [set() for _ in range(n)]
    for _, i, j in scored:
        neighbours[i].add(j)
        neighbours[j].add(i)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    for _, i, j in scored:
        a, b = root(i), root(j)
        if a == b:
            continue
        merged = _merge_spans(span[a], span[b])
        if merged and merged[1] - merged[0] > window_days:
            continue
        if not _coherent(members[a], members[b], neighbours):
            continue
        parent[a] = b
        span[b] = merged
        members[b].extend(members.pop(a))
    story_of: dict[str, str] = {}
    for group in members.values():
        first = min(group, key=lambda i: (_day(units[i].published_date), units[i].cluster_id))
        for i in group:
            story_of[units[i].cluster_id] = units[first].cluster_id
    return story_of


def _coherent(group_a: list[int], group_b: list[int], neighbours: list[set[int]]) -> bool:
    """Two groups join only if each has a fair share of members linked to the other.

    One shared name between a newcomer and one member of a large group is how chains of
    pairwise matches glue unrelated stories together; a real story links more widely.
    """
    for group, other in ((group_a, group_b), (group_b, group_a)):
        others = set(other)
        linked = sum(1 for i in group if neighbours[i] & others)
        if linked < MIN_LINKED_SHARE * len(group):
            return False
    return True


def _day(value: date | None) -> int:
    return value.toordinal() if value else 10**7

"""Stories: group articles from different outlets (and languages) that report one event.

Evidence is what survives translation and rewording: names of people and places,
figures, and the title's rarer words, weighted by how rare they are in the corpus (IDF).
The same quote in two reports is strong evidence (a quote term counts several times a
name of the same rarity). Articles further apart in time than a window are different
stories even when the same people meet again. Duplicate clusters enter as one unit
(their canonical article).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import duckdb
import numpy as np
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
# a shared quote counts this many times a shared rare name of the same rarity
QUOTE_WEIGHT = 3.0
QUOTE_TERM = "q:"
# figures (numbers, dates) among the terms carry this prefix
FIGURE_TERM = "#"
MIN_QUOTE_WORDS = 6
_QUOTE_WORD = re.compile(r"\w+", re.UNICODE)
# across languages few terms can match, so a pair needs this many shared ones
MIN_SHARED_ACROSS_LANGUAGES = 4
# share of a group's members that must link to the group it joins (stops chaining)
MIN_LINKED_SHARE = 1 / 3


@dataclass(frozen=True, slots=True)
class EmbeddingGate:
    """Cosines of title-and-lead embeddings at which two reports are one story: `alone`
    needs nothing else, `confirmed` needs shared names or figures (term similarity of at
    least `confirm_terms`)."""

    alone: float
    confirmed: float
    confirm_terms: float


# Calibrated on SemEval-2022 Task 8's training pairs only (docs/stories.md): reports of
# one event in two languages sit lower in the embedding space than within one language,
# so one shared threshold would starve cross-language pairs.
SAME_LANGUAGE_GATE = EmbeddingGate(alone=0.60, confirmed=0.475, confirm_terms=0.15)
CROSS_LANGUAGE_GATE = EmbeddingGate(alone=0.575, confirmed=0.425, confirm_terms=0.15)
# two units of one language that name at least this many people or places each, whose
# term similarity stays below the veto level, are about different people and places,
# however close their wording (same-topic pieces from one region, templated bulletins)
MIN_NAMES_FOR_VETO = 3
# figures in a title: titles that are one template with other figures are instalments of
# a series (weekly prices, waiting times, results), each its own story
TITLE_FIGURE = r"[0-9]+(?:[.,][0-9]+)*"
# and names after the first word (RE2, as DuckDB runs it): the same template for another
# town, club or hospital is another report, not the same one. A name is one slot however
# many words it has: a capitalised word and the words after it up to the next figure or
# punctuation ("New York" and "Paris", "Sea bass fetches" and "Haddock fetches"), since a
# name's length is no part of the template
TITLE_NAME = r"\p{Lu}[\p{L}'’-]*(?:[ \t]+[\p{L}'’-]+)*"
# a title is a template only if it keeps this many lower-case words once its names are
# masked: a headline in title case would otherwise be a template of its word count
MIN_TEMPLATE_WORDS = 2
TERM_VETO_BELOW = 0.15


@dataclass(frozen=True, slots=True)
class StoryUnit:
    """One dup cluster's canonical article, as the story grouping sees it."""

    cluster_id: str
    published_date: date | None
    terms: frozenset[str]
    language: str | None = None


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
    terms.update(f"{FIGURE_TERM}{n}" for n in _FIGURE.findall(text) if len(n) >= 2)
    return sorted(terms)


def _merge_spans(a: tuple[int, int] | None, b: tuple[int, int] | None) -> tuple[int, int] | None:
    if a is None or b is None:
        return a or b
    return min(a[0], b[0]), max(a[1], b[1])


def quote_terms(quote_texts: Sequence[str]) -> list[str]:
    """One term per quote long enough to be someone's words rather than a stock phrase.

    The same quote in two reports within the window is strong evidence of one story;
    its term is the hash of the quote's normalised words, weighted up in `similar_pairs`.
    """
    terms = set()
    for text in quote_texts:
        words = _QUOTE_WORD.findall(text.casefold())
        if len(words) >= MIN_QUOTE_WORDS:
            terms.add(QUOTE_TERM + hashlib.sha1(" ".join(words).encode()).hexdigest()[:16])
    return sorted(terms)


def similar_pairs(
    units: Sequence[StoryUnit], window_days: int, min_similarity: float
) -> list[tuple[int, int, float]]:
    """Unit pairs within the date window whose IDF-weighted term overlap is high enough."""
    n = len(units)
    if n < 2:
        return []
    con = duckdb.connect(config=duckdb_config())
    con.register(
        "unit_terms",
        pa.table(
            {
                "idx": pa.array([i for i, u in enumerate(units) for _ in u.terms], pa.int32()),
                "term": pa.array([t for u in units for t in sorted(u.terms)], pa.string()),
            }
        ),
    )
    con.register(
        "unit_days",
        pa.table(
            {
                "idx": pa.array(range(n), pa.int32()),
                "day": pa.array([_day_or_none(u.published_date) for u in units], pa.int32()),
                "lang": pa.array([u.language or "" for u in units], pa.string()),
            }
        ),
    )
    con.execute(
        """
        create temp table term_df as select term, count(*) as df from unit_terms group by term;
        create temp table term_langs as
        select distinct t.term, d.lang from unit_terms t join unit_days d using (idx);
        """
    ).fetchall()
    pairs = similar_pairs_in(con, n, window_days, min_similarity)
    con.close()
    return pairs


def similar_pairs_in(
    con: duckdb.DuckDBPyConnection, n_units: int, window_days: int, min_similarity: float
) -> list[tuple[int, int, float]]:
    """`similar_pairs` over tables already in `con`, as (i, j, similarity) tuples
    (`similar_pair_keys_in` says which tables and how pairs are scored)."""
    base = max(n_units, 1)
    keys, similarity = similar_pair_keys_in(
        con, n_units, window_days, min_similarity, key_base=base
    )
    return [
        (k // base, k % base, sim)
        for k, sim in zip(keys.tolist(), similarity.tolist(), strict=True)
    ]


def similar_pair_keys_in(
    con: duckdb.DuckDBPyConnection,
    n_units: int,
    window_days: int,
    min_similarity: float,
    *,
    key_base: int,
) -> tuple[np.ndarray, np.ndarray]:
    """The similar pairs of units, as sorted int64 keys i * key_base + j (i < j) and
    their float64 similarities: two arrays straight from DuckDB, as a million units
    have millions of pairs that as Python tuples would outweigh the candidate search.

    `unit_terms(idx, term)` and `unit_days(idx, day, lang)` hold the units to compare;
    `term_df(term, df)` the document frequency of each term over all `n_units` units of
    the corpus (which may be more than those compared), `term_langs(term, lang)` the
    languages each term occurs in. The inverted-index join runs in DuckDB, so the
    shared-term increments never become Python objects.

    Across two languages only terms the other language also uses (names, figures) can
    match, so each side's weight counts only those: a German report's capitalised
    nouns then do not dilute its likeness to an English report of the same event. For
    two units of one language this is the plain cosine of their weighted terms.
    """
    found = con.sql(
        _WEIGHTED_TERMS
        + """, pair_overlap as (
            select a.idx as i, b.idx as j, a.lang as lang_i, b.lang as lang_j,
                   sum(a.idf) as overlap, count(*) as n_shared
            from weighted a join weighted b
              on a.term = b.term and a.idx < b.idx
             and (a.day is null or b.day is null or abs(a.day - b.day) <= $window)
            group by all
        )
        select i::bigint * $base + j as pair_key,
               (overlap / sqrt(wi.weight * wj.weight))::double as similarity
        from pair_overlap
        join weights wi on wi.idx = i and wi.other_lang = lang_j
        join weights wj on wj.idx = j and wj.other_lang = lang_i
        where overlap / sqrt(wi.weight * wj.weight) >= $min_similarity
          and (lang_i = lang_j or n_shared >= $min_shared_across)
        order by pair_key
        """,
        params={
            **_term_weight_parameters(n_units),
            "window": window_days,
            "base": key_base,
            "min_similarity": min_similarity,
            "min_shared_across": MIN_SHARED_ACROSS_LANGUAGES,
        },
    ).to_arrow_table()
    keys = found.column("pair_key").to_numpy().astype(np.int64, copy=False)
    similarity = found.column("similarity").to_numpy().astype(np.float64, copy=False)
    return keys, similarity


def shared_name_similarity_in(
    con: duckdb.DuckDBPyConnection, n_units: int, pairs: Sequence[tuple[int, int]]
) -> dict[tuple[int, int], float]:
    """The similarity of these unit pairs by the people and places they name (figures
    and quotes left out), counting every shared name even across languages, where
    `similar_pairs_in` asks for several: the veto's question is whether two reports name
    any of the same people and places, not whether that is enough to link them. Same
    tables as
    `similar_pairs_in`; pairs sharing no name score 0."""
    if not pairs:
        return {}
    con.register(
        "veto_pairs",
        pa.table(
            {
                "i": pa.array([i for i, _ in pairs], pa.int32()),
                "j": pa.array([j for _, j in pairs], pa.int32()),
            }
        ),
    )
    rows = con.execute(
        _WEIGHTED_TERMS
        + """, pair_overlap as (
            select p.i, p.j, a.lang as lang_i, b.lang as lang_j, sum(a.idf) as overlap
            from veto_pairs p
            join weighted a on a.idx = p.i
            join weighted b on b.idx = p.j and b.term = a.term
            group by all
        )
        select i, j, overlap / sqrt(wi.weight * wj.weight)
        from pair_overlap
        join weights wi on wi.idx = i and wi.other_lang = lang_j
        join weights wj on wj.idx = j and wj.other_lang = lang_i
        """,
        _term_weight_parameters(n_units, names_only=True),
    ).fetchall()
    con.unregister("veto_pairs")
    shared = {(int(i), int(j)): float(sim) for i, j, sim in rows}
    return {(i, j): shared.get((i, j), 0.0) for i, j in pairs}


# rare terms of each unit with their IDF weight, and each unit's total weight of the
# terms another language also uses (`similar_pairs_in` says why)
_WEIGHTED_TERMS = """
    with rare as (
        select term,
               ln(1 + $n / df) * (case when starts_with(term, $quote) then $boost else 1 end)
               as idf
        from term_df
        where df between 2 and $cap
          and ($all_terms or not (starts_with(term, $figure) or starts_with(term, $quote)))
    ), weighted as (
        select t.idx, t.term, r.idf, d.day, d.lang
        from unit_terms t join rare r using (term) join unit_days d using (idx)
    ), weights as (
        select w.idx, l.lang as other_lang, sum(w.idf) as weight
        from weighted w join term_langs l using (term)
        group by all
    )"""


def _term_weight_parameters(n_units: int, *, names_only: bool = False) -> dict[str, object]:
    cap = max(_MIN_DOCUMENT_CAP, min(int(_MAX_DOCUMENT_SHARE * n_units), _MAX_DOCUMENT_COUNT))
    return {
        "n": n_units,
        "cap": cap,
        "quote": QUOTE_TERM,
        "boost": QUOTE_WEIGHT,
        "figure": FIGURE_TERM,
        "all_terms": not names_only,
    }


def story_link(
    cosine: float | None,
    term_similarity: float,
    *,
    cross_language: bool,
    both_named: bool,
    min_term_similarity: float,
    instalments: bool = False,
    shared_names: float | None = None,
) -> bool:
    """Whether a pair of units (already within the time window) tells one story: one
    pair of `story_links`, which says how the pair is decided (None for no cosine or no
    names counted)."""
    return bool(
        story_links(
            np.array([np.nan if cosine is None else cosine]),
            np.array([term_similarity]),
            embedded=np.array([cosine is not None]),
            cross_language=np.array([cross_language]),
            both_named=np.array([both_named]),
            min_term_similarity=min_term_similarity,
            instalments=np.array([instalments]),
            shared_names=np.array([np.nan if shared_names is None else shared_names]),
        )[0]
    )


def story_links(
    cosines: np.ndarray,
    term_similarity: np.ndarray,
    *,
    embedded: np.ndarray,
    cross_language: np.ndarray,
    both_named: np.ndarray,
    min_term_similarity: float,
    instalments: np.ndarray,
    shared_names: np.ndarray,
) -> np.ndarray:
    """Which of these candidate pairs (already within the time window) tell one story,
    decided for a chunk of pairs at once (a million units have tens of millions of
    candidates): parallel arrays, one entry per pair.

    The embedding's cosine is the main gate; shared names and figures confirm a middling
    cosine, and between two units that both name people and places, sharing none of
    them vetoes a high one. Pairs without an embedding on both sides (`embedded` false)
    fall back to the terms alone. Two instalments of a series (titles of one template
    with other figures or names) are never one story.

    Within one language the veto reads `term_similarity`; across languages, where that
    is 0 below a few shared terms, it reads `shared_names`, the pair's similarity by
    names alone (`shared_name_similarity_in`), NaN where it was not counted (no veto).
    Cosines are compared as float64, as Python floats would be.
    """
    cosines = np.asarray(cosines, dtype=np.float64)
    cross = np.asarray(cross_language, dtype=bool)
    names_shared = np.where(cross, shared_names, term_similarity)
    # NaN (not counted) compares false: no veto
    vetoed = np.asarray(both_named, dtype=bool) & (names_shared < TERM_VETO_BELOW)
    alone = np.where(cross, CROSS_LANGUAGE_GATE.alone, SAME_LANGUAGE_GATE.alone)
    confirmed = np.where(cross, CROSS_LANGUAGE_GATE.confirmed, SAME_LANGUAGE_GATE.confirmed)
    confirm_terms = np.where(
        cross, CROSS_LANGUAGE_GATE.confirm_terms, SAME_LANGUAGE_GATE.confirm_terms
    )
    by_cosine = ~vetoed & (
        (cosines >= alone) | ((cosines >= confirmed) & (term_similarity >= confirm_terms))
    )
    by_terms = term_similarity >= min_term_similarity
    linked: np.ndarray = ~np.asarray(instalments, dtype=bool) & np.where(
        embedded, by_cosine, by_terms
    )
    return linked


def group_stories(
    units: Sequence[StoryUnit],
    window_days: int,
    min_similarity: float,
    pairs: Sequence[tuple[int, int, float]] | None = None,
) -> dict[str, str]:
    """Map each unit's cluster_id to a story id (the earliest member's cluster_id).

    The most similar pairs join first, while the joined group's dates still fit in the
    window. `pairs` (from `similar_pairs_in`) spares the search when the caller ran it.
    """
    n = len(units)
    if pairs is None:
        pairs = similar_pairs(units, window_days, min_similarity)
    scored = sorted((-sim, i, j) for i, j, sim in pairs)
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


def _day_or_none(value: date | None) -> int | None:
    return value.toordinal() if value else None


def _day(value: date | None) -> int:
    return value.toordinal() if value else 10**7

"""Stories: shared names within a time window group reports of one event."""

from __future__ import annotations

from datetime import date

import duckdb
import numpy as np
import pyarrow as pa
import pytest

from tasks.stories import (
    StoryUnit,
    group_stories,
    quote_terms,
    shared_name_similarity_in,
    similar_pair_keys_in,
    similar_pairs_in,
    story_terms,
)


def test_story_terms_take_names_and_figures_not_sentence_starts() -> None:
    terms = story_terms(
        "Strike at Port Calder", "Crews walked out. Union leader Ann Reidie said 48 hours."
    )
    assert {"port", "calder", "ann", "reidie", "#48"} <= set(terms)
    assert "crews" not in terms and "union" not in terms


def test_story_terms_names_in_other_scripts() -> None:
    terms = story_terms(None, "Встреча в Москве. Президент Иванов прибыл. Ülke İzmir'de ÇAĞ")
    assert {"москве", "иванов", "i̇zmir"} <= set(terms)
    assert "президент" not in terms and "встреча" not in terms and "прибыл" not in terms


def _unit(cid: str, day: date | None, *names: str) -> StoryUnit:
    return StoryUnit(cid, day, frozenset(names))


def test_same_event_groups_and_window_splits() -> None:
    filler = [_unit(f"f{i}", date(2023, 1, 1), f"x{i}", f"y{i}", "common") for i in range(20)]
    units = filler + [
        _unit("a", date(2023, 3, 7), "marrowfield", "ferrand", "reiker", "eastgate", "#84"),
        _unit("b", date(2023, 3, 7), "marrowfield", "ferrand", "reiker", "eastgate", "osei"),
        _unit("c", date(2023, 3, 14), "marrowfield", "ferrand", "reiker", "eastgate", "#84"),
        _unit("d", None, "marrowfield", "ferrand", "reiker", "osei"),
    ]
    story = group_stories(units, window_days=3, min_similarity=0.3)
    assert story["a"] == story["b"]
    assert story["c"] != story["a"]
    assert story["f0"] == "f0" and story["f1"] == "f1"


def test_a_chain_of_pairwise_matches_does_not_become_one_story() -> None:
    filler = [_unit(f"f{i}", None, f"x{i}", f"y{i}", f"z{i}") for i in range(30)]
    chain = [
        _unit(f"c{k}", None, f"a{k}", f"b{k}", f"a{k + 1}", f"b{k + 1}") for k in range(8)
    ]  # c0~c1, c1~c2, ...: each link shares two rare names, ends share nothing
    story = group_stories(filler + chain, window_days=3, min_similarity=0.3)
    sizes: dict[str, int] = {}
    for k in range(8):
        sizes[story[f"c{k}"]] = sizes.get(story[f"c{k}"], 0) + 1
    assert story["c0"] == story["c1"]
    assert max(sizes.values()) <= 4 and story["c0"] != story["c7"]


def test_a_shared_quote_is_strong_evidence_within_the_window_only() -> None:
    words = "We will not sign a deal that leaves the harbour towns behind"
    said = quote_terms([f'"{words}"'])
    assert said and said == quote_terms([words.upper() + "!"])
    assert quote_terms(["No comment."]) == []
    filler = [_unit(f"f{i}", date(2023, 1, 1), f"x{i}", f"y{i}", "minister") for i in range(20)]
    units = filler + [
        _unit("a", date(2023, 6, 2), "minister", "brussels", *said),
        _unit("b", date(2023, 6, 3), "talks", "ministry", *said),
        _unit("c", date(2023, 6, 2), "minister", "brussels", "lisbon"),
        # the same people say the same words again a month later: another meeting
        _unit("d", date(2023, 7, 4), "minister", "brussels", *said),
    ]
    story = group_stories(units, window_days=3, min_similarity=0.3)
    assert story["a"] == story["b"]  # only the quote links them
    assert story["d"] != story["a"]


def test_two_meetings_of_the_same_people_a_month_apart_are_two_stories() -> None:
    names = ("ferrand", "osei", "reiker", "marrowfield", "summit")
    filler = [_unit(f"f{i}", date(2023, 1, 1), f"x{i}", f"y{i}") for i in range(20)]
    march = [_unit(f"m{i}", date(2023, 3, 7 + i % 2), *names, f"#{i}") for i in range(3)]
    april = [_unit(f"a{i}", date(2023, 4, 6 + i % 2), *names, f"#{i}") for i in range(3)]
    story = group_stories(filler + march + april, window_days=3, min_similarity=0.3)
    assert len({story[u.cluster_id] for u in march}) == 1
    assert len({story[u.cluster_id] for u in april}) == 1
    assert story["m0"] != story["a0"]


def test_across_languages_only_terms_both_languages_use_count() -> None:
    day = date(2023, 5, 2)
    names = ("ferrand", "osei", "marrowfield", "#2023", "#48")
    # German capitalises nouns: many terms no English report can share
    nouns = [f"nomen{k}" for k in range(30)]
    filler = [
        StoryUnit(f"f{i}", date(2022, 1, 1), frozenset({f"x{i}", *nouns[i % 30 :: 10]}), lang)
        for i, lang in enumerate(["de", "en"] * 10)
    ]
    german = StoryUnit("de", day, frozenset({*names, *nouns}), "de")
    english = StoryUnit("en", day, frozenset({*names, "harbour", "strike"}), "en")
    loose = StoryUnit("fr", day, frozenset({"ferrand", "#48"}), "fr")
    story = group_stories([*filler, german, english, loose], window_days=3, min_similarity=0.5)
    assert story["de"] == story["en"]
    assert story["fr"] == "fr"  # two shared terms across languages are not enough
    unaware = [StoryUnit(u.cluster_id, u.published_date, u.terms) for u in (german, english)]
    without_languages = group_stories([*filler, *unaware], 3, 0.5)
    assert without_languages["de"] != without_languages["en"]  # the nouns dilute the likeness


def test_story_link_gates_by_cosine_per_language_pair() -> None:
    from tasks.stories import CROSS_LANGUAGE_GATE, SAME_LANGUAGE_GATE, story_link

    def link(cosine: float | None, terms: float, cross: bool, named: bool = False) -> bool:
        return story_link(
            cosine, terms, cross_language=cross, both_named=named, min_term_similarity=0.3
        )

    middling = (CROSS_LANGUAGE_GATE.confirmed + SAME_LANGUAGE_GATE.confirmed) / 2
    assert CROSS_LANGUAGE_GATE.confirmed < middling < SAME_LANGUAGE_GATE.confirmed
    assert link(SAME_LANGUAGE_GATE.alone, 0.0, cross=False)
    # a middling cosine needs shared names, and only crosses the lower cross-language gate
    assert link(middling, 0.2, cross=True) and not link(middling, 0.0, cross=True)
    assert not link(middling, 0.2, cross=False)
    # two units full of names that share none are different events, however alike
    assert not link(0.9, 0.1, cross=False, named=True)
    assert link(0.9, 0.0, cross=True, named=True)
    # across languages the veto needs the names counted one by one (shared_names)
    assert not story_link(
        0.9,
        0.0,
        cross_language=True,
        both_named=True,
        min_term_similarity=0.3,
        shared_names=0.05,
    )
    assert story_link(
        0.9,
        0.0,
        cross_language=True,
        both_named=True,
        min_term_similarity=0.3,
        shared_names=0.4,
    )
    # without an embedding the terms decide, as before
    assert link(None, 0.35, cross=False) and not link(None, 0.25, cross=False)


def test_story_links_decide_a_chunk_as_story_link_decides_each_pair() -> None:
    """The array decision and the one-pair call agree on every combination, at the gates'
    edges too (float32 cosines compared as float64)."""
    from tasks.stories import CROSS_LANGUAGE_GATE, SAME_LANGUAGE_GATE, story_link, story_links

    edges = [SAME_LANGUAGE_GATE.alone, SAME_LANGUAGE_GATE.confirmed, CROSS_LANGUAGE_GATE.alone]
    cosines = [None, 0.1, *edges, *(np.float32(e) for e in edges), 0.9]
    terms = [0.0, 0.1, 0.15, 0.3, 0.6]
    cases = [
        (cosine, term, cross, named, instalments, shared)
        for cosine in cosines
        for term in terms
        for cross in (False, True)
        for named in (False, True)
        for instalments in (False, True)
        for shared in (None, 0.05, 0.4)
    ]
    columns = list(zip(*cases, strict=True))
    decided = story_links(
        np.array([np.nan if c is None else float(c) for c in columns[0]], dtype=np.float32),
        np.array(columns[1]),
        embedded=np.array([c is not None for c in columns[0]]),
        cross_language=np.array(columns[2]),
        both_named=np.array(columns[3]),
        min_term_similarity=0.3,
        instalments=np.array(columns[4]),
        shared_names=np.array([np.nan if s is None else s for s in columns[5]]),
    )
    expected = [
        story_link(
            None if cosine is None else float(np.float32(cosine)),
            term,
            cross_language=cross,
            both_named=named,
            min_term_similarity=0.3,
            instalments=instalments,
            shared_names=shared,
        )
        for cosine, term, cross, named, instalments, shared in cases
    ]
    assert decided.tolist() == expected
    assert 0 < sum(expected) < len(expected)


def test_shared_name_similarity_counts_names_not_figures_or_quotes() -> None:
    """A template's stock quote and figures are no shared people or places; one shared
    name across languages counts, where linking asks for several."""
    quote = quote_terms(["Prices usually rise before a holiday weekend, so fill up early"])[0]
    terms = [
        {"inverport", "brook", "quay", "#2.05", quote},
        {"dorby", "holt", "mill", "#2.05", quote},
        {"inverport", "hafen", "kai"},
        *({f"x{k}", "quay", "mill", "hafen", "#2.05", quote} for k in range(4)),
    ]
    con = _term_tables(terms, ["en", "en", "de", "en", "en", "en", "en"])
    shared = shared_name_similarity_in(con, 7, [(0, 1), (0, 2), (1, 2)])
    assert shared[(0, 1)] == 0.0  # only the figure and the quote in common
    assert shared[(0, 2)] > 0.15  # one name across languages
    assert shared[(1, 2)] == 0.0


def _term_tables(terms: list[set[str]], langs: list[str]) -> duckdb.DuckDBPyConnection:
    """A connection holding the tables `similar_pairs_in` reads, for undated units."""
    con = duckdb.connect()
    con.register(
        "unit_terms",
        pa.table(
            {
                "idx": pa.array([k for k, ts in enumerate(terms) for _ in ts], pa.int32()),
                "term": [t for ts in terms for t in sorted(ts)],
            }
        ),
    )
    n = len(terms)
    con.register(
        "unit_days",
        pa.table({"idx": pa.array(range(n), pa.int32()), "day": [None] * n, "lang": langs}),
    )
    con.execute(
        "create table term_df as select term, count(*) as df from unit_terms group by term;"
        "create table term_langs as "
        "select distinct t.term, d.lang from unit_terms t join unit_days d using (idx)"
    )
    return con


def test_similar_pair_keys_are_the_similar_pairs_as_sorted_arrays() -> None:
    """The arrays carry the same pairs and scores as the tuples, keyed on any base."""
    terms = [
        {"harlow", "brandt", "quay", "#12"},
        {"harlow", "brandt", "mill"},
        {"dorby", "holt", "#12"},
        {"dorby", "holt", "quay"},
        {"harlow", "brandt", "quay"},
        {"x1", "x2"},
    ]
    con = _term_tables(terms, ["en"] * len(terms))
    pairs = similar_pairs_in(con, len(terms), 7, 0.1)
    keys, similarity = similar_pair_keys_in(con, len(terms), 7, 0.1, key_base=1000)
    assert len(pairs) >= 3
    assert keys.dtype == np.int64 and (np.diff(keys) > 0).all()
    assert [(int(k) // 1000, int(k) % 1000) for k in keys] == [(i, j) for i, j, _ in pairs]
    assert similarity.tolist() == pytest.approx([sim for _, _, sim in pairs])

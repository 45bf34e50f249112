"""Corpus-wide stages: duplicate clusters, then story clusters, over every article so far.

Reads the sketches and article metadata of the previous version and of this run's
staged batches from Parquet with DuckDB, and returns one assignment row per article.
Only the bodies of LSH candidate pairs are read back, to verify them.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import pyarrow as pa

from tasks.dedup import (
    CanonicalKey,
    NearDupRule,
    assign_dup_clusters,
    candidate_pairs,
    is_near_duplicate,
)
from tasks.settings import duckdb_config
from tasks.stories import StoryUnit, group_stories

ASSIGNMENTS = pa.schema(
    [
        ("article_id", pa.string()),
        ("dup_cluster_id", pa.string()),
        ("is_canonical", pa.bool_()),
        ("dup_kind", pa.string()),
        ("story_cluster_id", pa.string()),
    ]
)


def cluster_articles(
    article_files: Sequence[str],
    sketch_files: Sequence[str],
    excluded_article_ids: Sequence[str],
    *,
    lsh_bands: int,
    rule: NearDupRule,
    story_window_days: int,
    story_similarity: float,
) -> pa.Table:
    """Assign every article (old and new, less the excluded) its dup and story cluster."""
    con = duckdb.connect(config=duckdb_config())
    con.register("excluded", pa.table({"article_id": pa.array(excluded_article_ids, pa.string())}))
    rows = con.sql(
        """
        select a.article_id, a.published_date, a.n_words,
               (a.title is not null)::int + (a.outlet is not null)::int
               + (a.published_date is not null)::int + (a.dateline is not null)::int
               + (a.byline is not null)::int as n_metadata,
               s.content_hash, s.minhash, s.numbers, s.story_terms
        from read_parquet(?, union_by_name=true) a
        join read_parquet(?, union_by_name=true) s using (article_id)
        where a.article_id not in (select article_id from excluded)
        order by a.article_id
        """,
        params=[list(article_files), list(sketch_files)],
    ).to_arrow_table()
    if rows.num_rows == 0:
        return ASSIGNMENTS.empty_table()
    ids = rows["article_id"].to_pylist()
    keys = [
        CanonicalKey(i, d, n, m)
        for i, d, n, m in zip(
            ids,
            rows["published_date"].to_pylist(),
            rows["n_words"].to_pylist(),
            rows["n_metadata"].to_pylist(),
            strict=True,
        )
    ]
    hashes = rows["content_hash"].to_pylist()
    numbers = rows["numbers"].to_pylist()
    minhash = rows["minhash"].combine_chunks()
    signatures = minhash.flatten().to_numpy().reshape(len(minhash), -1)
    pairs = [(int(i), int(j)) for i, j in candidate_pairs(signatures, lsh_bands)]
    pairs = [(i, j) for i, j in pairs if hashes[i] != hashes[j]]
    bodies = _bodies_of(con, article_files, {ids[k] for pair in pairs for k in pair})
    near = [
        (i, j)
        for i, j in pairs
        if is_near_duplicate(bodies[ids[i]], bodies[ids[j]], numbers[i], numbers[j], rule)
    ]
    dups = assign_dup_clusters(keys, hashes, near)
    terms = rows["story_terms"].to_pylist()
    index_of = {article_id: k for k, article_id in enumerate(ids)}
    units = [
        StoryUnit(
            a.article_id,
            keys[index_of[a.article_id]].published_date,
            frozenset(terms[index_of[a.article_id]]),
        )
        for a in dups
        if a.is_canonical
    ]
    story_of = group_stories(units, story_window_days, story_similarity)
    return pa.table(
        {
            "article_id": [a.article_id for a in dups],
            "dup_cluster_id": [a.dup_cluster_id for a in dups],
            "is_canonical": [a.is_canonical for a in dups],
            "dup_kind": [a.dup_kind for a in dups],
            "story_cluster_id": [story_of[a.dup_cluster_id] for a in dups],
        },
        schema=ASSIGNMENTS,
    )


def _bodies_of(
    con: duckdb.DuckDBPyConnection, article_files: Sequence[str], wanted: set[str]
) -> dict[str, str]:
    if not wanted:
        return {}
    con.register("wanted", pa.table({"article_id": pa.array(sorted(wanted), pa.string())}))
    found = con.execute(
        """
        select article_id, body from read_parquet(?, union_by_name=true)
        where article_id in (select article_id from wanted)
        """,
        [list(article_files)],
    ).fetchall()
    return dict(found)


def count_copies(assignments: pa.Table, article_ids: Sequence[str]) -> int:
    """How many of these articles are copies (not their dup cluster's canonical)."""
    wanted = set(article_ids)
    return sum(
        1
        for article_id, canonical in zip(
            assignments["article_id"].to_pylist(),
            assignments["is_canonical"].to_pylist(),
            strict=True,
        )
        if article_id in wanted and not canonical
    )

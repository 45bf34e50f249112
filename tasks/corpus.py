"""Corpus-wide stages: duplicate clusters, then story clusters, over every article so far.

Works in DuckDB over the Parquet of the previous version and of this run's staged
batches, so memory stays flat as the archive grows: LSH band keys are hashed from the
stored MinHash signatures in SQL, a few bands at a time, and only the bodies of candidate
pairs come back to Python to be verified.

Incremental: articles of the previous version carry their cluster ids; this run's staged
articles carry none. Only what new (or dropped) articles can reach is clustered again:
- dup: every article linked to a new one through LSH buckets, equal hashes or a shared
  previous cluster, followed link by link. Star clusters depend only on their own linked
  component, so the result equals a full run and every other cluster keeps its ids.
- stories: the units dated within the story window of a changed unit (or, for an undated
  one, sharing a term with it), with the whole previous stories they belong to. Rarity
  weights come from every unit so far; stories outside that span keep their ids.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from tasks.dedup import (
    MAX_BUCKET,
    CanonicalKey,
    NearDupRule,
    assign_dup_clusters,
    body_evidence,
    evidence_agrees,
)
from tasks.embed import EMBEDDING_DIM, distinct_sorted, nearest_pair_keys, pair_cosines
from tasks.settings import Settings, duckdb_config, lower_duckdb_memory
from tasks.stories import (
    FIGURE_TERM,
    MIN_NAMES_FOR_VETO,
    MIN_TEMPLATE_WORDS,
    QUOTE_TERM,
    TERM_VETO_BELOW,
    TITLE_FIGURE,
    TITLE_NAME,
    StoryUnit,
    group_stories,
    shared_name_similarity_in,
    similar_pair_keys_in,
    similar_pairs_in,
    story_links,
)

ASSIGNMENTS = pa.schema(
    [
        ("article_id", pa.string()),
        ("dup_cluster_id", pa.string()),
        ("is_canonical", pa.bool_()),
        ("dup_kind", pa.string()),
        ("story_cluster_id", pa.string()),
    ]
)
# LSH bands hashed per pass over the signatures (fewer passes, more memory per pass), and
# at most this many (article, band) keys per pass, so a large corpus takes more passes
BANDS_PER_PASS = 8
BAND_KEYS_PER_PASS = 2_000_000
# candidate pairs verified per round trip for their bodies (their shingle sets are in memory)
VERIFY_CHUNK = 2_000
# embeddings read per batch, and candidate story pairs decided per chunk: bounded memory
_EMBEDDING_BATCH = 65_536
_DECISION_CHUNK = 262_144
_LINKED = pa.schema(
    [
        ("idx", pa.int64()),
        ("dup_cluster_id", pa.string()),
        ("is_canonical", pa.bool_()),
        ("dup_kind", pa.string()),
    ]
)


def connect_corpus(temp_dir: str | None = None) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection for the corpus stages: capped memory (spilling to `temp_dir`),
    no ordering kept for free."""
    con = duckdb.connect(config=duckdb_config(temp_dir))
    con.execute("set preserve_insertion_order = false").fetchall()
    con.execute("set enable_progress_bar = false").fetchall()  # a batch job's log is no terminal
    return con


def cluster_articles(
    article_files: Sequence[str],
    sketch_files: Sequence[str],
    excluded_article_ids: Sequence[str],
    *,
    lsh_bands: int,
    rule: NearDupRule,
    story_window_days: int,
    story_similarity: float,
    temp_dir: str | None = None,
) -> pa.Table:
    """Assign every article (old and new, less the excluded) its dup and story cluster;
    DuckDB spills to `temp_dir` past its memory cap."""
    con = connect_corpus(temp_dir)
    con.register("excluded", pa.table({"article_id": pa.array(excluded_article_ids, pa.string())}))
    _load_articles(con, article_files, sketch_files)
    ((n_articles, n_old),) = con.execute(
        "select count(*), count(*) filter (where not is_new) from arts"
    ).fetchall()
    if n_articles == 0:
        con.close()
        return ASSIGNMENTS.empty_table()
    lsh_candidate_pairs(con, sketch_files, lsh_bands)
    _mark_dup_affected(con, incremental=n_old > 0)
    _assign_dups(con, article_files, rule)
    # the dup stage's pairs are done with: their pages need not wait in DuckDB's memory
    for table in ("cand", "links", "affected"):
        con.execute(f"drop table if exists {table}").fetchall()
    _assign_stories(con, sketch_files, story_window_days, story_similarity, n_old > 0)
    result = con.sql(
        """
        select a.article_id, a.dup_cluster_id, a.is_canonical, a.dup_kind,
               case when a.page_kind is not null then a.article_id
                    else coalesce(s.story, a.dup_cluster_id) end as story_cluster_id
        from assigned a left join unit_story s on s.cluster_id = a.dup_cluster_id
        order by a.article_id
        """
    ).to_arrow_table()
    con.close()
    return result.cast(ASSIGNMENTS)


def cluster_by_settings(
    settings: Settings,
    article_files: Sequence[str],
    sketch_files: Sequence[str],
    excluded_article_ids: Sequence[str],
    temp_dir: str | None = None,
) -> pa.Table:
    """`cluster_articles` with the thresholds of the run's settings."""
    return cluster_articles(
        article_files,
        sketch_files,
        excluded_article_ids,
        lsh_bands=settings.lsh_bands,
        rule=NearDupRule(
            settings.shingle_words,
            settings.near_dup_containment,
            settings.near_dup_jaccard,
            settings.near_dup_number_agreement,
        ),
        story_window_days=settings.story_window_days,
        story_similarity=settings.story_similarity,
        temp_dir=temp_dir,
    )


def _load_articles(
    con: duckdb.DuckDBPyConnection, article_files: Sequence[str], sketch_files: Sequence[str]
) -> None:
    """`arts`: one row per kept article with what clustering needs (no bodies, no signatures)."""
    # outputs written before `page_kind` existed have none: every page counts as an article
    page_kind = (
        "a.page_kind"
        if "page_kind" in parquet_columns(con, article_files)
        else "null::varchar as page_kind"
    )
    con.execute(
        f"""
        create temp table arts as
        select (row_number() over (order by a.article_id) - 1)::bigint as idx,
               a.article_id, a.published_date, a.n_words, a.language,
               (a.title is not null)::int + (a.outlet is not null)::int
               + (a.published_date is not null)::int + (a.dateline is not null)::int
               + (a.byline is not null)::int as n_metadata,
               s.content_hash,
               a.dup_cluster_id is null as is_new,
               a.dup_cluster_id as old_dup, a.is_canonical as old_canonical,
               a.dup_kind as old_kind, a.story_cluster_id as old_story, {page_kind},
               hash(lower(regexp_replace(regexp_replace(a.title, $figure, '#', 'g'),
                                         $later_name, '\\1§', 'g'))) as title_template,
               hash(regexp_extract_all(a.title, $slot), s.numbers) as title_slots,
               regexp_matches(a.title, $figure)
                   and len(regexp_extract_all(a.title, $lower_word)) >= $template_words
                   as title_is_template
        from read_parquet($articles, union_by_name=true) a
        join read_parquet($sketches, union_by_name=true) s using (article_id)
        where a.article_id not in (select article_id from excluded)
        """,
        {
            "articles": list(article_files),
            "sketches": list(sketch_files),
            "figure": TITLE_FIGURE,
            "later_name": rf"([^\p{{L}}\p{{N}}]){TITLE_NAME}",
            "slot": f"({TITLE_FIGURE}|{TITLE_NAME})",
            "lower_word": r"(?:^|[^\p{L}\p{N}])\p{Ll}",
            "template_words": MIN_TEMPLATE_WORDS,
        },
    ).fetchall()
    # clusters and stories that lose a member must be drawn again
    con.execute(
        """
        create temp table lost as
        select dup_cluster_id, story_cluster_id from read_parquet($articles, union_by_name=true)
        where article_id in (select article_id from excluded) and dup_cluster_id is not null
        """,
        {"articles": list(article_files)},
    ).fetchall()


def lsh_candidate_pairs(
    con: duckdb.DuckDBPyConnection, sketch_files: Sequence[str], bands: int
) -> None:
    """`cand(i, j)`: pairs of `arts(idx, article_id)` sharing an LSH bucket of 2..MAX_BUCKET.

    Band keys are hashed from slices of the stored signatures in SQL, a few bands per
    pass, so no signature matrix is ever held in Python.
    """
    con.execute("create temp table cand_raw (i bigint, j bigint)").fetchall()
    ((width,),) = con.execute(
        "select coalesce(max(len(minhash)), 0) from "
        "(select minhash from read_parquet($f, union_by_name=true) limit 1)",
        {"f": list(sketch_files)},
    ).fetchall()
    rows = width // bands if bands else 0
    ((n_articles,),) = con.execute("select count(*) from arts").fetchall()
    per_pass = max(1, min(BANDS_PER_PASS, BAND_KEYS_PER_PASS // max(1, n_articles)))
    for first in range(0, bands if rows else 0, per_pass):
        # the pass's band keys as a table (it spills), without joining the signatures to
        # anything: only keys in a shared bucket meet `arts` for their idx
        con.execute(
            """
            create or replace temp table keyed as
            select s.article_id, b.band,
                   hash(s.minhash[b.band * $rows + 1 : (b.band + 1) * $rows]) as key
            from (select article_id, minhash from read_parquet($f, union_by_name=true)
                  where article_id in (select article_id from arts)) s
            cross join range($first, $last) b(band)
            """,
            {
                "f": list(sketch_files),
                "rows": rows,
                "first": first,
                "last": min(bands, first + per_pass),
            },
        ).fetchall()
        con.execute(
            """
            insert into cand_raw
            with buckets as (
                select band, key from keyed group by band, key
                having count(*) between 2 and $max_bucket
            ), shared as (
                select x.idx, k.band, k.key
                from (select * from keyed semi join buckets using (band, key)) k
                join arts x using (article_id)
            )
            select a.idx, b.idx from shared a join shared b
              on a.band = b.band and a.key = b.key and a.idx < b.idx
            """,
            {"max_bucket": MAX_BUCKET},
        ).fetchall()
    con.execute("drop table if exists keyed").fetchall()
    con.execute("create temp table cand as select distinct i, j from cand_raw").fetchall()
    con.execute("drop table cand_raw").fetchall()


def _mark_dup_affected(con: duckdb.DuckDBPyConnection, *, incremental: bool) -> None:
    """`affected(idx)`: articles whose dup cluster is drawn again in this run."""
    if not incremental:
        con.execute("create temp table affected as select idx from arts").fetchall()
        return
    con.execute(
        """
        create temp table links as
        select i, j from cand
        union all
        select idx, first_idx from (
            select idx, min(idx) over (partition by content_hash) as first_idx from arts
        ) where idx <> first_idx
        union all
        select idx, first_idx from (
            select idx, min(idx) over (partition by old_dup) as first_idx from arts
            where old_dup is not null
        ) where idx <> first_idx
        """
    ).fetchall()
    con.execute(
        """
        create temp table affected as
        select idx from arts
        where is_new or old_dup in (select dup_cluster_id from lost)
        """
    ).fetchall()
    while True:
        added = con.execute(
            """
            insert into affected
            select distinct other from (
                select j as other from links where i in (select idx from affected)
                union all
                select i from links where j in (select idx from affected)
            ) where other not in (select idx from affected)
            """
        ).fetchall()
        if not added or added[0][0] == 0:
            break


def _assign_dups(
    con: duckdb.DuckDBPyConnection, article_files: Sequence[str], rule: NearDupRule
) -> None:
    """`assigned`: dup cluster of every article; stars drawn again for the affected ones."""
    near = _verified_pairs(con, article_files, rule)
    con.register("near", pa.table({"i": [p[0] for p in near], "j": [p[1] for p in near]}))
    linked_rows = con.execute(
        """
        with exact as (
            select idx from arts
            where idx in (select idx from affected)
              and content_hash in (
                  select content_hash from arts where idx in (select idx from affected)
                  group by content_hash having count(*) > 1)
        ), linked as (
            select idx from exact union select i from near union select j from near
        )
        select x.idx, x.article_id, x.published_date, x.n_words, x.n_metadata, x.content_hash
        from arts x semi join linked using (idx) order by x.idx
        """
    ).fetchall()
    position = {row[0]: k for k, row in enumerate(linked_rows)}
    stars = assign_dup_clusters(
        [CanonicalKey(r[1], r[2], r[3], r[4]) for r in linked_rows],
        [r[5] for r in linked_rows],
        [(position[i], position[j]) for i, j in near],
    )
    con.register(
        "linked",
        pa.table(
            {
                "idx": [r[0] for r in linked_rows],
                "dup_cluster_id": [s.dup_cluster_id for s in stars],
                "is_canonical": [s.is_canonical for s in stars],
                "dup_kind": [s.dup_kind for s in stars],
            },
            schema=_LINKED,
        ),
    )
    con.execute(
        """
        create temp table assigned as
        select x.idx, x.article_id, x.published_date, x.language, x.is_new, x.old_story,
               x.page_kind,
               x.idx in (select idx from affected) as dup_redrawn,
               case when x.idx in (select idx from affected)
                    then coalesce(l.dup_cluster_id, x.article_id) else x.old_dup end
                   as dup_cluster_id,
               case when x.idx in (select idx from affected)
                    then coalesce(l.is_canonical, true) else x.old_canonical end as is_canonical,
               case when x.idx in (select idx from affected)
                    then l.dup_kind else x.old_kind end as dup_kind
        from arts x left join linked l using (idx)
        """
    ).fetchall()


def _verified_pairs(
    con: duckdb.DuckDBPyConnection, article_files: Sequence[str], rule: NearDupRule
) -> list[tuple[int, int]]:
    """Candidate pairs among affected articles that pass the near-duplicate rule.

    The bodies they need are copied once into a DuckDB table (which spills to disk past
    the memory cap), then verified a chunk of pairs at a time.
    """
    con.execute(
        """
        create temp table to_verify as
        select c.i, c.j from cand c
        join arts a on a.idx = c.i join arts b on b.idx = c.j
        where c.i in (select idx from affected) and a.content_hash <> b.content_hash
        """
    ).fetchall()
    # the few articles in pairs first, so the scan of all bodies joins to a small table
    con.execute(
        """
        create temp table pair_bodies as
        with in_pairs as (
            select idx, article_id from arts
            where idx in (select i from to_verify union select j from to_verify)
        )
        select p.idx, a.body
        from read_parquet($articles, union_by_name=true) a join in_pairs p using (article_id)
        """,
        {"articles": list(article_files)},
    ).fetchall()
    pairs = con.execute("select i, j from to_verify order by i, j").fetchall()
    verified: list[tuple[int, int]] = []
    for start in range(0, len(pairs), VERIFY_CHUNK):
        chunk = pairs[start : start + VERIFY_CHUNK]
        wanted = pa.table({"idx": sorted({k for pair in chunk for k in pair})})
        con.register("wanted", wanted)
        bodies = dict(
            con.execute("select idx, body from pair_bodies semi join wanted using (idx)").fetchall()
        )
        evidence = {k: body_evidence(body, rule.shingle_words) for k, body in bodies.items()}
        verified += [(i, j) for i, j in chunk if evidence_agrees(evidence[i], evidence[j], rule)]
    con.execute("drop table pair_bodies").fetchall()
    return verified


def _assign_stories(
    con: duckdb.DuckDBPyConnection,
    sketch_files: Sequence[str],
    window_days: int,
    min_similarity: float,
    incremental: bool,
) -> None:
    """`unit_story(cluster_id, story)`: the story of every dup cluster's canonical."""
    con.execute(
        """
        create temp table units as
        select article_id, published_date, coalesce(language, '') as lang, old_story,
               date_diff('day', date '1970-01-01', published_date) as day,
               dup_redrawn as changed, page_kind
        from assigned where is_canonical
        """
    ).fetchall()
    if incremental:
        con.execute(
            """
            create temp table regrouped as
            with changed as (select * from units where changed),
            span as (select min(day) - $w as lo, max(day) + $w as hi from changed),
            undated_terms as (
                select distinct unnest(s.story_terms) as term
                from read_parquet($f, union_by_name=true) s
                semi join (select article_id from changed where day is null) using (article_id)
            ),
            sharing_undated as (
                select distinct s.article_id
                from (select article_id, unnest(story_terms) as term
                      from read_parquet($f, union_by_name=true)) s
                semi join undated_terms using (term)
            ),
            near_changed as (
                select u.article_id, u.old_story from units u, span
                where u.changed or u.day is null or u.day between span.lo and span.hi
                   or u.article_id in (select article_id from sharing_undated)
            ),
            touched as (
                select old_story from near_changed
                union select old_story from assigned where dup_redrawn
                union select story_cluster_id from lost
            )
            select article_id from near_changed
            union select article_id from units where old_story in (select old_story from touched)
            """,
            {"w": window_days, "f": list(sketch_files)},
        ).fetchall()
    else:
        con.execute("create temp table regrouped as select article_id from units").fetchall()
    con.execute(
        """
        create temp table story_units as
        select (row_number() over (order by u.article_id) - 1)::int as idx,
               u.article_id, u.published_date, u.day, u.lang
        from units u semi join regrouped using (article_id)
        where u.page_kind is null
        """
    ).fetchall()
    # Every unit's terms are tens of millions of rows at a million articles, more than
    # DuckDB's cap holds as a table: they are streamed from the sketches and only what
    # the weights read is kept, the terms that at least two units use (a term of one unit
    # links nothing) and, per unit, how many people and places it names (the veto's count)
    names_only = {"figure": FIGURE_TERM, "quote": QUOTE_TERM}
    tables: dict[str, tuple[str, dict[str, str]]] = {
        "term_df": (
            """select t.term, count(*) as df from sketch_terms t join units u using (article_id)
            group by t.term having count(*) >= 2""",
            {},
        ),
        "term_langs": (
            """select distinct t.term, u.lang from sketch_terms t join units u using (article_id)
            semi join term_df using (term)""",
            {},
        ),
        # the veto compares people and places: figures and quotes differ between any two
        # reports, and a script without capitals (Arabic) names no one the terms see
        "unit_names": (
            """select u.idx, count(*) as n_names
            from sketch_terms t join story_units u using (article_id)
            where not starts_with(t.term, $figure) and not starts_with(t.term, $quote)
            group by u.idx""",
            names_only,
        ),
        "unit_terms": (
            """select u.idx, t.term from sketch_terms t join story_units u using (article_id)
            semi join term_df using (term)""",
            {},
        ),
    }
    for name, (query, params) in tables.items():
        con.execute(
            f"""create temp table {name} as
            with sketch_terms as (select article_id, unnest(story_terms) as term
                                  from read_parquet($f, union_by_name=true))
            {query}""",
            {"f": list(sketch_files), **params},
        ).fetchall()
    con.execute("create temp view unit_days as select idx, day, lang from story_units").fetchall()
    ((n_units,),) = con.execute("select count(*) from units").fetchall()
    pairs = _story_pairs(con, sketch_files, n_units, window_days, min_similarity)
    # a unit in no pair is a story of its own: only paired units go to Python
    paired = sorted({k for i, j, _ in pairs for k in (i, j)})
    con.register("paired", pa.table({"idx": pa.array(paired, pa.int32())}))
    members: list[tuple[str, date | None]] = con.execute(
        "select article_id, published_date from story_units semi join paired using (idx) "
        "order by idx"
    ).fetchall()
    position = {idx: k for k, idx in enumerate(paired)}
    story_of = group_stories(
        [StoryUnit(cid, day, frozenset()) for cid, day in members],
        window_days,
        min_similarity,
        [(position[i], position[j], sim) for i, j, sim in pairs],
    )
    con.register(
        "story_map",
        pa.table(
            {
                "cluster_id": pa.array(list(story_of), pa.string()),
                "story": pa.array(list(story_of.values()), pa.string()),
            }
        ),
    )
    con.execute(
        """
        create temp table unit_story as
        select u.article_id as cluster_id,
               case when m.story is not null then m.story
                    when u.article_id in (select article_id from regrouped) then u.article_id
                    else coalesce(u.old_story, u.article_id) end as story
        from units u left join story_map m on m.cluster_id = u.article_id
        """
    ).fetchall()


def parquet_columns(con: duckdb.DuckDBPyConnection, files: Sequence[str]) -> set[str]:
    """The column names of a set of Parquet files (their union)."""
    if not files:
        return set()
    cursor = con.execute(
        "select * from read_parquet($f, union_by_name=true) limit 0", {"f": list(files)}
    )
    return {column[0] for column in cursor.description or ()}


def _story_pairs(
    con: duckdb.DuckDBPyConnection,
    sketch_files: Sequence[str],
    n_units: int,
    window_days: int,
    min_similarity: float,
) -> list[tuple[int, int, float]]:
    """Pairs of `story_units` that tell one story, scored for the grouping order.

    Candidates are each unit's nearest neighbours by embedding within the window, and
    the pairs sharing rare names, figures or quotes; `story_link` decides each. Units
    with no stored embedding (embeddings off, or written before they existed) are
    judged by their terms alone, as before.
    """
    embedded = _story_embeddings(con, sketch_files)
    if embedded is None:
        return similar_pairs_in(con, n_units, window_days, min_similarity)
    vectors, has_vector = embedded
    del embedded
    n_story_units = len(vectors)
    term_keys, term_values = similar_pair_keys_in(
        con, n_units, window_days, min(min_similarity, TERM_VETO_BELOW), key_base=n_story_units
    )
    facts = _unit_facts(con)
    keys = _story_candidates(vectors, has_vector, facts.day, window_days, term_keys)
    # Python now holds the candidates and the term pairs beside the matrix: DuckDB gives
    # way to them too
    lower_duckdb_memory(con, give_way=keys.nbytes + term_keys.nbytes + term_values.nbytes)

    def decide(
        pair_keys: np.ndarray, cosines: np.ndarray, terms: np.ndarray, shared_names: np.ndarray
    ) -> np.ndarray:
        i, j = divmod(pair_keys, n_story_units)
        return story_links(
            cosines,
            terms,
            embedded=has_vector[i] & has_vector[j],
            cross_language=facts.language[i] != facts.language[j],
            both_named=facts.named[i] & facts.named[j],
            min_term_similarity=min_similarity,
            instalments=instalments_of_a_series(facts, i, j),
            shared_names=shared_names,
        )

    # first with no names counted across languages (no veto there), a chunk of
    # candidates at a time, the linkable ones kept as arrays (keys, cosines, term
    # similarities); the names shared across languages are then counted only for the
    # pairs the veto could still cut, a few per unit
    linkable_keys: list[np.ndarray] = [keys[:0]]
    linkable_cosines: list[np.ndarray] = [np.zeros(0, dtype=np.float32)]
    linkable_terms: list[np.ndarray] = [np.zeros(0)]
    for start in range(0, len(keys), _DECISION_CHUNK):
        chunk_keys = keys[start : start + _DECISION_CHUNK]
        cosines = pair_cosines(vectors, np.stack(divmod(chunk_keys, n_story_units), axis=1))
        terms = _term_similarity_of(chunk_keys, term_keys, term_values)
        kept = decide(chunk_keys, cosines, terms, np.full(len(chunk_keys), np.nan))
        linkable_keys.append(chunk_keys[kept])
        linkable_cosines.append(cosines[kept])
        linkable_terms.append(terms[kept])
    # the second pass needs no embedding: the matrix (512 bytes a unit) goes first
    del keys, term_keys, term_values, vectors
    linked_keys = np.concatenate(linkable_keys)
    linked_cosines = np.concatenate(linkable_cosines)
    linked_terms = np.concatenate(linkable_terms)
    del linkable_keys, linkable_cosines, linkable_terms
    first, second = divmod(linked_keys, n_story_units)
    across = (
        facts.named[first] & facts.named[second] & (facts.language[first] != facts.language[second])
    )
    across_pairs = list(zip(first[across].tolist(), second[across].tolist(), strict=True))
    shared = shared_name_similarity_in(con, n_units, across_pairs)
    shared_names = np.full(len(linked_keys), np.nan)
    shared_names[across] = np.array([shared[pair] for pair in across_pairs], dtype=np.float64)
    del across_pairs, shared
    kept = decide(linked_keys, linked_cosines, linked_terms, shared_names)
    # the grouping order: the cosine where both have an embedding, else the terms
    score = np.where(
        has_vector[first] & has_vector[second],
        linked_cosines.astype(np.float64),
        linked_terms,
    )
    return list(zip(first[kept].tolist(), second[kept].tolist(), score[kept].tolist(), strict=True))


@dataclass(frozen=True, slots=True)
class UnitFacts:
    """What the story decision reads of each `story_units` unit, as arrays by its idx
    (a million units as Python tuples would weigh hundreds of MB)."""

    day: np.ndarray  # int64 days since 1970, -1 when undated
    language: np.ndarray  # one integer code per language
    named: np.ndarray  # names at least MIN_NAMES_FOR_VETO people or places
    template: np.ndarray  # uint64 hash of the title's template, 0 where it has none
    has_template: np.ndarray
    slots: np.ndarray  # uint64 hash of the title's figures and names (its slots)
    has_slots: np.ndarray


def _unit_facts(con: duckdb.DuckDBPyConnection) -> UnitFacts:
    """`UnitFacts` of every `story_units` unit, read as Arrow columns."""
    table = con.sql(
        """
        select coalesce(u.day, -1) as day, dense_rank() over (order by u.lang) as language,
               coalesce(t.n_names, 0) >= $min_names as named,
               case when a.title_is_template then a.title_template end as template,
               a.title_slots as slots
        from story_units u
        join arts a using (article_id)
        left join unit_names t on t.idx = u.idx
        order by u.idx
        """,
        params={"min_names": MIN_NAMES_FOR_VETO},
    ).to_arrow_table()

    def column(name: str, dtype: type) -> np.ndarray:
        values = table.column(name)
        if values.null_count:
            values = pc.fill_null(values, 0)
        return np.asarray(values.to_numpy(), dtype=dtype)

    def valid(name: str) -> np.ndarray:
        return np.asarray(pc.is_valid(table.column(name)).to_numpy(), dtype=bool)

    return UnitFacts(
        day=column("day", np.int64),
        language=column("language", np.int64),
        named=column("named", np.bool_),
        template=column("template", np.uint64),
        has_template=valid("template"),
        slots=column("slots", np.uint64),
        has_slots=valid("slots"),
    )


def _term_similarity_of(
    keys: np.ndarray, term_keys: np.ndarray, term_values: np.ndarray
) -> np.ndarray:
    """The term similarity of each pair key (0 where the pair shares no rare term),
    looked up in the sorted term pairs a chunk at a time, so no second array as long as
    the candidates is held."""
    if len(term_keys) == 0:
        return np.zeros(len(keys))
    at = np.minimum(np.searchsorted(term_keys, keys), len(term_keys) - 1)
    similarity: np.ndarray = np.where(term_keys[at] == keys, term_values[at], 0.0)
    return similarity


def _story_candidates(
    vectors: np.ndarray,
    has_vector: np.ndarray,
    days: np.ndarray,
    window_days: int,
    term_keys: np.ndarray,
) -> np.ndarray:
    """The candidate pairs, as sorted distinct keys i * n + j (i < j): every pair of
    `term_keys` (pairs sharing rare terms, keys on the same base) and each unit's
    nearest neighbours by embedding within the window. Arrays end to end, one sort in
    place: a million units have tens of millions of candidates."""
    n = len(vectors)
    if has_vector.all():
        neighbour_keys = nearest_pair_keys(vectors, days, window_days)
    else:
        with_vector = np.flatnonzero(has_vector)
        found = nearest_pair_keys(vectors[with_vector], days[with_vector], window_days)
        sub_i, sub_j = divmod(found, len(with_vector))
        del found
        neighbour_keys = with_vector[sub_i] * n + with_vector[sub_j]
        del sub_i, sub_j
    keys = np.concatenate([term_keys, neighbour_keys])
    del neighbour_keys
    return distinct_sorted(keys)


def instalments_of_a_series(facts: UnitFacts, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Which pairs (i, j) of units have titles of one template with other figures or
    names: "Fuel watch: petrol averages 2.05 a litre in Inverport" against its 1.95 of
    another week, or the same survey's 2.05 in Dorby. The slots are the title's figures
    and names (a name runs to the next figure or punctuation) with the body's figures; a
    title without figures, or in title case, has no template."""
    same_template = (
        facts.has_template[i] & facts.has_template[j] & (facts.template[i] == facts.template[j])
    )
    other_slots = (facts.has_slots[i] != facts.has_slots[j]) | (facts.slots[i] != facts.slots[j])
    instalments: np.ndarray = same_template & other_slots
    return instalments


def _story_embeddings(
    con: duckdb.DuckDBPyConnection, sketch_files: Sequence[str]
) -> tuple[np.ndarray, np.ndarray] | None:
    """Every `story_units` unit's stored int8 embedding (a zero row where it has none)
    and whether it has one, or None when no unit has one. Read a batch of rows at a
    time into the one int8 matrix (512 bytes a unit), never as a whole Arrow table."""
    if "embedding" not in parquet_columns(con, sketch_files):
        return None
    ((n,),) = con.execute("select count(*) from story_units").fetchall()
    # the embedding matrix is the stage's largest array: DuckDB's cap gives way to it
    # before the read, so the read itself already stays under the run's cap
    lower_duckdb_memory(con, give_way=n * EMBEDDING_DIM)
    stored = np.zeros((n, EMBEDDING_DIM), dtype=np.int8)
    has_vector = np.zeros(n, dtype=bool)
    found = False
    reader = con.sql(
        """
        select u.idx, s.embedding
        from story_units u
        join read_parquet($f, union_by_name=true) s using (article_id)
        where s.embedding is not null
        """,
        params={"f": list(sketch_files)},
    ).to_arrow_reader(_EMBEDDING_BATCH)
    for batch in reader:
        if batch.num_rows == 0:
            continue
        idx = batch.column(0).to_numpy()
        flat = batch.column(1).flatten().to_numpy()
        rows = flat.reshape(batch.num_rows, EMBEDDING_DIM)
        stored[idx] = rows
        # a stored zero vector (an empty text) has no direction: it counts as none
        has_vector[idx] = rows.any(axis=1)
        found = True
    return (stored, has_vector) if found else None


def count_copies(assignments: pa.Table, article_ids: Sequence[str]) -> int:
    """How many of these articles are copies (not their dup cluster's canonical)."""
    wanted = pc.is_in(assignments["article_id"], value_set=pa.array(article_ids, pa.string()))
    return int(pc.sum(pc.and_(wanted, pc.invert(assignments["is_canonical"]))).as_py() or 0)

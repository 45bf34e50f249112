"""The cluster stage at ten times a finished output's size, without running the pipeline.

Whole runs at a million articles take hours; clustering is the one corpus-wide stage whose
memory could grow with the archive. This script copies a finished output's articles and
sketches `--copies` times into one synthetic corpus, each copy its own world: article ids,
content hashes and story terms get a copy suffix, and MinHash values are XORed with a
per-copy constant (equal values stay equal within a copy, buckets never meet across
copies), and embeddings get per-copy sign flips (cosines kept within a copy, near zero
across copies). It then runs `cluster_articles` on the whole in a child process and prints its
CPU seconds and peak RSS, and whether every copy got exactly the duplicate clusters of
the original output. A script, not a test: figures are printed, never asserted.

Usage: `python bench/cluster_scale.py --out /tmp/nf/processed-100000 --copies 10
--work /tmp/nf/cluster-1m`.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import shutil
import sys
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tasks.corpus import cluster_by_settings  # noqa: E402
from tasks.settings import duckdb_config, load_settings  # noqa: E402
from tasks.write import ARTICLES_ROW_GROUP  # noqa: E402

ARTICLE_COLUMNS = (
    "article_id, published_date, n_words, language, title, outlet, dateline, byline, body"
)
XOR_STEP = 2654435761  # Knuth's multiplicative constant: a distinct 32-bit mask per copy


def embedding_copy(k: int) -> str:
    """SQL for copy k's embeddings: each dimension's sign flipped by a per-copy coin, so
    cosines within a copy stay exact while a copy's twin in another copy lands near
    orthogonal (copy 0 is the original)."""
    if k == 0:
        return "embedding"
    return (
        "list_transform(embedding, lambda x, i: "
        f"case when hash(i, {k}) % 2 = 0 then x else (-x)::tinyint end) as embedding"
    )


def build_copies(out: Path, copies: int, work: Path) -> tuple[list[str], list[str]]:
    """Parquet files of `copies` disjoint copies of the output's articles and sketches."""
    articles, sketches = work / "articles", work / "_sketches"
    for folder in (articles, sketches):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    con = duckdb.connect(config=duckdb_config(str(work / "spill")))
    con.execute("set enable_progress_bar = false").fetchall()
    source = out / ".current"
    for k in range(copies):
        mask = (k * XOR_STEP) % 2**32
        con.execute(
            f"""
            copy (select article_id || '-{k}' as article_id,
                         {ARTICLE_COLUMNS.replace("article_id, ", "")},
                         null::varchar as dup_cluster_id, null::boolean as is_canonical,
                         null::varchar as dup_kind, null::varchar as story_cluster_id
                  from read_parquet('{source}/articles/*.parquet'))
            to '{articles}/copy-{k}.parquet'
               (format parquet, compression zstd, row_group_size {ARTICLES_ROW_GROUP})
            """
        ).fetchall()
        con.execute(
            f"""
            copy (select article_id || '-{k}' as article_id,
                         content_hash || '-{k}' as content_hash,
                         list_transform(minhash, lambda h: xor(h, {mask}::uinteger)) as minhash,
                         numbers,
                         list_transform(story_terms, lambda t: t || '#{k}') as story_terms,
                         {embedding_copy(k)}
                  from read_parquet('{source}/_sketches/*.parquet'))
            to '{sketches}/copy-{k}.parquet' (format parquet, compression zstd)
            """
        ).fetchall()
    con.close()
    return [str(p) for p in sorted(articles.glob("*.parquet"))], [
        str(p) for p in sorted(sketches.glob("*.parquet"))
    ]


def cluster_in_child(article_files: list[str], sketch_files: list[str], result: str) -> None:
    """Cluster in this (child) process and write the assignments as Parquet."""
    assignments = cluster_by_settings(
        load_settings(),
        article_files,
        sketch_files,
        [],
        temp_dir=str(Path(result).parent / "spill"),
    )
    duckdb.from_arrow(assignments).write_parquet(result)


def compare(out: Path, result: Path, copies: int) -> None:
    """Whether each copy's dup clusters are the original's, and the story counts."""
    con = duckdb.connect()
    con.execute(
        f"""
        create table original as
        select article_id, dup_cluster_id, story_cluster_id
        from read_parquet('{out}/.current/articles/*.parquet');
        create table copied as
        select regexp_extract(article_id, '^(.*)-(\\d+)$', 1) as article_id,
               regexp_extract(article_id, '^(.*)-(\\d+)$', 2) as copy,
               regexp_extract(dup_cluster_id, '^(.*)-(\\d+)$', 1) as dup_cluster_id,
               regexp_extract(story_cluster_id, '^(.*)-(\\d+)$', 1) as story_cluster_id
        from read_parquet('{result}')
        """
    ).fetchall()
    ((differing,),) = con.execute(
        """
        select count(*) from copied c join original o using (article_id)
        where c.dup_cluster_id is distinct from o.dup_cluster_id
        """
    ).fetchall()
    ((other_story,),) = con.execute(
        """
        select count(*) from copied c join original o using (article_id)
        where c.story_cluster_id is distinct from o.story_cluster_id
        """
    ).fetchall()
    ((stories_original,),) = con.execute(
        "select count(distinct story_cluster_id) from original"
    ).fetchall()
    ((stories_copied,),) = con.execute(
        "select count(distinct (copy, story_cluster_id)) from copied"
    ).fetchall()
    print(
        f"of the {copies} copies' articles, {differing} have another dup cluster than in the "
        f"original and {other_story} another story (rarity weights see {copies}x the units); "
        f"stories {stories_copied} vs {copies} x {stories_original}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="a finished newsflow output")
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--work", type=Path, required=True, help="scratch folder")
    args = parser.parse_args()
    started = time.perf_counter()
    article_files, sketch_files = build_copies(args.out, args.copies, args.work)
    print(f"built {args.copies} copies in {time.perf_counter() - started:.1f} s")
    result = args.work / "assignments.parquet"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    child = multiprocessing.get_context("spawn").Process(
        target=cluster_in_child, args=(article_files, sketch_files, str(result))
    )
    child.start()
    child.join()
    if child.exitcode:
        raise SystemExit(f"clustering failed with exit code {child.exitcode}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    ((n,),) = duckdb.sql(f"select count(*) from read_parquet('{result}')").fetchall()
    print(
        f"cluster_articles on {n} articles: {time.perf_counter() - started:.1f} s wall, "
        f"{cpu:.1f} CPU s, peak RSS {after.ru_maxrss / 1024:.0f} MiB"
    )
    compare(args.out, result, args.copies)


if __name__ == "__main__":
    main()

"""The cluster stage at ten times a finished output's size, without running the pipeline.

Whole runs at a million articles take hours; clustering is the one corpus-wide stage whose
memory could grow with the archive. This script copies a finished output's articles and
sketches `--copies` times into one synthetic corpus, each copy its own world: article ids,
content hashes and story terms get a copy suffix, and MinHash values are XORed with a
per-copy constant (equal values stay equal within a copy, buckets never meet across
copies), and embeddings get per-copy sign flips (cosines kept within a copy, near zero
across copies). By default the copies share the original's days, so each time window
holds `--copies` times the units (the worst case for the story stage's neighbour search);
`--spread-days` shifts copy k by k times the original's date span instead, so the corpus
has the original's daily volume over a longer time. It then runs `cluster_articles` on
the whole in a child process and prints its CPU seconds and peak RSS, and whether every
copy got exactly the duplicate clusters of the original output. `--profile` prints the
peak RSS within each step of the stage (sampled every 50 ms). A script, not a test:
figures are printed, never asserted.

Usage: `python bench/cluster_scale.py --out /tmp/nf/processed-100000 --copies 10
--work /tmp/nf/cluster-1m [--spread-days] [--profile]`.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import shutil
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tasks.corpus import cluster_by_settings  # noqa: E402
from tasks.settings import duckdb_config, load_settings  # noqa: E402
from tasks.write import ROW_GROUP_ROWS  # noqa: E402

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


def date_span_days(out: Path) -> int:
    """Days from the output's first publication date to its last, both counted."""
    ((span,),) = duckdb.sql(
        f"""
        select coalesce(date_diff('day', min(published_date), max(published_date)) + 1, 0)
        from read_parquet('{out}/.current/articles/*.parquet')
        """
    ).fetchall()
    return int(span)


def build_copies(
    out: Path, copies: int, work: Path, shift_days: int = 0
) -> tuple[list[str], list[str]]:
    """Parquet files of `copies` disjoint copies of the output's articles and sketches,
    copy k's dates moved `k * shift_days` days later."""
    articles, sketches = work / "articles", work / "_sketches"
    for folder in (articles, sketches):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    con = duckdb.connect(config=duckdb_config(str(work / "spill")))
    con.execute("set enable_progress_bar = false").fetchall()
    source = out / ".current"
    for k in range(copies):
        mask = (k * XOR_STEP) % 2**32
        columns = ARTICLE_COLUMNS.replace("article_id, ", "").replace(
            "published_date,",
            f"(published_date + interval {k * shift_days} day)::date as published_date,",
        )
        con.execute(
            f"""
            copy (select article_id || '-{k}' as article_id,
                         {columns},
                         null::varchar as dup_cluster_id, null::boolean as is_canonical,
                         null::varchar as dup_kind, null::varchar as story_cluster_id
                  from read_parquet('{source}/articles/*.parquet'))
            to '{articles}/copy-{k}.parquet'
               (format parquet, compression zstd, row_group_size {ROW_GROUP_ROWS})
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
            to '{sketches}/copy-{k}.parquet'
               (format parquet, compression zstd, row_group_size {ROW_GROUP_ROWS})
            """
        ).fetchall()
    con.close()
    return [str(p) for p in sorted(articles.glob("*.parquet"))], [
        str(p) for p in sorted(sketches.glob("*.parquet"))
    ]


# the steps whose memory `--profile` reports (module, function)
PROFILED_STEPS = (
    ("tasks.corpus", "lsh_candidate_pairs"),
    ("tasks.corpus", "_assign_dups"),
    ("tasks.corpus", "_story_embeddings"),
    ("tasks.corpus", "similar_pair_keys_in"),
    ("tasks.corpus", "nearest_pair_keys"),
    ("tasks.corpus", "shared_name_similarity_in"),
    ("tasks.corpus", "pair_cosines"),
    ("tasks.corpus", "group_stories"),
    ("tasks.corpus", "_story_pairs"),
    ("tasks.corpus", "_assign_stories"),
)


def resident_mib() -> float:
    """This process's resident set now, in MiB."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class StepMemory:
    """Peak RSS while each profiled function runs (nested calls count for both)."""

    def __init__(self) -> None:
        self.running: list[str] = []
        self.peak: dict[str, float] = {}
        self.seconds: dict[str, float] = {}
        sampler = threading.Thread(target=self._sample, daemon=True)
        sampler.start()

    def _sample(self) -> None:
        while True:
            self._note()
            time.sleep(0.05)

    def _note(self) -> None:
        rss = resident_mib()
        for step in list(self.running):
            self.peak[step] = max(self.peak.get(step, 0.0), rss)

    def wrap(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            self.running.append(name)
            self._note()
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self._note()
                self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started
                self.running.remove(name)
                print(f"  {name} done: peak RSS {self.peak[name]:.0f} MiB", flush=True)

        return wrapped

    def install(self) -> None:
        for module_name, name in PROFILED_STEPS:
            module = sys.modules[module_name]
            setattr(module, name, self.wrap(name, getattr(module, name)))

    def report(self) -> None:
        for _, name in PROFILED_STEPS:
            if name in self.peak:
                print(f"  {name}: peak RSS {self.peak[name]:.0f} MiB, {self.seconds[name]:.1f} s")


def cluster_in_child(
    article_files: list[str], sketch_files: list[str], result: str, profile: bool
) -> None:
    """Cluster in this (child) process and write the assignments as Parquet."""
    steps = StepMemory() if profile else None
    if steps:
        steps.install()
    assignments = cluster_by_settings(
        load_settings(),
        article_files,
        sketch_files,
        [],
        temp_dir=str(Path(result).parent / "spill"),
    )
    duckdb.from_arrow(assignments).write_parquet(result)
    if steps:
        steps.report()


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
    parser.add_argument(
        "--spread-days",
        action="store_true",
        help="shift copy k by k times the original's date span (the original's daily volume)",
    )
    parser.add_argument("--profile", action="store_true", help="peak RSS of each step")
    parser.add_argument(
        "--reuse-copies", action="store_true", help="cluster the copies a previous run built"
    )
    args = parser.parse_args()
    started = time.perf_counter()
    shift = date_span_days(args.out) if args.spread_days else 0
    if args.reuse_copies:
        article_files = [str(p) for p in sorted((args.work / "articles").glob("*.parquet"))]
        sketch_files = [str(p) for p in sorted((args.work / "_sketches").glob("*.parquet"))]
    else:
        article_files, sketch_files = build_copies(args.out, args.copies, args.work, shift)
    print(
        f"built {args.copies} copies in {time.perf_counter() - started:.1f} s"
        + (f", each {shift} days after the one before" if shift else ", on the same days")
    )
    result = args.work / "assignments.parquet"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    child = multiprocessing.get_context("spawn").Process(
        target=cluster_in_child, args=(article_files, sketch_files, str(result), args.profile)
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

"""CPU time per article of every per-article stage, in one process, on real or synthetic dumps.

Reads a gold set's raw dumps (``--gold``, default ../shared/devset) or the first
``--limit`` dumps of any raw folder (``--raw``, e.g. one ``bench/run_benchmark.py``
generated), then times each stage the batch walk (``tasks/batch.py``) runs, on the
outputs of the stage before it: read and decode, counting site lines (pass 1), clean,
metadata (with both language ids, also timed alone), segment, quotes, the sketch
(tokens and hash, numbers, story terms, MinHash), the whole ``build_batch_tables`` (the
difference to the stages' sum is building the rows and Arrow tables) and staging the
Parquet parts. Each runs ``--repeat`` times after one warm-up pass (imports and model
loads are not counted); printed are the best wall and CPU milliseconds per article.
Memoised verdicts are forgotten before each timed pass, so a pass gains only from what
its own dumps repeat, as a fresh worker process would. On a shared machine the wall
figures are noisy; CPU time is steadier, yet still varies by a tenth or more between runs.

    .venv/bin/python bench/stage_speed.py [--gold ../shared/devset | --raw DIR --limit N]
        [--repeat 5]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import pyarrow.parquet as pq  # noqa: E402

from tasks import tables  # noqa: E402
from tasks.batch import build_batch_tables  # noqa: E402
from tasks.clean import forget_memoised_lines  # noqa: E402
from tasks.dedup import (  # noqa: E402
    body_numbers,
    body_tokens,
    minhash_signatures,
    sketch_bodies,
    tokens_hash,
)
from tasks.embed import embed_texts, story_text  # noqa: E402
from tasks.formats.extracted import clean_record  # noqa: E402
from tasks.formats.hints import apply_hints  # noqa: E402
from tasks.ingest import discover_inputs, read_inputs  # noqa: E402
from tasks.language import forget_memoised_languages  # noqa: E402
from tasks.metadata import detect_language, extract_metadata, host_language_text  # noqa: E402
from tasks.page_kind import page_kind  # noqa: E402
from tasks.quotes import extract_quotes  # noqa: E402
from tasks.segment import join_paragraphs, segment_body  # noqa: E402
from tasks.settings import Settings  # noqa: E402
from tasks.site_lines import (  # noqa: E402
    frequent_lines_of,
    learn_site_lines,
    site_line_rows,
)
from tasks.stories import quote_terms, story_terms  # noqa: E402
from tasks.write import quarantine_table, stage_batch  # noqa: E402

SHARED = next((p / "shared" for p in REPO.parents if (p / "shared" / "devset").is_dir()), None)


def best_ms(run: Callable[[], object], n_items: int, repeat: int) -> tuple[float, float]:
    """(wall, cpu) milliseconds per item of the fastest of ``repeat`` passes."""
    run()  # warm-up
    walls, cpus = [], []
    for _ in range(repeat):
        forget_memoised_lines()  # each pass starts as a fresh worker: only its own repeats hit
        forget_memoised_languages()
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return 1000 * min(walls) / n_items, 1000 * min(cpus) / n_items


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = SHARED / "devset" if SHARED else REPO.parent / "shared" / "devset"
    parser.add_argument("--gold", type=Path, default=default, help="a set with docs/")
    parser.add_argument("--raw", type=Path, help="any raw folder instead of a gold set")
    parser.add_argument("--limit", type=int, default=2000, help="dumps read from --raw")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    settings = Settings()
    folder = args.raw or args.gold / "docs"
    inputs = sorted(discover_inputs(str(folder))[0], key=lambda item: item.source_path)
    if args.raw:
        inputs = inputs[: args.limit]
    limits = (settings.max_input_bytes, settings.max_line_chars, settings.max_decompressed_bytes)
    dumps = read_inputs(inputs, *limits)[0]
    if not dumps:
        print(f"no dumps under {folder}")
        return 1
    scratch = Path(tempfile.mkdtemp(prefix="newsflow-stage-speed-"))
    rows_file = scratch / "rows.parquet"
    pq.write_table(site_line_rows((d.source_path, d.text) for d in dumps), rows_file)
    frequent = learn_site_lines(
        None,
        [str(rows_file)],
        scratch / "state",
        settings.site_line_min_articles,
        settings.site_line_min_share,
    )
    site_lines = [frequent_lines_of(frequent, d.source_path, d.text) for d in dumps]
    with_lines = list(zip(dumps, site_lines, strict=True))
    cleaned = [clean_record(d.text, d.hints, lines) for d, lines in with_lines]
    metas = [apply_hints(extract_metadata(c), d.hints) for c, d in zip(cleaned, dumps, strict=True)]
    bodies = [join_paragraphs(c.paragraphs) for c in cleaned]
    languages = [m.language for m in metas]
    quotes = [extract_quotes(b, lang) for b, lang in zip(bodies, languages, strict=True)]
    tokens = [body_tokens(b) for b in bodies]
    host_texts = [host_language_text(c.lines) for c in cleaned]
    built = build_batch_tables(
        dumps,
        "r",
        shingle_words=settings.shingle_words,
        minhash_permutations=settings.minhash_permutations,
        site_frequent=frequent,
        story_embeddings=settings.story_embeddings,
    )
    staged = scratch / "staged"
    n = len(dumps)

    def build() -> object:
        return build_batch_tables(
            dumps,
            "r",
            shingle_words=settings.shingle_words,
            minhash_permutations=settings.minhash_permutations,
            site_frequent=frequent,
            story_embeddings=settings.story_embeddings,
        )

    def per_body(stage: Callable[[str, str | None], object]) -> Callable[[], object]:
        return lambda: [stage(b, lang) for b, lang in zip(bodies, languages, strict=True)]

    stages: list[tuple[str, Callable[[], object]]] = [
        ("read and decode", lambda: read_inputs(inputs, *limits)),
        ("site lines (pass 1)", lambda: site_line_rows((d.source_path, d.text) for d in dumps)),
        ("clean", lambda: [clean_record(d.text, d.hints, lines) for d, lines in with_lines]),
        ("metadata", lambda: [extract_metadata(c) for c in cleaned]),
        ("  language id (body)", lambda: [detect_language(b) for b in bodies]),
        ("  language id (host)", lambda: [detect_language(h) for h in host_texts]),
        ("segment", per_body(segment_body)),
        ("quotes", per_body(extract_quotes)),
        ("sketch: tokens, hash", lambda: [tokens_hash(body_tokens(b)) for b in bodies]),
        ("sketch: numbers", lambda: [body_numbers(b) for b in bodies]),
        (
            "sketch: story terms",
            lambda: [
                story_terms(m.title, b) + quote_terms([q.text for q in qs])
                for m, b, qs in zip(metas, bodies, quotes, strict=True)
            ],
        ),
        (
            "sketch: minhash",
            lambda: minhash_signatures(
                tokens, settings.shingle_words, settings.minhash_permutations
            ),
        ),
        (
            "sketch: hash + minhash",  # the batch's one call, C where built
            lambda: sketch_bodies(bodies, settings.shingle_words, settings.minhash_permutations),
        ),
        ("page kind", lambda: [page_kind(b) for b in bodies]),
        (
            "sketch: embedding",
            lambda: embed_texts(
                [story_text(m.title, b) for m, b in zip(metas, bodies, strict=True)]
            ),
        ),
        ("build_batch_tables (all)", build),
        (
            "stage Parquet parts",
            lambda: stage_batch(staged, "speed", built.tables, quarantine_table([], "r")),
        ),
    ]
    print(f"{n} dumps from {folder}, best of {args.repeat} passes, ms per article")
    for name, run in stages:
        wall, cpu = best_ms(run, n, args.repeat)
        print(f"{name:<26} wall {wall:6.3f}  cpu {cpu:6.3f}")
    rows = {name: t.num_rows for name, t in built.tables.items() if name in tables.ARTICLE_TABLES}
    print("rows per batch:", ", ".join(f"{k} {v}" for k, v in rows.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())

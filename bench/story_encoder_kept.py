"""How much per-id work the story encoder's kept id tables spare on a second batch.

Splits a set of story texts in two batches (the first ``--n`` dumps of a raw folder and
the next ``--n``, or the two halves of the SemEval-2022 training pairs' distinct texts),
encodes the first with one `IdFirstForward` (filling its kept tables), then counts for
the second the per-id rows its groups compute with the kept tables and without them,
and prices a computed row by timing the per-id computation. A script: it prints figures.

    .venv/bin/python bench/story_encoder_kept.py [--raw DIR --n 2000 | --csv FILE]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from semeval_stories import original_pairs  # noqa: E402

import tasks.story_encoder as story_encoder  # noqa: E402
from tasks.embed import _encoder, story_text  # noqa: E402
from tasks.formats.extracted import clean_record  # noqa: E402
from tasks.formats.hints import apply_hints  # noqa: E402
from tasks.ingest import discover_inputs, read_inputs  # noqa: E402
from tasks.metadata import extract_metadata  # noqa: E402
from tasks.segment import join_paragraphs  # noqa: E402
from tasks.settings import Settings  # noqa: E402


def dump_batches(folder: Path, n: int) -> list[list[str]]:
    """The distinct story texts of the first `n` dumps and of the next `n`."""
    settings = Settings()
    inputs = sorted(discover_inputs(str(folder))[0], key=lambda item: item.source_path)
    limits = (settings.max_input_bytes, settings.max_line_chars, settings.max_decompressed_bytes)
    batches = []
    for part in (inputs[:n], inputs[n : 2 * n]):
        dumps = read_inputs(part, *limits)[0]
        cleaned = [clean_record(d.text, d.hints, frozenset()) for d in dumps]
        metas = [
            apply_hints(extract_metadata(c), d.hints) for c, d in zip(cleaned, dumps, strict=True)
        ]
        texts = (
            story_text(m.title, join_paragraphs(c.paragraphs))
            for m, c in zip(metas, cleaned, strict=True)
        )
        batches.append(list(dict.fromkeys(texts)))
    return batches


def pair_batches(path: Path) -> list[list[str]]:
    """The two halves of the distinct texts of the file's original pairs."""
    rows = original_pairs(path)
    texts = list(dict.fromkeys(story_text(None, r[k]) for r in rows for k in ("text1", "text2")))
    return [texts[: len(texts) // 2], texts[len(texts) // 2 :]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--raw", type=Path, help="a raw folder (else --csv)")
    parser.add_argument("--n", type=int, default=2000, help="dumps per batch")
    parser.add_argument("--csv", type=Path, help="SemEval-2022 Task 8 pairs")
    args = parser.parse_args()
    batches = dump_batches(args.raw, args.n) if args.raw else pair_batches(args.csv)
    encoder = _encoder()
    tokenize = encoder._tokenizer.encode
    first, second = (
        [tokenize(t, out_type=int, add_bos=True, add_eos=True) for t in batch] for batch in batches
    )
    forward = story_encoder.IdFirstForward(encoder._model, encoder._tokenizer)
    forward.encode_ids(first)
    before = after = 0
    for start, end in story_encoder._groups(second, story_encoder.GROUP_IDS):
        ids = np.unique(np.fromiter((i for text in second[start:end] for i in text), np.int64))
        before += len(ids)
        after += int((forward.kept_row[ids] < 0).sum())
    probe = np.arange(before) % encoder._model.table.shape[0]
    clock = time.process_time()
    forward._compute_id_tables(probe)
    per_row = (time.process_time() - clock) / before
    print(
        f"first batch {len(first)} texts, {forward.kept} ids kept "
        f"({forward.kept * 15360 / 1e6:.0f} MB)"
    )
    print(
        f"second batch {len(second)} texts: per-id rows computed {before} "
        f"without kept tables, {after} with"
    )
    print(
        f"per-id CPU ms per text {1000 * before * per_row / len(second):.3f} -> "
        f"{1000 * after * per_row / len(second):.3f} ({1e6 * per_row:.0f} us a row)"
    )


if __name__ == "__main__":
    main()

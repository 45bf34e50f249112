"""Per-article stages over one batch: clean, metadata, segment, quotes, sketch.

Takes a batch of decoded dumps and returns one Arrow table per output table, so a batch
of thousands of articles is one unit of work; nothing here knows about Prefect.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa

from tasks import tables
from tasks.dedup import body_numbers, body_tokens, minhash_signatures, tokens_hash
from tasks.formats import reader_for
from tasks.formats.extracted import clean_record
from tasks.formats.hints import apply_hints, article_url
from tasks.ingest import DecodedDump, InputFile, QuarantineRecord, article_id_for, read_inputs
from tasks.metadata import extract_metadata
from tasks.quotes import extract_quotes
from tasks.segment import join_paragraphs, segment_body
from tasks.settings import Settings
from tasks.site_lines import frequent_lines_of, site_line_rows
from tasks.stories import quote_terms, story_terms
from tasks.write import batch_key, quarantine_table, stage_batch, write_parquet


@dataclass(slots=True)
class BatchTables:
    """The rows one batch contributes to each per-article table, plus its quarantine."""

    tables: dict[str, pa.Table]
    quarantine: list[QuarantineRecord] = field(default_factory=list)


@dataclass(slots=True)
class _Rows:
    columns: dict[str, list[object]]

    @classmethod
    def of(cls, schema: pa.Schema) -> _Rows:
        return cls({name: [] for name in schema.names})

    def add(self, **values: object) -> None:
        for name, column in self.columns.items():
            column.append(values.get(name))

    def extend(
        self,
        records: Sequence[object],
        same: Mapping[str, object],
        given: Mapping[str, list[object]] | None = None,
    ) -> None:
        """One row per record, built column by column (not a dict per row): `given`
        columns as listed, `same` values repeated, the rest read from the records."""
        if not records:
            return
        given = given or {}
        for name, column in self.columns.items():
            if name in given:
                column.extend(given[name])
            elif name in same:
                column.extend([same[name]] * len(records))
            else:
                column.extend([getattr(r, name, None) for r in records])

    def table(self, schema: pa.Schema) -> pa.Table:
        return pa.table(self.columns, schema=schema)


@dataclass(frozen=True, slots=True)
class StagedBatch:
    """What a staged batch reports back: counts only, the rows stay on disk."""

    key: str
    n_articles: int
    n_quarantined: int
    n_quotes: int
    quarantine_reasons: list[str]


def quote_id_for(article_id: str, char_start: int, char_end: int) -> str:
    return hashlib.sha1(f"{article_id}:{char_start}:{char_end}".encode()).hexdigest()[:20]


def build_batch_tables(
    dumps: Sequence[DecodedDump],
    run_id: str,
    *,
    shingle_words: int,
    minhash_permutations: int,
    site_frequent: Mapping[str, frozenset[str]] | None = None,
) -> BatchTables:
    """Run every per-article stage on a batch; a failing article is quarantined alone."""
    rows = {name: _Rows.of(schema) for name, schema in tables.ARTICLE_TABLES.items()}
    quarantine: list[QuarantineRecord] = []
    token_lists: list[list[str]] = []
    for dump in dumps:
        article_id = article_id_for(dump.source_path, dump.source_record, dump.input_hash)
        stage = "clean"
        try:
            frequent = frequent_lines_of(site_frequent or {}, dump.source_path, dump.text)
            cleaned = clean_record(dump.text, dump.hints, frequent)
            stage = "metadata"
            meta = apply_hints(extract_metadata(cleaned), dump.hints)
            body = join_paragraphs(cleaned.paragraphs)
            stage = "segment"
            paragraphs, sentences = segment_body(body, meta.language)
            stage = "quotes"
            quotes = extract_quotes(body, meta.language)
        except Exception as error:  # one bad article must not sink its batch
            quarantine.append(
                QuarantineRecord(
                    dump.source_path,
                    dump.source_record,
                    stage,
                    f"{type(error).__name__}: {error}",
                    dump.input_hash,
                )
            )
            continue
        tokens = body_tokens(body)
        token_lists.append(tokens)
        rows["articles"].add(
            article_id=article_id,
            source_path=dump.source_path,
            source_record=dump.source_record,
            title=meta.title,
            outlet=meta.outlet,
            published_date=meta.published_date,
            dateline=meta.dateline,
            language=meta.language,
            body=body,
            n_words=len(body.split()),
            content_hash=tokens_hash(tokens),
            run_id=run_id,
            byline=meta.byline,
            host_language=meta.host_language,
            n_views=meta.n_views,
            n_comments=meta.n_comments,
            input_hash=dump.input_hash,
            encoding=dump.encoding,
            url=article_url(dump.hints),
            raw_meta=dump.raw_meta,
        )
        same = {"article_id": article_id}
        rows["paragraphs"].extend(paragraphs, same)
        rows["sentences"].extend(sentences, same)
        quote_ids: list[object] = [
            quote_id_for(article_id, q.char_start, q.char_end) for q in quotes
        ]
        rows["quotes"].extend(quotes, same, {"quote_id": quote_ids})
        dropped = [line for line in cleaned.lines if line.kind not in ("body", "blank")]
        reasons: list[object] = [line.reason or line.kind for line in dropped]
        rows["boilerplate"].extend(dropped, same, {"reason": reasons})
        rows["_sketches"].add(
            article_id=article_id,
            content_hash=rows["articles"].columns["content_hash"][-1],
            numbers=body_numbers(body),
            story_terms=story_terms(meta.title, body) + quote_terms([q.text for q in quotes]),
        )
    signatures = minhash_signatures(token_lists, shingle_words, minhash_permutations)
    rows["_sketches"].columns["minhash"] = [None] * len(token_lists)  # filled below, as a matrix
    built = {name: r.table(tables.ARTICLE_TABLES[name]) for name, r in rows.items()}
    built["_sketches"] = built["_sketches"].set_column(
        built["_sketches"].schema.get_field_index("minhash"),
        tables.SKETCHES_STATE.field("minhash"),
        signature_column(signatures),
    )
    return BatchTables(built, quarantine)


def signature_column(signatures: np.ndarray) -> pa.ListArray:
    """A (rows x permutations) matrix as an Arrow list column, without Python lists."""
    n, width = signatures.shape
    offsets = pa.array(np.arange(0, (n + 1) * width, width, dtype=np.int32))
    return pa.ListArray.from_arrays(offsets, pa.array(signatures.reshape(-1), pa.uint32()))


def count_batch_site_lines(batch: Sequence[InputFile], settings: Settings, rows_dir: str) -> int:
    """Pass 1: the batch's (site, line, article) rows behind site-learned boilerplate,
    written as Parquet under `rows_dir` (only their count travels back).

    Only plain-text dumps count: a structured record's text is already its extracted body.
    """
    plain = [item for item in batch if reader_for(item.source_path) is None]
    dumps, _problems = read_inputs(plain, settings.max_input_bytes)
    rows = site_line_rows((dump.source_path, dump.text) for dump in dumps)
    if rows.num_rows:
        key = batch_key([item.source_path for item in batch])
        write_parquet(rows, Path(rows_dir) / f"part-{key}.parquet")
    return rows.num_rows


def process_input_batch(
    batch: Sequence[InputFile],
    staged_dir: str,
    run_id: str,
    settings: Settings,
    site_frequent: Mapping[str, frozenset[str]] | None = None,
) -> StagedBatch:
    """Read, process and stage one batch of inputs; runs in a worker process."""
    dumps, problems = read_inputs(
        batch, settings.max_input_bytes, settings.max_line_chars, settings.max_decompressed_bytes
    )
    built = build_batch_tables(
        dumps,
        run_id,
        shingle_words=settings.shingle_words,
        minhash_permutations=settings.minhash_permutations,
        site_frequent=site_frequent,
    )
    quarantined = problems + built.quarantine
    key = batch_key([item.source_path for item in batch])
    stage_batch(Path(staged_dir), key, built.tables, quarantine_table(quarantined, run_id))
    return StagedBatch(
        key,
        built.tables["articles"].num_rows,
        len(quarantined),
        built.tables["quotes"].num_rows,
        [f"{q.stage}: {q.error}" for q in quarantined],
    )

"""The output contract as pyarrow schemas, one per table, defined once.

Columns follow ../shared/SCHEMA.md; extra columns are additions, never renames.
"""

from __future__ import annotations

import pyarrow as pa

# Version of the output layout and tables, recorded in each version's
# `_state/manifest.json` and in `runs.schema_version`. Bump it when a change needs
# existing outputs migrated, and teach `tasks.write.check_schema_version` the step.
SCHEMA_VERSION = 2

ARTICLES = pa.schema(
    [
        ("article_id", pa.string()),
        ("source_path", pa.string()),
        ("source_record", pa.int32()),
        ("title", pa.string()),
        ("outlet", pa.string()),
        ("published_date", pa.date32()),
        ("dateline", pa.string()),
        ("language", pa.string()),
        ("body", pa.string()),
        ("n_words", pa.int32()),
        ("content_hash", pa.string()),
        ("dup_cluster_id", pa.string()),
        ("is_canonical", pa.bool_()),
        ("story_cluster_id", pa.string()),
        ("run_id", pa.string()),
        # additions to the contract
        ("byline", pa.string()),
        ("host_language", pa.string()),
        ("n_views", pa.int64()),
        ("n_comments", pa.int64()),
        ("input_hash", pa.string()),
        ("encoding", pa.string()),
        ("dup_kind", pa.string()),
        # structured inputs (JSONL, HTML, WARC): the page's canonical or fetched URL, and
        # the input's fields without a column of their own, as a JSON object
        ("url", pa.string()),
        ("raw_meta", pa.string()),
        # a page that is no article (paywall, consent, donation, blocked, not_found);
        # it joins no story
        ("page_kind", pa.string()),
    ]
)

PARAGRAPHS = pa.schema(
    [
        ("article_id", pa.string()),
        ("paragraph_idx", pa.int32()),
        ("text", pa.string()),
        ("char_start", pa.int32()),
        ("char_end", pa.int32()),
    ]
)

SENTENCES = pa.schema(
    [
        ("article_id", pa.string()),
        ("paragraph_idx", pa.int32()),
        ("sentence_idx", pa.int32()),
        ("text", pa.string()),
        ("char_start", pa.int32()),
        ("char_end", pa.int32()),
    ]
)

QUOTES = pa.schema(
    [
        ("quote_id", pa.string()),
        ("article_id", pa.string()),
        ("text", pa.string()),
        ("speaker", pa.string()),
        ("speaker_kind", pa.string()),
        ("cue", pa.string()),
        ("quote_type", pa.string()),
        ("char_start", pa.int32()),
        ("char_end", pa.int32()),
        ("via", pa.string()),
        ("rule", pa.string()),
    ]
)

BOILERPLATE = pa.schema(
    [
        ("article_id", pa.string()),
        ("line_no", pa.int32()),
        ("text", pa.string()),
        ("reason", pa.string()),
        ("kind", pa.string()),
    ]
)

QUARANTINE = pa.schema(
    [
        ("source_path", pa.string()),
        ("source_record", pa.int32()),
        ("stage", pa.string()),
        ("error", pa.string()),
        ("run_id", pa.string()),
        ("input_hash", pa.string()),
    ]
)

RUNS = pa.schema(
    [
        ("run_id", pa.string()),
        ("started_at", pa.timestamp("us", tz="UTC")),
        ("finished_at", pa.timestamp("us", tz="UTC")),
        ("status", pa.string()),
        ("n_inputs", pa.int64()),
        ("n_articles", pa.int64()),
        ("n_quarantined", pa.int64()),
        ("n_duplicates", pa.int64()),
        ("params", pa.string()),
        ("n_skipped", pa.int64()),
        ("n_quotes", pa.int64()),
        ("stage_seconds", pa.string()),
        ("schema_version", pa.int32()),
    ]
)

# State the pipeline keeps beside the tables so the next run is incremental.
INPUTS_STATE = pa.schema(
    [
        ("source_path", pa.string()),
        # SHA-256 of the bytes read; for an input discovery refused, "unread:" + hash of reason
        ("input_hash", pa.string()),
        # "processed" (articles or an ingest quarantine row), "quarantined" (at discovery)
        ("outcome", pa.string()),
        ("run_id", pa.string()),
    ]
)

SKETCHES_STATE = pa.schema(
    [
        ("article_id", pa.string()),
        ("content_hash", pa.string()),
        ("minhash", pa.list_(pa.uint32())),
        ("numbers", pa.list_(pa.string())),
        ("story_terms", pa.list_(pa.string())),
        # title-and-lead embedding (tasks/embed.py), unit vector times 127; null when off
        ("embedding", pa.list_(pa.int8())),
    ]
)

# Tables keyed by article, written per batch; `articles` is among them.
ARTICLE_TABLES: dict[str, pa.Schema] = {
    "articles": ARTICLES,
    "paragraphs": PARAGRAPHS,
    "sentences": SENTENCES,
    "quotes": QUOTES,
    "boilerplate": BOILERPLATE,
    "_sketches": SKETCHES_STATE,
}
OUTPUT_TABLES: tuple[str, ...] = (
    "articles",
    "paragraphs",
    "sentences",
    "quotes",
    "boilerplate",
    "quarantine",
    "runs",
)

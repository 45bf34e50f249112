"""Run settings in one place: defaults, overridden by `[tool.newsflow]`, env vars and CLI flags.

Stages receive the values they need as arguments; only the flow reads this module.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SQL_DIR = PROJECT_ROOT / "sql"


@dataclass(frozen=True, slots=True)
class Settings:
    raw_dir: str = str(PROJECT_ROOT / "data" / "raw")
    out_dir: str = str(PROJECT_ROOT / "data" / "processed")
    batch_size: int = 2000
    # worker processes for the per-article stages; 1 runs them in the flow's process
    workers: int = os.cpu_count() or 1
    # fewer inputs than this per worker run in the flow's own process
    min_inputs_per_worker: int = 200
    # inputs larger than this are quarantined rather than read whole into memory
    max_input_bytes: int = 20 * 1024 * 1024
    # a line longer than this is a blob (serialised page, data), not article text
    max_line_chars: int = 200_000
    # a second run on a locked output folder waits this long, then is refused
    lock_wait_seconds: float = 0.0
    # a gzipped multi-record input (JSONL, WARC) may inflate to at most this much in all;
    # past it the rest of the file is quarantined as a decompression bomb
    max_decompressed_bytes: int = 8 * 1024 * 1024 * 1024
    # MinHash / LSH for near-duplicates: 32 bands of 4 rows catch Jaccard >= ~0.45
    minhash_permutations: int = 128
    lsh_bands: int = 32
    shingle_words: int = 5
    # a candidate pair is a near-duplicate when the smaller body is mostly inside the larger
    near_dup_containment: float = 0.7
    near_dup_jaccard: float = 0.45
    # numbers (figures, dates) of the smaller body that the larger must also carry
    near_dup_number_agreement: float = 0.8
    # same-story grouping: similarity of name-like tokens within a window of days
    story_window_days: int = 3
    story_similarity: float = 0.3
    # multilingual title-and-lead embeddings as the main story evidence (about 10 CPU ms
    # per article in the batch stage); 0 keeps names, figures and quotes alone. An int,
    # not a bool, so that NEWSFLOW_STORY_EMBEDDINGS=0 turns it off
    story_embeddings: int = 1
    # site-learned boilerplate: a line printed by this many different articles of a site,
    # and by this share of the site's articles, is the site's furniture
    site_line_min_articles: int = 5
    site_line_min_share: float = 0.1


def duckdb_config(temp_dir: str | None = None) -> dict[str, str | bool | int | float | list[str]]:
    """DuckDB settings for the corpus stages: a memory cap keeps the run's footprint flat
    (DuckDB spills to disk past it) instead of DuckDB's default of most of the RAM; the
    spill goes to `temp_dir` (the run's staging folder) rather than `.tmp` in the cwd."""
    config: dict[str, str | bool | int | float | list[str]] = {
        "memory_limit": os.environ.get("NEWSFLOW_DUCKDB_MEMORY_LIMIT", "1GB")
    }
    if temp_dir is not None:
        config["temp_directory"] = temp_dir
    return config


def cache_dir() -> Path:
    """Where derived files that outlive a run are kept (the unpacked language model):
    `NEWSFLOW_CACHE_DIR`, else `$XDG_CACHE_HOME/newsflow`, else `~/.cache/newsflow`."""
    configured = os.environ.get("NEWSFLOW_CACHE_DIR")
    if configured:
        return Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsflow"


def _from_pyproject() -> dict[str, object]:
    pyproject = PROJECT_ROOT / "pyproject.toml"
    if not pyproject.is_file():
        return {}
    data = tomllib.loads(pyproject.read_text("utf-8"))
    return dict(data.get("tool", {}).get("newsflow", {}))


def load_settings(**overrides: object) -> Settings:
    """Defaults < pyproject `[tool.newsflow]` < `NEWSFLOW_<NAME>` env vars < explicit overrides."""
    settings = Settings()
    known = {f.name: f.type for f in fields(Settings)}
    values: dict[str, object] = {}
    for name, value in _from_pyproject().items():
        if name in known:
            values[name] = value
    for name in known:
        env = os.environ.get(f"NEWSFLOW_{name.upper()}")
        if env is not None:
            values[name] = env
    values.update({k: v for k, v in overrides.items() if v is not None})
    typed = {k: type(getattr(settings, k))(v) for k, v in values.items()}
    return replace(settings, **typed)

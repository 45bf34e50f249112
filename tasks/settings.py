"""Run settings in one place: defaults, overridden by a settings file, env vars and CLI flags.

The settings file is `newsflow.toml` (top-level keys) in the working directory, else the
`[tool.newsflow]` table of the working directory's `pyproject.toml`. Relative folders resolve
against the working directory, so an installed newsflow runs from any folder.
Stages receive the values they need as arguments; only the flow reads this module.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import duckdb

SETTINGS_FILE = "newsflow.toml"
ENV_PREFIX = "NEWSFLOW_"
_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})


class SettingsError(ValueError):
    """A settings file or value newsflow cannot use (named in the message)."""


@dataclass(frozen=True, slots=True)
class Settings:
    # relative folders resolve against the working directory
    raw_dir: str = "data/raw"
    out_dir: str = "data/processed"
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
    # multilingual title-and-lead embeddings as the main story evidence (about 4 CPU ms
    # per article in the batch stage); false keeps names, figures and quotes alone
    story_embeddings: bool = True
    # site-learned boilerplate: a line printed by this many different articles of a site,
    # and by this share of the site's articles, is the site's furniture
    site_line_min_articles: int = 5
    site_line_min_share: float = 0.1
    # a table folder keeps at most this many parts from earlier runs (plus the newest
    # run's): past it the smallest are merged at commit, so hourly runs do not pile up files
    compact_max_parts: int = 8


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


# a lowered DuckDB memory cap never drops below this
MIN_DUCKDB_MEMORY = 256 * 2**20
_BYTES_PER = {"bytes": 1, "KiB": 2**10, "MiB": 2**20, "GiB": 2**30, "TiB": 2**40}


def lower_duckdb_memory(
    con: duckdb.DuckDBPyConnection, *, give_way: int = 0, share: float = 1.0
) -> None:
    """Lower a connection's memory cap to `share` of it less `give_way` bytes (not below
    `MIN_DUCKDB_MEMORY`): a process holding large arrays or tables beside DuckDB then
    stays near the cap the run set rather than the cap plus what it holds, DuckDB
    spilling sooner instead."""
    ((limit,),) = con.execute("select current_setting('memory_limit')").fetchall()
    number, unit = str(limit).split()
    cap = max(MIN_DUCKDB_MEMORY, int(float(number) * _BYTES_PER[unit] * share) - give_way)
    con.execute(f"set memory_limit = '{cap // 2**20}MiB'").fetchall()


def cache_dir() -> Path:
    """Where derived files that outlive a run are kept (the unpacked language model):
    `NEWSFLOW_CACHE_DIR`, else `$XDG_CACHE_HOME/newsflow`, else `~/.cache/newsflow`."""
    configured = os.environ.get("NEWSFLOW_CACHE_DIR")
    if configured:
        return Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsflow"


def settings_file_values(folder: Path) -> tuple[dict[str, object], str | None]:
    """The settings a folder's `newsflow.toml` (else `pyproject.toml` [tool.newsflow])
    gives, and the file they came from."""
    own = folder / SETTINGS_FILE
    pyproject = folder / "pyproject.toml"
    try:
        if own.is_file():
            return dict(tomllib.loads(own.read_text("utf-8"))), str(own)
        if pyproject.is_file():
            table = tomllib.loads(pyproject.read_text("utf-8")).get("tool", {}).get("newsflow")
            if table is not None:
                return dict(table), f"{pyproject} [tool.newsflow]"
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise SettingsError(f"cannot read settings: {error}") from error
    return {}, None


def _typed(name: str, value: object, default: object, source: str) -> object:
    """`value` as the type of the setting's default; strings from env vars are parsed."""
    if isinstance(default, bool):
        text = str(value).strip().lower()
        if isinstance(value, bool) or text in _TRUE | _FALSE:
            return value if isinstance(value, bool) else text in _TRUE
    else:
        try:
            return type(default)(value)  # type: ignore[call-arg]
        except (TypeError, ValueError):
            pass
    kind = type(default).__name__
    raise SettingsError(f"{source}: {name} = {value!r} is not a valid {kind}")


def load_settings(cwd: Path | None = None, **overrides: object) -> Settings:
    """Defaults < settings file < `NEWSFLOW_<NAME>` env vars < explicit overrides (None
    leaves a value alone). Folders come back absolute, resolved against `cwd`."""
    folder = cwd or Path.cwd()
    settings = Settings()
    known = {f.name for f in fields(Settings)}
    values: dict[str, object] = {}
    from_file, source = settings_file_values(folder)
    unknown = sorted(set(from_file) - known)
    if unknown:
        raise SettingsError(f"{source}: unknown setting(s) {', '.join(unknown)}")
    for name, value in from_file.items():
        values[name] = _typed(name, value, getattr(settings, name), str(source))
    for name in known:
        env = os.environ.get(f"{ENV_PREFIX}{name.upper()}")
        if env is not None:
            values[name] = _typed(name, env, getattr(settings, name), f"{ENV_PREFIX}{name.upper()}")
    for name, value in overrides.items():
        if value is not None:
            values[name] = _typed(name, value, getattr(settings, name), f"--{name}")
    for name in ("raw_dir", "out_dir"):
        value = str(values.get(name, getattr(settings, name)))
        values[name] = value if "://" in value else str((folder / value).resolve())
    return replace(settings, **values)  # type: ignore[arg-type]

"""Site-learned boilerplate: lines that recur across many different articles of one site.

A host site prints the same furniture (its slogan, a newsletter blurb, a menu entry, a
legal line) around every article, in words no lexicon can foresee. Counted over a run's
dumps grouped by site, such a line shows up in a large share of the site's articles; the
clean stage then removes it with reason ``site_frequent`` (long prose lines excepted).

Copies of one article (an exact copy, a syndicated version) must not make their shared
paragraphs look like furniture, so each line is counted once per *article identity*:
the key of the article's long prose line with the lowest hash. Copies share most of their
paragraphs, so they very likely share that line, while different articles do not.

The counts persist in the output and a later run adds its own, so new files of a known
site benefit from what earlier runs saw. Memory and state stay bounded as the archive
grows: the batches write their (site, line, article) rows as Parquet and DuckDB counts
them (spilling to disk past its memory cap), and the state keeps the lines printed by two
or more articles (``_state/site_lines``, with each site's total) apart from the far more
numerous lines seen once, kept only as 64-bit hashes (``_state/site_lines_once``): a line
seen once before counts one more when it comes back, exactly as if its row had been kept.

Site of a dump, first rule that gives one:
1. the host of a URL line near the top of the dump (``https://www.example.com/a/1`` or
   ``URL: example.com/...``), without ``www.``;
2. a host-like token (``example.com``) in the file name, then in its folders, innermost first;
3. a file name made of ``_``-separated fields (``2023-06-20_examplepost_slug.txt``): the
   first field with a letter that is not the last one (the slug);
4. the innermost folder that is not a date or a number (one folder per site);
5. the file name without its digits (``examplepost-0307`` -> ``examplepost``), unless it is
   a bare hash or number; otherwise no site, and the dump is not counted.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path, PurePosixPath

import duckdb
import pyarrow as pa

from tasks.lexicon import normalise_lines

MAX_HEAD_LINES = 10  # a URL line is looked for among the dump's first lines
MAX_SITE_LINE_WORDS = 25  # longer lines are prose the clean stage keeps: not counted
MIN_IDENTITY_WORDS = 15  # lines this long are paragraphs that identify an article
SITE_TOTAL_KEY = ""  # the row holding how many articles of the site were counted
# DuckDB's cap while counting: the flow process also holds the run's input list, and the
# counts spill to disk well (21M rows, a million articles' worth: 825 MiB peak RSS at 512MB)
COUNTING_MEMORY_LIMIT = "512MB"

SITE_LINES_STATE = pa.schema(
    [
        ("site", pa.string()),
        ("line_key", pa.string()),  # normalise_line(line); SITE_TOTAL_KEY for the site total
        ("n_articles", pa.int64()),  # distinct article identities printing the line
    ]
)
SITE_LINE_ROWS = pa.schema(
    [("site", pa.string()), ("line_key", pa.string()), ("article_key", pa.uint64())]
)
# hashes of the (site, line key) pairs printed by a single article so far
SITE_LINES_ONCE = pa.schema([("line_hash", pa.uint64())])
# folders of the state, under a version's `_state/` (and of the new state, while staged)
COUNTS_DIR = "site_lines"
ONCE_DIR = "site_lines_once"

_URL_LINE = re.compile(
    r"^(?:[^\W\d_][\w ]{0,20}:\s*)?(?:https?://|www\.)(?P<host>[\w.-]+\.[a-z]{2,})(?:[/:?#]\S*)?$",
    re.IGNORECASE,
)
_HOST_TOKEN = re.compile(r"(?<![\w.-])(?:www\.)?(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})")
_DATE_OR_NUMBER = re.compile(r"^[\d_.-]+$")
_HASH = re.compile(r"^[0-9a-f]{8,}$", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")


def _host(text: str) -> str:
    host = text.casefold().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def site_key(source_path: str, text: str) -> str:
    """The site a dump comes from (see the module docstring for the rules); "" if unknown."""
    seen = 0
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        if m := _URL_LINE.match(line):
            return _host(m.group("host"))
        seen += 1
        if seen >= MAX_HEAD_LINES:
            break
    path = PurePosixPath(source_path)
    stem = path.name.rsplit(".", 1)[0] if "." in path.name else path.name
    folders = list(reversed(path.parts[:-1]))
    for name in (stem, *folders):
        if m := _HOST_TOKEN.search(name.casefold()):
            return _host(m.group("host"))
    fields = [f for f in stem.split("_") if f]
    if len(fields) >= 2:
        named = [f for f in fields[:-1] if any(c.isalpha() for c in f)]
        if named:
            return named[0].casefold()
    for folder in folders:
        if not _DATE_OR_NUMBER.match(folder):
            return folder.casefold()
    if _HASH.match(stem):
        return ""
    return _DIGITS.sub("", stem).strip("-_ .").casefold()


def article_lines(text: str) -> tuple[int, set[str]]:
    """(article identity, keys of the lines short enough to be site furniture)."""
    keys: set[str] = set()
    identity: int | None = None  # hash of the lowest-hashed long line
    for key in normalise_lines(text):
        if not key:
            continue
        n_words = key.count(" ") + 1  # a key is words (\w+) joined by single spaces
        if n_words <= MAX_SITE_LINE_WORDS:
            keys.add(key)
        if n_words >= MIN_IDENTITY_WORDS:
            digest = _digest(key)
            if identity is None or digest < identity:
                identity = digest
    # without a paragraph to go by, the whole text identifies the article
    return (identity if identity is not None else _digest(text)), keys


def _digest(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


def site_line_rows(dumps: Iterable[tuple[str, str]]) -> pa.Table:
    """One row per (site, line key, article identity) of (source_path, text) dumps.

    The rows of all batches of a run are counted together by ``learn_site_lines``, so
    copies of one article in different batches still count once.
    """
    sites: list[str] = []
    line_keys: list[str] = []
    articles: list[int] = []
    for source_path, text in dumps:
        site = site_key(source_path, text)
        if not site:
            continue
        identity, keys = article_lines(text)
        n = len(keys) + 1
        sites += [site] * n
        line_keys.append(SITE_TOTAL_KEY)
        line_keys += keys
        articles += [identity] * n
    return pa.table([sites, line_keys, articles], schema=SITE_LINE_ROWS)


def learn_site_lines(
    previous_state: Path | None,
    row_files: Sequence[str],
    new_state: Path,
    min_articles: int,
    min_share: float,
    duckdb_config: Mapping[str, str | bool | int | float | list[str]] | None = None,
) -> dict[str, frozenset[str]]:
    """Earlier runs' counts plus this run's rows, written under ``new_state``, and the
    frequent lines of this run's sites.

    ``previous_state`` is the folder holding the previous ``COUNTS_DIR`` and ``ONCE_DIR``
    (a version's ``_state``); ``row_files`` are Parquet files of ``SITE_LINE_ROWS``.
    Everything is counted in DuckDB, so only the frequent lines come back to Python. With
    no rows nothing is written and nothing is frequent.
    """
    if not row_files:
        return {}
    con = duckdb.connect(config={**(duckdb_config or {}), "memory_limit": COUNTING_MEMORY_LIMIT})
    try:
        con.execute("set enable_progress_bar = false").fetchall()
        _register_parquet(con, "run_rows", row_files, SITE_LINE_ROWS)
        _register_parquet(con, "old_counts", _parts(previous_state, COUNTS_DIR), SITE_LINES_STATE)
        _register_parquet(con, "old_once", _parts(previous_state, ONCE_DIR), SITE_LINES_ONCE)
        con.execute(
            """
            create temp table merged as
            with run_counts as (  -- distinct, then count: both steps spill past the cap
                select site, line_key, count(*) as n_articles
                from (select distinct site, line_key, article_key from run_rows)
                group by site, line_key
            )
            select site, line_key,
                   (coalesce(r.n_articles, 0) + coalesce(o.n_articles, 0))::bigint as n_articles,
                   -- a line with no count so far may have been seen once before (a state
                   -- written before the split keeps its lines seen once as rows of 1)
                   case when coalesce(o.n_articles, 0) <= 1 and line_key <> ''
                        then md5_number_upper(site || chr(10) || line_key) end as line_hash
            from run_counts r full join old_counts o using (site, line_key)
            """
        ).fetchall()
        con.execute(
            """
            update merged set n_articles = n_articles + 1
            where line_hash in (select line_hash from old_once)
            """
        ).fetchall()
        for folder in (COUNTS_DIR, ONCE_DIR):
            (new_state / folder).mkdir(parents=True, exist_ok=True)
        _copy_parquet(
            con,
            """
            select site, line_key, n_articles from merged
            where n_articles >= 2 or line_key = '' order by site, line_key
            """,
            new_state / COUNTS_DIR / "site_lines.parquet",
        )
        _copy_parquet(
            con,
            """
            select line_hash from old_once
            union select line_hash from merged where n_articles = 1 and line_hash is not null
            order by line_hash
            """,
            new_state / ONCE_DIR / "site_lines_once.parquet",
        )
        frequent = con.execute(
            """
            select c.site, c.line_key
            from merged c join merged t on t.site = c.site and t.line_key = ''
            where c.site in (select distinct site from run_rows) and c.line_key <> ''
              and c.n_articles >= $min_articles and c.n_articles >= $min_share * t.n_articles
            """,
            {"min_articles": min_articles, "min_share": min_share},
        ).fetchall()
    finally:
        con.close()
    by_site: dict[str, set[str]] = defaultdict(set)
    for site, key in frequent:
        by_site[site].add(key)
    return {site: frozenset(keys) for site, keys in by_site.items()}


def _parts(state: Path | None, folder: str) -> list[str]:
    if state is None or not (state / folder).is_dir():
        return []
    return sorted(str(p) for p in (state / folder).glob("*.parquet"))


def _register_parquet(
    con: duckdb.DuckDBPyConnection, name: str, files: Sequence[str], schema: pa.Schema
) -> None:
    """A view over Parquet files, or over an empty table of their schema when there are none."""
    if files:
        con.read_parquet(list(files)).select(", ".join(schema.names)).create_view(name)
    else:
        con.register(name, schema.empty_table())


def _copy_parquet(con: duckdb.DuckDBPyConnection, query: str, path: Path) -> None:
    """Write a query's rows as zstd Parquet, under a temporary name renamed into place."""
    partial = path.with_name(f".{path.name}.partial")
    target = str(partial).replace("'", "''")
    con.execute(f"copy ({query}) to '{target}' (format parquet, compression zstd)").fetchall()
    partial.replace(path)


def read_site_lines(state: Path) -> pa.Table:
    """The (site, line_key, n_articles) counts of a state folder (for inspection and tests)."""
    files = _parts(state, COUNTS_DIR)
    if not files:
        return SITE_LINES_STATE.empty_table()
    return duckdb.read_parquet(files).to_arrow_table().cast(SITE_LINES_STATE)


def frequent_lines_of(
    frequent: Mapping[str, frozenset[str]], source_path: str, text: str
) -> frozenset[str]:
    """The frequent lines of the site one dump comes from."""
    if not frequent:
        return frozenset()
    return frequent.get(site_key(source_path, text), frozenset())

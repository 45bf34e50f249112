"""Site-learned boilerplate: lines that recur across many different articles of one site.

A host site prints the same furniture (its slogan, a newsletter blurb, a menu entry, a
legal line) around every article, in words no lexicon can foresee. Counted over a run's
dumps grouped by site, such a line shows up in a large share of the site's articles; the
clean stage then removes it with reason ``site_frequent`` (long prose lines excepted).

Copies of one article (an exact copy, a syndicated version) must not make their shared
paragraphs look like furniture, so each line is counted once per *article identity*:
the key of the article's long prose line with the lowest hash. Copies share most of their
paragraphs, so they very likely share that line, while different articles do not.

The counts persist in the output (``_state/site_lines``) and a later run adds its own, so
new files of a known site benefit from what earlier runs saw.

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
from collections.abc import Iterable, Mapping
from pathlib import PurePosixPath

import pyarrow as pa
import pyarrow.compute as pc

from tasks.lexicon import WORD, collapse_whitespace, normalise_line

MAX_HEAD_LINES = 10  # a URL line is looked for among the dump's first lines
MAX_SITE_LINE_WORDS = 25  # longer lines are prose the clean stage keeps: not counted
MIN_IDENTITY_WORDS = 15  # lines this long are paragraphs that identify an article
SITE_TOTAL_KEY = ""  # the row holding how many articles of the site were counted

SITE_LINES_STATE = pa.schema(
    [
        ("site", pa.string()),
        ("line_key", pa.string()),  # normalise_line(line); SITE_TOTAL_KEY for the site total
        ("n_articles", pa.int64()),  # distinct article identities printing the line
    ]
)
SITE_LINE_ROWS = pa.schema(
    [("site", pa.string()), ("line_key", pa.string()), ("article_key", pa.string())]
)

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


def article_lines(text: str) -> tuple[str, set[str]]:
    """(article identity, keys of the lines short enough to be site furniture)."""
    keys: set[str] = set()
    identity: tuple[str, str] | None = None  # (hash, key) of the lowest-hashed long line
    for raw in text.split("\n"):
        flat = collapse_whitespace(raw)
        if not flat:
            continue
        key = normalise_line(flat)
        if not key:
            continue
        n_words = len(WORD.findall(key))
        if n_words <= MAX_SITE_LINE_WORDS:
            keys.add(key)
        if n_words >= MIN_IDENTITY_WORDS:
            digest = _digest(key)
            if identity is None or digest < identity[0]:
                identity = (digest, key)
    # without a paragraph to go by, the whole text identifies the article
    return (identity[0] if identity else _digest(text)), keys


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def site_line_rows(dumps: Iterable[tuple[str, str]]) -> pa.Table:
    """One row per (site, line key, article identity) of (source_path, text) dumps.

    The rows of all batches of a run are counted together by ``merge_site_lines``, so copies
    of one article in different batches still count once.
    """
    rows: dict[str, list[str]] = {"site": [], "line_key": [], "article_key": []}
    for source_path, text in dumps:
        site = site_key(source_path, text)
        if not site:
            continue
        identity, keys = article_lines(text)
        for key in (SITE_TOTAL_KEY, *sorted(keys)):
            rows["site"].append(site)
            rows["line_key"].append(key)
            rows["article_key"].append(identity)
    return pa.table(rows, schema=SITE_LINE_ROWS)


def merge_site_lines(previous: pa.Table, new_rows: pa.Table) -> pa.Table:
    """Earlier runs' counts plus this run's, each article identity counted once per line."""
    counted = (
        new_rows.group_by(["site", "line_key"])
        .aggregate([("article_key", "count_distinct")])
        .rename_columns(["site", "line_key", "n_articles"])
    )
    both = pa.concat_tables(
        [previous.select(SITE_LINES_STATE.names), counted.cast(SITE_LINES_STATE)]
    )
    merged = both.group_by(["site", "line_key"]).aggregate([("n_articles", "sum")])
    merged = merged.rename_columns(["site", "line_key", "n_articles"]).cast(SITE_LINES_STATE)
    return merged.sort_by([("site", "ascending"), ("line_key", "ascending")])


def frequent_site_lines(
    stats: pa.Table, sites: Iterable[str], min_articles: int, min_share: float
) -> dict[str, frozenset[str]]:
    """Per site, the line keys printed by at least ``min_articles`` different articles and
    by at least ``min_share`` of the site's articles."""
    wanted = pa.array(sorted(set(sites) - {""}), pa.string())
    rows = stats.filter(pc.is_in(stats["site"], value_set=wanted))
    totals: dict[str, int] = {}
    candidates: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for site, key, n in zip(
        rows["site"].to_pylist(),
        rows["line_key"].to_pylist(),
        rows["n_articles"].to_pylist(),
        strict=True,
    ):
        if key == SITE_TOTAL_KEY:
            totals[site] = n
        elif n >= min_articles:
            candidates[site].append((key, n))
    return {
        site: frozenset(k for k, n in keys if n >= min_share * totals.get(site, n))
        for site, keys in candidates.items()
    }


def learn_site_lines(
    previous: pa.Table, counted: list[pa.Table], min_articles: int, min_share: float
) -> tuple[pa.Table, dict[str, frozenset[str]]]:
    """Earlier runs' counts plus this run's rows, and the frequent lines of this run's sites."""
    rows = pa.concat_tables(counted) if counted else SITE_LINE_ROWS.empty_table()
    if rows.num_rows == 0:
        return previous, {}
    stats = merge_site_lines(previous, rows)
    sites = rows["site"].unique().to_pylist()
    return stats, frequent_site_lines(stats, sites, min_articles, min_share)


def frequent_lines_of(
    frequent: Mapping[str, frozenset[str]], source_path: str, text: str
) -> frozenset[str]:
    """The frequent lines of the site one dump comes from."""
    if not frequent:
        return frozenset()
    return frequent.get(site_key(source_path, text), frozenset())

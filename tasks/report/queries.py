"""Every query the report runs, in one place, over the catalog's views (sql/*.sql).

Each section of the page is one named query; the page never reads Parquet itself, so the
report is also the reference for what a dashboard can build from the contract views.
When a view gains a better successor (e.g. a richer speakers view), only this module
changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa


@dataclass(frozen=True, slots=True)
class ReportQuery:
    """A named query; `limit` caps the rows the page shows (None: all rows)."""

    name: str
    sql: str
    limit: int | None = None


# Headline figures over the whole output (canonical articles: copies set aside).
TOTALS = ReportQuery(
    "totals",
    """
    select (select count(*) from articles) as articles,
           (select count(*) from canonical_articles) as canonical_articles,
           (select count(distinct outlet) from canonical_articles) as outlets,
           (select count(distinct language) from canonical_articles) as languages,
           (select count(*) from quotes_in_context where is_canonical) as quotes,
           (select count(*) from speakers) as speakers,
           (select count(*) from story_coverage) as stories,
           (select count(*) from dup_clusters) as dup_clusters,
           (select count(*) from boilerplate) as boilerplate_lines,
           (select count(*) from quarantine) as quarantined,
           (select count(*) from runs) as runs
    """,
)

# One row per run, newest first; the wall time is finished_at - started_at.
RUNS = ReportQuery(
    "runs",
    """
    select run_id, status, started_at,
           round(epoch(finished_at) - epoch(started_at), 1) as seconds,
           n_inputs, n_skipped, n_articles, n_quarantined, n_duplicates, n_quotes
    from run_history
    order by started_at desc
    """,
    limit=50,
)

# Seconds per stage of the latest runs (runs.stage_seconds is a JSON object).
RUN_STAGES = ReportQuery(
    "run_stages",
    """
    with latest as (select * from run_history order by started_at desc limit 20)
    select r.run_id, j.key as stage, j.value::double as seconds
    from latest r, json_each(r.stage_seconds) j
    where r.stage_seconds is not null
    order by r.started_at desc, stage
    """,
)

# Articles per day for the outlets that published most; the rest folded into one colour.
OUTLET_DAYS = ReportQuery(
    "outlet_days",
    """
    with ranked as (
        select outlet, row_number() over (order by sum(n_articles) desc, outlet) as rank
        from articles_per_outlet_day group by outlet
    )
    select case when r.rank <= 10 then d.outlet else '(other outlets)' end as outlet,
           d.published_date, sum(d.n_articles)::bigint as n_articles
    from articles_per_outlet_day d join ranked r using (outlet)
    group by all
    order by d.published_date, outlet
    """,
)

# Per outlet: how much, over which days.
OUTLETS = ReportQuery(
    "outlets",
    """
    select outlet, sum(n_articles)::bigint as n_articles, count(*) as n_days,
           min(published_date) as first_date, max(published_date) as last_date
    from articles_per_outlet_day
    group by outlet
    order by n_articles desc, outlet
    """,
    limit=500,
)

LANGUAGES = ReportQuery(
    "languages",
    """
    select coalesce(language, '(unknown)') as language, count(*) as n_articles,
           count(distinct outlet) as n_outlets
    from canonical_articles
    group by all
    order by n_articles desc, language
    """,
)

# Top speakers with one sample quote each: a direct quote of readable length if any.
SPEAKERS = ReportQuery(
    "speakers",
    """
    with samples as (
        select speaker,
               first(text order by quote_type = 'direct' desc,
                     length(text) between 40 and 240 desc, length(text) desc,
                     quote_id) as sample_quote
        from quotes_in_context
        where is_canonical and speaker is not null and quote_type <> 'indirect'
        group by speaker
    )
    select s.speaker, s.speaker_kind, s.n_quotes, s.n_articles, s.n_outlets,
           s.first_date, s.last_date,
           (select first(q.sample_quote order by q.speaker = s.speaker desc, q.speaker)
            from samples q where list_contains(s.variants, q.speaker)) as sample_quote,
           s.variants
    from speakers s
    order by s.n_quotes desc, s.n_articles desc, s.speaker
    """,
    limit=100,
)

# Stories ranked by how widely they were covered.
STORIES = ReportQuery(
    "stories",
    """
    select sample_title, n_outlets, outlets, languages, n_articles, first_date, last_date
    from story_coverage
    order by n_outlets desc, n_articles desc, story
    """,
    limit=100,
)

DUP_CLUSTERS = ReportQuery(
    "dup_clusters",
    """
    select canonical_title, canonical_source, n_articles, kinds, members
    from dup_clusters
    order by n_articles desc, dup_cluster_id
    """,
    limit=200,
)

BOILERPLATE = ReportQuery(
    "boilerplate",
    "select reason, n_lines, n_articles, example from boilerplate_by_reason "
    "order by n_lines desc, reason",
)

QUARANTINE = ReportQuery(
    "quarantine",
    """
    select source_path, source_record, stage, error, run_id
    from quarantine
    order by run_id desc, source_path, source_record
    """,
    limit=1000,
)

REPORT_QUERIES: tuple[ReportQuery, ...] = (
    TOTALS,
    RUNS,
    RUN_STAGES,
    OUTLET_DAYS,
    OUTLETS,
    LANGUAGES,
    SPEAKERS,
    STORIES,
    DUP_CLUSTERS,
    BOILERPLATE,
    QUARANTINE,
)


@dataclass(frozen=True, slots=True)
class QueryResult:
    """The rows a section shows and how many the query had in all."""

    rows: pa.Table
    n_total: int


def run_report_query(con: duckdb.DuckDBPyConnection, query: ReportQuery) -> QueryResult:
    if query.limit is None:
        rows = con.sql(query.sql).to_arrow_table()
        return QueryResult(rows, rows.num_rows)
    n_total = con.sql(f"select count(*) from ({query.sql})").fetchall()[0][0]
    rows = con.sql(f"{query.sql} limit {query.limit:d}").to_arrow_table()
    return QueryResult(rows, n_total)


def run_report_queries(catalog: Path) -> dict[str, QueryResult]:
    """Every report query against the output's catalog, opened read-only."""
    con = duckdb.connect(str(catalog), read_only=True)
    try:
        return {query.name: run_report_query(con, query) for query in REPORT_QUERIES}
    finally:
        con.close()

"""Write: stage each batch's tables, then commit a new version of the output atomically.

Layout of an output folder:
    .versions/<run_id>/<table>/*.parquet   the complete current version of every table
    .current -> .versions/<run_id>         swapped with one atomic rename per commit
    <table> -> .current/<table>            what readers glob: <out>/<table>/**/*.parquet
    newsflow.duckdb                        views from sql/*.sql, replaced atomically
    _staging/<run_id>/                     a run's batches before commit (outside tables)
    .versions/<run_id>/_state/manifest.json  schema_version of that version's tables
    .newsflow.lock                         the running writer (flock), pid and run id
A killed run leaves `.current` on the last good version; staging is discarded next time.
Unchanged Parquet parts are hard-linked into the new version, not copied.

Retention: only the current version is kept. Every part name is unique to the content it
was written with (run id in the name), so a reader that listed the old version's parts
opens the same bytes (a hard link) or fails; it never reads a mix. Open files survive their
removal (POSIX). The history and the `.current` link are hidden names, and DuckDB's glob
does not follow links, so a recursive glob over the whole folder (`<out>/**/*.parquet` in
DuckDB, Python or pyarrow) sees each current part once.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import socket
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from tasks import tables
from tasks.ingest import InputFile, QuarantineRecord, unread_marker
from tasks.settings import duckdb_config, lower_duckdb_memory
from tasks.site_lines import COUNTS_DIR as SITE_LINE_COUNTS_DIR
from tasks.site_lines import ONCE_DIR as SITE_LINES_ONCE_DIR

VERSIONS = ".versions"
STAGING = "_staging"
CURRENT = ".current"
# the layout before hidden names: read as the current version, replaced at the next commit
LEGACY_VERSIONS = "_versions"
LEGACY_CURRENT = "current"
STATE = "_state"
SITE_LINES_STATE_DIR = f"{STATE}/{SITE_LINE_COUNTS_DIR}"
SITE_LINE_ROWS_DIR = "_site_line_rows"  # in a staging folder: the run's pass-1 rows
SITE_LINES_STAGED_DIR = "_site_lines"  # in a staging folder: the new site line state
DUCKDB_SPILL_DIR = "_duckdb_spill"  # in a staging folder: what DuckDB spills past its cap
COMMIT_MEMORY_SHARE = 0.5
# rows per row group of the articles table and of merged parts: a reader holds a row
# group's bodies or term lists at once, one per thread (DuckDB's default of 122,880 rows
# is ~300 MiB of bodies, and a million sketches' story terms in such groups ran the
# story stage past its cap)
ROW_GROUP_ROWS = 10_000
# rows per articles part: each part is sorted alone, so a commit's memory stays flat
ARTICLES_PART_ROWS = 100_000
SITE_LINE_STATE_DIRS = (SITE_LINE_COUNTS_DIR, SITE_LINES_ONCE_DIR)
CATALOG = "newsflow.duckdb"
# the oldest DuckDB storage format that holds views: DuckDB 1.1 and newer open the catalog
CATALOG_STORAGE_VERSION = "v1.1.0"
LOCK = ".newsflow.lock"
MANIFEST = "manifest.json"  # in <version>/_state/
# Test hook: a run sleeps at the named point (see `hold_at`), so tests can kill it there.
PAUSE_AT_ENV = "NEWSFLOW_TEST_PAUSE_AT"
OUT_PLACEHOLDER = "@OUT@"
# tables whose rows belong to one article and are carried from version to version
CARRIED_TABLES = ("paragraphs", "sentences", "quotes", "boilerplate", "_sketches")


class OutputLocked(RuntimeError):
    """Another run holds the output folder."""


class OutputSchemaMismatch(RuntimeError):
    """The output folder was written by a newsflow whose tables this one cannot extend."""


@contextmanager
def output_lock(out_dir: str, run_id: str = "", wait_seconds: float = 0.0) -> Iterator[str | None]:
    """One run per output folder at a time; a second waits `wait_seconds`, then is refused.

    The lock is an flock on `.newsflow.lock`, so the kernel frees it when its holder dies
    (even by SIGKILL): a killed run never blocks the next one. The file names the holder
    (pid, host, run id) for the refusal message, and is emptied on a clean release, so a
    holder that died is noticed: the context yields a message saying whose lock was
    taken over, or None.
    """
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_seconds
    with open(Path(out_dir) / LOCK, "a+", encoding="utf-8") as handle:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError as error:
                if time.monotonic() >= deadline:
                    raise OutputLocked(
                        f"another newsflow run is writing to {out_dir} "
                        f"({_describe_holder(_read_holder(handle))}); "
                        "wait for it to finish or use another output folder"
                    ) from error
                time.sleep(min(1.0, max(0.05, deadline - time.monotonic())))
        stale = _read_holder(handle)
        taken_over = (
            f"taking over the lock of a run that ended without releasing it "
            f"({_describe_holder(stale)}); its unfinished work was discarded"
            if stale
            else None
        )
        holder = {"pid": os.getpid(), "host": socket.gethostname(), "run_id": run_id}
        holder["since"] = datetime.now(UTC).isoformat(timespec="seconds")
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(holder))
        handle.flush()
        try:
            yield taken_over
        finally:
            handle.seek(0)
            handle.truncate()
            handle.flush()


def refuse_if_locked(out_dir: str) -> None:
    """Raise OutputLocked when another run holds the folder, without taking the lock or
    creating anything: the command line asks this before Prefect starts."""
    lock = Path(out_dir) / LOCK
    if not lock.is_file():
        return
    with open(lock, encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputLocked(
                f"another newsflow run is writing to {out_dir} "
                f"({_describe_holder(_read_holder(handle))}); "
                "wait for it to finish or use another output folder"
            ) from None
        fcntl.flock(handle, fcntl.LOCK_UN)


def _read_holder(handle: object) -> dict[str, object]:
    assert hasattr(handle, "seek") and hasattr(handle, "read")
    handle.seek(0)
    try:
        holder = json.loads(handle.read() or "{}")
    except ValueError:
        return {"pid": "?", "note": "unreadable lock file"}
    return holder if isinstance(holder, dict) else {}


def _describe_holder(holder: dict[str, object]) -> str:
    if not holder:
        return "holder unknown"
    pid = holder.get("pid")
    alive = ""
    if isinstance(pid, int) and holder.get("host") == socket.gethostname():
        alive = ", alive" if _pid_alive(pid) else ", no longer running"
    return (
        f"pid {pid} on {holder.get('host', '?')}{alive}, run {holder.get('run_id') or '?'}, "
        f"since {holder.get('since', '?')}"
    )


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def hold_at(point: str) -> None:
    """Test hook: sleep here when NEWSFLOW_TEST_PAUSE_AT names this point.

    Crash tests start a real run with the variable set, wait for the line this prints,
    and SIGKILL the run at exactly that point. Unset (always, outside tests) it does nothing.
    """
    if os.environ.get(PAUSE_AT_ENV) != point:
        return
    # straight to the stream: a flow's print() goes to Prefect's logger instead
    sys.stderr.write(f"newsflow: paused at {point} (pid {os.getpid()})\n")
    sys.stderr.flush()
    time.sleep(3600)


def read_schema_version(out_dir: str) -> int | None:
    """The schema_version of an output folder's current tables; None when it has none.

    0: tables from before versioned commits (plain folders, no `current` link);
    1: versioned commits without a manifest; from 2 on, the manifest says.
    """
    out = Path(out_dir)
    version = current_version(out_dir)
    if version is None:
        legacy = [
            n for n in tables.OUTPUT_TABLES if (out / n).is_dir() and not (out / n).is_symlink()
        ]
        return 0 if legacy else None
    manifest = version / STATE / MANIFEST
    if not manifest.is_file():
        return 1
    return int(json.loads(manifest.read_text("utf-8"))["schema_version"])


def check_schema_version(out_dir: str) -> str | None:
    """Refuse an output this version cannot extend; say what is migrated, if anything.

    Version 1 (no manifest) needs no rewrite: its tables lack only columns that readers
    fill with nulls (`union_by_name`); the next commit writes the manifest.
    """
    found = read_schema_version(out_dir)
    if found is None or found == tables.SCHEMA_VERSION:
        return None
    if found == 0:
        raise OutputSchemaMismatch(
            f"{out_dir} holds tables without a `current` version link (schema_version 0, "
            "an older newsflow): move them away or choose another output folder"
        )
    if found > tables.SCHEMA_VERSION:
        raise OutputSchemaMismatch(
            f"{out_dir} was written with schema_version {found}, newer than this newsflow's "
            f"{tables.SCHEMA_VERSION}: upgrade newsflow or choose another output folder"
        )
    return (
        f"migrating {out_dir} from schema_version {found} to {tables.SCHEMA_VERSION} "
        "(no table rewritten; the manifest is added)"
    )


def _write_manifest(building: Path, run_id: str) -> None:
    manifest = {"schema_version": tables.SCHEMA_VERSION, "run_id": run_id}
    target = building / STATE / MANIFEST
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(manifest), "utf-8")


def write_parquet(table: pa.Table, path: Path) -> None:
    """zstd Parquet, written under a temporary name and renamed into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    pq.write_table(table, partial, compression="zstd")
    os.replace(partial, path)


def current_version(out_dir: str) -> Path | None:
    for name in (CURRENT, LEGACY_CURRENT):
        link = Path(out_dir) / name
        if link.is_symlink() and link.resolve().is_dir():
            return link.resolve()
    return None


def parquet_files(folder: Path | None) -> list[str]:
    if folder is None or not folder.is_dir():
        return []
    return sorted(str(p) for p in folder.rglob("*.parquet"))


def staging_dir(out_dir: str, run_id: str) -> Path:
    return Path(out_dir) / STAGING / run_id


def batch_key(source_paths: Sequence[str]) -> str:
    return hashlib.sha1("\n".join(source_paths).encode()).hexdigest()[:16]


def stage_batch(
    staged: Path, key: str, article_tables: dict[str, pa.Table], quarantine: pa.Table
) -> None:
    """A batch's rows as Parquet parts; empty tables leave no file (commit keeps one)."""
    for name, table in [*article_tables.items(), ("quarantine", quarantine)]:
        if table.num_rows:
            write_parquet(table, staged / name / f"part-{key}.parquet")


def quarantine_table(records: Sequence[QuarantineRecord], run_id: str) -> pa.Table:
    return pa.table(
        {
            "source_path": [r.source_path for r in records],
            "source_record": [r.source_record for r in records],
            "stage": [r.stage for r in records],
            "error": [r.error for r in records],
            "run_id": [run_id] * len(records),
            "input_hash": [r.input_hash for r in records],
        },
        schema=tables.QUARANTINE,
    )


def read_state(
    version: Path | None, name: str, schema: pa.Schema, columns: list[str] | None = None
) -> pa.Table:
    """One table of a version (or of a staging folder), only the columns asked for."""
    files = parquet_files(version / name if version else None)
    if not files:
        empty = schema.empty_table()
        return empty.select(columns) if columns else empty
    return pa.concat_tables([pq.read_table(f, columns=columns, schema=schema) for f in files])


def staged_article_ids(staged: Path) -> list[str]:
    """Ids of this run's new articles."""
    return read_state(staged, "articles", tables.ARTICLES, ["article_id"])["article_id"].to_pylist()


@dataclass(frozen=True, slots=True)
class CommitPlan:
    """What goes into the new version besides this run's staged parts."""

    run_id: str
    dropped_article_ids: list[str]  # rows of replaced or vanished inputs
    reprocessed_sources: list[str]  # their old quarantine rows go
    inputs_state: pa.Table
    runs_row: pa.Table
    # article_id -> dup and story clusters, for every article kept; None when no article
    # came or went, so the previous articles are carried as they are (hard links)
    assignments: pa.Table | None
    # staged folder of the new site line state; None keeps the previous one
    site_lines: Path | None = None
    # parts of earlier runs a table keeps before the smallest are merged (Settings)
    compact_max_parts: int = 8


def commit_version(out_dir: str, previous: Path | None, staged: Path, plan: CommitPlan) -> Path:
    """Build the new version beside the old one, then switch `current` to it atomically."""
    out = Path(out_dir)
    building = out / VERSIONS / f".{plan.run_id}.building"
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    # the flow process commits while it holds every input of the run and the assignments
    # (about 1 GB at a million articles): its DuckDB takes half the run's cap, spilling to
    # the staging folder past it (a part of ARTICLES_PART_ROWS articles sorts in less)
    con = duckdb.connect(config=duckdb_config(str(staged / DUCKDB_SPILL_DIR)))
    lower_duckdb_memory(con, share=COMMIT_MEMORY_SHARE)
    con.register(
        "dropped", pa.table({"article_id": pa.array(plan.dropped_article_ids, pa.string())})
    )
    if plan.assignments is None:
        _carry_parts(con, previous, "articles", building, "article_id", "dropped")
        _ensure_nonempty(building / "articles", tables.ARTICLES)
    else:
        con.register("assignments", plan.assignments)
        _write_articles(con, previous, staged, building, plan.run_id)
    for name in CARRIED_TABLES:
        _carry_parts(con, previous, name, building, "article_id", "dropped")
        compact_parts(con, building / name, plan.compact_max_parts, plan.run_id)
        for part in parquet_files(staged / name):
            _link_or_copy(Path(part), building / name / f"{plan.run_id}-{Path(part).name}")
        _ensure_nonempty(building / name, tables.ARTICLE_TABLES[name])
    con.register(
        "reprocessed", pa.table({"source_path": pa.array(plan.reprocessed_sources, pa.string())})
    )
    _carry_parts(con, previous, "quarantine", building, "source_path", "reprocessed")
    compact_parts(con, building / "quarantine", plan.compact_max_parts, plan.run_id)
    for part in parquet_files(staged / "quarantine"):
        _link_or_copy(Path(part), building / "quarantine" / f"{plan.run_id}-{Path(part).name}")
    _ensure_nonempty(building / "quarantine", tables.QUARANTINE)
    for part in parquet_files(previous / "runs" if previous else None):
        _link_or_copy(Path(part), building / "runs" / Path(part).name)
    compact_parts(con, building / "runs", plan.compact_max_parts, plan.run_id)
    write_parquet(plan.runs_row, building / "runs" / f"run-{plan.run_id}.parquet")
    write_parquet(plan.inputs_state, building / STATE / "inputs" / "inputs.parquet")
    _write_manifest(building, plan.run_id)
    _write_site_lines(previous, building, plan.site_lines)
    con.close()
    hold_at("version-built")
    final = out / VERSIONS / plan.run_id
    os.replace(building, final)
    hold_at("version-renamed")
    _switch_current(out, final)
    _prune_versions(out, keep=final)
    return final


def _write_site_lines(previous: Path | None, building: Path, site_lines: Path | None) -> None:
    """The site line state of the new version: this run's merge, or (when the run learned
    nothing) the previous one."""
    learned = site_lines is not None and site_lines.is_dir()
    for folder in SITE_LINE_STATE_DIRS:
        if site_lines is not None and learned:
            source: Path | None = site_lines / folder
        else:
            source = previous / STATE / folder if previous else None
        for part in parquet_files(source):
            _link_or_copy(Path(part), building / STATE / folder / Path(part).name)


def _write_articles(
    con: duckdb.DuckDBPyConnection, previous: Path | None, staged: Path, building: Path, run_id: str
) -> None:
    """Articles are rewritten whole: cluster ids of old articles may change with new ones.

    They are written in parts of about ARTICLES_PART_ROWS rows, each sorted on its own, so
    the memory a part needs stays flat however large the archive grows (one sort over a
    million bodies runs DuckDB out of its cap); small parts of earlier runs merge into one.
    """
    # the empty schema file keeps both reads typed when one side has no parts
    empty = building / "articles" / ".empty.parquet"
    write_parquet(tables.ARTICLES.empty_table(), empty)
    sides = [
        (part, True) for part in parquet_files(previous / "articles" if previous else None)
    ] + [(part, False) for part in parquet_files(staged / "articles")]
    for number, chunk in enumerate(_chunks_of_rows(sides, ARTICLES_PART_ROWS)):
        old = [part for part, is_old in chunk if is_old] + [str(empty)]
        new = [part for part, is_old in chunk if not is_old] + [str(empty)]
        target = building / "articles" / f"part-{run_id}-{number:05d}.parquet"
        # rows of replaced inputs leave the old side only: a re-staged id is never dropped
        con.execute(
            f"""
            copy (
                select a.* replace (
                    c.dup_cluster_id as dup_cluster_id, c.is_canonical as is_canonical,
                    c.story_cluster_id as story_cluster_id, c.dup_kind as dup_kind)
                from (
                    select * from read_parquet(?, union_by_name=true)
                    where article_id not in (select article_id from dropped)
                    union all by name
                    select * from read_parquet(?, union_by_name=true)
                ) a
                join assignments c using (article_id)
                order by a.source_path, a.source_record
            ) to '{_sql_path(target)}'
              (format parquet, compression zstd, row_group_size {ROW_GROUP_ROWS})
            """,
            [old, new],
        ).fetchall()
    empty.unlink()
    _ensure_nonempty(building / "articles", tables.ARTICLES)


def _chunks_of_rows(
    parts: list[tuple[str, bool]], rows_per_chunk: int
) -> Iterator[list[tuple[str, bool]]]:
    """Consecutive parts grouped until a group holds `rows_per_chunk` rows (from footers)."""
    chunk: list[tuple[str, bool]] = []
    rows = 0
    for part in parts:
        chunk.append(part)
        rows += pq.ParquetFile(part[0]).metadata.num_rows
        if rows >= rows_per_chunk:
            yield chunk
            chunk, rows = [], 0
    if chunk:
        yield chunk


def _carry_parts(
    con: duckdb.DuckDBPyConnection,
    previous: Path | None,
    name: str,
    building: Path,
    key: str,
    dropped_view: str,
) -> None:
    """Hard-link the previous version's parts; rewrite only those holding dropped rows."""
    (building / name).mkdir(parents=True, exist_ok=True)
    for part in parquet_files(previous / name if previous else None):
        target = building / name / Path(part).name
        ((hits,),) = con.execute(
            f"select count(*) from read_parquet(?) where {key} in "
            f"(select {key} from {dropped_view})",
            [part],
        ).fetchall()
        if hits:
            con.execute(
                f"copy (select * from read_parquet(?) where {key} not in "
                f"(select {key} from {dropped_view})) to '{_sql_path(target)}' "
                "(format parquet, compression zstd)",
                [part],
            ).fetchall()
        else:
            _link_or_copy(Path(part), target)


def _ensure_nonempty(folder: Path, schema: pa.Schema) -> None:
    """Readers glob `*.parquet`: an empty table still needs one file carrying its schema."""
    if not parquet_files(folder):
        write_parquet(schema.empty_table(), folder / "part-empty.parquet")


def _link_or_copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except FileExistsError:
        raise  # part names are unique per version; never overwrite one
    except OSError:
        shutil.copy2(source, target)


def _sql_path(path: Path) -> str:
    """A path as a SQL string literal body; paths come from settings, never from inputs."""
    return str(path).replace("'", "''")


def _switch_current(out: Path, version: Path) -> None:
    """Point `.current` at `version` (one atomic rename), then make sure every table link
    goes through it; a folder of the older layout gets its links re-pointed the same way."""
    _replace_link(out / CURRENT, Path(VERSIONS) / version.name)
    for name in tables.OUTPUT_TABLES:
        link = out / name
        target = Path(CURRENT) / name
        if link.is_symlink() and Path(os.readlink(link)) == target:
            continue
        if link.exists() and not link.is_symlink():
            shutil.rmtree(link)
        _replace_link(link, target)
    legacy = out / LEGACY_CURRENT
    if legacy.is_symlink():
        legacy.unlink()


def _replace_link(link: Path, target: Path) -> None:
    swap = link.with_name(f".{link.name.lstrip('.')}.swap")
    if swap.is_symlink() or swap.exists():
        swap.unlink()
    os.symlink(target, swap)
    os.replace(swap, link)


def _prune_versions(out: Path, keep: Path) -> None:
    """Keep the current version only (see the module docstring for why that is safe for
    readers); versions or builds a killed run left behind go too, as does the history
    folder of the older layout."""
    for entry in (out / VERSIONS).iterdir():
        if entry.resolve() != keep.resolve():
            shutil.rmtree(entry, ignore_errors=True)
    shutil.rmtree(out / LEGACY_VERSIONS, ignore_errors=True)


def compact_parts(
    con: duckdb.DuckDBPyConnection, folder: Path, max_parts: int, run_id: str
) -> None:
    """Merge the smallest parts of `folder` into one while it holds more than `max_parts`.

    Called on the parts carried from earlier runs, before this run's parts are added: the
    folder then holds at most `max_parts` older parts plus the newest run's. The files are
    this version's own hard links, so the version readers use is never touched. DuckDB
    streams the merge under its memory cap.
    """
    parts = sorted(parquet_files(folder), key=lambda part: (Path(part).stat().st_size, part))
    if len(parts) <= max(1, max_parts):
        return
    merged = parts[: len(parts) - max(1, max_parts) + 1]
    target = folder / f"compact-{run_id}.parquet"
    con.execute(
        f"copy (select * from read_parquet(?, union_by_name=true)) to '{_sql_path(target)}' "
        f"(format parquet, compression zstd, row_group_size {ROW_GROUP_ROWS})",
        [merged],
    ).fetchall()
    for part in merged:
        Path(part).unlink()


def discard_staging(out_dir: str) -> None:
    shutil.rmtree(Path(out_dir) / STAGING, ignore_errors=True)


def view_scripts() -> list[tuple[str, str]]:
    """The catalog's SQL files (name, text) in name order, read from the installed package
    (`sql/` ships as `tasks.sql`), so a wheel builds the same views as a checkout."""
    scripts = [
        (entry.name, entry.read_text("utf-8"))
        for entry in resources.files("tasks.sql").iterdir()
        if entry.name.endswith(".sql")
    ]
    return sorted(scripts)


def build_catalog(out_dir: str) -> Path:
    """Create newsflow.duckdb holding the views of `sql/*.sql` over this output folder.

    Views use the folder's absolute path, so the file answers from any working directory
    (`newsflow catalog` rebuilds it after the folder moves). It is written in storage
    version CATALOG_STORAGE_VERSION, so DuckDB 1.1 and newer (the 1.x CLI, BI drivers)
    open it. The file is built aside and renamed into place.
    """
    out = Path(out_dir).resolve()
    target = out / CATALOG
    building = out / f".{CATALOG}.building"
    for leftover in (building, Path(f"{building}.wal")):
        leftover.unlink(missing_ok=True)
    con = duckdb.connect(config=duckdb_config())
    con.execute(
        f"attach '{_sql_path(building)}' as catalog (storage_version '{CATALOG_STORAGE_VERSION}')"
    ).fetchall()
    con.execute("use catalog").fetchall()
    for _, script in view_scripts():
        con.execute(script.replace(OUT_PLACEHOLDER, _sql_path(out))).fetchall()
    con.execute("checkpoint catalog").fetchall()
    con.close()
    os.replace(building, target)
    return target


def params_json(params: dict[str, object]) -> str:
    return json.dumps(params, sort_keys=True, default=str)


def article_ids_of_sources(previous: Path | None, sources: list[str]) -> list[str]:
    """Articles an earlier version holds for these inputs (replaced when an input changes)."""
    if previous is None or not sources:
        return []
    articles = read_state(previous, "articles", tables.ARTICLES, ["article_id", "source_path"])
    wanted = pc.is_in(articles["source_path"], value_set=pa.array(sources, pa.string()))
    return articles.filter(wanted)["article_id"].to_pylist()


def inputs_state_after(
    previous_state: pa.Table,
    run_id: str,
    processed: list[InputFile],
    discovered_problems: list[QuarantineRecord],
) -> pa.Table:
    """What every input path last looked like, so the next run can skip it."""
    columns = [previous_state[c].to_pylist() for c in tables.INPUTS_STATE.names]
    rows = {s: (h, o, r) for s, h, o, r in zip(*columns, strict=True)}
    for item in processed:
        rows[item.source_path] = (item.input_hash, "processed", run_id)
    for problem in discovered_problems:
        rows[problem.source_path] = (unread_marker(problem), "quarantined", run_id)
    ordered = sorted(rows.items())
    return pa.table(
        {
            "source_path": [s for s, _ in ordered],
            "input_hash": [v[0] for _, v in ordered],
            "outcome": [v[1] for _, v in ordered],
            "run_id": [v[2] for _, v in ordered],
        },
        schema=tables.INPUTS_STATE,
    )


def runs_row(
    run_id: str,
    started: datetime,
    status: str,
    counts: dict[str, int],
    params: str,
    stage_seconds: dict[str, float],
) -> pa.Table:
    """The `runs` table's row for one run; `counts` holds its n_* columns."""
    return pa.table(
        {
            "run_id": [run_id],
            "started_at": [started],
            "finished_at": [datetime.now(UTC)],
            "status": [status],
            **{name: [counts.get(name, 0)] for name in tables.RUNS.names if name.startswith("n_")},
            "params": [params],
            "stage_seconds": [json.dumps(stage_seconds)],
            "schema_version": [tables.SCHEMA_VERSION],
        },
        schema=tables.RUNS,
    )

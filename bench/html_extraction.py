"""Body extraction from real HTML pages: newsflow's F1 on the article-extraction benchmark.

Runs `newsflow run` on the benchmark's 181 gzipped HTML pages (from `../shared`), scores
the output with `score_gold.py` (bag-of-words body F1 against the human-made bodies), and
prints pages per second for the whole command (Prefect start-up included) and for the
batch stage alone, with the command's CPU time. With --trafilatura it also scores
trafilatura's own extraction with the options newsflow uses, as the bar to beat.
`--as warc` or `--as jsonl` first packs the same pages into one crawl file (a WARC of
HTTP responses, or JSONL records with an `html` field, gzipped) with a gold set naming
each page's record, so the multi-record readers are measured on the same pages.
A script, not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import duckdb

HERE = Path(__file__).resolve().parent
DEFAULT_GOLD = HERE.parent.parent / "shared/corpus/article-extraction-benchmark/gold-html"
WORD = re.compile(r"\w+")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_newsflow(docs: Path, out: Path) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, batch-stage seconds) of one `newsflow run`."""
    shutil.rmtree(out, ignore_errors=True)
    command = [str(Path(sys.executable).parent / "newsflow"), "run", "--raw", str(docs)]
    cpu, clock = _children_cpu(), time.perf_counter()
    subprocess.run([*command, "--out", str(out)], check=True, stdout=subprocess.DEVNULL)
    wall, cpu = time.perf_counter() - clock, _children_cpu() - cpu
    con = duckdb.connect()
    ((stages,),) = con.execute(
        "select stage_seconds from read_parquet(?) order by started_at desc limit 1",
        [str(out / "runs" / "*.parquet")],
    ).fetchall()
    return wall, cpu, float(json.loads(stages)["batches"])


def score(gold: Path, out: Path, shared_gold: Path) -> dict[str, float]:
    scorer = shared_gold.parents[2] / "tools" / "score_gold.py"
    result = subprocess.run(
        [sys.executable, str(scorer), "--gold", str(gold), "--out", str(out), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    return dict(json.loads(result.stdout)["body"])


def trafilatura_alone(gold: Path) -> tuple[float, float]:
    """(mean body F1, CPU seconds) of trafilatura.extract with newsflow's options."""
    import trafilatura

    from tasks.formats.html import EXTRACTION_OPTIONS

    options = {k: v for k, v in EXTRACTION_OPTIONS.items() if k != "with_metadata"}
    records = [json.loads(line) for line in (gold / "gold.jsonl").read_text("utf-8").splitlines()]
    scores, cpu = [], time.process_time()
    for record in records:
        page = gzip.decompress((gold / record["file"]).read_bytes())
        text = trafilatura.extract(page, **options) or ""  # type: ignore[arg-type]
        predicted = Counter(WORD.findall(" ".join(text.split()).casefold()))
        expected = Counter(WORD.findall(" ".join(" ".join(record["body"]).split()).casefold()))
        common = sum((predicted & expected).values())
        p = common / max(1, sum(predicted.values()))
        r = common / max(1, sum(expected.values()))
        scores.append(2 * p * r / (p + r) if common else 0.0)
    return sum(scores) / len(scores), time.process_time() - cpu


def repack(gold: Path, kind: str, folder: Path) -> Path:
    """A gold set whose one input holds every page as a record of a WARC or JSONL file."""
    records = [json.loads(line) for line in (gold / "gold.jsonl").read_text("utf-8").splitlines()]
    name = f"pages.{kind}.gz"
    (folder / "docs").mkdir(parents=True)
    with gzip.open(folder / "docs" / name, "wb") as packed:
        for record in records:
            page = gzip.decompress((gold / record["file"]).read_bytes())
            packed.write(_warc_response(record["url"], page) if kind == "warc" else _jsonl(page))
    with open(folder / "gold.jsonl", "w", encoding="utf-8") as out:
        for number, record in enumerate(records):
            out.write(json.dumps({**record, "file": f"docs/{name}", "record": number}) + "\n")
    return folder


def _jsonl(page: bytes) -> bytes:
    return json.dumps({"html": page.decode("utf-8", errors="replace")}).encode() + b"\n"


def _warc_response(url: str, page: bytes) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    )
    return head.encode() + http + b"\r\n\r\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold-html set folder")
    parser.add_argument("--trafilatura", action="store_true", help="also score trafilatura alone")
    parser.add_argument("--as", dest="pack", choices=("html", "warc", "jsonl"), default="html")
    args = parser.parse_args()
    n_pages = sum(1 for _ in (args.gold / "docs").glob("*.html.gz"))
    with tempfile.TemporaryDirectory(prefix="newsflow-html-") as tmp:
        gold = args.gold if args.pack == "html" else repack(args.gold, args.pack, Path(tmp) / "g")
        out = Path(tmp) / "out"
        wall, cpu, batches = run_newsflow(gold / "docs", out)
        body = score(gold, out, args.gold)
    print(f"pages                 {n_pages}, as {args.pack}")
    print(
        f"newsflow body F1      {body['f1']:.4f} (precision {body['precision']:.4f}, "
        f"recall {body['recall']:.4f})"
    )
    print(f"whole command         {wall:.1f} s wall, {cpu:.1f} s CPU, {n_pages / wall:.1f} pages/s")
    print(f"batch stage           {batches:.1f} s, {n_pages / batches:.1f} pages/s")
    if args.trafilatura:
        f1, seconds = trafilatura_alone(args.gold)
        print(f"trafilatura alone F1  {f1:.4f} ({n_pages / seconds:.1f} pages/s CPU)")


if __name__ == "__main__":
    main()

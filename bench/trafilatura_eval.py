"""How well the clean stage keeps article text and drops page furniture on real pages.

Reads the trafilatura evaluation set (``../shared/corpus/trafilatura-eval``: 990
multilingual HTML pages, each with text segments that must stay and boilerplate segments
that must go), turns every page into the full-page text a naive scraper leaves (html-text,
the same converter the article-extraction benchmark's raw dumps come from), cleans that
text with ``tasks.clean.clean_dump`` and looks for every segment in the cleaned body.

Printed, overall and per language of the page's article text:
  lost    share of must-keep segments present in the page text that the body no longer holds
  leaked  share of must-drop segments present in the page text that are still in the body
plus the upstream scorer's precision, recall and F1 over all segments (a segment the
converter never produced counts as missing there), comparable to trafilatura's published
figures on the same pages.

    .venv/bin/python -m pip install -e ".[bench]"   # html-text
    .venv/bin/python bench/trafilatura_eval.py [--set DIR] [--cache DIR] [--misses FILE]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tasks.clean import clean_dump  # noqa: E402
from tasks.ingest import UnreadableInput, decode_text  # noqa: E402
from tasks.metadata import detect_language  # noqa: E402
from tasks.segment import join_paragraphs  # noqa: E402

# ../shared beside the checkout (or beside the folder of worktrees)
SHARED = next((p / "shared" for p in REPO.parents if (p / "shared" / "corpus").is_dir()), None)
DEFAULT_SET = (SHARED or REPO.parent / "shared") / "corpus" / "trafilatura-eval"
MIN_LANGUAGE_PAGES = 10  # languages with fewer pages are grouped as "other"


@dataclass(slots=True)
class PageScore:
    """Segment counts of one page."""

    language: str
    keep_total: int = 0
    keep_in_text: int = 0
    keep_kept: int = 0
    drop_total: int = 0
    drop_in_text: int = 0
    drop_leaked: int = 0


def page_text(html_file: Path, cache: Path | None) -> str:
    """Full-page text of one gzipped HTML page, as a naive scraper would leave it."""
    cached = cache / (html_file.name.removesuffix(".gz") + ".txt") if cache else None
    if cached is not None and cached.is_file():
        return cached.read_text("utf-8")
    import html_text  # bench-only dependency: pip install -e ".[bench]"

    data = gzip.decompress(html_file.read_bytes())
    try:
        html, _encoding = decode_text(data)
    except UnreadableInput:  # a page with stray control bytes is still a page
        html = data.decode("utf-8", errors="replace")
    text = html_text.extract_text(html, guess_layout=True)
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_text(text, "utf-8")
    return text


def flat(text: str) -> str:
    return " ".join(text.split())


def score_page(entry: dict, text: str, misses: list[dict] | None) -> PageScore:
    """Clean one page's text and look for its must-keep and must-drop segments."""
    cleaned = clean_dump(text)
    body = flat(join_paragraphs(cleaned.paragraphs))
    raw = flat(text)
    keep = [flat(s) for s in entry.get("with") or [] if s and flat(s)]
    drop = [flat(s) for s in entry.get("without") or [] if s and flat(s)]
    language = detect_language(" ".join(keep)) or detect_language(body) or "unknown"
    score = PageScore(language, keep_total=len(keep), drop_total=len(drop))
    for segment in keep:
        if segment in raw:
            score.keep_in_text += 1
            if segment in body:
                score.keep_kept += 1
            elif misses is not None:
                misses.append({"file": entry["file"], "kind": "lost", "segment": segment})
    for segment in drop:
        if segment in raw:
            score.drop_in_text += 1
            if segment in body:
                score.drop_leaked += 1
                if misses is not None:
                    misses.append({"file": entry["file"], "kind": "leaked", "segment": segment})
    return score


def summary_row(name: str, pages: list[PageScore]) -> str:
    total: Counter[str] = Counter()
    for page in pages:
        for field in PageScore.__slots__:
            if field != "language":
                total[field] += getattr(page, field)
    lost = 1 - total["keep_kept"] / total["keep_in_text"] if total["keep_in_text"] else 0.0
    leaked = total["drop_leaked"] / total["drop_in_text"] if total["drop_in_text"] else 0.0
    # upstream scoring: every segment counts, found or not by the converter
    tp, fn = total["keep_kept"], total["keep_total"] - total["keep_kept"]
    fp, tn = total["drop_leaked"], total["drop_total"] - total["drop_leaked"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = (tp + tn) / (tp + tn + fp + fn) if tp + tn + fp + fn else 0.0
    return (
        f"{name:<8} {len(pages):>5} {lost:>7.3f} {leaked:>7.3f}   "
        f"{total['keep_in_text']:>5}/{total['keep_total']:<5} {total['drop_in_text']:>5}/"
        f"{total['drop_total']:<5}  {precision:.3f} {recall:.3f} {accuracy:.3f} {f1:.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", type=Path, default=DEFAULT_SET, help="trafilatura-eval folder")
    parser.add_argument("--cache", type=Path, help="keep the pages' extracted text here")
    parser.add_argument("--misses", type=Path, help="write lost and leaked segments (JSONL)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    args = parser.parse_args(argv)
    evaldata = json.loads((args.set / "evaldata.json").read_text("utf-8"))
    entries = list(evaldata.values())[: args.limit or None]
    misses: list[dict] | None = [] if args.misses else None
    pages: list[PageScore] = []
    clean_seconds = 0.0
    for entry in entries:
        html_file = args.set / "html" / f"{entry['file']}.gz"
        if not html_file.is_file():
            continue
        text = page_text(html_file, args.cache)
        started = time.process_time()
        pages.append(score_page(entry, text, misses))
        clean_seconds += time.process_time() - started
    by_language: dict[str, list[PageScore]] = defaultdict(list)
    for page in pages:
        by_language[page.language].append(page)
    print(f"trafilatura-eval: {len(pages)} pages, cleaned text of html-text's full-page dump")
    print(
        "language pages    lost  leaked   keep in text drop in text  "
        "P     R     acc   F1 (all segments)"
    )
    print(summary_row("all", pages))
    small: list[PageScore] = []
    for language, group in sorted(by_language.items(), key=lambda kv: -len(kv[1])):
        if len(group) >= MIN_LANGUAGE_PAGES:
            print(summary_row(language, group))
        else:
            small.extend(group)
    if small:
        print(summary_row("other", small))
    print(f"clean + score CPU time: {1000 * clean_seconds / max(1, len(pages)):.2f} ms/page")
    if misses is not None and args.misses:
        args.misses.write_text(
            "".join(json.dumps(m, ensure_ascii=False) + "\n" for m in misses), "utf-8"
        )
        print(f"{len(misses)} missed segments written to {args.misses}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

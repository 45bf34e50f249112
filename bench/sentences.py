"""Sentence splitting: newsflow against plain sentencex, on accuracy and on speed.

Accuracy: pySBD's golden rules (exact sentence lists, 23 languages), per language, for
newsflow's `segment_body` and for sentencex alone. The rules were first written looking
only at the even-numbered cases of every file; the odd-numbered ones were held out, and
the summary still reports the two halves apart.
Speed: CPU KB/s (UTF-8) on news bodies read at run time from ../shared (the devset gold
bodies, PolNeAR articles, SemEval-2022 multilingual texts), segmented per paragraph as the
pipeline does; best of several repeats, since the machine may be shared. A script, not a
test: it prints figures.
"""

from __future__ import annotations

import argparse
import csv
import json
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import sentencex

from tasks.segment import join_paragraphs, segment_body, split_paragraphs

HERE = Path(__file__).resolve().parent
DEFAULT_SHARED = HERE.parent.parent / "shared"

Article = tuple[str, str]  # (language, body with paragraphs joined by a blank line)


def newsflow_sentences(text: str, language: str) -> list[str]:
    return [s.text for s in segment_body(text, language)[1]]


def sentencex_sentences(text: str, language: str) -> list[str]:
    """sentencex per paragraph, trimmed: what newsflow did before its rules."""
    return [
        piece.strip()
        for paragraph in split_paragraphs(text)
        for piece in sentencex.segment(language, paragraph.text)
        if piece.strip()
    ]


SPLITTERS: dict[str, Callable[[str, str], list[str]]] = {
    "newsflow": newsflow_sentences,
    "sentencex": sentencex_sentences,
}


def golden_scores(golden_dir: Path) -> dict[str, dict[str, list[int]]]:
    """language -> splitter -> [dev right, dev total, held-out right, held-out total]."""
    scores: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0] * 4))
    for path in sorted(golden_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for i, case in enumerate(data["cases"]):
            expected = [s.strip() for s in case["expected"]]
            slot = 2 if i % 2 else 0
            for name, split in SPLITTERS.items():
                score = scores[data["lang"]][name]
                score[slot] += split(case["text"], data["lang"]) == expected
                score[slot + 1] += 1
    return scores


def news_articles(shared: Path) -> dict[str, list[Article]]:
    """Bodies by source; each is segmented per paragraph, as in the pipeline."""
    corpora: dict[str, list[Article]] = {}
    gold = shared / "devset" / "gold.jsonl"
    if gold.is_file():
        records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
        corpora["devset"] = [(r["language"], join_paragraphs(r["body"])) for r in records]
    polnear = sorted((shared / "corpus" / "polnear").glob("*/text/*.txt"))
    if polnear:
        corpora["polnear"] = [("en", p.read_text(encoding="utf-8")) for p in polnear]
    semeval = shared / "corpus" / "semeval2022-task8" / "hfl_processed_texts" / "training_set.csv"
    if semeval.is_file():
        csv.field_size_limit(1 << 24)
        with semeval.open(encoding="utf-8", newline="") as handle:
            corpora["semeval"] = [
                (row[f"lang{k}"], row[f"text{k}"].replace("  ", "\n\n"))
                for row in csv.DictReader(handle)
                for k in ("1", "2")
            ]
    return corpora


def kb_per_second(
    split: Callable[[str, str], list[str]], articles: list[Article], repeats: int
) -> float:
    size_kb = sum(len(body.encode("utf-8")) for _, body in articles) / 1000
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        for language, body in articles:
            split(body, language)
        best = min(best, time.process_time() - started)
    return size_kb / best


def percent(right: int, total: int) -> str:
    return f"{100 * right / total:5.1f}% ({right}/{total})" if total else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--by-language", action="store_true", help="speeds per language too")
    args = parser.parse_args()

    golden_dir = args.shared / "corpus" / "pysbd-golden"
    if not golden_dir.is_dir():
        parser.error(f"no golden rules in {golden_dir}: pass --shared DIR")
    scores = golden_scores(golden_dir)
    print("pySBD golden rules, exact match (all cases)")
    print(f"{'lang':6}{'newsflow':>20}{'sentencex':>20}")
    totals = {name: [0] * 4 for name in SPLITTERS}
    for language in sorted(scores):
        cells = []
        for name in SPLITTERS:
            s = scores[language][name]
            totals[name] = [a + b for a, b in zip(totals[name], s, strict=True)]
            cells.append(percent(s[0] + s[2], s[1] + s[3]))
        print(f"{language:6}" + "".join(f"{c:>20}" for c in cells))
    print("\nsummary        newsflow             sentencex")
    for label, (r, t) in (("all", (0, 1)), ("developed on", (0, 1)), ("held out", (2, 3))):
        cells = []
        for name in SPLITTERS:
            s = totals[name]
            right = s[0] + s[2] if label == "all" else s[r]
            total = s[1] + s[3] if label == "all" else s[t]
            cells.append(percent(right, total))
        print(f"{label:13}" + "".join(f"{c:>21}" for c in cells))

    print(f"\nCPU KB/s on news bodies, per paragraph, best of {args.repeats}")
    print(f"{'corpus':10}{'articles':>9}{'KB':>9}{'newsflow':>11}{'sentencex':>11}")
    for corpus, articles in news_articles(args.shared).items():
        print_speeds(corpus, articles, args.repeats)
        languages = sorted({language for language, _ in articles})
        if args.by_language and len(languages) > 1:
            for language in languages:
                subset = [a for a in articles if a[0] == language]
                print_speeds(f"  {language}", subset, args.repeats)


def print_speeds(label: str, articles: list[Article], repeats: int) -> None:
    size_kb = sum(len(body.encode("utf-8")) for _, body in articles) / 1000
    speeds = [kb_per_second(split, articles, repeats) for split in SPLITTERS.values()]
    print(f"{label:10}{len(articles):>9}{size_kb:>9.0f}" + "".join(f"{s:>11,.0f}" for s in speeds))


if __name__ == "__main__":
    main()

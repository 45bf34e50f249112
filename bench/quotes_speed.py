"""Speed of the quotes stage alone, on real article bodies read at run time.

Takes the clean bodies of the gold sets beside the checkout (the devset's annotated bodies
in five languages and PolNeAR's political news texts, headline line dropped), runs
`extract_quotes` over all of them for a few rounds, and prints articles/s, ms/article (wall
and CPU) and the mean body size. Nothing is copied into the repository. A script, not a
test: timings on a shared machine are noisy, so it reports the best round as well.
`--semeval ru` times the SemEval sample's Russian texts instead (the gold sets hold none).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEMEVAL_TEXTS = Path("corpus/semeval2022-task8/hfl_processed_texts")
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from tasks.quotes import extract_quotes  # noqa: E402


def shared_dir() -> Path:
    for parent in REPO.parents:
        if (parent / "shared" / "devset").is_dir():
            return parent / "shared"
    sys.exit("quotes_speed: no shared/ folder beside the checkout")


def load_bodies(shared: Path, limit: int) -> list[tuple[str, str | None]]:
    """(body, language) pairs: annotated devset bodies, then PolNeAR texts."""
    bodies: list[tuple[str, str | None]] = []
    for line in (shared / "devset" / "gold.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            bodies.append(("\n\n".join(item["body"]), item.get("language")))
    for path in sorted((shared / "corpus" / "polnear").glob("*/text/*.txt")):
        if len(bodies) >= limit:
            break
        _, _, body = path.read_text("utf-8").partition("\n")
        bodies.append((body.strip(), "en"))
    return bodies[:limit]


def load_semeval_bodies(shared: Path, language: str, limit: int) -> list[tuple[str, str | None]]:
    """(text, language) pairs: the SemEval 2022 Task 8 sample's texts in one language (the
    gold sets hold no Russian, whose articles load the morphology dictionaries)."""
    csv.field_size_limit(sys.maxsize)
    texts: dict[str, None] = {}
    for path in sorted((shared / SEMEVAL_TEXTS).glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                for side in ("1", "2"):
                    if row[f"lang{side}"] == language:
                        texts.setdefault(row[f"text{side}"], None)
    return [(text, language) for text in list(texts)[:limit]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000, help="bodies to read")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--semeval", metavar="LANG", help="time the SemEval sample's texts in LANG instead"
    )
    args = parser.parse_args()
    bodies = (
        load_semeval_bodies(shared_dir(), args.semeval, args.articles)
        if args.semeval
        else load_bodies(shared_dir(), args.articles)
    )
    mean_kb = sum(len(body.encode("utf-8")) for body, _ in bodies) / len(bodies) / 1024
    extract_quotes(bodies[0][0], bodies[0][1])  # compile the cue lexicons outside the timing
    walls, cpus, n_quotes = [], [], 0
    for _ in range(args.rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        n_quotes = sum(len(extract_quotes(body, language)) for body, language in bodies)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    n = len(bodies)
    print(f"articles {n}  mean body {mean_kb:.1f} KB  quotes {n_quotes}  rounds {args.rounds}")
    for label, seconds in (("mean", sum(walls) / len(walls)), ("best", min(walls))):
        print(f"wall {label:<4} {n / seconds:8.0f} articles/s  {1000 * seconds / n:.3f} ms/article")
    for label, seconds in (("mean", sum(cpus) / len(cpus)), ("best", min(cpus))):
        print(f"cpu  {label:<4} {n / seconds:8.0f} articles/s  {1000 * seconds / n:.3f} ms/article")


if __name__ == "__main__":
    main()

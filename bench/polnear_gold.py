"""Build a quotes gold set in the shared FORMAT.md layout from any PolNeAR compartment.

The shared gold sets cover PolNeAR's dev and test compartments (84 articles each); its
train compartment (840 articles, ~5,800 direct quotes) has only brat standoff files. This
script turns those into ``<work>/docs/*.txt`` and ``<work>/gold.jsonl`` so speaker rules can
be developed on train and only checked on gold-dev and gold-test. The texts are copied to
the work folder (outside the repository: they carry no licence for redistribution).

Gold quotes are the words inside each pair of quote marks of a ``Content`` span (three
words or more); the speaker is the relation's ``Source`` span as written. A pronoun, a
lower-case description ("he", "the mayor", "sources") stands for a name given elsewhere that the
standoff does not resolve, so such a quote keeps no speaker key and is scored for
detection only, as the shared gold sets do; an apposition after the name is cut at its
comma ("Brian Fallon, the campaign's press secretary" -> "Brian Fallon"), as they do.

    .venv/bin/python bench/polnear_gold.py --compartment train --work /tmp/polnear-train
    .venv/bin/python bench/quotes_eval.py --gold /tmp/polnear-train --work /tmp/qe
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
from pathlib import Path

QUOTED = re.compile(r"[“\"]([^“”\"]+)[”\"]")
WORD = re.compile(r"\w+")
PRONOUN = re.compile(r"^(?:he|she|it|they|we|i|you|who|which|that|him|her|them)$", re.IGNORECASE)
LOWER_DEFINITE = re.compile(r"^the\s")


def standoff_relations(ann: Path) -> list[tuple[str, str | None]]:
    """(content text, source text or None) for each attribution relation of a .ann file."""
    spans: dict[str, str] = {}
    relations: list[dict[str, str]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if parts[0].startswith("T") and len(parts) >= 3:
            spans[parts[0]] = parts[2]
        elif parts[0].startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    return [
        (spans[rel["Content"]], spans.get(rel.get("Source", "")))
        for rel in relations
        if rel.get("Content") in spans
    ]


def resolved_speaker(source: str | None) -> str | None:
    """The source as written, or None when it stands for a name given elsewhere."""
    if source is None:
        return None
    text = " ".join(source.split()).split(", ")[0].strip(" ,")
    if PRONOUN.match(text) or LOWER_DEFINITE.match(text) or not any(c.isupper() for c in text):
        return None
    return text


def gold_quotes(relations: list[tuple[str, str | None]]) -> list[dict[str, str]]:
    """Each quoted run of three words or more inside a content span, once."""
    quotes: list[dict[str, str]] = []
    seen: set[str] = set()
    for content, source in relations:
        speaker = resolved_speaker(source)
        for match in QUOTED.finditer(content):
            text = match.group(1).strip().rstrip(",")
            if len(WORD.findall(text)) < 3 or text in seen:
                continue
            seen.add(text)
            quote = {"text": text}
            if speaker is not None:
                quote["speaker"] = speaker
            quotes.append(quote)
    return quotes


def build(compartment: Path, work: Path) -> int:
    """Write docs and gold.jsonl for the compartment; return the number of articles."""
    docs = work / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    first_annotation: dict[str, Path] = {}
    for ann in sorted((compartment / "attributions").glob("*.ann")):
        first_annotation.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    with (work / "gold.jsonl").open("w", encoding="utf-8") as gold:
        for stem, ann in sorted(first_annotation.items()):
            text = compartment / "text" / f"{stem}.txt"
            if not text.is_file():
                continue
            shutil.copyfile(text, docs / text.name)
            record = {"file": f"docs/{text.name}", "quotes": gold_quotes(standoff_relations(ann))}
            gold.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(first_annotation)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    polnear = Path(__file__).resolve().parents[2] / "shared/corpus/polnear"
    parser.add_argument("--polnear", type=Path, default=polnear)
    parser.add_argument("--compartment", default="train")
    parser.add_argument("--work", type=Path, default=Path("/tmp/polnear-train"))
    args = parser.parse_args()
    n = build(args.polnear / args.compartment, args.work)
    print(f"{n} articles -> {args.work}")


if __name__ == "__main__":
    main()

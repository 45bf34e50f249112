"""Score the quotes stage alone against gold sets, per language, in seconds.

Runs `newsflow run` once per gold set (into --work, reused on later calls), then takes the
clean bodies from that output and extracts quotes again with the current `tasks.quotes`, so
a change to the quotes package is scored without running the whole pipeline. Matching and
speaker checks are those of the shared `score_gold.py` (imported from ../shared/tools), so
the figures equal that script's; non-direct rows (`indirect`) are left out as it does.
A script, not a test: it prints figures, and with --errors the wrong and missed quotes.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path
from types import ModuleType

import duckdb

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from tasks.quotes import extract_quotes  # noqa: E402

PARENTHESIS_AT_END = re.compile(r"\s*\([^)]*\)\s*$|,\s*[A-Z]-[A-Z][\w.]*\.?$")
POSSESSIVE_AT_END = re.compile(r"[’']s?$")


def shared_dir() -> Path:
    """The shared data folder beside the checkout (or beside its parent, for worktrees)."""
    for parent in REPO.parents:
        if (parent / "shared" / "tools" / "score_gold.py").is_file():
            return parent / "shared"
    sys.exit("quotes_eval: no shared/tools/score_gold.py beside the checkout")


def load_scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_gold", shared / "tools/score_gold.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pipeline_output(gold: Path, work: Path, rerun: bool) -> Path:
    """The pipeline's output for a gold set's docs, made once."""
    out = work / gold.name
    if rerun or not (out / "articles").exists():
        subprocess.run(
            [sys.executable, "-m", "flows.cli", "run"]
            + ["--raw", str(gold / "docs"), "--out", str(out)],
            check=True,
            cwd=REPO,
            stdout=subprocess.DEVNULL,
        )
    return out


def read_bodies(out: Path) -> dict[str, tuple[str, str | None]]:
    """source_path -> (body, language) of every article of an output folder."""
    rows = duckdb.execute(
        "select source_path, body, language from read_parquet(?, union_by_name=true)",
        [str(out / "articles" / "**" / "*.parquet")],
    ).fetchall()
    return {path: (body or "", language) for path, body, language in rows}


def without_labels(speaker: str | None) -> str | None:
    """A gold speaker without what follows the name: "Rep. Jim Clyburn (D-S.C.)",
    "Gov. Earl Ray Tomblin of West Virginia", "Scott's". The shared scorer checks the gold's
    last word, so such labels fail a correct name; this figure sets them aside."""
    if not speaker:
        return speaker
    name = PARENTHESIS_AT_END.sub("", speaker).strip()
    head, of, _ = name.partition(" of ")
    if of and len(head.split()) >= 2:
        name = head
    return POSSESSIVE_AT_END.sub("", name).strip() or speaker


def score_set(gold: Path, out: Path, scorer: ModuleType, show_errors: bool) -> dict[str, Counter]:
    """Counts per gold language: matched, predicted, gold, speakers checked and right."""
    bodies = read_bodies(out)
    counts: dict[str, Counter] = defaultdict(Counter)
    for line in (gold / "gold.jsonl").read_text("utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        if "quotes" not in item:
            continue
        name = scorer.rel_name(item["file"])
        body, language = bodies.get(name, ("", None))
        quotes = [q for q in extract_quotes(body, language) if q.quote_type != "indirect"]
        predicted = [(q.text, q.speaker) for q in quotes]
        gold_quotes = [q for q in item["quotes"] if len(scorer.tokens(q["text"])) >= 3]
        matches, n_pred = scorer.match_quotes(predicted, gold_quotes)
        lang = (item.get("language") or "en")[:2]
        checked = [(ps, gq) for (_, ps), gq in matches if "speaker" in gq]
        right = sum(scorer.speaker_ok(ps, gq.get("speaker")) for ps, gq in checked)
        right_unlabelled = sum(
            scorer.speaker_ok(ps, without_labels(gq.get("speaker"))) for ps, gq in checked
        )
        counts[lang].update(
            tp=len(matches),
            pred=n_pred,
            gold=len(gold_quotes),
            attr_n=len(checked),
            attr=right,
            attr_unlabelled=right_unlabelled,
        )
        if show_errors:
            print_errors(name, predicted, gold_quotes, matches, scorer)
    return counts


def print_errors(
    name: str,
    predicted: list[tuple[str, str | None]],
    gold_quotes: list[dict],
    matches: list,
    scorer: ModuleType,
) -> None:
    matched_pred = Counter(text for (text, _), _ in matches)
    matched_gold = {id(g) for _, g in matches}
    for (text, speaker), gq in matches:
        if "speaker" in gq and not scorer.speaker_ok(speaker, gq.get("speaker")):
            print(f"WRONG\t{name}\tgot={speaker!r}\tgold={gq.get('speaker')!r}\t{text[:70]}")
    for gq in gold_quotes:
        if id(gq) not in matched_gold:
            print(f"MISSED\t{name}\tgold={gq.get('speaker')!r}\t{gq['text'][:90]}")
    for text, speaker in predicted:
        if matched_pred[text] > 0:
            matched_pred[text] -= 1
        elif len(scorer.tokens(text)) >= 3:
            print(f"EXTRA\t{name}\tgot={speaker!r}\t{text[:90]}")


def figures(c: Counter) -> str:
    p = c["tp"] / c["pred"] if c["pred"] else 0.0
    r = c["tp"] / c["gold"] if c["gold"] else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    attribution = c["attr"] / c["attr_n"] if c["attr_n"] else 0.0
    unlabelled = c["attr_unlabelled"] / c["attr_n"] if c["attr_n"] else 0.0
    return (
        f"P {p:.3f}  R {r:.3f}  F1 {f1:.3f}  attribution {attribution:.3f}  "
        f"(gold {c['gold']}, pred {c['pred']})  attribution, labels aside {unlabelled:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold", type=Path, action="append", help="gold set folder (repeatable)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsflow-quotes-eval"))
    parser.add_argument("--rerun", action="store_true", help="run the pipeline again")
    parser.add_argument("--errors", action="store_true", help="list wrong, missed, extra quotes")
    args = parser.parse_args()
    shared = shared_dir()
    scorer = load_scorer(shared)
    golds = args.gold or [shared / "corpus/polnear/gold-dev", shared / "devset"]
    for gold in golds:
        out = pipeline_output(gold, args.work, args.rerun)
        counts = score_set(gold, out, scorer, args.errors)
        total: Counter = sum(counts.values(), Counter())
        print(f"{gold.name:<10} all  {figures(total)}")
        non_english: Counter = sum((c for k, c in counts.items() if k != "en"), Counter())
        if non_english and len(counts) > 1:
            print(f"{gold.name:<10} non-en  {figures(non_english)}")
        for lang in sorted(counts):
            if len(counts) > 1:
                print(f"{gold.name:<10} {lang}   {figures(counts[lang])}")


if __name__ == "__main__":
    main()

"""Time per article of the clean and metadata stages on a gold set's raw dumps.

Each stage runs ``--repeat`` times over every dump (after one warm-up pass, so imports and
py3langid's model load are not counted); printed are the best wall and CPU milliseconds
per article. On a shared machine the wall figures are noisy; CPU time is steadier.

    .venv/bin/python bench/stage_speed.py [--gold ../shared/devset] [--repeat 5]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tasks.clean import CleanedDump, clean_dump  # noqa: E402
from tasks.ingest import decode_text  # noqa: E402
from tasks.metadata import detect_language, extract_metadata  # noqa: E402

SHARED = next((p / "shared" for p in REPO.parents if (p / "shared" / "devset").is_dir()), None)


def best_ms(run: Callable[[], object], n_items: int, repeat: int) -> tuple[float, float]:
    """(wall, cpu) milliseconds per item of the fastest of ``repeat`` passes."""
    run()  # warm-up
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return 1000 * min(walls) / n_items, 1000 * min(cpus) / n_items


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = SHARED / "devset" if SHARED else REPO.parent / "shared" / "devset"
    parser.add_argument("--gold", type=Path, default=default, help="a set with docs/")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    texts = [decode_text(p.read_bytes())[0] for p in sorted((args.gold / "docs").rglob("*.txt"))]
    if not texts:
        print(f"no dumps under {args.gold / 'docs'}")
        return 1
    cleaned: list[CleanedDump] = [clean_dump(t) for t in texts]
    bodies = [" ".join(c.paragraphs) for c in cleaned]
    n = len(texts)
    print(f"{n} dumps from {args.gold}, best of {args.repeat} passes, ms per article")
    for name, run in (
        ("clean", lambda: [clean_dump(t) for t in texts]),
        ("metadata", lambda: [extract_metadata(c) for c in cleaned]),
        ("language id (body)", lambda: [detect_language(b) for b in bodies]),
    ):
        wall, cpu = best_ms(run, n, args.repeat)
        print(f"{name:<20} wall {wall:6.3f}  cpu {cpu:6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

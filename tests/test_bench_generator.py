"""The synthetic dump generator: file count, same seed same bytes, and copies that really copy.

A benchmark scores dedup against the generator's manifest, so the manifest must tell the
truth: an `exact_copy` must carry its original's body, on a different page.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

GENERATOR = Path(__file__).resolve().parents[1] / "bench" / "generate_dumps.py"
N = 200
# Body paragraphs this long never occur among the generator's boilerplate lines.
PARAGRAPH_MIN_CHARS = 200


def generate(out: Path, seed: int = 7, *options: str) -> dict:
    subprocess.run(
        [sys.executable, str(GENERATOR), "--n", str(N), "--out", str(out), "--seed", str(seed)]
        + list(options),
        check=True,
        capture_output=True,
    )
    return json.loads((out.parent / f"{out.name}.manifest.json").read_text(encoding="utf-8"))


def read_dump(path: Path, encoding: str) -> str:
    return path.read_bytes().decode(encoding).replace("\r\n", "\n")


def paragraph_words(text: str) -> set[str]:
    """Words of the long lines only: the host boilerplate around a copy is all different."""
    return {
        word
        for line in text.splitlines()
        if len(line) >= PARAGRAPH_MIN_CHARS
        for word in line.split()
    }


def all_bytes(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.txt"))}


def test_writes_n_files_with_a_manifest_entry_each(tmp_path: Path) -> None:
    manifest = generate(tmp_path / "dumps")
    files = sorted((tmp_path / "dumps").rglob("*.txt"))
    assert len(files) == N
    assert {r["file"] for r in manifest["files"]} == {
        str(f.relative_to(tmp_path / "dumps")) for f in files
    }
    assert sum(manifest["counts"].values()) == N
    assert all(manifest["counts"][kind] > 0 for kind in manifest["counts"])


def test_same_seed_gives_identical_bytes(tmp_path: Path) -> None:
    first = generate(tmp_path / "a")
    second = generate(tmp_path / "b")
    assert first == second
    assert all_bytes(tmp_path / "a") == all_bytes(tmp_path / "b")
    third = generate(tmp_path / "c", seed=8)
    assert all_bytes(tmp_path / "c") != all_bytes(tmp_path / "a")
    assert third["files"] != first["files"]


def test_exact_copies_share_the_body_on_another_page(tmp_path: Path) -> None:
    out = tmp_path / "dumps"
    manifest = generate(out)
    by_file = {r["file"]: r for r in manifest["files"]}
    copies = [r for r in manifest["files"] if r["kind"] == "exact_copy"]
    assert copies
    for copy in copies:
        original = by_file[copy["copy_of"]]
        assert original["kind"] == "article"
        assert copy["body_sha1"] == original["body_sha1"]
        copy_text = read_dump(out / copy["file"], copy["encoding"])
        original_text = read_dump(out / original["file"], original["encoding"])
        assert copy_text != original_text  # other host, other boilerplate
        original_paragraphs = [
            line for line in original_text.splitlines() if len(line) >= PARAGRAPH_MIN_CHARS
        ]
        copy_paragraphs = [
            line for line in copy_text.splitlines() if len(line) >= PARAGRAPH_MIN_CHARS
        ]
        assert original_paragraphs
        assert copy_paragraphs == original_paragraphs


def test_near_copies_differ_from_their_original_but_keep_most_of_it(tmp_path: Path) -> None:
    out = tmp_path / "dumps"
    manifest = generate(out)
    by_file = {r["file"]: r for r in manifest["files"]}
    for copy in (r for r in manifest["files"] if r["kind"] == "near_copy"):
        original = by_file[copy["copy_of"]]
        assert copy["body_sha1"] != original["body_sha1"]
        assert copy["title"] != original["title"]
        original_words = paragraph_words(read_dump(out / original["file"], original["encoding"]))
        copy_words = paragraph_words(read_dump(out / copy["file"], copy["encoding"]))
        assert len(original_words & copy_words) / len(original_words | copy_words) > 0.5


def test_shards_give_the_same_bytes_whatever_the_jobs(tmp_path: Path) -> None:
    one = generate(tmp_path / "a", 7, "--shard-dumps", "70", "--jobs", "1")
    two = generate(tmp_path / "b", 7, "--shard-dumps", "70", "--jobs", "2")
    assert one == two
    assert all_bytes(tmp_path / "a") == all_bytes(tmp_path / "b")
    files = [r["file"] for r in one["files"]]
    assert len(set(files)) == N and sum(one["counts"].values()) == N
    assert {r["copy_of"] for r in one["files"] if r["copy_of"]} <= set(files)
    # each of the three shards has its own bulletin series, each on one host
    series_hosts: dict[str, set[str]] = {}
    for r in one["files"]:
        if r["series"]:
            series_hosts.setdefault(r["series"], set()).add(r["host"])
    assert len(series_hosts) >= 3 and all(len(h) == 1 for h in series_hosts.values())

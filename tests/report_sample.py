"""A small real output for the report tests: a few sample dumps, one hostile, one unreadable."""

from __future__ import annotations

import shutil
from pathlib import Path

from flows.pipeline import RunSummary, newsflow_pipeline
from tests.conftest import SAMPLE_RAW

# A headline and a quote that would run as markup if the page did not escape them.
HOSTILE_TITLE = '<script>alert(1)</script> Harbour board <b>votes</b> & "reopens" quay'
HOSTILE_QUOTE = "We are <i>ready</i> </script><!-- to reopen the quay tomorrow"
HOSTILE_DUMP = f"""{HOSTILE_TITLE}
Tuesday 12 April 2023

The harbour board of Kessling voted on Tuesday to reopen the east quay after last \
month's storm, officials said.

"{HOSTILE_QUOTE}," said Marta Ekholm, the harbour master.

The quay had been closed for three weeks while divers checked the piles and the moorings.
"""
UNREADABLE = "unreadable.txt"


def run_sample(raw: Path, out: Path) -> RunSummary:
    """The sample's Brennholm fire dumps (an exact copy and a story in two languages), the
    hostile dump (another harbour's news, so it stays a story of its own) and an unreadable
    input, run through the real flow into `out`."""
    for dump in sorted(SAMPLE_RAW.glob("2023-04-12_*.txt")):
        shutil.copy(dump, raw / dump.name)
    shutil.copy(sorted(SAMPLE_RAW.glob("*sea-chart*.txt"))[0], raw)
    (raw / "hostile.txt").write_text(HOSTILE_DUMP, "utf-8")
    (raw / UNREADABLE).write_bytes(b"\x00\x01\x02\xff\xfe" * 100)
    return newsflow_pipeline(raw_dir=str(raw), out_dir=str(out))

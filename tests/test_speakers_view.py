"""The `speakers` view over Parquet written by the real flow: name variants merged."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from flows.pipeline import newsflow_pipeline

# Three invented dumps from two outlets: "Marwede" alone in the later two articles is the
# "Ilse Marwede" of the first; "Brandt" alone is ambiguous (Jonas and Petra Brandt).
DUMPS = {
    "harbour-a.txt": """NORTHQUAY COURIER
Quay at Lindmark to reopen in May
Quay at Lindmark to reopen in May
Friday 1 March 2024 09:15

LINDMARK (Northquay Courier) — The damaged quay at Lindmark will reopen in May.

"We will have the ferries back before the summer," said Ilse Marwede, the director.

Jonas Brandt, who runs the ferry line, was relieved.

"Two months without the berth cost us a third of our passengers," Brandt said.
""",
    "harbour-b.txt": """WESTWATER TIMES
Lindmark quay passes safety check
Lindmark quay passes safety check
Tuesday 5 March 2024 14:40

LINDMARK (Westwater Times) — Engineers signed off the repaired quay on Tuesday.

"The quay is safe again and the cranes can work at full load," Marwede told reporters.

Petra Brandt, a crane operator, said: "We have waited long enough for this day to come."
""",
    "harbour-c.txt": """WESTWATER TIMES
Ferries return to Lindmark
Ferries return to Lindmark
Monday 13 May 2024 08:05

LINDMARK (Westwater Times) — The first ferry of the season docked on Monday morning.

"It feels like the town has its front door back again," Marwede said as the ship came in.

"The bookings for June are twice what we had last year," Brandt said.
""",
}


@pytest.fixture(scope="module")
def speakers(prefect_harness: None, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple]:
    raw = tmp_path_factory.mktemp("harbour-raw")
    for name, text in DUMPS.items():
        (raw / name).write_text(text, encoding="utf-8")
    out: Path = tmp_path_factory.mktemp("harbour-out")
    newsflow_pipeline(raw_dir=str(raw), out_dir=str(out))
    con = duckdb.connect(str(out / "newsflow.duckdb"), read_only=True)
    rows = con.sql(
        "select speaker, variants, n_quotes, n_articles, n_outlets, outlets, "
        "first_date, last_date from speakers"
    ).fetchall()
    con.close()
    return {row[0]: row[1:] for row in rows}


def test_surname_joins_the_one_full_name_it_ends(speakers: dict[str, tuple]) -> None:
    variants, n_quotes, n_articles, n_outlets, outlets, first, last = speakers["Ilse Marwede"]
    assert variants == ["Ilse Marwede", "Marwede"]
    assert (n_quotes, n_articles, n_outlets) == (3, 3, 2)
    assert outlets == ["Northquay Courier", "Westwater Times"]
    assert (str(first), str(last)) == ("2024-03-01", "2024-05-13")
    assert "Marwede" not in speakers


def test_ambiguous_surname_stays_apart(speakers: dict[str, tuple]) -> None:
    assert {"Jonas Brandt", "Petra Brandt", "Brandt"} <= set(speakers)
    assert speakers["Brandt"][0] == ["Brandt"]
    assert speakers["Jonas Brandt"][1] == speakers["Petra Brandt"][1] == 1

"""Site-learned boilerplate: site keys, counting each article once, thresholds, merging."""

from __future__ import annotations

from itertools import count
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tasks.clean import clean_dump
from tasks.lexicon import normalise_line, normalise_lines
from tasks.site_lines import (
    SITE_LINES_STATE,
    article_lines,
    learn_site_lines,
    read_site_lines,
    site_key,
    site_line_rows,
)

BANNER = "Proudly independent and locally owned, like the valley itself."
TOWNS = ["Ashby", "Brookmere", "Calder", "Dunmore", "Elston", "Fernhill", "Garston", "Hollin"]


def article(town: str, banner: str = BANNER) -> str:
    """An invented article about one town, with the site's banner under it."""
    return (
        f"{town} opens a new library\n\n"
        f"The town of {town} opened its new library on Saturday after two years of building "
        f"work, and the first {len(town)} hundred readers signed up within the hour.\n\n"
        f"Librarians in {town} said the reading room would stay open late on weekdays so "
        "that pupils can study there after school.\n\n"
        f"{banner}\n"
    )


@pytest.mark.parametrize(
    ("source_path", "text", "site"),
    [
        ("any/name.txt", "URL: https://www.valleycourier.example.org/news/1\nHeadline\n", None),
        ("a.txt", "https://news.example.com/2023/01/x.html\nHeadline\n", "news.example.com"),
        ("www.valley-courier.co.uk_1234.txt", "Headline\n", "valley-courier.co.uk"),
        ("crawl/valleycourier.com/0001.txt", "Headline\n", "valleycourier.com"),
        ("2023-06-20_valleycourier_new-library.txt", "Headline\n", "valleycourier"),
        ("2023/06/valleycourier/20230620/story.txt", "Headline\n", "valleycourier"),
        ("valleycourier-0307.txt", "Headline\n", "valleycourier"),
        ("042bb7b5fedab6ea.txt", "Headline\n", ""),
        ("0307.txt", "Headline\n", ""),
    ],
)
def test_site_key_rules(source_path: str, text: str, site: str | None) -> None:
    expected = "valleycourier.example.org" if site is None else site
    assert site_key(source_path, text) == expected


def test_a_url_in_the_body_is_not_the_site() -> None:
    text = "Headline\n" + "A paragraph of the article.\n" * 12 + "https://other.example.net/\n"
    assert site_key("2023-01-01_courier_x.txt", text) == "courier"


def test_copies_share_their_identity_and_long_lines_are_not_counted() -> None:
    identity, keys = article_lines(article("Ashby"))
    copy_identity, _ = article_lines(article("Ashby", banner="Share this story"))
    other_identity, _ = article_lines(article("Brookmere"))
    assert identity == copy_identity != other_identity
    assert normalise_line(BANNER) in keys
    assert normalise_line("Ashby opens a new library") in keys
    assert not any(key.startswith("the town of") for key in keys)  # prose: never furniture


_runs = count()


def learn(
    dumps: list[tuple[str, str]],
    folder: Path,
    previous: Path | None = None,
    min_articles: int = 5,
    min_share: float = 0.1,
) -> tuple[Path, dict[str, frozenset[str]]]:
    """One run's learning over these dumps: (its new state folder, the frequent lines)."""
    run = folder / f"run-{next(_runs)}"
    rows = run / "rows.parquet"
    run.mkdir(parents=True)
    pq.write_table(site_line_rows(dumps), rows)
    state = run / "state"
    return state, learn_site_lines(previous, [str(rows)], state, min_articles, min_share)


def test_a_banner_over_many_articles_is_frequent(tmp_path: Path) -> None:
    dumps = [(f"2023-05-0{i}_courier_{t}.txt", article(t)) for i, t in enumerate(TOWNS[:6])]
    _, frequent = learn(dumps, tmp_path, min_share=0.5)
    assert frequent["courier"] == frozenset({normalise_line(BANNER)})


def test_copies_of_one_article_count_once(tmp_path: Path) -> None:
    # six copies of one story: the shared one-line paragraphs are not the site's furniture
    dumps = [(f"2023-05-0{i}_courier_copy.txt", article("Ashby")) for i in range(6)]
    dumps += [(f"2023-05-0{i}_courier_x.txt", article(t)) for i, t in enumerate(TOWNS[1:3])]
    _, frequent = learn(dumps, tmp_path)
    assert frequent.get("courier", frozenset()) == frozenset()


def test_a_line_of_few_of_a_sites_articles_is_not_frequent(tmp_path: Path) -> None:
    dumps = [(f"2023-05-0{i}_courier_{t}.txt", article(t)) for i, t in enumerate(TOWNS[:5])]
    dumps += [
        (f"2023-06-{i:02}_courier_{t}.txt", article(f"{t}{end}", banner="Weather warning"))
        for i, end in enumerate(["ton", "ford", "by", "ham", "wick", "dale", "field", "moor"])
        for t in TOWNS
    ]
    _, frequent = learn(dumps, tmp_path)
    assert normalise_line(BANNER) not in frequent["courier"]  # 5 of 69 articles
    assert normalise_line("Weather warning") in frequent["courier"]


def test_later_runs_add_to_earlier_counts(tmp_path: Path) -> None:
    first = [(f"2023-05-0{i}_courier_{t}.txt", article(t)) for i, t in enumerate(TOWNS[:3])]
    state, frequent = learn(first, tmp_path)
    assert frequent == {}
    second = [(f"2023-06-0{i}_courier_{t}.txt", article(t)) for i, t in enumerate(TOWNS[3:6])]
    state, frequent = learn(second, tmp_path, previous=state)
    assert normalise_line(BANNER) in frequent["courier"]
    stats = read_site_lines(state)
    rows = stats.to_pylist()
    assert {"site": "courier", "line_key": "", "n_articles": 6} in rows  # the site's total
    assert {"site": "courier", "line_key": normalise_line(BANNER), "n_articles": 6} in rows
    assert stats.schema == SITE_LINES_STATE


def test_lines_seen_once_are_kept_as_hashes_and_count_when_seen_again(tmp_path: Path) -> None:
    line = "Seen once so far"
    state, _ = learn([("2023-05-01_courier_a.txt", article("Ashby", line))], tmp_path)
    assert {r["line_key"] for r in read_site_lines(state).to_pylist()} == {""}  # totals only
    later = [(f"2023-05-0{i}_courier_{t}.txt", article(t, line)) for i, t in enumerate(TOWNS[1:3])]
    state, frequent = learn(later, tmp_path, previous=state)
    assert frequent == {}
    assert {"site": "courier", "line_key": normalise_line(line), "n_articles": 3} in (
        read_site_lines(state).to_pylist()
    )
    # two more: five articles in all, though no run saw five
    more = [(f"2023-05-1{i}_courier_{t}.txt", article(t, line)) for i, t in enumerate(TOWNS[3:5])]
    state, frequent = learn(more, tmp_path, previous=state)
    assert normalise_line(line) in frequent["courier"]


def test_no_rows_learn_nothing_and_write_nothing(tmp_path: Path) -> None:
    assert learn_site_lines(None, [], tmp_path / "state", 5, 0.1) == {}
    assert not (tmp_path / "state").exists()


@pytest.mark.parametrize(
    "text",
    [
        "Héllo, WORLD!\n\n  tabs\tand\u00a0spaces  \n2023-06-20 · 12:30\nsnake_case_name\n",
        "ΟΔΟΣ ΣΑΣ\nİstanbul’da 3 gün\r\n\x0bvertical\x0ctab\n",
    ],
)
def test_normalised_lines_equal_line_by_line_keys(text: str) -> None:
    assert normalise_lines(text) == [normalise_line(line) for line in text.split("\n")]


def test_clean_drops_the_learned_banner_with_its_reason(tmp_path: Path) -> None:
    dumps = [(f"2023-05-0{i}_courier_{t}.txt", article(t)) for i, t in enumerate(TOWNS[:6])]
    _, frequent = learn(dumps, tmp_path, min_share=0.5)
    assert len(clean_dump(article("Hollin")).paragraphs) == 3  # alone, it reads as prose
    cleaned = clean_dump(article("Hollin"), frequent["courier"])
    reasons = {line.text: line.reason for line in cleaned.lines}
    assert reasons[BANNER] == "site_frequent"
    assert len(cleaned.paragraphs) == 2


def test_a_state_with_rows_of_one_keeps_them_as_hashes(tmp_path: Path) -> None:
    # counts written before lines seen once moved to hashes: one row per line, 1s included
    old = tmp_path / "old"
    (old / "site_lines").mkdir(parents=True)
    rows = [
        {"site": "courier", "line_key": "", "n_articles": 1},
        {"site": "courier", "line_key": "seen once so far", "n_articles": 1},
    ]
    pq.write_table(
        pa.Table.from_pylist(rows, schema=SITE_LINES_STATE), old / "site_lines" / "a.parquet"
    )
    state, _ = learn([("2023-05-01_courier_a.txt", article("Ashby"))], tmp_path, previous=old)
    assert {r["line_key"] for r in read_site_lines(state).to_pylist()} == {""}
    later = [("2023-05-02_courier_b.txt", article("Brookmere", "Seen once so far"))]
    state, _ = learn(later, tmp_path, previous=state)
    assert {"site": "courier", "line_key": "seen once so far", "n_articles": 2} in (
        read_site_lines(state).to_pylist()
    )

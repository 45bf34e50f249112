"""Site-learned boilerplate: site keys, counting each article once, thresholds, merging."""

from __future__ import annotations

import pyarrow as pa
import pytest

from tasks.clean import clean_dump
from tasks.lexicon import normalise_line
from tasks.site_lines import (
    SITE_LINES_STATE,
    article_lines,
    frequent_site_lines,
    learn_site_lines,
    merge_site_lines,
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


def stats_of(dumps: list[tuple[str, str]]) -> pa.Table:
    return merge_site_lines(SITE_LINES_STATE.empty_table(), site_line_rows(dumps))


def test_a_banner_over_many_articles_is_frequent() -> None:
    dumps = [(f"2023-05-0{i}_courier_{t}.txt", article(t)) for i, t in enumerate(TOWNS[:6])]
    frequent = frequent_site_lines(stats_of(dumps), ["courier"], min_articles=5, min_share=0.5)
    assert frequent["courier"] == frozenset({normalise_line(BANNER)})


def test_copies_of_one_article_count_once() -> None:
    # six copies of one story: the shared one-line paragraphs are not the site's furniture
    dumps = [(f"2023-05-0{i}_courier_copy.txt", article("Ashby")) for i in range(6)]
    dumps += [(f"2023-05-0{i}_courier_x.txt", article(t)) for i, t in enumerate(TOWNS[1:3])]
    frequent = frequent_site_lines(stats_of(dumps), ["courier"], min_articles=5, min_share=0.1)
    assert frequent.get("courier", frozenset()) == frozenset()


def test_a_line_of_few_of_a_sites_articles_is_not_frequent() -> None:
    dumps = [(f"2023-05-0{i}_courier_{t}.txt", article(t)) for i, t in enumerate(TOWNS[:5])]
    dumps += [
        (f"2023-06-{i:02}_courier_{t}.txt", article(f"{t}{end}", banner="Weather warning"))
        for i, end in enumerate(["ton", "ford", "by", "ham", "wick", "dale", "field", "moor"])
        for t in TOWNS
    ]
    frequent = frequent_site_lines(stats_of(dumps), ["courier"], min_articles=5, min_share=0.1)
    assert normalise_line(BANNER) not in frequent["courier"]  # 5 of 69 articles
    assert normalise_line("Weather warning") in frequent["courier"]


def test_later_runs_add_to_earlier_counts() -> None:
    first = [(f"2023-05-0{i}_courier_{t}.txt", article(t)) for i, t in enumerate(TOWNS[:3])]
    stats, frequent = learn_site_lines(
        SITE_LINES_STATE.empty_table(), [site_line_rows(first)], 5, 0.1
    )
    assert frequent == {}
    second = [(f"2023-06-0{i}_courier_{t}.txt", article(t)) for i, t in enumerate(TOWNS[3:6])]
    stats, frequent = learn_site_lines(stats, [site_line_rows(second)], 5, 0.1)
    assert normalise_line(BANNER) in frequent["courier"]
    rows = stats.to_pylist()
    assert {"site": "courier", "line_key": "", "n_articles": 6} in rows  # the site's total
    assert stats.schema == SITE_LINES_STATE


def test_clean_drops_the_learned_banner_with_its_reason() -> None:
    dumps = [(f"2023-05-0{i}_courier_{t}.txt", article(t)) for i, t in enumerate(TOWNS[:6])]
    frequent = frequent_site_lines(stats_of(dumps), ["courier"], min_articles=5, min_share=0.5)
    assert len(clean_dump(article("Hollin")).paragraphs) == 3  # alone, it reads as prose
    cleaned = clean_dump(article("Hollin"), frequent["courier"])
    reasons = {line.text: line.reason for line in cleaned.lines}
    assert reasons[BANNER] == "site_frequent"
    assert len(cleaned.paragraphs) == 2

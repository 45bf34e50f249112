"""Corpus stage: dup and story clusters read from real Parquet parts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np

from tasks.batch import build_batch_tables
from tasks.corpus import (
    UnitFacts,
    cluster_articles,
    count_copies,
    instalments_of_a_series,
)
from tasks.dedup import NearDupRule
from tasks.ingest import DecodedDump
from tasks.write import write_parquet

STORY = (
    "Crews at Calverton Ferries walked out on Tuesday in a dispute over pay, leaving the "
    "island of Marrowby without a link to the mainland for at least two days.\n\n"
    "Union organiser Helga Brannock said members had rejected an offer of 4 percent. "
    '"We have waited long enough for a fair deal," Brannock said outside the terminal.\n\n'
    "The company said talks would resume at the conciliation service on Thursday morning, "
    "and that it hoped to restore sailings by the weekend."
)
OTHER = (
    "The city library in Dunholm will open on Sundays from next month after the council "
    "approved extra funding for staff, the culture office said on Monday.\n\n"
    "Readers had collected more than 3,000 signatures asking for longer hours, and the "
    "library will also add an evening reading room for students during exams."
)


def _dump(name: str, title: str, body: str, day: str) -> DecodedDump:
    text = f"{title}\n\n{title}\nPublished: {day}\n\n{body}\n"
    return DecodedDump(name, 0, name, text, "utf-8")


def test_copies_and_stories_from_parquet(tmp_path: Path) -> None:
    syndicated = STORY.replace("walked out", "went on strike").replace("at least ", "")
    other_report = (
        "Ferry services to Marrowby stopped on Tuesday as Calverton Ferries crews began a "
        "strike. Helga Brannock, the union organiser, told reporters the 4 percent offer was "
        "not enough, and talks are set for Thursday."
    )
    dumps = [
        _dump("a.txt", "Ferry crews strike", STORY, "16 May 2023"),
        _dump("b.txt", "Ferry crews strike", STORY, "16 May 2023"),
        _dump("c.txt", "Island cut off as ferry crews strike", syndicated, "17 May 2023"),
        _dump("d.txt", "Marrowby ferries stop", other_report, "16 May 2023"),
        _dump("e.txt", "Library opens on Sundays", OTHER, "15 May 2023"),
    ]
    built = build_batch_tables(dumps, "run", shingle_words=5, minhash_permutations=128).tables
    for name in ("articles", "_sketches"):
        write_parquet(built[name], tmp_path / name / "part-0.parquet")
    ids = dict(
        zip(
            built["articles"]["source_path"].to_pylist(),
            built["articles"]["article_id"].to_pylist(),
            strict=True,
        )
    )
    assert built["articles"]["published_date"].to_pylist()[0] == date(2023, 5, 16)

    assignments = cluster_articles(
        [str(tmp_path / "articles" / "part-0.parquet")],
        [str(tmp_path / "_sketches" / "part-0.parquet")],
        [],
        lsh_bands=32,
        rule=NearDupRule(5, 0.7, 0.45, 0.8),
        story_window_days=3,
        story_similarity=0.3,
    )
    row = {r["article_id"]: r for r in assignments.to_pylist()}
    dup = {name: row[article_id]["dup_cluster_id"] for name, article_id in ids.items()}
    story = {name: row[article_id]["story_cluster_id"] for name, article_id in ids.items()}
    assert dup["a.txt"] == dup["b.txt"] == dup["c.txt"]
    assert row[ids["b.txt"]]["dup_kind"] in ("exact", "canonical")
    assert row[ids["c.txt"]]["dup_kind"] == "near"
    assert dup["d.txt"] == ids["d.txt"] and dup["e.txt"] == ids["e.txt"]
    assert story["d.txt"] == story["a.txt"] != story["e.txt"]
    assert count_copies(assignments, list(ids.values())) == 2

    without_b = cluster_articles(
        [str(tmp_path / "articles" / "part-0.parquet")],
        [str(tmp_path / "_sketches" / "part-0.parquet")],
        [ids["b.txt"]],
        lsh_bands=32,
        rule=NearDupRule(5, 0.7, 0.45, 0.8),
        story_window_days=3,
        story_similarity=0.3,
    )
    assert ids["b.txt"] not in without_b["article_id"].to_pylist()


def _cluster(tmp_path: Path, dumps: list[DecodedDump], embeddings: bool) -> dict[str, str]:
    """Story cluster id by source path, for dumps batched and clustered from Parquet."""
    built = build_batch_tables(
        dumps, "run", shingle_words=5, minhash_permutations=128, story_embeddings=embeddings
    ).tables
    for name in ("articles", "_sketches"):
        write_parquet(built[name], tmp_path / name / "part-0.parquet")
    assignments = cluster_articles(
        [str(tmp_path / "articles" / "part-0.parquet")],
        [str(tmp_path / "_sketches" / "part-0.parquet")],
        [],
        lsh_bands=32,
        rule=NearDupRule(5, 0.7, 0.45, 0.8),
        story_window_days=3,
        story_similarity=0.3,
    )
    story = dict(
        zip(
            assignments["article_id"].to_pylist(),
            assignments["story_cluster_id"].to_pylist(),
            strict=True,
        )
    )
    return {
        path: story[article_id]
        for path, article_id in zip(
            built["articles"]["source_path"].to_pylist(),
            built["articles"]["article_id"].to_pylist(),
            strict=True,
        )
    }


GERMAN_REPORT = (
    "Die Besatzungen der Fähren von Calverton sind am Dienstag in einen Streik um höhere "
    "Löhne getreten; die Insel Marrowby ist mindestens zwei Tage ohne Verbindung zum "
    "Festland.\n\nDie Gewerkschafterin Helga Brannock sagte, die Mitglieder hätten ein "
    "Angebot von 4 Prozent abgelehnt. Die Gespräche sollen am Donnerstag weitergehen."
)
PAYWALL = (
    "You have reached the limit for free access to our journalism.\n\n"
    "Subscribers, click below to log in and continue reading. Log In Sign Up"
)


def test_embeddings_group_across_languages_and_walls_join_no_story(tmp_path: Path) -> None:
    dumps = [
        _dump("en.txt", "Ferry crews strike over pay", STORY, "16 May 2023"),
        _dump("de.txt", "Fährbesatzungen streiken für mehr Lohn", GERMAN_REPORT, "16 May 2023"),
        _dump("lib.txt", "Library opens on Sundays", OTHER, "16 May 2023"),
        _dump("wall1.txt", "Ferry crews strike over pay", PAYWALL, "16 May 2023"),
        _dump("wall2.txt", "Library opens on Sundays", PAYWALL + " Thank you.", "16 May 2023"),
    ]
    story = _cluster(tmp_path / "on", dumps, embeddings=True)
    assert story["en.txt"] == story["de.txt"] != story["lib.txt"]
    assert len({story["wall1.txt"], story["wall2.txt"], story["en.txt"], story["lib.txt"]}) == 4

    terms_only = _cluster(tmp_path / "off", dumps, embeddings=False)
    assert terms_only["lib.txt"] != terms_only["en.txt"]
    assert terms_only["wall1.txt"] != terms_only["en.txt"]


def _notice(council: str, officer: str, street: str, homes: str, cost: str) -> str:
    return (
        f"The {council} council approved {homes} new homes on {street} this week, "
        f"at a cost of {cost} million, said planning officer {officer}. building starts "
        "next spring, and the first families move in two years later."
    )


def _rainfall(millimetres: str, percent: str, record: str) -> str:
    return (
        f"more rain fell overnight than in any night since {record}: {millimetres} "
        f"millimetres, {percent} percent of the monthly average. cellars flooded and "
        "several roads were closed until the water drained away."
    )


def test_the_veto_compares_names_not_figures(tmp_path: Path) -> None:
    """Two reports worded alike that name different people and places are two stories;
    two that differ only in their figures are not vetoed by them."""
    texts = {
        "a.txt": _notice("Dunmore", "Alice Brook", "Kelsey Lane", "120", "14"),
        "b.txt": _notice("Ashford", "Peter Holt", "Marlow Way", "125", "16"),
        "c.txt": _rainfall("41", "112", "2019"),
        "d.txt": _rainfall("44", "118", "2009"),
    }
    dumps = [_dump(path, "Homes approved", text, "16 May 2023") for path, text in texts.items()]
    story = _cluster(tmp_path, dumps, embeddings=True)
    assert story["a.txt"] != story["b.txt"]
    assert story["c.txt"] == story["d.txt"]


def _fuel_watch(price: str, before: str, stations: str) -> str:
    return (
        f"Petrol cost an average of {price} marks a litre at filling stations in Inverport "
        f"on Thursday, up from {before} a week earlier, according to a survey of {stations} "
        "stations by the Inverport Motorists' Club. The cheapest petrol was found on Quay "
        "Street."
    )


def test_instalments_of_a_series_are_stories_of_their_own(tmp_path: Path) -> None:
    dumps = [
        _dump(f"{n}.txt", f"Fuel watch: petrol averages {price} a litre in Inverport", body, day)
        for n, price, body, day in (
            ("w1", "2.05", _fuel_watch("2.05", "1.34", "57"), "16 May 2023"),
            ("w2", "1.95", _fuel_watch("1.95", "2.05", "31"), "18 May 2023"),
        )
    ]
    story = _cluster(tmp_path, dumps, embeddings=True)
    assert story["w1.txt"] != story["w2.txt"]


def _town_surveys(towns: tuple[tuple[str, str, str], ...]) -> list[DecodedDump]:
    """One week's survey for each (town, price, price a week before), same stock quote."""
    return [
        _dump(
            f"{town}.txt",
            f"Fuel watch: petrol averages {price} a litre in {town}",
            _fuel_watch(price, before, "40").replace("Inverport", town)
            + ' "Prices usually rise before a holiday weekend, so fill up early," said the club.',
            "16 May 2023",
        )
        for town, price, before in towns
    ]


def test_one_template_for_another_town_is_another_story(tmp_path: Path) -> None:
    """The same weekly survey for two towns shares its wording, its club and its stock
    quote, and still reports two things; so do its titles with the same figures."""
    towns = (("Inverport", "2.05", "1.34"), ("Dorby", "2.05", "1.71"), ("Kilmouth", "1.95", "2"))
    story = _cluster(tmp_path, _town_surveys(towns), embeddings=True)
    assert len({story[f"{town}.txt"] for town, _, _ in towns}) == 3


def test_a_name_of_two_words_is_one_slot_of_the_template(tmp_path: Path) -> None:
    """ "in New Dorby" and "in Inverport" fill one slot of one template: the survey for
    another town is another report, however many words the town's name has."""
    towns = (("Inverport", "2.05", "1.34"), ("New Dorby", "2.05", "1.71"))
    story = _cluster(tmp_path, _town_surveys(towns), embeddings=True)
    assert story["Inverport.txt"] != story["New Dorby.txt"]


def test_one_title_over_other_figures_is_another_instalment(tmp_path: Path) -> None:
    """Two weeks of one survey can repeat the title word for word (the same price by
    chance); the figures of the body tell the instalments apart, even with one undated."""
    title = "Fuel watch: petrol averages 2.05 a litre in Inverport"
    dumps = [
        _dump("w1.txt", title, _fuel_watch("2.05", "1.34", "57"), "16 May 2023"),
        DecodedDump(
            "w2.txt", 0, "w2.txt", f"{title}\n\n{_fuel_watch('2.05', '1.95', '31')}\n", "utf-8"
        ),
    ]
    story = _cluster(tmp_path, dumps, embeddings=True)
    assert story["w1.txt"] != story["w2.txt"]


def test_instalments_need_one_title_template_with_other_figures() -> None:
    # units: (template, slots) = (1, 2), (1, 3), (1, 2), (4, 3), (none, 2), (none, 3), (1, none)
    templates = [1, 1, 1, 4, None, None, 1]
    slots = [2, 3, 2, 3, 2, 3, None]
    none = np.zeros(len(templates), dtype=bool)
    facts = UnitFacts(
        day=np.zeros(len(templates), dtype=np.int64),
        language=np.zeros(len(templates), dtype=np.int64),
        named=none,
        template=np.array([t or 0 for t in templates], dtype=np.uint64),
        has_template=np.array([t is not None for t in templates]),
        slots=np.array([s or 0 for s in slots], dtype=np.uint64),
        has_slots=np.array([s is not None for s in slots]),
    )
    pairs = {(0, 1): True, (0, 2): False, (0, 3): False, (4, 5): False, (0, 6): True}
    i, j = (np.array(side) for side in zip(*pairs, strict=True))
    assert instalments_of_a_series(facts, i, j).tolist() == list(pairs.values())

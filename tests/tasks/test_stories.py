"""Stories: shared names within a time window group reports of one event."""

from __future__ import annotations

from datetime import date

from tasks.stories import StoryUnit, group_stories, story_terms


def test_story_terms_take_names_and_figures_not_sentence_starts() -> None:
    terms = story_terms(
        "Strike at Port Calder", "Crews walked out. Union leader Ann Reidie said 48 hours."
    )
    assert {"port", "calder", "ann", "reidie", "#48"} <= set(terms)
    assert "crews" not in terms and "union" not in terms


def test_story_terms_names_in_other_scripts() -> None:
    terms = story_terms(None, "Встреча в Москве. Президент Иванов прибыл. Ülke İzmir'de ÇAĞ")
    assert {"москве", "иванов", "i̇zmir"} <= set(terms)
    assert "президент" not in terms and "встреча" not in terms and "прибыл" not in terms


def _unit(cid: str, day: date | None, *names: str) -> StoryUnit:
    return StoryUnit(cid, day, frozenset(names))


def test_same_event_groups_and_window_splits() -> None:
    filler = [_unit(f"f{i}", date(2023, 1, 1), f"x{i}", f"y{i}", "common") for i in range(20)]
    units = filler + [
        _unit("a", date(2023, 3, 7), "marrowfield", "ferrand", "reiker", "eastgate", "#84"),
        _unit("b", date(2023, 3, 7), "marrowfield", "ferrand", "reiker", "eastgate", "osei"),
        _unit("c", date(2023, 3, 14), "marrowfield", "ferrand", "reiker", "eastgate", "#84"),
        _unit("d", None, "marrowfield", "ferrand", "reiker", "osei"),
    ]
    story = group_stories(units, window_days=3, min_similarity=0.3)
    assert story["a"] == story["b"]
    assert story["c"] != story["a"]
    assert story["f0"] == "f0" and story["f1"] == "f1"


def test_a_chain_of_pairwise_matches_does_not_become_one_story() -> None:
    filler = [_unit(f"f{i}", None, f"x{i}", f"y{i}", f"z{i}") for i in range(30)]
    chain = [
        _unit(f"c{k}", None, f"a{k}", f"b{k}", f"a{k + 1}", f"b{k + 1}") for k in range(8)
    ]  # c0~c1, c1~c2, ...: each link shares two rare names, ends share nothing
    story = group_stories(filler + chain, window_days=3, min_similarity=0.3)
    sizes: dict[str, int] = {}
    for k in range(8):
        sizes[story[f"c{k}"]] = sizes.get(story[f"c{k}"], 0) + 1
    assert story["c0"] == story["c1"]
    assert max(sizes.values()) <= 4 and story["c0"] != story["c7"]

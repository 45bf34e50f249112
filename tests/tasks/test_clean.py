"""Clean stage: every line judged, page furniture removed with a reason, prose kept."""

from __future__ import annotations

import json

import pytest

from tasks.clean import (
    MIN_STOPWORD_RATIO,
    CleanedDump,
    _has_digit_char,
    clean_dump,
    collapse_whitespace,
    is_date_line,
    normalise_line,
)
from tasks.lexicon import _compile_phrases, colon_key, line_keys
from tests.conftest import SHARED
from tests.tasks.texts import BODY_EN

PORTAL_DUMP = """\
We use cookies to improve your experience. By continuing, you accept our cookie policy.
Accept all
Lakeside Herald
Home | News | Sport | Weather | Letters
Rowing club wins regional title after twenty years

Rowing club wins regional title after twenty years
By Mara Quill, Lakeside Herald
Published: 12 June 2021, 09:15
Share on Facebook
Share on X

The winning crew lifts the trophy on the jetty at Easton.
Photo: Lakeside Herald/Archive

EASTON, June 11 (Norland Press) — The Easton Rowing Club won the regional eights title \
on Saturday, its first victory in the event since 2001, beating the favourites by half a length.

Coach Petra Lindqvist said the crew had trained every morning since February. "They never \
missed a session, not even in the snow," she said.

Advertisement

READ MORE: Easton harbour wall to be repaired this summer

The club will now represent the region at the national championships in August, where it \
last competed eleven years ago.

Both crews will meet again in September.

Related stories
Easton harbour wall to be repaired this summer
Ferry timetable changes for the holidays
Tags: Rowing, Easton, Sport
12 comments
© 2021 Lakeside Herald. All rights reserved.
"""


def _by_text(dump: CleanedDump) -> dict[str, tuple[str, str | None]]:
    return {collapse_whitespace(line.text): (line.kind, line.reason) for line in dump.lines}


def test_every_non_blank_line_is_body_or_has_a_reason() -> None:
    dump = clean_dump(PORTAL_DUMP)
    assert [line.line_no for line in dump.lines] == list(
        range(1, len(PORTAL_DUMP.splitlines()) + 1)
    )
    for line in dump.lines:
        if line.kind in ("body", "blank"):
            assert line.reason is None
        else:
            assert line.reason, line


def test_portal_furniture_is_removed_with_reasons() -> None:
    judged = _by_text(clean_dump(PORTAL_DUMP))
    assert judged["Accept all"] == ("boilerplate", "cookie_banner")
    assert judged["Home | News | Sport | Weather | Letters"][1] == "menu"
    assert judged["Share on Facebook"][1] == "share_widget"
    assert judged["Advertisement"][1] == "advertisement"
    assert judged["12 comments"][1] == "comment_counter"
    assert judged["Tags: Rowing, Easton, Sport"][1] == "tags"
    assert judged["© 2021 Lakeside Herald. All rights reserved."][1] == "copyright"
    assert judged["READ MORE: Easton harbour wall to be repaired this summer"][1] == "related_links"
    assert judged["Ferry timetable changes for the holidays"][1] == "related_links"
    assert judged["By Mara Quill, Lakeside Herald"] == ("metadata", "byline")
    assert judged["Published: 12 June 2021, 09:15"] == ("metadata", "date_label")


def test_caption_beside_a_credit_line_is_removed() -> None:
    judged = _by_text(clean_dump(PORTAL_DUMP))
    assert judged["The winning crew lifts the trophy on the jetty at Easton."] == (
        "boilerplate",
        "photo_caption",
    )
    assert judged["Photo: Lakeside Herald/Archive"][1] == "photo_credit"


def test_headline_copies_are_title_and_short_paragraph_stays() -> None:
    dump = clean_dump(PORTAL_DUMP)
    assert dump.title == "Rowing club wins regional title after twenty years"
    titles = [line for line in dump.lines if line.text == dump.title]
    assert len(titles) == 2 and all(line.kind == "title" for line in titles)
    assert dump.paragraphs[0].startswith("EASTON, June 11 (Norland Press) —")
    assert "Both crews will meet again in September." in dump.paragraphs
    assert len(dump.paragraphs) == 4


def test_inline_caption_with_photo_credit_and_video_caption() -> None:
    text = (
        "Storm closes coastal road\n"
        "▶ Play video\n"
        "01:12\n"
        "Waves break over the sea wall at Port Amble.\n"
        "Fishermen watch the harbour at dawn. (Photo by Ines Varga / Coast Daily)\n"
        "The coastal road between Port Amble and Kerry Point was closed on Monday after "
        "waves damaged the sea wall in two places, the county council said.\n"
        "Engineers expect repairs to take at least three weeks, and a diversion is in place.\n"
    )
    judged = _by_text(clean_dump(text))
    assert judged["Waves break over the sea wall at Port Amble."][1] == "photo_caption"
    caption = "Fishermen watch the harbour at dawn. (Photo by Ines Varga / Coast Daily)"
    assert judged[caption][1] == "photo_caption"
    assert judged["01:12"][0] == "boilerplate"


def test_captcha_comment_form_and_view_counter_in_other_languages() -> None:
    text = (
        "Nuevo puente abre al tráfico en Valdeluz\n"
        "El nuevo puente sobre el río Tormo abrió el martes al tráfico tras dos años de obras, "
        "según informó el ayuntamiento de Valdeluz en un comunicado.\n"
        "La obra costó 4,5 millones de euros y fue financiada por la provincia.\n"
        "2.311 visitas\n"
        "Поделиться:\n"
        "Drucken\n"
        "Añadir nuevo comentario\n"
        "Su nombre\n"
        "Esta pregunta sirve para comprobar si usted es un visitante humano.\n"
    )
    dump = clean_dump(text)
    judged = _by_text(dump)
    assert judged["2.311 visitas"][1] == "view_counter"
    assert judged["Поделиться:"][1] == "share_widget"
    assert judged["Drucken"][1] == "print_widget"
    assert judged["Añadir nuevo comentario"][1] == "comment_prompt"
    assert judged["Esta pregunta sirve para comprobar si usted es un visitante humano."][1] == (
        "captcha"
    )
    assert len(dump.paragraphs) == 2


def test_whitespace_crlf_nbsp_and_missing_final_newline() -> None:
    text = (
        "Council backs new park\r\n\u00a0\r\nThe council voted\u00a0 8-1 on Monday to "
        "turn the old depot into a public park,\tthe mayor's office said.\t\r\n"
        "Work starts in spring."
    )
    dump = clean_dump(text)
    assert [line.kind for line in dump.lines][:2] == ["title", "blank"]
    assert dump.paragraphs == [
        "The council voted 8-1 on Monday to turn the old depot into a public park, "
        "the mayor's office said.",
        "Work starts in spring.",
    ]
    assert len(dump.lines) == 4


def test_site_frequent_lines_go_but_prose_stays() -> None:
    prose = (
        "The hosepipe ban introduced in July remains in force across the valley, "
        "the water company said."
    )
    text = (
        "Reservoir level falls again\n"
        "Rain gauges and river levels\n"
        "The reservoir stood at 58% of capacity on Wednesday, down from 61% a week earlier, "
        "according to figures published by the water company.\n"
        f"{prose}\n"
    )
    frequent = frozenset({normalise_line("Rain gauges and river levels"), normalise_line(prose)})
    judged = _by_text(clean_dump(text, frequent))
    assert judged["Rain gauges and river levels"][1] == "site_frequent"
    assert judged[prose][0] == "body"


def test_normalise_line() -> None:
    assert normalise_line("  Comments\u00a0(12) ") == "comments 00"
    assert normalise_line("What's On?") == "whats on"
    assert normalise_line("Él dijo: «Sí»") == "él dijo sí"


@pytest.mark.parametrize(
    "line",
    ["Source: Reuters", "Él dijo: «Sí»", "a_b::c 12:30", "İstanbul — 3 views", "::", "Home"],
)
def test_line_keys_are_both_keys_at_once(line: str) -> None:
    assert line_keys(line) == (normalise_line(line), colon_key(line))


def test_phrase_set_matches_whole_words_by_mode() -> None:
    phrases = _compile_phrases(
        {"share_widget": ["share on*", "*share this*"], "menu": ["*home"]}, colon=False
    )
    assert phrases.match("share on x", 3) == "share_widget"
    assert phrases.match("please share this story", 4) == "share_widget"
    assert phrases.match("back home", 2) == "menu"
    assert phrases.match("shared on x", 3) is None  # "shared" does not open "share on"
    assert phrases.match("homes back", 2) is None
    long_key = "share on " + " ".join(["word"] * 20)
    assert phrases.match(long_key, 22) is None  # prefixes only mark short lines


def test_date_line_digits_beyond_ascii() -> None:
    assert is_date_line("Published: 12 March 2023")
    assert is_date_line("Updated 3 hours ago")
    assert not is_date_line("We met on Tuesday")
    assert _has_digit_char("Room 1²") and _has_digit_char("٣ مارس")
    assert not _has_digit_char("Évora, Portugal")


def test_comment_section_is_not_body() -> None:
    article = (
        "The library will reopen on Monday after a two-month renovation that added a "
        "children's wing and new study rooms, the city said on Friday.\n"
    )
    comments = "".join(
        f"Reader {n} says:\nI have been waiting for this for months and I am so glad the "
        f"city finally found the money for the new wing, well done to everyone.\n"
        for n in range(6)
    )
    text = "Library reopens after renovation\n" + article + "14 Comments\n" + comments
    dump = clean_dump(text)
    assert dump.paragraphs == [collapse_whitespace(article)]


# -- real dumps, read at run time -------------------------------------------------------


def _seed_texts() -> list[str]:
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip("shared seeds not available")
    return [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]


def test_seed_boilerplate_is_gone() -> None:
    for text in _seed_texts():
        dump = clean_dump(text)
        assert dump.title and dump.title not in dump.paragraphs
        body = {collapse_whitespace(p).casefold() for p in dump.paragraphs}
        removed = [line for line in dump.lines if line.kind not in ("body", "blank")]
        assert removed and all(line.reason for line in removed)
        assert not body & {collapse_whitespace(line.text).casefold() for line in removed}
        assert len(dump.paragraphs) >= 5
        tail = [line for line in dump.lines if line.kind != "blank"][-2:]
        assert all(line.kind == "boilerplate" for line in tail)


def test_devset_bodies_match_gold() -> None:
    devset = SHARED / "devset"
    if not (devset / "gold.jsonl").is_file():
        pytest.skip("devset not available")
    records = [json.loads(line) for line in (devset / "gold.jsonl").read_text().splitlines()]
    exact = 0
    for record in records:
        dump = clean_dump((devset / record["file"]).read_text(encoding="utf-8"))
        gold = [collapse_whitespace(p) for p in record["body"]]
        exact += dump.paragraphs == gold
        body = {p.casefold() for p in dump.paragraphs}
        leaked = [b for b in record["boilerplate"] if collapse_whitespace(b).casefold() in body]
        assert not leaked, (record["file"], leaked)
    assert exact >= 0.95 * len(records)


def test_body_continues_after_an_inline_related_box() -> None:
    text = (
        "Tram line extension approved\n"
        "The city council approved the extension of the tram line to the airport on Tuesday, "
        "ending a planning dispute that had lasted more than four years.\n"
        "Related\n"
        "Airport bus fares to rise in January\n"
        "Construction is expected to begin next spring and to take about three years, the "
        "transport department said in a statement after the vote.\n"
    )
    dump = clean_dump(text)
    judged = _by_text(dump)
    assert judged["Airport bus fares to rise in January"][1] == "related_links"
    assert len(dump.paragraphs) == 2


def test_headline_below_prose_like_banner_and_menu_is_found() -> None:
    # the notice reads like a sentence and matches no cookie phrase: it must not end the header
    text = (
        "Harbourline Tarnwick\n"
        "A note from Harbourline: small files on this page keep you signed in and count the "
        "visits we receive each month.\n"
        "Yes please\n"
        "No thanks\n"
        "Menu\n"
        "Search Harbourline\n"
        "Local  Travel  Homes  Food\n"
        "Tarnwick opens a second ferry berth next summer\n"
        "Tarnwick opens a second ferry berth next summer\n"
        "Posted: 3 May 2022\n"
        "Updated 4 hours ago\n"
        "Ines Barrow\n"
        "Transport reporter\n"
        "Share\n\n" + BODY_EN
    )
    dump = clean_dump(text)
    assert dump.title == "Tarnwick opens a second ferry berth next summer"
    verdicts = _by_text(dump)
    assert verdicts["Tarnwick opens a second ferry berth next summer"][0] == "title"
    assert verdicts["Updated 4 hours ago"] == ("metadata", "date_label")
    assert len(dump.paragraphs) == 2 and dump.paragraphs[0].startswith("The Easton Rowing")


def test_opening_headline_block_of_a_clean_article() -> None:
    article = "Ferry fares will rise by a tenth in the spring.\n\n" + BODY_EN.replace("\n", "\n\n")
    dump = clean_dump(article)
    assert dump.title == "Ferry fares will rise by a tenth in the spring."
    assert dump.paragraphs[0].startswith("The Easton Rowing Club")
    assert len(dump.paragraphs) == 2
    # a headline run over two lines, the first ending in ";"
    two_lines = "Ferry fares to rise; \nOperator blames fuel costs.\n\n" + BODY_EN
    dump = clean_dump(two_lines)
    assert dump.title == "Ferry fares to rise; Operator blames fuel costs."
    assert [line.kind for line in dump.lines[:2]] == ["title", "title"]
    assert len(dump.paragraphs) == 2
    # a long opening paragraph is the article, not a headline
    lead = BODY_EN.split("\n")[0]
    dump = clean_dump(lead + "\n\n" + BODY_EN.split("\n")[1] + "\n")
    assert dump.title != lead
    assert dump.paragraphs[0] == lead


ORCHARD_PARAGRAPHS = [
    "The Millbrook orchard opened its gates to pickers on Saturday, a week later than usual "
    "after a cold spring delayed the harvest across the valley.",
    "Owner Tomas Reyl said the trees had recovered well and that the crop was larger than "
    "last year, although the first apples were smaller than he had hoped.",
    "The orchard will stay open every weekend until the end of October, and the café in the "
    "old barn will serve cider made from last year's fruit.",
]


def test_headline_copy_ends_a_block_of_teasers_above_the_article() -> None:
    teasers = [
        "Council to review parking charges in the town centre after a year of complaints from "
        "shopkeepers and residents alike, the leader said on Friday.",
        "A new cycle path between Millbrook and Easton will open in the summer, linking the two "
        "villages for the first time since the old railway line closed.",
        "The library will extend its opening hours during the school holidays so that children "
        "can take part in the reading challenge on weekday evenings.",
        "Volunteers planted two hundred trees along the river bank on Sunday as part of a plan "
        "to reduce flooding in the lower part of the valley.",
    ]
    text = "\n".join(
        [
            "Orchard opens for the harvest season",
            *[f"Section {n}" for n in range(16)],
            *teasers,
            "Orchard opens for the harvest season",
            "Published: 14 September 2024",
            *ORCHARD_PARAGRAPHS[:2],
        ]
    )
    dump = clean_dump(text)
    assert dump.paragraphs == ORCHARD_PARAGRAPHS[:2]
    assert all(_by_text(dump)[t][0] != "body" for t in teasers)


def test_list_bracketed_by_prose_is_kept_but_a_kicker_and_share_bar_are_not() -> None:
    items = ["2 cups of apple juice", "1 stick of cinnamon", "Peel of one orange"]
    share = "Whatsapp Facebook Pinterest Download"
    text = "\n".join(
        [
            ORCHARD_PARAGRAPHS[0],
            *items,
            ORCHARD_PARAGRAPHS[1],
            "WINTER WARMER",
            ORCHARD_PARAGRAPHS[2],
            share,
            ORCHARD_PARAGRAPHS[0].replace("Saturday", "Sunday"),
            share,
            ORCHARD_PARAGRAPHS[1].replace("Owner", "Manager"),
            share,
        ]
    )
    dump = clean_dump(text)
    judged = _by_text(dump)
    assert dump.paragraphs[1:4] == items
    assert judged["WINTER WARMER"][0] != "body"
    assert share not in dump.paragraphs


def test_long_list_between_two_parts_of_the_article_joins_them() -> None:
    steps = [f"Step {n}: pick the apples from the lower branches" for n in range(1, 11)]
    text = "\n".join(
        [
            "Orchard opens for the harvest season",
            "Orchard opens for the harvest season",
            *ORCHARD_PARAGRAPHS[:2],
            *steps,
            ORCHARD_PARAGRAPHS[2],
        ]
    )
    dump = clean_dump(text)
    assert dump.paragraphs[-1] == ORCHARD_PARAGRAPHS[2]
    # a list of names (a staff box) is no such list: what follows it is another block
    names = ["Anna Holt", "Brian Lee", "Clara Voss", "Dev Patel", "Emil Sand"] * 2
    text = "\n".join(
        [
            "Orchard opens for the harvest season",
            "Orchard opens for the harvest season",
            *ORCHARD_PARAGRAPHS[:2],
            *names,
            ORCHARD_PARAGRAPHS[2],
        ]
    )
    dump = clean_dump(text)
    assert dump.paragraphs == ORCHARD_PARAGRAPHS[:2]


def test_you_may_like_box_in_portuguese() -> None:
    dump = clean_dump("\n".join([ORCHARD_PARAGRAPHS[0], "Você pode gostar...", "Ver mais"]))
    assert _by_text(dump)["Você pode gostar..."] == ("boilerplate", "related_links")


def test_list_after_a_related_box_does_not_join_more_teasers() -> None:
    headlines = [f"Harbour festival draws record crowd number {n}" for n in range(10)]
    later = [
        "Will the new bridge toll really pay for the repairs the council has promised us all?",
        "Is this the end of the market hall that has stood in the square for two centuries?",
    ]
    text = "\n".join(
        [
            "Orchard opens for the harvest season",
            "Orchard opens for the harvest season",
            *ORCHARD_PARAGRAPHS[:2],
            "Most read",
            "Why are the ferries late again this week, and who will pay the extra costs now?",
            *headlines,
            *later,
        ]
    )
    dump = clean_dump(text)
    assert dump.paragraphs[:2] == ORCHARD_PARAGRAPHS[:2]
    assert not set(later) & set(dump.paragraphs)


def test_share_prompt_and_more_posts_box_between_paragraphs_are_not_a_list() -> None:
    teaser = "Der Garten im Winter"
    text = "\n".join(
        [
            ORCHARD_PARAGRAPHS[0],
            "Diesen Artikel teilen",
            "Weitere Beiträge",
            teaser,
            ORCHARD_PARAGRAPHS[1],
            "Le puede interesar",
            ORCHARD_PARAGRAPHS[2],
        ]
    )
    judged = _by_text(clean_dump(text))
    assert judged["Diesen Artikel teilen"] == ("boilerplate", "share_widget")
    assert judged["Weitere Beiträge"] == ("boilerplate", "related_links")
    assert judged[teaser] == ("boilerplate", "related_links")
    assert judged["Le puede interesar"] == ("boilerplate", "related_links")
    assert judged[ORCHARD_PARAGRAPHS[2]] == ("body", None)


@pytest.mark.parametrize(
    "caption",
    [
        "Oil pumps at sunset. Bild: Tebnad/Shutterstock.com",
        "Pickers at the orchard gate. Foto: Marco Verch/cc by sa 2.0",
        "Owner Tomas Reyl at the press, photo: Millbrook Archive",
    ],
)
def test_caption_whose_credit_holds_a_dot_or_follows_a_comma(caption: str) -> None:
    text = "\n".join([ORCHARD_PARAGRAPHS[0], caption, ORCHARD_PARAGRAPHS[1]])
    judged = _by_text(clean_dump(text))
    assert judged[caption] == ("boilerplate", "photo_caption")
    assert judged[ORCHARD_PARAGRAPHS[1]] == ("body", None)


def test_menu_joined_by_bare_pipes_arrow_teaser_and_attachment_are_furniture() -> None:
    menu = "Start|Magazin|Garten Tipps|Ernte"
    teaser = ">> Harbour festival draws a record crowd despite the rain <<"
    attachment = "Letter to the growers of 14 October 2021 PDF | 38 KB | not accessible"
    text = "\n".join([ORCHARD_PARAGRAPHS[0], menu, teaser, attachment, ORCHARD_PARAGRAPHS[1]])
    judged = _by_text(clean_dump(text))
    assert judged[menu] == ("boilerplate", "menu")
    assert judged[teaser] == ("boilerplate", "related_links")
    assert judged[attachment] == ("boilerplate", "file_download")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (
            "Dieser Eintrag wurde veröffentlicht in Allgemein und verschlagwortet mit Garten.",
            "tags",
        ),
        ("Sign up to get the best stories of the week, picked by our editors.", "newsletter"),
        ("If you enjoyed this story, please consider supporting our newsroom.", "donation_prompt"),
        ("Les opinions exprimées ici n'engagent que leurs auteurs.", "disclaimer"),
        ("Das könnte Sie auch interessieren:", "related_links"),
        ("Materiał chroniony prawem autorskim - zasady przedruków określa regulamin.", "copyright"),
        ("This site is protected by reCAPTCHA and the Google Privacy Policy apply.", "captcha"),
        ("← Council delays vote on the harbour wall", "related_links"),
        ("Abbildung 3: Pegelstand der Elbe im Mai, gemessen am Schöpfwerk.", "photo_caption"),
        ("Fig. 2. Water levels at the weir since 1990.", "photo_caption"),
        ("Volunteers cleared the reading room on Sunday (Symbolbild).", "photo_caption"),
    ],
)
def test_ui_sentences_after_the_article_go_with_their_reason(line: str, reason: str) -> None:
    text = "Library reopens after flood\n\n" + BODY_EN + "\n" + line + "\n"
    judged = _by_text(clean_dump(text))
    assert judged[line] == ("boilerplate", reason)
    assert len(clean_dump(text).paragraphs) == 2


def test_a_letters_link_in_the_menu_does_not_open_the_comments() -> None:
    text = "Home\nLetters to the Editor\nSport\n\nLibrary reopens after flood\n\n" + BODY_EN
    dump = clean_dump(text)
    assert _by_text(dump)["Letters to the Editor"] == ("boilerplate", "contact_prompt")
    assert len(dump.paragraphs) == 2


def test_stopword_density_is_rated_in_the_dumps_language() -> None:
    from tasks.clean import _features, _rate_stopwords_in_dump_language

    prose = _features(1, BODY_EN.splitlines()[0])
    names = _features(2, "María de la Cruz, José de la Vega, Ana de los Ríos y Luis del Prado.")
    merged = names.stop_ratio
    _rate_stopwords_in_dump_language([prose], [prose, names])
    assert names.stop_ratio < MIN_STOPWORD_RATIO < merged  # Spanish words count in Spanish
    assert prose.stop_ratio >= MIN_STOPWORD_RATIO

"""A page's stated metadata (page_signals) and newsflow's judgement of it (page_metadata)."""

from __future__ import annotations

import datetime
import json

from tasks.formats.html import with_lead
from tasks.formats.page_metadata import (
    author_organisation,
    choose_byline,
    choose_published,
    choose_title,
    join_surname_pairs,
    site_keys,
    strip_site_name,
)
from tasks.formats.page_signals import Credit, PageSignals, read_page_signals

URL = "https://www.harbour-times.example/news/2024/ferry-timetable"
LEAD = "The council backed the winter timetable after a long debate on fares and fuel costs."


def page(ld: object, head: str = "", body: str = "") -> str:
    return (
        "<html><head>"
        f'<script type="application/ld+json">{json.dumps(ld)}</script>{head}'
        f"</head><body>{body}</body></html>"
    )


ARTICLE = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "NewsMediaOrganization", "@id": "#org", "name": "Harbour Times"},
        {"@type": "Person", "@id": "#p1", "name": "Ada Quay"},
        {
            "@type": "NewsArticle",
            "headline": "Ferry timetable approved",
            "author": [{"@id": "#p1"}, {"@type": "Person", "name": "Ben Dock"}],
            "datePublished": "2024-03-04T23:30:00-05:00",
            "dateModified": "2024-03-06T10:00:00Z",
            "publisher": {"@id": "#org"},
            "description": LEAD,
        },
    ],
}


def test_read_page_signals_reads_jsonld_graph_meta_and_printed_parts() -> None:
    markup = page(
        ARTICLE,
        head='<meta property="og:title" content="Ferry timetable approved | Harbour Times">'
        '<meta property="og:site_name" content="Harbour Times">'
        '<meta name="author" content="Harbour Times">',
        body=f"<h1>Ferry time\u00adtable approved</h1><p class='lead'>{LEAD}</p>"
        '<a rel="author" href="/a">Ada Quay</a>',
    )
    signals = read_page_signals(markup)
    assert signals.ld_headlines == ["Ferry timetable approved"]
    assert signals.ld_authors == [Credit("Ada Quay", False), Credit("Ben Dock", False)]
    assert signals.ld_published == ["2024-03-04T23:30:00-05:00"]
    assert "Harbour Times" in signals.site_names
    assert signals.h1 == ["Ferry timetable approved"]  # soft hyphen dropped
    assert signals.rel_authors == ["Ada Quay"]
    assert signals.printed_lead == LEAD


def test_read_page_signals_survives_broken_jsonld_and_empty_page() -> None:
    broken = '<html><head><script type="application/ld+json">{"@type": </script></head></html>'
    assert read_page_signals(broken).ld_headlines == []
    assert read_page_signals("").h1 == []


def test_strip_site_name_cuts_site_segment_and_what_follows() -> None:
    keys = {"harbourtimes", "harbour"}
    assert strip_site_name("Ferry timetable approved | Harbour Times", keys) == (
        "Ferry timetable approved"
    )
    assert strip_site_name("Ferry approved - Local | harbour-times.example", keys) == (
        "Ferry approved"
    )
    assert strip_site_name("Ferry approved – HT – 05.03.2024", {"ht"}) == "Ferry approved"
    assert strip_site_name("Harbour Times | Ferry approved", keys) == "Ferry approved"
    # a separator inside the headline itself stays
    assert strip_site_name("Fares: what changes - and when", keys) == (
        "Fares: what changes - and when"
    )


def test_site_keys_spell_out_umlauts_like_host_names() -> None:
    signals = PageSignals(site_names=["Börsen-Zeitung"])
    keys = site_keys(signals, "https://www.boersen-zeitung.example/x")
    assert strip_site_name("Zinsen steigen | Börsen-Zeitung", keys) == "Zinsen steigen"


def test_choose_title_prefers_stated_title_cut_where_the_headline_ends() -> None:
    signals = PageSignals(
        h1=["Ferry timetable approved"],
        og_title="Ferry timetable approved - Quayside Weekly Digital Edition",
    )
    assert choose_title(signals, URL, None) == "Ferry timetable approved"


def test_choose_title_uses_printed_headline_when_stated_one_is_cut_short() -> None:
    signals = PageSignals(
        h1=["Ferry timetable approved after a long night of debate"],
        og_title="Ferry timetable approved after a long...",
    )
    assert (
        choose_title(signals, URL, None) == "Ferry timetable approved after a long night of debate"
    )


def test_choose_title_skips_a_stated_title_about_something_else() -> None:
    signals = PageSignals(
        h1=["Harbour Times", "Ferry timetable approved"], og_title="Harbour Times"
    )
    signals.site_names.append("Harbour Times")
    assert choose_title(signals, URL, None) == "Ferry timetable approved"


def test_choose_title_takes_the_record_headline_against_one_teaser_wording() -> None:
    teaser = "Ferry chaos: what the new timetable means for you"
    signals = PageSignals(
        h1=[teaser],
        og_title=teaser,
        twitter_title=teaser,
        title_tag=f"{teaser} | Harbour Times",
        ld_headlines=["Council approves winter ferry timetable"],
    )
    assert choose_title(signals, URL, None) == "Council approves winter ferry timetable"
    # the JSON-LD headline without the kicker the other titles carry is the same wording
    signals.ld_headlines = ["what the new timetable means for you"]
    assert choose_title(signals, URL, None) == teaser
    # with no printed headline to confirm the teaser, og:title leads as before
    signals.ld_headlines, signals.h1 = ["Council approves winter ferry timetable"], []
    assert choose_title(signals, URL, None) == teaser


def test_choose_title_takes_the_printed_headline_its_record_confirms() -> None:
    printed = "Council approves winter ferry timetable after long debate"
    signals = PageSignals(
        h1=[printed],
        ld_headlines=[printed],
        og_title="Ferry timetable approved",
        twitter_title="Ferry timetable approved",
        title_tag="Ferry timetable approved | Harbour Times",
    )
    assert choose_title(signals, URL, None) == printed
    # sharing titles of two wordings: no split to judge, og:title leads
    signals.twitter_title = "Winter ferries: the new timetable"
    assert choose_title(signals, URL, None) == "Ferry timetable approved"


def test_choose_title_completes_a_title_an_unescaped_quote_cut() -> None:
    signals = PageSignals(
        h1=['Ferry race: winner and "royal visit"'], og_title="Ferry race: winner and"
    )
    assert choose_title(signals, URL, None) == 'Ferry race: winner and "royal visit"'
    # a title the site shortened on purpose stays short
    signals.og_title = "Ferry race: winner"
    signals.h1 = ["Ferry race: winner and loser"]
    assert choose_title(signals, URL, None) == "Ferry race: winner"


def test_choose_byline_persons_deduplicated_site_out() -> None:
    signals = PageSignals(
        ld_authors=[Credit("Ada Quay", False)],
        meta_authors=["Harbour Times GmbH"],
        site_names=["Harbour Times"],
    )
    assert choose_byline(signals, URL, "Harbour Times; Ada Quay") == "Ada Quay"
    signals = PageSignals(meta_authors=["Ada Quay", "https://harbour.example/authors/ada-quay/"])
    assert choose_byline(signals, URL, "Ada Quay; Ada-Quay") == "Ada Quay"


def test_choose_byline_reads_last_first_pairs_as_one_name() -> None:
    assert join_surname_pairs(["Quay", "Ada", "Dock", "Ben"]) == ["Ada Quay", "Ben Dock"]
    assert join_surname_pairs(["Ada Quay", "Ben Dock"]) == ["Ada Quay", "Ben Dock"]
    assert choose_byline(PageSignals(), URL, "Quay; Ada") == "Ada Quay"


def test_choose_byline_ignores_teaser_lists_of_author_links() -> None:
    signals = PageSignals(rel_authors=["Ada Quay", "Ben Dock", "Cy Pier", "Di Wharf"])
    assert choose_byline(signals, URL, None) is None


def test_read_page_signals_reads_byline_elements_without_captions_or_comments() -> None:
    body = (
        '<figure><figcaption class="author">Photo: Cy Lens</figcaption></figure>'
        '<div class="article-author"><span>Ada Quay</span><span>Editor</span></div>'
        '<div class="comment-author">Reader One</div>'
    )
    signals = read_page_signals(page({}, body=body))
    assert signals.printed_bylines == ["Ada Quay Editor"]


def test_read_page_signals_reads_labelled_bylines_label_cut() -> None:
    body = (
        "<h2>Von Gold zu Silber</h2><p>von <a href='/autoren/ada'>Dr. Ada Quay</a></p>"
        "<ul><li><strong>Autorin/Autor</strong> Ben Dock</li></ul>"
    )
    signals = read_page_signals(page({}, body=body))
    assert signals.labelled_bylines == ["Gold zu Silber", "Dr. Ada Quay", "Ben Dock"]
    # a headline opening with the label word is passed over, the first person kept
    assert choose_byline(signals, URL, None) == "Dr. Ada Quay"
    # the JSON-LD crediting an organisation outweighs a labelled line
    signals.ld_authors = [Credit("Harbour Times Media", True)]
    assert choose_byline(signals, URL, None) is None


def test_choose_byline_falls_back_to_the_printed_byline() -> None:
    signals = PageSignals(
        meta_authors=["harbour-times.example"],
        printed_bylines=["05.03.2024 | 3 min", "capital", "von Ada Quay, Harbour Times"],
    )
    signals.site_names.append("Harbour Times")
    assert choose_byline(signals, URL, None) == "Ada Quay"
    # an organisation credited by the JSON-LD does not keep the printed person out
    signals.ld_authors = [Credit("Harbour Times Media", True)]
    assert choose_byline(signals, URL, None) == "Ada Quay"
    # the first byline element credits an agency: later ones are teasers' authors
    signals.printed_bylines = ["dpa Agency", "Von Ben Dock"]
    assert choose_byline(signals, URL, None) is None


def test_bold_name_paragraph_at_the_prose_edge_is_the_byline() -> None:
    prose = f"<p>{LEAD}</p>"
    body = f"<p><strong>Ada Quay</strong></p><p> </p>{prose}<p><b>Ben Dock</b></p>"
    signals = read_page_signals(page({}, body=body))
    assert signals.bold_names == ["Ada Quay", "Ben Dock"]
    assert choose_byline(signals, URL, None) == "Ada Quay"
    # one that is no person's name ("Updated", a label in lower case) is passed over
    signals.bold_names = ["Updated", "Ben Dock"]
    assert choose_byline(signals, URL, None) == "Ben Dock"
    # a bold phrase between two prose paragraphs is a subheading, not a byline
    body = f"{prose}<p><strong>Ada Quay</strong></p>{prose}<p>Short end.</p>"
    assert read_page_signals(page({}, body=body)).bold_names == []


def test_choose_byline_drops_a_role_label_after_the_name() -> None:
    signals = read_page_signals(
        page({}, body='<a rel="author" href="/ada"><h4>Ada Quay</h4><h5>Redakteurin</h5></a>')
    )
    assert signals.rel_authors == ["Ada Quay Redakteurin"]
    assert choose_byline(signals, URL, None) == "Ada Quay"
    # a credit written in lower case keeps its words
    signals = PageSignals(meta_authors=["Quayside staff reporter"])
    assert choose_byline(signals, URL, None) == "Quayside staff reporter"


def test_byline_element_of_contact_links_is_no_byline() -> None:
    body = '<div class="author-contact-wrapper">Twitter Facebook</div>'
    assert read_page_signals(page({}, body=body)).printed_bylines == []


def test_choose_byline_meta_author_picks_among_linked_names() -> None:
    signals = PageSignals(
        meta_authors=["Ada Quay"], rel_authors=["Ada Quay", "Ben Dock", "Ada Quay"]
    )
    assert choose_byline(signals, URL, None) == "Ada Quay"


def test_author_organisation_only_from_jsonld_author() -> None:
    signals = PageSignals(ld_authors=[Credit("dpa", True)], meta_authors=["Wire Town, Land"])
    assert choose_byline(signals, URL, "Wire Town") is None  # the org's town is no author
    assert author_organisation(signals) == "dpa"
    assert author_organisation(PageSignals()) is None


def test_choose_published_takes_jsonld_day_as_written() -> None:
    signals = PageSignals(ld_published=["2024-03-04T23:30:00-05:00"])
    assert choose_published(signals, datetime.date(2024, 3, 5)) == datetime.date(2024, 3, 4)
    assert choose_published(PageSignals(ld_published=["soon"]), None) is None


def test_with_lead_opens_text_once() -> None:
    assert with_lead("Body.", LEAD) == f"{LEAD}\nBody."
    assert with_lead(f"{LEAD}\nBody.", LEAD) == f"{LEAD}\nBody."
    assert with_lead("Body.", None) == "Body."

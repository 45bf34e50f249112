"""Metadata stage: outlet, dates, dateline, byline, language and counters from judged lines."""

from __future__ import annotations

import datetime
import json

import pytest

from tasks.clean import clean_dump
from tasks.dates import parse_date, parse_date_any_language
from tasks.metadata import extract_metadata, is_role, parse_dateline
from tests.conftest import SHARED
from tests.tasks.texts import BODY_EN


def _meta(text: str):
    return extract_metadata(clean_dump(text))


def test_wire_dateline_sets_place_outlet_and_keeps_paragraph() -> None:
    text = (
        "Harbour dredging to start next month\n\n"
        "Harbour dredging to start next month\n"
        "LORWICK, Norland, March 3 (Tidewire) -- Dredging of the inner harbour will start "
        "next month, the port authority said on Friday, after two years of delays.\n"
        "The work is expected to cost 12 million crowns.\n"
    )
    dump = clean_dump(text)
    meta = extract_metadata(dump)
    assert dump.paragraphs[0].startswith("LORWICK, Norland, March 3 (Tidewire) --")
    assert meta.title == "Harbour dredging to start next month"
    assert meta.dateline == "LORWICK, Norland"
    assert meta.outlet == "Tidewire"
    assert meta.published_date is None  # a dateline without a year does not date the story


def test_dateline_forms() -> None:
    place = parse_dateline("Bergstadt (Talpresse) – Die Stadt hat am Montag entschieden.")
    assert place is not None and (place.place, place.outlet) == ("Bergstadt", "Talpresse")
    dated = parse_dateline("PORT AMBLE, 16 May — Ferries were cancelled on Tuesday.")
    assert dated is not None and dated.place == "PORT AMBLE" and dated.date is None
    assert parse_dateline("The mayor said the plan - which was late - would pass.") is None


def test_spanish_label_date_and_source_line() -> None:
    text = (
        "Abre el nuevo mercado de Valdeluz\n"
        "Publicado el 4 de marzo de 2022 · 10:15\n"
        "Fuente: Agencia Sur\n"
        "El nuevo mercado municipal de Valdeluz abrió sus puertas el viernes con 40 puestos, "
        "según informó el ayuntamiento en un comunicado.\n"
        "La obra costó dos millones de euros y fue financiada por la provincia.\n"
    )
    meta = _meta(text)
    assert meta.published_date == datetime.date(2022, 3, 4)
    assert meta.outlet == "Agencia Sur"
    assert meta.language == "es"


def test_russian_and_german_date_labels() -> None:
    assert parse_date("Опубликовано: 12 апреля 2021, 14:05") == datetime.date(2021, 4, 12)
    assert parse_date("Dienstag, 6. Juni 2023") == datetime.date(2023, 6, 6)
    text = (
        "Neue Brücke in Talheim eröffnet\n"
        "Erstellt: 03.02.2022, 10:00 Uhr\n"
        "Aktualisiert: 04.02.2022, 08:30 Uhr\n"
        "Die neue Brücke über die Tal ist am Donnerstag für den Verkehr freigegeben worden, "
        "wie die Stadtverwaltung mitteilte.\n"
        "Die Bauarbeiten hatten zwei Jahre gedauert.\n"
    )
    assert _meta(text).published_date == datetime.date(2022, 2, 3)  # created, not updated


def test_ambiguous_and_relative_dates_are_none() -> None:
    assert parse_date("04/05/2022") is None
    assert parse_date("16/05/2023") == datetime.date(2023, 5, 16)
    assert parse_date("05/16/2023") == datetime.date(2023, 5, 16)
    text = "Market reopens after fire\nUpdated 3 hours ago\n" + BODY_EN
    assert _meta(text).published_date is None


def test_outlet_line_after_headline() -> None:
    text = "Rowing club wins regional title\n\nNBN\nRowing club wins regional title\n\n" + BODY_EN
    dump = clean_dump(text)
    assert [line.reason for line in dump.lines if line.text == "NBN"] == ["outlet_line"]
    assert extract_metadata(dump).outlet == "NBN"


def test_byline_outlet_and_site_name_fallback() -> None:
    text = (
        "Rowing club wins regional title | Lakeside Herald\n"
        "Rowing club wins regional title\n"
        "By Mara Quill, Easton Courier\n" + BODY_EN + "© 2021 Lakeside Herald Ltd\n"
    )
    meta = _meta(text)
    assert meta.title == "Rowing club wins regional title"
    assert meta.byline == "Mara Quill"
    assert meta.outlet == "Easton Courier"
    no_byline = "\n".join(line for line in text.splitlines() if not line.startswith("By "))
    assert _meta(no_byline).outlet == "Lakeside Herald"


def test_language_host_language_and_counters() -> None:
    text = (
        "Rowing club wins regional title\n"
        "Diese Website verwendet Cookies. Mit der Nutzung stimmen Sie unserer "
        "Datenschutzerklärung zu.\n"
        "Artikel teilen\n" + BODY_EN + "1.204 Aufrufe\nKommentare (7)\n"
    )
    meta = _meta(text)
    assert meta.language == "en"
    assert meta.host_language == "de"
    assert meta.n_views == 1204
    assert meta.n_comments == 7


def test_devset_metadata_matches_gold() -> None:
    devset = SHARED / "devset"
    if not (devset / "gold.jsonl").is_file():
        pytest.skip("devset not available")
    records = [json.loads(line) for line in (devset / "gold.jsonl").read_text().splitlines()]
    hits = {"title": 0, "outlet": 0, "published": 0, "dateline": 0, "language": 0}
    for record in records:
        meta = _meta((devset / record["file"]).read_text(encoding="utf-8"))
        published = meta.published_date.isoformat() if meta.published_date else None
        got = {
            "title": meta.title,
            "outlet": (meta.outlet or "").casefold() or None,
            "published": published,
            "dateline": (meta.dateline or "").casefold() or None,
            "language": meta.language,
        }
        want = dict(record)
        want["outlet"] = (record["outlet"] or "").casefold() or None
        want["dateline"] = (record["dateline"] or "").casefold() or None
        for field in hits:
            hits[field] += got[field] == want[field]
    for field, n in hits.items():
        assert n >= 0.9 * len(records), (field, n)


def test_job_title_in_byline_is_not_the_outlet() -> None:
    text = (
        "Rowing club wins regional title\n"
        "By Mara Quill, Sports Editor\n" + BODY_EN + "© 2021 Easton Courier\n"
    )
    meta = _meta(text)
    assert meta.byline == "Mara Quill"
    assert meta.outlet == "Easton Courier"
    wired = text.replace("Sports Editor", "Sports Editor, Norland Press")
    assert _meta(wired).outlet == "Norland Press"
    assert is_role("corresponsal en Madrid") and is_role("Redakteur") and is_role("rédacteur")
    assert is_role("Local democracy reporter") and is_role("Senior Political")
    assert not is_role("The Evening Reporter") and not is_role("Business Daily")


def test_copyright_holder_stops_at_footer_links() -> None:
    body = BODY_EN.replace("\n", "\n\n")
    for footer in (
        "© 2022 Talbach Verlag · Impressum · Datenschutz",
        "© 2022 Talbach Verlag | Impressum | Datenschutz",
        "Copyright 2022 Talbach • Privacy policy • Terms",
        "© 2022 Talbach Verlag Impressum Datenschutz",
    ):
        text = "Rowing club wins regional title\n\n" + body + footer + "\n"
        assert _meta(text).outlet == "Talbach", footer


def test_masthead_beats_the_publishing_company() -> None:
    text = (
        "Easton Courier\nMenu\nRowing club wins regional title\nRowing club wins regional title\n"
        + BODY_EN
        + "© Easton Media 2021\n"
    )
    assert _meta(text).outlet == "Easton Courier"
    other = text.replace("© Easton Media", "© Norland Holdings")
    assert _meta(other).outlet == "Norland Holdings"


def test_capitalised_place_closed_by_a_full_stop_is_a_dateline() -> None:
    place = parse_dateline("VALDORIA. El ayuntamiento cerrará el mercado el lunes.")
    assert place is not None and place.place == "VALDORIA" and place.outlet is None
    assert parse_dateline("U.S. officials said the talks would resume.") is None
    assert parse_dateline("NATO said on Monday it would send more ships.") is None


def test_date_labels_outside_the_month_lexicon_fall_back_to_dateparser() -> None:

    assert parse_date_any_language("Δημοσιεύθηκε: 5 Μαρτίου 2019") == datetime.date(2019, 3, 5)
    assert parse_date_any_language("Diterbitkan: 12 Januari 2021") == datetime.date(2021, 1, 12)
    assert parse_date_any_language("Published 2 hours ago") is None
    assert parse_date_any_language("Posted 03/04/2019") is None  # day/month order unknown


@pytest.mark.parametrize(
    ("label", "date"),
    [
        ("Fecha de publicación: 5 de marzo de 2019", datetime.date(2019, 3, 5)),
        ("Опубликовано: 12.04.2018", datetime.date(2018, 4, 12)),
        ("Veröffentlicht am 2. Mai 2020", datetime.date(2020, 5, 2)),
        ("Publié le 3 avril 2021 à 10h12", datetime.date(2021, 4, 3)),
        ("Opublikowano: 12 kwietnia 2018", datetime.date(2018, 4, 12)),
        ("Yayınlanma: 12 Nisan 2018", datetime.date(2018, 4, 12)),
        ("Publicado em 5 de março de 2019", datetime.date(2019, 3, 5)),
        ("Published 04/05/2022", None),  # day and month order unknown: left null
    ],
)
def test_date_labels_in_the_host_language(label: str, date: datetime.date | None) -> None:
    text = "Library reopens after flood\n" + label + "\n\n" + BODY_EN
    dump = clean_dump(text)
    assert [line.reason for line in dump.lines if line.text == label] == ["date_label"]
    assert extract_metadata(dump).published_date == date


def test_a_dateline_without_year_takes_the_one_year_stated_elsewhere() -> None:
    body = (
        "LORWICK, Norland, Sept. 5 (Tidewire) -- Dredging of the inner harbour will start "
        "next month, the port authority said on Friday, after two years of delays.\n"
        "The work is expected to cost 12 million crowns.\n"
    )
    dated = "Harbour dredging to start in 2017\nBy Ann Lee | Winter 2016\n\n" + body
    meta = _meta(dated)
    assert meta.published_date == datetime.date(2016, 9, 5)  # not the headline's 2017
    url = "Harbour dredging\nhttps://news.example.org/2016/ports/dredging\n\n" + body
    assert _meta(url).published_date == datetime.date(2016, 9, 5)
    assert (meta.dateline, meta.outlet) == ("LORWICK, Norland", "Tidewire")
    archive = "Harbour dredging\nArchive: 2015 | 2016\n\n" + body + "© 2024 Tidewire\n"
    assert _meta(archive).published_date is None  # two years: no guess; copyright ignored


def test_wire_credits_feed_the_outlet() -> None:
    from tasks.metadata import _byline_parts, wire_credit

    assert _byline_parts("By Ada Quay / Harbour Times via Wirelink")[:2] == ("Ada Quay", "Wirelink")
    assert wire_credit("via Wirelink") == ("", "Wirelink")
    assert wire_credit("The report was sent via email") == ("The report was sent via email", None)
    assert _byline_parts("By Ada Quay, Harbour Newspapers")[:2] == ("Ada Quay", "Harbour")


def test_town_country_dateline_without_capitals() -> None:
    dateline = parse_dateline("Tromsø, Norway — The council voted on Monday.")
    assert dateline is not None and dateline.place == "Tromsø, Norway"
    assert parse_dateline("However, the council — said it had voted.") is None


def test_country_in_parentheses_stays_with_the_place_in_every_lexicon_language() -> None:
    for paragraph, place in (
        ("Bamako (Mali) — Le gouvernement a annoncé mardi un accord.", "Bamako (Mali)"),
        ("Rosario (Argentinien) – Die Stadt hat am Montag gewählt.", "Rosario (Argentinien)"),
        ("Kazan (Россия) — Город объявил о выборах.", "Kazan (Россия)"),
    ):
        dateline = parse_dateline(paragraph)
        assert dateline is not None and (dateline.place, dateline.outlet) == (place, None)
    # the wire in parentheses is still the outlet, lower-case short names included
    for paragraph, outlet in (
        ("OSLO (Wirelink) — The council voted.", "Wirelink"),
        ("Berlin (dpa) – Die Regierung hat entschieden.", "dpa"),
    ):
        dateline = parse_dateline(paragraph)
        assert dateline is not None and dateline.outlet == outlet
    assert parse_dateline("Le président (photo) — a parlé hier.") is None


def test_person_beside_outlet_is_a_byline_and_never_the_title() -> None:
    body = [
        "The harbour council approved the new ferry timetable on Monday after a long debate.",
        "Councillors said the winter crossings would run twice a day, with boats at weekends.",
    ]
    text = "\n\n".join(["Ada Quay | Harbour Times", "Harbour council backs ferry timetable", *body])
    dump = clean_dump(text)
    meta = extract_metadata(dump)
    assert dump.title == "Harbour council backs ferry timetable"
    assert (meta.byline, meta.outlet) == ("Ada Quay", "Harbour Times")
    # a headline beside its site has its "to", "all": not a person
    text = "\n\n".join(["Ferries to run all winter | Harbour Times", *body])
    assert extract_metadata(clean_dump(text)).byline is None

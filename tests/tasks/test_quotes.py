"""Tests for the quotes stage: marks, cues and speakers on tiny invented articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from tasks.quotes import Quote, extract_quotes
from tasks.quotes.cues import cue_lexicon
from tasks.quotes.marks import find_quote_spans
from tasks.quotes.settings import MAX_QUOTE_CHARS
from tasks.quotes.speakers import NAME_RUN, POSSESSIVE_ENDINGS, ArticleSpeakers

SHARED = Path(__file__).resolve().parents[3] / "shared"


def only_quote(body: str, language: str | None = "en") -> Quote:
    quotes = extract_quotes(body, language)
    assert len(quotes) == 1, quotes
    return quotes[0]


def assert_offsets_match(body: str, quotes: list[Quote]) -> None:
    for quote in quotes:
        if "\n\n" not in body[quote.char_start : quote.char_end]:
            assert body[quote.char_start : quote.char_end] == quote.text


# ---- marks -------------------------------------------------------------------------------


def test_empty_and_blank_bodies_have_no_quotes() -> None:
    assert extract_quotes("", "en") == []
    assert extract_quotes(" \n\n \t", None) == []


def test_apostrophes_inside_words_are_not_quote_marks() -> None:
    body = "Don't worry, it's the team's best season. L’essentiel, aujourd’hui, c’est l’eau."
    assert extract_quotes(body, "en") == []
    assert find_quote_spans(body) == []


def test_scare_quotes_are_dropped_and_fragments_are_partial() -> None:
    body = (
        'Critics called the plan "reckless" and said it would "empty the reserve fund '
        'within two years," council member Dana Whitcombe said.'
    )
    quote = only_quote(body)
    assert quote.text == "empty the reserve fund within two years"
    assert quote.quote_type == "partial"
    assert quote.speaker == "Dana Whitcombe"
    assert_offsets_match(body, [quote])


def test_trailing_comma_dropped_and_final_period_kept() -> None:
    body = '"We start at dawn," said Ada Morrow. "Nobody will be left behind."'
    first, second = extract_quotes(body, "en")
    assert first.text == "We start at dawn"
    assert second.text == "Nobody will be left behind."
    assert_offsets_match(body, [first, second])


@pytest.mark.parametrize(
    ("language", "body", "text"),
    [
        ("en", "“Curly marks are fine here,” she said.", "Curly marks are fine here"),
        (
            "fr",
            "« Des guillemets espacés aussi », a dit Luc Berthet.",
            "Des guillemets espacés aussi",
        ),
        (
            "fr",
            "«\u00a0Avec une espace insécable\u00a0», a dit Luc Berthet.",
            "Avec une espace insécable",
        ),
        ("de", "„Deutsche Zeichen gehen auch“, sagte Jana Roth.", "Deutsche Zeichen gehen auch"),
        (
            "de",
            "»Umgekehrte Zeichen gehen auch«, sagte Jana Roth.",
            "Umgekehrte Zeichen gehen auch",
        ),
        ("fr", "‹ Des chevrons simples aussi ›, a dit Luc Berthet.", "Des chevrons simples aussi"),
        ("en", "'Single marks work too,' said Ada Morrow.", "Single marks work too"),
    ],
)
def test_each_kind_of_mark_pairs(language: str, body: str, text: str) -> None:
    quote = only_quote(body, language)
    assert quote.text == text
    assert_offsets_match(body, [quote])


def test_nested_quote_stays_inside_the_outer_one() -> None:
    body = "\"He told me 'we are finished here today' and walked out,\" said Jo Park."
    quote = only_quote(body)
    assert quote.text == "He told me 'we are finished here today' and walked out"
    assert quote.speaker == "Jo Park"


def test_guillemets_nest_in_themselves() -> None:
    body = "«Город назвал «разумным» наш план по ремонту моста», — сказала Анна Смирнова."
    quote = only_quote(body, "ru")
    assert quote.text == "Город назвал «разумным» наш план по ремонту моста"
    assert quote.speaker == "Анна Смирнова"


def test_a_stray_closing_guillemet_opens_nothing() -> None:
    body = "Турнир прошел в январе 2019». «Я тренировался каждый день на ферме», — сказала Анна."
    quote = only_quote(body, "ru")
    assert quote.text == "Я тренировался каждый день на ферме"


def test_quote_over_two_paragraphs_is_one_quote() -> None:
    body = (
        'Union leader Ruth Ambler said members were ready. "If we have to strike again, '
        "we will strike again.\n\n"
        '"What we want is a fair offer on the table."'
    )
    quote = only_quote(body)
    assert quote.text == (
        "If we have to strike again, we will strike again. "
        "What we want is a fair offer on the table."
    )
    assert body[quote.char_start : quote.char_start + 9] == "If we hav"
    assert body[: quote.char_end].endswith("on the table.")
    assert quote.speaker == "Ruth Ambler"


def test_unbalanced_mark_costs_only_its_paragraph() -> None:
    body = (
        'He said "this one never closes and just keeps going on.\n\n'
        'Later, "a real quote sits right here," said Jo Park.'
    )
    quote = only_quote(body)
    assert quote.text == "a real quote sits right here"
    assert quote.speaker == "Jo Park"


def test_thousands_of_marks_neither_crash_nor_swallow_the_article() -> None:
    bodies = [
        '"one two three" ' * 3000,
        '"' * 5000,
        "“”" * 3000,
        "«" * 2000 + " words in between here " + "»" * 2000,
        ('a "b ' * 3000) + "\n\n" + ("„c “ d ‚e ‘ " * 1000),
        "x" * 10 + '"' + "word " * 3000 + '"',
    ]
    for body in bodies:
        for quote in extract_quotes(body, None):
            assert quote.char_end - quote.char_start <= MAX_QUOTE_CHARS


def test_quote_too_long_to_be_real_is_skipped() -> None:
    body = 'Stray "mark ' + "and many more words " * 400 + 'end" here.'
    assert extract_quotes(body, "en") == []


def test_sign_without_author_has_no_speaker() -> None:
    quote = only_quote('A notice on the library door read: "Closed until further notice, sorry."')
    assert quote.speaker is None
    assert quote.speaker_kind == "unknown"


def test_titles_of_works_are_not_quotes() -> None:
    body = 'Ada Morrow told "Face the Nation" she was "ready to serve the whole county."'
    quote = only_quote(body)
    assert quote.text == "ready to serve the whole county."


# ---- cues and speakers ----------------------------------------------------------------


def test_surname_widens_to_the_fullest_name() -> None:
    body = (
        "Harbour chief Graham Ollerton inspected the quay.\n\n"
        '"We will reopen the quay by spring," Ollerton said.'
    )
    quote = only_quote(body)
    assert quote.speaker == "Graham Ollerton"
    assert quote.speaker_kind == "person"
    assert quote.cue == "said"


def test_pronoun_and_following_quote_take_the_last_named_person() -> None:
    body = (
        "Mayor Tom Okonkwo opened the meeting.\n\n"
        '"Nobody leaves this room without a plan," he said. "We owe the town that much."'
    )
    first, second = extract_quotes(body, "en")
    assert first.speaker == second.speaker == "Tom Okonkwo"


def test_title_resolves_to_the_named_holder() -> None:
    body = (
        "Mayor Tom Okonkwo opened the meeting. Residents were angry.\n\n"
        '"We are listening to every complaint," the mayor said.'
    )
    assert only_quote(body).speaker == "Tom Okonkwo"


def test_unnamed_source_keeps_its_description() -> None:
    body = 'The levee held. "The water peaked just below the top," a senior county engineer said.'
    quote = only_quote(body)
    assert quote.speaker == "a senior county engineer"
    assert quote.speaker_kind == "unnamed"
    body = '"The talks went better than expected," the official said afterwards.'
    assert only_quote(body).speaker == "the official"


def test_said_first_then_name_and_apposition() -> None:
    body = '"The vote was close," said Ruth Ambler, the union\'s regional secretary.'
    assert only_quote(body).speaker == "Ruth Ambler"


def test_colon_introduction_and_told_reporters() -> None:
    assert only_quote('Priya Raman said: "The spillway works as designed."').speaker == (
        "Priya Raman"
    )
    quote = only_quote('Priya Raman told reporters "the spillway works as designed" today.')
    assert quote.speaker == "Priya Raman"
    assert quote.cue == "told"
    body = "First through the new gates was Marta Sölve, 79: «I waited forty years for this»."
    assert only_quote(body, "en").speaker == "Marta Sölve"


def test_according_to_names_the_speaker() -> None:
    body = 'The dam is "safe for another decade at least", according to Priya Raman, a hydrologist.'
    quote = only_quote(body)
    assert quote.speaker == "Priya Raman"
    assert quote.cue == "according to"


def test_quoted_as_saying_gives_speaker_and_relay() -> None:
    body = (
        '"We have reached an understanding on the route," '
        "the Valley Courier quoted Priya Raman as saying."
    )
    quote = only_quote(body)
    assert quote.speaker == "Priya Raman"
    assert quote.via == "Valley Courier"
    assert quote.cue == "quoted ... as saying"


def test_according_to_after_a_named_speaker_is_a_relay() -> None:
    body = 'Ada Morrow said, "The talks will resume within a few days," according to the Ledger.'
    quote = only_quote(body)
    assert quote.speaker == "Ada Morrow"
    assert quote.via == "Ledger"


def test_trailing_dash_names_the_speaker() -> None:
    assert only_quote('"The spillway works exactly as designed." — Priya Raman').speaker == (
        "Priya Raman"
    )


def test_quote_with_no_cue_has_no_invented_speaker() -> None:
    body = 'The report ends with one line: "All of this could have been avoided."\n\nRain fell.'
    assert only_quote(body).speaker is None


def test_organisation_speaker() -> None:
    body = '"Services will resume on Monday morning," the transport ministry said.'
    quote = only_quote(body)
    assert quote.speaker == "the transport ministry"
    assert quote.speaker_kind == "organization"


@pytest.mark.parametrize(
    ("language", "body", "speaker", "cue"),
    [
        (
            "es",
            "La alcaldesa de Portobello, Inés Carvajal Ruiz, visitó la zona.\n\n"
            "«Tenemos todo lo necesario para las familias», aseguró.",
            "Inés Carvajal Ruiz",
            "aseguró",
        ),
        (
            "es",
            "«No vamos a permitir más retrasos en la obra», dijo el ministro de Obras, "
            "Julián Rey Soto, en una rueda de prensa.",
            "Julián Rey Soto",
            "dijo",
        ),
        (
            "es",
            "«Nadie nos avisó a tiempo de nada», dijo una vecina que prefirió no dar su nombre.",
            "una vecina",
            "dijo",
        ),
        (
            "de",
            "Bürgermeisterin Karin Vogt war erleichtert. "
            "„Wir haben großes Glück gehabt“, sagte Vogt.",
            "Karin Vogt",
            "sagte",
        ),
        (
            "de",
            "Karin Vogt trat vor die Presse. "
            "Sie sagte: „Die Feuerwehr hat hervorragend gearbeitet.“",
            "Karin Vogt",
            "sagte",
        ),
        (
            "de",
            "»Das Wasser steigt weiter an«, sagte ein Sprecher der Feuerwehr.",
            "ein Sprecher der Feuerwehr",
            "sagte",
        ),
        (
            "fr",
            "La ministre Claire Dutour a visité le site.\n\n"
            "« Nous allons tout reconstruire avant l’hiver », a-t-elle lancé.",
            "Claire Dutour",
            "a-t-elle lancé",
        ),
        (
            "fr",
            "« Le marché a perdu la moitié de ses clients », estime Josette Marnier, 64 ans.",
            "Josette Marnier",
            "estime",
        ),
        (
            "it",
            "«Siamo pronti a ripartire da domani mattina», "
            "ha detto il sindaco di Rocca, Luca Ferri.",
            "Luca Ferri",
            "ha detto",
        ),
        (
            "it",
            "All’incontro c’era anche l’assessore Paolo Riva, "
            "secondo cui il cantiere «chiuderà entro la fine di marzo».",
            "Paolo Riva",
            "secondo cui",
        ),
        (
            "ru",
            "«Мы восстановим мост до конца года», — сказал губернатор Иван Петров.",
            "Иван Петров",
            "сказал",
        ),
        (
            "pt",
            "“Vamos reconstruir tudo até o fim do ano”, disse o prefeito João Matos.",
            "João Matos",
            "disse",
        ),
    ],
)
def test_speech_cues_per_language(language: str, body: str, speaker: str, cue: str) -> None:
    quote = only_quote(body, language)
    assert quote.speaker == speaker
    assert quote.cue == cue
    assert_offsets_match(body, [quote])


def test_unknown_language_uses_every_language_cue() -> None:
    body = "«Las obras terminan en mayo sin falta», dijo Marta Oyarzun."
    assert only_quote(body, None).speaker == "Marta Oyarzun"


# ---- descriptions, titles, roles and pronouns -------------------------------------------


@pytest.mark.parametrize(
    ("language", "body", "speaker"),
    [
        (
            "fr",
            "Un restaurateur de la place du Marché se réjouit : « Les clients reviennent enfin "
            "chez nous. »",
            "Un restaurateur de la place du Marché",
        ),
        (
            "fr",
            "Un restaurateur de la place du Marché se dit « prêt à doubler sa terrasse ».",
            "Un restaurateur de la place du Marché",
        ),
        (
            "fr",
            "« On ne dort plus la nuit ici », se désole une habitante de la rue Haute qui vit là "
            "depuis vingt ans.",
            "une habitante de la rue Haute",
        ),
        (
            "fr",
            "Un habitant de la rue Haute, qui vit là depuis vingt ans, explique : « On ne dort "
            "plus la nuit ici. »",
            "Un habitant de la rue Haute",
        ),
        (
            "es",
            "«Mi madre tiene noventa años. ¿Qué hacemos?», se preguntaba una vecina del barrio "
            "de San Roque.",
            "una vecina del barrio de San Roque",
        ),
    ],
)
def test_description_ends_before_its_verb_and_clause(
    language: str, body: str, speaker: str
) -> None:
    quote = only_quote(body, language)
    assert quote.speaker == speaker
    assert quote.speaker_kind == "unnamed"


@pytest.mark.parametrize(
    ("language", "body", "speaker"),
    [
        ("en", '"The valve failed under load," said Engineer Anna Lindqvist.', "Anna Lindqvist"),
        (
            "en",
            'Lead Engineer Anna Lindqvist told reporters: "The valve failed under load."',
            "Anna Lindqvist",
        ),
        ("en", '"We will not back down," Coach Jane Holt said.', "Jane Holt"),
        (
            "en",
            '"We remain open to talks with everyone," said Secretary of State Jane Holt.',
            "Jane Holt",
        ),
        (
            "de",
            "„Wir bauen die Brücke bis zum Sommer neu“, sagte Stadträtin Gesine Rautenberg.",
            "Gesine Rautenberg",
        ),
        (
            "de",
            "„Wir bauen die Brücke bis zum Sommer neu“, sagte Ingenieurin Gesine Rautenberg.",
            "Gesine Rautenberg",
        ),
        ("es", "«Cerramos el puente mañana», dijo el ingeniero Pablo Gil.", "Pablo Gil"),
        (
            "fr",
            "« Nous fermerons le pont demain », a déclaré l’ingénieure Claire Dupont.",
            "Claire Dupont",
        ),
        ("it", "«Chiuderemo il ponte domani», ha detto l’ingegnere Paolo Riva.", "Paolo Riva"),
    ],
)
def test_role_words_are_not_part_of_the_name(language: str, body: str, speaker: str) -> None:
    assert only_quote(body, language).speaker == speaker


def test_name_before_a_role_word_only_qualifies_the_role() -> None:
    body = (
        "Kingsport Rovers won again on Saturday.\n\n"
        'Rovers boss Lacey: "We can still make the play-offs this year."'
    )
    assert only_quote(body).speaker == "Lacey"


def test_colon_takes_the_person_of_the_clause_before_it() -> None:
    body = (
        "With Labour leaders worried about turnout in Harwick and Dunmere, Mayor Bronagh "
        'Kell is trying a new message: "This election is about you."'
    )
    assert only_quote(body).speaker == "Bronagh Kell"


def test_participle_speaker_is_the_subject_of_the_main_clause() -> None:
    body = (
        "Jane Holt faulted Tom Reeve over his record in Ardenholt and Skarfell, saying, "
        '"He is not fit to run the depot."'
    )
    assert only_quote(body).speaker == "Jane Holt"


def test_participle_right_after_a_name_is_that_name() -> None:
    body = (
        "Oskar Vellenga played a clip in which Liv Hartsen is heard saying, "
        '"We will appeal this decision."'
    )
    assert only_quote(body).speaker == "Liv Hartsen"


@pytest.mark.parametrize("dash", ["—", "―", "–"])
def test_byline_dashes_name_the_speaker(dash: str) -> None:
    body = f"“This is the best plan we have ever seen.” {dash} Oscar P. Quintero"
    assert only_quote(body).speaker == "Oscar P. Quintero"


def test_dash_before_a_lowercase_phrase_names_no_one() -> None:
    body = "“We saw the suburbs of the capital burn” — a metaphor for the Union’s retreat."
    assert only_quote(body).speaker is None


@pytest.mark.parametrize(
    ("language", "body", "speaker"),
    [
        (
            "en",
            "Mrs. Jane Holt chairs the board. She met Mr. Tom Reeve at the depot.\n\n"
            '"We will not close the depot this year," she said.',
            "Jane Holt",
        ),
        (
            "en",
            "Mr. Tom Reeve runs the depot. He met Mrs. Jane Holt on Monday.\n\n"
            '"We will not close the depot this year," he said.',
            "Tom Reeve",
        ),
        (
            "es",
            "La alcaldesa Marta Ruiz visitó la obra con el ingeniero Pablo Gil.\n\n"
            "«Vamos a cerrar el puente mañana», dijo ella.",
            "Marta Ruiz",
        ),
        (
            "fr",
            "La maire Claire Dupont a visité le chantier avec M. Paul Martin.\n\n"
            "« Nous fermerons le pont demain », a-t-elle déclaré.",
            "Claire Dupont",
        ),
        (
            "de",
            "Bürgermeisterin Gesine Rautenberg besuchte die Baustelle mit Herrn Jan Vogt.\n\n"
            "„Wir bauen die Brücke bis zum Sommer neu“, sagte sie.",
            "Gesine Rautenberg",
        ),
    ],
)
def test_pronoun_skips_a_person_of_the_other_gender(language: str, body: str, speaker: str) -> None:
    assert only_quote(body, language).speaker == speaker


def test_pronoun_without_gender_evidence_takes_the_last_person() -> None:
    body = (
        "Jane Holt chairs the board. She met Tom Reeve at the depot.\n\n"
        '"We will not close the depot this year," he said.'
    )
    assert only_quote(body).speaker == "Tom Reeve"


# ---- the real seeds, when the shared folder is present ----------------------------------


def seed_texts() -> list[str]:
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip("shared seeds not available")
    return [path.read_text(encoding="utf-8") for path in sorted(seeds.glob("*.txt"))]


def test_seed_quotes_and_speakers_are_found() -> None:
    texts = seed_texts()
    found = [quote for text in texts for quote in extract_quotes(text, "en")]
    by_opening = {quote.text[:25]: quote for quote in found}
    expected = {
        "Against all odds we have ": ("Putin", "TASS"),
        "It is early now to speak ": ("Putin", "TASS"),
        "It's clear now what our r": ("official", None),
        "Typically the tones of ou": ("Obama", None),
        "We haven't yet closed the": ("Obama", None),
        "longer than planned": ("Peskov", None),
    }
    for opening, (speaker_word, via) in expected.items():
        quote = by_opening.get(opening)
        assert quote is not None, opening
        assert quote.speaker is not None and speaker_word in quote.speaker
        if via is not None:
            assert quote.via == via
    for text in texts:
        assert_offsets_match(text, extract_quotes(text, "en"))


def test_runs_of_a_word_are_those_a_whole_body_scan_finds() -> None:
    body = (
        "Anna Lindqvist’s aide, Jo Lindqvist, met Lindqvist\u00a0Berg. Mr. Lindqvist Lindqvist "
        '(Lindqvist) said "Lindqvist is here." O\'Brien-Lindqvist and de Lindqvist, 2024.'
    )
    speakers = ArticleSpeakers(body, find_quote_spans(body), cue_lexicon("en"))
    expected: dict[str, list[tuple[int, int]]] = {}
    for run in NAME_RUN.finditer(body):
        for word in run.group().split():
            if word.endswith(POSSESSIVE_ENDINGS):
                word = word[: -2 if word[-1] == "s" else -1]
            expected.setdefault(word, []).append(run.span())
    for word in [*expected, "Lind", "Lindqvist Berg", "", "2024"]:
        found = [run.span() for run in speakers._runs_with_token(word)]
        assert found == expected.get(word, [])


def test_markup_attribute_value_is_no_quote() -> None:
    body = (
        '<tweet pic="pic.twitter.com/abc" author="jo_reed">Rates are up again today</tweet>\n\n'
        "“We will not raise them again this year,” the bank said."
    )
    assert [q.text for q in extract_quotes(body, "en")] == [
        "We will not raise them again this year"
    ]

"""Speaker rules of the quotes stage on invented sentences, several languages each."""

from __future__ import annotations

import pytest

from tasks.quotes import Quote, extract_quotes


def quotes_of(body: str, language: str = "en") -> list[Quote]:
    return [q for q in extract_quotes(body, language) if q.quote_type != "indirect"]


def speaker_of(body: str, words: str, language: str = "en") -> str | None:
    """The speaker of the quote holding `words`."""
    found = [q for q in quotes_of(body, language) if words in q.text]
    assert len(found) == 1, quotes_of(body, language)
    return found[0].speaker


def test_nested_curly_quote_stays_inside_and_the_dash_names_the_speaker() -> None:
    body = (
        "“He keeps telling us “trust me” but nobody in this town does anymore.” ― Nadia Quell"
        "\n\n“We will vote for the other one this time around.” ― Tomas Vireo"
    )
    first, second = quotes_of(body)
    assert first.text.startswith("He keeps telling us") and first.text.endswith("anymore.")
    assert (first.speaker, second.speaker) == ("Nadia Quell", "Tomas Vireo")


def test_a_short_span_between_does_not_hand_on_an_older_speaker() -> None:
    body = (
        "“The bank has to answer for every account,” Senator Ivo Marchetti said.\n\n"
        "Mayor Greta Lindahl was more careful. Though she called Harbour Bank’s conduct "
        "“shameful” and asked for bonuses to be “paid back” by managers, Lindahl said little "
        "else.\n\n"
        "“If a bank cannot be run safely, it should be split up.”"
    )
    assert speaker_of(body, "split up") == "Greta Lindahl"


def test_pronoun_subject_looks_back_from_its_verb_not_from_the_quote() -> None:
    body = (
        "Carla Benning chairs the inquiry. She described Oskar Pfeil’s report as "
        "“a careful piece of work with one large gap.”"
    )
    assert speaker_of(body, "careful piece") == "Carla Benning"


def test_but_starts_a_clause_with_a_speaker_of_its_own() -> None:
    body = (
        "Ruth Amsel waved at the screen. “Are we ahead?” she asked, but Omar Keel "
        "went on about “the roads we will build next year,” and the hall cheered."
    )
    assert speaker_of(body, "roads we will build") == "Omar Keel"


def test_apposition_after_a_plural_source_noun_is_not_the_speaker() -> None:
    body = (
        "Officials at the Coastal Survey Office, a branch of the Marine Ministry, said the "
        'maps "may be years out of date in the northern channels."'
    )
    assert speaker_of(body, "out of date") == "Officials at the Coastal Survey Office"


@pytest.mark.parametrize(
    ("language", "body", "speaker"),
    [
        (
            "en",
            "“The river rose faster than any model said it could,” Hanna Veltri, the "
            "hydrologist who has measured the basin for the regional water board since the "
            "floods of the nineties, told the local radio.",
            "Hanna Veltri",
        ),
        (
            "es",
            "«El río subió más rápido de lo que decía cualquier modelo», Lucía Ferrer Oña, "
            "hidróloga de la confederación que mide la cuenca desde las riadas de los años "
            "noventa y asesora al ayuntamiento, explicó a la radio local.",
            "Lucía Ferrer Oña",
        ),
    ],
)
def test_name_before_a_long_apposition_is_the_speaker(
    language: str, body: str, speaker: str
) -> None:
    assert speaker_of(body, "r", language) == speaker


def test_participle_tweeting_takes_the_subject_of_the_sentence() -> None:
    body = (
        "Howard Brisk, a former party chairman, poked fun at the debate, tweeting, "
        "“Watch him drink water every two minutes. Nervous?”"
    )
    assert speaker_of(body, "drink water") == "Howard Brisk"


def test_horizontal_bar_asides_do_not_hide_the_subject() -> None:
    body = (
        "When Dalia Korr noted that the firm paid no tax ― as was true for three of the last "
        "five years ― Ansel Brook boasted, “That makes me a good manager.”"
    )
    assert speaker_of(body, "good manager") == "Ansel Brook"


def test_party_label_with_a_place_of_several_words_is_not_the_speaker() -> None:
    body = (
        '"This is a big year for all of us here!" Del. Maria Castell (D-Newport News) '
        'shouted. "The state is watching this district."'
    )
    first, second = quotes_of(body)
    assert first.speaker == second.speaker == "Maria Castell"


@pytest.mark.parametrize(
    ("language", "body", "speaker"),
    [
        (
            "ru",
            "Министр Олег Давыдов выступил в Думе. "
            "«Мы не будем повышать налоги в этом году», — заявил он.",
            "Олег Давыдов",
        ),
        (
            "de",
            "Die Bürgermeisterin Anke Brösel besuchte die Schule. "
            "„Wir bauen die Turnhalle bis zum Herbst neu“, sagte sie.",
            "Anke Brösel",
        ),
        (
            "fr",
            "La maire Hélène Vasseur a visité le chantier. "
            "« Nous rouvrirons le pont avant l’hiver », a-t-elle déclaré.",
            "Hélène Vasseur",
        ),
        (
            "it",
            "Il sindaco Paolo Lenzi ha visitato il cantiere. "
            "«Il ponte riaprirà prima dell’inverno», ha detto.",
            "Paolo Lenzi",
        ),
    ],
)
def test_pronoun_or_bare_verb_takes_the_person_just_named(
    language: str, body: str, speaker: str
) -> None:
    (quote,) = quotes_of(body, language)
    assert quote.speaker == speaker


def test_trailing_participle_belongs_to_the_main_clause() -> None:
    body = (
        'At the same time, Ines Rovira remarked that there is still "a great deal of work '
        'to do," noting weak markets in Portugal, Greece and beyond.'
    )
    assert speaker_of(body, "great deal of work") == "Ines Rovira"


def test_participle_after_a_quote_that_held_the_comma() -> None:
    body = (
        "Ansel Brook hailed Norway’s vote as “a fantastic result,” telling reporters at the "
        "port that he thinks the deal is “a very good thing for us.”"
    )
    assert speaker_of(body, "very good thing") == "Ansel Brook"


def test_heading_in_capitals_before_a_colon_is_not_the_speaker() -> None:
    body = (
        "RENTS RISE FOR THE FIFTH MONTH - Marta Olsen: “The index rose again in March, and "
        "faster in the north than anywhere else.”"
    )
    assert speaker_of(body, "index rose again") == "Marta Olsen"


@pytest.mark.parametrize(
    ("body", "words", "speaker"),
    [
        (
            '"We are shocked and saddened" by the fire at the old mill that had drawn crowds '
            "from three towns and more scrutiny, Amir Haddou said. Later Lena Marsh spoke.",
            "shocked and saddened",
            "Amir Haddou",
        ),
        (
            '"This will be hard" for the council, said Vera Kunz. "We have no money left."',
            "This will be hard",
            "Vera Kunz",
        ),
        (
            "Lena Marsh and Omar Keel argued at length. “Go back to your office,” Keel barked.",
            "Go back to your office",
            "Omar Keel",
        ),
    ],
)
def test_phrase_continuing_the_quote_before_a_trailing_verb(
    body: str, words: str, speaker: str
) -> None:
    assert speaker_of(body, words) == speaker


@pytest.mark.parametrize(
    ("body", "words", "speaker"),
    [
        (
            "Ruth Amsel cannot claim that “it was all her own idea,” Omar Keel added, saying it "
            "should be “up to the voters to decide, not her.”",
            "up to the voters",
            "Omar Keel",
        ),
        (
            "None of the files was marked secret when they were sent, but Dalia Korr wrote they "
            'may have held "rather sensitive material" at the time.',
            "rather sensitive material",
            "Dalia Korr",
        ),
        (
            "Omar Keel spoke last. “If you are listening, please send the files back to us.” "
            "Ansel Brook said.",
            "send the files back",
            "Ansel Brook",
        ),
        (
            '"Owners should leave their boats at home this weekend," opined the Harbour Herald.',
            "leave their boats",
            "Harbour Herald",
        ),
    ],
)
def test_inverted_and_typo_attributions(body: str, words: str, speaker: str) -> None:
    assert speaker_of(body, words) == speaker


def test_quote_paragraph_signed_by_the_next_paragraph() -> None:
    body = (
        '"We can have the meeting," Ivo Marchetti said. "But I hope it is short."\n\n'
        '"Great speech. She is tested. She is ready."\n\n'
        "-Dalia Korr, writing after the debate.\n\n"
        '"The whole idea of a quiet summer is something we hear about every year."\n\n'
        "— Michelle Marks, a delegate from Lindmark"
    )
    speakers = [q.speaker for q in quotes_of(body)]
    assert speakers == ["Ivo Marchetti", "Ivo Marchetti", "Dalia Korr", "Michelle Marks"]


@pytest.mark.parametrize(
    ("body", "words", "speaker"),
    [
        (
            "At one point, a woman asked for a photo and Ivo Marchetti said, “as long as we "
            "are not breaking any rules here.”",
            "breaking any rules",
            "Ivo Marchetti",
        ),
        (
            "She said that the figures were sound, to which Omar Keel interjected: "
            '"That is just not true at all."',
            "just not true",
            "Omar Keel",
        ),
        (
            'Nadia Quell asked about the plan. "Well, yes. We are going to look at it…" '
            "Tomas Vireo said.",
            "going to look",
            "Tomas Vireo",
        ),
    ],
)
def test_a_second_clause_brings_its_own_speaker(body: str, words: str, speaker: str) -> None:
    assert speaker_of(body, words) == speaker


# (body, words of the quote, speaker): "X's family" is a source as written; a person
# named beside such a description is the speaker.
POSSESSIVE_DESCRIPTIONS = [
    (  # a possessive name opens a source as written, not the named person
        "Tom Rudd was shot last week. Rudd’s family said: “We want the truth about what "
        "happened to him.”",
        "the truth",
        "Rudd’s family",
    ),
    (
        "Tom Rudd was shot last week. Rudd's family has called on police to release the "
        'footage "as a matter of basic fairness to us all."',
        "basic fairness",
        "Rudd's family",
    ),
    (  # the person beside such a description is the speaker
        "Attorney General Dana Welt (D), Perch's opponent in the coming election, called "
        'Friday for releasing the files, as well, saying that openness "breaks down '
        'barriers and builds trust."',
        "breaks down",
        "Dana Welt",
    ),
    (
        "Tom Rudd was shot last week. Rudd's lawyer, Ann Mole, said: \"We want the truth "
        'about what happened to him."',
        "the truth",
        "Ann Mole",
    ),
]


def test_partial_quote_after_a_possessive_speech_noun_is_the_possessor_s() -> None:
    body = (
        "The Ledger ran a fact-check on Alan Perch’s claim that there have been “thousands of "
        "fraudulent ballots” this year. Factcheck then reviewed Governor Ann Mole's remarks: "
        '"the fastest growth in the whole region" was her boast. Dan Ross denounced Mole’s '
        "remarks as “hurtful and humiliating” on Monday. Later Ross's statement about “a "
        "rigged count” drew fire."
    )
    assert speaker_of(body, "fraudulent ballots") == "Alan Perch"
    assert speaker_of(body, "fastest growth") == "Ann Mole"
    assert speaker_of(body, "hurtful") == "Dan Ross"
    assert speaker_of(body, "rigged count") == "Dan Ross"


SPEECH_NOUN_OF_NAME = [
    (
        "La prensa recogió ayer la declaración de la ministra Lucía Ferrán de que “la "
        "reforma no costará ni un euro más”.",
        "es",
        "Lucía Ferrán",
    ),
    (
        "Viele lachten über die Aussage von Gerda Hollweg, dass „niemand seine Wohnung "
        "verlieren wird“.",
        "de",
        "Gerda Hollweg",
    ),
    (
        "Les propos d’Odile Marchais sur « une rentrée sans aucune fermeture de classe » ont "
        "surpris les parents.",
        "fr",
        "Odile Marchais",
    ),
    (
        "Le parole di Carlo Benvenuti su «un bilancio finalmente in ordine» hanno diviso il "
        "consiglio.",
        "it",
        "Carlo Benvenuti",
    ),
    (
        "A declaração de Rui Cardoso sobre “um porto aberto a todos os navios” surpreendeu a "
        "câmara.",
        "pt",
        "Rui Cardoso",
    ),
    # "como" (as): the words in quotes are the reporter's description, not Olmedo's
    (
        "Los vecinos rechazaron las palabras de Marta Olmedo como “una ofensa para todo el "
        "barrio”.",
        "es",
        None,
    ),
]


@pytest.mark.parametrize(("body", "language", "speaker"), SPEECH_NOUN_OF_NAME)
def test_partial_quote_after_a_speech_noun_of_a_person_is_theirs(
    body: str, language: str, speaker: str | None
) -> None:
    [quote] = quotes_of(body, language)
    assert (quote.quote_type, quote.speaker) == ("partial", speaker)


def test_quote_alone_after_a_sentence_with_a_person_as_subject() -> None:
    body = (
        "“We need calm,” Ivo Marchetti said on “Morning Hour.”\n\n"
        "On “Face the Nation,” Sen. Dana Welt (Vt.), who lost the primary to Ross, named "
        "fatigue with bigotry as a reason to back Ross. “The younger people are sick and tired "
        "of discrimination.”\n\n"
        "“It goes in one ear and out the other,” Tom Ebeling said. Betsy Ebeling shook her "
        "head. “Tom is much better about it than I am.”"
    )
    assert speaker_of(body, "sick and tired") == "Dana Welt"
    assert speaker_of(body, "much better") == "Betsy Ebeling"


CLAUSE_SUBJECTS = [
    # a name right after an object relative is the subject of the verb ending its clause
    (
        "Crowds gathered in front of the old mill, which Governor Lena Brask on Friday "
        "declared “a landmark for every family in the valley.”",
        "landmark",
        "Lena Brask",
    ),
    (
        "One option is a new caucus, while another would be what Omar Teague called a “let "
        "the towns decide for themselves” approach.",
        "towns decide",
        "Omar Teague",
    ),
    # a comma closes an aside: the relative clause is not the verb's
    (
        "The audit, which Parliament commissioned, said the port had “lost track of several "
        "million in fees.”",
        "lost track",
        "The audit",
    ),
    # a bare conjunction before the verb: the first clause's subject, not its last name
    (
        "Ruth Amsel joked that Harwick was her favourite town, but went on to say, “There are "
        "places here that nobody should ever have to live in.”",
        "nobody should",
        "Ruth Amsel",
    ),
    # "in Dunmore, Ohio,": the state closes a place, it names no speaker
    (
        "Dana Welt, during a town hall meeting in Dunmore, Ohio, said she was “going to close "
        "every one of those plants by next spring.”",
        "close every one",
        "Dana Welt",
    ),
    (
        "Early on Friday, as the parade rolled through Harwick, KTVN reported that “at least "
        "six planes wrote messages over the bay.”",
        "six planes",
        "KTVN",
    ),
    # a quote a comma hands on from a sentence whose subject is a person
    (
        "Filippo Sarto, the head of the port authority, reacted coolly to the new rules, “We "
        "will look at every clause before we sign anything at all.”",
        "every clause",
        "Filippo Sarto",
    ),
    # the quote runs on in the reporter's words; a comma, then the attribution
    (
        '"Parties are short of money. Outside groups have plenty" but to carry the ads, says '
        "Eve Tracey, a consultant in Harwick.",
        "short of money",
        "Eve Tracey",
    ),
    (
        '"She can say so, but it seems very unlikely" that Amsel can win the county, said Tom '
        "Ebeling, who ran the last campaign.",
        "very unlikely",
        "Tom Ebeling",
    ),
    (
        'Polls show Ann Roe ahead. "Many would call that a defeat for her" if she won by less '
        "than ten points, said Tom Ebeling, an analyst in Harwick.",
        "defeat for her",
        "Tom Ebeling",
    ),
    # a name before the comma is the subject: "Amsel, 69, told Radio Harwick"
    (
        "“That is a fair worry, because they care a lot,” Ruth Amsel, 69, told Radio Harwick "
        "on Monday when asked about Ivo Marchetti.",
        "fair worry",
        "Ruth Amsel",
    ),
    (
        "“Our idea of a good life is different,” agrees Nora Quist, 30, of Harwick.",
        "good life",
        "Nora Quist",
    ),
    # no comma before the first verb: "adds" is a second predicate, Ann Roe said the rest
    (
        "The audit calls the fund “a giveaway to the richest families” and adds that it will "
        "fail, Ann Roe said.",
        "giveaway",
        None,
    ),
    # "and joked": the coordinated clause's subject (a pronoun here), not a word in between
    (
        "Glenn Harte spoke for an hour. He then put on a fake Southern accent and joked, “Now "
        "they can make fun of me all they like.”",
        "make fun",
        "Glenn Harte",
    ),
    # after "?" a long sentence still attributes the quote when it opens with "X told"
    (
        "“Will we ever get along with the new mayor, who knows?” Ruth Amsel told the Harwick "
        "Herald in an interview published on Monday when asked about the council.",
        "get along",
        "Ruth Amsel",
    ),
    # after "." the sentence must be short ("X said."): this one is about something else
    (
        "“This is the end of the road for the plan.” Gov. Ivo Marchetti said at a rally later "
        "that the vote was close.",
        "end of the road",
        None,
    ),
    (
        "Said Nora Quist, who grew up on the same street, “We were all so proud of him back then.”",
        "so proud",
        "Nora Quist",
    ),
]


@pytest.mark.parametrize(("body", "words", "speaker"), POSSESSIVE_DESCRIPTIONS + CLAUSE_SUBJECTS)
def test_possessive_descriptions_and_clause_subjects(
    body: str, words: str, speaker: str | None
) -> None:
    """A possessive description is a source as written; a clause's own subject speaks."""
    assert speaker_of(body, words) == speaker


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "“The numbers will turn,” said a longtime adviser to Lena Vorst.",
            "a longtime adviser to Lena Vorst",
        ),
        ("“We are ready,” said a person close to the Haldanes.", "a person close to the Haldanes"),
        (
            "“No deal yet,” said an official familiar with the talks in Geneva.",
            "an official familiar with the talks",
        ),
        ("“We will not comment,” said a spokesman on Monday.", "a spokesman"),
        (
            "“As you see, the law says nothing of it,” wrote a spokeswoman for the Harbour "
            "Works Committee in an email.",
            "a spokeswoman for the Harbour Works Committee",
        ),
        (
            "“Not before the vote,” said a spokeswoman for the ministry in a statement.",
            "a spokeswoman for the ministry",
        ),
    ],
)
def test_a_source_noun_keeps_its_complement_but_not_the_verbs_adverbial(
    body: str, speaker: str
) -> None:
    assert speaker_of(body, body[1:8]) == speaker


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("“It is a first,” said Vorst’s top foreign policy aide Jonas Pell.", "Jonas Pell"),
        ("“He is a friend of mine,” said Vorst ally Mira Tallis.", "Mira Tallis"),
        ("“It was a sizable purchase,” said K9 president Aldo Renn.", "Aldo Renn"),
    ],
)
def test_a_name_qualifying_a_role_gives_way_to_the_named_holder(body: str, speaker: str) -> None:
    assert speaker_of(body, body[1:8]) == speaker


def test_a_complement_ends_before_the_sentences_verb() -> None:
    body = (
        "One operative inside Vorst Tower tried to play the remarks down, saying they were "
        "“not a big deal around here.”"
    )
    assert speaker_of(body, "big deal") == "One operative inside Vorst Tower"


@pytest.mark.parametrize("verb", ["proclaimed", "pressed", "assured", "reiterated", "whispered"])
def test_less_common_speech_verbs_attribute(verb: str) -> None:
    body = f"“The harbour will stay open all winter,” Mira Tallis {verb} the crowd on Tuesday."
    assert speaker_of(body, "harbour") == "Mira Tallis"


def test_a_quote_paragraph_after_a_quote_free_paragraph_about_a_person_is_theirs() -> None:
    body = (
        "The rally in Hudson was joined by the baker Nico Valdane.\n\n"
        "Valdane praised the governor’s record after the storm.\n\n"
        "“We need someone who is going to cut through it and bring people together.”"
    )
    assert speaker_of(body, "cut through") == "Nico Valdane"


def test_a_quote_paragraph_after_a_quoting_paragraph_inherits_that_quotes_speaker() -> None:
    body = (
        "Nico Valdane spoke first. “The bakery stays,” Ilse Marr said.\n\n"
        "Valdane praised the governor’s record, calling it “a model for the coast.”\n\n"
        "“We need someone who is going to cut through it and bring people together.”"
    )
    assert speaker_of(body, "cut through") == "Nico Valdane"


@pytest.mark.parametrize(
    "body",
    [
        "Ina Sorell, a 55-year-old nurse from Sumter, South Carolina, says Vorst will “leave "
        "here with real momentum.”",
        "Ina Sorell of Columbia, South Carolina says she thinks Vorst can win if he keeps "
        "“doing what he is doing.”",
    ],
)
def test_a_place_after_a_speakers_home_town_is_not_the_speaker(body: str) -> None:
    assert quotes_of(body)[0].speaker == "Ina Sorell"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("“We came out of it dead broke,” said Harbour News’s Dana Sayle.", "Dana Sayle"),
        ("“They are so frustrated,” said Oversight ranking Democrat Ray Tull.", "Ray Tull"),
    ],
)
def test_an_owner_or_a_body_before_a_name_only_qualifies_it(body: str, speaker: str) -> None:
    assert quotes_of(body)[0].speaker == speaker


def test_a_verb_between_a_person_and_a_titled_name_keeps_the_person() -> None:
    body = (
        "Mira Tallis is asking whether Tomas Vireo would have attended Judge Aldo Renn’s "
        "funeral “if it were held on a weekday.”"
    )
    assert speaker_of(body, "weekday") == "Mira Tallis"


def test_quotes_joined_by_and_share_the_attribution_after_the_last() -> None:
    body = (
        "Floods are “the largest threat to the valley” and “a cost on every household,” "
        "Ina Sorell, the former mayor of Valtorre, proclaimed to the crowd."
    )
    assert [q.speaker for q in quotes_of(body)] == ["Ina Sorell", "Ina Sorell"]


def test_a_name_with_an_apposition_after_a_question_attributes_it() -> None:
    body = (
        "The first volunteers at the door are Eva Lind and Gloria Marr.\n\n"
        "“I am calling from the campaign office. How are you today?” Lind, a retired worker "
        "from the harbour plant, said pleasantly into the phone."
    )
    assert speaker_of(body, "calling from") == "Eva Lind"


def test_a_chain_opened_by_a_participle_belongs_to_the_main_clauses_subject() -> None:
    body = (
        "Holdouts remain, among them Ann Roe. Roe went after Vorst on Wednesday over his "
        "taxes, calling it “disqualifying” and asserting that the only reason must be “a "
        "bombshell of unusual size.”"
    )
    assert speaker_of(body, "bombshell") == "Ann Roe"


def test_a_cue_set_off_by_commas_names_the_speaker_after_it() -> None:
    body = (
        "The paradox of the mayor, says Carl Ansel, historian at the City Library, is that "
        "she was “one of the most powerful mayors of the century,” not for her policies."
    )
    assert speaker_of(body, "powerful mayors") == "Carl Ansel"


def test_an_apposition_before_the_verb_is_not_an_inverted_cue() -> None:
    body = "Ann Roe, the candidate, said Vorst was “a danger to the whole harbour.”"
    assert speaker_of(body, "danger") == "Ann Roe"


def test_a_quote_after_an_attributed_quote_keeps_its_speaker_not_the_sentences_subject() -> None:
    body = (
        "Former Speaker Ned Gallo said the change was normal. Vorst and his team are “rapidly "
        "learning the general election, a much bigger system,” Gallo said. “The general "
        "election is like a gigantic football team.”"
    )
    assert speaker_of(body, "football team") == "Ned Gallo"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Author Dinesh D’Sarto made a prediction. Asked who would win, D’Sarto replied, "
            "“If I had to bet now, I would bet on the other side.”",
            "Dinesh D’Sarto",
        ),
        (
            "Much of the anger went to Ned Gallo, who Ray Tull on Wednesday called “a horrible "
            "and despicable human being.”",
            "Ray Tull",
        ),
        (
            "“An awful lot of analysts said no to the deal,” remembered Roy Vell, the former "
            "spokesman.",
            "Roy Vell",
        ),
    ],
)
def test_names_with_a_capital_d_apostrophe_relative_who_and_remembered(
    body: str, speaker: str
) -> None:
    assert quotes_of(body)[-1].speaker == speaker


def test_a_lawsuit_that_contends_is_the_source_as_written() -> None:
    body = (
        "The parents filed a lawsuit against the port authority. The lawsuit contends that "
        "“the deaths were directly caused by the negligent actions” of the authority."
    )
    assert speaker_of(body, "negligent actions") == "The lawsuit"

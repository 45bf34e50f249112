"""Limits of the quotes stage, kept in one place so no stage code carries magic numbers."""

from __future__ import annotations

# A quotation shorter than this is a scare quote ("insulting"), not a quote.
MIN_QUOTE_WORDS = 3
# ... unless it is a fragment its sentence's speaker said ("called the meeting “constructive”"),
# with at least one word this long ("a “B” grade" is a label).
MIN_PARTIAL_WORD_CHARS = 4
# A fragment this short is kept with any speaker a cue names; a single word needs a full name.
MIN_PARTIAL_QUOTE_WORDS = 2
# A pair of marks farther apart than this is a stray mark, not a quotation.
MAX_QUOTE_CHARS = 4000
# A quote may run on over at most this many paragraphs (reopened with a mark each time).
MAX_CONTINUED_PARAGRAPHS = 6
# How far after a closing mark an attribution ("..., said X") is looked for.
MAX_TRAILING_CUE_CHARS = 220
# How far before an opening mark, within its sentence, an attribution ("X said:") is looked for.
MAX_LEADING_CUE_CHARS = 400
# Openers waiting for a closer in one paragraph; older ones are dropped as stray.
MAX_OPEN_MARKS = 8
# Words allowed between a closing mark and a trailing speech verb (", a senior aide said").
MAX_WORDS_BEFORE_TRAILING_VERB = 16
# "este lunes", "el pasado lunes", "am Montag": the words a time phrase after a verb may take
MAX_TIME_PHRASE_WORDS = 3
# An unnamed-source description longer than this is cut ("a senior official at the ministry").
MAX_DESCRIPTION_WORDS = 8
# Words kept of a description that runs into its own clause ("El comité de obras ... aprobó ...").
MAX_RUNAWAY_DESCRIPTION_WORDS = 4
# Sentences before the cue's own in which a description ("el profesional") finds its person.
MAX_DESCRIPTION_SENTENCES_BACK = 2
# Words at the head of a description where its person noun may stand ("el dirigente socialista").
MAX_DESCRIPTION_HEAD_WORDS = 3
# Words before a name that may give it a role ("El portavoz militar de los insurgentes, X").
MAX_ROLE_WORDS_BEFORE_NAME = 8
# Words of an apposition after a name that may give it a role ("X, portavoz de la Asociación").
MAX_APPOSITION_WORDS = 6
# Share of a Russian word's readings in the nominative below which it is no subject
# ("Петра" reads as a nominative in 5% of the analyser's guesses, as a genitive in 86%).
MIN_NOMINATIVE_SHARE = 0.1
# How much likelier (natural-log score) the German tagger must find a common-noun or adjective
# reading than a name reading to call a capitalised word common ("Hamburger": 1.6; unknown
# surnames such as "Hermreck", "Pinzger": below 0.6).
MIN_COMMON_WORD_MARGIN = 1.5
# Capitalised words in one name ("Inés Carvajal Ruiz").
MAX_NAME_TOKENS = 5
# A quotation this short with every long word capitalised is a title ("Face the Nation").
MAX_TITLE_WORDS = 8
# Languages that capitalise nouns, where title case says nothing about titles.
TITLE_CASE_EXEMPT_LANGUAGES = frozenset({"de", "lb"})
# Words of the short sentence after "…?" or "…!" that may still attribute it ("she asked").
MAX_WORDS_AFTER_QUESTION = 8
# Words of a sentence "X said." after "…." that still attributes the quote (period for comma).
MAX_WORDS_AFTER_PERIOD = 4
# Shortest word that may be a compound title ("Polizeisprecher"), not the title itself.
TITLE_COMPOUND_MIN_CHARS = 9
# Shortest person noun read as the head of a closed compound ("Präsidiums|mitglied").
MIN_COMPOUND_HEAD_CHARS = 6
# Occurrences of a surname looked at when widening it to a full name.
MAX_NAME_OCCURRENCES = 64
# Cleaned capitalised runs remembered per language; the cache is emptied when full.
CLEAN_NAME_CACHE_SIZE = 200_000
# Words a reported-speech clause ("Putin said that ...") needs to be kept as an indirect quote.
MIN_REPORTED_SPEECH_WORDS = 4
# Plain words allowed between a speech verb and "that" ("told reporters", "sagte am Montag").
MAX_WORDS_BEFORE_REPORTED_SPEECH = 2
# How far before "that" its speech verb is looked for ("acknowledged on Tuesday that").
MAX_REPORTED_SPEECH_CUE_CHARS = 48
# A lower-case word this long or shorter is no adjective of a noun after it ("die", "wie").
MIN_ADJECTIVE_CHARS = 3
# An adverb ending this long ("-ment", "-mente", "-weise") tells an adverb inside a verb
# phrase ("a récemment déclaré"); English "-ly" is too short to tell it from other words.
MIN_VERB_ADVERB_ENDING_CHARS = 3

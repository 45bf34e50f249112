"""Write N synthetic raw news dumps with known duplicates, for benchmarking newsflow at scale.

The sample set in `data/raw` is too small to time the pipeline or to measure dedup recall,
and real dumps cannot be shared. This generator writes dumps that carry the same mess as
the real ones (host-site menus, cookie banners, share widgets, view counters, date labels
in the site's UI language, captions, related links, quotes, datelines) and records in a
manifest which files copy which, so a benchmark can score dedup without hand labels:

- `article`: an original story.
- `exact_copy`: the same body on another host site (different boilerplate, maybe another
  encoding or line ending).
- `near_copy`: a syndicated version: new headline, a few words changed, one paragraph cut
  or added, maybe dated a day later.
- `bulletin`: an issue of a weekly templated report (same template, new numbers and dates).
  Issues of one series look alike but are NOT duplicates of each other.

Usage: `python bench/generate_dumps.py --n 20000 --out bench/out/dumps [--seed 7] [--jobs 2]`.
Files land in `OUT/part-000/`, `OUT/part-001/`, ... (1,000 per folder); the manifest is
written next to OUT as `<OUT name>.manifest.json`. Dumps are drawn in shards of
`SHARD_DUMPS`, each from its own seed (copies copy an original of their shard), so
`--jobs` processes write a million dumps in parallel and the same seed gives identical
bytes whatever `--jobs` is. Standard library only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

import dump_vocabulary as vocab  # noqa: E402  (sibling data module, found via the path above)

FILES_PER_FOLDER = 1000
SHARD_DUMPS = 50_000  # dumps drawn from one seed; shards are written in parallel
EXACT_COPY_SHARE = 0.05
NEAR_COPY_SHARE = 0.08
BULLETIN_SHARE = 0.03
FIRST_DATE = date(2021, 1, 1)
DATE_SPAN_DAYS = 4 * 365
WIRE_SHARE = {"en": 0.45, "de": 0.3, "es": 0.3, "fr": 0.3}
# Slots that must differ each time they appear in one sentence (two quotes in a row).
FRESH_SLOTS = frozenset({"Q", "q", "q2"})
T = TypeVar("T")
LATIN1_LANGUAGES = frozenset({"de", "es", "fr"})
COUNT_KEYS = {
    "article": "articles",
    "exact_copy": "exact_copies",
    "near_copy": "near_copies",
    "bulletin": "bulletins",
}


# ---------------------------------------------------------------------------------------
# Templates: `{slot}` and `[a|b]` compiled once into nested tuples, rendered many times.
# ---------------------------------------------------------------------------------------
Template = tuple  # of str | ("slot", name) | ("alt", tuple[Template, ...])


def compile_template(text: str) -> Template:
    """Parse a template once; rendering then needs no regex or string scanning."""
    parts, end = _parse_template(text, 0, "")
    if end != len(text):
        raise ValueError(f"unbalanced template: {text!r}")
    return parts


def _parse_template(text: str, i: int, stops: str) -> tuple[Template, int]:
    parts: list[object] = []
    literal: list[str] = []
    while i < len(text):
        ch = text[i]
        if ch in stops:
            break
        if ch == "{":
            end = text.index("}", i)
            if literal:
                parts.append("".join(literal))
                literal = []
            parts.append(("slot", text[i + 1 : end]))
            i = end + 1
        elif ch == "[":
            if literal:
                parts.append("".join(literal))
                literal = []
            alternatives = []
            i += 1
            while True:
                seq, i = _parse_template(text, i, "|]")
                alternatives.append(seq)
                closing = text[i]
                i += 1
                if closing == "]":
                    break
            parts.append(("alt", tuple(alternatives)))
        else:
            literal.append(ch)
            i += 1
    if literal:
        parts.append("".join(literal))
    return tuple(parts), i


def pick(rng: random.Random, options: Sequence[T]) -> T:
    """`rng.choice`, about three times faster (this is the generator's hottest call)."""
    return options[int(rng.random() * len(options))]


def between(rng: random.Random, low: int, high: int) -> int:
    """`rng.randint` without its overhead; used for the many numbers in sentences."""
    return low + int(rng.random() * (high - low + 1))


def render(template: Template, fill: Callable[[str], str], rng: random.Random) -> str:
    """Render a compiled template, choosing alternatives with `rng` and slots with `fill`."""
    out: list[str] = []
    _render_into(template, fill, rng, out)
    return "".join(out)


def _render_into(
    template: Template, fill: Callable[[str], str], rng: random.Random, out: list[str]
) -> None:
    for part in template:
        if type(part) is str:
            out.append(part)
        elif part[0] == "slot":
            out.append(fill(part[1]))
        else:
            _render_into(pick(rng, part[1]), fill, rng, out)


def compile_all(texts: Sequence[str]) -> tuple[Template, ...]:
    return tuple(compile_template(t) for t in texts)


@dataclass(slots=True, frozen=True)
class Grammar:
    """One article language's compiled templates and word lists."""

    language: str
    sentences: tuple[Template, ...]
    quotes: tuple[Template, ...]
    continuations: tuple[Template, ...]
    attributions: tuple[Template, ...]
    headlines: tuple[Template, ...]
    captions: tuple[Template, ...]
    added: tuple[Template, ...]
    when: tuple[Template, ...]
    role_templates: dict[str, Template]
    org_templates: tuple[Template, ...]
    lexicon: dict
    synonyms: dict[str, str]
    synonym_pattern: re.Pattern[str]


def build_grammar(language: str) -> Grammar:
    lex = vocab.LEXICONS[language]
    roles: set[str] = set()
    if language == "en":
        for topic in vocab.EN_TOPICS.values():
            roles.update(topic["roles"])
    else:
        for gendered in lex["roles"].values():
            roles.update(gendered)
    synonyms = dict(lex["synonyms"])
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in synonyms) + r")\b")
    return Grammar(
        language=language,
        sentences=compile_all(lex["sentences"]),
        quotes=compile_all(lex["quotes"]),
        continuations=compile_all(lex["continuations"]),
        attributions=compile_all(lex["attributions"]),
        headlines=compile_all(lex["headlines"]),
        captions=compile_all(lex["captions"]),
        added=compile_all(lex["added"]),
        when=compile_all(lex.get("when", ("{day}",))),
        role_templates={r: compile_template(r) for r in roles},
        org_templates=compile_all(lex.get("orgs", ())),
        lexicon=lex,
        synonyms=synonyms,
        synonym_pattern=pattern,
    )


GRAMMARS: dict[str, Grammar] = {lang: build_grammar(lang) for lang in vocab.LEXICONS}
TWO_PARAGRAPH_QUOTE = (
    compile_template("{name} said: {O}{Q}. {Q}."),
    compile_template("{O}{Q}.{C}"),
)


# ---------------------------------------------------------------------------------------
# Cast: the people, places and things one article is about.
# ---------------------------------------------------------------------------------------
@dataclass(slots=True, frozen=True)
class Person:
    name: str
    last: str
    gender: str
    role: str


@dataclass(slots=True, frozen=True)
class Cast:
    language: str
    persons: tuple[Person, ...]
    places: tuple[str, ...]
    orgs: tuple[str, ...]
    things: tuple[str, ...]
    units: tuple[str, ...]
    currency: str
    marks: tuple[str, str]
    year: int


def invent_place(rng: random.Random, language: str) -> str:
    prefixes, suffixes = vocab.PLACE_PARTS[language]
    return pick(rng, prefixes) + pick(rng, suffixes)


def invent_person(rng: random.Random, language: str, roles: Sequence[str] | None) -> Person:
    gender = pick(rng, "mf")
    first = pick(rng, vocab.FIRST_NAMES[language][gender])
    prefixes, suffixes = vocab.SURNAME_PARTS[language]
    last = pick(rng, prefixes) + pick(rng, suffixes)
    if language == "es" and rng.random() < 0.6:
        last = f"{last} {pick(rng, prefixes)}{pick(rng, suffixes)}"
    if roles is None:
        roles = vocab.LEXICONS[language]["roles"][gender]
    return Person(f"{first} {last}", last, gender, pick(rng, roles))


def invent_cast(rng: random.Random, language: str, year: int) -> Cast:
    grammar = GRAMMARS[language]
    places = tuple(dict.fromkeys(invent_place(rng, language) for _ in range(3)))
    if language == "en":
        topic = vocab.EN_TOPICS[pick(rng, tuple(vocab.EN_TOPICS))]
        persons = tuple(invent_person(rng, language, topic["roles"]) for _ in range(4))
        kinds = rng.sample(topic["orgs"], 3)
        orgs = tuple(f"{pick(rng, places)} {kind}" for kind in kinds)
        things = tuple(rng.sample(topic["things"], 3))
        units = topic["units"]
        currency = pick(rng, vocab.CURRENCIES)
    else:
        persons = tuple(invent_person(rng, language, None) for _ in range(4))
        org_templates = rng.sample(grammar.org_templates, 3)

        def place_only(slot: str) -> str:
            return pick(rng, places[:2])

        orgs = tuple(render(t, place_only, rng) for t in org_templates)
        things = tuple(rng.sample(grammar.lexicon["things"], 3))
        units = grammar.lexicon["units"]
        currency = "euros"
    marks_options = vocab.QUOTE_MARKS[language]
    marks = marks_options[0] if rng.random() < 0.6 else pick(rng, marks_options)
    return Cast(language, persons, places, orgs, things, units, currency, marks, year)


def format_number(value: int, language: str) -> str:
    """Thousands separators as each language writes them."""
    text = f"{value:,}"
    if language in ("de", "es", "it"):
        return text.replace(",", ".")
    if language in ("fr", "ru"):
        return text.replace(",", "\u202f")
    return text


def format_money(rng: random.Random, cast: Cast) -> str:
    amount = between(rng, 12, 980) / 10
    if cast.language == "en":
        return f"{amount:.1f} million {cast.currency}"
    decimal = f"{amount:.1f}".replace(".", ",")
    return {
        "de": f"{decimal} Millionen Euro",
        "es": f"{decimal} millones de euros",
        "fr": f"{decimal}\u00a0millions d’euros",
    }[cast.language]


class SentenceScope:
    """Fills slots for one sentence: the same `{place}` twice in a sentence is one place."""

    __slots__ = ("cast", "grammar", "rng", "values", "person")

    def __init__(self, cast: Cast, rng: random.Random, person: Person | None = None) -> None:
        self.cast = cast
        self.grammar = GRAMMARS[cast.language]
        self.rng = rng
        self.values: dict[str, str] = {}
        self.person = person

    def render(self, template: Template) -> str:
        return render(template, self.fill, self.rng)

    def speaker(self) -> Person:
        if self.person is None:
            self.person = pick(self.rng, self.cast.persons)
        return self.person

    def fill(self, slot: str) -> str:
        if slot in FRESH_SLOTS:
            return self._compute(slot)
        value = self.values.get(slot)
        if value is None:
            value = self.values[slot] = self._compute(slot)
        return value

    def _compute(self, slot: str) -> str:
        rng, cast, lex = self.rng, self.cast, self.grammar.lexicon
        language = cast.language
        if slot == "name":
            return self.speaker().name
        if slot == "last":
            return self.speaker().last
        if slot == "role":
            return self.render(self.grammar.role_templates[self.speaker().role])
        if slot in ("pron", "Pron"):
            pron = lex["pron"][self.speaker().gender]
            return pron.capitalize() if slot == "Pron" else pron
        if slot == "place":
            return pick(rng, cast.places[:2])
        if slot == "place2":
            return self._other("place", cast.places)
        if slot == "org":
            return self.fill("org_proper")
        if slot == "org_lc":
            org = self.fill("org_proper")
            return org[0].lower() + org[1:]
        if slot == "org_proper":
            return pick(rng, cast.orgs[:2])
        if slot in ("org2", "org2_lc"):
            org = self._other("org_proper", cast.orgs)
            return org[0].lower() + org[1:] if slot == "org2_lc" else org
        if slot == "thing":
            return pick(rng, cast.things[:2])
        if slot == "thing2":
            return self._other("thing", cast.things)
        if slot == "thing_bare":
            thing = self.fill("thing")
            for article in ("the ", "a ", "an "):
                if thing.startswith(article):
                    return thing[len(article) :]
            return thing
        if slot in ("num", "num2"):
            return format_number(int(10 ** rng.uniform(1.3, 4.8)), language)
        if slot in ("small", "small2"):
            return str(between(rng, 2, 9))
        if slot == "pct":
            return str(between(rng, 3, 97))
        if slot == "year":
            return str(between(rng, 1968, cast.year - 1))
        if slot == "year2":
            return str(cast.year + between(rng, 0, 3))
        if slot == "month":
            return pick(rng, lex["months"])
        if slot == "day":
            return pick(rng, lex["days"])
        if slot == "money":
            return format_money(rng, cast)
        if slot == "unit":
            return pick(rng, cast.units)
        if slot == "when":
            return self.render(pick(rng, self.grammar.when))
        if slot in ("verb", "vpp", "reason", "verb_headline"):
            return pick(rng, lex[slot])
        if slot == "O":
            return cast.marks[0]
        if slot == "C":
            return cast.marks[1]
        if slot == "Q":
            return capitalise(self.render(pick(rng, self.grammar.quotes)))
        if slot == "q":
            quote = self.render(pick(rng, self.grammar.quotes))
            return quote if quote.startswith("I ") else quote[0].lower() + quote[1:]
        if slot == "q2":
            return self.render(pick(rng, self.grammar.continuations))
        raise KeyError(f"unknown template slot {slot!r}")

    def _other(self, slot: str, pool: Sequence[str]) -> str:
        taken = self.fill(slot)
        others = [item for item in pool if item != taken]
        return pick(self.rng, others) if others else taken


def capitalise(text: str) -> str:
    return text[0].upper() + text[1:] if text and text[0].islower() else text


CONTRACTIONS = {
    "fr": ((" de le ", " du "), (" de les ", " des "), (" à le ", " au "), (" à les ", " aux ")),
    "es": ((" de el ", " del "), (" a el ", " al ")),
}


ENGLISH_A_BEFORE_VOWEL = re.compile(r"\b([Aa]) (?=[aeioAEIO])")


def tidy(text: str, language: str) -> str:
    """Capitalise and fix what templates cannot know: "a airport", "de le", "de el"."""
    if language == "en":
        text = ENGLISH_A_BEFORE_VOWEL.sub(r"\1n ", text)
    for old, new in CONTRACTIONS.get(language, ()):
        if old in text:
            text = text.replace(old, new)
    return capitalise(text)


def sentence(cast: Cast, rng: random.Random, templates: Sequence[Template]) -> str:
    return tidy(SentenceScope(cast, rng).render(pick(rng, templates)), cast.language)


# ---------------------------------------------------------------------------------------
# Articles
# ---------------------------------------------------------------------------------------
@dataclass(slots=True)
class Article:
    language: str
    outlet: str
    is_wire: bool
    title: str
    published: date
    paragraphs: list[str]
    cast: Cast
    home_host: str | None  # slug of the site that published it first, if its own outlet


def write_headline(cast: Cast, rng: random.Random) -> str:
    return sentence(cast, rng, GRAMMARS[cast.language].headlines)


class SentenceDeck:
    """Draws an article's sentence templates without replacement, so none repeats soon."""

    __slots__ = ("cast", "rng", "templates", "deck")

    def __init__(self, cast: Cast, rng: random.Random) -> None:
        self.cast = cast
        self.rng = rng
        self.templates = GRAMMARS[cast.language].sentences
        self.deck: list[Template] = []

    def draw(self) -> str:
        if not self.deck:
            self.deck = list(self.templates)
            self.rng.shuffle(self.deck)
        template = self.deck.pop()
        return tidy(SentenceScope(self.cast, self.rng).render(template), self.cast.language)


def narrative_paragraph(deck: SentenceDeck, target_chars: float) -> str:
    sentences = [deck.draw()]
    length = len(sentences[0])
    while len(sentences) < 6 and length < target_chars:
        sentences.append(deck.draw())
        length += len(sentences[-1]) + 1
    return " ".join(sentences)


def quote_paragraph(deck: SentenceDeck) -> str:
    cast, rng = deck.cast, deck.rng
    attributions = GRAMMARS[cast.language].attributions
    quote = tidy(SentenceScope(cast, rng).render(pick(rng, attributions)), cast.language)
    if rng.random() < 0.3:
        return f"{deck.draw()} {quote}"
    return quote


def write_body(cast: Cast, rng: random.Random, dateline: str | None) -> list[str]:
    """5–12 paragraphs of about 3 KB in all (less outside English), with 2+ quotes."""
    count = rng.randint(5, 12)
    mean_chars = 3300 if cast.language == "en" else 2600
    budget = min(max(rng.gauss(mean_chars, 700), 1200), 5600)
    quote_at = set(rng.sample(range(1, count), rng.randint(2, max(2, count // 2))))
    two_paragraph_quote_at = -1
    if cast.language == "en" and count >= 6 and rng.random() < 0.15:
        two_paragraph_quote_at = rng.randint(2, count - 2)
    deck = SentenceDeck(cast, rng)
    lead = GRAMMARS[cast.language].sentences[:2]
    paragraphs = [tidy(SentenceScope(cast, rng).render(pick(rng, lead)), cast.language)]
    if rng.random() < 0.5:
        paragraphs[0] += " " + deck.draw()
    while len(paragraphs) < count:
        budget -= len(paragraphs[-1])
        if len(paragraphs) == two_paragraph_quote_at:
            scope = SentenceScope(cast, rng)
            paragraphs.extend(scope.render(t) for t in TWO_PARAGRAPH_QUOTE)
            budget -= len(paragraphs[-2])
        elif len(paragraphs) in quote_at:
            paragraphs.append(quote_paragraph(deck))
        else:
            narrative_left = sum(1 for i in range(len(paragraphs), count) if i not in quote_at)
            target = max(budget, 0) / max(narrative_left, 1) * rng.uniform(0.6, 1.4)
            paragraphs.append(narrative_paragraph(deck, target))
    if dateline:
        paragraphs[0] = f"{dateline} {paragraphs[0]}"
    return paragraphs


def write_dateline(
    cast: Cast, rng: random.Random, outlet: str, is_wire: bool, day: date
) -> str | None:
    place = cast.places[0]
    language = cast.language
    dash = pick(rng, ("--", "—", "-")) if language == "en" else pick(rng, ("–", "-", "—"))
    if not is_wire:
        if rng.random() < 0.5:
            return None
        return f"{place.upper()} {dash}" if language == "en" else f"{place.upper()}."
    if language == "en":
        year = f", {day.year}" if rng.random() < 0.15 else ""
        month = vocab.EN_MONTH_ABBR[day.month - 1]
        return f"{place.upper()}, {month} {day.day}{year} ({outlet}) {dash}"
    if language == "de":
        return f"{place} ({outlet}) {dash}"
    if language == "es":
        return f"{place.upper()}, {day.day} {vocab.ES_MONTH_ABBR[day.month - 1]} ({outlet}) {dash}"
    return f"{place.upper()}, {day.day} {vocab.FR['months'][day.month - 1]} ({outlet}) {dash}"


# ---------------------------------------------------------------------------------------
# Host sites: the page around the article.
# ---------------------------------------------------------------------------------------
@dataclass(slots=True, frozen=True)
class Host:
    name: str
    slug: str
    ui: str
    tagline: str
    owner: str
    own_language: str | None
    blank_between_paragraphs: bool


HOSTS: tuple[Host, ...] = tuple(
    Host(*row, blank_between_paragraphs=index % 3 != 2) for index, row in enumerate(vocab.HOSTS)
)
HOSTS_BY_SLUG = {host.slug: host for host in HOSTS}


def hosts_for(language: str) -> tuple[Host, ...]:
    """Sites that may carry a story in `language`: English wires travel everywhere."""
    if language == "en":
        return HOSTS
    return tuple(h for h in HOSTS if h.ui == language)


def own_hosts(language: str) -> tuple[Host, ...]:
    return tuple(h for h in HOSTS if h.own_language == language)


def date_fields(day: date, ui: str, rng: random.Random) -> dict[str, str]:
    return {
        "d": str(day.day),
        "dd": f"{day.day:02d}",
        "mm": f"{day.month:02d}",
        "Y": str(day.year),
        "Month": vocab.UI_MONTHS[ui][day.month - 1],
        "Weekday": vocab.UI_WEEKDAYS[ui][day.weekday()].capitalize(),
        "H": f"{rng.randint(6, 22):02d}",
        "M": f"{rng.randint(0, 59):02d}",
    }


def related_headline(ui: str, rng: random.Random, year: int) -> str:
    if ui in GRAMMARS:
        return write_headline(invent_cast(rng, ui, year), rng)
    template = pick(rng, vocab.UI_HEADLINES[ui])
    return template.format(
        place=invent_place(rng, "en"),
        pct=rng.randint(2, 30),
        Month=pick(rng, vocab.UI_MONTHS[ui]),
    )


def page_lines(host: Host, article: Article, rng: random.Random) -> list[str]:
    """Lay the article out as `host` would, with its head, mid-body and tail boilerplate."""
    ui = vocab.HOST_UI[host.ui]
    fields = date_fields(article.published, host.ui, rng)
    head: list[str] = []
    cookie_on_top = rng.random() < 0.5
    cookie = [pick(rng, ui["cookie"]), *rng.sample(ui["cookie_buttons"], rng.randint(1, 2))]
    if rng.random() < 0.3:
        head.append(f"{article.title} {pick(rng, ('|', '-', '–'))} {host.name}")
    if cookie_on_top:
        head.extend(cookie)
    head.append(host.name.upper() if rng.random() < 0.2 else host.name)
    if rng.random() < 0.5:
        head.append(host.tagline)
    head.extend(rng.sample(ui["menu"], rng.randint(1, min(4, len(ui["menu"])))))
    if rng.random() < 0.6:
        head.append(pick(rng, ui["sections"]))
    head.append(article.title)
    if rng.random() < 0.5:
        if rng.random() < 0.3:
            head.append("")
        head.append(article.title)
    head.append(pick(rng, ui["date"]).format(**fields))
    if rng.random() < 0.25:
        head.append(pick(rng, ui["updated"]).format(**fields))
    from_elsewhere = article.is_wire or article.home_host != host.slug
    if from_elsewhere:
        head.append(pick(rng, ui["source"]).format(outlet=article.outlet))
    if not article.is_wire and rng.random() < 0.8:
        reporter = invent_person(rng, article.language, ("reporter",)).name
        head.append(pick(rng, ui["byline"]).format(name=reporter))
    if rng.random() < 0.4:
        head.append(pick(rng, ui["views"]).format(n=format_number(rng.randint(40, 48000), host.ui)))
    if rng.random() < 0.5:
        head.extend(rng.sample(ui["share"], rng.randint(1, 3)))
    if rng.random() < 0.35:
        caption = sentence(article.cast, rng, GRAMMARS[article.language].captions)
        photographer = invent_person(rng, article.language, ("photographer",)).name
        credit = f"{photographer}/{host.name}" if rng.random() < 0.5 else photographer
        head.extend((caption, pick(rng, ui["photo"]).format(credit=credit)))

    body_lines: list[str] = []
    gap = host.blank_between_paragraphs
    ad_at = rng.randint(2, len(article.paragraphs) - 1) if rng.random() < 0.3 else -1
    read_more_at = rng.randint(2, len(article.paragraphs) - 1) if rng.random() < 0.2 else -1
    for index, paragraph in enumerate(article.paragraphs):
        if index == ad_at:
            body_lines.append(pick(rng, ui["ad"]))
        if index == read_more_at:
            headline = related_headline(host.ui, rng, article.published.year)
            body_lines.append(pick(rng, ui["read_more"]).format(h=headline))
        body_lines.append(paragraph)
        if gap:
            body_lines.append("")
    if rng.random() < 0.03:
        body_lines.append("\u00a0")

    tail: list[str] = []
    if rng.random() < 0.5:
        places = article.cast.places
        tags = ", ".join((places[0], pick(rng, ui["sections"]), places[-1]))
        tail.append(pick(rng, ui["tags"]).format(tags=tags))
    if rng.random() < 0.6:
        tail.append(pick(rng, ui["related"]))
        tail.extend(
            related_headline(host.ui, rng, article.published.year) for _ in range(rng.randint(1, 3))
        )
        if rng.random() < 0.15:
            tail.append(article.title)  # "most read" lists often repeat the headline
    if rng.random() < 0.3:
        tail.extend(rng.sample(ui["share"], rng.randint(1, 2)))
    if rng.random() < 0.6:
        tail.append(pick(rng, ui["comments"]).format(n=rng.randint(0, 240)))
        if rng.random() < 0.6:
            tail.append(pick(rng, ui["captcha"]))
    if rng.random() < 0.4:
        tail.extend(rng.sample(ui["newsletter"], rng.randint(2, 3)))
    if not cookie_on_top and rng.random() < 0.6:
        tail.extend(cookie)
    if rng.random() < 0.9:
        tail.append(pick(rng, ui["copyright"]).format(Y=article.published.year, owner=host.owner))
    lines = [*head, "", *body_lines, *tail]
    if rng.random() < 0.05:  # stray trailing tab or space on a boilerplate line
        index = rng.randrange(len(head))
        head_line = lines[index]
        lines[index] = head_line + pick(rng, ("\t", " "))
    return lines


# ---------------------------------------------------------------------------------------
# Originals, copies and bulletins
# ---------------------------------------------------------------------------------------
def random_day(rng: random.Random) -> date:
    return FIRST_DATE + timedelta(days=rng.randrange(DATE_SPAN_DAYS))


def write_article(rng: random.Random) -> tuple[Article, Host]:
    languages = tuple(vocab.ARTICLE_LANGUAGES)
    language = rng.choices(languages, weights=tuple(vocab.ARTICLE_LANGUAGES.values()))[0]
    day = random_day(rng)
    cast = invent_cast(rng, language, day.year)
    is_wire = rng.random() < WIRE_SHARE[language]
    if is_wire:
        host = pick(rng, hosts_for(language))
        outlet = pick(rng, vocab.WIRES[language])
        home = None
    else:
        host = pick(rng, own_hosts(language))
        outlet = host.name
        home = host.slug
    dateline = write_dateline(cast, rng, outlet, is_wire, day)
    body = write_body(cast, rng, dateline)
    article = Article(language, outlet, is_wire, write_headline(cast, rng), day, body, cast, home)
    return article, host


def another_host(rng: random.Random, article: Article, not_slug: str) -> Host:
    candidates = [h for h in hosts_for(article.language) if h.slug != not_slug]
    return pick(rng, candidates)


def exact_copy(rng: random.Random, original: Article, original_host: Host) -> tuple[Article, Host]:
    """Same headline and body on another site, the same day or a day later."""
    host = another_host(rng, original, original_host.slug)
    day = original.published + timedelta(days=pick(rng, (0, 0, 1)))
    copy = Article(
        original.language,
        original.outlet,
        original.is_wire,
        original.title,
        day,
        list(original.paragraphs),
        original.cast,
        original.home_host,
    )
    return copy, host


def near_copy(rng: random.Random, original: Article, original_host: Host) -> tuple[Article, Host]:
    """A syndicated version: new headline, 2–3 words changed, one paragraph cut or added."""
    grammar = GRAMMARS[original.language]
    paragraphs = list(original.paragraphs)
    candidates = [
        (index, match.start(), match.end())
        for index, paragraph in enumerate(paragraphs)
        for match in grammar.synonym_pattern.finditer(paragraph)
    ]
    changes = rng.sample(candidates, min(len(candidates), rng.randint(2, 3)))
    for index, start, end in sorted(changes, key=lambda c: (c[0], -c[1])):
        text = paragraphs[index]
        paragraphs[index] = text[:start] + grammar.synonyms[text[start:end]] + text[end:]
    if len(changes) < 2:  # too few synonyms: nudge a number instead
        index = rng.randrange(len(paragraphs))
        paragraphs[index] = re.sub(
            r"\d+", lambda m: str(int(m.group()) + 1), paragraphs[index], count=1
        )
    # Cut a paragraph only if a short one exists, so the copy keeps most of the text.
    total = sum(len(p) for p in paragraphs)
    cuttable = [i for i in range(1, len(paragraphs)) if len(paragraphs[i]) <= 0.15 * total]
    if len(paragraphs) >= 6 and cuttable and rng.random() < 0.5:
        del paragraphs[pick(rng, cuttable)]
    else:
        if rng.random() < 0.5:
            extra = sentence(original.cast, rng, grammar.added)
        else:
            extra = narrative_paragraph(SentenceDeck(original.cast, rng), 200)
        paragraphs.insert(rng.randint(1, len(paragraphs)), extra)
    title = original.title
    for _ in range(6):
        if title != original.title:
            break
        title = write_headline(original.cast, rng)
    host = another_host(rng, original, original_host.slug)
    day = original.published + timedelta(days=pick(rng, (0, 1, 1)))
    copy = Article(
        original.language,
        original.outlet,
        original.is_wire,
        title,
        day,
        paragraphs,
        original.cast,
        original.home_host,
    )
    return copy, host


@dataclass(slots=True)
class BulletinSeries:
    """A weekly templated report: fixed host, place and officer; numbers change each issue."""

    series_id: str
    language: str
    template: dict
    host: Host
    cast: Cast
    officer: str
    currency: str
    species: str
    first_day: date
    issues: int
    issued: int = 0


def plan_bulletin_series(
    rng: random.Random, total: int, id_prefix: str = "bulletin-"
) -> list[BulletinSeries]:
    series: list[BulletinSeries] = []
    remaining = total
    while remaining > 0:
        size = min(remaining, rng.randint(6, 14))
        language = "de" if rng.random() < 0.2 else "en"
        day = random_day(rng)
        cast = invent_cast(rng, language, day.year)
        series.append(
            BulletinSeries(
                series_id=f"{id_prefix}{len(series):04d}",
                language=language,
                template=pick(rng, vocab.BULLETINS[language]),
                host=pick(rng, own_hosts(language)),
                cast=cast,
                officer=cast.persons[0].name,
                currency=pick(rng, ("crowns", "marks", "florins")),
                species=pick(rng, vocab.SPECIES),
                first_day=day,
                issues=size,
            )
        )
        remaining -= size
    return series


def write_bulletin(rng: random.Random, series: BulletinSeries) -> Article:
    day = series.first_day + timedelta(days=7 * series.issued)
    series.issued += 1
    language = series.language
    months = vocab.UI_MONTHS[language]
    following = day + timedelta(days=7)
    next_label = (
        f"{months[following.month - 1]} {following.day}"
        if language == "en"
        else f"{following.day}. {months[following.month - 1]}"
    )
    up = rng.random() < 0.5
    values: dict[str, object] = {
        "place": series.cast.places[0],
        "officer": series.officer,
        "cur": series.currency,
        "species": series.species,
        "weekday": vocab.UI_WEEKDAYS[language][day.weekday()],
        "updown": "up" if up else "down",
        "updown_de": "mehr" if up else "weniger",
        "street": pick(rng, vocab.STREETS.get(language, vocab.STREETS["en"])),
        "next": next_label,
        "bq": pick(rng, series.template["quotes"]),
        "a": rng.randint(1, 2),
        "a0": rng.randint(1, 2),
        "b2": f"{rng.randint(0, 99):02d}",
        "b0": f"{rng.randint(0, 99):02d}",
        "c": rng.randint(1, 2),
        "d2": f"{rng.randint(0, 99):02d}",
        "e": rng.randint(2, 9),
        "e2": f"{rng.randint(0, 99):02d}",
        "k": rng.randint(12, 60),
        "k0": rng.randint(12, 60),
        "boats": rng.randint(4, 30),
        "m": rng.randint(1, 59),
        "cents": rng.randint(1, 9),
    }
    template = series.template
    return Article(
        language=language,
        outlet=series.host.name,
        is_wire=False,
        title=str(template["title"]).format(**values),
        published=day,
        paragraphs=[p.format(**values) for p in template["paras"]],
        cast=series.cast,
        home_host=series.host.slug,
    )


# ---------------------------------------------------------------------------------------
# Files and manifest
# ---------------------------------------------------------------------------------------
def encode_dump(text: str, language: str, rng: random.Random) -> tuple[bytes, str, str]:
    """Mostly UTF-8/LF; a few files in CRLF, with a BOM, or in Latin-1, as real scrapes are."""
    roll = rng.random()
    if roll < 0.03:
        return text.replace("\n", "\r\n").encode("utf-8"), "utf-8", "crlf"
    if roll < 0.05:
        return b"\xef\xbb\xbf" + text.encode("utf-8"), "utf-8-sig", "lf"
    if roll < 0.08 and language in LATIN1_LANGUAGES:
        try:
            return text.encode("latin-1"), "latin-1", "lf"
        except UnicodeEncodeError:
            pass
    return text.encode("utf-8"), "utf-8", "lf"


def body_sha1(paragraphs: Sequence[str]) -> str:
    return hashlib.sha1("\n".join(paragraphs).encode("utf-8")).hexdigest()


def plan_kinds(rng: random.Random, n: int) -> list[str]:
    """Shuffle kinds so copies are spread out, but each copy comes after some original."""
    n_exact = round(n * EXACT_COPY_SHARE)
    n_near = round(n * NEAR_COPY_SHARE)
    n_bulletin = round(n * BULLETIN_SHARE)
    n_article = n - n_exact - n_near - n_bulletin
    if n_article < 1:
        raise ValueError(f"--n {n} is too small to hold any original article")
    kinds = (
        ["article"] * n_article
        + ["exact_copy"] * n_exact
        + ["near_copy"] * n_near
        + ["bulletin"] * n_bulletin
    )
    rng.shuffle(kinds)
    first_article = kinds.index("article")
    kinds[0], kinds[first_article] = kinds[first_article], kinds[0]
    return kinds


def manifest_path(out_dir: Path) -> Path:
    return out_dir.parent / f"{out_dir.name}.manifest.json"


def generate(
    n: int, out_dir: Path, seed: int, jobs: int = 1, shard_dumps: int = SHARD_DUMPS
) -> dict[str, int]:
    """Write `n` dumps and the manifest; returns the counts per kind."""
    shards = [
        (k, start, min(n, start + shard_dumps)) for k, start in enumerate(range(0, n, shard_dumps))
    ]
    parts = [_records_part(out_dir, k) for k, _, _ in shards]
    if jobs > 1 and len(shards) > 1:
        with ProcessPoolExecutor(max_workers=min(jobs, len(shards))) as pool:
            futures = [pool.submit(generate_shard, k, a, b, out_dir, seed) for k, a, b in shards]
            shard_counts = [f.result() for f in futures]
    else:
        shard_counts = [generate_shard(k, a, b, out_dir, seed) for k, a, b in shards]
    counts = {kind: sum(c[kind] for c in shard_counts) for kind in COUNT_KEYS.values()}
    # streamed shard by shard: a million records never sit in memory at once
    with manifest_path(out_dir).open("w", encoding="utf-8") as handle:
        handle.write(f'{{"seed": {seed}, "n": {n}, "counts": {json.dumps(counts)}, "files": [\n')
        for k, part in enumerate(parts):
            lines = part.read_text("utf-8").splitlines()
            handle.write((",\n" if k else "") + ",\n".join(lines))
            part.unlink()
        handle.write("\n]}\n")
    return counts


def _records_part(out_dir: Path, shard: int) -> Path:
    return out_dir.parent / f".{out_dir.name}.manifest-{shard:04d}.jsonl"


def generate_shard(shard: int, first: int, end: int, out_dir: Path, seed: int) -> dict[str, int]:
    """Dumps `first`..`end`-1, drawn from the shard's own seed; their manifest records go
    to a part file, one JSON object per line."""
    rng = random.Random(seed if shard == 0 else f"{seed}-{shard}")
    kinds = plan_kinds(rng, end - first)
    series = plan_bulletin_series(
        rng, kinds.count("bulletin"), "bulletin-" if shard == 0 else f"bulletin-{shard}-"
    )
    originals: list[tuple[Article, Host, str]] = []
    counts = dict.fromkeys(COUNT_KEYS.values(), 0)
    made_folders: set[Path] = set()
    part = _records_part(out_dir, shard)
    part.parent.mkdir(parents=True, exist_ok=True)
    with part.open("w", encoding="utf-8") as records:
        for index, kind in enumerate(kinds, start=first):
            copy_of: str | None = None
            series_id: str | None = None
            if kind == "article":
                article, host = write_article(rng)
            elif kind == "bulletin":
                open_series = [s for s in series if s.issued < s.issues]
                chosen = pick(rng, open_series)
                article, host, series_id = (
                    write_bulletin(rng, chosen),
                    chosen.host,
                    chosen.series_id,
                )
            else:
                original, original_host, copy_of = pick(rng, originals)
                make_copy = exact_copy if kind == "exact_copy" else near_copy
                article, host = make_copy(rng, original, original_host)
            folder = out_dir / f"part-{index // FILES_PER_FOLDER:03d}"
            if folder not in made_folders:
                folder.mkdir(parents=True, exist_ok=True)
                made_folders.add(folder)
            name = f"{article.published.isoformat()}_{host.slug}_{index:06d}.txt"
            relative = f"{folder.name}/{name}"
            text = "\n".join(page_lines(host, article, rng))
            if rng.random() < 0.9:
                text += "\n"
            data, encoding, newline = encode_dump(text, article.language, rng)
            (folder / name).write_bytes(data)
            if kind == "article":
                originals.append((article, host, relative))
            counts[COUNT_KEYS[kind]] += 1
            record = {
                "file": relative,
                "kind": kind,
                "copy_of": copy_of,
                "series": series_id,
                "language": article.language,
                "host": host.slug,
                "host_language": host.ui,
                "outlet": article.outlet,
                "published": article.published.isoformat(),
                "title": article.title,
                "encoding": encoding,
                "newline": newline,
                "body_sha1": body_sha1(article.paragraphs),
            }
            records.write(json.dumps(record, ensure_ascii=False) + "\n")
    return counts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=20000, help="number of dumps to write")
    parser.add_argument("--out", type=Path, required=True, help="folder for the dumps")
    parser.add_argument("--seed", type=int, default=7, help="random seed (same seed, same bytes)")
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="processes writing shards"
    )
    parser.add_argument(
        "--shard-dumps", type=int, default=SHARD_DUMPS, help="dumps drawn from one seed"
    )
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be at least 1")
    started = time.perf_counter()
    counts = generate(args.n, args.out, args.seed, args.jobs, args.shard_dumps)
    elapsed = time.perf_counter() - started
    print(
        f"wrote {args.n} dumps to {args.out} in {elapsed:.1f}s: "
        + ", ".join(f"{kind}={count}" for kind, count in counts.items())
    )
    print(f"manifest: {manifest_path(args.out)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

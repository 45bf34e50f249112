"""Pages that are not articles: paywall prompts, consent walls, donation appeals, access
blocked, page not found.

A scraper that hits one of these keeps the page's real title above the wall's text, so
two walls of one site look like one story to every kind of evidence. The wall is short,
and its body is mostly the wall's own phrases: a page is flagged when its body is short
and a phrase of one kind (in any of the languages below: a site's wall speaks the site's
language, not necessarily the article's) opens it or makes a fair share of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# a body longer than this is an article that happens to mention a subscription
MAX_WALL_WORDS = 160
# the matched phrases' sentences must make at least this share of a longer body's words
MIN_WALL_SHARE = 0.4
# a phrase this close to the start of the body opens the page: a wall
WALL_OPENING_CHARS = 200

# Phrases per kind and language, as regular expressions (case-insensitive).
PAGE_KIND_PATTERNS: dict[str, dict[str, tuple[str, ...]]] = {
    "paywall": {
        "en": (
            r"\bsubscrib(?:e|ing|er)s?\b.{0,40}\b(?:continue|log ?in|sign in|register|account)",
            r"\bsubscrib\w* to (?:our|the) (?:services|print edition|digital edition)\b",
            r"\b(?:limit|end) (?:for|of) (?:your )?free (?:access|articles)",
            r"\bcomplimentary access\b",
            r"\bsign (?:in|up)\b.{0,60}\b(?:subscri|continue reading)",
            r"\bonce registered, you can\b",
            r"\bpurchase a subscription\b",
            r"\byou(?:'|’)re blocking ads\b",
            r"\bturn(?:ing)? off your ad ?blocker\b",
            r"\bare you sure you want to log out\b",
        ),
        "de": (
            r"\bregistrieren sie sich\b.{0,60}\bweiterzulesen\b",
            r"\bbitte melden sie sich an\b",
            r"\bmelden sie sich an und diskutieren\b",
            r"\bkeinen zugang zum archiv\b",
            r"\bjetzt (?:abonnieren|weiterlesen)\b.{0,60}\babo\b",
            r"\bwerbung (?:noch )?nicht an\b",
        ),
        "es": (r"\bsuscr[ií]b(?:e|ete|irse)\b.{0,60}\b(?:seguir leyendo|acceso)",),
        "fr": (r"\babonnez-vous\b.{0,60}\b(?:lire la suite|accès)",),
    },
    "consent": {
        "en": (
            r"\bwe use cookies\b",
            r"\bconsent to the use of cookies\b",
            r"\bthis (?:site|website) uses cookies\b",
        ),
        "de": (
            r"\bseite verwendet cookies\b",
            r"\bwir setzen auf unserer (?:website|webseite|seite) cookies\b",
            r"\bverwendung von cookies\b.{0,40}\bzu\b",
            r"\bsammeln wir technische anonymisierte informationen\b",
        ),
        "pl": (r"\bzbieramy anonimowe informacje techniczne\b",),
        "es": (r"\butilizamos cookies\b",),
        "fr": (r"\bnous utilisons des cookies\b",),
    },
    "donation": {
        "en": (
            r"\bcan you chip in\b",
            r"\bsupport (?:real|local|independent) journalism\b",
            r"\bwe need your (?:help|support)\b.{0,80}\bdonat",
        ),
        "de": (r"\bunterstützen sie (?:uns|unabhängigen journalismus)\b.{0,60}\bspende",),
    },
    "blocked": {
        "en": (
            r"\baccess (?:to this page )?(?:has been )?denied\b",
            r"\byour ip (?:address )?(?:has been )?blocked\b",
            r"\bnot available in your (?:country|region)\b",
            r"\bconnections from the ip address\b",
            r"\bmisused the ip address\b",
        ),
        "pl": (r"\bz adresu ip,? z którego się łączysz\b", r"\bnie jestem robotem\b"),
        "de": (r"\bzugriff verweigert\b", r"\bin ihrem land nicht verfügbar\b"),
    },
    "not_found": {
        "en": (r"\bpage (?:was )?not (?:be )?found\b", r"\b404\b.{0,20}\bnot found\b"),
        "de": (r"\bseite (?:wurde )?nicht gefunden\b",),
        "es": (r"\bpágina no encontrada\b",),
        "fr": (r"\bpage (?:est )?introuvable\b",),
    },
}
_COMPILED = {
    kind: re.compile("|".join(p for ps in by_language.values() for p in ps), re.I | re.S)
    for kind, by_language in PAGE_KIND_PATTERNS.items()
}
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


@dataclass(frozen=True, slots=True)
class PageKind:
    """Why a page is not an article: its kind and the phrase that gave it away."""

    kind: str
    reason: str


def page_kind(body: str) -> PageKind | None:
    """The kind of non-article page this body is, or None for an article."""
    words = len(body.split())
    if words == 0 or words > MAX_WALL_WORDS:
        return None
    for kind, pattern in _COMPILED.items():
        matches = list(pattern.finditer(body))
        if not matches:
            continue
        if matches[0].start() <= WALL_OPENING_CHARS or _wall_share(body, pattern) >= (
            MIN_WALL_SHARE
        ):
            return PageKind(kind, f"{kind}: {matches[0].group(0)[:80]}")
    return None


def _wall_share(body: str, pattern: re.Pattern[str]) -> float:
    """Share of the body's words in sentences that carry one of the kind's phrases."""
    total = len(body.split())
    walled = sum(len(s.split()) for s in _SENTENCE.findall(body) if pattern.search(s))
    return walled / total if total else 0.0

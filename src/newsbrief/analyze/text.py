"""Word-level helpers shared by the analyze modules: content stems, IDF cosine, demonyms.

Tokens, stems and stop words come from the text core (``newsbrief.text``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from newsbrief.text import STOP_WORDS, stem, words


def content_stems(text: str) -> list[str]:
    """Stemmed content words, possessives dropped: the unit of sentence similarity."""
    return list(_content_stems(text))


# claims and conflicts ask for the stems of one sentence many times (every pair it is in)
@lru_cache(maxsize=16_384)
def _content_stems(text: str) -> tuple[str, ...]:
    found = _WORD_STEMS
    if len(found) > _MAX_WORD_STEMS:
        found.clear()
    out = []
    for w in words(text, fold=True, hyphens=True, numbers=True):
        got = found.get(w, _MISSING)
        if got is _MISSING:
            got = found[w] = _word_stem(w)
        if got is not None:
            out.append(got)
    return tuple(out)


# ``_word_stem`` of every token seen (a plain dict: a story's sentences repeat most of their
# words, and the per-word tests cost more than one look-up); emptied past _MAX_WORD_STEMS.
_WORD_STEMS: dict[str, str | None] = {}
_MAX_WORD_STEMS = 200_000
_MISSING = ""  # "not seen yet" (were a stem ever "", it would be recomputed, not lost)


def _word_stem(w: str) -> str | None:
    """The content stem of one token, or None for a word that is not content."""
    low = w.lower()
    if low.endswith("'s"):
        low = low[:-2]
    if low in STOP_WORDS or len(low) < 2 or low.replace(",", "").replace(".", "").isdigit():
        return None
    # only capitalised words can be demonyms; lowercase "crisis" must stay itself
    return stem(demonym_base(low) if w[0].isupper() else low)


def idf_weights(docs: Iterable[list[str]]) -> dict[str, float]:
    df: Counter[str] = Counter()
    n = 0
    for doc in docs:
        n += 1
        df.update(set(doc))
    return {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}


def cosine(a: list[str], b: list[str], idf: dict[str, float]) -> float:
    ca, cb = Counter(a), Counter(b)
    dot = sum(ca[t] * cb[t] * idf.get(t, 1.0) ** 2 for t in sorted(ca.keys() & cb.keys()))
    if not dot:
        return 0.0
    na = math.sqrt(sum((c * idf.get(t, 1.0)) ** 2 for t, c in ca.items()))
    nb = math.sqrt(sum((c * idf.get(t, 1.0)) ** 2 for t, c in cb.items()))
    return dot / (na * nb)


# Irregular demonyms; the regular ones ("Iraqi", "Syrian", "Japanese") are handled by suffix rules.
_DEMONYMS = {
    "british": "britain",
    "english": "england",
    "french": "france",
    "dutch": "netherlands",
    "swiss": "switzerland",
    "greek": "greece",
    "thai": "thailand",
    "chinese": "china",
    "lebanese": "lebanon",
    "turkish": "turkey",
    "spanish": "spain",
    "polish": "poland",
    "danish": "denmark",
    "swedish": "sweden",
    "finnish": "finland",
    "irish": "ireland",
    "scottish": "scotland",
    "welsh": "wales",
    "afghan": "afghanistan",
    "palestinian": "palestine",
    "filipino": "philippines",
    "saudi": "saudi",
    "emirati": "emirates",
    "uk": "britain",
    "u.k": "britain",
    "us": "united states",
    "u.s": "united states",
    "american": "united states",
    "america": "united states",
    "usa": "united states",
    "peruvian": "peru",
    "norwegian": "norway",
    "iranian": "iran",
    "egyptian": "egypt",
    "canadian": "canada",
    "brazilian": "brazil",
    "jordanian": "jordan",
    "korean": "korea",
    "mexican": "mexico",
    "german": "germany",
    "kenyan": "kenya",
    "libyan": "libya",
    "somali": "somalia",
    "portuguese": "portugal",
    "israeli": "israel",
    "iraqi": "iraq",
}


@lru_cache(maxsize=65_536)
def demonym_base(word: str) -> str:
    """Map a demonym to its country ("Iraqi" -> "iraq"); other words come back lowercased."""
    low = word.lower().strip(".")
    if low in _DEMONYMS:
        return _DEMONYMS[low]
    if low in _NOT_DEMONYMS:
        return low
    if low.endswith(("ians", "is")) and not low.endswith("sis") and len(low) > 5:
        return demonym_base(low[:-1])  # plural: "Iraqis", "Syrians"
    if low.endswith("ian") and len(low) >= 6:
        return low[:-1]  # "Syrian" -> "syria", "Russian" -> "russia"
    if low.endswith("ese") and len(low) >= 7:
        return low[:-3]  # "Japanese" -> "japan", "Sudanese" -> "sudan"
    if low.endswith("i") and len(low) >= 5:
        return low[:-1]  # "Iraqi" -> "iraq", "Pakistani" -> "pakistan"
    return low


# Words ending like demonyms that are not; only capitalised words are ever mapped.
_NOT_DEMONYMS = frozenset(
    {
        "civilian",
        "civilians",
        "christian",
        "christians",
        "guardian",
        "historian",
        "politician",
        "politicians",
        "musician",
        "physician",
        "technician",
        "librarian",
        "veterinarian",
    }
)


def same_place(a: str, b: str) -> bool:
    """True when two names denote the same place modulo demonyms ("Iraqi" ~ "Iraq")."""
    return a.lower() == b.lower() or demonym_base(a) == demonym_base(b)


# Lines that credit or caption rather than report: photo and video credits, social-media
# embeds, editors' notes to subscribers ("4th graf"), "click here" furniture.
_CREDIT = re.compile(
    r"(?:\b(?:image|photo|picture|video)\s+(?:copyright|credit|courtesy)\b|\bcopyright\s+(?:\d{4}\s+)?(?-i:[A-Z])|©|"
    r"\((?:AP|Reuters|AFP|Getty)\s+(?:Photo|Images?)\b|\bGetty Images\b|\bphoto:\s|"
    r"\bA (?:post|photo|video) shared by\b|\b\d+(?:st|nd|rd|th) (?:graf|para(?:graph)?)\b|"
    r"\beds?:|\beditors?'? note\b|\bclick here\b|\bfollow (?:us|him|her) on\b)",
    re.IGNORECASE,
)


@lru_cache(maxsize=16_384)  # asked once per sentence pair a conflict check looks at
def is_credit(text: str) -> bool:
    """A credit, caption or editors' note: not a statement to corroborate or dispute."""
    return may_hold(text, _CREDIT_WORDS) and _CREDIT.search(text) is not None


# Characters that ignoring case (``re.IGNORECASE``) matches to an ASCII letter, or that
# ``str.lower`` maps to an ASCII letter or to two characters: "İ", "ı", "ſ" and the Kelvin
# sign. In a text without them a case-ignoring match of ASCII letters is a substring of the
# lower-cased text.
_FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")


def may_hold(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` may hold, ignoring case as ``re.IGNORECASE`` does, one of ``words``
    (lower case: ASCII letters, digits, spaces, punctuation): False only when it cannot.

    A cheap test before a slow case-ignoring regex every match of which holds one of
    ``words`` (a regex of many branches costs about 70 µs a sentence, this a few).
    """
    if not _FOLDS_TO_ASCII.isdisjoint(text):
        return True
    low = text.lower()
    return any(w in low for w in words)


# Every match of ``_CREDIT`` holds one of these (a branch's own words, in some case).
_CREDIT_WORDS = (
    "©",
    "copyright",
    "credit",
    "courtesy",
    "photo",
    "image",
    "shared by",
    "graf",
    "para",
    "ed:",
    "eds:",
    "note",
    "click here",
    "follow",
)

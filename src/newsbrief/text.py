"""The one text core: word tokens, stems, stop words, month and number words.

Every stage tokenizes, stems and drops stop words through this module, so two stages never
disagree about what a word is. Stage-specific needs are parameters of the one tokenizer
(hyphenated compounds joined, digit groups kept whole, lower-cased), never a second list.

The stop-word list is the one the fitted models were trained with (the MRPC pair model in
``newsbrief.paraphrase`` and the clustering pair scorer): changing it changes their inputs.
Stems are Snowball English through PyStemmer (the C build ``snowballstemmer`` uses when it
is installed), cached once for the whole process.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import lru_cache

import snowballstemmer


def wordset(spaced: str) -> frozenset[str]:
    """A frozenset from a whitespace-separated word list (long lists stay readable)."""
    return frozenset(spaced.split())


# Function words, auxiliaries and a few news fillers ("said", "also") that carry no content,
# so overlap on them never makes two sentences look alike.
STOP_WORDS = wordset("""
    a about above after again against all almost also am among an and any are as at be because
    been before being below between both but by can could did do does doing done down during
    each either else ever few for from further had has have having he her here hers herself him
    himself his how however i if in into is it its itself just least less let like made make
    many may me might more most much must my myself neither no nor not now of off on once one
    only or other others our ours ourselves out over own per quite rather said same say says
    saying she should since so some still such than that the their theirs them themselves then
    there these they this those though through thus to too told under until up upon us very was
    we were what when where whether which while who whom whose why will with within without
    would yet you your yours yourself yourselves s t d ll m re ve mr mrs ms
""")

# Month names and their abbreviations -> month number.
MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
# A regex alternation of every month word, longest first ("march" before "mar").
MONTH_PATTERN = "|".join(sorted(MONTHS, key=lambda m: (-len(m), m)))
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Cardinal number words -> value.
NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip

# A word is a run of letters or digits; apostrophes ("don't") always join, hyphens
# ("al-Abadi", "COVID-19") only when asked. When asked, a token that starts with a digit is
# a number ("1,000", "3.5", and "3" of "3D"), for the stages that read values.
_WORD = r"[^\W_]+(?:['’][^\W_]+)*"
_HYPHENATED = r"[^\W_]+(?:[-'’][^\W_]+)*"
_NUMBER = r"\d+(?:[.,]\d+)*|"
_TOKENIZERS = {
    (hyphens, numbers): re.compile(
        (_NUMBER if numbers else "") + (_HYPHENATED if hyphens else _WORD)
    )
    for hyphens in (False, True)
    for numbers in (False, True)
}
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)


def normalise(text: str) -> str:
    """Typographic apostrophes folded to ASCII, so "Iraq’s" and "Iraq's" are one word."""
    return text.replace("’", "'")


def words(
    text: str,
    *,
    lower: bool = False,
    fold: bool = False,
    hyphens: bool = False,
    numbers: bool = False,
    possessive: bool = True,
) -> list[str]:
    """Word tokens of ``text`` in order.

    ``lower``: lower-cased with apostrophes folded; ``fold``: apostrophes folded
    (``normalise``), case kept; otherwise as written.
    ``hyphens``: hyphenated compounds are one token. ``numbers``: "1,000" and "3.5" are one
    token. ``possessive=False`` strips a final "'s" ("Iraq's" -> "Iraq").
    """
    if lower or fold:
        text = normalise(text)
    if lower:
        text = text.lower()
    found = _TOKENIZERS[(hyphens, numbers)].findall(text)
    if not possessive and ("'" in text or "’" in text):
        # what ``_POSSESSIVE.sub("", w)`` does to each token, without a regex call per
        # token: a final apostrophe + s (case-insensitive, so "S" and the long s too) goes
        return [w[:-2] if w[-1:] in _S_LETTERS and w[-2:-1] in _APOSTROPHES else w for w in found]
    return found


# the letters ``_POSSESSIVE`` matches as its final "s" under IGNORECASE, and its apostrophes
_S_LETTERS = frozenset("sSſ")
_APOSTROPHES = frozenset("'’")


_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Lower-cased Snowball stem of one word."""
    return str(_STEMMER.stemWord(word.lower()))


def is_stop(word: str) -> bool:
    """A stop word, or a single letter (single digits carry content and are kept)."""
    return word.lower() in STOP_WORDS or len(word) < 2 and not word.isdigit()


def content_words(text: str) -> list[str]:
    """Words that carry content, case preserved: hyphenated compounds whole, possessive
    "'s" dropped, stop words and single letters out. The unit of word-overlap similarity."""
    stop = STOP_WORDS  # ``is_stop`` inlined: this runs for every word of every stage
    return [
        w
        for w in words(text, hyphens=True, possessive=False)
        if not (w.lower() in stop or len(w) < 2 and not w.isdigit())
    ]


def content_stems(text: str) -> list[str]:
    return [stem(w) for w in content_words(text)]


def parse_time(value: str | None) -> datetime | None:
    """A naive-UTC datetime from an ISO-ish string, or None when absent or unparseable."""
    if not value:
        return None
    from dateutil import parser

    try:
        dt = parser.isoparse(value)
    except (ValueError, OverflowError):
        try:
            dt = parser.parse(value)
        except (ValueError, OverflowError):
            return None
    if dt.tzinfo is not None:
        dt = dt.astimezone(UTC).replace(tzinfo=None)
    return dt

"""Quantities in a sentence: value, unit and whether the writer hedged it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsbrief.text import MONTHS, NUMBER_WORDS, STOP_WORDS, stem

_UNITS = {**NUMBER_WORDS, "a": 1, "an": 1, "dozen": 12}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000, "dozen": 12}  # fmt: skip
_HEDGES = (
    "nearly", "almost", "about", "around", "some", "roughly", "approximately", "approx",
    "over", "more than", "less than", "fewer than", "up to", "at least", "at most", "under",
    "an estimated", "estimated", "close to", "just over", "just under", "upwards of", "circa",
    "as many as", "as few as", "as much as", "as far as", "as high as", "as low as", "several", "dozens", "hundreds", "thousands", "millions",
)  # fmt: skip

# a hedge word right before the number (one search: any alternative ending the text matches)
_HEDGED = re.compile(r"\b(?:" + "|".join(re.escape(h) for h in _HEDGES) + r")\s*$")

_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})

_TOKEN = re.compile(r"\d+(?:,\d+)*(?:\.\d+)?|[A-Za-z]+|%")


@dataclass(slots=True)
class Quantity:
    value: float
    unit: str  # stemmed noun after the number ("" when none)
    hedged: bool
    text: str  # as written


def _parse_digits(tok: str) -> float | None:
    groups = tok.split(".")[0].split(",")
    if len(groups) == 2 and len(groups[1]) in {1, 2} and "." not in tok:
        tok = f"{groups[0]}.{groups[1]}"  # "1,2 million": a decimal comma
    try:
        return float(tok.replace(",", ""))
    except ValueError:
        return None


def quantities(text: str) -> list[Quantity]:
    """Numbers written as digits or words, with the unit noun that follows them.

    Years (1800-2100 with no unit) are dates, not quantities, and are left out.
    """
    return list(_quantities(text))


# conflicts ask for the quantities of one sentence once per pair it is in (read-only records)
@lru_cache(maxsize=16_384)
def _quantities(text: str) -> tuple[Quantity, ...]:
    norm = text.replace("-", " ").replace("‑", " ")
    toks = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(norm)]
    out: list[Quantity] = []
    i = 0
    while i < len(toks):
        tok, start, _ = toks[i]
        low = tok.lower()
        value: float | None = None
        j = i
        if tok[0].isdigit() and (_in_name(text, start) or _fragment(norm, start, toks[i][2])):
            i += 1
            continue
        if tok[0].isdigit():
            value = _parse_digits(tok)
            j = i + 1
        elif (
            low in _UNITS
            and low not in {"a", "an"}
            or (low in {"a", "an"} and i + 1 < len(toks) and toks[i + 1][0].lower() in _SCALES)
        ):
            value = float(_UNITS[low])
            j = i + 1
            # "seventy five", "twenty one"
            if value >= 20 and j < len(toks) and toks[j][0].lower() in _UNITS:
                nxt = _UNITS[toks[j][0].lower()]
                if 0 < nxt < 10:
                    value += nxt
                    j += 1
        if value is None:
            i += 1
            continue
        while j < len(toks) and toks[j][0].lower() in _SCALES:
            value *= _SCALES[toks[j][0].lower()]
            j += 1
        # "10th place" / "20th film": a rank is a rank of the thing it names, so the unit
        # is that noun; two ranks of different things are not two values of one slot
        ordinal = (
            tok[0].isdigit()
            and j < len(toks)
            and toks[j][0].lower() in _ORDINAL_SUFFIXES
            and toks[j][1] == toks[j - 1][2]
        )
        if ordinal:
            j += 1
        unit = ""
        k = j + 1 if j < len(toks) and toks[j][0].lower() == "of" else j
        # a unit follows in the same phrase: "87, cracked" has none
        if k < len(toks) and not re.search(r"[,;:()]", norm[toks[j - 1][2] : toks[k][1]]):
            w = toks[k][0].lower()
            if w in {"%", "percent", "per", "pc"}:
                unit = "%"
            elif w.isalpha() and w not in STOP_WORDS and w not in MONTHS:
                unit = stem(w)
        if ordinal:
            unit = f"rank:{unit}"
        end = toks[j - 1][2]
        before = norm[max(0, start - 20) : start].lower()
        hedged = _HEDGED.search(before) is not None
        # a four-digit 1800-2100 is a year even before a noun ("four 1993 murders")
        is_year = tok.isdigit() and len(tok) == 4 and 1800 <= value <= 2100 and unit != "%"
        prev = toks[i - 1][0].lower() if i else ""
        after = toks[j][0].lower() if j < len(toks) else ""
        # "one in five" is a ratio; "1.8 to 4.4", "three or four" a range: hedged values
        ratio = after == "in" and j + 1 < len(toks) and _numeric(toks[j + 1][0])
        ratio = ratio or (prev == "in" and i >= 2 and _numeric(toks[i - 2][0]))
        ranged = after in {"to", "or", "and"} and j + 1 < len(toks) and _numeric(toks[j + 1][0])
        # "between 3,000 and 1,500 years": the second value is one end of the range too
        ranged = ranged or (
            prev in {"to", "or", "and", "between"} and i >= 2 and _numeric(toks[i - 2][0])
        )
        if not is_year and not ratio and not (unit == "" and value == 1 and low in {"one"}):
            out.append(Quantity(value, unit, hedged or ranged, text[start:end]))
        i = j
    return tuple(out)


def _numeric(tok: str) -> bool:
    return tok[0].isdigit() or tok.lower() in _UNITS and tok.lower() not in {"a", "an"}


def _fragment(norm: str, start: int, end: int) -> bool:
    """Part of a fraction, decimal or version ("3 1/2", ".85", "2.6.0"), not a count."""
    before = norm[start - 1] if start else ""
    after = norm[end : end + 2]
    if before in {"/", ".", ":"} or after[:1] in {"/", ":"}:
        return True  # a fraction, a decimal without its zero, a clock time ("3:22")
    return after[:1] == "." and after[1:2].isdigit()


def _in_name(text: str, start: int) -> bool:
    """A number glued to a word by a hyphen is part of a name ("COVID-19", "F-16")."""
    if start >= 1 and text[start - 1].isalpha():
        return True  # "A320", "G7"
    return start >= 2 and text[start - 1] in "-‑" and text[start - 2].isalpha()


# A round figure within this share of a precise one is the same figure rounded.
ROUNDING = 0.05
# Figures closer than this share are not worth disputing however precise they look.
PRECISION = 0.005


def _round(value: float) -> bool:
    return value >= 10 and value == int(value) and int(value) % 10 == 0


def same_amount(a: Quantity, b: Quantity) -> bool:
    """Equal, or close enough when either side hedges ("nearly a million" ~ "1 million")."""
    if a.value == b.value:
        return True
    hi, lo = max(a.value, b.value), min(a.value, b.value)
    if hi > 0 and (_round(a.value) or _round(b.value)) and (hi - lo) / hi <= ROUNDING:
        return True  # "300" for "296": a rounded report of one figure
    if hi > 0 and (hi - lo) / hi <= PRECISION:
        return True  # "109.54" / "109.51": one figure read at two moments, not a dispute
    if a.hedged or b.hedged:
        hi, lo = max(a.value, b.value), min(a.value, b.value)
        return hi > 0 and (hi - lo) / hi <= 0.25
    return False

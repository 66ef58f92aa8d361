"""A small calendar-date finder, the fallback when an article carries no DateMentions.

Only absolute forms ("10 July 2017", "July 10, 2017", "June 2014", "in 2014") and
month-day forms without a year ("on July 10"), which need an anchor year to resolve.
"""

from __future__ import annotations

import re

from newsbrief.records import DateMention, Sentence

MONTHS = {
    name: n
    for n, names in enumerate(
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

_M = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?P<year>(?:18|19|20)\d\d)"
_PATTERNS = [
    re.compile(rf"\b{_D}\s+(?:of\s+)?{_M}\s*,?\s+{_Y}\b", re.I),
    re.compile(rf"\b{_M}\s+{_D},?\s+{_Y}\b", re.I),
    re.compile(rf"\b{_M},?\s+{_Y}\b", re.I),
    re.compile(rf"\b{_M}\s+{_D}\b(?!\s*,?\s*(?:18|19|20)\d\d)", re.I),
    re.compile(rf"\b{_D}\s+(?:of\s+)?{_M}\b", re.I),
    re.compile(
        rf"\b(?:in|since|from|until|till|by|during|of|before|after|early|late|mid)[\s-]+{_Y}\b",
        re.I,
    ),
]


def _sentence_at(sentences: list[Sentence], pos: int) -> int:
    for s in sentences:
        if s.start <= pos < s.end:
            return s.index
    return -1


def find_dates(
    text: str, sentences: list[Sentence], anchor_year: int | None = None
) -> list[DateMention]:
    """Calendar dates in ``text``; month-day forms get ``anchor_year`` (or value None)."""
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for pat in _PATTERNS:
        for m in pat.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            # "May" is also a verb: only trust it capitalised and next to a day or year
            g = m.groupdict()
            month_word = g.get("month")
            if month_word and month_word.lower() == "may" and not month_word[0].isupper():
                continue
            month = MONTHS[month_word.lower()] if month_word else None
            day = int(g["day"]) if g.get("day") else None
            if day is not None and not 1 <= day <= 31:
                continue
            year = int(g["year"]) if g.get("year") else None
            relative = year is None
            if year is None:
                year = anchor_year
            value: str | None
            if year is None:
                value = None
            elif month is None:
                value = f"{year:04d}"
            elif day is None:
                value = f"{year:04d}-{month:02d}"
            else:
                value = f"{year:04d}-{month:02d}-{day:02d}"
            start = m.start("year") if month is None and g.get("year") else m.start()
            taken.append((m.start(), m.end()))
            out.append(
                DateMention(
                    text=text[start : m.end()],
                    value=value,
                    sentence=_sentence_at(sentences, start),
                    start=start,
                    end=m.end(),
                    relative=relative,
                )
            )
    out.sort(key=lambda d: d.start)
    return out


def compatible_dates(a: str, b: str) -> bool:
    """Same date at the shared precision ("2017-07" agrees with "2017-07-10")."""
    return a.startswith(b) or b.startswith(a)

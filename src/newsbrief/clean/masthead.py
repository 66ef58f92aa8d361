"""The masthead of a plain-text article: outlet name and publication date above the body.

Text dumps of news pages keep what a page shows above the story ("Calderwick Courier |
14 May 2024, 11:02", or an outlet line followed by a date line). The line cleaner removes
such lines; this module reads the outlet and date out of them first, so they become
metadata instead of being lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsbrief.read.fields import normalize_date

_SEPARATORS = re.compile(r"\s+[|·•—–-]\s+|\s*\|\s*")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_CONNECTORS = frozenset({"of", "the", "and", "for", "on", "de", "la", "le", "&"})
_HEADER_LINES = 8  # how far above the first prose line a masthead may sit
_MAX_OUTLET_WORDS = 6


@dataclass(slots=True)
class Masthead:
    outlet: str | None = None
    published: str | None = None


def _date_of(segment: str) -> str | None:
    # A masthead date always shows a year; without one, a number is too often something else.
    if not _YEAR.search(segment):
        return None
    value = normalize_date(segment.strip(" ,"))
    if value is None or len(value) < 7:
        return None
    return value


def _outlet_of(segment: str) -> str | None:
    words = segment.strip().split()
    if not 1 <= len(words) <= _MAX_OUTLET_WORDS or any(c.isdigit() for c in segment):
        return None
    if segment.strip().lower().startswith("by "):
        return None
    named = [w for w in words if w.lower() not in _CONNECTORS]
    if not named or not all(w[:1].isupper() for w in named):
        return None
    if segment.rstrip()[-1:] in ".!?:,":
        return None
    return segment.strip()


def read_masthead(labelled: list[tuple[str, str | None]]) -> Masthead:
    """Outlet and date from the removed header lines that precede the first prose line."""
    found = Masthead()
    header: list[str] = []
    for line, reason in labelled:
        if not line.strip():
            continue
        if reason is None or len(header) >= _HEADER_LINES:
            break
        if reason != "byline":
            header.append(line.strip())
    pending_outlet: str | None = None
    for line in header:
        segments = [s for s in _SEPARATORS.split(line) if s.strip()]
        dates = [d for d in map(_date_of, segments) if d]
        outlets = [o for o in map(_outlet_of, segments) if o]
        if dates and found.published is None:
            found.published = dates[0]
            outlet = outlets[0] if outlets else pending_outlet
            if outlet and found.outlet is None:
                found.outlet = outlet
        # an outlet alone on its line counts only when a date line follows it
        pending_outlet = outlets[0] if outlets and not dates and len(segments) == 1 else None
    return found


# A line that says it is the publication date: "Published: May 3, 2017", "Posted on 3 May
# 2017 at 10:02". "Updated" lines date a revision, so they count only when no such line does.
_PUBLISHED_LINE = re.compile(
    r"^\s*(?:(?P<pub>(?:first )?published|posted)|(?:last )?updated)\b\s*(?:on|at)?\s*:?\s*",
    re.IGNORECASE,
)


def published_line(labelled: list[tuple[str, str | None]]) -> str | None:
    """The publication date a removed "Published ..." line states, anywhere in the text (its
    label says what it is, so unlike a bare date it may stand below the story)."""
    from newsbrief.annotate.dates import extract_dates

    found: list[tuple[bool, str]] = []
    for line, reason in labelled:
        if reason != "timestamp":
            continue
        match = _PUBLISHED_LINE.match(line)
        if match is None:
            continue
        rest = line[match.end() :]
        dates = [d.value for d in extract_dates(rest, [], None) if d.value and not d.relative]
        dates = [d for d in dates if len(d) >= 7 and _YEAR.match(d)]
        if dates:
            found.append((match.group("pub") is None, dates[0]))
    return min(found)[1] if found else None

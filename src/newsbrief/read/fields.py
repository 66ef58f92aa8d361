"""Normalizers for metadata fields that every input format shares: dates, authors, outlets."""

from __future__ import annotations

import re
import warnings
from datetime import UTC, datetime
from typing import Any

from newsbrief.outlets import host_of
from newsbrief.text import MONTH_PATTERN

# --------------------------------------------------------------------------- dates

_YEAR = re.compile(r"^\s*(\d{4})\s*$")
_YEAR_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")
_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_MIN_YEAR, _MAX_YEAR = 1800, 2200
# Two defaults that differ in every field tell us which fields the string really contained,
# so "July 2017" stays "2017-07" instead of gaining an invented day.
_DEFAULT_A = datetime(2001, 1, 1, 0, 0, 0)
_DEFAULT_B = datetime(2002, 2, 2, 1, 1, 1)


def _plausible(year: int) -> bool:
    return _MIN_YEAR <= year <= _MAX_YEAR


def _iso(dt: datetime, with_time: bool) -> str:
    if not with_time:
        return dt.date().isoformat()
    return dt.isoformat(timespec="seconds")


def _from_epoch(value: float) -> str | None:
    # Millisecond timestamps are common in scraped JSON; seconds would land far in the future.
    if value > 1e11:
        value /= 1000.0
    try:
        dt = datetime.fromtimestamp(value, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return _iso(dt, True) if _plausible(dt.year) else None


def normalize_date(value: Any) -> str | None:
    """ISO 8601 for a date-like value, as precise as the input ("2017", "2017-07", a date or a
    datetime with its offset); None when it cannot be read as a plausible date."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return _iso(value, True) if _plausible(value.year) else None
    if isinstance(value, int | float):
        try:
            return _from_epoch(float(value))
        except OverflowError:  # an integer above 1e308 is no timestamp
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    if text.isdigit() and len(text) >= 9:
        try:
            return _from_epoch(float(text))
        except ValueError:  # isdigit() also holds for superscripts, which float() refuses
            return None
    if m := _YEAR.match(text):
        return m.group(1) if _plausible(int(m.group(1))) else None
    if m := _YEAR_MONTH.match(text):
        year, month = int(m.group(1)), int(m.group(2))
        return f"{year:04d}-{month:02d}" if _plausible(year) and 1 <= month <= 12 else None
    if m := _DATE.match(text):
        try:
            day = datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
        return _iso(day, False) if _plausible(day.year) else None
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return _parse_free_form(text)
    return _iso(dt, True) if _plausible(dt.year) else None


def _parse_free_form(text: str) -> str | None:
    from dateutil import parser

    try:
        with warnings.catch_warnings():
            # unknown zone names ("EDT") only cost the offset, which a date does not need
            warnings.simplefilter("ignore", parser.UnknownTimezoneWarning)
            a = parser.parse(text, default=_DEFAULT_A)
            b = parser.parse(text, default=_DEFAULT_B)
    except (ValueError, OverflowError, parser.ParserError):
        return None
    if a.year != b.year or not _plausible(a.year):
        return None
    if a.month != b.month:
        return f"{a.year:04d}"
    if a.day != b.day:
        return f"{a.year:04d}-{a.month:02d}"
    has_time = (a.hour, a.minute) == (b.hour, b.minute)
    return _iso(a, has_time)


# --------------------------------------------------------------------------- authors

# "and" in the languages whose news sites are most common in crawls.
# Case-sensitive, so a middle initial ("Mary E. Smith", "John Y. Lee") is not an "and".
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|\||,|&|\b(?:and|And|AND|und|et|y|e|og|och|en)\b)\s*")
# Academic and professional credentials written after a name ("Jane Doe, Ph.D.").
_CREDENTIAL_TEXT = "phd md mba rn jd cpa cfa cfp msc ma ms bsc ba dds rd mph do dnp np lcsw"
_CREDENTIALS = frozenset(_CREDENTIAL_TEXT.split()) | {"ph d"}
# A date glued to the name by the page layout ("Jane Doe February 8, 2024").
_TRAILING_DATE = re.compile(rf"\s+(?:{MONTH_PATTERN})\b\.?(?:\s+\d.*)?$", re.IGNORECASE)
_BY = re.compile(r"^(?:written\s+)?by[:\s]+", re.IGNORECASE)
_EMAIL_OR_URL = re.compile(r"\S+@\S+|https?://\S+|www\.\S+")
# Words that make up job titles and widget labels that sites put into author fields.
_ROLE_TEXT = """
    staff writer writers reporter reporters correspondent correspondents editor editors senior
    chief political foreign contributor contributing news desk team agency associate deputy
    managing bureau special our the a an of and for in online digital editorial
"""
_ROLE_WORDS = frozenset(_ROLE_TEXT.split())
_JUNK = re.compile(
    r"^(?:e-?mail|follow|contact|view|more|read|see|all|posts?|articles?|twitter|facebook)\b"
    r"|\b(?:the author|on twitter|author page|stories by|posts by)\b",
    re.IGNORECASE,
)
_MAX_AUTHOR_WORDS = 6
# Initials or a desk code after a name ("Jane Doe (jd)"), or a bracket cut off by a layout.
_TRAILING_PAREN = re.compile(r"\s*\((?:[^()]{0,12}\)|[^()]{0,12})$")
# Labels that sit where a byline goes: a lone month ("Dec"), "Updated ...", "Written By".
_NOT_A_NAME = re.compile(
    rf"^(?:(?:{MONTH_PATTERN})\.?|updated\b.*|published\b.*|written\s+by|posted\s+by|by)$",
    re.IGNORECASE,
)


def _clean_author(name: str) -> str | None:
    name = _EMAIL_OR_URL.sub(" ", name)
    name = _BY.sub("", name.strip())
    name = _TRAILING_DATE.sub("", name)
    name = _TRAILING_PAREN.sub("", name)
    name = re.sub(r"\s+", " ", name).strip(" \t-–—:.·|@")
    if not name or _JUNK.search(name) or _NOT_A_NAME.match(name):
        return None
    if not any(c.isalpha() for c in name):
        return None
    words = name.split()
    if len(words) > _MAX_AUTHOR_WORDS:
        return None
    if all(w.lower() in _ROLE_WORDS for w in words):
        return None
    if re.sub(r"[^a-z ]", "", name.lower()).strip() in _CREDENTIALS:
        return None
    return name


def _flatten_authors(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, dict):
        name = value.get("name") or value.get("full_name") or value.get("fullName")
        return _flatten_authors(name)
    if isinstance(value, list | tuple):
        out: list[str] = []
        for item in value:
            out.extend(_flatten_authors(item))
        return out
    return [str(value)]


def split_authors(value: Any, outlet: str | None = None) -> list[str]:
    """Author names from a string ("By A, B and C"), a list, or dicts with a "name" key.
    Drops e-mail addresses, job titles, credentials and widget text such as "Email the
    author"; the outlet's own name is dropped when a named person remains."""
    names: list[str] = []
    for raw in _flatten_authors(value):
        raw = _BY.sub("", raw.strip())
        parts = [p for p in _AUTHOR_SPLIT.split(raw) if p.strip()]
        # "Doe, Jane" is one person written surname first, not two authors.
        if (
            "," in raw
            and len(parts) == 2
            and all(len(p.split()) == 1 for p in parts)
            and not re.search(r"\band\b|&|;", raw, re.IGNORECASE)
        ):
            parts = [f"{parts[1]} {parts[0]}"]
        for part in parts:
            name = _clean_author(part)
            if name and name.lower() not in {n.lower() for n in names}:
                names.append(name)
    if outlet:
        key = re.sub(r"\W+", "", outlet.lower())
        people = [n for n in names if re.sub(r"\W+", "", n.lower()) != key]
        if people:
            names = people
    return names


# --------------------------------------------------------------------------- outlets


def outlet_name(value: Any) -> str | None:
    """An outlet name from a string or a {"name": ...} dict (NewsAPI style)."""
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or value.get("id")
    if value is None:
        return None
    text = re.sub(r"\s+", " ", str(value)).strip()
    if not text:
        return None
    if text.lower().startswith(("http://", "https://", "www.")):
        return host_of(text)
    return text

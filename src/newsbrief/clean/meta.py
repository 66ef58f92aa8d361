"""Bylines and datelines: lines and prefixes that are metadata, not article text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# A personal name: 1-4 capitalised tokens, allowing initials, particles and hyphens.
_NAME = (
    r"(?:[A-Z][\w'’.-]*\.?|[A-Z]\.)(?:\s+(?:(?:de|da|del|van|von|der|bin|al|el|la|le|du|dos)[- ])?"
    r"(?:[A-Z][\w'’.-]*|[A-Z]\.)){0,3}"
)
_NAMES = rf"{_NAME}(?:\s*(?:,|&|\band\b)\s*{_NAME})*"

_BYLINE = re.compile(
    rf"^\s*(?P<kind>by|written by|words by|story by|text by|reporting by|reported by|"
    rf"additional reporting by|interviewed by|interview by|compiled by|edited by|editing by|"
    rf"author|authors|posted by|report by)\s*:?\s+(?P<names>{_NAMES})"
    rf"(?P<tail>\s*(?:[,|;–—-]\s*.{{0,80}})?)\s*\.?\s*$",
    re.IGNORECASE,
)
# Reuters-style closing credits carry several roles on one line.
_ROLE = re.compile(
    rf"(?P<kind>reporting|additional reporting|writing|editing|edited|compiled|interviewed)\s+by\s*:?\s*"
    rf"(?P<names>{_NAMES})",
    re.IGNORECASE,
)
_NOT_NAME = re.compile(
    r"^(?:the|a|an|this|that|his|her|their|its|our|using|means|far|now|then|way|which|"
    r"comparison|contrast|default|chance|mistake|law|design|night|day|car|air|train|phone)$",
    re.IGNORECASE,
)

_ORG_WORDS = {
    "press",
    "news",
    "agency",
    "agencies",
    "staff",
    "reporter",
    "reporters",
    "correspondent",
    "writer",
    "editor",
    "bureau",
    "desk",
    "wire",
    "wires",
    "team",
    "media",
    "online",
}
# Upper-case lead-ins that label the story rather than place it.
_LABELS = {
    "BREAKING",
    "UPDATE",
    "UPDATED",
    "EXCLUSIVE",
    "WATCH",
    "VIDEO",
    "PHOTOS",
    "ANALYSIS",
    "OPINION",
    "EDITORIAL",
    "NOTE",
    "LIVE",
    "CORRECTION",
    "FILE",
    "READ",
    "EDITOR'S NOTE",
    "FACT CHECK",
}

_WIRES = (
    r"Reuters|AP|AFP|UPI|Xinhua|IANS|PTI|ANI|dpa|DPA|EFE|ANSA|Bloomberg|CNN|BBC|TASS|"
    r"Sputnik|KUNA|WAM|SPA|IRNA|Anadolu|Yonhap|Kyodo|Bernama|Antara|APA|CP|AAP|NNA|MENA|"
    r"[A-Z][A-Za-z]{1,12}(?: [A-Z][A-Za-z]{1,12})?"  # a station and its city: "(CBS SF)"
)
_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Z.'’-]+(?:[ -][A-Z][A-Z.'’-]+){{0,3}}"
    rf"(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+){{0,2}})?)"
    rf"(?:,?\s*(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{{1,2}}))?"
    rf"\s*(?:\((?P<wire>{_WIRES})\))?\s*(?:(?P<sep>:|—|–|--|-|_)\s+(?=\S)"
    # a dash set tight against the first word: "HIROSHIMA--A stray dog", "WASHINGTON—The"
    rf"|(?:—|--)(?=[A-Z\"“]))"
)
# A wire credit alone opening the paragraph: "(CNN) -- ...", "(Reuters) - ...", "(AP) ...".
_KNOWN_WIRES = _WIRES.rsplit("|", 1)[0]
_CREDIT_ONLY = re.compile(
    rf"^\((?P<wire>{_KNOWN_WIRES})\)\s*(?:(?:—|–|--|-|_|:)\s*)?(?=[A-Z\"“‘'])"
)
# Any outlet's credit with the wire dash: "(HealthDay News) -- ...", "(Valley Post) — ...". The
# dash is what says credit; "(Updated) The count ..." or "(KTV SF) The council ..." stay.
_OUTLET_CREDIT = re.compile(
    r"^\((?P<wire>[A-Z][A-Za-z]{1,15}(?: [A-Z][A-Za-z]{1,15}){0,2})\)\s*(?:—|–|--)\s*(?=[A-Z\"“‘'])"
)


@dataclass(slots=True)
class Byline:
    authors: list[str] = field(default_factory=list)
    interviewers: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)


def _split_names(names: str) -> list[str]:
    parts = re.split(r"\s*(?:,|&|\band\b)\s*", names)
    out = []
    for part in parts:
        part = part.strip(" .")
        tokens = part.split()
        if not tokens or _NOT_NAME.match(tokens[0]) or len(tokens) > 4:
            continue
        if any(t.lower().strip(".") in _ORG_WORDS for t in tokens):
            continue
        out.append(part)
    return out


def parse_byline(line: str) -> Byline | None:
    """The people a credit line names, or None if the line is not a credit line."""
    text = line.strip()
    if len(text) > 160 or not text:
        return None
    match = _BYLINE.match(text)
    roles = list(_ROLE.finditer(text)) if match is None else []
    if match is None and not (roles and roles[0].start() < 3):
        return None
    byline = Byline()
    pieces = [(match.group("kind"), match.group("names"))] if match else []
    pieces += [(m.group("kind"), m.group("names")) for m in roles]
    if match:
        pieces += [(m.group("kind"), m.group("names")) for m in _ROLE.finditer(match.group("tail"))]
    for kind, names in pieces:
        people = _split_names(names)
        low = kind.lower()
        if low.startswith("interview"):
            byline.interviewers += people
        elif low.startswith("edit"):
            byline.editors += people
        else:
            byline.authors += people
    if not (byline.authors or byline.interviewers or byline.editors):
        return None
    # "By the time the troops arrived, ..." is a sentence, not a credit.
    sentence = text.rstrip().endswith((".", "!", "?")) and len(text.split()) > 6
    if match and match.group("kind").lower() == "by" and sentence:
        return None
    return byline


@dataclass(slots=True)
class Dateline:
    place: str
    wire: str | None
    prefix: str  # the text cut from the paragraph, separator included


def parse_dateline(line: str) -> Dateline | None:
    """A dateline prefix ("LONDON (Reuters) -", "KUWAIT:", "TRIPOLI, Libya (AP) _", or a
    wire credit alone, "(CNN) --") at the start of a paragraph; ``place`` is "" for a credit."""
    credit = _CREDIT_ONLY.match(line) or _OUTLET_CREDIT.match(line)
    if credit is not None:
        if len(line[credit.end() :].split()) < 4:
            return None
        return Dateline(place="", wire=credit.group("wire"), prefix=line[: credit.end()])
    match = _DATELINE.match(line)
    if match is None:
        return None
    place = match.group("place").strip(" ,")
    letters = [c for c in place if c.isalpha()]
    # An upper-case place (or a wire credit) keeps ordinary "Update:"-style lead-ins out.
    head = place.split(",")[0]
    if head.upper() in _LABELS:
        return None
    if not match.group("wire") and not (head.isupper() and len(letters) >= 2):
        return None
    rest = line[match.end() :]
    if len(rest.split()) < 4:
        return None
    return Dateline(place=place, wire=match.group("wire"), prefix=line[: match.end()])

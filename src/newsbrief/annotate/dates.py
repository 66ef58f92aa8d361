"""Date expressions, absolute and relative, resolved to ISO 8601 against an anchor date.

Hand-written patterns (dateparser is ~100x slower and matches far too much in running text).
Values are as precise as the text: "2016", "2014-06", "2017-07-10", ISO weeks ("2017-W28")
for "last week". Relative expressions with no anchor keep ``value=None``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from newsbrief.records import DateMention, Sentence
from newsbrief.text import MONTH_PATTERN, MONTHS, NUMBER_WORDS, WEEKDAYS

_NUMBERS = {"a": 1, "an": 1, **NUMBER_WORDS}
# Month words as written in running text: capitalised ("May", "Sept."), never "may".
_MONTH_WORDS = "|".join(m.capitalize() for m in MONTH_PATTERN.split("|"))

_MON = rf"(?P<mon>(?:{_MONTH_WORDS})\.?)"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_WD = rf"(?P<wd>{'|'.join(d.capitalize() for d in WEEKDAYS)})"
_NUM = rf"(?P<num>\d{{1,3}}|(?i:{'|'.join(sorted(_NUMBERS, key=lambda w: (-len(w), w)))}))"

_PATTERNS = [
    ("iso", rf"\b{_YEAR}-(?P<m2>[01]\d)-(?P<d2>[0-3]\d)\b"),
    ("dmy", rf"\b{_DAY}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?\b"),
    ("mdy", rf"\b{_MON}\s+{_DAY}(?!\d|:)(?:,?\s+{_YEAR})?\b"),
    ("edge", rf"\b(?:the\s+)?(?P<edge>end|beginning|start|middle)\s+of\s+{_MON}(?:\s+{_YEAR})?\b"),
    ("my", rf"\b{_MON}\s+(?:of\s+)?{_YEAR}\b"),
    (
        "m",
        rf"\b(?:in|since|until|by|during|early|late|mid-|last|next|this)\s*{_MON}(?![\w-]|\s*,?\s*(?:\d|of\s+\d))",
    ),
    (
        "y",
        rf"(?:\b(?:in|since|from|until|till|to|by|of|during|before|after|early|late|mid-|between|and|through)\s+|\bmid-){_YEAR}(?![\w-])",
    ),
    ("ago", rf"\b{_NUM}\s+(?P<unit>day|week|month|year)s?\s+ago\b"),
    ("rel", r"\b(?P<which>(?i:last|this|next|past))\s+(?P<unit>week|month|year)\b"),
    ("day", r"\b(?P<word>(?i:yesterday|today|tomorrow))\b"),
    ("wd", rf"\b(?:(?P<wmod>(?i:last|next|this|on))\s+)?{_WD}\b"),
]
# One regex per kind, tried in priority order: separate patterns with cheap literal
# prefilters are ~2x faster than one big alternation on long texts.
_COMPILED = [(name, re.compile(pat.replace("?P<", f"?P<{name}_"))) for name, pat in _PATTERNS]
_ANY_MONTH = re.compile(rf"\b(?:{'|'.join(sorted({m[:3].capitalize() for m in MONTHS}))})")


def _wanted(name: str, text: str, low: str, has_month: bool) -> bool:
    if name in ("dmy", "mdy", "edge", "my", "m"):
        return has_month
    if name == "iso":
        return "-" in text
    if name == "ago":
        return " ago" in low
    if name == "day":
        return "yesterday" in low or "today" in low or "tomorrow" in low
    if name == "wd":
        return "day" in text
    return True


def _matches(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[str, re.Match[str]]]:
    """Non-overlapping matches in ``text[lo:hi]``; on overlap the earlier kind in
    ``_PATTERNS`` wins."""
    hi = len(text) if hi is None else hi
    part = text if lo == 0 and hi == len(text) else text[lo:hi]
    low = part.lower()
    has_month = bool(_ANY_MONTH.search(part))
    taken: list[tuple[int, int]] = []
    out: list[tuple[str, re.Match[str]]] = []
    for name, rx in _COMPILED:
        if not _wanted(name, part, low, has_month):
            continue
        for m in rx.finditer(text, lo, hi):
            s, e = m.span()
            i = bisect.bisect_left(taken, (s, e))
            if (i > 0 and taken[i - 1][1] > s) or (i < len(taken) and taken[i][0] < e):
                continue
            taken.insert(i, (s, e))
            out.append((name, m))
    out.sort(key=lambda x: x[1].start())
    return out


def _anchor(anchor: str | None) -> dt.date | None:
    if not anchor:
        return None
    try:
        return dt.date.fromisoformat(anchor[:10])
    except ValueError:
        return None


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _ymd(y: int, m: int, d: int | None = None) -> str | None:
    try:
        return dt.date(y, m, d).isoformat() if d else f"{y:04d}-{m:02d}"
    except ValueError:
        return None


def _week(d: dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def _shift_months(d: dt.date, n: int) -> tuple[int, int]:
    total = d.year * 12 + d.month - 1 + n
    return total // 12, total % 12 + 1


# The tense of the words before a bare weekday decides which one it is: "will reopen on
# Saturday" and "by Friday" look ahead, "was closed on Monday" looks back. The marker
# nearest to the weekday wins.
_TENSE = re.compile(
    r"\b(?P<fut>will|would|shall|'ll|going to|due|expected|scheduled|plans?|by|next|until|till"
    r"|before|from)\b|\b(?P<past>was|were|had|did|said|last|ago|\w{3,}ed)\b",
    re.I,
)


def _future(before: str) -> bool:
    found = list(_TENSE.finditer(before))
    return bool(found) and found[-1].group("fut") is not None


def _resolve(
    kind: str, g: dict[str, str | None], a: dt.date | None, future: bool = False
) -> tuple[str | None, bool]:
    """ISO value and whether it needed the anchor."""

    def get(key: str) -> str | None:
        return g.get(f"{kind}_{key}")

    if kind == "iso":
        return _ymd(int(get("year") or 0), int(get("m2") or 0), int(get("d2") or 0)), False
    if kind in ("dmy", "mdy", "my", "m", "edge"):
        mon = _month(get("mon") or "")
        day = int(get("day") or 0) or None
        if day is not None and not 1 <= day <= 31:
            return None, False
        if get("year"):
            return _ymd(int(get("year") or 0), mon, day), False
        if a is None:
            return None, True
        year = a.year
        if (mon - a.month) % 12 >= 8 and mon > a.month:
            year -= 1  # "on December 20" in a January article is last year's
        return _ymd(year, mon, day), True
    if kind == "y":
        return get("year"), False
    if a is None:
        return None, True
    if kind == "ago":
        num = get("num") or "1"
        n = int(num) if num.isdigit() else _NUMBERS[num.lower()]
        unit = (get("unit") or "").lower()
        if unit == "day":
            return (a - dt.timedelta(days=n)).isoformat(), True
        if unit == "week":
            return _week(a - dt.timedelta(weeks=n)), True
        if unit == "month":
            return _ymd(*_shift_months(a, -n)), True
        return str(a.year - n), True
    if kind == "rel":
        step = {"last": -1, "past": -1, "this": 0, "next": 1}[(get("which") or "").lower()]
        unit = (get("unit") or "").lower()
        if unit == "week":
            return _week(a + dt.timedelta(weeks=step)), True
        if unit == "month":
            return _ymd(*_shift_months(a, step)), True
        return str(a.year + step), True
    if kind == "day":
        off = {"yesterday": -1, "today": 0, "tomorrow": 1}[(get("word") or "").lower()]
        return (a + dt.timedelta(days=off)).isoformat(), True
    # weekdays: plain/"on"/"last" mean the most recent such day, "next" the coming one
    target = WEEKDAYS.index((get("wd") or "").lower())
    mod = (get("wmod") or "").lower()
    if mod == "next" or (future and mod != "last"):
        delta = (target - a.weekday()) % 7
        if mod == "next" and delta == 0:
            delta = 7
        return (a + dt.timedelta(days=delta)).isoformat(), True
    delta = (a.weekday() - target) % 7
    if mod == "last" and delta == 0:
        delta = 7
    return (a - dt.timedelta(days=delta)).isoformat(), True


def extract_dates(text: str, sentences: list[Sentence], anchor: str | None) -> list[DateMention]:
    """Date expressions in ``text``, resolved against ``anchor`` (ISO date) when relative."""
    a = _anchor(anchor)
    starts = [s.start for s in sentences]
    found = (_mention(text, kind, m, a, starts) for kind, m in _matches(text))
    return [d for d in found if d is not None]


def reanchor(
    text: str, sentences: list[Sentence], dates: list[DateMention], anchor: str
) -> list[DateMention]:
    """``dates`` (as ``extract_dates`` found them in ``text``) with the relative ones resolved
    again against ``anchor``: for an article whose date is known only after annotation (the
    timeline infers one from the text). Each relative mention is re-read within its sentence."""
    a = _anchor(anchor)
    starts = [s.start for s in sentences]
    by_index = {s.index: s for s in sentences}
    out: list[DateMention] = []
    for d in dates:
        sent = by_index.get(d.sentence)
        if not d.relative or sent is None:
            out.append(d)
            continue
        again = (_mention(text, k, m, a, starts) for k, m in _matches(text, sent.start, sent.end))
        same = [n for n in again if n is not None and (n.start, n.end) == (d.start, d.end)]
        out.append(same[0] if same else d)
    return out


def _mention(
    text: str, kind: str, m: re.Match[str], a: dt.date | None, starts: list[int]
) -> DateMention | None:
    """The DateMention of one match, or None for a match that is no date."""
    groups = {k: v for k, v in m.groupdict().items() if v is not None}
    if kind == "m" and (groups.get("m_mon") or "").lower().rstrip(".") in ("may", "mar"):
        return None  # "may" and "mar" are mostly ordinary words
    start, end = m.span()
    future = False
    if kind == "wd":
        sent_start = starts[max(0, bisect.bisect_right(starts, start) - 1)] if starts else 0
        future = _future(text[max(sent_start, start - 80) : start])
    value, relative = _resolve(kind, groups, a, future)
    if text[end - 1] == "." and kind in ("m", "my") and len(text[start:end]) > 5:
        end -= 1  # "in February." : the full stop ends the sentence, not an abbreviation
    # Keep only the date itself, not the preposition that licensed it ("in 2016" -> "2016")
    inner = f"{kind}_year" if kind == "y" else None
    if inner and groups.get(inner):
        start = m.start(inner)
    elif kind == "m":
        start = m.start("m_mon")
    elif kind == "wd" and (groups.get("wd_wmod") or "").lower() == "on":
        start = m.start("wd_wd")
    sent = max(0, bisect.bisect_right(starts, start) - 1)
    return DateMention(text[start:end], value, sent, start, end, relative)

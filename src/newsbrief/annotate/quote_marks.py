"""The quotation-mark scanner: spans of quoted text in an article, with straight, curly,
guillemet, low-9 („…“), newswire (``…'') and single marks (single quotes told apart from
apostrophes). A quote left open at a paragraph's end goes on when the next paragraph re-opens
it (one quote over several paragraphs, as PolNeAR annotates it), unless that paragraph's
quote has a cue of its own ("“…,” she added."): then each is a span of its own paragraph.
Newswire copy mixes its marks ("“…''", "``…”", "\"…''"): any double mark closes any double
opener. Who said them is ``quotes``' job."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# '' (two apostrophes) closes every double opener: wire copy writes "“…''" and "\"…''"
_OPENERS = {"“": "”\"'", '"': "\"”'", "«": "»", "„": "“”\"'", "‹": "›"}


@dataclass(slots=True)
class _Span:
    open: int
    start: int
    end: int
    close: int  # index just after the closing mark


_DOUBLE_CLOSE = re.compile("''|[”\"\n]")


def _double_close(text: str, start: int) -> int:
    """Index of the first double closing mark ('', ” or ") after ``start`` on its paragraph,
    -1 if the paragraph ends first."""
    hit = _DOUBLE_CLOSE.search(text, start)
    return -1 if hit is None or text[hit.start()] == "\n" else hit.start()


def _mark_len(text: str, j: int) -> int:
    return 2 if text.startswith("''", j) else 1


def _own_cue(text: str, start: int, closers: str) -> bool:
    """Whether the quote re-opened at ``start`` closes on its paragraph with a cue of its own
    right after ("“…,” Lattner added"): then it is a quote of its own, not the previous one's
    continuation."""
    from newsbrief.annotate import cues

    nl = text.find("\n", start)
    line = text[start : len(text) if nl < 0 else nl]
    marks = [c for c in closers if c != "'"] + (["''"] if "'" in closers else [])
    found = [(i, len(c)) for i, c in ((line.find(c), c) for c in marks) if i >= 0]
    if not found:
        return False
    at, size = min(found)
    tail = line[at + size : at + size + 120]
    return bool(cues.AFTER_SV.match(tail) or cues.AFTER_VS.match(tail))


def _unclosed_before(text: str, start: int, k: int) -> int:
    """Where a straight quote left unclosed ends, when the mark at ``k`` that would close it
    opens the next quote instead ('"A, said X. "B …"': a space before it, a capital after)
    and a cue ends the words before it; -1 otherwise."""
    if not (text[k - 1 : k].isspace() and text[k + 1 : k + 2].isupper()):
        return -1
    cue = _trailing_cue().search(text, start, k)
    return cue.start() if cue is not None and cue.start() > start else -1


@lru_cache(maxsize=1)
def _trailing_cue() -> re.Pattern[str]:
    """ ", said X." or ", X said." at the end of a stretch (built on first use: the cue
    lexicon is large)."""
    from newsbrief.annotate import cues

    who = rf"(?:{cues.SUBJ})(?:,[^,.\n]{{1,60}})?"
    return re.compile(
        rf",[ \t]+(?:(?:{cues.VERBS})[ \t]+{who}|{who}[ \t]+(?:{cues.VERBS}))[.!?]?[ \t]*$"
    )


def _single_open(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "(—–-:[") and after.isalnum()


def _single_close(text: str, i: int, start: int) -> int:
    """Index of the closing single quote for content starting at ``start``, -1 if none."""
    j = start
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    while j < line_end:
        ch = text[j]
        if ch in "’'" and not text[j - 1].isspace():
            nxt = text[j + 1] if j + 1 < len(text) else " "
            if not nxt.isalnum():
                return j
        j += 1
    return -1


_QUOTE_CHAR = re.compile("[“\"«„‹‘'`]")
_STOPS = {op: re.compile("[" + re.escape(cl) + "\n]") for op, cl in _OPENERS.items()}


def quote_spans(text: str) -> list[_Span]:
    """Top-level quoted spans (content offsets without the marks)."""
    out: list[_Span] = []
    n = len(text)
    i = 0
    while i < n:
        found = _QUOTE_CHAR.search(text, i)
        if not found:
            break
        i = found.start()
        ch = text[i]
        if ch == "`":
            # ``newswire style'': closed by two apostrophes (or a double mark, in mixed copy)
            # on the same paragraph
            j = _double_close(text, i + 2) if text.startswith("``", i) else -1
            if j > 0 and text[i + 2 : j].strip():
                out.append(_Span(i, i + 2, j, j + _mark_len(text, j)))
                i = j + _mark_len(text, j)
                continue
            i += 1
            continue
        if text.startswith("''", i) and (i == 0 or not text[i - 1].isalnum()):
            j = _double_close(text, i + 2)
            if j > 0:  # ''typewriter quotes'' used by some wires
                out.append(_Span(i, i + 2, j, j + _mark_len(text, j)))
                i = j + _mark_len(text, j)
                continue
        if ch in _OPENERS:
            closers = _OPENERS[ch]
            j = i + 1
            while j < n and text[j] == ch:
                j += 1  # a doubled opener (""Iraqi …) is one mark
            start = k = j
            end = close = n
            stop = _STOPS[ch]
            while k < n:
                hit = stop.search(text, k)
                if not hit:
                    break
                k = hit.start()
                if text[k] == "'":
                    if text.startswith("''", k):
                        end, close = k, k + 2
                        break
                    k += 1  # an apostrophe or a single quote inside
                    continue
                if text[k] in closers:
                    end, close = k, k + 1
                    unclosed = _unclosed_before(text, start, k) if ch == '"' else -1
                    if unclosed > 0:  # '"A, said X. "B': A's closing mark was left out
                        end = close = unclosed
                    break
                nxt = k
                while nxt < n and text[nxt].isspace():
                    nxt += 1
                if nxt < n and text[nxt] == ch and not _own_cue(text, nxt + 1, closers):
                    k = nxt + 1  # the quote goes on in the next paragraph, which re-opens it
                    continue
                # the paragraph ends unclosed: the quote was never closed, or the next
                # paragraph's quote is attributed on its own ("“…,” she added"): it ends here
                end = close = k
                break
            if end > start and text[start:end].strip():
                out.append(_Span(i, start, end, close))
            i = max(close, i + 1)
            continue
        if ch in "‘'" and _single_open(text, i):
            j = _single_close(text, i, i + 1)
            if j > 0:
                out.append(_Span(i, i + 1, j, j + 1))
                i = j + 1
                continue
        i += 1
    return out

"""A quotation that opens in an earlier sentence than the one that holds its cue.

'The plan was “a waste of money from the start. Nobody asked for it,” Roe said.': the
quotation opens on a lower-case word (a partial quote, so reported speech rather than a
direct quote) and the sentence splitter cuts it at its inner full stop. The cue's sentence
then holds only the quotation's tail, whose closing mark has no opening one; the statement
starts with the sentence in which the quotation opened.
"""

from __future__ import annotations

import re

from newsbrief.annotate.reported_content import content_bounds
from newsbrief.records import Sentence

# a quotation left open over more sentences than this is a stray mark, not a statement
_MOST_BACK = 2


def _open_mark(text: str, para_start: int, at: int) -> int:
    """Where the quotation still open at ``at`` opened in its paragraph, or -1: the last
    curly opening mark with no closing one after it, or the last straight mark when the
    paragraph holds an odd number of them before ``at`` (straight marks pair in order)."""
    curly = text.rfind("“", para_start, at)
    if curly >= 0 and text.find("”", curly, at) < 0:
        return curly
    if text.count('"', para_start, at) % 2 == 1:
        return text.rfind('"', para_start, at)
    return -1


def opening_sentence(text: str, sentences: list[Sentence], at: int, start: int) -> Sentence | None:
    """The earlier sentence (same paragraph, at most two back) where the quotation that the
    statement at ``start`` of ``sentences[at]`` closes was opened; None when no quotation is
    open at the sentence's start, or the statement does not reach its closing mark."""
    sent = sentences[at]
    para_start = text.rfind("\n", 0, sent.start) + 1
    opened = _open_mark(text, para_start, sent.start)
    if opened < 0:
        return None
    mark = "”" if text[opened] == "“" else '"'
    close = text.find(mark, sent.start, sent.end)
    if not start < close:
        return None
    for back in range(at - 1, max(-1, at - 1 - _MOST_BACK), -1):
        prev = sentences[back]
        if prev.start < para_start:
            return None
        if prev.start <= opened < prev.end:
            return prev
    return None


_STRAIGHT_CLOSE = re.compile(r'[,.!?]?"')


def with_closing_mark(text: str, start: int, end: int) -> int:
    """``end`` past the straight closing mark (and the comma before it) of a quotation the
    statement opened, as a curly one is kept: the shown words never leave a mark unpaired."""
    if text.count('"', start, end) % 2 == 0:
        return end
    m = _STRAIGHT_CLOSE.match(text, end)
    return m.end() if m else end


def widened_to_opening(
    text: str,
    sentences: list[Sentence],
    at: int,
    span: tuple[int, int],
    c_rel: tuple[int, int],
    covered: list[tuple[int, int]],
    last_taken: int,
) -> tuple[int, int]:
    """``span`` (a statement of ``sentences[at]`` with its cue after it, ``c_rel`` its content
    relative to the sentence) started at the sentence where its quotation opened ("X was “a
    waste. Nobody wants it,” Roe said"), unless that sentence, or a later one, already holds
    a statement (``last_taken``: the last sentence with one)."""
    prev = opening_sentence(text, sentences, at, span[0])
    if prev is None or last_taken >= prev.index:
        return span
    if any(a < span[0] and b > prev.start for a, b in covered):
        return span  # a direct quote between: the open mark is not this statement's
    sent = sentences[at]
    wider = content_bounds(text, sent, (prev.start - sent.start, c_rel[1]), covered, 12)
    if wider is None:
        return span
    return wider[0], with_closing_mark(text, *wider)

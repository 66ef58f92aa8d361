"""Where a direct quote's cue is: the clause after its closing mark or before its opening
mark found by pattern, else by the parse of the one or two sentences around the quote; and
which quoted stretches are no statement at all (a phrase continuing the running sentence, a
title)."""

from __future__ import annotations

import re
from collections.abc import Callable

from newsbrief import parse as nlp_parse
from newsbrief.annotate import cues
from newsbrief.annotate import lexicon as lx
from newsbrief.annotate.quote_marks import _Span
from newsbrief.annotate.quote_split import continues_split
from newsbrief.records import Sentence

_CUE_RIGHT_BEFORE = re.compile(rf"\b(?:{cues.VERBS})[,:][ \t]*$")


def cued_right_before(text: str, span: _Span) -> bool:
    """Whether a speech verb and a comma or colon stand right before the opening mark."""
    return _CUE_RIGHT_BEFORE.search(text, max(0, span.open - 40), span.open) is not None


def is_fragment(text: str, span: _Span, content: str) -> bool:
    """A quote that continues the running sentence ("said voting fraud is “a big problem”")."""
    if _CUE_RIGHT_BEFORE.search(text, max(0, span.open - 40), span.open):
        return False  # "“A,” he said, “b …”": the second part of a split quote
    if continues_split(text, span.open):
        return False  # "“A,” said Dr. Lee, the mayor, “b …”": the cue clause runs on
    if content[:1].islower():
        return True
    k = span.open - 1
    while k >= 0 and text[k] in " \t\xa0":
        k -= 1
    if k < 0 or not text[k].isalnum():
        return False
    word = re.search(r"(\w+)$", text[: k + 1])
    return not (
        word and word.group(1).lower() in lx.SPEECH_VERBS | {"that"} and content[:1].isupper()
    )


_TITLE_SMALL = lx.words("a an the of and or in on for to with at by from as vs")


def is_title(content: str) -> bool:
    """ "The Agency and Overhead Photography", "Quiet Signals": every word capitalised but
    the small ones, and no sentence mark; a book, film or report title, not a statement."""
    words = [w.strip("\"“”‘’',;:()") for w in content.split()]
    words = [w for w in words if w]
    if len(words) > 12 or content.rstrip("\"”’' ,")[-1:] in ".!?":
        return False
    caps = [w for w in words if w[:1].isupper() or w[:1].isdigit()]
    rest = [w for w in words if w not in caps]
    return len(caps) >= 2 and all(w.lower() in _TITLE_SMALL for w in rest)


def cue_after(text: str, span: _Span) -> re.Match[str] | None:
    tail = text[span.close : span.close + 120]
    if span.end < span.close and text[span.end - 1 : span.end] not in ",!?" and tail[:1] == ".":
        return None
    return (
        cues.AFTER_SV.match(tail)
        or cues.AFTER_VS.match(tail)
        or cues.AFTER_ACCORDING.match(tail)
        or cues.AFTER_LOOSE.match(tail)
        or cues.AFTER_DASH.match(tail)
    )


def cue_before(text: str, span: _Span, floor: int) -> tuple[str, int, int, str] | None:
    line_start = text.rfind("\n", 0, span.open) + 1
    lo = max(line_start, floor)
    prefix = text[lo : span.open]
    if not prefix.strip():  # "X continued:\n\n"…"": the cue is the previous paragraph
        prev_end = len(text[:line_start].rstrip())
        if prev_end > floor and text[prev_end - 1 : prev_end] == ":":
            lo = max(text.rfind("\n", 0, prev_end) + 1, floor)
            prefix = text[lo:prev_end]
    verbs = list(cues.VERB_RE.finditer(prefix))
    if not verbs:
        return None
    v = verbs[-1]
    between = prefix[v.end() :]
    if len(between) > 140 or re.search(r"[.!?][\"”’]?\s+[A-Z]", between):
        return None
    # a subject is never longer than the window; searching the whole prefix is quadratic
    sm = cues.SUBJ_END.search(prefix, max(0, v.start() - 150), v.start())
    if not sm:
        return None
    return sm.group("subj"), lo + sm.start("subj"), lo + sm.end("subj"), v.group("verb")


_HEADLINE_SPEAKER = re.compile(rf"^[ \t]*(?P<subj>{cues.SUBJ})[ \t]*:[ \t]*$")


def parsed_cue(
    text: str, span: _Span, sentences: list[Sentence], sentence_of: Callable[[int], int]
) -> tuple[str, int, int, str] | None:
    """The subject and verb of the clause a quote hangs on, from the parse of the sentences
    holding its opening and closing marks ("Sarandon, 69, told MSNBC", "Trump barked",
    "Hillary shot back, “…”"): the verb nearest the quote outside it, with a subject outside
    it. Only those one or two sentences are parsed."""
    if not sentences:
        return None
    line_start = text.rfind("\n", 0, span.open) + 1
    head = _HEADLINE_SPEAKER.match(text, line_start, span.open)
    if head:  # "Name: ‘…’", a headline or a transcript line
        return head.group("subj"), head.start("subj"), head.end("subj"), ":"
    first, last = sentence_of(span.open), sentence_of(max(span.open, span.close - 1))
    best: tuple[int, str, int, int, str] | None = None
    for idx, side in ((last, "after"), (first, "before")):
        sent = sentences[idx]
        if side == "after" and not text[span.close : sent.end].strip(' .,\n"”’'):
            continue
        if side == "before" and not text[sent.start : span.open].strip():
            continue
        try:
            doc = nlp_parse.parse_one(sent.text)
        except Exception:  # no parser: the pattern cues stand alone
            return None
        off = sent.start
        for tok in doc:
            pos = off + tok.idx
            if tok.pos_ != "VERB" or span.open <= pos < span.close:
                continue
            if side == "after" and pos < span.close or side == "before" and pos >= span.open:
                continue
            subj = [
                c
                for c in tok.children
                if c.dep_ in ("nsubj", "nsubjpass") and not span.open <= off + c.idx < span.close
            ]
            if not subj:
                continue
            dist = pos - span.close if side == "after" else span.open - pos
            if dist > 120:
                continue
            c = subj[0]
            lo = off + min(t.idx for t in c.subtree)
            hi = off + max(t.idx + len(t) for t in c.subtree)
            if span.open <= hi and lo < span.close:
                continue
            if lo > pos and tok.lower_ in ("told", "tells", "tell", "informed", "assured"):
                continue  # "…," told reporters X: an inverted tell-verb names its addressee
            if best is None or dist < best[0]:
                best = (dist, tok.text, lo, hi, side)
        if best is not None:
            break
    if best is None:
        return None
    _, verb, lo, hi, _ = best
    return text[lo:hi], lo, hi, verb


def cue_sentences(
    text: str, span: _Span, sentences: list[Sentence], sentence_of: Callable[[int], int]
) -> list[int]:
    """The sentences ``parsed_cue`` would parse for ``span`` (none for a "Name:" line)."""
    line_start = text.rfind("\n", 0, span.open) + 1
    if _HEADLINE_SPEAKER.match(text, line_start, span.open):
        return []
    first, last = sentence_of(span.open), sentence_of(max(span.open, span.close - 1))
    out = []
    if text[span.close : sentences[last].end].strip(' .,\n"”’'):
        out.append(last)
    if text[sentences[first].start : span.open].strip():
        out.append(first)
    return out

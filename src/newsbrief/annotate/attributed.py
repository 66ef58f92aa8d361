"""General attributions: a subject, a cue from the learned lexicon, and the rest of its clause.

News attribution goes far beyond speech verbs: "X criticized the plan", "X endorsed Y",
"X called for an inquiry", "voters seemed to prefer …". Cue words and two-word cues ("called
for", "referring to") come from ``cue_lexicon.CUES``, fitted on PolNeAR train. A match needs a
subject right before the cue (through auxiliaries and adverbs) unless the cue is a participle
("…, calling it a disgrace"), and its content is the rest of the clause: up to a semicolon, a
dash, a bracket, a participle that opens another attribution, or the end of the sentence. A
sentence may hold several such attributions; a cue inside the content of an earlier one is part
of that content, never a new attribution.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from newsbrief.annotate import cues
from newsbrief.annotate import lexicon as lx
from newsbrief.annotate.cue_lexicon import CUES

# (subject or None, subject span, cue, content span, kind)
General = tuple[str | None, tuple[int, int], str, tuple[int, int], str]

_AUX = (
    r"(?:(?:has|have|had|will|would|could|should|can|may|might|must|did|does|do|is|are|was"
    r"|were|be|been|being|not|never|also|still|already|just|repeatedly|publicly|recently"
    r"|previously|later|then|once|again|even|only|strongly|openly|long|often|first|now"
    r"|sharply|reportedly|always|initially|ultimately|quickly|largely|certainly|clearly"
    r"|n't|didn't|doesn't|don't|won't|wouldn't|hasn't|haven't|isn't|wasn't)\s+)*"
)
_SUBJ_BEFORE = re.compile(
    rf"(?P<subj>{cues.SUBJ}|[Ww]ho|[Ww]hich)(?:\s*\([^()]{{1,24}}\))?\s+{_AUX}$"
)
CUES_IN_USE: frozenset[str] = CUES
_FIRST_WORDS: frozenset[str] = frozenset()
_TOKEN = re.compile(r"[a-z][\w’'\-]*")
_PUNCT_SPACE = str.maketrans({c: " " for c in '.,;:!?()[]"“”‘—–…'})


def set_cues(keys: Iterable[str]) -> None:
    """Use ``keys`` as the cue lexicon (the shipped one is ``cue_lexicon.CUES``; fitting
    tries others)."""
    global CUES_IN_USE, _FIRST_WORDS
    CUES_IN_USE = frozenset(k.lower() for k in keys)
    _FIRST_WORDS = frozenset(k.split()[0] for k in CUES_IN_USE)


set_cues(CUES)
_WORD = re.compile(r"[a-z’'\-]+")
# Where a clause's content stops: another attribution's participle, a semicolon, a dash,
# a bracket, "according to", or a trailing "X said".
_END = re.compile(
    r"\s*(?:;|\s[―—–-]{1,2}\s|\(|,\s+according\s+to\b|,\s+[a-z]{3,}ing\b"
    r"|,\s+(?:and|but|while|whereas|although|though|which|as|because|even)\s|\sbut\s)"
)
_THAT = re.compile(r"\bthat\s+")
_HEAD = re.compile(r"\s*,?\s*(?:that\s+)?")
_CLOSERS = ("”", '"', "’", "'", "\u2026", "»")
_BARE = re.compile(rf"(?:^|,|\band|\bbut)\s*{_AUX}$")
_NO_SUBJECT_OK = re.compile(r"\w+ing$")


def _is_speech(cue: str) -> bool:
    return cue.split()[0].lower() in lx.SPEECH_VERBS


def _content_span(s: str, pos: int) -> tuple[int, int] | None:
    head = _HEAD.match(s, pos)
    start = head.end() if head else pos
    if start >= len(s) or s[start] in ":,":
        return None
    first = s[start : start + 12].split(maxsplit=1)[0].lower() if s[start:].strip() else ""
    if first in cues.BAD_START and first != "to":
        # "said in an interview that …", "recalled on Tuesday": the content is after "that"
        that = _THAT.search(s, start, min(len(s), start + 80))
        if that is None:
            return None
        start = that.end()
    stop = _END.search(s, start)
    end = stop.start() if stop else len(s)
    while end > start and s[end - 1] in " \t\n.,!?":
        end -= 1
    if len(s[start:end].split()) < 2:
        return None
    return start, end


def _cue_hits(s: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, cue) of every lexicon cue in ``s``, a two-word cue before its first word.
    A word scan with set look-ups: an alternation of a few hundred cues is several times
    slower."""
    low = s.lower()
    if _FIRST_WORDS.isdisjoint(low.translate(_PUNCT_SPACE).split()):
        return
    toks = list(_TOKEN.finditer(low))
    for i, t in enumerate(toks):
        w = t.group()
        if w not in _FIRST_WORDS:
            continue
        if s[t.start()].isupper() and i > 0 and toks[i - 1].group() in ("the", "a", "an"):
            continue  # "The Charge d'Affairs", "The Report": a name or a title, not a verb
        if i + 1 < len(toks):
            nxt = toks[i + 1]
            if low[t.end() : nxt.start()] == " " and f"{w} {nxt.group()}" in CUES_IN_USE:
                yield t.start(), nxt.end(), s[t.start() : nxt.end()]
                continue
        if w in CUES_IN_USE:
            yield t.start(), t.end(), s[t.start() : t.end()]


def match_general(s: str, taken: list[tuple[int, int]]) -> list[General]:
    """Attributions in sentence ``s`` whose cue lies outside the ``taken`` spans."""
    out: list[General] = []
    floor = 0
    for a, b, cue in _cue_hits(s):
        if a < floor or any(x <= a < y for x, y in taken):
            continue
        sm = _SUBJ_BEFORE.search(s, max(0, a - 100), a)
        if sm and sm.group("subj").split()[0].lower() in cues.NOT_SUBJ - {"who", "which"}:
            sm = None
        if sm is None:
            bare = _BARE.search(s, max(0, a - 60), a)
            if bare is None or (bare.group(0)[:1] == "," and not _NO_SUBJECT_OK.search(cue)):
                continue
            # "X railed against Y and explained …": the clause subject holds both
            lead = cues.LEAD_SUBJ.match(s) if bare.start() > 0 else None
            if lead is not None and lead.end() <= bare.start():
                sm = lead
        if sm is not None and cues.PASSIVE_BEFORE.search(s, sm.end("subj"), a) and _is_speech(cue):
            continue  # "the deal was never mentioned": the subject is what was said
        lead_in = s[: sm.start() if sm is not None else a].rstrip()
        if lead_in.endswith(_CLOSERS):
            continue  # '"…," Kim said, smiling': the cue of a direct quote, not a new statement
        span = _content_span(s, b)
        if span is None or any(x < span[1] and span[0] < y for x, y in taken):
            continue
        # speech is a speech cue with a clause after it; "announced the review" is not speech
        speech = cue.split()[0].lower() in lx.SPEECH_VERBS and cues.is_clause(s[span[0] : span[1]])
        if speech and sm is not None and sm.group("subj").lower() == "who":
            # "X, who wrote a book called “Y,” said …": the relative clause ends before the
            # sentence's own speech verb; what it wrote is no statement of X's
            speech = cues.MAIN_VERB_AFTER.search(s, b) is None
        kind = "reported" if speech else "attributed"
        if sm is not None:
            out.append((sm.group("subj"), sm.span("subj"), cue, span, kind))
        else:
            out.append((None, (a, a), cue, span, kind))
        floor = span[1]
    return out

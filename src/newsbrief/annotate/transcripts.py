"""Interview transcripts: turns opening on a speaker's label in capitals and a colon."""

from __future__ import annotations

import re
from collections import Counter

from newsbrief.annotate import lexicon as lx
from newsbrief.records import Mention
from newsbrief.text import STOP_WORDS

# "OPAL LEE: I was born in …": a transcript turn, a speaker's label in capitals and a colon
_TURN = re.compile(
    r"^[ \t]*(?P<label>[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+){0,3})[ \t]*:[ \t]+"
    r"(?P<said>\S[^\n]*?)[ \t]*$",
    re.M,
)


_NOT_NAMES = STOP_WORDS | lx.words(
    """
    today tonight yesterday tomorrow week weekend month year morning evening night daily
    news update updates video photo photos watch read more related top first last new look
    exclusive breaking live memo note story editor editorial correction
    """
)


def transcript_turns(
    text: str, mentions: list[Mention] | None = None
) -> list[tuple[str, int, int, int, int]]:
    """(speaker, label start, label end, words start, words end) of every turn of an
    interview transcript: lines opening on a capitalised label and a colon, at least three of
    them under at least two labels that name people: a person the article names ("OPAL LEE",
    "LEE", "PRESIDENT OBAMA"), or a full name labelling several turns. Section labels
    ("PHOTOS:", "OBAMA TODAY:") and an unnamed host's narration stay as they are."""
    if ":" not in text:
        return []
    turns = list(_TURN.finditer(text))
    if len(turns) < 3:
        return []
    named: dict[str, str] = {}
    times = Counter(t.group("label") for t in turns)
    people = {m.text.split()[-1] for m in mentions or () if m.kind == "person" and m.text.split()}
    for t in turns:
        label = t.group("label")
        if label in named:
            continue
        words = label.split()
        last = words[-1].strip(".'’-").capitalize()
        # a person: a person the article names ("Lee", "Obama"), or a full name speaking more
        # than once whose words are all names ("OBAMA TODAY:" is a newsletter's section)
        if last in people or (
            len(words) >= 2
            and times[label] >= 2
            and not any(w.lower() in _NOT_NAMES for w in words)
        ):
            named[label] = " ".join(w.capitalize() for w in words)
    mine = [t for t in turns if t.group("label") in named]
    if len(mine) < 3 or len({t.group("label") for t in mine}) < 2:
        return []
    return [
        (named[t.group("label")], t.start("label"), t.end("label"), *t.span("said")) for t in mine
    ]


def label_mention(name: str, mentions: list[Mention]) -> tuple[str, int, int] | None:
    """The article's first and fullest mention of a transcript label's person ("Opal Lee"
    for "LEE"), whose offsets the resolver reads."""
    last = name.split()[-1]
    best: Mention | None = None
    for m in mentions:
        words = m.text.split()
        if words and words[-1] == last and (best is None or len(m.text) > len(best.text)):
            best = m
    return (best.text, best.start, best.end) if best is not None else None

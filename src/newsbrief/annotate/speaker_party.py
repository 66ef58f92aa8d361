"""A party member described by state or standing ("the Vermont Democrat said", "said the
Idaho Republican"): a reporter's second reference to the politician the story was just
about, never a speaker named "Vermont Democrat" nor the state."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from newsbrief.records import Mention

_PARTIES = frozenset(["democrat", "republican"])
# words that may stand between "the" and the party besides a state's capitalised name
_STANDING = frozenset(
    ["freshman", "veteran", "former", "senior", "junior", "moderate", "conservative", "liberal"]
)
_THE_BEFORE = re.compile(r"\b[Tt]he[ \t]+$")
# the titles of the offices such a descriptor is written for: a member of Congress, a governor,
# a chamber's leader ("Sen. Kay Roe", "Senate Minority Leader Jo Fay", "Chairman Al Wirt")
_OFFICE_BEFORE = re.compile(
    r"\b(?:Sen|Rep|Gov|Senator|Representative|Congressman|Congresswoman|Governor|Leader|Whip"
    r"|Speaker|Chairman|Chairwoman)\.?[ \t]+$"
)
RULE = {"on": True}  # benchmarks compare the pile with and without it


def party_descriptor(text: str, subj: str, start: int) -> bool:
    """Whether the subject ``subj`` at ``start`` is "the [State] Democrat/Republican" (the
    parse may leave "the" out of the subject, so the text before it is looked at too)."""
    if not RULE["on"]:
        return False
    words = subj.split()
    if not words or words[-1].lower() not in _PARTIES:
        return False
    if words[0].lower() == "the":
        words = words[1:]
    elif not _THE_BEFORE.search(text, max(0, start - 5), start):
        return False
    return all(w[:1].isupper() or w.lower() in _STANDING for w in words[:-1])


def described_member(
    text: str,
    mentions: list[Mention],
    starts: list[int],
    before: int,
    inside_quote: Callable[[int], bool],
) -> str | None:
    """The latest person named before ``before`` (outside quotes unless ``before`` is inside
    one) whom some mention up to
    there gives a legislator's or governor's title: "Sen. Nora Pike said … . '…,' the
    Vermont Democrat said" is Pike, not the president her sentence spoke of."""
    # a descriptor inside a quoted passage (a paper's story quoted whole) refers inside it
    quoted = inside_quote(before)
    people = [
        m
        for m in mentions[: bisect.bisect_left(starts, before)]
        if m.kind == "person" and m.entity and (quoted or not inside_quote(m.start))
    ]
    titled = {
        m.entity for m in people if _OFFICE_BEFORE.search(text, max(0, m.start - 14), m.start)
    }
    return next((m.entity for m in reversed(people) if m.entity in titled), None)

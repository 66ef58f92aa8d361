"""A name that premodifies the common noun heading a speaker's subject ("the Fort Wayne
mother", "Largo police", "the Trump administration") says where the speaker is from or whose
it is: the noun's referent speaks, never the name."""

from __future__ import annotations

import re

from newsbrief.annotate import lexicon as lx
from newsbrief.annotate.speaker_words import PERSON_NOUNS
from newsbrief.records import Mention

# a body's or a person's noun; a body's own people ("a White House official", "White House
# officials") speak for the body its name gives, as the resolver has always read it
HEAD_NOUNS = (lx.ORG_NOUNS | PERSON_NOUNS) - {"official", "officials", "aide", "aides", "source"}

# one or two lower-case words after the name, the last ending the subject: its head noun
_TAIL = re.compile(r"[ \t]+(?:[a-z][a-z-]*[ \t]+)?([a-z][a-z-]+)[ \t,]*$")
# lower-case words after a name that are no noun it modifies ("Smith himself", "Lee too")
_NOT_HEAD = lx.words(
    """himself herself themselves itself too also alone again later jr sr and or of in on at
    for with from by to as who which that whose said says told added et al both all each
    spokesman spokeswoman spokesperson aide aides lawyer lawyers attorney attorneys"""
)


def premodifier_of(text: str, m: Mention, end: int) -> bool:
    """Whether the name ``m`` only premodifies the lower-case noun that ends the subject at
    ``end``; a name's agent ("Vale's lawyer", "a Sandoval spokesman") is read elsewhere."""
    if m.end >= end:
        return False
    if text[m.end : m.end + 2] in ("'s", "’s") or text[m.end : m.end + 1] in "'’":
        return False  # a possessor: its agent is read elsewhere (``proxy_name``)
    tail = _TAIL.match(text[m.end : end])
    if tail is None:
        return False
    words = [w.strip(",").lower() for w in text[m.end : end].split()]
    if any(w in _NOT_HEAD for w in words):
        return False
    # a noun the resolver knows, so a verb the pattern left in ("Vance kept") is never read
    # as the head
    return words[-1] in HEAD_NOUNS


def words_before_ok(subj: str) -> bool:
    """Whether the subject opens on a determiner or the name, so that it reads as an
    organisation's name ("The Trump administration"), not a clause's tail."""
    first = subj.split()[0].lower() if subj.split() else ""
    return first in ("the", "a", "an") or subj[:1].isupper()

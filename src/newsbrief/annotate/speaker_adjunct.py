"""A name inside the prepositional phrase a sentence opens on ("During an interview with
Vanity Fair's Jo Hale, the designer admitted …", "In a call with his fiancee, Ana Roe, he
also complained …") is no subject: the clause after it has its own, so a later "he" or "she"
goes back to that subject, never to the name in the adjunct."""

from __future__ import annotations

import re

_OPENING_PREPOSITION = re.compile(
    r"[\"“]?(?:In|During|At|After|Before|On|Throughout|Following|Amid|Over)[ \t]"
)
# the main clause after the adjunct: a pronoun or a definite description with its verb
_MAIN_CLAUSE = re.compile(
    r",[ \t]+(?:he|she|the[ \t]+[a-z]+)[ \t]+(?:(?:also|later|then|[a-z]+ly)[ \t]+)?"
    r"(?:[a-z]+ed|said|told|wrote|spoke|took|gave|made|says|tells)\b"
)


def in_opening_adjunct(text: str, sent_start: int, sent_end: int, pos: int, end: int) -> bool:
    """Whether the name at ``pos:end`` sits in the prepositional phrase that opens its
    sentence (``sent_start:sent_end``), the main clause following with a subject of its own.
    The phrase ends with the name: "After Orrin saw the film, he …" is a clause whose
    subject the "he" is."""
    if not _OPENING_PREPOSITION.match(text, sent_start, pos) or text[end : end + 1] != ",":
        return False
    head = text[sent_start:pos]
    commas = head.count(",")
    # no comma closes the phrase before the name, save the one of an apposition to the
    # phrase's noun ("with his fiancee, Ana Roe")
    if commas > 1 or (commas == 1 and not head.rstrip().endswith(",")):
        return False
    return _MAIN_CLAUSE.search(text, pos, sent_end) is not None

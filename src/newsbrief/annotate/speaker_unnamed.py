"""Unnamed people a sentence opens on with a relative clause or a place phrase ("Another
witness who lives in the area said …", "A woman from the village told …"): the next "she" or
"he" is that person, never a name from further back. The salience scan only sees an
indefinite subject with its verb right after it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from newsbrief.annotate.speaker_words import FEMALE_NOUNS, MALE_NOUNS, PERSON_NOUNS

_OPENS = re.compile(
    r"(?:^|\n|[.!?][\"”’']?[ \t]+)(?P<role>(?:An?|One|Another)[ \t]+(?:(?P<adj>[a-z]+)[ \t]+)?"
    r"(?P<head>[a-z]+))[ \t]+(?:who|from|in|at|of|near|outside|living)\b"
)


def unnamed_openers(
    text: str, inside_quote: Callable[[int], bool]
) -> Iterator[tuple[int, str | None]]:
    """(position, gender or None) of each sentence that opens on an indefinite person noun
    followed by a relative clause or a place phrase, outside quotes."""
    for m in _OPENS.finditer(text):
        head, adj = m.group("head"), m.group("adj") or ""
        if adj in PERSON_NOUNS and head not in PERSON_NOUNS:
            head, adj = adj, ""  # "A woman who …" read with "woman" as the adjective slot
        if head not in PERSON_NOUNS or inside_quote(m.start("role")):
            continue
        gender = (
            "f"
            if head in FEMALE_NOUNS or adj == "female"
            else "m"
            if head in MALE_NOUNS or adj == "male"
            else None
        )
        yield m.start("role"), gender

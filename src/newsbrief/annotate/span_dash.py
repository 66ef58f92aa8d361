"""A dash that closes the writer's parenthetical ends the statement inside it.

"The arena — Dunn admitted that he had not seen a game in years — and lawmakers
questioned its cost": the cue and its statement sit between two dashes the writer set into
a sentence of their own; the second dash takes the writer's sentence back, so what follows it
is narration, never more of what was said. A dash with no open partner before the statement
("It was over — done, she said") is the speaker's own and stays.
"""

from __future__ import annotations

import re

# a spaced em or en dash, or a double hyphen: the marks a writer sets a parenthetical off with
# (an unspaced hyphen joins words and a spaced one is too often a list's bullet)
_DASH = re.compile(r"[ \t\xa0](?:—|–|--)[ \t\xa0]|—")


def _dashes(text: str, start: int, end: int) -> list[re.Match[str]]:
    return list(_DASH.finditer(text, start, end))


def closed_by_dash(text: str, sent_start: int, start: int, end: int) -> int:
    """``end`` cut at the dash inside the statement that closes a parenthetical opened before
    it in the same sentence (an odd count of dashes between the sentence start and the
    statement); ``end`` unchanged otherwise."""
    if len(_dashes(text, sent_start, start)) % 2 == 0:
        return end
    inside = _dashes(text, start, end)
    if not inside:
        return end
    cut = inside[0].start()
    while cut > start and text[cut - 1] in " \t\xa0,":
        cut -= 1
    return cut

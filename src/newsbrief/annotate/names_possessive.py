"""A body named by its holder's possessive: "the Ashwen District Attorney's Office".

The name runs of ``entities.find_mentions`` break at a possessive, so "Ashwen District
Attorney" and "Office" came out as two mentions and the bare "Office" was taken as the
speaker of "..., according to the Ashwen District Attorney's Office".
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from newsbrief.annotate import lexicon as lx
from newsbrief.annotate.entity_runs import Tok

if TYPE_CHECKING:
    from newsbrief.annotate.entities import Found

_POSSESSIVE_GAPS = frozenset({"'s ", "’s "})


def possessor_offices(text: str, found: list[Found]) -> list[Found]:
    """``found`` with each name, its possessive and one capitalised body noun after it
    ("Sheriff's Office", "Trump's Cabinet") joined into one organisation mention."""
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and len(f.toks) == 1
            and f.toks[0].low in lx.ORG_KEYWORDS
            and f.toks[0].text[:1].isupper()
            and prev.sentence == f.sentence
            and text[prev.toks[-1].end : f.toks[0].start] in _POSSESSIVE_GAPS
        ):
            last = prev.toks[-1]
            gap = text[last.end : f.toks[0].start].rstrip()
            owner = Tok(last.text + gap, last.start, last.end + len(gap))
            toks = [*prev.toks[:-1], owner, f.toks[0]]
            out[-1] = dataclasses.replace(prev, kind="org", toks=toks, role="", roles=[])
            continue
        out.append(f)
    return out

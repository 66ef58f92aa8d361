"""Whether the "that" a reported statement opens on is a relative pronoun.

"City police later confirmed that was the place": a "that" followed straight by a finite
verb is the demonstrative subject of the statement, which keeps it (``cues._THAT``). The same
shape is a relative clause when the cue sits on a noun: the cue's clause modifies a noun
("messages X wrote that were …"), a tell-verb's addressee takes the "that" ("told a meeting
that was held …"), or the cue word is itself a noun ("the votes of states that might …"). Such a
match is no statement at all.
"""

from __future__ import annotations

import re

# "the notes Dunn wrote that were …": a name right after a plural noun opens a relative
# clause on that noun (its "that" dropped), and the "that" after the cue is the relative
# pronoun, not the demonstrative subject "confirmed that was the place" keeps (a singular
# noun there is most often a title: "police chief Dana Holt confirmed that was …")
_DEMONSTRATIVE_THAT = re.compile(r"that[ \t]+[a-z]")
_PLURAL_BEFORE_NAME = re.compile(
    r"\b[a-z][a-z'’-]+[^su'’\W]s[ \t]+(?:[A-Z][\w'’.-]*[ \t]+){1,3}(?:[a-z]+[ \t]+)?[a-z]+[ \t]+$"
)


# "the votes of states that might not …": a cue word after a preposition or a determiner is a
# noun, and the "that" after it relative
_NOUN_CUE = re.compile(
    r"\b(?:of|in|for|to|by|with|from|on|at|the|a|an|its|their|his|her|our|these|those|many"
    r"|some|all|several)[ \t]+[\w'’-]+[ \t]+$",
    re.I,
)


def relative_that(s: str, cue: str, s_rel: tuple[int, int], c_rel: tuple[int, int]) -> bool:
    """Whether the demonstrative "that" a statement opens on ("confirmed that was the place")
    is a relative pronoun instead: on a noun the cue's clause modifies ("messages X wrote that
    were …"), on a tell-verb's addressee ("told a meeting that was held …"), or on the cue
    word itself read as a noun ("states that might …")."""
    if c_rel[0] < s_rel[1] or _DEMONSTRATIVE_THAT.match(s, c_rel[0]) is None:
        return False
    if cue.lower().split()[:1] in (["told"], ["tells"], ["tell"], ["informed"], ["assured"]):
        return True
    lo = max(0, c_rel[0] - 80)
    return (
        _PLURAL_BEFORE_NAME.search(s, lo, c_rel[0]) is not None
        or _NOUN_CUE.search(s, lo, c_rel[0]) is not None
    )

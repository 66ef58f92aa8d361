"""A quotation split around its cue: "“The best part,” Lee said, “is that we learn.”"

The second part goes on with the sentence the first left open: it is no fragment of the
writer's sentence (``direct_cues.is_fragment``), and the brief shows the two parts as one
quote (``analyze.quote_join``).
"""

from __future__ import annotations

import re

# between the two parts: the first part's comma, its closing mark, a cue clause on one line,
# a comma and the opening mark (',” Lee said, “' / '," said Dr. Lee, the mayor, "'); a full
# stop may stand in the clause after an abbreviation: a new sentence would open in capitals
_BETWEEN = re.compile(r",[\"”’'][ \t]*[^\"“”‘’!?\n]{2,80}?,[ \t]*[\"“‘']$")


def continues_split(text: str, open_mark: int) -> bool:
    """Whether the quotation whose opening mark is at ``open_mark`` follows a first part that
    ended on a comma, with only a cue clause between them."""
    return _BETWEEN.search(text, max(0, open_mark - 100), open_mark + 1) is not None


def split_between(text: str, first_end: int, second_start: int) -> bool:
    """Whether only the cue clause of one split quotation stands between the content ending
    at ``first_end`` and the content starting at ``second_start``."""
    start = first_end - 1 if text[first_end - 1 : first_end] == "," else first_end
    return _BETWEEN.fullmatch(text, start, second_start) is not None

"""A definite person noun opening a sentence ("The man, who spoke from his home, denied …",
"The woman had met him twice, she said"): the next "he" or "she" is that person. A reporter
writes "the man" for someone just brought in; when no person of that gender is named in that
sentence or the one before, the man is not a name from further back, and the pronoun stays
unattributed rather than going to an older name (the judged pile gave such quotes to a
protester named paragraphs before and to a man where "the woman" spoke)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

# "The man," / "The woman had …" / "The man who …": the noun is the subject, not a
# premodifier ("The man's lawyer", "The woman Smith met") nor a name's descriptor
_OPENS = re.compile(
    r"(?:^|\n|[.!?][\"”’']?[ \t]+)(?P<role>The[ \t]+(?P<head>man|woman))"
    r"(?=,|[ \t]+(?:who|was|is|had|has|did|does|said|says|told|[a-z]+ed|[a-z]+s)\b)"
)
RULE = {"on": True}  # benchmarks and tests compare the pile with and without it


def definite_openers(text: str, inside_quote: Callable[[int], bool]) -> Iterator[tuple[int, str]]:
    """(position, gender) of each sentence outside quotes that opens on "The man"/"The woman"
    as its subject."""
    if not RULE["on"]:
        return
    for m in _OPENS.finditer(text):
        if not inside_quote(m.start("role")):
            yield m.start("role"), "f" if m.group("head") == "woman" else "m"

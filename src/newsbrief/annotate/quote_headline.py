"""A subheading made of a quotation and its source: "‘Rates will hold’: Harbor Bank".

Live blogs and round-ups head each section with the line a source said, a colon and the
source. No speech verb stands there, so without this rule the quotation went on with the
speaker of the paragraph before, who is usually someone else.
"""

from __future__ import annotations

import re

# after the closing mark: a colon and a short capitalised source closing the line
_SOURCE_AFTER = re.compile(r"[ \t]*:[ \t]*(?P<source>[A-Z][^\n:.!?\"“”‘’]{1,60}?)[ \t]*\.?[ \t]*$")


def headline_source(text: str, open_mark: int, close_mark: int) -> tuple[int, int] | None:
    """The offsets of the source named after a quotation that opens its line and is followed
    only by a colon and that source (at most six words), else None. ``open_mark`` is the
    index of the opening mark, ``close_mark`` the index just after the closing mark."""
    line_start = text.rfind("\n", 0, open_mark) + 1
    if text[line_start:open_mark].strip():
        return None
    line_end = text.find("\n", close_mark)
    line_end = len(text) if line_end < 0 else line_end
    m = _SOURCE_AFTER.match(text, close_mark, line_end)
    if m is None or len(m.group("source").split()) > 6:
        return None
    return m.start("source"), m.end("source")

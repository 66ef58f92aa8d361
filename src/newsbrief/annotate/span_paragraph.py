"""A quotation over several paragraphs, as the paragraphs a brief shows.

Newswire style leaves a quotation open at a paragraph's end and re-opens it on the next
("“A.\\n“B.”"): ``quote_marks`` keeps that one span, as PolNeAR annotates it (splitting it there
costs PolNeAR dev direct content F1 0.9009 -> 0.8894). A brief never shows a span across a
paragraph: each paragraph's part is a quotation of its own, without the re-opening mark.
"""

from __future__ import annotations

_DOUBLE_OPENING = '"“«„'
_DOUBLE_CLOSING = '"”»'


def paragraph_pieces(text: str) -> list[str]:
    """The parts of a quote's text, one per paragraph, without the marks that open or close
    a paragraph's part ("A.\\n“B." -> ["A.", "B."]); empty parts go."""
    pieces = []
    for n, line in enumerate(text.split("\n")):
        part = line.strip()
        if not part:
            continue  # the blank line between two paragraphs
        # the re-opening mark of a continued quotation, never on the first paragraph, whose
        # opening mark is outside the text: there a mark opens a quotation inside the quote
        # ("‘Glasgow’ is a song …"), and so a single mark that closes one does
        if n and part[0] in _DOUBLE_OPENING and part.count(part[0]) % 2 == 1:
            part = part[1:].lstrip()
        if part and part[-1] in _DOUBLE_CLOSING and _unbalanced_close(part):
            part = part[:-1].rstrip()
        if part:
            pieces.append(part)
    return pieces


def _unbalanced_close(part: str) -> bool:
    """Whether a part's last mark closes a quotation opened in an earlier paragraph."""
    last = part[-1]
    if last == "”":
        return part.count("”") > part.count("“")
    return part.count(last) % 2 == 1

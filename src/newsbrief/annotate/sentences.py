"""Sentence splitting. (Placeholder splitter; the annotate work replaces the body, not the signature.)"""

from __future__ import annotations

import re

from newsbrief.records import Sentence

_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with character offsets; paragraphs are separated by blank lines."""
    out: list[Sentence] = []
    pos = 0
    for para_no, para in enumerate(re.split(r"\n\s*\n", text)):
        p_start = text.find(para, pos)
        pos = p_start + len(para)
        start = 0
        for m in list(_END.finditer(para)) + [None]:
            end = m.start() if m else len(para)
            chunk = para[start:end]
            stripped = chunk.strip()
            if stripped:
                lead = len(chunk) - len(chunk.lstrip())
                s = p_start + start + lead
                out.append(Sentence(len(out), stripped, s, s + len(stripped), para_no))
            if m:
                start = m.end()
    return out

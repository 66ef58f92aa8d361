"""dedup: which articles are exact copies, near-duplicates or rewrites of which.

``DedupIndex.add`` works incrementally; ``find_derivations`` runs a whole batch.
``paraphrase_score`` / ``is_paraphrase`` are the sentence-pair decision other stages reuse.
"""

from __future__ import annotations

from newsbrief.dedup.index import DedupIndex, find_derivations
from newsbrief.dedup.similarity import (
    is_paraphrase,
    paraphrase_score,
    quoted_fraction,
    word_diff,
)

# The engines import parse_time from here; it lives in the text core.
from newsbrief.text import parse_time

__all__ = [
    "DedupIndex",
    "find_derivations",
    "is_paraphrase",
    "paraphrase_score",
    "parse_time",
    "quoted_fraction",
    "word_diff",
]

"""dedup: which articles are exact copies, near-duplicates or rewrites of which.

``DedupIndex.add`` works incrementally; ``find_derivations`` runs a whole batch.
``paraphrase_score`` / ``is_paraphrase`` are the sentence-pair decision other stages reuse.
"""

from __future__ import annotations

from newsbrief.dedup.index import DedupIndex, find_derivations, parse_time
from newsbrief.dedup.similarity import (
    content_stems,
    content_words,
    is_paraphrase,
    paraphrase_score,
    quoted_fraction,
    word_diff,
)

__all__ = [
    "DedupIndex",
    "content_stems",
    "content_words",
    "find_derivations",
    "is_paraphrase",
    "paraphrase_score",
    "parse_time",
    "quoted_fraction",
    "word_diff",
]

"""dedup: which articles are exact copies, near-duplicates or rewrites of which.

``DedupIndex.add`` works incrementally; ``find_derivations`` runs a whole batch.
``paraphrase_score`` / ``is_paraphrase`` (re-exported from ``newsbrief.paraphrase``) are the
sentence-pair decision other stages reuse.
"""

from __future__ import annotations

from newsbrief.dedup.index import DedupIndex, find_derivations
from newsbrief.dedup.similarity import quoted_fraction, word_diff

# Re-exported: the paraphrase decision lives in newsbrief.paraphrase, parse_time in the text
# core (the engines import it from here).
from newsbrief.paraphrase import is_paraphrase, paraphrase_score
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

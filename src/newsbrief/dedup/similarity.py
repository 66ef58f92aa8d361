"""What dedup reads off an aligned sentence pair: quoted share and the words that differ.

The paraphrase decision other stages reuse lives in ``newsbrief.paraphrase``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from newsbrief.text import content_words

# Straight and typographic double quotes; single quotes double as apostrophes, so only
# the typographic singles count as quote marks.
_QUOTED = re.compile(r"[\"“”](.+?)[\"“”]|‘(.+?)’(?!\w)", re.S)


def quoted_fraction(text: str) -> float:
    """Share of ``text``'s characters that sit inside quotation marks."""
    if not text:
        return 0.0
    inside = sum(m.end() - m.start() for m in _QUOTED.finditer(text))
    return min(1.0, inside / len(text))


def set_cosine(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> float:
    """Cosine of two binary bags: |a ∩ b| / sqrt(|a| |b|)."""
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def word_diff(a: str, b: str) -> tuple[list[str], list[str]]:
    """Multiset difference of content words: (in ``a`` not ``b``, in ``b`` not ``a``).

    Words are matched case-insensitively but reported as written, so a sentence that says
    "Iraq" twice against one that says it once and "Iran" once yields (["Iraq"], ["Iran"]).
    """
    if a == b:
        return [], []  # a copied sentence: nothing differs (most aligned pairs of copies)
    only_a, only_b = _diff(a, b)
    return list(only_a), list(only_b)


@lru_cache(maxsize=1 << 14)
def _diff(a: str, b: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    # one story's articles align the same sentence pairs over and over (a wire text and
    # its copies); the cache makes each pair's difference one computation
    wa, wb = content_words(a), content_words(b)
    ca = Counter(w.lower() for w in wa)
    cb = Counter(w.lower() for w in wb)
    return tuple(_take(wa, ca - cb)), tuple(_take(wb, cb - ca))


def _take(tokens: list[str], wanted: Counter[str]) -> list[str]:
    out: list[str] = []
    left = Counter(wanted)
    for w in tokens:
        key = w.lower()
        if left[key] > 0:
            out.append(w)
            left[key] -= 1
    return out

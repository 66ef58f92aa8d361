"""clean: Article -> Article without boilerplate lines or reader comments (placeholder)."""

from __future__ import annotations

from newsbrief.records import Article


def clean_article(article: Article) -> Article:
    """Drop boilerplate and comment sections from ``article.text``, keeping them in ``removed``."""
    return article

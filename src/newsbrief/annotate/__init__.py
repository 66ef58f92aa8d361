"""annotate: Article -> Article with sentences, entity mentions, quotes, dates and language."""

from __future__ import annotations

from newsbrief.annotate.dates import extract_dates
from newsbrief.annotate.entities import extract_mentions, person_roles
from newsbrief.annotate.learned import add_learned, attributions_mode
from newsbrief.annotate.quotes import extract_quotes
from newsbrief.annotate.sentences import split_sentences
from newsbrief.language import detect_language
from newsbrief.records import Article


def annotate(article: Article, attributions: str | None = None) -> Article:
    """Fill ``sentences``, ``mentions``, ``quotes``, ``dates`` and ``language`` of a cleaned article.

    ``attributions="all"`` (or NEWSBRIEF_ATTRIBUTIONS=all) also parses every sentence for the
    learned tagger's attributions beyond speech (``learned.add_learned``); the default
    ("speech") keeps the parse to the sentences whose speaker is in doubt."""
    text = article.text
    article.sentences = split_sentences(text)
    article.mentions, roles = extract_mentions(text, article.sentences)
    article.quotes = extract_quotes(text, article.sentences, article.mentions, roles)
    if attributions_mode(attributions) == "all":
        article.quotes = add_learned(text, article.sentences, article.quotes)
    article.dates = extract_dates(text, article.sentences, article.published)
    if article.language is None:  # a reader may have been told the language
        article.language = detect_language(f"{article.title}\n{text}")
    return article


__all__ = [
    "annotate",
    "extract_dates",
    "extract_mentions",
    "extract_quotes",
    "person_roles",
    "split_sentences",
]

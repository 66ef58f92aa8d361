"""annotate: Article -> Article with sentences, entity mentions, quotes, dates and language."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass

from newsbrief import parse as nlp_parse
from newsbrief.annotate.dates import extract_dates
from newsbrief.annotate.entities import extract_mentions, person_roles
from newsbrief.annotate.learned import add_learned, attributions_mode
from newsbrief.annotate.quotes import QuotePlan, extract_quotes, finish_quotes, plan_quotes
from newsbrief.annotate.sentences import split_sentences
from newsbrief.errors import ConfigError
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
    _finish_rest(article, attributions)
    return article


def _finish_rest(article: Article, attributions: str | None) -> None:
    text = article.text
    if attributions_mode(attributions) == "all":
        article.quotes = add_learned(text, article.sentences, article.quotes)
    article.dates = extract_dates(text, article.sentences, article.published)
    if article.language is None:  # a reader may have been told the language
        article.language = detect_language(f"{article.title}\n{text}")


@dataclass(slots=True)
class Planned:
    """An article halfway through annotate: sentences and mentions set, quotes planned."""

    article: Article
    quotes: QuotePlan


def plan_annotate(article: Article) -> Planned:
    """The first half of ``annotate`` (everything before the parse of doubtful sentences)."""
    text = article.text
    article.sentences = split_sentences(text)
    article.mentions, roles = extract_mentions(text, article.sentences)
    return Planned(article, plan_quotes(text, article.sentences, article.mentions, roles))


def parse_planned(planned: Sequence[Planned]) -> None:
    """Parse the doubtful sentences of every planned article in one ``parse`` call (a batch
    of a chunk's sentences costs about half per sentence what one sentence alone does; the
    parses are the same whatever the batch holds, so the output is that of ``annotate``)."""
    texts = [t for p in planned for t in p.quotes.texts]
    if texts:
        # no parser: resolve falls back to the patterns one by one
        with contextlib.suppress(Exception):
            nlp_parse.parse(texts)


def finish_annotate(planned: Planned, attributions: str | None = None) -> Article:
    """The second half of ``annotate``: speakers resolved, dates and language."""
    article = planned.article
    article.quotes = finish_quotes(planned.quotes)
    _finish_rest(article, attributions)
    return article


def chunked_speech(attributions: str | None = None) -> bool:
    """Whether ``plan_annotate``/``finish_annotate`` over a chunk apply: the default speech
    mode (the "all" mode parses every sentence per article; an unknown mode fails per
    article, as ``annotate`` does)."""
    try:
        return attributions_mode(attributions) != "all"
    except ConfigError:
        return False


def annotate_many(articles: Sequence[Article], attributions: str | None = None) -> list[Article]:
    """``annotate`` for each article, the doubtful sentences of all of them parsed in one
    batch. Same result as ``annotate`` one by one; an exception is raised as ``annotate``
    would (callers that must isolate articles use ``pipeline.prepare_articles``)."""
    if not chunked_speech(attributions):
        return [annotate(a, attributions) for a in articles]
    planned = [plan_annotate(a) for a in articles]
    parse_planned(planned)
    return [finish_annotate(p, attributions) for p in planned]


__all__ = [
    "annotate",
    "annotate_many",
    "extract_dates",
    "extract_mentions",
    "extract_quotes",
    "finish_annotate",
    "parse_planned",
    "person_roles",
    "plan_annotate",
    "split_sentences",
]

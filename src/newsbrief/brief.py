"""Brief assembly: Story + articles + derivations + Analysis + summary -> Brief.

A pure function: it decides what a brief holds, not how it is shown (that is render's job).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from newsbrief.errors import CitationError
from newsbrief.headline import choose_headline
from newsbrief.headline import headline_problem as headline_problem  # re-exported
from newsbrief.records import (
    Analysis,
    Article,
    ArticleRef,
    Brief,
    Derivation,
    RemovedRef,
    Story,
    SummarySentence,
    TimelineEvent,
    article_ref,
)


def build_brief(
    story: Story,
    articles: list[Article],
    derivations: list[Derivation],
    analysis: Analysis,
    summary: list[SummarySentence],
) -> Brief:
    by_id = {a.id: a for a in articles}
    ordered = sorted(articles, key=lambda a: (a.published or "9999", story.article_ids.index(a.id)))
    in_story = set(by_id)
    removed = [
        RemovedRef(article=a.id, text=r.text, reason=r.reason) for a in ordered for r in a.removed
    ]
    brief = Brief(
        story=story.id,
        headline=choose_headline(story, ordered, derivations, summary, by_id),
        articles=[article_ref(a) for a in ordered],
        derivations=[
            _with_sentence_texts(d, by_id)
            for d in derivations
            if d.child in in_story and d.parent in in_story
        ],
        summary=summary,
        claims=analysis.claims,
        conflicts=analysis.conflicts,
        quotes=analysis.quotes,
        entities=analysis.entities,
        timeline=_with_article_dates(analysis.timeline, ordered),
        removed=removed,
        start=story.start or _bound(ordered, min),
        end=story.end or _bound(ordered, max),
    )
    for check in BRIEF_CHECKS:
        check(brief, articles)
    return brief


# Run on every brief ``build_brief`` makes, each raising on a brief it rejects. Empty unless
# a caller asks (``check_all_citations``): the test suite does, so every brief any test
# builds is verified.
BRIEF_CHECKS: list[Callable[[Brief, list[Article]], None]] = []


def check_citations(brief: Brief, articles: list[Article]) -> None:
    """Raise CitationError when the brief's summary is not traceable to ``articles``."""
    problems = citation_errors(brief, articles)
    if problems:
        raise CitationError("; ".join(problems))


def check_all_citations() -> None:
    """Verify the citations of every brief built from now on in this process.

    Takes no arguments so that a Ray worker can run it at start-up
    (``runtime_env={"worker_process_setup_hook": "newsbrief.brief.check_all_citations"}``).
    """
    if check_citations not in BRIEF_CHECKS:
        BRIEF_CHECKS.append(check_citations)


# An article published this many days from the story's median date reports another moment
# (a preview, an anniversary): its quotes and timeline entries show its date. A rule of thumb,
# not fitted: a news story's reports fall within days of each other.
APART_DAYS = 30


def _day_of(value: str) -> date | None:
    """A date for an ISO value of any precision: a year stands for July 1, a month for its
    15th, so a coarse date is compared by its middle."""
    try:
        if len(value) >= 10:
            return date.fromisoformat(value[:10])
        if len(value) == 7:
            return date(int(value[:4]), int(value[5:7]), 15)
        return date(int(value[:4]), 7, 1)
    except ValueError:
        return None


def dated_apart(articles: list[ArticleRef] | list[Article]) -> dict[str, tuple[str, bool]]:
    """Articles dated apart from the story's span: id -> (publish date, whether inferred).

    The span's centre is the median of the stated publish dates (of the inferred ones when no
    article states its date); an article more than ``APART_DAYS`` from it is apart. Quote and
    timeline renderers show that date beside what the article says.
    """
    stated = [(a.id, a.published) for a in articles if a.published and not a.published_inferred]
    every = [(a.id, a.published) for a in articles if a.published]
    pool = [d for _, v in (stated or every) if (d := _day_of(v)) is not None]
    if len(every) < 2 or not pool:
        return {}
    centre = sorted(pool)[(len(pool) - 1) // 2]
    inferred = {a.id for a in articles if a.published_inferred}
    out: dict[str, tuple[str, bool]] = {}
    for aid, value in every:
        day = _day_of(value)
        if day is not None and abs((day - centre).days) > APART_DAYS:
            out[aid] = (value[:10], aid in inferred)
    return out


def _with_article_dates(
    timeline: list[TimelineEvent], ordered: list[Article]
) -> list[TimelineEvent]:
    apart = dated_apart(ordered)
    out = []
    for event in timeline:
        first = event.articles[0] if event.articles else None
        if first in apart and all(a in apart for a in event.articles):
            value, inferred = apart[first]
            event = replace(event, article_date=value, article_date_inferred=inferred)
        out.append(event)
    return out


def _bound(articles: list[Article], pick: Callable[[list[str]], str]) -> str | None:
    """Earliest or latest stated publish date (a date inferred from the text is only shown
    beside its article, marked as inferred, never as the story's span)."""
    dates = [a.published for a in articles if a.published and not a.published_inferred]
    return pick(dates) if dates else None


def citation_errors(brief: Brief, articles: list[Article]) -> list[str]:
    """Every way a brief's summary fails to be traceable to its sources (empty when sound).

    A summary sentence must cite at least one article sentence; each citation's index must
    exist and hold the cited text; the first citation's text is the summary sentence itself.
    """
    by_id = {a.id: a for a in articles}
    errors: list[str] = []
    for n, item in enumerate(brief.summary):
        if not item.citations:
            errors.append(f"summary[{n}] has no citation")
            continue
        for c in item.citations:
            article = by_id.get(c.article)
            if article is None:
                errors.append(f"summary[{n}] cites unknown article {c.article}")
            elif not 0 <= c.sentence < len(article.sentences):
                errors.append(f"summary[{n}] cites missing sentence {c.article}#{c.sentence}")
            elif article.sentences[c.sentence].text != c.text:
                errors.append(f"summary[{n}] citation {c.article}#{c.sentence} text differs")
        if item.citations[0].text != item.text:
            errors.append(f"summary[{n}] text is not its first citation's sentence")
    return errors


def _with_sentence_texts(derivation: Derivation, by_id: dict[str, Article]) -> Derivation:
    """The derivation with the texts of its differing aligned sentences, so a reader of the
    brief sees each change in its sentence without the articles at hand."""

    def text(article: Article, index: int) -> str:
        return article.sentences[index].text if 0 <= index < len(article.sentences) else ""

    child, parent = by_id[derivation.child], by_id[derivation.parent]
    pairs = [
        replace(
            p, child_text=text(child, p.child_sentence), parent_text=text(parent, p.parent_sentence)
        )
        if p.child_only or p.parent_only
        else p
        for p in derivation.pairs
    ]
    return replace(derivation, pairs=pairs)

"""Brief assembly: Story + articles + derivations + Analysis + summary -> Brief.

A pure function: it decides what a brief holds, not how it is shown (that is render's job).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from newsbrief.clean.rules import rule_reason
from newsbrief.errors import CitationError
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
from newsbrief.summarize.text import opens_on_reference, outside_quotes
from newsbrief.text import STOP_WORDS
from newsbrief.text import words as text_words


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
        headline=_headline(story, ordered, derivations, summary, by_id),
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


def _headline(
    story: Story,
    ordered: list[Article],
    derivations: list[Derivation],
    summary: list[SummarySentence],
    by_id: dict[str, Article],
) -> str:
    """The title of the most central original article, else a whole summary sentence.

    A title scores by how many of its words the summary uses, times how often the summary
    cites its article; a rewrite's title is passed over, and ties go to the earliest article.
    A title that is page furniture or cut off ("Story highlights ...", "CLOSE ...", "... …")
    never stands as the headline.
    """
    derived = {d.child for d in derivations}
    titled = [a for a in ordered if a.title and not headline_problem(a.title)]
    candidates = [a for a in titled if a.id not in derived] or titled
    if not candidates:
        label = story.label if story.label and not headline_problem(story.label) else ""
        return _headline_from_summary(summary) or label or "(untitled story)"
    said = Counter(w for s in summary for w in _words(s.text))
    cited = Counter(c.article for s in summary for c in s.citations)

    def score(article: Article) -> float:
        # the words the summary uses, weighted by how much the summary leans on the article
        words = set(_words(article.title))
        overlap = sum(min(said[w], 3) for w in words) / (1 + len(words)) ** 0.5
        return overlap * (1 + cited[article.id])

    return max(candidates, key=lambda a: (score(a), -ordered.index(a))).title


HEADLINE_WORDS = 30  # a summary sentence longer than this is a poor headline, though whole
# Page pieces that reach titles: highlight boxes, video-player labels, photo credits, social
# prompts. Matched at the start of the title (or anywhere for credits), never as a topic word.
_FURNITURE = re.compile(
    r"(?i)^\s*(?:story highlights|highlights\b|close\b|image copyright|image caption"
    r"|tweet with a location|join us on|like us on|follow us"
    # a follow prompt naming the outlet: "Follow CBSMIAMI.COM: Facebook | Twitter"
    r"|follow\s+\S+\s*:\s*(?:facebook|twitter|instagram)\b"
    r"|(?:watch|video|photos?|gallery)\s*[:|–—-]|advertisement|skip\b|sign up|subscribe"
    r"|breaking news:?\s*$|media playback is unsupported|media caption\b"
    r"|this (?:story|article|post) (?:is|was|has been) updated\b"
    # an update stamp ("UPDATE: November 8, 8:25 AM CST") or a byline with its rank and unit
    # ("By Staff Sgt. A. B. Smith, 7th Air Force Public Affairs / Published ...")
    r"|updated?\s*:?\s*(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)"
    r"|(?-i:By\s+(?:[A-Z][\w.'’-]*\s+){1,5}?[A-Z][\w.'’-]*)\s*(?:,|/|\||$))"
    # a credit's names are separated by whitespace, which keeps the match linear: with
    # `(?:[A-Z]\w*\s*)+` a capitalised run in parentheses backtracks exponentially
    r"|\((?:[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’-]*\s*/\s*[A-Z][\w .'’-]*\)"
    r"|\b(?:Getty|AP|AFP|Reuters) Images?\b"
    r"|\b(?:ap|afp) photo\b|/(?:getty images|ap|afp|reuters)\b"
    # a photographer's credit after the agency: "... liked what he heard. REUTERS/Jane Doe"
    r"|\b(?:reuters|ap|afp|epa|getty images)\s*/\s*[a-z]"
)
# A headline speaks of the story in the third person: a line with I, we or you outside quotes
# is a letter, a transcript or a post ("No, I'm not running", "Thank you for your service").
_PERSONAL = re.compile(
    r"(?<![\w'’])(?<!War )(?:(?-i:I|us)|me|my|we|our|ours|you|your|yours)(?=[\s,.;:!?'’-]|$)",
    re.IGNORECASE,
)
_CUT = re.compile(r"(?:\.\.\.|…)[\"'”’)\]]*\s*$")
# A menu of short links ("Join · Facebook", "Archive-It · Igc · Mail") and a wire or update
# stamp ("Associated Press Tue Feb 19, 2013 7:44 PM": names, dates and a clock time only).
_LINK_MENU = re.compile(r"^\s*[^·|]{1,30}(?:\s[·|]\s[^·|]{1,30})+$")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
_CALENDAR = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
)
_STAMP_WORD = re.compile(r"^(?:[A-Z][\w.'’-]*|\d[\d,:]*|[ap]\.?m\.?)[,:.]?$")


def headline_problem(text: str) -> str:
    """Why ``text`` cannot stand as a headline ("cut", "furniture"), or "" when it can."""
    stripped = text.strip()
    if not stripped:
        return "empty"
    if _CUT.search(stripped):
        return "cut"
    if _FURNITURE.search(stripped) or rule_reason(stripped) is not None:
        return "furniture"
    if _LINK_MENU.match(stripped) or (
        _CLOCK.search(stripped)
        and _CALENDAR.search(stripped)
        and all(_STAMP_WORD.match(w) for w in stripped.split())
    ):
        return "furniture"
    return ""


def _headline_from_summary(summary: list[SummarySentence]) -> str:
    """With no title to use, the whole summary sentence the most articles state that reads
    alone (a story label is only its top word stems). Never cut: a long sentence is passed
    over for a shorter one when there is one."""
    usable = [
        s for s in summary if not headline_problem(s.text) and not opens_on_reference(s.text)
    ] or summary
    if not usable:
        return ""
    # a reporter's sentence names the story better than a quotation does, or than a line of
    # a transcript or letter in the first person ("I-- I'm used to being an underdog.")
    best = max(
        usable,
        key=lambda s: (
            not s.text.lstrip().startswith(('"', "“", "'", "‘"))
            and not _PERSONAL.search(outside_quotes(s.text)),
            len(s.text.split()) <= HEADLINE_WORDS,
            len({c.article for c in s.citations}),
            -summary.index(s),
        ),
    )
    return best.text


def _words(text: str) -> list[str]:
    return [w for w in text_words(text, lower=True) if w not in STOP_WORDS and len(w) > 2]


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

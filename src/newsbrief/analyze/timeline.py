"""The story timeline: dated statements across articles, merged and sorted by date.

Articles without a publish date get one inferred from their latest past-tense absolute
date, shown beside the article as inferred. It never resolves a relative expression ("last
week", "on July 10"): those are left out of such an article's timeline rather than guessed.
"""

from __future__ import annotations

import re
from collections import Counter

from newsbrief.analyze.disputed import disagree, sentence_values
from newsbrief.analyze.text import content_stems, cosine, idf_weights
from newsbrief.records import Article, Conflict, DateMention, SentenceRef, TimelineEvent

MERGE_SIMILARITY = 0.3
MAX_EVENT_CHARS = 240

_PAST = re.compile(
    r"\b(?:was|were|had|did|been|ago|\w{3,}ed)\b",
    re.I,
)
_FUTURE = re.compile(r"\b(?:will|shall|going to|plans? to|expected to)\b", re.I)


def _sentence_text(article: Article, index: int) -> str:
    if 0 <= index < len(article.sentences):
        return article.sentences[index].text
    return ""


def infer_published(article: Article) -> str | None:
    """The latest absolute date with a year that the text reports in the past tense."""
    best: str | None = None
    for d in article.dates:
        if not d.value or d.relative or not d.value[:4].isdigit():
            continue
        sent = _sentence_text(article, d.sentence)
        if not sent or _FUTURE.search(sent) or not _PAST.search(sent):
            continue
        if best is None or d.value > best:
            best = d.value
    return best


def story_anchor(articles: list[Article]) -> str | None:
    """Infer missing publish dates (in place) and return the story's reference date.

    Articles with a real ``published`` decide the story year; inferred ones only when no
    article has a real date. Returns the latest date of the deciding group.
    """
    real = [a.published for a in articles if a.published and not a.published_inferred]
    for art in articles:
        if not art.published:
            inferred = infer_published(art)
            if inferred:
                art.published = inferred
                art.published_inferred = True
    pool = real or [a.published for a in articles if a.published]
    if not pool:
        return None
    year, _ = Counter(p[:4] for p in pool).most_common(1)[0]
    return max(p for p in pool if p.startswith(year))


def build_timeline(
    articles: list[Article], conflicts: list[Conflict] | None = None
) -> list[TimelineEvent]:
    """Timeline events of the story, merged across articles when date and wording agree and
    no two of the merged sentences state different values of one of ``conflicts``."""
    disputed = sentence_values(conflicts or [])
    story_anchor(articles)  # infers missing publish dates, marked as inferred
    items: list[tuple[str, Article, DateMention, bool]] = []
    for art in articles:
        dates = art.dates
        inferred_anchor = bool(art.published and art.published_inferred)
        if inferred_anchor:
            # a date inferred from the events an article reports is the day of some event,
            # not of publication: "last week" or "on July 10" resolved from it would be a
            # guess (a 2017 escape dated 1993 from the crime it recalls), so only dates that
            # carry their own year stay
            dates = [d for d in dates if not d.relative]
        for d in dates:
            if not d.value or (d.relative and not art.published):
                continue  # a relative date with nothing to resolve it against
            items.append((d.value, art, d, False))

    sent_stems = {
        (art.id, d.sentence): content_stems(_sentence_text(art, d.sentence))
        for _, art, d, _ in items
    }
    idf = idf_weights(sent_stems.values())
    events: list[TimelineEvent] = []
    keys: list[list[str]] = []
    for value, art, d, inferred in items:
        text = _sentence_text(art, d.sentence) or d.text
        stems = sent_stems[(art.id, d.sentence)]
        ref = SentenceRef(art.id, d.sentence, text)
        for ev, ev_stems in zip(events, keys, strict=True):
            if (
                ev.date == value
                and (ev.text == _trim(text) or cosine(stems, ev_stems, idf) >= MERGE_SIMILARITY)
                and not any(
                    disagree(
                        disputed.get((r.article, r.sentence), {}),
                        disputed.get((art.id, d.sentence), {}),
                    )
                    for r in ev.sentences
                )
            ):
                if art.id not in ev.articles:
                    ev.articles.append(art.id)
                    ev.sentences.append(ref)
                ev.inferred = ev.inferred and inferred
                break
        else:
            events.append(TimelineEvent(value, _trim(text), [art.id], [ref], inferred))
            keys.append(stems)
    order = {a.id: n for n, a in enumerate(articles)}
    events.sort(key=lambda e: (e.date, order[e.articles[0]]))
    return events


def _trim(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= MAX_EVENT_CHARS:
        return text
    cut = text[:MAX_EVENT_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + " …"

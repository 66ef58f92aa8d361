"""Regroup a stream's recent window without trusting its arrival order.

``add`` decides each item on arrival, against the stories that exist at that moment: an item
that comes before the rest of its story opens a fragment, and a centroid that once took a
sibling story's item keeps attracting that sibling. When the stories of a day interleave
(a live feed rather than a crawl that fetched each story in one burst) those arrival-order
decisions split and chain stories. So the stream is cut into windows (the calendar day of
the items' timestamps; undated items share one window; at most ``MAX_WINDOW`` items) and,
when a window closes, its items are taken out of the stories ``add`` put them in and
decided again, all at once:

1. the window's items are grouped among themselves by average link over their TF-IDF
   vectors (a group's items are, on average, at least ``link`` cosine apart); average link
   needs the whole group to agree, so one shared generic word does not chain two stories,
   and the groups do not depend on the order the items came in;
2. each group joins the story from before the window its centroid is closest to when the
   cosine passes the join threshold (a lower one for a clear winner, as in ``add``), else
   it opens a story.

Only dated items with no body take this path: ``newsbrief run`` refuses an item without
text, so in practice these are headline streams such as the UCI replays of ``eval cluster``.
``link`` and the time pull were chosen on UCI dev alone, the one labelled stream with dates
(GoogleNews-TS is undated and Multi-News is batch-linked, so neither reacts to them); a day's
group never joins a story of an earlier day, which matches UCI's gold (the aggregator gives
each day of a topic its own story) and is a wall the article path does not have
(docs/benchmarks.md, "Grouping across domains").

A mixin of ``StoryClusterer`` (it uses the clusterer's state and helpers).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from newsbrief.cluster.state import StoryState, accumulate
from newsbrief.records import Article

WINDOW_LINK = 0.05  # average cosine inside a window group (UCI dev alone; see the docstring)
MAX_WINDOW = 5000  # items per window: the link matrix is quadratic in this
# Pull of two items close in time (chosen on UCI alone, the one dated labelled stream:
# docs/benchmarks.md lists every value tried)
TIME_BONUS = 0.3
TIME_GAPS = 5.0


@dataclass(slots=True)
class _Held:
    """One item of the open window and the story ``add`` put it in."""

    article: Article
    tf: dict[str, float]
    when: datetime | None
    sid: str


def window_key(when: datetime | None) -> str:
    """The window an item belongs to: its timestamp's calendar day ('' when undated)."""
    return when.date().isoformat() if when is not None else ""


def average_link(
    vecs: list[dict[str, float]],
    languages: list[str | None],
    link: float,
    times: list[datetime | None] | None = None,
) -> list[int]:
    """Average-link groups of sparse vectors at mean cosine ``link``; labels in input order.

    Items of two known, different languages are never linked (distance 1).
    """
    n = len(vecs)
    if n < 2:
        return [0] * n
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.sparse import csr_matrix
    from scipy.spatial.distance import squareform

    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, vec in enumerate(vecs):
        norm = sum(w * w for w in vec.values()) ** 0.5 or 1.0
        for t, w in vec.items():
            rows.append(i)
            cols.append(vocab.setdefault(t, len(vocab)))
            vals.append(w / norm)
    matrix = csr_matrix((vals, (rows, cols)), shape=(n, max(1, len(vocab))), dtype=np.float32)
    dist = 1.0 - (matrix @ matrix.T).toarray().astype(np.float64)
    known = [lang for lang in languages if lang]
    if len(set(known)) > 1:
        codes = np.array([hash(lang) if lang else 0 for lang in languages])
        apart = (codes[:, None] != codes[None, :]) & (codes[:, None] != 0) & (codes[None, :] != 0)
        dist[apart] = 1.0
    stamps = [t.timestamp() for t in times or [] if t is not None]
    if len(stamps) == n:
        # items close in time, in units of the window's median arrival gap, are pulled
        # together: a story crawled in one burst stays whole, while in a feed whose stories
        # interleave the few items that land next to each other hardly move an average
        secs = np.array(stamps)
        gaps = np.diff(np.sort(secs))
        gaps = gaps[gaps > 0]
        if len(gaps):
            scale = TIME_GAPS * float(np.median(gaps))
            pull = TIME_BONUS * np.exp(-np.abs(secs[:, None] - secs[None, :]) / scale)
            dist -= np.where(dist < 1.0 - 1e-6, pull, 0.0)  # time alone never links
    np.clip(dist, 0.0, 1.0, out=dist)
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), "average")
    return [int(x) for x in fcluster(tree, 1.0 - link, "distance")]


class WindowRegrouper:
    _stories: dict[str, StoryState]
    _postings: dict[str, set[str]]
    merges: list[tuple[str, str]]
    window_link: float | None
    headline_threshold: float
    max_terms: int

    if TYPE_CHECKING:

        def _weigh(self, tf: dict[str, float]) -> dict[str, float]: ...
        def _cosine(self, vec: dict[str, float], sid: str) -> float: ...
        def _candidates(self, vec: dict[str, float], when: datetime | None) -> list[str]: ...
        def _same_language(self, language: str | None, sid: str) -> bool: ...
        def _relaxed(self, scored: list[tuple[float, str]]) -> float: ...
        def _new_story(self, seed: str) -> str: ...
        def _attach(
            self, sid: str, article: Article, tf: dict[str, float], when: datetime | None
        ) -> None: ...

    def _init_window(self) -> None:
        self._held: list[_Held] = []
        self._held_key: str | None = None
        # each story's span and language before the window's first item joined it
        self._before: dict[str, tuple[Any, ...]] = {}
        self._merges_at = 0

    def _enter_window(self, when: datetime | None) -> None:
        """Close the open window if an item of another window (or one too many) arrives."""
        if when is None:
            return
        key = window_key(when)
        if self._held and (key != self._held_key or len(self._held) >= MAX_WINDOW):
            self.flush()
        if not self._held:
            self._held_key = key
            self._merges_at = len(self.merges)

    def _hold(
        self, article: Article, tf: dict[str, float], when: datetime | None, sid: str
    ) -> None:
        """Note an item ``add`` is about to attach to ``sid`` (call before attaching)."""
        story = self._stories[sid]
        if sid not in self._before:
            self._before[sid] = (
                story.start,
                story.end,
                story.start_text,
                story.end_text,
                story.language,
            )
        self._held.append(_Held(article, tf, when, sid))

    def flush(self) -> None:
        """Decide the open window's items again, all at once (see the module docstring)."""
        held, self._held = self._held, []
        before, self._before = self._before, {}
        if self.window_link is None or len(held) < 2 or len(self.merges) != self._merges_at:
            return  # off, nothing to regroup, or a merge moved stories under the window
        for item in held:
            self._detach(item)
        for sid, (start, end, start_text, end_text, language) in before.items():
            story = self._stories[sid]
            if not story.article_ids:
                for term in story.tf:
                    self._unpost(term, sid)
                del self._stories[sid]
                continue
            story.start, story.end, story.start_text, story.end_text = (
                start,
                end,
                start_text,
                end_text,
            )
            story.language = language
        # a fixed order (by id): the groups and the ids of new stories do not depend on arrival
        held.sort(key=lambda h: h.article.id)
        vecs = [self._trimmed(h.tf) for h in held]
        labels = average_link(
            vecs, [h.article.language for h in held], self.window_link, [h.when for h in held]
        )
        groups: dict[int, list[int]] = defaultdict(list)
        for i, label in enumerate(labels):
            groups[label].append(i)
        existing = set(self._stories)
        placed = [(self._place(held, members, existing), members) for members in groups.values()]
        for sid, members in placed:
            for i in members:
                self._attach(sid, held[i].article, held[i].tf, held[i].when)

    def _trimmed(self, tf: dict[str, float]) -> dict[str, float]:
        vec = self._weigh(tf)
        if len(vec) > self.max_terms:
            vec = dict(sorted(vec.items(), key=lambda kv: -kv[1])[: self.max_terms])
        return vec

    def _place(self, held: list[_Held], members: list[int], existing: set[str]) -> str:
        """The story from before the window a group joins, or a new story's id."""
        total: dict[str, float] = {}
        for i in members:
            accumulate(total, held[i].tf)
        vec = self._trimmed(total)
        first = held[members[0]]
        times = [w for w in (held[i].when for i in members) if w is not None]
        scored = sorted(
            (
                (self._cosine(vec, sid), sid)
                for sid in self._candidates(vec, min(times) if times else None)
                if sid in existing
                and self._same_day(sid)
                and self._same_language(first.article.language, sid)
            ),
            reverse=True,
        )
        if scored and scored[0][0] >= self.headline_threshold * self._relaxed(scored):
            return scored[0][1]
        return self._new_story(first.article.id)

    def _same_day(self, sid: str) -> bool:
        """A story from before the window that ended on the window's day (an earlier batch).

        Stories of earlier days are not joined: on UCI dev every cross-day join tried
        (group centroid cosine 0.3, 0.5, 0.7) merged sibling stories of consecutive days
        and joined no story that had been split.
        """
        end = self._stories[sid].end
        return end is not None and window_key(end) == self._held_key

    def _detach(self, item: _Held) -> None:

        story = self._stories[item.sid]
        at = story.article_ids.index(item.article.id)
        del story.article_ids[at]
        del story.titles[at]
        for term, weight in item.tf.items():
            left = story.tf.get(term, 0.0) - weight
            if left > 1e-9:
                story.tf[term] = left
            else:
                story.tf.pop(term, None)
                self._unpost(term, item.sid)
        story.cache = None

    def _unpost(self, term: str, sid: str) -> None:
        posting = self._postings.get(term)
        if posting is not None:
            posting.discard(sid)
            if not posting:
                del self._postings[term]

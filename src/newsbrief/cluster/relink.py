"""Regroup the neighbourhood of a new batch, so two batches end as one run would.

A later batch used to be grouped among itself and each group then joined a stored story by
centroid cosine: the stories depended on how the articles were split into batches (an
article of batch two that bridges two stored fragments of one story could not merge them,
and a stored story could never give an article up to a better group). Here the new batch is
linked together with the stored articles (IDF, neighbour lists and ranks over all of them,
as one run computes them), but pair features and merges are computed only inside the
*affected neighbourhood*: the new articles, every article that is a candidate neighbour of
one of them (either direction), and the whole stored stories those neighbours belong to.
Stories outside it are left as stored, so a crawl pays for the stories a batch touches, not
for the corpus. The neighbourhood's stories are then rebuilt from the new groups, each
keeping the stored id it overlaps most.

A mixin of ``StoryClusterer`` (it uses the clusterer's state and helpers).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime
from typing import TYPE_CHECKING

from newsbrief.cluster.state import StoryState
from newsbrief.records import Article
from newsbrief.text import parse_time


class Relinker:
    _stories: dict[str, StoryState]
    _alias: dict[str, str]
    _postings: dict[str, set[str]]
    _kept: dict[str, tuple[Article, dict[str, float]]]
    _primed: set[str]
    merges: list[tuple[str, str]]
    changed: set[str]

    if TYPE_CHECKING:

        def prime(self, articles: list[Article]) -> None: ...

        def resolve(self, sid: str) -> str: ...

        def _terms(self, article: Article) -> dict[str, float]: ...

        def _new_story(self, seed: str) -> str: ...

        def _attach(
            self, sid: str, article: Article, tf: dict[str, float], when: datetime | None
        ) -> None: ...

        def _link(
            self,
            batch: list[Article],
            tfs: list[dict[str, float]],
            times: list[datetime | None],
            focus: object = None,
        ) -> tuple[list[int], set[int] | None]: ...

    def _relink(self, batch: list[Article]) -> list[str]:
        """Add ``batch`` by regrouping it with its stored neighbourhood; ids in input order."""
        self.prime(batch)
        new = {a.id: (a, self._terms(a)) for a in batch}
        for article in batch:
            self._primed.discard(article.id)
        story_of = {aid: sid for sid, s in self._stories.items() for aid in s.article_ids}
        # a story with a member whose text this clusterer does not hold cannot be regrouped
        frozen = {sid for aid, sid in story_of.items() if aid not in self._kept}
        pile = {aid: kept for aid, kept in self._kept.items() if aid not in new}
        pile.update(new)
        ids = sorted(pile)  # linked in id order, as one run links its batch
        articles = [pile[aid][0] for aid in ids]
        tfs = [pile[aid][1] for aid in ids]
        times = [parse_time(a.published) for a in articles]
        fresh = {n for n, aid in enumerate(ids) if aid in new}

        def focus(lists: list[list[tuple[int, float]]]) -> set[int]:
            near = set(fresh)
            for i in fresh:
                near.update(j for j, _ in lists[i])
            near.update(i for i, row in enumerate(lists) if any(j in fresh for j, _ in row))
            touched = {story_of[ids[i]] for i in near if ids[i] in story_of} - frozen
            near = {i for i in near if story_of.get(ids[i]) not in frozen}
            position = {aid: n for n, aid in enumerate(ids)}
            for sid in touched:
                near.update(position[aid] for aid in self._stories[sid].article_ids)
            return near

        labels, chosen = self._link(articles, tfs, times, focus)
        assert chosen is not None
        groups: dict[int, list[int]] = defaultdict(list)
        for i in sorted(chosen):
            groups[labels[i]].append(i)
        return self._rebuild(ids, articles, tfs, times, list(groups.values()), story_of, batch)

    def _rebuild(
        self,
        ids: list[str],
        articles: list[Article],
        tfs: list[dict[str, float]],
        times: list[datetime | None],
        groups: list[list[int]],
        story_of: dict[str, str],
        batch: list[Article],
    ) -> list[str]:
        """Replace the stories of the regrouped articles by the new groups."""
        overlap: Counter[tuple[int, str]] = Counter()
        for g, members in enumerate(groups):
            for i in members:
                if ids[i] in story_of:
                    overlap[(g, story_of[ids[i]])] += 1
        # each stored story's id goes to the group holding most of its members (then the
        # story's own id order decides): stable ids for briefs and links already given out
        owner: dict[int, str] = {}
        taken: set[str] = set()
        for (g, sid), _ in sorted(overlap.items(), key=lambda kv: (-kv[1], kv[0][1], kv[0][0])):
            if g not in owner and sid not in taken:
                owner[g] = sid
                taken.add(sid)
        old = {sid for _, sid in overlap}
        before = {sid: set(self._stories[sid].article_ids) for sid in old}
        for g, members in enumerate(groups):
            if g not in owner:
                # opened while the stored ids still exist, so no new id reuses one of them
                owner[g] = self._new_story(ids[members[0]])
        for sid in old:
            self._drop(sid)
            if sid in taken:
                self._stories[sid] = StoryState(sid)
        for g, members in enumerate(groups):
            sid = owner[g]
            for i in members:
                self._attach(sid, articles[i], tfs[i], times[i])
                self._kept[ids[i]] = (articles[i], tfs[i])
            if {ids[i] for i in members} != before.get(sid):
                self.changed.add(sid)
        group_of = {ids[i]: owner[g] for g, members in enumerate(groups) for i in members}
        for sid in sorted(old - taken):
            # every member went elsewhere: recorded as merged into the story most took
            counts = Counter(group_of[aid] for aid in before[sid])
            into = min(counts, key=lambda other: (-counts[other], other))
            self._alias[sid] = into
            self.merges.append((sid, into))
        return [group_of[a.id] for a in batch]

    def _drop(self, sid: str) -> None:
        story = self._stories.pop(sid)
        for term in story.tf:
            posting = self._postings.get(term)
            if posting is not None:
                posting.discard(sid)
                if not posting:
                    del self._postings[term]

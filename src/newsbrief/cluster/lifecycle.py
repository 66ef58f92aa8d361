"""What happens to stories outside the join rule: restored from storage, closed, merged, named.

A mixin of ``StoryClusterer`` (it uses the clusterer's state and helpers).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from newsbrief.cluster.features import sentence_keys
from newsbrief.cluster.state import StoryState, accumulate
from newsbrief.records import Article, Story
from newsbrief.text import parse_time


class StoryLifecycle:
    _stories: dict[str, StoryState]
    _alias: dict[str, str]
    _postings: dict[str, set[str]]
    _kept: dict[str, tuple[Article, dict[str, float]]]
    _primed: set[str]
    _closed: set[str]
    _sent_df: Counter[str]
    merges: list[tuple[str, str]]
    window: timedelta

    if TYPE_CHECKING:

        def flush(self) -> None: ...
        def resolve(self, sid: str) -> str: ...
        def _terms(self, article: Article) -> dict[str, float]: ...
        def _count(self, tf: dict[str, float]) -> None: ...
        def _record(self, s: StoryState) -> Story: ...
        def _centroid(self, story: StoryState) -> tuple[dict[str, float], float]: ...
        def _attach(
            self, sid: str, article: Article, tf: dict[str, float], when: datetime | None
        ) -> None: ...

    def restore(
        self, assignments: Iterable[tuple[Article, str]], pending: Iterable[Article] = ()
    ) -> None:
        """Rebuild the index from stored (article, story id) pairs without reassigning.

        ``pending``, the batch about to be added, is counted first (as ``prime`` would), so
        every term weight and frequent-sentence cut is the one a single run over stored and
        pending articles together computes: a later ``add_batch`` can then regroup the
        stored stories it touches exactly as that run would (see ``cluster.relink``).
        """
        pairs = [(article, self.resolve(sid)) for article, sid in assignments]
        ahead = [a for a in pending if a.id not in self._primed]
        for article in [a for a, _ in pairs] + ahead:
            self._sent_df.update(set(sentence_keys(article)))
        for article, sid in pairs:
            tf = self._terms(article)
            self._count(tf)
            if sid not in self._stories:
                self._stories[sid] = StoryState(sid)
            self._attach(sid, article, tf, parse_time(article.published))
            self._kept[article.id] = (article, tf)
        for article in ahead:
            self._primed.add(article.id)
            self._count(self._terms(article))

    def close_before(self, when: datetime) -> list[Story]:
        """Forget the stories that can no longer grow, and return them as finished records.

        The caller promises that no article published before ``when`` is added from now on
        (a stream in publish order passes the earliest time it may still see). A story whose
        last article is more than the window before ``when`` is then outside the window of
        every later article: it is dropped with its term postings, so memory and candidate
        lists follow the open stories, not the corpus. Undated stories never close.
        ``stories()`` no longer lists the closed ones.
        """
        self.flush()
        horizon = when - self.window
        closed = [s for s in self._stories.values() if s.end is not None and s.end < horizon]
        out = [self._record(s) for s in closed]
        for story in closed:
            for aid in story.article_ids:
                self._kept.pop(aid, None)
            for term in story.tf:
                posting = self._postings.get(term)
                if posting is not None:
                    posting.discard(story.id)
                    if not posting:
                        del self._postings[term]
            del self._stories[story.id]
            self._closed.add(story.id)
        if closed:
            # an absorbed id that leads to a closed story resolves to nothing open any more
            gone = {a for a in self._alias if self.resolve(a) in self._closed}
            for absorbed in gone:
                del self._alias[absorbed]
            self._closed.update(gone)
        return out

    def _merge(self, a: str, b: str) -> str:
        """Merge the smaller of two stories into the larger; return the survivor's id."""
        sa, sb = self._stories[a], self._stories[b]
        keep, gone = (sa, sb) if len(sa.article_ids) >= len(sb.article_ids) else (sb, sa)
        keep.article_ids.extend(gone.article_ids)
        keep.titles.extend(gone.titles)
        accumulate(keep.tf, gone.tf)
        keep.cache = None
        keep.language = keep.language or gone.language
        for when, text in ((gone.start, gone.start_text), (gone.end, gone.end_text)):
            if when is None:
                continue
            if keep.start is None or when < keep.start:
                keep.start, keep.start_text = when, text
            if keep.end is None or when > keep.end:
                keep.end, keep.end_text = when, text
        for term in gone.tf:
            # the absorbed id leaves the postings: a lookup never walks dead ids, and a
            # closed survivor (close_before) leaves nothing behind that resolves to it
            posting = self._postings[term]
            posting.discard(gone.id)
            posting.add(keep.id)
        del self._stories[gone.id]
        self._alias[gone.id] = keep.id
        self.merges.append((gone.id, keep.id))
        return keep.id

    def _label(self, story: StoryState) -> str:
        titles = [t for t in story.titles if t.strip()]
        if titles:
            return titles[0].strip()
        vec, _ = self._centroid(story)
        ranked = sorted(vec, key=lambda t: (-vec[t], t))
        # names read as names ("Clifford · Cohen · Trump"); word stems ("arbitr") do not
        names = [t[1:].title() for t in ranked[:12] if t.startswith("@")]
        if len(names) >= 2:
            return " · ".join(names[:4])
        return " ".join([t for t in ranked if not t.startswith("@")][:5])

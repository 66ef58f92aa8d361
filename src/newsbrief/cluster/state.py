"""What the online clusterer keeps per story and per sentence, bounded for long streams."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from newsbrief.cluster.linking import FREQUENT_SENTENCE
from newsbrief.records import Article


@dataclass(slots=True)
class StoryState:
    id: str
    article_ids: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    tf: dict[str, float] = field(default_factory=dict)
    start: datetime | None = None
    end: datetime | None = None
    start_text: str | None = None
    end_text: str | None = None
    language: str | None = None  # of its articles (stories never mix known languages)
    # cached TF-IDF centroid: (corpus size when computed, weights, norm)
    cache: tuple[int, dict[str, float], float] | None = None

    def add(self, article: Article, tf: dict[str, float], when: datetime | None) -> None:
        self.article_ids.append(article.id)
        self.titles.append(article.title)
        accumulate(self.tf, tf)
        self.cache = None
        self.language = self.language or article.language
        if when is not None:
            if self.start is None or when < self.start:
                self.start, self.start_text = when, article.published
            if self.end is None or when > self.end:
                self.end, self.end_text = when, article.published


def accumulate(total: dict[str, float], add: dict[str, float]) -> None:
    for t, w in add.items():
        total[t] = total.get(t, 0.0) + w


class SentenceCounts(Counter[str]):
    """Document frequencies of normalized sentences, bounded for endless streams.

    Every sentence ever seen is a key, nearly all of them seen once. Past ``LIMIT`` keys the
    rarest are dropped (count 1, then 2, ... below ``FREQUENT_SENTENCE``) until at most half
    the limit is left, so each prune pays for itself. A dropped sentence that recurs starts
    counting again: template text recurs often enough to pass the bar between prunes, and
    a corpus under the limit is counted exactly.
    """

    LIMIT = 1_000_000

    def update(self, iterable: Any = None, /, **kwds: int) -> None:
        super().update(iterable, **kwds)
        if len(self) > self.LIMIT:
            self.prune(self.LIMIT // 2)

    def prune(self, target: int) -> None:
        for rare in range(1, FREQUENT_SENTENCE):
            if len(self) <= target:
                return
            for key in [k for k, c in self.items() if c <= rare]:
                del self[key]

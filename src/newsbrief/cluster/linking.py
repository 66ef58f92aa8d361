"""Batch linking: cluster a whole batch of article bodies among itself.

Candidate pairs come from each article's nearest neighbours (``cluster.batch``), a learned
"same story" scorer gives each pair a probability (``cluster.pairs``), and average link
merges groups. A mixin of ``StoryClusterer``: it reads the clusterer's document
frequencies and options and keeps no state of its own.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from newsbrief.cluster.batch import NEIGHBOURS, average_link, neighbour_lists
from newsbrief.cluster.features import NAME_PREFIX, content_size, lead_terms, sentence_keys
from newsbrief.cluster.pairs import MIN_COSINE, pair_features, probabilities
from newsbrief.records import Article

FREQUENT_SENTENCE = 3  # a sentence seen in this many articles is template text, not news

# Tuned on Multi-News dev (pooled, 690 articles): squaring IDF lets rare names and terms
# decide (0.854 -> 0.872 B-cubed F1 with average link); see cluster/batch.py.
BATCH_IDF_POWER = 2.0
BATCH_THRESHOLD = 0.15
ONCE = 0.5  # weight of terms seen in one article only
MIN_STEMS = 8  # an article body with fewer distinct stems left is a stub: kept alone


class BatchLinker:
    learned: bool
    pair_model: tuple[Sequence[float], float]
    window: timedelta
    headline_threshold: float
    batch_threshold: float
    pair_threshold: float
    _df: Counter[str]
    _sent_df: Counter[str]

    if TYPE_CHECKING:

        def prime(self, articles: Iterable[Article]) -> None: ...

        def _terms(self, article: Article) -> dict[str, float]: ...

        def _idf(self, term: str) -> float: ...

    def pair_table(
        self, articles: Iterable[Article]
    ) -> tuple[list[tuple[int, int]], list[list[float]]]:
        """Candidate pairs of a batch and their pair-scorer features (for fitting the model)."""
        batch = list(articles)
        self.prime(batch)
        tfs = [self._terms(a) for a in batch]
        _, pairs, rows = self._graph(batch, tfs)
        return pairs, rows

    def _link(
        self,
        batch: list[Article],
        tfs: list[dict[str, float]],
        times: list[datetime | None],
        focus: Callable[[list[list[tuple[int, float]]]], set[int]] | None = None,
    ) -> tuple[list[int], set[int] | None]:
        """Average-link labels for a batch; stubs and junk stay singletons.

        ``focus``, given the batch's neighbour lists, names the items to link (the rest keep
        their labels from an earlier run): features are computed and pairs merged among those
        only, with ranks and IDF from the whole batch, so a neighbourhood comes out as it
        would in one run over everything. Returns the labels and the focus set.
        """
        vectors = [self._batch_vector(a, tf) for a, tf in zip(batch, tfs, strict=True)]
        lists = neighbour_lists(vectors, NEIGHBOURS)
        chosen = None if focus is None else focus(lists)
        sims, pairs, rows = self._graph(batch, tfs, vectors, lists, self.learned, chosen)
        # Time is evidence, not a wall: a verdict months after a trial opened belongs to
        # the trial, so no pair is cut for its publish gap (the date-spread pile in
        # docs/benchmarks.md lost whole stories to a 7-day cut). Languages are a wall: two
        # texts in two languages share names at most.
        langs = [a.language for a in batch]
        edges = {
            (i, j): s
            for (i, j), s in sims.items()
            if not (langs[i] and langs[j] and langs[i] != langs[j])
            and (chosen is None or (i in chosen and j in chosen))
        }
        headline = [not a.text.strip() for a in batch]
        edges = {
            (i, j): s
            for (i, j), s in edges.items()
            if not (headline[i] or headline[j]) or s >= self.headline_threshold
        }
        if not self.learned:
            return average_link(len(batch), edges, self.batch_threshold), chosen
        probs = dict(zip(pairs, probabilities(rows, *self.pair_model), strict=True))
        kept = {p: probs[p] for p, s in edges.items() if s >= MIN_COSINE}
        return average_link(len(batch), kept, self.pair_threshold), chosen

    def _graph(
        self,
        batch: list[Article],
        tfs: list[dict[str, float]],
        vectors: list[dict[str, float]] | None = None,
        lists: list[list[tuple[int, float]]] | None = None,
        scored: bool = True,
        only: set[int] | None = None,
    ) -> tuple[dict[tuple[int, int], float], list[tuple[int, int]], list[list[float]]]:
        """Neighbour-graph cosines and, when ``scored``, the candidate pairs' features
        (of the pairs inside ``only`` when given)."""
        if vectors is None:
            vectors = [self._batch_vector(a, tf) for a, tf in zip(batch, tfs, strict=True)]
        if lists is None:
            lists = neighbour_lists(vectors, NEIGHBOURS)
        sims = {(min(i, j), max(i, j)): s for i, row in enumerate(lists) for j, s in row}
        if not scored:
            return sims, [], []
        views: list[list[dict[str, float]]] = [[], [], []]
        for i, (article, tf, vec) in enumerate(zip(batch, tfs, vectors, strict=True)):
            # an item outside the focus is in no scored pair: its views are never read
            reps = self._views(article, tf, vec) if only is None or i in only else ({}, {}, {})
            for view, rep in zip(views, reps, strict=True):
                view.append(rep)
        sizes = [math.log1p(content_size(tf)) for tf in tfs]
        pairs, rows = pair_features(lists, views, sizes, NEIGHBOURS, only)
        return sims, pairs, rows

    def _batch_vector(self, article: Article, tf: dict[str, float]) -> dict[str, float]:
        if article.text.strip() and content_size(tf) < MIN_STEMS:
            # Archive notices, video placeholders, cookie pages: too little text to be
            # evidence, and a wrong merge costs more than a lone article.
            return {}
        # A term seen in one article only can never link two; at full weight it would
        # dilute the cosine of long articles (and of every article in a small pile), left
        # out it would let one shared word make two short texts look alike.
        weights = {
            t: w * self._idf(t) ** BATCH_IDF_POWER * (1.0 if self._df[t] > 1 else ONCE)
            for t, w in tf.items()
        }
        return {t: w for t, w in weights.items() if w > 0}

    def _views(
        self, article: Article, tf: dict[str, float], vec: dict[str, float]
    ) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
        """Plain-IDF, name-only and lead vectors of one article (see ``cluster.pairs``)."""
        if not vec:
            return {}, {}, {}
        plain = {t: w * self._idf(t) * (1.0 if self._df[t] > 1 else ONCE) for t, w in tf.items()}
        names = {t: w for t, w in vec.items() if t.startswith(NAME_PREFIX)}
        keys = sentence_keys(article)
        frequent = {k for k in keys if self._sent_df[k] >= FREQUENT_SENTENCE}
        lead = lead_terms(article, frequent, keys)
        leads = {t: w * self._idf(t) ** BATCH_IDF_POWER for t, w in lead.items()}
        return (
            {t: w for t, w in plain.items() if w > 0},
            names,
            {t: w for t, w in leads.items() if w > 0},
        )

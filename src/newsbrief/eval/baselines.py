"""Extractive summarization baselines: each returns sentence texts, best first.

They all read the same annotated sentences as newsbrief, so a comparison measures the
selection method, not the preprocessing. The caller cuts the list at the word budget.
"""

from __future__ import annotations

import random

import numpy as np

from newsbrief.records import Article

REDUNDANT = 0.5  # tf-idf cosine above which a later sentence repeats an earlier pick


def _sentences(articles: list[Article]) -> list[str]:
    return [s.text for a in articles for s in a.sentences if s.text.strip()]


def random_baseline(articles: list[Article], seed: str = "0") -> list[str]:
    """A shuffled list, seeded per cluster so reruns agree."""
    sents = _sentences(articles)
    random.Random(seed).shuffle(sents)
    return sents


def lead_baseline(articles: list[Article]) -> list[str]:
    """Round-robin leads: every article's first sentence, then every second one, ..."""
    out: list[str] = []
    lists = [[s.text for s in a.sentences if s.text.strip()] for a in articles]
    depth = max((len(x) for x in lists), default=0)
    for i in range(depth):
        out.extend(x[i] for x in lists if i < len(x))
    return out


def _tfidf(sents: list[str]):
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(stop_words="english", sublinear_tf=True)
    return vec.fit_transform(sents)


def _pick(order: list[int], sents: list[str], sim: np.ndarray) -> list[str]:
    chosen: list[int] = []
    for i in order:
        if all(sim[i, j] < REDUNDANT for j in chosen):
            chosen.append(i)
    return [sents[i] for i in chosen]


def centroid_baseline(articles: list[Article]) -> list[str]:
    """Sentences closest to the cluster's TF-IDF centroid (Radev et al. 2004, simplified)."""
    sents = _sentences(articles)
    if not sents:
        return []
    try:
        x = _tfidf(sents)
    except ValueError:  # only stopwords in the whole cluster
        return sents
    centroid = np.asarray(x.mean(axis=0)).ravel()
    scores = x @ centroid
    order = sorted(range(len(sents)), key=lambda i: (-float(scores[i]), i))
    return [sents[i] for i in order]


def lexrank_baseline(
    articles: list[Article], threshold: float = 0.1, damping: float = 0.85
) -> list[str]:
    """LexRank (Erkan & Radev 2004): PageRank over the thresholded cosine graph."""
    sents = _sentences(articles)
    if not sents:
        return []
    try:
        x = _tfidf(sents)
    except ValueError:
        return sents
    sim = (x @ x.T).toarray()
    graph = (sim >= threshold).astype(np.float64)
    np.fill_diagonal(graph, 1.0)  # a stopword-only sentence has a zero vector, not no row
    graph /= graph.sum(axis=1, keepdims=True)
    n = len(sents)
    scores = np.full(n, 1.0 / n)
    for _ in range(100):
        new = (1 - damping) / n + damping * graph.T @ scores
        if np.abs(new - scores).sum() < 1e-6:
            scores = new
            break
        scores = new
    order = sorted(range(n), key=lambda i: (-float(scores[i]), i))
    return _pick(order, sents, sim)


__all__ = ["centroid_baseline", "lead_baseline", "lexrank_baseline", "random_baseline"]

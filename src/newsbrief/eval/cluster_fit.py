"""Fitting the cluster pair scorer (``newsbrief.cluster.pairs``) and its honest 2-fold score.

The stories of a labelled pool are split in two by a hash of their label; a model fitted on
the candidate pairs touching one half scores the clustering of the whole pool on the items
of the other half, and the two halves swap. That figure, not the in-sample one, is what the
shipped coefficients (fitted on every pair) are expected to give on unseen stories.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence

from newsbrief.cluster import StoryClusterer
from newsbrief.cluster.pairs import COEFFICIENTS, INTERCEPT
from newsbrief.eval.loaders import LabelledItem

PairModel = tuple[tuple[float, ...], float]


def fold_of(label: str) -> int:
    return int(hashlib.sha1(label.encode("utf-8")).hexdigest(), 16) % 2


def fit_pair_model(
    pairs: Sequence[tuple[int, int]],
    rows: Sequence[Sequence[float]],
    labels: Sequence[str],
    use: Sequence[bool] | None = None,
) -> PairModel:
    """Logistic regression (C=1 on standardised features) mapped back to raw feature scale."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = np.asarray(rows, dtype=float)
    y = np.array([labels[i] == labels[j] for i, j in pairs])
    if use is not None:
        keep = np.asarray(use, dtype=bool)
        x, y = x[keep], y[keep]
    if len(set(y.tolist())) < 2:
        # nothing to learn from (a pile with no pair of one story, or no pair of two): keep
        # the shipped model rather than fail
        return tuple(COEFFICIENTS), INTERCEPT
    mean, std = x.mean(axis=0), x.std(axis=0)
    std[std == 0] = 1.0
    model = LogisticRegression(C=1.0, max_iter=2000).fit((x - mean) / std, y)
    coef = model.coef_[0] / std
    intercept = float(model.intercept_[0] - (coef * mean).sum())
    return tuple(round(float(c), 4) for c in coef), round(intercept, 4)


def bcubed_on(
    gold: Sequence[str], pred: Sequence[str], mask: Sequence[bool]
) -> tuple[float, float, float]:
    """B-cubed P/R/F1 over the masked items, clusters taken over the whole pool."""
    joint = Counter(zip(gold, pred, strict=True))
    gsize, psize = Counter(gold), Counter(pred)
    p = r = 0.0
    m = 0
    for g, c, on in zip(gold, pred, mask, strict=True):
        if on:
            p += joint[(g, c)] / psize[c]
            r += joint[(g, c)] / gsize[g]
            m += 1
    if not m:
        return 0.0, 0.0, 0.0
    p, r = p / m, r / m
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def two_fold(items: list[LabelledItem]) -> list[tuple[float, float, float]]:
    """Held-out B-cubed (P, R, F1) of each half, the model fitted on the other half."""
    articles = [it.article for it in items]
    gold = [it.label for it in items]
    fold = [fold_of(g) for g in gold]
    pairs, rows = StoryClusterer().pair_table(articles)
    out = []
    for held in (0, 1):
        use = [fold[i] != held or fold[j] != held for i, j in pairs]
        model = fit_pair_model(pairs, rows, gold, use)
        clusterer = StoryClusterer(pair_model=model)
        ids = clusterer.add_batch(articles)
        out.append(bcubed_on(gold, ids, [f == held for f in fold]))
    return out

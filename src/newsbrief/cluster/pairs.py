"""A learned same-story score for candidate pairs of the batch neighbour graph.

Cosine alone cannot tell a weak link inside one story from a strong link between two stories
on one topic; where a pair sits among each side's neighbours can. Each candidate pair (one
item among the other's top ``k``) gets a few features and a logistic regression turns them
into P(same story); average link then merges on those probabilities (see ``cluster.batch``).

Features, in ``COEFFICIENTS`` order:
  cos        cosine of the batch vectors (IDF squared, the weighting ``online`` clusters by)
  cos_idf1   cosine with plain IDF (common words count more: topic agreement)
  cos_names  cosine of the name features only (people, places, organisations)
  cos_lead   cosine of title + first three sentences (what the article is about)
  rank_min   log(1 + rank) of the pair in the list where it ranks best (0 = nearest)
  rank_max   log(1 + rank) in the other list (``k`` when absent: not a mutual neighbour)
  rel_max    cos / the larger of the two items' best neighbour cosine
  rel_min    cos / the smaller one
  size_min   log(1 + distinct stems) of the shorter article
  size_gap   |difference| of those log sizes
"""

from __future__ import annotations

from collections.abc import Sequence

FEATURES = (
    "cos",
    "cos_idf1",
    "cos_names",
    "cos_lead",
    "rank_min",
    "rank_max",
    "rel_max",
    "rel_min",
    "size_min",
    "size_gap",
)
# Fitted by ``newsbrief.eval.cluster_fit.fit_pair_model`` (scikit-learn logistic regression,
# C=1 on standardised features, mapped back to raw scale) on the 4,453 candidate pairs (k=10)
# of all 690 pooled Multi-News dev articles, label = same row. Expected quality is the 2-fold
# figure (fit on the rows of one sha1 half, score the other): B-cubed F1 0.888 / 0.875 on the
# two halves, against 0.879 / 0.864 for cosine average link; ``eval cluster`` recomputes it.
COEFFICIENTS = (1.688, 7.7666, -0.0357, 4.0974, 0.842, -1.093, 3.021, 2.8336, -0.2413, 0.1257)
INTERCEPT = -4.7077
# Average P(same) two clusters need to merge; 0.3-0.4 score alike in the 2-fold runs.
PAIR_THRESHOLD = 0.35
# Below this cosine a pair shares next to nothing: the relative features (nearest neighbour,
# best match) would otherwise make the closest of unrelated articles in a small pile look
# like one story. Pairs of one Multi-News story nearly all pass it (the oracle ceiling with
# only links >= 0.05 is 0.955 B-cubed F1).
MIN_COSINE = 0.05
# What the rank and relative features (rank_min, rank_max, rel_max, rel_min) average over
# the candidate pairs of the pool the model was fitted on. They say where a pair sits among
# each side's other candidates; two items that are each other's only candidate (a pile of
# two, or two texts sharing terms with nothing else) have none, so the features would be
# rank 0 and relative cosine 1 whatever the pair, and take these uninformed values instead.
# Without it two unrelated articles (a ferry accident and a bridge closure) made one story
# at P(same) 0.90; with it 0.06.
RELATIVE_PRIOR = (1.528, 1.967, 0.218, 0.361)


def matrix(vectors: Sequence[dict[str, float]], vocab: dict[str, int]):
    """Row-normalised sparse matrix of term-weight dicts over a shared vocabulary."""
    import numpy as np
    from scipy import sparse

    rows, cols, vals = [], [], []
    for i, vec in enumerate(vectors):
        norm = float(np.sqrt(sum(w * w for w in vec.values()))) or 1.0
        for term, w in vec.items():
            rows.append(i)
            cols.append(vocab.setdefault(term, len(vocab)))
            vals.append(w / norm)
    shape = (len(vectors), max(1, len(vocab)))
    return sparse.csr_matrix((vals, (rows, cols)), shape=shape)


def pair_cosines(vectors: Sequence[dict[str, float]], pairs: Sequence[tuple[int, int]]):
    """Cosine of each listed pair, as a numpy array."""
    import numpy as np

    if not pairs:
        return np.zeros(0)
    m = matrix(vectors, {})
    left = m[[i for i, _ in pairs]]
    right = m[[j for _, j in pairs]]
    return np.asarray(left.multiply(right).sum(axis=1)).ravel()


def pair_features(
    neighbours: Sequence[Sequence[tuple[int, float]]],
    views: Sequence[Sequence[dict[str, float]]],
    sizes: Sequence[float],
    k: int,
    only: set[int] | None = None,
) -> tuple[list[tuple[int, int]], list[list[float]]]:
    """Candidate pairs (i < j) and their feature rows.

    ``neighbours[i]`` is item i's top-k list as (j, cosine), best first; ``views`` are the
    other representations (plain-IDF vectors, names, leads) in ``FEATURES`` order. With
    ``only``, the pairs with both items in it (ranks still over the full lists).
    """
    import math

    rank: list[dict[int, int]] = [{j: r for r, (j, _) in enumerate(row)} for row in neighbours]
    best = [row[0][1] if row else 0.0 for row in neighbours]
    sim: dict[tuple[int, int], float] = {}
    for i, row in enumerate(neighbours):
        for j, s in row:
            sim[(min(i, j), max(i, j))] = s
    pairs = sorted(p for p in sim if only is None or (p[0] in only and p[1] in only))
    extra = [pair_cosines(view, pairs) for view in views]
    rows = []
    for n, (i, j) in enumerate(pairs):
        s = sim[(i, j)]
        ri, rj = rank[i].get(j, k), rank[j].get(i, k)
        hi, lo = max(best[i], best[j]), min(best[i], best[j])
        relative = (
            (
                math.log1p(min(ri, rj)),
                math.log1p(max(ri, rj)),
                s / hi if hi > 0 else 0.0,
                s / lo if lo > 0 else 0.0,
            )
            if len(neighbours[i]) > 1 or len(neighbours[j]) > 1
            else RELATIVE_PRIOR
        )
        rows.append(
            [
                s,
                *(float(e[n]) for e in extra),
                *relative,
                min(sizes[i], sizes[j]),
                abs(sizes[i] - sizes[j]),
            ]
        )
    return pairs, rows


def probabilities(
    rows: Sequence[Sequence[float]],
    coefficients: Sequence[float] = COEFFICIENTS,
    intercept: float = INTERCEPT,
) -> list[float]:
    """P(same story) for each feature row under the logistic model."""
    import math

    out = []
    for row in rows:
        z = intercept + sum(c * x for c, x in zip(coefficients, row, strict=True))
        out.append(1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z)))))
    return out

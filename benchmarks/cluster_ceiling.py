"""How far the pooled Multi-News clustering is from its ceilings, and what did not move it.

    python benchmarks/cluster_ceiling.py [--data ../shared/data/mds/multinews/dev.jsonl]
                                         [--embeddings]

Quality analysis, not timing: it explains the B-cubed F1 of ``newsbrief eval cluster`` on a
pooled multi-document summary set. Printed, in order:

1. the shipped clustering (in-sample, as ``eval cluster`` prints it);
2. ceilings: average link with a perfect pair scorer over the same candidate pairs; every
   pair of one story whose vectors share any term linked (over all pairs, transitively); the
   gold clustering with every stub (an article whose body the clusterer cannot use: archive
   notices, "Tweet with a location", cookie pages) left alone, as any content-based method must;
3. an all-pairs baseline: scikit-learn TF-IDF with average-link agglomerative clustering at
   its best distance threshold (chosen on the same data, so optimistic);
4. alternatives to the shipped pair scorer, each fitted and scored 2-fold exactly as
   ``eval cluster`` scores the shipped one (fit on the stories of one sha1 half, B-cubed on the
   other): the shipped logistic model, a gradient-boosted model on the same features, and the
   logistic model with one extra feature each: shared-nearest-neighbour overlap, cosine of
   rare word bigrams, and (``--embeddings``, needs the ``embeddings`` extra) the cosine of
   all-MiniLM-L6-v2 vectors of each article's title and first five sentences; last, attaching
   every singleton to its most probable candidate's cluster.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "data" / "mds" / "multinews" / "dev.jsonl"

Scorer = Callable[[Any, Any, Any], Any]


def _logistic(x_fit: Any, y_fit: Any, x_all: Any) -> Any:
    from sklearn.linear_model import LogisticRegression

    mean, std = x_fit.mean(axis=0), x_fit.std(axis=0)
    std[std == 0] = 1.0
    model = LogisticRegression(C=1.0, max_iter=2000).fit((x_fit - mean) / std, y_fit)
    return model.predict_proba((x_all - mean) / std)[:, 1]


def _boosted(x_fit: Any, y_fit: Any, x_all: Any) -> Any:
    from sklearn.ensemble import HistGradientBoostingClassifier

    model = HistGradientBoostingClassifier(
        max_depth=3, learning_rate=0.05, max_iter=200, random_state=0
    )
    return model.fit(x_fit, y_fit).predict_proba(x_all)[:, 1]


class Pool:
    """The pooled articles, their candidate pairs and the pair features, computed once."""

    def __init__(self, path: Path) -> None:
        import numpy as np

        from newsbrief.cluster import StoryClusterer
        from newsbrief.eval.cluster import replay_order
        from newsbrief.eval.cluster_fit import fold_of
        from newsbrief.eval.loaders import load_cluster_items

        items = replay_order(load_cluster_items(path), stream=False)
        self.articles = [it.article for it in items]
        self.gold = [it.label for it in items]
        self.fold = [fold_of(g) for g in self.gold]
        clusterer = StoryClusterer()
        self.pairs, rows = clusterer.pair_table(self.articles)
        self.x = np.asarray(rows, dtype=float)
        self.y = np.array([self.gold[i] == self.gold[j] for i, j in self.pairs])
        # the batch vectors the candidates came from (primed by pair_table)
        tfs = [clusterer._terms(a) for a in self.articles]
        self.vectors = [
            clusterer._batch_vector(a, tf) for a, tf in zip(self.articles, tfs, strict=True)
        ]

    def cluster(self, probs: Any) -> list[str]:
        from newsbrief.cluster.batch import average_link
        from newsbrief.cluster.pairs import MIN_COSINE, PAIR_THRESHOLD

        edges = {
            p: float(pr)
            for p, pr, row in zip(self.pairs, probs, self.x, strict=True)
            if row[0] >= MIN_COSINE
        }
        return [str(label) for label in average_link(len(self.gold), edges, PAIR_THRESHOLD)]

    def two_fold(
        self,
        scorer: Scorer,
        extra: Any = None,
        post: Callable[[list[str], Any], list[str]] | None = None,
    ) -> tuple[float, float, float]:
        import numpy as np

        from newsbrief.eval.cluster_fit import bcubed_on

        x = self.x if extra is None else np.column_stack([self.x, extra])
        f1s = []
        for held in (0, 1):
            use = np.array([self.fold[i] != held or self.fold[j] != held for i, j in self.pairs])
            probs = scorer(x[use], self.y[use], x)
            pred = self.cluster(probs)
            if post is not None:
                pred = post(pred, probs)
            f1s.append(bcubed_on(self.gold, pred, [f == held for f in self.fold])[2])
        return f1s[0], f1s[1], sum(f1s) / 2

    def attach_singletons(self, pred: list[str], probs: Any, floor: float = 0.2) -> list[str]:
        size = Counter(pred)
        best: dict[int, tuple[float, int]] = {}
        for (i, j), p in zip(self.pairs, probs, strict=True):
            for a, b in ((i, j), (j, i)):
                if size[pred[a]] == 1 and p > best.get(a, (0.0, -1))[0]:
                    best[a] = (float(p), b)
        out = list(pred)
        for a, (p, b) in best.items():
            if p >= floor:
                out[a] = pred[b]
        return out

    def perfect_over(self, k: int) -> list[str]:
        """Average link with P(same story) = the gold answer over each article's ``k``
        nearest neighbours."""
        from newsbrief.cluster.batch import average_link, neighbour_lists
        from newsbrief.cluster.pairs import PAIR_THRESHOLD

        edges = {
            (min(i, j), max(i, j)): 1.0
            for i, row in enumerate(neighbour_lists(self.vectors, k))
            for j, _ in row
            if self.gold[i] == self.gold[j]
        }
        return [str(x) for x in average_link(len(self.gold), edges, PAIR_THRESHOLD)]

    def linked_components(self) -> list[str]:
        """Gold stories cut into the parts a content-based linker can reach at all: every
        pair of one story whose vectors share a term is linked, transitively."""
        from newsbrief.cluster.batch import neighbour_lists

        parent = list(range(len(self.gold)))

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        everyone = neighbour_lists(self.vectors, len(self.vectors))
        for i, row in enumerate(everyone):
            for j, _ in row:
                if self.gold[i] == self.gold[j]:
                    parent[root(i)] = root(j)
        return [str(root(i)) for i in range(len(self.gold))]

    def shared_neighbours(self) -> Any:
        import numpy as np

        from newsbrief.cluster.batch import NEIGHBOURS, neighbour_lists

        near = [{j for j, _ in row} for row in neighbour_lists(self.vectors, NEIGHBOURS)]
        return np.array([len(near[i] & near[j]) / NEIGHBOURS for i, j in self.pairs])

    def rare_bigram_cosine(self, max_df: int = 20) -> Any:
        from newsbrief.cluster.pairs import pair_cosines
        from newsbrief.text import content_words, stem

        counts = []
        for article, vec in zip(self.articles, self.vectors, strict=True):
            grams: Counter[tuple[str, str]] = Counter()
            if vec:  # stubs stay empty, as in the shipped vectors
                for s in article.sentences:
                    w = [stem(t) for t in content_words(s.text)]
                    grams.update(zip(w, w[1:], strict=False))
            counts.append(grams)
        df: Counter[tuple[str, str]] = Counter()
        for grams in counts:
            df.update(set(grams))
        n = len(counts)
        weighted = [
            {
                " ".join(g): (1 + math.log(c)) * math.log(n / df[g])
                for g, c in grams.items()
                if 2 <= df[g] <= max_df
            }
            for grams in counts
        ]
        return pair_cosines(weighted, self.pairs)

    def embedding_cosine(self) -> Any:
        import numpy as np

        from newsbrief import embeddings

        def lead(a: Any) -> str:
            head = [s.text for s in a.sentences[:5]] if a.sentences else [a.text[:800]]
            return (a.title + ". " if a.title else "") + " ".join(head)

        vecs = embeddings.encode([lead(a) for a in self.articles])
        vecs = vecs / np.clip(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9, None)
        return np.array([float(vecs[i] @ vecs[j]) for i, j in self.pairs])


def _all_pairs_baseline(pool: Pool) -> tuple[float, float]:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    from newsbrief.eval.cluster import bcubed

    texts = [" ".join(s.text for s in a.sentences) or a.text for a in pool.articles]
    m = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=2).fit_transform(texts)
    distance = 1.0 - (m @ m.T).toarray()
    best = (0.0, 0.0)
    for threshold in (0.8, 0.85, 0.9, 0.95):
        labels = AgglomerativeClustering(
            n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold
        ).fit_predict(distance)
        f1 = bcubed(pool.gold, [str(x) for x in labels])[2]
        best = max(best, (f1, threshold))
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--embeddings", action="store_true", help="add the MiniLM feature row")
    parser.add_argument(
        "--oracle-neighbours",
        type=int,
        default=100,
        help="also the perfect-scorer ceiling over this many neighbours, no cosine floor",
    )
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2

    from newsbrief.cluster.pairs import probabilities
    from newsbrief.eval.cluster import bcubed

    pool = Pool(args.data)
    n_gold_pairs = sum(c * (c - 1) // 2 for c in Counter(pool.gold).values())
    print(f"{len(pool.gold)} articles, {len(set(pool.gold))} stories")
    print(f"candidate pairs {len(pool.pairs)}, of one story {int(pool.y.sum())} of {n_gold_pairs}")

    shipped = pool.cluster(probabilities(pool.x.tolist()))
    p, r, f = bcubed(pool.gold, shipped)
    print(f"\nshipped, in-sample: P {p:.3f} R {r:.3f} F1 {f:.3f}")

    p, r, f = bcubed(pool.gold, pool.cluster(pool.y.astype(float)))
    print(f"ceiling, perfect scorer on the same candidates: P {p:.3f} R {r:.3f} F1 {f:.3f}")
    p, r, f = bcubed(pool.gold, pool.perfect_over(args.oracle_neighbours))
    print(
        f"ceiling, perfect scorer over {args.oracle_neighbours} neighbours, no cosine floor: "
        f"P {p:.3f} R {r:.3f} F1 {f:.4f}"
    )
    p, r, f = bcubed(pool.gold, pool.linked_components())
    print(f"ceiling, every same-story pair sharing a term linked: P {p:.3f} R {r:.3f} F1 {f:.3f}")
    stubs = [not v for v in pool.vectors]
    alone = [
        g if not s else f"stub{i}" for i, (g, s) in enumerate(zip(pool.gold, stubs, strict=True))
    ]
    p, r, f = bcubed(pool.gold, alone)
    print(f"ceiling, gold with the {sum(stubs)} stubs alone: P {p:.3f} R {r:.3f} F1 {f:.3f}")

    f1, threshold = _all_pairs_baseline(pool)
    print(f"\nall-pairs TF-IDF average link (best threshold {threshold}): F1 {f1:.3f}")

    print("\n2-fold B-cubed F1 (half 0, half 1, mean):")
    rows: list[tuple[str, Scorer, Any, Any]] = [
        ("logistic, shipped features", _logistic, None, None),
        ("gradient boosting, shipped features", _boosted, None, None),
        ("logistic + shared nearest neighbours", _logistic, pool.shared_neighbours(), None),
        ("logistic + rare-bigram cosine", _logistic, pool.rare_bigram_cosine(), None),
        ("logistic, singletons attached (p >= 0.2)", _logistic, None, pool.attach_singletons),
    ]
    if args.embeddings:
        rows.append(("logistic + MiniLM lead cosine", _logistic, pool.embedding_cosine(), None))
    for name, scorer, extra, post in rows:
        a, b, mean = pool.two_fold(scorer, extra, post)
        print(f"  {name:<42} {a:.3f}  {b:.3f}  {mean:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

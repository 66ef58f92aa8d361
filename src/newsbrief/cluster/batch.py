"""Batch clustering: average-link merging over a sparse nearest-neighbour graph.

When a whole corpus arrives at once, an order-independent method beats single-pass joining:
each article's nearest neighbours come from a sparse product of TF-IDF vectors (an inverted
index in matrix form, computed a block of rows at a time, keeping the top ``k`` per row),
and clusters are merged best pair first while the average similarity between all their
members stays above a threshold. Pairs outside the candidate lists count as similarity 0,
which is what average link would give them anyway for unrelated texts.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from datetime import datetime, timedelta

NEIGHBOURS = 10
BLOCK = 2000  # rows per sparse product block: bounds memory on large corpora


def neighbour_graph(
    vectors: Sequence[dict[str, float]],
    k: int = NEIGHBOURS,
    min_sim: float = 0.0,
) -> dict[tuple[int, int], float]:
    """Cosine of each item with its top ``k`` neighbours, as {(i, j): sim} with i < j."""
    edges: dict[tuple[int, int], float] = {}
    for i, row in enumerate(neighbour_lists(vectors, k, min_sim)):
        for j, s in row:
            edges[(min(i, j), max(i, j))] = s
    return edges


def neighbour_lists(
    vectors: Sequence[dict[str, float]],
    k: int = NEIGHBOURS,
    min_sim: float = 0.0,
) -> list[list[tuple[int, float]]]:
    """Each item's top ``k`` neighbours as (index, cosine), most similar first."""
    import numpy as np

    from newsbrief.cluster.pairs import matrix

    n = len(vectors)
    m = matrix(vectors, {})
    transposed = m.T.tocsc()
    out: list[list[tuple[int, float]]] = []
    for lo in range(0, n, BLOCK):
        block = (m[lo : lo + BLOCK] @ transposed).tocsr()
        for r in range(block.shape[0]):
            i = lo + r
            start, end = block.indptr[r], block.indptr[r + 1]
            idx, sims = block.indices[start:end], block.data[start:end]
            keep = (idx != i) & (sims > min_sim)
            idx, sims = idx[keep], sims[keep]
            if len(idx) > k:
                top = np.argpartition(-sims, k)[:k]
                idx, sims = idx[top], sims[top]
            # ties broken by index so the lists do not depend on sparse storage order
            ranked = sorted(
                zip(idx.tolist(), sims.tolist(), strict=True), key=lambda t: (-t[1], t[0])
            )
            out.append(ranked)
    return out


def gate_by_time(
    edges: dict[tuple[int, int], float],
    times: Sequence[datetime | None],
    window: timedelta,
) -> dict[tuple[int, int], float]:
    """Drop edges between items published further apart than ``window``."""
    out = {}
    for (i, j), s in edges.items():
        a, b = times[i], times[j]
        if a is not None and b is not None and abs(a - b) > window:
            continue
        out[(i, j)] = s
    return out


def average_link(n: int, edges: dict[tuple[int, int], float], threshold: float) -> list[int]:
    """Cluster label per item: merge the best pair while its average link >= threshold."""
    size = [1] * n
    alive = [True] * n
    # total similarity between two live clusters, keyed both ways for neighbour lookups
    links: list[dict[int, float]] = [{} for _ in range(n)]
    for (i, j), s in edges.items():
        links[i][j] = links[i].get(j, 0.0) + s
        links[j][i] = links[j].get(i, 0.0) + s
    heap = [(-s, i, j) for (i, j), s in edges.items() if s >= threshold]
    heapq.heapify(heap)
    parent = list(range(n))
    while heap:
        neg, a, b = heapq.heappop(heap)
        if not (alive[a] and alive[b]) or b not in links[a]:
            continue
        current = links[a][b] / (size[a] * size[b])
        if abs(current + neg) > 1e-12:
            continue  # stale entry: the pair's average changed since it was pushed
        keep, gone = (a, b) if size[a] >= size[b] else (b, a)
        alive[gone] = False
        parent[gone] = keep
        size[keep] += size[gone]
        del links[keep][gone]
        for c, total in links[gone].items():
            if c == keep:
                continue
            del links[c][gone]
            links[keep][c] = links[keep].get(c, 0.0) + total
            links[c][keep] = links[keep][c]
        links[gone] = {}
        for c, total in links[keep].items():
            avg = total / (size[keep] * size[c])
            if avg >= threshold:
                heapq.heappush(heap, (-avg, min(keep, c), max(keep, c)))
    return [_root(parent, i) for i in range(n)]


def _root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i

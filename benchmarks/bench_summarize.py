"""Time newsbrief's summarize next to the LexRank baseline on the same clusters.

Usage: python benchmarks/bench_summarize.py [PATH.jsonl] [--clusters N] [--words W]

Prints a Markdown table; the ratio is what matters (absolute times depend on the machine).
Clean and annotate run once per cluster beforehand and are not timed.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from newsbrief.eval.baselines import lexrank_baseline
from newsbrief.eval.summarize import load_clusters, prepare_articles
from newsbrief.summarize import summarize

DEFAULT = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "mds" / "multinews" / "dev.jsonl"
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
    ap.add_argument("--clusters", type=int, default=100)
    ap.add_argument("--words", type=int, default=260)
    args = ap.parse_args()

    rows = load_clusters(args.path)[: args.clusters]
    clusters = [prepare_articles(r) for r in rows]
    times: dict[str, list[float]] = {"newsbrief": [], "lexrank": []}
    # one untimed call each first: lazy imports (scipy.sparse, sklearn) and caches would
    # otherwise land on whichever system happens to run first
    if clusters:
        summarize(clusters[0], words=args.words)
        lexrank_baseline(clusters[0])
    for arts in clusters:
        t0 = time.perf_counter()
        summarize(arts, words=args.words)
        times["newsbrief"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        lexrank_baseline(arts)
        times["lexrank"].append(time.perf_counter() - t0)

    n_sents = [sum(len(a.sentences) for a in arts) for arts in clusters]
    base = sum(times["lexrank"])
    print(
        f"{len(clusters)} clusters, {statistics.mean(n_sents):.0f} sentences per cluster on average\n"
    )
    print("| system | total s | mean ms/cluster | p95 ms/cluster | x LexRank |")
    print("|---|---:|---:|---:|---:|")
    for name, ts in times.items():
        p95 = sorted(ts)[max(0, int(0.95 * len(ts)) - 1)]
        print(
            f"| {name} | {sum(ts):.2f} | {1000 * statistics.mean(ts):.1f} | {1000 * p95:.1f} "
            f"| {sum(ts) / base:.2f} |"
        )


if __name__ == "__main__":
    main()

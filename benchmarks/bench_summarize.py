"""Time newsbrief's summarize next to the LexRank baseline on the same clusters.

Usage: python benchmarks/bench_summarize.py [PATH.jsonl] [--clusters N] [--words W]

Prints a Markdown table; the ratio is what matters (absolute times depend on the machine).
Clean and annotate run once per cluster beforehand and are not timed. Times are CPU seconds
of this process (``time.process_time``), the systems alternating cluster by cluster, and
each system's total is the least over ``--repeat`` passes, so other jobs on a shared machine
move the ratio as little as possible. The first pass is also shown: newsbrief keeps what it
learns of each distinct word for the whole process (as the pipeline does over a pile), so
its first pass over clusters it has not seen costs more.

"newsbrief" is ``summarize(articles)`` as ``newsbrief eval summarize`` calls it: it groups
the articles into independent sources itself (``analyze.sources``). "newsbrief, sources
given" is the call the pipeline makes, with the analysis (and so the grouping) computed
before; its summaries are the same.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from newsbrief.analyze.sources import independent_sources
from newsbrief.eval.baselines import lexrank_baseline
from newsbrief.eval.summarize import load_clusters, prepare_articles
from newsbrief.records import Analysis
from newsbrief.summarize import summarize

DEFAULT = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "mds" / "multinews" / "dev.jsonl"
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
    ap.add_argument("--clusters", type=int, default=100)
    ap.add_argument("--words", type=int, default=260)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    rows = load_clusters(args.path)[: args.clusters]
    clusters = [prepare_articles(r) for r in rows]
    analyses = [Analysis(story="", sources=independent_sources(arts, [])) for arts in clusters]
    # one untimed call each first: lazy imports (scipy.sparse, sklearn) would otherwise land
    # on whichever system happens to run first
    if clusters:
        summarize(clusters[0], words=args.words)
        lexrank_baseline(clusters[0])
    names = ("newsbrief", "newsbrief, sources given", "lexrank")
    passes: dict[str, list[list[float]]] = {name: [] for name in names}
    for _ in range(max(1, args.repeat)):
        run: dict[str, list[float]] = {name: [] for name in names}
        for arts, analysis in zip(clusters, analyses, strict=True):
            t0 = time.process_time()
            summarize(arts, words=args.words)
            run["newsbrief"].append(time.process_time() - t0)
            t0 = time.process_time()
            summarize(arts, analysis=analysis, words=args.words)
            run["newsbrief, sources given"].append(time.process_time() - t0)
            t0 = time.process_time()
            lexrank_baseline(arts)
            run["lexrank"].append(time.process_time() - t0)
        for name, ts in run.items():
            passes[name].append(ts)
    times = {name: min(ps, key=sum) for name, ps in passes.items()}
    first = {name: ps[0] for name, ps in passes.items()}

    n_sents = [sum(len(a.sentences) for a in arts) for arts in clusters]
    base = sum(times["lexrank"])
    print(
        f"{len(clusters)} clusters, {statistics.mean(n_sents):.0f} sentences per cluster on average\n"
    )
    print(
        "| system | total s | mean ms/cluster | p95 ms/cluster | x LexRank "
        "| first pass ms/cluster |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for name, ts in times.items():
        p95 = sorted(ts)[max(0, int(0.95 * len(ts)) - 1)]
        print(
            f"| {name} | {sum(ts):.2f} | {1000 * statistics.mean(ts):.1f} | {1000 * p95:.1f} "
            f"| {sum(ts) / base:.2f} | {1000 * statistics.mean(first[name]):.1f} |"
        )


if __name__ == "__main__":
    main()

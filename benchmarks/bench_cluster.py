"""Story clustering time per article at growing corpus sizes, and its peak memory.

    nice python benchmarks/bench_cluster.py [--sizes 1000,10000,50000] [--windows 5]

The corpora are the synthetic ones of ``benchmarks/scale.py`` (real Multi-News dev sentences
recombined into articles of synthetic stories, publish dates spread over time; for scale only).
Each size runs in a fresh child process: it reads the JSONL with ``newsbrief.read``, gives each
article its sentences (``annotate.split_sentences``, all the clusterer reads besides title,
text and date), sorts by publish time, and only then times ``StoryClusterer.add`` on every
article in that order: CPU time (``time.process_time``) and wall time per article, and the
child's peak RSS next to its RSS just before clustering (the difference is what clustering
added at its peak). ``--tracemalloc`` adds a second, traced pass for the peak of Python
allocations during clustering (slower; the timing comes from the untraced pass).
``--close-every N`` calls ``StoryClusterer.close_before`` with the current publish time after
every N articles (timed with the rest), as a stream consumer that forgets finished stories does.

The stream is also cut into ``--windows`` equal parts, with the time per article in each: time
that grows along the stream means some structure grows with the number of articles seen.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def _rss_mb() -> float:
    import os

    with open("/proc/self/statm", encoding="ascii") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def load(corpus: Path) -> list[Any]:
    """The corpus as Articles with sentences, in publish order."""
    from newsbrief.annotate import split_sentences
    from newsbrief.read import article_from_dict

    articles = []
    with corpus.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            article = article_from_dict(json.loads(line), f"{corpus}#{number}")
            article.sentences = split_sentences(article.text)
            articles.append(article)
    articles.sort(key=lambda a: a.published or "")
    return articles


def run_one(corpus: Path, windows: int, traced: bool, close_every: int = 0) -> dict[str, Any]:
    """Cluster one corpus in this process; the child side of ``measure``."""
    from newsbrief.cluster import StoryClusterer
    from newsbrief.dedup import parse_time

    articles = load(corpus)
    before_mb = _rss_mb()
    clusterer = StoryClusterer()
    cuts = [len(articles) * (w + 1) // windows for w in range(windows)]
    window_cpu: list[float] = []
    cpu0, wall0 = time.process_time(), time.perf_counter()
    mark = cpu0
    for i, article in enumerate(articles, 1):
        clusterer.add(article)
        if close_every and i % close_every == 0:
            when = parse_time(article.published)
            if when is not None:
                clusterer.close_before(when)
        if i in cuts:
            now = time.process_time()
            window_cpu.append(now - mark)
            mark = now
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    stories = len(clusterer.stories()) + len(getattr(clusterer, "_closed", ()))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    row: dict[str, Any] = {
        "articles": len(articles),
        "stories": stories,
        "cpu": cpu,
        "wall": wall,
        "rss_before_mb": before_mb,
        "rss_peak_mb": peak_mb,
        "window_ms": [
            1000 * t / (hi - lo) for t, lo, hi in zip(window_cpu, [0, *cuts], cuts, strict=False)
        ],
    }
    if traced:
        import tracemalloc

        del clusterer
        tracemalloc.start()
        clusterer = StoryClusterer()
        for article in articles:
            clusterer.add(article)
        row["traced_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return row


def measure(corpus: Path, windows: int, traced: bool, close_every: int = 0) -> dict[str, Any]:
    args = [sys.executable, __file__, "--child", str(corpus), "--windows", str(windows)]
    args += ["--close-every", str(close_every)]
    if traced:
        args.append("--tracemalloc")
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"clustering {corpus.name} failed:\n{done.stderr[-2000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,50000")
    ap.add_argument("--windows", type=int, default=5)
    ap.add_argument("--tracemalloc", action="store_true")
    ap.add_argument("--close-every", type=int, default=0)
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(run_one(args.child, args.windows, args.tracemalloc, args.close_every)))
        return
    from scale import DATA, sentence_pools, write_corpus

    if not DATA.is_file():
        print(f"skipped: {DATA} not found", file=sys.stderr)
        return
    pools = sentence_pools()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            corpus = Path(tmp) / f"synthetic-{size}.jsonl"
            write_corpus(size, corpus, pools)
            row = measure(corpus, args.windows, args.tracemalloc, args.close_every)
            rows.append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)
    traced = " | traced peak MB" if args.tracemalloc else ""
    print(
        "| articles | stories | CPU ms/article | wall ms/article | CPU per article vs "
        f"smallest | RSS before MB | peak RSS MB{traced} |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|" + ("---:|" if traced else ""))
    base = rows[0]["cpu"] / rows[0]["articles"]
    for row in rows:
        per = row["cpu"] / row["articles"]
        extra = f" | {row['traced_peak_mb']:.0f}" if traced else ""
        print(
            f"| {row['articles']:,} | {row['stories']:,} | {1000 * per:.2f} "
            f"| {1000 * row['wall'] / row['articles']:.2f} | {per / base:.2f}× "
            f"| {row['rss_before_mb']:.0f} | {row['rss_peak_mb']:.0f}{extra} |"
        )
    print(f"\nCPU ms per article in {args.windows} successive windows of the stream:\n")
    print("| articles | " + " | ".join(f"w{i + 1}" for i in range(args.windows)) + " |")
    print("|---:|" + "---:|" * args.windows)
    for row in rows:
        cells = " | ".join(f"{ms:.2f}" for ms in row["window_ms"])
        print(f"| {row['articles']:,} | {cells} |")


if __name__ == "__main__":
    main()

"""CPU per stage for one story of 10 / 100 / 300 / 1,000 real-length articles.

nice python benchmarks/story_scale.py [--sizes 10,100,300,1000] [--max-seconds 900]

One story's articles are made as ``benchmarks/scale.py`` makes a corpus: each copies the
paragraph count of a real Multi-News dev article and samples its paragraphs from one real
cluster (widened with the next clusters' paragraphs until the pool holds twice what the
article needs), so they share paragraphs as coverage of one event does without being
copies. The articles are prepared (clean + annotate) and deduplicated, then put into one
Story and briefed with ``pipeline.brief_story``; every step is timed in CPU seconds of this
process (``time.process_time``; the machine is shared, wall time is not a measure). The
analysis is split into its parts (sources, entities, quotes, claim alignment, conflicts,
timeline). Printed: CPU seconds per step, CPU per story sentence, and the dominant step.
A size is skipped once a smaller one took longer than ``--max-seconds`` in total.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import cluster_paragraphs, sampled_paragraphs  # noqa: E402

import newsbrief.analyze as analyze  # noqa: E402
from newsbrief import pipeline  # noqa: E402
from newsbrief.dedup import find_derivations  # noqa: E402
from newsbrief.records import Article, Story  # noqa: E402

PARTS = (
    ("independent_sources", "analyze: sources"),
    ("merge_entities", "analyze: entities"),
    ("story_quotes", "analyze: quotes"),
    ("align_claims", "analyze: claim alignment"),
    ("find_conflicts", "analyze: conflicts"),
    ("build_timeline", "analyze: timeline"),
)
TIMES: dict[str, float] = {}


def _timed(label: str, fn):  # type: ignore[no-untyped-def]
    def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            TIMES[label] = TIMES.get(label, 0.0) + time.process_time() - start

    return wrapper


def install() -> None:
    for name, label in PARTS:
        setattr(analyze, name, _timed(label, getattr(analyze, name)))
    pipeline.summarize = _timed("summarize", pipeline.summarize)
    pipeline.build_brief = _timed("brief", pipeline.build_brief)


def story_articles(size: int, clusters: list[list[list[str]]], seed: int) -> list[Article]:
    rng = random.Random(seed)
    c = seed % len(clusters)
    docs = clusters[c]
    pool = [p for d in docs for p in d]
    out = []
    for k in range(size):
        paragraphs = sampled_paragraphs(rng, clusters, c, pool, len(docs[k % len(docs)]))
        text = " \n \n ".join(paragraphs)
        out.append(
            Article(
                id=f"story{seed}-{k}",
                source=f"https://site{k % 60}.example/{seed}/{k}",
                title=paragraphs[0][:90],
                text=text,
                published=f"2019-03-{1 + k % 5:02d}T{k % 24:02d}:00:00",
            )
        )
    return out


def measure(size: int, clusters: list[list[list[str]]], seed: int) -> dict:
    TIMES.clear()
    raw = story_articles(size, clusters, seed)
    start = time.process_time()
    prepared = [pipeline.prepare_article(a) for a in raw]
    TIMES["clean + annotate (per article)"] = time.process_time() - start
    start = time.process_time()
    derivations = find_derivations(prepared)
    TIMES["dedup"] = time.process_time() - start
    story = Story(id="s-bench", article_ids=[a.id for a in prepared])
    start = time.process_time()
    pipeline.brief_story(story, prepared, derivations)
    brief_total = time.process_time() - start
    inner = sum(TIMES.get(label, 0.0) for _, label in PARTS)
    TIMES["analyze: other"] = max(
        0.0, brief_total - inner - TIMES.get("summarize", 0.0) - TIMES.get("brief", 0.0)
    )
    return {
        "articles": size,
        "sentences": sum(len(a.sentences) for a in prepared),
        "words": sum(len(a.text.split()) for a in prepared),
        "brief_cpu": brief_total,
        "times": dict(TIMES),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10,100,300,1000")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--max-seconds", type=float, default=900.0)
    args = ap.parse_args()
    install()
    clusters = cluster_paragraphs()
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        if rows and rows[-1]["brief_cpu"] > args.max_seconds:
            print(f"skipped {size}: the previous size took over {args.max_seconds:.0f} s")
            continue
        row = measure(size, clusters, args.seed)
        rows.append(row)
        print(json.dumps(row), file=sys.stderr, flush=True)
    labels = list(dict.fromkeys(k for r in rows for k in r["times"]))
    print("CPU seconds per step for one story (briefing = analyze + summarize + brief):\n")
    print(
        "| articles | sentences | " + " | ".join(labels) + " | briefing total "
        "| briefing ms per sentence | dominant briefing step |"
    )
    print("|---:|---:|" + "---:|" * (len(labels) + 2) + "---|")
    for r in rows:
        brief_steps = {
            k: v for k, v in r["times"].items() if k.startswith(("analyze", "summ", "brief"))
        }
        top = max(brief_steps, key=brief_steps.__getitem__)
        print(
            f"| {r['articles']:,} | {r['sentences']:,} | "
            + " | ".join(f"{r['times'].get(k, 0.0):.2f}" for k in labels)
            + f" | {r['brief_cpu']:.1f} | {1000 * r['brief_cpu'] / r['sentences']:.2f} "
            f"| {top} ({100 * brief_steps[top] / r['brief_cpu']:.0f} %) |"
        )


if __name__ == "__main__":
    main()

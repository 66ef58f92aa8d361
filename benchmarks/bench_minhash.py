"""MinHash signatures per second: newsbrief's numpy MinHasher against datasketch, same texts.

    nice python benchmarks/bench_minhash.py [--repeat 5] [--num-perm 64]

Texts are the Multi-News dev articles (/work/shared/data/mds/multinews/dev.jsonl) and their
paragraphs of 20 or more words, tokenized once as dedup does (``words`` lower-cased, word
3-shingles). Every system runs in this process on the same token lists; each figure is the best
of ``--repeat`` rounds (every system runs once per round, so a change in the machine's load
hits all of them alike), timed in CPU seconds of this process (``time.process_time``: the
machine is shared, wall time is not a measure; every system here runs single-threaded). datasketch is timed on the path dedup used (build the shingle strings,
``MinHash`` + ``update_batch``), on ``MinHash.bulk``, and with the shingle bytes built
beforehand (its hashing and permutations alone, a lower bound). The ratio column divides by the
fastest datasketch row that starts from tokens, as ours does.

Agreement: the 3-shingle Jaccard estimated by both, on every pair of articles of one Multi-News
cluster and on each article against a copy with 5–30 % of its words replaced, next to the
exact Jaccard.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from newsbrief.dedup.lsh import MinHashLSHIndex
from newsbrief.dedup.minhash import MinHasher, jaccard
from newsbrief.text import words

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "mds" / "multinews" / "dev.jsonl"
SHINGLE = 3


def load(path: Path) -> tuple[list[list[str]], list[list[str]], list[int]]:
    """Article token lists, paragraph token lists, and each article's cluster number."""
    articles: list[list[str]] = []
    paragraphs: list[list[str]] = []
    clusters: list[int] = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            for doc in json.loads(line)["articles"]:
                toks = [w.lower() for w in words(doc["text"], hyphens=True, possessive=False)]
                if not toks:
                    continue
                articles.append(toks)
                clusters.append(number)
                for para in doc["text"].split("\n"):
                    ptoks = [w.lower() for w in words(para, hyphens=True, possessive=False)]
                    if len(ptoks) >= 20:
                        paragraphs.append(ptoks)
    return articles, paragraphs, clusters


def shingle_strings(toks: list[str]) -> set[str]:
    return {" ".join(toks[i : i + SHINGLE]) for i in range(max(1, len(toks) - SHINGLE + 1))}


def best_of(repeat: int, run: Callable[[], Any]) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def speed(texts: list[list[str]], num_perm: int, repeat: int) -> list[tuple[str, float]]:
    from datasketch import MinHash

    def ds_update_batch() -> list[Any]:
        out = []
        for toks in texts:
            m = MinHash(num_perm=num_perm)
            m.update_batch([s.encode() for s in shingle_strings(toks)])
            out.append(m)
        return out

    def ds_bulk() -> list[Any]:
        data = [[s.encode() for s in shingle_strings(toks)] for toks in texts]
        return MinHash.bulk(data, num_perm=num_perm)

    prebuilt = [[s.encode() for s in shingle_strings(toks)] for toks in texts]

    def ds_prebuilt() -> list[Any]:
        return MinHash.bulk(prebuilt, num_perm=num_perm)

    hasher = MinHasher(num_perm=num_perm)
    systems: list[tuple[str, Callable[[], Any]]] = [
        ("datasketch MinHash + update_batch (dedup's old path)", ds_update_batch),
        ("datasketch MinHash.bulk", ds_bulk),
        ("datasketch MinHash.bulk, shingle bytes pre-built", ds_prebuilt),
        (
            "newsbrief MinHasher.signature, one text per call",
            lambda: [hasher.signature(t) for t in texts],
        ),
        ("newsbrief MinHasher.signatures, whole batch", lambda: hasher.signatures(texts)),
    ]
    # rounds of every system once, not every repeat of one system before the next: on a
    # shared machine the load changes by the minute, and then it changes for all of them
    best = [float("inf")] * len(systems)
    for _ in range(repeat):
        for i, (_, run) in enumerate(systems):
            best[i] = min(best[i], best_of(1, run))
    return [(name, seconds) for (name, _), seconds in zip(systems, best, strict=True)]


def agreement(
    articles: list[list[str]], clusters: list[int], num_perm: int
) -> list[tuple[str, int, float, float, float, float]]:
    from datasketch import MinHash

    rng = random.Random(5)
    vocab = sorted({w for toks in articles for w in toks})
    perturbed = []
    for toks in articles:
        copy = list(toks)
        rate = rng.uniform(0.05, 0.30)
        for i in range(len(copy)):
            if rng.random() < rate:
                copy[i] = rng.choice(vocab)
        perturbed.append(copy)
    texts = articles + perturbed
    ours = MinHasher(num_perm=num_perm).signatures(texts)
    theirs = MinHash.bulk(
        [[s.encode() for s in shingle_strings(t)] for t in texts], num_perm=num_perm
    )
    n = len(articles)
    same_cluster = [(i, j) for i in range(n) for j in range(i + 1, n) if clusters[i] == clusters[j]]
    rows = []
    for name, pairs in (
        ("articles of one cluster", same_cluster),
        ("article vs copy with 5-30 % words replaced", [(i, n + i) for i in range(n)]),
    ):
        exact, est_ours, est_ds = [], [], []
        for i, j in pairs:
            a, b = shingle_strings(texts[i]), shingle_strings(texts[j])
            exact.append(len(a & b) / len(a | b))
            est_ours.append(jaccard(ours[i], ours[j]))
            est_ds.append(float(theirs[i].jaccard(theirs[j])))
        e, o, d = np.array(exact), np.array(est_ours), np.array(est_ds)
        rows.append(
            (
                name,
                len(pairs),
                float(e.mean()),
                float(np.abs(o - d).mean()),
                float(np.abs(o - e).mean()),
                float(np.abs(d - e).mean()),
            )
        )
    return rows


def lsh_speed(texts: list[list[str]], num_perm: int, repeat: int) -> tuple[float, float]:
    """Seconds to insert every text and query each once: datasketch's index, then ours."""
    from datasketch import MinHash, MinHashLSH

    theirs = MinHash.bulk(
        [[s.encode() for s in shingle_strings(t)] for t in texts], num_perm=num_perm
    )
    ours = MinHasher(num_perm=num_perm).signatures(texts)

    def run_ds() -> None:
        lsh = MinHashLSH(threshold=0.5, num_perm=num_perm)
        for i, m in enumerate(theirs):
            lsh.insert(str(i), m)
        for m in theirs:
            lsh.query(m)

    def run_ours() -> None:
        index = MinHashLSHIndex(threshold=0.5, num_perm=num_perm)
        for i, sig in enumerate(ours):
            index.insert(i, sig)
        for sig in ours:
            index.query(sig)

    return best_of(repeat, run_ds), best_of(repeat, run_ours)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--num-perm", type=int, default=64)
    args = ap.parse_args()
    if not args.data.is_file():
        print(f"skipped: {args.data} not found", file=sys.stderr)
        return
    articles, paragraphs, clusters = load(args.data)
    print(f"num_perm={args.num_perm}, word {SHINGLE}-shingles, best of {args.repeat} runs\n")
    print("| texts | system | signatures/s | × fastest datasketch |")
    print("|---|---|---:|---:|")
    for label, texts in (("articles", articles), ("paragraphs", paragraphs)):
        tokens = sum(map(len, texts))
        rows = speed(texts, args.num_perm, args.repeat)
        base = min(seconds for name, seconds in rows[:2])
        for name, seconds in rows:
            ratio = "" if "datasketch" in name else f"**{base / seconds:.1f}×**"
            print(
                f"| {label} ({len(texts):,}, {tokens // len(texts)} words avg) | {name} "
                f"| {len(texts) / seconds:,.0f} | {ratio} |"
            )
    ds_lsh, our_lsh = lsh_speed(articles, args.num_perm, args.repeat)
    print(
        f"\nLSH (threshold 0.5), insert + query all {len(articles)} articles: datasketch "
        f"MinHashLSH {1000 * ds_lsh:.1f} ms, newsbrief MinHashLSHIndex {1000 * our_lsh:.1f} ms "
        f"({ds_lsh / our_lsh:.1f}×)\n"
    )
    print(
        "| pairs | n | mean exact Jaccard | mean abs(ours − datasketch) "
        "| mean abs(ours − exact) | mean abs(datasketch − exact) |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for name, n, exact, od, oe, de in agreement(articles, clusters, args.num_perm):
        print(f"| {name} | {n:,} | {exact:.3f} | {od:.4f} | {oe:.4f} | {de:.4f} |")


if __name__ == "__main__":
    main()

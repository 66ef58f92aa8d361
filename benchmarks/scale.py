"""Throughput and peak memory of the engines at corpus scale.

nice python benchmarks/scale.py [--sizes 10000,50000,200000] [--engines local,ray] [--cpus 2]

The corpus is synthetic and built at run time in a temporary folder (never committed): real
Multi-News dev sentences recombined into short articles, grouped into synthetic stories (the
articles of one story draw their sentences from one Multi-News cluster), with publish dates
spread over time so a cluster's pool is reused only by stories weeks apart, and an exact copy
under another URL every ``COPY_EVERY`` articles so dedup has work. It measures scale only;
quality figures come from ``newsbrief eval``.

Each run is a fresh child process (``newsbrief run`` through the engine's ``process`` into a
new database). Reported per engine and size:

- wall time and articles per wall second;
- CPU time (user + system) of the child, from the ``wait4`` rusage of that one child (it
  includes the children it reaped), and articles per CPU second. The machine is shared, so
  wall time is noisy while CPU time is not; for Ray, whose raylet and workers are not all
  reaped by the child, CPU time is also sampled over the child's whole process tree
  (``/proc``, user + system + reaped children, the largest sample) and that larger figure
  is used;
- time per article relative to the smallest size, on wall time and on CPU time;
- the child's peak RSS (``ru_maxrss`` of the waited-for child) and, because Ray runs work in
  other processes (raylet, workers), the peak of the sampled RSS sum over the child's whole
  process tree.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "mds" / "multinews" / "dev.jsonl"
SENTENCES_PER_ARTICLE = (6, 12)
ARTICLES_PER_STORY = (3, 12)
STORIES_PER_DAY = 12
COPY_EVERY = 20
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")

_CHILD = """
import sys, time
from newsbrief.store import Store
engine, corpus, db, cpus = sys.argv[1:5]
if engine == "ray":
    import logging, ray
    ray.init(num_cpus=int(cpus), include_dashboard=False, log_to_driver=False,
             logging_level=logging.WARNING)
    from newsbrief.engines.ray import process
else:
    from newsbrief.engines.local import process
t = time.perf_counter()
with Store(db) as store:
    result = process([corpus], store)
    stories = len(store.stories())
print(result.added, stories, len(result.problems), time.perf_counter() - t)
"""


def sentence_pools() -> list[list[str]]:
    """Per Multi-News dev cluster, its sentences (whitespace-folded, 40–400 characters)."""
    pools = []
    with DATA.open(encoding="utf-8") as lines:
        for line in lines:
            pool = []
            for doc in json.loads(line)["articles"]:
                flat = " ".join(doc["text"].split())
                pool.extend(s for s in _SENTENCE_END.split(flat) if 40 <= len(s) <= 400)
            if len(pool) >= 12:
                pools.append(pool)
    return pools


def write_corpus(size: int, out: Path, pools: list[list[str]], seed: int = 13) -> int:
    """``size`` synthetic articles as JSONL in ``out``, in publish order; returns the count."""
    rng = random.Random(seed)
    written = 0
    story = 0
    base = time.mktime((2019, 1, 1, 0, 0, 0, 0, 0, -1))
    with out.open("w", encoding="utf-8") as sink:
        while written < size:
            pool = pools[story % len(pools)]
            day = story // STORIES_PER_DAY
            texts: list[str] = []
            for k in range(rng.randint(*ARTICLES_PER_STORY)):
                if written >= size:
                    break
                if texts and written % COPY_EVERY == 0:
                    text = rng.choice(texts)  # a syndicated copy on another site
                else:
                    n = min(len(pool), rng.randint(*SENTENCES_PER_ARTICLE))
                    text = " ".join(rng.sample(pool, n))
                    texts.append(text)
                stamp = base + day * 86400 + k * 3600 + rng.randint(0, 3599)
                record = {
                    "title": text.split(". ")[0][:90],
                    "text": text,
                    "url": f"https://site{rng.randint(0, 60)}.example/{story}/{k}",
                    "published": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(stamp)),
                }
                sink.write(json.dumps(record, ensure_ascii=False) + "\n")
                written += 1
            story += 1
    return written


def _tree_usage(root: int) -> tuple[int, float]:
    """Bytes resident in ``root`` and all its descendants, and their CPU seconds (user +
    system, including children they reaped), from Linux /proc."""
    parent: dict[int, int] = {}
    cpu: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            parent[int(entry)] = int(fields[1])
            # fields after the name: utime, stime, cutime, cstime are the 12th to 15th
            cpu[int(entry)] = sum(int(f) for f in fields[11:15]) / tick
        except (OSError, IndexError, ValueError):
            continue
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        for child, ppid in parent.items():
            if ppid == pid and child not in tree:
                tree.add(child)
                frontier.append(child)
    total = 0
    page = os.sysconf("SC_PAGE_SIZE")
    for pid in tree:
        try:
            with open(f"/proc/{pid}/statm", encoding="ascii") as fh:
                total += int(fh.read().split()[1]) * page
        except (OSError, IndexError, ValueError):
            continue
    return total, sum(cpu.get(pid, 0.0) for pid in tree)


def measure(engine: str, corpus: Path, workdir: Path, cpus: int) -> dict[str, float]:
    db = workdir / f"{engine}-{corpus.stem}.db"
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", _CHILD, engine, str(corpus), str(db), str(cpus)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    peak = [0]
    tree_cpu = [0.0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            rss, cpu = _tree_usage(proc.pid)
            peak[0] = max(peak[0], rss)
            tree_cpu[0] = max(tree_cpu[0], cpu)
            done.wait(0.5)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    assert proc.stdout is not None
    output = proc.stdout.read()
    # wait4 on this one child: its own ru_maxrss (KiB on Linux), not the max over all children
    _, status, usage = os.wait4(proc.pid, 0)
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{engine} run on {corpus.name} failed with exit {proc.returncode}")
    added, stories, problems, inner = output.split()[-4:]
    own_cpu = usage.ru_utime + usage.ru_stime
    return {
        "articles": int(added),
        "stories": int(stories),
        "problems": int(problems),
        "wall": wall,
        "process": float(inner),
        "cpu": max(own_cpu, tree_cpu[0]),
        "own_cpu": own_cpu,
        "maxrss_mb": usage.ru_maxrss / 1024,
        "tree_mb": peak[0] / 2**20,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,50000,200000")
    ap.add_argument("--engines", default="local,ray")
    ap.add_argument("--cpus", type=int, default=2, help="CPUs given to Ray")
    ap.add_argument("--keep", type=Path, help="write corpora and databases here instead of tmp")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    engines = args.engines.split(",")
    pools = sentence_pools()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        for size in sizes:
            corpus = workdir / f"synthetic-{size}.jsonl"
            write_corpus(size, corpus, pools)
            for engine in engines:
                row = {
                    "engine": engine,
                    "size": size,
                    **measure(engine, corpus, workdir, args.cpus),
                }
                rows.append(row)
                print(json.dumps(row), file=sys.stderr, flush=True)
    print(
        "| engine | articles | stories | wall s | articles/s (wall) | CPU s "
        "| articles/CPU-s | time per article vs smallest: wall | : CPU "
        "| peak RSS child MB | peak RSS tree MB |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    first: dict[str, tuple[float, float]] = {}
    for row in rows:
        n = max(1, row["articles"])
        per_wall, per_cpu = row["wall"] / n, row["cpu"] / n
        base_wall, base_cpu = first.setdefault(row["engine"], (per_wall, per_cpu))
        print(
            f"| {row['engine']} | {row['articles']:,} | {row['stories']:,} | {row['wall']:.0f} "
            f"| {n / row['wall']:.1f} | {row['cpu']:.0f} | {n / row['cpu']:.1f} "
            f"| {per_wall / base_wall:.2f}x | {per_cpu / base_cpu:.2f}x "
            f"| {row['maxrss_mb']:.0f} | {row['tree_mb']:.0f} |"
        )


if __name__ == "__main__":
    main()

"""Throughput, peak memory and per-stage CPU of the engines at corpus scale, on real articles.

nice python benchmarks/scale.py [--sizes 10000,50000,200000] [--engines local,ray] [--jobs N]

The corpus is built at run time in a temporary folder (never committed) from the real
full-text articles of Multi-News dev (``../shared/data/mds/multinews/dev.jsonl``, 690
articles in 250 clusters, mean about 630 words). Every generated article copies the length
(paragraph count) of one real article of a cluster, taken in turn, so the corpus keeps the
real length distribution, boilerplate lines included; its paragraphs are sampled from all the
articles of that cluster (widened with the next clusters' paragraphs until the pool holds
twice what the article needs), so the replicas of one story share some paragraphs, as
syndicated and rewritten coverage does, without being copies that dedup removes. Generated
stories get publish dates spread over time so a cluster's pool is reused only by stories
weeks apart. The mean words per article is printed with every run.

With 690 real articles, a corpus of 10k holds each real sentence many times over, and the
parse layer caches parses by text: on the recycled corpus of rounds 1-7 (``--corpus
recycled``) 86 % of a story's distinct sentences also stood in another story, word for word,
and the parse cache answered 90 % of annotate's parse requests, which made annotate look
several times cheaper than on real articles. The default corpus (``--corpus varied``) gives
each generated story its own variant (``story_variant``): half its distinct capitalised words
(names, places) and a quarter of its other content words swapped for other words of the real
articles (the same ending kept), its figures redrawn, stop words, date words and the
attribution cue words of the project's lexicon kept. Articles of one story still share their
sentences; across stories 9 % of distinct sentences repeat (short lines and boilerplate).
The run prints the parse requests, the distinct texts actually parsed and the tokens parsed.

Each run is a fresh child process (the engine's ``process`` into a new database). Reported
per engine and size:

- articles and words per wall second and per CPU second (user + system of the child and
  its workers, from ``wait4`` and a ``/proc`` sample of the process tree, the larger);
  the machine is shared, so wall time is noisy while CPU time is not;
- time per article relative to the smallest size, on wall time and on CPU time;
- peak RSS of the child and of its whole process tree (pool workers included), and the
  tree's peak proportional set size (pages shared by forked workers counted once);
- the CPU share of each stage (read, clean, annotate, dedup, cluster, analyze, summarize,
  brief, store, other), exclusive time: a stage called inside another is charged to the
  inner one. Timers wrap the pipeline's stage functions in the child; pool workers
  inherit them by fork and add into one shared array.
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
from collections.abc import Callable
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "mds" / "multinews" / "dev.jsonl"
ARTICLES_PER_STORY = (3, 12)
STORIES_PER_DAY = 12


def _stage_names() -> tuple[str, ...]:
    """The stages ``stage_timers`` times (its ``STAGES``, the one list of them), loaded from
    beside this file, as the child process imports it."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "stage_timers", Path(__file__).resolve().parent / "stage_timers.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return tuple(module.STAGES)


STAGE_NAMES = _stage_names()

_CHILD = """
import sys, time
sys.path.insert(0, sys.argv[6])
import stage_timers
from newsbrief.store import Store
engine, corpus, db, cpus, jobs = sys.argv[1:6]
if jobs != "0":
    import os
    os.environ["NEWSBRIEF_JOBS"] = jobs
shares = stage_timers.install()
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
    # counted in SQL: loading every story and derivation as records to count them made the
    # harness the run's largest memory (about 6 kB per derivation, ~0.75 per article)
    stories = store.conn.execute(
        "SELECT COUNT(*) FROM stories WHERE merged_into IS NULL AND size > 0").fetchone()[0]
    derived = store.conn.execute(
        "SELECT COUNT(DISTINCT child) FROM derivations").fetchone()[0]
print(json.dumps(stage_timers.read(shares)))
print(result.added, stories, len(result.problems), derived, time.perf_counter() - t)
""".replace("import sys, time", "import json, sys, time")


def sampled_paragraphs(
    rng: random.Random, clusters: list[list[list[str]]], c: int, pool: list[str], need: int
) -> list[str]:
    """``need`` paragraphs sampled from cluster ``c``'s pool, widened with the next
    clusters' paragraphs until there are twice as many to choose from."""
    widened, step = list(pool), 1
    while len(widened) < 2 * need and step < len(clusters):
        widened.extend(p for d in clusters[(c + step) % len(clusters)] for p in d)
        step += 1
    picked = sorted(rng.sample(range(len(widened)), min(need, len(widened))))
    return [widened[i] for i in picked]


def cluster_paragraphs() -> list[list[list[str]]]:
    """Per Multi-News dev cluster, its articles as lists of non-blank paragraphs (lines)."""
    clusters = []
    with DATA.open(encoding="utf-8") as lines:
        for line in lines:
            docs = []
            for doc in json.loads(line)["articles"]:
                paras = [" ".join(p.split()) for p in doc["text"].split("\n")]
                paras = [p for p in paras if p]
                if paras:
                    docs.append(paras)
            if docs:
                clusters.append(docs)
    return clusters


_TOKEN = re.compile(r"[A-Za-z]+|\d+")
CAPS_SWAP = 0.5  # share of a story's distinct capitalised words (names, places) swapped
WORD_SWAP = 0.25  # share of its distinct other content words swapped


class Vocabulary:
    """The words the story variants swap in, from the real articles: capitalised words (names,
    places, organisations) and lower-case content words of four letters or more, the latter
    by their last two letters so a swap keeps the word's ending (-ed, -ly, -ng, -es ...).
    Stop words, month, weekday and number words and the attribution cue words of the project's
    lexicon are never swapped, so sentences keep their attribution and date structure."""

    def __init__(self, clusters: list[list[list[str]]]) -> None:
        from newsbrief.annotate.cue_lexicon import CUES
        from newsbrief.text import MONTHS, NUMBER_WORDS, STOP_WORDS, WEEKDAYS

        keep = set(STOP_WORDS) | set(MONTHS) | set(WEEKDAYS) | set(NUMBER_WORDS)
        keep |= {w for cue in CUES for w in cue.split()}
        keep |= {"said", "says", "told", "according", "asked", "say", "tell", "tells"}
        self.keep = frozenset(keep)
        caps: set[str] = set()
        lower: dict[str, set[str]] = {}
        for docs in clusters:
            for doc in docs:
                for para in doc:
                    for w in _TOKEN.findall(para):
                        lw = w.lower()
                        if lw in self.keep or len(w) < 4 or w[0].isdigit():
                            continue
                        if w[0].isupper() and w[1:].islower():
                            caps.add(w)
                        elif w.islower():
                            lower.setdefault(w[-2:], set()).add(w)
        self.caps = sorted(caps)
        self.lower = {k: sorted(v) for k, v in lower.items()}


def story_variant(rng: random.Random, vocab: Vocabulary) -> Callable[[str], str]:
    """A rewrite of text for one generated story: each distinct swappable word is swapped (or
    kept) once for the whole story, so articles of one story still share their sentences (as
    syndicated and rewritten coverage does) while the replicas of a real cluster in other
    stories read as other events: other names and places, other figures, other words."""
    swaps: dict[str, str] = {}

    def swap(m: re.Match[str]) -> str:
        w = m.group(0)
        got = swaps.get(w)
        if got is not None:
            return got
        new = w
        if w[0].isdigit():
            if not (len(w) == 4 and w[:2] in ("19", "20")):  # years stay years
                new = str(rng.randint(1, 9)) + "".join(
                    str(rng.randint(0, 9)) for _ in range(len(w) - 1)
                )
        elif len(w) >= 4 and w.lower() not in vocab.keep:
            if w[0].isupper() and w[1:].islower():
                if rng.random() < CAPS_SWAP:
                    new = rng.choice(vocab.caps)
            elif w.islower() and rng.random() < WORD_SWAP:
                pool = vocab.lower.get(w[-2:])
                if pool:
                    new = rng.choice(pool)
        swaps[w] = new
        return new

    return lambda text: _TOKEN.sub(swap, text)


def write_corpus(
    size: int,
    out: Path,
    clusters: list[list[list[str]]],
    seed: int = 13,
    varied: bool = False,
) -> dict:
    """``size`` articles as JSONL in ``out``, in publish order; returns counts and words.

    ``varied``: each generated story rewritten by its own ``story_variant`` (the default of
    ``main``); without it the corpus is the recycled one of rounds 1-7, whose replicas repeat
    the real sentences word for word (at 10k, 4,309 distinct texts of 44,309 parse
    requests), so the parse cache answers most of annotate's parses."""
    rng = random.Random(seed)
    vocab = Vocabulary(clusters) if varied else None
    written = words = 0
    story = 0
    base = time.mktime((2019, 1, 1, 0, 0, 0, 0, 0, -1))
    with out.open("w", encoding="utf-8") as sink:
        while written < size:
            c = story % len(clusters)
            docs = clusters[c]
            pool = [p for d in docs for p in d]
            day = story // STORIES_PER_DAY
            rewrite = story_variant(random.Random(f"{seed}-{story}"), vocab) if vocab else None
            for k in range(rng.randint(*ARTICLES_PER_STORY)):
                if written >= size:
                    break
                real = docs[k % len(docs)]  # the real article whose length this one takes
                paragraphs = sampled_paragraphs(rng, clusters, c, pool, len(real))
                if rewrite is not None:
                    paragraphs = [rewrite(p) for p in paragraphs]
                text = " \n \n ".join(paragraphs)
                words += len(text.split())
                stamp = base + day * 86400 + k * 3600 + rng.randint(0, 3599)
                record = {
                    "title": paragraphs[0][:90],
                    "text": text,
                    "url": f"https://site{rng.randint(0, 60)}.example/{story}/{k}",
                    "published": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(stamp)),
                }
                sink.write(json.dumps(record, ensure_ascii=False) + "\n")
                written += 1
            story += 1
    return {"written": written, "words": words}


def _tree_usage(root: int) -> tuple[int, float, int]:
    """Bytes resident in ``root`` and all its descendants, their CPU seconds (user +
    system, including children they reaped), and their proportional set size in bytes, from
    Linux /proc. The resident sum counts a page shared by forked workers once per process
    that maps it; the PSS sum divides it among them, so it is the memory the tree holds."""
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
    total = pss = 0
    page = os.sysconf("SC_PAGE_SIZE")
    for pid in tree:
        try:
            with open(f"/proc/{pid}/statm", encoding="ascii") as fh:
                total += int(fh.read().split()[1]) * page
        except (OSError, IndexError, ValueError):
            continue
        pss += _pss(pid)
    return total, sum(cpu.get(pid, 0.0) for pid in tree), pss


def _pss(pid: int) -> int:
    """Proportional set size of one process in bytes (0 where /proc does not say)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    return 0


def measure(engine: str, corpus: Path, workdir: Path, cpus: int, jobs: int) -> dict:
    db = workdir / f"{engine}-{corpus.stem}-j{jobs}.db"
    here = str(Path(__file__).resolve().parent)
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", _CHILD, engine, str(corpus), str(db), str(cpus), str(jobs), here],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    peak = [0]
    peak_pss = [0]
    tree_cpu = [0.0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            rss, cpu, pss = _tree_usage(proc.pid)
            peak[0] = max(peak[0], rss)
            peak_pss[0] = max(peak_pss[0], pss)
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
    stage_line, last = output.strip().splitlines()[-2:]
    added, stories, problems, derived, inner = last.split()
    own_cpu = usage.ru_utime + usage.ru_stime
    return {
        "articles": int(added),
        "stories": int(stories),
        "problems": int(problems),
        "derived": int(derived),
        "stages": json.loads(stage_line),
        "wall": wall,
        "process": float(inner),
        "cpu": max(own_cpu, tree_cpu[0]),
        "own_cpu": own_cpu,
        "maxrss_mb": usage.ru_maxrss / 1024,
        "tree_mb": peak[0] / 2**20,
        "tree_pss_mb": peak_pss[0] / 2**20,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000")
    ap.add_argument("--engines", default="local")
    ap.add_argument("--cpus", type=int, default=2, help="CPUs given to Ray")
    ap.add_argument(
        "--jobs",
        default="0",
        help="comma list of NEWSBRIEF_JOBS values to run (0: the engine's default, the CPUs)",
    )
    ap.add_argument("--keep", type=Path, help="write corpora and databases here instead of tmp")
    ap.add_argument(
        "--corpus",
        choices=("varied", "recycled"),
        default="varied",
        help="varied: each story's words swapped by its own variant (default); recycled: the "
        "corpus of rounds 1-7, replicas repeating real sentences word for word",
    )
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    engines = args.engines.split(",")
    jobs_list = [int(j) for j in args.jobs.split(",")]
    clusters = cluster_paragraphs()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        for size in sizes:
            corpus = workdir / f"{args.corpus}-{size}.jsonl"
            made = write_corpus(size, corpus, clusters, varied=args.corpus == "varied")
            for engine in engines:
                for jobs in jobs_list:
                    row = {
                        "engine": engine,
                        "jobs": jobs or os.cpu_count(),
                        "corpus": args.corpus,
                        "size": size,
                        "words": made["words"],
                        **measure(engine, corpus, workdir, args.cpus, jobs),
                    }
                    rows.append(row)
                    print(json.dumps(row), file=sys.stderr, flush=True)
    print(
        f"corpus: {args.corpus}; mean words per article: {rows[0]['words'] / max(1, rows[0]['size']):.0f}\n"
    )
    print(
        "| engine | jobs | articles | words/article | stories | copies found | wall s "
        "| articles/s (wall) | words/s (wall) | CPU s | articles/CPU-s | words/CPU-s "
        "| per article vs smallest: wall | : CPU | peak RSS child MB | peak RSS tree MB "
        "| peak PSS tree MB |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    first: dict[tuple[str, int], tuple[float, float]] = {}
    for row in rows:
        n = max(1, row["articles"])
        per_wall, per_cpu = row["wall"] / n, row["cpu"] / n
        base_wall, base_cpu = first.setdefault((row["engine"], row["jobs"]), (per_wall, per_cpu))
        print(
            f"| {row['engine']} | {row['jobs']} | {row['articles']:,} "
            f"| {row['words'] / n:.0f} | {row['stories']:,} | {row['derived']:,} "
            f"| {row['wall']:.0f} | {n / row['wall']:.1f} | {row['words'] / row['wall']:,.0f} "
            f"| {row['cpu']:.0f} | {n / row['cpu']:.1f} | {row['words'] / row['cpu']:,.0f} "
            f"| {per_wall / base_wall:.2f}x | {per_cpu / base_cpu:.2f}x "
            f"| {row['maxrss_mb']:.0f} | {row['tree_mb']:.0f} | {row.get('tree_pss_mb', 0):.0f} |"
        )
    print(
        "\nParse load (counted in the processes that parse; a pool's workers count into the "
        "same shared array): texts asked of the parse layer, distinct texts it parsed (the "
        "rest came from its cache), tokens parsed:\n"
    )
    print(
        "| corpus | engine | jobs | articles | parse requests | texts parsed | % parsed "
        "| tokens parsed | tokens parsed/article |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        st, n = row["stages"], max(1, row["articles"])
        asked, parsed = st.get("parse_requests", 0), st.get("parsed_texts", 0)
        print(
            f"| {row['corpus']} | {row['engine']} | {row['jobs']} | {row['articles']:,} "
            f"| {asked:,.0f} | {parsed:,.0f} | {100 * parsed / max(1, asked):.0f} % "
            f"| {st.get('parsed_words', 0):,.0f} | {st.get('parsed_words', 0) / n:.0f} |"
        )
    print("\nCPU share per stage (exclusive; other = CPU not inside a timed stage):\n")
    print("| engine | jobs | articles | " + " | ".join(STAGE_NAMES) + " | other |")
    print("|---|---:|---:|" + "---:|" * (len(STAGE_NAMES) + 1))
    for row in rows:
        stages = row["stages"]
        other = max(0.0, row["cpu"] - sum(stages.get(name, 0.0) for name in STAGE_NAMES))
        cells = [100 * stages.get(name, 0.0) / row["cpu"] for name in STAGE_NAMES]
        print(
            f"| {row['engine']} | {row['jobs']} | {row['articles']:,} | "
            + " | ".join(f"{c:.0f} %" for c in cells)
            + f" | {100 * other / row['cpu']:.0f} % |"
        )


if __name__ == "__main__":
    main()

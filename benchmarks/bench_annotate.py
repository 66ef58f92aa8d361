"""Speed of the annotate stage on Multi-News dev articles (one core, CPU time).

nice python benchmarks/bench_annotate.py [--n 400]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from newsbrief.annotate import annotate
from newsbrief.annotate.dates import extract_dates
from newsbrief.annotate.entities import extract_mentions
from newsbrief.annotate.quotes import extract_quotes
from newsbrief.annotate.sentences import split_sentences
from newsbrief.records import Article

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "mds" / "multinews" / "dev.jsonl"


def _articles(n: int) -> list[Article]:
    out: list[Article] = []
    with DATA.open(encoding="utf-8") as fh:
        for line in fh:
            for i, art in enumerate(json.loads(line)["articles"]):
                text = "\n".join(x.strip() for x in art["text"].split("\n") if x.strip())
                out.append(
                    Article(id=str(i), source="multinews", text=text, published="2016-05-01")
                )
                if len(out) >= n:
                    return out
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=400)
    arts = _articles(ap.parse_args().n)
    kb = sum(len(a.text) for a in arts) / 1000
    annotate(Article(id="w", source="w", text="Warm up, Mr Doe said."))  # gazetteer loading
    stages = {"sentences": 0.0, "entities": 0.0, "quotes": 0.0, "dates": 0.0}
    t_all = time.process_time()
    for a in arts:
        t0 = time.process_time()
        sents = split_sentences(a.text)
        t1 = time.process_time()
        mentions, roles = extract_mentions(a.text, sents)
        t2 = time.process_time()
        extract_quotes(a.text, sents, mentions, roles)
        t3 = time.process_time()
        extract_dates(a.text, sents, a.published)
        t4 = time.process_time()
        for k, dt in zip(stages, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            stages[k] += dt
    total = time.process_time() - t_all
    print(f"{len(arts)} articles, {kb:.0f} KB, {total:.2f} s, {len(arts) / total:.0f} articles/s")
    for k, v in stages.items():
        print(f"  {k:10} {v:6.2f} s  {100 * v / total:4.0f} %")


if __name__ == "__main__":
    main()

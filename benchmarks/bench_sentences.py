"""Sentence splitters compared: correctness on hand-written news cases and speed on Multi-News.

    nice python benchmarks/bench_sentences.py [--kb 200]

Speed is sentences per second on ~200 KB of /work/shared/data/mds/multinews/dev.jsonl text
(lines are split on newlines first for every splitter, as annotate does).
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

from newsbrief.annotate.sentences import split_sentences

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "mds" / "multinews" / "dev.jsonl"

# (text, expected sentences) written for this benchmark
CASES: list[tuple[str, list[str]]] = [
    ("Mr. Smith arrived. He sat down.", ["Mr. Smith arrived.", "He sat down."]),
    ("Dr. Jane Roe met Gen. Al Doe.", ["Dr. Jane Roe met Gen. Al Doe."]),
    ("It rose 3.5 percent. Then it fell.", ["It rose 3.5 percent.", "Then it fell."]),
    ('He said "yes." Then he left.', ['He said "yes."', "Then he left."]),
    ("He said “no.” She agreed.", ["He said “no.”", "She agreed."]),
    ("The U.S. Army moved. It was fast.", ["The U.S. Army moved.", "It was fast."]),
    ("He went to the U.S. The trip was long.", ["He went to the U.S.", "The trip was long."]),
    ("John F. Kennedy spoke.", ["John F. Kennedy spoke."]),
    ("On Jan. 5 it began. It ended.", ["On Jan. 5 it began.", "It ended."]),
    ("Wait... What happened?", ["Wait...", "What happened?"]),
    ("Is it over? Yes! Good.", ["Is it over?", "Yes!", "Good."]),
    ("Apple Inc. The firm grew.", ["Apple Inc.", "The firm grew."]),
    ("He paid $1.5 million. No. 10 agreed.", ["He paid $1.5 million.", "No. 10 agreed."]),
    ("It was e.g. fine. Ok.", ["It was e.g. fine.", "Ok."]),
    ("In 2016. In 2017.", ["In 2016.", "In 2017."]),
]


def _ours(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def _pysbd() -> Callable[[str], list[str]]:
    import pysbd

    seg = pysbd.Segmenter(language="en", clean=False)
    return lambda t: [s.strip() for s in seg.segment(t) if s.strip()]


def _syntok() -> Callable[[str], list[str]]:
    import syntok.segmenter as segmenter

    def split(text: str) -> list[str]:
        out = []
        for para in segmenter.analyze(text):
            for sent in para:
                start = sent[0].offset
                last = sent[-1]
                out.append(text[start : last.offset + len(last.value)].strip())
        return out

    return split


def _per_line(fn: Callable[[str], list[str]]) -> Callable[[str], list[str]]:
    return lambda t: [s for line in t.split("\n") if line.strip() for s in fn(line)]


def _corpus(kb: int) -> list[str]:
    docs: list[str] = []
    size = 0
    with DATA.open(encoding="utf-8") as fh:
        for line in fh:
            for art in json.loads(line)["articles"]:
                text = "\n".join(x.strip() for x in art["text"].split("\n") if x.strip())
                docs.append(text)
                size += len(text)
                if size >= kb * 1000:
                    return docs
    return docs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kb", type=int, default=200)
    args = ap.parse_args()
    docs = _corpus(args.kb) if DATA.exists() else []
    systems = {
        "newsbrief-regex": _ours,
        "pysbd": _per_line(_pysbd()),
        "syntok": _per_line(_syntok()),
    }
    print(f"{'splitter':16} {'cases ok':>9} {'sentences':>10} {'seconds':>8} {'sent/s':>9}")
    for name, fn in systems.items():
        ok = sum(fn(t) == want for t, want in CASES)
        t0 = time.perf_counter()
        n = sum(len(fn(d)) for d in docs)
        dt = time.perf_counter() - t0
        rate = n / dt if dt else 0.0
        print(f"{name:16} {ok:>4}/{len(CASES):<4} {n:>10} {dt:>8.2f} {rate:>9.0f}")


if __name__ == "__main__":
    main()

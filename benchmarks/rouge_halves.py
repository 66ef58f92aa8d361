"""newsbrief's ROUGE on Multi-News dev per half of the clusters (even rows, odd rows, all).

Usage: python benchmarks/rouge_halves.py [PATH.jsonl] [--cache FILE] [--save FILE]
       [--against FILE] [--limit N]

Scores the two settings of ``newsbrief eval summarize`` (260 words F1, whole sentences;
100 words recall, cut at exactly 100 words after a 140-word tail) with the same code paths
(``eval.summarize``'s runner and cuts), so the "all" row equals what that command prints for
newsbrief. A change is chosen on the even rows (clusters 0, 2, 4, ...) and checked on the
odd rows. ``--cache`` keeps the cleaned, annotated clusters in a pickle between runs (clean
and annotate are most of the time and do not change while the summarizer is edited);
``--save`` writes the per-cluster ROUGE figures, ``--against`` compares ROUGE-1 and ROUGE-2
with a saved run (clusters up and down per half, and the paired standard error of the
difference; a file saved before ROUGE-1 was kept compares ROUGE-2 only).
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
from pathlib import Path

from newsbrief.eval.summarize import (
    RECALL_SLACK,
    _newsbrief,
    cut_sentences,
    cut_words,
    load_clusters,
    prepare_articles,
)

DEFAULT = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "mds" / "multinews" / "dev.jsonl"
)
KEYS = ("rouge1", "rouge2", "rougeL")
SETTINGS = (("260w F1", 260, "f1"), ("100w recall", 100, "recall"))


def _clusters(path: str, cache: str | None, limit: int | None) -> list[tuple[list, list[str]]]:
    if cache and Path(cache).is_file():
        with open(cache, "rb") as fh:
            data: list[tuple[list, list[str]]] = pickle.load(fh)
    else:
        rows = load_clusters(path)
        data = [(prepare_articles(r), list(r["summaries"])) for r in rows]
        if cache:
            with open(cache, "wb") as fh:
                pickle.dump(data, fh)
    return data[:limit] if limit else data


def main() -> None:
    from rouge_score import rouge_scorer

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
    ap.add_argument("--cache")
    ap.add_argument("--save")
    ap.add_argument("--against")
    ap.add_argument("--limit", type=int)
    args = ap.parse_args()

    data = _clusters(args.path, args.cache, args.limit)
    scorer = rouge_scorer.RougeScorer(list(KEYS), use_stemmer=True)
    per: dict[str, list[dict[str, float]]] = {}
    for label, words, metric in SETTINGS:
        run = _newsbrief(words, RECALL_SLACK if metric == "recall" else 0)
        cut = cut_sentences if metric == "f1" else cut_words
        field = "fmeasure" if metric == "f1" else "recall"
        rows: list[dict[str, float]] = []
        for i, (articles, refs) in enumerate(data):
            text = cut(run(articles, str(i)), words)
            got = dict.fromkeys(KEYS, 0.0)
            for ref in refs:
                scores = scorer.score(ref, text)
                for k in KEYS:
                    got[k] += 100.0 * getattr(scores[k], field) / len(refs)
            rows.append(got)
        per[label] = rows

    old = json.loads(Path(args.against).read_text()) if args.against else None
    print("| setting | rows | ROUGE-1 | ROUGE-2 | ROUGE-L | vs saved: R-1, R-2 (up/down, se) |")
    print("|---|---|---:|---:|---:|---|")
    for label, _, _ in SETTINGS:
        rows = per[label]
        for half, pick in (("even", 0), ("odd", 1), ("all", None)):
            idx = [i for i in range(len(rows)) if pick is None or i % 2 == pick]
            means = [sum(rows[i][k] for i in idx) / len(idx) for k in KEYS]
            cmp = ""
            if old is not None:
                saved = {k: _saved(old[label], k) for k in ("rouge1", "rouge2")}
                cmp = "; ".join(
                    _paired(rows, then, idx, k) for k, then in saved.items() if then is not None
                )
            print(f"| {label} | {half} | " + " | ".join(f"{m:.2f}" for m in means) + f" | {cmp} |")
    if args.save:
        saved = {label: {k: [r[k] for r in per[label]] for k in KEYS} for label, _, _ in SETTINGS}
        Path(args.save).write_text(json.dumps(saved))


def _saved(old: list[float] | dict[str, list[float]], key: str) -> list[float] | None:
    """One key's per-cluster figures of a saved run (an older save holds ROUGE-2 only)."""
    if isinstance(old, dict):
        return old.get(key)
    return old if key == "rouge2" else None


def _paired(rows: list[dict[str, float]], old: list[float], idx: list[int], key: str) -> str:
    """Mean difference from the saved run over ``idx``, clusters up/down, paired std. error."""
    d = [rows[i][key] - old[i] for i in idx]
    mean = sum(d) / len(d)
    var = sum((x - mean) ** 2 for x in d) / max(1, len(d) - 1)
    up = sum(x > 1e-9 for x in d)
    down = sum(x < -1e-9 for x in d)
    return f"{mean:+.2f} ({up}/{down}, se {math.sqrt(var / len(d)):.2f})"


if __name__ == "__main__":
    main()

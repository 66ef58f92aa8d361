"""Refit the plain-text line model of the clean stage and print its 2-fold figures.

    python benchmarks/fit_linemodel.py ../shared/data/extraction/zyte-aeb/plaintext_lines.jsonl.gz

Pages are split in two by sha1 of their id; each half is fitted and the other scored with the
Zyte 4-gram body metric, then a fit on all pages gives the coefficients that
`newsbrief.clean.linecoef` ships (printed, to paste there). Needs scikit-learn.
"""

from __future__ import annotations

import copy
import gzip
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

from newsbrief.clean import lines as L
from newsbrief.clean.linecoef import THRESHOLD
from newsbrief.clean.linemodel import logistic, stage1_features, stage2_features
from newsbrief.clean.meta import parse_byline
from newsbrief.clean.rules import rule_reason
from newsbrief.eval.boilerplate import _truth_bodies, shingle_scores

C = 1.0


def prepare(lines: list[str]) -> tuple[list[Any], list[Any], list[bool]]:
    """The rule stage of ``clean_lines``, up to the point where the model takes over."""
    reasons: list[str | None] = []
    infos: list[Any] = []
    english = L.is_english(lines)
    for line in lines:
        text = line.strip()
        reason = rule_reason(text, "") if text else None
        if reason is None and text and parse_byline(text) is not None:
            reason = "byline"
        reasons.append(reason)
        infos.append(L.line_info(text, english) if text and reason is None else None)
    start = L._comment_start(reasons, infos)
    if start is not None and L.comment_paragraphs(lines[start:]):
        for i in range(start, len(lines)):
            reasons[i], infos[i] = "reader-comments", None
    shaped = list(reasons)
    shaped_infos = [copy.copy(x) for x in infos]
    L._resolve_short(shaped, shaped_infos)
    L._main_block(shaped, shaped_infos)
    return reasons, infos, [r is None for r in shaped]


def _xy(items: list[tuple[Any, dict[int, list[float]]]]) -> tuple[Any, Any, Any]:
    xs, ys, ws = [], [], []
    for page, feats in items:
        for i, f in feats.items():
            label = page["page"]["lines"][i]["label"]
            if label in ("body", "boilerplate"):
                xs.append(f)
                ys.append(label == "body")
                ws.append(np.sqrt(page["infos"][i].n + 1))
    return np.array(xs), np.array(ys), np.array(ws)


def _fit(items: list[tuple[Any, dict[int, list[float]]]]) -> list[float]:
    x, y, w = _xy(items)
    model = LogisticRegression(C=C, max_iter=2000, fit_intercept=False)
    model.fit(x, y, sample_weight=w)
    return [float(c) for c in model.coef_[0]]


def train(pages: list[dict[str, Any]]) -> tuple[list[float], list[float]]:
    w1 = _fit([(p, p["f1"]) for p in pages])
    second = []
    for p in pages:
        probs = {i: logistic(w1, f) for i, f in p["f1"].items()}
        second.append((p, stage2_features(p["f1"], probs)))
    return w1, _fit(second)


def keep(page: dict[str, Any], w1: list[float], w2: list[float]) -> list[bool]:
    if sum(1 for line in page["lines"] if line.strip()) < L.MODEL_MIN_LINES:
        return page["kept"]
    probs = {i: logistic(w1, f) for i, f in page["f1"].items()}
    p2 = {i: logistic(w2, f) for i, f in stage2_features(page["f1"], probs).items()}
    return [i in p2 and p2[i] >= THRESHOLD for i in range(len(page["lines"]))]


def main(path: str) -> None:
    bodies = _truth_bodies(Path(path))
    pages = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for raw in handle:
            record = json.loads(raw)
            lines = [x["text"] for x in record["lines"]]
            reasons, infos, kept = prepare(lines)
            pages.append(
                {
                    "page": record,
                    "lines": lines,
                    "infos": infos,
                    "kept": kept,
                    "f1": stage1_features(reasons, infos, kept),
                }
            )

    def score(items: list[dict[str, Any]], w1: list[float], w2: list[float]) -> dict[str, float]:
        texts = []
        for p in items:
            kept_text = "\n".join(x for x, k in zip(p["lines"], keep(p, w1, w2), strict=True) if k)
            texts.append((bodies[p["page"]["id"]], kept_text))
        return shingle_scores(texts)

    def half(p: dict[str, Any]) -> int:
        return int(hashlib.sha1(p["page"]["id"].encode()).hexdigest(), 16) % 2

    folds = [[p for p in pages if half(p) == h] for h in (0, 1)]
    f1s = []
    for fit_on, score_on in ((folds[0], folds[1]), (folds[1], folds[0])):
        result = score(score_on, *train(fit_on))
        f1s.append(result["f1"])
        print("held-out half:", {k: round(v, 4) for k, v in result.items()})
    print(f"2-fold mean f1 {sum(f1s) / 2:.4f}")
    w1, w2 = train(pages)
    print("fitted on all pages:", {k: round(v, 4) for k, v in score(pages, w1, w2).items()})
    print("STAGE_1 =", [round(c, 4) for c in w1])
    print("STAGE_2 =", [round(c, 4) for c in w2])


if __name__ == "__main__":
    main(sys.argv[1])

"""Refit the plain-text line model of the clean stage; print its leave-site-out figures.

    python benchmarks/fit_linemodel.py ../shared/data/extraction/zyte-aeb/plaintext_lines.jsonl.gz

Headline: leave-site-group-out. Pages are grouped by site (the registered ``domain`` in the
``ground_truth.jsonl`` beside the file) and the sites dealt into ``FOLDS`` groups by a hash of
the name; for each group the two stages are fitted on the other groups, the cut-off is chosen
among ``THRESHOLDS`` on those same groups, and the held-out group is scored. The pooled held-out pages are printed beside no filter, the C4 line rules and
the hand-written context rules alone (the clean stage without the model) on the same pages,
with the Zyte 4-gram body metric. ``--two-fold`` prints the older sha1 2-fold split as well.
Last, a fit on all pages gives the coefficients that ``newsbrief.clean.linecoef`` ships
(printed, to paste there, with the cut-off chosen on all pages). Needs scikit-learn.
"""

from __future__ import annotations

import argparse
import copy
import gzip
import hashlib
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

from newsbrief.clean import lines as L
from newsbrief.clean.linecoef import THRESHOLD
from newsbrief.clean.linemodel import logistic, stage1_features, stage2_features
from newsbrief.clean.meta import parse_byline
from newsbrief.clean.rules import rule_reason
from newsbrief.eval.boilerplate import c4_keep, shingle_scores

C = 0.01  # chosen among 1, 0.1, 0.01, 0.001 by the leave-site-out figure
THRESHOLDS = (0.3, 0.4, 0.5, 0.6)
FOLDS = 10  # site groups; leave-one-site-out would refit 80 times for the same estimate


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


def _fit(items: list[tuple[Any, dict[int, list[float]]]], c: float = C) -> list[float]:
    x, y, w = _xy(items)
    model = LogisticRegression(C=c, max_iter=2000, fit_intercept=False)
    model.fit(x, y, sample_weight=w)
    return [float(c) for c in model.coef_[0]]


def train(pages: list[dict[str, Any]], c: float = C) -> tuple[list[float], list[float]]:
    w1 = _fit([(p, p["f1"]) for p in pages], c)
    second = []
    for p in pages:
        probs = {i: logistic(w1, f) for i, f in p["f1"].items()}
        second.append((p, stage2_features(p["f1"], probs)))
    return w1, _fit(second, c)


def scores(page: dict[str, Any], w1: list[float], w2: list[float]) -> dict[int, float] | None:
    """Stage-two score of each candidate line; None for a text the model leaves alone."""
    if sum(1 for line in page["lines"] if line.strip()) < L.MODEL_MIN_LINES:
        return None
    probs = {i: logistic(w1, f) for i, f in page["f1"].items()}
    return {i: logistic(w2, f) for i, f in stage2_features(page["f1"], probs).items()}


def keep_at(page: dict[str, Any], p2: dict[int, float] | None, threshold: float) -> list[bool]:
    if p2 is None:
        return page["kept"]
    return [i in p2 and p2[i] >= threshold for i in range(len(page["lines"]))]


def keep(
    page: dict[str, Any], w1: list[float], w2: list[float], threshold: float = THRESHOLD
) -> list[bool]:
    return keep_at(page, scores(page, w1, w2), threshold)


def _truth(path: Path) -> dict[str, dict[str, Any]]:
    truth = path.parent / "ground_truth.jsonl"
    with truth.open(encoding="utf-8") as handle:
        return {r["id"]: r for r in (json.loads(raw) for raw in handle if raw.strip())}


def load_pages(path: Path) -> list[dict[str, Any]]:
    """The labelled pages with their features, true body and site."""
    truth = _truth(path)
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
                    "body": truth[record["id"]].get("body") or "",
                    "site": truth[record["id"]].get("domain") or record["id"],
                }
            )
    return pages


def _texts(items: list[dict[str, Any]], keeps: list[list[bool]]) -> list[tuple[str, str]]:
    return [
        (p["body"], "\n".join(x for x, k in zip(p["lines"], kept, strict=True) if k))
        for p, kept in zip(items, keeps, strict=True)
    ]


def fit(items: list[dict[str, Any]], c: float = C) -> tuple[list[float], list[float], float]:
    """Both stages fitted on ``items``, and the cut-off chosen among THRESHOLDS on them."""
    w1, w2 = train(items, c)
    p2 = [scores(p, w1, w2) for p in items]

    def f1_at(cut: float) -> float:
        keeps = [keep_at(p, s, cut) for p, s in zip(items, p2, strict=True)]
        return float(shingle_scores(_texts(items, keeps))["f1"])

    return w1, w2, max(THRESHOLDS, key=f1_at)


def leave_site_group_out(
    pages: list[dict[str, Any]], c: float = C, log: bool = False
) -> tuple[list[dict[str, Any]], list[list[bool]], dict[float, int]]:
    """Each site group's pages with the lines kept by a model fitted on the other groups."""
    sites: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in pages:
        sites[p["site"]].append(p)
    # sites are dealt into FOLDS groups by a hash of their name: each group is held out once
    folds: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for site, members in sites.items():
        folds[int(hashlib.sha1(site.encode()).hexdigest(), 16) % FOLDS] += members
    order: list[dict[str, Any]] = []
    keeps: list[list[bool]] = []
    cuts: dict[float, int] = defaultdict(int)
    for number, members in sorted(folds.items()):
        held = {id(p) for p in members}
        w1, w2, cut = fit([p for p in pages if id(p) not in held], c)
        cuts[cut] += 1
        order += members
        keeps += [keep(p, w1, w2, cut) for p in members]
        if log:
            print(f"fold {number}: {len(members)} pages held out, cut-off {cut}", flush=True)
    return order, keeps, dict(cuts)


def site_group_f1(path: Path) -> float:
    """The headline: pooled held-out shingle F1 under leave-site-group-out (the gate reads it)."""
    order, keeps, _ = leave_site_group_out(load_pages(path))
    return round(float(shingle_scores(_texts(order, keeps))["f1"]), 4)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", help="plaintext_lines.jsonl.gz (ground_truth.jsonl beside it)")
    parser.add_argument("--two-fold", action="store_true", help="also print the sha1 2-fold")
    parser.add_argument("--c", type=float, default=C, help="inverse regularisation strength")
    args = parser.parse_args()

    pages = load_pages(Path(args.path))
    order, held, cuts = leave_site_group_out(pages, args.c, log=True)
    rows = {
        "no filter": [[True] * len(p["lines"]) for p in order],
        "C4 line rules": [[c4_keep(x) for x in p["lines"]] for p in order],
        "hand-written rules alone": [p["kept"] for p in order],
        "newsbrief, leave-site-group-out": held,
    }
    sites = {p["site"] for p in pages}
    print(f"{len(pages)} pages, {len(sites)} sites in {FOLDS} groups; cut-offs: {cuts}")
    for name, keeps in rows.items():
        result = shingle_scores(_texts(order, keeps))
        print(f"{name:<34}", " ".join(f"{k} {v:.4f}" for k, v in result.items()))
    if args.two_fold:

        def half(p: dict[str, Any]) -> int:
            return int(hashlib.sha1(p["page"]["id"].encode()).hexdigest(), 16) % 2

        halves = [[p for p in pages if half(p) == h] for h in (0, 1)]
        f1s = []
        for fit_on, score_on in ((halves[0], halves[1]), (halves[1], halves[0])):
            w1, w2 = train(fit_on, args.c)
            result = shingle_scores(
                _texts(score_on, [keep(p, w1, w2, THRESHOLD) for p in score_on])
            )
            f1s.append(result["f1"])
            print("held-out half:", {k: round(v, 4) for k, v in result.items()})
        print(f"2-fold mean f1 {sum(f1s) / 2:.4f}")
    w1, w2, cut = fit(pages, args.c)
    result = shingle_scores(_texts(pages, [keep(p, w1, w2, cut) for p in pages]))
    print(f"fitted on all pages (in-sample), cut-off {cut}:", result)
    print("STAGE_1 =", [round(c, 4) for c in w1])
    print("STAGE_2 =", [round(c, 4) for c in w2])


if __name__ == "__main__":
    main()

"""`newsbrief eval paraphrase`: sentence-pair paraphrase detection on MRPC-style JSONL.

Rows: "majority" (the commoner label of the fit half), "word-overlap" (Jaccard of lower-cased
word sets against a threshold fitted on the fit half) and "newsbrief" (``paraphrase.is_paraphrase``
as shipped: the ``newsbrief.paraphrase`` model probability at ``PARAPHRASE_THRESHOLD``; that model was
fitted on the fit half with ``fit_pair_model``). Pairs are split into halves by a hash of
their id, so the split is deterministic and no fitted number ever sees the pairs it is
scored on. Accuracy and F1 (of the paraphrase class) are fractions.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from newsbrief.errors import DataError
from newsbrief.eval import EvalResult, SystemScore
from newsbrief.eval.loaders import read_jsonl
from newsbrief.paraphrase import PARAPHRASE_THRESHOLD, paraphrase_score
from newsbrief.text import words

Pair = tuple[str, str, int]


def is_fit_pair(pair_id: str) -> bool:
    """Whether a pair belongs to the fit half (by a stable hash of its id)."""
    return hashlib.sha1(pair_id.encode()).digest()[0] % 2 == 0


def jaccard(a: str, b: str) -> float:
    sa = {w.lower() for w in words(a, hyphens=True, possessive=False)}
    sb = {w.lower() for w in words(b, hyphens=True, possessive=False)}
    return len(sa & sb) / len(sa | sb) if sa | sb else 0.0


def fit_threshold(scores: Sequence[float], labels: Sequence[int]) -> float:
    """The cut maximising accuracy (score >= cut means paraphrase) on the given pairs."""
    ranked = sorted(zip(scores, labels, strict=True))
    positives = sum(labels)
    best_cut, best_correct = 0.0, positives  # cut at 0: everything is a paraphrase
    below_neg = below_pos = 0
    for k, (score, label) in enumerate(ranked):
        below_neg += label == 0
        below_pos += label == 1
        nxt = ranked[k + 1][0] if k + 1 < len(ranked) else score + 1e-6
        if nxt == score:
            continue
        correct = below_neg + (positives - below_pos)
        if correct > best_correct:
            best_cut, best_correct = (score + nxt) / 2, correct
    return best_cut


def accuracy_f1(gold: Sequence[int], pred: Sequence[int]) -> dict[str, float]:
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == p == 1)
    fp = sum(1 for g, p in zip(gold, pred, strict=True) if p == 1 and g == 0)
    fn = sum(1 for g, p in zip(gold, pred, strict=True) if p == 0 and g == 1)
    acc = sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / len(gold) if gold else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return {"accuracy": round(acc, 4), "f1": round(f1, 4)}


def load_pairs(path: str) -> tuple[list[Pair], list[Pair]]:
    """(fit half, test half) of the labelled pairs in an MRPC-style file."""
    fit: list[Pair] = []
    test: list[Pair] = []
    for n, row in enumerate(read_jsonl(path)):
        if not {"text1", "text2", "label"} <= set(row):
            raise DataError(f"{path}: record {n + 1} lacks text1/text2/label")
        pair = (str(row["text1"]), str(row["text2"]), int(row["label"]))
        (fit if is_fit_pair(str(row.get("pair_id", n))) else test).append(pair)
    if not fit or not test:
        raise DataError(f"{path}: too few pairs to split into fit and test halves")
    return fit, test


def _scored_row(
    name: str,
    score: Callable[[str, str], float],
    fit: list[Pair],
    test: list[Pair],
    cut: float | None = None,
) -> tuple[SystemScore, float]:
    """Accuracy on ``test`` at ``cut``, or at the cut that is best on ``fit`` when None."""
    t0 = time.perf_counter()
    if cut is None:
        cut = fit_threshold([score(a, b) for a, b, _ in fit], [y for _, _, y in fit])
    pred = [int(score(a, b) >= cut) for a, b, _ in test]
    metrics = accuracy_f1([y for _, _, y in test], pred)
    return SystemScore(name, metrics, time.perf_counter() - t0), cut


def fit_pair_model(pairs: Sequence[Pair], c: float = 1.0) -> tuple[list[float], float]:
    """Logistic-regression weights and intercept over ``paraphrase.features`` of ``pairs``.

    Features are standardised for the fit (so the L2 penalty treats them alike) and the
    scaling is folded back into the weights, which therefore apply to raw feature values:
    this is how ``paraphrase.WEIGHTS`` / ``paraphrase.INTERCEPT`` were produced.
    """
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from newsbrief.paraphrase import features

    if len({y for _, _, y in pairs}) < 2:
        raise DataError("fitting the pair model needs both paraphrase and non-paraphrase pairs")
    x = np.array([features(a, b) for a, b, _ in pairs], dtype=float)
    y = np.array([label for _, _, label in pairs])
    mean, std = x.mean(axis=0), x.std(axis=0)
    std[std == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=5000).fit((x - mean) / std, y)
    weights = model.coef_[0] / std
    intercept = float(model.intercept_[0] - (weights * mean).sum())
    return [float(w) for w in weights], intercept


def evaluate_paraphrase(path: str) -> EvalResult:
    """Score majority, word-overlap and newsbrief on the test half of a pair file."""
    fit, test = load_pairs(path)
    gold = [y for _, _, y in test]
    result = EvalResult(task="paraphrase", data=str(Path(path)), n=len(test))

    majority = int(2 * sum(y for _, _, y in fit) >= len(fit))
    result.systems.append(SystemScore("majority", accuracy_f1(gold, [majority] * len(gold))))
    overlap, overlap_cut = _scored_row("word-overlap", jaccard, fit, test)
    result.systems.append(overlap)
    ours, _ = _scored_row("newsbrief", paraphrase_score, fit, test, PARAPHRASE_THRESHOLD)
    result.systems.append(ours)
    result.notes.append(
        f"fit on {len(fit)} pairs (sha1(pair_id) even), scored on the other {len(test)}; "
        f"word-overlap threshold {overlap_cut:.3f} fitted on the fit half; newsbrief is the "
        f"shipped logistic pair model (weights fitted on the fit half) at probability "
        f"{PARAPHRASE_THRESHOLD}; accuracy and f1 (paraphrase class) are fractions 0-1"
    )
    return result

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsbrief.errors import DataError
from newsbrief.eval.paraphrase import (
    accuracy_f1,
    evaluate_paraphrase,
    fit_pair_model,
    fit_threshold,
    is_fit_pair,
    jaccard,
)

PAIRS = [
    (
        "The council approved the new tram line on Monday.",
        "On Monday the council approved the tram line.",
        1,
    ),
    (
        "Rescue boats reached the flooded villages.",
        "Boats reached the villages cut off by the flood.",
        1,
    ),
    ("The bakery opened on the main square.", "A chess open was won by a teenager.", 0),
    ("The library will stay open until nine.", "Heavy rain fell across the valley overnight.", 0),
]


def test_threshold_separates_scores() -> None:
    cut = fit_threshold([0.1, 0.2, 0.7, 0.9], [0, 0, 1, 1])
    assert 0.2 < cut < 0.7
    assert fit_threshold([0.5, 0.5], [1, 1]) == 0.0  # all positive: everything passes


def test_metrics_and_jaccard() -> None:
    m = accuracy_f1([1, 1, 0, 0], [1, 0, 0, 1])
    assert m == {"accuracy": 0.5, "f1": 0.5}
    assert jaccard("a b c", "A B d") == pytest.approx(2 / 4)


def test_evaluate_small_file(tmp_path: Path) -> None:
    path = tmp_path / "pairs.jsonl"
    rows = []
    for n in range(40):
        a, b, y = PAIRS[n % len(PAIRS)]
        rows.append({"pair_id": f"p{n}", "text1": a, "text2": b, "label": y})
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = evaluate_paraphrase(str(path))
    fit = sum(is_fit_pair(f"p{n}") for n in range(40))
    assert result.task == "paraphrase" and result.n == 40 - fit
    assert [s.name for s in result.systems] == ["majority", "word-overlap", "newsbrief"]
    assert result.systems[2].metrics["accuracy"] == 1.0
    assert result.notes and "fractions" in result.notes[0] and "0.5" in result.notes[0]


def test_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"x": 1}\n')
    with pytest.raises(DataError):
        evaluate_paraphrase(str(path))


def test_fit_pair_model_separates_and_needs_both_labels() -> None:
    from newsbrief.paraphrase import FEATURE_NAMES, features

    pairs = [p for _ in range(5) for p in PAIRS]
    weights, intercept = fit_pair_model(pairs)
    assert len(weights) == len(FEATURE_NAMES)

    def z(a: str, b: str) -> float:
        return intercept + sum(w * f for w, f in zip(weights, features(a, b), strict=True))

    assert all((z(a, b) > 0) == bool(y) for a, b, y in PAIRS)
    with pytest.raises(DataError):
        fit_pair_model([p for p in PAIRS if p[2] == 1])


def test_mrpc_dev_reaches_target(shared_data: Path) -> None:
    result = evaluate_paraphrase(str(shared_data / "dedup" / "mrpc" / "mrpc_dev.jsonl"))
    scores = {s.name: s.metrics["accuracy"] for s in result.systems}
    assert scores["newsbrief"] > scores["word-overlap"] > scores["majority"]
    assert scores["newsbrief"] >= 0.75


def test_shipped_weights_come_from_the_fit_half(shared_data: Path) -> None:
    from newsbrief.eval.paraphrase import load_pairs
    from newsbrief.paraphrase import FEATURE_NAMES, INTERCEPT, WEIGHTS

    fit, _ = load_pairs(str(shared_data / "dedup" / "mrpc" / "mrpc_dev.jsonl"))
    weights, intercept = fit_pair_model(fit)
    assert intercept == pytest.approx(INTERCEPT, abs=0.05)
    for name, w in zip(FEATURE_NAMES, weights, strict=True):
        assert w == pytest.approx(WEIGHTS[name], abs=0.05), name

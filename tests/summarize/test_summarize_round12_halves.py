"""benchmarks/rouge_halves.py compares ROUGE-1 as well as ROUGE-2 with a saved run, and still
reads a run saved when only ROUGE-2 was kept."""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[2]


def _halves() -> ModuleType:
    path = REPO / "benchmarks" / "rouge_halves.py"
    spec = importlib.util.spec_from_file_location("rouge_halves_script", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["rouge_halves_script"] = module
    spec.loader.exec_module(module)
    return module


def test_an_old_save_holds_rouge2_only_and_a_new_one_every_key() -> None:
    halves = _halves()
    assert halves._saved([1.0, 2.0], "rouge2") == [1.0, 2.0]
    assert halves._saved([1.0, 2.0], "rouge1") is None
    new = {"rouge1": [3.0], "rouge2": [4.0], "rougeL": [5.0]}
    assert halves._saved(new, "rouge1") == [3.0]
    assert halves._saved(new, "rouge2") == [4.0]


def test_paired_difference_counts_clusters_and_gives_the_standard_error() -> None:
    halves = _halves()
    rows = [{"rouge1": v} for v in (11.0, 10.0, 12.0, 9.0)]
    old = [10.0, 10.0, 10.0, 10.0]
    # clusters 0 and 2 (the even half): differences +1 and +2
    text = halves._paired(rows, old, [0, 2], "rouge1")
    se = math.sqrt(0.5 / 2)  # sample variance of (1, 2) is 0.5, over 2 clusters
    assert text == f"+1.50 (2/0, se {se:.2f})"
    # every cluster: +1, 0, +2, -1: two up, one down, one unchanged
    assert halves._paired(rows, old, [0, 1, 2, 3], "rouge1").startswith("+0.50 (2/1, se ")

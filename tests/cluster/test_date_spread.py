"""A slice of the date-spread pile: stories whose articles are weeks apart stay whole."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCH))

import date_spread  # noqa: E402


@pytest.mark.skipif(not date_spread.dev_pile.DATA.exists(), reason="shared data absent")
def test_dates_spread_over_60_days_cost_no_grouping() -> None:
    res = date_spread.measure(seed=7, spread=60, stories=20, min_articles=2, full=False)
    undated, dated = res["undated"][2], res["dated"][2]
    # a 7-day cut scored this slice far lower dated than undated (0.946 vs 0.637 on 60
    # stories); time is evidence, not a wall
    assert abs(undated - dated) <= 0.02
    assert dated >= 0.8

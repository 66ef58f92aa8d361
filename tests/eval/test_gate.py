"""The gate's comparison logic on fabricated figures, and the floors file the repo ships."""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest

from newsbrief.errors import ConfigError
from newsbrief.eval import EvalResult, SystemScore
from newsbrief.eval.gate import (
    Check,
    compare,
    dump_floors,
    floor_changes,
    header_of,
    load_floors,
    markdown_table,
    parse_floors,
    updated,
)

REPO = Path(__file__).resolve().parents[2]


def _check(**kw: object) -> Check:
    base: dict = dict(
        suite="fast",
        run="r",
        system="newsbrief",
        metric="f1",
        margin=0.005,
        figure=0.9,
        floor=0.895,
    )
    base.update(kw)
    return Check(**base)


def _one(check: Check, figures: dict) -> tuple[bool, str]:
    [outcome] = compare([check], {"r": figures})
    return outcome.ok, outcome.reason


def test_below_floor_fails_at_floor_passes() -> None:
    c = _check()
    assert _one(c, {("newsbrief", "f1"): 0.8949}) == (False, "below floor by 0.0001")
    assert _one(c, {("newsbrief", "f1"): 0.895})[0]
    assert _one(c, {("newsbrief", "f1"): 0.93})[0]


def test_floor_made_by_subtraction_still_passes_at_equality() -> None:
    # 0.9 - 0.005 is 0.8949999... in floats; a figure printed as 0.895 sits on the floor
    c = _check(floor=0.9 - 0.005)
    assert _one(c, {("newsbrief", "f1"): 0.895})[0]


def test_missing_metric_run_and_failed_run_fail() -> None:
    c = _check()
    ok, reason = _one(c, {("newsbrief", "recall"): 0.99})
    assert not ok and reason == "metric missing"
    ok, reason = _one(c, {("other system", "f1"): 0.99})
    assert not ok and reason == "metric missing"
    [not_run] = compare([c], {})
    assert not not_run.ok and not_run.reason == "run not measured"
    [crashed] = compare([c], {"r": {("newsbrief", "f1"): 0.99}}, {"r": "DataError: gone"})
    assert not crashed.ok and "DataError: gone" in crashed.reason


def test_relative_check_against_baseline_in_same_run() -> None:
    c = _check(floor=0.5, vs="trafilatura", vs_figure=0.6, vs_enforced=True)
    # above the fixed floor, but below the library it wraps in this very run
    ok, reason = _one(c, {("newsbrief", "f1"): 0.70, ("trafilatura", "f1"): 0.71})
    assert not ok and reason.startswith("below trafilatura by")
    # level with the baseline passes, whatever the baseline scored when the floor was set
    assert _one(c, {("newsbrief", "f1"): 0.71, ("trafilatura", "f1"): 0.71})[0]
    # an enforced baseline that is not in the run fails
    ok, reason = _one(c, {("newsbrief", "f1"): 0.70})
    assert not ok and "trafilatura missing" in reason
    # not enforced: shown, never failing
    shown = _check(floor=0.5, vs="trafilatura", vs_enforced=False)
    assert _one(shown, {("newsbrief", "f1"): 0.70, ("trafilatura", "f1"): 0.9})[0]


def test_both_reasons_reported() -> None:
    c = _check(vs="lead", vs_enforced=True)
    ok, reason = _one(c, {("newsbrief", "f1"): 0.80, ("lead", "f1"): 0.85})
    assert not ok and "below floor" in reason and "below lead" in reason


def test_table_marks_failures() -> None:
    checks = [_check(), _check(metric="precision", vs="c4", vs_enforced=True)]
    out = compare(checks, {"r": {("newsbrief", "f1"): 0.9, ("c4", "precision"): 0.99}})
    table = markdown_table(out).splitlines()
    assert table[0].startswith("| run | system | metric | figure | floor | margin |")
    assert table[2].endswith("| pass |")
    assert "**FAIL** (metric missing)" in table[3]
    assert "c4 0.9900 (≥, checked)" in table[3]


def test_update_sets_floor_from_figure_and_reports_lowered() -> None:
    old = [_check(), _check(metric="recall", figure=0.7, floor=0.695, vs="b", vs_enforced=True)]
    new = updated(
        old, {"r": {("newsbrief", "f1"): 0.92, ("newsbrief", "recall"): 0.6, ("b", "recall"): 0.5}}
    )
    assert (new[0].figure, new[0].floor) == (0.92, 0.915)
    assert (new[1].floor, new[1].vs_figure) == (0.595, 0.5)
    lines = floor_changes(old, new)  # lowered floors first, the ones a commit must name
    assert lines[0].startswith("LOWERED: [fast] r / newsbrief / recall: 0.6950 -> 0.5950")
    assert lines[1].startswith("raised: [fast] r / newsbrief / f1: 0.8950 -> 0.9150")
    # a figure not measured keeps its floor
    assert updated(old, {})[0] == old[0]


def test_floors_file_round_trip_keeps_header() -> None:
    checks = [_check(), _check(run='a "quoted" run', vs="x", vs_figure=0.5, vs_enforced=True)]
    text = dump_floors("# policy line\n# margins\n", checks)
    assert header_of(text) == "# policy line\n# margins\n"
    assert parse_floors(text) == checks


@pytest.mark.parametrize(
    "text",
    [
        "[[check]]\nsuite = 'full'\n",  # fields missing
        "[[check]]\nsuite='nightly'\nrun='r'\nsystem='s'\nmetric='m'\nmargin=0\nfigure=1\nfloor=1\n",
        "[[check]]\nsuite='full'\nrun='r'\nsystem='s'\nmetric='m'\nmargin='x'\nfigure=1\nfloor=1\n",
        "not toml [",
    ],
)
def test_bad_floors_files_are_config_errors(text: str) -> None:
    with pytest.raises(ConfigError):
        parse_floors(text)


def _gate_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gate_script", REPO / "benchmarks" / "gate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["gate_script"] = module
    spec.loader.exec_module(module)
    return module


def test_shipped_floors_cover_every_run_and_hold_figure_minus_margin() -> None:
    gate = _gate_script()
    checks = load_floors(REPO / "benchmarks" / "quality_floors.toml")
    for suite, runs in (("full", gate.FULL), ("fast", gate.FAST)):
        ids = {r.id for r in runs}
        gated = {c.run for c in checks if c.suite == suite}
        assert gated == ids, suite  # every run has floors, every floor has a run
    for c in checks:
        assert c.floor == pytest.approx(c.figure - c.margin, abs=1e-4), c
        assert 0 < c.margin <= 0.7, c


def test_notes_become_figures() -> None:
    gate = _gate_script()
    result = EvalResult("cluster", "x", 3, [SystemScore("newsbrief", {"bcubed_f1": 0.8})])
    result.notes = [
        "pair scorer 2-fold (fit on half ...): P 0.9 R 0.8 F1 0.85, P 0.9 R 0.8 F1 0.86; "
        "mean F1 0.855",
        "uci_news_dev: newsbrief with each day's items interleaved (timestamps dealt at random "
        "within the day): B-cubed P 0.771 R 0.642 F1 0.701",
    ]
    figures = gate.cluster_figures(result)
    assert figures[("newsbrief", "bcubed_f1")] == 0.8
    assert figures[("newsbrief", "bcubed_f1_2fold")] == 0.855
    assert figures[("uci_news_dev: newsbrief", "bcubed_f1_interleaved")] == 0.701


def test_skips_without_shared_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gate = _gate_script()
    assert gate.main(["--fast", "--data", str(tmp_path / "absent")]) == 0
    assert capsys.readouterr().out.startswith("SKIPPED: shared data absent")


def test_write_section_replaces_only_its_block(tmp_path: Path) -> None:
    gate = _gate_script()
    doc = tmp_path / "b.md"
    doc.write_text("# Benchmarks\n\nintro\n", encoding="utf-8")
    gate.write_section(doc, "full", "table one")
    gate.write_section(doc, "fast", "fast table")
    gate.write_section(doc, "full", "table two")
    text = doc.read_text(encoding="utf-8")
    assert text.startswith("# Benchmarks\n\nintro\n")
    assert "table two" in text and "table one" not in text and "fast table" in text


def test_gate_end_to_end_on_one_cheap_run(
    shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The shipped floors pass on the alignment run, and the same run fails once a floor sits
    above today's figure (SuperPAL alignment: the cheapest task, under a second)."""
    gate = _gate_script()
    run = "align SuperPAL"
    shipped = REPO / "benchmarks" / "quality_floors.toml"
    argv = ["--fast", "--only", run, "--data", str(shared_data)]
    assert gate.main([*argv, "--floors", str(shipped)]) == 0
    capsys.readouterr()
    checks = [c for c in load_floors(shipped) if c.suite == "fast" and c.run == run]
    assert checks
    raised = [replace(c, floor=c.figure + 0.01) if c.metric == "f1" else c for c in checks]
    floors = tmp_path / "floors.toml"
    floors.write_text(dump_floors("", raised), encoding="utf-8")
    assert gate.main([*argv, "--floors", str(floors)]) == 1
    out = capsys.readouterr().out
    assert f"FAIL [fast] {run} / newsbrief / f1: below floor by" in out
    assert out.rstrip().endswith("FAIL (fast gate)")

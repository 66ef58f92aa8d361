from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsbrief.errors import DataError
from newsbrief.eval.conflict import balanced_accuracy, evaluate_conflict, judge, unsupported

DOC = (
    "The city council of Lindqvist approved the budget on Tuesday. "
    "It includes 40 million euros for new schools. "
    "Mayor Petra Sand said the vote was a victory for families."
)


def test_balanced_accuracy() -> None:
    assert balanced_accuracy([1, 1, 0, 0], [1, 1, 1, 1]) == 50.0
    assert balanced_accuracy([1, 0, 0, 0], [1, 0, 0, 1]) == pytest.approx(83.33, abs=0.01)


def test_judge_catches_edits_and_passes_rewordings() -> None:
    assert judge(
        "The Lindqvist council passed the budget, which has 40 million euros for schools.", DOC
    )[0]
    assert not judge("The budget includes 14 million euros for new schools.", DOC)[0]
    assert not judge("Mayor Petra Sand said the vote was a defeat for families.", DOC)[0]
    assert not judge("The council of Lindqvist did not approve the budget on Tuesday.", DOC)[0]
    assert unsupported("Mayor Jonas Berg praised the vote.", DOC) == ["Jonas", "Berg"]


def test_evaluate_small_file(tmp_path: Path) -> None:
    rows = [
        {"doc": DOC, "summary": "The council of Lindqvist approved the budget.", "label": 1},
        {"doc": DOC, "summary": "The council of Lindqvist rejected the budget.", "label": 0},
    ]
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = evaluate_conflict(str(path))
    assert [s.name for s in result.systems] == ["always consistent", "newsbrief"]
    assert result.systems[0].metrics["balanced_accuracy"] == 50.0
    assert result.systems[1].metrics["balanced_accuracy"] == 100.0
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"doc": DOC}) + "\n")
    with pytest.raises(DataError):
        evaluate_conflict(str(bad))


def test_dev_set_target(shared_data: Path) -> None:
    data = shared_data / "claim_conflict" / "summedits_news" / "dev.jsonl"
    result = evaluate_conflict(str(data))
    # 70.1 before issue 16's frame checks; they trade about two points of SummEdits recall
    # (edits the parse cannot place in one slot) for a false-alarm rate under 1 % below
    assert result.systems[1].metrics["balanced_accuracy"] >= 68.0
    rates = {s.name: s.metrics["false_alarm_pct"] for s in result.systems[2:]}
    assert set(rates) == {"newsbrief on MRPC paraphrases", "newsbrief on SuperPAL alignments"}
    assert all(rate <= 1.0 for rate in rates.values())

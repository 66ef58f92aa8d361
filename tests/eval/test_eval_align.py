from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsbrief.errors import DataError
from newsbrief.eval.align import evaluate_align, fit_cut, jaccard, load_topics, prf


def _topic(name: str, offset: int) -> dict:
    summary = [
        {"char_idx": 0, "text": "The council approved a new tram line to the harbour on Monday."},
        {"char_idx": 70, "text": "Heavy snow closed the mountain pass for three days."},
    ]
    docs = [
        {
            "doc_file": "a.txt",
            "char_idx": 0,
            "text": "On Monday the council approved the new tram line to the harbour.",
        },
        {
            "doc_file": "a.txt",
            "char_idx": 80,
            "text": "The mountain pass was closed for three days by heavy snow.",
        },
        {
            "doc_file": "b.txt",
            "char_idx": 0,
            "text": "A bakery in the old town celebrated its hundredth year.",
        },
    ]
    aligns = [
        {"summary_sent_char_idx": 0, "doc_file": "a.txt", "doc_sent_char_idx": 0},
        {"summary_sent_char_idx": 70, "doc_file": "a.txt", "doc_sent_char_idx": 80},
    ]
    return {
        "topic": name,
        "summary_sentences": summary,
        "doc_sentences": docs,
        "alignments": aligns,
    }


def test_metrics_helpers() -> None:
    assert prf({(0, 0), (1, 1)}, {(0, 0), (1, 0)}) == (1, 1, 1)
    assert jaccard("a b c", "A b d") == pytest.approx(0.5)
    cut = fit_cut([(0.9, True), (0.8, True), (0.2, False), (0.1, False)])
    assert 0.2 < cut < 0.8


def test_evaluate_small_file(tmp_path: Path) -> None:
    path = tmp_path / "align.jsonl"
    path.write_text("".join(json.dumps(_topic(f"t{n}", n)) + "\n" for n in range(4)))
    topics = load_topics(str(path))
    assert topics[0].gold == {(0, 0), (1, 1)}
    result = evaluate_align(str(path))
    assert [s.name for s in result.systems] == ["word-overlap", "newsbrief"]
    assert result.n == 4 * 2 * 3
    ours = result.systems[1].metrics
    assert ours["precision"] == 1.0 and ours["recall"] == 1.0
    assert "2-fold" in result.notes[0]


def test_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"topic": "x"}) + "\n")
    with pytest.raises(DataError):
        load_topics(str(path))


def test_dev_set_beats_word_overlap(shared_data: Path) -> None:
    data = shared_data / "claim_alignment" / "superpal_multinews" / "dev.jsonl"
    result = evaluate_align(str(data))
    overlap, ours = (s.metrics for s in result.systems)
    assert ours["f1"] > overlap["f1"]
    assert ours["precision"] >= 0.85

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsbrief.errors import DataError
from newsbrief.eval.quotes import evaluate_quotes

TEXT = "“We will rebuild the bridge soon,” Mayor Tom Hale said.\nThe weather was fine."


def _record() -> dict:
    q0, q1 = TEXT.index("“"), TEXT.index("”") + 1
    src = TEXT.index("Mayor")
    return {
        "id": "x",
        "text": TEXT,
        "publication_date": "2016-05-01",
        "attributions": [
            {
                "id": "E1",
                "type": "Attribution",
                "source": [{"start": src, "end": src + 14, "text": TEXT[src : src + 14]}],
                "cue": [],
                "content": [{"start": q0, "end": q1, "text": TEXT[q0:q1]}],
                "content_is_direct_quote": True,
            }
        ],
    }


def test_perfect_direct_quote_scores_one(tmp_path: Path) -> None:
    path = tmp_path / "tiny.jsonl"
    path.write_text(json.dumps(_record()) + "\n", encoding="utf-8")
    result = evaluate_quotes(path)
    assert result.task == "quotes" and result.n == 1
    ours = {s.name: s.metrics for s in result.systems}["newsbrief"]
    assert ours["direct_content_f1"] == 1.0
    assert ours["direct_speaker_acc"] == 1.0
    assert ours["all_source_f1"] == 1.0
    baseline = {s.name: s.metrics for s in result.systems}["quote-marks"]
    assert baseline["direct_speaker_acc"] == 0.0


def test_bad_file_raises_data_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"foo": 1}\n', encoding="utf-8")
    with pytest.raises(DataError):
        evaluate_quotes(path)


def test_polnear_dev_meets_direct_targets(shared_data: Path) -> None:
    path = shared_data / "quote_attribution" / "polnear" / "dev.jsonl"
    if not path.exists():
        pytest.skip("PolNeAR dev not found")
    ours = {s.name: s.metrics for s in evaluate_quotes(path).systems}["newsbrief"]
    assert ours["direct_content_f1"] >= 0.80
    assert ours["direct_speaker_acc"] >= 0.80


def test_split_quote_is_scored_as_one_attribution_without_its_cue() -> None:
    from newsbrief.eval.quotes import _merge_split
    from newsbrief.records import Quote

    text = "“We will win,” he said, “and we will rebuild.”"
    a = Quote("We will win,", "direct", 0, 1, 13, "Omar Farouk", "he", "said")
    b = Quote("and we will rebuild.", "direct", 0, 25, 45, "Omar Farouk", "he", "said")
    ((q, parts),) = _merge_split(text, [a, b])
    assert parts == [(1, 13), (25, 45)]
    assert q is a


def test_a_speakers_further_quotes_in_the_paragraph_join_but_not_across_paragraphs() -> None:
    from newsbrief.eval.quotes import _merge_split
    from newsbrief.records import Quote

    said = ", said Ada Brennick, who chairs the roads committee of the council. "
    text = "“A.”" + said + "“B.”\n“C.”"
    b_at = text.index("B.")
    c_at = text.index("C.")
    a = Quote("A.", "direct", 0, 1, 3, "Ada Brennick", "Ada Brennick", "said")
    b = Quote("B.", "direct", 0, b_at, b_at + 2, "Ada Brennick", "Ada Brennick", "said")
    c = Quote("C.", "direct", 1, c_at, c_at + 2, "Ada Brennick", "Ada Brennick", "said")
    joined = _merge_split(text, [a, b, c])
    assert [parts for _, parts in joined] == [[(1, 3), (b_at, b_at + 2)], [(c_at, c_at + 2)]]

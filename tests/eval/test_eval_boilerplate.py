from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsbrief.errors import DataError
from newsbrief.eval.boilerplate import c4_keep, evaluate_boilerplate, shingle_counts

BODY = "The river rose by two metres overnight and officials closed the old bridge to traffic."


def _write(tmp_path: Path) -> Path:
    lines = [
        {"text": "Home", "label": "boilerplate"},
        {"text": "Weather", "label": "boilerplate"},
        {"text": "", "label": "empty"},
        {"text": BODY, "label": "body"},
        {
            "text": "Residents were told to stay away from the banks until the water falls.",
            "label": "body",
        },
        {"text": "Share on Facebook", "label": "boilerplate"},
        {"text": "Local", "label": "uncertain"},
    ]
    path = tmp_path / "plaintext_lines.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "p1", "lines": lines}) + "\n")
    return path


def test_rows_and_metrics(tmp_path: Path) -> None:
    result = evaluate_boilerplate(str(_write(tmp_path)))
    rows = {s.name: s.metrics for s in result.systems}
    assert set(rows) == {"no-filter", "c4-rules", "newsbrief"}
    assert rows["no-filter"]["recall"] == 1.0
    assert rows["no-filter"]["precision"] == pytest.approx(2 / 5)
    assert rows["newsbrief"]["f1"] == 1.0
    assert result.task == "boilerplate" and result.n == 1


def test_c4_rule_and_shingles() -> None:
    assert c4_keep(BODY)
    assert not c4_keep("Too short.")
    assert not c4_keep("Please enable JavaScript to view the comments powered by us.")
    assert shingle_counts(BODY, BODY) == (1.0, 0.0, 0.0)


def test_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "x.jsonl"
    bad.write_text('{"nope": 1}\n')
    with pytest.raises(DataError):
        evaluate_boilerplate(str(bad))


def test_dev_scores_beat_c4(shared_data: Path) -> None:
    path = shared_data / "extraction" / "zyte-aeb" / "plaintext_lines.jsonl.gz"
    if not path.is_file():
        pytest.skip("zyte-aeb plaintext lines not found")
    rows = {s.name: s.metrics for s in evaluate_boilerplate(str(path)).systems}
    assert rows["no-filter"]["f1"] == pytest.approx(0.638, abs=0.01)
    assert rows["c4-rules"]["f1"] == pytest.approx(0.84, abs=0.015)
    assert rows["newsbrief"]["f1"] > rows["c4-rules"]["f1"] + 0.02
    assert rows["newsbrief"]["line_f1"] > rows["c4-rules"]["line_f1"]
